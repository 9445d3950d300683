import CSQLite

/// A connection to one SQLite database file; it owns the handle and closes it when released.
///
/// Opening turns on extended result codes and `PRAGMA foreign_keys`, sets a busy timeout, and refuses a file
/// that is not a SQLite database before anything can write to it:
///
///     let database = try Database(path: ledgerPath)
///     try database.enableWAL()
///     try database.migrate(applicationID: ledgerApplicationID, migrations: ledgerMigrations)
///     try database.transaction {
///         try database.execute("INSERT INTO lease (prefix, circuit) VALUES (?, ?)", ["10.0.0.0/31", "CIR-7"])
///     }
///
/// A `Database` is not `Sendable`: use it from one task or thread at a time, and open one connection per
/// process or thread that needs the file. Separate connections (also from separate processes) coordinate
/// through SQLite's file locks; see ``transaction(_:_:)``.
public final class Database {
    /// How to open the file.
    public enum OpenMode: Sendable {
        /// Read only; the file must exist.
        case readOnly
        /// Read and write; the file must exist.
        case readWrite
        /// Read and write, creating the file when it does not exist.
        case readWriteCreate
    }

    /// The database file, as given (`":memory:"` for an in-memory database).
    public let path: String

    let connection: Connection

    /// The shared `flock` held while the connection is open; released after the handle is closed.
    private let lock: OpeningLock?

    /// The depth of ``transaction(_:_:)`` calls nested inside a transaction (each one a `SAVEPOINT`).
    var savepointDepth = 0

    /// Opens (or, with `.readWriteCreate`, creates) a database.
    ///
    /// An existing non-empty file that does not start with the SQLite header is refused with
    /// ``SQLiteError/Code/notADatabase`` without being opened, so nothing in it changes; an empty (0-byte) file
    /// counts as a new database. `":memory:"` opens a private in-memory database.
    ///
    /// A write-ahead log (`-wal`) found beside the file when no other LinePlan process has it open is checked
    /// before SQLite can apply it: a log that another database wrote is refused with
    /// ``SQLiteError/Code/foreignLog`` and both files are left as they are (see `identityQuery`). Every
    /// connection holds a shared `flock` on the file while open, so a process can tell it is alone.
    ///
    /// A `.readOnly` database that this process cannot write (nor its folder), with no log to apply, is opened
    /// `immutable`, so reading needs no `-shm` file and never writes.
    ///
    /// - Parameters:
    ///   - path: The database file.
    ///   - mode: Whether to open read-only, read-write, or read-write creating the file.
    ///   - busyTimeoutMilliseconds: How long a statement waits for another connection's lock before failing with
    ///     ``SQLiteError/isBusy``.
    ///   - identityQuery: A query answering one text value unique to this database (and written by every
    ///     transaction, so a log holds it); a leftover log must not change its answer.
    /// - Throws: ``SQLiteError`` with `.notADatabase`, `.foreignLog`, `.cantOpen` and so on.
    /// - Complexity: O(1), but a leftover log found alone costs a copy of the file and the log.
    public convenience init(
        path: String, mode: OpenMode = .readWriteCreate, busyTimeoutMilliseconds: Int = 5000,
        identityQuery: String? = nil
    ) throws(SQLiteError) {
        try self.init(
            path: path, mode: mode, busyTimeoutMilliseconds: busyTimeoutMilliseconds, identityQuery: identityQuery,
            checkingLeftoverLog: true)
    }

    init(
        path: String, mode: OpenMode, busyTimeoutMilliseconds: Int = 5000, identityQuery: String? = nil,
        checkingLeftoverLog: Bool
    ) throws(SQLiteError) {
        let isFile = path != ":memory:" && !path.isEmpty
        if isFile && FileHeader.isForeignFile(atPath: path) {
            throw Self.notADatabase(path: path, reason: "it does not start with the SQLite header")
        }
        let lock = isFile && checkingLeftoverLog ? OpeningLock(path: path) : nil
        if let lock, lock.isAlone {
            try LeftoverLog.check(beside: path, identityQuery: identityQuery)
        }
        var flags = mode.flags
        var name = path
        if isFile, mode == .readOnly, !FileHeader.canWriteBeside(path), LeftoverLog.fileSize(path + "-wal") <= 0 {
            name = "file:" + FileHeader.uriEscaped(path) + "?immutable=1"
            flags |= SQLITE_OPEN_URI
        }
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(name, &opened, flags, nil)
        guard status == SQLITE_OK, let handle = opened else {
            // Without a handle (out of memory) there is no message to read.
            let code = opened.map { sqlite3_extended_errcode($0) } ?? status
            let reason = opened.map { Connection(handle: $0, path: path).sqliteMessage } ?? "out of memory"
            sqlite3_close_v2(opened)
            throw SQLiteError(
                code: SQLiteError.Code(extended: code), message: Connection.oneLine("cannot open '\(path)': \(reason)"),
                path: path)
        }
        let connection = Connection(handle: handle, path: path)
        do throws(SQLiteError) {
            try Self.configure(connection, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
        self.path = path
        self.connection = connection
        self.lock = lock
        lock?.share()
    }

    deinit {
        sqlite3_close_v2(connection.handle)
    }

    private static func configure(_ connection: Connection, busyTimeoutMilliseconds: Int) throws(SQLiteError) {
        sqlite3_extended_result_codes(connection.handle, 1)
        sqlite3_busy_timeout(connection.handle, Int32(clamping: max(0, busyTimeoutMilliseconds)))
        // The first read of the file: SQLite checks the header here, before anything could write.
        do throws(SQLiteError) {
            _ = try connection.scalar("PRAGMA schema_version")
        } catch {
            guard error.code.matches(.notADatabase) else { throw error }
            throw notADatabase(path: connection.path, reason: "SQLite says: file is not a database")
        }
        try connection.executeScript("PRAGMA foreign_keys = ON")
        guard try connection.integer("PRAGMA foreign_keys") == 1 else {
            throw connection.error(
                .error, message: "this SQLite cannot enforce foreign keys", while: "enabling foreign keys")
        }
    }

    private static func notADatabase(path: String, reason: String) -> SQLiteError {
        SQLiteError(
            code: .notADatabase,
            message: "'\(path)' is not a SQLite database (\(reason)); it was left unchanged",
            path: path)
    }

    // MARK: - Statements

    /// Runs SQL that takes no arguments; it may hold several statements separated by `;`.
    ///
    /// Result rows, if any, are discarded. Statements before a failing one stay executed unless the call is
    /// inside a ``transaction(_:_:)`` that then rolls back.
    ///
    /// - Parameter sql: One or more SQL statements.
    /// - Throws: ``SQLiteError`` carrying the failing statement's text.
    public func execute(_ sql: String) throws(SQLiteError) {
        try connection.executeScript(sql)
    }

    /// Runs one statement with its `?` parameters bound to `arguments`, in order.
    ///
    /// - Parameters:
    ///   - sql: Exactly one SQL statement.
    ///   - arguments: One value per `?` parameter.
    /// - Throws: ``SQLiteError``; `.misuse` when `sql` holds several statements or the argument count is wrong.
    public func execute(_ sql: String, _ arguments: [SQLiteValue]) throws(SQLiteError) {
        try prepare(sql).execute(arguments)
    }

    /// Runs one query with its `?` parameters bound to `arguments`, and returns every row.
    ///
    /// - Parameters:
    ///   - sql: Exactly one SQL statement.
    ///   - arguments: One value per `?` parameter.
    /// - Returns: The result rows, in the order SQLite produced them.
    /// - Throws: ``SQLiteError``; `.misuse` when `sql` holds several statements or the argument count is wrong.
    /// - Complexity: All rows are read into memory.
    public func query(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        try prepare(sql).query(arguments)
    }

    /// Compiles one statement for repeated use, such as a batch of inserts inside one transaction.
    ///
    /// - Parameter sql: Exactly one SQL statement.
    /// - Returns: The compiled statement; it keeps this connection open while it lives.
    /// - Throws: ``SQLiteError`` for SQL that does not compile; `.misuse` for several statements.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        SQLiteStatement(database: self, handle: try connection.prepare(sql), sql: sql)
    }

    /// The rowid of the most recent successful `INSERT` on this connection (0 before any).
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(connection.handle)
    }

    /// The number of rows inserted, updated or deleted by the most recent such statement on this connection.
    public var changes: Int {
        Int(sqlite3_changes64(connection.handle))
    }
}

// Explicit non-conformance: a connection must be used from one task or thread at a time.
@available(*, unavailable)
extension Database: Sendable {}

extension Database.OpenMode {
    fileprivate var flags: Int32 {
        switch self {
        case .readOnly:
            return SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE
        case .readWrite:
            return SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE
        case .readWriteCreate:
            return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE
        }
    }
}
