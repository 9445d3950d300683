import NetGraph
import NetPaths
import Testing

@Suite struct DiversePathTests {
    func pair(_ network: Network, _ from: String, _ to: String, diversity: Diversity = .links) throws -> PathAnswer {
        let source = try #require(network.nodeIndex(of: from))
        let destination = try #require(network.nodeIndex(of: to))
        var finder = PathFinder(graph: RoutingGraph(network: network))
        return finder.diversePaths(
            PathRequest(source: source, destination: destination, bandwidth: .megabits(10)), diversity: diversity)
    }

    /// Finds the pair in the trap graph.
    ///
    /// The shortest path s-a-b-t (3 km) uses the cross link a-b; removing it leaves s
    /// cut off from t. The disjoint pair is s-a-d-t (1+3+3) and s-c-b-t (3+3+1), 14 km in all.
    @Test func escapesTheShortestPathTrap() throws {
        var graph = GraphFixture([
            ("s", .building, 0, 0), ("a", .ptn, 0.5, 0.5), ("b", .ptn, 1.5, 0.5), ("c", .ptn, 0.5, -2),
            ("d", .ptn, 2, 2), ("t", .ggsn, 2, 0),
        ])
        graph.link("s", "a", km: 1)
        graph.link("a", "b", km: 1)
        graph.link("b", "t", km: 1)
        graph.link("a", "d", km: 3)
        graph.link("d", "t", km: 3)
        graph.link("s", "c", km: 3)
        graph.link("c", "b", km: 3)
        let network = graph.network
        let answer = try pair(network, "s", "t")
        let working = try #require(answer.working)
        let protection = try #require(answer.protection)
        #expect(working.nodeIDs(in: network) == ["s", "a", "d", "t"])
        #expect(protection.nodeIDs(in: network) == ["s", "c", "b", "t"])
        #expect(working.metres + protection.metres == 14_000)
        #expect(Set(working.links).isDisjoint(with: protection.links))
        #expect(answer.sharedRiskGroups.isEmpty)
    }

    /// Two 4 km routes both pass through m; the only node-disjoint alternative is 40 km via r.
    func hourglass() -> Network {
        var graph = GraphFixture([
            ("s", .building, 0, 0), ("x", .ptn, 1, 1), ("p", .ptn, 1, -1), ("m", .ptn, 2, 0), ("y", .ptn, 3, 1),
            ("q", .ptn, 3, -1), ("r", .ptn, 2, 10), ("t", .ggsn, 4, 0),
        ])
        for (from, to) in [
            ("s", "x"), ("x", "m"), ("m", "y"), ("y", "t"), ("s", "p"), ("p", "m"), ("m", "q"), ("q", "t"),
        ] {
            graph.link(from, to, km: 1.5)
        }
        graph.link("s", "r", km: 20)
        graph.link("r", "t", km: 20)
        return graph.network
    }

    @Test func allowsASharedNodeWhenOnlyLinksMustDiffer() throws {
        let network = hourglass()
        let answer = try pair(network, "s", "t", diversity: .links)
        #expect(answer.working?.nodeIDs(in: network) == ["s", "p", "m", "q", "t"])
        #expect(answer.protection?.nodeIDs(in: network) == ["s", "x", "m", "y", "t"])
    }

    @Test func keepsIntermediateNodesApartWhenAsked() throws {
        let network = hourglass()
        let answer = try pair(network, "s", "t", diversity: .nodes)
        let working = try #require(answer.working)
        let protection = try #require(answer.protection)
        #expect(working.nodeIDs(in: network) == ["s", "p", "m", "q", "t"])
        #expect(protection.nodeIDs(in: network) == ["s", "r", "t"])
    }

    /// Three routes s-a-t (4 km), s-b-t (6 km), s-c-t (10 km); s-a and s-b run in one duct.
    func ducts(withThirdRoute: Bool) -> Network {
        var graph = GraphFixture([
            ("s", .building, 0, 0), ("a", .ptn, 1, 1), ("b", .ptn, 1, -1), ("c", .ptn, 1, 3), ("t", .ggsn, 2, 0),
        ])
        graph.link("s", "a", km: 2, srlg: ["DUCT-1"])
        graph.link("a", "t", km: 2, srlg: ["CABLE-A"])
        graph.link("s", "b", km: 3, srlg: ["DUCT-1"])
        graph.link("b", "t", km: 3, srlg: ["CABLE-B"])
        if withThirdRoute {
            graph.link("s", "c", km: 5, srlg: ["CABLE-C1"])
            graph.link("c", "t", km: 5, srlg: ["CABLE-C2"])
        }
        return graph.network
    }

    @Test func avoidsASharedDuctThroughTheKShortestFallback() throws {
        let network = ducts(withThirdRoute: true)
        let answer = try pair(network, "s", "t")
        #expect(answer.working?.nodeIDs(in: network) == ["s", "a", "t"])
        #expect(answer.protection?.nodeIDs(in: network) == ["s", "c", "t"])
        #expect(answer.sharedRiskGroups.isEmpty)
    }

    @Test func namesTheSharedDuctWhenNoFullyDiversePairExists() throws {
        let network = ducts(withThirdRoute: false)
        let answer = try pair(network, "s", "t")
        #expect(answer.working?.nodeIDs(in: network) == ["s", "a", "t"])
        #expect(answer.protection?.nodeIDs(in: network) == ["s", "b", "t"])
        #expect(answer.sharedRiskGroups == ["DUCT-1"])
    }

    @Test func explainsAMissingProtectionPath() throws {
        // A single-homed building: every route shares the last-mile link s-a.
        var graph = GraphFixture([
            ("s", .building, 0, 0), ("a", .ptn, 1, 0), ("b", .ptn, 2, 1), ("c", .ptn, 2, -1),
            ("t", .ggsn, 3, 0),
        ])
        graph.link("s", "a", km: 1)
        graph.link("a", "b", km: 1.5)
        graph.link("b", "t", km: 1.5)
        graph.link("a", "c", km: 1.5)
        graph.link("c", "t", km: 1.5)
        let network = graph.network
        let answer = try pair(network, "s", "t")
        #expect(answer.working?.nodeIDs(in: network) == ["s", "a", "b", "t"])
        #expect(answer.protection == nil)
        #expect(
            answer.protectionBlockage?.reason
                == "no link-diverse second route from 's' to 't': every route shares a link with the working path")
    }

    @Test func listsTheKShortestPathsInOrder() throws {
        // Routes of the trap graph from s to t: s-a-b-t 3, s-a-d-t 7, s-c-b-t 7, s-c-b-a-d-t 13.
        var graph = GraphFixture([
            ("s", .building, 0, 0), ("a", .ptn, 0.5, 0.5), ("b", .ptn, 1.5, 0.5), ("c", .ptn, 0.5, -2),
            ("d", .ptn, 2, 2), ("t", .ggsn, 2, 0),
        ])
        graph.link("s", "a", km: 1)
        graph.link("a", "b", km: 1)
        graph.link("b", "t", km: 1)
        graph.link("a", "d", km: 3)
        graph.link("d", "t", km: 3)
        graph.link("s", "c", km: 3)
        graph.link("c", "b", km: 3)
        let network = graph.network
        var finder = PathFinder(graph: RoutingGraph(network: network))
        let paths = finder.shortestPaths(PathRequest(source: 0, destination: 5, bandwidth: .megabits(2)), count: 10)
        #expect(paths.map { $0.nodeIDs(in: network).joined() } == ["sabt", "sadt", "scbt", "scbadt"])
        #expect(paths.map(\.metres) == [3000, 7000, 7000, 13_000])
    }
}
