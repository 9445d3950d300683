import Devices
import Ledger
import NetAddress
import NetGraph
import Orders

extension SiteState {
    /// The site's addresses.
    ///
    /// - An interconnect branch: a /30 (or /31) from the interconnect pool between the hub's router
    ///   (first host, on the 802.1Q sub-interface of the branch's VLAN) and the branch's router (second
    ///   host). The hub gets no block of its own: its WAN sub-interfaces are its branches' blocks.
    /// - An internet line: its WAN /30 from the `public` pool (the CMNET router first host, the customer
    ///   second), and a public LAN block from the same pool when the order asks for one.
    /// - An APN headquarters: a /30 from the interconnect pool towards the GPRS-VPN access switch room,
    ///   the terminal pool split into one share per GGSN, GRE tunnels, and tunnel /30s when the router
    ///   cannot do IP unnumbered.
    ///
    /// Blocks the line already holds in the ledger are shown as they are; new ones are the lowest
    /// free aligned blocks, which is what a commit will allocate.
    mutating func planAddresses(_ plan: inout SitePlan, site: OrderSite, order: Order, index: Int) {
        guard plan.role != .terminals else { return }
        let interconnectLength = policy.integer(.interconnectPrefixLength)
        switch plan.role {
        case .hub:
            break
        case .branch:
            let vlan = policy.integer(.hubVLANBase) + index
            guard vlan <= 4094 else {
                plan.segments.append(
                    SegmentCheck(
                        segment: .addresses, status: .short,
                        findings: [.hubVLANExhausted(vlan: vlan, base: policy.integer(.hubVLANBase), site: index)]))
                plan.outcome = .coreBuild
                return
            }
            plan.hubVLAN = vlan
            plan.addresses.interconnect =
                assign(&plan, from: .interconnect, use: .interconnect, length: interconnectLength, count: 1).first
        case .single, .terminals:
            let wanPool: Pool.Purpose = order.product == .internet ? .public : .interconnect
            plan.addresses.interconnect =
                assign(&plan, from: wanPool, use: .interconnect, length: interconnectLength, count: 1).first
        }
        switch site.lan {
        case .prefix(let prefix)?:
            plan.addresses.lan = prefix
        case .hosts(let hosts)?:
            if let length = try? PoolSizing.lanLength(hosts: hosts) {
                plan.addresses.lan = assign(&plan, from: .lan, use: .lan, length: length, count: 1).first
            }
        case nil:
            break
        }
        if let hosts = site.publicLAN, let length = try? PoolSizing.lanLength(hosts: hosts) {
            plan.addresses.publicLAN = assign(&plan, from: .public, use: .publicLAN, length: length, count: 1).first
        }
        guard order.product == .apn, plan.role == .single else { return }
        planAPN(&plan, order: order)
    }

    /// The APN headquarters' terminal pool, its per-GGSN shares and the GRE tunnels.
    ///
    /// The pool is sized for every terminal (⌈terminals × growth⌉ + reserve) and split into one share
    /// per GGSN, each GGSN handing out its own share (domain-rules §5: 300 terminals → a /23, a /24
    /// per GGSN); the customer router routes each share into its GGSN's tunnel and, floating, into
    /// the others. A pool too small to split (a share longer than /30) stays whole on every GGSN.
    private mutating func planAPN(_ plan: inout SitePlan, order: Order) {
        let terminals = order.sites.compactMap(\.terminals).reduce(0, +)
        if let length = try? PoolSizing.apnPoolLength(
            terminals: max(1, terminals), growth: policy[.apnPoolGrowth], reserve: policy[.apnPoolReserve])
        {
            plan.addresses.apnPool = assign(&plan, from: .apn, use: .apn, length: length, count: 1).first
        }
        let ggsns = (nodesByKind[.ggsn] ?? []).sorted { network.nodes[$0].id < network.nodes[$1].id }
            .prefix(policy.integer(.apnGGSNCount))
        if plan.router.verdict == .needsAddressPair {
            plan.addresses.tunnels = assign(&plan, from: .tunnel, use: .tunnel, length: 30, count: ggsns.count)
        }
        let shares = plan.addresses.apnPool.map { Self.shares(of: $0, count: ggsns.count) } ?? []
        let loopback = network.pools.first { $0.purpose == .loopback }
        plan.tunnels = ggsns.enumerated().compactMap { position, node in
            guard let loopback, let address = loopback.prefix.network.advanced(by: position + 1) else { return nil }
            let inner = position < plan.addresses.tunnels.count ? plan.addresses.tunnels[position] : nil
            return TunnelPlan(
                ggsn: network.nodes[node].id, ggsnAddress: address,
                customerAddress: plan.addresses.interconnect.map(\.lastHost), inner: inner,
                pool: position < shares.count ? shares[position] : nil)
        }
    }

    /// A pool split into `count` equal shares, the first `count` of the next power of two; empty when
    /// there is only one GGSN or a share would be longer than /30.
    ///
    /// - Complexity: O(`count`).
    static func shares(of pool: IPv4Prefix, count: Int) -> [IPv4Prefix] {
        guard count > 1 else { return [] }
        var bits = 0
        while 1 << bits < count { bits += 1 }
        let length = pool.length + bits
        guard length <= 30 else { return [] }
        let size = UInt32(1) << UInt32(32 - length)
        return (0..<count).compactMap { position in
            try? IPv4Prefix(
                network: IPv4Address(pool.network.value &+ UInt32(position) &* size), length: length)
        }
    }

    /// The blocks for one use of the site's line.
    ///
    /// Those it holds already, else the next free ones of the network's first pool of the purpose
    /// (recorded so later sites of the order do not get them too). A pool that cannot give them makes the site a core build, the pool named.
    private mutating func assign(
        _ plan: inout SitePlan, from purpose: Pool.Purpose, use: AddressUse, length: Int, count: Int
    )
        -> [IPv4Prefix]
    {
        guard count > 0, let pool = network.pools.first(where: { $0.purpose == purpose }) else { return [] }
        plan.addressRequests.append(AddressRequest(pool: pool, purpose: use, length: length, count: count))
        if let held = context.heldAddresses[plan.lineID]?[use.rawValue], !held.isEmpty {
            return held.sorted()
        }
        do {
            // Taken out of the table while it allocates: a second reference would make the allocation
            // copy the whole allocator (a copy per site, quadratic in the order).
            var allocator: PrefixAllocator
            if let existing = allocators.removeValue(forKey: pool.id) {
                allocator = existing
            } else {
                allocator = try usage.allocator(for: pool)
            }
            defer { allocators[pool.id] = allocator }
            let blocks = try allocator.allocate(count: count, length: length)
            allocatedForSite.append((pool.id, blocks))
            return blocks
        } catch {
            plan.segments.append(
                SegmentCheck(
                    segment: .addresses, status: .short,
                    findings: [.poolExhausted(pool: pool.id, prefix: pool.prefix, count: count, length: length)]))
            plan.outcome = .coreBuild
            return []
        }
    }
}
