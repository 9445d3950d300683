import NetGraph
import Orders

extension Planner {
    /// Checks that an interconnect hub's access carries its branches: when the hub's bandwidth is below the
    /// sum of its branches', the hub gets a short ``SegmentCheck/Name/hubAccess`` segment naming both numbers and the rate to
    /// upgrade to, and an `available` hub becomes `access-optimisation`.
    ///
    /// Every branch counts, planned or blocked: once built, all of them reach the intranet through the hub.
    ///
    /// - Parameter sites: The order's planned sites, the hub first.
    /// - Complexity: O(*n*) in the sites.
    static func checkHubCapacity(_ sites: inout [SitePlan]) {
        guard let hub = sites.first, hub.role == .hub else { return }
        let branches = sites.dropFirst().filter { $0.role == .branch }
        let needed = branches.reduce(Bandwidth.zero) { $0 + $1.bandwidth }
        guard !branches.isEmpty, hub.bandwidth < needed else { return }
        var findings: [Finding] = [
            .hubBelowBranches(
                hub: hub.bandwidth, needed: needed,
                branches: branches.map { Finding.BranchLoad(site: $0.name, bandwidth: $0.bandwidth) })
        ]
        if needed > hub.interface.maximumRate {
            let port = needed > CustomerInterface.ge.maximumRate ? CustomerInterface.tenGE : .ge
            findings.append(.hubPortTooSlow(port: port, current: hub.interface, maximum: hub.interface.maximumRate))
        }
        sites[0].segments.append(SegmentCheck(segment: .hubAccess, status: .short, findings: findings))
        if sites[0].outcome == .available { sites[0].outcome = .accessOptimisation }
    }
}
