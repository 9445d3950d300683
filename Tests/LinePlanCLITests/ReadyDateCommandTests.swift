import Foundation
import TestSupport
import Testing

/// End-to-end: each site has its own planned ready date; one site's build holds back no other.
@Suite struct ReadyDateCommandTests {
    @Test func datesEachSiteByItsOwnOutcome() throws {
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order",
            TestSupport.path("Topologies/wuhan/orders/branches-interconnect.csv"), "--format", "json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        // The order replies as its slowest site, BR5's core build: 3 working days from Friday 2026-11-20.
        #expect((plan["reply"] as? [String: Any])?["due"] as? String == "2026-11-25")
        let sites = try #require(plan["sites"] as? [[String: Any]])
        let ready = Dictionary(
            uniqueKeysWithValues: sites.map { ($0["name"] as? String ?? "", $0["readyDate"] as? String) })
        // Available sites are ready at the reply; nothing to wait for.
        #expect(ready["BR1"] == .some(nil))
        // BR2, one end-access point: its own reply in 2 working days (11-24), then 5 for maintenance: 12-01,
        // not the order's core-build reply (11-25) + 5 = 12-02.
        #expect(ready["BR2"] == "2026-12-01")
        // BR5's build: 3 + 30 working days; 2027-01-01 is New Year's Day by law (no 2027 notice yet).
        #expect(ready["BR5"] == "2027-01-07")
    }
}

/// End-to-end: a 20M branch crossing the OTN core holds bandwidth on its ODU trunks, not tributary slots.
@Suite struct OTNTrunkCommandTests {
    @Test func holdsTrunkBandwidthForASmallLine() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let commit = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order",
            TestSupport.path("Topologies/wuhan/orders/branches-interconnect.csv"), "--ledger", ledger, "--commit",
        ])
        #expect(commit.status == 0, "\(commit.standardError)")
        let show = try TestSupport.runLinePlan(["ledger", "show", "WH-2026-1120-CORP/BR1", "--ledger", ledger])
        let lines = show.standardOutput.split(separator: "\n")
        #expect(lines.contains("  bandwidth 20000k on OTN-HCZ-HH (working)"))
        #expect(lines.contains("  bandwidth 20000k on OTN-HH-ZNL (working)"))
        #expect(!show.standardOutput.contains("otn-slot"))
        #expect(try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger]).status == 0)
    }
}

/// End-to-end: a reply dated into a year without a holiday notice says so at the top of the reply form and
/// the checklist, in the document's language.
@Suite struct NoNoticeCaveatCommandTests {
    @Test(arguments: ["en", "zh"]) func putsTheCaveatFirst(language: String) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let order = folder.appendingPathComponent("order.json")
        try String(contentsOfFile: TestSupport.path("Topologies/wuhan/orders/office-internet.json"), encoding: .utf8)
            .replacingOccurrences(of: "2026-11-25", with: "2026-12-30")
            .write(to: order, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", order.path, "--out",
            out.path, "--lang", language,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let caveat =
            language == "en"
            ? "> **Note:** no holiday notice for 2027 yet: counting Monday to Friday less the statutory holidays the"
                + " law fixes (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆); the notice's bridging and make-up days are not known,"
                + " so the date may move when it is out"
            : "> **注意：**2027年放假安排通知尚未发布：按周一至周五扣除法定节假日（元旦、春节、清明、劳动节、端午、中秋、国庆）计算；"
                + "调休及补班日未知，通知发布后日期可能变动"
        for file in ["reply-form.md", "checklist.md"] {
            let lines = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            // Right under the title, before the first table or section.
            let position = try #require(lines.firstIndex { $0 == caveat }, "\(file) has no caveat")
            #expect(position < 6, "\(file): the caveat is on line \(position + 1)")
            #expect(lines.filter { $0.contains("2027") && $0.contains("notice") }.count == (language == "en" ? 1 : 0))
        }
    }
}
