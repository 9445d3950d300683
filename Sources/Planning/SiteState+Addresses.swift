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
        let loopback = servingPools(.loopback, site: plan).first
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

    /// The site's region: the region (``Room/region``) of its access node's room, else of the first room
    /// with one along its working path from the site; `nil` when none has one.
    ///
    /// - Complexity: O(*k*) for the *k* nodes of the path.
    func region(of plan: SitePlan) -> String? {
        let nodes = [plan.accessNode].compactMap { $0 } + (plan.working?.nodes ?? [])
        for id in nodes {
            if let index = network.nodeIndex(of: id), let room = network.nodes[index].room,
                let region = regionsByRoom[room]
            {
                return region
            }
        }
        return nil
    }

    /// The pools of a purpose that serve a site in `region`, nearest first.
    ///
    /// That is the region's own pools, then those of the regions above it, then the pools without a
    /// region; in file order among equals. A site without a region is served by the pools without one,
    /// or, when the network has none of the purpose, by every pool of the purpose in file order (a network
    /// without regions behaves as before them).
    ///
    /// - Complexity: O(*p* log *p*) for *p* pools.
    func pools(for purpose: Pool.Purpose, region: String?) -> [Pool] {
        let ofPurpose = network.pools.filter { $0.purpose == purpose }
        let serving = ofPurpose.enumerated().compactMap { position, pool in
            pool.nearness(to: region).map { (pool: pool, nearness: $0, position: position) }
        }
        if serving.isEmpty && region == nil { return ofPurpose }
        return serving.sorted { ($0.nearness, $1.position) > ($1.nearness, $0.position) }.map(\.pool)
    }

    /// The pools of a purpose that serve a site, nearest first: ``pools(for:region:)`` for its region,
    /// found once per (purpose, region) of the order.
    private mutating func servingPools(_ purpose: Pool.Purpose, site plan: SitePlan) -> [Pool] {
        let place = PoolPlace(purpose: purpose, region: region(of: plan))
        if let known = poolsByPlace[place] { return known }
        let found = pools(for: purpose, region: place.region)
        poolsByPlace[place] = found
        return found
    }

    /// The blocks for one use of the site's line.
    ///
    /// Those it holds already, else the next free ones of the nearest pool of the purpose that has room
    /// (``pools(for:region:)``; recorded so later sites of the order do not get them too). When no pool
    /// can give them the site is a core build, the nearest pool named.
    private mutating func assign(
        _ plan: inout SitePlan, from purpose: Pool.Purpose, use: AddressUse, length: Int, count: Int
    )
        -> [IPv4Prefix]
    {
        let candidates = servingPools(purpose, site: plan)
        guard count > 0, let nearest = candidates.first else { return [] }
        if let held = context.heldAddresses[plan.lineID]?[use.rawValue], !held.isEmpty {
            // A re-plan keeps the blocks the line holds: the request names the pool they came from.
            let pool = candidates.first { pool in held.allSatisfy { pool.prefix.contains($0) } } ?? nearest
            plan.addressRequests.append(AddressRequest(pool: pool, purpose: use, length: length, count: count))
            return held.sorted()
        }
        for pool in candidates {
            if let blocks = allocate(from: pool, length: length, count: count) {
                plan.addressRequests.append(AddressRequest(pool: pool, purpose: use, length: length, count: count))
                return blocks
            }
        }
        plan.segments.append(
            SegmentCheck(
                segment: .addresses, status: .short,
                findings: [.poolExhausted(pool: nearest.id, prefix: nearest.prefix, count: count, length: length)]))
        plan.outcome = .coreBuild
        return []
    }

    /// `count` blocks of `/length` from a pool, all or none, or `nil` when it has no room.
    private mutating func allocate(from pool: Pool, length: Int, count: Int) -> [IPv4Prefix]? {
        // Taken out of the table while it allocates: a second reference would make the allocation
        // copy the whole allocator (a copy per site, quadratic in the order).
        var allocator: PrefixAllocator
        if let existing = allocators.removeValue(forKey: pool.id) {
            allocator = existing
        } else {
            do {
                allocator = try usage.allocator(for: pool)
            } catch {
                return nil
            }
        }
        defer { allocators[pool.id] = allocator }
        guard let blocks = try? allocator.allocate(count: count, length: length) else { return nil }
        allocatedForSite.append((pool.id, blocks))
        return blocks
    }
}
