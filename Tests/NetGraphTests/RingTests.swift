import LocatedJSON
import NetGraph
import Testing

/// Known answers for how links sharing a ring id become rings.
@Suite struct RingTests {
    /// A network of PTN nodes named by `ids`, joined by `(id, a, b, ring)` links in order.
    private func network(
        _ ids: [String], _ links: [(String, String, String, String?)], segment: Segment = .access
    ) throws -> Network {
        let nodes = ids.enumerated().map { Node(id: $1, kind: .ptn, location: Location(x: Double($0), y: 0)) }
        let indices = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var built: [Link] = []
        for (id, aEnd, bEnd, ring) in links {
            let aIndex = try #require(indices[aEnd])
            let bIndex = try #require(indices[bEnd])
            built.append(
                Link(
                    id: id, aEnd: aIndex, bEnd: bIndex, rate: .megabits(1000), metres: 1000, segment: segment,
                    technology: .ptn, ring: ring))
        }
        return Network(name: "rings", nodes: nodes, links: built)
    }

    /// The node ids of a ring, in ring order.
    private func nodeIDs(of ring: Ring, in network: Network) -> [String] {
        ring.nodes.map { network.nodes[$0].id }
    }

    /// Issue 14: a network built in code (an import) gets the whole-network checks of a network file, each
    /// about a part of the network.
    @Test func aNetworkBuiltInCodeGetsTheWholeNetworkFindings() throws {
        let network = try network(["A", "B", "C", "D"], [("L1", "A", "B", "R"), ("L2", "B", "C", "R")])
        #expect(
            network.validationFindings() == [
                NetworkFinding(
                    severity: .error, message: "ring 'R' is not a closed ring: node 'A' has 1 ring link",
                    part: .linkRing(0)),
                NetworkFinding(severity: .warning, message: "node 'D' has no links", part: .node(3)),
            ])
        #expect(network.validationFindings(warnIsolatedNodes: false).map(\.part) == [.linkRing(0)])
    }

    @Test func ordersTheNodesOfAFiveNodeRingAroundTheRing() throws {
        // Links in shuffled order, two of them written backwards.
        let network = try network(
            ["A", "B", "C", "D", "E"],
            [
                ("L1", "A", "B", "R"), ("L3", "C", "D", "R"), ("L2", "C", "B", "R"), ("L5", "A", "E", "R"),
                ("L4", "D", "E", "R"),
            ])
        let ring = try #require(network.rings.first)
        #expect(network.rings.count == 1)
        #expect(ring.id == "R")
        #expect(ring.problem == nil)
        #expect(ring.technology == .ptn)
        #expect(ring.segment == .access)
        #expect(ring.links == [0, 1, 2, 3, 4])
        #expect(nodeIDs(of: ring, in: network) == ["A", "B", "C", "D", "E"])
    }

    @Test func closesADualHomedAccessRingWithALinkParallelToTheAggregationRing() throws {
        let network = try network(
            ["P0", "P1", "P2", "a1", "a2", "a3"],
            [
                ("AGG-1", "P0", "P1", "AGG"), ("AGG-2", "P1", "P2", "AGG"), ("AGG-3", "P2", "P0", "AGG"),
                ("ACC-1", "P0", "a1", "ACC"), ("ACC-2", "a1", "a2", "ACC"), ("ACC-3", "a2", "a3", "ACC"),
                ("ACC-4", "a3", "P1", "ACC"), ("ACC-CLOSE", "P1", "P0", "ACC"), ("UP", "P2", "a2", nil),
            ])
        let rings = network.rings
        #expect(rings.map(\.id) == ["AGG", "ACC"])
        #expect(rings.map(\.problem) == [nil, nil])
        #expect(nodeIDs(of: rings[0], in: network) == ["P0", "P1", "P2"])
        #expect(nodeIDs(of: rings[1], in: network) == ["P0", "a1", "a2", "a3", "P1"])
        #expect(rings[1].links == [3, 4, 5, 6, 7])
    }

    @Test func makesARingOfTwoParallelLinks() throws {
        let network = try network(["A", "B"], [("L1", "A", "B", "R"), ("L2", "B", "A", "R")])
        let ring = try #require(network.rings.first)
        #expect(ring.problem == nil)
        #expect(nodeIDs(of: ring, in: network) == ["A", "B"])
        #expect(ring.links == [0, 1])
    }

    @Test func saysWhyLinksAreNotOneClosedRing() throws {
        let open = try network(["A", "B", "C"], [("L1", "A", "B", "R"), ("L2", "B", "C", "R")])
        #expect(open.rings.first?.problem == "is not a closed ring: node 'A' has 1 ring link")
        #expect(open.rings.first.map { nodeIDs(of: $0, in: open) } == ["A", "B", "C"])
        let single = try network(["A", "B"], [("L1", "A", "B", "R")])
        #expect(single.rings.first?.problem == "is not a closed ring: node 'A' has 1 ring link")
        let figureEight = try network(
            ["A", "B", "C", "D", "E"],
            [
                ("L1", "A", "B", "R"), ("L2", "B", "C", "R"), ("L3", "C", "A", "R"), ("L4", "A", "D", "R"),
                ("L5", "D", "E", "R"), ("L6", "E", "A", "R"),
            ])
        #expect(figureEight.rings.first?.problem == "is not a closed ring: node 'A' has 4 ring links")
        let twoTriangles = try network(
            ["A", "B", "C", "D", "E", "F"],
            [
                ("L1", "A", "B", "R"), ("L2", "B", "C", "R"), ("L3", "C", "A", "R"), ("L4", "D", "E", "R"),
                ("L5", "E", "F", "R"), ("L6", "F", "D", "R"),
            ])
        #expect(twoTriangles.rings.first?.problem == "is not one ring: its links form several cycles")
    }

    @Test func findsNoRingsWithoutRingIDs() throws {
        let network = try network(["A", "B"], [("L1", "A", "B", nil)])
        #expect(network.rings.isEmpty)
    }

    @Test func findsEveryRingOfTheGeneratedCityClosed() {
        let network = SyntheticNetwork(scale: .city, seed: 5).generate()
        let rings = network.rings
        #expect(rings.count == 24 + 24 * 12 + 2 + 1)
        #expect(rings.allSatisfy { $0.problem == nil })
        #expect(rings.allSatisfy { $0.nodes.count == Set($0.nodes).count && $0.nodes.count == $0.links.count })
    }
}
