import Foundation
import TestSupport
import Testing

/// End-to-end: diverse protection for every product on the demo network.
@Suite struct ProtectionCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    func site(_ arguments: [String], _ index: Int = 0) throws -> [String: Any] {
        let run = try TestSupport.runLinePlan(["plan", "--topology", network, "--format", "json"] + arguments)
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let sites = try #require(plan["sites"] as? [[String: Any]])
        return sites[index]
    }

    @Test func protectsAnInternetLineOntoTheOtherCMNETRouter() throws {
        // Each CMNET router has one uplink, so no pair reaches one router; the pair ends on both.
        let site = try site(["--order", TestSupport.path("Topologies/wuhan/orders/exchange-internet-diverse.json")])
        let path = try #require(site["path"] as? [String: Any])
        let working = try #require(path["working"] as? [String])
        let protection = try #require(path["protection"] as? [String])
        #expect(working.first == "BLD-HK-02-009")
        #expect(working[1] == "ACC-HK-02-05")
        #expect(protection[1] == "ACC-HK-02-06")
        #expect(Set([working.last, protection.last]) == ["CMNET-01", "CMNET-02"])
        let workingLinks = Set(try #require(path["workingLinks"] as? [String]))
        #expect(workingLinks.isDisjoint(with: try #require(path["protectionLinks"] as? [String])))
        #expect((site["confirmation"] as? [String: Any])?["outcome"] as? String == "available")
    }

    @Test func protectsAnInterconnectBranchWithAJointPair() throws {
        // Hankou's working path passes both of its building's access nodes' ring; fixing it first left
        // no second route (core-build); the joint pair enters the data centre by both of its entries.
        let site = try site(
            ["--order", TestSupport.path("Topologies/wuhan/orders/hospitals-interconnect.json")], 1)
        let path = try #require(site["path"] as? [String: Any])
        let working = try #require(path["working"] as? [String])
        let protection = try #require(path["protection"] as? [String])
        #expect(working.first == "BLD-HK-01-005")
        #expect(working.last == "BLD-WC-03-032")
        #expect(protection.last == "BLD-WC-03-032")
        #expect(Set([working[1], protection[1]]) == ["ACC-HK-01-09", "ACC-HK-01-10"])
        let workingLinks = Set(try #require(path["workingLinks"] as? [String]))
        #expect(workingLinks.isDisjoint(with: try #require(path["protectionLinks"] as? [String])))
        #expect((site["confirmation"] as? [String: Any])?["outcome"] as? String == "available")
    }
}
