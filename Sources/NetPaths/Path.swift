public import NetGraph

/// A path through the network: its nodes and links in order from source to destination.
public struct Path: Sendable, Hashable {
    /// Node indices, source first.
    public var nodes: [Int]
    /// Link indices, in order; one fewer than the nodes.
    public var links: [Int]
    /// Total length in metres.
    public var metres: Int
    /// Total cost in the search's cost measure.
    public var cost: Int

    /// Creates a path.
    public init(nodes: [Int], links: [Int], metres: Int, cost: Int) {
        self.nodes = nodes
        self.links = links
        self.metres = metres
        self.cost = cost
    }

    /// The number of links.
    public var hops: Int { links.count }

    /// The path's node ids.
    public func nodeIDs(in network: Network) -> [String] { nodes.map { network.nodes[$0].id } }

    /// The path's link ids.
    public func linkIDs(in network: Network) -> [String] { links.map { network.links[$0].id } }
}

/// What a path search optimises.
public enum PathCost: String, Sendable, Hashable, CaseIterable {
    /// Kilometres of fibre (the default for transport planning).
    case km
    /// Hop count.
    case hops
    /// Administrative (TE) weight.
    case admin
}

/// What a path must avoid to count as diverse from another.
public enum Diversity: String, Sendable, Hashable, CaseIterable {
    /// No link in common (and no shared-risk group where the data has them).
    case links
    /// No link and no intermediate node in common (and no shared-risk group).
    case nodes
}

/// A demand to route: from where to where, how much, measured how, avoiding what.
public struct PathRequest: Sendable, Hashable {
    /// The source node's index.
    public var source: Int
    /// The destination node's index.
    public var destination: Int
    /// The bandwidth every link must still have.
    public var bandwidth: Bandwidth
    /// What to minimise.
    public var cost: PathCost
    /// Nodes the path must not touch.
    public var excludedNodes: Set<Int>
    /// Links the path must not use.
    public var excludedLinks: Set<Int>
    /// Other acceptable destinations: the path ends at whichever destination is cheapest to reach.
    public var alternativeDestinations: [Int]
    /// Whether the path must climb the hierarchy once (the default).
    ///
    /// Its links' segments rise from the last mile through access and aggregation to the core and then only fall, so it never leaves
    /// the core through an aggregation ring to come back into it, nor crosses an access ring's link
    /// between two aggregation nodes on its way between them. On a network whose links are all of one
    /// segment this changes nothing.
    public var layered: Bool

    /// Creates a request.
    public init(
        source: Int, destination: Int, bandwidth: Bandwidth, cost: PathCost = .km, excludedNodes: Set<Int> = [],
        excludedLinks: Set<Int> = [], alternativeDestinations: [Int] = [], layered: Bool = true
    ) {
        self.source = source
        self.destination = destination
        self.bandwidth = bandwidth
        self.cost = cost
        self.excludedNodes = excludedNodes
        self.excludedLinks = excludedLinks
        self.alternativeDestinations = alternativeDestinations
        self.layered = layered
    }
}

/// Why a demand could not be routed: where it is blocked and which links refused it.
public struct Blockage: Sendable, Hashable {
    /// One link that refused the demand.
    public struct Refusal: Sendable, Hashable {
        /// The link's index.
        public var link: Int
        /// Its segment.
        public var segment: Segment
        /// Why it refused, with the numbers.
        public var refusal: LinkRefusal

        /// Creates a refusal.
        public init(link: Int, segment: Segment, refusal: LinkRefusal) {
            self.link = link
            self.segment = segment
            self.refusal = refusal
        }

        /// Why it refused, such as "100M asked, 70M free (630M committed of 1G, limit 70 %)".
        public var reason: String { refusal.description }
    }

    /// What blocks the demand.
    public enum Cause: Sendable, Hashable {
        /// An end is not a node of the network.
        case unknownNode
        /// A node has no links at all.
        case noLinks(node: String)
        /// No route joins the two ends even ignoring capacity.
        case noRoute(source: String, destination: String)
        /// The route that ignores capacity admits the demand, yet the search found none.
        case noRouteFound
        /// There is nothing to route to (the network has no far end for the line).
        case noFarEnd
        /// The route that ignores capacity first meets a link that refuses `bandwidth`.
        case capacity(
            bandwidth: Bandwidth, segment: Segment, link: String, aEnd: String, bEnd: String, refusal: LinkRefusal)
        /// A second route exists, but no pair of the diversity was found.
        case noDiversePair(Diversity)
        /// Every route from `source` to `destination` shares a link (or node) with the working path.
        case everyRouteShares(Diversity, source: String, destination: String)
    }

    /// The segment where the demand is blocked, when capacity blocks it.
    public var segment: Segment?
    /// The first link that refused the demand on the route that ignores capacity.
    public var link: Int?
    /// What blocks it.
    public var cause: Cause
    /// The diversity asked of a second route, when this blockage is why a protection path is missing.
    public var secondRoute: Diversity?
    /// The links at the edge of what the demand can reach that refused it, by segment then id.
    public var refusals: [Refusal]

    /// Creates a blockage.
    public init(
        cause: Cause, segment: Segment? = nil, refusals: [Refusal] = [], link: Int? = nil,
        secondRoute: Diversity? = nil
    ) {
        self.cause = cause
        self.segment = segment
        self.refusals = refusals
        self.link = link
        self.secondRoute = secondRoute
    }

    /// The reason in one English sentence.
    public var reason: String {
        let text: String
        switch cause {
        case .unknownNode: text = "unknown node"
        case .noLinks(let node): text = "'\(node)' has no links"
        case .noRoute(let source, let destination):
            text = "no route joins '\(source)' to '\(destination)' through the transport network"
        case .noRouteFound: text = "no route found"
        case .noFarEnd: text = "no far end to route to"
        case .capacity(let bandwidth, let segment, let link, let aEnd, let bEnd, let refusal):
            text =
                "\(bandwidth) is blocked in the \(segment.rawValue) segment: link '\(link)' (\(aEnd)–\(bEnd)) \(refusal)"
        case .noDiversePair(let diversity):
            text = "no \(Self.name(of: diversity)) pair found"
        case .everyRouteShares(let diversity, let source, let destination):
            text =
                "no \(Self.name(of: diversity)) second route from '\(source)' to '\(destination)': every route shares a link"
                + (diversity == .nodes ? " or node" : "") + " with the working path"
        }
        if let secondRoute, case .capacity = cause {
            return "no \(Self.name(of: secondRoute)) second route: " + text
        }
        return text
    }

    /// "link-diverse", "node- and link-diverse".
    public static func name(of diversity: Diversity) -> String {
        diversity == .nodes ? "node- and link-diverse" : "link-diverse"
    }
}

/// The answer to a routing question: a working path, a protection path when asked, and why
/// either is missing.
public struct PathAnswer: Sendable, Hashable {
    /// The working path, or `nil` when blocked.
    public var working: Path?
    /// The protection path, or `nil` when not asked for or none exists.
    public var protection: Path?
    /// Why the working path is missing.
    public var workingBlockage: Blockage?
    /// Why the protection path is missing (only when one was asked for).
    public var protectionBlockage: Blockage?
    /// Shared-risk groups the two paths still share (when no fully diverse pair exists but a
    /// link-diverse one does, the pair is kept and the shared groups are named here).
    public var sharedRiskGroups: [String]

    /// Creates an answer.
    public init(
        working: Path?, protection: Path? = nil, workingBlockage: Blockage? = nil, protectionBlockage: Blockage? = nil,
        sharedRiskGroups: [String] = []
    ) {
        self.working = working
        self.protection = protection
        self.workingBlockage = workingBlockage
        self.protectionBlockage = protectionBlockage
        self.sharedRiskGroups = sharedRiskGroups
    }
}
