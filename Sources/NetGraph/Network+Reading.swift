public import LocatedJSON
import NetAddress

/// A network read from a file, with the warnings found while checking it.
public struct LoadedNetwork: Sendable {
    /// The network.
    public var network: Network
    /// Warnings (never errors), in file order.
    public var warnings: [SourceDiagnostic]
    /// Whether the file gives no `name`, so that the network is named after the file (a snapshot
    /// loaded under another name takes that name).
    var isNamedAfterFile = false

    /// Creates a result.
    public init(network: Network, warnings: [SourceDiagnostic]) {
        self.network = network
        self.warnings = warnings
    }
}

extension Network {
    /// The keys a network file may have at the top level.
    static let topLevelKeys = ["$schema", "name", "description", "rooms", "nodes", "links", "pools", "policy"]
    static let roomKeys = ["id", "name", "location", "region"]
    static let nodeKeys = [
        "id", "kind", "layer", "name", "room", "location", "ports", "pon", "splitter", "area", "address",
    ]
    static let linkKeys = [
        "id", "a", "b", "rate", "committed", "km", "segment", "technology", "ring", "srlg", "weight", "sdh", "otn",
        "fibre",
    ]
    static let poolKeys = ["id", "purpose", "prefix", "region"]

    /// Reads and checks a network file, reporting every problem at once.
    ///
    /// The checks: JSON syntax, unknown or missing keys, wrong types, duplicate ids, unknown
    /// node and room references, a link to itself, negative or impossible numbers (ports used
    /// above total, committed above rate, VC or slot counts above capacity), overlapping pools,
    /// unknown kinds, rings that are not closed or longer than their technology allows, and
    /// service nodes that no customer building reaches. Warnings (a ring link committed above the
    /// policy's upgrade share, an SDH span above its warning share, a node with no links) do not fail.
    ///
    /// - Parameters:
    ///   - name: The file name for diagnostics.
    ///   - bytes: The file's content.
    /// - Returns: The network and its warnings.
    /// - Throws: ``DiagnosticsError`` with every error and warning, in file order, when there is any error.
    /// - Complexity: O(*s* + *n* + *l* log *l*) for a file of *s* bytes, *n* nodes and *l* links.
    public static func load(name: String, bytes: [UInt8]) throws(DiagnosticsError) -> LoadedNetwork {
        try load(name: name, bytes: bytes, progress: nil)
    }

    /// Loads and validates a network file, telling `progress` how many of its nodes and links are read.
    ///
    /// - Parameters:
    ///   - name: The file's name, for diagnostics.
    ///   - bytes: The file's bytes.
    ///   - progress: Called with (done, total) as nodes and links are read, after the JSON is parsed;
    ///     the last call has done equal to total. `nil` for none.
    /// - Returns: The network and its warnings.
    /// - Throws: `DiagnosticsError` as ``load(name:bytes:)``.
    /// - Complexity: O(*s*) for *s* bytes, as ``load(name:bytes:)``.
    public static func load(name: String, bytes: [UInt8], progress: ((Int, Int) -> Void)?)
        throws(DiagnosticsError) -> LoadedNetwork
    {
        if bytes.count > JSONDocument.maximumSize {
            throw DiagnosticsError(diagnostics: [
                SourceDiagnostic(
                    severity: .error, file: name, line: 1, column: 1,
                    message: "the file is larger than the \(JSONDocument.maximumSize / (1024 * 1024)) MiB "
                        + "limit for network files", path: "")
            ])
        }
        let document = try JSONDocument(name: name, bytes: bytes)
        var reader = NetworkFileReader(report: DiagnosticReport(document: document))
        reader.progress = progress
        let network = reader.read()
        let report = reader.report
        guard let network, !report.hasErrors else {
            throw DiagnosticsError(diagnostics: report.sortedDiagnostics)
        }
        var loaded = LoadedNetwork(network: network, warnings: report.sortedDiagnostics)
        loaded.isNamedAfterFile = reader.isNamedAfterFile
        return loaded
    }
}

/// Where the parts of a network came from in its file, for diagnostics found after reading.
struct NetworkSourceMap {
    var nodeOffsets: [Int] = []
    var nodeFileIndices: [Int] = []
    var linkOffsets: [Int] = []
    var linkFileIndices: [Int] = []
    var linkRingOffsets: [Int] = []
    var poolPrefixOffsets: [Int] = []
    var poolFileIndices: [Int] = []
    /// Ids of nodes that were declared but refused, so links to them are not reported again.
    var refusedNodeIDs: Set<String> = []

    /// The offset and JSON path of the part a whole-network finding is about.
    func place(of part: NetworkFinding.Part) -> (offset: Int, path: String) {
        switch part {
        case .node(let index): (nodeOffsets[index], "nodes[\(nodeFileIndices[index])].id")
        case .link(let index): (linkOffsets[index], "links[\(linkFileIndices[index])].id")
        case .linkRing(let index): (linkRingOffsets[index], "links[\(linkFileIndices[index])].ring")
        case .poolPrefix(let index): (poolPrefixOffsets[index], "pools[\(poolFileIndices[index])].prefix")
        }
    }
}

/// Reads a network file's JSON into a ``Network``, recording problems in a report.
struct NetworkFileReader {
    var report: DiagnosticReport
    var sources = NetworkSourceMap()
    /// Told (done, total) as nodes and links are read.
    var progress: ((Int, Int) -> Void)?
    /// The nodes and links of the file, for ``progress``.
    private var items = 0
    /// The nodes read so far, for ``progress``.
    private var nodesRead = 0
    /// Whether the file gives no `name` (the network takes the file's).
    private(set) var isNamedAfterFile = false

    init(report: DiagnosticReport) {
        self.report = report
    }

    mutating func read() -> Network? {
        guard let top = JSONObjectView(report.document.root, path: "", report: &report) else { return nil }
        top.checkKeys(Network.topLevelKeys, report: &report)
        let fileGivenName = top.string("name", required: false, report: &report)
        isNamedAfterFile = fileGivenName == nil
        let name = fileGivenName ?? report.document.name
        _ = top.string("description", required: false, report: &report)
        let rooms = readRooms(top)
        items = (top.value("nodes")?.elements?.count ?? 0) + (top.value("links")?.elements?.count ?? 0)
        let nodes = readNodes(top, rooms: rooms)
        let links = readLinks(top, nodes: nodes)
        let pools = readPools(top, rooms: rooms.list)
        let policy = readPolicy(top)
        let network = Network(
            name: name, nodes: nodes.list, links: links.list, rooms: rooms.list, pools: pools, policy: policy,
            nodeIndexByID: nodes.ids, linkIndexByID: links.ids)
        for finding in network.validationFindings(warnIsolatedNodes: !report.hasErrors) {
            let (offset, path) = sources.place(of: finding.part)
            switch finding.severity {
            case .error: report.error(finding.message, at: offset, path: path)
            case .warning: report.warning(finding.message, at: offset, path: path)
            }
        }
        return network
    }

    // MARK: - Rooms

    private mutating func readRooms(_ top: JSONObjectView) -> (list: [Room], ids: Set<String>) {
        var rooms: [Room] = []
        var firstOffsets: [String: Int] = [:]
        for (index, value) in (top.array("rooms", required: false, report: &report) ?? []).enumerated() {
            let path = "rooms[\(index)]"
            guard let object = JSONObjectView(value, path: path, report: &report) else { continue }
            object.checkKeys(Network.roomKeys, report: &report)
            guard let id = readID(object, what: "room", firstOffsets: &firstOffsets) else { continue }
            let name = object.string("name", required: false, report: &report) ?? id
            let location = object.value("location").flatMap { readLocation($0, path: object.path("location")) }
            let region = readRegion(object)
            rooms.append(Room(id: id, name: name, location: location, region: region))
        }
        return (rooms, Set(firstOffsets.keys))
    }

    // MARK: - Nodes

    private mutating func readNodes(_ top: JSONObjectView, rooms: (list: [Room], ids: Set<String>))
        -> (list: [Node], ids: [String: Int])
    {
        var nodes: [Node] = []
        var firstOffsets: [String: Int] = [:]
        var indexByID: [String: Int] = [:]
        let values = top.array("nodes", report: &report) ?? []
        nodes.reserveCapacity(values.count)
        firstOffsets.reserveCapacity(values.count)
        indexByID.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            progress?(index, items)
            nodesRead = index + 1
            let path = "nodes[\(index)]"
            guard let object = JSONObjectView(value, path: path, report: &report) else { continue }
            object.checkKeys(Network.nodeKeys, report: &report)
            let id = readID(object, what: "node", firstOffsets: &firstOffsets)
            let kind = readEnum(object, "kind", NodeKind.self, noun: "node kind", spelled: NodeKind.spelledOut)
            if let kind, let layerValue = object.value("layer") {
                if let layerText = object.string("layer", report: &report), layerText != kind.layer.rawValue {
                    report.error(
                        "a '\(kind.rawValue)' node belongs to the \(kind.layer.rawValue) layer, not '\(layerText)'",
                        at: layerValue.offset, path: object.path("layer"))
                }
            }
            let name = object.string("name", required: false, report: &report)
            var room: String?
            if let roomValue = object.value("room"), let roomID = object.string("room", report: &report) {
                if rooms.ids.contains(roomID) {
                    room = roomID
                } else {
                    report.error(NetworkRules.unknownRoom(roomID), at: roomValue.offset, path: object.path("room"))
                }
            }
            var location: Location?
            if let locationValue = object.value("location") {
                location = readLocation(locationValue, path: object.path("location"))
            } else if let roomID = room, let roomLocation = rooms.list.first(where: { $0.id == roomID })?.location {
                location = roomLocation
            } else if room != nil {
                report.error(NetworkRules.missingLocation(roomHasNone: true), at: object.offset, path: path)
            } else {
                report.error(NetworkRules.missingLocation(roomHasNone: false), at: object.offset, path: path)
            }
            let ports = readPorts(object)
            let pon = readPON(object, kind: kind)
            let splitter = readSplitter(object, kind: kind)
            let area = readEnum(object, "area", Area.self, noun: "area", spelled: NetworkRules.areas, required: false)
            if area != nil, let kind, kind != .building, let areaValue = object.value("area") {
                report.error(NetworkRules.areaOnBuildingsOnly, at: areaValue.offset, path: object.path("area"))
            }
            let address = object.string("address", required: false, report: &report)
            if kind == .ggsn, let id, !NetworkRules.isPlainName(id), let idValue = object.value("id") {
                report.error(NetworkRules.invalidGGSNID(id), at: idValue.offset, path: object.path("id"))
                sources.refusedNodeIDs.insert(id)
                continue
            }
            guard let id, let kind, let location else {
                if let id = object.value("id")?.string { sources.refusedNodeIDs.insert(id) }
                continue
            }
            if indexByID[id] == nil { indexByID[id] = nodes.count }
            sources.nodeOffsets.append(object.value("id")?.offset ?? object.offset)
            sources.nodeFileIndices.append(index)
            nodes.append(
                Node(
                    id: id, kind: kind, name: name, room: room, location: location, ports: ports, pon: pon,
                    splitter: splitter, area: area ?? (kind == .building ? .town : nil), address: address))
        }
        return (nodes, indexByID)
    }

    private mutating func readPorts(_ node: JSONObjectView) -> [PortGroup] {
        guard let ports = node.object("ports", required: false, report: &report) else { return [] }
        var groups: [PortGroup] = []
        for member in ports.members {
            let path = ports.path(member.key)
            guard let type = PortType(rawValue: member.key) else {
                report.error(NetworkRules.unknownPortType(member.key), at: member.keyOffset, path: path)
                continue
            }
            guard let counts = JSONObjectView(member.value, path: path, report: &report) else { continue }
            counts.checkKeys(["total", "used"], report: &report)
            guard let total = counts.integer("total", in: 0...100_000, report: &report) else { continue }
            let used = counts.integer("used", required: false, in: 0...100_000, report: &report) ?? 0
            if used > total, let usedValue = counts.value("used") {
                report.error(
                    NetworkRules.portsUsed(used, type, total: total), at: usedValue.offset, path: counts.path("used"))
                continue
            }
            groups.append(PortGroup(type: type, total: total, used: used))
        }
        return groups.sorted { $0.type < $1.type }
    }

    private mutating func readPON(_ node: JSONObjectView, kind: NodeKind?) -> PONFacts? {
        guard let value = node.value("pon") else { return nil }
        if let kind, kind != .olt {
            report.error(NetworkRules.ponOnOLTsOnly, at: value.offset, path: node.path("pon"))
            return nil
        }
        guard let pon = JSONObjectView(value, path: node.path("pon"), report: &report) else { return nil }
        pon.checkKeys(["standard", "opticalClass", "maxONUsPerPort"], report: &report)
        let standard = readEnum(
            pon, "standard", PONFacts.Standard.self, noun: "PON standard", spelled: NetworkRules.ponStandards)
        let opticalClass = pon.string("opticalClass", required: false, report: &report) ?? "B+"
        if PONFacts.budgets[opticalClass] == nil, let classValue = pon.value("opticalClass") {
            report.error(
                NetworkRules.unknownOpticalClass(opticalClass), at: classValue.offset, path: pon.path("opticalClass"))
        }
        let maxONUs = pon.integer("maxONUsPerPort", required: false, in: 1...128, report: &report) ?? 64
        guard let standard else { return nil }
        return PONFacts(standard: standard, opticalClass: opticalClass, maxONUsPerPort: maxONUs)
    }

    private mutating func readSplitter(_ node: JSONObjectView, kind: NodeKind?) -> SplitterFacts? {
        guard let value = node.value("splitter") else {
            if kind == .splitter {
                report.error(NetworkRules.splitterNeedsRatio, at: node.offset, path: node.path)
            }
            return nil
        }
        if let kind, kind != .splitter {
            report.error(NetworkRules.splitterOnSplittersOnly, at: value.offset, path: node.path("splitter"))
            return nil
        }
        guard let splitter = JSONObjectView(value, path: node.path("splitter"), report: &report) else { return nil }
        splitter.checkKeys(["ratio", "used"], report: &report)
        guard let ratio = splitter.integer("ratio", in: 2...128, report: &report) else { return nil }
        if SplitterFacts.losses[ratio] == nil, let ratioValue = splitter.value("ratio") {
            report.error(NetworkRules.splitRatio(ratio), at: ratioValue.offset, path: splitter.path("ratio"))
            return nil
        }
        let used = splitter.integer("used", required: false, in: 0...128, report: &report) ?? 0
        if used > ratio, let usedValue = splitter.value("used") {
            report.error(
                NetworkRules.splitterUsed(used, ratio: ratio), at: usedValue.offset, path: splitter.path("used"))
            return nil
        }
        return SplitterFacts(ratio: ratio, used: used)
    }

    // MARK: - Links

    private mutating func readLinks(_ top: JSONObjectView, nodes: (list: [Node], ids: [String: Int]))
        -> (list: [Link], ids: [String: Int])
    {
        var links: [Link] = []
        var indexByID: [String: Int] = [:]
        var firstOffsets: [String: Int] = [:]
        let values = top.array("links", report: &report) ?? []
        links.reserveCapacity(values.count)
        firstOffsets.reserveCapacity(values.count)
        indexByID.reserveCapacity(values.count)
        defer { progress?(items, items) }
        for (index, value) in values.enumerated() {
            progress?(nodesRead + index, items)
            let path = "links[\(index)]"
            guard let object = JSONObjectView(value, path: path, report: &report) else { continue }
            object.checkKeys(Network.linkKeys, report: &report)
            let id = readID(object, what: "link", firstOffsets: &firstOffsets)
            let aEnd = readEnd(object, "a", nodes: nodes.ids)
            let bEnd = readEnd(object, "b", nodes: nodes.ids)
            if let aEnd, let bEnd, aEnd == bEnd, let bValue = object.value("b") {
                report.error(
                    NetworkRules.linkToItself(id, node: nodes.list[aEnd].id), at: bValue.offset, path: object.path("b"))
            }
            let rate = readBandwidth(object, "rate")
            if let rate, rate == .zero, let rateValue = object.value("rate") {
                report.error(NetworkRules.rateZero, at: rateValue.offset, path: object.path("rate"))
            }
            let committed = readBandwidth(object, "committed", required: false) ?? .zero
            if let rate, committed > rate, let committedValue = object.value("committed") {
                report.error(
                    NetworkRules.committedAboveRate(committed, rate), at: committedValue.offset,
                    path: object.path("committed"))
            }
            let kilometres = object.number("km", in: 0...Link.maximumKilometres, report: &report)
            let segment = readEnum(object, "segment", Segment.self, noun: "segment", spelled: Segment.spelledOut)
            let technology = readEnum(
                object, "technology", LinkTechnology.self, noun: "technology", spelled: LinkTechnology.spelledOut)
            let ring = object.string("ring", required: false, report: &report)
            let sharedRiskGroups = readStrings(object, "srlg")
            let weight = object.integer("weight", required: false, in: 1...1_000_000, report: &report) ?? 10
            let sdh = readSDH(object, technology: technology, rate: rate)
            let otn = readOTN(object, technology: technology, rate: rate)
            let fibre = readFibre(object, technology: technology)
            if technology == .sdh, committed > .zero, let committedValue = object.value("committed") {
                report.error(NetworkRules.committedOnSDH, at: committedValue.offset, path: object.path("committed"))
            }
            guard let id, let aEnd, let bEnd, aEnd != bEnd, let rate, rate > .zero, committed <= rate,
                let kilometres, let segment, let technology
            else { continue }
            indexByID[id] = links.count
            sources.linkOffsets.append(object.value("id")?.offset ?? object.offset)
            sources.linkFileIndices.append(index)
            sources.linkRingOffsets.append(object.value("ring")?.offset ?? object.offset)
            links.append(
                Link(
                    id: id, aEnd: aEnd, bEnd: bEnd, rate: rate, committed: committed,
                    metres: Int((kilometres * 1000).rounded()), segment: segment, technology: technology, ring: ring,
                    sharedRiskGroups: sharedRiskGroups, adminWeight: weight, sdh: sdh, otn: otn, fibre: fibre))
        }
        return (links, indexByID)
    }

    private mutating func readEnd(_ link: JSONObjectView, _ key: String, nodes: [String: Int]) -> Int? {
        guard let id = link.string(key, report: &report) else { return nil }
        guard let index = nodes[id] else {
            if !sources.refusedNodeIDs.contains(id) {
                report.error(
                    NetworkRules.unknownNode(id), at: link.value(key)?.offset ?? link.offset, path: link.path(key))
            }
            return nil
        }
        return index
    }

    private mutating func readSDH(_ link: JSONObjectView, technology: LinkTechnology?, rate: Bandwidth?)
        -> SDHOccupancy?
    {
        guard let value = link.value("sdh") else { return nil }
        if let technology, technology != .sdh {
            report.error(NetworkRules.sdhOnSDHOnly, at: value.offset, path: link.path("sdh"))
            return nil
        }
        guard let sdh = JSONObjectView(value, path: link.path("sdh"), report: &report) else { return nil }
        sdh.checkKeys(["vc4", "vc4Used", "vc12Used"], report: &report)
        let rateVC4 = rate.map { $0.kilobits / 155_520 }
        if let rateVC4, rateVC4 < 1, let rateValue = link.value("rate") {
            report.error(NetworkRules.sdhBelowSTM1(rate), at: rateValue.offset, path: link.path("rate"))
            return nil
        }
        let defaultVC4 = rateVC4
        guard let vc4 = sdh.integer("vc4", required: defaultVC4 == nil, in: 1...256, report: &report) ?? defaultVC4
        else { return nil }
        if let rateVC4, vc4 > rateVC4, let vc4Value = sdh.value("vc4") {
            report.error(
                NetworkRules.sdhVC4AboveRate(rate, rateVC4: rateVC4, vc4: vc4), at: vc4Value.offset,
                path: sdh.path("vc4"))
            return nil
        }
        let vc4Used = sdh.integer("vc4Used", required: false, in: 0...256, report: &report) ?? 0
        let vc12Used = sdh.integer("vc12Used", required: false, in: 0...16_128, report: &report) ?? 0
        if vc4Used > vc4, let usedValue = sdh.value("vc4Used") {
            report.error(NetworkRules.vc4Used(vc4Used, vc4: vc4), at: usedValue.offset, path: sdh.path("vc4Used"))
            return nil
        }
        let capacity = (vc4 - vc4Used) * SDHOccupancy.vc12PerVC4
        if vc12Used > capacity, let usedValue = sdh.value("vc12Used") {
            report.error(
                NetworkRules.vc12Used(vc12Used, capacity: capacity, freeVC4: vc4 - vc4Used), at: usedValue.offset,
                path: sdh.path("vc12Used"))
            return nil
        }
        return SDHOccupancy(vc4: vc4, vc4Used: vc4Used, vc12Used: vc12Used)
    }

    private mutating func readOTN(_ link: JSONObjectView, technology: LinkTechnology?, rate: Bandwidth?) -> OTNSlots? {
        guard let value = link.value("otn") else { return nil }
        if let technology, technology != .otn {
            report.error(NetworkRules.otnOnOTNOnly, at: value.offset, path: link.path("otn"))
            return nil
        }
        guard let otn = JSONObjectView(value, path: link.path("otn"), report: &report) else { return nil }
        otn.checkKeys(["slots", "used"], report: &report)
        guard let slots = otn.integer("slots", in: 1...640, report: &report) else { return nil }
        if let rate, !NetworkRules.slotsFit(slots, in: rate), let slotsValue = otn.value("slots") {
            report.error(NetworkRules.slotsDoNotFit(slots, rate), at: slotsValue.offset, path: otn.path("slots"))
            return nil
        }
        let used = otn.integer("used", required: false, in: 0...640, report: &report) ?? 0
        if used > slots, let usedValue = otn.value("used") {
            report.error(NetworkRules.slotsUsed(used, slots: slots), at: usedValue.offset, path: otn.path("used"))
            return nil
        }
        return OTNSlots(slots: slots, used: used)
    }

    private mutating func readFibre(_ link: JSONObjectView, technology: LinkTechnology?) -> FibreCores? {
        if technology == .sdh || technology == .otn, let value = link.value("fibre") {
            report.error(NetworkRules.fibreOnPacketOnly, at: value.offset, path: link.path("fibre"))
            return nil
        }
        guard let fibre = link.object("fibre", required: false, report: &report) else { return nil }
        fibre.checkKeys(["cores", "used"], report: &report)
        guard let cores = fibre.integer("cores", in: 1...1000, report: &report) else { return nil }
        let used = fibre.integer("used", required: false, in: 0...1000, report: &report) ?? 0
        if used > cores, let usedValue = fibre.value("used") {
            report.error(NetworkRules.coresUsed(used, cores: cores), at: usedValue.offset, path: fibre.path("used"))
            return nil
        }
        return FibreCores(cores: cores, used: used)
    }

    // MARK: - Pools and policy

    /// A room's or pool's optional `region`, checked (``Pool/regionProblem(_:)``).
    private mutating func readRegion(_ object: JSONObjectView) -> String? {
        guard let region = object.string("region", required: false, report: &report),
            let value = object.value("region")
        else { return nil }
        if let problem = Pool.regionProblem(region) {
            report.error(NetworkRules.invalidRegion(region, problem), at: value.offset, path: object.path("region"))
            return nil
        }
        return region
    }

    private mutating func readPools(_ top: JSONObjectView, rooms: [Room]) -> [Pool] {
        let regions = NetworkRules.roomRegions(rooms)
        var pools: [Pool] = []
        var firstOffsets: [String: Int] = [:]
        for (index, value) in (top.array("pools", required: false, report: &report) ?? []).enumerated() {
            guard let object = JSONObjectView(value, path: "pools[\(index)]", report: &report) else { continue }
            object.checkKeys(Network.poolKeys, report: &report)
            let id = readID(object, what: "pool", firstOffsets: &firstOffsets)
            let purpose = readEnum(
                object, "purpose", Pool.Purpose.self, noun: "pool purpose",
                spelled: NetworkRules.purposes)
            var prefix: IPv4Prefix?
            if let text = object.string("prefix", report: &report), let prefixValue = object.value("prefix") {
                let (parsed, problem) = NetworkRules.prefixProblem(text)
                prefix = parsed
                if let problem { report.error(problem, at: prefixValue.offset, path: object.path("prefix")) }
            }
            let region = readRegion(object)
            if let region, !regions.contains(region), let value = object.value("region") {
                report.error(NetworkRules.regionWithoutRoom(region), at: value.offset, path: object.path("region"))
            }
            guard let id, let purpose, let prefix else { continue }
            sources.poolPrefixOffsets.append(object.value("prefix")?.offset ?? object.offset)
            sources.poolFileIndices.append(index)
            pools.append(Pool(id: id, purpose: purpose, prefix: prefix, region: region))
        }
        return pools
    }

    private mutating func readPolicy(_ top: JSONObjectView) -> Policy {
        var policy = Policy()
        guard let object = top.object("policy", required: false, report: &report) else { return policy }
        object.checkKeys(PolicyKey.allCases.map(\.rawValue), report: &report)
        for member in object.members {
            guard let key = PolicyKey(rawValue: member.key) else { continue }
            let path = object.path(member.key)
            if key.isWholeNumber {
                let range = Int(key.allowedRange.lowerBound)...Int(key.allowedRange.upperBound)
                if let value = JSONObjectView.integer(member.value, path: path, in: range, report: &report) {
                    policy[key] = Double(value)
                }
            } else if let value = JSONObjectView.number(
                member.value, path: path, in: key.allowedRange, report: &report)
            {
                policy[key] = value
            }
        }
        return policy
    }

    // MARK: - Shared readers

    private mutating func readID(_ object: JSONObjectView, what: String, firstOffsets: inout [String: Int])
        -> String?
    {
        guard let id = object.string("id", report: &report), let value = object.value("id") else { return nil }
        if let problem = NetworkRules.idProblem(id) {
            report.error(NetworkRules.invalidID(what, id, problem), at: value.offset, path: object.path("id"))
            return nil
        }
        if let first = firstOffsets[id] {
            let (line, column) = report.document.location(of: first)
            report.error(
                "duplicate \(what) id '\(id)'; first defined at line \(line), column \(column)", at: value.offset,
                path: object.path("id"))
            return nil
        }
        firstOffsets[id] = value.offset
        return id
    }

    private mutating func readEnum<Value: RawRepresentable<String> & CaseIterable>(
        _ object: JSONObjectView, _ key: String, _ type: Value.Type, noun: String,
        spelled: @autoclosure () -> String, required: Bool = true
    ) -> Value? {
        guard let text = object.string(key, required: required, report: &report), let value = object.value(key)
        else { return nil }
        switch NetworkRules.enumValue(text, Value.self, noun: noun, spelled: spelled()) {
        case .success(let parsed): return parsed
        case .failure(let problem):
            report.error(problem.message, at: value.offset, path: object.path(key))
            return nil
        }
    }

    private mutating func readBandwidth(_ object: JSONObjectView, _ key: String, required: Bool = true)
        -> Bandwidth?
    {
        guard let value = object.value(key) else {
            if required {
                if let member = object.members.first(where: { $0.key == key }) {
                    report.error("'\(key)' must not be null", at: member.value.offset, path: object.path(key))
                } else {
                    report.error(JSONObjectView.missingKey(key), at: object.offset, path: object.path)
                }
            }
            return nil
        }
        switch value.kind {
        case .string(let text):
            if let bandwidth = Bandwidth(parsing: text) { return bandwidth }
            report.error(NetworkRules.invalidRate(text), at: value.offset, path: object.path(key))
        case .number:
            if let megabits = JSONObjectView.number(value, path: object.path(key), in: 0...1e9, report: &report) {
                return Bandwidth(kilobits: Int((megabits * 1000).rounded()))
            }
        default:
            report.error(
                "expected a rate, found \(value.typeDescription); \(Bandwidth.syntaxHint)", at: value.offset,
                path: object.path(key))
        }
        return nil
    }

    private mutating func readLocation(_ value: JSONValue, path: String) -> Location? {
        guard let elements = value.elements, elements.count == 2 else {
            let found = value.elements.map { "an array of \($0.count)" } ?? value.typeDescription
            report.error("expected [x, y] in km, found \(found)", at: value.offset, path: path)
            return nil
        }
        let range = -100_000.0...100_000.0
        guard let x = JSONObjectView.number(elements[0], path: "\(path)[0]", in: range, report: &report),
            let y = JSONObjectView.number(elements[1], path: "\(path)[1]", in: range, report: &report)
        else { return nil }
        return Location(x: x, y: y)
    }

    private mutating func readStrings(_ object: JSONObjectView, _ key: String) -> [String] {
        guard let elements = object.array(key, required: false, report: &report) else { return [] }
        var strings: [String] = []
        for (index, element) in elements.enumerated() {
            guard let text = element.string, !text.isEmpty else {
                let found = element.string != nil ? "an empty string" : element.typeDescription
                report.error(
                    "expected a non-empty string, found \(found)", at: element.offset,
                    path: "\(object.path(key))[\(index)]")
                continue
            }
            if !strings.contains(text) { strings.append(text) }
        }
        return strings
    }
}
