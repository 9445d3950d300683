import Ledger
import NetAddress
import NetGraph
import NetPaths
import Orders

/// What an order's planning has taken so far, and the site-by-site planning itself.
///
/// Each planned site's reservations are taken here before the next site is planned, so sites of
/// one order never share a port, a timeslot or capacity they could not both have.
struct SiteState {
    let context: PlanningContext
    let network: Network
    var finder: PathFinder
    /// Ledger usage plus what this order's earlier sites took.
    var usage: LedgerUsage
    /// Allocators per pool, with every held block taken, for showing the addresses a commit will get.
    var allocators: [String: PrefixAllocator] = [:]
    /// The blocks the site being planned took from ``allocators``, by pool id, to give back when a later
    /// pool of the same site has no room.
    var allocatedForSite: [(pool: String, blocks: [IPv4Prefix])] = []
    /// Nodes by kind, found once per order rather than once per site.
    let nodesByKind: [NodeKind: [Int]]
    /// Links by ring id.
    let linksByRing: [String: [Int]]
    /// Each room's region, by room id (rooms with one only).
    let regionsByRoom: [String: String]
    /// The pools that serve each (purpose, region) met so far, nearest first (``pools(for:region:)``).
    var poolsByPlace: [PoolPlace: [Pool]] = [:]

    /// A purpose and a site's region: the key of ``poolsByPlace``.
    struct PoolPlace: Hashable {
        var purpose: Pool.Purpose
        var region: String?
    }
    var policy: Policy { network.policy }

    init(context: PlanningContext, product: Product) {
        self.context = context
        self.network = context.network
        self.usage = context.usage
        var byKind: [NodeKind: [Int]] = [:]
        for (index, node) in context.network.nodes.enumerated() { byKind[node.kind, default: []].append(index) }
        self.nodesByKind = byKind
        var byRing: [String: [Int]] = [:]
        for (index, link) in context.network.links.enumerated() {
            if let ring = link.ring { byRing[ring, default: []].append(index) }
        }
        self.linksByRing = byRing
        var regions: [String: String] = [:]
        for room in context.network.rooms {
            if let region = room.region { regions[room.id] = region }
        }
        self.regionsByRoom = regions
        // Landmarks pay off for searches across a province (a hub's branches); internet and APN sites
        // route to far ends in their own city, where the straight-line bound suffices.
        self.finder = PathFinder(
            graph: RoutingGraph(
                network: context.usage.applied(to: context.network), landmarks: product == .interconnect))
    }

    /// Takes a planned site's resources, for the sites after it; a line that cannot be built today
    /// takes nothing.
    mutating func take(_ site: SitePlan) {
        guard site.isServed else { return }
        for reservation in site.reservations where reservation.kind != .bandwidth {
            usage.add(reservation)
        }
        for path in [site.working, site.protectionPath].compactMap({ $0 }) {
            let links = path.links.compactMap { network.linkIndex(of: $0) }
            finder.reserve(site.bandwidth, on: links)
        }
    }

    // MARK: - A site

    mutating func planSite(
        _ site: OrderSite, index: Int, order: Order, building: Int?, hub: SitePlan?, hubBuilding: Int?
    ) -> SitePlan {
        let role: SiteRole
        switch order.product {
        case .interconnect: role = index == 0 ? .hub : .branch
        case .apn: role = index == 0 ? .single : .terminals
        case .internet: role = .single
        }
        let area = site.area ?? building.flatMap { network.nodes[$0].area } ?? .town
        let repairHours = area == .town ? policy.integer(.repairHoursTown) : policy.integer(.repairHoursCountryside)
        var plan = SitePlan(
            name: site.name, lineID: Planner.lineID(order: order, site: site), role: role,
            building: building.map { network.nodes[$0].id }, address: site.address, contact: site.contact,
            phone: site.phone, area: area, bandwidth: site.bandwidth,
            interface: site.interface, protection: site.protection, qualification: .unqualified,
            qualificationFindings: [], technology: nil, accessNode: nil, alternatives: [], farEnd: nil, working: nil,
            protectionPath: nil, sharedRiskGroups: [], outcome: .available, segments: [],
            addresses: PlannedAddresses(), tunnels: [],
            router: context.routerCheck(site, order.product), repairHours: repairHours, reservations: [],
            addressRequests: [])
        if role == .terminals {
            plan.qualification = .qualified
            plan.technology = .apn
            plan.qualificationFindings = [.terminalsOverAPN]
            plan.alternatives = [
                AccessAlternative(technology: .apn, status: .qualified, node: nil, findings: [.terminalsOverAPN])
            ]
            plan.segments = [SegmentCheck(segment: .endAccess, status: .ok, findings: [.radioCoverage])]
            return plan
        }
        let candidates = accessCandidates(for: site, building: building, product: order.product)
        let targets = farEnds(for: order.product, hub: hub, hubBuilding: hubBuilding)
        var chosen: (candidate: AccessCandidate, route: Route?)?
        for candidate in candidates where candidate.qualifies {
            let route =
                role == .hub ? nil : self.route(from: building, via: candidate, to: targets, site: site, hub: hub)
            if role == .hub || route?.working != nil {
                chosen = (candidate, route)
                break
            }
            if chosen == nil { chosen = (candidate, route) }
        }
        plan.alternatives = candidates.map { candidate in
            let isChosen = chosen.map { $0.candidate.technology == candidate.technology } ?? false
            return AccessAlternative(
                technology: candidate.technology,
                status: isChosen ? .qualified : (candidate.qualifies ? .alternate : .unqualified),
                node: candidate.node.map { network.nodes[$0].id }, findings: candidate.findings)
        }
        guard let (candidate, route) = chosen else {
            plan.qualificationFindings = [.noAccessToday] + candidates.flatMap(\.findings)
            plan.outcome = .coreBuild
            plan.segments = [SegmentCheck(segment: .endAccess, status: .short, findings: plan.qualificationFindings)]
            return plan
        }
        plan.qualification = .qualified
        plan.qualificationFindings = candidate.findings
        plan.technology = candidate.technology
        plan.accessNode = candidate.node.map { network.nodes[$0].id }
        plan.farEnd = route?.farEnd.map { network.nodes[$0].id } ?? (role == .hub ? plan.building : nil)
        plan.working = route?.working.map(summary)
        plan.protectionPath = route?.protection.map(summary)
        plan.sharedRiskGroups = route?.sharedRiskGroups ?? []
        assess(&plan, candidate: candidate, route: route, site: site, role: role)
        // Only a line that can be built today gets resources and addresses; the rest waits for its reply.
        if plan.isServed {
            allocatedForSite = []
            reserveUnits(&plan, candidate: candidate, route: route, site: site)
            planAddresses(&plan, site: site, order: order, index: index)
            if !plan.isServed {
                // A pool without room: the line is a core build after all and holds nothing. Its blocks
                // go back one by one (a copy of every allocator per site would cost the whole order).
                for (pool, blocks) in allocatedForSite.reversed() {
                    for block in blocks { try? allocators[pool]?.release(block) }
                }
                plan.reservations = []
                plan.addressRequests = []
                plan.addresses = PlannedAddresses()
                plan.tunnels = []
                plan.hubVLAN = nil
            }
        }
        return plan
    }

    func summary(_ path: Path) -> PathSummary {
        PathSummary(nodes: path.nodeIDs(in: network), links: path.linkIDs(in: network), metres: path.metres)
    }
}
