import Ledger
import NetAddress
import NetGraph
import Orders

extension SiteState {
    /// The site's addresses: the interconnect subnet, the LAN (given or allocated), the APN
    /// terminal pool and GRE tunnels for an APN headquarters, and tunnel /30s when the router
    /// cannot do IP unnumbered.
    ///
    /// Blocks the line already holds in the ledger are shown as they are; new ones are the lowest
    /// free aligned blocks, which is what a commit will allocate.
    mutating func planAddresses(_ plan: inout SitePlan, site: OrderSite, order: Order) {
        guard plan.role != .terminals else { return }
        let interconnectLength = policy.integer(.interconnectPrefixLength)
        plan.addresses.interconnect = assign(&plan, purpose: .interconnect, length: interconnectLength, count: 1).first
        switch site.lan {
        case .prefix(let prefix)?:
            plan.addresses.lan = prefix
        case .hosts(let hosts)?:
            if let length = try? PoolSizing.lanLength(hosts: hosts) {
                plan.addresses.lan = assign(&plan, purpose: .lan, length: length, count: 1).first
            }
        case nil:
            break
        }
        guard order.product == .apn, plan.role == .single else { return }
        let terminals = order.sites.compactMap(\.terminals).reduce(0, +)
        if let length = try? PoolSizing.apnPoolLength(
            terminals: max(1, terminals), growth: policy[.apnPoolGrowth], reserve: policy[.apnPoolReserve])
        {
            plan.addresses.apnPool = assign(&plan, purpose: .apn, length: length, count: 1).first
        }
        let ggsns = (nodesByKind[.ggsn] ?? []).sorted { network.nodes[$0].id < network.nodes[$1].id }
            .prefix(policy.integer(.apnGGSNCount))
        if plan.router.verdict == "needs-address-pair" {
            plan.addresses.tunnels = assign(&plan, purpose: .tunnel, length: 30, count: ggsns.count)
        }
        let loopback = network.pools.first { $0.purpose == .loopback }
        plan.tunnels = ggsns.enumerated().compactMap { position, node in
            guard let loopback, let address = loopback.prefix.network.advanced(by: position + 1) else { return nil }
            let inner = position < plan.addresses.tunnels.count ? plan.addresses.tunnels[position] : nil
            return TunnelPlan(
                ggsn: network.nodes[node].id, ggsnAddress: address,
                customerAddress: plan.addresses.interconnect.map(\.lastHost), inner: inner)
        }
    }

    /// The blocks of a purpose for the site's line: those it holds already, else the next free
    /// ones of the network's pool (recorded so later sites of the order do not get them too).
    private mutating func assign(_ plan: inout SitePlan, purpose: Pool.Purpose, length: Int, count: Int) -> [IPv4Prefix]
    {
        guard count > 0, let pool = network.pools.first(where: { $0.purpose == purpose }) else { return [] }
        plan.addressRequests.append(AddressRequest(pool: pool, purpose: purpose.rawValue, length: length, count: count))
        if let held = context.heldAddresses[plan.lineID]?[purpose.rawValue], !held.isEmpty {
            return held.sorted()
        }
        do {
            var allocator: PrefixAllocator
            if let existing = allocators[pool.id] {
                allocator = existing
            } else {
                allocator = try usage.allocator(for: pool)
            }
            let blocks = try allocator.allocate(count: count, length: length)
            allocators[pool.id] = allocator
            return blocks
        } catch {
            plan.segments.append(
                SegmentCheck(
                    segment: "addresses", status: "short",
                    reason: "pool \(pool.id) (\(pool.prefix)) cannot give \(count) /\(length): \(error.message)"))
            plan.outcome = .coreBuild
            return []
        }
    }
}
