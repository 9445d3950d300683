public import LocatedJSON
import NetAddress

/// A problem the whole-network checks find (``Network/validationFindings(warnIsolatedNodes:)``), and the part of
/// the network it is about, so that a reader can place it in its input.
public struct NetworkFinding: Sendable, Equatable {
    /// The part of the network a finding is about.
    public enum Part: Sendable, Equatable {
        /// A node, by index in ``Network/nodes``: its id.
        case node(Int)
        /// A link, by index in ``Network/links``: its id.
        case link(Int)
        /// The ring of a link, by the link's index: the first link of a ring whose problem it is.
        case linkRing(Int)
        /// The prefix of a pool, by index in ``Network/pools``.
        case poolPrefix(Int)
    }

    /// Error or warning.
    public var severity: SourceDiagnostic.Severity
    /// What is wrong, one sentence without a trailing period.
    public var message: String
    /// What it is about.
    public var part: Part

    /// Creates a finding.
    public init(severity: SourceDiagnostic.Severity, message: String, part: Part) {
        self.severity = severity
        self.message = message
        self.part = part
    }
}

extension Network {
    /// The checks of ``load(name:bytes:)`` that need the whole network, for a network built without a file (an
    /// import): rings that are not closed or longer than their technology allows, service nodes no customer
    /// building reaches, overlapping pools, public pools in non-public space; warnings for busy rings and SDH
    /// spans, links shorter than the straight line between their ends, and nodes without links.
    ///
    /// - Parameter warnIsolatedNodes: Whether to warn of nodes without links; a reader that found errors
    ///   before leaves them out, as they are often its echo.
    /// - Returns: The findings, in the order the network reader reports them.
    /// - Complexity: O(*n* + *l* + *p* log *p*) for *n* nodes, *l* links and *p* pools.
    public func validationFindings(warnIsolatedNodes: Bool = true) -> [NetworkFinding] {
        var validator = NetworkValidator(network: self)
        validator.validate(warnIsolated: warnIsolatedNodes)
        return validator.findings
    }
}

/// The checks of a network that need the whole graph: rings, reachability, pools, utilisation.
struct NetworkValidator {
    let network: Network
    var findings: [NetworkFinding] = []

    init(network: Network) {
        self.network = network
    }

    mutating func validate(warnIsolated: Bool) {
        checkRings()
        checkReachability(warnIsolated: warnIsolated)
        checkPools()
        checkSpans()
        checkLengths()
    }

    private mutating func error(_ message: String, _ part: NetworkFinding.Part) {
        findings.append(NetworkFinding(severity: .error, message: message, part: part))
    }

    private mutating func warning(_ message: String, _ part: NetworkFinding.Part) {
        findings.append(NetworkFinding(severity: .warning, message: message, part: part))
    }

    /// Warns where a link is shorter than the straight line between its ends (a typo in km or a location).
    private mutating func checkLengths() {
        for (index, link) in network.links.enumerated() {
            let straight = network.nodes[link.aEnd].location.distance(to: network.nodes[link.bEnd].location)
            let straightMetres = Int((straight * 1000).rounded())
            guard link.metres + 1 < straightMetres else { continue }
            warning(
                "link '\(link.id)' is \(JSONOutput.formatDecimal(link.metres, scale: 3)) km long but its ends are "
                    + "\(JSONOutput.formatDecimal(straightMetres, scale: 3)) km apart; check 'km' and the locations",
                .link(index))
        }
    }

    private mutating func checkRings() {
        let threshold = network.policy[.ringUpgradeUtilisation]
        // Each node's highest link segment, found once: asking each ring's nodes for their links again
        // would cost rings × links for a node in many rings (50,000 rings through one node, issue 13).
        var highestSegment: [Segment?] = Array(repeating: nil, count: network.nodes.count)
        for link in network.links {
            for end in [link.aEnd, link.bEnd] where highestSegment[end].map({ link.segment > $0 }) ?? true {
                highestSegment[end] = link.segment
            }
        }
        for ring in network.rings {
            let part = NetworkFinding.Part.linkRing(ring.links[0])
            if let problem = ring.problem {
                error("ring '\(ring.id)' \(problem)", part)
                continue
            }
            if let limit = network.maximumRingSize(technology: ring.technology, segment: ring.segment) {
                // The aggregation nodes an access ring is homed on belong to the ring above; they do not count.
                let members = ring.nodes.filter { node in
                    ring.segment != .access || !(highestSegment[node].map { $0 > ring.segment } ?? false)
                }
                if members.count > limit {
                    let noun = ring.segment == .access ? "access nodes" : "nodes"
                    error(
                        "ring '\(ring.id)' has \(members.count) \(noun); \(ring.technology.withArticle) "
                            + "\(ring.segment.rawValue) ring allows at most \(limit)", part)
                }
            }
            let busiest = ring.links.max { network.links[$0].utilisation < network.links[$1].utilisation }
            if let busiest, network.links[busiest].utilisation >= threshold {
                let link = network.links[busiest]
                warning(
                    "ring '\(ring.id)' is \(Self.percent(link.utilisation)) committed on link '\(link.id)' "
                        + "(\(link.committed) of \(link.rate)), \(link.utilisation > threshold ? "above" : "at") the "
                        + "\(Self.percent(threshold)) upgrade threshold", part)
            }
        }
    }

    private mutating func checkReachability(warnIsolated: Bool) {
        let nodes = network.nodes
        var reached = Array(repeating: false, count: nodes.count)
        var queue: [Int] = []
        for (index, node) in nodes.enumerated() where node.kind == .building {
            reached[index] = true
            queue.append(index)
        }
        let hasBuildings = !queue.isEmpty
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            if nodes[current].kind != .building, !nodes[current].kind.carriesTransit { continue }
            for linkIndex in network.incidentLinks[current] {
                let next = network.links[linkIndex].otherEnd(from: current)
                if !reached[next] {
                    reached[next] = true
                    queue.append(next)
                }
            }
        }
        for (index, node) in nodes.enumerated() {
            if network.incidentLinks[index].isEmpty {
                guard warnIsolated else { continue }
                warning("node '\(node.id)' has no links", .node(index))
            } else if hasBuildings, node.layer == .service, !reached[index] {
                error(
                    "service node '\(node.id)' is not reachable from any customer building through the transport "
                        + "network", .node(index))
            }
        }
    }

    private mutating func checkPools() {
        let pools = network.pools
        let earliestOverlaps = Self.earliestOverlaps(pools.map(\.prefix))
        for (index, pool) in pools.enumerated() {
            guard let earlierIndex = earliestOverlaps[index] else { continue }
            let earlier = pools[earlierIndex]
            error(
                "pool '\(pool.id)' (\(pool.prefix)) overlaps pool '\(earlier.id)' (\(earlier.prefix))",
                .poolPrefix(index))
        }
        for (index, pool) in pools.enumerated() where pool.purpose == .public {
            guard let space = Pool.nonPublicSpace.first(where: { $0.overlaps(pool.prefix) }) else { continue }
            error(
                "public pool '\(pool.id)' (\(pool.prefix)) overlaps \(space), which is not public address space;"
                    + " an internet line's WAN and public LAN must be routable on CMNET", .poolPrefix(index))
        }
    }

    private mutating func checkSpans() {
        let threshold = network.policy[.sdhSpanWarnUtilisation]
        for (index, link) in network.links.enumerated() {
            guard let sdh = link.sdh, sdh.utilisation > threshold else { continue }
            warning(
                "SDH span '\(link.id)' has \(Self.percent(sdh.utilisation)) of its VC-12 capacity in use "
                    + "(\(sdh.freeVC12) free), above \(Self.percent(threshold))", .link(index))
        }
    }

    /// For each prefix, the first earlier one in the list that overlaps it, if any.
    ///
    /// Two prefixes overlap when one holds the other. Those that hold a prefix are found by looking up
    /// its supernets of the lengths the list has (at most 33); those it holds start within its range, a run of the prefixes
    /// sorted by start, whose earliest is found in a sparse table of minima. Comparing every pair
    /// instead took 13 s for 100,000 pools (issue 13).
    ///
    /// - Complexity: O(*p* log *p*) for *p* prefixes.
    static func earliestOverlaps(_ prefixes: [IPv4Prefix]) -> [Int?] {
        var firstIndex: [IPv4Prefix: Int] = [:]
        for (index, prefix) in prefixes.enumerated() where firstIndex[prefix] == nil {
            firstIndex[prefix] = index
        }
        let byStart = prefixes.indices.sorted { (prefixes[$0].network, $0) < (prefixes[$1].network, $1) }
        let starts = byStart.map { prefixes[$0].network.value }
        // minima[level][position]: the least index among byStart[position ..< position + 2^level].
        var minima: [[Int]] = [byStart]
        var width = 1
        while width * 2 <= byStart.count, let last = minima.last {
            minima.append((0...(byStart.count - width * 2)).map { min(last[$0], last[$0 + width]) })
            width *= 2
        }
        func earliest(from low: Int, to high: Int) -> Int {
            var level = 0
            while 1 << (level + 1) <= high - low { level += 1 }
            return min(minima[level][low], minima[level][high - (1 << level)])
        }
        let lengths = Set(prefixes.map(\.length)).sorted()
        return prefixes.enumerated().map { index, prefix in
            var best: Int?
            for length in lengths where length <= prefix.length {
                guard let supernet = try? IPv4Prefix(containing: prefix.network, length: length),
                    let first = firstIndex[supernet], first < index
                else { continue }
                best = min(best ?? first, first)
            }
            let low = Self.firstPosition(in: starts) { $0 >= prefix.network.value }
            let high = Self.firstPosition(in: starts) { $0 > prefix.lastAddress.value }
            if low < high {
                let first = earliest(from: low, to: high)
                if first < index { best = min(best ?? first, first) }
            }
            return best
        }
    }

    /// The first position of a sorted list where a predicate that is false and then true becomes true.
    private static func firstPosition(in sorted: [UInt32], where predicate: (UInt32) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded())) %"
    }
}
