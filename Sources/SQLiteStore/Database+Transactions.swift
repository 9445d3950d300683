import CSQLite

extension Database {
    /// How a top-level transaction takes SQLite's locks.
    public enum TransactionKind: Sendable {
        /// `BEGIN DEFERRED`: locks are taken on first read and first write. A read that later writes can fail
        /// with ``SQLiteError/isBusy`` at once, without waiting; prefer `.immediate` for anything that writes.
        case deferred
        /// `BEGIN IMMEDIATE`: takes the write lock at once (waiting up to the busy timeout), so no other
        /// connection can write until this transaction ends; reads still proceed (in WAL mode).
        case immediate
        /// `BEGIN EXCLUSIVE`: like `.immediate`; in rollback-journal mode it also blocks readers.
        case exclusive

        var beginStatement: String {
            switch self {
            case .deferred:
                return "BEGIN DEFERRED"
            case .immediate:
                return "BEGIN IMMEDIATE"
            case .exclusive:
                return "BEGIN EXCLUSIVE"
            }
        }
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// At the top level this is `BEGIN IMMEDIATE` (or the `kind` given), `COMMIT` on success, `ROLLBACK` on a
    /// thrown error, which is then rethrown — the body's error even when the rollback fails too. When another
    /// connection holds the write lock past the busy timeout, `BEGIN` fails with an ``SQLiteError`` whose
    /// ``SQLiteError/isBusy`` is `true` and `body` does not run. When `COMMIT` fails (for example busy in
    /// rollback-journal mode), the transaction is rolled back and the commit's error is thrown, so no
    /// transaction is ever left open or half written; retrying the whole call is safe.
    ///
    /// **Nesting:** a call made while a transaction is already open (from an outer `transaction` or a manual
    /// `BEGIN`) runs `body` in a `SAVEPOINT` instead: on success the savepoint is released (its changes become
    /// part of the outer transaction), on a thrown error only the savepoint's changes are rolled back and the
    /// error is rethrown to the outer body, which can catch it and continue. `kind` is ignored when nested.
    ///
    ///     let leaseID = try database.transaction {
    ///         try database.execute("INSERT INTO lease (prefix) VALUES (?)", [prefix])
    ///         return database.lastInsertRowID
    ///     }
    ///
    /// - Parameters:
    ///   - kind: How a top-level transaction locks; `.immediate` by default.
    ///   - body: The work to do atomically; it should use this same database.
    /// - Returns: What `body` returns.
    /// - Throws: The error `body` threw, or an ``SQLiteError`` from `BEGIN`, `COMMIT` or `SAVEPOINT`.
    public func transaction<Result>(
        _ kind: TransactionKind = .immediate,
        _ body: () throws -> Result
    ) throws -> Result {
        if isInTransaction {
            return try savepoint(body)
        }
        try execute(kind.beginStatement)
        let result: Result
        do {
            result = try body()
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        return result
    }

    /// Whether a transaction is open on this connection (`sqlite3_get_autocommit` is off).
    public var isInTransaction: Bool {
        sqlite3_get_autocommit(connection.handle) == 0
    }

    private func savepoint<Result>(_ body: () throws -> Result) throws -> Result {
        let name = "lineplan_savepoint_\(savepointDepth + 1)"
        try execute("SAVEPOINT \(name)")
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let result: Result
        do {
            result = try body()
            try execute("RELEASE \(name)")
        } catch {
            if isInTransaction {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
            }
            throw error
        }
        return result
    }

    /// Rolls back the open transaction, if SQLite has not already done so; a failure here must not hide the
    /// error that caused the rollback.
    private func rollbackIgnoringErrors() {
        if isInTransaction {
            try? execute("ROLLBACK")
        }
    }
}
