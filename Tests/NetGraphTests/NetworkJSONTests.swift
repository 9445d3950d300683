import LocatedJSON
import NetGraph
import Testing

/// Known answers for writing a network back as a network file, and for the synthetic generator.
@Suite struct NetworkJSONTests {
    @Test func writesOneNodeLinkRoomOrPoolPerLine() throws {
        let network = try loadNetwork(NetworkFileHostileTests.validFile)
        let lines = [
            #"{"#,
            #"  "name": "small","#,
            #"  "rooms": ["#,
            #"    {"id": "R1", "name": "汉口机房", "location": [0, 0]}"#,
            #"  ],"#,
            #"  "nodes": ["#,
            #"    {"id": "A", "kind": "ptn", "room": "R1", "location": [0, 0], "ports": {"GE": {"total": 4, "used": 1}}},"#,
            #"    {"id": "B", "kind": "ptn", "location": [1, 0]},"#,
            #"    {"id": "BLD", "kind": "building", "location": [0, 0.3], "area": "countryside"}"#,
            #"  ],"#,
            #"  "links": ["#,
            #"    {"id": "L1", "a": "A", "b": "B", "rate": "1G", "committed": "100M", "km": 1.5, "segment": "access", "#
                + #""technology": "ptn", "ring": "R", "srlg": ["D1"]},"#,
            #"    {"id": "L2", "a": "B", "b": "A", "rate": "1G", "km": 2, "segment": "access", "technology": "ptn", "#
                + #""ring": "R"},"#,
            #"    {"id": "F1", "a": "BLD", "b": "A", "rate": "100M", "km": 0.3, "segment": "last-mile", "#
                + #""technology": "fibre", "fibre": {"cores": 12, "used": 2}}"#,
            #"  ],"#,
            #"  "pools": ["#,
            #"    {"id": "P1", "purpose": "interconnect", "prefix": "10.1.0.0/16"}"#,
            #"  ],"#,
            #"  "policy": {"#,
            #"    "accessMaxUtilisation": 0.7"#,
            #"  }"#,
            #"}"#,
        ]
        #expect(network.fileText == lines.joined(separator: "\n") + "\n")
        #expect(network.json.rendered(inlineDepth: 2) == network.fileText)
    }

    @Test func readsBackWhatItWritesForTheGeneratedCity() throws {
        let generated = SyntheticNetwork(scale: .city, seed: 3).generate()
        let text = generated.json.rendered(inlineDepth: 2)
        #expect(text == generated.fileText)
        do {
            let loaded = try Network.load(name: "city.json", bytes: Array(text.utf8))
            let written = text.split(separator: "\n", omittingEmptySubsequences: false)
            let reread = loaded.network.fileText.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(reread.count == written.count)
            // The generator gives service platforms ports [10GE, GE]; the reader sorts them [GE, 10GE].
            if let line = written.indices.first(where: { $0 < reread.count && written[$0] != reread[$0] }) {
                Issue.record("line \(line + 1) differs:\n\(written[line])\n\(reread[line])")
            }
            let again = try Network.load(name: "city.json", bytes: Array(loaded.network.fileText.utf8))
            #expect(again.network.fileText == loaded.network.fileText)
            #expect(loaded.network.name == "Synthetic city (seed 3)")
            #expect(loaded.network.links == generated.links)
            #expect(loaded.network.nodes.count == generated.nodes.count)
            #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
        } catch {
            Issue.record("the generated city does not load: \(error.diagnostics.prefix(5).map(\.description))")
        }
    }

    @Test func generatesTheSameCityForTheSameSeed() throws {
        let first = SyntheticNetwork(scale: .city, seed: 7).generate().fileText
        let second = SyntheticNetwork(scale: .city, seed: 7).generate().fileText
        let other = SyntheticNetwork(scale: .city, seed: 8).generate().fileText
        #expect(first == second)
        #expect(first != other)
        do {
            let loaded = try Network.load(name: "city.json", bytes: Array(first.utf8))
            #expect(loaded.network.nodes.count > 5000)
            #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
        } catch {
            Issue.record("the generated city does not load: \(error.diagnostics.prefix(5).map(\.description))")
        }
    }

    @Test func drawsTheSameNumbersForTheSameSeed() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let drawn = (0..<5).map { _ in first.next() }
        #expect(drawn == (0..<5).map { _ in second.next() })
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        var ranged = SplitMix64(seed: 9)
        #expect((0..<1000).allSatisfy { _ in (3...7).contains(ranged.next(in: 3...7)) })
    }
}
