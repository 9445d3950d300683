import SQLiteStore
import Testing

@Suite struct ValueTests {
    let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    @Test func roundTripsEveryKindOfValue() throws {
        let database = try Database(path: folder.path("values.db"))
        try database.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, value)")
        let values: [SQLiteValue] = [
            .null, .integer(0), .integer(.max), .integer(.min), .real(2.5), .real(-1e-300),
            .text(""), .text("plain"), .text("武汉—北京 专线 (一期)"), .text("nul\u{0}inside"),
            .blob([]), .blob([0, 0x53, 0, 0xFF, 0]),
        ]
        let insert = try database.prepare("INSERT INTO item (value) VALUES (?)")
        for value in values {
            try insert.execute([value])
        }
        let rows = try database.query("SELECT value, typeof(value) AS kind FROM item ORDER BY id")
        #expect(rows.map { $0[0] } == values)
        #expect(
            rows.compactMap { $0.text("kind") } == [
                "null", "integer", "integer", "integer", "real", "real",
                "text", "text", "text", "text", "blob", "blob",
            ])
        let chinese = try database.query("SELECT value FROM item WHERE value = ?", ["武汉—北京 专线 (一期)"])
        #expect(chinese.count == 1)
    }

    @Test func literalsAndInitializersBuildValues() {
        let text: SQLiteValue = "A-01"
        let integer: SQLiteValue = 42
        let real: SQLiteValue = 2.5
        let null: SQLiteValue = nil
        #expect(text == .text("A-01"))
        #expect(integer == .integer(42))
        #expect(real == .real(2.5))
        #expect(null == .null && null.isNull)
        #expect(SQLiteValue(7) == .integer(7))
        #expect(SQLiteValue(Optional("x")) == .text("x"))
        #expect(SQLiteValue(String?.none) == .null)
        #expect(SQLiteValue([1, 0, 2] as [UInt8]) == .blob([1, 0, 2]))
    }

    @Test func readsColumnsByNameAndPosition() throws {
        let database = try Database(path: folder.path("rows.db"))
        try database.execute(
            """
            CREATE TABLE circuit (id INTEGER PRIMARY KEY, name TEXT NOT NULL, bandwidth REAL, note TEXT, tag BLOB);
            INSERT INTO circuit (name, bandwidth, note, tag) VALUES ('WH-01', 100, NULL, x'00ff');
            """)
        let rows = try database.query("SELECT id, name AS Circuit, bandwidth, note, tag FROM circuit")
        let row = try #require(rows.first)
        #expect(row.columnNames == ["id", "Circuit", "bandwidth", "note", "tag"])
        #expect(row.integer("id") == 1)
        #expect(row.text("Circuit") == "WH-01")
        #expect(row.text("circuit") == "WH-01")
        #expect(row["CIRCUIT"] == .text("WH-01"))
        #expect(row.real("bandwidth") == 100)
        #expect(row["bandwidth"] == .real(100))
        #expect(row.real("id") == 1)
        #expect(row.blob("tag") == [0, 0xFF])
        #expect(row["note"] == .null)
        #expect(row.text("note") == nil)
        #expect(row.integer("Circuit") == nil)
        #expect(row["missing"] == .null)
        #expect(row.integer("missing") == nil)
        #expect(row[1] == .text("WH-01"))
        #expect(row[5] == .null)
        #expect(row[-1] == .null)
    }

    @Test func reusesAPreparedStatementForABatch() throws {
        let database = try Database(path: folder.path("batch.db"))
        try database.execute("CREATE TABLE lease (id INTEGER PRIMARY KEY, prefix TEXT NOT NULL UNIQUE)")
        let insert = try database.prepare("INSERT INTO lease (prefix) VALUES (?)")
        #expect(insert.sql == "INSERT INTO lease (prefix) VALUES (?)")
        try database.transaction {
            for index in 0..<200 {
                try insert.execute([.text("10.0.\(index).0/31")])
            }
        }
        #expect(database.changes == 1)
        #expect(database.lastInsertRowID == 200)
        try database.execute("UPDATE lease SET prefix = prefix || '!'", [])
        #expect(database.changes == 200)
        let select = try database.prepare("SELECT count(*) AS n FROM lease WHERE id > ?")
        #expect(try select.query([100]).first?.integer("n") == 100)
        #expect(try select.query([150]).first?.integer("n") == 50)
    }

    @Test func runsScriptsButOnlySingleStatementsWithArguments() throws {
        let database = try Database(path: ":memory:")
        try database.execute(
            """
            -- a script with an empty statement and comments
            CREATE TABLE item (x);
            ;
            INSERT INTO item VALUES (1); /* trailing */
            """)
        #expect(try database.query("SELECT x FROM item; -- done").count == 1)

        let several = #expect(throws: SQLiteError.self) {
            try database.execute("INSERT INTO item VALUES (?); DELETE FROM item", [2])
        }
        #expect(several?.code == .misuse)
        let wrongCount = #expect(throws: SQLiteError.self) {
            try database.query("SELECT x FROM item WHERE x = ?", [])
        }
        #expect(wrongCount?.code == .misuse)
        #expect(wrongCount?.message.contains("takes 1 argument(s) but 0 were given") == true)
        let empty = #expect(throws: SQLiteError.self) { try database.prepare("  -- nothing ") }
        #expect(empty?.code == .misuse)
        #expect(try database.query("SELECT count(*) FROM item").first?[0] == .integer(1))
    }

    @Test func reportsTheLibraryVersion() {
        #expect(sqliteLibraryVersion.hasPrefix("3."))
    }
}
