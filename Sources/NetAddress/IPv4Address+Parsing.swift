// MARK: - Parsing

extension IPv4Address {
    /// Parses a strict dotted-quad address such as `192.168.1.10`.
    ///
    /// The text must be exactly four decimal octets 0–255 separated by `.`: no spaces, no signs, no empty
    /// octets, and no leading zeros except the single digit `0` (so `010.1.1.1` is rejected rather than read
    /// as octal or as ten).
    ///
    /// - Parameter text: The text to parse.
    /// - Throws: ``NetAddressError`` with code ``NetAddressError/Code/invalidAddress`` and a message such as
    ///   `invalid IPv4 address '256.1.1.1': octet 256 is above 255`.
    /// - Complexity: O(*n*) in the length of `text`.
    public init(parsing text: String) throws(NetAddressError) {
        switch Self.parseDottedQuad(text[...]) {
        case .success(let value):
            self.init(value)
        case .failure(let failure):
            throw NetAddressError(
                code: failure.code,
                message: "invalid IPv4 address '\(text)': \(failure.reason)",
                input: text
            )
        }
    }

    /// Parses a strict dotted quad, returning the value or why it is not one.
    ///
    /// - Parameter text: The text to parse.
    /// - Returns: The address value, or the reason the text is rejected (without the quoted input).
    static func parseDottedQuad(_ text: Substring) -> Result<UInt32, ParseFailure> {
        guard !text.isEmpty else {
            return .failure(ParseFailure(code: .invalidAddress, reason: "the text is empty"))
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() where !scalar.isASCIIDigit && scalar != "." {
            let shown = scalar.escaped(asASCII: true)
            let reason = "unexpected character '\(shown)' at position \(offset + 1) (only digits and '.' are allowed)"
            return .failure(ParseFailure(code: .invalidAddress, reason: reason))
        }
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else {
            let reason = "expected 4 octets separated by '.', found \(octets.count)"
            return .failure(ParseFailure(code: .invalidAddress, reason: reason))
        }
        var value: UInt32 = 0
        for (index, octet) in octets.enumerated() {
            guard !octet.isEmpty else {
                return .failure(ParseFailure(code: .invalidAddress, reason: "octet \(index + 1) is empty"))
            }
            if octet.count > 1 && octet.first == "0" {
                return .failure(ParseFailure(code: .invalidAddress, reason: "octet '\(octet)' has a leading zero"))
            }
            guard octet.count <= 3, let number = UInt32(octet), number <= 255 else {
                return .failure(ParseFailure(code: .invalidAddress, reason: "octet \(octet) is above 255"))
            }
            value = value << 8 | number
        }
        return .success(value)
    }
}

// MARK: - Parse failure

/// Why a piece of text was rejected, before the public initialiser adds the quoted input.
struct ParseFailure: Error, Equatable {
    /// The error code to report.
    var code: NetAddressError.Code
    /// What is wrong, such as `octet 256 is above 255`.
    var reason: String
}

extension Unicode.Scalar {
    /// Whether the scalar is one of the ASCII digits `0`–`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
