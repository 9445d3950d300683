import NetGraph

/// Where a path stands in its climb through the hierarchy: whether it has started down, and the
/// level of its last link (last mile 0, access 1, aggregation 2, core 3).
///
/// A path climbs once: its links' levels never fall and then rise again. So it never leaves the core
/// through an aggregation ring to come back into it, and never crosses an access ring's link between
/// two aggregation nodes on its way from one to the other; it may still run along an access ring to
/// the ring's other aggregation node, which is climbing.
struct Climb: Hashable, Sendable {
    /// Whether the path has started down.
    var descending: Bool
    /// The level of the path's last link.
    var level: UInt8

    /// A path that has not left its source: it may take a link of any level.
    static let start = Climb(descending: false, level: 0)

    /// The climb after a link of a level, or `nil` when the link would climb a second time.
    func next(_ linkLevel: UInt8) -> Climb? {
        if descending {
            return linkLevel <= level ? Climb(descending: true, level: linkLevel) : nil
        }
        return Climb(descending: linkLevel < level, level: linkLevel)
    }

    /// The state's slot among a node's eight: 0–3 climbing, 4–7 descending.
    var slot: Int { (descending ? 4 : 0) + Int(level & 3) }

    /// Whether links of these levels, in order, climb once.
    ///
    /// - Complexity: O(*n*) in the links.
    static func climbsOnce(_ levels: some Sequence<UInt8>) -> Bool {
        var climb = Climb.start
        for level in levels {
            guard let next = climb.next(level) else { return false }
            climb = next
        }
        return true
    }
}

/// Arrays of the layered search: eight states per node, one per ``Climb``.
struct LayeredSearchState: Sendable {
    var generation: UInt32 = 0
    var reached: [UInt32] = []
    var settled: [UInt32] = []
    var distance: [Int] = []
    var hopCount: [Int32] = []
    var predecessorState: [Int32] = []
    var predecessorLink: [Int32] = []

    mutating func prepare(nodeCount: Int) {
        if reached.count != nodeCount * 8 {
            reached = Array(repeating: 0, count: nodeCount * 8)
            settled = reached
            distance = Array(repeating: 0, count: nodeCount * 8)
            hopCount = Array(repeating: 0, count: nodeCount * 8)
            predecessorState = Array(repeating: -1, count: nodeCount * 8)
            predecessorLink = predecessorState
        }
        generation &+= 1
        if generation == 0 {
            for index in reached.indices {
                reached[index] = 0
                settled[index] = 0
            }
            generation = 1
        }
    }
}

extension PathFinder {
    /// Whether a path follows the layering rules of ``PathRequest/layered``: it climbs the hierarchy
    /// once, and takes an access ring's link between two aggregation nodes only from its own ring.
    ///
    /// - Complexity: O(*n*) in the path's links.
    func climbsOnce(_ path: Path) -> Bool {
        for (position, link) in path.links.enumerated().dropFirst() {
            let closing = graph.closingRing[link]
            if closing >= 0, graph.linkRing[path.links[position - 1]] != closing { return false }
        }
        return Climb.climbsOnce(path.links.map { graph.linkLevel[$0] })
    }

    /// Where a path that took these links stands in its climb (a path that climbs twice is taken as
    /// descending from its last link).
    func climb(after links: some Sequence<Int>) -> Climb {
        var climb = Climb.start
        for link in links {
            climb = climb.next(graph.linkLevel[link]) ?? Climb(descending: true, level: graph.linkLevel[link])
        }
        return climb
    }

    /// The search of ``search(_:checkCapacity:useBound:climb:)`` over (node, climb) states, so that
    /// only paths that climb the hierarchy once are found; the least cost among them, with the same
    /// tie-breaks (fewer hops, then the predecessor whose id sorts first).
    ///
    /// Each node it settles in any state is also marked settled in the node arrays and listed in
    /// `settledNodes`, so a failed search can be diagnosed as before.
    ///
    /// - Complexity: O((*s* + *a*) log *s*) for the *s* ≤ 8*n* states and their arcs it reaches.
    mutating func layeredSearch(
        _ request: PathRequest, destinations: [Int], checkCapacity: Bool, useBound: Bool, from start: Climb
    ) -> Path? {
        let source = request.source
        layered.prepare(nodeCount: graph.network.nodes.count)
        let mark = layered.generation
        let demand = LinkDemand(request.bandwidth, policy: graph.network.policy)
        let measure = request.cost
        let bounded = useBound && measure == .km
        let landmarked = bounded && !graph.landmarkDistances.isEmpty
        let targets = destinations.map { graph.coordinates[$0] }
        heap.removeAll()
        settledNodes.removeAll(keepingCapacity: true)
        let first = source * 8 + start.slot
        layered.reached[first] = mark
        layered.distance[first] = 0
        layered.hopCount[first] = 0
        layered.predecessorState[first] = -1
        layered.predecessorLink[first] = -1
        heap.insert(QueueEntry(key: 0, hops: 0, rank: graph.idRank[source], node: first))
        while let entry = heap.popMin() {
            if costLimit != Int.max, entry.cost > costLimit { return nil }
            let state = entry.node
            if layered.settled[state] == mark { continue }
            layered.settled[state] = mark
            let node = state >> 3
            if settled[node] != generation {
                settled[node] = generation
                settledNodes.append(Int32(node))
            }
            if node == request.destination || (destinations.count > 1 && destinations.contains(node)) {
                return makeLayeredPath(to: state)
            }
            if node != source, !graph.carriesTransit[node] { continue }
            let climb = Climb(descending: state & 4 != 0, level: UInt8(state & 3))
            let baseCost = layered.distance[state]
            let nextHops = layered.hopCount[state] + 1
            let rank = graph.idRank[node]
            for arc in Int(graph.arcStart[node])..<Int(graph.arcStart[node + 1]) {
                let next = Int(graph.arcTarget[arc])
                let link = Int(graph.arcLink[arc])
                guard let after = climb.next(graph.linkLevel[link]) else { continue }
                let closing = graph.closingRing[link]
                let previous = Int(layered.predecessorLink[state])
                if closing >= 0, previous >= 0, graph.linkRing[previous] != closing { continue }
                let nextState = next * 8 + after.slot
                if layered.settled[nextState] == mark || excludedLink[link] == exclusionGeneration
                    || excludedNode[next] == exclusionGeneration
                {
                    continue
                }
                if checkCapacity, !graph.admits(demand, link: link) { continue }
                let cost = baseCost + graph.cost(of: link, measure)
                if layered.reached[nextState] == mark {
                    let known = layered.distance[nextState]
                    if cost > known { continue }
                    if cost == known {
                        if nextHops > layered.hopCount[nextState] { continue }
                        if nextHops == layered.hopCount[nextState] {
                            let previous = Int(layered.predecessorState[nextState]) >> 3
                            if rank >= graph.idRank[previous] { continue }
                        }
                    }
                }
                layered.reached[nextState] = mark
                layered.distance[nextState] = cost
                layered.hopCount[nextState] = nextHops
                layered.predecessorState[nextState] = Int32(state)
                layered.predecessorLink[nextState] = Int32(link)
                let key =
                    bounded
                    ? cost + lowerBound(from: next, to: destinations, targets: targets, landmarked: landmarked) : cost
                heap.insert(QueueEntry(key: key, hops: nextHops, rank: graph.idRank[next], node: nextState))
            }
        }
        return nil
    }

    /// Rebuilds the path to a settled state from the state predecessors.
    private func makeLayeredPath(to end: Int) -> Path {
        var nodes = [end >> 3]
        var links: [Int] = []
        var metres = 0
        var state = end
        while layered.predecessorLink[state] >= 0, links.count < graph.network.nodes.count * 8 {
            let link = Int(layered.predecessorLink[state])
            links.append(link)
            metres += graph.linkMetres[link]
            state = Int(layered.predecessorState[state])
            nodes.append(state >> 3)
        }
        return Path(nodes: nodes.reversed(), links: links.reversed(), metres: metres, cost: layered.distance[end])
    }
}
