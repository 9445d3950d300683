/// A ring of the network: the links that share a `ring` id, and the nodes they join.
public struct Ring: Sendable, Hashable {
    /// The ring's id.
    public var id: String
    /// The technology of its first link (all links of a valid ring share it).
    public var technology: LinkTechnology
    /// The segment of its first link (all links of a valid ring share it).
    public var segment: Segment
    /// Its links, in file order.
    public var links: [Int]
    /// Its nodes: in ring order when the ring is closed, otherwise in order of first appearance.
    public var nodes: [Int]
    /// Why the links do not form one closed ring, or `nil` when they do.
    public var problem: String?

    /// Creates a ring record.
    public init(
        id: String, technology: LinkTechnology, segment: Segment, links: [Int], nodes: [Int], problem: String?
    ) {
        self.id = id
        self.technology = technology
        self.segment = segment
        self.links = links
        self.nodes = nodes
        self.problem = problem
    }
}

extension Network {
    /// The rings, in order of their first link.
    ///
    /// - Complexity: O(*l*) for *l* links.
    public var rings: [Ring] {
        var order: [String] = []
        var linksByRing: [String: [Int]] = [:]
        for (index, link) in links.enumerated() {
            guard let ring = link.ring else { continue }
            if linksByRing[ring] == nil { order.append(ring) }
            linksByRing[ring, default: []].append(index)
        }
        return order.map { makeRing(id: $0, links: linksByRing[$0] ?? []) }
    }

    /// The largest number of nodes a ring of a technology in a segment may have, if limited.
    public func maximumRingSize(technology: LinkTechnology, segment: Segment) -> Int? {
        switch technology {
        case .ptn: policy.integer(segment == .access ? .ptnAccessRingMaxNodes : .ptnAggregationRingMaxNodes)
        case .sdh: policy.integer(.sdhRingMaxNodes)
        case .otn: policy.integer(.otnRingMaxNodes)
        case .fibre, .pon, .ethernet: nil
        }
    }

    private func makeRing(id: String, links ringLinks: [Int]) -> Ring {
        let first = links[ringLinks[0]]
        var nodesInOrder: [Int] = []
        var ringDegree: [Int: [Int]] = [:]
        for index in ringLinks {
            for end in [links[index].aEnd, links[index].bEnd] {
                if ringDegree[end] == nil { nodesInOrder.append(end) }
                ringDegree[end, default: []].append(index)
            }
        }
        var ring = Ring(
            id: id, technology: first.technology, segment: first.segment, links: ringLinks, nodes: nodesInOrder,
            problem: nil)
        if let mixed = ringLinks.first(where: {
            links[$0].technology != first.technology || links[$0].segment != first.segment
        }) {
            ring.problem =
                "mixes \(first.technology.rawValue) \(first.segment.rawValue) links with link '\(links[mixed].id)' "
                + "(\(links[mixed].technology.rawValue) \(links[mixed].segment.rawValue))"
            return ring
        }
        if let open = nodesInOrder.first(where: { ringDegree[$0]?.count != 2 }) {
            let count = ringDegree[open]?.count ?? 0
            ring.problem =
                "is not a closed ring: node '\(nodes[open].id)' has \(count) ring link\(count == 1 ? "" : "s")"
            return ring
        }
        var walk = [first.aEnd]
        var previousLink = ringLinks[0]
        var current = first.bEnd
        while current != first.aEnd, walk.count <= nodesInOrder.count {
            walk.append(current)
            let next = (ringDegree[current] ?? []).first { $0 != previousLink } ?? previousLink
            previousLink = next
            current = links[next].otherEnd(from: current)
        }
        if walk.count != nodesInOrder.count {
            ring.problem =
                "is not one ring: its links form \(walk.count < nodesInOrder.count ? "several cycles" : "a tangle")"
            return ring
        }
        ring.nodes = walk
        return ring
    }
}
