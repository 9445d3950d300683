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
