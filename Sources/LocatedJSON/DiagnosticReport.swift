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
