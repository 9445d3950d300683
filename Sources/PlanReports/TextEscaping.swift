import RouterConfigs

/// Escaping for the formats the reports are written in: Markdown tables, CSV, HTML and XML, DOT.
///
/// Customer, site and node names come from order and network files and are not trusted: every
/// writer passes them through one of these.
enum Escape {
    /// Text for one cell of a Markdown table: see ``RouterConfigs/MarkdownText/cell(_:)``.
    static func markdownCell(_ text: String) -> String {
        MarkdownText.cell(text)
    }

    /// Inline Markdown text outside tables: see ``RouterConfigs/MarkdownText/inline(_:)``.
    static func markdown(_ text: String) -> String {
        MarkdownText.inline(text)
    }

    /// One CSV field (RFC 4180).
    ///
    /// Quoted when it holds a comma, a quote, a line break or leading
    /// or trailing spaces; quotes doubled. A field starting with `=`, `+`, `-` or `@` gets a
    /// leading apostrophe so a spreadsheet shows it as text instead of running it as a formula.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first),
            !(first == "-" && value.count == 1)
        {
            value = "'" + value
        }
        let needsQuotes =
            value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value {
            if character == "\"" { quoted.append("\"\"") } else { quoted.append(character) }
        }
        return quoted + "\""
    }

    /// Text for HTML and XML content or a quoted attribute: `&`, `<`, `>`, `"` and `'` as
    /// references, and characters XML 1.0 forbids (most controls, U+FFFE, U+FFFF, lone
    /// surrogates cannot occur in a Swift string) as U+FFFD.
    static func xml(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0x7F...0x9F).contains(value) && value != 0xFFFE && value != 0xFFFF
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// A Graphviz DOT double-quoted string: `"` and `\` escaped, line breaks as `\n`, and
    /// controls replaced.
    static func dot(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": break
            default: result.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? "\u{FFFD}" : scalar)
            }
        }
        return result + "\""
    }
}

/// Builds RFC 4180 CSV text: CRLF line ends, UTF-8 with a byte-order mark so that Excel opens
/// Chinese text correctly.
struct CSVWriter {
    /// The byte-order mark that starts the text.
    static let byteOrderMark = "\u{FEFF}"

    private(set) var text = CSVWriter.byteOrderMark

    /// Appends one record.
    mutating func append(_ fields: [String]) {
        text += fields.map(Escape.csvField).joined(separator: ",") + "\r\n"
    }
}
