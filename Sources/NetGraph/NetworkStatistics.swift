public import LocatedJSON
import NetAddress

/// Counts and utilisation of a network, for `lineplan topology stats`.
public struct NetworkStatistics: Sendable {
    /// One ring's summary.
    public struct RingSummary: Sendable {
        /// The ring id.
        public var id: String
        /// Its technology.
        public var technology: LinkTechnology
        /// Its segment.
        public var segment: Segment
        /// How many nodes it joins.
        public var nodeCount: Int
        /// Its lowest link rate.
        public var rate: Bandwidth
        /// The committed share of its busiest link.
        public var peakUtilisation: Double
    }

    /// One segment's totals.
    public struct SegmentSummary: Sendable {
        /// The segment.
        public var segment: Segment
        /// Links in it.
        public var linkCount: Int
        /// Kilometres of link in it.
        public var kilometres: Double
        /// Σ committed / Σ rate over its packet links (SDH and OTN count their VC and slot use).
        public var utilisation: Double
        /// The committed share of its busiest link.
        public var peakUtilisation: Double
    }

    /// The network's name.
    public var name: String
    /// Nodes per kind, in kind order, kinds with none left out.
    public var nodesByKind: [(NodeKind, Int)]
    /// Nodes per layer.
    public var nodesByLayer: [(Layer, Int)]
    /// Links per technology.
    public var linksByTechnology: [(LinkTechnology, Int)]
    /// Per-segment totals.
    public var segments: [SegmentSummary]
    /// Rings.
    public var rings: [RingSummary]
    /// Ports per type: total and used, over all nodes.
    public var ports: [PortGroup]
    /// Rooms, nodes and links.
    public var roomCount: Int
    /// Total nodes.
    public var nodeCount: Int
    /// Total links.
    public var linkCount: Int
    /// Address pools: id, purpose, prefix.
    public var pools: [Pool]

    /// Computes the statistics of a network.
    ///
    /// - Complexity: O(*n* + *l*).
    public init(_ network: Network) {
        name = network.name
        nodeCount = network.nodes.count
        linkCount = network.links.count
        roomCount = network.rooms.count
        pools = network.pools
        var kindCounts: [NodeKind: Int] = [:]
        var portTotals: [PortType: PortGroup] = [:]
        for node in network.nodes {
            kindCounts[node.kind, default: 0] += 1
            for group in node.ports {
                var total = portTotals[group.type] ?? PortGroup(type: group.type, total: 0, used: 0)
                total.total += group.total
                total.used += group.used
                portTotals[group.type] = total
            }
        }
        nodesByKind = NodeKind.allCases.compactMap { kind in kindCounts[kind].map { (kind, $0) } }
        nodesByLayer = Layer.allCases.map { layer in
            (layer, NodeKind.allCases.filter { $0.layer == layer }.reduce(0) { $0 + (kindCounts[$1] ?? 0) })
        }
        ports = PortType.allCases.compactMap { portTotals[$0] }
        var technologyCounts: [LinkTechnology: Int] = [:]
        var segmentTotals: [Segment: (count: Int, metres: Int, used: Double, capacity: Double, peak: Double)] = [:]
        for link in network.links {
            technologyCounts[link.technology, default: 0] += 1
            let share = Self.share(of: link)
            var total = segmentTotals[link.segment] ?? (0, 0, 0, 0, 0)
            total.count += 1
            total.metres += link.metres
            total.used += share * Double(link.rate.kilobits)
            total.capacity += Double(link.rate.kilobits)
            total.peak = max(total.peak, share)
            segmentTotals[link.segment] = total
        }
        linksByTechnology = LinkTechnology.allCases.compactMap { tech in technologyCounts[tech].map { (tech, $0) } }
        segments = Segment.allCases.compactMap { segment in
            segmentTotals[segment].map {
                SegmentSummary(
                    segment: segment, linkCount: $0.count, kilometres: Double($0.metres) / 1000,
                    utilisation: $0.capacity > 0 ? $0.used / $0.capacity : 0, peakUtilisation: $0.peak)
            }
        }
        rings = network.rings.map { ring in
            RingSummary(
                id: ring.id, technology: ring.technology, segment: ring.segment, nodeCount: ring.nodes.count,
                rate: ring.links.map { network.links[$0].rate }.min() ?? .zero,
                peakUtilisation: ring.links.map { Self.share(of: network.links[$0]) }.max() ?? 0)
        }
    }

    /// The used share of a link: VC-12 share on SDH, slot share on OTN, committed share otherwise.
    static func share(of link: Link) -> Double {
        if let sdh = link.sdh { return sdh.utilisation }
        if let otn = link.otn, otn.slots > 0 { return Double(otn.used) / Double(otn.slots) }
        return link.utilisation
    }

    /// The statistics as a JSON document (the `--format json` output of `topology stats`).
    public var json: JSONOutput {
        .object([
            ("name", .string(name)),
            ("nodes", .integer(nodeCount)),
            ("links", .integer(linkCount)),
            ("rooms", .integer(roomCount)),
            ("nodesByKind", .object(nodesByKind.map { ($0.0.rawValue, .integer($0.1)) })),
            ("nodesByLayer", .object(nodesByLayer.map { ($0.0.rawValue, .integer($0.1)) })),
            ("linksByTechnology", .object(linksByTechnology.map { ($0.0.rawValue, .integer($0.1)) })),
            (
                "segments",
                .array(
                    segments.map {
                        .object([
                            ("segment", .string($0.segment.rawValue)), ("links", .integer($0.linkCount)),
                            ("km", .decimal(Int(($0.kilometres * 1000).rounded()), scale: 3)),
                            ("utilisation", Self.ratio($0.utilisation)),
                            ("peakUtilisation", Self.ratio($0.peakUtilisation)),
                        ])
                    })
            ),
            (
                "rings",
                .array(
                    rings.map {
                        .object([
                            ("id", .string($0.id)), ("technology", .string($0.technology.rawValue)),
                            ("segment", .string($0.segment.rawValue)), ("nodes", .integer($0.nodeCount)),
                            ("rate", .string($0.rate.description)),
                            ("peakUtilisation", Self.ratio($0.peakUtilisation)),
                        ])
                    })
            ),
            (
                "ports",
                .object(
                    ports.map {
                        ($0.type.rawValue, .object([("total", .integer($0.total)), ("used", .integer($0.used))]))
                    })
            ),
            (
                "pools",
                .array(
                    pools.map {
                        .object([
                            ("id", .string($0.id)), ("purpose", .string($0.purpose.rawValue)),
                            ("prefix", .string($0.prefix.description)),
                        ])
                    })
            ),
        ])
    }

    private static func ratio(_ value: Double) -> JSONOutput {
        .decimal(Int((value * 1000).rounded()), scale: 3)
    }

    /// The statistics as text for a terminal.
    public var text: String {
        var lines: [String] = []
        lines.append(
            "\(name): \(Self.count(nodeCount, "node")), \(Self.count(linkCount, "link")), "
                + "\(Self.count(roomCount, "room")), \(Self.count(rings.count, "ring"))")
        lines.append("")
        lines.append("Nodes by layer: " + nodesByLayer.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        lines.append("Nodes by kind:  " + nodesByKind.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        lines.append(
            "Links by technology: " + linksByTechnology.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        lines.append("")
        lines.append(Self.row(["segment", "links", "km", "used", "peak"]))
        for segment in segments {
            lines.append(
                Self.row([
                    segment.segment.rawValue, String(segment.linkCount),
                    JSONOutput.formatDecimal(Int((segment.kilometres * 10).rounded()), scale: 1),
                    NetworkValidator.percent(segment.utilisation), NetworkValidator.percent(segment.peakUtilisation),
                ]))
        }
        if !rings.isEmpty {
            lines.append("")
            lines.append(Self.row(["ring", "technology", "segment", "nodes", "rate", "peak"]))
            for ring in rings {
                lines.append(
                    Self.row([
                        ring.id, ring.technology.rawValue, ring.segment.rawValue, String(ring.nodeCount),
                        ring.rate.description, NetworkValidator.percent(ring.peakUtilisation),
                    ]))
            }
        }
        if !ports.isEmpty {
            lines.append("")
            lines.append(
                "Ports (used/total): "
                    + ports.map { "\($0.type.rawValue) \($0.used)/\($0.total)" }.joined(
                        separator: ", "))
        }
        if !pools.isEmpty {
            lines.append("")
            for pool in pools {
                lines.append("Pool \(pool.id): \(pool.purpose.rawValue) \(pool.prefix)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    private static func row(_ cells: [String]) -> String {
        let widths = [18, 11, 12, 7, 8, 8]
        return cells.enumerated().map { index, cell in
            index == cells.count - 1 ? cell : cell.padding(toWidth: widths[min(index, widths.count - 1)])
        }.joined()
    }
}

extension String {
    /// The string padded with spaces to at least `width` characters (and one space at least).
    func padding(toWidth width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
