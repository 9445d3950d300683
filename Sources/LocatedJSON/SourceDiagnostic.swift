/// One problem found in an input file, printed as `FILE:LINE:COLUMN: error: message (json.path)`.
///
/// Every reader in LinePlan (network files, orders, templates' data) reports through this type so
/// that an engineer sees every problem at once, each with where it is and what is wrong.
public struct SourceDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Equatable {
        /// The input is unusable; the command exits non-zero and writes nothing.
        case error
        /// Worth a look; the command still succeeds.
        case warning
    }

    /// How serious it is.
    public var severity: Severity
    /// The file's name as the user gave it.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode characters.
    public var column: Int
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// The JSON path of the value, such as `links[3].committed`, or empty when there is none.
    public var path: String

    /// Creates a diagnostic.
    public init(severity: Severity, file: String, line: Int, column: Int, message: String, path: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.path = path
    }

    /// The diagnostic as one line for stderr.
    public var description: String {
        let location = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        return path.isEmpty ? location : "\(location) (\(path))"
    }
}

/// A failure that carries every diagnostic of a rejected input.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, errors and warnings, in file order.
    public var diagnostics: [SourceDiagnostic]

    /// Creates the error.
    public init(diagnostics: [SourceDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// All diagnostics, one per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
