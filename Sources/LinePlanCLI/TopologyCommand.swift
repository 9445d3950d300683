import Foundation
import Ledger
import LocatedJSON
import NetGraph
import NetImport

/// `lineplan topology check|stats|generate|import|export`.
enum TopologyCommand {
    /// `lineplan topology`: a group of sub-commands; adding one is one more value in the list.
    static let spec = CommandSpec(
        path: ["topology"], summary: "Network files: check, statistics, synthetic networks, import, export, diff.",
        subcommands: [checkSpec, statsSpec, generateSpec, importSpec, exportSpec, diffSpec])

    static let importSpec = CommandSpec(
        path: ["topology", "import"], summary: "Read an inventory (CSV tables or a NetBox export) into a network file.",
        positionals: [PositionalSpec(name: "SOURCE", what: "inventory folder or NetBox file")],
        options: [
            .value(
                "from", "FORMAT", choices: ["csv", "netbox"], default: "csv",
                help: "A folder of CSV tables, or one JSON object of NetBox REST lists."),
            .value("mapping", "FILE", help: "NetBox only: role/type/prefix mapping (see README for the defaults)."),
            .value("out", "FILE", required: true, help: "The network file to write; '-' for standard output."),
        ],
        discussion: """

            CSV: tables rooms, nodes, ports, links, rings, pools, policy; English or Chinese headers;
            UTF-8 or GB18030. Every problem prints as FILE:LINE:COLUMN: error: … (column H); nothing is
            written unless all is well (exit 65).
            """,
        run: importNetwork)

    static let exportSpec = CommandSpec(
        path: ["topology", "export"], summary: "Write a network file as the CSV tables import reads.",
        positionals: [
            PositionalSpec(name: "FILE", what: "network file"), PositionalSpec(name: "DIR", what: "output folder"),
        ],
        options: [
            .value("to", "FORMAT", choices: ["csv"], default: "csv", help: "The format of the tables."),
            .value("headers", "LANG", choices: ["en", "zh"], default: "en", help: "English or Chinese headers."),
        ],
        run: exportNetwork)

    static let diffSpec = CommandSpec(
        path: ["topology", "diff"], summary: "What changed between two network files.",
        positionals: [
            PositionalSpec(name: "OLD", what: "old network file"),
            PositionalSpec(name: "NEW", what: "new network file"),
        ],
        options: [
            .value("ledger", "FILE", help: "Also list held or active lines resting on what was removed or shrunk.")
        ],
        discussion: """

            Rooms, nodes, links, pools and policy added, removed, renamed or changed (capacity, ports).
            Exit 0 with no differences, 1 with.
            """,
        run: diff)

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

    /// Reads and validates a network file, or fails with every diagnostic; from its snapshot in the
    /// network cache when the file has not changed since it last validated (``NetworkCache``).
    ///
    /// - Parameters:
    ///   - path: The network file, or `-` for standard input.
    ///   - verbose: Whether to say on stderr where the network came from.
    /// - Returns: The network and its warnings.
    /// - Throws: Exit 65 with every diagnostic when the file does not validate.
    static func load(_ path: String, verbose: Bool = false) throws(CommandFailure) -> LoadedNetwork {
        let bytes = try FileAccess.read(path)
        let name = FileAccess.displayName(path)
        let cache = NetworkCache.configured(by: ProcessInfo.processInfo.environment)
        let key = cache.map { _ in NetworkCacheKey(fileBytes: bytes) }
        if let cache, let key, let cached = cache.load(key, name: name) {
            if verbose { FileAccess.printError(["lineplan: network \(name) from the cache (\(cache.path(of: key)))"]) }
            return cached
        }
        // A bar while a large network (a province) is read, on a terminal only; cleared when done.
        let bar = bytes.count >= 4 * 1_048_576 ? Progress.make(unit: "nodes and links", total: Int.max) : nil
        let loaded: LoadedNetwork
        do {
            loaded = try Network.load(
                name: name, bytes: bytes,
                progress: bar.map { bar in { done, total in bar.report(done: done, total: total) } })
        } catch {
            throw CommandFailure(.dataError, error.diagnostics.map(\.description) + [summary(of: error.diagnostics)])
        }
        guard let cache, let key else {
            if verbose { FileAccess.printError(["lineplan: network \(name) read (the cache is off)"]) }
            return loaded
        }
        let stored = cache.store(loaded, key: key)
        if verbose {
            FileAccess.printError([
                "lineplan: network \(name) read; "
                    + (stored ? "cached in \(cache.path(of: key))" : "not cached (\(cache.folder) cannot be written)")
            ])
        }
        return loaded
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

    private static func importNetwork(_ parsed: CommandArguments) throws(CommandFailure) {
        let source = try parsed.onlyPositional("inventory folder or NetBox file")
        let out = try parsed.required("out")
        if parsed.choice("from") == "netbox" {
            return try importNetBox(source, mapping: parsed.value("mapping"), out: out)
        }
        let folder = URL(fileURLWithPath: source)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: source) else {
            throw CommandFailure(.dataError, ["\(source): error: not a folder that can be read"])
        }
        var files: [InventoryFile] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder.appendingPathComponent(name).path
            files.append(InventoryFile(name: path, bytes: try FileAccess.read(path)))
        }
        let imported: ImportedNetwork
        do {
            imported = try InventoryImport.read(files, defaultName: folder.lastPathComponent)
        } catch {
            throw CommandFailure(.dataError, error.diagnostics.map(\.description) + [summary(of: error.diagnostics)])
        }
        try write(imported, to: out)
    }

    private static func importNetBox(_ path: String, mapping: String?, out: String) throws(CommandFailure) {
        let bytes = try FileAccess.read(path)
        let mappingBytes = try mapping.map { (file) throws(CommandFailure) in try FileAccess.read(file) }
        let imported: ImportedNetwork
        do {
            let rules = try mapping.map { (file) throws(ImportError) in
                try NetBoxMapping.load(name: file, bytes: mappingBytes ?? [])
            }
            imported = try NetBoxImport.read(name: path, bytes: bytes, mapping: rules ?? .defaults)
        } catch {
            throw CommandFailure(.dataError, error.diagnostics.map(\.description) + [summary(of: error.diagnostics)])
        }
        try write(imported, to: out)
    }

    private static func write(_ imported: ImportedNetwork, to out: String) throws(CommandFailure) {
        FileAccess.printError(imported.warnings.map(\.description))
        let text = imported.network.fileText
        // An import is built without a network file, so the file's limit is checked here: nothing is written
        // that `topology check` and `plan` would refuse to read.
        guard text.utf8.count <= JSONDocument.maximumSize else {
            throw CommandFailure(
                .dataError,
                [
                    "\(out): error: the network's file would be larger than the "
                        + "\(JSONDocument.maximumSize / (1024 * 1024)) MiB limit for network files; split the area"
                ])
        }
        if out == "-" { FileAccess.printOut(text) } else { try FileAccess.write(text, to: out) }
    }

    private static func exportNetwork(_ parsed: CommandArguments) throws(CommandFailure) {
        let headers = parsed.choice("headers")
        let network = try load(parsed.positionals[0]).network
        let folder = URL(fileURLWithPath: parsed.positionals[1])
        for table in InventoryExport.tables(
            of: network, headers: InventoryExport.Headers(rawValue: headers) ?? .english)
        {
            try FileAccess.write(table.text, to: folder.appendingPathComponent(table.name).path)
        }
    }

    private static func diff(_ parsed: CommandArguments) throws(CommandFailure) {
        let new = try load(parsed.positionals[1]).network
        let difference = NetworkDiff(old: try load(parsed.positionals[0]).network, new: new)
        var text = difference.text
        if let path = parsed.value("ledger") {
            let ledger = try LedgerCommand.open(path, readOnly: true)
            var holds: [HeldResource] = []
            do {
                for line in try ledger.lines(in: .reserved) + ledger.lines(in: .active) {
                    holds += try ledger.reservations(of: line.id).map {
                        HeldResource(
                            line: line.id, state: line.state.rawValue, kind: $0.kind.rawValue, resource: $0.resource,
                            detail: $0.detail, unit: $0.unit, prefix: $0.prefix)
                    }
                }
            } catch {
                throw LedgerCommand.failure(error)
            }
            let broken = difference.brokenHolds(holds, in: new)
            text += broken.isEmpty ? "no held or active line is affected\n" : broken.joined(separator: "\n") + "\n"
        }
        FileAccess.printOut(text)
        if !difference.isEmpty { throw CommandFailure(.failure, []) }
    }
}
