import LocatedJSON
import NetGraph
import Testing

/// Broken and hostile network files get located errors, never a crash.
@Suite struct NetworkFileHostileTests {
    /// A small valid file: two nodes, a building, a ring and a pool.
    static let validFile = """
        {
          "name": "small",
          "rooms": [{"id": "R1", "name": "汉口机房", "location": [0, 0]}],
          "nodes": [
            {"id": "A", "kind": "ptn", "room": "R1", "ports": {"GE": {"total": 4, "used": 1}}},
            {"id": "B", "kind": "ptn", "location": [1, 0]},
            {"id": "BLD", "kind": "building", "location": [0, 0.3], "area": "countryside"}
          ],
          "links": [
            {"id": "L1", "a": "A", "b": "B", "rate": "1G", "committed": "100M", "km": 1.5,
             "ring": "R", "segment": "access", "technology": "ptn", "srlg": ["D1"]},
            {"id": "L2", "a": "B", "b": "A", "rate": "1G", "km": 2, "ring": "R",
             "segment": "access", "technology": "ptn"},
            {"id": "F1", "a": "BLD", "b": "A", "rate": "100M", "km": 0.3,
             "segment": "last-mile", "technology": "fibre", "fibre": {"cores": 12, "used": 2}}
          ],
          "pools": [{"id": "P1", "purpose": "interconnect", "prefix": "10.1.0.0/16"}],
          "policy": {"accessMaxUtilisation": 0.7}
        }
        """

    @Test func loadsTheValidFileWithoutWarnings() throws {
        #expect(try loadWarnings(Self.validFile).isEmpty)
    }

    @Test func refusesInvalidUTF8InANodeID() {
        let bytes =
            Array(#"{"nodes": [{"id": "A"#.utf8) + [0xFF]
            + Array(#"", "kind": "ptn", "location": [0, 0]}], "links": []}"#.utf8)
        #expect(loadErrors(bytes: bytes) == ["net.json:1:21: error: invalid UTF-8 byte 0xFF in a string"])
    }

    @Test func refusesDeepNestingAtTheLevelThatGoesTooDeep() {
        let text = #"{"nodes": "# + String(repeating: "[", count: 100_000)
        #expect(loadErrors(text) == ["net.json:1:74: error: nesting is deeper than 64 levels"])
    }

    @Test func refusesDuplicateKeysInANode() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "kind": "otn", "location": [0, 0]}
              ],
              "links": []
            }
            """
        #expect(loadErrors(text) == ["net.json:3:32: error: duplicate key 'kind' in an object"])
    }

    @Test func refusesNodesAndLinksOfTheWrongShape() {
        let text = """
            {
              "nodes": [3, null, {"id": 7, "kind": ["ptn"], "location": {"x": 1}}],
              "links": ["A-B"]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:2:13: error: expected an object, found a number (nodes[0])",
                "net.json:2:16: error: expected an object, found null (nodes[1])",
                "net.json:2:29: error: expected a string, found a number (nodes[2].id)",
                "net.json:2:40: error: expected a string, found an array (nodes[2].kind)",
                "net.json:2:61: error: expected [x, y] in km, found an object (nodes[2].location)",
                "net.json:3:13: error: expected an object, found a string (links[0])",
            ])
    }

    @Test func refusesEveryTruncationOfAValidFile() {
        let bytes = Array(Self.validFile.utf8)
        for length in 0..<bytes.count {
            let diagnostics = loadErrors(bytes: Array(bytes[..<length]))
            #expect(!diagnostics.isEmpty, "truncated to \(length) bytes")
            #expect(diagnostics.allSatisfy { $0.hasPrefix("net.json:") })
            #expect(diagnostics.contains { $0.contains(": error: ") })
        }
    }

    @Test func survivesRandomlyCorruptedFiles() {
        let original = Array(Self.validFile.utf8)
        let replacements = Array(#"{}[]",:0123456789-.eE"tfnu\ "#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xE6, 0xFF]
        var random = SplitMix64(seed: 2024)
        var refused = 0
        for _ in 0..<2000 {
            var bytes = original
            for _ in 0...random.next(in: 0...3) {
                let position = random.next(in: 0...(bytes.count - 1))
                switch random.next(in: 0...2) {
                case 0: bytes[position] = replacements[random.next(in: 0...(replacements.count - 1))]
                case 1: bytes.remove(at: position)
                default: bytes.insert(replacements[random.next(in: 0...(replacements.count - 1))], at: position)
                }
            }
            do {
                _ = try Network.load(name: "net.json", bytes: bytes)
            } catch {
                refused += 1
                #expect(error.diagnostics.contains { $0.severity == .error })
                #expect(error.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 && $0.file == "net.json" })
            }
        }
        #expect(refused > 1000)
    }

    @Test func refusesAFileAboveTheSizeLimitBeforeReadingIt() {
        // 256 MiB + 1 byte of spaces: the limit is checked on the byte count before any parsing.
        let bytes = [UInt8](repeating: 0x20, count: JSONDocument.maximumSize + 1)
        let diagnostics = loadErrors(bytes: bytes)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("net.json:1:1: error: the file is ") == true)
        #expect(
            diagnostics == ["net.json:1:1: error: the file is larger than the 256 MiB limit for network files"])
    }
}
