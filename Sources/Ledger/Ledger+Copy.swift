import SQLiteStore

/// How many records a ledger holds: what `ledger copy` compares between the two stores.
public struct LedgerCounts: Sendable, Hashable, CustomStringConvertible {
    /// Lines, in any state.
    public var lines: Int
    /// Reservations, live and released.
    public var reservations: Int
    /// Live reservations.
    public var liveReservations: Int
    /// Audit log entries.
    public var auditEntries: Int

    /// "3 lines, 12 reservations (10 live), 5 audit entries".
    public var description: String {
        "\(lines) lines, \(reservations) reservations (\(liveReservations) live), \(auditEntries) audit entries"
    }
}

extension Ledger {
    private static let lineColumns =
        "id, order_id, customer, product, site, network, state, hold_until, created_at, updated_at"
    private static let reservationColumns =
        "line_id, kind, purpose, resource, detail, unit, block_start, block_end, amount, capacity, baseline, live, "
        + "created_at, released_at"
    private static let auditColumns = "at, actor, action, line_id, before, after"

    /// How many lines, reservations and audit entries the ledger holds.
    ///
    /// - Complexity: O(*r*) for *r* records.
    public func counts() throws(LedgerError) -> LedgerCounts {
        try run("counting records") { () throws(StoreFailure) in try Self.counts(in: store) }
    }

    private static func counts(in store: any LedgerStore) throws(StoreFailure) -> LedgerCounts {
        let row = try store.query(
            """
            SELECT (SELECT COUNT(*) FROM lines) AS lines, (SELECT COUNT(*) FROM reservations) AS reservations,
                (SELECT COUNT(*) FROM reservations WHERE live = 1) AS live, (SELECT COUNT(*) FROM audit) AS audit
            """
        ).first
        return LedgerCounts(
            lines: row?.integer("lines") ?? 0, reservations: row?.integer("reservations") ?? 0,
            liveReservations: row?.integer("live") ?? 0, auditEntries: row?.integer("audit") ?? 0)
    }

    /// Copies every line, reservation (live and released) and audit entry into an empty ledger, in
    /// one transaction, and checks that the copy holds as many of each as this ledger.
    ///
    /// The two ledgers may be of either store: a SQLite file to PostgreSQL and back. Records keep their
    /// order; the copy's unique constraints check that nothing is held twice.
    ///
    /// - Parameter destination: An empty ledger (no lines, no audit entries).
    /// - Returns: The counts, equal in both ledgers.
    /// - Throws: ``LedgerError`` `.invalidRequest` when the destination is not empty, `.storage` when the
    ///   counts differ (nothing is written then), or what the stores throw.
    /// - Complexity: O(*r*) for *r* records.
    public func copy(to destination: Ledger) throws(LedgerError) -> LedgerCounts {
        let (expected, lines, reservations, audit) = try run("reading the ledger") { () throws(StoreFailure) in
            (
                try Self.counts(in: store),
                try store.query("SELECT \(Self.lineColumns) FROM lines ORDER BY id"),
                try store.query("SELECT \(Self.reservationColumns) FROM reservations ORDER BY id"),
                try store.query("SELECT \(Self.auditColumns) FROM audit ORDER BY id")
            )
        }
        let target = destination.store
        let targetPath = destination.path
        do throws(StoreFailure) {
            return try target.writing { () throws(StoreFailure) in
                let before = try Self.counts(in: target)
                guard before.lines == 0, before.auditEntries == 0 else {
                    throw .ledger(
                        LedgerError(
                            code: .invalidRequest,
                            message: "\(targetPath): the ledger already holds \(before); copy only into an empty "
                                + "ledger"))
                }
                try target.execute("UPDATE ledger_identity SET writes = writes + 1 WHERE id = 1")
                for (table, columns, rows) in [
                    ("lines", Self.lineColumns, lines), ("reservations", Self.reservationColumns, reservations),
                    ("audit", Self.auditColumns, audit),
                ] {
                    let count = columns.split(separator: ",").count
                    let sql =
                        "INSERT INTO \(table) (\(columns)) VALUES ("
                        + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
                    for row in rows { try target.execute(sql, row.values) }
                }
                let after = try Self.counts(in: target)
                guard after == expected else {
                    throw .ledger(
                        LedgerError(
                            code: .storage,
                            message: "\(targetPath): the copy holds \(after), not \(expected); nothing was written"))
                }
                return after
            }
        } catch {
            throw LedgerError.storage(error, path: targetPath, doing: "copying the ledger")
        }
    }
}
