import NetGraph
import NetPaths
import Testing

/// Paths climb the hierarchy once: last mile, access, aggregation, core, and down again.
@Suite struct LayeredPathTests {
    func route(_ network: Network, _ from: String, _ to: String, layered: Bool = true) throws -> Path? {
        var finder = PathFinder(graph: RoutingGraph(network: network))
        let request = PathRequest(
            source: try #require(network.nodeIndex(of: from)), destination: try #require(network.nodeIndex(of: to)),
            bandwidth: .megabits(10), layered: layered)
        return finder.shortestPath(request).working
    }

    /// A building in area 1 reaches a GGSN on core node O3.
    ///
    /// Through area 2's aggregation ring
    /// (O1–H1–H2–O2) the route is 8.1 km but leaves the core and comes back (core, aggregation, core);
    /// along the core (O1–O2) it is 14.1 km.
    func coreDip() -> Network {
        var graph = GraphFixture([
            ("S", .building, 0, 0), ("P", .ptn, 1, 0), ("G1", .ptn, 2, 0), ("O1", .otn, 3, 0), ("O2", .otn, 3, 2),
            ("O3", .otn, 4, 2), ("H1", .ptn, 3.5, 1), ("H2", .ptn, 3.5, 1.5), ("T", .ggsn, 4, 2.1),
        ])
        graph.link("S", "P", km: 1, segment: .lastMile, technology: .fibre)
        graph.link("P", "G1", km: 1, segment: .access)
        graph.link("G1", "O1", km: 1, segment: .core, technology: .ethernet)
        graph.link("O1", "O2", km: 10, segment: .core, technology: .ethernet)
        graph.link("O2", "O3", km: 1, segment: .core, technology: .ethernet)
        graph.link("O3", "T", km: 0.1, segment: .core, technology: .ethernet)
        graph.link("O1", "H1", km: 1, segment: .core, technology: .ethernet)
        graph.link("H1", "H2", km: 2, segment: .aggregation)
        graph.link("H2", "O2", km: 1, segment: .core, technology: .ethernet)
        return graph.network
    }

    @Test func neverLeavesTheCoreToComeBack() throws {
        let network = coreDip()
        let flat = try #require(try route(network, "S", "T", layered: false))
        #expect(flat.nodeIDs(in: network) == ["S", "P", "G1", "O1", "H1", "H2", "O2", "O3", "T"])
        #expect(flat.metres == 8100)
        let climbing = try #require(try route(network, "S", "T"))
        #expect(climbing.nodeIDs(in: network) == ["S", "P", "G1", "O1", "O2", "O3", "T"])
        #expect(climbing.metres == 14_100)
    }

    /// Aggregation nodes G1 and G2, and two access rings.
    ///
    /// Access ring R1 (P) homes on G1; access ring R2 (Q) homes on G1 and G2 and closes with the access link G1–G2 (2 km). The aggregation link G1–G2 is 10 km.
    func closingLinks() -> Network {
        var graph = GraphFixture([
            ("S", .building, 0, 0), ("P", .ptn, 1, 0), ("G1", .ptn, 2, 0), ("G2", .ptn, 4, 0), ("Q", .ptn, 3, 3),
            ("U", .building, 3, 4), ("O", .otn, 5, 0), ("T", .ggsn, 5, 1),
        ])
        graph.link("S", "P", km: 1, segment: .lastMile, technology: .fibre)
        graph.link("P", "G1", km: 1, id: "R1-L1", segment: .access)
        graph.links[graph.links.count - 1].ring = "R1"
        graph.link("G1", "G2", km: 2, id: "R2-CLOSE", segment: .access)
        graph.links[graph.links.count - 1].ring = "R2"
        graph.link("G1", "Q", km: 4, id: "R2-L1", segment: .access)
        graph.links[graph.links.count - 1].ring = "R2"
        graph.link("Q", "G2", km: 40, id: "R2-L2", segment: .access)
        graph.links[graph.links.count - 1].ring = "R2"
        graph.link("G1", "G2", km: 10, id: "AGG", segment: .aggregation)
        graph.link("U", "Q", km: 1, segment: .lastMile, technology: .fibre)
        graph.link("G2", "O", km: 1, segment: .core, technology: .ethernet)
        graph.link("O", "T", km: 0.1, segment: .core, technology: .ethernet)
        return graph.network
    }

    @Test func takesAnotherRingsClosingLinkOnlyFromThatRing() throws {
        let network = closingLinks()
        // From ring R1, R2's closing link would save 8 km; it is not R1's to use.
        let flat = try #require(try route(network, "S", "T", layered: false))
        #expect(flat.linkIDs(in: network) == ["S-P", "R1-L1", "R2-CLOSE", "G2-O", "O-T"])
        let climbing = try #require(try route(network, "S", "T"))
        #expect(climbing.linkIDs(in: network) == ["S-P", "R1-L1", "AGG", "G2-O", "O-T"])
        #expect(climbing.metres == 13_100)
        // From ring R2 itself, running round the ring through its closing link is climbing.
        let own = try #require(try route(network, "U", "T"))
        #expect(own.linkIDs(in: network) == ["U-Q", "R2-L1", "R2-CLOSE", "G2-O", "O-T"])
        #expect(own.metres == 8100)
    }

    @Test func changesNothingOnAGraphOfOneSegment() throws {
        var graph = GraphFixture([("A", .ptn, 0, 0), ("B", .ptn, 1, 0), ("C", .ptn, 1, 1), ("D", .ptn, 2, 0)])
        graph.link("A", "B", km: 1)
        graph.link("B", "D", km: 1)
        graph.link("A", "C", km: 1)
        graph.link("C", "D", km: 1.5)
        let network = graph.network
        #expect(try route(network, "A", "D") == (try route(network, "A", "D", layered: false)))
    }
}
