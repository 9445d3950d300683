import Foundation
import Ledger
import NetAddress
import NetGraph
import PostgresStore

/// The `ledger-commits` section: processes committing lines into one ledger at once, then a check that
/// nothing was given twice and that every commit landed whole or not at all.
///
/// The parent starts `processes` copies of this executable (the hidden `ledger-commits-worker` section),
/// waits until each has opened the ledger, releases them together through their standard input, and times
/// them until the last one exits. Each worker commits as the planner does: one ``Ledger/write(actor:_:)``
/// per order, recording its line, the lowest free /30 of the one pool every worker draws from, the lowest
/// free GE port of an access node every worker aims at in the same order, and 2M on a link with room. A
/// busy ledger (exit 75 in `lineplan`) is tried again after a short pause and counted. The parent then
/// opens the ledger and checks it: `verify()` finds nothing, every line holds all three reservations, no
/// block or port is held twice, and there are as many lines as commits.
///
///     lineplan-bench ledger-commits [--ledger FILE|URL] [--processes 16] [--commits 200]
///
/// Without `--ledger` the ledger is a new SQLite file in a temporary folder; a FILE must not exist yet. A
/// `postgresql://` URL gets a schema of its own for the run (its `lineplan_schema` with a random suffix),
/// dropped afterwards. When a check fails, the file or schema is kept for inspection and the exit status
/// is 1.
struct LedgerCommits: Sendable {
    /// The ledger as given: `nil` for a new SQLite file in a temporary folder.
    var ledger: String?
    /// How many processes commit at once.
    var processes = 16
    /// How many commits each process makes.
    var commits = 200
    /// A worker's number, from 1; 0 in the parent.
    var worker = 0

    /// The section's usage, after `usage: `.
    static let synopsis = "lineplan-bench ledger-commits [--ledger FILE|URL] [--processes 16] [--commits 200]"
    /// GE ports on each access node.
    static let portsPerNode = 48
    /// What each link allows, in kbit/s (1G).
    static let linkCapacity = 1_000_000
    /// What each line takes on its link, in kbit/s (2M).
    static let lineBandwidth = 2000
    /// The pool every worker allocates from.
    static let poolID = "LC-POOL"
    /// How often one commit is tried before the worker gives up.
    static let attemptsPerCommit = 200

    /// The commits of all processes together.
    var total: Int { processes * commits }

    /// Access nodes: just enough ports for every line.
    var nodeCount: Int { (total + Self.portsPerNode - 1) / Self.portsPerNode }

    /// Links: just enough bandwidth for every line.
    var linkCount: Int { (total * Self.lineBandwidth + Self.linkCapacity - 1) / Self.linkCapacity }

    /// The shared pool: the smallest block of 10.0.0.0/8 holding one /30 per commit, so the workers race
    /// for the lowest free block until it is nearly full.
    var pool: Pool? {
        var bits = 0
        while 1 << bits < total { bits += 1 }
        guard let prefix = try? IPv4Prefix(parsing: "10.0.0.0/\(30 - bits)") else { return nil }
        return Pool(id: Self.poolID, purpose: .interconnect, prefix: prefix)
    }

    /// Runs a section, `ledger-commits` or `ledger-commits-worker`, and returns the exit status.
    static func main(section: String, arguments: [String]) -> Int32 {
        guard let options = parse(arguments, asWorker: section == "ledger-commits-worker") else {
            print("usage: " + synopsis)
            return 64
        }
        return options.worker > 0 ? options.work() : options.run()
    }

    /// Reads the options, or `nil` (with the reason on stderr) when they are wrong.
    static func parse(_ arguments: [String], asWorker: Bool) -> LedgerCommits? {
        var options = LedgerCommits()
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            guard let value = remaining.popFirst() else {
                complain("\(name) needs a value")
                return nil
            }
            switch name {
            case "--ledger": options.ledger = value
            case "--processes":
                guard let number = Int(value), (1...256).contains(number) else {
                    complain("--processes takes a number from 1 to 256, not '\(value)'")
                    return nil
                }
                options.processes = number
            case "--commits":
                guard let number = Int(value), (1...100_000).contains(number) else {
                    complain("--commits takes a number from 1 to 100000, not '\(value)'")
                    return nil
                }
                options.commits = number
            case "--worker" where asWorker:
                guard let number = Int(value), number > 0 else { return nil }
                options.worker = number
            default:
                complain("unknown option '\(name)'")
                return nil
            }
        }
        guard options.total <= 1 << 22 else {
            complain("at most 4,194,304 commits in all (one /30 each from 10.0.0.0/8)")
            return nil
        }
        guard !asWorker || (options.worker > 0 && options.ledger != nil) else {
            complain("a worker needs --worker and --ledger")
            return nil
        }
        return options
    }

    static func complain(_ message: String) {
        FileHandle.standardError.write(Data("lineplan-bench: \(message)\n".utf8))
    }
}

// MARK: - The parent

extension LedgerCommits {
    /// Where the run's ledger lives and how to clean it up.
    struct Location: Sendable {
        /// What `Ledger(path:)` opens.
        var ledger: String
        /// The temporary folder holding the ledger file, removed after a clean run.
        var folder: URL?
        /// The PostgreSQL schema made for the run, dropped after a clean run.
        var schema: String?
    }

    /// What one worker reports when it is done.
    struct Tally: Sendable {
        /// Commits that landed.
        var commits = 0
        /// Attempts refused because the ledger was busy.
        var retries = 0
        /// Attempts refused because a unit or block was taken: a lock that did not serialise the writers.
        var conflicts = 0

        /// The tally as the worker prints it.
        var line: String { "done \(commits) \(retries) \(conflicts)" }

        /// Reads a worker's printed tally.
        init?(line: Substring) {
            let fields = line.split(separator: " ")
            guard fields.count == 4, fields[0] == "done", let commits = Int(fields[1]), let retries = Int(fields[2]),
                let conflicts = Int(fields[3])
            else { return nil }
            self.init(commits: commits, retries: retries, conflicts: conflicts)
        }

        /// Creates a tally.
        init(commits: Int = 0, retries: Int = 0, conflicts: Int = 0) {
            self.commits = commits
            self.retries = retries
            self.conflicts = conflicts
        }
    }

    /// What the parent finds in the ledger afterwards.
    struct Findings: Sendable {
        /// Violations `verify()` reports.
        var violations: [LedgerViolation] = []
        /// The run's lines.
        var lines = 0
        /// Lines holding their block, port and bandwidth, and nothing else.
        var whole = 0
        /// Lines holding some of them, or more.
        var partial = 0
        /// Blocks and ports held by more than one reservation (total less distinct).
        var doubleBookings = 0
        /// Live reservations that belong to none of the run's lines.
        var stray = 0
        /// Audit entries other than one `record` per line: a failed attempt that left a trace.
        var extraAuditEntries = 0
    }

    /// Runs the benchmark: starts the workers, times them, checks the ledger, prints the figures.
    func run() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        guard let location = prepareLocation() else { return 64 }
        let shown: String
        do {
            shown = try Ledger(path: location.ledger).path
        } catch {
            Self.complain("cannot create the ledger: \(error)")
            return 1
        }
        let store =
            location.schema == nil
            ? "SQLite file \(shown)" : "PostgreSQL \(shown) (\(Self.serverSettings(location.ledger)))"
        report("ledger-commits store", store)
        guard let (elapsed, tallies) = runWorkers(ledger: location.ledger) else {
            Self.complain("the workers failed; the ledger is kept: \(shown)")
            return 1
        }
        let committed = tallies.reduce(0) { $0 + $1.commits }
        let retries = tallies.reduce(0) { $0 + $1.retries }
        let conflicts = tallies.reduce(0) { $0 + $1.conflicts }
        report("ledger-commits commits", "\(committed) (\(processes) processes × \(commits))")
        report("ledger-commits wall time", String(format: "%.2f s", elapsed))
        report("ledger-commits rate", String(format: "%.0f commits/s", Double(committed) / max(elapsed, 1e-9)))
        report("ledger-commits busy retries", "\(retries) (conflicts refused by the constraints: \(conflicts))")
        let findings: Findings
        do {
            findings = try check(location.ledger)
        } catch {
            Self.complain("cannot check the ledger: \(error)")
            return 1
        }
        report("ledger-commits violations", "\(findings.violations.count) (verify)")
        for violation in findings.violations.prefix(5) { report("", violation.description) }
        report("ledger-commits double bookings", "\(findings.doubleBookings) (blocks and ports, total − distinct)")
        report(
            "ledger-commits lines",
            "\(findings.lines), \(findings.whole) whole, \(findings.partial) partial, \(findings.stray) stray "
                + "reservations, \(findings.extraAuditEntries) extra audit entries")
        var failures: [String] = []
        if !findings.violations.isEmpty { failures.append("verify found violations") }
        if findings.doubleBookings > 0 { failures.append("double bookings") }
        if findings.partial > 0 || findings.stray > 0 || findings.extraAuditEntries > 0 {
            failures.append("a commit landed in part")
        }
        if findings.lines != total || committed != total { failures.append("\(findings.lines) lines, not \(total)") }
        if conflicts > 0 { failures.append("writers were not serialised (\(conflicts) conflicts)") }
        guard failures.isEmpty else {
            report("ledger-commits result", "FAILED: " + failures.joined(separator: "; ") + "; kept: \(shown)")
            return 1
        }
        report("ledger-commits result", "passed")
        cleanUp(location)
        return 0
    }

    /// The ledger to use: a new file, or a new schema on the server; `nil` (said on stderr) when the file
    /// exists.
    func prepareLocation() -> Location? {
        guard let ledger else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "lineplan-bench-commits-\(getpid())-\(UUID().uuidString.prefix(8))")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                Self.complain("cannot create \(folder.path): \(error)")
                return nil
            }
            return Location(ledger: folder.appendingPathComponent("ledger.sqlite").path, folder: folder)
        }
        if Ledger.isServer(ledger) {
            let (url, schema) = Self.freshSchema(in: ledger)
            return Location(ledger: url, schema: schema)
        }
        guard !FileManager.default.fileExists(atPath: ledger) else {
            Self.complain("\(ledger) exists; the benchmark writes a new ledger (name a file that does not exist)")
            return nil
        }
        return Location(ledger: ledger)
    }

    /// The URL with a schema of its own: its `lineplan_schema` (or `lineplan_bench`) and a random suffix.
    static func freshSchema(in url: String) -> (url: String, schema: String) {
        let parts = url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var base = "lineplan_bench"
        var kept: [Substring] = []
        for parameter in parts.dropFirst().first?.split(separator: "&") ?? [] {
            if parameter.hasPrefix("lineplan_schema=") {
                base = String(parameter.dropFirst("lineplan_schema=".count).prefix(48))
            } else {
                kept.append(parameter)
            }
        }
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let schema = base + "_" + String(repeating: "0", count: 8 - suffix.count) + suffix
        kept.append("lineplan_schema=\(schema)"[...])
        return (String(parts.first ?? "") + "?" + kept.joined(separator: "&"), schema)
    }

    /// The server's settings that decide what a commit costs: `fsync` and `synchronous_commit`.
    static func serverSettings(_ url: String) -> String {
        do throws(PostgresError) {
            let connection = try PostgresConnection(url: PostgresURL(url))
            let row = try connection.query(
                "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync"
            ).first
            let values = row?.values.map { value -> String in
                if case .text(let text) = value { return text }
                return "?"
            }
            return "fsync \(values?.first ?? "?"), synchronous_commit \(values?.last ?? "?")"
        } catch {
            return "settings unknown: \(error.message)"
        }
    }

    /// Starts the workers, releases them together once every one has opened the ledger, and waits for them.
    ///
    /// - Returns: The seconds from the release to the last exit, and each worker's tally; `nil` (said on
    ///   stderr) when a worker could not start or failed.
    func runWorkers(ledger: String) -> (seconds: Double, tallies: [Tally])? {
        var workers: [(process: Process, input: Pipe, output: Pipe)] = []
        defer {
            for worker in workers where worker.process.isRunning { worker.process.terminate() }
        }
        for number in 1...processes {
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = [
                "ledger-commits-worker", "--ledger", ledger, "--processes", String(processes), "--commits",
                String(commits), "--worker", String(number),
            ]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            do {
                try process.run()
            } catch {
                Self.complain("cannot start worker \(number): \(error)")
                return nil
            }
            workers.append((process, input, output))
        }
        for (number, worker) in workers.enumerated() {
            guard Self.readLine(worker.output.fileHandleForReading) == "ready" else {
                Self.complain("worker \(number + 1) did not open the ledger")
                return nil
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        for worker in workers {
            try? worker.input.fileHandleForWriting.write(contentsOf: Data("go\n".utf8))
            try? worker.input.fileHandleForWriting.close()
        }
        var tallies: [Tally] = []
        var failed = false
        for (number, worker) in workers.enumerated() {
            let text = (try? worker.output.fileHandleForReading.readToEnd()).map { String(decoding: $0, as: UTF8.self) }
            worker.process.waitUntilExit()
            let tally = text?.split(separator: "\n").last.flatMap(Tally.init(line:))
            if let tally, worker.process.terminationStatus == 0 {
                tallies.append(tally)
            } else {
                Self.complain("worker \(number + 1) failed (exit \(worker.process.terminationStatus))")
                failed = true
            }
        }
        let elapsed = clock.now - start
        guard !failed else { return nil }
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, tallies)
    }

    /// This executable, to start as a worker.
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "lineplan-bench").standardizedFileURL
    }

    /// One line from a pipe, without its line break; `nil` at the end before any byte.
    static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while let data = try? handle.read(upToCount: 1), let byte = data.first {
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// Reads the ledger back and counts what is wrong with it.
    ///
    /// - Complexity: One query per line, plus `verify()` and the audit log.
    func check(_ location: String) throws(LedgerError) -> Findings {
        let ledger = try Ledger(path: location, readOnly: true)
        var findings = Findings()
        findings.violations = try ledger.verify()
        let lines = try ledger.lines().filter { $0.id.hasPrefix("LC-") }
        findings.lines = lines.count
        var blocks: [IPv4Prefix] = []
        var ports: [String] = []
        var bandwidth = 0
        for line in lines {
            let held = try ledger.reservations(of: line.id)
            let lineBlocks = held.filter { $0.kind == .address }.compactMap(\.prefix)
            let linePorts = held.filter { $0.kind == .port }.map { "\($0.resource) \($0.detail) #\($0.unit)" }
            let lineBandwidth = held.filter { $0.kind == .bandwidth }.reduce(0) { $0 + $1.amount }
            blocks += lineBlocks
            ports += linePorts
            bandwidth += lineBandwidth
            let whole =
                held.count == 3 && lineBlocks.count == 1 && linePorts.count == 1 && lineBandwidth == Self.lineBandwidth
                && line.state == .reserved
            if whole { findings.whole += 1 } else { findings.partial += 1 }
        }
        findings.doubleBookings = (blocks.count - Set(blocks).count) + (ports.count - Set(ports).count)
        let usage = try ledger.usage()
        let liveBlocks = usage.blocks.values.reduce(0) { $0 + $1.count }
        let liveUnits = usage.units.values.reduce(0) { $0 + $1.count }
        let liveBandwidth = usage.bandwidth.values.reduce(0, +)
        findings.stray =
            (liveBlocks - blocks.count) + (liveUnits - Set(ports).count)
            + (liveBandwidth - bandwidth + Self.lineBandwidth - 1) / Self.lineBandwidth
        let audit = try ledger.auditLog()
        let recorded = Set(audit.filter { $0.action == "record" }.compactMap(\.line))
        findings.extraAuditEntries = audit.count - recorded.count
        return findings
    }

    /// Removes the run's temporary folder, or drops its schema.
    func cleanUp(_ location: Location) {
        if let folder = location.folder { try? FileManager.default.removeItem(at: folder) }
        guard let schema = location.schema else { return }
        do throws(PostgresError) {
            let connection = try PostgresConnection(url: PostgresURL(location.ledger))
            try connection.execute("DROP SCHEMA \"\(schema)\" CASCADE")
        } catch {
            Self.complain("could not drop the schema \(schema): \(error.message)")
        }
    }
}

// MARK: - A worker

extension LedgerCommits {
    /// Runs one worker: opens the ledger, says `ready`, waits for the go on standard input, commits, and
    /// prints its tally.
    func work() -> Int32 {
        guard let ledger, let pool else { return 64 }
        let opened = retryingWhileBusy { () throws(LedgerError) in try Ledger(path: ledger) }
        guard case .success(let (handle, _)) = opened else {
            if case .failure(let error) = opened { Self.complain("worker \(worker): \(error)") }
            return 1
        }
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        guard Self.readLine(FileHandle.standardInput) == "go" else { return 1 }
        var tally = Tally()
        for number in 0..<commits {
            let outcome = retryingWhileBusy { () throws(LedgerError) in
                try commit(number, pool: pool, to: handle)
            }
            switch outcome {
            case .success(let (_, attempts)):
                tally.commits += 1
                tally.retries += attempts.busy
                tally.conflicts += attempts.conflicts
            case .failure(let error):
                Self.complain("worker \(worker), commit \(number): \(error)")
                return 1
            }
        }
        FileHandle.standardOutput.write(Data((tally.line + "\n").utf8))
        return 0
    }

    /// What a commit needed before it landed.
    struct Attempts: Sendable {
        /// Tries refused because the ledger was busy.
        var busy = 0
        /// Tries refused because a unit or block was taken.
        var conflicts = 0
    }

    /// Runs `body` until it does not fail with a busy ledger or a conflict, pausing a little longer after
    /// each try, at most ``attemptsPerCommit`` times.
    func retryingWhileBusy<Value>(_ body: () throws(LedgerError) -> Value) -> Result<(Value, Attempts), LedgerError> {
        var attempts = Attempts()
        while true {
            do throws(LedgerError) {
                return .success((try body(), attempts))
            } catch {
                switch error.code {
                case .busy: attempts.busy += 1
                case .conflict: attempts.conflicts += 1
                default: return .failure(error)
                }
                guard attempts.busy + attempts.conflicts < Self.attemptsPerCommit else { return .failure(error) }
                let tries = UInt32(min(attempts.busy + attempts.conflicts, 10))
                usleep(UInt32.random(in: 1000...5000) * tries)
            }
        }
    }

    /// One order as the planner commits it: its line, a /30, an access port and bandwidth on a link, in one
    /// transaction.
    func commit(_ number: Int, pool: Pool, to ledger: Ledger) throws(LedgerError) {
        let order = String(format: "LC-P%03d-%05d", worker, number)
        let id = order + "/A"
        let nodes = nodeCount
        let links = linkCount
        try ledger.write(actor: "bench-worker-\(worker)") { (writer: inout LedgerWriter) throws(LedgerError) in
            try writer.record(
                LineRecord(
                    id: id, orderID: order, customer: "bench", product: "interconnect", site: "A", network: "bench",
                    state: .reserved, holdUntil: "2026-12-31"))
            _ = try writer.allocate(pool: pool, purpose: "interconnect", count: 1, length: 30, for: id)
            // Every worker's n-th commit aims at the same node and link: the lowest free port there, or on
            // the next node; the link, or the next one with room.
            let port: (node: String, unit: Int)?
            let link: String?
            do {  // the usage's copy ends here, before the reservations add to the writer's
                let usage = try writer.usage()
                port = Self.freePort(in: usage, from: number, nodes: nodes)
                link = Self.linkWithRoom(in: usage, from: number, links: links)
            }
            guard let port, let link else {
                throw LedgerError(code: .invalidRequest, message: "no free GE port or link bandwidth left for \(id)")
            }
            try writer.reserve(
                Reservation(
                    kind: .port, purpose: "access", resource: port.node, detail: "GE", unit: port.unit,
                    capacity: Self.portsPerNode), for: id)
            try writer.reserve(
                Reservation(
                    kind: .bandwidth, purpose: "working", resource: link, amount: Self.lineBandwidth,
                    capacity: Self.linkCapacity), for: id)
        }
    }

    /// The lowest free GE port of node `first` (modulo `nodes`), or of the next node with one free.
    static func freePort(in usage: LedgerUsage, from first: Int, nodes: Int) -> (node: String, unit: Int)? {
        for offset in 0..<nodes {
            let node = "LC-ACC-\((first + offset) % nodes)"
            let key = LedgerUsage.UnitKey(kind: .port, resource: node, detail: "GE")
            if let unit = usage.freeUnits(key, count: 1, baseline: 0, capacity: portsPerNode)?.first {
                return (node, unit)
            }
        }
        return nil
    }

    /// Link `first` (modulo `links`), or the next one with room for one more line.
    static func linkWithRoom(in usage: LedgerUsage, from first: Int, links: Int) -> String? {
        for offset in 0..<links {
            let link = "LC-L\((first + offset) % links)"
            if usage.bandwidth[link, default: 0] + lineBandwidth <= linkCapacity { return link }
        }
        return nil
    }
}
