// MARK: - Parsing

extension IPv4Prefix {
    /// Parses a CIDR prefix such as `10.0.0.0/30`.
    ///
    /// The address part follows the strict rules of ``IPv4Address/init(parsing:)``; the length is a decimal
    /// number 0...32 without a leading zero; and the address must have no bits set below the length.
    ///
    /// - Parameter text: The text to parse, `a.b.c.d/length`.
    /// - Throws: ``NetAddressError`` whose message quotes the text and says what is wrong:
    ///   ``NetAddressError/Code/invalidPrefix`` (no `/`, empty or non-numeric length),
    ///   ``NetAddressError/Code/invalidAddress`` (bad address part),
    ///   ``NetAddressError/Code/lengthOutOfRange`` (`prefix length 33 is above 32`) or
    ///   ``NetAddressError/Code/hostBitsSet`` (`host bits are set (did you mean 10.0.0.0/30?)`).
    /// - Complexity: O(*n*) in the length of `text`.
    public init(parsing text: String) throws(NetAddressError) {
        switch Self.parseCIDR(text[...]) {
        case .success(let prefix):
            self = prefix
        case .failure(let failure):
            throw NetAddressError(
                code: failure.code,
                message: "invalid prefix '\(text)': \(failure.reason)",
                input: text
            )
        }
    }

    /// Parses `a.b.c.d/length`, returning the prefix or why the text is not one.
    ///
    /// - Parameter text: The text to parse.
    /// - Returns: The prefix, or the reason the text is rejected (without the quoted input).
    static func parseCIDR(_ text: Substring) -> Result<IPv4Prefix, ParseFailure> {
        guard !text.isEmpty else {
            return .failure(ParseFailure(code: .invalidPrefix, reason: "the text is empty"))
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            let reason =
                parts.count < 2
                ? "expected 'address/length', the '/length' is missing"
                : "expected 'address/length', found \(parts.count - 1) '/' characters"
            return .failure(ParseFailure(code: .invalidPrefix, reason: reason))
        }
        guard !parts[0].isEmpty else {
            return .failure(ParseFailure(code: .invalidAddress, reason: "the address before '/' is missing"))
        }
        let address: UInt32
        switch IPv4Address.parseDottedQuad(parts[0]) {
        case .success(let value): address = value
        case .failure(let failure): return .failure(failure)
        }
        let lengthText = parts[1]
        guard !lengthText.isEmpty else {
            return .failure(ParseFailure(code: .invalidPrefix, reason: "the prefix length after '/' is missing"))
        }
        guard lengthText.unicodeScalars.allSatisfy(\.isASCIIDigit) else {
            let reason = "prefix length '\(lengthText)' is not a decimal number"
            return .failure(ParseFailure(code: .invalidPrefix, reason: reason))
        }
        if lengthText.count > 1 && lengthText.first == "0" {
            let reason = "prefix length '\(lengthText)' has a leading zero"
            return .failure(ParseFailure(code: .invalidPrefix, reason: reason))
        }
        guard lengthText.count <= 2, let length = Int(lengthText), length <= 32 else {
            let reason = "prefix length \(lengthText) is above 32"
            return .failure(ParseFailure(code: .lengthOutOfRange, reason: reason))
        }
        let network = address & mask(length: length)
        guard network == address else {
            let reason = "host bits are set (did you mean \(IPv4Address(network))/\(length)?)"
            return .failure(ParseFailure(code: .hostBitsSet, reason: reason))
        }
        return .success(IPv4Prefix(uncheckedNetwork: network, length: length))
    }
}
