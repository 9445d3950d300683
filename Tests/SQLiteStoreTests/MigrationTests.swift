import SQLiteStore
import Testing

@Suite struct MigrationTests {
    let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    private let ledgerID: Int32 = 0x4C50_4C47

    private let migrations = [
        SQLiteMigration(
            version: 1, name: "leases",
            sql: "CREATE TABLE lease (id INTEGER PRIMARY KEY, prefix TEXT NOT NULL UNIQUE);"),
        SQLiteMigration(
            version: 2, name: "lease circuits",
            sql: """
                ALTER TABLE lease ADD COLUMN circuit TEXT;
                CREATE INDEX lease_by_circuit ON lease (circuit);
                """),
        SQLiteMigration(
            version: 3, name: "runs", sql: "CREATE TABLE run (id INTEGER PRIMARY KEY, started TEXT NOT NULL);"),
    ]

    private func tableNames(_ database: Database) throws -> [String] {
        try database.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .compactMap { $0.text("name") }
    }

    @Test func newFileGetsApplicationIDAndEveryMigration() throws {
        let database = try Database(path: folder.path("new.db"))
        try database.migrate(applicationID: ledgerID, migrations: migrations.reversed())
        #expect(try database.applicationID() == ledgerID)
        #expect(try database.userVersion == 3)
        #expect(try tableNames(database) == ["lease", "run"])
        try database.migrate(applicationID: ledgerID, migrations: migrations)
        #expect(try database.userVersion == 3)
    }

    @Test func oldFileIsMigratedAndKeepsItsData() throws {
        let path = folder.path("old.db")
        do {
            let database = try Database(path: path)
            try database.migrate(applicationID: ledgerID, migrations: Array(migrations.prefix(1)))
            try database.execute("INSERT INTO lease (prefix) VALUES (?)", ["10.0.0.0/31"])
            #expect(try database.userVersion == 1)
        }
        let database = try Database(path: path)
        try database.migrate(applicationID: ledgerID, migrations: Array(migrations.prefix(2)))
        #expect(try database.userVersion == 2)
        #expect(try database.applicationID() == ledgerID)
        try database.execute("UPDATE lease SET circuit = ?", ["WH-01"])
        let row = try #require(try database.query("SELECT prefix, circuit FROM lease").first)
        #expect(row.text("prefix") == "10.0.0.0/31")
        #expect(row.text("circuit") == "WH-01")
    }

    @Test func newerFileIsRefusedUnchanged() throws {
        let path = folder.path("newer.db")
        do {
            try Database(path: path).migrate(applicationID: ledgerID, migrations: migrations)
        }
        let before = try folder.bytes(at: path)
        do {
            let database = try Database(path: path)
            let thrown = #expect(throws: SQLiteError.self) {
                try database.migrate(applicationID: ledgerID, migrations: Array(migrations.prefix(1)))
            }
            let error = try #require(thrown)
            #expect(error.code == .newerSchema)
            #expect(error.message.contains("was written by a newer LinePlan (schema 3, this one knows 1)"))
            #expect(error.message.contains(path))
            #expect(try database.userVersion == 3)
        }
        #expect(try folder.bytes(at: path) == before)
    }

    @Test(arguments: [Int32(42), 0])
    func foreignSQLiteFileIsRefusedUnchanged(applicationID: Int32) throws {
        let path = folder.path("foreign.db")
        do {
            let database = try Database(path: path)
            try database.execute(
                "PRAGMA application_id = \(applicationID); CREATE TABLE photo (id INTEGER PRIMARY KEY)")
        }
        let before = try folder.bytes(at: path)
        do {
            let database = try Database(path: path)
            let thrown = #expect(throws: SQLiteError.self) {
                try database.migrate(applicationID: ledgerID, migrations: migrations)
            }
            let error = try #require(thrown)
            #expect(error.code == .foreignDatabase)
            #expect(error.code.matches(.notADatabase))
            #expect(error.message.contains("'\(path)' is not a LinePlan ledger"))
            #expect(error.path == path)
        }
        #expect(try folder.bytes(at: path) == before)
        #expect(try folder.fileNames() == ["foreign.db"])
    }

    @Test func failingMigrationLeavesTheLastWholeVersion() throws {
        let database = try Database(path: folder.path("broken.db"))
        try database.migrate(applicationID: ledgerID, migrations: Array(migrations.prefix(1)))
        let broken = SQLiteMigration(
            version: 2, name: "broken", sql: "CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);")
        let thrown = #expect(throws: SQLiteError.self) {
            try database.migrate(applicationID: ledgerID, migrations: [migrations[0], broken])
        }
        let error = try #require(thrown)
        #expect(error.message.hasPrefix("migration 2 'broken' failed: no such table: nowhere"))
        #expect(error.sql == "INSERT INTO nowhere VALUES (1);")
        #expect(try database.userVersion == 1)
        #expect(try tableNames(database) == ["lease"])
        #expect(!database.isInTransaction)
    }

    @Test func refusesInvalidMigrationListsAndNesting() throws {
        let database = try Database(path: ":memory:")
        let duplicate = #expect(throws: SQLiteError.self) {
            try database.migrate(applicationID: ledgerID, migrations: [migrations[0], migrations[0]])
        }
        #expect(duplicate?.code == .misuse)
        let zeroID = #expect(throws: SQLiteError.self) {
            try database.migrate(applicationID: 0, migrations: migrations)
        }
        #expect(zeroID?.code == .misuse)
        try database.transaction {
            let nested = #expect(throws: SQLiteError.self) {
                try database.migrate(applicationID: ledgerID, migrations: migrations)
            }
            #expect(nested?.code == .misuse)
        }
        #expect(try database.userVersion == 0)
        #expect(try database.applicationID() == 0)
    }
}
