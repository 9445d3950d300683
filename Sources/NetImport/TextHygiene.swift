import LocatedJSON

/// Where a value came from: a cell of a table, named by its header as written.
struct CellPlace: Sendable, Hashable {
    /// The file's name.
    var file: String
    /// The 1-based line.
    var line: Int
    /// The 1-based column in characters.
    var column: Int
    /// The column's header as the file wrote it (or a NetBox field's name), or empty for a whole row.
    var header: String
    /// What `header` names in messages: `column` in a table, `field` in a NetBox object.
    var noun = "column"

    /// A diagnostic at this place.
    func diagnostic(_ severity: SourceDiagnostic.Severity, _ message: String) -> SourceDiagnostic {
        SourceDiagnostic(
            severity: severity, file: file, line: line, column: column, message: message,
            path: header.isEmpty ? "" : "\(noun) \(header)")
    }
}

/// The rules for text in inventory cells.
enum TextHygiene {
    /// Why text is refused, or `nil`: control characters, characters that change how text is shown,
    /// and spreadsheet formulas (`=…`, `@…`, `+x`/`-x` that is not a number) are refused.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    static func problem(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" { return "the cell holds a line break; keep each value on one line" }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                return "the cell holds control character \(name(scalar)); remove it"
            }
            if scalar.value >= 0xA0 {
                switch scalar.properties.generalCategory {
                case .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
                    return "the cell holds the invisible or reordering character \(name(scalar)); remove it"
                default: break
                }
            }
        }
        let trimmed = text.trimmingSpaces
        guard let first = trimmed.unicodeScalars.first else { return nil }
        let isFormula: Bool
        switch first {
        case "=", "@": isFormula = true
        case "+", "-":
            let rest = trimmed.unicodeScalars.dropFirst()
            isFormula = !(rest.first.map { ("0"..."9").contains($0) || $0 == "." } ?? true)
        default: isFormula = false
        }
        if isFormula {
            return "'\(shown(trimmed))' is a spreadsheet formula; export values, not formulas"
        }
        return nil
    }

    /// `U+0007` style name of a scalar.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Text as quoted in a message: at most 64 characters.
    static func shown(_ text: String) -> String {
        text.count <= 64 ? text : String(text.prefix(64)) + "…"
    }
}

extension String {
    /// The text without leading and trailing spaces (ASCII and ideographic).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\u{3000}" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\u{3000}" })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
