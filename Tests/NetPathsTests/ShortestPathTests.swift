import NetGraph
import NetPaths
import Testing

@Suite struct ShortestPathTests {
    /// S(building) → T(ggsn): S-A-B-T is 2+2+2 = 6 km over three hops; S-C-T is 3+4 = 7 km.
    func diamond(abCommitted: Bandwidth = .zero, ctCommitted: Bandwidth = .zero) -> Network {
        var graph = GraphFixture([
            ("S", .building, 0, 0), ("A", .ptn, 1, 1), ("B", .ptn, 3, 1), ("C", .ptn, 2, -1), ("T", .ggsn, 4, 0),
        ])
        graph.link("S", "A", km: 2, segment: .lastMile, technology: .fibre)
        graph.link("A", "B", km: 2, committed: abCommitted)
        graph.link("B", "T", km: 2, segment: .core, technology: .ethernet)
        graph.link("S", "C", km: 3, segment: .lastMile, technology: .fibre)
        graph.link("C", "T", km: 4, committed: ctCommitted, segment: .core, technology: .ethernet)
        return graph.network
    }

    func route(_ network: Network, _ from: String, _ to: String, _ bandwidth: Bandwidth, cost: PathCost = .km)
        throws -> PathAnswer
    {
        let source = try #require(network.nodeIndex(of: from))
        let destination = try #require(network.nodeIndex(of: to))
        var finder = PathFinder(graph: RoutingGraph(network: network))
        return finder.shortestPath(
            PathRequest(source: source, destination: destination, bandwidth: bandwidth, cost: cost))
    }

    @Test func takesTheShortestRouteInKilometres() throws {
        let network = diamond()
        let answer = try route(network, "S", "T", .megabits(100))
        let working = try #require(answer.working)
        #expect(working.nodeIDs(in: network) == ["S", "A", "B", "T"])
        #expect(working.linkIDs(in: network) == ["S-A", "A-B", "B-T"])
        #expect(working.metres == 6000)
        #expect(working.hops == 3)
        #expect(answer.workingBlockage == nil)
    }

    @Test func countsHopsWhenAskedTo() throws {
        let network = diamond()
        let working = try #require(try route(network, "S", "T", .megabits(100), cost: .hops).working)
        #expect(working.nodeIDs(in: network) == ["S", "C", "T"])
        #expect(working.cost == 2)
        #expect(working.metres == 7000)
    }

    @Test func prunesALinkWithoutTheBandwidth() throws {
        // A-B is an access link: 70 % of 1G is 700M; 650M committed leaves 50M, short of 100M.
        let network = diamond(abCommitted: .megabits(650))
        let working = try #require(try route(network, "S", "T", .megabits(100)).working)
        #expect(working.nodeIDs(in: network) == ["S", "C", "T"])
        // 50M still fits on A-B.
        let small = try #require(try route(network, "S", "T", .megabits(50)).working)
        #expect(small.nodeIDs(in: network) == ["S", "A", "B", "T"])
    }

    @Test func namesTheSegmentAndTheLinksThatRefused() throws {
        // Both routes blocked: A-B (access, 650M of 700M) and C-T (core, 80 % of 1G = 800M, 790M used).
        let network = diamond(abCommitted: .megabits(650), ctCommitted: .megabits(790))
        let answer = try route(network, "S", "T", .megabits(100))
        #expect(answer.working == nil)
        let blockage = try #require(answer.workingBlockage)
        #expect(blockage.segment == .access)
        #expect(
            blockage.reason
                == "100M is blocked in the access segment: link 'A-B' (A–B) 100M asked, 50M free "
                + "(650M committed of 1G, limit 70 %)")
        #expect(blockage.refusals.map { network.links[$0.link].id } == ["A-B", "C-T"])
        #expect(blockage.refusals.map(\.segment) == [.access, .core])
        #expect(blockage.refusals[1].reason == "100M asked, 10M free (790M committed of 1G, limit 80 %)")
    }

    /// Issue 17: when every link into the far end refuses, the blockage is found at the ends.
    ///
    /// No search runs, and the blockage names those links. S-A-B-T and S-C-T both end on a core link with 10M of its 800M free.
    @Test func findsAFarEndWhoseLinksAllRefuseWithoutSearching() throws {
        var graph = GraphFixture([
            ("S", .building, 0, 0), ("A", .ptn, 1, 1), ("B", .ptn, 3, 1), ("C", .ptn, 2, -1), ("T", .cmnet, 4, 0),
            ("U", .cmnet, 4, 3),
        ])
        graph.link("S", "A", km: 2, segment: .lastMile, technology: .fibre)
        graph.link("A", "B", km: 2, committed: .megabits(650))
        graph.link("B", "T", km: 2, committed: .megabits(790), segment: .core, technology: .ethernet)
        graph.link("S", "C", km: 3, segment: .lastMile, technology: .fibre)
        graph.link("C", "T", km: 4, committed: .megabits(790), segment: .core, technology: .ethernet)
        graph.link("B", "U", km: 3, segment: .core, technology: .ethernet)
        let network = graph.network
        let answer = try route(network, "S", "T", .megabits(100))
        let blockage = try #require(answer.workingBlockage)
        // The far end's two links, not A-B (full too, but inside what the demand would cross).
        #expect(blockage.refusals.map { network.links[$0.link].id } == ["B-T", "C-T"])
        // The cause is where the capacity-free route S-A-B-T first meets a refusal: A-B, as a search says.
        #expect(
            blockage.reason
                == "100M is blocked in the access segment: link 'A-B' (A–B) 100M asked, 50M free "
                + "(650M committed of 1G, limit 70 %)")
        // With a second far end U whose link has room, the ends do not decide it: the search runs, is
        // stopped by A-B (50M free) and C-T, and the blockage is the search's: the edge of what 100M reaches.
        let source = try #require(network.nodeIndex(of: "S"))
        let target = try #require(network.nodeIndex(of: "T"))
        let other = try #require(network.nodeIndex(of: "U"))
        var finder = PathFinder(graph: RoutingGraph(network: network))
        let either = finder.shortestPath(
            PathRequest(
                source: source, destination: target, bandwidth: .megabits(100), alternativeDestinations: [other]))
        let searched = try #require(either.workingBlockage)
        #expect(searched.refusals.map { network.links[$0.link].id } == ["A-B", "C-T"])
        #expect(
            searched.reason
                == "100M is blocked in the access segment: link 'A-B' (A–B) 100M asked, 50M free "
                + "(650M committed of 1G, limit 70 %)")
        // 5M fits B-T: the path is found as before.
        let small = finder.shortestPath(PathRequest(source: source, destination: target, bandwidth: .megabits(5)))
        #expect(small.working?.nodeIDs(in: network) == ["S", "A", "B", "T"])
    }

    @Test func saysWhenNothingJoinsTheEnds() throws {
        var graph = GraphFixture([("S", .building, 0, 0), ("A", .ptn, 1, 0), ("B", .ptn, 5, 0), ("T", .ggsn, 6, 0)])
        graph.link("S", "A", km: 1)
        graph.link("B", "T", km: 1)
        let network = graph.network
        let answer = try route(network, "S", "T", .megabits(2))
        let blockage = try #require(answer.workingBlockage)
        #expect(blockage.segment == nil)
        #expect(blockage.reason == "no route joins 'S' to 'T' through the transport network")
        #expect(blockage.refusals.isEmpty)
    }

    @Test func neverPassesThroughACustomerBuildingOrServicePlatform() throws {
        // S-B2-T is 2 km through another customer's building; S-X-T is 20 km through a PTN node.
        var graph = GraphFixture([
            ("S", .building, 0, 0), ("B2", .building, 1, 0), ("G", .cmnet, 1, 1), ("X", .ptn, 1, -5),
            ("T", .ggsn, 2, 0),
        ])
        graph.link("S", "B2", km: 1)
        graph.link("B2", "T", km: 1)
        graph.link("S", "G", km: 1.5)
        graph.link("G", "T", km: 1.5)
        graph.link("S", "X", km: 10)
        graph.link("X", "T", km: 10)
        let network = graph.network
        let working = try #require(try route(network, "S", "T", .megabits(2)).working)
        #expect(working.nodeIDs(in: network) == ["S", "X", "T"])
    }

    @Test func breaksTiesByHopsThenByIds() throws {
        // Three 10 km routes: S-Y-Z-T (3 hops), S-Q-T and S-P-T (2 hops each; Q is listed first).
        var graph = GraphFixture([
            ("S", .building, 0, 0), ("Y", .ptn, 1, 2), ("Z", .ptn, 2, 2), ("Q", .ptn, 1, 1), ("P", .ptn, 1, -1),
            ("T", .ggsn, 2, 0),
        ])
        graph.link("S", "Y", km: 3)
        graph.link("Y", "Z", km: 3)
        graph.link("Z", "T", km: 4)
        graph.link("S", "Q", km: 5)
        graph.link("Q", "T", km: 5)
        graph.link("S", "P", km: 5)
        graph.link("P", "T", km: 5)
        let network = graph.network
        let working = try #require(try route(network, "S", "T", .megabits(2)).working)
        #expect(working.nodeIDs(in: network) == ["S", "P", "T"])
    }

    @Test func countsVirtualContainersOnSDHSpans() throws {
        // An STM-1 span with 30 VC-12 free carries 50M (23 VC-12) but not 100M (46 VC-12).
        var graph = GraphFixture([("S", .building, 0, 0), ("M", .msap, 1, 0), ("N", .sdh, 2, 0), ("T", .ggsn, 3, 0)])
        graph.link("S", "M", km: 1, rate: .megabits(1000), segment: .lastMile, technology: .fibre)
        graph.link(
            "M", "N", km: 1, rate: Bandwidth(kilobits: 155_520), technology: .sdh,
            sdh: SDHOccupancy(vc4: 1, vc4Used: 0, vc12Used: 33))
        graph.link("N", "T", km: 1, rate: .megabits(10_000), segment: .core, technology: .ethernet)
        let network = graph.network
        #expect(try route(network, "S", "T", .megabits(50)).working != nil)
        let blocked = try route(network, "S", "T", .megabits(100))
        #expect(
            blocked.workingBlockage?.reason
                == "100M is blocked in the access segment: link 'M-N' (M–N) needs 46 VC-12, 30 free of 63")
    }

    @Test func avoidsExcludedNodes() throws {
        let network = diamond()
        let source = try #require(network.nodeIndex(of: "S"))
        let destination = try #require(network.nodeIndex(of: "T"))
        let avoided = try #require(network.nodeIndex(of: "B"))
        var finder = PathFinder(graph: RoutingGraph(network: network))
        let answer = finder.shortestPath(
            PathRequest(source: source, destination: destination, bandwidth: .megabits(2), excludedNodes: [avoided]))
        #expect(answer.working?.nodeIDs(in: network) == ["S", "C", "T"])
    }

    @Test func findsTheSameLengthAsPlainDijkstraOnAGeneratedCity() throws {
        // The A* bound must never change the optimum: compare with a hop-free reference search, without
        // layering; a layered path is never shorter, and climbs the hierarchy once.
        let network = SyntheticNetwork(scale: .city, seed: 5).generate()
        let graph = RoutingGraph(network: network)
        var finder = PathFinder(graph: graph)
        let buildings = network.nodes.indices.filter { network.nodes[$0].kind == .building }
        let gateway = try #require(network.nodeIndex(of: "C01-GPRS-VPN-SW"))
        var random = SplitMix64(seed: 11)
        for _ in 0..<40 {
            let building = buildings[random.next(in: 0...(buildings.count - 1))]
            let request = PathRequest(
                source: building, destination: gateway, bandwidth: .megabits(10), layered: false)
            let found = finder.shortestPath(request).working
            let reference = referenceDistance(network, from: building, to: gateway, bandwidth: .megabits(10))
            #expect(found?.metres == reference)
            var layered = request
            layered.layered = true
            let climbing = try #require(finder.shortestPath(layered).working)
            #expect(climbing.metres >= reference ?? 0)
            let levels = climbing.links.map { Segment.allCases.firstIndex(of: network.links[$0].segment) ?? 0 }
            let peak = levels.firstIndex(of: levels.max() ?? 0) ?? 0
            #expect(levels[...peak] == levels[...peak].sorted()[...])
            #expect(Array(levels[peak...]) == levels[peak...].sorted(by: >))
        }
    }

    /// A textbook O(n²) Dijkstra over the same rules, for cross-checking.
    func referenceDistance(_ network: Network, from source: Int, to destination: Int, bandwidth: Bandwidth) -> Int? {
        var distance = Array(repeating: Int.max, count: network.nodes.count)
        var done = Array(repeating: false, count: network.nodes.count)
        distance[source] = 0
        while true {
            var best = -1
            for node in network.nodes.indices where !done[node] && distance[node] != Int.max {
                if best < 0 || distance[node] < distance[best] { best = node }
            }
            guard best >= 0 else { return nil }
            if best == destination { return distance[best] }
            done[best] = true
            if best != source, !network.nodes[best].kind.carriesTransit { continue }
            for link in network.incidentLinks[best] where network.refusal(of: bandwidth, on: link) == nil {
                let next = network.links[link].otherEnd(from: best)
                distance[next] = min(distance[next], distance[best] + network.links[link].metres)
            }
        }
    }
}
