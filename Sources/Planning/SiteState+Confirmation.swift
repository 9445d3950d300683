import Devices
import Ledger
import NetAddress
import NetGraph
import NetPaths
import Orders

extension SiteState {
    /// Checks the site segment by segment and sets its confirmation outcome: `core-build` when the
    /// aggregation or core lacks (or nothing reaches the site), `access-optimisation` when only the
    /// end access lacks (a port, a splitter, new fibre, a second building entry), else `available`.
    func assess(_ plan: inout SitePlan, candidate: AccessCandidate, route: Route?, site: OrderSite, role: SiteRole) {
        var segments: [SegmentCheck] = []
        var endAccess = SegmentCheck(segment: .endAccess, status: .ok, findings: candidate.findings)
        if candidate.portShort || candidate.buildMetres != nil { endAccess.status = .short }
        if plan.router.verdict == .replace {
            endAccess.findings.append(.routerMustBeReplaced)
        }
        if role == .single, plan.technology != nil, sdhNearby(plan) == false {
            endAccess.status = .short
            endAccess.findings.append(.noSDHNearAPN(reachKm: Int(policy[.msapReachKm])))
        }
        segments.append(endAccess)
        var coreShort = false
        if let route {
            let checked: [Segment] = [.access, .aggregation, .core]
            if let working = route.working {
                for segment in checked {
                    let links = working.links.filter { network.links[$0].segment == segment }
                    guard let headroom = headroom(of: links) else { continue }
                    segments.append(
                        SegmentCheck(segment: SegmentCheck.Name(segment), status: .ok, findings: [headroom]))
                }
            } else if let blockage = route.blockage {
                let finding = Finding(blockage)
                if let segment = blockage.segment {
                    let name = SegmentCheck.Name(segment)
                    if name == .endAccess {
                        segments[0].status = .short
                        segments[0].findings.append(finding)
                    } else if segment == .access, let expansion = ringExpansion(blockage) {
                        // A full access ring past its upgrade share is an engineering build, not maintenance.
                        segments.append(SegmentCheck(segment: name, status: .short, findings: [finding, expansion]))
                        coreShort = true
                    } else {
                        segments.append(SegmentCheck(segment: name, status: .short, findings: [finding]))
                    }
                    coreShort = coreShort || segment == .aggregation || segment == .core
                } else {
                    segments.append(SegmentCheck(segment: .core, status: .short, findings: [finding]))
                    coreShort = true
                }
            }
            if site.protection == .diverse, route.working != nil, route.protection == nil {
                let singleHomed =
                    plan.building.flatMap { network.nodeIndex(of: $0) }.map {
                        network.incidentLinks[$0].count < 2
                    } ?? true
                let why = route.protectionBlockage.map { [Finding($0)] } ?? []
                if singleHomed || route.protectionBlockage?.segment == .lastMile
                    || route.protectionBlockage?.segment == .access
                {
                    segments[0].status = .short
                    segments[0].findings += singleHomed ? [.singleHomed] : [.noDiverseRoute] + why
                } else {
                    segments.append(SegmentCheck(segment: .core, status: .short, findings: [.noDiverseRoute] + why))
                    coreShort = true
                }
            } else if !route.sharedRiskGroups.isEmpty {
                segments.append(
                    SegmentCheck(
                        segment: .diversity, status: .ok, findings: [.sharedRisk(groups: route.sharedRiskGroups)]))
            }
        }
        plan.segments = segments
        if coreShort || (segments[0].status == .short && role == .single && sdhNearby(plan) == false) {
            plan.outcome = .coreBuild
        } else if segments.contains(where: { $0.status == .short }) {
            plan.outcome = .accessOptimisation
        } else {
            plan.outcome = .available
        }
    }

    /// ``Finding/ringNeedsUpgrade(ring:sharePercent:thresholdPercent:)`` when the refused link's ring
    /// is at or above the policy's upgrade share, else `nil`.
    private func ringExpansion(_ blockage: Blockage) -> Finding? {
        guard let link = blockage.link, let ring = network.links[link].ring else { return nil }
        let threshold = policy[.ringUpgradeUtilisation]
        let busiest = (linksByRing[ring] ?? []).map { finder.graph.links[$0].utilisation }.max() ?? 0
        guard busiest >= threshold else { return nil }
        return .ringNeedsUpgrade(
            ring: ring, sharePercent: Int((busiest * 100).rounded()), thresholdPercent: Int((threshold * 100).rounded())
        )
    }

    /// Whether an SDH or MSAP node lies within the MSAP reach of an APN site (only asked for APN lines).
    private func sdhNearby(_ plan: SitePlan) -> Bool? {
        guard plan.role == .single, plan.technology != nil, isAPN(plan) else { return nil }
        guard let id = plan.building, let building = network.nodeIndex(of: id) else { return nil }
        let location = network.nodes[building].location
        return ((nodesByKind[.sdh] ?? []) + (nodesByKind[.msap] ?? [])).contains { node in
            network.nodes[node].location.distance(to: location) <= policy[.msapReachKm]
        }
    }

    private func isAPN(_ plan: SitePlan) -> Bool {
        plan.farEnd.flatMap { network.nodeIndex(of: $0) }.map { network.nodes[$0].kind == .gprsVPNSwitch } ?? false
    }

    /// A working segment's links and its tightest link's spare capacity; `nil` for no links.
    private func headroom(of links: [Int]) -> Finding? {
        let graph = finder.graph
        var tightest: (link: Int, spare: Finding.Headroom)?
        for link in links {
            let spare = graph.links[link].spare(policy: policy).headroom
            if tightest.map({ spare.megabits < $0.spare.megabits }) ?? true { tightest = (link, spare) }
        }
        guard let tightest else { return nil }
        return .headroom(links: links.count, tightest: network.links[tightest.link].id, spare: tightest.spare)
    }

    // MARK: - Reservations

    /// The ports, timeslots, branches and bandwidth the site holds if committed.
    mutating func reserveUnits(_ plan: inout SitePlan, candidate: AccessCandidate, route: Route?, site: OrderSite) {
        var reservations: [Reservation] = []
        if let node = candidate.node, let type = candidate.portType, !candidate.portShort,
            let group = network.nodes[node].ports(of: type)
        {
            let key = LedgerUsage.UnitKey(kind: .port, resource: network.nodes[node].id, detail: type.rawValue)
            if let unit = usage.freeUnits(key, count: 1, baseline: group.used, capacity: group.total)?.first {
                reservations.append(
                    Reservation(
                        kind: .port, purpose: ReservationUse.access.rawValue, resource: key.resource,
                        detail: type.rawValue, unit: unit,
                        capacity: group.total, baseline: group.used))
            }
        }
        if candidate.technology == .pon, !candidate.portShort, let node = candidate.node,
            let facts = network.nodes[node].splitter
        {
            let key = LedgerUsage.UnitKey(kind: .ponBranch, resource: network.nodes[node].id)
            if let unit = usage.freeUnits(key, count: 1, baseline: facts.used, capacity: facts.ratio)?.first {
                reservations.append(
                    Reservation(
                        kind: .ponBranch, purpose: ReservationUse.access.rawValue, resource: key.resource, unit: unit,
                        capacity: facts.ratio,
                        baseline: facts.used))
            }
        }
        // Working and protection share no link, so the units of one never collide with the other's.
        for (role, path) in [(ReservationUse.working, route?.working), (.protection, route?.protection)] {
            guard let path else { continue }
            for link in path.links {
                reservations += linkReservations(link, role: role, bandwidth: site.bandwidth, usage: usage)
            }
        }
        plan.reservations = reservations
    }

    private func linkReservations(
        _ index: Int, role: ReservationUse, bandwidth: Bandwidth, usage: LedgerUsage
    ) -> [Reservation] {
        let link = network.links[index]
        let use = link.use(of: bandwidth, policy: policy)
        let kind = Reservation.Kind(use.unit)
        guard kind != .bandwidth else {
            return [
                Reservation(
                    kind: kind, purpose: role.rawValue, resource: link.id, amount: use.count,
                    capacity: use.capacity, baseline: use.baseline)
            ]
        }
        let key = LedgerUsage.UnitKey(kind: kind, resource: link.id)
        let units = usage.freeUnits(key, count: use.count, baseline: use.baseline, capacity: use.capacity) ?? []
        return units.map {
            Reservation(
                kind: kind, purpose: role.rawValue, resource: link.id, unit: $0, capacity: use.capacity,
                baseline: use.baseline)
        }
    }
}
