import Foundation
public import NetAddress
public import NetGraph
import SQLiteStore

/// The view of the ledger inside one write transaction: what is held now, and the means to hold more.
///
/// Obtained from ``Ledger/write(actor:_:)``; everything it records lands together when the
/// closure returns, or not at all when it throws. Reservations are written in batches: the writer's own
/// reads see every one made, reads through the ``Ledger`` inside the closure may not.
public struct LedgerWriter {
    let store: any LedgerStore
    let path: String
    /// Allocators per pool id, built on first use from ``usage()`` and kept in step with it.
    private var allocators: [String: PrefixAllocator] = [:]
    /// Who is writing, for the audit log.
    public let actor: String
    /// How many writes the ledger had committed when this one took the write lock.
    ///
    /// Every write adds one, so a snapshot read with the same count (``OrderView/writeCount``) shows the
    /// ledger exactly as this transaction found it: a plan made from it needs no planning again.
    public let writeCount: Int
    /// What live reservations hold, this transaction's own included: read on first use, `nil` until then
    /// and after a release (read again when next needed).
    private var knownUsage: LedgerUsage?
    /// The address blocks held by the lines this transaction inserted, by line id: known without reading.
    private var newLineAddresses: [String: [Reservation]] = [:]
    /// Reservations made but not yet written (see ``flush()``), with their line ids.
    private var pending: [(line: String, reservation: Reservation)] = []
    let now: String

    init(store: any LedgerStore, path: String, actor: String, writeCount: Int, now: String) {
        self.store = store
        self.path = path
        self.actor = actor
        self.writeCount = writeCount
        self.now = now
    }

    /// What live reservations hold, including those made in this transaction so far.
    ///
    /// Read from the ledger on first use, then kept in step with every reservation made.
    ///
    /// - Throws: ``LedgerError`` when the ledger cannot be read or holds a number out of
    ///   ``ReservationBounds`` (`notALedger`).
    /// - Complexity: O(*r*) for *r* live reservations on first use (and the first after a release), O(1) after.
    public mutating func usage() throws(LedgerError) -> LedgerUsage {
        if let knownUsage { return knownUsage }
        try flush()
        let usage = try run("reading reservations") { () throws(StoreFailure) in try Ledger.usage(in: store) }
        knownUsage = usage
        return usage
    }

    /// The line with an id, if recorded.
    public func line(_ id: String) throws(LedgerError) -> LineRecord? {
        try run("reading a line") { () throws(StoreFailure) in
            try store.query("SELECT * FROM lines WHERE id = ?", [.text(id)]).first
                .flatMap(Ledger.line(from:))
        }
    }

    /// A line's live reservations, this transaction's own included.
    public mutating func reservations(of line: String) throws(LedgerError) -> [Reservation] {
        try flush()
        return try run("reading reservations") { () throws(StoreFailure) in
            try store.query(
                "SELECT \(ReservationColumns.list) FROM reservations WHERE line_id = ? AND live = 1 ORDER BY id",
                [.text(line)]
            ).compactMap(ReservationColumns.reservation)
        }
    }

    /// The lines of an order that are not ceased, by id.
    public func lines(ofOrder order: String) throws(LedgerError) -> [LineRecord] {
        try run("reading lines") { () throws(StoreFailure) in
            try store.query(
                "SELECT * FROM lines WHERE order_id = ? AND state <> 'ceased' ORDER BY id", [.text(order)]
            ).compactMap(Ledger.line(from:))
        }
    }

    /// Every order with a line that is not ceased, by id.
    ///
    /// - Complexity: O(*l* log *l*) for *l* lines.
    public func knownOrders() throws(LedgerError) -> [String] {
        try run("reading orders") { () throws(StoreFailure) in
            try store.query(Ledger.knownOrdersQuery, []).compactMap { $0.text("order_id") }
        }
    }

    /// Frees a line's reservations other than its addresses, so its order can be planned again
    /// without counting them twice; the addresses stay (a re-commit keeps them).
    public mutating func releaseAllButAddresses(of id: String) throws(LedgerError) {
        try flush()
        try run("re-planning a line") { () throws(StoreFailure) in
            try store.execute(
                "UPDATE reservations SET live = 0, released_at = ? WHERE line_id = ? AND live = 1 AND kind <> 'address'",
                [.text(now), .text(id)])
        }
        knownUsage = nil
    }

    /// Records a line, or updates its fields and state; the audit log keeps before and after.
    ///
    /// A line is keyed by its order and site: recording a line whose id is taken by a line of another
    /// order or site, or whose order and site already have a line under another id, is refused with
    /// ``LedgerError/Code/lineOfAnotherOrder`` (and the transaction rolls back), so one customer's
    /// commit can never take over another's line.
    ///
    /// - Complexity: O(log *l*) for *l* lines: one statement for a new line (the unique keys on the id
    ///   and on the order and site refuse a taken one), three for a line recorded before.
    public mutating func record(_ line: LineRecord) throws(LedgerError) {
        let inserted = try run("recording a line") { () throws(StoreFailure) in
            try store.query(
                """
                INSERT INTO lines (id, order_id, customer, product, site, network, state, hold_until, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
                """, Self.arguments(line, now: now))
        }
        if !inserted.isEmpty {
            newLineAddresses[line.id] = []
            if line.state != .designed { try audit("record", line: line.id, before: nil, after: Self.describe(line)) }
            return
        }
        let before = try self.line(line.id)
        if let before, before.orderID != line.orderID || before.site != line.site {
            throw LedgerError(
                code: .lineOfAnotherOrder,
                message:
                    "\(path): line '\(line.id)' belongs to order '\(before.orderID)' site '\(before.site)', not to "
                    + "order '\(line.orderID)' site '\(line.site)'; nothing was committed")
        }
        guard let before else {
            let sameKey = try run("reading a line") { () throws(StoreFailure) in
                try store.query(
                    "SELECT id FROM lines WHERE order_id = ? AND site = ?", [.text(line.orderID), .text(line.site)]
                ).first?.text(at: 0)
            }
            throw LedgerError(
                code: .lineOfAnotherOrder,
                message: "\(path): order '\(line.orderID)' site '\(line.site)' already has line '\(sameKey ?? "?")', "
                    + "not '\(line.id)'; nothing was committed")
        }
        try run("recording a line") { () throws(StoreFailure) in
            try store.execute(
                """
                UPDATE lines SET customer = ?, product = ?, network = ?, state = ?, hold_until = ?, updated_at = ?
                WHERE id = ?
                """,
                [
                    .text(line.customer), .text(line.product), .text(line.network), .text(line.state.rawValue),
                    SQLiteValue(line.holdUntil), .text(now), .text(line.id),
                ])
        }
        try audit("update", line: line.id, before: Self.describe(before), after: Self.describe(line))
    }

    /// The values of a new line's row, in the order of `INSERT INTO lines`.
    private static func arguments(_ line: LineRecord, now: String) -> [SQLiteValue] {
        [
            .text(line.id), .text(line.orderID), .text(line.customer), .text(line.product), .text(line.site),
            .text(line.network), .text(line.state.rawValue), SQLiteValue(line.holdUntil), .text(now), .text(now),
        ]
    }

    /// Holds one resource for a line.
    ///
    /// The row is written with others, ``batchSize`` to a statement: before the transaction commits,
    /// and before this writer next reads or releases reservations, so it always sees its own.
    ///
    /// - Throws: ``LedgerError`` `.conflict` when another live reservation holds the same unit or block
    ///   (possibly thrown by a later call that writes the batch).
    /// - Complexity: Amortised O(log *n*) for a ledger of *n* reservations.
    public mutating func reserve(_ reservation: Reservation, for line: String) throws(LedgerError) {
        pending.append((line, reservation))
        knownUsage?.add(reservation)
        if reservation.kind == .address, let prefix = reservation.prefix {
            newLineAddresses[line]?.append(reservation)
            if allocators[reservation.resource]?.isFree(prefix) == true {
                try? allocators[reservation.resource]?.reserve(prefix)
            }
        }
        if pending.count >= Self.batchSize { try flush() }
    }

    /// How many reservations one statement writes: 12 values each, within every SQLite's and PostgreSQL's
    /// limit on parameters.
    static let batchSize = 64

    /// Writes the reservations not yet written, in one statement.
    ///
    /// When a unique constraint refuses the statement (a unit or block another live reservation holds),
    /// the store undoes it alone and the rows are written again one at a time, so that the refusal names
    /// the reservation, as when each is written on its own.
    ///
    /// - Throws: ``LedgerError`` `.conflict` naming the first reservation that is taken.
    mutating func flush() throws(LedgerError) {
        guard !pending.isEmpty else { return }
        let rows = pending
        pending.removeAll(keepingCapacity: true)
        let sql =
            Self.insertReservations
            + Array(repeating: Self.reservationValues, count: rows.count - 1).joined()
        var arguments: [SQLiteValue] = []
        arguments.reserveCapacity(rows.count * 12)
        for (line, reservation) in rows { arguments += row(reservation, for: line) }
        do throws(StoreFailure) {
            try store.undoingOnFailure { () throws(StoreFailure) in try store.execute(sql, arguments) }
        } catch {
            guard error.isConstraintViolation else {
                throw LedgerError.storage(error, path: path, doing: "reserving \(rows.count) resources")
            }
            for (line, reservation) in rows { try insert(reservation, for: line) }
            throw LedgerError.storage(error, path: path, doing: "reserving \(rows.count) resources")
        }
    }

    /// Writes one reservation.
    ///
    /// - Throws: ``LedgerError`` `.conflict` when another live reservation holds the same unit or block.
    private func insert(_ reservation: Reservation, for line: String) throws(LedgerError) {
        do throws(StoreFailure) {
            try store.execute(Self.insertReservations, row(reservation, for: line))
        } catch {
            if error.isConstraintViolation {
                throw LedgerError(
                    code: .conflict,
                    message: "\(path): \(reservation.summary) is already held by another line",
                    underlying: error.underlying)
            }
            throw LedgerError.storage(error, path: path, doing: "reserving \(reservation.summary)")
        }
    }

    /// The statement writing one reservation; each further ``reservationValues`` writes one more.
    private static let insertReservations = """
        INSERT INTO reservations (line_id, kind, purpose, resource, detail, unit, block_start, block_end,
            amount, capacity, baseline, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let reservationValues = ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// A reservation's values, in the order of ``insertReservations``.
    private func row(_ reservation: Reservation, for line: String) -> [SQLiteValue] {
        [
            .text(line), .text(reservation.kind.rawValue), .text(reservation.purpose), .text(reservation.resource),
            .text(reservation.detail), .integer(Int64(reservation.unit)),
            reservation.prefix.map { .integer(Int64($0.network.value)) } ?? .null,
            reservation.prefix.map { .integer(Int64($0.lastAddress.value)) } ?? .null,
            .integer(Int64(reservation.amount)), .integer(Int64(reservation.capacity)),
            .integer(Int64(reservation.baseline)), .text(now),
        ]
    }

    /// Allocates `count` blocks of `/length` from a pool for a line, all or none, at the lowest
    /// free aligned addresses.
    ///
    /// Idempotent per (line, pool, purpose): when the line already holds blocks for that purpose
    /// in that pool, those same blocks are returned and nothing new is taken.
    ///
    /// - Throws: ``LedgerError`` `.poolExhausted` when the pool has no room, `.invalidRequest` for
    ///   a length the pool cannot hold.
    public mutating func allocate(pool: Pool, purpose: String, count: Int, length: Int, for line: String)
        throws(LedgerError) -> [IPv4Prefix]
    {
        // A line this transaction inserted holds what it reserved since; another is read.
        let holdings: [Reservation]
        if let known = newLineAddresses[line] {
            holdings = known
        } else {
            holdings = try reservations(of: line)
        }
        let held = holdings.filter { $0.kind == .address && $0.resource == pool.id && $0.purpose == purpose }
            .compactMap(\.prefix)
        if !held.isEmpty { return held.sorted() }
        // Out of the table while it allocates, so the allocation does not copy it (see SiteState.assign).
        var allocator: PrefixAllocator
        if let cached = allocators.removeValue(forKey: pool.id) {
            allocator = cached
        } else {
            allocator = try newAllocator(for: pool)
        }
        defer { allocators[pool.id] = allocator }
        let blocks: [IPv4Prefix]
        do throws(NetAddressError) {
            blocks = try allocator.allocate(count: count, length: length)
        } catch {
            throw Self.poolError(error, pool: pool)
        }
        for block in blocks {
            try reserve(.address(block, pool: pool.id, purpose: purpose), for: line)
        }
        return blocks
    }

    /// An allocator for a pool with every block live reservations hold in it taken.
    private mutating func newAllocator(for pool: Pool) throws(LedgerError) -> PrefixAllocator {
        let usage = try usage()
        do throws(NetAddressError) {
            return try usage.allocator(for: pool)
        } catch {
            throw Self.poolError(error, pool: pool)
        }
    }

    private static func poolError(_ error: NetAddressError, pool: Pool) -> LedgerError {
        let code: LedgerError.Code = error.code == .poolExhausted ? .poolExhausted : .invalidRequest
        return LedgerError(code: code, message: "pool '\(pool.id)' (\(pool.prefix)): \(error.message)")
    }

    /// Frees every live reservation of a line and marks it ceased.
    public mutating func release(_ id: String, action: String = "release") throws(LedgerError) {
        guard var line = try line(id) else {
            throw LedgerError(code: .unknownLine, message: "\(path): no line '\(id)'")
        }
        let before = Self.describe(line)
        try flush()
        try run("releasing a line") { () throws(StoreFailure) in
            try store.execute(
                "UPDATE reservations SET live = 0, released_at = ? WHERE line_id = ? AND live = 1",
                [.text(now), .text(id)])
            try store.execute(
                "UPDATE lines SET state = 'ceased', hold_until = NULL, updated_at = ? WHERE id = ?",
                [.text(now), .text(id)])
        }
        knownUsage = nil
        allocators = [:]
        if newLineAddresses[id] != nil { newLineAddresses[id] = [] }
        line.state = .ceased
        line.holdUntil = nil
        try audit(action, line: id, before: before, after: Self.describe(line))
    }

    /// Moves a line to another state without touching its reservations.
    public mutating func setState(_ id: String, to state: LineState, holdUntil: String?) throws(LedgerError) {
        guard var line = try line(id) else {
            throw LedgerError(code: .unknownLine, message: "\(path): no line '\(id)'")
        }
        let before = Self.describe(line)
        try run("updating a line") { () throws(StoreFailure) in
            try store.execute(
                "UPDATE lines SET state = ?, hold_until = ?, updated_at = ? WHERE id = ?",
                [.text(state.rawValue), SQLiteValue(holdUntil), .text(now), .text(id)])
        }
        line.state = state
        line.holdUntil = holdUntil
        try audit(
            state.rawValue == "active" ? "activate" : "state", line: id, before: before, after: Self.describe(line))
    }

    private func audit(_ action: String, line: String, before: String?, after: String?) throws(LedgerError) {
        try run("writing the audit log") { () throws(StoreFailure) in
            try store.execute(
                "INSERT INTO audit (at, actor, action, line_id, before, after) VALUES (?, ?, ?, ?, ?, ?)",
                [.text(now), .text(actor), .text(action), .text(line), SQLiteValue(before), SQLiteValue(after)])
        }
    }

    static func describe(_ line: LineRecord) -> String {
        "{\"state\": \"\(line.state.rawValue)\", \"holdUntil\": "
            + (line.holdUntil.map { "\"\($0)\"" } ?? "null") + "}"
    }

    private func run<Result>(_ what: String, _ body: () throws(StoreFailure) -> Result) throws(LedgerError) -> Result {
        do {
            return try body()
        } catch {
            throw LedgerError.storage(error, path: path, doing: what)
        }
    }
}

extension Ledger {
    /// Runs `body` in one write transaction: everything it records lands together, or nothing does
    /// when it throws.
    ///
    /// SQLite takes its write lock with `BEGIN IMMEDIATE`; PostgreSQL with a transaction-scoped
    /// advisory lock, so in both stores `body` sees the ledger as committed once no other writer can
    /// change it.
    ///
    /// - Parameters:
    ///   - actor: Who is writing, for the audit log.
    ///   - body: The work; it sees the ledger as it is once the write lock is held.
    /// - Returns: What `body` returns.
    /// - Throws: ``LedgerError`` `.busy` when another writer holds the lock past the timeout
    ///   (retry), or what `body` threw (the transaction is rolled back).
    public func write<Result>(actor: String, _ body: (inout LedgerWriter) throws(LedgerError) -> Result)
        throws(LedgerError) -> Result
    {
        do throws(StoreFailure) {
            return try store.writing { () throws(StoreFailure) in
                // Every write counts itself on the identity row, so its page is in every write-ahead log this
                // ledger writes (see LedgerSchema.version3) and a snapshot can tell whether it is still current.
                let writeCount = try store.query(LedgerSchema.writeCountQuery).first?.integer(at: 0) ?? 0
                try store.execute("UPDATE ledger_identity SET writes = writes + 1 WHERE id = 1")
                var writer = LedgerWriter(
                    store: store, path: path, actor: actor, writeCount: writeCount, now: Ledger.timestamp())
                do throws(LedgerError) {
                    let result = try body(&writer)
                    try writer.flush()
                    return result
                } catch {
                    throw .ledger(error)
                }
            }
        } catch {
            throw LedgerError.storage(error, path: path, doing: "writing")
        }
    }

    /// Activates a reserved line: its hold no longer expires.
    public func activate(_ id: String, actor: String) throws(LedgerError) {
        try write(actor: actor) { (writer: inout LedgerWriter) throws(LedgerError) in
            guard let line = try writer.line(id) else {
                throw LedgerError(code: .unknownLine, message: "\(path): no line '\(id)'")
            }
            guard line.state == .reserved || line.state == .designed else {
                throw LedgerError(
                    code: .invalidState,
                    message: "\(path): line '\(id)' is \(line.state.rawValue); only a reserved line can be activated")
            }
            try writer.setState(id, to: .active, holdUntil: nil)
        }
    }

    /// Releases a line: its resources are free again and it is ceased.
    public func release(_ id: String, actor: String) throws(LedgerError) {
        try write(actor: actor) { (writer: inout LedgerWriter) throws(LedgerError) in
            guard let line = try writer.line(id) else {
                throw LedgerError(code: .unknownLine, message: "\(path): no line '\(id)'")
            }
            guard line.state != .ceased else {
                throw LedgerError(code: .invalidState, message: "\(path): line '\(id)' is already ceased")
            }
            try writer.release(id)
        }
    }

    /// Releases every reserved line whose hold expired before `today` (YYYY-MM-DD).
    ///
    /// - Returns: The ids of the lines released, sorted.
    public func expireHolds(before today: String, actor: String) throws(LedgerError) -> [String] {
        try write(actor: actor) { (writer: inout LedgerWriter) throws(LedgerError) in
            let expired = try run("reading holds") { () throws(StoreFailure) in
                try store.query(
                    "SELECT id FROM lines WHERE state = 'reserved' AND hold_until IS NOT NULL AND hold_until < ? ORDER BY id",
                    [.text(today)]
                ).compactMap { $0.text("id") }
            }
            for id in expired { try writer.release(id, action: "expire") }
            return expired
        }
    }
}
