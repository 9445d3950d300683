import CSQLite

/// A compiled statement, for running one SQL statement many times with different arguments.
///
///     let insert = try database.prepare("INSERT INTO lease (prefix, circuit) VALUES (?, ?)")
///     try database.transaction {
///         for lease in leases {
///             try insert.execute([.text(lease.prefix), .text(lease.circuit)])
///         }
///     }
///
/// Not `Sendable`, like its ``Database``; it keeps the database connection open while it lives.
public final class SQLiteStatement {
    /// The SQL text the statement was compiled from.
    public let sql: String

    private let database: Database
    private let handle: OpaquePointer

    init(database: Database, handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `arguments`, runs the statement to completion (discarding any rows) and resets it.
    ///
    /// - Parameter arguments: One value per `?` parameter.
    /// - Throws: ``SQLiteError`` carrying the statement's text.
    public func execute(_ arguments: [SQLiteValue] = []) throws(SQLiteError) {
        defer { reset() }
        try database.connection.bind(arguments, to: handle, sql: sql)
        let status = Connection.stepToEnd(handle)
        guard status == SQLITE_DONE else {
            throw database.connection.error(status, while: "executing", sql: sql)
        }
    }

    /// Binds `arguments`, runs the query, returns every row and resets the statement.
    ///
    /// - Parameter arguments: One value per `?` parameter.
    /// - Returns: The result rows.
    /// - Throws: ``SQLiteError`` carrying the statement's text.
    /// - Complexity: All rows are read into memory.
    public func query(_ arguments: [SQLiteValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        defer { reset() }
        try database.connection.bind(arguments, to: handle, sql: sql)
        return try database.connection.readRows(of: handle, sql: sql)
    }

    /// Makes the statement ready for the next run.
    ///
    /// The bindings are not cleared: every run binds every parameter again, and SQLite then copies text
    /// and blobs into the buffers the last run left instead of allocating new ones (a batch of thousands
    /// of rows binds millions of values).
    private func reset() {
        sqlite3_reset(handle)
    }
}

// Explicit non-conformance: a statement belongs to its connection's task or thread.
@available(*, unavailable)
extension SQLiteStatement: Sendable {}
