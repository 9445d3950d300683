/// One numbered step of a database schema, applied at most once by ``Database/migrate(applicationID:migrations:)``.
///
///     SQLiteMigration(version: 2, name: "lease expiry", sql: "ALTER TABLE lease ADD COLUMN expires TEXT;")
public struct SQLiteMigration: Sendable, Hashable {
    /// The schema version this step produces: positive, unique, stored in `PRAGMA user_version` once applied.
    public var version: Int
    /// A short human name, quoted in error messages.
    public var name: String
    /// The statements to run, several separated by `;` if need be.
    ///
    /// They run inside a transaction, so they must not contain `BEGIN`, `COMMIT`, `VACUUM` or
    /// `PRAGMA foreign_keys`.
    public var sql: String

    /// Creates a migration step.
    ///
    /// - Parameters:
    ///   - version: The schema version this step produces.
    ///   - name: A short human name.
    ///   - sql: The statements to run.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
