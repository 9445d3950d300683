import NetGraph

extension PathFinder {
    /// Up to `count` loopless paths in order of cost (Yen's algorithm), each carrying the demand.
    ///
    /// - Parameters:
    ///   - request: The demand; its exclusions apply to every path.
    ///   - count: How many paths at most.
    /// - Returns: The paths, cheapest first; ties by hops, then node ids.
    /// - Complexity: O(*k* × *n* × Dijkstra) at worst.
    public mutating func shortestPaths(_ request: PathRequest, count: Int) -> [Path] {
        applyExclusions(request.excludedNodes, request.excludedLinks)
        guard count > 0, let first = search(request, checkCapacity: true) else { return [] }
        var accepted = [first]
        var candidates: [Path] = []
        while accepted.count < count, let previous = accepted.last {
            for spurIndex in 0..<(previous.nodes.count - 1) {
                let spurNode = previous.nodes[spurIndex]
                if spurIndex > 0, !graph.carriesTransit[spurNode] { continue }
                let rootNodes = Array(previous.nodes[...spurIndex])
                let rootLinks = Array(previous.links[..<spurIndex])
                applyExclusions(request.excludedNodes, request.excludedLinks)
                for path in accepted where path.links.count > spurIndex && Array(path.links[..<spurIndex]) == rootLinks
                {
                    addExcludedLinks([path.links[spurIndex]])
                }
                addExcludedNodes(rootNodes.dropLast())
                var spurRequest = request
                spurRequest.source = spurNode
                guard let spur = search(spurRequest, checkCapacity: true, climb: climb(after: rootLinks)) else {
                    continue
                }
                let candidate = makePath(
                    nodes: rootNodes + spur.nodes.dropFirst(), links: rootLinks + spur.links, measure: request.cost)
                if !candidates.contains(candidate), !accepted.contains(candidate) {
                    candidates.append(candidate)
                }
            }
            guard let bestIndex = candidates.indices.min(by: { isCheaper(candidates[$0], than: candidates[$1]) })
            else { break }
            accepted.append(candidates.remove(at: bestIndex))
        }
        applyExclusions(request.excludedNodes, request.excludedLinks)
        return accepted
    }
}
