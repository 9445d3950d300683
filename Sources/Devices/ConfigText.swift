/// Checks text from orders and plans before it reaches a router configuration.
///
/// A configuration is pasted into a console, so every value must stay on one line and use only
/// what the platform's CLI takes. LinePlan's choices:
///
/// - **Every value**: no line breaks (LF, CR, VT, FF, NEL, U+2028, U+2029), no other control
///   characters (C0, DEL, C1) and no invisible format characters (bidirectional overrides,
///   zero-width characters). Such a value is refused, never cleaned.
/// - **Hostnames** (`hostname`, `sysname`): ASCII letters, digits and `-`, a letter first, a letter
///   or digit last; at most 63 characters on IOS and VRP 5 and 30 on VRP 3 (Comware 5 too). A
///   Chinese customer name cannot be a hostname: ``makeHostname(_:platform:)`` derives one from the
///   line or site id instead.
/// - **Descriptions**: printable ASCII (space to `~`) without `?`, which both CLIs read as a request
///   for help; at most 240 characters on IOS, 80 on VRP 3, 242 on VRP 5. Chinese text is refused:
///   IOS 12.4 and VRP 3 consoles do not agree on an encoding (UTF-8 or GBK), so a pasted Chinese
///   description comes out garbled or cut; the customer's name goes into the office data sheet instead.
/// - **Free text** (customer and site names in the office data sheet): any printable Unicode.
public enum ConfigText {
    // MARK: - Hostnames

    /// Checks a hostname for a platform.
    ///
    /// - Parameters:
    ///   - text: The hostname.
    ///   - platform: The configuration dialect.
    ///   - field: The field name for the error.
    /// - Returns: The hostname, unchanged.
    /// - Throws: ``DeviceError`` naming the field: `.empty`, `.controlCharacter`, `.forbiddenCharacter`
    ///   (anything but ASCII letters, digits and `-`; a first character that is not a letter; a last
    ///   character that is `-`) or `.tooLong`.
    public static func hostname(_ text: String, platform: ConfigDialect, field: String = "hostname")
        throws(DeviceError) -> String
    {
        try checkLine(text, field: field)
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
            throw DeviceError(code: .empty, location: field, message: "is empty")
        }
        let plain = text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D
        }
        if !plain {
            for (offset, character) in text.enumerated() {
                guard character.isASCII, character.isLetter || character.isNumber || character == "-" else {
                    throw DeviceError(
                        code: .forbiddenCharacter, location: field,
                        message: "contains \(quoted(character)) at character \(offset + 1); a hostname takes only"
                            + " ASCII letters, digits and '-'"
                            + (character.isASCII ? "" : " (derive it from the site or line id)"))
                }
            }
        }
        guard isASCIILetter(first) else {
            throw DeviceError(
                code: .forbiddenCharacter, location: field,
                message: "must start with a letter, found \(quoted(Character(first)))")
        }
        guard isASCIILetter(last) || isASCIIDigit(last) else {
            throw DeviceError(
                code: .forbiddenCharacter, location: field,
                message: "must end with a letter or digit, found \(quoted(Character(last)))")
        }
        let count = plain ? text.utf8.count : text.unicodeScalars.count
        guard count <= platform.hostnameLimit else {
            throw DeviceError(
                code: .tooLong, location: field,
                message: "is \(count) characters long; \(platform.displayName) allows at most \(platform.hostnameLimit)"
            )
        }
        return text
    }

    /// Derives a hostname from free text (a line id, a site id), keeping its ASCII letters and digits.
    ///
    /// Runs of anything else become one `-`; a result that starts with a digit gets `CPE-` in front; the
    /// result is cut to the platform's limit. `ORD-2026-0042/总部` gives `ORD-2026-0042`.
    ///
    /// - Parameters:
    ///   - text: The text to derive the name from.
    ///   - platform: The configuration dialect.
    /// - Returns: A hostname that ``hostname(_:platform:field:)`` accepts, or `nil` when the text has no
    ///   ASCII letter or digit.
    public static func makeHostname(_ text: String, platform: ConfigDialect) -> String? {
        var name = ConfigNames.fold(text)
        guard let first = name.unicodeScalars.first else {
            return nil
        }
        if !isASCIILetter(first) {
            name = "CPE-" + name
        }
        if name.count > platform.hostnameLimit {
            name = String(name.prefix(platform.hostnameLimit))
            while name.last == "-" {
                name.removeLast()
            }
        }
        return name
    }

    // MARK: - Descriptions and banners

    /// Checks an interface description for a platform and trims surrounding spaces.
    ///
    /// - Parameters:
    ///   - text: The description.
    ///   - platform: The configuration dialect.
    ///   - field: The field name for the error.
    /// - Returns: The description without leading or trailing spaces.
    /// - Throws: ``DeviceError`` naming the field: `.controlCharacter`, `.forbiddenCharacter`
    ///   (non-ASCII or `?`), `.empty` or `.tooLong`.
    public static func description(_ text: String, platform: ConfigDialect, field: String)
        throws(DeviceError) -> String
    {
        try printableASCII(
            text, platform: platform, field: field, what: "descriptions", limit: platform.descriptionLimit)
    }

    /// Checks a login banner's text for a platform: a description's rules, without `#` or `^`, which
    /// delimit the banner on IOS.
    ///
    /// - Parameters:
    ///   - text: The banner text.
    ///   - platform: The configuration dialect.
    ///   - field: The field name for the error.
    /// - Returns: The text without leading or trailing spaces.
    /// - Throws: ``DeviceError`` as ``description(_:platform:field:)``, and `.forbiddenCharacter` for `#`
    ///   or `^`.
    public static func banner(_ text: String, platform: ConfigDialect, field: String = "banner")
        throws(DeviceError) -> String
    {
        let trimmed = try printableASCII(text, platform: platform, field: field, what: "banners", limit: 240)
        for (offset, character) in trimmed.enumerated() where character == "#" || character == "^" {
            throw DeviceError(
                code: .forbiddenCharacter, location: field,
                message: "contains \(quoted(character)) at character \(offset + 1); it delimits the banner")
        }
        return trimmed
    }

    private static func printableASCII(
        _ text: String, platform: ConfigDialect, field: String, what: String, limit: Int
    ) throws(DeviceError) -> String {
        // One pass for the usual case: printable ASCII, no '?', no surrounding spaces, within the limit.
        let length = text.utf8.count
        if length > 0, length <= limit, text.utf8.first != 0x20, text.utf8.last != 0x20,
            text.utf8.withContiguousStorageIfAvailable({ bytes in
                var ok = true
                for byte in bytes {
                    ok = ok && byte >= 0x20 && byte < 0x7F && byte != 0x3F
                }
                return ok
            }) == true
        {
            return text
        }
        try checkLine(text, field: field)
        let trimmed = trimmingSpaces(text)
        guard !trimmed.isEmpty else {
            throw DeviceError(code: .empty, location: field, message: "is empty")
        }
        let plain = isPrintableASCII(trimmed) && !trimmed.utf8.contains(UInt8(ascii: "?"))
        if !plain {
            for (offset, character) in trimmed.enumerated() {
                guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    scalar.value >= 0x20, scalar.value < 0x7F
                else {
                    throw DeviceError(
                        code: .forbiddenCharacter, location: field,
                        message: "contains \(quoted(character)) at character \(offset + 1); \(platform.displayName)"
                            + " \(what) are printable ASCII only")
                }
                if character == "?" {
                    throw DeviceError(
                        code: .forbiddenCharacter, location: field,
                        message: "contains '?' at character \(offset + 1); the CLI reads '?' as a request for help")
                }
            }
        }
        let count = trimmed.utf8.count
        guard count <= limit else {
            throw DeviceError(
                code: .tooLong, location: field,
                message: "is \(count) characters long; \(platform.displayName) \(what) take at most \(limit)")
        }
        return trimmed
    }

    // MARK: - Free text

    /// Checks free text (a customer or site name) that goes into the office data sheet or a file name.
    ///
    /// - Parameters:
    ///   - text: The text; any printable Unicode.
    ///   - field: The field name for the error.
    ///   - limit: The longest accepted text, in characters.
    /// - Returns: The text without leading or trailing spaces.
    /// - Throws: ``DeviceError`` naming the field: `.controlCharacter`, `.empty` or `.tooLong`.
    public static func plainText(_ text: String, field: String, limit: Int = 200) throws(DeviceError) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first != 0x20, first != 0x09, last != 0x20,
            last != 0x09, text.utf8.count <= limit, isPrintableASCII(text)
        {
            return text
        }
        try checkLine(text, field: field)
        let trimmed = trimmingSpaces(text)
        guard !trimmed.isEmpty else {
            throw DeviceError(code: .empty, location: field, message: "is empty")
        }
        let count = trimmed.count
        guard count <= limit else {
            throw DeviceError(code: .tooLong, location: field, message: "is \(count) characters long; at most \(limit)")
        }
        return trimmed
    }

    /// Refuses line breaks, control characters and invisible format characters.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - field: The field name for the error.
    /// - Throws: ``DeviceError`` `.controlCharacter` naming the field, the code point and the
    ///   1-based character position.
    public static func checkLine(_ text: String, field: String) throws(DeviceError) {
        if isPrintableASCII(text) || !text.unicodeScalars.contains(where: isRefused) {
            return
        }
        var position = 0
        for character in text {
            position += 1
            for scalar in character.unicodeScalars {
                if isLineBreak(scalar) {
                    throw DeviceError(
                        code: .controlCharacter, location: field,
                        message: "contains a line break (\(codePoint(scalar))) at character \(position);"
                            + " a value must stay on one line")
                }
                if isRefused(scalar) {
                    throw DeviceError(
                        code: .controlCharacter, location: field,
                        message: "contains a control character (\(codePoint(scalar))) at character \(position)")
                }
            }
        }
    }

    // MARK: - Names

    /// Returns whether text is a plain name: 1 to `limit` ASCII letters, digits, `-` and `_`, as a GGSN id, a
    /// VRF or a hostname in the office data sheet must be.
    ///
    /// - Parameters:
    ///   - text: The candidate name.
    ///   - limit: The most characters.
    /// - Returns: `true` for names such as `GGSN-01`, `vpn_bank`.
    public static func isSimpleName(_ text: String, limit: Int) -> Bool {
        !text.isEmpty && text.utf8.count <= limit
            && text.utf8.allSatisfy { byte in
                (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
                    || byte == 0x5F
            }
    }

    /// Returns whether text can name an interface: an ASCII letter, then ASCII letters, digits, `/`,
    /// `.`, `:` and `-`.
    ///
    /// - Parameter text: The candidate name.
    /// - Returns: `true` for names such as `FastEthernet0/0`, `Serial0/0/0:0`, `Vlanif1`.
    public static func isInterfaceName(_ text: String) -> Bool {
        guard let first = text.utf8.first, first | 0x20 >= 0x61, first | 0x20 <= 0x7A, text.utf8.count <= 64 else {
            return false
        }
        return text.utf8.allSatisfy { byte in
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x2D && byte <= 0x3A)
        }
    }

    /// Turns free text into a safe file name stem, the same every time for the same text.
    ///
    /// What a file system, a shell or a spreadsheet reads specially never stays: `/`, `\`, `:`, `<`, `>`,
    /// `"`, `'`, `|`, `?`, `*`, spaces and control characters become `-`; then leading `=`, `+`, `-`, `@` and
    /// `.` (a formula, an option, a hidden file) and trailing `.` and `-` are dropped; an empty result becomes
    /// `site`. `ORD-7/总部` gives `ORD-7-总部`; `=HYPERLINK("x")` gives `HYPERLINK(-x-)`.
    ///
    /// - Parameter text: A site or line name.
    /// - Returns: A name fit for `<stem>.office-data.md`.
    /// - Complexity: O(*n*) in the length of the text.
    public static func fileStem(_ text: String) -> String {
        var stem = ""
        for scalar in text.unicodeScalars {
            let unsafe =
                "/\\:<>\"'|?* ".unicodeScalars.contains(scalar) || scalar.value < 0x20
                || (0x7F...0x9F).contains(scalar.value)
                || isRefused(scalar)
            stem.unicodeScalars.append(unsafe ? "-" : scalar)
        }
        let leading: Set<Unicode.Scalar> = ["=", "+", "-", "@", "."]
        let kept = stem.unicodeScalars.drop { leading.contains($0) }
        var result = String(String.UnicodeScalarView(kept))
        while let last = result.last, last == "." || last == "-" {
            result.removeLast()
        }
        return result.isEmpty ? "site" : result
    }

    // MARK: - Helpers

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z")
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    /// Whether a scalar is a line break, a control, a format character, a separator, a surrogate or private use.
    private static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x20, scalar.value < 0x7F {
            return false
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse: return true
        default: return false
        }
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A character for a message: `'农' (U+519C)` for non-ASCII, `' '` for ASCII.
    private static func quoted(_ character: Character) -> String {
        guard !character.isASCII, let scalar = character.unicodeScalars.first else {
            return "'\(character)'"
        }
        return "'\(character)' (\(codePoint(scalar)))"
    }

    private static func isPrintableASCII(_ text: String) -> Bool {
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes in
            var ok = true
            for byte in bytes {
                ok = ok && byte >= 0x20 && byte < 0x7F
            }
            return ok
        }
        return fast ?? text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func trimmingSpaces(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first != 0x20, first != 0x09, last != 0x20,
            last != 0x09
        {
            return text
        }
        guard let start = text.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let end = text.lastIndex(where: { $0 != " " && $0 != "\t" })
        else {
            return ""
        }
        return String(text[start...end])
    }
}
