import NetGraph
import NetPaths
import Orders

/// A site's route: working and protection paths, or why they are missing.
struct Route {
    var working: Path?
    var protection: Path?
    var blockage: Blockage?
    var protectionBlockage: Blockage?
    var sharedRiskGroups: [String] = []
    var farEnd: Int?
}

extension SiteState {
    /// Where a line of the product ends: the GPRS-VPN access switch (its room is where an APN line
    /// must land), the CMNET routers, or the interconnect hub's building.
    func farEnds(for product: Product, hub: SitePlan?, hubBuilding: Int?) -> [Int] {
        switch product {
        case .apn: nodesByKind[.gprsVPNSwitch] ?? []
        case .internet: nodesByKind[.cmnet] ?? []
        case .interconnect: hubBuilding.map { [$0] } ?? []
        }
    }

    /// The links of a building other than the one its line uses: paths must not enter or leave by them.
    private func otherEntries(of building: Int?, keeping link: Int?) -> Set<Int> {
        guard let building, let link else { return [] }
        return Set(network.incidentLinks[building].filter { $0 != link })
    }

    /// The hub building's last-mile link towards its chosen access node.
    private func hubEntry(_ hub: SitePlan?) -> (building: Int, link: Int)? {
        guard let hub, let buildingID = hub.building, let accessID = hub.accessNode,
            let building = network.nodeIndex(of: buildingID), let access = network.nodeIndex(of: accessID)
        else { return nil }
        let link = network.incidentLinks[building].first { network.links[$0].otherEnd(from: building) == access }
        return link.map { (building, $0) }
    }

    /// Finds the working path (through the chosen access) to the cheaper of the two nearest far
    /// ends, and a diverse protection path when the site asks for one.
    mutating func route(
        from building: Int?, via candidate: AccessCandidate, to targets: [Int], site: OrderSite, hub: SitePlan?
    )
        -> Route
    {
        guard let source = building ?? candidate.node else { return Route() }
        var excluded = otherEntries(of: building, keeping: candidate.lastMile)
        if let entry = hubEntry(hub) {
            excluded.formUnion(otherEntries(of: entry.building, keeping: entry.link))
        }
        // The two far ends nearest in a straight line are tried in one search; the cheaper path wins.
        let here = network.nodes[source].location
        let nearest = targets.filter { $0 != source }.sorted {
            (network.nodes[$0].location.distance(to: here), network.nodes[$0].id)
                < (network.nodes[$1].location.distance(to: here), network.nodes[$1].id)
        }.prefix(2)
        guard let first = nearest.first else {
            return Route(blockage: Blockage(cause: .noFarEnd))
        }
        let request = PathRequest(
            source: source, destination: first, bandwidth: site.bandwidth, excludedLinks: excluded,
            alternativeDestinations: Array(nearest.dropFirst()))
        let answer = finder.shortestPath(request)
        guard let working = answer.working, let target = working.nodes.last else {
            return Route(blockage: answer.workingBlockage ?? Blockage(cause: .noRouteFound))
        }
        var route = Route(working: working, farEnd: target)
        guard site.protection == .diverse else { return route }
        // The least-cost disjoint pair, chosen jointly over the building's entries and the far ends: the
        // protection may end at the other far end (the second CMNET router) and enter a dual-homed hub
        // by its other entry. The path through the chosen access is the working one.
        let pairRequest = PathRequest(
            source: source, destination: target, bandwidth: site.bandwidth,
            alternativeDestinations: nearest.filter { $0 != target })
        let pair = finder.diversePaths(pairRequest)
        if let first = pair.working, let second = pair.protection {
            let usesAccess = { (path: Path) in candidate.lastMile == nil || path.links.first == candidate.lastMile }
            if usesAccess(first) || usesAccess(second) {
                route.working = usesAccess(first) ? first : second
                route.protection = usesAccess(first) ? second : first
                route.sharedRiskGroups = pair.sharedRiskGroups
                return route
            }
        }
        // Otherwise: the best path avoiding every link (and shared-risk group) of the working one.
        var protectionRequest = pairRequest
        protectionRequest.excludedLinks.formUnion(working.links)
        protectionRequest.excludedLinks.formUnion(finder.links(sharingRiskWith: working.links))
        let protection = finder.shortestPath(protectionRequest)
        route.protection = protection.working
        route.protectionBlockage = protection.workingBlockage ?? pair.protectionBlockage
        return route
    }
}
