public import NetAddress
import SQLiteStore

/// What planning an order sees of the ledger: everything held by other lines, and what the
/// order's own lines hold already.
public struct OrderView: Sendable {
    /// Live reservations, the order's own left out (but for its addresses, when kept).
    public var usage: LedgerUsage
    /// Address blocks the order's lines hold: line id → purpose → blocks (empty when not kept).
    public var heldAddresses: [String: [String: [IPv4Prefix]]]
    /// The order's lines that are not ceased.
    public var existingLines: [String]
    /// Every order with a line that is not ceased, by id.
    public var knownOrders: [String] = []
    /// How many writes the ledger had committed when this view was read (``LedgerWriter/writeCount``): a
    /// writer that finds the same number knows the ledger is still as this view saw it.
    public var writeCount = 0
}

extension Ledger {
    /// Every order with a line that is not ceased, by id.
    static let knownOrdersQuery = "SELECT DISTINCT order_id FROM lines WHERE state <> 'ceased' ORDER BY order_id"

    /// The ledger as planning an order sees it, without writing.
    ///
    /// Read as one snapshot (one read transaction), with the ledger's write count, so that a commit can
    /// tell whether the ledger changed since.
    ///
    /// - Parameters:
    ///   - order: The order id.
    ///   - keepingAddresses: Whether the order's lines keep their address blocks (a `new` order
    ///     planned again) or give everything back (`modify` and `cease`).
    /// - Returns: The usage, held addresses and existing lines.
    /// - Throws: ``LedgerError`` when the ledger cannot be read, or holds a reservation whose numbers are out of
    ///   ``ReservationBounds`` (`notALedger`).
    /// - Complexity: O(*r*) for *r* live reservations.
    public func view(forOrder order: String, keepingAddresses: Bool) throws(LedgerError) -> OrderView {
        try run("reading the ledger") { () throws(StoreFailure) in
            try store.reading { () throws(StoreFailure) in
                let writes = try store.query(LedgerSchema.writeCountQuery).first?.integer(at: 0) ?? 0
                let own = try store.query(
                    "SELECT id FROM lines WHERE order_id = ? AND state <> 'ceased' ORDER BY id", [.text(order)]
                ).compactMap { $0.text("id") }
                let ownSet = Set(own)
                var view = OrderView(usage: LedgerUsage(), heldAddresses: [:], existingLines: own, writeCount: writes)
                view.knownOrders = try store.query(Ledger.knownOrdersQuery, []).compactMap { $0.text("order_id") }
                for row in try store.query(Ledger.liveReservationsQuery) {
                    if let problem = ReservationBounds.problem(row) { throw Ledger.damaged(problem, in: store) }
                    guard let reservation = ReservationColumns.reservation(row),
                        let line = row.text(at: ReservationColumns.line)
                    else { continue }
                    if ownSet.contains(line) {
                        guard keepingAddresses, reservation.kind == .address, let prefix = reservation.prefix else {
                            continue
                        }
                        view.heldAddresses[line, default: [:]][reservation.purpose, default: []].append(prefix)
                    }
                    view.usage.add(reservation)
                }
                return view
            }
        }
    }
}
