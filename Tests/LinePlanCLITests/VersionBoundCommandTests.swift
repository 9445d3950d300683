import Foundation
import TestSupport
import Testing

/// End-to-end: pasted version output whose counts are out of bounds is refused at its line and column, both
/// through `router check --version-file` and through an order that names the file (issue 13: a `display
/// version` whose slot line claimed 9223372036854775807 FastEthernet ports trapped with an arithmetic
/// overflow, exit by SIGILL).
@Suite struct VersionBoundCommandTests {
    /// The AR28-11 fixture with its serial board replaced by a board of `count` FastEthernet ports, written
    /// as `v.txt` into a new folder.
    func folder(boardCount count: String) throws -> URL {
        let folder = try TestSupport.makeTemporaryFolder()
        let fixture = try String(
            contentsOfFile: TestSupport.path("Tests/DevicesTests/Fixtures/huawei-ar28-11-display-version.txt"),
            encoding: .utf8)
        #expect(fixture.contains("[SLOT  1]1SAE "))
        try fixture.replacingOccurrences(of: "[SLOT  1]1SAE ", with: "[SLOT  1]\(count)FE ").write(
            to: folder.appendingPathComponent("v.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    static let hostileCounts = [
        ("9223372036854775807", "FastEthernet count 9223372036854775807 is above the maximum 4096"),
        ("9223372036854775808", "FastEthernet count 9223372036854775808 is above the maximum 4096"),
        ("99999999999999999999", "FastEthernet count 99999999999999999999 is above the maximum 4096"),
        ("-1", "FastEthernet count must not be negative, found -1"),
    ]

    @Test(arguments: hostileCounts)
    func routerCheckRefusesTheCountAtItsPlace(count: String, message: String) throws {
        let folder = try folder(boardCount: count)
        let run = try TestSupport.runLinePlan(
            ["router", "check", "--version-file", "v.txt", "--product", "apn"], in: folder)
        #expect(run.status == 65, "\(run.standardError)")
        #expect(run.standardError == "v.txt:18:10: error: \(message)\n")
        #expect(run.standardOutput.isEmpty)
    }

    @Test(arguments: hostileCounts)
    func anOrderNamingTheFileIsRefusedAtTheSitesField(count: String, message: String) throws {
        let folder = try folder(boardCount: count)
        let order = try String(
            contentsOfFile: TestSupport.path("Topologies/wuhan/orders/bank-apn.json"), encoding: .utf8
        )
        .replacingOccurrences(of: "\"router\": \"Cisco 1841\"", with: "\"routerVersionFile\": \"v.txt\"")
        try order.write(to: folder.appendingPathComponent("order.json"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        for extra in [[], ["--out", out.path]] {
            let run = try TestSupport.runLinePlan(
                ["plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", "order.json"]
                    + extra, in: folder)
            #expect(run.status == 65, "\(run.standardError)")
            #expect(
                run.standardError
                    == "order.json:19:28: error: ./v.txt:18:10: error: \(message) (sites[0].routerVersionFile)\n")
            #expect(run.standardOutput.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test func theLargestCountIsReadAndJudged() throws {
        let folder = try folder(boardCount: "4094")
        let run = try TestSupport.runLinePlan(
            ["router", "check", "--version-file", "v.txt", "--product", "apn", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let answer = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let version = try #require(answer["version"] as? [String: Any])
        let interfaces = try #require(version["interfaces"] as? [[String: Any]])
        #expect(interfaces.first?["label"] as? String == "FastEthernet")
        #expect(interfaces.first?["count"] as? Int == 4096)
    }
}
