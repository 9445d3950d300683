import SQLiteStore
import Testing

@Suite struct TransactionTests {
    let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    private enum BodyError: Error {
        case first
    }

    private func makeLedger(_ name: String) throws -> Database {
        let database = try Database(path: folder.path(name))
        try database.execute("CREATE TABLE lease (id INTEGER PRIMARY KEY, prefix TEXT NOT NULL UNIQUE)")
        return database
    }

    private func leaseCount(_ database: Database) throws -> Int? {
        try database.query("SELECT count(*) AS n FROM lease").first?.integer("n")
    }

    @Test func commitsAndReturnsTheBodysResult() throws {
        let database = try makeLedger("commit.db")
        let id = try database.transaction {
            #expect(database.isInTransaction)
            try database.execute("INSERT INTO lease (prefix) VALUES (?)", ["10.0.0.0/31"])
            return database.lastInsertRowID
        }
        #expect(id == 1)
        #expect(!database.isInTransaction)
        let other = try Database(path: database.path)
        #expect(try leaseCount(other) == 1)
    }

    @Test func rollsBackAndRethrowsTheBodysError() throws {
        let database = try makeLedger("rollback.db")
        #expect(throws: BodyError.first) {
            try database.transaction {
                try database.execute("INSERT INTO lease (prefix) VALUES (?)", ["10.0.0.0/31"])
                throw BodyError.first
            }
        }
        #expect(!database.isInTransaction)
        #expect(try leaseCount(database) == 0)

        // The first error wins, and the insert before it is undone.
        let thrown = #expect(throws: SQLiteError.self) {
            try database.transaction {
                try database.execute("INSERT INTO lease (prefix) VALUES (?)", ["10.0.0.2/31"])
                try database.execute("INSERT INTO lease (prefix) VALUES (?)", ["10.0.0.2/31"])
                throw BodyError.first
            }
        }
        #expect(thrown?.code == .constraintUnique)
        #expect(try leaseCount(database) == 0)
    }

    @Test func rethrowsTheBodysErrorWhenSQLiteAlreadyRolledBack() throws {
        let database = try makeLedger("ended.db")
        #expect(throws: BodyError.first) {
            try database.transaction {
                try database.execute("INSERT INTO lease (prefix) VALUES (?)", ["10.0.0.0/31"])
                try database.execute("ROLLBACK")
                throw BodyError.first
            }
        }
        #expect(!database.isInTransaction)
        #expect(try leaseCount(database) == 0)
    }

    @Test func nestedCallsUseSavepoints() throws {
        let database = try makeLedger("nested.db")
        let insert = try database.prepare("INSERT INTO lease (prefix) VALUES (?)")
        try database.transaction {
            try insert.execute(["outer-1"])
            #expect(throws: BodyError.first) {
                try database.transaction {
                    try insert.execute(["inner-undone"])
                    throw BodyError.first
                }
            }
            try database.transaction {
                try insert.execute(["inner-kept"])
            }
            try insert.execute(["outer-2"])
        }
        let prefixes = try database.query("SELECT prefix FROM lease ORDER BY id").compactMap { $0.text("prefix") }
        #expect(prefixes == ["outer-1", "inner-kept", "outer-2"])

        #expect(throws: BodyError.first) {
            try database.transaction {
                try database.transaction { try insert.execute(["kept-by-savepoint-but-outer-fails"]) }
                throw BodyError.first
            }
        }
        #expect(try leaseCount(database) == 3)
    }

    @Test(arguments: [false, true])
    func secondWriterIsBusyUntilTheFirstCommits(wal: Bool) throws {
        let first = try makeLedger(wal ? "busy-wal.db" : "busy.db")
        if wal {
            try first.enableWAL()
        }
        let second = try Database(path: first.path, busyTimeoutMilliseconds: 100)
        let clock = ContinuousClock()
        try first.transaction {
            try first.execute("INSERT INTO lease (prefix) VALUES (?)", ["first"])
            let start = clock.now
            let thrown = #expect(throws: SQLiteError.self) {
                try second.transaction {
                    try second.execute("INSERT INTO lease (prefix) VALUES (?)", ["second"])
                }
            }
            let waited = clock.now - start
            #expect(thrown?.isBusy == true)
            #expect(thrown?.code.matches(.busy) == true)
            #expect(waited >= .milliseconds(50))
            #expect(waited < .seconds(1))
            #expect(!second.isInTransaction)
        }
        try second.transaction {
            try second.execute("INSERT INTO lease (prefix) VALUES (?)", ["second"])
        }
        #expect(try leaseCount(first) == 2)
    }
}
