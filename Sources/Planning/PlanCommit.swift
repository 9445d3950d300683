public import Ledger
public import LocatedJSON
import NetAddress
import NetGraph
public import Orders
import WorkCalendar

/// Plans an order against the ledger and records it, in one write transaction: every reservation of the
/// order, or none.
public enum PlanCommit {
    /// Why a commit did not happen.
    public enum Failure: Error, Sendable {
        /// The order names what the network does not have.
        case order(DiagnosticsError)
        /// The ledger refused (busy, not a ledger, a conflict…).
        case ledger(LedgerError)
        /// The caller's work before the commit (`beforeCommitting`, such as staging the bundle) failed.
        case aborted(any Error)
    }

    /// Plans an order against the ledger and records the plan.
    ///
    /// The order is planned against the ledger as it is once the write lock is held; each served
    /// site's line is recorded as `reserved` with a hold until the reply date, with its ports,
    /// timeslots, branches and bandwidth, and its address blocks (a line that already holds
    /// blocks for a purpose keeps them). `cease` releases the order's lines; `modify` releases
    /// them and records the new plan, in the same transaction.
    ///
    /// The planning is done before the lock is taken, against a snapshot of the ledger
    /// (``LedgerPlanning/snapshot(of:for:)``, what a dry run reads) that carries the ledger's write count.
    /// Inside the lock, the plan is recorded as it is when the count is unchanged (no other write landed
    /// since the snapshot, so the ledger is exactly what the plan was made against), and made again against
    /// the ledger as it now is when another writer committed in between. Either way a commit answers what a
    /// dry run against the same ledger answers: a pool without room, or capacity another writer took first,
    /// gives the planned answer (`core-build`, the pool named) with nothing held, never a failed write. A
    /// ledger busy with another writer is tried ``attempts`` times (each waiting the busy timeout) before
    /// ``Failure/ledger(_:)`` with code `busy` says to try again.
    ///
    /// - Parameters:
    ///   - loaded: The order.
    ///   - context: Network, calendar and router check; its usage and held addresses are
    ///     replaced by what the ledger holds.
    ///   - ledger: The ledger.
    ///   - actor: Who commits, for the audit log.
    ///   - beforeCommitting: Work on the plan as it will be committed, inside the transaction before it
    ///     commits (the bundle staged beside its folder); when it throws, nothing is committed.
    /// - Returns: The plan as committed, with the addresses actually allocated.
    /// - Throws: ``Failure/order(_:)`` when the order names what the network lacks,
    ///   ``Failure/ledger(_:)`` when the ledger refuses (busy, not a ledger, a conflict), and
    ///   ``Failure/aborted(_:)`` when `beforeCommitting` throws; nothing is written in any case.
    /// - Complexity: One planning of the order and one read of the ledger when no other writer commits
    ///   meanwhile, then O(*r* log *n*) to record the order's *r* reservations in a ledger of *n*.
    public static func commit(
        _ loaded: LoadedOrder, context: PlanningContext, ledger: Ledger, actor: String,
        beforeCommitting: (Plan) throws -> Void = { _ in }
    ) throws(Failure) -> Plan {
        var planned: Planned
        do throws(LedgerError) {
            planned = Planned(
                loaded, context: context, snapshot: try LedgerPlanning.snapshot(of: ledger, for: loaded.order))
        } catch {
            throw .ledger(error)
        }
        var attempt = 1
        while true {
            do throws(Failure) {
                return try commitOnce(
                    loaded, planned: &planned, context: context, ledger: ledger, actor: actor,
                    beforeCommitting: beforeCommitting)
            } catch {
                guard case .ledger(let problem) = error, problem.code == .busy, attempt < attempts else { throw error }
                attempt += 1
            }
        }
    }

    /// How many times a commit is tried while the ledger is busy.
    public static let attempts = 3

    /// An order's plan (or why it cannot be planned) and the ledger's write count it was made against.
    private struct Planned {
        var outcome: Result<Plan, DiagnosticsError>
        var writeCount: Int

        init(_ loaded: LoadedOrder, context: PlanningContext, snapshot: OrderView) {
            self.init(loaded, context: context, snapshot: snapshot, writeCount: snapshot.writeCount)
        }

        init(_ loaded: LoadedOrder, context: PlanningContext, snapshot: OrderView, writeCount: Int) {
            outcome = Result { () throws(DiagnosticsError) in
                try LedgerPlanning.plan(loaded, context: context, snapshot: snapshot)
            }
            self.writeCount = writeCount
        }
    }

    private static func commitOnce(
        _ loaded: LoadedOrder, planned: inout Planned, context: PlanningContext, ledger: Ledger, actor: String,
        beforeCommitting: (Plan) throws -> Void
    ) throws(Failure) -> Plan {
        var orderProblem: DiagnosticsError?
        var aborted: (any Error)?
        do throws(LedgerError) {
            return try ledger.write(actor: actor) { (writer: inout LedgerWriter) throws(LedgerError) in
                let order = loaded.order
                if writer.writeCount != planned.writeCount {
                    // Another writer committed since the plan was made: plan again against the ledger as it is
                    // now, under the write lock. The snapshot is this transaction's before it writes anything,
                    // so it stands for the count the lock was taken at.
                    planned = Planned(
                        loaded, context: context, snapshot: try LedgerPlanning.snapshot(of: ledger, for: order),
                        writeCount: writer.writeCount)
                }
                var plan: Plan
                switch planned.outcome {
                case .success(let made): plan = made
                case .failure(let problem):
                    orderProblem = problem
                    throw LedgerError(code: .invalidRequest, message: "the order was refused")
                }
                let existing = try writer.lines(ofOrder: order.id)
                if order.request != .new {
                    for line in existing {
                        try writer.release(line.id, action: order.request == .cease ? "cease" : "modify")
                    }
                } else {
                    for line in existing { try writer.releaseAllButAddresses(of: line.id) }
                }
                // The line fields every site shares, taken out of the plan first: passing the plan itself
                // beside one of its sites `inout` would copy every site, once per site.
                let line = LineRecord(
                    id: "", orderID: order.id, customer: order.customer, product: order.product.rawValue, site: "",
                    network: plan.network, state: .designed, holdUntil: plan.reply.due.description)
                for index in plan.sites.indices where plan.sites[index].role != .terminals {
                    try record(&plan.sites[index], line: line, writer: &writer)
                }
                do {
                    try beforeCommitting(plan)
                } catch {
                    aborted = error
                    throw LedgerError(code: .invalidRequest, message: "the commit was abandoned")
                }
                return plan
            }
        } catch {
            if let orderProblem { throw .order(orderProblem) }
            if let aborted { throw .aborted(aborted) }
            throw .ledger(error)
        }
    }

    /// Records one site: its line, and its reservations when it can be served.
    ///
    /// - Parameters:
    ///   - site: The site; its addresses are filled in as they are allocated.
    ///   - line: The order's fields of the line, and the hold a served site gets.
    ///   - writer: The ledger's open transaction.
    /// - Throws: ``LedgerError`` when the ledger refuses a record or a reservation.
    /// - Complexity: O(*r* log *n*) for the site's *r* reservations in a ledger of *n*: independent of the
    ///   order's other sites.
    private static func record(_ site: inout SitePlan, line: LineRecord, writer: inout LedgerWriter)
        throws(LedgerError)
    {
        let served = site.isServed
        var line = line
        line.id = site.lineID
        line.site = site.name
        line.state = served ? .reserved : .designed
        if !served { line.holdUntil = nil }
        try writer.record(line)
        guard served else { return }
        for reservation in site.reservations {
            try writer.reserve(reservation, for: site.lineID)
        }
        for request in site.addressRequests {
            let blocks = try writer.allocate(
                pool: request.pool, purpose: request.purpose.rawValue, count: request.count, length: request.length,
                for: site.lineID)
            switch request.purpose {
            case .interconnect: site.addresses.interconnect = blocks.first
            case .lan: site.addresses.lan = blocks.first
            case .apn: site.addresses.apnPool = blocks.first
            case .tunnel: site.addresses.tunnels = blocks
            case .publicLAN: site.addresses.publicLAN = blocks.first
            }
        }
        let shares = site.addresses.apnPool.map { SiteState.shares(of: $0, count: site.tunnels.count) } ?? []
        for index in site.tunnels.indices {
            site.tunnels[index].customerAddress = site.addresses.interconnect?.lastHost
            site.tunnels[index].inner = index < site.addresses.tunnels.count ? site.addresses.tunnels[index] : nil
            site.tunnels[index].pool = index < shares.count ? shares[index] : nil
        }
    }
}
