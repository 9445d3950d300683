/// The rules for ids and free text in orders, and how input is quoted in messages.
enum TextRules {
    /// Why an id is unusable, or `nil`: ids are 1–64 characters without spaces or control characters, the
    /// same rule as the ids of a network file.
    static func idProblem(_ id: String) -> String? {
        if id.utf8.count <= 64, !id.isEmpty, id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return nil }
        if id.isEmpty { return "an id must not be empty" }
        if id.count > 64 { return "an id is at most 64 characters" }
        if id.unicodeScalars.contains(where: { $0.properties.isWhitespace || isControl($0) }) {
            return "an id must not contain spaces or control characters"
        }
        return nil
    }

    /// Why a piece of free text (a name, an address) is unusable, or `nil`.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - maximum: The most characters allowed.
    ///   - trimmed: Whether the text must not start or end with whitespace.
    ///   - lineBreaks: Whether line breaks and tabs are allowed (a description of several lines).
    /// - Returns: The problem, such as `must not be empty`, or `nil`.
    static func textProblem(_ text: String, maximum: Int, trimmed: Bool = false, lineBreaks: Bool = false) -> String? {
        if text.isEmpty { return "must not be empty" }
        let allowed: Set<Unicode.Scalar> = lineBreaks ? ["\n", "\r", "\t"] : []
        if let control = text.unicodeScalars.first(where: { isControl($0) && !allowed.contains($0) }) {
            if control == "\n" || control == "\r" { return "must not contain a line break" }
            return "must not contain control character \(unicodeName(control))"
        }
        if trimmed,
            text.unicodeScalars.first?.properties.isWhitespace == true
                || text.unicodeScalars.last?.properties.isWhitespace == true
        {
            return "must not start or end with a space"
        }
        let count = text.count
        if count > maximum { return "\(count) characters, at most \(maximum)" }
        return nil
    }

    /// Why a phone number is unusable, or `nil`: digits, with an optional leading `+`, and `-`, spaces and
    /// parentheses between them (`+86 (27) 8765-4321`); at least three digits, no space at either end.
    static func phoneProblem(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "0"..."9", "-", " ", "(", ")": continue
            case "+" where index == 0: continue
            case "+": return "'+' may only start the number"
            default:
                return "a phone has digits, an optional leading '+', '-', spaces and parentheses, not "
                    + "'\(singleLine(String(scalar)))'"
            }
        }
        if scalars.first == " " || scalars.last == " " { return "must not start or end with a space" }
        let digits = scalars.filter { ("0"..."9").contains($0) }.count
        if digits < 3 { return "a phone needs at least 3 digits" }
        return nil
    }

    /// Why text cannot be shown safely in a document, or `nil`: it holds a character that is invisible or
    /// changes how the text around it is shown.
    ///
    /// Refused are format characters (Unicode general category Cf: the bidirectional overrides, embeddings,
    /// isolates and marks U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C; the zero-width characters
    /// U+200B–U+200D and U+2060–U+2064; U+FEFF; the soft hyphen U+00AD; language tags), the line and paragraph
    /// separators U+2028 and U+2029, private-use characters and unassigned code points (noncharacters
    /// included). Control characters are the business of ``textProblem(_:maximum:trimmed:lineBreaks:)``.
    /// Chinese text, full-width punctuation and spaces, U+3000 IDEOGRAPHIC SPACE included, are allowed.
    ///
    /// - Returns: The problem, such as `must not contain the format character U+202E RIGHT-TO-LEFT OVERRIDE`,
    ///   naming the first such character, or `nil`.
    /// - Complexity: O(*n*) for a text of *n* scalars.
    static func unsafeProblem(_ text: String) -> String? {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }),
            let scalar = text.unicodeScalars.first(where: isUnsafe)
        else { return nil }
        return "must not contain \(unsafeDescription(scalar))"
    }

    /// Whether a scalar cannot be shown safely in a document (see ``unsafeProblem(_:)``); control characters
    /// are not counted here.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0xA0 else { return false }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate: return true
        default: return false
        }
    }

    /// What an unsafe scalar is, by its code point and, when it has one, its name: `the format character
    /// U+202E RIGHT-TO-LEFT OVERRIDE`, `the private-use character U+E000`.
    static func unsafeDescription(_ scalar: Unicode.Scalar) -> String {
        let properties = scalar.properties
        let kind: String
        switch properties.generalCategory {
        case .format: kind = "the format character"
        case .lineSeparator, .paragraphSeparator: kind = "the separator"
        case .privateUse: kind = "the private-use character"
        case .unassigned where properties.isNoncharacterCodePoint: kind = "the noncharacter"
        case .unassigned: kind = "the unassigned code point"
        default: kind = "the character"
        }
        let name = properties.name.map { " " + $0 } ?? ""
        return "\(kind) \(unicodeName(scalar))\(name)"
    }

    /// Whether a scalar is a control character (C0, DEL or C1), including line breaks and tabs.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Text from the input as it appears inside quotes in a message: control characters and characters that
    /// cannot be shown safely escaped (`\u{202E}`), and cut to 64 characters so that a huge cell cannot flood
    /// the output.
    static func shown(_ text: String) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == 64 {
                result += "…"
                break
            }
            result += singleLine(String(character))
            count += 1
        }
        return result
    }

    /// A message with its control characters escaped (`\n`, `\t`, `\u{7}`), so that it stays on one line, and
    /// the characters that cannot be shown safely (``isUnsafe(_:)``) escaped too (`\u{202E}`), so that none
    /// of them reorders or hides the text around it.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || isUnsafe($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isControl(scalar) || isUnsafe(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A scalar's code point as Unicode writes it: `U+0007`.
    static func unicodeName(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A two-digit uppercase hexadecimal byte: `C4`.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
