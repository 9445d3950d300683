extension Database {
    /// Brings the database's schema up to date, refusing files that belong to another application or to a
    /// newer LinePlan.
    ///
    /// The file's state is read first, without writing:
    /// - A new database (no `application_id`, `user_version` 0, no tables) gets `applicationID` and every
    ///   migration.
    /// - A database with another `application_id`, or with none but already holding tables, is refused with
    ///   ``SQLiteError/Code/foreignDatabase`` (which `matches(.notADatabase)`), unchanged.
    /// - A database whose `user_version` is newer than the newest migration is refused with
    ///   ``SQLiteError/Code/newerSchema``, unchanged.
    /// - Otherwise each pending migration (version above `user_version`) runs in its own `BEGIN IMMEDIATE`
    ///   transaction together with setting `user_version` (and, for the first, `application_id`), so an
    ///   interruption leaves the file at a whole version. The state is re-read inside each transaction, so two
    ///   processes migrating at once apply each step once.
    ///
    /// - Parameters:
    ///   - applicationID: This application's identifier for `PRAGMA application_id`; not 0.
    ///   - migrations: The schema steps, with unique positive versions (in any order).
    /// - Throws: ``SQLiteError``: `.foreignDatabase`, `.newerSchema`, `.misuse` for invalid arguments or a call
    ///   inside a transaction, or the error of a failing migration (its message names the migration).
    public func migrate(applicationID: Int32, migrations: [SQLiteMigration]) throws(SQLiteError) {
        let activity = "migrating"
        guard !isInTransaction else {
            throw connection.error(.misuse, message: "migrate must not run inside a transaction", while: activity)
        }
        guard applicationID != 0 else {
            throw connection.error(.misuse, message: "application_id 0 means 'none'", while: activity)
        }
        let steps = migrations.sorted { $0.version < $1.version }
        for (index, step) in steps.enumerated() {
            guard step.version > 0, step.version <= Int(Int32.max) else {
                let message = "migration '\(step.name)' has version \(step.version), outside 1...\(Int32.max)"
                throw connection.error(.misuse, message: message, while: activity)
            }
            if index > 0 && steps[index - 1].version == step.version {
                let message = "two migrations have version \(step.version)"
                throw connection.error(.misuse, message: message, while: activity)
            }
        }
        let newest = steps.last?.version ?? 0

        let state = try readSchemaState()
        try check(state, applicationID: applicationID, newest: newest)
        if state.isNew && steps.isEmpty {
            try inImmediateTransaction { () throws(SQLiteError) in
                let current = try readSchemaState()
                try check(current, applicationID: applicationID, newest: newest)
                if current.isNew {
                    try setApplicationID(applicationID)
                }
            }
            return
        }
        for step in steps where step.version > state.userVersion {
            try inImmediateTransaction { () throws(SQLiteError) in
                let current = try readSchemaState()
                try check(current, applicationID: applicationID, newest: newest)
                guard step.version > current.userVersion else { return }  // another connection applied it
                if current.isNew {
                    try setApplicationID(applicationID)
                }
                do throws(SQLiteError) {
                    try execute(step.sql)
                } catch {
                    var failure = error
                    failure.message = Connection.oneLine(
                        "migration \(step.version) '\(step.name)' failed: \(error.message)")
                    throw failure
                }
                try setUserVersion(step.version)
            }
        }
    }

    /// What the file header and schema say about who wrote the database.
    private struct SchemaState {
        var applicationID: Int32
        var userVersion: Int
        var schemaObjectCount: Int

        var isNew: Bool {
            applicationID == 0 && userVersion == 0 && schemaObjectCount == 0
        }
    }

    private func readSchemaState() throws(SQLiteError) -> SchemaState {
        SchemaState(
            applicationID: try applicationID(),
            userVersion: try userVersion,
            schemaObjectCount: Int(try connection.integer("SELECT count(*) FROM sqlite_master"))
        )
    }

    private func check(_ state: SchemaState, applicationID: Int32, newest: Int) throws(SQLiteError) {
        if state.applicationID == applicationID {
            guard state.userVersion <= newest else {
                throw SQLiteError(
                    code: .newerSchema,
                    message: "'\(path)' was written by a newer LinePlan (schema \(state.userVersion), "
                        + "this one knows \(newest)); it was left unchanged",
                    path: path)
            }
        } else if !state.isNew {
            let owner =
                state.applicationID == 0
                ? "it has no application_id and already holds \(state.schemaObjectCount) schema object(s)"
                : "its application_id is \(state.applicationID), LinePlan's is \(applicationID)"
            throw SQLiteError(
                code: .foreignDatabase,
                message: "'\(path)' is not a LinePlan ledger: \(owner); it was left unchanged",
                path: path)
        }
    }

    /// `transaction(.immediate)` for a body that throws only ``SQLiteError``.
    private func inImmediateTransaction(_ body: () throws(SQLiteError) -> Void) throws(SQLiteError) {
        do {
            // An untyped closure: converting a typed-throws closure here crashes Swift 6.3.1's
            // LifetimeDependenceDiagnostics pass.
            try transaction(.immediate) { try body() }
        } catch let error as SQLiteError {
            throw error
        } catch {
            throw connection.error(.error, message: "\(error)", while: "migrating")
        }
    }
}
