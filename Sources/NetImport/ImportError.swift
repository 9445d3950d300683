public import LocatedJSON

/// Why an import, export or diff could not be done: every located problem of the input at once.
///
/// Each diagnostic prints as `FILE:LINE:COLUMN: error: what is wrong (column HEADER)`; a problem
/// without a place (a missing table) has line and column 1 of the file it is about.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// The problems, errors and warnings, in table order, then line and column.
    public var diagnostics: [SourceDiagnostic]

    /// Creates the error.
    public init(diagnostics: [SourceDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Creates the error for one problem of a whole file.
    public init(file: String, _ message: String) {
        self.diagnostics = [
            SourceDiagnostic(severity: .error, file: file, line: 1, column: 1, message: message, path: "")
        ]
    }

    /// Every diagnostic, one per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
