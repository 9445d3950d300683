import SQLiteStore
import Testing

@Suite struct OpeningTests {
    let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    @Test(arguments: [
        Array("hello".utf8),
        Array("SQLite".utf8),
        Array("SQLite format 2".utf8) + [UInt8](repeating: 0, count: 200),
    ])
    func refusesAFileThatIsNotSQLiteAndLeavesItUnchanged(contents: [UInt8]) throws {
        let path = try folder.write(contents, to: "notes.txt")
        for mode in [Database.OpenMode.readWriteCreate, .readWrite, .readOnly] {
            let thrown = #expect(throws: SQLiteError.self) { try Database(path: path, mode: mode) }
            let error = try #require(thrown)
            #expect(error.code == .notADatabase)
            #expect(error.path == path)
            #expect(error.message.contains("'\(path)' is not a SQLite database"))
        }
        #expect(try folder.bytes(at: path) == contents)
        #expect(try folder.fileNames() == ["notes.txt"])
    }

    @Test func acceptsAnEmptyFileAsNew() throws {
        let path = try folder.write([], to: "empty.db")
        let database = try Database(path: path)
        try database.migrate(
            applicationID: 7, migrations: [SQLiteMigration(version: 1, name: "start", sql: "CREATE TABLE t (x)")])
        #expect(try database.applicationID() == 7)
        #expect(try database.userVersion == 1)
    }

    @Test func doesNotCreateAMissingFileUnlessAsked() throws {
        let path = folder.path("missing.db")
        for mode in [Database.OpenMode.readWrite, .readOnly] {
            let error = #expect(throws: SQLiteError.self) { try Database(path: path, mode: mode) }
            #expect(error?.code == .cantOpen)
            #expect(error?.message == "cannot open '\(path)': unable to open database file")
        }
        #expect(try folder.fileNames().isEmpty)
        _ = try Database(path: path)
        #expect(try folder.fileNames() == ["missing.db"])
    }

    @Test func readOnlyConnectionsCannotWrite() throws {
        let path = folder.path("ro.db")
        try Database(path: path).execute("CREATE TABLE t (x)")
        let database = try Database(path: path, mode: .readOnly)
        let error = #expect(throws: SQLiteError.self) { try database.execute("INSERT INTO t VALUES (1)") }
        #expect(error?.code.matches(.readOnly) == true)
    }

    @Test func reportsWALMode() throws {
        let path = folder.path("wal.db")
        let database = try Database(path: path)
        try database.enableWAL()
        #expect(try database.query("PRAGMA journal_mode").first?[0] == "wal")
        let later = try Database(path: path)
        #expect(try later.query("PRAGMA journal_mode").first?[0] == "wal")
        try Database(path: ":memory:").enableWAL()
    }

    @Test func integrityCheckIsEmptyForAGoodFile() throws {
        let database = try Database(path: folder.path("good.db"))
        try database.execute(
            """
            CREATE TABLE lease (id INTEGER PRIMARY KEY, prefix TEXT NOT NULL UNIQUE);
            INSERT INTO lease (prefix) VALUES ('10.0.0.0/31'), ('10.0.0.2/31');
            """)
        #expect(try database.integrityCheck() == [])
        #expect(try Database(path: ":memory:").integrityCheck() == [])
    }

    @Test func userVersionIsSetAndRead() throws {
        let database = try Database(path: ":memory:")
        #expect(try database.userVersion == 0)
        try database.setUserVersion(12)
        #expect(try database.userVersion == 12)
        let error = #expect(throws: SQLiteError.self) { try database.setUserVersion(1 << 40) }
        #expect(error?.code == .range)
    }
}
