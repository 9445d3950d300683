import NetGraph
import Orders

extension Planner {
    /// The segment name of the hub's capacity check, beside `end-access`, `access`, `core`.
    public static let hubAccessSegment = "hub-access"

    /// Checks that an interconnect hub's access carries its branches: when the hub's bandwidth is below the
    /// sum of its branches', the hub gets a short `hub-access` segment naming both numbers and the rate to
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
        let listed = branches.map { "\($0.name) \($0.bandwidth)" }.joined(separator: " + ")
        var reason =
            "the hub's access of \(hub.bandwidth) is below its branches' \(needed) together (\(listed)): "
            + "upgrade the hub's access to at least \(needed)"
        if needed > hub.interface.maximumRate {
            let port = needed > CustomerInterface.ge.maximumRate ? CustomerInterface.tenGE : .ge
            reason +=
                " on a \(port.rawValue) port (\(hub.interface.rawValue) carries at most \(hub.interface.maximumRate))"
        }
        sites[0].segments.append(SegmentCheck(segment: hubAccessSegment, status: "short", reason: reason))
        if sites[0].outcome == .available { sites[0].outcome = .accessOptimisation }
    }
}
