/// One network area: its nodes, links, machine rooms, address pools and planning policy.
///
/// A `Network` is a value: build it with ``init(name:nodes:links:rooms:pools:policy:)``, read it
/// from a network file with ``load(name:bytes:)``, or generate one with ``SyntheticNetwork``.
/// Links refer to nodes by index; ``nodeIndex(of:)`` and ``linkIndex(of:)`` find them by id.
public struct Network: Sendable {
    /// The area's name.
    public var name: String
    /// The nodes, in file order.
    public let nodes: [Node]
    /// The links, in file order.
    public let links: [Link]
    /// The machine rooms.
    public var rooms: [Room]
    /// The address pools.
    public var pools: [Pool]
    /// The planning policy.
    public var policy: Policy
    /// For each node, the indices of the links that touch it, in link order.
    public let incidentLinks: [[Int]]
    private let nodeIndexByID: [String: Int]
    private let linkIndexByID: [String: Int]
    private let roomIndexByID: [String: Int]

    /// Creates a network.
    ///
    /// Ids are expected to be unique and link ends to be valid node indices; the file reader
    /// checks both and reports each problem with its position. When ids repeat, lookups find
    /// the first.
    ///
    /// - Complexity: O(*n* + *l*) for *n* nodes and *l* links.
    public init(
        name: String, nodes: [Node], links: [Link], rooms: [Room] = [], pools: [Pool] = [],
        policy: Policy = Policy()
    ) {
        var nodeIndexByID: [String: Int] = [:]
        nodeIndexByID.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() where nodeIndexByID[node.id] == nil {
            nodeIndexByID[node.id] = index
        }
        var linkIndexByID: [String: Int] = [:]
        linkIndexByID.reserveCapacity(links.count)
        for (index, link) in links.enumerated() where linkIndexByID[link.id] == nil {
            linkIndexByID[link.id] = index
        }
        self.init(
            name: name, nodes: nodes, links: links, rooms: rooms, pools: pools, policy: policy,
            nodeIndexByID: nodeIndexByID, linkIndexByID: linkIndexByID)
    }

    /// Creates a network whose id maps a reader has already built: each id's first node and link.
    package init(
        name: String, nodes: [Node], links: [Link], rooms: [Room], pools: [Pool], policy: Policy,
        nodeIndexByID: [String: Int], linkIndexByID: [String: Int]
    ) {
        self.name = name
        self.nodes = nodes
        self.links = links
        self.rooms = rooms
        self.pools = pools
        self.policy = policy
        var incident = Array(repeating: [Int](), count: nodes.count)
        for (index, link) in links.enumerated() {
            if nodes.indices.contains(link.aEnd) { incident[link.aEnd].append(index) }
            if nodes.indices.contains(link.bEnd), link.bEnd != link.aEnd { incident[link.bEnd].append(index) }
        }
        var roomIndexByID: [String: Int] = [:]
        for (index, room) in rooms.enumerated() where roomIndexByID[room.id] == nil {
            roomIndexByID[room.id] = index
        }
        self.nodeIndexByID = nodeIndexByID
        self.linkIndexByID = linkIndexByID
        self.roomIndexByID = roomIndexByID
        self.incidentLinks = incident
    }

    /// The index of the node with an id, if there is one.
    public func nodeIndex(of id: String) -> Int? { nodeIndexByID[id] }

    /// The index of the link with an id, if there is one.
    public func linkIndex(of id: String) -> Int? { linkIndexByID[id] }

    /// The room with an id, if there is one.
    public func room(_ id: String) -> Room? { roomIndexByID[id].map { rooms[$0] } }

    /// The ids of a link's two ends, A first.
    public func endIDs(of link: Link) -> (String, String) {
        (nodes[link.aEnd].id, nodes[link.bEnd].id)
    }
}
