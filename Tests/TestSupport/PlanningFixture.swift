import NetAddress
public import NetGraph
public import Orders
import WorkCalendar

/// A small hand-drawn city for planning tests.
///
///     B-BANK ──0.5 km── MSAP ──STM-1── SDH-1 ──STM-4── SDH-GW ── GPRS-SW
///        └────0.3 km── ACC-1 ──GE── ACC-2 ──GE── AGG-1 ──10GE── AGG-2 ── OTN ── CMNET
///     B-OFFICE ──drop── SPL ──feeder── OLT ── AGG-1                        └── GGSN-1, GGSN-2
///     B-FAR ──2 km── ACC-2   (single-homed)
public enum PlanningFixture {
    public static func network(
        accessCommitted: Bandwidth = .megabits(100), aggregationCommitted: Bandwidth = .megabits(1000),
        accessGEUsed: Int = 4
    ) -> Network {
        let nodes: [Node] = [
            Node(id: "B-BANK", kind: .building, location: Location(x: 0, y: 0), area: .town),
            Node(id: "B-OFFICE", kind: .building, location: Location(x: 3, y: 2), area: .town),
            Node(id: "B-FAR", kind: .building, location: Location(x: 2, y: -1.5), area: .countryside),
            Node(
                id: "MSAP", kind: .msap, location: Location(x: 0.4, y: 0.2),
                ports: [PortGroup(type: .e1, total: 16, used: 4), PortGroup(type: .fe, total: 8, used: 2)]),
            Node(id: "SDH-1", kind: .sdh, location: Location(x: 1, y: 1)),
            Node(id: "SDH-GW", kind: .sdh, location: Location(x: 5, y: 1)),
            Node(id: "GPRS-SW", kind: .gprsVPNSwitch, location: Location(x: 5, y: 1)),
            Node(
                id: "ACC-1", kind: .ptn, location: Location(x: 0.2, y: -0.2),
                ports: [PortGroup(type: .fe, total: 8, used: 2), PortGroup(type: .ge, total: 12, used: accessGEUsed)]),
            Node(
                id: "ACC-2", kind: .ptn, location: Location(x: 2, y: -0.5),
                ports: [PortGroup(type: .fe, total: 8, used: 8), PortGroup(type: .ge, total: 12, used: 4)]),
            Node(id: "AGG-1", kind: .ptn, location: Location(x: 3, y: 0)),
            Node(id: "AGG-2", kind: .ptn, location: Location(x: 4, y: 0)),
            Node(id: "OTN", kind: .otn, location: Location(x: 5, y: 0)),
            Node(id: "CMNET", kind: .cmnet, location: Location(x: 5, y: -0.5)),
            Node(id: "GGSN-1", kind: .ggsn, location: Location(x: 5.5, y: 0)),
            Node(id: "GGSN-2", kind: .ggsn, location: Location(x: 5.5, y: 0.5)),
            Node(
                id: "SPL", kind: .splitter, location: Location(x: 3, y: 1.5),
                splitter: SplitterFacts(ratio: 16, used: 10)),
            Node(
                id: "OLT", kind: .olt, location: Location(x: 3, y: 0.5),
                ports: [PortGroup(type: .pon, total: 8, used: 3)],
                pon: PONFacts(standard: .gpon, opticalClass: "B+")),
        ]
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        func link(
            _ id: String, _ a: String, _ b: String, km: Double, rate: Bandwidth, committed: Bandwidth = .zero,
            segment: Segment, technology: LinkTechnology, sdh: SDHOccupancy? = nil, srlg: [String] = []
        ) -> Link {
            Link(
                id: id, aEnd: index[a] ?? 0, bEnd: index[b] ?? 0, rate: rate, committed: committed,
                metres: Int(km * 1000), segment: segment, technology: technology, sharedRiskGroups: srlg, sdh: sdh)
        }
        let links: [Link] = [
            link(
                "F-BANK-MSAP", "B-BANK", "MSAP", km: 0.5, rate: .megabits(100), segment: .lastMile, technology: .fibre,
                srlg: ["D1"]),
            link(
                "F-BANK-ACC", "B-BANK", "ACC-1", km: 0.3, rate: .megabits(1000), segment: .lastMile, technology: .fibre,
                srlg: ["D2"]),
            link(
                "MSAP-UP", "MSAP", "SDH-1", km: 1, rate: Bandwidth(kilobits: 155_520), segment: .access,
                technology: .sdh,
                sdh: SDHOccupancy(vc4: 1, vc4Used: 0, vc12Used: 10)),
            link(
                "SDH-L1", "SDH-1", "SDH-GW", km: 4.2, rate: Bandwidth(kilobits: 622_080), segment: .access,
                technology: .sdh,
                sdh: SDHOccupancy(vc4: 4, vc4Used: 0, vc12Used: 40)),
            link("GW-SW", "SDH-GW", "GPRS-SW", km: 0.05, rate: .megabits(1000), segment: .core, technology: .ethernet),
            link(
                "ACC-L1", "ACC-1", "ACC-2", km: 2, rate: .megabits(1000), committed: accessCommitted, segment: .access,
                technology: .ptn),
            link(
                "ACC-L2", "ACC-2", "AGG-1", km: 1.2, rate: .megabits(1000), committed: .megabits(100), segment: .access,
                technology: .ptn),
            link(
                "AGG-L1", "AGG-1", "AGG-2", km: 1, rate: .megabits(10_000), committed: aggregationCommitted,
                segment: .aggregation, technology: .ptn),
            link(
                "AGG-UP", "AGG-2", "OTN", km: 1, rate: .megabits(10_000), committed: .megabits(1000), segment: .core,
                technology: .ethernet),
            link("OTN-CMNET", "OTN", "CMNET", km: 0.5, rate: .megabits(10_000), segment: .core, technology: .ethernet),
            link("OTN-SW", "OTN", "GPRS-SW", km: 1, rate: .megabits(10_000), segment: .core, technology: .ethernet),
            link(
                "OTN-GGSN-1", "OTN", "GGSN-1", km: 0.5, rate: .megabits(10_000), segment: .core, technology: .ethernet),
            link(
                "OTN-GGSN-2", "OTN", "GGSN-2", km: 0.7, rate: .megabits(10_000), segment: .core, technology: .ethernet),
            link("F-FAR", "B-FAR", "ACC-2", km: 2, rate: .megabits(1000), segment: .lastMile, technology: .fibre),
            link("DROP", "B-OFFICE", "SPL", km: 0.6, rate: .megabits(1000), segment: .lastMile, technology: .pon),
            link(
                "FEED", "SPL", "OLT", km: 1.1, rate: Bandwidth(kilobits: 2_488_320), segment: .access, technology: .pon),
            link(
                "OLT-UP", "OLT", "AGG-1", km: 0.6, rate: .megabits(10_000), segment: .aggregation, technology: .ethernet
            ),
        ]
        var pools: [Pool] = []
        for (id, purpose, prefix) in [
            ("IC", Pool.Purpose.interconnect, "10.250.0.0/24"), ("LAN", .lan, "172.20.0.0/16"),
            ("APN", .apn, "10.160.0.0/16"), ("TUN", .tunnel, "10.251.0.0/24"), ("LO", .loopback, "10.252.0.0/24"),
            ("PUB", .public, "198.51.100.0/24"),
        ] {
            if let parsed = try? IPv4Prefix(parsing: prefix) {
                pools.append(Pool(id: id, purpose: purpose, prefix: parsed))
            }
        }
        return Network(name: "fixture", nodes: nodes, links: links, pools: pools)
    }

    public static func order(
        _ product: Product, received: String = "2026-09-30", mature: Bool = true, request: RequestKind = .new,
        sites: [OrderSite]
    ) throws -> LoadedOrder {
        let order = Order(
            id: "T-1", customer: "测试客户", product: product, request: request,
            received: try CalendarDate(parsing: received), mature: mature, sites: sites)
        return LoadedOrder(order: order, source: OrderSource(file: "order.json"), warnings: [])
    }
}
