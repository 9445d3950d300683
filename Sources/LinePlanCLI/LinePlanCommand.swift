/// The `lineplan` command: dispatches to a subcommand and maps failures to exit codes.
enum LinePlanCommand {
    static let version = "0.1.0"

    static let overview = """
        lineplan \(version): plans enterprise dedicated lines over a carrier's network graph.

        Usage: lineplan <command> [options]

        Commands:
          topology check FILE        Validate a network file; every problem as FILE:LINE:COLUMN
          topology stats FILE        Counts per kind and layer, rings, utilisation
          topology generate          Print a deterministic synthetic network (city or province)
          plan                       Plan an order: access, paths, addresses, reply due date
          render --plan plan.json    Render router configurations again from a saved plan
          path                       Constrained shortest path, with an optional diverse pair
          router check               Can the customer's router take the line (ok, needs-address-pair, replace, unknown)
          ledger list|show|reserve|activate|release|expire|verify|export|copy
                                     The reservation ledger (SQLite file or PostgreSQL)
          pools                      Address pool utilisation under the ledger

        Run 'lineplan <command> --help' for a command's options.
        Exit codes: 0 done, 64 usage, 65 bad input data, 69 missing dependency, 75 ledger busy, 1 other.

        """

    /// Runs the command line and returns the exit code.
    static func run(_ arguments: [String]) -> ExitCode {
        do {
            try dispatch(arguments)
            return .success
        } catch {
            FileAccess.printError(error.lines)
            return error.code
        }
    }

    private static func dispatch(_ arguments: [String]) throws(CommandFailure) {
        guard let command = arguments.first else {
            FileAccess.printError([overview])
            throw CommandFailure(.usage, [])
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "--help", "-h", "help":
            FileAccess.printOut(overview)
        case "--version":
            FileAccess.printOut("lineplan \(version)\n")
        case "topology":
            try TopologyCommand.run(rest)
        case "path":
            try PathCommand.run(rest)
        case "plan":
            try PlanCommand.run(rest)
        case "render":
            try RenderCommand.run(rest)
        case "router":
            try RouterCommand.run(rest)
        case "ledger":
            try LedgerCommand.run(rest)
        case "pools":
            try LedgerCommand.pools(rest)
        default:
            throw .usage("unknown command '\(command)'", command: nil)
        }
    }

    /// Whether the arguments ask for help; prints `text` if so.
    static func handledHelp(_ arguments: [String], _ text: String) -> Bool {
        guard arguments.contains("--help") || arguments.contains("-h") else { return false }
        FileAccess.printOut(text)
        return true
    }
}
