import Devices
import NetAddress
import NetGraph
import Orders
import Planning
import TestSupport
import Testing

/// Issue 17: a site's blocks come from its region's pools, then from the regions above it, then from the
/// pools without a region; no longer from the network's first pool of the purpose for the whole province.
@Suite struct PoolsByPlaceTests {
    /// The fixture with ACC-1 (B-BANK's access) in an eastern room and ACC-2 (B-FAR's) in a western one,
    /// and public pools: the east's holds one /30, the west's two, 湖北's one, the province-wide rest.
    func network() throws -> Network {
        let fixture = PlanningFixture.network()
        let nodes = fixture.nodes.map { node in
            var node = node
            if node.id == "ACC-1" { node.room = "R-EAST" }
            if node.id == "ACC-2" { node.room = "R-WEST" }
            return node
        }
        let rooms = [
            Room(id: "R-EAST", name: "鄂东机房", region: "湖北/鄂东"),
            Room(id: "R-WEST", name: "鄂西机房", region: "湖北/鄂西"),
        ]
        let pools =
            fixture.pools.filter { $0.purpose != .public } + [
                Pool(id: "PUB-EAST", purpose: .public, prefix: try prefix("198.51.100.0/30"), region: "湖北/鄂东"),
                Pool(id: "PUB-WEST", purpose: .public, prefix: try prefix("198.51.100.64/29"), region: "湖北/鄂西"),
                Pool(id: "PUB-HUBEI", purpose: .public, prefix: try prefix("198.51.100.32/30"), region: "湖北"),
                Pool(id: "PUB", purpose: .public, prefix: try prefix("198.51.100.128/25")),
            ]
        return Network(
            name: fixture.name, nodes: nodes, links: fixture.links, rooms: rooms, pools: pools, policy: fixture.policy)
    }

    func prefix(_ text: String) throws -> IPv4Prefix {
        try IPv4Prefix(parsing: text)
    }

    func site(_ name: String, _ building: String) -> OrderSite {
        OrderSite(name: name, building: building, bandwidth: .megabits(20), interface: .ge, router: "Cisco 1841")
    }

    @Test func eachRegionsSitesDrawFromTheirOwnPoolThenTheNearestWithRoom() throws {
        let order = try PlanningFixture.order(
            .internet,
            sites: [
                site("East-1", "B-BANK"), site("West-1", "B-FAR"), site("East-2", "B-BANK"),
                site("East-3", "B-BANK"), site("West-2", "B-FAR"),
            ])
        let plan = try planOrder(order, network: try network())
        #expect(plan.sites.map(\.accessNode) == ["ACC-1", "ACC-2", "ACC-1", "ACC-1", "ACC-2"])
        // East-1 takes the east's only /30; East-2 the pool of 湖北 above it; East-3 the province-wide pool.
        // The west's /29 holds two /30s, one for each western site.
        #expect(
            plan.sites.map { $0.addresses.interconnect?.description } == [
                "198.51.100.0/30", "198.51.100.64/30", "198.51.100.32/30", "198.51.100.128/30", "198.51.100.68/30",
            ])
        #expect(
            plan.sites.map { $0.addressRequests.first?.pool.id } == [
                "PUB-EAST", "PUB-WEST", "PUB-HUBEI", "PUB", "PUB-WEST",
            ])
    }

    @Test func aSiteNoPoolServesIsACoreBuildNamingItsNearestPool() throws {
        let full = try network()
        let network = Network(
            name: full.name, nodes: full.nodes, links: full.links, rooms: full.rooms,
            pools: full.pools.filter { $0.id != "PUB" && $0.id != "PUB-HUBEI" }, policy: full.policy)
        let order = try PlanningFixture.order(
            .internet, sites: [site("East-1", "B-BANK"), site("East-2", "B-BANK")])
        let plan = try planOrder(order, network: network)
        #expect(plan.sites.map(\.outcome) == [.available, .coreBuild])
        let short = try #require(plan.sites[1].segments.last)
        #expect(short.pools == ["PUB-EAST"])
        #expect(
            short.reason == "pool PUB-EAST (198.51.100.0/30) cannot give 1 /30: it has no free block of that size left")
        // The western pool has room, but it is not the east's.
        #expect(plan.sites[1].addresses.interconnect == nil)
    }

    @Test func aNetworkWithoutRegionsDrawsFromItsFirstPoolAsBefore() throws {
        let order = try PlanningFixture.order(.internet, sites: [site("East-1", "B-BANK"), site("West-1", "B-FAR")])
        let plan = try planOrder(order)
        #expect(plan.sites.map { $0.addresses.interconnect?.description } == ["198.51.100.0/30", "198.51.100.4/30"])
    }
}
