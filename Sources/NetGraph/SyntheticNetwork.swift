import NetAddress

/// Generates deterministic synthetic networks with the structure of a real city branch, for
/// benchmarks and scale tests.
///
/// Each city has four core rooms on an OTN ring (the first hosts the GPRS-VPN access switch and
/// a GGSN, the second the other GGSN, the last two the CMNET routers), PTN 10GE aggregation rings
/// hanging off the OTN nodes, GE access rings of 8 to 18 nodes dual-homed to two aggregation
/// nodes, SDH/MSTP rings with MSAPs, OLTs with splitters, and customer buildings on one or two
/// access nodes. A province joins its cities' core rooms on two OTN backbone rings.
///
///     let network = SyntheticNetwork(scale: .city, seed: 7).generate()
public struct SyntheticNetwork: Sendable {
    /// How big a network to make.
    public enum Scale: String, Sendable, CaseIterable {
        /// One city, about 6,300 nodes.
        case city
        /// Seventeen cities, about 106,000 nodes.
        case province
    }

    /// The scale.
    public var scale: Scale
    /// The seed: the same seed gives the same network.
    public var seed: UInt64
    /// A number of cities other than the scale's, for size benchmarks (issue 13).
    private var cities: Int?

    /// The most cities a generated network has: every city gets its own RFC 1918 blocks.
    public static let maximumCityCount = 54

    /// Creates a generator.
    public init(scale: Scale, seed: UInt64 = 1) {
        self.scale = scale
        self.seed = seed
    }

    /// Creates a generator of a number of cities, each like the one of ``Scale/city``, joined like a
    /// province's on OTN backbone rings of at most 16 cities that meet at the first.
    ///
    /// Seventeen cities give the province of ``Scale/province``; two give some 4.6 MiB of network file and
    /// 43 some 100 MiB (the sizes `lineplan-bench network-size` measures).
    ///
    /// - Parameters:
    ///   - cities: The number of cities, 1 to ``maximumCityCount`` (clamped).
    ///   - seed: The seed.
    public init(cities: Int, seed: UInt64 = 1) {
        let count = min(max(cities, 1), Self.maximumCityCount)
        self.scale = count == 1 ? .city : .province
        self.seed = seed
        self.cities = count
    }

    /// The number of cities.
    public var cityCount: Int { cities ?? (scale == .city ? 1 : 17) }

    /// Makes the network.
    ///
    /// - Complexity: O(*n*) in the number of nodes made.
    public func generate() -> Network {
        var builder = Builder(seed: seed)
        var cityCores: [[Int]] = []
        for city in 0..<cityCount {
            cityCores.append(builder.addCity(city))
        }
        if cityCount > 1 {
            // Backbone rings of at most 16 cities, meeting at the first city (an OTN ring holds 16 nodes at
            // most): the province's 17 cities make two rings of nine.
            let others = cityCount - 1
            let ringCount = (others + 14) / 15
            var rings: [[Int]] = []
            var next = 1
            for ring in 0..<ringCount {
                let size = others / ringCount + (ring < others % ringCount ? 1 : 0)
                rings.append([0] + Array(next..<(next + size)))
                next += size
            }
            for (ringNumber, members) in rings.enumerated() {
                for (position, city) in members.enumerated() {
                    let next = members[(position + 1) % members.count]
                    builder.addLink(
                        "BB\(ringNumber + 1)-\(Builder.cityCode(city))-\(Builder.cityCode(next))", cityCores[city][0],
                        cityCores[next][0], rate: .megabits(100_000), segment: .core, technology: .otn,
                        ring: "OTN-BACKBONE-\(ringNumber + 1)", srlg: ["BB\(ringNumber + 1)-CABLE-\(position)"],
                        otn: OTNSlots(slots: 80, used: builder.random.next(in: 10...50)))
                }
            }
        }
        let name =
            switch cityCount {
            case 1: "Synthetic city (seed \(seed))"
            case 17: "Synthetic province (seed \(seed))"
            default: "Synthetic network of \(cityCount) cities (seed \(seed))"
            }
        return Network(
            name: name, nodes: builder.nodes, links: builder.links, rooms: builder.rooms, pools: builder.pools)
    }

    /// Builds the node and link lists.
    private struct Builder {
        var random: SplitMix64
        var nodes: [Node] = []
        var links: [Link] = []
        var rooms: [Room] = []
        var pools: [Pool] = []

        init(seed: UInt64) {
            random = SplitMix64(seed: seed)
        }

        static func cityCode(_ city: Int) -> String {
            city < 9 ? "C0\(city + 1)" : "C\(city + 1)"
        }

        static func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }

        mutating func addNode(
            _ id: String, _ kind: NodeKind, at location: Location, room: String? = nil, ports: [PortGroup] = [],
            pon: PONFacts? = nil, splitter: SplitterFacts? = nil, area: Area? = nil
        ) -> Int {
            nodes.append(
                Node(
                    id: id, kind: kind, room: room, location: location, ports: ports, pon: pon, splitter: splitter,
                    area: area))
            return nodes.count - 1
        }

        mutating func addLink(
            _ id: String, _ aEnd: Int, _ bEnd: Int, rate: Bandwidth, committed: Bandwidth = .zero,
            segment: Segment, technology: LinkTechnology, ring: String? = nil, srlg: [String] = [],
            sdh: SDHOccupancy? = nil, otn: OTNSlots? = nil, stretch: Double? = nil
        ) {
            let straight = nodes[aEnd].location.distance(to: nodes[bEnd].location)
            let factor = stretch ?? (1.1 + Double(random.next(in: 0...30)) / 100)
            let metres = max(50, Int((straight * factor * 1000).rounded()))
            links.append(
                Link(
                    id: id, aEnd: aEnd, bEnd: bEnd, rate: rate, committed: committed, metres: metres, segment: segment,
                    technology: technology, ring: ring, sharedRiskGroups: srlg, sdh: sdh, otn: otn))
        }

        mutating func jitter(_ location: Location, _ radius: Double) -> Location {
            let east = Double(random.next(in: -1000...1000)) / 1000 * radius
            let north = Double(random.next(in: -1000...1000)) / 1000 * radius
            return Location(x: location.x + east, y: location.y + north)
        }

        /// Adds one city and returns its four core OTN node indices.
        ///
        /// Service platforms are dual-homed.
        mutating func addCity(_ city: Int) -> [Int] {
            let code = Self.cityCode(city)
            let origin = Location(x: Double(city % 5) * 160, y: Double(city / 5) * 160)
            let octet = city + 1
            // RFC 1918 space: 10.(base + city).0.0/16 per purpose, loopbacks a /24; past the 32nd city,
            // 10.(161 + 4 × (city − 32) + purpose).0.0/16, loopbacks the next /24s of the first cities' /16s.
            for (purpose, base) in [
                (Pool.Purpose.interconnect, 0), (.lan, 32), (.apn, 64), (.tunnel, 96), (.loopback, 128),
            ] {
                let length = purpose == .loopback ? 24 : 16
                var network = IPv4Address(UInt32(10) << 24 | UInt32(base + octet) << 16)
                if city >= 32 {
                    let second =
                        purpose == .loopback ? 129 + city % 32 : 161 + 4 * (city - 32) + base / 32
                    let third = purpose == .loopback ? city / 32 : 0
                    network = IPv4Address(UInt32(10) << 24 | UInt32(second) << 16 | UInt32(third) << 8)
                }
                if let prefix = try? IPv4Prefix(network: network, length: length) {
                    pools.append(
                        Pool(
                            id: "\(code)-\(purpose.rawValue.uppercased())", purpose: purpose, prefix: prefix,
                            region: code))
                }
            }
            // Public CMNET space for internet lines: 111.(city).0.0/16.
            if let prefix = try? IPv4Prefix(network: IPv4Address(UInt32(111) << 24 | UInt32(city) << 16), length: 16) {
                pools.append(Pool(id: "\(code)-PUBLIC", purpose: .public, prefix: prefix, region: code))
            }
            // Core rooms on a square, an OTN node in each, closed into a ring.
            let corners = [(-6.0, -6.0), (6.0, -6.0), (6.0, 6.0), (-6.0, 6.0)]
            var cores: [Int] = []
            for (index, corner) in corners.enumerated() {
                let roomID = "\(code)-CORE\(index + 1)"
                let location = Location(x: origin.x + corner.0, y: origin.y + corner.1)
                rooms.append(
                    Room(id: roomID, name: "\(code) core room \(index + 1)", location: location, region: code))
                cores.append(
                    addNode(
                        "\(code)-OTN-\(index + 1)", .otn, at: location, room: roomID,
                        ports: [
                            PortGroup(type: .ge, total: 32, used: random.next(in: 8...24)),
                            PortGroup(type: .tenGE, total: 16, used: random.next(in: 4...12)),
                        ]))
            }
            for index in 0..<4 {
                addLink(
                    "\(code)-OTN-L\(index + 1)", cores[index], cores[(index + 1) % 4], rate: .megabits(100_000),
                    segment: .core, technology: .otn, ring: "\(code)-OTN-RING", srlg: ["\(code)-CORE-CABLE-\(index)"],
                    otn: OTNSlots(slots: 80, used: random.next(in: 10...60)))
            }
            // Service platforms in the core rooms.
            let services: [(String, NodeKind, Int)] = [
                ("GPRS-VPN-SW", .gprsVPNSwitch, 0), ("GGSN-1", .ggsn, 0), ("GGSN-2", .ggsn, 1), ("CMNET-1", .cmnet, 2),
                ("CMNET-2", .cmnet, 3),
            ]
            for (name, kind, coreIndex) in services {
                let service = addNode(
                    "\(code)-\(name)", kind, at: nodes[cores[coreIndex]].location, room: "\(code)-CORE\(coreIndex + 1)",
                    ports: [PortGroup(type: .tenGE, total: 8, used: 2), PortGroup(type: .ge, total: 24, used: 6)])
                addLink(
                    "\(code)-\(name)-UP1", service, cores[coreIndex], rate: .megabits(10_000),
                    committed: .megabits(random.next(in: 500...3000)), segment: .core, technology: .ethernet,
                    srlg: ["\(code)-\(name)-DUCT-1"], stretch: 1)
                addLink(
                    "\(code)-\(name)-UP2", service, cores[(coreIndex + 1) % 4], rate: .megabits(10_000),
                    committed: .megabits(random.next(in: 500...3000)), segment: .core, technology: .ethernet,
                    srlg: ["\(code)-\(name)-DUCT-2"])
            }
            // Aggregation rings of five PTN nodes, two of them homed on neighbouring OTN nodes.
            let aggregationRingCount = 24
            var accessRingNumber = 0
            var buildingNumber = 0
            // Ring centres on a circle of 25 km, stepping by 15° (cos and sin of 15° below).
            var direction = (x: 1.0, y: 0.0)
            for ringIndex in 0..<aggregationRingCount {
                let centre = Location(x: origin.x + 25 * direction.x, y: origin.y + 25 * direction.y)
                direction = (
                    direction.x * 0.965_925_826_289_068_3 - direction.y * 0.258_819_045_102_520_74,
                    direction.x * 0.258_819_045_102_520_74 + direction.y * 0.965_925_826_289_068_3
                )
                let ringID = "\(code)-AGG-\(Self.pad(ringIndex + 1, 2))"
                var members: [Int] = []
                for member in 0..<5 {
                    let location = jitter(centre, 4)
                    members.append(
                        addNode(
                            "\(ringID)-\(member + 1)", .ptn, at: location,
                            ports: [
                                PortGroup(type: .tenGE, total: 8, used: 4),
                                PortGroup(type: .ge, total: 24, used: random.next(in: 6...20)),
                            ]))
                }
                for member in 0..<5 {
                    addLink(
                        "\(ringID)-L\(member + 1)", members[member], members[(member + 1) % 5], rate: .megabits(10_000),
                        committed: .megabits(random.next(in: 1500...7500)), segment: .aggregation, technology: .ptn,
                        ring: ringID, srlg: ["\(ringID)-CABLE-\(member + 1)"])
                }
                let homeA = cores[ringIndex % 4]
                let homeB = cores[(ringIndex + 1) % 4]
                addLink(
                    "\(ringID)-UP1", members[0], homeA, rate: .megabits(10_000),
                    committed: .megabits(random.next(in: 1000...5000)), segment: .core, technology: .ethernet,
                    srlg: ["\(ringID)-UPCABLE-1"])
                addLink(
                    "\(ringID)-UP2", members[1], homeB, rate: .megabits(10_000),
                    committed: .megabits(random.next(in: 1000...5000)), segment: .core, technology: .ethernet,
                    srlg: ["\(ringID)-UPCABLE-2"])
                // GE access rings, each dual-homed to two neighbouring aggregation nodes.
                for accessIndex in 0..<12 {
                    accessRingNumber += 1
                    let first = members[accessIndex % 5]
                    let second = members[(accessIndex + 1) % 5]
                    let accessID = "\(code)-ACC-\(Self.pad(accessRingNumber, 3))"
                    let size = random.next(in: 8...18)
                    let accessCentre = jitter(nodes[first].location, 5)
                    var previous = first
                    var accessNodes: [Int] = []
                    for position in 0..<size {
                        let node = addNode(
                            "\(accessID)-\(Self.pad(position + 1, 2))", .ptn, at: jitter(accessCentre, 2.5),
                            ports: [
                                PortGroup(type: .ge, total: 12, used: random.next(in: 2...10)),
                                PortGroup(type: .fe, total: 8, used: random.next(in: 0...8)),
                            ])
                        accessNodes.append(node)
                        addLink(
                            "\(accessID)-L\(Self.pad(position + 1, 2))", previous, node, rate: .megabits(1000),
                            committed: .megabits(random.next(in: 80...650)), segment: .access, technology: .ptn,
                            ring: accessID, srlg: ["\(accessID)-CABLE-\(position + 1)"])
                        previous = node
                    }
                    addLink(
                        "\(accessID)-L\(Self.pad(size + 1, 2))", previous, second, rate: .megabits(1000),
                        committed: .megabits(random.next(in: 80...650)), segment: .access, technology: .ptn,
                        ring: accessID, srlg: ["\(accessID)-CABLE-\(size + 1)"])
                    addLink(
                        "\(accessID)-CLOSE", second, first, rate: .megabits(1000),
                        committed: .megabits(random.next(in: 80...400)), segment: .access, technology: .ptn,
                        ring: accessID, srlg: ["\(accessID)-CABLE-CLOSE"])
                    // Buildings near access nodes: every other one dual-homed to the next node.
                    for (position, accessNode) in accessNodes.enumerated() where position % 2 == 0 {
                        buildingNumber += 1
                        let buildingID = "\(code)-BLD-\(Self.pad(buildingNumber, 4))"
                        let area: Area = random.next(in: 0...9) == 0 ? .countryside : .town
                        let building = addNode(
                            buildingID, .building, at: jitter(nodes[accessNode].location, 1.2), area: area)
                        addLink(
                            "\(buildingID)-F1", building, accessNode, rate: .megabits(1000), segment: .lastMile,
                            technology: .fibre, srlg: ["\(buildingID)-DUCT-1"])
                        if position + 1 < accessNodes.count, random.next(in: 0...1) == 0 {
                            addLink(
                                "\(buildingID)-F2", building, accessNodes[position + 1], rate: .megabits(1000),
                                segment: .lastMile, technology: .fibre, srlg: ["\(buildingID)-DUCT-2"])
                        }
                    }
                }
                // One OLT per aggregation ring with eight splitters and their buildings.
                let olt = addNode(
                    "\(ringID)-OLT", .olt, at: jitter(centre, 2),
                    ports: [
                        PortGroup(type: .pon, total: 16, used: random.next(in: 4...14)),
                        PortGroup(type: .tenGE, total: 2, used: 1),
                    ], pon: PONFacts(standard: .gpon, opticalClass: "B+"))
                addLink(
                    "\(ringID)-OLT-UP", olt, members[2], rate: .megabits(10_000),
                    committed: .megabits(random.next(in: 500...4000)), segment: .aggregation, technology: .ethernet)
                for splitterIndex in 0..<8 {
                    let splitterID = "\(ringID)-SPL-\(splitterIndex + 1)"
                    let splitter = addNode(
                        splitterID, .splitter, at: jitter(nodes[olt].location, 3),
                        splitter: SplitterFacts(ratio: 32, used: random.next(in: 4...30)))
                    addLink(
                        "\(splitterID)-FEED", olt, splitter, rate: Bandwidth(kilobits: 2_488_320),
                        committed: .megabits(random.next(in: 100...900)), segment: .access, technology: .pon)
                    buildingNumber += 1
                    let buildingID = "\(code)-BLD-\(Self.pad(buildingNumber, 4))"
                    let building = addNode(
                        buildingID, .building, at: jitter(nodes[splitter].location, 1), area: .town)
                    addLink(
                        "\(buildingID)-DROP", building, splitter, rate: .megabits(1000), segment: .lastMile,
                        technology: .pon)
                }
            }
            addSDHRing(code: code, cores: cores, number: 1, origin: origin, buildingNumber: &buildingNumber)
            addSDHRing(code: code, cores: cores, number: 2, origin: origin, buildingNumber: &buildingNumber)
            return cores
        }

        /// An STM-4 SDH/MSTP access ring of eight nodes homed on a core OTN node, with MSAPs.
        mutating func addSDHRing(code: String, cores: [Int], number: Int, origin: Location, buildingNumber: inout Int) {
            let ringID = "\(code)-SDH-\(number)"
            let centre = Location(x: origin.x + (number == 1 ? -12 : 12), y: origin.y + 14)
            var members = [cores[number - 1]]
            let gateway = addNode(
                "\(ringID)-GW", .sdh, at: nodes[cores[number - 1]].location, room: "\(code)-CORE\(number)",
                ports: [PortGroup(type: .stm1, total: 16, used: 6), PortGroup(type: .stm4, total: 4, used: 2)])
            addLink(
                "\(ringID)-GW-UP", gateway, cores[number - 1], rate: .megabits(10_000),
                committed: .megabits(random.next(in: 500...2000)), segment: .core, technology: .ethernet, stretch: 1)
            members = [gateway]
            for position in 1..<8 {
                members.append(
                    addNode(
                        "\(ringID)-\(position)", .sdh, at: jitter(centre, 6),
                        ports: [PortGroup(type: .stm1, total: 8, used: 2), PortGroup(type: .e1, total: 63, used: 20)]))
            }
            for position in 0..<8 {
                addLink(
                    "\(ringID)-L\(position + 1)", members[position], members[(position + 1) % 8],
                    rate: Bandwidth(kilobits: 622_080), segment: .access, technology: .sdh, ring: ringID,
                    srlg: ["\(ringID)-CABLE-\(position + 1)"],
                    sdh: SDHOccupancy(vc4: 4, vc4Used: random.next(in: 0...1), vc12Used: random.next(in: 20...150)))
            }
            for position in 1..<8 {
                let msapID = "\(ringID)-MSAP-\(position)"
                let msap = addNode(
                    msapID, .msap, at: jitter(nodes[members[position]].location, 0.5),
                    ports: [
                        PortGroup(type: .e1, total: 32, used: random.next(in: 4...28)),
                        PortGroup(type: .fe, total: 8, used: 3),
                    ])
                addLink(
                    "\(msapID)-UP", msap, members[position], rate: Bandwidth(kilobits: 155_520), segment: .access,
                    technology: .sdh, sdh: SDHOccupancy(vc4: 1, vc4Used: 0, vc12Used: random.next(in: 4...50)))
                buildingNumber += 1
                let buildingID = "\(code)-BLD-\(Self.pad(buildingNumber, 4))"
                let building = addNode(buildingID, .building, at: jitter(nodes[msap].location, 1.5), area: .town)
                addLink(
                    "\(buildingID)-F1", building, msap, rate: .megabits(100), segment: .lastMile, technology: .fibre,
                    srlg: ["\(buildingID)-DUCT-1"])
            }
        }
    }
}

/// A small, fast, seedable pseudo-random generator (SplitMix64), so generated networks are the
/// same on every machine.
public struct SplitMix64: Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in a closed range, uniformly enough for test data.
    public mutating func next(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % span)
    }
}
