import Foundation
import Ledger
import NetAddress
import NetGraph
import SQLiteStore
import TestSupport
import Testing

@Suite struct LedgerTests {
    let pool: Pool
    let folder: URL

    init() throws {
        pool = Pool(id: "P-IC", purpose: .interconnect, prefix: try IPv4Prefix(parsing: "10.250.0.0/24"))
        folder = try TestSupport.makeTemporaryFolder()
    }

    func ledger(_ name: String = "l.sqlite") throws -> Ledger {
        try Ledger(path: folder.appendingPathComponent(name).path)
    }

    func line(_ id: String, state: LineState = .reserved, hold: String? = nil) -> LineRecord {
        LineRecord(
            id: id, orderID: "ORD", customer: "某银行", product: "interconnect", site: id, network: "test", state: state,
            holdUntil: hold)
    }

    func allocate(_ ledger: Ledger, _ id: String, count: Int = 1, length: Int = 30) throws -> [String] {
        try ledger.write(actor: "test") { (writer: inout LedgerWriter) throws(LedgerError) in
            if try writer.line(id) == nil { try writer.record(line(id)) }
            return try writer.allocate(pool: pool, purpose: "interconnect", count: count, length: length, for: id)
        }.map(\.description)
    }

    @Test func handsOutTheLowestFreeBlocksAndTheSameOnesAgainForTheSameLine() throws {
        let ledger = try ledger()
        #expect(try allocate(ledger, "A") == ["10.250.0.0/30"])
        #expect(try allocate(ledger, "B", count: 2) == ["10.250.0.4/30", "10.250.0.8/30"])
        // Committing line A again returns its block, never a new one.
        #expect(try allocate(ledger, "A") == ["10.250.0.0/30"])
        #expect(try ledger.usage().blocks["P-IC"]?.count == 3)
    }

    @Test func offersAReleasedBlockFirst() throws {
        let ledger = try ledger()
        _ = try allocate(ledger, "A")
        _ = try allocate(ledger, "B")
        _ = try allocate(ledger, "C")
        try ledger.release("B", actor: "test")
        #expect(try ledger.line("B")?.state == .ceased)
        #expect(try ledger.reservations(of: "B").isEmpty)
        #expect(try allocate(ledger, "D") == ["10.250.0.4/30"])
    }

    @Test func takesAllOrNothingWhenThePoolRunsOut() throws {
        let ledger = try ledger()
        _ = try allocate(ledger, "A", count: 60)
        // 4 /30s are left in the /24; asking for 5 fails and leaves the ledger as it was.
        #expect(throws: LedgerError.self) { try allocate(ledger, "B", count: 5) }
        #expect(try ledger.line("B") == nil)
        #expect(try ledger.usage().blocks["P-IC"]?.count == 60)
        #expect(try allocate(ledger, "B", count: 4).count == 4)
    }

    @Test func rollsBackEverythingWhenAWriteFails() throws {
        let ledger = try ledger()
        let port = Reservation(kind: .port, purpose: "access", resource: "ACC-1", detail: "GE", unit: 5, capacity: 12)
        try ledger.write(actor: "test") { (writer: inout LedgerWriter) throws(LedgerError) in
            try writer.record(line("A"))
            try writer.reserve(port, for: "A")
        }
        // B takes a block, then asks for A's port: the port conflict undoes B's block too.
        let error = #expect(throws: LedgerError.self) {
            try ledger.write(actor: "test") { (writer: inout LedgerWriter) throws(LedgerError) in
                try writer.record(line("B"))
                _ = try writer.allocate(pool: pool, purpose: "interconnect", count: 1, length: 30, for: "B")
                try writer.reserve(port, for: "B")
            }
        }
        #expect(error?.code == .conflict)
        #expect(error?.message.hasSuffix("port GE #5 on ACC-1 (access) is already held by another line") == true)
        #expect(try ledger.line("B") == nil)
        #expect(try ledger.usage().blocks["P-IC"] == nil)
    }

    @Test func activatesAndExpiresHolds() throws {
        let ledger = try ledger()
        for (id, hold) in [("A", "2026-10-09"), ("B", "2026-10-09"), ("C", "2026-10-20")] {
            try ledger.write(actor: "test") { (writer: inout LedgerWriter) throws(LedgerError) in
                try writer.record(line(id, hold: hold))
                _ = try writer.allocate(pool: pool, purpose: "interconnect", count: 1, length: 30, for: id)
            }
        }
        try ledger.activate("A", actor: "test")
        #expect(try ledger.line("A")?.state == .active)
        #expect(try ledger.line("A")?.holdUntil == nil)
        // On 2026-10-10, B's hold (until 10-09) has ended; A is active and C still held.
        #expect(try ledger.expireHolds(before: "2026-10-10", actor: "test") == ["B"])
        #expect(try ledger.lines(in: .reserved).map(\.id) == ["C"])
        #expect(try ledger.auditLog(of: "B").map(\.action) == ["record", "expire"])
        let activateAgain = #expect(throws: LedgerError.self) { try ledger.activate("B", actor: "test") }
        #expect(activateAgain?.code == .invalidState)
    }

    @Test func verifiesASoundLedger() throws {
        let ledger = try ledger()
        _ = try allocate(ledger, "A", count: 3)
        #expect(try ledger.verify().isEmpty)
    }

    @Test func namesEveryBrokenInvariant() throws {
        let path = folder.appendingPathComponent("broken.sqlite").path
        _ = try Ledger(path: path)
        // Break the ledger behind its back, as a faulty tool or a hand edit would.
        let database = try Database(path: path)
        try database.execute(
            """
            INSERT INTO lines (id, order_id, customer, product, site, network, state, created_at, updated_at) VALUES
                ('A', 'O', 'c', 'p', 's', 'n', 'reserved', 't', 't'), ('B', 'O', 'c', 'p', 's', 'n', 'reserved', 't', 't'),
                ('C', 'O', 'c', 'p', 's', 'n', 'ceased', 't', 't');
            INSERT INTO reservations (line_id, kind, purpose, resource, block_start, block_end, amount, capacity, created_at) VALUES
                ('A', 'address', 'lan', 'P', 167772160, 167772415, 256, 256, 't'),
                ('B', 'address', 'lan', 'P', 167772164, 167772167, 4, 4, 't');
            INSERT INTO reservations (line_id, kind, purpose, resource, amount, capacity, baseline, created_at) VALUES
                ('A', 'bandwidth', 'working', 'L1', 400000, 700000, 300000, 't'),
                ('B', 'bandwidth', 'working', 'L1', 100000, 700000, 300000, 't');
            INSERT INTO reservations (line_id, kind, purpose, resource, detail, unit, amount, capacity, baseline, created_at) VALUES
                ('C', 'port', 'access', 'ACC-1', 'GE', 13, 1, 12, 6, 't');
            """)
        let violations = try Ledger(path: path).verify().map(\.description)
        #expect(
            violations == [
                "overlapping-blocks: 10.0.0.4/30 of line 'B' (pool P) overlaps 10.0.0.0/24 of line 'A' (pool P)",
                "link-over-rate: link 'L1' has 500000k reserved on 300000k committed, above the 700000k it allows (lines A,B)",
                "unit-twice: port GE #13 on 'ACC-1' is outside the free range (6 used in the network, 12 in all) (line C)",
                "orphan-reservation: line 'C' is not live but still holds 1 reservations",
            ])
    }

    @Test func migratesALedgerFromTheFirstSchema() throws {
        let path = folder.appendingPathComponent("old.sqlite").path
        let database = try Database(path: path)
        try database.migrate(
            applicationID: 0x4C50_4C47,
            migrations: [
                SQLiteMigration(version: 1, name: "lines and reservations", sql: try firstSchema())
            ])
        try database.execute(
            """
            INSERT INTO lines (id, order_id, customer, product, site, network, state, created_at, updated_at)
            VALUES ('OLD', 'O', 'c', 'p', 's', 'n', 'active', 't', 't')
            """)
        let ledger = try Ledger(path: path)
        #expect(try ledger.line("OLD")?.state == .active)
        #expect(try ledger.line("OLD")?.holdUntil == nil)
        #expect(try Database(path: path).userVersion == 2)
        #expect(try ledger.auditLog().isEmpty)
    }

    /// The version-1 schema as shipped, read from the source so the test follows it.
    func firstSchema() throws -> String {
        let source = try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("Sources/Ledger/LedgerSchema.swift"),
            encoding: .utf8)
        let start = try #require(source.range(of: "sql: \"\"\"\n"))
        let end = try #require(source.range(of: "\"\"\")", range: start.upperBound..<source.endIndex))
        return source[start.upperBound..<end.lowerBound].split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    @Test func refusesAForeignFileAndLeavesItUntouched() throws {
        let text = folder.appendingPathComponent("notes.sqlite")
        try Data("hello".utf8).write(to: text)
        let textError = #expect(throws: LedgerError.self) { try Ledger(path: text.path) }
        #expect(textError?.code == .notALedger)
        #expect(try Data(contentsOf: text) == Data("hello".utf8))

        let other = folder.appendingPathComponent("other.sqlite")
        let database = try Database(path: other.path)
        try database.execute("CREATE TABLE customers (name TEXT)")
        let before = try Data(contentsOf: other)
        let foreignError = #expect(throws: LedgerError.self) { try Ledger(path: other.path) }
        #expect(foreignError?.code == .notALedger)
        #expect(try Data(contentsOf: other) == before)
    }

    @Test func exportsNetBoxCSV() throws {
        let ledger = try ledger()
        _ = try allocate(ledger, "A")
        let export = try ledger.exportNetBox()
        #expect(
            export.prefixes == """
                prefix,status,is_pool,description
                10.250.0.0/30,reserved,false,LinePlan A: interconnect for 某银行 A

                """)
        #expect(
            export.addresses == """
                address,status,description
                10.250.0.1/30,reserved,"LinePlan A: interconnect for 某银行 A, carrier side"
                10.250.0.2/30,reserved,"LinePlan A: interconnect for 某银行 A, customer side"

                """)
    }

    @Test func countsHeldResourcesAsUsedWhenPlanning() throws {
        let network = Network(
            name: "n",
            nodes: [
                Node(
                    id: "A", kind: .ptn, location: Location(x: 0, y: 0),
                    ports: [PortGroup(type: .ge, total: 12, used: 4)]),
                Node(id: "B", kind: .ptn, location: Location(x: 1, y: 0)),
            ],
            links: [
                Link(
                    id: "L", aEnd: 0, bEnd: 1, rate: .megabits(1000), committed: .megabits(300), metres: 1000,
                    segment: .access, technology: .ptn)
            ])
        var usage = LedgerUsage()
        usage.add(Reservation(kind: .bandwidth, purpose: "working", resource: "L", amount: 100_000, capacity: 700_000))
        usage.add(Reservation(kind: .port, purpose: "access", resource: "A", detail: "GE", unit: 5, capacity: 12))
        let applied = usage.applied(to: network)
        #expect(applied.links[0].committed == .megabits(400))
        #expect(applied.nodes[0].ports(of: .ge)?.used == 5)
        let key = LedgerUsage.UnitKey(kind: .port, resource: "A", detail: "GE")
        #expect(usage.freeUnits(key, count: 2, baseline: 4, capacity: 12) == [6, 7])
        #expect(usage.freeUnits(key, count: 8, baseline: 4, capacity: 12) == nil)
    }
}
