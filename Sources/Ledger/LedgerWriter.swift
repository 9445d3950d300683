import Foundation
public import NetAddress
public import NetGraph
import SQLiteStore

/// The view of the ledger inside one write transaction: what is held now, and the means to hold more.
///
/// Obtained from ``Ledger/write(actor:_:)``; everything it records lands together when the
/// closure returns, or not at all when it throws.
public struct LedgerWriter {
    let store: any LedgerStore
    let path: String
    /// Allocators per pool id, built on first use from ``usage`` and kept in step with it.
    private var allocators: [String: PrefixAllocator] = [:]
    /// Who is writing, for the audit log.
    public let actor: String
    /// What live reservations hold, including those made in this transaction so far.
    public private(set) var usage: LedgerUsage
    let now: String

    init(store: any LedgerStore, path: String, actor: String, usage: LedgerUsage, now: String) {
        self.store = store
        self.path = path
        self.actor = actor
        self.usage = usage
        self.now = now
    }

    /// The line with an id, if recorded.
    public func line(_ id: String) throws(LedgerError) -> LineRecord? {
        try run("reading a line") { () throws(StoreFailure) in
            try store.query("SELECT * FROM lines WHERE id = ?", [.text(id)]).first
                .flatMap(Ledger.line(from:))
        }
    }

    /// A line's live reservations.
    public func reservations(of line: String) throws(LedgerError) -> [Reservation] {
        try run("reading reservations") { () throws(StoreFailure) in
            try store.query("SELECT * FROM reservations WHERE line_id = ? AND live = 1 ORDER BY id", [.text(line)])
                .compactMap(Ledger.reservation(from:))
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
        try run("re-planning a line") { () throws(StoreFailure) in
            try store.execute(
                "UPDATE reservations SET live = 0, released_at = ? WHERE line_id = ? AND live = 1 AND kind <> 'address'",
                [.text(now), .text(id)])
        }
        usage = try run("reading reservations") { () throws(StoreFailure) in try Ledger.usage(in: store) }
    }

    /// Records a line, or updates its fields and state; the audit log keeps before and after.
    ///
    /// A line is keyed by its order and site: recording a line whose id is taken by a line of another
    /// order or site, or whose order and site already have a line under another id, is refused with
    /// ``LedgerError/Code/lineOfAnotherOrder`` (and the transaction rolls back), so one customer's
    /// commit can never take over another's line.
    ///
    /// - Complexity: O(log *l*) for *l* lines.
    public mutating func record(_ line: LineRecord) throws(LedgerError) {
        let before = try self.line(line.id)
        let sameKey = try run("reading a line") { () throws(StoreFailure) in
            try store.query(
                "SELECT * FROM lines WHERE order_id = ? AND site = ?", [.text(line.orderID), .text(line.site)]
            ).first.flatMap(Ledger.line(from:))
        }
        if let before, before.orderID != line.orderID || before.site != line.site {
            throw LedgerError(
                code: .lineOfAnotherOrder,
                message:
                    "\(path): line '\(line.id)' belongs to order '\(before.orderID)' site '\(before.site)', not to "
                    + "order '\(line.orderID)' site '\(line.site)'; nothing was committed")
        }
        if before == nil, let sameKey {
            throw LedgerError(
                code: .lineOfAnotherOrder,
                message: "\(path): order '\(line.orderID)' site '\(line.site)' already has line '\(sameKey.id)', not "
                    + "'\(line.id)'; nothing was committed")
        }
        try run("recording a line") { () throws(StoreFailure) in
            try store.execute(
                """
                INSERT INTO lines (id, order_id, customer, product, site, network, state, hold_until, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET customer = excluded.customer,
                    product = excluded.product, network = excluded.network,
                    state = excluded.state, hold_until = excluded.hold_until, updated_at = excluded.updated_at
                """,
                [
                    .text(line.id), .text(line.orderID), .text(line.customer), .text(line.product), .text(line.site),
                    .text(line.network), .text(line.state.rawValue), SQLiteValue(line.holdUntil), .text(now),
                    .text(now),
                ])
        }
        if before != nil || line.state != .designed {
            try audit(
                before == nil ? "record" : "update", line: line.id, before: before.map(Self.describe),
                after: Self.describe(line))
        }
    }

    /// Holds one resource for a line.
    ///
    /// - Throws: ``LedgerError`` `.conflict` when another live reservation holds the same unit or block.
    public mutating func reserve(_ reservation: Reservation, for line: String) throws(LedgerError) {
        let start = reservation.prefix.map { SQLiteValue.integer(Int64($0.network.value)) } ?? .null
        let end = reservation.prefix.map { SQLiteValue.integer(Int64($0.lastAddress.value)) } ?? .null
        do throws(StoreFailure) {
            try store.execute(
                """
                INSERT INTO reservations (line_id, kind, purpose, resource, detail, unit, block_start, block_end,
                    amount, capacity, baseline, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(line), .text(reservation.kind.rawValue), .text(reservation.purpose),
                    .text(reservation.resource), .text(reservation.detail), .integer(Int64(reservation.unit)), start,
                    end, .integer(Int64(reservation.amount)), .integer(Int64(reservation.capacity)),
                    .integer(Int64(reservation.baseline)), .text(now),
                ])
        } catch {
            if error.isConstraintViolation {
                throw LedgerError(
                    code: .conflict,
                    message: "\(path): \(reservation.summary) is already held by another line",
                    underlying: error.underlying)
            }
            throw LedgerError.storage(error, path: path, doing: "reserving \(reservation.summary)")
        }
        usage.add(reservation)
        if reservation.kind == .address, let prefix = reservation.prefix,
            allocators[reservation.resource]?.isFree(prefix) == true
        {
            try? allocators[reservation.resource]?.reserve(prefix)
        }
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
        let held = try reservations(of: line).filter {
            $0.kind == .address && $0.resource == pool.id && $0.purpose == purpose
        }.compactMap(\.prefix)
        if !held.isEmpty { return held.sorted() }
        let blocks: [IPv4Prefix]
        do throws(NetAddressError) {
            // Out of the table while it allocates, so the allocation does not copy it (see SiteState.assign).
            var allocator: PrefixAllocator
            if let cached = allocators.removeValue(forKey: pool.id) {
                allocator = cached
            } else {
                allocator = try usage.allocator(for: pool)
            }
            defer { allocators[pool.id] = allocator }
            blocks = try allocator.allocate(count: count, length: length)
        } catch {
            let code: LedgerError.Code = error.code == .poolExhausted ? .poolExhausted : .invalidRequest
            throw LedgerError(
                code: code, message: "pool '\(pool.id)' (\(pool.prefix)): \(error.message)")
        }
        for block in blocks {
            try reserve(.address(block, pool: pool.id, purpose: purpose), for: line)
        }
        return blocks
    }

    /// Frees every live reservation of a line and marks it ceased.
    public mutating func release(_ id: String, action: String = "release") throws(LedgerError) {
        guard var line = try line(id) else {
            throw LedgerError(code: .unknownLine, message: "\(path): no line '\(id)'")
        }
        let before = Self.describe(line)
        try run("releasing a line") { () throws(StoreFailure) in
            try store.execute(
                "UPDATE reservations SET live = 0, released_at = ? WHERE line_id = ? AND live = 1",
                [.text(now), .text(id)])
            try store.execute(
                "UPDATE lines SET state = 'ceased', hold_until = NULL, updated_at = ? WHERE id = ?",
                [.text(now), .text(id)])
        }
        usage = try run("reading reservations") { () throws(StoreFailure) in try Ledger.usage(in: store) }
        allocators = [:]
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
                // Every write touches the identity row, so its page is in every write-ahead log this
                // ledger writes (see LedgerSchema.version3).
                try store.execute("UPDATE ledger_identity SET writes = writes + 1 WHERE id = 1")
                var writer = LedgerWriter(
                    store: store, path: path, actor: actor, usage: try Ledger.usage(in: store),
                    now: Ledger.timestamp())
                do throws(LedgerError) {
                    return try body(&writer)
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
