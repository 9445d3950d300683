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

    /// Whether a scalar is a control character (C0, DEL or C1), including line breaks and tabs.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Text from the input as it appears inside quotes in a message: control characters escaped, and cut
    /// to 64 characters so that a huge cell cannot flood the output.
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

    /// A message with its control characters escaped (`\n`, `\t`, `\u{7}`), so that it stays on one line.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isControl(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The Unicode name of a scalar's code point: `U+0007`.
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
