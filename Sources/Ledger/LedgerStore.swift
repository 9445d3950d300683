import Foundation
import PostgresStore
import SQLiteStore

/// A failure of the storage under a ledger, before it is put in the ledger's words.
enum StoreFailure: Error {
    /// SQLite failed.
    case sqlite(SQLiteError)
    /// PostgreSQL failed.
    case postgres(PostgresError)
    /// The ledger itself refused, inside a transaction.
    case ledger(LedgerError)

    /// Whether a unique or check constraint refused the statement.
    var isConstraintViolation: Bool {
        switch self {
        case .sqlite(let error): error.code.matches(.constraint)
        case .postgres(let error): error.isConstraintViolation
        case .ledger: false
        }
    }

    /// The storage error, for ``LedgerError/underlying``.
    var underlying: (any Error & Sendable)? {
        switch self {
        case .sqlite(let error): error
        case .postgres(let error): error
        case .ledger(let error): error
        }
    }
}

/// Where a ledger keeps its records: an embedded SQLite file or a shared PostgreSQL database.
///
/// Both speak the same SQL for everything the ledger does (`?` parameters; the PostgreSQL store numbers
/// them), both hold the same unique constraints, and both run a write as one transaction that no other
/// writer can interleave with. The ledger, the planner and the CLI never know which one they have.
protocol LedgerStore: AnyObject {
    /// The file, or the server's URL with its password masked: for messages.
    var location: String { get }

    /// Runs one query and returns its rows.
    func query(_ sql: String, _ arguments: [SQLiteValue]) throws(StoreFailure) -> [SQLiteRow]

    /// Runs one statement.
    func execute(_ sql: String, _ arguments: [SQLiteValue]) throws(StoreFailure)

    /// Runs `body` as one write transaction, after the ledger's write lock is taken and the store checked.
    func writing<Result>(_ body: () throws(StoreFailure) -> Result) throws(StoreFailure) -> Result

    /// Runs `body`'s reads as one snapshot of the ledger: a read transaction, or the transaction already open.
    func reading<Result>(_ body: () throws(StoreFailure) -> Result) throws(StoreFailure) -> Result

    /// Runs `body` inside a write transaction so that, when it throws, only what it did is undone and the
    /// transaction can go on.
    func undoingOnFailure(_ body: () throws(StoreFailure) -> Void) throws(StoreFailure)

    /// The storage's own consistency problems (SQLite's integrity check); empty when sound.
    func integrityProblems() throws(StoreFailure) -> [String]

    /// The SQL aggregating a text column into a comma-separated list, ordered.
    func list(of column: String) -> String
}

extension LedgerStore {
    /// Runs one query without arguments.
    func query(_ sql: String) throws(StoreFailure) -> [SQLiteRow] {
        try query(sql, [])
    }

    /// Runs one statement without arguments.
    func execute(_ sql: String) throws(StoreFailure) {
        try execute(sql, [])
    }
}

/// The embedded store: one SQLite file.
final class SQLiteLedgerStore: LedgerStore {
    let database: Database
    let location: String
    private let statements = StatementCache()
    /// Whether this connection's quick check found the file sound (see ``checkBeforeWriting()``).
    private var quickChecked = false

    init(database: Database, path: String) {
        self.database = database
        self.location = path
    }

    func query(_ sql: String, _ arguments: [SQLiteValue]) throws(StoreFailure) -> [SQLiteRow] {
        do throws(SQLiteError) {
            return try statements.prepared(sql, in: database).query(arguments)
        } catch {
            throw .sqlite(error)
        }
    }

    func execute(_ sql: String, _ arguments: [SQLiteValue]) throws(StoreFailure) {
        do throws(SQLiteError) {
            try statements.prepared(sql, in: database).execute(arguments)
        } catch {
            throw .sqlite(error)
        }
    }

    func writing<Result>(_ body: () throws(StoreFailure) -> Result) throws(StoreFailure) -> Result {
        try transaction(.immediate) { () throws(StoreFailure) in
            do throws(SQLiteError) {
                try checkBeforeWriting()
            } catch {
                throw .sqlite(error)
            }
            return try body()
        }
    }

    func reading<Result>(_ body: () throws(StoreFailure) -> Result) throws(StoreFailure) -> Result {
        if database.isInTransaction { return try body() }
        return try transaction(.deferred, body)
    }

    private func transaction<Result>(
        _ kind: Database.TransactionKind, _ body: () throws(StoreFailure) -> Result
    ) throws(StoreFailure) -> Result {
        do {
            return try database.transaction(kind) { try body() }
        } catch let error as StoreFailure {
            throw error
        } catch let error as SQLiteError {
            throw .sqlite(error)
        } catch {
            throw .ledger(LedgerError(code: .storage, message: "\(location): a transaction failed: \(error)"))
        }
    }

    /// SQLite undoes a failed statement by itself, and `body` runs one.
    func undoingOnFailure(_ body: () throws(StoreFailure) -> Void) throws(StoreFailure) {
        try body()
    }

    /// Refuses to write to a damaged ledger.
    ///
    /// That is a file that is not a whole number of pages (cut short), checked before every write, or whose
    /// pages SQLite's quick check finds broken, checked before this connection's first write. Runs inside the
    /// write lock, before anything is written, so the file stays as it was.
    ///
    /// A `lineplan` command opens the ledger and writes once, so each of its writes is quick-checked, as
    /// before. A process that writes many times through one ``Ledger`` (a benchmark's worker) quick-checks
    /// the file on its first write only: after that, the file is what writers that checked it first left
    /// (through SQLite's journal), and damage done to it from outside meanwhile is caught only where a later
    /// write reads a broken page (SQLite refuses it, `SQLITE_CORRUPT`, and the write rolls back) or cuts
    /// the file short (the page count, checked on every write).
    ///
    /// - Complexity: Reads every page of the file on the connection's first write, O(1) after.
    private func checkBeforeWriting() throws(SQLiteError) {
        let pageSize = try database.pageSize()
        let attributes = try? FileManager.default.attributesOfItem(atPath: location)
        if pageSize > 0, let size = (attributes?[.size] as? NSNumber)?.intValue, size % pageSize != 0 {
            throw SQLiteError(
                code: .corrupt, message: "the file is \(size) bytes, not a whole number of \(pageSize)-byte pages",
                path: location)
        }
        guard !quickChecked else { return }
        let problems = try database.quickCheck()
        if !problems.isEmpty {
            throw SQLiteError(code: .corrupt, message: problems.prefix(3).joined(separator: "; "), path: location)
        }
        quickChecked = true
    }

    func integrityProblems() throws(StoreFailure) -> [String] {
        do throws(SQLiteError) {
            return try database.integrityCheck()
        } catch {
            throw .sqlite(error)
        }
    }

    func list(of column: String) -> String {
        "GROUP_CONCAT(\(column))"
    }
}

/// Prepared statements by SQL text, so a batch of thousands of lines prepares each statement once.
final class StatementCache {
    private var statements: [String: SQLiteStatement] = [:]

    func prepared(_ sql: String, in database: Database) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try database.prepare(sql)
        statements[sql] = statement
        return statement
    }
}
