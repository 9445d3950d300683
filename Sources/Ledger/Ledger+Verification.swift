import NetAddress
import SQLiteStore

/// One broken invariant found by ``Ledger/verify()``.
public struct LedgerViolation: Sendable, Hashable, CustomStringConvertible {
    /// Which invariant.
    public enum Rule: String, Sendable, Hashable {
        /// Two live address blocks overlap.
        case overlappingBlocks = "overlapping-blocks"
        /// A link carries more reserved bandwidth than it has.
        case linkOverRate = "link-over-rate"
        /// One port, timeslot or branch is held twice, or beyond what exists.
        case unitTwice = "unit-twice"
        /// A live reservation belongs to a ceased line.
        case orphanReservation = "orphan-reservation"
        /// SQLite's own integrity check failed.
        case integrity
        /// A live reservation holds a number LinePlan never writes (``ReservationBounds``); it is left out of the
        /// other checks.
        case outOfRange = "out-of-range"
    }

    /// Which invariant.
    public var rule: Rule
    /// What is wrong, naming the lines and resources.
    public var message: String

    /// The violation as one line.
    public var description: String { "\(rule.rawValue): \(message)" }
}

extension Ledger {
    /// Checks the ledger's invariants: no overlapping blocks, no link over its rate, no port or
    /// timeslot held twice or beyond what exists, every live reservation on a live line, and
    /// SQLite's integrity check.
    ///
    /// - Returns: Every violation found; empty when the ledger is sound.
    /// - Complexity: O(*r* log *r*) for *r* live reservations.
    public func verify() throws(LedgerError) -> [LedgerViolation] {
        try run("verifying the ledger") { () throws(StoreFailure) in
            var violations: [LedgerViolation] = []
            for problem in try store.integrityProblems() {
                violations.append(LedgerViolation(rule: .integrity, message: problem))
            }
            for row in try store.query(Ledger.liveReservationsQuery) {
                if let problem = ReservationBounds.problem(row) {
                    violations.append(LedgerViolation(rule: .outOfRange, message: problem))
                }
            }
            var previous: (start: Int, end: Int, line: String, pool: String)?
            for row in try store.query(
                """
                SELECT line_id, resource, block_start, block_end FROM reservations
                WHERE live = 1 AND kind = 'address' AND \(ReservationBounds.sqlCondition)
                ORDER BY block_start, block_end
                """)
            {
                guard let start = row.integer("block_start"), let end = row.integer("block_end") else { continue }
                let line = row.text("line_id") ?? "?"
                let pool = row.text("resource") ?? "?"
                if let earlier = previous, start <= earlier.end {
                    violations.append(
                        LedgerViolation(
                            rule: .overlappingBlocks,
                            message: "\(Self.block(start, end)) of line '\(line)' (pool \(pool)) overlaps "
                                + "\(Self.block(earlier.start, earlier.end)) of line '\(earlier.line)' (pool \(earlier.pool))"
                        ))
                }
                if previous.map({ end > $0.end }) ?? true { previous = (start, end, line, pool) }
            }
            for row in try store.query(
                """
                SELECT resource, SUM(amount) AS reserved, MAX(capacity) AS capacity, MAX(baseline) AS baseline,
                    \(store.list(of: "DISTINCT line_id")) AS lines
                FROM reservations WHERE live = 1 AND kind = 'bandwidth' AND \(ReservationBounds.sqlCondition)
                GROUP BY resource ORDER BY resource
                """)
            {
                let reserved = row.integer("reserved") ?? 0
                let capacity = row.integer("capacity") ?? 0
                let baseline = row.integer("baseline") ?? 0
                guard baseline + reserved > capacity else { continue }
                violations.append(
                    LedgerViolation(
                        rule: .linkOverRate,
                        message: "link '\(row.text("resource") ?? "?")' has \(reserved)k reserved on \(baseline)k "
                            + "committed, above the \(capacity)k it allows (lines \(row.text("lines") ?? ""))"))
            }
            for row in try store.query(
                """
                SELECT kind, resource, detail, unit, COUNT(*) AS holders, \(store.list(of: "line_id")) AS lines,
                    MAX(capacity) AS capacity, MIN(baseline) AS baseline
                FROM reservations WHERE live = 1 AND kind NOT IN ('address', 'bandwidth')
                    AND \(ReservationBounds.sqlCondition)
                GROUP BY kind, resource, detail, unit
                HAVING COUNT(*) > 1 OR unit > MAX(capacity) OR unit <= MIN(baseline)
                ORDER BY kind, resource, detail, unit
                """)
            {
                let what =
                    "\(row.text("kind") ?? "?") \(row.text("detail") ?? "") #\(row.integer("unit") ?? 0) on "
                    + "'\(row.text("resource") ?? "?")'"
                let holders = row.integer("holders") ?? 0
                let message =
                    holders > 1
                    ? "\(what) is held by \(holders) reservations (lines \(row.text("lines") ?? ""))"
                    : "\(what) is outside the free range (\(row.integer("baseline") ?? 0) used in the network, "
                        + "\(row.integer("capacity") ?? 0) in all) (line \(row.text("lines") ?? ""))"
                violations.append(LedgerViolation(rule: .unitTwice, message: message))
            }
            for row in try store.query(
                """
                SELECT r.line_id AS line_id, COUNT(*) AS count FROM reservations r JOIN lines l ON l.id = r.line_id
                WHERE r.live = 1 AND l.state IN ('ceased', 'designed') GROUP BY r.line_id ORDER BY r.line_id
                """)
            {
                violations.append(
                    LedgerViolation(
                        rule: .orphanReservation,
                        message: "line '\(row.text("line_id") ?? "?")' is not live but still holds "
                            + "\(row.integer("count") ?? 0) reservations"))
            }
            return violations
        }
    }

    private static func block(_ start: Int, _ end: Int) -> String {
        let size = end - start + 1
        let length = 32 - (Int.bitWidth - 1 - max(1, size).leadingZeroBitCount)
        return "\(IPv4Address(UInt32(truncatingIfNeeded: start)))/\(length)"
    }
}
