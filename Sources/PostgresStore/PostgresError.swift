/// An error from PostgreSQL or libpq, with the server it came from (password masked) and what was being done.
///
/// ``sqlState`` is the server's five-character SQLSTATE (`23505` unique violation, `40001` serialization
/// failure, `55P03` lock not available…), or `08006` when the connection failed or was lost.
public struct PostgresError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The SQLSTATE code.
    public var sqlState: String
    /// One line for stderr: the server's message and what LinePlan was doing; never a password.
    public var message: String
    /// The server, as a URL with its password masked.
    public var server: String

    /// Creates an error.
    public init(sqlState: String, message: String, server: String) {
        self.sqlState = sqlState
        self.message = message
        self.server = server
    }

    /// Whether the connection could not be made or was lost (SQLSTATE class 08, or 57P0x shutdown).
    public var isConnectionFailure: Bool {
        sqlState.hasPrefix("08") || sqlState.hasPrefix("57P0")
    }

    /// Whether retrying the transaction may succeed: a serialization failure, a deadlock, or a lock
    /// not available within `lock_timeout`.
    public var isTransient: Bool {
        ["40001", "40P01", "55P03"].contains(sqlState)
    }

    /// Whether a unique, exclusion or check constraint refused the statement (SQLSTATE class 23).
    public var isConstraintViolation: Bool {
        sqlState.hasPrefix("23")
    }

    /// The message.
    public var description: String { message }
}
