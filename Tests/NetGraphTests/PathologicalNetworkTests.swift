import NetAddress
import NetGraph
import Testing

/// Networks that were slower than linear to check (issue 13, measured by `lineplan-bench network-size`):
/// the answers stay the same, found in linear or n log n time.
@Suite struct PathologicalNetworkTests {
    /// Each pool names the first earlier pool that overlaps it, as comparing every pair would.
    @Test(arguments: [1, 2, 3])
    func eachOverlappingPoolNamesTheFirstEarlierOneLikeComparingEveryPair(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var prefixes: [IPv4Prefix] = []
        for _ in 0..<400 {
            let length = random.next(in: 12...30)
            let address = IPv4Address(UInt32(10) << 24 | UInt32(random.next(in: 0...0xF_FFFF)) << 4)
            prefixes.append(try IPv4Prefix(containing: address, length: length))
        }
        let pools = prefixes.enumerated().map { index, prefix in
            #"{"id": "P\#(index)", "purpose": "lan", "prefix": "\#(prefix)"}"#
        }
        let text =
            #"{"nodes": [{"id": "A", "kind": "ptn", "location": [0, 0]}], "links": [], "pools": ["#
            + pools.joined(separator: ",\n") + "]}"
        var expected: [String] = []
        for (index, prefix) in prefixes.enumerated() {
            guard let earlier = prefixes[..<index].firstIndex(where: { $0.overlaps(prefix) }) else { continue }
            expected.append("pool 'P\(index)' (\(prefix)) overlaps pool 'P\(earlier)' (\(prefixes[earlier]))")
        }
        #expect(expected.count > 20, "the seed should make overlaps")
        let found = loadErrors(text).compactMap { line -> String? in
            guard let start = line.firstRange(of: "error: pool "), let end = line.firstRange(of: " (pools[") else {
                return nil
            }
            return String(line[start.upperBound..<end.lowerBound])
        }
        #expect(found.map { "pool " + $0 } == expected)
    }

    @Test func fifteenThousandTwoLinkAccessRingsThroughOneNodeLoad() throws {
        var links = [
            #"{"id": "F", "a": "BLD", "b": "A", "rate": "1G", "km": 0.2, "segment": "last-mile", "technology": "fibre"}"#,
            #"{"id": "U", "a": "A", "b": "C", "rate": "10G", "km": 2, "segment": "aggregation", "technology": "ptn"}"#,
        ]
        for index in 0..<30_000 {
            links.append(
                #"{"id": "L\#(index)", "a": "A", "b": "B", "rate": "1G", "km": 1.2, "segment": "access", "#
                    + #""technology": "ptn", "ring": "R\#(index / 2)"}"#)
        }
        let text = """
            {"nodes": [{"id": "A", "kind": "ptn", "location": [0, 0]}, {"id": "B", "kind": "ptn", "location": [1, 0]},
            {"id": "C", "kind": "ptn", "location": [0, 1]}, {"id": "BLD", "kind": "building", "location": [0, 0.1]}],
            "links": [\(links.joined(separator: ",\n"))]}
            """
        let network = try loadNetwork(text)
        #expect(network.rings.count == 15_000)
    }

    @Test func thirtyThousandErrorsOnOneLineAreLocated() {
        var links: [String] = []
        for index in 0..<30_000 {
            links.append(
                #"{"id": "L\#(index)", "a": "A", "b": "X\#(index)", "rate": "1G", "km": 1, "segment": "access", "#
                    + #""technology": "ptn"}"#)
        }
        let text =
            #"{"nodes": [{"id": "A", "kind": "ptn", "location": [0, 0]}], "links": ["#
            + links.joined(separator: ",") + "]}"
        let errors = loadErrors(text)
        #expect(errors.count == 30_000)
        let last = #"{"id": "L29999", "a": "A", "b": "#
        let column = (text.firstRange(of: last).map { text[..<$0.upperBound].count } ?? 0) + 1
        #expect(errors.last == "net.json:1:\(column): error: unknown node 'X29999' (links[29999].b)")
    }
}
