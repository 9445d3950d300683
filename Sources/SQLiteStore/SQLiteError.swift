/// An error from SQLite or from SQLiteStore's own checks, with what was being done and where.
///
/// ``code`` classifies the failure (use ``Code/matches(_:)`` to test a family such as every constraint
/// violation), ``message`` is one line fit for stderr, ``sql`` and ``path`` say which statement and which file:
///
///     do {
///         try database.execute("INSERT INTO lease (prefix) VALUES (?)", ["10.0.0.0/31"])
///     } catch let error as SQLiteError where error.code.matches(.constraint) {
///         print(error)  // UNIQUE constraint failed: lease.prefix, while executing "INSERT INTO lease ..." on '...'
///     }
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The SQLite result code (primary and extended), or one of SQLiteStore's own codes.
    public var code: Code
    /// One line: SQLite's message (`sqlite3_errmsg`) plus what LinePlan was doing.
    public var message: String
    /// The statement text, when a statement was involved.
    public var sql: String?
    /// The database file, when known.
    public var path: String?

    /// Creates an error; public so that callers and tests can build expected values.
    ///
    /// - Parameters:
    ///   - code: The result code.
    ///   - message: One line saying what went wrong and what was being done.
    ///   - sql: The statement text, if any.
    ///   - path: The database file, if known.
    public init(code: Code, message: String, sql: String? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
    }

    /// Whether another connection holds a lock this one needed (`SQLITE_BUSY` or `SQLITE_LOCKED`), even after
    /// waiting for the busy timeout; the operation can be retried later.
    public var isBusy: Bool {
        code.matches(.busy) || code.matches(.locked)
    }

    /// The one-line ``message``.
    public var description: String {
        message
    }
}
