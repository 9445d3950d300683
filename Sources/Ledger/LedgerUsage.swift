public import NetAddress
public import NetGraph

/// What live reservations hold, gathered for planning: bandwidth per link, unit numbers per
/// resource, address blocks per pool.
public struct LedgerUsage: Sendable {
    /// Which units of which resource: a port type on a node, or timeslots on a link.
    public struct UnitKey: Sendable, Hashable {
        /// The kind of unit.
        public var kind: Reservation.Kind
        /// The node or link id.
        public var resource: String
        /// The port type for ports; empty otherwise.
        public var detail: String

        /// Creates a key.
        public init(kind: Reservation.Kind, resource: String, detail: String = "") {
            self.kind = kind
            self.resource = resource
            self.detail = detail
        }
    }

    /// Reserved kbit/s per link id.
    public private(set) var bandwidth: [String: Int] = [:]
    /// Unit numbers taken per resource.
    public private(set) var units: [UnitKey: Set<Int>] = [:]
    /// Live address blocks per pool id.
    public private(set) var blocks: [String: [IPv4Prefix]] = [:]

    /// An empty usage.
    public init() {}

    /// Counts one more reservation.
    public mutating func add(_ reservation: Reservation) {
        switch reservation.kind {
        case .address:
            if let prefix = reservation.prefix { blocks[reservation.resource, default: []].append(prefix) }
        case .bandwidth:
            // Each amount is within ReservationBounds.quantity (checked when read): the sum is kept there too,
            // more than any link carries, so it can never overflow.
            let sum = bandwidth[reservation.resource, default: 0] + min(reservation.amount, ReservationBounds.quantity)
            bandwidth[reservation.resource] = min(sum, ReservationBounds.quantity)
        case .port, .vc12, .vc4, .otnSlot, .ponBranch:
            let key = UnitKey(kind: reservation.kind, resource: reservation.resource, detail: reservation.detail)
            units[key, default: []].insert(reservation.unit)
        }
    }

    /// The lowest `count` free unit numbers above `baseline` (the ones the network file already
    /// counts as used) and within `capacity`, or `nil` when there are not enough.
    ///
    /// - Complexity: O(*c*) for capacity *c*.
    public func freeUnits(_ key: UnitKey, count: Int, baseline: Int, capacity: Int) -> [Int]? {
        let taken = units[key] ?? []
        var chosen: [Int] = []
        var unit = baseline + 1
        while chosen.count < count, unit <= capacity {
            if !taken.contains(unit) { chosen.append(unit) }
            unit += 1
        }
        return chosen.count == count ? chosen : nil
    }

    /// The network with this usage added: committed bandwidth, ports, VC-12/VC-4, tributary slots
    /// and splitter branches held in the ledger count as used, so planning never offers them again.
    ///
    /// - Complexity: O(*n* + *l*).
    public func applied(to network: Network) -> Network {
        if bandwidth.isEmpty, units.isEmpty { return network }
        let nodes = network.nodes.map { node -> Node in
            var node = node
            node.ports = node.ports.map { group in
                var group = group
                let key = UnitKey(kind: .port, resource: node.id, detail: group.type.rawValue)
                group.used = min(group.total, group.used + (units[key]?.count ?? 0))
                return group
            }
            if var splitter = node.splitter {
                let taken = units[UnitKey(kind: .ponBranch, resource: node.id)]?.count ?? 0
                splitter.used = min(splitter.ratio, splitter.used + taken)
                node.splitter = splitter
            }
            return node
        }
        let links = network.links.map { link -> Link in
            link.holding { unit in
                let kind = Reservation.Kind(unit)
                if kind == .bandwidth { return bandwidth[link.id] ?? 0 }
                return units[UnitKey(kind: kind, resource: link.id)]?.count ?? 0
            }
        }
        return Network(
            name: network.name, nodes: nodes, links: links, rooms: network.rooms, pools: network.pools,
            policy: network.policy)
    }

    /// An allocator for a pool with this usage's blocks in it already taken.
    ///
    /// - Throws: `NetAddressError` when a recorded block does not fit the pool (the network file's
    ///   pool changed under the ledger).
    public func allocator(for pool: Pool) throws(NetAddressError) -> PrefixAllocator {
        var allocator = PrefixAllocator(pool: pool.prefix)
        for block in blocks[pool.id] ?? [] {
            try allocator.reserve(block)
        }
        return allocator
    }
}
