/// Collects the diagnostics of one input document, so that a reader reports every problem at once.
public struct DiagnosticReport: Sendable {
    /// The document the diagnostics point into.
    public let document: JSONDocument
    /// The diagnostics so far, in the order they were found.
    public private(set) var diagnostics: [SourceDiagnostic] = []

    /// Creates an empty report for a document.
    public init(document: JSONDocument) {
        self.document = document
    }

    /// Records an error at a byte offset.
    public mutating func error(_ message: String, at offset: Int, path: String) {
        diagnostics.append(document.diagnostic(.error, at: offset, message, path: path))
    }

    /// Records a warning at a byte offset.
    public mutating func warning(_ message: String, at offset: Int, path: String) {
        diagnostics.append(document.diagnostic(.warning, at: offset, message, path: path))
    }

    /// Whether any error (not warning) was recorded.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    /// The diagnostics in file order (line, then column, then message), for stable output.
    ///
    /// - Complexity: O(*d* log *d*) for *d* diagnostics.
    public var sortedDiagnostics: [SourceDiagnostic] {
        diagnostics.enumerated().sorted { left, right in
            (left.element.line, left.element.column, left.offset)
                < (right.element.line, right.element.column, right.offset)
        }.map(\.element)
    }
}

extension DiagnosticReport {
    /// Text from a document as a message quotes it: line breaks, control characters and characters that change
    /// how the text around them is shown (format characters, separators, private use) escaped as `\n` or
    /// `\u{202E}`, and cut to 64 characters, so that a hostile value cannot break or flood the message.
    ///
    /// - Complexity: O(*n*) in the first 64 characters.
    public static func shown(_ text: String) -> String {
        var result = ""
        for (count, character) in text.enumerated() {
            if count == 64 {
                result += "…"
                break
            }
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                default:
                    let hidden: Bool
                    switch scalar.properties.generalCategory {
                    case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
                        hidden = true
                    default:
                        hidden = false
                    }
                    if hidden {
                        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return result
    }
}
