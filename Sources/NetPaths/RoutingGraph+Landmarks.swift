extension RoutingGraph {
    /// Networks at least this big get landmark distances for the A* bound.
    static let landmarkThreshold = 10_000

    /// How many landmarks a large network gets.
    static let landmarkCount = 8

    /// Picks landmarks at the outer edges of the network (largest and smallest x, y, x + y and
    /// x − y among nodes that have links), so that they lie "behind" most origins and destinations.
    static func pickLandmarks(coordinates: [(x: Double, y: Double)], arcStart: [Int32]) -> [Int] {
        let connected = coordinates.indices.filter { arcStart[$0 + 1] > arcStart[$0] }
        guard !connected.isEmpty else { return [] }
        let measures: [((x: Double, y: Double)) -> Double] = [
            { $0.x }, { -$0.x }, { $0.y }, { -$0.y }, { $0.x + $0.y }, { -$0.x - $0.y }, { $0.x - $0.y },
            { $0.y - $0.x },
        ]
        var chosen: [Int] = []
        for measure in measures.prefix(landmarkCount) {
            var best = connected[0]
            for node in connected where measure(coordinates[node]) > measure(coordinates[best]) { best = node }
            if !chosen.contains(best) { chosen.append(best) }
        }
        return chosen
    }

    /// Distances in metres from a node to every node over all links, ignoring capacity and
    /// transit rules (so they never exceed a constrained distance: a valid lower bound).
    ///
    /// - Complexity: O((*n* + *l*) log *n*).
    static func distances(
        from landmark: Int, arcStart: [Int32], arcTarget: [Int32], arcLink: [Int32], linkMetres: [Int]
    ) -> [Int32] {
        let unreachable = Int32.max
        var distance = [Int32](repeating: unreachable, count: arcStart.count - 1)
        var heap = BinaryHeap<PathFinder.QueueEntry>()
        distance[landmark] = 0
        heap.insert(PathFinder.QueueEntry(key: 0, hops: 0, rank: 0, node: landmark))
        while let entry = heap.popMin() {
            let node = entry.node
            let known = Int(distance[node])
            guard Int(entry.key >> 20) == known else { continue }
            for arc in Int(arcStart[node])..<Int(arcStart[node + 1]) {
                let next = Int(arcTarget[arc])
                let candidate = known + linkMetres[Int(arcLink[arc])]
                if candidate < Int(distance[next]), candidate < Int(unreachable) {
                    distance[next] = Int32(candidate)
                    heap.insert(PathFinder.QueueEntry(key: candidate, hops: 0, rank: 0, node: next))
                }
            }
        }
        return distance
    }

    /// The landmark (ALT) lower bound on the distance from `node` to `target`, in metres.
    @inline(__always)
    func landmarkBound(from node: Int, to target: Int) -> Int {
        var bound: Int32 = 0
        for distances in landmarkDistances {
            let there = distances[target]
            let here = distances[node]
            if there == Int32.max || here == Int32.max { continue }
            let difference = there > here ? there - here : here - there
            if difference > bound { bound = difference }
        }
        return Int(bound)
    }
}
