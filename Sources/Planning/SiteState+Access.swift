import Ledger
import LocatedJSON
import NetGraph
import NetPaths
import Orders

/// One access technology weighed for a site: the node it would use and whether it can serve.
struct AccessCandidate {
    var technology: AccessTechnology
    /// The access node (PTN, MSAP/SDH, splitter or OTN node).
    var node: Int?
    /// The last-mile link from the building to the node, when it exists.
    var lastMile: Int?
    /// The port type the line takes on the access node.
    var portType: PortType?
    /// Whether the node has no free port of that type (maintenance adds a card: end-access work).
    var portShort = false
    /// Metres of new fibre to build, for a site given by location.
    var buildMetres: Int?
    /// Whether it can serve the site (perhaps with end-access work).
    var qualifies: Bool
    /// Why, in order.
    var findings: [Finding]
}

extension SiteState {
    /// The technologies to try for a site, in the order of the selection rules (domain-rules §2, §7).
    func preference(for site: OrderSite, product: Product) -> [AccessTechnology] {
        let megabits = site.bandwidth.megabits
        if product == .apn { return [.sdhMSTP, .ptn, .pon, .wlan] }  // R1: 2M MSTP (or PTN) to the GPRS-VPN room
        if site.interface == .e1 || site.interface == .v35 { return [.sdhMSTP, .ptn, .wlan] }  // R2
        if megabits >= policy[.otnMinMbps] || site.interface == .tenGE { return [.otn, .ptn, .wlan] }  // R4
        if product == .internet, megabits <= policy[.ponMaxDownMbps], site.protection == .none {
            return [.pon, .ptn, .sdhMSTP, .wlan]  // R6, then R5
        }
        return [.ptn, .sdhMSTP, .pon, .wlan]  // R5, R3
    }

    /// Every technology of the site's preference list, evaluated.
    func accessCandidates(for site: OrderSite, building: Int?, product: Product) -> [AccessCandidate] {
        preference(for: site, product: product).map { technology in
            if product == .apn, technology == .pon {
                return AccessCandidate(technology: .pon, qualifies: false, findings: [.apnNotOnPON])
            }
            return evaluate(technology, site: site, building: building)
        }
    }

    private func nodeKinds(of technology: AccessTechnology) -> [NodeKind] {
        switch technology {
        case .ptn: [.ptn]
        case .sdhMSTP: [.msap, .sdh]
        case .pon: [.splitter]
        case .otn: [.otn]
        case .apn, .wlan: []
        }
    }

    private func portType(for interface: CustomerInterface, technology: AccessTechnology) -> PortType? {
        switch (technology, interface) {
        case (.pon, _), (.apn, _), (.wlan, _): nil
        case (_, .e1), (_, .v35): .e1
        case (_, .fe): .fe
        case (_, .ge): .ge
        case (_, .tenGE): .tenGE
        }
    }

    private func reach(of technology: AccessTechnology) -> Double {
        switch technology {
        case .pon: policy[.ponReachKm]
        case .sdhMSTP: policy[.msapReachKm]
        case .ptn, .otn, .apn, .wlan: policy[.fibreReachKm]
        }
    }

    private func evaluate(_ technology: AccessTechnology, site: OrderSite, building: Int?) -> AccessCandidate {
        switch technology {
        case .wlan:
            return AccessCandidate(technology: .wlan, qualifies: false, findings: [.wlanAddOn])
        case .apn:
            return AccessCandidate(technology: .apn, qualifies: false, findings: [.needsFixedLine])
        case .pon where site.protection == .diverse:
            return AccessCandidate(technology: .pon, qualifies: false, findings: [.ponNoDiverse])
        case .pon where site.bandwidth.megabits > policy[.ponMaxDownMbps]:
            return AccessCandidate(
                technology: .pon, qualifies: false,
                findings: [.ponTooFast(asked: site.bandwidth, limitMbps: Int(policy[.ponMaxDownMbps]))])
        default:
            break
        }
        let kinds = nodeKinds(of: technology)
        guard let building else {
            return evaluateByLocation(technology, site: site, kinds: kinds)
        }
        let links = network.incidentLinks[building].filter { link in
            let other = network.links[link].otherEnd(from: building)
            return kinds.contains(network.nodes[other].kind)
        }
        guard !links.isEmpty else {
            return AccessCandidate(technology: technology, qualifies: false, findings: [.noLastMile(technology)])
        }
        var best: AccessCandidate?
        var firstFailure: AccessCandidate?
        let ordered = links.sorted {
            (network.links[$0].metres, network.links[$0].id) < (network.links[$1].metres, network.links[$1].id)
        }
        for link in ordered {
            let node = network.links[link].otherEnd(from: building)
            let candidate = evaluate(
                technology, site: site, node: node, lastMile: link, metres: network.links[link].metres)
            if candidate.qualifies, !candidate.portShort {
                best = candidate
                break
            }
            if candidate.qualifies, best == nil { best = candidate }
            if firstFailure == nil { firstFailure = candidate }
        }
        return best ?? firstFailure
            ?? AccessCandidate(technology: technology, qualifies: false, findings: [.noUsableAccess(technology)])
    }

    /// How many of the nearest nodes of a kind a site given by location weighs.
    static let locationCandidates = 32

    /// A site given by coordinates: the nearest node of the kind that can serve it.
    ///
    /// That is within reach, with a free port of the interface's type (or a free splitter branch within the optical budget) — with
    /// new fibre to build; else the nearest that qualifies with end-access work; else why the nearest
    /// cannot. An aggregation node without customer ports is passed over for the access node beyond it.
    ///
    /// - Complexity: O(*k* log *k*) for the *k* nodes of the kind, and at most ``locationCandidates``
    ///   evaluations.
    private func evaluateByLocation(_ technology: AccessTechnology, site: OrderSite, kinds: [NodeKind])
        -> AccessCandidate
    {
        guard let location = site.location else {
            return AccessCandidate(technology: technology, qualifies: false, findings: [.siteWithoutLocation])
        }
        let nodes = kinds.flatMap { nodesByKind[$0] ?? [] }.map { index in
            (node: index, kilometres: network.nodes[index].location.distance(to: location))
        }.sorted { ($0.kilometres, network.nodes[$0.node].id) < ($1.kilometres, network.nodes[$1.node].id) }
        guard !nodes.isEmpty else {
            return AccessCandidate(technology: technology, qualifies: false, findings: [.noNodeOfKind(technology)])
        }
        var withWork: AccessCandidate?
        var firstFailure: AccessCandidate?
        for nearby in nodes.prefix(Self.locationCandidates) {
            // Cable routes run longer than the straight line: count 1.3 times it.
            let metres = Int((nearby.kilometres * 1.3 * 1000).rounded())
            var candidate = evaluate(technology, site: site, node: nearby.node, lastMile: nil, metres: metres)
            candidate.buildMetres = metres
            guard candidate.qualifies else {
                if firstFailure == nil { firstFailure = candidate }
                if Double(metres) > reach(of: technology) * 1000 { break }
                continue
            }
            candidate.findings.insert(.newFibre(metres: metres, node: network.nodes[nearby.node].id), at: 0)
            if !candidate.portShort { return candidate }
            if withWork == nil { withWork = candidate }
        }
        return withWork ?? firstFailure
            ?? AccessCandidate(technology: technology, qualifies: false, findings: [.noNodeOfKind(technology)])
    }

    /// Checks one access node for a site: reach, port or splitter branch, optical budget.
    private func evaluate(
        _ technology: AccessTechnology, site: OrderSite, node: Int, lastMile: Int?, metres: Int
    ) -> AccessCandidate {
        let accessNode = network.nodes[node]
        let reachKm = reach(of: technology)
        var candidate = AccessCandidate(
            technology: technology, node: node, lastMile: lastMile,
            portType: portType(for: site.interface, technology: technology), qualifies: false, findings: [])
        if Double(metres) > reachKm * 1000 {
            candidate.findings = [.beyondReach(node: accessNode.id, metres: metres, reachKm: Int(reachKm))]
            return candidate
        }
        if let lastMile, let refusal = finder.graph.refusal(of: site.bandwidth, on: lastMile) {
            candidate.findings = [
                .lastMileRefused(node: accessNode.id, link: network.links[lastMile].id, refusal: refusal)
            ]
            return candidate
        }
        if technology == .pon {
            return evaluatePON(candidate, splitter: node, metres: metres)
        }
        guard let type = candidate.portType else {
            candidate.qualifies = true
            candidate.findings = [.reachable(node: accessNode.id, metres: metres)]
            return candidate
        }
        guard let group = accessNode.ports(of: type) else {
            candidate.findings = [.noPortsOfType(node: accessNode.id, port: type)]
            return candidate
        }
        let taken =
            usage.units[LedgerUsage.UnitKey(kind: .port, resource: accessNode.id, detail: type.rawValue)]?.count ?? 0
        let free = group.total - group.used - taken
        candidate.qualifies = true
        if free <= 0 {
            candidate.portShort = true
            candidate.findings = [.portShort(node: accessNode.id, port: type, metres: metres, total: group.total)]
        } else {
            candidate.findings = [.portsFree(node: accessNode.id, port: type, metres: metres, free: free)]
        }
        return candidate
    }

    private func evaluatePON(_ candidate: AccessCandidate, splitter: Int, metres: Int) -> AccessCandidate {
        var candidate = candidate
        let node = network.nodes[splitter]
        guard let facts = node.splitter else {
            candidate.findings = [.noSplitterFacts(node: node.id)]
            return candidate
        }
        let taken = usage.units[LedgerUsage.UnitKey(kind: .ponBranch, resource: node.id)]?.count ?? 0
        let feeder = network.incidentLinks[splitter].first {
            network.nodes[network.links[$0].otherEnd(from: splitter)].kind == .olt
        }
        guard let feeder, let pon = network.nodes[network.links[feeder].otherEnd(from: splitter)].pon else {
            candidate.findings = [.splitterWithoutOLT(splitter: node.id)]
            return candidate
        }
        let olt = network.nodes[network.links[feeder].otherEnd(from: splitter)]
        let fibreMetres = metres + network.links[feeder].metres
        let loss =
            Double(fibreMetres) / 1000 * policy[.fibreLossPerKm] + facts.lossDecibels + 2 * policy[.connectorLoss]
            + policy[.opticalMargin]
        let budget = pon.budgetDecibels
        let lossTenths = Int((loss * 10).rounded())
        if loss > budget {
            candidate.findings = [
                .opticalBudgetExceeded(
                    lossTenths: lossTenths, metres: fibreMetres, ratio: facts.ratio,
                    opticalClass: pon.opticalClass, budget: Int(budget))
            ]
            return candidate
        }
        candidate.qualifies = true
        if facts.used + taken >= facts.ratio {
            candidate.portShort = true
            candidate.findings = [.splitterFull(splitter: node.id, olt: olt.id, ratio: facts.ratio)]
        } else {
            candidate.findings = [
                .splitterFree(
                    splitter: node.id, olt: olt.id, free: facts.ratio - facts.used - taken, lossTenths: lossTenths,
                    opticalClass: pon.opticalClass, budget: Int(budget))
            ]
        }
        return candidate
    }
}
