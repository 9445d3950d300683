import NetGraph
import Testing

@testable import NetPaths

/// Issue 17: a finder remembers what it found blocked, and a demand met again is answered as a new
/// finder with the same reservations would answer it, with fewer searches.
@Suite struct BlockedMemoryTests {
    /// S(building) to T(cmnet): S-A-B-T (3 km) and S-A-B-U-T (4 km); a dead end A-D-E beside them.
    ///
    /// B-T (core) has 10M free of its 800M, B-U (access) 50M of its 700M, A-B 300M, U-T 800M. So 100M reaches
    /// S, A, B, D and E, and is refused at B-T and B-U; T's other link U-T admits it, so the far ends do
    /// not decide it and a search does.
    func ladder() -> Network {
        var graph = GraphFixture([
            ("S", .building, 0, 0), ("A", .ptn, 1, 0), ("B", .ptn, 2, 0), ("D", .ptn, 1, 1), ("E", .ptn, 1, 2),
            ("U", .ptn, 2, 1), ("T", .cmnet, 3, 0),
        ])
        graph.link("S", "A", km: 1, segment: .lastMile, technology: .fibre)
        graph.link("A", "B", km: 1, committed: .megabits(400))
        graph.link("A", "D", km: 1)
        graph.link("D", "E", km: 1)
        graph.link("B", "T", km: 1, committed: .megabits(790), segment: .core, technology: .ethernet)
        graph.link("B", "U", km: 1, committed: .megabits(650))
        graph.link("U", "T", km: 1, segment: .core, technology: .ethernet)
        return graph.network
    }

    func index(_ network: Network, _ id: String) throws -> Int { try #require(network.nodeIndex(of: id)) }

    func links(_ network: Network, _ ids: [String]) throws -> [Int] {
        try ids.map { id in try #require(network.links.firstIndex { $0.id == id }) }
    }

    /// The answer of a finder that never met the demand, after the same reservations.
    func fresh(_ network: Network, _ request: PathRequest, after reservations: [(Bandwidth, [Int])]) -> PathAnswer {
        var finder = PathFinder(graph: RoutingGraph(network: network))
        for (bandwidth, links) in reservations { finder.reserve(bandwidth, on: links) }
        return finder.shortestPath(request)
    }

    @Test func answersABlockedDemandAgainAsANewFinderWould() throws {
        let network = ladder()
        let request = PathRequest(
            source: try index(network, "S"), destination: try index(network, "T"), bandwidth: .megabits(100))
        var finder = PathFinder(graph: RoutingGraph(network: network))
        var reservations: [(Bandwidth, [Int])] = []

        // First: a search, then the route that ignores capacity (S-A-B-T) for the cause.
        let first = finder.shortestPath(request)
        #expect(finder.searchCount == 2)
        let blockage = try #require(first.workingBlockage)
        #expect(blockage.refusals.map { network.links[$0.link].id } == ["B-U", "B-T"])
        #expect(
            blockage.reason
                == "100M is blocked in the core segment: link 'B-T' (B–T) 100M asked, 10M free "
                + "(790M committed of 1G, limit 80 %)")

        // Again: what the search reached is read again, and nothing is searched.
        let second = finder.shortestPath(request)
        #expect(finder.searchCount == 2)
        #expect(second == first)
        #expect(second == fresh(network, request, after: reservations))

        // 100M taken on S-A and A-D, inside the reach: both still carry 100M, so the reach holds.
        reservations.append((.megabits(100), try links(network, ["S-A", "A-D"])))
        finder.reserve(.megabits(100), on: reservations[0].1)
        let third = finder.shortestPath(request)
        #expect(finder.searchCount == 2)
        #expect(third == fresh(network, request, after: reservations))
        #expect(third.workingBlockage?.refusals.map { network.links[$0.link].id } == ["B-U", "B-T"])

        // 250M on A-B leaves it 50M: the reach shrinks to S, A, D and E, so the search runs again (the
        // route for the cause is not searched again) and the cause moves to A-B.
        reservations.append((.megabits(250), try links(network, ["A-B"])))
        finder.reserve(.megabits(250), on: reservations[1].1)
        let fourth = finder.shortestPath(request)
        #expect(finder.searchCount == 3)
        #expect(fourth == fresh(network, request, after: reservations))
        #expect(fourth.workingBlockage?.refusals.map { network.links[$0.link].id } == ["A-B"])
        #expect(
            fourth.workingBlockage?.reason
                == "100M is blocked in the access segment: link 'A-B' (A–B) 100M asked, 50M free "
                + "(650M committed of 1G, limit 70 %)")
        // And once more, from the new reach.
        #expect(finder.shortestPath(request) == fourth)
        #expect(finder.searchCount == 3)
    }

    @Test func letsASmallerDemandThatFitsThrough() throws {
        let network = ladder()
        var finder = PathFinder(graph: RoutingGraph(network: network))
        var request = PathRequest(
            source: try index(network, "S"), destination: try index(network, "T"), bandwidth: .megabits(100))
        #expect(finder.shortestPath(request).working == nil)
        #expect(finder.shortestPath(request).working == nil)
        // 40M fits B-U (50M free) and U-T.
        request.bandwidth = .megabits(40)
        #expect(finder.shortestPath(request).working?.nodeIDs(in: network) == ["S", "A", "B", "U", "T"])
        // 60M does not, and is refused where a new finder refuses it.
        request.bandwidth = .megabits(60)
        let blocked = finder.shortestPath(request)
        #expect(blocked.working == nil)
        #expect(blocked == fresh(network, request, after: []))
    }

    /// S-A-T with T's one link full: blocked at the far end, with the cause read again from the links.
    @Test func readsTheCauseAgainFromTheLinksAsTheyStand() throws {
        var graph = GraphFixture([("S", .building, 0, 0), ("A", .ptn, 1, 0), ("T", .cmnet, 2, 0)])
        graph.link("S", "A", km: 1)
        graph.link("A", "T", km: 1, committed: .megabits(790), segment: .core, technology: .ethernet)
        let network = graph.network
        let request = PathRequest(
            source: try index(network, "S"), destination: try index(network, "T"), bandwidth: .megabits(100))
        var finder = PathFinder(graph: RoutingGraph(network: network))
        let first = finder.shortestPath(request)
        #expect(finder.searchCount == 1)
        #expect(
            first.workingBlockage?.reason
                == "100M is blocked in the core segment: link 'A-T' (A–T) 100M asked, 10M free "
                + "(790M committed of 1G, limit 80 %)")
        // 650M taken on S-A: the route that ignores capacity is not searched again, yet the cause is now S-A.
        let taken = try links(network, ["S-A"])
        finder.reserve(.megabits(650), on: taken)
        let second = finder.shortestPath(request)
        #expect(finder.searchCount == 1)
        #expect(second == fresh(network, request, after: [(.megabits(650), taken)]))
        #expect(
            second.workingBlockage?.reason
                == "100M is blocked in the access segment: link 'S-A' (S–A) 100M asked, 50M free "
                + "(650M committed of 1G, limit 70 %)")
        #expect(second.workingBlockage?.refusals.map { network.links[$0.link].id } == ["A-T"])
    }

    /// A protected demand met again gets the same missing protection, and no more searches for it.
    @Test func answersAMissingProtectionAgainAsANewFinderWould() throws {
        // s to R2, which has one uplink: no pair, and the far end tells so without searching what 10M reaches.
        var graph = GraphFixture([
            ("s", .building, 0, 0), ("a", .ptn, 1, 0), ("b", .ptn, 0, -3), ("d", .ptn, 2, 0), ("R2", .cmnet, 3, 0),
        ])
        graph.link("s", "a", km: 1)
        graph.link("s", "b", km: 3)
        graph.link("a", "d", km: 1)
        graph.link("b", "d", km: 3)
        graph.link("d", "R2", km: 1)
        let network = graph.network
        let request = PathRequest(
            source: try index(network, "s"), destination: try index(network, "R2"), bandwidth: .megabits(10))
        var finder = PathFinder(graph: RoutingGraph(network: network))
        let first = finder.diversePaths(request)
        #expect(first.working?.nodeIDs(in: network) == ["s", "a", "d", "R2"])
        #expect(first.protection == nil)
        #expect(
            first.protectionBlockage?.reason
                == "no link-diverse second route from 's' to 'R2': every route shares a link with the working path")
        let searches = finder.searchCount
        let second = finder.diversePaths(request)
        #expect(second == first)
        var newFinder = PathFinder(graph: RoutingGraph(network: network))
        #expect(second == newFinder.diversePaths(request))
        // The working path's searches only (plain, then layered): the protection's blockage is remembered.
        #expect(finder.searchCount == searches + 2)
    }

    /// s-a and s-b share DUCT-1; a-t and b-t have cables of their own.
    @Test func findsTheLinksThatShareARiskGroup() throws {
        var graph = GraphFixture([
            ("s", .building, 0, 0), ("a", .ptn, 1, 1), ("b", .ptn, 1, -1), ("t", .ggsn, 2, 0),
        ])
        graph.link("s", "a", km: 2, srlg: ["DUCT-1"])
        graph.link("a", "t", km: 2, srlg: ["CABLE-A"])
        graph.link("s", "b", km: 3, srlg: ["DUCT-1"])
        graph.link("b", "t", km: 3, srlg: ["CABLE-B"])
        graph.link("a", "b", km: 1)
        let network = graph.network
        var finder = PathFinder(graph: RoutingGraph(network: network))
        let path = try links(network, ["s-a", "a-t"])
        #expect(finder.links(sharingRiskWith: path).map { network.links[$0].id } == ["s-a", "a-t", "s-b"])
        #expect(finder.links(sharingRiskWith: try links(network, ["a-b"])).isEmpty)
    }
}
