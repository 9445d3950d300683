import NetGraph
import Planning

/// The part of the network a drawing shows, and how each link of the plan is marked.
///
/// The *focus* is every node a site's line touches: its paths, its building, access node and far
/// end, and the ends of any link a short segment names. A Graphviz drawing shows the focus and
/// its neighbours; the report's map shows the whole network when it is small, else the nodes
/// within a margin of the focus.
struct NetworkArea {
    /// How a link of the plan is drawn.
    struct Mark: Hashable {
        /// On a working path.
        var working = false
        /// On a protection path.
        var protection = false
        /// Refused, drawn red: nothing else is.
        ///
        /// A site's own access link when its end access (or a hub's access) is short, or a link a short
        /// segment's finding names.
        var short = false
    }

    /// The whole network is drawn up to this many nodes.
    static let wholeNetworkLimit = 600
    /// A map never draws more than this many nodes; past it, the focus and its neighbours.
    static let mapLimit = 3000

    /// The shown nodes' indices, in id order.
    let nodes: [Int]
    /// The shown links' indices, in id order.
    let links: [Int]
    /// The nodes the plan touches.
    let focus: Set<Int>
    /// The marks of the plan's links.
    let marks: [Int: Mark]
    /// The order's buildings, by node index, with the site names at each.
    let sitesAtNode: [Int: [String]]

    /// The focus and its neighbours, for `path.dot`.
    static func neighbourhood(plan: Plan, network: Network) -> NetworkArea {
        let (focus, marks, sites) = analyse(plan: plan, network: network)
        return NetworkArea(
            network: network, nodes: withNeighbours(focus, network: network), focus: focus, marks: marks,
            sitesAtNode: sites)
    }

    /// The whole network when small, else the nodes within a margin of the focus, for the report's map.
    static func map(plan: Plan, network: Network) -> NetworkArea {
        let (focus, marks, sites) = analyse(plan: plan, network: network)
        var chosen: Set<Int>
        if network.nodes.count <= wholeNetworkLimit {
            chosen = Set(network.nodes.indices)
        } else if let box = BoundingBox(focus.map { network.nodes[$0].location }) {
            let margin = max(2, 0.15 * max(box.width, box.height))
            let area = box.expanded(by: margin)
            chosen = Set(network.nodes.indices.filter { area.contains(network.nodes[$0].location) })
            if chosen.count > mapLimit { chosen = withNeighbours(focus, network: network) }
        } else {
            chosen = []
        }
        return NetworkArea(network: network, nodes: chosen.union(focus), focus: focus, marks: marks, sitesAtNode: sites)
    }

    private init(network: Network, nodes: Set<Int>, focus: Set<Int>, marks: [Int: Mark], sitesAtNode: [Int: [String]]) {
        self.nodes = nodes.sorted { network.nodes[$0].id < network.nodes[$1].id }
        self.links = network.links.indices.filter {
            nodes.contains(network.links[$0].aEnd) && nodes.contains(network.links[$0].bEnd)
        }
        .sorted { network.links[$0].id < network.links[$1].id }
        self.focus = focus
        self.marks = marks
        self.sitesAtNode = sitesAtNode
    }

    private static func withNeighbours(_ focus: Set<Int>, network: Network) -> Set<Int> {
        var nodes = focus
        for node in focus {
            for link in network.incidentLinks[node] {
                nodes.insert(network.links[link].aEnd)
                nodes.insert(network.links[link].bEnd)
            }
        }
        return nodes
    }

    private static func analyse(plan: Plan, network: Network) -> (Set<Int>, [Int: Mark], [Int: [String]]) {
        var focus: Set<Int> = []
        var marks: [Int: Mark] = [:]
        var sites: [Int: [String]] = [:]
        for site in plan.sites {
            let shortSegments = Set(site.segments.filter { $0.status == .short }.map(\.segment))
            for id in [site.building, site.accessNode, site.farEnd].compactMap({ $0 }) {
                if let node = network.nodeIndex(of: id) { focus.insert(node) }
            }
            let building = site.building.flatMap(network.nodeIndex(of:))
            if let building { sites[building, default: []].append(site.name) }
            for (path, isWorking) in [(site.working, true), (site.protectionPath, false)] {
                guard let path else { continue }
                for id in path.nodes {
                    if let node = network.nodeIndex(of: id) { focus.insert(node) }
                }
                for id in path.links {
                    guard let link = network.linkIndex(of: id) else { continue }
                    var mark = marks[link] ?? Mark()
                    if isWorking { mark.working = true } else { mark.protection = true }
                    marks[link] = mark
                }
            }
            // Red is the site's own access link when its end access (or a hub's access) is short: the first
            // link of its working path, or the link from its building to the access node when it has none.
            // The far end's last mile and the rest of a path whose segments were found ok stay green.
            if shortSegments.contains(.endAccess) || shortSegments.contains(.hubAccess),
                let building, let link = accessLink(of: site, building: building, network: network)
            {
                var mark = marks[link] ?? Mark()
                mark.short = true
                marks[link] = mark
            }
            // Links a short segment's findings are about, such as the link that refused the line.
            for check in site.segments where check.status == .short {
                for id in check.links {
                    guard let link = network.linkIndex(of: id) else { continue }
                    var mark = marks[link] ?? Mark()
                    mark.short = true
                    marks[link] = mark
                    focus.insert(network.links[link].aEnd)
                    focus.insert(network.links[link].bEnd)
                }
            }
        }
        return (focus, marks, sites)
    }

    /// A site's own access link: its working path's first link when that leaves the building, else the link
    /// between the building and the chosen access node, if the network has one.
    private static func accessLink(of site: SitePlan, building: Int, network: Network) -> Int? {
        if let first = site.working?.links.first.flatMap(network.linkIndex(of:)),
            network.links[first].aEnd == building || network.links[first].bEnd == building
        {
            return first
        }
        guard let access = site.accessNode.flatMap(network.nodeIndex(of:)) else { return nil }
        return network.incidentLinks[building].first { index in
            let candidate = network.links[index]
            return candidate.aEnd == access || candidate.bEnd == access
        }
    }

}

/// A rectangle on the area's plane, in km.
struct BoundingBox {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    init?(_ locations: [Location]) {
        guard let first = locations.first else { return nil }
        (minX, minY, maxX, maxY) = (first.x, first.y, first.x, first.y)
        for location in locations.dropFirst() {
            minX = min(minX, location.x)
            minY = min(minY, location.y)
            maxX = max(maxX, location.x)
            maxY = max(maxY, location.y)
        }
    }

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }

    func expanded(by margin: Double) -> BoundingBox {
        var box = self
        box.minX -= margin
        box.minY -= margin
        box.maxX += margin
        box.maxY += margin
        return box
    }

    func contains(_ location: Location) -> Bool {
        (minX...maxX).contains(location.x) && (minY...maxY).contains(location.y)
    }
}
