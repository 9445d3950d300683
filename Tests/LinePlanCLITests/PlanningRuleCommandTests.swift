import Foundation
import TestSupport
import Testing

/// End-to-end: the planning rules of issue 10 on the Wuhan demo network.
@Suite struct PlanningRuleCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    func plan(_ orderText: String) throws -> [String: Any] {
        let folder = try TestSupport.makeTemporaryFolder()
        let order = folder.appendingPathComponent("order.json")
        try orderText.write(to: order, atomically: true, encoding: .utf8)
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", order.path, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }

    @Test func sendsAnAPNLineAtAPONOnlyBuildingToConstruction() throws {
        // BLD-PON-072 has only a PON drop: an APN headquarters there is construction, never a PON line.
        let plan = try plan(
            """
            {"id": "T-APN-PON", "customer": "某公司", "product": "apn", "request": "new", "received": "2026-12-01",
             "sites": [{"name": "HQ", "building": "BLD-PON-072", "bandwidth": "2M", "interface": "FE",
                        "router": "Cisco 1841", "lan": "/28", "terminals": 50}]}
            """)
        let site = try #require((plan["sites"] as? [[String: Any]])?.first)
        let access = try #require(site["access"] as? [String: Any])
        #expect(access["technology"] is NSNull)
        let alternatives = try #require(access["alternatives"] as? [[String: Any]])
        #expect(
            alternatives.first { $0["technology"] as? String == "pon" }?["reason"] as? String
                == "an APN line is a 2M MSTP (or PTN) circuit into the GPRS-VPN room; PON does not carry it")
        #expect((site["confirmation"] as? [String: Any])?["outcome"] as? String == "core-build")
        #expect((site["addresses"] as? [String: Any])?["interconnect"] is NSNull)
    }

    @Test(arguments: DemoConfigurationGoldenTests.orders + ["needs-construction.json"])
    func everyDemoPathClimbsTheHierarchyOnce(order: String) throws {
        let file = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: network))) as? [String: Any])
        let levels = ["last-mile": 0, "access": 1, "aggregation": 2, "core": 3]
        var level: [String: Int] = [:]
        for link in file["links"] as? [[String: Any]] ?? [] {
            if let id = link["id"] as? String, let segment = link["segment"] as? String { level[id] = levels[segment] }
        }
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", TestSupport.path("Topologies/wuhan/orders/\(order)"), "--format",
            "json",
        ])
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        for site in plan["sites"] as? [[String: Any]] ?? [] {
            let path = site["path"] as? [String: Any] ?? [:]
            for key in ["workingLinks", "protectionLinks"] {
                let sequence = (path[key] as? [String] ?? []).compactMap { level[$0] }
                guard !sequence.isEmpty else { continue }
                let peak = sequence.firstIndex(of: sequence.max() ?? 0) ?? 0
                #expect(Array(sequence[...peak]) == sequence[...peak].sorted(), "\(order) \(key) climbs twice")
                #expect(Array(sequence[peak...]) == sequence[peak...].sorted(by: >), "\(order) \(key) climbs twice")
            }
        }
    }

    @Test func servesASiteByLocationFromAnAccessNodeWithFreePorts() throws {
        // The nearest PTN node to (0.25, 1.62) is the aggregation node AGG-HK-1 (0.05 km), which has no FE
        // port: the kiosk is served from ACC-HK-01-01, 0.36 km × 1.3 of new fibre, with FE ports free.
        let plan = try plan(
            """
            {"id": "T-LOC", "customer": "某公司", "product": "interconnect", "request": "new", "received": "2026-12-01",
             "sites": [{"name": "HQ", "building": "BLD-CORP-HQ", "bandwidth": "100M", "interface": "GE",
                        "router": "Huawei AR1220", "lan": "/26"},
                       {"name": "Kiosk", "location": [0.25, 1.62], "bandwidth": "20M", "interface": "FE",
                        "router": "Cisco 1841", "lan": "/28"}]}
            """)
        let kiosk = try #require((plan["sites"] as? [[String: Any]])?.last)
        let access = try #require(kiosk["access"] as? [String: Any])
        #expect(access["technology"] as? String == "ptn")
        #expect(access["node"] as? String == "ACC-HK-01-01")
        #expect(
            kiosk["reason"] as? String
                == "needs 0.468 km of new fibre to ACC-HK-01-01; 0.468 km to ACC-HK-01-01, 3 FE ports free")
    }
}

/// End-to-end: a hub handed over on one E1 cannot take two branches; the plan says why it has no configuration.
@Suite struct SerialHubCommandTests {
    @Test func writesNoConfigurationForAnE1HubWithTwoBranches() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let order = folder.appendingPathComponent("order.json")
        try """
        {"id": "T-E1HUB", "customer": "某公司", "product": "interconnect", "request": "new", "received": "2026-12-01",
         "sites": [{"name": "HQ", "building": "BLD-ABC-WUHAN", "bandwidth": "2M", "interface": "E1",
                    "router": "Cisco 1841", "lan": "/26"},
                   {"name": "A", "building": "BLD-CORP-BR1", "bandwidth": "1M", "interface": "FE",
                    "router": "Cisco 1841", "lan": "/28"},
                   {"name": "B", "building": "BLD-CORP-BR3", "bandwidth": "1M", "interface": "FE",
                    "router": "Cisco 1841", "lan": "/28"}]}
        """.write(to: order, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", order.path, "--out",
            out.path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardError.split(separator: "\n").contains(
                "note: HQ: no configuration — a hub on E1 takes one branch per circuit; 2 branches need an Ethernet"
                    + " handover (802.1Q sub-interfaces) or one E1 each"))
        let configs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("configs").path)
        #expect(configs.sorted() == ["A.ios.cfg", "B.ios.cfg"])
    }
}
