public import NetAddress
public import NetGraph

/// A resource a ledger line holds, as plain values (the CLI reads them from the ledger).
public struct HeldResource: Sendable, Hashable {
    /// The line's id.
    public var line: String
    /// The line's state: `reserved` (a hold) or `active`.
    public var state: String
    /// The reservation kind as the ledger writes it: `address`, `port`, `bandwidth`, `vc12`, `vc4`,
    /// `otn-slot`, `pon-branch`.
    public var kind: String
    /// The pool, node or link id.
    public var resource: String
    /// The port type of a port.
    public var detail: String
    /// The port, timeslot or branch number (1-based).
    public var unit: Int
    /// The block of an address.
    public var prefix: IPv4Prefix?

    /// Creates a record.
    public init(
        line: String, state: String, kind: String, resource: String, detail: String = "", unit: Int = 0,
        prefix: IPv4Prefix? = nil
    ) {
        self.line = line
        self.state = state
        self.kind = kind
        self.resource = resource
        self.detail = detail
        self.unit = unit
        self.prefix = prefix
    }
}

extension NetworkDiff {
    /// The held resources that rest on something the new network removed or shrank, each with why.
    ///
    /// A hold breaks when its pool, node or link is gone, its address block left its pool's prefix, its
    /// port number is above the node's ports of that type, its splitter branch above the ratio, or its
    /// link lost capacity (rate, VC-4s, tributary slots, cores), its ends or its technology.
    ///
    /// - Parameters:
    ///   - holds: What the ledger's reserved and active lines hold.
    ///   - new: The new network.
    /// - Returns: One line per broken hold, `line L1 (reserved): port GE #5 on P2: …`, in the holds' order.
    /// - Complexity: O(*h* + *c*) for *h* holds and *c* changes.
    public func brokenHolds(_ holds: [HeldResource], in new: Network) -> [String] {
        var shrunkLinks: [String: Change] = [:]
        for change in changes where change.item == "link" && change.kind == .changed && change.shrinks {
            shrunkLinks[change.id] = change
        }
        var broken: [String] = []
        for hold in holds {
            guard let reason = reason(hold, new: new, shrunkLinks: shrunkLinks) else { continue }
            let what = hold.kind == "port" ? "port \(hold.detail) #\(hold.unit)" : hold.kind
            broken.append("line \(hold.line) (\(hold.state)): \(what) on \(hold.resource): \(reason)")
        }
        return broken
    }

    private func reason(_ hold: HeldResource, new: Network, shrunkLinks: [String: Change]) -> String? {
        switch hold.kind {
        case "address":
            guard let pool = new.pools.first(where: { $0.id == hold.resource }) else { return "the pool was removed" }
            if let prefix = hold.prefix, !pool.prefix.contains(prefix) {
                return "\(prefix) is outside the pool's prefix \(pool.prefix) now"
            }
            return nil
        case "port", "pon-branch":
            guard let index = new.nodeIndex(of: hold.resource) else { return "the node was removed" }
            let node = new.nodes[index]
            if hold.kind == "pon-branch" {
                let ratio = node.splitter?.ratio ?? 0
                return hold.unit > ratio ? "the splitter has \(ratio) branches now" : nil
            }
            let total = PortType(rawValue: hold.detail).flatMap { node.ports(of: $0)?.total } ?? 0
            return hold.unit > total ? "the node has \(total) \(hold.detail) ports now" : nil
        default:
            guard new.linkIndex(of: hold.resource) != nil else { return "the link was removed" }
            return shrunkLinks[hold.resource].map { "the link shrank (\($0.details.joined(separator: "; ")))" }
        }
    }
}
