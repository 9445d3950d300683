/// One problem with an intent, a template or a rendered configuration, with where it is.
///
/// A problem in a file (a rendered configuration or office data sheet) names the file and its
/// 1-based line; a problem in the intent names the field (`tunnels[0].destination`).
///
///     HQ.ios.cfg:19: error: Tunnel0 destination is 172.16.100.9; the plan has 172.16.100.1 (GGSN-01)
///     hostname: error: contains a line break (U+000A) at character 4; a value must stay on one line
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file the problem is in, or empty for the intent.
    public var file: String
    /// The 1-based line in the file, or 0 when the problem has no line (something missing).
    public var line: Int
    /// The 1-based column in characters (template errors), or 0.
    public var column: Int
    /// The intent's field, or empty.
    public var field: String
    /// What is wrong, in one sentence without a trailing period.
    public var message: String

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - file: The file name, or empty.
    ///   - line: The 1-based line, or 0.
    ///   - column: The 1-based column, or 0.
    ///   - field: The intent field, or empty.
    ///   - message: What is wrong.
    public init(file: String = "", line: Int = 0, column: Int = 0, field: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// The problem as one line: `file:line[:column]: error: message`, `file: error: message` or
    /// `field: error: message`.
    public var description: String {
        if !file.isEmpty {
            if line > 0 {
                return column > 0
                    ? "\(file):\(line):\(column): error: \(message)" : "\(file):\(line): error: \(message)"
            }
            return "\(file): error: \(message)"
        }
        return field.isEmpty ? "error: \(message)" : "\(field): error: \(message)"
    }
}

/// A refused intent, a failed template, or a rendered configuration that does not match its plan.
///
/// Nothing should be written when it is thrown.
public struct RouterConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Code: Sendable, Hashable {
        /// The intent holds a value no configuration may carry, or contradicts itself.
        case invalidIntent
        /// A template folder or file is missing, cannot be parsed, or fails to render.
        case template
        /// The rendered configuration, read back, does not match the plan.
        case mismatch
        /// The customer configuration and the office data disagree on a GRE tunnel.
        case greDisagreement
    }

    /// What failed.
    public var code: Code
    /// Every problem found, at least one.
    public var problems: [ConfigProblem]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What failed.
    ///   - problems: The problems.
    public init(code: Code, problems: [ConfigProblem]) {
        self.code = code
        self.problems = problems
    }

    /// Every problem, one per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
