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
        return try reader.builder.finish(json)
    }
}

/// A network file made from another source, with the place each of its values came from (by JSON path).
///
/// The file is read back by ``Network/load(name:bytes:)``, so it passes every check of a network file; each
/// problem the reader finds is reported at the place of its value, or of the nearest value above it.
private struct PlacedNetworkFile {
    var diagnostics: [SourceDiagnostic] = []
    /// The place each JSON path of the file came from.
    var places: [String: CellPlace] = [:]

    mutating func error(_ message: String, at place: CellPlace) {
        diagnostics.append(place.diagnostic(.error, message))
    }

    /// Reads the file back, placing each of its diagnostics; warnings are left out when there is an error
    /// of the source.
    func finish(_ json: JSONOutput) throws(ImportError) -> ImportedNetwork {
        let text = json.rendered(inlineDepth: 2)
        let hadSourceErrors = diagnostics.contains { $0.severity == .error }
        var network: Network?
        var found: [SourceDiagnostic] = []
        do {
            let loaded = try Network.load(name: "network", bytes: Array(text.utf8))
            network = loaded.network
            found = loaded.warnings
        } catch {
            found = error.diagnostics
        }
        var all = diagnostics
        for diagnostic in found {
            if hadSourceErrors, diagnostic.severity == .warning { continue }
            all.append(place(of: diagnostic.path).diagnostic(diagnostic.severity, diagnostic.message))
        }
        let sorted = all.enumerated().sorted { left, right in
            let l = left.element
            let r = right.element
            return (l.file, l.line, l.column, left.offset) < (r.file, r.line, r.column, right.offset)
        }.map(\.element)
        guard let network, !sorted.contains(where: { $0.severity == .error }) else {
            throw ImportError(diagnostics: sorted)
        }
        return ImportedNetwork(network: network, warnings: sorted)
    }

    /// The place a JSON path came from: the path itself, else its nearest recorded parent.
    private func place(of path: String) -> CellPlace {
        var current = Substring(path)
        while !current.isEmpty {
            if let place = places[String(current)] { return place }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = current[..<cut]
        }
        return CellPlace(file: "network", line: 1, column: 1, header: "")
    }
}

/// One import of a NetBox document.
struct NetBoxReader {
    let document: JSONDocument
    let mapping: NetBoxMapping
    fileprivate var builder = PlacedNetworkFile()

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

    /// The region a prefix serves, the field it came from and its value.
    ///
    /// That is its scope's (NetBox 4.2 and later: a
    /// region itself; a site's or a location's site's region; a site group has none), or its site's (`site`,
    /// before 4.2). `nil` for a prefix without either, or whose site has no region: the pool serves every site.
    func scopeRegion(
        _ prefix: JSONValue, regions: RegionPaths, siteRegions: [Int: String], siteOfLocation: [Int: Int]
    ) -> (region: String, field: String, value: JSONValue)? {
        if let type = Self.string(prefix, "scope_type") {
            let scope = Self.member(prefix, "scope")
            let value = scope.flatMap { $0.isNull ? nil : $0 } ?? Self.member(prefix, "scope_type") ?? prefix
            guard let id = Self.integer(prefix, "scope_id") ?? scope.flatMap({ Self.integer($0, "id") }) else {
                return nil
            }
            let region: String?
            switch type {
            case "dcim.region": region = regions.path(id: id, nested: scope)
            case "dcim.site": region = siteRegions[id]
            case "dcim.location": region = siteOfLocation[id].flatMap { siteRegions[$0] }
            default: region = nil
            }
            return region.map { ($0, "scope", value) }
        }
        guard let site = Self.member(prefix, "site"), let id = Self.integer(site, "id"), let region = siteRegions[id]
        else { return nil }
        return (region, "site", site)
    }

    /// The objects of one endpoint list.
    mutating func list(_ key: String, required: Bool = true) -> [JSONValue] {
        guard let value = Self.member(document.root, key) else {
            if required, key == "devices" || key == "cables" {
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
        let regions = RegionPaths(list("regions", required: false))
        // Each site's region, and the value it came from (for a problem with it).
        var siteRegions: [Int: (path: String, value: JSONValue)] = [:]
        for site in list("sites") {
            guard let id = Self.integer(site, "id") else { continue }
            if let region = Self.member(site, "region"), let path = regions.path(of: region) {
                siteRegions[id] = (path, region)
            }
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
        var siteOfLocation: [Int: Int] = [:]
        for location in list("locations") {
            guard let id = Self.integer(location, "id"), let name = Self.string(location, "name") else { continue }
            let roomID = Self.id(Self.string(location, "slug") ?? name)
            roomByLocation[id] = roomID
            let site = Self.integer(location, "site", "id")
            siteOfLocation[id] = site
            let path = "rooms[\(rooms.count)]"
            builder.places[path] = place(location)
            var members: [(String, JSONOutput)] = [("id", .string(roomID)), ("name", .string(name))]
            if let point = plane(site) { members.append(("location", point)) }
            if let site, let region = siteRegions[site] {
                members.append(("region", .string(region.path)))
                builder.places[path + ".region"] = place(region.value, "region")
            }
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
                members.append(("sdh", .object([("vc4", .integer(SDHOccupancy(rate: rate).vc4))])))
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
            var members: [(String, JSONOutput)] = [
                (
                    "id",
                    .string(
                        Self.id(
                            Self.string(prefix, "description").flatMap { $0.isEmpty ? nil : $0 } ?? "prefix-\(prefixID)"
                        ))
                ),
                ("purpose", .string(purpose)), ("prefix", .string(text)),
            ]
            if let (region, field, value) = scopeRegion(
                prefix, regions: regions, siteRegions: siteRegions.mapValues(\.path), siteOfLocation: siteOfLocation)
            {
                members.append(("region", .string(region)))
                builder.places[path + ".region"] = place(value, field)
            }
            pools.append(.object(members))
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

/// The regions of a NetBox export as LinePlan writes them.
///
/// Each region's name comes after its parents' (`湖北/武汉`) when the export lists the regions
/// (`GET /api/dcim/regions/`, each with its `parent`); else a region stands alone. A `/` in a name becomes `-`,
/// so that only NetBox's parents make the levels.
struct RegionPaths {
    private var names: [Int: String] = [:]
    private var parents: [Int: Int] = [:]

    init(_ regions: [JSONValue]) {
        for region in regions {
            guard let id = NetBoxReader.integer(region, "id"), let name = NetBoxReader.string(region, "name") else {
                continue
            }
            names[id] = Self.level(name)
            if let parent = NetBoxReader.integer(region, "parent", "id") { parents[id] = parent }
        }
    }

    /// A name as one level of a region.
    static func level(_ name: String) -> String {
        name.replacingOccurrences(of: "/", with: "-")
    }

    /// The region a nested region object (`{id, name, slug, …}`, as a site gives it) stands for, or `nil` for
    /// `null`.
    func path(of region: JSONValue) -> String? {
        guard !region.isNull, let id = NetBoxReader.integer(region, "id") else { return nil }
        return path(id: id, nested: region)
    }

    /// The region with an id: from the region list, else the nested object's name.
    func path(id: Int, nested: JSONValue?) -> String? {
        guard names[id] != nil else { return nested.flatMap { NetBoxReader.string($0, "name") }.map(Self.level) }
        var levels: [String] = []
        var current: Int? = id
        var seen: Set<Int> = []
        // Parents up to the top; a loop (a broken export) ends where it closes.
        while let region = current, let name = names[region], seen.insert(region).inserted {
            levels.append(name)
            current = parents[region]
        }
        return levels.reversed().joined(separator: "/")
    }
}
