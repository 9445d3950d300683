import NetGraph

/// Arrays for the residual search of a diverse pair: two states per node (in and out).
struct PairSearchState: Sendable {
    var generation: UInt32 = 0
    var reached: [UInt32] = []
    var settled: [UInt32] = []
    var distance: [Int] = []
    var hopCount: [Int32] = []
    /// The state each state was reached from.
    var predecessorState: [Int32] = []
    /// The link crossed to reach it (-1 for the internal in→out arc).
    var predecessorLink: [Int32] = []
    var heap = BinaryHeap<PathFinder.QueueEntry>()
    // The first path: for each node on it, the node before it and the link between.
    var onFirstPath: [UInt32] = []
    var firstPathPredecessor: [Int32] = []
    var firstPathLink: [UInt32] = []

    mutating func prepare(nodeCount: Int, linkCount: Int) {
        if reached.count != nodeCount * 2 {
            reached = Array(repeating: 0, count: nodeCount * 2)
            settled = reached
            distance = Array(repeating: 0, count: nodeCount * 2)
            hopCount = Array(repeating: 0, count: nodeCount * 2)
            predecessorState = Array(repeating: -1, count: nodeCount * 2)
            predecessorLink = predecessorState
            onFirstPath = Array(repeating: 0, count: nodeCount)
            firstPathPredecessor = Array(repeating: -1, count: nodeCount)
            firstPathLink = Array(repeating: 0, count: linkCount)
        }
        generation &+= 1
        if generation == 0 {
            for index in reached.indices {
                reached[index] = 0
                settled[index] = 0
            }
            for index in onFirstPath.indices { onFirstPath[index] = 0 }
            for index in firstPathLink.indices { firstPathLink[index] = 0 }
            generation = 1
        }
    }
}

extension PathFinder {
    /// A working path and a protection path that share no link (or, for ``Diversity/nodes``, no
    /// intermediate node either) and, where the data names them, no shared-risk group.
    ///
    /// The pair comes from Suurballe's algorithm, which finds the pair of least total cost, so
    /// a graph where "take the shortest path, then remove it" leaves no second path still gets
    /// its pair. When that pair shares a risk group, up to `policy.kShortestPaths` working paths
    /// (Yen) are tried, each with the best protection path that avoids its risk groups; the
    /// cheapest fully diverse pair wins. When none exists the link-diverse pair is kept and the
    /// shared groups are named in ``PathAnswer/sharedRiskGroups``.
    ///
    /// The cheaper path of the pair is the working path.
    ///
    /// With ``PathRequest/alternativeDestinations`` the pair is chosen over every destination at
    /// once (Suurballe towards a virtual sink joined to each destination at no cost): the two paths
    /// may end at different destinations — a line protected onto the second CMNET router — or at the
    /// same one, whichever pair costs least.
    ///
    /// - Parameters:
    ///   - request: The demand (each path must carry it: 1+1 protection reserves both).
    ///   - diversity: Whether intermediate nodes must differ too.
    /// - Returns: The pair, or the working path alone with why no protection exists.
    /// - Complexity: Two Dijkstra searches, O((*n* + *l*) log *n*), plus the shared-risk fallback.
    public mutating func diversePaths(_ request: PathRequest, diversity: Diversity = .links) -> PathAnswer {
        applyExclusions(request.excludedNodes, request.excludedLinks)
        // Suurballe needs exact node distances: its searches ignore layering, which is checked after.
        var plain = request
        plain.layered = false
        guard let first = search(plain, checkCapacity: true, useBound: false) else {
            return PathAnswer(working: nil, workingBlockage: diagnose(request))
        }
        guard request.source != request.destination, !request.alternativeDestinations.contains(request.source)
        else { return PathAnswer(working: search(request, checkCapacity: true) ?? first) }
        guard let pair = suurballePair(plain, first: first, diversity: diversity) else {
            let working = search(request, checkCapacity: true) ?? first
            let blockage = protectionBlockage(request, working: working, diversity: diversity)
            return PathAnswer(working: working, protectionBlockage: blockage)
        }
        let layering = request.layered && graph.isLayered
        let climbs = !layering || (climbsOnce(pair.0) && climbsOnce(pair.1))
        let shared = sharedRiskGroups(pair.0, pair.1)
        if shared.isEmpty, climbs { return PathAnswer(working: pair.0, protection: pair.1) }
        if !climbs {
            // The least-cost pair climbs the hierarchy twice. First keep the path of it that climbs once
            // and route the other again, layered, avoiding it (the pair has escaped any trap already);
            // then the layered shortest path with the layered best path avoiding its links (and risk
            // groups, where that leaves one). Each search stays within twice the pair's cost so that a
            // vain one stays local. When all fail the pair is kept: protection that climbs twice beats none.
            costLimit = 2 * (pair.0.cost + pair.1.cost)
            defer { costLimit = Int.max }
            if let repaired = repairedPair(request, pair, diversity: diversity, avoidingRisk: shared.isEmpty) {
                return PathAnswer(
                    working: repaired.0, protection: repaired.1,
                    sharedRiskGroups: sharedRiskGroups(repaired.0, repaired.1))
            }
            if let layered = twoStepPair(request, diversity: diversity, avoidingRisk: true) {
                return PathAnswer(working: layered.0, protection: layered.1)
            }
            if let layered = twoStepPair(request, diversity: diversity, avoidingRisk: false) {
                return PathAnswer(
                    working: layered.0, protection: layered.1, sharedRiskGroups: sharedRiskGroups(layered.0, layered.1))
            }
            return PathAnswer(working: pair.0, protection: pair.1, sharedRiskGroups: shared)
        }
        // The least-cost pair shares a risk group: the k-shortest fallback avoids the working path's.
        if let diverse = kShortestPair(request, diversity: diversity) {
            return PathAnswer(working: diverse.0, protection: diverse.1)
        }
        return PathAnswer(working: pair.0, protection: pair.1, sharedRiskGroups: shared)
    }

    /// The links that share a risk group with any of the given links (those included when they have a
    /// group), in index order.
    ///
    /// The first call indexes every link by its groups, so that a plan whose protected sites each avoid their
    /// working path's groups pays for one pass over the network, not one per site.
    ///
    /// - Parameter path: The links whose groups are avoided.
    /// - Returns: Every link in one of their groups.
    /// - Complexity: O(*l*) for the *l* links of the network the first time; then O(*k* log *k*) for the *k*
    ///   links found.
    public mutating func links(sharingRiskWith path: [Int]) -> [Int] {
        let links = graph.network.links
        let groups = Set(path.flatMap { links.indices.contains($0) ? links[$0].sharedRiskGroups : [] })
        guard !groups.isEmpty else { return [] }
        if linksByRiskGroup == nil {
            var index: [String: [Int]] = [:]
            for (link, value) in links.enumerated() {
                for group in value.sharedRiskGroups { index[group, default: []].append(link) }
            }
            linksByRiskGroup = index
        }
        return Set(groups.flatMap { linksByRiskGroup?[$0] ?? [] }).sorted()
    }

    /// The shared-risk groups two paths have in common, sorted.
    func sharedRiskGroups(_ first: Path, _ second: Path) -> [String] {
        let links = graph.network.links
        let firstGroups = Set(first.links.flatMap { links[$0].sharedRiskGroups })
        guard !firstGroups.isEmpty else { return [] }
        return Set(second.links.flatMap { links[$0].sharedRiskGroups }).intersection(firstGroups).sorted()
    }

    // MARK: - Suurballe

    /// Suurballe's pair from the plain-Dijkstra result `first` still held in the search arrays.
    private mutating func suurballePair(_ request: PathRequest, first: Path, diversity: Diversity) -> (Path, Path)? {
        let network = graph.network
        let nodeCount = network.nodes.count
        let source = request.source
        // The first path ends at the nearest destination; the pair may end at any of them (a virtual
        // sink joined to each destination at no cost, so reaching any destination's in-state is the goal).
        let destination = first.nodes.last ?? request.destination
        var isDestination = Set([request.destination])
        isDestination.formUnion(request.alternativeDestinations.filter { (0..<nodeCount).contains($0) })
        // A pair needs two links into the far ends that carry the demand; with fewer the residual search
        // would only learn so after exploring all that the demand reaches.
        guard
            enteringLinks(
                isDestination, demand: LinkDemand(request.bandwidth, policy: network.policy), atLeast: 2)
        else { return nil }
        let targetDistance = distance[destination]
        // Potentials: exact distance where settled, the destination's distance elsewhere.
        let firstGeneration = generation
        pairState.prepare(nodeCount: nodeCount, linkCount: network.links.count)
        let mark = pairState.generation
        for (position, node) in first.nodes.enumerated() where position > 0 {
            pairState.onFirstPath[node] = mark
            pairState.firstPathPredecessor[node] = Int32(first.nodes[position - 1])
            pairState.firstPathLink[first.links[position - 1]] = mark
        }
        let demand = LinkDemand(request.bandwidth, policy: graph.network.policy)
        let measure = request.cost
        let start = 2 * source + 1
        var goal = 2 * destination
        pairState.heap.removeAll()
        pairState.reached[start] = mark
        pairState.distance[start] = 0
        pairState.hopCount[start] = 0
        pairState.predecessorState[start] = -1
        pairState.heap.insert(QueueEntry(key: 0, hops: 0, rank: graph.idRank[source], node: start))
        var found = false
        while let entry = pairState.heap.popMin() {
            let state = entry.node
            if pairState.settled[state] == mark { continue }
            pairState.settled[state] = mark
            if state % 2 == 0, isDestination.contains(state / 2) {
                goal = state
                found = true
                break
            }
            let node = state / 2
            let base = pairState.distance[state]
            let hops = pairState.hopCount[state]
            if state % 2 == 0 {
                // In-state: on through the node, or back along the first path.
                let mayPass = node == source || graph.carriesTransit[node]
                let intermediate = !isDestination.contains(node) && pairState.onFirstPath[node] == mark
                if mayPass, diversity == .links || !intermediate {
                    relaxPair(from: state, to: state + 1, cost: base, hops: hops, link: -1, mark: mark)
                }
                if node != source, pairState.onFirstPath[node] == mark {
                    let previous = Int(pairState.firstPathPredecessor[node])
                    var link = -1
                    for arc in Int(graph.arcStart[node])..<Int(graph.arcStart[node + 1])
                    where Int(graph.arcTarget[arc]) == previous
                        && pairState.firstPathLink[Int(graph.arcLink[arc])] == mark
                    {
                        link = Int(graph.arcLink[arc])
                        break
                    }
                    if link >= 0 {
                        relaxPair(from: state, to: 2 * previous + 1, cost: base, hops: hops + 1, link: link, mark: mark)
                    }
                }
            } else {
                // Out-state: along any link not on the first path, or back into the node.
                let here = settled[node] == firstGeneration ? distance[node] : targetDistance
                for arc in Int(graph.arcStart[node])..<Int(graph.arcStart[node + 1]) {
                    let next = Int(graph.arcTarget[arc])
                    let link = Int(graph.arcLink[arc])
                    if pairState.firstPathLink[link] == mark || excludedLink[link] == exclusionGeneration
                        || excludedNode[next] == exclusionGeneration || !graph.admits(demand, link: link)
                    {
                        continue
                    }
                    let there = settled[next] == firstGeneration ? distance[next] : targetDistance
                    let reduced = max(0, graph.cost(of: link, measure) + here - there)
                    relaxPair(from: state, to: 2 * next, cost: base + reduced, hops: hops + 1, link: link, mark: mark)
                }
                if node != source, !isDestination.contains(node), pairState.onFirstPath[node] == mark {
                    relaxPair(from: state, to: state - 1, cost: base, hops: hops, link: -1, mark: mark)
                }
            }
        }
        guard found else { return nil }
        // Combine: the first path's arcs, less those the second crossed backwards, plus its forward arcs.
        var arcs: [(from: Int, to: Int, link: Int)] = zip(first.links.indices, first.links).map {
            (first.nodes[$0.0], first.nodes[$0.0 + 1], $0.1)
        }
        var state = goal
        while pairState.predecessorState[state] >= 0 {
            let previous = Int(pairState.predecessorState[state])
            let link = Int(pairState.predecessorLink[state])
            if link >= 0 {
                if pairState.firstPathLink[link] == mark {
                    arcs.removeAll { $0.link == link }
                } else {
                    arcs.append((previous / 2, state / 2, link))
                }
            }
            state = previous
        }
        guard let one = walk(arcs: &arcs, from: source, to: isDestination, measure: measure),
            let two = walk(arcs: &arcs, from: source, to: isDestination, measure: measure)
        else { return nil }
        return isCheaper(two, than: one) ? (two, one) : (one, two)
    }

    /// Whether at least `count` links from other nodes into the far ends carry the demand, under the current
    /// exclusions.
    ///
    /// - Complexity: O(*d*) for the links of the far ends.
    private func enteringLinks(_ ends: Set<Int>, demand: LinkDemand, atLeast count: Int) -> Bool {
        var found: Set<Int> = []
        for end in ends where excludedNode[end] != exclusionGeneration {
            for arc in Int(graph.arcStart[end])..<Int(graph.arcStart[end + 1]) {
                let link = Int(graph.arcLink[arc])
                let other = Int(graph.arcTarget[arc])
                if excludedLink[link] == exclusionGeneration || excludedNode[other] == exclusionGeneration
                    || ends.contains(other) || !graph.admits(demand, link: link)
                {
                    continue
                }
                found.insert(link)
                if found.count >= count { return true }
            }
        }
        return false
    }

    private mutating func relaxPair(from: Int, to: Int, cost: Int, hops: Int32, link: Int, mark: UInt32) {
        if pairState.settled[to] == mark { return }
        if pairState.reached[to] == mark {
            let known = pairState.distance[to]
            if cost > known || (cost == known && hops >= pairState.hopCount[to]) { return }
        }
        pairState.reached[to] = mark
        pairState.distance[to] = cost
        pairState.hopCount[to] = hops
        pairState.predecessorState[to] = Int32(from)
        pairState.predecessorLink[to] = Int32(link)
        pairState.heap.insert(QueueEntry(key: cost, hops: hops, rank: graph.idRank[to / 2], node: to))
    }

    /// Takes one walk from the source to any of the destinations out of a set of arcs (lowest link
    /// first), removing the arcs it uses and cutting any loop.
    private func walk(
        arcs: inout [(from: Int, to: Int, link: Int)], from source: Int, to destinations: Set<Int>,
        measure: PathCost
    ) -> Path? {
        var nodes = [source]
        var links: [Int] = []
        var current = source
        while !destinations.contains(current) {
            let candidates = arcs.indices.filter { arcs[$0].from == current }
            guard let chosen = candidates.min(by: { arcs[$0].link < arcs[$1].link }) else { return nil }
            let arc = arcs.remove(at: chosen)
            if let loopStart = nodes.firstIndex(of: arc.to) {
                nodes.removeSubrange((loopStart + 1)...)
                links.removeSubrange(loopStart...)
            } else {
                nodes.append(arc.to)
                links.append(arc.link)
            }
            current = arc.to
        }
        return makePath(nodes: nodes, links: links, measure: measure)
    }

    /// A path value from its nodes and links, with length and cost summed.
    func makePath(nodes: [Int], links: [Int], measure: PathCost) -> Path {
        Path(
            nodes: nodes, links: links, metres: links.reduce(0) { $0 + graph.linkMetres[$1] },
            cost: links.reduce(0) { $0 + graph.cost(of: $1, measure) })
    }

    /// Orders paths by cost, then hops, then their node ids.
    func isCheaper(_ left: Path, than right: Path) -> Bool {
        if left.cost != right.cost { return left.cost < right.cost }
        if left.hops != right.hops { return left.hops < right.hops }
        let leftRanks = left.nodes.map { graph.idRank[$0] }
        let rightRanks = right.nodes.map { graph.idRank[$0] }
        return leftRanks.lexicographicallyPrecedes(rightRanks)
    }

    // MARK: - Shared-risk fallback and blockage

    /// A pair of which one path climbs once, repaired.
    ///
    /// That path is kept, and the other found again by a layered search that avoids its links (and intermediate nodes for node diversity, and risk groups
    /// `avoidingRisk`); the cheaper of the two first. `nil` when neither path climbs once or no such
    /// search succeeds.
    private mutating func repairedPair(
        _ request: PathRequest, _ pair: (Path, Path), diversity: Diversity, avoidingRisk: Bool
    ) -> (Path, Path)? {
        let kept: Path
        if climbsOnce(pair.0) {
            kept = pair.0
        } else if climbsOnce(pair.1) {
            kept = pair.1
        } else {
            return nil
        }
        applyExclusions(request.excludedNodes, request.excludedLinks)
        defer { applyExclusions(request.excludedNodes, request.excludedLinks) }
        addExcludedLinks(kept.links)
        if avoidingRisk { addExcludedLinks(links(sharingRiskWith: kept.links)) }
        if diversity == .nodes { addExcludedNodes(kept.nodes.dropFirst().dropLast()) }
        guard let other = search(request, checkCapacity: true) else { return nil }
        return isCheaper(other, than: kept) ? (other, kept) : (kept, other)
    }

    /// The shortest path, and the best path avoiding every link (for node diversity every
    /// intermediate node) and, `avoidingRisk`, every risk group of it: two searches, which a trap can
    /// defeat.
    private mutating func twoStepPair(_ request: PathRequest, diversity: Diversity, avoidingRisk: Bool) -> (
        Path, Path
    )? {
        applyExclusions(request.excludedNodes, request.excludedLinks)
        defer { applyExclusions(request.excludedNodes, request.excludedLinks) }
        guard let working = search(request, checkCapacity: true) else { return nil }
        addExcludedLinks(working.links)
        if avoidingRisk { addExcludedLinks(links(sharingRiskWith: working.links)) }
        if diversity == .nodes { addExcludedNodes(working.nodes.dropFirst().dropLast()) }
        guard let protection = search(request, checkCapacity: true) else { return nil }
        return (working, protection)
    }

    /// The cheapest pair whose protection avoids every risk group (and link, and for node
    /// diversity every intermediate node) of its working path, over Yen's k shortest working paths.
    private mutating func kShortestPair(_ request: PathRequest, diversity: Diversity) -> (Path, Path)? {
        let count = graph.network.policy.integer(.kShortestPaths)
        let candidates = shortestPaths(request, count: count)
        var best: (Path, Path)?
        for working in candidates {
            applyExclusions(request.excludedNodes, request.excludedLinks)
            addExcludedLinks(working.links)
            addExcludedLinks(links(sharingRiskWith: working.links))
            if diversity == .nodes { addExcludedNodes(working.nodes.dropFirst().dropLast()) }
            guard let protection = search(request, checkCapacity: true) else { continue }
            let total = working.cost + protection.cost
            if let current = best, current.0.cost + current.1.cost <= total { continue }
            best = (working, protection)
        }
        applyExclusions(request.excludedNodes, request.excludedLinks)
        return best
    }

    /// Why no protection path exists for a working path.
    private mutating func protectionBlockage(_ request: PathRequest, working: Path, diversity: Diversity) -> Blockage {
        let network = graph.network
        var residual = request
        residual.excludedLinks.formUnion(working.links)
        if diversity == .nodes { residual.excludedNodes.formUnion(working.nodes.dropFirst().dropLast()) }
        applyExclusions(residual.excludedNodes, residual.excludedLinks)
        let source = network.nodes[request.source].id
        let destination = network.nodes[request.destination].id
        // As for a working path: the far ends first, then what the demand reaches.
        let second = answer(residual)
        guard second.working == nil, var blockage = second.workingBlockage else {
            applyExclusions(request.excludedNodes, request.excludedLinks)
            return Blockage(cause: .noDiversePair(diversity))
        }
        if blockage.segment == nil {
            blockage.cause = .everyRouteShares(diversity, source: source, destination: destination)
        } else {
            blockage.secondRoute = diversity
        }
        applyExclusions(request.excludedNodes, request.excludedLinks)
        return blockage
    }
}
