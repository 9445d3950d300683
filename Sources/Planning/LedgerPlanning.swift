public import Ledger
public import LocatedJSON
public import Orders

/// The one way an order is planned against what a ledger holds.
///
/// A dry run and a commit both take the same snapshot (``snapshot(of:for:)``: what other lines
/// hold, and what the order's own lines hold) and plan with ``plan(_:context:snapshot:)``; a commit
/// records that plan only when the ledger has not changed since the snapshot, and plans again inside
/// the ledger's write lock when it has (``PlanCommit``), so it answers what a dry run against the same
/// ledger answers, byte for byte.
public enum LedgerPlanning {
    /// What the ledger holds, as planning an order sees it: every live reservation of other lines;
    /// of the order's own lines, their address blocks when a `new` order is planned again (it keeps
    /// them), nothing for `modify` and `cease` (they give everything back).
    ///
    /// One snapshot, with the ledger's write count (``OrderView/writeCount``).
    ///
    /// - Throws: ``LedgerError`` when the ledger cannot be read.
    /// - Complexity: O(*r*) for *r* live reservations.
    public static func snapshot(of ledger: Ledger, for order: Order) throws(LedgerError) -> OrderView {
        try ledger.view(forOrder: order.id, keepingAddresses: order.request == .new)
    }

    /// Plans an order against a snapshot of the ledger (`nil`: an empty ledger).
    ///
    /// - Parameters:
    ///   - loaded: The order.
    ///   - context: Network, calendar and router check; its ledger fields are replaced by the snapshot's.
    ///   - snapshot: What the ledger holds.
    /// - Returns: The plan.
    /// - Throws: ``DiagnosticsError`` when the order names what the network lacks.
    public static func plan(_ loaded: LoadedOrder, context: PlanningContext, snapshot: OrderView?)
        throws(DiagnosticsError) -> Plan
    {
        var current = context
        if let snapshot {
            current.usage = snapshot.usage
            current.heldAddresses = snapshot.heldAddresses
            current.existingLines = snapshot.existingLines
            current.knownOrders = snapshot.knownOrders
        }
        return try Planner(context: current).plan(loaded)
    }

    /// Plans an order without writing: against the ledger's snapshot when there is a ledger.
    ///
    /// - Throws: ``PlanCommit/Failure/order(_:)`` for an order the network cannot take,
    ///   ``PlanCommit/Failure/ledger(_:)`` when the ledger cannot be read.
    public static func dryRun(_ loaded: LoadedOrder, context: PlanningContext, ledger: Ledger?)
        throws(PlanCommit.Failure) -> Plan
    {
        var snapshot: OrderView?
        if let ledger {
            do {
                snapshot = try Self.snapshot(of: ledger, for: loaded.order)
            } catch {
                throw .ledger(error)
            }
        }
        do {
            return try plan(loaded, context: context, snapshot: snapshot)
        } catch {
            throw .order(error)
        }
    }
}
