import Foundation
import TestSupport
import Testing

/// End-to-end: `lineplan topology import` and `export` with the built binary.
@Suite struct ImportCommandTests {
    @Test func importsTheDemoInventoryToTheDemoNetworkAndExportsItBack() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let out = folder.appendingPathComponent("network.json").path
        let run = try TestSupport.runLinePlan([
            "topology", "import", "--from", "csv", "Topologies/wuhan/inventory", "--out", out,
        ])
        #expect(run.status == 0)
        #expect(run.standardOutput.isEmpty)
        #expect(!run.standardError.contains("error:"))
        let check = try TestSupport.runLinePlan(["topology", "check", out])
        #expect(check.status == 0)
        for order in [
            "bank-apn.json", "office-internet.json", "hospitals-interconnect.json", "branches-interconnect.csv",
        ] {
            let path = "Topologies/wuhan/orders/\(order)"
            let imported = try TestSupport.runLinePlan(["plan", "--topology", out, "--order", path, "--format", "json"])
            let original = try TestSupport.runLinePlan([
                "plan", "--topology", "Topologies/wuhan/network.json", "--order", path, "--format", "json",
            ])
            #expect(imported.status == original.status)
            #expect(!original.standardOutput.isEmpty)
            #expect(
                imported.standardOutput.replacingOccurrences(of: out, with: "Topologies/wuhan/network.json")
                    == original.standardOutput, "\(order)")
        }
        let exported = folder.appendingPathComponent("inventory")
        let export = try TestSupport.runLinePlan(["topology", "export", out, "--to", "csv", exported.path])
        #expect(export.status == 0)
        for table in ["rooms", "nodes", "ports", "links", "rings", "pools", "policy"] {
            let shipped = try TestSupport.bytes("Topologies/wuhan/inventory/\(table).csv")
            let written = [UInt8](try Data(contentsOf: exported.appendingPathComponent("\(table).csv")))
            #expect(written == shipped, "\(table).csv")
        }
    }

    @Test func writesNothingWhenAnyCellIsWrong() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let inventory = folder.appendingPathComponent("inv")
        try FileManager.default.createDirectory(at: inventory, withIntermediateDirectories: true)
        try Data("id,kind,x,y\nP1,ptn,0,0\nB1,building,0.5,zero\n".utf8)
            .write(to: inventory.appendingPathComponent("nodes.csv"))
        try Data("id,a,b,rate,km,segment,technology\nL1,B1,P1,1G,0.5,last-mile,fibre\n".utf8)
            .write(to: inventory.appendingPathComponent("links.csv"))
        let out = folder.appendingPathComponent("network.json")
        let run = try TestSupport.runLinePlan([
            "topology", "import", "--from", "csv", inventory.path, "--out", out.path,
        ])
        #expect(run.status == 65)
        #expect(
            run.standardError == """
                \(inventory.path)/nodes.csv:3:17: error: expected a number, found 'zero' (column y)
                1 error, 0 warnings

                """)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
