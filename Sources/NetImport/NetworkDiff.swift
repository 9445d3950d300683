import NetAddress
public import NetGraph

/// What changed between two versions of a network: rooms, nodes, links and pools added, removed or
/// changed, and the policy.
///
/// Items are matched by id. A change lists each field that differs, old value then new:
/// `node P2: GE ports 8 → 4`. A node whose id is the same and whose name changed is "renamed".
/// Output is deterministic: items in the new network's order, removed ones in the old network's order.
public struct NetworkDiff: Sendable, Equatable {
    /// One difference.
    public struct Change: Sendable, Hashable {
        /// How an item changed.
        public enum Kind: String, Sendable, Hashable {
            /// Only in the new network.
            case added
            /// Only in the old network.
            case removed
            /// In both, with different fields.
            case changed
        }

        /// How it changed.
        public var kind: Kind
        /// What it is: `room`, `node`, `link`, `pool` or `policy`.
        public var item: String
        /// Its id (the key for policy).
        public var id: String
        /// The fields that differ, as `what old → new`; empty when added or removed.
        public var details: [String]
        /// Whether capacity went down or the item went away: lines resting on it may break.
        public var shrinks: Bool

        /// The change as one line: `+ node B1 (building)`, `- link L1`, `~ node P2: GE ports 8 → 4`.
        public var description: String {
            let mark = kind == .added ? "+" : kind == .removed ? "-" : "~"
            let tail = details.isEmpty ? "" : (kind == .changed ? ": " : " ") + details.joined(separator: "; ")
            return "\(mark) \(item) \(id)\(tail)"
        }
    }

    /// The differences, rooms first, then nodes, links, pools and policy.
    public var changes: [Change]

    /// Compares two networks.
    ///
    /// - Complexity: O(*n* + *l*) for *n* nodes and *l* links in both networks.
    public init(old: Network, new: Network) {
        var changes: [Change] = []
        changes += Self.compare(
            "room", old.rooms, new.rooms, id: \.id, summary: { $0.name },
            fields: { before, after in
                var details: [String] = []
                Self.field(&details, "name", before.name, after.name)
                Self.field(&details, "location", before.location.map(Self.text), after.location.map(Self.text))
                Self.field(&details, "region", before.region, after.region)
                return (details, false)
            })
        changes += Self.compare(
            "node", old.nodes, new.nodes, id: \.id, summary: { $0.kind.rawValue },
            fields: { before, after in Self.nodeFields(before, after) })
        changes += Self.compare(
            "link", old.links, new.links, id: \.id,
            summary: { link in
                let (a, b) = new.linkIndex(of: link.id).map { _ in new.endIDs(of: link) } ?? old.endIDs(of: link)
                return "\(a)–\(b) \(link.technology.rawValue) \(link.rate)"
            },
            fields: { before, after in Self.linkFields(before, after, old: old, new: new) })
        changes += Self.compare(
            "pool", old.pools, new.pools, id: \.id, summary: { "\($0.purpose.rawValue) \($0.prefix)" },
            fields: { before, after in
                var details: [String] = []
                Self.field(&details, "purpose", before.purpose.rawValue, after.purpose.rawValue)
                Self.field(&details, "prefix", before.prefix.description, after.prefix.description)
                Self.field(&details, "region", before.region, after.region)
                return (details, before.prefix != after.prefix && !after.prefix.contains(before.prefix))
            })
        if old.name != new.name {
            changes.append(
                Change(
                    kind: .changed, item: "network", id: "name", details: ["\(old.name) → \(new.name)"], shrinks: false)
            )
        }
        for key in PolicyKey.allCases where old.policy[key] != new.policy[key] {
            changes.append(
                Change(
                    kind: .changed, item: "policy", id: key.rawValue,
                    details: ["\(Self.number(old.policy[key])) → \(Self.number(new.policy[key]))"], shrinks: false))
        }
        self.changes = changes
    }

    /// Whether the networks are the same.
    public var isEmpty: Bool { changes.isEmpty }

    /// The diff as text, one change per line, and a count.
    public var text: String {
        guard !changes.isEmpty else { return "no differences\n" }
        let added = changes.filter { $0.kind == .added }.count
        let removed = changes.filter { $0.kind == .removed }.count
        let lines =
            changes.map(\.description) + [
                "\(added) added, \(removed) removed, \(changes.count - added - removed) changed"
            ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func compare<Item>(
        _ item: String, _ old: [Item], _ new: [Item], id: (Item) -> String, summary: (Item) -> String,
        fields: (Item, Item) -> (details: [String], shrinks: Bool)
    ) -> [Change] {
        var oldByID: [String: Item] = [:]
        for element in old where oldByID[id(element)] == nil { oldByID[id(element)] = element }
        var newIDs: Set<String> = []
        var changes: [Change] = []
        for element in new {
            let key = id(element)
            guard newIDs.insert(key).inserted else { continue }
            guard let before = oldByID[key] else {
                changes.append(
                    Change(kind: .added, item: item, id: key, details: ["(\(summary(element)))"], shrinks: false))
                continue
            }
            let (details, shrinks) = fields(before, element)
            if !details.isEmpty {
                changes.append(Change(kind: .changed, item: item, id: key, details: details, shrinks: shrinks))
            }
        }
        for element in old where !newIDs.contains(id(element)) {
            newIDs.insert(id(element))
            changes.append(
                Change(kind: .removed, item: item, id: id(element), details: ["(\(summary(element)))"], shrinks: true))
        }
        return changes
    }

    private static func nodeFields(_ before: Node, _ after: Node) -> (details: [String], shrinks: Bool) {
        var details: [String] = []
        var shrinks = false
        if before.name != after.name {
            details.append("renamed \(before.name ?? "(no name)") → \(after.name ?? "(no name)")")
        }
        field(&details, "kind", before.kind.rawValue, after.kind.rawValue)
        field(&details, "room", before.room, after.room)
        field(&details, "location", text(before.location), text(after.location))
        for type in PortType.allCases {
            let old = before.ports(of: type)
            let new = after.ports(of: type)
            if old?.total != new?.total {
                details.append("\(type.rawValue) ports \(old?.total ?? 0) → \(new?.total ?? 0)")
                if (new?.total ?? 0) < (old?.total ?? 0) { shrinks = true }
            }
            if old?.used != new?.used, old != nil, new != nil {
                details.append("\(type.rawValue) ports used \(old?.used ?? 0) → \(new?.used ?? 0)")
            }
        }
        if before.splitter != after.splitter {
            let ratio = { (facts: SplitterFacts?) in facts.map { "1:\($0.ratio), \($0.used) used" } ?? "none" }
            details.append("splitter \(ratio(before.splitter)) → \(ratio(after.splitter))")
            if (after.splitter?.ratio ?? 0) < (before.splitter?.ratio ?? 0) { shrinks = true }
        }
        if before.pon != after.pon {
            let facts = { (pon: PONFacts?) in pon.map { "\($0.standard.rawValue) \($0.opticalClass)" } ?? "none" }
            details.append("PON \(facts(before.pon)) → \(facts(after.pon))")
        }
        field(&details, "area", before.area?.rawValue, after.area?.rawValue)
        field(&details, "address", before.address, after.address)
        return (details, shrinks)
    }

    private static func linkFields(_ before: Link, _ after: Link, old: Network, new: Network) -> (
        details: [String], shrinks: Bool
    ) {
        var details: [String] = []
        let oldEnds = old.endIDs(of: before)
        let newEnds = new.endIDs(of: after)
        field(&details, "ends", "\(oldEnds.0)–\(oldEnds.1)", "\(newEnds.0)–\(newEnds.1)")
        field(&details, "rate", before.rate.description, after.rate.description)
        field(&details, "committed", before.committed.description, after.committed.description)
        field(&details, "km", String(Double(before.metres) / 1000), String(Double(after.metres) / 1000))
        field(&details, "segment", before.segment.rawValue, after.segment.rawValue)
        field(&details, "technology", before.technology.rawValue, after.technology.rawValue)
        field(&details, "ring", before.ring, after.ring)
        field(
            &details, "srlg", before.sharedRiskGroups.joined(separator: ";"),
            after.sharedRiskGroups.joined(separator: ";"))
        field(&details, "weight", String(before.adminWeight), String(after.adminWeight))
        field(
            &details, "VC-4", before.sdh.map { "\($0.vc4) (\($0.vc4Used) used)" },
            after.sdh.map { "\($0.vc4) (\($0.vc4Used) used)" })
        field(&details, "VC-12 used", before.sdh.map { String($0.vc12Used) }, after.sdh.map { String($0.vc12Used) })
        field(
            &details, "OTN slots", before.otn.map { "\($0.slots) (\($0.used) used)" },
            after.otn.map { "\($0.slots) (\($0.used) used)" })
        field(
            &details, "cores", before.fibre.map { "\($0.cores) (\($0.used) used)" },
            after.fibre.map { "\($0.cores) (\($0.used) used)" })
        let shrinks =
            after.rate < before.rate || oldEnds != newEnds || (after.sdh?.vc4 ?? 0) < (before.sdh?.vc4 ?? 0)
            || (after.otn?.slots ?? 0) < (before.otn?.slots ?? 0)
            || (after.fibre?.cores ?? 0) < (before.fibre?.cores ?? 0)
            || after.technology != before.technology
        return (details, shrinks)
    }

    private static func field(_ details: inout [String], _ name: String, _ before: String?, _ after: String?) {
        guard before != after else { return }
        details.append("\(name) \(before ?? "none") → \(after ?? "none")")
    }

    private static func text(_ location: Location) -> String {
        "[\(number(location.x)), \(number(location.y))]"
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
