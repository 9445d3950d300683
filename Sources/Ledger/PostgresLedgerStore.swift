import PostgresStore
import SQLiteStore

/// The shared store: a PostgreSQL database, reached through libpq.
///
/// The ledger's tables live in one PostgreSQL schema (`lineplan`, or the URL's `lineplan_schema=`), with the
/// same columns, checks and partial unique indexes as the SQLite file, text columns in the `"C"` collation
/// so that every `ORDER BY` answers as SQLite does. `schema_version` records the schema (the SQLite file's
/// `user_version`); a newer one is refused.
///
/// A write is one `READ COMMITTED` transaction that first takes a transaction-scoped advisory lock on the
/// ledger (`pg_advisory_xact_lock`), waiting at most the busy timeout (`lock_timeout`): writers queue as
/// they do on SQLite's `BEGIN IMMEDIATE`, and each then reads what the previous one committed. Readers are
/// never blocked. A lost connection rolls the transaction back on the server.
final class PostgresLedgerStore: LedgerStore {
    let connection: PostgresConnection
    let url: PostgresURL
    let busyTimeoutMilliseconds: Int
    private var numbered: [String: String] = [:]
    /// Whether a transaction is open on the connection.
    private var inTransaction = false

    /// The URL, password masked, with its `lineplan_schema` when not the default.
    var location: String {
        guard url.schema != "lineplan" else { return url.masked }
        return url.masked + (url.masked.contains("?") ? "&" : "?") + "lineplan_schema=" + url.schema
    }

    /// What `schema_version.application` says of a LinePlan ledger.
    static let application = "lineplan-ledger"

    private init(connection: PostgresConnection, url: PostgresURL, busyTimeoutMilliseconds: Int) {
        self.connection = connection
        self.url = url
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    /// Connects, and checks (reading) or creates and migrates (writing) the ledger's schema.
    ///
    /// - Throws: ``LedgerError``: `.unreachable` when the server cannot be reached, `.invalidRequest` when a
    ///   reading command finds no ledger, `.notALedger`, `.newerSchema`, `.busy`.
    static func open(_ text: String, readOnly: Bool, busyTimeoutMilliseconds: Int) throws(LedgerError)
        -> PostgresLedgerStore
    {
        let url: PostgresURL
        do throws(PostgresError) {
            url = try PostgresURL(text)
        } catch {
            throw LedgerError(code: .invalidRequest, message: "\(error.server): \(error.message)")
        }
        let connection: PostgresConnection
        do throws(PostgresError) {
            connection = try PostgresConnection(url: url)
            try connection.execute("SET search_path TO \"\(url.schema)\"")
        } catch {
            throw LedgerError.storage(error, path: url.masked, doing: "opening the ledger")
        }
        let store = PostgresLedgerStore(
            connection: connection, url: url, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        do throws(StoreFailure) {
            if readOnly {
                try store.checkSchema()
                try store.execute("SET default_transaction_read_only = on")
            } else {
                try store.migrate()
            }
        } catch {
            throw LedgerError.storage(error, path: store.location, doing: "opening the ledger")
        }
        return store
    }

    private func checkSchema() throws(StoreFailure) {
        let present = try query("SELECT to_regclass('schema_version') IS NOT NULL AS present").first
        guard present?.text("present") == "t" else {
            throw .ledger(
                LedgerError(
                    code: .invalidRequest,
                    message: "\(location): no ledger here yet (no schema '\(url.schema)'; nothing has been committed)"
                ))
        }
        let row = try query("SELECT application, version FROM schema_version").first
        let known = LedgerSchema.migrations.count
        let version = row?.integer("version") ?? 0
        try checkVersion(application: row?.text("application"), version: version)
        guard version >= known else {
            throw .ledger(
                LedgerError(
                    code: .invalidRequest,
                    message: "\(location): the ledger has schema \(version) and needs migrating to \(known); run a "
                        + "writing command first"))
        }
    }

    private func checkVersion(application: String?, version: Int) throws(StoreFailure) {
        guard application == nil || application == Self.application else {
            throw .ledger(
                LedgerError(
                    code: .notALedger,
                    message: "\(location) is not a LinePlan ledger (schema '\(url.schema)' belongs to "
                        + "'\(application ?? "")')"))
        }
        let known = LedgerSchema.migrations.count
        guard version <= known else {
            throw .ledger(
                LedgerError(
                    code: .newerSchema,
                    message: "\(location): was written by a newer LinePlan (schema \(version), this one knows "
                        + "\(known)); it was left unchanged"))
        }
    }

    /// Creates the schema, or brings it up to date, in one transaction under the ledger's lock.
    private func migrate() throws(StoreFailure) {
        try writing { () throws(StoreFailure) in
            try execute("CREATE SCHEMA IF NOT EXISTS \"\(url.schema)\"")
            let hadVersion =
                try query("SELECT to_regclass('schema_version') IS NOT NULL AS present").first?
                .text("present") == "t"
            if !hadVersion {
                let foreign =
                    try query(
                        "SELECT count(*) AS tables FROM pg_tables WHERE schemaname = ?",
                        [
                            .text(url.schema)
                        ]
                    ).first?.integer("tables") ?? 0
                guard foreign == 0 else {
                    throw .ledger(
                        LedgerError(
                            code: .notALedger,
                            message: "\(location) is not a LinePlan ledger (schema '\(url.schema)' holds \(foreign) "
                                + "tables and no schema_version); it was left unchanged"))
                }
                try execute("CREATE TABLE schema_version (application TEXT NOT NULL, version INTEGER NOT NULL)")
                try execute("INSERT INTO schema_version VALUES (?, 0)", [.text(Self.application)])
            }
            let row = try query("SELECT application, version FROM schema_version").first
            let version = row?.integer("version") ?? 0
            try checkVersion(application: row?.text("application"), version: version)
            for step in LedgerSchema.migrations where step.version > version {
                try execute(Self.postgres(step.sql))
                try execute("UPDATE schema_version SET version = ?", [.integer(Int64(step.version))])
            }
        }
    }

    /// A migration's SQLite DDL in PostgreSQL's words: 64-bit integers, identity keys, `"C"` collation.
    static func postgres(_ sql: String) -> String {
        sql.replacing("id INTEGER PRIMARY KEY,", with: "id BIGSERIAL PRIMARY KEY,")
            .replacing(" INTEGER", with: " BIGINT")
            .replacing(" TEXT", with: " TEXT COLLATE \"C\"")
            .replacing(") STRICT;", with: ");")
            .replacing("lower(hex(randomblob(16)))", with: "md5(random()::text || clock_timestamp()::text)")
    }

    func query(_ sql: String, _ arguments: [SQLiteValue]) throws(StoreFailure) -> [SQLiteRow] {
        do throws(PostgresError) {
            return try connection.query(numberedParameters(sql), arguments.map(Self.value)).map { row in
                SQLiteRow(columnNames: row.columnNames, values: row.values.map(Self.value))
            }
        } catch {
            throw .postgres(error)
        }
    }

    func execute(_ sql: String, _ arguments: [SQLiteValue]) throws(StoreFailure) {
        guard arguments.isEmpty else {
            _ = try query(sql, arguments)
            return
        }
        do throws(PostgresError) {
            try connection.execute(sql)  // a script: several statements are fine
        } catch {
            throw .postgres(error)
        }
    }

    func writing<Result>(_ body: () throws(StoreFailure) -> Result) throws(StoreFailure) -> Result {
        try transaction("BEGIN ISOLATION LEVEL READ COMMITTED") { () throws(StoreFailure) in
            try execute("SET LOCAL lock_timeout = '\(max(1, busyTimeoutMilliseconds))ms'")
            try execute(
                "SELECT pg_advisory_xact_lock(?, hashtext(?))",
                [.integer(Int64(LedgerSchema.applicationID)), .text(url.schema)])
            return try body()
        }
    }

    /// Runs `body` in one `REPEATABLE READ` transaction, so that all its reads see the same snapshot; takes no
    /// lock, so writers are not held up.
    func reading<Result>(_ body: () throws(StoreFailure) -> Result) throws(StoreFailure) -> Result {
        if inTransaction { return try body() }
        return try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// A failed statement ends a PostgreSQL transaction, so `body` runs in a savepoint.
    func undoingOnFailure(_ body: () throws(StoreFailure) -> Void) throws(StoreFailure) {
        try execute("SAVEPOINT lineplan_batch")
        do throws(StoreFailure) {
            try body()
        } catch {
            try execute("ROLLBACK TO SAVEPOINT lineplan_batch")
            throw error
        }
        try execute("RELEASE SAVEPOINT lineplan_batch")
    }

    /// Runs `body` between `begin` and `COMMIT`, rolling back when it throws.
    private func transaction<Result>(_ begin: String, _ body: () throws(StoreFailure) -> Result)
        throws(StoreFailure) -> Result
    {
        do throws(PostgresError) {
            try connection.execute(begin)
        } catch {
            throw .postgres(error)
        }
        inTransaction = true
        defer { inTransaction = false }
        do throws(StoreFailure) {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    func integrityProblems() throws(StoreFailure) -> [String] {
        []  // PostgreSQL checks its own pages; the ledger's invariants are checked by verify's queries.
    }

    func list(of column: String) -> String {
        let expression = column.hasPrefix("DISTINCT ") ? String(column.dropFirst("DISTINCT ".count)) : column
        return "string_agg(\(column), ',' ORDER BY \(expression))"
    }

    /// The statement with its `?` parameters numbered `$1`, `$2`… (none of the ledger's SQL has `?` in a
    /// literal).
    private func numberedParameters(_ sql: String) -> String {
        if let known = numbered[sql] { return known }
        var text = ""
        var count = 0
        for character in sql {
            if character == "?" {
                count += 1
                text += "$\(count)"
            } else {
                text.append(character)
            }
        }
        numbered[sql] = text
        return text
    }

    private static func value(_ value: SQLiteValue) -> PostgresValue {
        switch value {
        case .null: .null
        case .integer(let number): .integer(number)
        case .real(let number): .text(String(number))
        case .text(let text): .text(text)
        case .blob(let bytes): .text(bytes.map { String($0, radix: 16) }.joined())
        }
    }

    private static func value(_ value: PostgresValue) -> SQLiteValue {
        switch value {
        case .null: .null
        case .integer(let number): .integer(number)
        case .text(let text): .text(text)
        }
    }
}
