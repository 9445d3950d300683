import NetAddress
import NetGraph
import NetImport
import Testing

/// The network diff and the holds it breaks, on small hand-made networks.
@Suite struct NetworkDiffTests {
    static func network(ports: Int, rate: String, extraNode: Bool, pool: String) throws -> Network {
        var nodes = [
            Node(
                id: "P1", kind: .ptn, location: Location(x: 0, y: 0),
                ports: [PortGroup(type: .ge, total: ports, used: 1)]),
            Node(id: "B1", kind: .building, name: "大楼", location: Location(x: 1, y: 0), area: .town),
        ]
        if extraNode { nodes.append(Node(id: "B2", kind: .building, location: Location(x: 2, y: 0), area: .town)) }
        let link = Link(
            id: "L1", aEnd: 1, bEnd: 0, rate: try #require(Bandwidth(parsing: rate)), metres: 1000, segment: .lastMile,
            technology: .fibre)
        let pools = [Pool(id: "LAN", purpose: .lan, prefix: try IPv4Prefix(parsing: pool))]
        return Network(name: "t", nodes: nodes, links: [link], pools: pools)
    }

    @Test func listsAddedRemovedAndChangedItems() throws {
        let old = try Self.network(ports: 8, rate: "1G", extraNode: true, pool: "10.0.0.0/24")
        let new = try Self.network(ports: 4, rate: "100M", extraNode: false, pool: "10.0.0.0/24")
        let diff = NetworkDiff(old: old, new: new)
        #expect(
            diff.text == """
                ~ node P1: GE ports 8 → 4
                - node B2 (building)
                ~ link L1: rate 1G → 100M
                0 added, 1 removed, 2 changed

                """)
        #expect(NetworkDiff(old: new, new: old).changes.map(\.description).contains("+ node B2 (building)"))
        #expect(NetworkDiff(old: old, new: old).isEmpty)
    }

    /// Issue 17: a room moved to another region, and a pool that now serves one, are changes.
    @Test func listsRegionChangesOfRoomsAndPools() throws {
        let prefix = try IPv4Prefix(parsing: "10.0.0.0/24")
        let old = Network(
            name: "t", nodes: [], links: [], rooms: [Room(id: "R", name: "机房")],
            pools: [Pool(id: "LAN", purpose: .lan, prefix: prefix)])
        let new = Network(
            name: "t", nodes: [], links: [], rooms: [Room(id: "R", name: "机房", region: "湖北/武汉")],
            pools: [Pool(id: "LAN", purpose: .lan, prefix: prefix, region: "湖北")])
        #expect(
            NetworkDiff(old: old, new: new).text == """
                ~ room R: region none → 湖北/武汉
                ~ pool LAN: region none → 湖北
                0 added, 0 removed, 2 changed

                """)
    }

    @Test func findsTheHoldsThatRestOnRemovedOrShrunkResources() throws {
        let old = try Self.network(ports: 8, rate: "1G", extraNode: true, pool: "10.0.0.0/24")
        let new = try Self.network(ports: 4, rate: "100M", extraNode: false, pool: "10.0.1.0/24")
        let holds = [
            HeldResource(line: "A", state: "reserved", kind: "port", resource: "P1", detail: "GE", unit: 6),
            HeldResource(line: "A", state: "reserved", kind: "port", resource: "P1", detail: "GE", unit: 2),
            HeldResource(line: "B", state: "active", kind: "bandwidth", resource: "L1"),
            HeldResource(
                line: "B", state: "active", kind: "address", resource: "LAN",
                prefix: try IPv4Prefix(parsing: "10.0.0.4/30")),
            HeldResource(line: "C", state: "reserved", kind: "port", resource: "B2", detail: "FE", unit: 1),
        ]
        #expect(
            NetworkDiff(old: old, new: new).brokenHolds(holds, in: new) == [
                "line A (reserved): port GE #6 on P1: the node has 4 GE ports now",
                "line B (active): bandwidth on L1: the link shrank (rate 1G → 100M)",
                "line B (active): address on LAN: 10.0.0.4/30 is outside the pool's prefix 10.0.1.0/24 now",
                "line C (reserved): port FE #1 on B2: the node was removed",
            ])
    }
}
