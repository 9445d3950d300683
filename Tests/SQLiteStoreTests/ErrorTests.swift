import SQLiteStore
import Testing

@Suite struct ErrorTests {
    let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    @Test func constraintViolationsCarryExtendedCodeSQLAndPath() throws {
        let path = folder.path("constraints.db")
        let database = try Database(path: path)
        try database.execute("CREATE TABLE lease (id INTEGER PRIMARY KEY, prefix TEXT NOT NULL UNIQUE)")
        let insert = "INSERT INTO lease (id, prefix) VALUES (?, ?)"
        try database.execute(insert, [1, "10.0.0.0/31"])

        let duplicateKeyError = #expect(throws: SQLiteError.self) { try database.execute(insert, [1, "x"]) }
        let duplicateKey = try #require(duplicateKeyError)
        #expect(duplicateKey.code.matches(.constraint))
        #expect(duplicateKey.code.primary == 19)
        #expect(duplicateKey.code.extended == 1555)
        #expect(duplicateKey.code == .constraintPrimaryKey)
        #expect(!duplicateKey.code.matches(.constraintUnique))
        #expect(duplicateKey.sql == insert)
        #expect(duplicateKey.path == path)
        #expect(
            duplicateKey.message
                == "UNIQUE constraint failed: lease.id, while executing \"\(insert)\" on '\(path)'")
        #expect(!duplicateKey.isBusy)

        let duplicatePrefixError = #expect(throws: SQLiteError.self) {
            try database.execute(insert, [2, "10.0.0.0/31"])
        }
        let duplicatePrefix = try #require(duplicatePrefixError)
        #expect(duplicatePrefix.code.matches(.constraint))
        #expect(duplicatePrefix.code.extended == 2067)
        #expect(duplicatePrefix.sql == insert)

        let notNull = #expect(throws: SQLiteError.self) { try database.execute(insert, [3, nil]) }
        #expect(notNull?.code == .constraintNotNull)
    }

    @Test func enforcesForeignKeys() throws {
        let database = try Database(path: folder.path("keys.db"))
        try database.execute(
            """
            CREATE TABLE circuit (id INTEGER PRIMARY KEY);
            CREATE TABLE lease (id INTEGER PRIMARY KEY, circuit INTEGER NOT NULL REFERENCES circuit (id));
            INSERT INTO circuit (id) VALUES (1);
            """)
        try database.execute("INSERT INTO lease (circuit) VALUES (?)", [1])
        let orphan = #expect(throws: SQLiteError.self) {
            try database.execute("INSERT INTO lease (circuit) VALUES (?)", [99])
        }
        #expect(orphan?.code == .constraintForeignKey)
        let parent = #expect(throws: SQLiteError.self) { try database.execute("DELETE FROM circuit") }
        #expect(parent?.code.matches(.constraint) == true)
        #expect(parent?.sql == "DELETE FROM circuit")
    }

    @Test func syntaxErrorsNameTheStatementOnOneLine() throws {
        let database = try Database(path: folder.path("syntax.db"))
        let sql = "SELEC 1\nFROM nowhere"
        let thrown = #expect(throws: SQLiteError.self) { try database.query(sql) }
        let error = try #require(thrown)
        #expect(error.code == .error)
        #expect(error.sql == sql)
        #expect(error.message.contains("syntax error"))
        #expect(error.message.contains("SELEC 1 FROM nowhere"))
        #expect(!error.description.contains("\n"))
        #expect(error.description == error.message)
    }

    @Test func codesCompareByFamilyOrExactly() {
        #expect(SQLiteError.Code(extended: 2067) == .constraintUnique)
        #expect(SQLiteError.Code.constraintUnique.matches(.constraint))
        #expect(!SQLiteError.Code.constraint.matches(.constraintUnique))
        #expect(SQLiteError.Code.foreignDatabase.matches(.notADatabase))
        #expect(SQLiteError.Code.newerSchema.matches(.cantOpen))
        #expect(SQLiteError(code: .locked, message: "m").isBusy)
        #expect(SQLiteError(code: .busySnapshot, message: "m").isBusy)
        #expect(SQLiteError.Code.constraintUnique.description == "constraint failed (19/2067)")
    }
}
