import Foundation
import TestSupport
import Testing

/// End-to-end: the built `lineplan` binary on the demo network and on broken files.
@Suite struct TopologyCommandTests {
    @Test func printsHelpAndRefusesUnknownCommands() throws {
        let help = try TestSupport.runLinePlan(["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("Usage: lineplan <command> [options]"))
        let unknown = try TestSupport.runLinePlan(["plot"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError == "lineplan: unknown command 'plot'\nRun 'lineplan --help' for usage.\n")
        let bare = try TestSupport.runLinePlan([])
        #expect(bare.status == 64)
        let option = try TestSupport.runLinePlan(["topology", "check", "x.json", "--colour"])
        #expect(option.status == 64)
        #expect(option.standardError.hasPrefix("lineplan: unknown option '--colour' for 'lineplan topology check'\n"))
    }

    @Test func checksTheDemoNetwork() throws {
        let run = try TestSupport.runLinePlan(["topology", "check", "Topologies/wuhan/network.json"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("Topologies/wuhan/network.json: OK: "))
        #expect(!run.standardError.contains("error:"))
    }

    @Test func reportsEveryProblemWithItsPosition() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let file = folder.appendingPathComponent("bad.json")
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "A", "kind": "ptm", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "Z", "rate": "1G", "km": -2, "segment": "access", "technology": "ptn"}
              ]
            }
            """
        try Data(text.utf8).write(to: file)
        let run = try TestSupport.runLinePlan(["topology", "check", file.path])
        #expect(run.status == 65)
        #expect(run.standardOutput.isEmpty)
        let path = file.path
        #expect(
            run.standardError == """
                \(path):4:12: error: duplicate node id 'A'; first defined at line 3, column 12 (nodes[1].id)
                \(path):4:25: error: unknown node kind 'ptm'; did you mean 'ptn'? (nodes[1].kind)
                \(path):7:33: error: unknown node 'Z' (links[0].b)
                \(path):7:58: error: must not be negative, found -2 (links[0].km)
                4 errors, 0 warnings

                """)
    }

    @Test(arguments: [
        ("empty", [UInt8](), "1:1: error: the file is empty; expected a JSON value"),
        (
            "nan", Array("{\"nodes\": NaN}".utf8),
            "1:11: error: NaN and Infinity are not JSON numbers; write a finite number"
        ),
        ("utf8", [0x7B, 0x22, 0x61, 0xFF, 0x22, 0x3A, 0x31, 0x7D], "1:4: error: invalid UTF-8 byte 0xFF in a string"),
        (
            "deep", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8),
            "1:65: error: nesting is deeper than 64 levels"
        ),
        ("duplicate", Array("{\"nodes\": [], \"nodes\": []}".utf8), "1:15: error: duplicate key 'nodes' in an object"),
        (
            "huge", Array("{\"nodes\": [], \"links\": [], \"policy\": {\"fibreReachKm\": 1e999}}".utf8),
            "1:55: error: number 1e999 is out of range"
        ),
    ])
    func refusesHostileFilesCleanly(name: String, bytes: [UInt8], expected: String) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let file = folder.appendingPathComponent("\(name).json")
        try Data(bytes).write(to: file)
        let run = try TestSupport.runLinePlan(["topology", "check", file.path])
        #expect(run.status == 65)
        #expect(run.standardError.hasPrefix("\(file.path):\(expected)\n"))
    }

    @Test func refusesAMissingFile() throws {
        let run = try TestSupport.runLinePlan(["topology", "check", "no/such/network.json"])
        #expect(run.status == 65)
        #expect(run.standardError == "no/such/network.json: error: no such file\n")
    }

    @Test func generatesTheSameNetworkForTheSameSeed() throws {
        let first = try TestSupport.runLinePlan([
            "topology", "generate", "--scale", "city", "--seed", "4", "--out", "-",
        ])
        let second = try TestSupport.runLinePlan([
            "topology", "generate", "--scale", "city", "--seed", "4", "--out", "-",
        ])
        let other = try TestSupport.runLinePlan([
            "topology", "generate", "--scale", "city", "--seed", "5", "--out", "-",
        ])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        #expect(first.standardOutput != other.standardOutput)
        let folder = try TestSupport.makeTemporaryFolder()
        let file = folder.appendingPathComponent("city.json")
        try Data(first.standardOutput.utf8).write(to: file)
        let check = try TestSupport.runLinePlan(["topology", "check", file.path])
        #expect(check.status == 0)
        #expect(check.standardOutput.contains(": OK: "))
    }

    @Test func printsStatisticsAsJSON() throws {
        let run = try TestSupport.runLinePlan([
            "topology", "stats", "Topologies/wuhan/network.json", "--format", "json",
        ])
        #expect(run.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let byLayer = try #require(object["nodesByLayer"] as? [String: Int])
        #expect((byLayer["service"] ?? 0) >= 5)
        #expect((object["rings"] as? [Any])?.isEmpty == false)
    }
}
