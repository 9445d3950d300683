public import NetGraph

/// A network laid out for fast path searches: adjacency in compressed arrays, each link's spare
/// capacity in numbers, and each node's rank in id order for tie-breaking.
///
/// Build it once per network; it is a value and can be shared across threads.
public struct RoutingGraph: Sendable {
    /// The network.
    public let network: Network
    /// `arcStart[node] ..< arcStart[node + 1]` are the node's arcs.
    let arcStart: [Int32]
    /// The node each arc leads to.
    let arcTarget: [Int32]
    /// The link each arc runs over.
    let arcLink: [Int32]
    /// Each node's position when nodes are sorted by id.
    let idRank: [Int32]
    /// Whether paths may pass through each node.
    let carriesTransit: [Bool]
    /// Each link's level in the hierarchy: last mile 0, access 1, aggregation 2, core 3.
    let linkLevel: [UInt8]
    /// Whether the links span more than one level, so that layering can change a path.
    let isLayered: Bool
    /// The ring of each access ring's closing link, -1 for every other link.
    ///
    /// A closing link is an access link between two aggregation nodes (nodes with an aggregation or
    /// core link). A layered path takes such a link only
    /// straight after another link of the same ring.
    let closingRing: [Int32]
    /// Each link's ring number, -1 for none.
    let linkRing: [Int32]
    /// Each link's length in metres.
    let linkMetres: [Int]
    /// Each link's admin weight.
    let linkWeight: [Int]
    /// Each link's spare capacity, in the unit its technology counts.
    private(set) var spare: [LinkSpare]
    /// The links as they stand after reservations made through ``reserve(_:on:)``.
    public private(set) var links: [Link]
    /// Node coordinates in metres, for the A* lower bound.
    let coordinates: [(x: Double, y: Double)]
    /// Scale of straight-line distance that never exceeds any link's length (≤ 1), so the A*
    /// bound stays admissible even where a file gives a link shorter than the crow flies.
    let boundScale: Double
    /// Distances in metres from a few landmarks to every node (large networks only): the ALT
    /// lower bound |d(L, t) − d(L, v)| is far tighter than the straight line between cities.
    let landmarkDistances: [[Int32]]

    /// Lays out a network for searching.
    ///
    /// Networks of 10,000 nodes or more also get distances from eight landmarks at their edges,
    /// which makes long searches explore far less; pass `landmarks: false` when every search will
    /// be short (a city's buildings to their own service nodes), where the straight line suffices.
    ///
    /// - Complexity: O(*n* log *n* + *l*), and eight Dijkstra runs for a large network.
    public init(network: Network, landmarks: Bool = true) {
        self.network = network
        let nodeCount = network.nodes.count
        var start = [Int32](repeating: 0, count: nodeCount + 1)
        for link in network.links {
            start[link.aEnd + 1] += 1
            start[link.bEnd + 1] += 1
        }
        for index in 0..<nodeCount { start[index + 1] += start[index] }
        var fill = start
        var targets = [Int32](repeating: 0, count: network.links.count * 2)
        var arcLinks = [Int32](repeating: 0, count: network.links.count * 2)
        for (index, link) in network.links.enumerated() {
            let aSlot = Int(fill[link.aEnd])
            targets[aSlot] = Int32(link.bEnd)
            arcLinks[aSlot] = Int32(index)
            fill[link.aEnd] += 1
            let bSlot = Int(fill[link.bEnd])
            targets[bSlot] = Int32(link.aEnd)
            arcLinks[bSlot] = Int32(index)
            fill[link.bEnd] += 1
        }
        arcStart = start
        arcTarget = targets
        arcLink = arcLinks
        let order = network.nodes.indices.sorted { network.nodes[$0].id < network.nodes[$1].id }
        var rank = [Int32](repeating: 0, count: nodeCount)
        for (position, node) in order.enumerated() { rank[node] = Int32(position) }
        idRank = rank
        carriesTransit = network.nodes.map(\.kind.carriesTransit)
        let levels = network.links.map { UInt8(Segment.allCases.firstIndex(of: $0.segment) ?? 0) }
        linkLevel = levels
        isLayered = levels.contains { $0 != levels.first }
        var ringNumbers: [String: Int32] = [:]
        let rings = network.links.map { link -> Int32 in
            guard let ring = link.ring else { return -1 }
            if let known = ringNumbers[ring] { return known }
            let number = Int32(ringNumbers.count)
            ringNumbers[ring] = number
            return number
        }
        linkRing = rings
        var isAggregation = [Bool](repeating: false, count: nodeCount)
        for link in network.links where link.segment >= .aggregation {
            isAggregation[link.aEnd] = true
            isAggregation[link.bEnd] = true
        }
        closingRing = network.links.indices.map { index in
            let link = network.links[index]
            return link.segment == .access && isAggregation[link.aEnd] && isAggregation[link.bEnd] ? rings[index] : -1
        }
        let metres = network.links.map(\.metres)
        linkMetres = metres
        linkWeight = network.links.map(\.adminWeight)
        coordinates = network.nodes.map { ($0.location.x * 1000, $0.location.y * 1000) }
        links = network.links
        spare = network.links.map { $0.spare(policy: network.policy) }
        var scale = 1.0
        for link in network.links {
            let straight = network.nodes[link.aEnd].location.distance(to: network.nodes[link.bEnd].location) * 1000
            if straight > 0 { scale = min(scale, Double(link.metres) / straight) }
        }
        boundScale = max(0, scale * 0.999_999)
        if landmarks, nodeCount >= Self.landmarkThreshold {
            landmarkDistances = Self.pickLandmarks(coordinates: coordinates, arcStart: start).map {
                Self.distances(from: $0, arcStart: start, arcTarget: targets, arcLink: arcLinks, linkMetres: metres)
            }
        } else {
            landmarkDistances = []
        }
    }

    /// Takes a demand's capacity off a link, so later searches see what is left.
    ///
    /// - Complexity: O(1) (amortised; the first reservation copies the link arrays if shared).
    public mutating func reserve(_ bandwidth: Bandwidth, on link: Int) {
        guard links.indices.contains(link) else { return }
        links[link] = links[link].carrying(bandwidth, policy: network.policy)
        spare[link] = links[link].spare(policy: network.policy)
    }

    /// Why a link, as it stands now, cannot carry a demand, or `nil`.
    public func refusal(of bandwidth: Bandwidth, on link: Int) -> LinkRefusal? {
        links[link].refusal(of: bandwidth, policy: network.policy)
    }

    /// Whether a link, as it stands now, can carry `bandwidth` more: ``NetGraph/LinkSpare/admits(_:)``
    /// on the link's spare, kept up to date by ``reserve(_:on:)`` (the check ``NetGraph/Link/refusal(of:policy:)``
    /// makes too).
    ///
    /// - Complexity: O(1).
    public func admits(_ bandwidth: Bandwidth, on link: Int) -> Bool {
        admits(LinkDemand(bandwidth, policy: network.policy), link: link)
    }

    /// Whether a link can carry the demand: the one admission check on the link's precompiled spare.
    func admits(_ demand: LinkDemand, link: Int) -> Bool {
        spare[link].admits(demand)
    }

    /// The cost of a link in a measure.
    func cost(of link: Int, _ measure: PathCost) -> Int {
        switch measure {
        case .km: linkMetres[link]
        case .hops: 1
        case .admin: linkWeight[link]
        }
    }

    /// The index of a node by id.
    public func node(_ id: String) -> Int? { network.nodeIndex(of: id) }
}
