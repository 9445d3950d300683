import Foundation
import Ledger
import LocatedJSON
import NetGraph
import NetImport

/// `lineplan topology check|stats|generate|import|export`.
enum TopologyCommand {
    static let help = """
        Usage:
          lineplan topology check FILE [--format text|json]
          lineplan topology stats FILE [--format text|json]
          lineplan topology generate --scale city|province [--seed N] [--out FILE]
          lineplan topology import --from csv DIR [--out FILE]
          lineplan topology import --from netbox FILE [--mapping FILE] [--out FILE]
          lineplan topology export FILE --to csv DIR [--headers en|zh]
          lineplan topology diff OLD NEW [--ledger FILE]

        check     Validates a network file. Every problem prints on stderr as
                  FILE:LINE:COLUMN: error: message (json.path); warnings as 'warning:'.
                  Exit 0 when clean (warnings allowed), 65 when not.
        stats     Counts per kind and layer, links per technology, segment and ring utilisation.
        generate  Prints a deterministic synthetic network of the demo's structure: 'city' is
                  about 6,300 nodes, 'province' about 106,000. Same seed, same bytes.
        import    Reads an inventory folder of CSV tables (rooms, nodes, ports, links, rings,
                  pools, policy; English or Chinese headers; UTF-8 or GB18030) into a checked
                  network file. Every problem prints as FILE:LINE:COLUMN: error: … (column H);
                  nothing is written unless all is well. Exit 65 on bad input. --from netbox
                  reads one JSON object of NetBox REST lists (sites, locations, devices,
                  interfaces, cables, prefixes), mapped by --mapping (see README for defaults).
        export    Writes a network file as the same CSV tables (import of them gives it back).
        diff      What changed from OLD to NEW: rooms, nodes, links, pools added, removed, renamed,
                  capacity and ports changed; with --ledger, every held or active line that rests
                  on something removed or shrunk. Exit 0 with no differences, 1 with.

        """

    static func run(_ arguments: [String]) throws(CommandFailure) {
        if LinePlanCommand.handledHelp(arguments, help) { return }
        guard let action = arguments.first else {
            throw .usage("missing subcommand: check, stats, generate, import, export or diff", command: "topology")
        }
        let rest = Array(arguments.dropFirst())
        switch action {
        case "check": try check(rest)
        case "stats": try stats(rest)
        case "generate": try generate(rest)
        case "import": try importNetwork(rest)
        case "export": try exportNetwork(rest)
        case "diff": try diff(rest)
        default: throw .usage("unknown subcommand 'topology \(action)'", command: "topology")
        }
    }

    /// Reads and validates a network file, or fails with every diagnostic.
    static func load(_ path: String) throws(CommandFailure) -> LoadedNetwork {
        let bytes = try FileAccess.read(path)
        do {
            return try Network.load(name: path, bytes: bytes)
        } catch {
            throw CommandFailure(.dataError, error.diagnostics.map(\.description) + [summary(of: error.diagnostics)])
        }
    }

    static func summary(of diagnostics: [SourceDiagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    private static func check(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(arguments, command: "topology check", options: ["format"], flags: [])
        let path = try parsed.onlyPositional("network file")
        let format = try parsed.choice("format", from: ["text", "json"], default: "text")
        let loaded = try load(path)
        FileAccess.printError(loaded.warnings.map(\.description))
        let network = loaded.network
        if format == "json" {
            let document: JSONOutput = .object([
                ("file", .string(path)), ("valid", .bool(true)), ("nodes", .integer(network.nodes.count)),
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
                "\(path): OK: \(network.nodes.count) nodes, \(network.links.count) links, "
                    + "\(network.rooms.count) rooms, \(network.pools.count) pools; \(summary(of: loaded.warnings))\n")
        }
    }

    private static func stats(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(arguments, command: "topology stats", options: ["format"], flags: [])
        let path = try parsed.onlyPositional("network file")
        let format = try parsed.choice("format", from: ["text", "json"], default: "text")
        let loaded = try load(path)
        FileAccess.printError(loaded.warnings.map(\.description))
        let statistics = NetworkStatistics(loaded.network)
        FileAccess.printOut(format == "json" ? statistics.json.rendered() : statistics.text)
    }

    private static func generate(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(
            arguments, command: "topology generate", options: ["scale", "seed", "out"], flags: [])
        try parsed.expectNoPositionals()
        let scaleName = try parsed.choice(
            "scale", from: SyntheticNetwork.Scale.allCases.map(\.rawValue), default: "city")
        var seed: UInt64 = 1
        if let text = parsed.value("seed") {
            guard let value = UInt64(text) else {
                throw .usage("invalid seed '\(text)'; expected a whole number ≥ 0", command: "topology")
            }
            seed = value
        }
        let scale = SyntheticNetwork.Scale(rawValue: scaleName) ?? .city
        let text = SyntheticNetwork(scale: scale, seed: seed).generate().fileText
        if let out = parsed.value("out") {
            try FileAccess.write(text, to: out)
        } else {
            FileAccess.printOut(text)
        }
    }

    private static func importNetwork(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(
            arguments, command: "topology import", options: ["from", "out", "mapping"], flags: [])
        let source = try parsed.onlyPositional("inventory folder or NetBox file")
        if try parsed.choice("from", from: ["csv", "netbox"], default: "csv") == "netbox" {
            return try importNetBox(source, mapping: parsed.value("mapping"), out: parsed.value("out"))
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
        try write(imported, to: parsed.value("out"))
    }

    private static func importNetBox(_ path: String, mapping: String?, out: String?) throws(CommandFailure) {
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

    private static func write(_ imported: ImportedNetwork, to out: String?) throws(CommandFailure) {
        FileAccess.printError(imported.warnings.map(\.description))
        let text = imported.network.fileText
        if let out { try FileAccess.write(text, to: out) } else { FileAccess.printOut(text) }
    }

    private static func exportNetwork(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(
            arguments, command: "topology export", options: ["to", "headers"], flags: [])
        guard parsed.positionals.count == 2 else {
            throw .usage("expected a network file and an output folder", command: "topology")
        }
        _ = try parsed.choice("to", from: ["csv"], default: "csv")
        let headers = try parsed.choice("headers", from: ["en", "zh"], default: "en")
        let network = try load(parsed.positionals[0]).network
        let folder = URL(fileURLWithPath: parsed.positionals[1])
        for table in InventoryExport.tables(
            of: network, headers: InventoryExport.Headers(rawValue: headers) ?? .english)
        {
            try FileAccess.write(table.text, to: folder.appendingPathComponent(table.name).path)
        }
    }

    private static func diff(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(arguments, command: "topology diff", options: ["ledger"], flags: [])
        guard parsed.positionals.count == 2 else {
            throw .usage("expected the old and the new network file", command: "topology")
        }
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
