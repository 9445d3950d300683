import Foundation
import LocatedJSON
import NetGraph

/// A node row turned into network-file members, waiting for its ports.
private struct NodeDraft {
    var id: String
    var members: [(String, JSONOutput)]
    var places: [(String, CellPlace)]
    var row: TableRow
}

/// The ports of one type on one node, gathered from the ports table.
private struct PortDraft {
    var type: String
    var total: Int
    var used: Int
    var typePlace: CellPlace
    var totalPlace: CellPlace
    var usedPlace: CellPlace
    /// The line of the first row, for the repeated-row message.
    var line: Int
    var counted: Bool
}

/// A point for projecting longitude and latitude onto the plane in km.
private struct Origin {
    var longitude: Double
    var latitude: Double
}

extension InventoryBuilder {
    /// Keys of `policy.csv` that are not planning numbers.
    static let nameKey = "name"
    static let originLongitudeKey = "origin.longitude"
    static let originLatitudeKey = "origin.latitude"

    /// Builds the network file from the tables, recording each value's cell.
    mutating func build(_ tables: [InventoryTable: ParsedTable], defaultName: String) -> JSONOutput {
        var name = defaultName
        var policyMembers: [(String, JSONOutput)] = []
        var origin: Origin?
        if let policy = tables[.policy] { readPolicy(policy, name: &name, members: &policyMembers, origin: &origin) }
        var top: [(String, JSONOutput)] = [("name", .string(name))]
        let rooms = tables[.rooms].map { readRooms($0, origin: origin) } ?? (json: [], located: [:])
        top.append(("rooms", .array(rooms.json)))
        var drafts = tables[.nodes].map { readNodes($0, rooms: rooms.located, origin: origin) } ?? []
        if let ports = tables[.ports] { readPorts(ports, into: &drafts) }
        var nodes: [JSONOutput] = []
        for draft in drafts {
            let path = "nodes[\(nodes.count)]"
            places[path] = draft.row.start
            for (suffix, place) in draft.places { places[path + suffix] = place }
            nodes.append(.object(draft.members))
        }
        top.append(("nodes", .array(nodes)))
        top.append(("links", .array(tables[.links].map { readLinks($0, rings: tables[.rings]) } ?? [])))
        top.append(("pools", .array(tables[.pools].map { readPools($0) } ?? [])))
        if !policyMembers.isEmpty { top.append(("policy", .object(policyMembers))) }
        return .object(top)
    }

    // MARK: - Policy

    private mutating func readPolicy(
        _ table: ParsedTable, name: inout String, members: inout [(String, JSONOutput)], origin: inout Origin?
    ) {
        var keyByFolded: [String: String] = [:]
        for key in PolicyKey.allCases.map(\.rawValue) + [Self.nameKey, Self.originLongitudeKey, Self.originLatitudeKey]
        {
            keyByFolded[InventoryColumn.fold(key)] = key
        }
        for alias in ["网络名称", "名称"] { keyByFolded[alias] = Self.nameKey }
        keyByFolded["原点经度"] = Self.originLongitudeKey
        keyByFolded["原点纬度"] = Self.originLatitudeKey
        var seen: [String: Int] = [:]
        var longitude: Double?
        var latitude: Double?
        for row in table.rows where !row.isTainted {
            guard let keyText = required(row, "key", what: "a policy row"),
                let valueText = required(row, "value", what: "a policy row")
            else { continue }
            guard let key = keyByFolded[InventoryColumn.fold(keyText)] else {
                error(
                    "unknown policy key '\(TextHygiene.shown(keyText))'; expected name, origin.longitude, "
                        + "origin.latitude or a planning key such as accessMaxUtilisation (see README)",
                    at: row.place("key"))
                continue
            }
            if let first = seen[key] {
                error("policy key '\(key)' is already set on line \(first)", at: row.place("key"))
                continue
            }
            seen[key] = row.line
            switch key {
            case Self.nameKey: name = valueText
            case Self.originLongitudeKey: longitude = number(row, "value", in: -180...180)
            case Self.originLatitudeKey: latitude = number(row, "value", in: -90...90)
            default:
                guard let value = number(row, "value") else { continue }
                places["policy.\(key)"] = row.place("value")
                let whole = value.rounded() == value && abs(value) < 1e15
                members.append((key, whole ? .integer(Int(value)) : .double(value)))
            }
        }
        if let longitude, let latitude { origin = Origin(longitude: longitude, latitude: latitude) }
    }

    // MARK: - Rooms

    private mutating func readRooms(_ table: ParsedTable, origin: Origin?) -> (
        json: [JSONOutput], located: [String: Bool]
    ) {
        var rooms: [JSONOutput] = []
        var located: [String: Bool] = [:]
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            guard let id = required(row, "id", what: "a room"), !row.isTainted else {
                if let id = row.text("id") { refusedRooms.insert(id) }
                continue
            }
            if let first = firstLine[id] {
                error("duplicate room id '\(id)'; first on line \(first)", at: row.place("id"))
                continue
            }
            firstLine[id] = row.line
            var members: [(String, JSONOutput)] = [("id", .string(id))]
            let path = "rooms[\(rooms.count)]"
            places[path] = row.start
            places[path + ".id"] = row.place("id")
            if let name = row.text("name") {
                members.append(("name", .string(name)))
                places[path + ".name"] = row.place("name")
            }
            var isLocated = false
            switch location(row, origin: origin) {
            case .some(.some(let point)):
                members.append(("location", point.json))
                places[path + ".location"] = point.place
                places[path + ".location[0]"] = point.place
                places[path + ".location[1]"] = point.secondPlace
                isLocated = true
            case .some(.none):
                refusedRooms.insert(id)
                continue
            case .none: break
            }
            if let region = row.text("region") {
                members.append(("region", .string(region)))
                places[path + ".region"] = row.place("region")
            }
            located[id] = isLocated
            rooms.append(.object(members))
        }
        return (rooms, located)
    }

    // MARK: - Nodes

    private mutating func readNodes(_ table: ParsedTable, rooms: [String: Bool], origin: Origin?) -> [NodeDraft] {
        var drafts: [NodeDraft] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let id = required(row, "id", what: "a node")
            let kind = required(row, "kind", what: "a node")
            guard let id, let kind, !row.isTainted else {
                if let id { refusedNodes.insert(id) }
                continue
            }
            if let first = firstLine[id] {
                error("duplicate node id '\(id)'; first on line \(first)", at: row.place("id"))
                continue
            }
            firstLine[id] = row.line
            var draft = NodeDraft(id: id, members: [("id", .string(id))], places: [(".id", row.place("id"))], row: row)
            draft.add("kind", .string(Self.nodeKind(kind)), row.place("kind"))
            if let name = row.text("name") { draft.add("name", .string(name), row.place("name")) }
            let room = row.text("room")
            if let room {
                if refusedRooms.contains(room) {
                    refusedNodes.insert(id)
                    continue
                }
                draft.add("room", .string(room), row.place("room"))
            }
            var valid = true
            switch location(row, origin: origin) {
            case .some(.some(let point)):
                draft.add("location", point.json, point.place)
                draft.places.append((".location[0]", point.place))
                draft.places.append((".location[1]", point.secondPlace))
            case .some(.none): valid = false
            case .none:
                if let room, rooms[room] == false {
                    error(
                        "no location: fill x and y (or longitude and latitude), or give room '\(room)' one",
                        at: row.place("x"))
                    valid = false
                } else if room == nil {
                    error(
                        "no location: fill x and y (or longitude and latitude), or name a room that has one",
                        at: row.place("x"))
                    valid = false
                }
            }
            var pon: [(String, JSONOutput)] = []
            if let standard = row.text("ponStandard") {
                pon.append(("standard", .string(standard.lowercased())))
                draft.places.append((".pon.standard", row.place("ponStandard")))
            }
            if let opticalClass = row.text("opticalClass") {
                pon.append(("opticalClass", .string(opticalClass.uppercased())))
                draft.places.append((".pon.opticalClass", row.place("opticalClass")))
            }
            if row.text("maxONUsPerPort") != nil {
                if let count = integer(row, "maxONUsPerPort") {
                    pon.append(("maxONUsPerPort", .integer(count)))
                    draft.places.append((".pon.maxONUsPerPort", row.place("maxONUsPerPort")))
                } else {
                    valid = false
                }
            }
            if !pon.isEmpty {
                draft.add(
                    "pon", .object(pon), row.place(row.text("ponStandard") == nil ? "opticalClass" : "ponStandard"))
            }
            var splitter: [(String, JSONOutput)] = []
            for (key, member) in [("splitterRatio", "ratio"), ("splitterUsed", "used")] where row.text(key) != nil {
                if let value = integer(row, key) {
                    splitter.append((member, .integer(value)))
                    draft.places.append((".splitter.\(member)", row.place(key)))
                } else {
                    valid = false
                }
            }
            if !splitter.isEmpty {
                draft.add(
                    "splitter", .object(splitter),
                    row.place(row.text("splitterRatio") == nil ? "splitterUsed" : "splitterRatio"))
            }
            if let area = row.text("area") { draft.add("area", .string(Self.area(area)), row.place("area")) }
            if let address = row.text("address") { draft.add("address", .string(address), row.place("address")) }
            guard valid else {
                refusedNodes.insert(id)
                continue
            }
            drafts.append(draft)
        }
        return drafts
    }

    /// A node kind as written in files, from English in any case or the resource system's Chinese.
    static func nodeKind(_ text: String) -> String {
        let aliases = [
            "分光器": "splitter", "楼宇": "building", "客户": "building", "客户站点": "building", "接入交换机": "access-switch",
            "gprs-vpn交换机": "gprs-vpn-switch", "无线ap": "wlan-ap", "ap": "wlan-ap", "mstp": "sdh",
        ]
        let lower = text.lowercased()
        return aliases[lower] ?? lower
    }

    /// An area as written in files, from English or Chinese.
    static func area(_ text: String) -> String {
        ["城镇": "town", "城区": "town", "农村": "countryside"][text] ?? text.lowercased()
    }

    // MARK: - Ports

    private mutating func readPorts(_ table: ParsedTable, into drafts: inout [NodeDraft]) {
        var draftIndex: [String: Int] = [:]
        for (index, draft) in drafts.enumerated() { draftIndex[draft.id] = index }
        var ports: [[PortDraft]] = Array(repeating: [], count: drafts.count)
        for row in table.rows where !row.isTainted {
            guard let node = required(row, "node", what: "a port row"),
                let typeText = required(row, "type", what: "a port row")
            else { continue }
            guard let index = draftIndex[node] else {
                if !refusedNodes.contains(node) {
                    error("unknown node '\(node)': it is not in the nodes table", at: row.place("node"))
                }
                continue
            }
            let type = Self.portType(typeText)
            let hasCounts = row.text("total") != nil || row.text("used") != nil
            let state = row.text("state")
            if hasCounts, state != nil {
                error(
                    "give either counts ('total', 'used') or one port with its 'state', not both",
                    at: row.place("state"))
                continue
            }
            if !hasCounts, state == nil {
                error(
                    "no port count: fill 'total' (and 'used'), or give one port per row with its 'state'",
                    at: row.place("total"))
                continue
            }
            var portsUsed = 0
            var portsTotal = 1
            if let state {
                guard let used = Self.portState(state) else {
                    error(
                        "unknown port state '\(TextHygiene.shown(state))'; expected used or free (占用, 空闲)",
                        at: row.place("state"))
                    continue
                }
                portsUsed = used ? 1 : 0
            } else {
                guard
                    let total = required(row, "total", what: "a row of port counts").flatMap({ _ in
                        integer(row, "total")
                    })
                else { continue }
                portsTotal = total
                if row.text("used") != nil {
                    guard let used = integer(row, "used") else { continue }
                    portsUsed = used
                }
            }
            if let existing = ports[index].firstIndex(where: { $0.type == type }) {
                guard !ports[index][existing].counted, state != nil else {
                    error(
                        "\(type) ports of node '\(node)' are already given on line \(ports[index][existing].line); "
                            + "give one row of counts, or one row per port", at: row.place("type"))
                    continue
                }
                ports[index][existing].total += 1
                ports[index][existing].used += portsUsed
                continue
            }
            ports[index].append(
                PortDraft(
                    type: type, total: portsTotal, used: portsUsed, typePlace: row.place("type"),
                    totalPlace: row.place(state == nil ? "total" : "state"),
                    usedPlace: row.place(state == nil ? "used" : "state"), line: row.line, counted: state == nil))
        }
        for (index, groups) in ports.enumerated() where !groups.isEmpty {
            var members: [(String, JSONOutput)] = []
            for group in groups {
                members.append(
                    (group.type, .object([("total", .integer(group.total)), ("used", .integer(group.used))])))
                drafts[index].places.append((".ports.\(group.type)", group.typePlace))
                drafts[index].places.append((".ports.\(group.type).total", group.totalPlace))
                drafts[index].places.append((".ports.\(group.type).used", group.usedPlace))
            }
            drafts[index].members.append(("ports", .object(members)))
        }
    }

    /// A port type as written in files, from common spellings (`ge`, `10G`, `STM1`, 千兆).
    static func portType(_ text: String) -> String {
        let folded = text.uppercased().replacingOccurrences(of: " ", with: "")
        let aliases = [
            "GBE": "GE", "1GE": "GE", "10G": "10GE", "XGE": "10GE", "100G": "100GE", "STM1": "STM-1", "STM4": "STM-4",
            "STM16": "STM-16", "V35": "V.35", "百兆": "FE", "千兆": "GE", "万兆": "10GE",
        ]
        return aliases[folded] ?? folded
    }

    /// Whether a port state means in use; `nil` when it is not a state.
    static func portState(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "used", "in use", "occupied", "reserved", "占用", "已用", "在用", "预占": true
        case "free", "idle", "available", "空闲", "可用": false
        default: nil
        }
    }

    // MARK: - Links

    private mutating func readLinks(_ table: ParsedTable, rings: ParsedTable?) -> [JSONOutput] {
        let declared = rings.map { readRings($0) }
        var used: Set<String> = []
        var links: [JSONOutput] = []
        var firstLine: [String: Int] = [:]
        var ringLinks: [String: [(technology: String, segment: String, place: CellPlace)]] = [:]
        for row in table.rows {
            let fields = ["id", "a", "b", "rate", "km", "segment", "technology"].map {
                required(row, $0, what: "a link")
            }
            guard let id = fields[0], let a = fields[1], let b = fields[2], let rate = fields[3], fields[4] != nil,
                let segment = fields[5], let technology = fields[6], !row.isTainted
            else {
                if let ring = row.text("ring") { used.insert(ring) }
                continue
            }
            if refusedNodes.contains(a) || refusedNodes.contains(b) {
                used.insert(row.text("ring") ?? "")
                continue
            }
            if let first = firstLine[id] {
                error("duplicate link id '\(id)'; first on line \(first)", at: row.place("id"))
                continue
            }
            firstLine[id] = row.line
            let path = "links[\(links.count)]"
            var members: [(String, JSONOutput)] = []
            func add(_ key: String, _ value: JSONOutput, _ column: String) {
                members.append((key, value))
                places["\(path).\(key)"] = row.place(column)
            }
            add("id", .string(id), "id")
            add("a", .string(a), "a")
            add("b", .string(b), "b")
            add("rate", .string(rate), "rate")
            if let committed = row.text("committed") { add("committed", .string(committed), "committed") }
            if let km = number(row, "km") { add("km", .double(km), "km") } else { failedMembers.insert("\(path).km") }
            add("segment", .string(segment.lowercased()), "segment")
            add("technology", .string(technology.lowercased()), "technology")
            if let ring = row.text("ring") {
                add("ring", .string(ring), "ring")
                used.insert(ring)
                if let declared, declared[ring] == nil {
                    error("unknown ring '\(ring)': it is not in the rings table", at: row.place("ring"))
                }
                ringLinks[ring, default: []].append((technology.lowercased(), segment.lowercased(), row.place("ring")))
            }
            var groups: [String] = []
            for column in ["cable", "srlg"] {
                for part in (row.text(column) ?? "").split(whereSeparator: { ";；|、".contains($0) }) {
                    let group = String(part).trimmingSpaces
                    if !group.isEmpty, !groups.contains(group) { groups.append(group) }
                }
            }
            if !groups.isEmpty {
                add("srlg", .array(groups.map(JSONOutput.string)), row.text("cable") == nil ? "srlg" : "cable")
            }
            if row.text("weight") != nil {
                if let weight = integer(row, "weight") { add("weight", .integer(weight), "weight") }
            }
            for (member, columns) in [
                ("sdh", [("vc4", "vc4"), ("vc4Used", "vc4Used"), ("vc12Used", "vc12Used")]),
                ("otn", [("slots", "otnSlots"), ("used", "otnUsed")]),
                ("fibre", [("cores", "fibreCores"), ("used", "fibreUsed")]),
            ] {
                var object: [(String, JSONOutput)] = []
                for (key, column) in columns where row.text(column) != nil {
                    guard let value = integer(row, column) else {
                        failedMembers.insert("\(path).\(member).\(key)")
                        continue
                    }
                    object.append((key, .integer(value)))
                    places["\(path).\(member).\(key)"] = row.place(column)
                }
                if !object.isEmpty {
                    members.append((member, .object(object)))
                    places["\(path).\(member)"] = row.place(columns[0].1)
                }
            }
            places[path] = row.start
            links.append(.object(members))
        }
        if let declared {
            for (ring, row) in declared.sorted(by: { $0.value.line < $1.value.line }) {
                guard let members = ringLinks[ring], let first = members.first else {
                    if !used.contains(ring) { error("ring '\(ring)' has no links", at: row.place("id")) }
                    continue
                }
                if let technology = row.text("technology"), technology.lowercased() != first.technology {
                    error(
                        "ring '\(ring)' is declared \(technology.lowercased()) but its links are \(first.technology)",
                        at: row.place("technology"))
                }
                if let segment = row.text("segment"), segment.lowercased() != first.segment {
                    error(
                        "ring '\(ring)' is declared \(segment.lowercased()) but its links are \(first.segment)",
                        at: row.place("segment"))
                }
            }
        }
        return links
    }

    /// The declared rings by id.
    private mutating func readRings(_ table: ParsedTable) -> [String: TableRow] {
        var rings: [String: TableRow] = [:]
        for row in table.rows where !row.isTainted {
            guard let id = required(row, "id", what: "a ring") else { continue }
            if let first = rings[id] {
                error("duplicate ring id '\(id)'; first on line \(first.line)", at: row.place("id"))
                continue
            }
            rings[id] = row
        }
        return rings
    }

    // MARK: - Pools

    private mutating func readPools(_ table: ParsedTable) -> [JSONOutput] {
        var pools: [JSONOutput] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let fields = ["id", "purpose", "prefix"].map { required(row, $0, what: "a pool") }
            guard let id = fields[0], let purpose = fields[1], let prefix = fields[2], !row.isTainted else { continue }
            if let first = firstLine[id] {
                error("duplicate pool id '\(id)'; first on line \(first)", at: row.place("id"))
                continue
            }
            firstLine[id] = row.line
            let path = "pools[\(pools.count)]"
            places[path] = row.start
            for key in ["id", "purpose", "prefix", "region"] { places["\(path).\(key)"] = row.place(key) }
            var members: [(String, JSONOutput)] = [
                ("id", .string(id)), ("purpose", .string(purpose.lowercased())), ("prefix", .string(prefix)),
            ]
            if let region = row.text("region") { members.append(("region", .string(region))) }
            pools.append(.object(members))
        }
        return pools
    }

    // MARK: - Cells

    /// A required cell's text, or an error at the empty cell (once: a refused cell has its error already).
    mutating func required(_ row: TableRow, _ key: String, what: String) -> String? {
        if let text = row.text(key) { return text }
        guard row.hasColumn(key) else {
            error("\(what) needs a column '\(key)'", at: row.start)
            return nil
        }
        let place = row.place(key)
        if !diagnostics.contains(where: { $0.file == place.file && $0.line == place.line && $0.column == place.column })
        {
            error("empty cell: \(what) needs a value here", at: place)
        }
        return nil
    }

    /// A whole number from a cell in decimal digits (`12`, `-3`, or `12.0` as spreadsheets write it), or an
    /// error there; hexadecimal (`0x10`), exponents and words (`inf`) are not whole numbers.
    mutating func integer(_ row: TableRow, _ key: String) -> Int? {
        guard let text = row.text(key) else { return nil }
        let unsigned = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        let parts = unsigned.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let decimal =
            !unsigned.isEmpty
            && parts.allSatisfy {
                !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            }
        if decimal, let value = Int(text) { return value }
        if decimal, let value = Double(text), value.rounded() == value, abs(value) < 1e15 { return Int(value) }
        error("expected a whole number, found '\(TextHygiene.shown(text))'", at: row.place(key))
        return nil
    }

    /// A finite number from a cell, or an error there.
    mutating func number(_ row: TableRow, _ key: String, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let text = row.text(key) else { return nil }
        guard let value = Double(text), value.isFinite,
            text.unicodeScalars.allSatisfy({ !$0.properties.isAlphabetic || $0 == "e" || $0 == "E" })
        else {
            error("expected a number, found '\(TextHygiene.shown(text))'", at: row.place(key))
            return nil
        }
        if value == 0,
            text.unicodeScalars.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) })
        {
            error("\(text) is too close to zero to represent; write 0", at: row.place(key))
            return nil
        }
        if let range, !range.contains(value) {
            error("\(text) is outside \(range.lowerBound)…\(range.upperBound)", at: row.place(key))
            return nil
        }
        return value
    }

    // MARK: - Locations

    /// A location from a row: `nil` when the row gives none, `.some(nil)` when it gives a wrong one.
    private mutating func location(_ row: TableRow, origin: Origin?) -> LocatedPoint?? {
        let hasPlane = row.text("x") != nil || row.text("y") != nil
        let hasGlobe = row.text("longitude") != nil || row.text("latitude") != nil
        if hasPlane {
            let x = required(row, "x", what: "a location").flatMap { _ in number(row, "x", in: -100_000...100_000) }
            let y = required(row, "y", what: "a location").flatMap { _ in number(row, "y", in: -100_000...100_000) }
            guard let x, let y else { return .some(nil) }
            return LocatedPoint(x: x, y: y, place: row.place("x"), secondPlace: row.place("y"))
        }
        guard hasGlobe else { return nil }
        let longitude = required(row, "longitude", what: "a location").flatMap { _ in
            number(row, "longitude", in: -180...180)
        }
        let latitude = required(row, "latitude", what: "a location").flatMap { _ in
            number(row, "latitude", in: -90...90)
        }
        guard let longitude, let latitude else { return .some(nil) }
        guard let origin else {
            error(
                "longitude and latitude need the area's origin: add rows origin.longitude and origin.latitude to "
                    + "policy.csv", at: row.place("longitude"))
            return .some(nil)
        }
        let radians = origin.latitude * Double.pi / 180
        let x = (longitude - origin.longitude) * 111.320 * cos(radians)
        let y = (latitude - origin.latitude) * 110.574
        return LocatedPoint(x: x, y: y, place: row.place("longitude"), secondPlace: row.place("latitude"))
    }
}

/// A location and the cells it came from.
private struct LocatedPoint {
    var x: Double
    var y: Double
    var place: CellPlace
    var secondPlace: CellPlace

    /// The location as a network file writes it, rounded to metres.
    var json: JSONOutput {
        .array([.decimal(Int((x * 1000).rounded()), scale: 3), .decimal(Int((y * 1000).rounded()), scale: 3)])
    }
}

extension NodeDraft {
    fileprivate mutating func add(_ key: String, _ value: JSONOutput, _ place: CellPlace) {
        members.append((key, value))
        places.append((".\(key)", place))
    }
}
