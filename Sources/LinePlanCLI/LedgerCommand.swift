import Foundation
import Ledger
import LocatedJSON
import NetAddress
import NetGraph
import WorkCalendar

/// `lineplan ledger …` and `lineplan pools`.
enum LedgerCommand {
    /// `--ledger FILE`, as every ledger command has it.
    static let ledgerOption = OptionSpec.value(
        "ledger", "FILE",
        help:
            "The ledger: a SQLite file or postgresql://user@host:port/db. Default: $LINEPLAN_LEDGER, else"
            + " lineplan.sqlite beside the network file when --topology is given, else here.")

    static let spec = CommandSpec(
        path: ["ledger"], summary: "The reservation ledger (a SQLite file or PostgreSQL).",
        discussion: """

            The ledger is one SQLite file: lineplan.sqlite beside the network file when --topology is
            given, else in the current folder; --ledger (or the LINEPLAN_LEDGER environment variable)
            chooses another, or a shared PostgreSQL ledger: postgresql://user@host:port/database.
            Every write is one transaction (all or nothing); a second writer waits up to 5 s, then
            exits 75: try again (so does an unreachable server).
            """,
        subcommands: [
            CommandSpec(
                path: ["ledger", "list"], summary: "The lines, with their state and hold.",
                options: [
                    .value(
                        "state", "STATE", choices: ["all"] + LineState.allCases.map(\.rawValue), default: "all",
                        help: "Only lines in this state."),
                    tableFormat, ledgerOption,
                ],
                run: list),
            CommandSpec(
                path: ["ledger", "show"], summary: "One line: its reservations and audit log.",
                positionals: [PositionalSpec(name: "LINE", what: "line id")],
                options: [
                    .value("format", "FORMAT", choices: ["text", "json"], default: "text", help: "The output."),
                    ledgerOption,
                ],
                run: show),
            CommandSpec(
                path: ["ledger", "reserve"],
                summary: "Hold address blocks from a pool for a line (all or none, lowest first).",
                options: [
                    .value("topology", "FILE", required: true, help: "The network file with the pool."),
                    .value("line", "ID", required: true, help: "The line to hold them for (made when new)."),
                    .value("pool", "POOL", required: true, help: "The pool's id."),
                    .value("length", "L", default: "30", help: "The prefix length of each block, 8 to 32."),
                    .value("count", "N", default: "1", help: "How many blocks."),
                    .value("purpose", "P", help: "What they are for. Default: the pool's purpose."),
                    .value("customer", "NAME", help: "The customer of a new line."),
                    .value("hold-until", "YYYY-MM-DD", help: "When the hold of a new line expires."),
                    ledgerOption,
                ],
                discussion: """

                    The same line and purpose again returns the same blocks.
                    """,
                run: reserve),
            CommandSpec(
                path: ["ledger", "activate"], summary: "A reserved line goes into service; its hold no longer expires.",
                positionals: [PositionalSpec(name: "LINE", what: "line id")], options: [ledgerOption],
                run: { parsed throws(CommandFailure) in try change(parsed, action: "activate") }),
            CommandSpec(
                path: ["ledger", "release"], summary: "Free a line's resources; the line is ceased.",
                positionals: [PositionalSpec(name: "LINE", what: "line id")], options: [ledgerOption],
                run: { parsed throws(CommandFailure) in try change(parsed, action: "release") }),
            CommandSpec(
                path: ["ledger", "expire"],
                summary: "Release reserved lines whose hold ended before today (Beijing time).",
                options: [
                    .value("today", "YYYY-MM-DD", help: "The day to count from. Default: today in Beijing."),
                    ledgerOption,
                ],
                run: expire),
            CommandSpec(
                path: ["ledger", "verify"],
                summary: "Check the ledger: no block, port or timeslot held twice, no link over its rate.",
                options: [ledgerOption],
                discussion: """

                    Checks: no overlapping blocks, no link over its rate, no port or timeslot held twice,
                    every reservation on a live line; exit 1 naming each violation.
                    """,
                run: verify),
            CommandSpec(
                path: ["ledger", "export"], summary: "Write NetBox bulk-import CSV files of the addresses.",
                options: [
                    .value(
                        "out", "DIR", default: ".",
                        help: "The folder for netbox-prefixes.csv and netbox-ip-addresses.csv."),
                    ledgerOption,
                ],
                run: export),
            CommandSpec(
                path: ["ledger", "copy"],
                summary: "Copy a whole ledger into an empty one (SQLite to PostgreSQL or back), counts checked.",
                options: [
                    .value("from", "FILE|URL", required: true, help: "The ledger to copy."),
                    .value("to", "FILE|URL", required: true, help: "The empty ledger to copy into."),
                ],
                run: copy),
        ])

    /// `--format` of a table: aligned columns under a header, JSON, or CSV (RFC 4180).
    static let tableFormat = OptionSpec.value(
        "format", "FORMAT", choices: ["table", "json", "csv"], aliases: ["text": "table"], default: "table",
        help: "Columns under a header, a JSON array, or CSV with a header row ('text' is 'table').")

    static let poolsSpec = CommandSpec(
        path: ["pools"], summary: "Address pool utilisation under the ledger.",
        options: [
            .value("topology", "FILE", required: true, help: "The network file with the pools."),
            ledgerOption, tableFormat,
        ],
        discussion: """

            One row per pool: blocks, addresses used and free, utilisation; a pool with 10 % or less
            free is flagged.
            """,
        run: pools)

    /// The ledger, a file path or a PostgreSQL URL.
    ///
    /// `--ledger`, else `LINEPLAN_LEDGER`, else beside the network file, else in the current folder.
    static func ledgerPath(_ arguments: CommandArguments) -> String {
        if let path = arguments.value("ledger") { return path }
        if let path = ProcessInfo.processInfo.environment["LINEPLAN_LEDGER"], !path.isEmpty { return path }
        if let topology = arguments.value("topology"), topology != FileAccess.standardInput {
            return URL(fileURLWithPath: topology).deletingLastPathComponent().appendingPathComponent("lineplan.sqlite")
                .relativePath
        }
        return "lineplan.sqlite"
    }

    static func open(_ path: String, readOnly: Bool = false) throws(CommandFailure) -> Ledger {
        do {
            return try Ledger(path: path, readOnly: readOnly)
        } catch {
            throw failure(error)
        }
    }

    /// Maps a ledger error to an exit code: busy → 75 with a retry hint, bad files and lines → 65.
    static func failure(_ error: LedgerError) -> CommandFailure {
        switch error.code {
        case .busy, .unreachable: CommandFailure(.temporaryFailure, ["lineplan: \(error.message)"])
        case .notALedger, .newerSchema, .unknownLine, .invalidState, .invalidRequest, .lineOfAnotherOrder,
            .unavailable:
            CommandFailure(.dataError, ["lineplan: \(error.message)"])
        case .poolExhausted, .conflict, .storage: CommandFailure(.failure, ["lineplan: \(error.message)"])
        }
    }

    static var actor: String {
        ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "lineplan"
    }

    private static func list(_ parsed: CommandArguments) throws(CommandFailure) {
        let stateName = parsed.choice("state")
        let format = parsed.choice("format")
        let ledger = try open(ledgerPath(parsed), readOnly: true)
        let lines: [LineRecord]
        do {
            lines = try ledger.lines(in: LineState(rawValue: stateName))
        } catch {
            throw failure(error)
        }
        if format == "json" {
            FileAccess.printOut(JSONOutput.array(lines.map(json(of:))).rendered(inlineDepth: 1))
            return
        }
        let table = TextTable(
            header: ["LINE", "STATE", "HOLD UNTIL", "CUSTOMER", "PRODUCT", "SITE"],
            rows: lines.map {
                [$0.id, $0.state.rawValue, $0.holdUntil ?? "-", $0.customer, $0.product, $0.site]
            })
        FileAccess.printOut(table.rendered(format))
    }

    static func json(of line: LineRecord) -> JSONOutput {
        .object([
            ("id", .string(line.id)), ("order", .string(line.orderID)), ("customer", .string(line.customer)),
            ("product", .string(line.product)), ("site", .string(line.site)), ("network", .string(line.network)),
            ("state", .string(line.state.rawValue)), ("holdUntil", .string(line.holdUntil)),
            ("createdAt", .string(line.createdAt)), ("updatedAt", .string(line.updatedAt)),
        ])
    }

    private static func show(_ parsed: CommandArguments) throws(CommandFailure) {
        let id = try parsed.onlyPositional("line id")
        let format = parsed.choice("format")
        let ledger = try open(ledgerPath(parsed), readOnly: true)
        do {
            guard let line = try ledger.line(id) else {
                throw CommandFailure(.dataError, ["lineplan: \(ledger.path): no line '\(id)'"])
            }
            let reservations = try ledger.reservations(of: id, includingReleased: line.state == .ceased)
            let audit = try ledger.auditLog(of: id)
            if format == "json" {
                let document: JSONOutput = .object([
                    ("line", json(of: line)),
                    ("reservations", .array(reservations.map { .string($0.summary) })),
                    (
                        "audit",
                        .array(
                            audit.map {
                                .object([
                                    ("at", .string($0.at)), ("actor", .string($0.actor)),
                                    ("action", .string($0.action)),
                                    ("before", .string($0.before)), ("after", .string($0.after)),
                                ])
                            })
                    ),
                ])
                FileAccess.printOut(document.rendered(inlineDepth: 3))
                return
            }
            var text = "\(line.id): \(line.state.rawValue)"
            if let hold = line.holdUntil { text += ", hold until \(hold)" }
            text += "\n  customer \(line.customer), product \(line.product), site \(line.site), order \(line.orderID)\n"
            for reservation in reservations { text += "  \(reservation.summary)\n" }
            for entry in audit { text += "  \(entry.at) \(entry.actor) \(entry.action)\n" }
            FileAccess.printOut(text)
        } catch let error as CommandFailure {
            throw error
        } catch let error as LedgerError {
            throw failure(error)
        } catch {
            throw CommandFailure(.failure, ["lineplan: \(error)"])
        }
    }

    private static func reserve(_ parsed: CommandArguments) throws(CommandFailure) {
        let topology = try parsed.required("topology")
        let lineID = try parsed.required("line")
        let poolID = try parsed.required("pool")
        let length = try wholeNumber(parsed, "length", default: 30, range: 8...32)
        let count = try wholeNumber(parsed, "count", default: 1, range: 1...1_000_000)
        if let hold = parsed.value("hold-until"), !isISODate(hold) {
            throw .usage("invalid date '\(hold)' for '--hold-until'; expected YYYY-MM-DD", command: "ledger")
        }
        let network = try TopologyCommand.load(topology).network
        guard let pool = network.pools.first(where: { $0.id == poolID }) else {
            let known = network.pools.map(\.id).joined(separator: ", ")
            throw CommandFailure(.dataError, ["lineplan: unknown pool '\(poolID)' (the network has \(known))"])
        }
        let purpose = parsed.value("purpose") ?? pool.purpose.rawValue
        let ledger = try open(ledgerPath(parsed))
        let blocks: [IPv4Prefix]
        do {
            blocks = try ledger.write(actor: actor) { (writer: inout LedgerWriter) throws(LedgerError) in
                if try writer.line(lineID) == nil {
                    try writer.record(
                        LineRecord(
                            id: lineID, orderID: lineID, customer: parsed.value("customer") ?? "", product: "manual",
                            site: lineID, network: network.name, state: .reserved, holdUntil: parsed.value("hold-until")
                        ))
                } else if try writer.line(lineID)?.state == .ceased {
                    throw LedgerError(code: .invalidState, message: "\(ledger.path): line '\(lineID)' is ceased")
                }
                return try writer.allocate(pool: pool, purpose: purpose, count: count, length: length, for: lineID)
            }
        } catch {
            throw failure(error)
        }
        FileAccess.printOut(blocks.map { "\($0)\n" }.joined())
    }

    private static func change(_ parsed: CommandArguments, action: String) throws(CommandFailure) {
        let id = try parsed.onlyPositional("line id")
        let ledger = try open(ledgerPath(parsed))
        do {
            if action == "activate" {
                try ledger.activate(id, actor: actor)
            } else {
                try ledger.release(id, actor: actor)
            }
        } catch {
            throw failure(error)
        }
        FileAccess.printOut("\(id): \(action == "activate" ? "active" : "ceased")\n")
    }

    private static func expire(_ parsed: CommandArguments) throws(CommandFailure) {
        let today = parsed.value("today") ?? beijingToday()
        guard isISODate(today) else {
            throw .usage("invalid date '\(today)' for '--today'; expected YYYY-MM-DD", command: "ledger")
        }
        let ledger = try open(ledgerPath(parsed))
        do {
            let expired = try ledger.expireHolds(before: today, actor: actor)
            FileAccess.printOut(expired.map { "\($0): expired\n" }.joined() + "\(expired.count) holds expired\n")
        } catch {
            throw failure(error)
        }
    }

    private static func verify(_ parsed: CommandArguments) throws(CommandFailure) {
        let ledger = try open(ledgerPath(parsed), readOnly: true)
        let violations: [LedgerViolation]
        do {
            violations = try ledger.verify()
        } catch {
            throw failure(error)
        }
        guard violations.isEmpty else {
            throw CommandFailure(
                .failure, violations.map { "\(ledger.path): \($0)" } + ["\(violations.count) violations"])
        }
        FileAccess.printOut(
            "\(ledger.path): OK: no overlapping blocks, no link over its rate, no unit held twice, no orphan reservations\n"
        )
    }

    private static func export(_ parsed: CommandArguments) throws(CommandFailure) {
        let ledger = try open(ledgerPath(parsed), readOnly: true)
        let folder = parsed.value("out") ?? "."
        do {
            let export = try ledger.exportNetBox()
            let prefixes = URL(fileURLWithPath: folder).appendingPathComponent("netbox-prefixes.csv").relativePath
            let addresses = URL(fileURLWithPath: folder).appendingPathComponent("netbox-ip-addresses.csv").relativePath
            try FileAccess.write(export.prefixes, to: prefixes)
            try FileAccess.write(export.addresses, to: addresses)
            FileAccess.printOut("wrote \(prefixes)\nwrote \(addresses)\n")
        } catch let error as CommandFailure {
            throw error
        } catch let error as LedgerError {
            throw failure(error)
        } catch {
            throw CommandFailure(.failure, ["lineplan: \(error)"])
        }
    }

    private static func copy(_ parsed: CommandArguments) throws(CommandFailure) {
        let source = try open(try parsed.required("from"), readOnly: true)
        let destination = try open(try parsed.required("to"))
        do {
            let counts = try source.copy(to: destination)
            FileAccess.printOut("copied \(counts) from \(source.path) to \(destination.path)\n")
        } catch {
            throw failure(error)
        }
    }

    /// `lineplan pools`.
    static func pools(_ parsed: CommandArguments) throws(CommandFailure) {
        let network = try TopologyCommand.load(try parsed.required("topology")).network
        let format = parsed.choice("format")
        let path = ledgerPath(parsed)
        var usage = LedgerUsage()
        if Ledger.isServer(path) || FileManager.default.fileExists(atPath: path) {
            let ledger = try open(path, readOnly: true)
            do {
                usage = try ledger.usage()
            } catch {
                throw failure(error)
            }
        }
        let rows: [PoolUtilisation]
        do {
            rows = try PoolUtilisation.of(network, usage: usage)
        } catch {
            throw CommandFailure(
                .dataError, ["lineplan: \(path): \(error.message) (a pool changed in the network file?)"])
        }
        if format == "json" {
            let document = JSONOutput.array(
                rows.map {
                    .object([
                        ("pool", .string($0.pool.id)), ("purpose", .string($0.pool.purpose.rawValue)),
                        ("region", .string($0.pool.region)),
                        ("prefix", .string($0.pool.prefix.description)), ("blocks", .integer($0.blocks)),
                        ("allocated", .integer(Int($0.allocated))), ("free", .integer(Int($0.free))),
                        ("utilisation", .decimal(Int(($0.utilisation * 1000).rounded()), scale: 3)),
                        ("low", .bool($0.isLow)),
                    ])
                })
            FileAccess.printOut(document.rendered(inlineDepth: 1))
            return
        }
        let table = TextTable(
            header: ["POOL", "PURPOSE", "REGION", "PREFIX", "BLOCKS", "USED", "FREE", "USED %", "NOTE"],
            rows: rows.map { row in
                [
                    row.pool.id, row.pool.purpose.rawValue, row.pool.region ?? "", row.pool.prefix.description,
                    "\(row.blocks)",
                    "\(row.allocated)", "\(row.free)",
                    JSONOutput.formatDecimal(Int((row.utilisation * 1000).rounded()), scale: 1),
                    row.isLow ? "warning: 10 % or less free" : "",
                ]
            })
        FileAccess.printOut(table.rendered(format))
    }

    private static func wholeNumber(
        _ parsed: CommandArguments, _ name: String, default fallback: Int, range: ClosedRange<Int>
    )
        throws(CommandFailure) -> Int
    {
        guard let text = parsed.value(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw .usage(
                "invalid value '\(text)' for '--\(name)'; expected a whole number from \(range.lowerBound) to \(range.upperBound)",
                command: parsed.command)
        }
        return value
    }

    /// Whether a text is a real date written `YYYY-MM-DD`.
    static func isISODate(_ text: String) -> Bool {
        (try? CalendarDate(parsing: text)) != nil
    }

    /// Today in Beijing, `YYYY-MM-DD`.
    static func beijingToday() -> String {
        CalendarDate.today().description
    }
}
