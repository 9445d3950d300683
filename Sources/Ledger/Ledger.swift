import Foundation
import PostgresStore
import SQLiteStore

/// The reservation ledger: one SQLite file recording lines, every resource held for them, and who
/// changed what.
///
/// Every write is one `BEGIN IMMEDIATE` transaction, so two processes never interleave their
/// allocations and a killed process leaves the file as before or as after its commit. Blocks, ports
/// and timeslots are unique among live reservations in the schema itself, so a resource cannot be
/// given twice even by a faulty caller.
///
///     let ledger = try Ledger(path: "lineplan.sqlite")
///     let prefixes = try ledger.write(actor: "engineer") { writer in
///         try writer.allocate(pool: pool, purpose: "interconnect", count: 1, length: 30, for: line)
///     }
///
/// A `Ledger` owns its database connection; use it from one thread.
public final class Ledger {
    /// The ledger file, or the PostgreSQL server's URL with its password masked.
    public let path: String
    let store: any LedgerStore

    /// Whether a `--ledger` value names a PostgreSQL server (`postgresql://…` or `postgres://…`) rather
    /// than a file.
    public static func isServer(_ location: String) -> Bool {
        PostgresURL.isServerURL(location)
    }

    /// Opens (and, unless `readOnly`, creates or migrates) a ledger.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - readOnly: Open for reading only; the file must exist and be up to date.
    ///   - busyTimeoutMilliseconds: How long to wait for another writer before failing with `.busy`.
    /// - Throws: ``LedgerError`` `.notALedger` for another program's file or a file that is not a
    ///   database (left untouched), `.newerSchema`, `.busy`, or `.storage`.
    public init(path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int = 5000) throws(LedgerError) {
        if PostgresURL.isServerURL(path) {
            let server = try PostgresLedgerStore.open(
                path, readOnly: readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            self.path = server.location
            self.store = server
            return
        }
        self.path = path
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw LedgerError(
                code: .invalidRequest, message: "\(path): no ledger here yet (nothing has been committed)")
        }
        if !readOnly, let problem = Self.writeProblem(path) {
            throw LedgerError(
                code: .unavailable,
                message: "\(path): \(problem); reading commands work on a read-only ledger, writing ones need "
                    + "write access to the file and its folder")
        }
        do throws(SQLiteError) {
            let database = try Database(
                path: path, mode: readOnly ? .readOnly : .readWriteCreate,
                busyTimeoutMilliseconds: busyTimeoutMilliseconds, identityQuery: LedgerSchema.identityQuery)
            if readOnly {
                guard try database.applicationID() == LedgerSchema.applicationID else {
                    throw SQLiteError(code: .foreignDatabase, message: "not a LinePlan ledger", path: path)
                }
                let known = LedgerSchema.migrations.count
                let version = try database.userVersion
                guard version >= known else {
                    throw SQLiteError(
                        code: .cantOpen,
                        message:
                            "the ledger has schema \(version) and needs migrating to \(known); run a writing command first",
                        path: path)
                }
                guard version <= known else {
                    throw SQLiteError(
                        code: .newerSchema,
                        message: "was written by a newer LinePlan (schema \(version), this one knows \(known))",
                        path: path)
                }
            } else {
                // Migrate first: it refuses a foreign or newer file before anything is written to it.
                try database.migrate(applicationID: LedgerSchema.applicationID, migrations: LedgerSchema.migrations)
                try database.enableWAL()
                // A statement writing many rows keeps the pages it changes in a statement journal, to undo
                // itself alone if it fails: in memory, not in a temporary file written page by page.
                try database.execute("PRAGMA temp_store = MEMORY")
                // A large commit changes more pages than SQLite's default 2 MiB cache holds; spilled, each is
                // written to the log before the commit and read back while the transaction goes on. The cache
                // grows only as far as a transaction needs it.
                try database.execute("PRAGMA cache_size = -\(Self.cacheKibibytes)")
            }
            store = SQLiteLedgerStore(database: database, path: path)
        } catch {
            throw Self.openingError(error, path: path)
        }
    }

    /// Why a writing command cannot write the ledger file or create files beside it, or `nil`.
    private static func writeProblem(_ path: String) -> String? {
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return "the folder \(folder) does not exist"
        }
        if manager.fileExists(atPath: path), !manager.isWritableFile(atPath: path) {
            return "the ledger file is read-only for this user"
        }
        if !manager.isWritableFile(atPath: folder) {
            return "the folder \(folder) is read-only for this user (the ledger needs its -wal and -shm files there)"
        }
        return nil
    }

    private static func openingError(_ error: SQLiteError, path: String) -> LedgerError {
        if error.code.matches(.notADatabase) || error.code == .foreignDatabase {
            return LedgerError(
                code: .notALedger, message: "\(path) is not a LinePlan ledger (\(error.message))", underlying: error)
        }
        if error.code == .newerSchema {
            return LedgerError(code: .newerSchema, message: "\(path): \(error.message)", underlying: error)
        }
        return LedgerError.storage(error, path: path, doing: "opening the ledger")
    }

    /// Runs storage work, mapping its errors to ``LedgerError``.
    func run<Result>(_ what: String, _ body: () throws(StoreFailure) -> Result) throws(LedgerError) -> Result {
        do throws(StoreFailure) {
            return try body()
        } catch {
            throw LedgerError.storage(error, path: path, doing: what)
        }
    }

    // MARK: - Reading

    /// The lines, by id, optionally only those in one state.
    ///
    /// - Complexity: O(*n* log *n*) for *n* lines.
    public func lines(in state: LineState? = nil) throws(LedgerError) -> [LineRecord] {
        try run("reading lines") { () throws(StoreFailure) in
            let rows: [SQLiteRow]
            if let state {
                rows = try store.query("SELECT * FROM lines WHERE state = ? ORDER BY id", [.text(state.rawValue)])
            } else {
                rows = try store.query("SELECT * FROM lines ORDER BY id")
            }
            return rows.compactMap(Self.line(from:))
        }
    }

    /// The line with an id, if there is one.
    public func line(_ id: String) throws(LedgerError) -> LineRecord? {
        try run("reading a line") { () throws(StoreFailure) in
            try store.query("SELECT * FROM lines WHERE id = ?", [.text(id)]).first.flatMap(Self.line(from:))
        }
    }

    /// A line's reservations, live ones only unless asked, in the order they were made.
    public func reservations(of line: String, includingReleased: Bool = false) throws(LedgerError) -> [Reservation] {
        try run("reading reservations") { () throws(StoreFailure) in
            let sql =
                "SELECT \(ReservationColumns.list) FROM reservations WHERE line_id = ?"
                + (includingReleased ? "" : " AND live = 1") + " ORDER BY id"
            return try store.query(sql, [.text(line)]).compactMap(ReservationColumns.reservation)
        }
    }

    /// Everything held by live reservations, for planning.
    ///
    /// - Complexity: O(*r*) for *r* live reservations.
    public func usage() throws(LedgerError) -> LedgerUsage {
        try run("reading reservations") { () throws(StoreFailure) in try Self.usage(in: store) }
    }

    /// The audit entries of a line (or of the whole ledger), oldest first.
    public func auditLog(of line: String? = nil) throws(LedgerError) -> [AuditEntry] {
        try run("reading the audit log") { () throws(StoreFailure) in
            let rows: [SQLiteRow]
            if let line {
                rows = try store.query("SELECT * FROM audit WHERE line_id = ? ORDER BY id", [.text(line)])
            } else {
                rows = try store.query("SELECT * FROM audit ORDER BY id")
            }
            return rows.map {
                AuditEntry(
                    at: $0.text("at") ?? "", actor: $0.text("actor") ?? "", action: $0.text("action") ?? "",
                    line: $0.text("line_id"), before: $0.text("before"), after: $0.text("after"))
            }
        }
    }

    /// What the live reservations hold, every number checked first.
    ///
    /// - Throws: ``StoreFailure/ledger(_:)`` with ``LedgerError/Code/notALedger`` naming the first reservation
    ///   whose amount, capacity, baseline, unit or block is out of ``ReservationBounds`` (a damaged or hand-edited
    ///   ledger), so that no sum of its numbers can overflow.
    static func usage(in store: any LedgerStore) throws(StoreFailure) -> LedgerUsage {
        var usage = LedgerUsage()
        for row in try store.query(liveReservationsQuery) {
            if let problem = ReservationBounds.problem(row) { throw damaged(problem, in: store) }
            guard let reservation = ReservationColumns.reservation(row) else { continue }
            usage.add(reservation)
        }
        return usage
    }

    /// The most page cache a ledger connection may hold, in KiB (256 MiB: a 100,000-site commit's pages).
    static let cacheKibibytes = 262_144

    /// Every live reservation, oldest first, read with ``ReservationColumns/list``.
    static let liveReservationsQuery = "SELECT \(ReservationColumns.list) FROM reservations WHERE live = 1 ORDER BY id"

    /// The failure for a reservation whose numbers are out of ``ReservationBounds``: the ledger is damaged.
    static func damaged(_ problem: String, in store: any LedgerStore) -> StoreFailure {
        .ledger(
            LedgerError(
                code: .notALedger,
                message: "\(store.location): \(problem); the ledger is damaged: nothing was planned against it "
                    + "(see 'lineplan ledger verify')"))
    }

    static func line(from row: SQLiteRow) -> LineRecord? {
        guard let id = row.text("id"), let state = row.text("state").flatMap(LineState.init(rawValue:)) else {
            return nil
        }
        return LineRecord(
            id: id, orderID: row.text("order_id") ?? "", customer: row.text("customer") ?? "",
            product: row.text("product") ?? "", site: row.text("site") ?? "", network: row.text("network") ?? "",
            state: state, holdUntil: row.text("hold_until"), createdAt: row.text("created_at") ?? "",
            updatedAt: row.text("updated_at") ?? "")
    }

    /// The current time as UTC ISO 8601, for records.
    static func timestamp() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}

@available(*, unavailable)
extension Ledger: Sendable {}

/// One entry of the audit log: who did what to which line, with the line before and after.
public struct AuditEntry: Sendable, Hashable {
    /// When (UTC, ISO 8601).
    public var at: String
    /// Who.
    public var actor: String
    /// What: reserve, activate, release, expire, record.
    public var action: String
    /// Which line.
    public var line: String?
    /// The line (state and reservations) before, as JSON.
    public var before: String?
    /// After, as JSON.
    public var after: String?
}
