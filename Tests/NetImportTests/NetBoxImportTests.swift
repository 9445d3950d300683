import Foundation
import LocatedJSON
import NetGraph
import NetImport
import TestSupport
import Testing

/// The NetBox reader on `Topologies/wuhan/netbox/export.json`.
///
/// The fixture is written by `make-netbox-export.py` from NetBox 4.x's documented REST shapes: the
/// serializers in netbox-community/netbox (`netbox/dcim/api/serializers_/devices.py`, `device_components.py`,
/// `cables.py` — cable ends as `a_terminations`/`b_terminations` lists of `{object_type, object_id, object}` —
/// and `netbox/ipam/api/serializers_/ip.py`), brief nested objects `{id, url, display, name, slug}`, choice
/// fields `{value, label}`, list answers `{count, next, previous, results}`; the device shape was checked
/// against demo.netbox.dev output quoted in arminzaugg/netbox-asset-importer `src/devices.js`.
@Suite struct NetBoxImportTests {
    static func export() throws -> [UInt8] { try TestSupport.bytes("Topologies/wuhan/netbox/export.json") }

    static func errors(_ json: String, mapping: NetBoxMapping = .defaults) -> String {
        do {
            _ = try NetBoxImport.read(name: "nb.json", bytes: Array(json.utf8), mapping: mapping)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func importsTheFixtureWithThreeSitesAndThirtyDevices() throws {
        let mapping = try NetBoxMapping.load(
            name: "mapping.json", bytes: TestSupport.bytes("Topologies/wuhan/netbox/mapping.json"))
        let imported = try NetBoxImport.read(name: "export.json", bytes: Self.export(), mapping: mapping)
        let network = imported.network
        #expect(network.name == "Wuhan NetBox demo")
        #expect(network.nodes.count == 28)
        #expect(network.rooms.map(\.id) == ["hk-hcz", "wc-znl", "gg-gs"])
        #expect(network.links.count == 31)
        let access = try #require(network.nodeIndex(of: "PTN-ACC-GG-1").map { network.nodes[$0] })
        #expect(access.ports == [PortGroup(type: .fe, total: 4, used: 0), PortGroup(type: .ge, total: 8, used: 2)])
        #expect(
            network.pools.map(\.id) == [
                "WH-INTERCONNECT", "WH-LAN", "WH-APN", "WH-TUNNEL", "WH-PUBLIC", "WH-PUBLIC-GG",
            ])
        #expect(network.pools.last?.purpose == .public)
        // Issue 14: each location's site's region, after its parents; the 光谷 site's own public prefix.
        #expect(network.rooms.map(\.region) == ["湖北/武汉/汉口", "湖北/武汉/武昌", "湖北/武汉/光谷"])
        #expect(network.pools.map(\.region) == [nil, nil, nil, nil, nil, "湖北/武汉/光谷"])
        let drop = try #require(network.linkIndex(of: "DROP-GG-1").map { network.links[$0] })
        #expect(drop.technology == .fibre && drop.segment == .lastMile && drop.metres == 1100)
        #expect(
            imported.warnings.map(\.description) == [
                "export.json:1:1: warning: 2 devices with role 'patch-panel' left out: map the role to a node kind in "
                    + "the mapping file (\"roles\": {\"patch-panel\": \"ptn\"})"
            ])
    }

    @Test func networkProblemsPointAtTheNetBoxObject() {
        let json = """
            {"sites": [{"id": 1, "latitude": 30.5, "longitude": 114.3}, {"id": 2}],
             "devices": {"count": 3, "next": null, "previous": null, "results": [
              {"id": 1, "name": "P1", "role": {"slug": "ptn"}, "site": {"id": 1}},
              {"id": 2, "name": "B 1", "role": {"slug": "customer"}, "site": {"id": 1}},
              {"id": 3, "name": "P2", "role": {"slug": "ptn"}, "site": {"id": 2}}]},
             "cables": [],
             "prefixes": [{"id": 7, "prefix": "10.0.0.0/33", "role": {"slug": "lan"}, "description": "LAN"}]}
            """
        #expect(
            Self.errors(json) == """
                nb.json:5:3: error: device 'P2' has no coordinates: its site needs latitude and longitude (field site)
                nb.json:7:35: error: invalid prefix '10.0.0.0/33': prefix length 33 is above 32 (field prefix)
                """)
    }

    /// Issue 14: a site's region goes to the rooms of its locations; a prefix's scope (NetBox 4.2: a region, a
    /// site, a location; before: its site) to its pool.
    @Test func mapsSiteRegionsToRoomsAndPrefixScopesToPools() throws {
        let json = """
            {"regions": [{"id": 1, "name": "湖北", "slug": "hubei", "parent": null},
              {"id": 2, "name": "武汉", "slug": "wuhan", "parent": {"id": 1, "name": "湖北", "slug": "hubei"}},
              {"id": 3, "name": "光谷/东湖", "slug": "guanggu", "parent": {"id": 2, "name": "武汉", "slug": "wuhan"}}],
             "sites": [{"id": 1, "latitude": 30.5, "longitude": 114.4, "region": {"id": 3, "name": "光谷/东湖"}},
              {"id": 2, "latitude": 30.6, "longitude": 114.2, "region": {"id": 2, "name": "武汉"}},
              {"id": 3, "latitude": 30.4, "longitude": 114.3, "region": null}],
             "locations": [{"id": 1, "name": "光谷机房", "slug": "gg", "site": {"id": 1}},
              {"id": 2, "name": "汉口机房", "slug": "hk", "site": {"id": 2}},
              {"id": 3, "name": "郊区机房", "slug": "jq", "site": {"id": 3}}],
             "devices": [{"id": 1, "name": "P1", "role": {"slug": "ptn"}, "site": {"id": 1}, "location": {"id": 1}},
              {"id": 2, "name": "P2", "role": {"slug": "ptn"}, "site": {"id": 2}, "location": {"id": 2}},
              {"id": 3, "name": "P3", "role": {"slug": "ptn"}, "site": {"id": 3}, "location": {"id": 3}}],
             "cables": [],
             "prefixes": [
              {"id": 1, "prefix": "10.1.0.0/16", "role": {"slug": "lan"}, "description": "GG-LAN",
               "scope_type": "dcim.site", "scope_id": 1, "scope": {"id": 1, "name": "光谷"}},
              {"id": 2, "prefix": "10.2.0.0/16", "role": {"slug": "lan"}, "description": "CITY-LAN",
               "scope_type": "dcim.region", "scope_id": 2, "scope": {"id": 2, "name": "武汉"}},
              {"id": 3, "prefix": "10.3.0.0/16", "role": {"slug": "lan"}, "description": "HK-LAN",
               "scope_type": "dcim.location", "scope_id": 2, "scope": {"id": 2, "name": "汉口机房"}},
              {"id": 4, "prefix": "10.4.0.0/16", "role": {"slug": "lan"}, "description": "OLD-GG-LAN",
               "site": {"id": 1, "name": "光谷"}},
              {"id": 5, "prefix": "10.5.0.0/16", "role": {"slug": "lan"}, "description": "GROUP-LAN",
               "scope_type": "dcim.sitegroup", "scope_id": 7, "scope": {"id": 7, "name": "核心"}},
              {"id": 6, "prefix": "10.6.0.0/16", "role": {"slug": "lan"}, "description": "ANY-LAN",
               "scope_type": null, "scope_id": null, "scope": null},
              {"id": 7, "prefix": "10.7.0.0/16", "role": {"slug": "lan"}, "description": "JQ-LAN",
               "scope_type": "dcim.site", "scope_id": 3, "scope": {"id": 3, "name": "郊区"}}]}
            """
        let network = try NetBoxImport.read(name: "nb.json", bytes: Array(json.utf8), mapping: .defaults).network
        #expect(network.rooms.map(\.region) == ["湖北/武汉/光谷-东湖", "湖北/武汉", nil])
        #expect(
            network.pools.map { "\($0.id) \($0.region ?? "-")" } == [
                "GG-LAN 湖北/武汉/光谷-东湖", "CITY-LAN 湖北/武汉", "HK-LAN 湖北/武汉", "OLD-GG-LAN 湖北/武汉/光谷-东湖",
                "GROUP-LAN -", "ANY-LAN -", "JQ-LAN -",
            ])
        // Without the region list a site's region is its own name, one level.
        let alone = json.replacingOccurrences(of: "{\"regions\"", with: "{\"unlisted\"")
        let imported = try NetBoxImport.read(name: "nb.json", bytes: Array(alone.utf8), mapping: .defaults)
        #expect(imported.network.rooms.map(\.region) == ["光谷-东湖", "武汉", nil])
        #expect(imported.network.pools.first?.region == "光谷-东湖")
    }

    /// Issue 14: a pool whose site's region has no room is refused at the prefix's scope, as a network file's.
    @Test func aPrefixScopedToASiteWithoutRoomsIsRefusedAtItsScope() {
        let json = """
            {"sites": [{"id": 1, "latitude": 30.5, "longitude": 114.4, "region": {"id": 3, "name": "光谷"}},
              {"id": 2, "latitude": 30.6, "longitude": 114.2, "region": {"id": 4, "name": "客户区"}}],
             "locations": [{"id": 1, "name": "光谷机房", "slug": "gg", "site": {"id": 1}}],
             "devices": [{"id": 1, "name": "P1", "role": {"slug": "ptn"}, "site": {"id": 1}, "location": {"id": 1}}],
             "cables": [],
             "prefixes": [{"id": 1, "prefix": "10.1.0.0/16", "role": {"slug": "lan"}, "description": "C-LAN",
               "scope_type": "dcim.site", "scope_id": 2, "scope": {"id": 2, "name": "客户"}},
              {"id": 2, "prefix": "10.2.0.0/16", "role": {"slug": "lan"}, "description": "D-LAN",
               "site": {"id": 2, "name": "客户"}}]}
            """
        #expect(
            Self.errors(json) == """
                nb.json:7:55: error: no room is in region '客户区' (a room's "region", or a region above it, such as \
                'A' for 'A/B'); the pool would serve no site (field scope)
                nb.json:9:12: error: no room is in region '客户区' (a room's "region", or a region above it, such as \
                'A' for 'A/B'); the pool would serve no site (field site)
                """)
    }

    @Test func mappingFilesAreChecked() {
        let text = #"{"roles": {"agg": "ptm"}, "prefixRoles": {"p2p": "lan"}, "origin": [114], "colour": 1}"#
        do {
            _ = try NetBoxMapping.load(name: "m.json", bytes: Array(text.utf8))
            Issue.record("expected errors")
        } catch {
            #expect(
                error.description == """
                    m.json:1:19: error: 'ptm' is not one of otn, ptn, sdh, msap, olt, splitter, ggsn, cmnet, \
                    gprs-vpn-switch, access-switch, building, wlan-ap (roles.agg)
                    m.json:1:68: error: expected [longitude, latitude] in degrees (origin)
                    m.json:1:75: error: unknown key 'colour' (colour)
                    """)
        }
        #expect(NetBoxMapping.defaults.roles["customer"] == "building")
        #expect(NetBoxMapping.defaults.interfaceTypes["10gbase-x-sfpp"] == "10GE")
    }
}

/// A NetBox site's latitude and longitude are bounded when read (issue 13: a latitude of 1e308 trapped,
/// SIGILL, converting its plane coordinate to a whole number of metres).
@Suite struct NetBoxCoordinateBoundTests {
    static func export(latitude: String, longitude: String = "114.3") -> String {
        """
        {"sites": [{"id": 1, "latitude": 30.5, "longitude": 114.3}, {"id": 2, "latitude": \(latitude), \
        "longitude": \(longitude)}],
         "devices": [
          {"id": 1, "name": "P1", "role": {"slug": "ptn"}, "site": {"id": 1}},
          {"id": 2, "name": "P2", "role": {"slug": "ptn"}, "site": {"id": 2}}],
         "cables": []}
        """
    }

    @Test(arguments: [
        ("9223372036854775807", "latitude 9223372036854775807 is outside -90…90 degrees"),
        ("-9223372036854775808", "latitude -9223372036854775808 is outside -90…90 degrees"),
        ("1e308", "latitude 1e+308 is outside -90…90 degrees"),
        ("-1e308", "latitude -1e+308 is outside -90…90 degrees"),
        ("90.000001", "latitude 90.000001 is outside -90…90 degrees"),
        ("\"30.5\"", "expected a number of degrees, found a string"),
    ])
    func refusesALatitudeOffTheGlobeAtItsValue(latitude: String, message: String) {
        #expect(
            NetBoxImportTests.errors(Self.export(latitude: latitude)) == """
                nb.json:1:83: error: \(message) (field latitude)
                nb.json:4:3: error: device 'P2' has no coordinates: its site needs latitude and longitude (field site)
                """)
    }

    @Test func refusesALongitudeOffTheGlobeAtItsValue() {
        let export = Self.export(latitude: "30.5", longitude: "-180.5")
        #expect(
            NetBoxImportTests.errors(export) == """
                nb.json:1:102: error: longitude -180.5 is outside -180…180 degrees (field longitude)
                nb.json:4:3: error: device 'P2' has no coordinates: its site needs latitude and longitude (field site)
                """)
    }

    @Test func readsTheBoundsAndMinusZero() throws {
        for (latitude, longitude) in [("90", "180"), ("-90", "-180"), ("-0", "-0")] {
            let json = Self.export(latitude: latitude, longitude: longitude)
            let imported = try NetBoxImport.read(name: "nb.json", bytes: Array(json.utf8), mapping: .defaults)
            #expect(imported.network.nodes.count == 2)
        }
        #expect(
            NetBoxImportTests.errors(Self.export(latitude: "1e-400")).hasPrefix(
                "nb.json:1:83: error: number 1e-400 is out of range: too close to zero to represent; write 0"))
    }
}

/// A NetBox cable's length is bounded when read, at its value (issue 13).
@Suite struct NetBoxCableLengthBoundTests {
    @Test(arguments: [
        ("1e308", "length 1e+308 is outside 0…20000 km, the longest link a network file takes"),
        (
            "9223372036854775807",
            "length 9223372036854775807 is outside 0…20000 km, the longest link a network file takes"
        ),
        ("-5", "length -5 is outside 0…20000 km, the longest link a network file takes"),
    ])
    func refusesACableLengthOutOfBoundsAtItsValue(length: String, message: String) throws {
        let export = String(decoding: try NetBoxImportTests.export(), as: UTF8.self)
        let lines = export.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("    \"length\": ") })
        var edited = lines
        edited[first] = "    \"length\": \(length),"
        let errors = NetBoxImportTests.errors(edited.joined(separator: "\n"))
        #expect(
            errors.split(separator: "\n").filter { $0.contains(": error: ") } == [
                "nb.json:\(first + 1):15: error: \(message) (field length)"
            ])
    }
}
