import Foundation
import TestSupport
import Testing

/// End-to-end (issue 18): distinct sites get distinct configuration files and sysnames, even when
/// their names fold to the same slug and the order id is longer than VRP 3's 30-character sysname.
@Suite struct DistinctNamesCommandTests {
    @Test func sitesWhoseNamesFoldAlikeGetTheirOwnFilesAndSysnames() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let orderID = "WH-2026-1204-A-VERY-LONG-ORDER-IDENTIFIER"
        let order = """
            {"id": "\(orderID)", "customer": "某物流集团", "product": "interconnect", "request": "new",
             "received": "2026-11-25", "sites": [
              {"name": "HQ", "building": "BLD-CORP-HQ", "bandwidth": "100M", "interface": "GE",
               "router": "Huawei AR1220", "lan": "/26"},
              {"name": "BR:1", "building": "BLD-CORP-BR1", "bandwidth": "10M", "interface": "FE",
               "router": "Huawei AR28-11", "lan": "/28"},
              {"name": "BR-1", "building": "BLD-CORP-BR2", "bandwidth": "10M", "interface": "FE",
               "router": "Huawei AR28-11", "lan": "/28"},
              {"name": "br-1", "building": "BLD-CORP-BR3", "bandwidth": "10M", "interface": "FE",
               "router": "Huawei AR28-11", "lan": "/28"}]}
            """
        let orderPath = folder.appendingPathComponent("order.json")
        try order.write(to: orderPath, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", orderPath.path,
            "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let configs = try FileManager.default.contentsOfDirectory(
            atPath: out.appendingPathComponent("configs").path
        ).sorted()
        #expect(configs.count == 4, "\(configs)")
        #expect(Set(configs.map { $0.lowercased() }).count == 4)
        var sysnames: [String] = []
        for file in configs where file.hasSuffix(".vrp3.cfg") {
            let text = try String(contentsOf: out.appendingPathComponent("configs/\(file)"), encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("sysname ") })
            let name = String(line.dropFirst("sysname ".count))
            #expect(name.count <= 30, "\(name)")
            sysnames.append(name.lowercased())
        }
        #expect(sysnames.count == 3)
        #expect(Set(sysnames).count == 3, "\(sysnames)")
    }
}
