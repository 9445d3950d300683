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
        var endAccess = SegmentCheck(segment: "end-access", status: "ok", reason: candidate.reason)
        if candidate.portShort || candidate.buildMetres != nil { endAccess.status = "short" }
        if plan.router.verdict == "replace" {
            endAccess.reason += "; customer router must be replaced"
        }
        if role == .single, plan.technology != nil, sdhNearby(plan) == false {
            endAccess.status = "short"
            endAccess.reason +=
                "; no SDH/MSTP node within \(Int(policy[.msapReachKm])) km of the site (the handbook requires one "
                + "near the customer for an APN line)"
        }
        segments.append(endAccess)
        var coreShort = false
        if let route {
            let checked: [Segment] = [.access, .aggregation, .core]
            if let working = route.working {
                for segment in checked {
                    let links = working.links.filter { network.links[$0].segment == segment }
                    guard !links.isEmpty else { continue }
                    segments.append(
                        SegmentCheck(
                            segment: segment.rawValue, status: "ok", reason: headroom(of: links, segment: segment)))
                }
            } else if let blockage = route.blockage {
                if let segment = blockage.segment {
                    let name = segment == .lastMile ? "end-access" : segment.rawValue
                    if name == "end-access" {
                        segments[0].status = "short"
                        segments[0].reason += "; " + blockage.reason
                    } else if segment == .access, let expansion = ringExpansion(blockage) {
                        // A full access ring past its upgrade share is an engineering build, not maintenance.
                        segments.append(
                            SegmentCheck(segment: name, status: "short", reason: blockage.reason + "; " + expansion))
                        coreShort = true
                    } else {
                        segments.append(SegmentCheck(segment: name, status: "short", reason: blockage.reason))
                    }
                    coreShort = coreShort || segment == .aggregation || segment == .core
                } else {
                    segments.append(SegmentCheck(segment: "core", status: "short", reason: blockage.reason))
                    coreShort = true
                }
            }
            if site.protection == .diverse, route.working != nil, route.protection == nil {
                let singleHomed =
                    plan.building.flatMap { network.nodeIndex(of: $0) }.map {
                        network.incidentLinks[$0].count < 2
                    } ?? true
                let reason = route.protectionBlockage?.reason ?? "no diverse route"
                if singleHomed || route.protectionBlockage?.segment == .lastMile
                    || route.protectionBlockage?.segment == .access
                {
                    segments[0].status = "short"
                    segments[0].reason +=
                        singleHomed
                        ? "; single-homed: a second building entry is needed for a diverse route"
                        : "; no diverse route: \(reason)"
                } else {
                    segments.append(
                        SegmentCheck(segment: "core", status: "short", reason: "no diverse route: \(reason)"))
                    coreShort = true
                }
            } else if !route.sharedRiskGroups.isEmpty {
                segments.append(
                    SegmentCheck(
                        segment: "diversity", status: "ok",
                        reason: "link-diverse, but the paths share \(route.sharedRiskGroups.joined(separator: ", "))"))
            }
        }
        plan.segments = segments
        if coreShort || (segments[0].status == "short" && role == .single && sdhNearby(plan) == false) {
            plan.outcome = .coreBuild
        } else if segments.contains(where: { $0.status == "short" }) {
            plan.outcome = .accessOptimisation
        } else {
            plan.outcome = .available
        }
    }

    /// "ring ACC-NE-01 is 73 % committed: it needs an upgrade (an engineering build)" when the
    /// refused link's ring is at or above the policy's upgrade share, else `nil`.
    private func ringExpansion(_ blockage: Blockage) -> String? {
        guard let link = blockage.link, let ring = network.links[link].ring else { return nil }
        let threshold = policy[.ringUpgradeUtilisation]
        let busiest = (linksByRing[ring] ?? []).map { finder.graph.links[$0].utilisation }.max() ?? 0
        guard busiest >= threshold else { return nil }
        return "ring \(ring) is \(Int((busiest * 100).rounded())) % committed, at or above the "
            + "\(Int((threshold * 100).rounded())) % upgrade share: it needs an upgrade (an engineering build)"
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

    /// "3 links; tightest ACC-HK-02-L04: 640M free" for a segment of the working path.
    private func headroom(of links: [Int], segment: Segment) -> String {
        let graph = finder.graph
        var tightest: (link: Int, text: String, value: Double)?
        for link in links {
            let current = graph.links[link]
            let (text, value): (String, Double)
            switch current.technology {
            case .sdh:
                let free = current.sdh?.freeVC12 ?? 0
                (text, value) = ("\(free) VC-12 free", Double(free) * 2.176)
            case .otn:
                let free = current.otnSlots.free
                let trunk = max(.zero, current.trunkAllowedLoad(policy: policy) - current.committed)
                (text, value) = ("\(free) tributary slots free, \(trunk) free on the ODU trunks", Double(free) * 1250)
            case .fibre, .ptn, .pon, .ethernet:
                let free = max(.zero, current.allowedLoad(policy: policy) - current.committed)
                (text, value) = ("\(free) free", free.megabits)
            }
            if tightest.map({ value < $0.value }) ?? true { tightest = (link, text, value) }
        }
        let count = "\(links.count) link\(links.count == 1 ? "" : "s")"
        guard let tightest else { return count }
        return "\(count); tightest \(network.links[tightest.link].id): \(tightest.text)"
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
                        kind: .port, purpose: "access", resource: key.resource, detail: type.rawValue, unit: unit,
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
                        kind: .ponBranch, purpose: "access", resource: key.resource, unit: unit, capacity: facts.ratio,
                        baseline: facts.used))
            }
        }
        // Working and protection share no link, so the units of one never collide with the other's.
        for (role, path) in [("working", route?.working), ("protection", route?.protection)] {
            guard let path else { continue }
            for link in path.links {
                reservations += linkReservations(link, role: role, bandwidth: site.bandwidth, usage: usage)
            }
        }
        plan.reservations = reservations
    }

    private func linkReservations(_ index: Int, role: String, bandwidth: Bandwidth, usage: LedgerUsage) -> [Reservation]
    {
        let link = network.links[index]
        switch link.technology {
        case .sdh:
            let occupancy = link.sdh ?? SDHOccupancy(vc4: max(1, link.rate.kilobits / 155_520))
            let (kind, count, baseline, capacity): (Reservation.Kind, Int, Int, Int)
            switch SDHOccupancy.requirement(for: bandwidth) {
            case .vc12(let needed):
                (kind, count, baseline, capacity) = (
                    .vc12, needed, occupancy.vc4Used * SDHOccupancy.vc12PerVC4 + occupancy.vc12Used,
                    occupancy.vc4 * SDHOccupancy.vc12PerVC4
                )
            case .vc4(let needed):
                (kind, count, baseline, capacity) = (
                    .vc4, needed, occupancy.vc4 - occupancy.freeVC4, occupancy.vc4
                )
            }
            let key = LedgerUsage.UnitKey(kind: kind, resource: link.id)
            let units = usage.freeUnits(key, count: count, baseline: baseline, capacity: capacity) ?? []
            return units.map {
                Reservation(
                    kind: kind, purpose: role, resource: link.id, unit: $0, capacity: capacity, baseline: baseline)
            }
        case .otn where link.ridesTrunks(bandwidth, policy: policy):
            // A small line rides the ODU trunks the aggregation rings hold: bandwidth on them, no slot.
            return [
                Reservation(
                    kind: .bandwidth, purpose: role, resource: link.id, amount: bandwidth.kilobits,
                    capacity: link.trunkAllowedLoad(policy: policy).kilobits, baseline: link.committed.kilobits)
            ]
        case .otn:
            let slots = link.otnSlots
            let key = LedgerUsage.UnitKey(kind: .otnSlot, resource: link.id)
            let units =
                usage.freeUnits(
                    key, count: OTNSlots.slotsNeeded(for: bandwidth), baseline: slots.used, capacity: slots.slots)
                ?? []
            return units.map {
                Reservation(
                    kind: .otnSlot, purpose: role, resource: link.id, unit: $0, capacity: slots.slots,
                    baseline: slots.used)
            }
        case .fibre, .ptn, .pon, .ethernet:
            return [
                Reservation(
                    kind: .bandwidth, purpose: role, resource: link.id, amount: bandwidth.kilobits,
                    capacity: link.allowedLoad(policy: policy).kilobits,
                    baseline: link.committed.kilobits)
            ]
        }
    }
}
