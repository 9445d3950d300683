import Foundation
import TestSupport
import Testing

/// End-to-end: the ledger under concurrent writers and killed processes.
@Suite(.serialized) struct LedgerCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    func reserveArguments(line: String, count: Int, ledger: String) -> [String] {
        [
            "ledger", "reserve", "--topology", network, "--line", line, "--pool", "WH-INTERCONNECT", "--count",
            String(count), "--ledger", ledger,
        ]
    }

    @Test(arguments: LedgerStoreKind.available)
    func eightWritersNeverGetTheSameBlock(_ store: LedgerStoreKind) async throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = store.freshLedger(in: folder)
        let runs = try await withThrowingTaskGroup(of: TestSupport.Run.self) { group in
            for writer in 1...8 {
                group.addTask {
                    try TestSupport.runLinePlan(reserveArguments(line: "W\(writer)", count: 40, ledger: ledger))
                }
            }
            var runs: [TestSupport.Run] = []
            for try await run in group { runs.append(run) }
            return runs
        }
        var blocks: [String] = []
        for run in runs {
            // Each commit lands whole, or fails cleanly with 75 and a retry hint.
            #expect(run.status == 0 || run.status == 75, "stderr: \(run.standardError)")
            if run.status == 75 { #expect(run.standardError.contains("try again")) }
            if run.status == 0 { blocks += run.standardOutput.split(separator: "\n").map(String.init) }
        }
        #expect(blocks.count == runs.filter { $0.status == 0 }.count * 40)
        #expect(Set(blocks).count == blocks.count)
        let verify = try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger])
        #expect(verify.status == 0, "\(verify.standardError)")
    }

    @Test(arguments: LedgerStoreKind.available)
    func aKilledCommitLeavesTheLedgerBeforeOrAfterNeverBetween(_ store: LedgerStoreKind) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = store.freshLedger(in: folder)
        let setup = try TestSupport.runLinePlan(reserveArguments(line: "BASE", count: 3, ledger: ledger))
        #expect(setup.status == 0)
        var outcomes: [Int: Int] = [:]
        // Kill a 3,000-block commit at many moments, from process start to well after the commit (a commit
        // over a socket to PostgreSQL takes about 0.6 s, one to a SQLite file about 0.1 s).
        let step = store == .sqlite ? 20 : 60
        for (attempt, delay) in stride(from: 0, through: step * 20, by: step).enumerated() {
            let line = "K\(attempt)"
            let process = Process()
            process.executableURL = TestSupport.executable
            process.environment = ProcessInfo.processInfo.environment.merging(
                TestSupport.isolatedEnvironment(cacheIn: folder)
            ) { _, new in new }
            process.arguments = reserveArguments(line: line, count: 3000, ledger: ledger)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let show = try TestSupport.runLinePlan(["ledger", "show", line, "--ledger", ledger, "--format", "json"])
            let held: Int
            if show.status == 0 {
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(show.standardOutput.utf8)) as? [String: Any])
                held = (object["reservations"] as? [Any])?.count ?? -1
            } else {
                #expect(show.standardError.contains("no line '\(line)'"))
                held = 0
            }
            #expect(held == 0 || held == 3000, "killed after \(delay) ms: \(held) blocks held")
            outcomes[held, default: 0] += 1
            let verify = try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger])
            #expect(verify.status == 0, "after a kill at \(delay) ms: \(verify.standardError)")
        }
        let base = try TestSupport.runLinePlan(["ledger", "show", "BASE", "--ledger", ledger])
        #expect(base.standardOutput.contains("address 10.250.0.0/30 from WH-INTERCONNECT"))
        // Both outcomes occurred, so the kills really landed before and after commits.
        #expect(outcomes.keys.sorted() == [0, 3000], "outcomes: \(outcomes)")
    }

    @Test func refusesAFileThatIsNotALedgerAndLeavesItAlone() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let file = folder.appendingPathComponent("notes.sqlite")
        try Data("not a database\n".utf8).write(to: file)
        let run = try TestSupport.runLinePlan(reserveArguments(line: "A", count: 1, ledger: file.path))
        #expect(run.status == 65)
        #expect(run.standardError.hasPrefix("lineplan: \(file.path) is not a LinePlan ledger ("))
        #expect(try Data(contentsOf: file) == Data("not a database\n".utf8))
    }

    @Test(arguments: LedgerStoreKind.available)
    func showsPoolUtilisation(_ store: LedgerStoreKind) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = store.freshLedger(in: folder)
        _ = try TestSupport.runLinePlan(reserveArguments(line: "A", count: 4, ledger: ledger))
        let run = try TestSupport.runLinePlan(["pools", "--topology", network, "--ledger", ledger, "--format", "json"])
        #expect(run.status == 0)
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]])
        let interconnect = try #require(rows.first { $0["pool"] as? String == "WH-INTERCONNECT" })
        #expect(interconnect["blocks"] as? Int == 4)
        #expect(interconnect["allocated"] as? Int == 16)
        #expect(interconnect["free"] as? Int == 65_520)
    }

    @Test func refusesACorruptLedgerAndChangesNothing() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        _ = try TestSupport.runLinePlan(reserveArguments(line: "A", count: 200, ledger: ledger))
        // Fold the write-ahead log in, then overwrite pages in the middle of the file with garbage.
        _ = try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger])
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: ledger)))
        #expect(bytes.count > 8192)
        for index in 4096..<min(bytes.count, 12_288) { bytes[index] = UInt8(index % 251) }
        try Data(bytes).write(to: URL(fileURLWithPath: ledger))
        try? FileManager.default.removeItem(atPath: ledger + "-wal")
        try? FileManager.default.removeItem(atPath: ledger + "-shm")
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        let verify = try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger])
        #expect(verify.status == 65)
        #expect(verify.standardError.hasPrefix("lineplan: \(ledger): the ledger file is damaged ("))
        let reserve = try TestSupport.runLinePlan(reserveArguments(line: "B", count: 1, ledger: ledger))
        #expect(reserve.status == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
    }

    @Test(.enabled(if: TestSupport.postgresURL != nil, "LINEPLAN_TEST_POSTGRES is not set: no PostgreSQL runs"))
    func runsAgainstPostgreSQLToo() throws {
        #expect(LedgerStoreKind.available.contains(.postgresql))
    }

    @Test func anUnreachableServerIsExit75AndItsPasswordNeverShown() throws {
        let url = "postgresql://planner:s3cr3t-pw@127.0.0.1:1/lineplan?connect_timeout=2"
        for arguments in [
            ["ledger", "list", "--ledger", url], reserveArguments(line: "A", count: 1, ledger: url),
            ["ledger", "copy", "--from", url, "--to", "x.sqlite"],
        ] {
            let run = try TestSupport.runLinePlan(arguments)
            #expect(run.status == 75, "\(run.standardError)")
            #expect(run.standardError.contains("cannot reach postgresql://planner:***@127.0.0.1:1/lineplan"))
            #expect(run.standardError.hasSuffix("try again when the server is back\n"))
            #expect(!run.standardError.contains("s3cr3t") && !run.standardOutput.contains("s3cr3t"))
        }
    }

    @Test func readsTheLedgerFromTheEnvironment() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("env.sqlite").path
        let run = try TestSupport.runLinePlan(
            ["ledger", "reserve", "--topology", network, "--line", "E1", "--pool", "WH-INTERCONNECT"],
            environment: ["LINEPLAN_LEDGER": ledger])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: ledger))
    }
}
