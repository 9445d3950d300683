import Dispatch
import Foundation
import LocatedJSON
import NetAddress
import NetGraph

/// A node row, accepted by the tables' own checks, waiting for its ports.
private struct NodeDraft {
    var row: Int
    /// The node's index among those the rules of a network file accept, or `nil` when they refuse it.
    var node: Int?
}

/// The node rows the tables accept, and each node id's first row.
private struct NodeDrafts {
    var drafts: [NodeDraft] = []
    /// The first row of each node id.
    var rowByID: [String: Int] = [:]
    /// The draft of each row, or -1.
    var draftOfRow: [Int] = []

    /// The draft of a node id, if its first row is one.
    func draft(of id: String) -> Int? {
        guard let row = rowByID[id], draftOfRow[row] >= 0 else { return nil }
        return draftOfRow[row]
    }
}

/// The ports of one type on one node, gathered from the ports table.
private struct PortDraft {
    var type: String
    var total: Int
    var used: Int
    var typeCell: TableCell
    var totalCell: TableCell
    var usedCell: TableCell
    /// The line of the first row, for the repeated-row message.
    var line: Int
    var counted: Bool
}

/// A point for projecting longitude and latitude onto the plane in km.
private struct Origin {
    var longitude: Double
    var latitude: Double
}

/// A location and the cells it came from.
private struct LocatedPoint {
    var x: Double
    var y: Double
    var first: TableCell
    var second: TableCell
}

/// One member of an SDH, OTN or fibre group of a link row: its value when the cell holds a whole number, and
/// whether the cell held something else (an error already reported; its absence is not reported again).
private struct GroupMember {
    var value: Int?
    var failed = false
    var cell: TableCell

    var isPresent: Bool { value != nil }
}

/// The columns of the links table.
private struct LinkColumns: Sendable {
    let id: Int?
    let a: Int?
    let b: Int?
    let rate: Int?
    let committed: Int?
    let km: Int?
    let segment: Int?
    let technology: Int?
    let ring: Int?
    let srlg: Int?
    let cable: Int?
    let weight: Int?
    /// `vc4`, `vc4Used`, `vc12Used`, `otnSlots`, `otnUsed`, `fibreCores`, `fibreUsed`.
    let groups: [Int?]

    init(_ table: CSVTable) {
        id = table.column("id")
        a = table.column("a")
        b = table.column("b")
        rate = table.column("rate")
        committed = table.column("committed")
        km = table.column("km")
        segment = table.column("segment")
        technology = table.column("technology")
        ring = table.column("ring")
        srlg = table.column("srlg")
        cable = table.column("cable")
        weight = table.column("weight")
        groups = ["vc4", "vc4Used", "vc12Used", "otnSlots", "otnUsed", "fibreCores", "fibreUsed"].map(table.column)
    }
}

/// What a link row holds that needs nothing else of the import: its texts, and what they parse to.
///
/// Reading it reports nothing; the import reports each problem when it reads the row in turn, as if it read it
/// then.
private struct LinkRow: Sendable {
    var id: String?
    var a: String?
    var b: String?
    var rate: String?
    var committed: String?
    var ring: String?
    /// The length when the cell is a plain decimal (``CSVTable/plainDecimal(_:_:)``).
    var kilometres: Double?
    /// The segment and technology in lower case, as files write them.
    var segment: String?
    var technology: String?
    /// The shared-risk groups of `cable`, then `srlg`, each once.
    var groups: [String] = []
    var lineRate: Bandwidth?
    var committedRate: Bandwidth?
    /// Why the id is not an id (``NetworkRules/idProblem(_:)``), or `nil`.
    var idProblem: String?

    private static let segmentNames = Segment.allCases.map { Array($0.rawValue.utf8) }
    private static let technologyNames = LinkTechnology.allCases.map { Array($0.rawValue.utf8) }

    /// Reads every row of a links table.
    ///
    /// - Complexity: O(*s*) in the size of the table.
    static func read(_ table: CSVTable, _ columns: LinkColumns) -> [LinkRow] {
        var rows: [LinkRow] = []
        rows.reserveCapacity(table.count)
        for row in 0..<table.count {
            var values = LinkRow()
            values.id = table.text(row, columns.id)
            values.a = table.text(row, columns.a)
            values.b = table.text(row, columns.b)
            values.rate = table.text(row, columns.rate)
            values.committed = table.text(row, columns.committed)
            values.ring = table.text(row, columns.ring)
            values.kilometres = table.plainDecimal(row, columns.km)
            // A plain name is matched without making a string.
            if table.has(row, columns.segment) {
                values.segment =
                    table.match(row, columns.segment, segmentNames).map { Segment.allCases[$0].rawValue }
                    ?? (table.text(row, columns.segment) ?? "").lowercased()
            }
            if table.has(row, columns.technology) {
                values.technology =
                    table.match(row, columns.technology, technologyNames).map { LinkTechnology.allCases[$0].rawValue }
                    ?? (table.text(row, columns.technology) ?? "").lowercased()
            }
            for column in [columns.cable, columns.srlg] {
                guard let text = table.text(row, column) else { continue }
                for group in InventoryBuilder.riskGroups(text) where !values.groups.contains(group) {
                    values.groups.append(group)
                }
            }
            values.lineRate = values.rate.flatMap(Bandwidth.init(parsing:))
            values.committedRate = values.committed.flatMap(Bandwidth.init(parsing:))
            values.idProblem = values.id.flatMap(NetworkRules.idProblem)
            rows.append(values)
        }
        return rows
    }
}

/// Link rows read on another thread: ``rows`` waits for them.
private final class LinkRowsAhead: @unchecked Sendable {
    /// Tables of fewer rows are read in turn: a thread costs more than they take.
    static let minimumRows = 4096

    private let done = DispatchSemaphore(value: 0)
    /// Written once, before `done` is signalled; read after it is waited for.
    private var result: [LinkRow] = []

    func finish(_ rows: [LinkRow]) {
        result = rows
        done.signal()
    }

    /// The rows, once read.
    var rows: [LinkRow] {
        done.wait()
        done.signal()
        return result
    }
}

/// A ring the links name or the rings table declares.
private struct RingState {
    /// Its row in the rings table, when declared there.
    var declaredRow: Int?
    /// Whether a link names it (any link row, read or not).
    var used = false
    /// The technology and segment of its first link that is read.
    var first: (technology: String, segment: String)?
}

/// What the network being built has so far, as the network reader would have it.
private struct NetworkParts {
    var rooms: [Room] = []
    var roomIndex: [String: Int] = [:]
    var nodes: [Node] = []
    var nodeIndex: [String: Int] = [:]
    /// Ids of nodes the rules refused, so links to them are not reported again.
    var refusedNodeIDs: Set<String> = []
    var links: [Link] = []
    var linkIndex: [String: Int] = [:]
    var pools: [Pool] = []
    var policy = Policy()
    /// Where each node's, link's and pool's findings go: its id cell (a link's ring cell too, a pool's prefix
    /// cell), and its item in the network file.
    var nodeSources: [(cell: TableCell, item: Int)] = []
    var linkSources: [(id: TableCell, ring: TableCell, item: Int)] = []
    var poolSources: [(prefix: TableCell, item: Int)] = []
}

extension InventoryBuilder {
    /// Keys of `policy.csv` that are not planning numbers.
    static let nameKey = "name"
    static let originLongitudeKey = "origin.longitude"
    static let originLatitudeKey = "origin.latitude"

    /// Builds the network from the tables, checking each value by the rules of a network file where it is
    /// read, then the whole network.
    mutating func build(_ tables: [InventoryTable: CSVTable], defaultName: String) -> Network {
        var name = defaultName
        var origin: Origin?
        var parts = NetworkParts()
        // The links' rows are read ahead while the nodes and ports are: on another core for a large table.
        let links = tables[.links].map { ($0, LinkColumns($0)) }
        var ahead: LinkRowsAhead?
        if let (table, columns) = links, table.count >= LinkRowsAhead.minimumRows {
            let reading = LinkRowsAhead()
            DispatchQueue.global().async { reading.finish(LinkRow.read(table, columns)) }
            ahead = reading
        }
        if let policy = tables[.policy] { readPolicy(policy, name: &name, into: &parts, origin: &origin) }
        let located = tables[.rooms].map { readRooms($0, origin: origin, into: &parts) } ?? [:]
        let nodes = tables[.nodes].map { readNodes($0, rooms: located, origin: origin, into: &parts) } ?? NodeDrafts()
        if let ports = tables[.ports] { readPorts(ports, nodes: nodes, into: &parts) }
        // Each node id's first row is its index when every row is a node (the usual case); else counted again.
        if let table = tables[.nodes], parts.nodes.count == table.count {
            parts.nodeIndex = nodes.rowByID
        } else {
            for (index, node) in parts.nodes.enumerated() where parts.nodeIndex[node.id] == nil {
                parts.nodeIndex[node.id] = index
            }
        }
        if let (table, columns) = links {
            let rows = ahead?.rows ?? LinkRow.read(table, columns)
            readLinks(table, columns, rows, rings: tables[.rings], into: &parts)
        }
        if let pools = tables[.pools] { readPools(pools, into: &parts) }
        let network = Network(
            name: name, nodes: parts.nodes, links: parts.links, rooms: parts.rooms, pools: parts.pools,
            policy: parts.policy, nodeIndexByID: parts.nodeIndex, linkIndexByID: parts.linkIndex)
        for finding in network.validationFindings(warnIsolatedNodes: !networkHadErrors) {
            let cell: TableCell
            let position: FilePosition
            switch finding.part {
            case .node(let index):
                cell = parts.nodeSources[index].cell
                position = FilePosition(section: FilePosition.nodes, item: parts.nodeSources[index].item, member: 1)
            case .link(let index):
                cell = parts.linkSources[index].id
                position = FilePosition(section: FilePosition.links, item: parts.linkSources[index].item, member: 1)
            case .linkRing(let index):
                cell = parts.linkSources[index].ring
                position = FilePosition(section: FilePosition.links, item: parts.linkSources[index].item, member: 9)
            case .poolPrefix(let index):
                cell = parts.poolSources[index].prefix
                position = FilePosition(section: FilePosition.pools, item: parts.poolSources[index].item, member: 3)
            }
            if finding.severity == .error { networkHadErrors = true }
            problems.append(
                NetworkProblem(
                    severity: finding.severity, message: finding.message, place: cell.place, position: position))
        }
        return network
    }

    // MARK: - Policy

    private mutating func readPolicy(
        _ table: CSVTable, name: inout String, into parts: inout NetworkParts, origin: inout Origin?
    ) {
        var keyByFolded: [String: String] = [:]
        for key in PolicyKey.allCases.map(\.rawValue) + [Self.nameKey, Self.originLongitudeKey, Self.originLatitudeKey]
        {
            keyByFolded[InventoryColumn.fold(key)] = key
        }
        for alias in ["网络名称", "名称"] { keyByFolded[alias] = Self.nameKey }
        keyByFolded["原点经度"] = Self.originLongitudeKey
        keyByFolded["原点纬度"] = Self.originLatitudeKey
        let keyColumn = table.column("key")
        let valueColumn = table.column("value")
        var seen: [String: Int] = [:]
        var longitude: Double?
        var latitude: Double?
        var members = 0
        for row in 0..<table.count where !table.isTainted(row) {
            guard let keyText = required(table, row, keyColumn, "key", what: "a policy row"),
                required(table, row, valueColumn, "value", what: "a policy row") != nil
            else { continue }
            guard let key = keyByFolded[InventoryColumn.fold(keyText)] else {
                error(
                    "unknown policy key '\(TextHygiene.shown(keyText))'; expected name, origin.longitude, "
                        + "origin.latitude or a planning key such as accessMaxUtilisation (see README)",
                    at: table.place(row, keyColumn))
                continue
            }
            if let first = seen[key] {
                error("policy key '\(key)' is already set on line \(first)", at: table.place(row, keyColumn))
                continue
            }
            seen[key] = table.line(row)
            switch key {
            case Self.nameKey: name = table.text(row, valueColumn) ?? name
            case Self.originLongitudeKey: longitude = number(table, row, valueColumn, in: -180...180)
            case Self.originLatitudeKey: latitude = number(table, row, valueColumn, in: -90...90)
            default:
                guard let value = number(table, row, valueColumn), let policyKey = PolicyKey(rawValue: key) else {
                    continue
                }
                // As the network file holds it: an integer when whole, read back within the key's range.
                let position = FilePosition(section: FilePosition.policy, item: members, member: 0)
                members += 1
                let written = JSONNumber(written: value)
                let range = policyKey.allowedRange
                let checked =
                    policyKey.isWholeNumber
                    ? JSONObjectView.integer(written, in: Int(range.lowerBound)...Int(range.upperBound)).map(
                        Double.init)
                    : JSONObjectView.number(written, in: range)
                switch checked {
                case .success(let number): parts.policy[policyKey] = number
                case .failure(let problem):
                    fileError(problem.message, at: TableCell(table: table, row: row, column: valueColumn), position)
                }
            }
        }
        if let longitude, let latitude { origin = Origin(longitude: longitude, latitude: latitude) }
    }

    // MARK: - Rooms

    /// Reads the rooms; returns whether each room the tables accept has a location.
    private mutating func readRooms(_ table: CSVTable, origin: Origin?, into parts: inout NetworkParts) -> [String:
        Bool]
    {
        let columns = LocationColumns(table)
        let idColumn = table.column("id")
        let nameColumn = table.column("name")
        let regionColumn = table.column("region")
        var located: [String: Bool] = [:]
        var firstLine: [String: Int] = [:]
        var item = 0
        for row in 0..<table.count {
            guard let id = required(table, row, idColumn, "id", what: "a room"), !table.isTainted(row) else {
                if let id = table.text(row, idColumn) { refusedRooms.insert(id) }
                continue
            }
            if let first = firstLine[id] {
                error("duplicate room id '\(id)'; first on line \(first)", at: table.place(row, idColumn))
                continue
            }
            firstLine[id] = table.line(row)
            var point: LocatedPoint?
            switch location(table, row, columns, origin: origin) {
            case .some(.some(let found)): point = found
            case .some(.none):
                refusedRooms.insert(id)
                continue
            case .none: break
            }
            located[id] = point != nil
            // The rules of a network file.
            let position = { (member: Int) in FilePosition(section: FilePosition.rooms, item: item, member: member) }
            item += 1
            var valid = true
            if let problem = NetworkRules.idProblem(id) {
                fileError(
                    NetworkRules.invalidID("room", id, problem),
                    at: TableCell(table: table, row: row, column: idColumn),
                    position(1))
                valid = false
            }
            let location = point.flatMap { checkedLocation($0, position(4)) }
            let region = checkedRegion(
                table.text(row, regionColumn), TableCell(table: table, row: row, column: regionColumn), position(6))
            guard valid else { continue }
            parts.roomIndex[id] = parts.rooms.count
            parts.rooms.append(
                Room(id: id, name: table.text(row, nameColumn) ?? id, location: location, region: region))
        }
        return located
    }

    /// A location as a network file holds it — each coordinate to the metre — within the file's bounds, or `nil`
    /// after an error at the first coordinate out of them.
    private mutating func checkedLocation(_ point: LocatedPoint, _ first: FilePosition) -> Location? {
        var coordinates: [Double] = []
        for (value, cell, member) in [(point.x, point.first, first.member), (point.y, point.second, first.member + 1)] {
            let written = JSONNumber(decimal: Int((value * 1000).rounded()), scale: 3)
            switch JSONObjectView.number(written, in: -100_000...100_000) {
            case .success(let coordinate): coordinates.append(coordinate)
            case .failure(let problem):
                fileError(
                    problem.message, at: cell, FilePosition(section: first.section, item: first.item, member: member))
                return nil
            }
        }
        return Location(x: coordinates[0], y: coordinates[1])
    }

    /// A room's or pool's region, or `nil` (after an error when it is not a region).
    private mutating func checkedRegion(_ region: String?, _ cell: TableCell, _ position: FilePosition) -> String? {
        guard let region else { return nil }
        if let problem = Pool.regionProblem(region) {
            fileError(NetworkRules.invalidRegion(region, problem), at: cell, position)
            return nil
        }
        return region
    }

    // MARK: - Nodes

    private mutating func readNodes(
        _ table: CSVTable, rooms: [String: Bool], origin: Origin?, into parts: inout NetworkParts
    ) -> NodeDrafts {
        let columns = LocationColumns(table)
        let idColumn = table.column("id")
        let kindColumn = table.column("kind")
        let nameColumn = table.column("name")
        let roomColumn = table.column("room")
        let standardColumn = table.column("ponStandard")
        let classColumn = table.column("opticalClass")
        let maxONUsColumn = table.column("maxONUsPerPort")
        let ratioColumn = table.column("splitterRatio")
        let splitterUsedColumn = table.column("splitterUsed")
        let areaColumn = table.column("area")
        let addressColumn = table.column("address")
        let kinds = Self.cases(NodeKind.self)
        let kindNames = NodeKind.allCases.map { Array($0.rawValue.utf8) }
        var drafts: [NodeDraft] = []
        drafts.reserveCapacity(table.count)
        parts.nodes.reserveCapacity(table.count)
        parts.nodeSources.reserveCapacity(table.count)
        var draftOfRow = Array(repeating: -1, count: table.count)
        var firstRow: [String: Int] = [:]
        firstRow.reserveCapacity(table.count)
        for row in 0..<table.count {
            let id = required(table, row, idColumn, "id", what: "a node")
            let hasKind = present(table, row, kindColumn, "kind", what: "a node")
            guard let id, hasKind, !table.isTainted(row) else {
                if let id { refusedNodes.insert(id) }
                continue
            }
            if let first = firstRow[id] {
                error(
                    "duplicate node id '\(id)'; first on line \(table.line(first))", at: table.place(row, idColumn))
                continue
            }
            firstRow[id] = row
            let room = table.text(row, roomColumn)
            if let room, refusedRooms.contains(room) {
                refusedNodes.insert(id)
                continue
            }
            var valid = true
            var point: LocatedPoint?
            switch location(table, row, columns, origin: origin) {
            case .some(.some(let found)): point = found
            case .some(.none): valid = false
            case .none:
                if let room, rooms[room] == false {
                    error(
                        "no location: fill x and y (or longitude and latitude), or give room '\(room)' one",
                        at: table.place(row, columns.x))
                    valid = false
                } else if room == nil {
                    error(
                        "no location: fill x and y (or longitude and latitude), or name a room that has one",
                        at: table.place(row, columns.x))
                    valid = false
                }
            }
            let standard = table.text(row, standardColumn)?.lowercased()
            let opticalClass = table.text(row, classColumn)?.uppercased()
            var maxONUs: Int?
            if table.has(row, maxONUsColumn) {
                maxONUs = integer(table, row, maxONUsColumn)
                if maxONUs == nil { valid = false }
            }
            var splitter: [Int?] = []
            for column in [ratioColumn, splitterUsedColumn] {
                guard table.has(row, column) else {
                    splitter.append(nil)
                    continue
                }
                let value = integer(table, row, column)
                if value == nil { valid = false }
                splitter.append(value)
            }
            guard valid else {
                refusedNodes.insert(id)
                continue
            }
            // The rules of a network file.
            let item = drafts.count
            let position = { (member: Int) in FilePosition(section: FilePosition.nodes, item: item, member: member) }
            let cell = { (column: Int?) in TableCell(table: table, row: row, column: column) }
            var idValid = true
            if let problem = NetworkRules.idProblem(id) {
                fileError(NetworkRules.invalidID("node", id, problem), at: cell(idColumn), position(1))
                idValid = false
            }
            let nodeKind =
                table.match(row, kindColumn, kindNames).map { NodeKind.allCases[$0] }
                ?? enumCase(
                    Self.nodeKind(table.text(row, kindColumn) ?? ""), kinds, noun: "node kind",
                    spelled: NodeKind.spelledOut,
                    at: cell(kindColumn), position(2))
            var knownRoom: String?
            if let room {
                if parts.roomIndex[room] != nil {
                    knownRoom = room
                } else {
                    fileError(NetworkRules.unknownRoom(room), at: cell(roomColumn), position(4))
                }
            }
            var location: Location?
            if let point {
                location = checkedLocation(point, position(6))
            } else if let knownRoom, let index = parts.roomIndex[knownRoom],
                let roomLocation = parts.rooms[index].location
            {
                location = roomLocation
            } else {
                fileError(
                    NetworkRules.missingLocation(roomHasNone: knownRoom != nil), at: table.start(row), position(0))
            }
            var pon: PONFacts?
            if standard != nil || opticalClass != nil || maxONUs != nil {
                let ponCell = cell(standard == nil ? classColumn : standardColumn)
                if let nodeKind, nodeKind != .olt {
                    fileError(NetworkRules.ponOnOLTsOnly, at: ponCell, position(8))
                } else {
                    var ponStandard: PONFacts.Standard?
                    if let standard {
                        switch NetworkRules.enumValue(
                            standard, PONFacts.Standard.self, noun: "PON standard", spelled: NetworkRules.ponStandards)
                        {
                        case .success(let value): ponStandard = value
                        case .failure(let problem): fileError(problem.message, at: cell(standardColumn), position(9))
                        }
                    } else {
                        fileError(JSONObjectView.missingKey("standard"), at: ponCell, position(8))
                    }
                    if let opticalClass, PONFacts.budgets[opticalClass] == nil {
                        fileError(NetworkRules.unknownOpticalClass(opticalClass), at: cell(classColumn), position(10))
                    }
                    var onus = 64
                    if let maxONUs {
                        switch JSONObjectView.integer(Self.written(maxONUs), in: 1...128) {
                        case .success(let value): onus = value
                        case .failure(let problem): fileError(problem.message, at: cell(maxONUsColumn), position(11))
                        }
                    }
                    pon = ponStandard.map {
                        PONFacts(standard: $0, opticalClass: opticalClass ?? "B+", maxONUsPerPort: onus)
                    }
                }
            }
            var splitterFacts: SplitterFacts?
            let (ratio, branchesUsed) = (splitter[0], splitter[1])
            if ratio != nil || branchesUsed != nil {
                let splitterCell = cell(ratio == nil ? splitterUsedColumn : ratioColumn)
                if let nodeKind, nodeKind != .splitter {
                    fileError(NetworkRules.splitterOnSplittersOnly, at: splitterCell, position(12))
                } else if let ratio {
                    switch JSONObjectView.integer(Self.written(ratio), in: 2...128) {
                    case .failure(let problem): fileError(problem.message, at: cell(ratioColumn), position(13))
                    case .success(let ratio) where SplitterFacts.losses[ratio] == nil:
                        fileError(NetworkRules.splitRatio(ratio), at: cell(ratioColumn), position(13))
                    case .success(let ratio):
                        var used = 0
                        if let branchesUsed {
                            switch JSONObjectView.integer(Self.written(branchesUsed), in: 0...128) {
                            case .success(let value): used = value
                            case .failure(let problem):
                                fileError(problem.message, at: cell(splitterUsedColumn), position(14))
                            }
                        }
                        if branchesUsed != nil, used > ratio {
                            fileError(
                                NetworkRules.splitterUsed(used, ratio: ratio), at: cell(splitterUsedColumn),
                                position(14))
                        } else {
                            splitterFacts = SplitterFacts(ratio: ratio, used: used)
                        }
                    }
                } else {
                    fileError(JSONObjectView.missingKey("ratio"), at: splitterCell, position(12))
                }
            } else if nodeKind == .splitter {
                fileError(NetworkRules.splitterNeedsRatio, at: table.start(row), position(0))
            }
            var area: Area?
            if let text = table.text(row, areaColumn) {
                switch NetworkRules.enumValue(Self.area(text), Area.self, noun: "area", spelled: NetworkRules.areas) {
                case .success(let value): area = value
                case .failure(let problem): fileError(problem.message, at: cell(areaColumn), position(15))
                }
                if area != nil, let nodeKind, nodeKind != .building {
                    fileError(NetworkRules.areaOnBuildingsOnly, at: cell(areaColumn), position(15))
                }
            }
            var node: Int?
            if nodeKind == .ggsn, idValid, !NetworkRules.isPlainName(id) {
                fileError(NetworkRules.invalidGGSNID(id), at: cell(idColumn), position(1))
                parts.refusedNodeIDs.insert(id)
            } else if idValid, let nodeKind, let location {
                node = parts.nodes.count
                parts.nodeSources.append((cell(idColumn), item))
                parts.nodes.append(
                    Node(
                        id: id, kind: nodeKind, name: table.text(row, nameColumn), room: knownRoom, location: location,
                        pon: pon, splitter: splitterFacts, area: area ?? (nodeKind == .building ? .town : nil),
                        address: table.text(row, addressColumn)))
            } else {
                parts.refusedNodeIDs.insert(id)
            }
            draftOfRow[row] = drafts.count
            drafts.append(NodeDraft(row: row, node: node))
        }
        return NodeDrafts(drafts: drafts, rowByID: firstRow, draftOfRow: draftOfRow)
    }

    /// Each case of a closed list by its raw value: a table repeats a few values many times, and a lookup
    /// by hash is quicker than comparing with each case.
    static func cases<Value: RawRepresentable<String> & CaseIterable>(_ type: Value.Type) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: Value.allCases.map { ($0.rawValue, $0) })
    }

    /// A case of a closed list, or `nil` after the network reader's error at its cell.
    private mutating func enumCase<Value: RawRepresentable<String> & CaseIterable>(
        _ text: String, _ cases: [String: Value], noun: String, spelled: @autoclosure () -> String,
        at cell: TableCell, _ position: FilePosition
    ) -> Value? {
        if let value = cases[text] { return value }
        switch NetworkRules.enumValue(text, Value.self, noun: noun, spelled: spelled()) {
        case .success(let value): return value
        case .failure(let problem):
            fileError(problem.message, at: cell, position)
            return nil
        }
    }

    /// A whole number as a network file holds it.
    static func written(_ value: Int) -> JSONNumber {
        JSONNumber(double: Double(value), integer: value)
    }

    /// A node kind as written in files, from English in any case or the resource system's Chinese.
    static func nodeKind(_ text: String) -> String {
        let lower = text.lowercased()
        return kindAliases[lower] ?? lower
    }

    private static let kindAliases = [
        "分光器": "splitter", "楼宇": "building", "客户": "building", "客户站点": "building", "接入交换机": "access-switch",
        "gprs-vpn交换机": "gprs-vpn-switch", "无线ap": "wlan-ap", "ap": "wlan-ap", "mstp": "sdh",
    ]

    /// An area as written in files, from English or Chinese.
    static func area(_ text: String) -> String {
        areaAliases[text] ?? text.lowercased()
    }

    private static let areaAliases = ["城镇": "town", "城区": "town", "农村": "countryside"]

    // MARK: - Ports

    private mutating func readPorts(_ table: CSVTable, nodes: NodeDrafts, into parts: inout NetworkParts) {
        let nodeColumn = table.column("node")
        let typeColumn = table.column("type")
        let totalColumn = table.column("total")
        let usedColumn = table.column("used")
        let stateColumn = table.column("state")
        var ports: [[PortDraft]] = Array(repeating: [], count: nodes.drafts.count)
        for row in 0..<table.count where !table.isTainted(row) {
            guard let node = required(table, row, nodeColumn, "node", what: "a port row"),
                let typeText = required(table, row, typeColumn, "type", what: "a port row")
            else { continue }
            guard let index = nodes.draft(of: node) else {
                if !refusedNodes.contains(node) {
                    error("unknown node '\(node)': it is not in the nodes table", at: table.place(row, nodeColumn))
                }
                continue
            }
            let type = Self.portType(typeText)
            let hasCounts = table.has(row, totalColumn) || table.has(row, usedColumn)
            let state = table.text(row, stateColumn)
            if hasCounts, state != nil {
                error(
                    "give either counts ('total', 'used') or one port with its 'state', not both",
                    at: table.place(row, stateColumn))
                continue
            }
            if !hasCounts, state == nil {
                error(
                    "no port count: fill 'total' (and 'used'), or give one port per row with its 'state'",
                    at: table.place(row, totalColumn))
                continue
            }
            var portsUsed = 0
            var portsTotal = 1
            if let state {
                guard let used = Self.portState(state) else {
                    error(
                        "unknown port state '\(TextHygiene.shown(state))'; expected used or free (占用, 空闲)",
                        at: table.place(row, stateColumn))
                    continue
                }
                portsUsed = used ? 1 : 0
            } else {
                guard required(table, row, totalColumn, "total", what: "a row of port counts") != nil,
                    let total = integer(table, row, totalColumn)
                else { continue }
                portsTotal = total
                if table.has(row, usedColumn) {
                    guard let used = integer(table, row, usedColumn) else { continue }
                    portsUsed = used
                }
            }
            if let existing = ports[index].firstIndex(where: { $0.type == type }) {
                guard !ports[index][existing].counted, state != nil else {
                    error(
                        "\(type) ports of node '\(node)' are already given on line \(ports[index][existing].line); "
                            + "give one row of counts, or one row per port", at: table.place(row, typeColumn))
                    continue
                }
                ports[index][existing].total += 1
                ports[index][existing].used += portsUsed
                continue
            }
            let cell = { (column: Int?) in TableCell(table: table, row: row, column: column) }
            ports[index].append(
                PortDraft(
                    type: type, total: portsTotal, used: portsUsed, typeCell: cell(typeColumn),
                    totalCell: cell(state == nil ? totalColumn : stateColumn),
                    usedCell: cell(state == nil ? usedColumn : stateColumn), line: table.line(row),
                    counted: state == nil))
        }
        // The rules of a network file, for every node the tables accept (the rules may refuse it still).
        for (index, groups) in ports.enumerated() where !groups.isEmpty {
            var accepted: [PortGroup] = []
            for (number, group) in groups.enumerated() {
                let position = { (member: Int) in
                    FilePosition(section: FilePosition.nodes, item: index, member: 20 + 4 * number + member)
                }
                guard let type = PortType(rawValue: group.type) else {
                    fileError(NetworkRules.unknownPortType(group.type), at: group.typeCell, position(0))
                    continue
                }
                let total: Int
                switch JSONObjectView.integer(Self.written(group.total), in: 0...100_000) {
                case .success(let value): total = value
                case .failure(let problem):
                    fileError(problem.message, at: group.totalCell, position(2))
                    continue
                }
                var used = 0
                switch JSONObjectView.integer(Self.written(group.used), in: 0...100_000) {
                case .success(let value): used = value
                case .failure(let problem): fileError(problem.message, at: group.usedCell, position(3))
                }
                if used > total {
                    fileError(NetworkRules.portsUsed(used, type, total: total), at: group.usedCell, position(3))
                    continue
                }
                accepted.append(PortGroup(type: type, total: total, used: used))
            }
            if let node = nodes.drafts[index].node { parts.nodes[node].ports = accepted.sorted { $0.type < $1.type } }
        }
    }

    /// A port type as written in files, from common spellings (`ge`, `10G`, `STM1`, 千兆).
    static func portType(_ text: String) -> String {
        var folded = text.uppercased()
        if folded.utf8.contains(UInt8(ascii: " ")) { folded = folded.replacingOccurrences(of: " ", with: "") }
        return portAliases[folded] ?? folded
    }

    private static let portAliases = [
        "GBE": "GE", "1GE": "GE", "10G": "10GE", "XGE": "10GE", "100G": "100GE", "STM1": "STM-1", "STM4": "STM-4",
        "STM16": "STM-16", "V35": "V.35", "百兆": "FE", "千兆": "GE", "万兆": "10GE",
    ]

    /// Whether a port state means in use; `nil` when it is not a state.
    static func portState(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "used", "in use", "occupied", "reserved", "占用", "已用", "在用", "预占": true
        case "free", "idle", "available", "空闲", "可用": false
        default: nil
        }
    }

    // MARK: - Links

    private mutating func readLinks(
        _ table: CSVTable, _ columns: LinkColumns, _ ahead: [LinkRow], rings: CSVTable?, into parts: inout NetworkParts
    ) {
        let declared = rings.map { readRings($0) }
        let idColumn = columns.id
        let aColumn = columns.a
        let bColumn = columns.b
        let rateColumn = columns.rate
        let committedColumn = columns.committed
        let kmColumn = columns.km
        let segmentColumn = columns.segment
        let technologyColumn = columns.technology
        let ringColumn = columns.ring
        let weightColumn = columns.weight
        let groupColumns = columns.groups
        let segments = Self.cases(Segment.self)
        let technologies = Self.cases(LinkTechnology.self)
        // Each ring a link names or the rings table declares: one lookup per link.
        var ringStates: [String: RingState] = [:]
        for (ring, row) in declared ?? [:] { ringStates[ring] = RingState(declaredRow: row) }
        // Each link id's first item of the network file (the links the tables accept), and each item's row.
        var firstItem: [String: Int] = [:]
        firstItem.reserveCapacity(table.count)
        var itemRows: [Int] = []
        itemRows.reserveCapacity(table.count)
        parts.links.reserveCapacity(table.count)
        parts.linkSources.reserveCapacity(table.count)
        var item = 0
        for row in 0..<table.count {
            let values = ahead[row]
            let id = values.id ?? required(table, row, idColumn, "id", what: "a link")
            let a = values.a ?? required(table, row, aColumn, "a", what: "a link")
            let b = values.b ?? required(table, row, bColumn, "b", what: "a link")
            let rate = values.rate ?? required(table, row, rateColumn, "rate", what: "a link")
            let hasKilometres = present(table, row, kmColumn, "km", what: "a link")
            let hasSegment = present(table, row, segmentColumn, "segment", what: "a link")
            let hasTechnology = present(table, row, technologyColumn, "technology", what: "a link")
            guard let id, let a, let b, let rate, hasKilometres, hasSegment, hasTechnology, !table.isTainted(row)
            else {
                if let ring = values.ring { ringStates[ring]?.used = true }
                continue
            }
            if refusedNodes.contains(a) || refusedNodes.contains(b) {
                if let ring = values.ring { ringStates[ring]?.used = true }
                continue
            }
            if let first = firstItem[id] {
                error(
                    "duplicate link id '\(id)'; first on line \(table.line(itemRows[first]))",
                    at: table.place(row, idColumn))
                continue
            }
            firstItem[id] = item
            itemRows.append(row)
            let cell = { (column: Int?) in TableCell(table: table, row: row, column: column) }
            let committed = values.committed
            let kilometres = values.kilometres ?? number(table, row, kmColumn)
            let segmentText = values.segment ?? ""
            let technologyText = values.technology ?? ""
            let ring = values.ring
            if let ring {
                let isDeclared = Self.note(
                    &ringStates[ring, default: RingState()], technology: technologyText, segment: segmentText)
                if declared != nil, !isDeclared {
                    error("unknown ring '\(ring)': it is not in the rings table", at: table.place(row, ringColumn))
                }
            }
            let groups = values.groups
            var weight: Int?
            if table.has(row, weightColumn) { weight = integer(table, row, weightColumn) }
            func member(_ number: Int) -> GroupMember {
                let column = groupColumns[number]
                var member = GroupMember(value: nil, cell: cell(column))
                if table.has(row, column) {
                    member.value = integer(table, row, column)
                    member.failed = member.value == nil
                }
                return member
            }
            let (vc4, vc4Used, vc12Used) = (member(0), member(1), member(2))
            let (slots, slotsUsed, cores, coresUsed) = (member(3), member(4), member(5), member(6))
            // The rules of a network file.
            let position = { (member: Int) in FilePosition(section: FilePosition.links, item: item, member: member) }
            let linkItem = item
            item += 1
            var idValid = true
            if let problem = values.idProblem {
                fileError(NetworkRules.invalidID("link", id, problem), at: cell(idColumn), position(1))
                idValid = false
            }
            let aEnd = end(a, cell(aColumn), position(2), parts: parts)
            let bEnd = end(b, cell(bColumn), position(3), parts: parts)
            if let aEnd, let bEnd, aEnd == bEnd {
                fileError(
                    NetworkRules.linkToItself(idValid ? id : nil, node: parts.nodes[aEnd].id), at: cell(bColumn),
                    position(3))
            }
            let lineRate = values.lineRate
            if lineRate == nil { fileError(NetworkRules.invalidRate(rate), at: cell(rateColumn), position(4)) }
            if lineRate == .zero { fileError(NetworkRules.rateZero, at: cell(rateColumn), position(4)) }
            var committedRate = Bandwidth.zero
            if let committed {
                if let parsed = values.committedRate {
                    committedRate = parsed
                } else {
                    fileError(NetworkRules.invalidRate(committed), at: cell(committedColumn), position(5))
                }
            }
            if let lineRate, committedRate > lineRate {
                fileError(
                    NetworkRules.committedAboveRate(committedRate, lineRate), at: cell(committedColumn), position(5))
            }
            var km: Double?
            if let kilometres {
                switch JSONObjectView.number(JSONNumber(written: kilometres), in: 0...Link.maximumKilometres) {
                case .success(let value): km = value
                case .failure(let problem): fileError(problem.message, at: cell(kmColumn), position(6))
                }
            } else {
                networkHadErrors = true  // 'km' missing, an echo of the cell's error
            }
            let linkSegment = enumCase(
                segmentText, segments, noun: "segment", spelled: Segment.spelledOut, at: cell(segmentColumn),
                position(7))
            let linkTechnology = enumCase(
                technologyText, technologies, noun: "technology", spelled: LinkTechnology.spelledOut,
                at: cell(technologyColumn), position(8))
            if linkTechnology == .sdh, committedRate > .zero {
                fileError(NetworkRules.committedOnSDH, at: cell(committedColumn), position(5))
            }
            var adminWeight = 10
            if let weight {
                switch JSONObjectView.integer(Self.written(weight), in: 1...1_000_000) {
                case .success(let value): adminWeight = value
                case .failure(let problem): fileError(problem.message, at: cell(weightColumn), position(11))
                }
            }
            var sdh: SDHOccupancy?
            if vc4.isPresent || vc4Used.isPresent || vc12Used.isPresent {
                sdh = checkedSDH(
                    [vc4, vc4Used, vc12Used], technology: linkTechnology, rate: lineRate, rateCell: cell(rateColumn),
                    position)
            }
            var otn: OTNSlots?
            if slots.isPresent || slotsUsed.isPresent {
                otn = checkedOTN([slots, slotsUsed], technology: linkTechnology, rate: lineRate, position)
            }
            var fibre: FibreCores?
            if cores.isPresent || coresUsed.isPresent {
                fibre = checkedFibre([cores, coresUsed], technology: linkTechnology, position)
            }
            guard idValid, let aEnd, let bEnd, aEnd != bEnd, let lineRate, lineRate > .zero,
                committedRate <= lineRate, let km, let linkSegment, let linkTechnology
            else { continue }
            parts.linkSources.append((cell(idColumn), cell(ring == nil ? nil : ringColumn), linkItem))
            parts.links.append(
                Link(
                    id: id, aEnd: aEnd, bEnd: bEnd, rate: lineRate, committed: committedRate,
                    metres: Int((km * 1000).rounded()), segment: linkSegment, technology: linkTechnology, ring: ring,
                    sharedRiskGroups: groups, adminWeight: adminWeight, sdh: sdh, otn: otn, fibre: fibre))
        }
        // Each link id's first item is its index when the rules accept every link (the usual case).
        if parts.links.count == item {
            parts.linkIndex = firstItem
        } else {
            for (index, link) in parts.links.enumerated() { parts.linkIndex[link.id] = index }
        }
        if let declared, let rings {
            for (ring, row) in declared.sorted(by: { $0.value < $1.value }) {
                guard let state = ringStates[ring], let first = state.first else {
                    if ringStates[ring]?.used != true {
                        error("ring '\(ring)' has no links", at: rings.place(row, rings.column("id")))
                    }
                    continue
                }
                if let technology = rings.text(row, rings.column("technology")),
                    technology.lowercased() != first.technology
                {
                    error(
                        "ring '\(ring)' is declared \(technology.lowercased()) but its links are \(first.technology)",
                        at: rings.place(row, rings.column("technology")))
                }
                if let segment = rings.text(row, rings.column("segment")), segment.lowercased() != first.segment {
                    error(
                        "ring '\(ring)' is declared \(segment.lowercased()) but its links are \(first.segment)",
                        at: rings.place(row, rings.column("segment")))
                }
            }
        }
    }

    /// Notes a link of a ring; returns whether the rings table declares the ring.
    private static func note(_ state: inout RingState, technology: String, segment: String) -> Bool {
        state.used = true
        if state.first == nil { state.first = (technology, segment) }
        return state.declaredRow != nil
    }

    /// The shared-risk groups of a cell: its parts between `;`, `；`, `|` and `、`, spaces trimmed, empty
    /// ones left out.
    static func riskGroups(_ text: String) -> [String] {
        let separators: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: "|")]
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: each byte is a character (a cell holds no line break), so the text splits as bytes.
            guard text.utf8.contains(where: separators.contains) else {
                let group = text.trimmingSpaces
                return group.isEmpty ? [] : [group]
            }
            return text.utf8.split(whereSeparator: separators.contains).compactMap { part in
                let group = String(decoding: part, as: UTF8.self).trimmingSpaces
                return group.isEmpty ? nil : group
            }
        }
        return text.split(whereSeparator: { ";；|、".contains($0) }).compactMap { part in
            let group = String(part).trimmingSpaces
            return group.isEmpty ? nil : group
        }
    }

    /// The index of a link's end among the nodes the rules accept, or `nil` after an error when it is unknown.
    private mutating func end(_ id: String, _ cell: TableCell, _ position: FilePosition, parts: NetworkParts) -> Int? {
        if let index = parts.nodeIndex[id] { return index }
        if !parts.refusedNodeIDs.contains(id) { fileError(NetworkRules.unknownNode(id), at: cell, position) }
        return nil
    }

    /// A whole number of a link's group within a range, or `nil` after an error at its cell.
    private mutating func member(
        _ member: GroupMember, in range: ClosedRange<Int>, _ position: FilePosition
    ) -> Int? {
        guard let value = member.value else { return nil }
        switch JSONObjectView.integer(Self.written(value), in: range) {
        case .success(let checked): return checked
        case .failure(let problem):
            fileError(problem.message, at: member.cell, position)
            return nil
        }
    }

    /// A required member of a link's group that is absent: an error at the group, unless its cell's error
    /// was reported already.
    private mutating func missing(_ key: String, _ member: GroupMember, group: TableCell, _ position: FilePosition) {
        if member.failed {
            networkHadErrors = true
        } else {
            fileError(JSONObjectView.missingKey(key), at: group, position)
        }
    }

    /// The SDH occupancy of a link row (`vc4`, `vc4Used`, `vc12Used`), by the rules of a network file:
    /// `nil` without them (the link makes an SDH span's default).
    private mutating func checkedSDH(
        _ members: [GroupMember], technology: LinkTechnology?, rate: Bandwidth?, rateCell: TableCell,
        _ position: (Int) -> FilePosition
    ) -> SDHOccupancy? {
        guard members.contains(where: \.isPresent) else { return nil }
        let group = members[0].cell
        if let technology, technology != .sdh {
            fileError(NetworkRules.sdhOnSDHOnly, at: group, position(12))
            return nil
        }
        let rateVC4 = rate.map { $0.kilobits / 155_520 }
        if let rateVC4, rateVC4 < 1 {
            fileError(NetworkRules.sdhBelowSTM1(rate), at: rateCell, position(4))
            return nil
        }
        var vc4 = member(members[0], in: 1...256, position(13))
        if !members[0].isPresent, rateVC4 == nil { missing("vc4", members[0], group: group, position(12)) }
        vc4 = vc4 ?? rateVC4
        guard let vc4 else { return nil }
        if let rateVC4, vc4 > rateVC4, members[0].isPresent {
            fileError(NetworkRules.sdhVC4AboveRate(rate, rateVC4: rateVC4, vc4: vc4), at: members[0].cell, position(13))
            return nil
        }
        let vc4Used = member(members[1], in: 0...256, position(14)) ?? 0
        let vc12Used = member(members[2], in: 0...16_128, position(15)) ?? 0
        if vc4Used > vc4, members[1].isPresent {
            fileError(NetworkRules.vc4Used(vc4Used, vc4: vc4), at: members[1].cell, position(14))
            return nil
        }
        let capacity = (vc4 - vc4Used) * SDHOccupancy.vc12PerVC4
        if vc12Used > capacity, members[2].isPresent {
            fileError(
                NetworkRules.vc12Used(vc12Used, capacity: capacity, freeVC4: vc4 - vc4Used), at: members[2].cell,
                position(15))
            return nil
        }
        return SDHOccupancy(vc4: vc4, vc4Used: vc4Used, vc12Used: vc12Used)
    }

    /// The tributary slots of a link row (`otnSlots`, `otnUsed`), by the rules of a network file.
    private mutating func checkedOTN(
        _ members: [GroupMember], technology: LinkTechnology?, rate: Bandwidth?, _ position: (Int) -> FilePosition
    ) -> OTNSlots? {
        guard members.contains(where: \.isPresent) else { return nil }
        let group = members[0].cell
        if let technology, technology != .otn {
            fileError(NetworkRules.otnOnOTNOnly, at: group, position(16))
            return nil
        }
        guard members[0].isPresent else {
            missing("slots", members[0], group: group, position(16))
            return nil
        }
        guard let slots = member(members[0], in: 1...640, position(17)) else { return nil }
        if let rate, !NetworkRules.slotsFit(slots, in: rate) {
            fileError(NetworkRules.slotsDoNotFit(slots, rate), at: members[0].cell, position(17))
            return nil
        }
        let used = member(members[1], in: 0...640, position(18)) ?? 0
        if used > slots, members[1].isPresent {
            fileError(NetworkRules.slotsUsed(used, slots: slots), at: members[1].cell, position(18))
            return nil
        }
        return OTNSlots(slots: slots, used: used)
    }

    /// The fibre cores of a link row (`fibreCores`, `fibreUsed`), by the rules of a network file.
    private mutating func checkedFibre(
        _ members: [GroupMember], technology: LinkTechnology?, _ position: (Int) -> FilePosition
    ) -> FibreCores? {
        guard members.contains(where: \.isPresent) else { return nil }
        if technology == .sdh || technology == .otn {
            fileError(NetworkRules.fibreOnPacketOnly, at: members[0].cell, position(19))
            return nil
        }
        guard members[0].isPresent else {
            missing("cores", members[0], group: members[0].cell, position(19))
            return nil
        }
        guard let cores = member(members[0], in: 1...1000, position(20)) else { return nil }
        let used = member(members[1], in: 0...1000, position(21)) ?? 0
        if used > cores, members[1].isPresent {
            fileError(NetworkRules.coresUsed(used, cores: cores), at: members[1].cell, position(21))
            return nil
        }
        return FibreCores(cores: cores, used: used)
    }

    /// The declared rings: each id's row.
    private mutating func readRings(_ table: CSVTable) -> [String: Int] {
        let idColumn = table.column("id")
        var rings: [String: Int] = [:]
        for row in 0..<table.count where !table.isTainted(row) {
            guard let id = required(table, row, idColumn, "id", what: "a ring") else { continue }
            if let first = rings[id] {
                error("duplicate ring id '\(id)'; first on line \(table.line(first))", at: table.place(row, idColumn))
                continue
            }
            rings[id] = row
        }
        return rings
    }

    // MARK: - Pools

    private mutating func readPools(_ table: CSVTable, into parts: inout NetworkParts) {
        let idColumn = table.column("id")
        let purposeColumn = table.column("purpose")
        let prefixColumn = table.column("prefix")
        let regionColumn = table.column("region")
        let regions = NetworkRules.roomRegions(parts.rooms)
        var firstLine: [String: Int] = [:]
        var item = 0
        for row in 0..<table.count {
            let id = required(table, row, idColumn, "id", what: "a pool")
            let purpose = required(table, row, purposeColumn, "purpose", what: "a pool")
            let prefix = required(table, row, prefixColumn, "prefix", what: "a pool")
            guard let id, let purpose, let prefix, !table.isTainted(row) else { continue }
            if let first = firstLine[id] {
                error("duplicate pool id '\(id)'; first on line \(first)", at: table.place(row, idColumn))
                continue
            }
            firstLine[id] = table.line(row)
            // The rules of a network file.
            let poolItem = item
            let position = { (member: Int) in FilePosition(section: FilePosition.pools, item: poolItem, member: member)
            }
            item += 1
            let cell = { (column: Int?) in TableCell(table: table, row: row, column: column) }
            var idValid = true
            if let problem = NetworkRules.idProblem(id) {
                fileError(NetworkRules.invalidID("pool", id, problem), at: cell(idColumn), position(1))
                idValid = false
            }
            var poolPurpose: Pool.Purpose?
            switch NetworkRules.enumValue(
                purpose.lowercased(), Pool.Purpose.self, noun: "pool purpose", spelled: NetworkRules.purposes)
            {
            case .success(let value): poolPurpose = value
            case .failure(let problem): fileError(problem.message, at: cell(purposeColumn), position(2))
            }
            let (poolPrefix, problem) = NetworkRules.prefixProblem(prefix)
            if let problem { fileError(problem, at: cell(prefixColumn), position(3)) }
            let region = checkedRegion(table.text(row, regionColumn), cell(regionColumn), position(4))
            if let region, !regions.contains(region) {
                fileError(NetworkRules.regionWithoutRoom(region), at: cell(regionColumn), position(4))
            }
            guard idValid, let poolPurpose, let poolPrefix else { continue }
            parts.poolSources.append((cell(prefixColumn), poolItem))
            parts.pools.append(Pool(id: id, purpose: poolPurpose, prefix: poolPrefix, region: region))
        }
    }

    // MARK: - Cells

    /// A required cell's text, or an error at the empty cell (once: a refused cell has its error already).
    mutating func required(_ table: CSVTable, _ row: Int, _ column: Int?, _ key: String, what: String) -> String? {
        if let text = table.text(row, column) { return text }
        guard column != nil else {
            error("\(what) needs a column '\(key)'", at: table.start(row))
            return nil
        }
        let place = table.place(row, column)
        if !isReported(place) { error("empty cell: \(what) needs a value here", at: place) }
        return nil
    }

    /// Whether a required cell holds text, else an error as ``required(_:_:_:_:what:)`` gives.
    mutating func present(_ table: CSVTable, _ row: Int, _ column: Int?, _ key: String, what: String) -> Bool {
        table.has(row, column) || required(table, row, column, key, what: what) != nil
    }

    /// A whole number from a cell in decimal digits (`12`, `-3`, or `12.0` as spreadsheets write it), or an
    /// error there; hexadecimal (`0x10`), exponents and words (`inf`) are not whole numbers.
    mutating func integer(_ table: CSVTable, _ row: Int, _ column: Int?) -> Int? {
        if let value = table.plainInteger(row, column) { return value }
        guard let text = table.text(row, column) else { return nil }
        let unsigned = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        let parts = unsigned.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let decimal =
            !unsigned.isEmpty
            && parts.allSatisfy {
                !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            }
        if decimal, let value = Int(text) { return value }
        if decimal, let value = Double(text), value.rounded() == value, abs(value) < 1e15 { return Int(value) }
        error("expected a whole number, found '\(TextHygiene.shown(text))'", at: table.place(row, column))
        return nil
    }

    /// A finite number from a cell, or an error there.
    mutating func number(_ table: CSVTable, _ row: Int, _ column: Int?, in range: ClosedRange<Double>? = nil)
        -> Double?
    {
        if let value = table.plainDecimal(row, column), range?.contains(value) ?? true { return value }
        guard let text = table.text(row, column) else { return nil }
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard let value = Double(text), value.isFinite,
            ascii
                ? !text.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A && ($0 | 0x20) != 0x65 })
                : text.unicodeScalars.allSatisfy({ !$0.properties.isAlphabetic || $0 == "e" || $0 == "E" })
        else {
            error("expected a number, found '\(TextHygiene.shown(text))'", at: table.place(row, column))
            return nil
        }
        if value == 0,
            text.unicodeScalars.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) })
        {
            error("\(text) is too close to zero to represent; write 0", at: table.place(row, column))
            return nil
        }
        if let range, !range.contains(value) {
            error("\(text) is outside \(range.lowerBound)…\(range.upperBound)", at: table.place(row, column))
            return nil
        }
        return value
    }

    // MARK: - Locations

    /// A location from a row: `nil` when the row gives none, `.some(nil)` when it gives a wrong one.
    private mutating func location(_ table: CSVTable, _ row: Int, _ columns: LocationColumns, origin: Origin?)
        -> LocatedPoint??
    {
        let hasPlane = table.has(row, columns.x) || table.has(row, columns.y)
        let hasGlobe = table.has(row, columns.longitude) || table.has(row, columns.latitude)
        let cell = { (column: Int?) in TableCell(table: table, row: row, column: column) }
        if hasPlane {
            let x =
                present(table, row, columns.x, "x", what: "a location")
                ? number(table, row, columns.x, in: -100_000...100_000) : nil
            let y =
                present(table, row, columns.y, "y", what: "a location")
                ? number(table, row, columns.y, in: -100_000...100_000) : nil
            guard let x, let y else { return .some(nil) }
            return LocatedPoint(x: x, y: y, first: cell(columns.x), second: cell(columns.y))
        }
        guard hasGlobe else { return nil }
        let longitude = required(table, row, columns.longitude, "longitude", what: "a location").flatMap { _ in
            number(table, row, columns.longitude, in: -180...180)
        }
        let latitude = required(table, row, columns.latitude, "latitude", what: "a location").flatMap { _ in
            number(table, row, columns.latitude, in: -90...90)
        }
        guard let longitude, let latitude else { return .some(nil) }
        guard let origin else {
            error(
                "longitude and latitude need the area's origin: add rows origin.longitude and origin.latitude to "
                    + "policy.csv", at: table.place(row, columns.longitude))
            return .some(nil)
        }
        let radians = origin.latitude * Double.pi / 180
        let x = (longitude - origin.longitude) * 111.320 * cos(radians)
        let y = (latitude - origin.latitude) * 110.574
        return LocatedPoint(x: x, y: y, first: cell(columns.longitude), second: cell(columns.latitude))
    }
}

/// The location columns of a table.
private struct LocationColumns {
    var x: Int?
    var y: Int?
    var longitude: Int?
    var latitude: Int?

    init(_ table: CSVTable) {
        x = table.column("x")
        y = table.column("y")
        longitude = table.column("longitude")
        latitude = table.column("latitude")
    }
}
