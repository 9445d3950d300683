import LocatedJSON
import NetGraph
import Testing

/// Known answers for the statistics of a tiny network.
@Suite struct NetworkStatisticsTests {
    static let tinyFile = """
        {
          "name": "tiny",
          "nodes": [
            {"id": "A", "kind": "ptn", "location": [0, 0], "ports": {"GE": {"total": 4, "used": 1}}},
            {"id": "B", "kind": "ptn", "location": [2, 0],
             "ports": {"GE": {"total": 4, "used": 2}, "FE": {"total": 8}}},
            {"id": "M", "kind": "msap", "location": [12, 0]},
            {"id": "BLD", "kind": "building", "location": [0, 0.4]}
          ],
          "links": [
            {"id": "L1", "a": "A", "b": "B", "rate": "1G", "committed": "300M", "km": 2.5,
             "segment": "access", "technology": "ptn", "ring": "R1"},
            {"id": "L2", "a": "B", "b": "A", "rate": "1G", "committed": "100M", "km": 3,
             "segment": "access", "technology": "ptn", "ring": "R1"},
            {"id": "S1", "a": "B", "b": "M", "rate": "STM-1", "km": 10,
             "segment": "aggregation", "technology": "sdh", "sdh": {"vc4": 1, "vc12Used": 21}},
            {"id": "F1", "a": "BLD", "b": "A", "rate": "1G", "km": 0.4,
             "segment": "last-mile", "technology": "fibre"}
          ],
          "pools": [
            {"id": "P1", "purpose": "interconnect", "prefix": "10.0.0.0/24"}
          ]
        }
        """

    @Test func countsTheTinyNetwork() throws {
        let statistics = NetworkStatistics(try loadNetwork(Self.tinyFile))
        #expect(statistics.nodeCount == 4)
        #expect(statistics.linkCount == 4)
        #expect(statistics.roomCount == 0)
        #expect(statistics.nodesByKind.map(\.0) == [.ptn, .msap, .building])
        #expect(statistics.nodesByKind.map(\.1) == [2, 1, 1])
        #expect(statistics.ports == [PortGroup(type: .fe, total: 8, used: 0), PortGroup(type: .ge, total: 8, used: 3)])
        #expect(statistics.segments.map(\.segment) == [.lastMile, .access, .aggregation])
        #expect(statistics.segments.map(\.linkCount) == [1, 2, 1])
        #expect(statistics.rings.map(\.id) == ["R1"])
    }

    @Test func rendersTheTinyNetworkAsJSON() throws {
        let statistics = NetworkStatistics(try loadNetwork(Self.tinyFile))
        #expect(
            statistics.json.rendered() == """
                {
                  "name": "tiny",
                  "nodes": 4,
                  "links": 4,
                  "rooms": 0,
                  "nodesByKind": {
                    "ptn": 2,
                    "msap": 1,
                    "building": 1
                  },
                  "nodesByLayer": {
                    "service": 0,
                    "transport": 3,
                    "access": 1
                  },
                  "linksByTechnology": {
                    "fibre": 1,
                    "ptn": 2,
                    "sdh": 1
                  },
                  "segments": [
                    {
                      "segment": "last-mile",
                      "links": 1,
                      "km": 0.4,
                      "utilisation": 0,
                      "peakUtilisation": 0
                    },
                    {
                      "segment": "access",
                      "links": 2,
                      "km": 5.5,
                      "utilisation": 0.2,
                      "peakUtilisation": 0.3
                    },
                    {
                      "segment": "aggregation",
                      "links": 1,
                      "km": 10,
                      "utilisation": 0.333,
                      "peakUtilisation": 0.333
                    }
                  ],
                  "rings": [
                    {
                      "id": "R1",
                      "technology": "ptn",
                      "segment": "access",
                      "nodes": 2,
                      "rate": "1G",
                      "peakUtilisation": 0.3
                    }
                  ],
                  "ports": {
                    "FE": {
                      "total": 8,
                      "used": 0
                    },
                    "GE": {
                      "total": 8,
                      "used": 3
                    }
                  },
                  "pools": [
                    {
                      "id": "P1",
                      "purpose": "interconnect",
                      "prefix": "10.0.0.0/24"
                    }
                  ]
                }

                """)
    }

    @Test func writesTheTinyNetworkAsATable() throws {
        let statistics = NetworkStatistics(try loadNetwork(Self.tinyFile))
        let lines = statistics.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        #expect(
            lines.joined(separator: "\n") == """

                Nodes by layer: service 0, transport 3, access 1
                Nodes by kind:  ptn 2, msap 1, building 1
                Links by technology: fibre 1, ptn 2, sdh 1

                segment           links      km          used   peak
                last-mile         1          0.4         0 %    0 %
                access            2          5.5         20 %   30 %
                aggregation       1          10          33 %   33 %

                ring              technology segment     nodes  rate    peak
                R1                ptn        access      2      1G      30 %

                Ports (used/total): FE 0/8, GE 3/8

                Pool P1: interconnect 10.0.0.0/24

                """)
    }

    @Test func saysOneRingInTheSingular() throws {
        let statistics = NetworkStatistics(try loadNetwork(Self.tinyFile))
        let firstLine = statistics.text.split(separator: "\n").first.map(String.init)
        #expect(firstLine == "tiny: 4 nodes, 4 links, 0 rooms, 1 ring")
    }
}
