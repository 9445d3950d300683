import NetGraph
import NetPaths
import Testing

/// Small lines ride the ODU trunks the aggregation rings hold on an OTN link; only lines of
/// `otnMinMbps` (1G) and more take tributary slots of their own.
@Suite struct OTNTrunkTests {
    /// S — A (PTN) — O1 ═ O2 (OTN, 80 slots, 8 used by trunks = 10G of trunks, 7.5G committed on them) — T.
    func network() -> Network {
        var graph = GraphFixture([
            ("S", .building, 0, 0), ("A", .ptn, 1, 0), ("O1", .otn, 2, 0), ("O2", .otn, 3, 0), ("T", .cmnet, 4, 0),
        ])
        graph.link("S", "A", km: 1, segment: .lastMile, technology: .fibre)
        graph.link("A", "O1", km: 1, rate: .megabits(10_000), segment: .aggregation)
        graph.link(
            "O1", "O2", km: 10, rate: .megabits(100_000), committed: .megabits(7500), segment: .core, technology: .otn,
            otn: OTNSlots(slots: 80, used: 8))
        graph.link("O2", "T", km: 0.1, rate: .megabits(10_000), segment: .core, technology: .ethernet)
        return graph.network
    }

    func route(_ network: Network, _ bandwidth: Bandwidth) throws -> PathAnswer {
        var finder = PathFinder(graph: RoutingGraph(network: network))
        return finder.shortestPath(
            PathRequest(
                source: try #require(network.nodeIndex(of: "S")), destination: try #require(network.nodeIndex(of: "T")),
                bandwidth: bandwidth))
    }

    @Test func admitsSmallLinesOnTheTrunksWithoutTakingASlot() throws {
        let network = network()
        // The trunks may carry 80 % of 10G = 8G; 7.5G is committed: 500M free.
        let link = try #require(network.links.first { $0.id == "O1-O2" })
        #expect(link.spare(policy: network.policy) == .otn(slots: 72, trunkKilobits: 500_000))
        #expect(try route(network, .megabits(100)).working != nil)
        #expect(link.refusal(of: .megabits(500), policy: network.policy) == nil)
        #expect(
            link.refusal(of: .megabits(600), policy: network.policy)?.description
                == "600M asked on the ODU trunks, 500M free (7.5G committed of 10G in 8 tributary slots, limit 80 %)")
        #expect(try route(network, .megabits(600)).working == nil)
        // Carrying 100M adds to the trunks' load and takes no slot.
        let carried = link.carrying(.megabits(100), policy: network.policy)
        #expect(carried.committed == .megabits(7600))
        #expect(carried.otn?.used == 8)
    }

    @Test func givesLinesOfAGigabitTheirOwnSlots() throws {
        let network = network()
        let link = try #require(network.links.first { $0.id == "O1-O2" })
        // A 1G line takes one 1.25G slot of the 72 free, whatever the trunks carry.
        #expect(try route(network, .megabits(1000)).working != nil)
        let carried = link.carrying(.megabits(1000), policy: network.policy)
        #expect(carried.otn?.used == 9)
        #expect(carried.committed == .megabits(7500))
        // 10G takes eight.
        #expect(link.carrying(.megabits(10_000), policy: network.policy).otn?.used == 16)
    }
}
