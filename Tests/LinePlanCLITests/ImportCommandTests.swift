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

/// End-to-end: `lineplan topology diff` after a re-import, with the ledger's lines it breaks.
@Suite struct DiffCommandTests {
    @Test func showsWhatAReImportChangedAndTheHeldLinesItBreaks() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let inventory = folder.appendingPathComponent("inventory")
        try FileManager.default.copyItem(
            at: TestSupport.packageRoot.appendingPathComponent("Topologies/wuhan/inventory"), to: inventory)
        func edit(_ table: String, _ edits: [(String, String)]) throws {
            let url = inventory.appendingPathComponent(table)
            var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for (old, new) in edits { text = text.replacingOccurrences(of: old, with: new) }
            try Data(text.utf8).write(to: url)
        }
        try edit("pools.csv", [("WH-PUBLIC,public,203.0.113.0/24", "WH-PUBLIC,public,198.51.100.0/24")])
        try edit(
            "links.csv",
            [
                ("AGG-GG-L1,AGG-GG-1,AGG-GG-2,10G,", "AGG-GG-L1,AGG-GG-1,AGG-GG-2,5G,"),
                ("BLD-PON-096-DROP,BLD-PON-096,SPL-HY-01-3,1G,,1.063,last-mile,pon,,DUCT-PON-096-PON,,,,,,,4,1\n", ""),
            ])
        try edit("nodes.csv", [("OTN-HCZ,otn,汉口火车站OTN", "OTN-HCZ,otn,汉口站OTN")])
        try edit("ports.csv", [("OTN-HCZ,GE,32,16", "OTN-HCZ,GE,24,16")])
        let new = folder.appendingPathComponent("new.json").path
        let ledger = folder.appendingPathComponent("lineplan.sqlite").path
        let imported = try TestSupport.runLinePlan([
            "topology", "import", "--from", "csv", inventory.path, "--out", new,
        ])
        #expect(imported.status == 0)
        let plan = try TestSupport.runLinePlan([
            "plan", "--topology", "Topologies/wuhan/network.json", "--order",
            "Topologies/wuhan/orders/office-internet.json", "--ledger", ledger, "--commit",
        ])
        #expect(plan.status == 0)
        let diff = try TestSupport.runLinePlan([
            "topology", "diff", "Topologies/wuhan/network.json", new, "--ledger", ledger,
        ])
        #expect(diff.status == 1)
        #expect(
            diff.standardOutput == """
                ~ node OTN-HCZ: renamed 汉口火车站OTN → 汉口站OTN; GE ports 32 → 24
                ~ link AGG-GG-L1: rate 10G → 5G
                - link BLD-PON-096-DROP (BLD-PON-096–SPL-HY-01-3 pon 1G)
                ~ pool WH-PUBLIC: prefix 203.0.113.0/24 → 198.51.100.0/24
                0 added, 1 removed, 3 changed
                line WH-2026-1125-OFFICE/Office (reserved): bandwidth on AGG-GG-L1: the link shrank (rate 10G → 5G)
                line WH-2026-1125-OFFICE/Office (reserved): address on WH-PUBLIC: 203.0.113.0/30 is outside the \
                pool's prefix 198.51.100.0/24 now

                """)
        let same = try TestSupport.runLinePlan(["topology", "diff", new, new])
        #expect(same.status == 0)
        #expect(same.standardOutput == "no differences\n")
    }
}

/// End-to-end: a NetBox export imported and planned.
@Suite struct NetBoxCommandTests {
    @Test func importsTheNetBoxFixtureAndPlansAnOrderOnIt() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let out = folder.appendingPathComponent("network.json").path
        let run = try TestSupport.runLinePlan([
            "topology", "import", "--from", "netbox", "Topologies/wuhan/netbox/export.json", "--mapping",
            "Topologies/wuhan/netbox/mapping.json", "--out", out,
        ])
        #expect(run.status == 0)
        #expect(run.standardError.contains("warning: 2 devices with role 'patch-panel' left out"))
        let plan = try TestSupport.runLinePlan([
            "plan", "--topology", out, "--order", "Topologies/wuhan/netbox/order-internet.json",
        ])
        #expect(plan.status == 0)
        #expect(plan.standardOutput.contains("Reply: available"))
        #expect(plan.standardOutput.contains("working    BLD-GG-1 – PTN-ACC-GG-1 – PTN-AGG-GG"))
        // Issue 14: the 光谷 site's room is in region 湖北/武汉/光谷, as is the public prefix scoped to the site,
        // so its WAN block comes from its own district's pool; a 汉口 site's from the pool without a region.
        #expect(plan.standardOutput.contains("interconnect 198.51.100.0/30"))
        let order = String(
            decoding: try TestSupport.bytes("Topologies/wuhan/netbox/order-internet.json"), as: UTF8.self)
        let hankou = folder.appendingPathComponent("order-hk.json")
        try Data(order.replacingOccurrences(of: "BLD-GG-1", with: "BLD-HK-1").utf8).write(to: hankou)
        let other = try TestSupport.runLinePlan(["plan", "--topology", out, "--order", hankou.path])
        #expect(other.status == 0)
        #expect(other.standardOutput.contains("working    BLD-HK-1 – PTN-ACC-HK-1 – PTN-AGG-HK"))
        #expect(other.standardOutput.contains("interconnect 203.0.113.0/30"))
    }
}
