import NetGraph
import Testing

/// Regions on rooms and pools (issue 17): read, checked, written back, and which pools serve which site.
@Suite struct RegionTests {
    @Test func readsRegionsAndWritesThemBack() throws {
        let text = """
            {"name": "n",
             "rooms": [{"id": "R-WH", "name": "武汉机房", "region": "湖北/武汉"}, {"id": "R-X", "name": "x"}],
             "nodes": [], "links": [],
             "pools": [{"id": "P-WH", "purpose": "lan", "prefix": "10.1.0.0/16", "region": "湖北/武汉"},
                       {"id": "P-HB", "purpose": "lan", "prefix": "10.2.0.0/16", "region": "湖北"},
                       {"id": "P", "purpose": "lan", "prefix": "10.3.0.0/16"}]}
            """
        let network = try loadNetwork(text)
        #expect(network.rooms.map(\.region) == ["湖北/武汉", nil])
        #expect(network.pools.map(\.region) == ["湖北/武汉", "湖北", nil])
        let again = try loadNetwork(network.fileText)
        #expect(again.rooms == network.rooms)
        #expect(again.pools == network.pools)
    }

    @Test func refusesAPoolForARegionNoRoomIsInAndAMalformedRegion() {
        let text = """
            {"name": "n", "rooms": [{"id": "R", "region": "湖北/武汉"}, {"id": "S", "region": "a//b"}],
             "nodes": [], "links": [],
             "pools": [{"id": "P", "purpose": "lan", "prefix": "10.1.0.0/16", "region": "湖北/宜昌"}]}
            """
        #expect(
            loadErrors(text) == [
                "net.json:1:79: error: invalid region 'a//b': each part of a region between '/' must be non-empty "
                    + "(rooms[1].region)",
                "net.json:3:77: error: no room is in region '湖北/宜昌' (a room's \"region\", or a region above it, such as "
                    + "'A' for 'A/B'); the pool would serve no site (pools[0].region)",
            ])
    }

    @Test func refusesHiddenCharactersInARegion() {
        #expect(Pool.regionProblem("湖北/武汉") == nil)
        for hidden in ["\u{202E}", "\u{200B}", "\u{2066}", "\u{FEFF}", "\u{0007}", "\u{0085}"] {
            #expect(
                Pool.regionProblem("湖北\(hidden)/武汉")
                    == "a region must not contain control, zero-width or bidirectional characters",
                "\(hidden.unicodeScalars.first?.value ?? 0)")
        }
        #expect(Pool.regionProblem(String(repeating: "区", count: 129)) == "a region is at most 128 characters")
    }

    /// Nearness by hand: a pool of 湖北 covers one part of 湖北/武汉/武昌, a pool of 湖北/武汉 two.
    @Test func measuresHowNearAPoolIsToASite() throws {
        let prefix = try loadNetwork(
            #"{"name": "n", "nodes": [], "links": [], "pools": [{"id": "P", "purpose": "lan", "prefix": "10.0.0.0/8"}]}"#
        ).pools[0].prefix
        func pool(_ region: String?) -> Pool { Pool(id: "P", purpose: .lan, prefix: prefix, region: region) }
        #expect(pool("湖北").nearness(to: "湖北/武汉/武昌") == 1)
        #expect(pool("湖北/武汉").nearness(to: "湖北/武汉/武昌") == 2)
        #expect(pool("湖北/武汉/武昌").nearness(to: "湖北/武汉/武昌") == 3)
        #expect(pool(nil).nearness(to: "湖北/武汉") == 0)
        #expect(pool(nil).nearness(to: nil) == 0)
        #expect(pool("湖北/宜昌").nearness(to: "湖北/武汉") == nil)
        // Parts are whole names: 湖 is not a region above 湖北.
        #expect(pool("湖").nearness(to: "湖北") == nil)
        #expect(pool("湖北/武汉").nearness(to: "湖北") == nil)
        #expect(pool("湖北").nearness(to: nil) == nil)
    }
}
