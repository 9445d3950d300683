import LocatedJSON
import NetAddress

/// The checks of a network that need the whole graph: rings, reachability, pools, utilisation.
struct NetworkValidator {
    let network: Network
    let sources: NetworkSourceMap

    mutating func validate(into report: inout DiagnosticReport) {
        let hadErrors = report.hasErrors
        checkRings(into: &report)
        checkReachability(into: &report, warnIsolated: !hadErrors)
        checkPools(into: &report)
        checkSpans(into: &report)
        checkLengths(into: &report)
    }

    /// Warns where a link is shorter than the straight line between its ends (a typo in km or a location).
    private func checkLengths(into report: inout DiagnosticReport) {
        for (index, link) in network.links.enumerated() {
            let straight = network.nodes[link.aEnd].location.distance(to: network.nodes[link.bEnd].location)
            let straightMetres = Int((straight * 1000).rounded())
            guard link.metres + 1 < straightMetres else { continue }
            report.warning(
                "link '\(link.id)' is \(JSONOutput.formatDecimal(link.metres, scale: 3)) km long but its ends are "
                    + "\(JSONOutput.formatDecimal(straightMetres, scale: 3)) km apart; check 'km' and the locations",
                at: sources.linkOffsets[index], path: "links[\(sources.linkFileIndices[index])].id")
        }
    }

    private func checkRings(into report: inout DiagnosticReport) {
        let threshold = network.policy[.ringUpgradeUtilisation]
        for ring in network.rings {
            let firstLink = ring.links[0]
            let offset = sources.linkRingOffsets[firstLink]
            let path = "links[\(sources.linkFileIndices[firstLink])].ring"
            if let problem = ring.problem {
                report.error("ring '\(ring.id)' \(problem)", at: offset, path: path)
                continue
            }
            if let limit = network.maximumRingSize(technology: ring.technology, segment: ring.segment) {
                // The aggregation nodes an access ring is homed on belong to the ring above; they do not count.
                let members = ring.nodes.filter { node in
                    ring.segment != .access
                        || !network.incidentLinks[node].contains { network.links[$0].segment > ring.segment }
                }
                if members.count > limit {
                    let noun = ring.segment == .access ? "access nodes" : "nodes"
                    report.error(
                        "ring '\(ring.id)' has \(members.count) \(noun); \(ring.technology.withArticle) "
                            + "\(ring.segment.rawValue) ring allows at most \(limit)", at: offset, path: path)
                }
            }
            let busiest = ring.links.max { network.links[$0].utilisation < network.links[$1].utilisation }
            if let busiest, network.links[busiest].utilisation >= threshold {
                let link = network.links[busiest]
                report.warning(
                    "ring '\(ring.id)' is \(Self.percent(link.utilisation)) committed on link '\(link.id)' "
                        + "(\(link.committed) of \(link.rate)), \(link.utilisation > threshold ? "above" : "at") the "
                        + "\(Self.percent(threshold)) upgrade threshold",
                    at: offset, path: path)
            }
        }
    }

    private func checkReachability(into report: inout DiagnosticReport, warnIsolated: Bool) {
        let nodes = network.nodes
        var reached = Array(repeating: false, count: nodes.count)
        var queue: [Int] = []
        for (index, node) in nodes.enumerated() where node.kind == .building {
            reached[index] = true
            queue.append(index)
        }
        let hasBuildings = !queue.isEmpty
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            if nodes[current].kind != .building, !nodes[current].kind.carriesTransit { continue }
            for linkIndex in network.incidentLinks[current] {
                let next = network.links[linkIndex].otherEnd(from: current)
                if !reached[next] {
                    reached[next] = true
                    queue.append(next)
                }
            }
        }
        for (index, node) in nodes.enumerated() {
            if network.incidentLinks[index].isEmpty {
                guard warnIsolated else { continue }
                report.warning(
                    "node '\(node.id)' has no links", at: sources.nodeOffsets[index],
                    path: "nodes[\(sources.nodeFileIndices[index])].id")
            } else if hasBuildings, node.layer == .service, !reached[index] {
                report.error(
                    "service node '\(node.id)' is not reachable from any customer building through the transport "
                        + "network", at: sources.nodeOffsets[index], path: "nodes[\(sources.nodeFileIndices[index])].id"
                )
            }
        }
    }

    private func checkPools(into report: inout DiagnosticReport) {
        let pools = network.pools
        for (index, pool) in pools.enumerated() {
            guard let earlier = pools[..<index].first(where: { $0.prefix.overlaps(pool.prefix) }) else { continue }
            report.error(
                "pool '\(pool.id)' (\(pool.prefix)) overlaps pool '\(earlier.id)' (\(earlier.prefix))",
                at: sources.poolPrefixOffsets[index], path: "pools[\(sources.poolFileIndices[index])].prefix")
        }
        for (index, pool) in pools.enumerated() where pool.purpose == .public {
            guard let space = Pool.nonPublicSpace.first(where: { $0.overlaps(pool.prefix) }) else { continue }
            report.error(
                "public pool '\(pool.id)' (\(pool.prefix)) overlaps \(space), which is not public address space;"
                    + " an internet line's WAN and public LAN must be routable on CMNET",
                at: sources.poolPrefixOffsets[index], path: "pools[\(sources.poolFileIndices[index])].prefix")
        }
    }

    private func checkSpans(into report: inout DiagnosticReport) {
        let threshold = network.policy[.sdhSpanWarnUtilisation]
        for (index, link) in network.links.enumerated() {
            guard let sdh = link.sdh, sdh.utilisation > threshold else { continue }
            report.warning(
                "SDH span '\(link.id)' has \(Self.percent(sdh.utilisation)) of its VC-12 capacity in use "
                    + "(\(sdh.freeVC12) free), above \(Self.percent(threshold))", at: sources.linkOffsets[index],
                path: "links[\(sources.linkFileIndices[index])].id")
        }
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded())) %"
    }
}
