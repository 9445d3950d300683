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

    func ledger(_ store: LedgerStoreKind) throws -> Ledger {
        try Ledger(path: store.freshLedger(in: folder))
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

    @Test(arguments: LedgerStoreKind.available) func handsOutTheLowestFreeBlocksAndTheSameOnesAgainForTheSameLine(
        _ store: LedgerStoreKind
    ) throws {
        let ledger = try ledger(store)
        #expect(try allocate(ledger, "A") == ["10.250.0.0/30"])
        #expect(try allocate(ledger, "B", count: 2) == ["10.250.0.4/30", "10.250.0.8/30"])
        // Committing line A again returns its block, never a new one.
        #expect(try allocate(ledger, "A") == ["10.250.0.0/30"])
        #expect(try ledger.usage().blocks["P-IC"]?.count == 3)
    }

    @Test(arguments: LedgerStoreKind.available) func offersAReleasedBlockFirst(_ store: LedgerStoreKind) throws {
        let ledger = try ledger(store)
        _ = try allocate(ledger, "A")
        _ = try allocate(ledger, "B")
        _ = try allocate(ledger, "C")
        try ledger.release("B", actor: "test")
        #expect(try ledger.line("B")?.state == .ceased)
        #expect(try ledger.reservations(of: "B").isEmpty)
        #expect(try allocate(ledger, "D") == ["10.250.0.4/30"])
    }

    @Test(arguments: LedgerStoreKind.available) func takesAllOrNothingWhenThePoolRunsOut(_ store: LedgerStoreKind)
        throws
    {
        let ledger = try ledger(store)
        _ = try allocate(ledger, "A", count: 60)
        // 4 /30s are left in the /24; asking for 5 fails and leaves the ledger as it was.
        #expect(throws: LedgerError.self) { try allocate(ledger, "B", count: 5) }
        #expect(try ledger.line("B") == nil)
        #expect(try ledger.usage().blocks["P-IC"]?.count == 60)
        #expect(try allocate(ledger, "B", count: 4).count == 4)
    }

    @Test(arguments: LedgerStoreKind.available) func rollsBackEverythingWhenAWriteFails(_ store: LedgerStoreKind) throws
    {
        let ledger = try ledger(store)
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

    @Test(arguments: LedgerStoreKind.available) func activatesAndExpiresHolds(_ store: LedgerStoreKind) throws {
        let ledger = try ledger(store)
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

    @Test(arguments: LedgerStoreKind.available) func verifiesASoundLedger(_ store: LedgerStoreKind) throws {
        let ledger = try ledger(store)
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
                ('A', 'O', 'c', 'p', 'A', 'n', 'reserved', 't', 't'), ('B', 'O', 'c', 'p', 'B', 'n', 'reserved', 't', 't'),
                ('C', 'O', 'c', 'p', 'C', 'n', 'ceased', 't', 't');
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

    /// A damaged ledger's numbers are bounded before they are added up (issue 13: an amount of
    /// 9223372036854775807 trapped `plan` and `ledger verify` with an arithmetic overflow, SIGILL).
    @Test func boundsTheNumbersOfADamagedLedger() throws {
        let path = folder.appendingPathComponent("damaged.sqlite").path
        _ = try Ledger(path: path)
        let database = try Database(path: path)
        try database.execute(
            """
            INSERT INTO lines (id, order_id, customer, product, site, network, state, created_at, updated_at) VALUES
                ('A', 'O', 'c', 'p', 'A', 'n', 'reserved', 't', 't'), ('B', 'O', 'c', 'p', 'B', 'n', 'reserved', 't', 't');
            INSERT INTO reservations (line_id, kind, purpose, resource, amount, capacity, baseline, created_at) VALUES
                ('A', 'bandwidth', 'working', 'L1', 9223372036854775807, 700000, 300000, 't'),
                ('B', 'bandwidth', 'working', 'L1', 100000, 700000, 300000, 't');
            INSERT INTO reservations (line_id, kind, purpose, resource, block_start, block_end, amount, capacity, created_at) VALUES
                ('B', 'address', 'lan', 'P', -9223372036854775808, 9223372036854775807, 4, 4, 't');
            INSERT INTO reservations (line_id, kind, purpose, resource, detail, unit, amount, capacity, baseline, created_at) VALUES
                ('B', 'port', 'access', 'ACC-1', 'GE', -1, 1, 12, 6, 't');
            """)
        let ledger = try Ledger(path: path)
        do {
            _ = try ledger.usage()
            Issue.record("a damaged ledger was read")
        } catch {
            #expect(error.code == .notALedger)
            #expect(
                error.message
                    == "\(path): reservation 1 (bandwidth on 'L1', line 'A'): amount 9223372036854775807 is outside "
                    + "1…1000000000000; the ledger is damaged: nothing was planned against it (see 'lineplan ledger verify')"
            )
        }
        // Planning reads the ledger through the order's view: refused the same way.
        #expect(throws: LedgerError.self) { try ledger.view(forOrder: "O2", keepingAddresses: true) }
        #expect(
            try ledger.verify().map(\.description) == [
                "out-of-range: reservation 1 (bandwidth on 'L1', line 'A'): amount 9223372036854775807 is outside "
                    + "1…1000000000000",
                "out-of-range: reservation 3 (address on 'P', line 'B'): block_start -9223372036854775808 is outside "
                    + "0…4294967295",
                "out-of-range: reservation 4 (port on 'ACC-1', line 'B'): unit -1 is outside 0…2147483647",
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
        #expect(try Database(path: path).userVersion == 3)
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

    @Test(arguments: LedgerStoreKind.available) func exportsNetBoxCSV(_ store: LedgerStoreKind) throws {
        let ledger = try ledger(store)
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

    @Test func migratesASecondSchemaLedgerToLinesKeyedByOrderAndSite() throws {
        let path = folder.appendingPathComponent("v2.sqlite").path
        let database = try Database(path: path)
        try database.migrate(applicationID: 0x4C50_4C47, migrations: try shippedSchemas().prefix(2).map { $0 })
        try database.execute(
            """
            INSERT INTO lines (id, order_id, customer, product, site, network, state, created_at, updated_at)
            VALUES ('WH-1/Office/X', 'WH-1/Office', 'c', 'p', 'X', 'n', 'reserved', 't', 't')
            """)
        let ledger = try Ledger(path: path)
        #expect(try Database(path: path).userVersion == 3)
        #expect(try ledger.line("WH-1/Office/X")?.orderID == "WH-1/Office")
        // The old joined key collides; the order and site do not: the commit is refused.
        let error = #expect(throws: LedgerError.self) {
            try ledger.write(actor: "test") { (writer: inout LedgerWriter) throws(LedgerError) in
                try writer.record(
                    LineRecord(
                        id: "WH-1/Office/X", orderID: "WH-1", customer: "c", product: "p", site: "Office/X",
                        network: "n", state: .reserved))
            }
        }
        #expect(error?.code == .lineOfAnotherOrder)
        #expect(try ledger.line("WH-1/Office/X")?.site == "X")
    }

    @Test(arguments: LedgerStoreKind.available) func refusesALineUnderANewIdForAnOrderAndSiteThatHaveOne(
        _ store: LedgerStoreKind
    ) throws {
        let ledger = try ledger(store)
        try ledger.write(actor: "test") { (writer: inout LedgerWriter) throws(LedgerError) in
            try writer.record(
                LineRecord(
                    id: "A", orderID: "O", customer: "c", product: "p", site: "S", network: "n", state: .reserved))
        }
        let error = #expect(throws: LedgerError.self) {
            try ledger.write(actor: "test") { (writer: inout LedgerWriter) throws(LedgerError) in
                try writer.record(
                    LineRecord(
                        id: "B", orderID: "O", customer: "c", product: "p", site: "S", network: "n", state: .reserved))
            }
        }
        #expect(error?.code == .lineOfAnotherOrder)
        #expect(try ledger.line("B") == nil)
    }

    /// The shipped migrations' SQL, read from the source so tests follow it.
    func shippedSchemas() throws -> [SQLiteMigration] {
        let source = try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("Sources/Ledger/LedgerSchema.swift"),
            encoding: .utf8)
        var migrations: [SQLiteMigration] = []
        var rest = source[...]
        while let start = rest.range(of: "sql: \"\"\"\n") {
            let end = try #require(rest.range(of: "\"\"\")", range: start.upperBound..<rest.endIndex))
            let sql = rest[start.upperBound..<end.lowerBound].split(separator: "\n").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.joined(separator: "\n")
            migrations.append(
                SQLiteMigration(version: migrations.count + 1, name: "v\(migrations.count + 1)", sql: sql))
            rest = rest[end.upperBound...]
        }
        return migrations
    }

    @Test func refusesAWriteAheadLogOfAnotherLedgerBeforeApplyingIt() throws {
        let path = folder.appendingPathComponent("a.sqlite").path
        let otherPath = folder.appendingPathComponent("b.sqlite").path
        _ = try allocate(try Ledger(path: path), "A")  // closed again: its log is folded in and removed
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let other = try Ledger(path: otherPath)
            let database = try Database(path: otherPath)
            try database.execute("PRAGMA wal_autocheckpoint = 0")
            _ = try allocate(other, "STRAY", count: 5)
            // While the other ledger is open its log is live: copy it beside this ledger.
            try FileManager.default.copyItem(atPath: otherPath + "-wal", toPath: path + "-wal")
        }
        let log = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        for readOnly in [true, false] {
            let error = #expect(throws: LedgerError.self) { try Ledger(path: path, readOnly: readOnly) }
            #expect(error?.code == .notALedger)
            #expect(
                error?.message.hasPrefix("'\(path)-wal' is not the write-ahead log of '\(path)' (it was written by")
                    == true)
        }
        let run = try TestSupport.runLinePlan(["ledger", "list", "--ledger", path])
        #expect(run.status == 65)
        #expect(run.standardError.contains("it was not applied and nothing was changed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")) == log)
        // Moved away, the ledger opens as it was.
        try FileManager.default.removeItem(atPath: path + "-wal")
        #expect(try Ledger(path: path).lines().map(\.id) == ["A"])
    }

    @Test(arguments: LedgerStoreKind.available) func countsEveryWriteSoASnapshotKnowsWhetherItIsCurrent(
        _ store: LedgerStoreKind
    ) throws {
        let ledger = try ledger(store)
        #expect(try ledger.view(forOrder: "ORD", keepingAddresses: true).writeCount == 0)
        _ = try allocate(ledger, "A")
        #expect(try ledger.view(forOrder: "ORD", keepingAddresses: true).writeCount == 1)
        // A write that fails is rolled back, its count with it.
        #expect(throws: LedgerError.self) { try allocate(ledger, "B", count: 100) }
        let seen = try ledger.write(actor: "test") { (writer: inout LedgerWriter) throws(LedgerError) in
            writer.writeCount
        }
        #expect(seen == 1)
        #expect(try ledger.view(forOrder: "ORD", keepingAddresses: true).writeCount == 2)
    }

    @Test func refusesAFileCutShortOnEveryWriteOfAConnection() throws {
        let path = folder.appendingPathComponent("l.sqlite").path
        let ledger = try Ledger(path: path)
        _ = try allocate(ledger, "A")
        // Damaged after this connection's first write (quick-checked then): the page count is checked on each.
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try file.seekToEnd()
        try file.write(contentsOf: Data(repeating: 0, count: 100))
        try file.close()
        let error = #expect(throws: LedgerError.self) { try allocate(ledger, "B") }
        #expect(error?.message.contains("not a whole number of") == true)
        #expect(try ledger.line("B") == nil)
    }

    @Test(.enabled(if: TestSupport.postgresURL != nil, "LINEPLAN_TEST_POSTGRES is not set: no PostgreSQL runs"))
    func runsAgainstPostgreSQLToo() throws {
        #expect(LedgerStoreKind.available.contains(.postgresql))
    }

    @Test(arguments: LedgerStoreKind.available) func namesOverlapsAndLinksOverTheirRate(_ store: LedgerStoreKind) throws
    {
        let ledger = try ledger(store)
        let wide = try IPv4Prefix(parsing: "10.0.0.0/24")
        let inside = try IPv4Prefix(parsing: "10.0.0.4/30")
        try ledger.write(actor: "test") { (writer: inout LedgerWriter) throws(LedgerError) in
            for id in ["A", "B"] { try writer.record(line(id)) }
            try writer.reserve(.address(wide, pool: "P", purpose: "lan"), for: "A")
            try writer.reserve(.address(inside, pool: "P", purpose: "lan"), for: "B")
            for (id, amount) in [("A", 400_000), ("B", 100_000)] {
                try writer.reserve(
                    Reservation(
                        kind: .bandwidth, purpose: "working", resource: "L1", amount: amount, capacity: 700_000,
                        baseline: 300_000), for: id)
            }
        }
        #expect(
            try ledger.verify().map(\.description) == [
                "overlapping-blocks: 10.0.0.4/30 of line 'B' (pool P) overlaps 10.0.0.0/24 of line 'A' (pool P)",
                "link-over-rate: link 'L1' has 500000k reserved on 300000k committed, above the 700000k it allows (lines A,B)",
            ])
    }

    @Test(arguments: LedgerStoreKind.available) func copiesALedgerToTheOtherStoreAndBack(_ store: LedgerStoreKind)
        throws
    {
        let source = try ledger(store)
        _ = try allocate(source, "A", count: 3)
        _ = try allocate(source, "B")
        try source.release("B", actor: "test")
        let other: LedgerStoreKind = store == .sqlite ? (LedgerStoreKind.available.last ?? .sqlite) : .sqlite
        let middle = try Ledger(path: other.freshLedger(in: folder, name: "middle.sqlite"))
        let back = try Ledger(path: store.freshLedger(in: folder, name: "back.sqlite"))
        let counts = try source.copy(to: middle)
        #expect(counts.description == "2 lines, 4 reservations (3 live), 3 audit entries")
        #expect(try middle.copy(to: back) == counts)
        #expect(try back.lines() == source.lines())
        #expect(try back.exportNetBox() == source.exportNetBox())
        #expect(try back.auditLog().map(\.action) == source.auditLog().map(\.action))
        let again = #expect(throws: LedgerError.self) { try source.copy(to: back) }
        #expect(again?.code == .invalidRequest)
    }
}
