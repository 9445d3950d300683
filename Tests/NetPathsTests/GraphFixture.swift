import NetGraph

/// A small hand-drawn network for known-answer tests.
///
/// Nodes are `(id, kind, x, y)`; links are `"A-B km"` strings with options, so each test's graph
/// reads like its drawing.
struct GraphFixture {
    var nodes: [Node] = []
    var links: [Link] = []

    init(_ nodes: [(String, NodeKind, Double, Double)]) {
        self.nodes = nodes.map { Node(id: $0.0, kind: $0.1, location: Location(x: $0.2, y: $0.3)) }
    }

    /// Adds a link between two node ids; `id` defaults to "A-B".
    mutating func link(
        _ aEnd: String, _ bEnd: String, km: Double, id: String? = nil, rate: Bandwidth = .megabits(1000),
        committed: Bandwidth = .zero, segment: Segment = .access, technology: LinkTechnology = .ptn,
        srlg: [String] = [], sdh: SDHOccupancy? = nil, otn: OTNSlots? = nil, weight: Int = 10
    ) {
        let aIndex = nodes.firstIndex { $0.id == aEnd } ?? -1
        let bIndex = nodes.firstIndex { $0.id == bEnd } ?? -1
        links.append(
            Link(
                id: id ?? "\(aEnd)-\(bEnd)", aEnd: aIndex, bEnd: bIndex, rate: rate, committed: committed,
                metres: Int((km * 1000).rounded()), segment: segment, technology: technology,
                sharedRiskGroups: srlg, adminWeight: weight, sdh: sdh, otn: otn))
    }

    var network: Network { Network(name: "fixture", nodes: nodes, links: links) }
}
