import Foundation
import TestSupport
import Testing

/// End-to-end: an order whose text a document cannot show safely (a bidirectional override, a zero-width
/// character) is refused when it is read, in every mode, so nothing of it reaches the ledger or a document.
@Suite struct UnsafeTextCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    /// Writes a demo order with one replacement made, into a folder.
    func order(
        _ name: String, replacing target: String, with replacement: String, as file: String, in folder: URL
    ) throws -> String {
        let text = try String(contentsOfFile: TestSupport.path("Topologies/wuhan/orders/\(name)"), encoding: .utf8)
        #expect(text.contains(target))
        let url = folder.appendingPathComponent(file)
        try text.replacingOccurrences(of: target, with: replacement).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Plans `order` in each mode (dry run, `--commit`, `--out`) against a ledger that already holds a line,
    /// and checks each run is refused with `message`, the ledger left as it was and no folder written.
    func expectRefusedInEveryMode(_ order: String, message: String, in folder: URL) throws {
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let held = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", TestSupport.path("Topologies/wuhan/orders/office-internet.json"),
            "--ledger", ledger, "--commit",
        ])
        #expect(held.status == 0, "\(held.standardError)")
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        let out = folder.appendingPathComponent("out")
        let modes: [[String]] = [
            [], ["--commit"], ["--out", out.path], ["--commit", "--out", out.path, "--format", "json"],
        ]
        for extra in modes {
            let run = try TestSupport.runLinePlan(
                ["plan", "--topology", network, "--order", order, "--ledger", ledger] + extra)
            #expect(run.status == 65, "\(extra): \(run.standardError)")
            #expect(run.standardError.contains(message), "\(extra): \(run.standardError)")
            #expect(run.standardOutput.isEmpty, "\(extra)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(extra)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
        let verify = try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger])
        #expect(verify.status == 0, "\(verify.standardError)")
    }

    @Test func refusesARightToLeftOverrideInAJSONSiteName() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let order = try order(
            "bank-apn.json", replacing: #""name": "HQ""#, with: "\"name\": \"HQ\u{202E}fdp\"", as: "bank.json",
            in: folder)
        try expectRefusedInEveryMode(
            order,
            message: #"bank.json:11:15: error: invalid site name 'HQ\u{202E}fdp': must not contain the format "#
                + "character U+202E RIGHT-TO-LEFT OVERRIDE (sites[0].name)", in: folder)
    }

    @Test func refusesAZeroWidthSpaceInACSVAddress() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let order = try order(
            "branches-interconnect.csv", replacing: "武汉市硚口区长丰大道98号", with: "武汉市硚口区\u{200B}长丰大道98号",
            as: "branches.csv", in: folder)
        try expectRefusedInEveryMode(
            order,
            message: #"branches.csv:3:169: error: invalid address '武汉市硚口区\u{200B}长丰大道98号': must not contain the "#
                + "format character U+200B ZERO WIDTH SPACE (sites[1].address)", in: folder)
    }
}
