import LocatedJSON
import NetGraph

/// `lineplan topology check|stats|generate`.
enum TopologyCommand {
    /// `lineplan topology`: a group of sub-commands; adding one is one more value in the list.
    static let spec = CommandSpec(
        path: ["topology"], summary: "Network files: check, statistics, synthetic networks.",
        subcommands: [checkSpec, statsSpec, generateSpec])

    static let checkSpec = CommandSpec(
        path: ["topology", "check"], summary: "Validate a network file; every problem as FILE:LINE:COLUMN.",
        positionals: [PositionalSpec(name: "FILE", what: "network file ('-' for standard input)")],
        options: [.value("format", "FORMAT", choices: ["text", "json"], default: "text", help: "The output.")],
        discussion: """

            Every problem prints on stderr as FILE:LINE:COLUMN: error: message (json.path); warnings
            as 'warning:'. Exit 0 when clean (warnings allowed), 65 when not.
            """,
        run: check)

    static let statsSpec = CommandSpec(
        path: ["topology", "stats"], summary: "Counts per kind and layer, rings, utilisation.",
        positionals: [PositionalSpec(name: "FILE", what: "network file ('-' for standard input)")],
        options: [.value("format", "FORMAT", choices: ["text", "json"], default: "text", help: "The output.")],
        discussion: """

            Counts per kind and layer, links per technology, segment and ring utilisation.
            """,
        run: stats)

    static let generateSpec = CommandSpec(
        path: ["topology", "generate"],
        summary: "Write a deterministic synthetic network (city or province).",
        options: [
            .value(
                "scale", "SCALE", required: true, choices: SyntheticNetwork.Scale.allCases.map(\.rawValue),
                help: "'city' is about 6,300 nodes (2.3 MB), 'province' about 106,000 (39 MiB)."),
            .value("seed", "N", default: "1", help: "The seed: same seed, same bytes."),
            .value(
                "out", "FILE", required: true,
                help: "Where to write the network; '-' for standard output (it is megabytes, so say so)."),
        ],
        discussion: """

            Writes a deterministic synthetic network of the demo's structure. Same seed, same bytes.
            """,
        run: generate)

    /// Reads and validates a network file, or fails with every diagnostic.
    static func load(_ path: String) throws(CommandFailure) -> LoadedNetwork {
        let bytes = try FileAccess.read(path)
        do {
            return try Network.load(name: FileAccess.displayName(path), bytes: bytes)
        } catch {
            throw CommandFailure(.dataError, error.diagnostics.map(\.description) + [summary(of: error.diagnostics)])
        }
    }

    static func summary(of diagnostics: [SourceDiagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    private static func check(_ parsed: CommandArguments) throws(CommandFailure) {
        let path = try parsed.onlyPositional("network file")
        let format = parsed.choice("format")
        let loaded = try load(path)
        FileAccess.printError(loaded.warnings.map(\.description))
        let network = loaded.network
        if format == "json" {
            let document: JSONOutput = .object([
                ("file", .string(FileAccess.displayName(path))), ("valid", .bool(true)),
                ("nodes", .integer(network.nodes.count)),
                ("links", .integer(network.links.count)),
                (
                    "warnings",
                    .array(
                        loaded.warnings.map {
                            .object([
                                ("line", .integer($0.line)), ("column", .integer($0.column)),
                                ("message", .string($0.message)), ("path", .string($0.path)),
                            ])
                        })
                ),
            ])
            FileAccess.printOut(document.rendered())
        } else {
            FileAccess.printOut(
                "\(FileAccess.displayName(path)): OK: \(network.nodes.count) nodes, \(network.links.count) links, "
                    + "\(network.rooms.count) rooms, \(network.pools.count) pools; \(summary(of: loaded.warnings))\n")
        }
    }

    private static func stats(_ parsed: CommandArguments) throws(CommandFailure) {
        let path = try parsed.onlyPositional("network file")
        let format = parsed.choice("format")
        let loaded = try load(path)
        FileAccess.printError(loaded.warnings.map(\.description))
        let statistics = NetworkStatistics(loaded.network)
        FileAccess.printOut(format == "json" ? statistics.json.rendered() : statistics.text)
    }

    private static func generate(_ parsed: CommandArguments) throws(CommandFailure) {
        let scaleName = parsed.choice("scale")
        var seed: UInt64 = 1
        if let text = parsed.value("seed") {
            guard let value = UInt64(text) else {
                throw .usage("invalid seed '\(text)'; expected a whole number ≥ 0", command: "topology")
            }
            seed = value
        }
        let scale = SyntheticNetwork.Scale(rawValue: scaleName) ?? .city
        let text = SyntheticNetwork(scale: scale, seed: seed).generate().fileText
        let out = try parsed.required("out")
        if out == "-" {
            FileAccess.printOut(text)
        } else {
            try FileAccess.write(text, to: out)
        }
    }
}
