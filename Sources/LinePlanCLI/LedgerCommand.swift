import Foundation
import Ledger
import LocatedJSON
import NetAddress
import NetGraph

/// `lineplan ledger …` and `lineplan pools`.
enum LedgerCommand {
    static let help = """
        Usage:
          lineplan ledger list [--state designed|reserved|active|ceased] [--format text|json] [--ledger FILE]
          lineplan ledger show LINE [--format text|json] [--ledger FILE]
          lineplan ledger reserve --topology FILE --line ID --pool POOL [--length 30] [--count 1]
                                  [--purpose P] [--customer NAME] [--hold-until YYYY-MM-DD] [--ledger FILE]
          lineplan ledger activate LINE [--ledger FILE]
          lineplan ledger release LINE [--ledger FILE]
          lineplan ledger expire [--today YYYY-MM-DD] [--ledger FILE]
          lineplan ledger verify [--ledger FILE]
          lineplan ledger export [--out DIR] [--ledger FILE]
          lineplan ledger copy --from FILE|URL --to FILE|URL
          lineplan pools --topology FILE [--ledger FILE] [--format text|json]

        The ledger is one SQLite file: lineplan.sqlite beside the network file when --topology is
        given, else in the current folder; --ledger (or the LINEPLAN_LEDGER environment variable)
        chooses another, or a shared PostgreSQL ledger: postgresql://user@host:port/database.
        Every write is one transaction (all or nothing); a second writer waits up to 5 s, then
        exits 75: try again (so does an unreachable server).
        reserve   holds N blocks of /L from a pool for a line (all or none, lowest free addresses
                  first); the same line and purpose again returns the same blocks.
        activate  a reserved line goes into service; its hold no longer expires.
        release   frees a line's resources; the line is ceased.
        expire    releases reserved lines whose hold ended before today (Beijing time).
        verify    checks: no overlapping blocks, no link over its rate, no port or timeslot held
                  twice, every reservation on a live line; exit 1 naming each violation.
        export    writes netbox-prefixes.csv and netbox-ip-addresses.csv for NetBox's bulk import.
        copy      copies a whole ledger into an empty one (SQLite to PostgreSQL or back) in one
                  transaction, checking that both hold as many lines, reservations and entries.
        pools     utilisation per pool; a pool with 10 % or less free is flagged.

        """

    static func run(_ arguments: [String]) throws(CommandFailure) {
        if LinePlanCommand.handledHelp(arguments, help) { return }
        guard let action = arguments.first else {
            throw .usage(
                "missing subcommand: list, show, reserve, activate, release, expire, verify, export or copy",
                command: "ledger")
        }
        let rest = Array(arguments.dropFirst())
        switch action {
        case "list": try list(rest)
        case "show": try show(rest)
        case "reserve": try reserve(rest)
        case "activate", "release": try change(rest, action: action)
        case "expire": try expire(rest)
        case "verify": try verify(rest)
        case "export": try export(rest)
        case "copy": try copy(rest)
        default: throw .usage("unknown subcommand 'ledger \(action)'", command: "ledger")
        }
    }

    /// The ledger, a file path or a PostgreSQL URL.
    ///
    /// `--ledger`, else `LINEPLAN_LEDGER`, else beside the network file, else in the current folder.
    static func ledgerPath(_ arguments: CommandArguments) -> String {
        if let path = arguments.value("ledger") { return path }
        if let path = ProcessInfo.processInfo.environment["LINEPLAN_LEDGER"], !path.isEmpty { return path }
        if let topology = arguments.value("topology") {
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

    private static func list(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(
            arguments, command: "ledger list", options: ["state", "format", "ledger"], flags: [])
        try parsed.expectNoPositionals()
        let stateName = try parsed.choice("state", from: ["all"] + LineState.allCases.map(\.rawValue), default: "all")
        let format = try parsed.choice("format", from: ["text", "json"], default: "text")
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
        for line in lines {
            let hold = line.holdUntil.map { " hold until \($0)" } ?? ""
            FileAccess.printOut(
                "\(line.id)\t\(line.state.rawValue)\(hold)\t\(line.customer)\t\(line.product)\t\(line.site)\n")
        }
    }

    static func json(of line: LineRecord) -> JSONOutput {
        .object([
            ("id", .string(line.id)), ("order", .string(line.orderID)), ("customer", .string(line.customer)),
            ("product", .string(line.product)), ("site", .string(line.site)), ("network", .string(line.network)),
            ("state", .string(line.state.rawValue)), ("holdUntil", .string(line.holdUntil)),
            ("createdAt", .string(line.createdAt)), ("updatedAt", .string(line.updatedAt)),
        ])
    }

    private static func show(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(arguments, command: "ledger show", options: ["format", "ledger"], flags: [])
        let id = try parsed.onlyPositional("line id")
        let format = try parsed.choice("format", from: ["text", "json"], default: "text")
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

    private static func reserve(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(
            arguments, command: "ledger reserve",
            options: ["topology", "line", "pool", "length", "count", "purpose", "customer", "hold-until", "ledger"],
            flags: [])
        try parsed.expectNoPositionals()
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

    private static func change(_ arguments: [String], action: String) throws(CommandFailure) {
        let parsed = try CommandArguments(arguments, command: "ledger \(action)", options: ["ledger"], flags: [])
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

    private static func expire(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(arguments, command: "ledger expire", options: ["today", "ledger"], flags: [])
        try parsed.expectNoPositionals()
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

    private static func verify(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(arguments, command: "ledger verify", options: ["ledger"], flags: [])
        try parsed.expectNoPositionals()
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

    private static func export(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(arguments, command: "ledger export", options: ["out", "ledger"], flags: [])
        try parsed.expectNoPositionals()
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

    private static func copy(_ arguments: [String]) throws(CommandFailure) {
        let parsed = try CommandArguments(arguments, command: "ledger copy", options: ["from", "to"], flags: [])
        try parsed.expectNoPositionals()
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
    static func pools(_ arguments: [String]) throws(CommandFailure) {
        if LinePlanCommand.handledHelp(arguments, help) { return }
        let parsed = try CommandArguments(
            arguments, command: "pools", options: ["topology", "ledger", "format"], flags: [])
        try parsed.expectNoPositionals()
        let network = try TopologyCommand.load(try parsed.required("topology")).network
        let format = try parsed.choice("format", from: ["text", "json"], default: "text")
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
                        ("prefix", .string($0.pool.prefix.description)), ("blocks", .integer($0.blocks)),
                        ("allocated", .integer(Int($0.allocated))), ("free", .integer(Int($0.free))),
                        ("utilisation", .decimal(Int(($0.utilisation * 1000).rounded()), scale: 3)),
                        ("low", .bool($0.isLow)),
                    ])
                })
            FileAccess.printOut(document.rendered(inlineDepth: 1))
            return
        }
        for row in rows {
            let percent = JSONOutput.formatDecimal(Int((row.utilisation * 1000).rounded()), scale: 1)
            let warning = row.isLow ? "  warning: 10 % or less free" : ""
            FileAccess.printOut(
                "\(row.pool.id)\t\(row.pool.purpose.rawValue)\t\(row.pool.prefix)\t\(row.blocks) blocks\t"
                    + "\(row.allocated) used\t\(row.free) free\t\(percent) %\(warning)\n")
        }
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

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day), year >= 1900
        else { return false }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        return Calendar(identifier: .gregorian).date(from: components).map {
            Calendar(identifier: .gregorian).component(.day, from: $0) == day
        } ?? false
    }

    static func beijingToday() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let pad = { (value: Int?) in String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 1970)-\(pad(parts.month))-\(pad(parts.day))"
    }
}
