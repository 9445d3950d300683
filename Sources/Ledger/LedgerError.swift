import PostgresStore
import SQLiteStore

/// A failure of the ledger: what went wrong, with which ledger file, and what to do about it.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure it is.
    public enum Code: Sendable, Hashable {
        /// Another process holds the write lock past the busy timeout: retry.
        case busy
        /// The file is not a LinePlan ledger (another program's database, or not a database).
        case notALedger
        /// The ledger was written by a newer LinePlan.
        case newerSchema
        /// No line with that id.
        case unknownLine
        /// The line is in a state that does not allow the action.
        case invalidState
        /// A pool has no room left for the request.
        case poolExhausted
        /// A resource is already taken by another line.
        case conflict
        /// The request itself is wrong (unknown pool, bad length…).
        case invalidRequest
        /// A line id is taken by a line of another order or site; nothing was written.
        case lineOfAnotherOrder
        /// The ledger cannot be opened as asked: missing, or not writable by this user for a writing command.
        case unavailable
        /// The ledger's server cannot be reached, or the connection was lost: retry later.
        case unreachable
        /// SQLite failed in another way.
        case storage
    }

    /// What kind of failure it is.
    public var code: Code
    /// One line for stderr, naming the file or line and what to do.
    public var message: String
    /// The storage error behind it (a `SQLiteError` or a `PostgresError`), if any.
    public var underlying: (any Error & Sendable)?

    /// Creates an error.
    public init(code: Code, message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// The message.
    public var description: String { message }

    /// Wraps a storage failure met while working on a ledger.
    static func storage(_ failure: StoreFailure, path: String, doing what: String) -> LedgerError {
        switch failure {
        case .ledger(let error): return error
        case .sqlite(let error): return storage(error, path: path, doing: what)
        case .postgres(let error): return storage(error, path: path, doing: what)
        }
    }

    /// Wraps a PostgreSQL error met while working on a ledger.
    static func storage(_ error: PostgresError, path: String, doing what: String) -> LedgerError {
        if error.isConnectionFailure {
            return LedgerError(
                code: .unreachable,
                message: "\(what) failed: \(error.message); nothing was changed: try again when the server is back",
                underlying: error)
        }
        if error.isTransient {
            return LedgerError(
                code: .busy,
                message: "\(path): the ledger is busy (another lineplan is writing); try again in a moment",
                underlying: error)
        }
        return LedgerError(code: .storage, message: "\(path): \(what) failed: \(error.message)", underlying: error)
    }

    /// Wraps a SQLite error met while working on a ledger file.
    static func storage(_ error: SQLiteError, path: String, doing what: String) -> LedgerError {
        if error.isBusy {
            return LedgerError(
                code: .busy,
                message: "\(path): the ledger is busy (another lineplan is writing); try again in a moment",
                underlying: error)
        }
        if error.code == .foreignLog {
            return LedgerError(code: .notALedger, message: error.message, underlying: error)
        }
        if error.code.matches(.readOnly) || error.code.matches(.cantOpen) || error.code.matches(.permission) {
            return LedgerError(
                code: .unavailable,
                message: "\(path): \(what) failed: \(error.message); check that the file and its folder can be "
                    + "written (reading commands work on a read-only ledger)", underlying: error)
        }
        if error.code.matches(.corrupt) || error.code.matches(.notADatabase) {
            return LedgerError(
                code: .notALedger,
                message: "\(path): the ledger file is damaged (\(error.message)); nothing was changed: restore it "
                    + "from a backup", underlying: error)
        }
        return LedgerError(code: .storage, message: "\(path): \(what) failed: \(error.message)", underlying: error)
    }
}
