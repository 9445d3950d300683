extension Database {
    /// Switches the database to write-ahead logging, so readers do not block the writer nor the writer readers.
    ///
    /// The setting is stored in the file, so it lasts for every later connection. An in-memory database answers
    /// `memory` and stays as it is, which is accepted.
    ///
    /// - Throws: ``SQLiteError`` when SQLite keeps another journal mode (for example on a read-only connection
    ///   or inside a transaction).
    public func enableWAL() throws(SQLiteError) {
        let sql = "PRAGMA journal_mode = WAL"
        let answer = try connection.scalar(sql)
        guard case .text(let mode) = answer, ["wal", "memory"].contains(mode.lowercased()) else {
            let message = "journal mode stayed \(answer) instead of wal"
            throw connection.error(.error, message: message, while: "enabling WAL", sql: sql)
        }
    }

    /// The schema version stored in the file header (`PRAGMA user_version`), 0 for a new database.
    ///
    /// A throwing getter; set it with ``setUserVersion(_:)``. ``migrate(applicationID:migrations:)`` keeps it
    /// equal to the newest migration applied.
    public var userVersion: Int {
        get throws(SQLiteError) {
            Int(try connection.integer("PRAGMA user_version"))
        }
    }

    /// Sets `PRAGMA user_version`; inside a transaction it is rolled back with the transaction.
    ///
    /// - Parameter version: The new version, within `Int32`'s range.
    /// - Throws: ``SQLiteError``; `.range` when `version` does not fit in 32 bits.
    public func setUserVersion(_ version: Int) throws(SQLiteError) {
        guard let value = Int32(exactly: version) else {
            throw connection.error(
                .range, message: "user_version \(version) does not fit in 32 bits", while: "setting user_version")
        }
        try execute("PRAGMA user_version = \(value)")
    }

    /// Returns the application identifier stored in the file header (`PRAGMA application_id`), 0 when unset.
    ///
    /// - Returns: The identifier.
    /// - Throws: ``SQLiteError`` when the header cannot be read.
    public func applicationID() throws(SQLiteError) -> Int32 {
        let value = try connection.integer("PRAGMA application_id")
        return Int32(truncatingIfNeeded: value)
    }

    /// Sets `PRAGMA application_id`; inside a transaction it is rolled back with the transaction.
    func setApplicationID(_ identifier: Int32) throws(SQLiteError) {
        try execute("PRAGMA application_id = \(identifier)")
    }

    /// Checks the file's pages and structure (`PRAGMA quick_check`).
    ///
    /// Faster than ``integrityCheck()``: it does not compare index contents.
    ///
    /// - Returns: The problems SQLite reports; `[]` when the database is intact.
    /// - Throws: ``SQLiteError`` when the check cannot run.
    /// - Complexity: Reads every page of the file.
    public func quickCheck() throws(SQLiteError) -> [String] {
        let lines = try query("PRAGMA quick_check").map { row in
            if case .text(let line) = row[0] {
                return line
            }
            return "\(row[0])"
        }
        return lines == ["ok"] ? [] : lines
    }

    /// The database's page size in bytes (`PRAGMA page_size`).
    public func pageSize() throws(SQLiteError) -> Int {
        guard case .integer(let size)? = try query("PRAGMA page_size").first?[0] else { return 0 }
        return Int(size)
    }

    /// Checks the whole file for corruption (`PRAGMA integrity_check`).
    ///
    /// - Returns: The problems SQLite reports, one per line; `[]` when the database is intact.
    /// - Throws: ``SQLiteError`` when the check cannot run (for example a file too damaged to read).
    /// - Complexity: Reads every page of the file.
    public func integrityCheck() throws(SQLiteError) -> [String] {
        let lines = try query("PRAGMA integrity_check").map { row in
            if case .text(let line) = row[0] {
                return line
            }
            return "\(row[0])"
        }
        return lines == ["ok"] ? [] : lines
    }
}
