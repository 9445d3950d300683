import Foundation
import LocatedJSON
import NetGraph

/// Reads a NetBox export — the REST API's lists of sites, locations, devices, interfaces, cables and
/// prefixes — into a checked ``Network``.
///
/// The file is one JSON object whose members `sites`, `locations`, `devices`, `interfaces`, `cables` and
/// `prefixes` are each what `GET /api/<app>/<endpoint>/?limit=0` returns (`{"count", "next", "previous",
/// "results": [...]}`) or just the `results` array. Devices become nodes (kind from the role slug; a
/// device whose role is not mapped is left out, with a warning), at their site's coordinates; locations
/// become rooms; interfaces are counted per device and port type (used when cabled or marked connected);
/// cables between two interfaces become links; prefixes with a mapped role or tag become pools. Problems
/// the network reader finds are reported at the NetBox object they came from.
public enum NetBoxImport {
    /// Reads a NetBox export.
    ///
    /// - Parameters:
    ///   - name: The file's name for diagnostics.
    ///   - bytes: Its JSON text.
    ///   - mapping: How roles, interface types and prefix roles map to LinePlan's.
    /// - Returns: The network and its warnings.
    /// - Throws: ``ImportError`` with every problem.
    /// - Complexity: O(*s* + *d* + *i* + *c*) for *s* bytes, *d* devices, *i* interfaces, *c* cables.
    public static func read(name: String, bytes: [UInt8], mapping: NetBoxMapping) throws(ImportError)
        -> ImportedNetwork
    {
        let document: JSONDocument
        do {
            document = try JSONDocument(name: name, bytes: bytes)
        } catch {
            throw ImportError(diagnostics: error.diagnostics)
        }
        var reader = NetBoxReader(document: document, mapping: mapping)
        let json = reader.build()
        return try reader.builder.finish(json, check: true)
    }
}

/// One import of a NetBox document.
private struct NetBoxReader {
    let document: JSONDocument
    let mapping: NetBoxMapping
    var builder = InventoryBuilder()

    init(document: JSONDocument, mapping: NetBoxMapping) {
        self.document = document
        self.mapping = mapping
    }

    func place(_ value: JSONValue, _ field: String = "") -> CellPlace {
        let (line, column) = document.location(of: value.offset)
        return CellPlace(file: document.name, line: line, column: column, header: field, noun: "field")
    }

    mutating func warn(_ message: String, at value: JSONValue) {
        builder.diagnostics.append(place(value).diagnostic(.warning, message))
    }

    mutating func error(_ message: String, at value: JSONValue, _ field: String = "") {
        builder.error(message, at: place(value, field))
    }

    /// The objects of one endpoint list.
    mutating func list(_ key: String) -> [JSONValue] {
        guard let value = Self.member(document.root, key) else {
            if key == "devices" || key == "cables" {
                error(
                    "missing '\(key)': the export needs the \(key) list (GET /api/dcim/\(key)/?limit=0)",
                    at: document.root)
            }
            return []
        }
        if let elements = value.elements ?? Self.member(value, "results")?.elements { return elements }
        error("expected a list or {\"results\": [...]}, found \(value.typeDescription)", at: value, key)
        return []
    }

    /// A site's latitude or longitude in degrees, within `range`; `nil` when the site gives none (`null`
    /// or absent), or, after an error at the value, when it is not a number or out of range, so that no
    /// coordinate far off the globe reaches the plane's arithmetic.
    mutating func degrees(_ site: JSONValue, _ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let value = Self.member(site, key), !value.isNull else { return nil }
        guard let number = value.number else {
            error("expected a number of degrees, found \(value.typeDescription)", at: value, key)
            return nil
        }
        guard range.contains(number.double) else {
            let shown = number.integer.map(String.init) ?? String(number.double)
            error(
                "\(key) \(shown) is outside \(Int(range.lowerBound))…\(Int(range.upperBound)) degrees", at: value,
                key)
            return nil
        }
        return number.double
    }

    static func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        value.members?.first { $0.key == key }?.value
    }

    static func string(_ value: JSONValue, _ path: String...) -> String? {
        var current = value
        for key in path {
            guard let next = member(current, key) else { return nil }
            current = next
        }
        return current.string
    }

    static func integer(_ value: JSONValue, _ path: String...) -> Int? {
        var current = value
        for key in path {
            guard let next = member(current, key) else { return nil }
            current = next
        }
        return current.number?.integer
    }

    /// A NetBox name as a LinePlan id: characters other than letters, digits, `-`, `_`, `.`, `/` become `-`.
    static func id(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar in
                    scalar.isASCII
                        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                            || "-_./".unicodeScalars.contains(scalar))
                        ? scalar : "-"
                })
        ).prefix(64).description
    }

    mutating func build() -> JSONOutput {
        var origin = mapping.origin
        var siteCoordinates: [Int: (Double, Double)] = [:]
        for site in list("sites") {
            guard let id = Self.integer(site, "id") else { continue }
            let latitude = degrees(site, "latitude", in: -90...90)
            let longitude = degrees(site, "longitude", in: -180...180)
            guard let latitude, let longitude else { continue }
            siteCoordinates[id] = (longitude, latitude)
            if origin == nil { origin = (longitude, latitude) }
        }
        func plane(_ site: Int?) -> JSONOutput? {
            guard let site, let (longitude, latitude) = siteCoordinates[site], let origin else { return nil }
            let x = (longitude - origin.longitude) * 111.320 * cos(origin.latitude * Double.pi / 180)
            let y = (latitude - origin.latitude) * 110.574
            return .array([
                .decimal(Int((x * 1000).rounded()), scale: 3), .decimal(Int((y * 1000).rounded()), scale: 3),
            ])
        }
        var rooms: [JSONOutput] = []
        var roomByLocation: [Int: String] = [:]
        for location in list("locations") {
            guard let id = Self.integer(location, "id"), let name = Self.string(location, "name") else { continue }
            let roomID = Self.id(Self.string(location, "slug") ?? name)
            roomByLocation[id] = roomID
            builder.places["rooms[\(rooms.count)]"] = place(location)
            var members: [(String, JSONOutput)] = [("id", .string(roomID)), ("name", .string(name))]
            if let point = plane(Self.integer(location, "site", "id")) { members.append(("location", point)) }
            rooms.append(.object(members))
        }
        // Devices.
        var nodeByDevice: [Int: (index: Int, kind: NodeKind, id: String)] = [:]
        var nodes: [[(String, JSONOutput)]] = []
        var skippedRoles: [String: Int] = [:]
        for device in list("devices") {
            guard let deviceID = Self.integer(device, "id") else {
                error("a device without an 'id'", at: device)
                continue
            }
            let role = Self.string(device, "role", "slug") ?? Self.string(device, "device_role", "slug") ?? ""
            guard let kindText = mapping.roles[role], let kind = NodeKind(rawValue: kindText) else {
                skippedRoles[role, default: 0] += 1
                continue
            }
            let name = Self.string(device, "name") ?? "device-\(deviceID)"
            let id = Self.id(name)
            let path = "nodes[\(nodes.count)]"
            builder.places[path] = place(device)
            builder.places[path + ".id"] = place(Self.member(device, "name") ?? device, "name")
            var members: [(String, JSONOutput)] = [("id", .string(id)), ("kind", .string(kind.rawValue))]
            if name != id { members.append(("name", .string(name))) }
            if let location = Self.integer(device, "location", "id"), let room = roomByLocation[location] {
                members.append(("room", .string(room)))
            }
            if let point = plane(Self.integer(device, "site", "id")) {
                members.append(("location", point))
            } else {
                error("device '\(name)' has no coordinates: its site needs latitude and longitude", at: device, "site")
                continue
            }
            nodeByDevice[deviceID] = (nodes.count, kind, id)
            nodes.append(members)
        }
        for (role, count) in skippedRoles.sorted(by: { $0.key < $1.key }) {
            warn(
                "\(count) device\(count == 1 ? "" : "s") with role '\(role)' left out: map the role to a node kind in "
                    + "the mapping file (\"roles\": {\"\(role)\": \"ptn\"})", at: document.root)
        }
        // Interfaces.
        var portsByNode: [Int: [String: (total: Int, used: Int)]] = [:]
        var interfaceEnds: [Int: (device: Int, port: String?)] = [:]
        for interface in list("interfaces") {
            guard let interfaceID = Self.integer(interface, "id"),
                let deviceID = Self.integer(interface, "device", "id")
            else { continue }
            let type = Self.string(interface, "type", "value") ?? ""
            let port = mapping.interfaceTypes[type]
            interfaceEnds[interfaceID] = (deviceID, port)
            guard let port, let node = nodeByDevice[deviceID] else { continue }
            let cabled =
                !(Self.member(interface, "cable")?.isNull ?? true)
                || Self.member(interface, "mark_connected")?.bool == true
            portsByNode[node.index, default: [:]][port, default: (0, 0)].total += 1
            if cabled { portsByNode[node.index, default: [:]][port, default: (0, 0)].used += 1 }
        }
        for (index, ports) in portsByNode {
            nodes[index].append(
                (
                    "ports",
                    .object(
                        ports.sorted { $0.key < $1.key }.map {
                            ($0.key, .object([("total", .integer($0.value.total)), ("used", .integer($0.value.used))]))
                        })
                ))
        }
        // Cables.
        var links: [JSONOutput] = []
        for cable in list("cables") {
            guard let cableID = Self.integer(cable, "id") else { continue }
            let ends = ["a_terminations", "b_terminations"].map { key -> (device: Int, port: String?)? in
                guard let first = Self.member(cable, key)?.elements?.first,
                    Self.string(first, "object_type") == "dcim.interface",
                    let interfaceID = Self.integer(first, "object_id")
                else { return nil }
                return interfaceEnds[interfaceID]
            }
            guard let aEnd = ends[0], let bEnd = ends[1], let a = nodeByDevice[aEnd.device],
                let b = nodeByDevice[bEnd.device]
            else { continue }
            let rates = [aEnd.port, bEnd.port].compactMap { $0.flatMap(PortType.init(rawValue:))?.rate }
            let rate = rates.min() ?? .megabits(1000)
            let (technology, segment) = Self.technology(a.kind, b.kind)
            var km = 0.0
            if let value = Self.member(cable, "length"), let length = value.number?.double {
                km = Self.string(cable, "length_unit", "value") == "m" ? length / 1000 : length
                guard (0...Link.maximumKilometres).contains(km) else {
                    let shown = value.number?.integer.map(String.init) ?? String(length)
                    error(
                        "length \(shown) is outside 0…\(Int(Link.maximumKilometres)) km, the longest link a network "
                            + "file takes", at: value, "length")
                    continue
                }
            }
            let path = "links[\(links.count)]"
            builder.places[path] = place(cable)
            let label = Self.string(cable, "label").flatMap { $0.isEmpty ? nil : $0 }
            var members: [(String, JSONOutput)] = [
                ("id", .string(Self.id(label ?? "CBL-\(cableID)"))), ("a", .string(a.id)), ("b", .string(b.id)),
                ("rate", .string(rate.description)), ("km", .double(km)), ("segment", .string(segment.rawValue)),
                ("technology", .string(technology.rawValue)),
            ]
            if technology == .sdh {
                members.append(("sdh", .object([("vc4", .integer(max(1, rate.kilobits / 155_520)))])))
            }
            links.append(.object(members))
        }
        // Prefixes.
        var pools: [JSONOutput] = []
        for prefix in list("prefixes") {
            guard let text = Self.string(prefix, "prefix"), let prefixID = Self.integer(prefix, "id") else { continue }
            let tags = Self.member(prefix, "tags")?.elements?.compactMap { Self.string($0, "slug") } ?? []
            let candidates = [Self.string(prefix, "role", "slug")].compactMap { $0 } + tags
            guard let purpose = candidates.compactMap({ mapping.prefixRoles[$0] }).first else { continue }
            let path = "pools[\(pools.count)]"
            builder.places[path] = place(prefix)
            builder.places[path + ".prefix"] = place(Self.member(prefix, "prefix") ?? prefix, "prefix")
            pools.append(
                .object([
                    (
                        "id",
                        .string(
                            Self.id(
                                Self.string(prefix, "description").flatMap { $0.isEmpty ? nil : $0 }
                                    ?? "prefix-\(prefixID)"))
                    ),
                    ("purpose", .string(purpose)), ("prefix", .string(text)),
                ]))
        }
        let name = Self.string(document.root, "name") ?? "NetBox"
        return .object([
            ("name", .string(name)), ("rooms", .array(rooms)), ("nodes", .array(nodes.map { .object($0) })),
            ("links", .array(links)), ("pools", .array(pools)),
        ])
    }

    /// The technology and segment of a cable between two kinds of node.
    static func technology(_ a: NodeKind, _ b: NodeKind) -> (LinkTechnology, Segment) {
        let kinds: Set<NodeKind> = [a, b]
        if kinds.contains(.building) || kinds.contains(.wlanAP) {
            return kinds.contains(.splitter) || kinds.contains(.olt) ? (.pon, .lastMile) : (.fibre, .lastMile)
        }
        if kinds.isSubset(of: [.olt, .splitter]) { return (.pon, .lastMile) }
        if kinds == [.otn] { return (.otn, .core) }
        if kinds.isSubset(of: [.sdh, .msap]) { return (.sdh, .access) }
        if kinds == [.ptn] { return (.ptn, .aggregation) }
        if kinds.contains(where: { $0.layer == .service }) || kinds.contains(.otn) { return (.ethernet, .core) }
        return (.ethernet, .access)
    }
}
