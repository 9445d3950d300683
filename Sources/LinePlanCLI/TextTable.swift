/// Rows under a header, written as aligned columns or as CSV.
struct TextTable: Sendable {
    /// The column names.
    var header: [String]
    /// The rows, one value per column.
    var rows: [[String]]

    /// The table in `table` or `csv` format.
    func rendered(_ format: String) -> String {
        format == "csv" ? csv : aligned
    }

    /// Columns padded to their widest value (a Chinese character counts two), two spaces apart.
    var aligned: String {
        var widths = header.map(Self.displayWidth)
        for row in rows {
            for (column, value) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], Self.displayWidth(value))
            }
        }
        return ([header] + rows).map { row in
            row.enumerated().map { column, value in
                column == row.count - 1
                    ? value
                    : value + String(repeating: " ", count: widths[column] - Self.displayWidth(value) + 2)
            }.joined().trimmingTrailingSpaces + "\n"
        }.joined()
    }

    /// RFC 4180 CSV with a header row: fields quoted when they hold a comma, quote or line break.
    var csv: String {
        ([header] + rows).map { row in
            row.map { value in
                value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    : value
            }.joined(separator: ",") + "\r\n"
        }.joined()
    }

    /// The columns a text takes on a terminal: two for East Asian wide characters, one for others.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                width + 2
            case 0x0300...0x036F, 0x200B...0x200F:
                width
            default:
                width + 1
            }
        }
    }
}

extension String {
    /// The text with every `target` replaced (without Foundation).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
