public import NetGraph

/// Finds constrained shortest paths, diverse pairs and k-shortest paths over a ``RoutingGraph``.
///
/// A finder keeps its search arrays between queries, so a query costs only what it explores.
/// It is a value: give each thread its own.
///
///     var finder = PathFinder(graph: RoutingGraph(network: network))
///     let request = PathRequest(source: building, destination: gateway, bandwidth: .megabits(100))
///     let answer = finder.shortestPath(request)
///
/// Searches are deterministic: ties in cost are broken by fewer hops, then by the predecessor
/// whose id sorts first.
public struct PathFinder: Sendable {
    /// The graph searched, with the reservations made through ``reserve(_:on:)``.
    public private(set) var graph: RoutingGraph

    // Search state, valid where `reached[node] == generation`.
    var generation: UInt32 = 0
    var reached: [UInt32]
    var settled: [UInt32]
    var distance: [Int]
    var hopCount: [Int32]
    var predecessorLink: [Int32]
    /// The nodes settled by the last search, in order: a failed search's reach, without an O(n) scan.
    var settledNodes: [Int32] = []
    var heap = BinaryHeap<QueueEntry>()

    // Exclusions, active where the stamp equals `exclusionGeneration`.
    var exclusionGeneration: UInt32 = 1
    var excludedNode: [UInt32]
    var excludedLink: [UInt32]

    // State of the second (residual) search of a diverse pair, over split node states.
    var pairState = PairSearchState()
    // State of the layered search, over (node, climb) states.
    var layered = LayeredSearchState()
    /// Searches give up on paths costing more than this (their heap keys are lower bounds), so a
    /// fallback that may search in vain explores a bounded neighbourhood, not the whole province.
    var costLimit = Int.max
    /// The links of each shared-risk group, indexed on first use (``links(sharingRiskWith:)``).
    var linksByRiskGroup: [String: [Int]]?
    /// What the finder found blocked, for meeting it again.
    var blocked: BlockedMemory
    /// The searches run so far, with capacity or without: what the memory saves shows here in tests.
    private(set) var searchCount = 0

    /// Creates a finder for a graph.
    ///
    /// - Complexity: O(*n* + *l*).
    public init(graph: RoutingGraph) {
        self.graph = graph
        let nodeCount = graph.network.nodes.count
        reached = Array(repeating: 0, count: nodeCount)
        settled = Array(repeating: 0, count: nodeCount)
        distance = Array(repeating: 0, count: nodeCount)
        hopCount = Array(repeating: 0, count: nodeCount)
        predecessorLink = Array(repeating: -1, count: nodeCount)
        excludedNode = Array(repeating: 0, count: nodeCount)
        excludedLink = Array(repeating: 0, count: graph.network.links.count)
        blocked = BlockedMemory(nodeCount: nodeCount, linkCount: graph.network.links.count)
    }

    /// A queue entry, 16 bytes: ordered by key (cost plus lower bound, then hops), then by id rank.
    struct QueueEntry: Comparable, Sendable {
        /// `(cost + bound) << 20 | hops`.
        var key: UInt64
        /// `rank << 32 | node`.
        var tiebreak: UInt64

        init(key: Int, hops: Int32, rank: Int32, node: Int) {
            self.key = UInt64(max(0, key)) << 20 | UInt64(min(max(0, Int(hops)), 0xF_FFFF))
            self.tiebreak = UInt64(UInt32(bitPattern: rank)) << 32 | UInt64(UInt32(truncatingIfNeeded: node))
        }

        /// The node (or search state) the entry is for.
        var node: Int { Int(tiebreak & 0xFFFF_FFFF) }

        /// The cost plus lower bound the entry was queued with.
        var cost: Int { Int(key >> 20) }

        static func < (lhs: QueueEntry, rhs: QueueEntry) -> Bool {
            lhs.key != rhs.key ? lhs.key < rhs.key : lhs.tiebreak < rhs.tiebreak
        }
    }

    // MARK: - Shortest path

    /// The constrained shortest path of a request, or why there is none.
    ///
    /// Links that lack the bandwidth (or VC-12, VC-4, tributary slots or a fibre pair) and
    /// excluded links and nodes are pruned; the rest is searched with Dijkstra's algorithm, guided
    /// by a lower bound when the cost is in km (A*, which finds the same optimum): the straight
    /// line, and on large networks the landmark bound.
    /// Only transport nodes carry transit: service nodes and buildings are ends, never the middle.
    ///
    /// A demand met blocked before costs less the next time (``BlockedMemory``): far ends whose links
    /// all refuse are found without a search, what a failed search reached is read again without one
    /// while no link in it that now refuses the demand has been taken since, and the route that names the cause is not searched
    /// again. The answer is the same as a new finder's with the same reservations.
    ///
    /// - Parameter request: The demand.
    /// - Returns: The path, or a ``Blockage`` that names the segment and the links that refused.
    /// - Complexity: O((*n* + *l*) log *n*) at worst; far less when the destination is near, and
    ///   O(*r* + *a*) for the *r* nodes and *a* arcs of a reach remembered.
    public mutating func shortestPath(_ request: PathRequest) -> PathAnswer {
        applyExclusions(request.excludedNodes, request.excludedLinks)
        return answer(request)
    }

    /// The path of a request under the exclusions applied, or why there is none: the far ends' check,
    /// the reach of the same demand's last failed search when it still holds, else a search and the
    /// diagnosis of what it reached.
    mutating func answer(_ request: PathRequest) -> PathAnswer {
        if let blockage = blockageAtTheEnds(request) {
            return PathAnswer(working: nil, workingBlockage: blockage)
        }
        if let reach = blocked[request]?.reach, reach.bandwidth == request.bandwidth, reachesAgain(reach, request) {
            return PathAnswer(working: nil, workingBlockage: diagnose(request))
        }
        if let path = search(request, checkCapacity: true) {
            return PathAnswer(working: path)
        }
        // The diagnosis may search again (for the route that ignores capacity): keep the reach first.
        let reach = settledNodes
        let blockage = diagnose(request)
        if costLimit == Int.max { blocked.remember(reach: reach, of: request) }
        return PathAnswer(working: nil, workingBlockage: blockage)
    }

    /// Marks a remembered reach as settled, as the search that found it left it, and says whether a new
    /// search would settle the same nodes: no link inside it that refuses the demand now has been reserved
    /// since (capacity only shrinks, so a link that admitted then and refuses now was reserved since).
    ///
    /// - Complexity: O(*r* + *a*) for the reach's nodes and their arcs.
    private mutating func reachesAgain(_ reach: BlockedMemory.Reach, _ request: PathRequest) -> Bool {
        nextGeneration()
        for node in reach.nodes { settled[Int(node)] = generation }
        let demand = LinkDemand(request.bandwidth, policy: graph.network.policy)
        for settledNode in reach.nodes {
            let node = Int(settledNode)
            if node != request.source, !graph.carriesTransit[node] { continue }
            for arc in Int(graph.arcStart[node])..<Int(graph.arcStart[node + 1]) {
                let link = Int(graph.arcLink[arc])
                if settled[Int(graph.arcTarget[arc])] == generation, blocked.reservedAt[link] > reach.reservation,
                    !graph.admits(demand, link: link)
                {
                    return false
                }
            }
        }
        settledNodes = reach.nodes
        return true
    }

    /// Marks the nodes and links a search must avoid, forgetting earlier exclusions.
    mutating func applyExclusions(_ nodes: Set<Int>, _ links: Set<Int>) {
        exclusionGeneration &+= 1
        if exclusionGeneration == 0 {
            for index in excludedNode.indices { excludedNode[index] = 0 }
            for index in excludedLink.indices { excludedLink[index] = 0 }
            exclusionGeneration = 1
        }
        for node in nodes where excludedNode.indices.contains(node) { excludedNode[node] = exclusionGeneration }
        for link in links where excludedLink.indices.contains(link) { excludedLink[link] = exclusionGeneration }
    }

    /// Adds links to the current exclusions.
    mutating func addExcludedLinks(_ links: some Sequence<Int>) {
        for link in links where excludedLink.indices.contains(link) { excludedLink[link] = exclusionGeneration }
    }

    /// Adds nodes to the current exclusions.
    mutating func addExcludedNodes(_ nodes: some Sequence<Int>) {
        for node in nodes where excludedNode.indices.contains(node) { excludedNode[node] = exclusionGeneration }
    }

    mutating func nextGeneration() {
        generation &+= 1
        if generation == 0 {
            for index in reached.indices {
                reached[index] = 0
                settled[index] = 0
            }
            generation = 1
        }
    }

    /// Runs one search under the current exclusions; `nil` when the destination is unreachable.
    ///
    /// A ``PathRequest/layered`` request on a network of several segments is searched over
    /// (node, climb) states (``layeredSearch(_:destinations:checkCapacity:useBound:from:)``), starting
    /// at `climb`; otherwise with `useBound` false the search is plain Dijkstra over nodes, so every
    /// settled node's distance is exact and every unsettled node is at least as far as the destination
    /// (the diverse pair relies on this, and searches unlayered).
    mutating func search(
        _ request: PathRequest, checkCapacity: Bool, useBound: Bool = true, climb: Climb = .start
    ) -> Path? {
        let source = request.source
        let destination = request.destination
        let nodeCount = graph.network.nodes.count
        guard (0..<nodeCount).contains(source), (0..<nodeCount).contains(destination) else { return nil }
        let destinations = [destination] + request.alternativeDestinations.filter { (0..<nodeCount).contains($0) }
        searchCount += 1
        nextGeneration()
        if request.layered, graph.isLayered {
            return layeredSearch(
                request, destinations: destinations, checkCapacity: checkCapacity, useBound: useBound, from: climb)
        }
        let demand = LinkDemand(request.bandwidth, policy: graph.network.policy)
        let measure = request.cost
        let bounded = useBound && measure == .km
        let landmarked = bounded && !graph.landmarkDistances.isEmpty
        let targets = destinations.map { graph.coordinates[$0] }
        heap.removeAll()
        settledNodes.removeAll(keepingCapacity: true)
        reached[source] = generation
        distance[source] = 0
        hopCount[source] = 0
        predecessorLink[source] = -1
        heap.insert(QueueEntry(key: 0, hops: 0, rank: graph.idRank[source], node: source))
        while let entry = heap.popMin() {
            if costLimit != Int.max, entry.cost > costLimit { return nil }
            // An entry left behind by a better one finds its node settled already.
            let node = entry.node
            if settled[node] == generation { continue }
            settled[node] = generation
            settledNodes.append(Int32(node))
            if node == destination || (destinations.count > 1 && destinations.contains(node)) {
                return makePath(to: node, measure: measure)
            }
            if node != source, !graph.carriesTransit[node] { continue }
            let baseCost = distance[node]
            let nextHops = hopCount[node] + 1
            let rank = graph.idRank[node]
            for arc in Int(graph.arcStart[node])..<Int(graph.arcStart[node + 1]) {
                let next = Int(graph.arcTarget[arc])
                let link = Int(graph.arcLink[arc])
                if settled[next] == generation || excludedLink[link] == exclusionGeneration
                    || excludedNode[next] == exclusionGeneration
                {
                    continue
                }
                if checkCapacity, !graph.admits(demand, link: link) { continue }
                let cost = baseCost + graph.cost(of: link, measure)
                if reached[next] == generation {
                    let known = distance[next]
                    if cost > known { continue }
                    if cost == known {
                        if nextHops > hopCount[next] { continue }
                        if nextHops == hopCount[next] {
                            let previous = graph.network.links[Int(predecessorLink[next])].otherEnd(from: next)
                            if rank >= graph.idRank[previous] { continue }
                        }
                    }
                }
                reached[next] = generation
                distance[next] = cost
                hopCount[next] = nextHops
                predecessorLink[next] = Int32(link)
                let key =
                    bounded
                    ? cost + lowerBound(from: next, to: destinations, targets: targets, landmarked: landmarked) : cost
                heap.insert(QueueEntry(key: key, hops: nextHops, rank: graph.idRank[next], node: next))
            }
        }
        return nil
    }

    /// The least lower bound on the length from a node to any of the destinations.
    ///
    /// That is the straight line (scaled so it never exceeds a link's length) and, with landmarks, the ALT bound. Admissible and
    /// consistent for "any of them".
    ///
    /// - Complexity: O(*d*) for *d* destinations.
    @inline(__always)
    func lowerBound(from node: Int, to destinations: [Int], targets: [(x: Double, y: Double)], landmarked: Bool)
        -> Int
    {
        var bound = Int.max
        for (position, target) in targets.enumerated() {
            let east = graph.coordinates[node].x - target.x
            let north = graph.coordinates[node].y - target.y
            var estimate = Int(((east * east + north * north).squareRoot() * graph.boundScale).rounded(.down))
            if landmarked {
                estimate = max(estimate, graph.landmarkBound(from: node, to: destinations[position]))
            }
            bound = min(bound, estimate)
        }
        return bound
    }

    /// Rebuilds the path to a settled node from the predecessor links.
    func makePath(to destination: Int, measure: PathCost) -> Path {
        var nodes = [destination]
        var links: [Int] = []
        var metres = 0
        var current = destination
        while predecessorLink[current] >= 0, links.count < graph.network.nodes.count {
            let link = Int(predecessorLink[current])
            links.append(link)
            metres += graph.linkMetres[link]
            current = graph.network.links[link].otherEnd(from: current)
            nodes.append(current)
        }
        return Path(nodes: nodes.reversed(), links: links.reversed(), metres: metres, cost: distance[destination])
    }

    /// Takes a demand's capacity off links, so later searches (the next site of an order) see
    /// what is left.
    public mutating func reserve(_ bandwidth: Bandwidth, on links: [Int]) {
        for link in links { graph.reserve(bandwidth, on: link) }
        blocked.noteReservation(of: bandwidth, on: links)
    }

    // MARK: - Why a demand is blocked

    /// Explains a failed search: the refused links at the edge of what the demand reaches, and the
    /// segment where the route that ignores capacity first meets a refusal.
    mutating func diagnose(_ request: PathRequest) -> Blockage {
        let network = graph.network
        let nodeCount = network.nodes.count
        guard (0..<nodeCount).contains(request.source), (0..<nodeCount).contains(request.destination) else {
            return Blockage(cause: .unknownNode)
        }
        let demand = LinkDemand(request.bandwidth, policy: graph.network.policy)
        // The failed search settled everything the demand can reach; refused links leave that set.
        var refusals: [Blockage.Refusal] = []
        var refusedLinks: Set<Int> = []
        for settledNode in settledNodes {
            let node = Int(settledNode)
            if node != request.source, !graph.carriesTransit[node] { continue }
            for arc in Int(graph.arcStart[node])..<Int(graph.arcStart[node + 1]) {
                let next = Int(graph.arcTarget[arc])
                let link = Int(graph.arcLink[arc])
                if settled[next] == generation || excludedLink[link] == exclusionGeneration
                    || excludedNode[next] == exclusionGeneration || graph.admits(demand, link: link)
                    || refusedLinks.contains(link)
                {
                    continue
                }
                refusedLinks.insert(link)
                guard let refusal = graph.refusal(of: request.bandwidth, on: link) else { continue }
                refusals.append(Blockage.Refusal(link: link, segment: network.links[link].segment, refusal: refusal))
            }
        }
        return blockage(request, refusals: refusals)
    }

    /// A blockage found without searching, or `nil` when some link into a destination admits the demand.
    ///
    /// Every link into every destination refuses the demand (or is excluded), so no path can end there.
    ///
    /// A city whose CMNET uplinks are full blocks every later site of the order; this answers each in
    /// the time of the far ends' links instead of a search that settles the whole reachable network.
    /// The refusals named are those far-end links.
    ///
    /// - Complexity: O(*d*) for the links of the destinations, plus one capacity-free search when blocked.
    mutating func blockageAtTheEnds(_ request: PathRequest) -> Blockage? {
        let network = graph.network
        let nodeCount = network.nodes.count
        guard (0..<nodeCount).contains(request.source), (0..<nodeCount).contains(request.destination) else {
            return nil
        }
        let destinations =
            [request.destination] + request.alternativeDestinations.filter { (0..<nodeCount).contains($0) }
        guard !destinations.contains(request.source) else { return nil }
        let demand = LinkDemand(request.bandwidth, policy: network.policy)
        var refusals: [Blockage.Refusal] = []
        var refusedLinks: Set<Int> = []
        for end in destinations where excludedNode[end] != exclusionGeneration {
            for arc in Int(graph.arcStart[end])..<Int(graph.arcStart[end + 1]) {
                let link = Int(graph.arcLink[arc])
                if excludedLink[link] == exclusionGeneration
                    || excludedNode[Int(graph.arcTarget[arc])] == exclusionGeneration
                {
                    continue
                }
                if graph.admits(demand, link: link) { return nil }
                guard refusedLinks.insert(link).inserted, let refusal = graph.refusal(of: request.bandwidth, on: link)
                else { continue }
                refusals.append(Blockage.Refusal(link: link, segment: network.links[link].segment, refusal: refusal))
            }
        }
        return blockage(request, refusals: refusals)
    }

    /// The blockage of a failed demand, given the refused links at the edge of what it reaches: the
    /// segment where the route that ignores capacity first meets a refusal.
    private mutating func blockage(_ request: PathRequest, refusals: [Blockage.Refusal]) -> Blockage {
        let network = graph.network
        let demand = LinkDemand(request.bandwidth, policy: network.policy)
        let refusals = refusals.sorted {
            ($0.segment, network.links[$0.link].id) < ($1.segment, network.links[$1.link].id)
        }
        let source = network.nodes[request.source].id
        let destination = network.nodes[request.destination].id
        // The route that ignores capacity depends on the request less its bandwidth: searched once per finder.
        let route: Path?
        if let known = blocked[request] {
            route = known.route
        } else {
            route = search(request, checkCapacity: false)
            if costLimit == Int.max { blocked.remember(route: route, of: request) }
        }
        guard let route else {
            if network.incidentLinks[request.source].isEmpty { return Blockage(cause: .noLinks(node: source)) }
            if network.incidentLinks[request.destination].isEmpty {
                return Blockage(cause: .noLinks(node: destination))
            }
            return Blockage(cause: .noRoute(source: source, destination: destination))
        }
        guard let first = route.links.first(where: { !graph.admits(demand, link: $0) }),
            let refusal = graph.refusal(of: request.bandwidth, on: first)
        else {
            return Blockage(cause: .noRouteFound, refusals: refusals)
        }
        let link = graph.links[first]
        let (aEnd, bEnd) = network.endIDs(of: link)
        let cause = Blockage.Cause.capacity(
            bandwidth: request.bandwidth, segment: link.segment, link: link.id, aEnd: aEnd, bEnd: bEnd, refusal: refusal
        )
        return Blockage(cause: cause, segment: link.segment, refusals: refusals, link: first)
    }
}
