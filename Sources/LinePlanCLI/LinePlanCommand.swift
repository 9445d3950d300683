/// The `lineplan` command: finds the command the arguments name, parses them against its
/// description, runs it, and maps failures to exit codes.
enum LinePlanCommand {
    static let version = "0.1.0"

    /// Every command, as one tree; `help`, usage lines and dispatch all read it.
    static let root = CommandSpec(
        path: [],
        summary: "Plans enterprise dedicated lines over a carrier's network graph.",
        discussion: """

            Exit codes: 0 done, 64 usage, 65 bad input data, 69 missing dependency, 75 ledger busy, 1 other.
            A FILE of '-' reads standard input (one of --topology and --order at a time).
            'lineplan --version' prints the version and the build's commit.
            """,
        subcommands: [
            TopologyCommand.spec, PlanCommand.spec, RenderCommand.spec, PathCommand.spec, RouterCommand.spec,
            LedgerCommand.spec, LedgerCommand.poolsSpec,
        ])

    /// The top-level help: what lineplan is and its commands.
    static var overview: String {
        var text = "lineplan \(version): \(root.summary.prefix(1).lowercased() + root.summary.dropFirst())\n\n"
        text += "Usage: lineplan <command> [options]\n       lineplan help <command>\n\nCommands:\n"
        let rows = root.subcommands.flatMap { command in
            command.subcommands.isEmpty ? [command] : command.subcommands
        }
        text += CommandSpec.table(rows.map { ($0.name, $0.summary) })
        text += root.discussion + "\n"
        text += "Run 'lineplan <command> --help' for a command's options.\n"
        return text
    }

    /// Runs the command line and returns the exit code.
    static func run(_ arguments: [String]) -> ExitCode {
        do {
            try dispatch(arguments)
            return .success
        } catch {
            Progress.clear()
            FileAccess.printError(error.lines)
            return error.code
        }
    }

    private static func dispatch(_ arguments: [String]) throws(CommandFailure) {
        guard let first = arguments.first else {
            FileAccess.printError([overview])
            throw CommandFailure(.usage, [])
        }
        switch first {
        case "--help", "-h":
            FileAccess.printOut(overview)
            return
        case "help":
            let (spec, rest) = try resolve(Array(arguments.dropFirst()))
            if let extra = rest.first {
                throw unknownCommand(extra, under: spec)
            }
            FileAccess.printOut(spec.path.isEmpty ? overview : spec.helpText)
            return
        case "--version":
            FileAccess.printOut(BuildInfo.versionText)
            return
        default:
            break
        }
        let (spec, rest) = try resolve(arguments)
        let beforeEnd = rest.prefix { $0 != "--" }
        if beforeEnd.contains("--help") || beforeEnd.contains("-h") {
            FileAccess.printOut(spec.helpText)
            return
        }
        guard let run = spec.run else {
            if let word = rest.first {
                throw word.hasPrefix("-")
                    ? .usage("missing subcommand before '\(word)': \(choices(of: spec))", command: spec.name)
                    : unknownCommand(word, under: spec)
            }
            throw .usage("missing subcommand: \(choices(of: spec))", command: spec.name)
        }
        try run(try CommandArguments(rest, spec: spec))
    }

    /// The command the leading words name, and the arguments after them.
    static func resolve(_ arguments: [String]) throws(CommandFailure) -> (CommandSpec, [String]) {
        var spec = root
        var index = 0
        while !spec.subcommands.isEmpty, index < arguments.count, !arguments[index].hasPrefix("-") {
            guard let next = spec.subcommand(named: arguments[index]) else {
                throw unknownCommand(arguments[index], under: spec)
            }
            spec = next
            index += 1
        }
        if spec.path.isEmpty, index < arguments.count {
            throw unknownCommand(arguments[index], under: spec)
        }
        return (spec, Array(arguments[index...]))
    }

    private static func unknownCommand(_ word: String, under spec: CommandSpec) -> CommandFailure {
        let names = spec.subcommands.compactMap(\.path.last)
        let near = Suggestion.nearest(to: word, among: names).map { "; did you mean '\($0)'?" } ?? ""
        let what = spec.path.isEmpty ? "command '\(word)'" : "subcommand '\(spec.name) \(word)'"
        return .usage("unknown \(what)\(near)", command: spec.path.isEmpty ? nil : spec.name)
    }

    private static func choices(of spec: CommandSpec) -> String {
        let names = spec.subcommands.compactMap(\.path.last)
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
    }
}
