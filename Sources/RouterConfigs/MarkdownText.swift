/// Text from orders, plans and networks made safe for a Markdown document: shown as typed, never read as
/// Markdown or HTML.
///
/// Markdown viewers render inline HTML, so a customer named `<script>alert(1)</script>` or a site named
/// `[x](javascript:…)` must not reach a document as written. Every writer of a Markdown document (the plan,
/// the reply form, the checklist, the office data sheet) passes names, ids, addresses and notes through one of
/// these:
///
/// - `<`, `>` and `&` become `&lt;`, `&gt;` and `&amp;`, which every Markdown flavour shows as the character
///   (a backslash before `<` is not an escape in the original Markdown);
/// - Markdown's markers `\`, `*`, `_`, `` ` ``, `[`, `]` and `#` get a backslash, so that no emphasis, code
///   span, link or heading starts inside a name;
/// - in a table cell, `|` gets a backslash too, so that a name cannot end its cell;
/// - line breaks (CR, LF, U+2028, U+2029) become spaces and other control characters U+FFFD, so that a value
///   stays in its line, row or heading.
///
///     MarkdownText.cell("A|B <b>")  // A\|B &lt;b&gt;
public enum MarkdownText {
    /// Text for one cell of a Markdown table.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The text escaped, `|` included.
    /// - Complexity: O(*n*) in the length of the text.
    public static func cell(_ text: String) -> String {
        escape(text, pipes: true)
    }

    /// Inline text outside tables: a heading, a list item, a paragraph.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The text escaped; `|` is left as it is.
    /// - Complexity: O(*n*) in the length of the text.
    public static func inline(_ text: String) -> String {
        escape(text, pipes: false)
    }

    private static func escape(_ text: String, pipes: Bool) -> String {
        if !text.utf8.contains(where: { needsWork($0, pipes: pipes) }) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "\r\n", "\n", "\r", "\u{2028}", "\u{2029}": result.append(" ")
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "|": result += pipes ? "\\|" : "|"
            case "\\", "*", "_", "`", "[", "]", "#": result += "\\" + String(character)
            default:
                let control = character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
                result.append(control ? "\u{FFFD}" : character)
            }
        }
        return result
    }

    /// Whether a byte may need escaping: an ASCII marker or control, or the start of a non-ASCII character
    /// (a separator or a C1 control).
    private static func needsWork(_ byte: UInt8, pipes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "*"),
            UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"):
            return true
        case UInt8(ascii: "|"): return pipes
        default: return byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2
        }
    }
}
