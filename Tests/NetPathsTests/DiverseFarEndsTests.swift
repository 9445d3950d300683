import NetGraph
import NetPaths
import Testing

/// A diverse pair chosen over several far ends at once: the protection may end at the other one.
@Suite struct DiverseFarEndsTests {
    /// Two CMNET routers, each with one uplink, so no pair reaches either alone.
    ///
    /// And a trap: the shortest route to any router, s-a-d-R2 (3 km), leaves no second route once removed. The
    /// pair is s-a-c-R1 (1+3+1) and s-b-d-R2 (3+3+1), 12 km in all.
    func twoRouters(secondUplinkFromB: Bool = false) -> Network {
        var graph = GraphFixture([
            ("s", .building, 0, 0), ("a", .ptn, 1, 0), ("b", .ptn, 0, -3), ("c", .ptn, 1, 3), ("d", .ptn, 2, 0),
            ("R1", .cmnet, 1, 4), ("R2", .cmnet, 3, 0),
        ])
        graph.link("s", "a", km: 1)
        graph.link("s", "b", km: 3)
        graph.link("a", "d", km: 1)
        graph.link("d", "R2", km: 1)
        graph.link("a", "c", km: 3)
        graph.link("c", "R1", km: 1)
        if secondUplinkFromB {
            graph.link("b", "R2", km: 1)
        } else {
            graph.link("b", "d", km: 3)
        }
        return graph.network
    }

    func answer(_ network: Network, to destination: String, or others: [String]) throws -> PathAnswer {
        var finder = PathFinder(graph: RoutingGraph(network: network))
        let request = PathRequest(
            source: try #require(network.nodeIndex(of: "s")),
            destination: try #require(network.nodeIndex(of: destination)),
            bandwidth: .megabits(10),
            alternativeDestinations: try others.map { try #require(network.nodeIndex(of: $0)) })
        return finder.diversePaths(request)
    }

    @Test func endsTheProtectionAtTheOtherRouter() throws {
        let network = twoRouters()
        let answer = try answer(network, to: "R2", or: ["R1"])
        let working = try #require(answer.working)
        let protection = try #require(answer.protection)
        #expect(working.nodeIDs(in: network) == ["s", "a", "c", "R1"])
        #expect(protection.nodeIDs(in: network) == ["s", "b", "d", "R2"])
        #expect(working.metres + protection.metres == 12_000)
        #expect(Set(working.links).isDisjoint(with: protection.links))
        // The same pair whichever router is named first.
        let swapped = try self.answer(network, to: "R1", or: ["R2"])
        #expect(swapped.working == answer.working)
        #expect(swapped.protection == answer.protection)
    }

    @Test func findsNoPairToOneSingleHomedRouter() throws {
        let network = twoRouters()
        let answer = try answer(network, to: "R2", or: [])
        #expect(answer.working?.nodeIDs(in: network) == ["s", "a", "d", "R2"])
        #expect(answer.protection == nil)
        #expect(answer.protectionBlockage != nil)
    }

    @Test func keepsBothPathsOnOneRouterWhenThatIsCheapest() throws {
        // R2 gets a second uplink from b (instead of b-d): s-a-d-R2 + s-b-R2 (3 + 4) beats ending at R1.
        let network = twoRouters(secondUplinkFromB: true)
        let answer = try answer(network, to: "R1", or: ["R2"])
        #expect(answer.working?.nodeIDs(in: network) == ["s", "a", "d", "R2"])
        #expect(answer.protection?.nodeIDs(in: network) == ["s", "b", "R2"])
    }
}
