/// The process exit codes LinePlan promises (sysexits.h where one fits).
enum ExitCode: Int32 {
    /// Done; a plan that says "needs construction" is a valid answer too.
    case success = 0
    /// Anything else went wrong.
    case failure = 1
    /// The command line is wrong.
    case usage = 64
    /// An input file is missing, unreadable or invalid.
    case dataError = 65
    /// A dependency (such as a template directory) is missing.
    case unavailable = 69
    /// The ledger is busy; try again.
    case temporaryFailure = 75
}

/// A failure of a command, with the exit code it maps to and the lines for stderr.
struct CommandFailure: Error {
    var code: ExitCode
    var lines: [String]

    init(_ code: ExitCode, _ lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// A usage error: the message and a pointer to `--help` (of the command, when there is one).
    static func usage(_ message: String, command: String?) -> CommandFailure {
        let help = command.map { "lineplan \($0) --help" } ?? "lineplan --help"
        return CommandFailure(.usage, ["lineplan: \(message)", "Run '\(help)' for usage."])
    }
}
