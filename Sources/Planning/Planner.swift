import Ledger
public import LocatedJSON
import NetAddress
import NetGraph
import NetPaths
public import Orders
import WorkCalendar

/// Plans an order: per site the access technology by ordered rules, the constrained path (and a
/// diverse protection path), segment-by-segment resource checks, addresses, the router verdict,
/// and the order's resource confirmation reply with its due date in working days.
///
/// Sites are planned in order; each sees the capacity the earlier ones took. The planner writes
/// nothing: ``PlanCommit`` records a plan in the ledger.
///
///     let plan = try Planner(context: PlanningContext(network: network)).plan(loadedOrder)
public struct Planner: Sendable {
    /// The context.
    public let context: PlanningContext

    /// Creates a planner.
    public init(context: PlanningContext) {
        self.context = context
    }

    /// The ledger line id of a site: the order id, a slash, the site's name.
    public static func lineID(order: Order, site: OrderSite) -> String {
        "\(order.id)/\(site.name)"
    }

    /// Plans an order.
    ///
    /// - Parameter loaded: The order and where its values came from.
    /// - Returns: The plan; a site the network cannot serve today is an answer (`core-build`), not an error.
    /// - Throws: ``DiagnosticsError`` when the order names what the network does not have (an
    ///   unknown building, no GPRS-VPN switch for an APN line, no CMNET router for an internet
    ///   line), each located in the order file.
    /// - Complexity: per site, a few constrained path searches.
    public func plan(_ loaded: LoadedOrder) throws(DiagnosticsError) -> Plan {
        let order = loaded.order
        let network = context.network
        var problems: [SourceDiagnostic] = []
        var buildings: [Int?] = []
        for (index, site) in order.sites.enumerated() {
            guard let id = site.building else {
                buildings.append(nil)
                continue
            }
            guard let node = network.nodeIndex(of: id) else {
                problems.append(
                    loaded.source.diagnostic(
                        .error, site: index, field: "building", "unknown building '\(id)' (not in \(network.name))"))
                buildings.append(nil)
                continue
            }
            if network.nodes[node].kind != .building {
                problems.append(
                    loaded.source.diagnostic(
                        .error, site: index, field: "building",
                        "'\(id)' is \(network.nodes[node].kind.rawValue) equipment, not a customer building"))
            }
            buildings.append(node)
        }
        if order.request != .new, context.existingLines.isEmpty {
            let verb = order.request == .cease ? "cease" : "modify"
            let nearest = JSONObjectView.nearest(to: order.id, in: context.knownOrders, limit: 3)
            problems.append(
                loaded.source.diagnostic(
                    .error, site: nil, field: "request",
                    "the ledger has no line of order '\(order.id)' to \(verb)"
                        + (nearest.isEmpty
                            ? "; it holds no order (give --ledger the ledger the order was committed to)"
                            : "; the nearest orders it holds: " + nearest.joined(separator: ", "))))
        }
        if order.request != .cease {
            switch order.product {
            case .apn:
                if !network.nodes.contains(where: { $0.kind == .gprsVPNSwitch }) {
                    problems.append(
                        loaded.source.diagnostic(
                            .error, site: nil, field: "product",
                            "the network has no GPRS-VPN access switch for an APN line"))
                }
                if !network.nodes.contains(where: { $0.kind == .ggsn }) {
                    problems.append(
                        loaded.source.diagnostic(
                            .error, site: nil, field: "product", "the network has no GGSN for an APN line"))
                }
            case .internet:
                if !network.nodes.contains(where: { $0.kind == .cmnet }) {
                    problems.append(
                        loaded.source.diagnostic(
                            .error, site: nil, field: "product", "the network has no CMNET router for an internet line")
                    )
                }
                if !network.pools.contains(where: { $0.purpose == .public }) {
                    problems.append(
                        loaded.source.diagnostic(
                            .error, site: nil, field: "product",
                            "the network has no public pool for an internet line: its WAN and any public LAN need"
                                + " CMNET public addresses; add a pool with \"purpose\": \"public\" to \(network.name)")
                    )
                }
            case .interconnect:
                if order.sites.count < 2 {
                    problems.append(
                        loaded.source.diagnostic(
                            .error, site: nil, field: "sites",
                            "an interconnect order needs at least two sites: the first is the hub, the others join it"))
                }
            }
        }
        guard problems.isEmpty else { throw DiagnosticsError(diagnostics: problems) }

        var warnings: [Finding] = []
        var sites: [SitePlan] = []
        if order.request != .cease {
            var state = SiteState(context: context, product: order.product)
            for (index, site) in order.sites.enumerated() {
                let hub = order.product == .interconnect && index > 0 ? sites.first : nil
                let sitePlan = state.planSite(
                    site, index: index, order: order, building: buildings[index], hub: hub, hubBuilding: buildings[0])
                state.take(sitePlan)
                sites.append(sitePlan)
                context.progress?(index + 1, order.sites.count)
            }
            if order.product == .interconnect { Self.checkHubCapacity(&sites) }
        }
        Self.nameConfigurations(&sites, order: order)
        let reply = makeReply(order: order, sites: sites, warnings: &warnings)
        planReadyDates(
            &sites, from: reply.templateDue ?? order.received, points: reply.accessPoints, warnings: &warnings)
        let ceased = order.request == .new ? [] : context.existingLines
        if order.request == .new, !context.existingLines.isEmpty {
            warnings.append(.plannedBefore)
        }
        return Plan(
            order: order, network: network.name, reply: reply, sites: sites, warnings: warnings, ceasedLines: ceased)
    }

    /// Each site's planned ready date, from its own outcome's reply deadline (not the order's, which
    /// is the slowest site's).
    ///
    /// - Complexity: O(sites) working-day counts.
    private func planReadyDates(
        _ sites: inout [SitePlan], from start: CalendarDate, points: Int, warnings: inout [Finding]
    ) {
        let policy = context.network.policy
        for index in sites.indices {
            let outcome = sites[index].outcome
            guard let readyDays = outcome.readyWorkingDays else { continue }
            let replyDays = outcome.workingDays(points: points, policy: policy)
            guard let result = try? context.calendar.adding(workingDays: replyDays + readyDays, to: start)
            else { continue }
            sites[index].readyDate = result.date
            warnings.append(contentsOf: Finding.calendar(result).filter { !warnings.contains($0) })
        }
    }

    /// The order's reply: the slowest site's outcome, due that many working days after receipt (the
    /// day of receipt not counted) — or, for a non-mature product, after its solution template, which
    /// the group customer department drafts with the support centre first (`replyDaysTemplate`, 3).
    private func makeReply(order: Order, sites: [SitePlan], warnings: inout [Finding]) -> Reply {
        let policy = context.network.policy
        let points = sites.filter { $0.outcome == .accessOptimisation }.count
        let outcome =
            sites.map(\.outcome).max { left, right in
                let leftDays = left.workingDays(points: points, policy: policy)
                let rightDays = right.workingDays(points: points, policy: policy)
                return leftDays != rightDays ? leftDays < rightDays : left.weight < right.weight
            } ?? .available
        let days = outcome.workingDays(points: points, policy: policy)
        var start = order.received
        var templateDays: Int?
        var templateDue: CalendarDate?
        if !order.mature {
            let count = ConfirmationOutcome.template.workingDays(points: 0, policy: policy)
            if let result = try? context.calendar.adding(workingDays: count, to: order.received) {
                templateDays = count
                templateDue = result.date
                start = result.date
                warnings.append(contentsOf: Finding.calendar(result).filter { !warnings.contains($0) })
                warnings.append(.templateFirst(workingDays: count, due: result.date))
            }
        }
        var due = start
        if let result = try? context.calendar.adding(workingDays: days, to: start) {
            due = result.date
            warnings.append(contentsOf: Finding.calendar(result).filter { !warnings.contains($0) })
        }
        return Reply(
            outcome: outcome, due: due, workingDays: days, department: outcome.department, accessPoints: points,
            templateWorkingDays: templateDays, templateDue: templateDue)
    }
}
