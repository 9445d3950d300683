import Foundation
import TestSupport
import Testing

/// End-to-end: the configurations and office data the built `lineplan` writes for every demo order,
/// checked in under `Golden/<order>/` and reviewed as a diff.
///
/// `LINEPLAN_UPDATE_GOLDEN=1 swift test --filter DemoConfigurationGoldenTests` rewrites them;
/// `check-with-hier-config.py Tests/LinePlanCLITests/Golden` reads them with an independent parser.
@Suite struct DemoConfigurationGoldenTests {
    static let golden = URL(fileURLWithPath: TestSupport.path("Tests/LinePlanCLITests/Golden"))
    static let orders = [
        "bank-apn.json", "power-apn-e1.json", "office-internet.json", "hotel-internet-public.json",
        "exchange-internet-diverse.json", "branches-interconnect.csv", "hospitals-interconnect.json",
        "chinese-interconnect.json",
    ]

    @Test(arguments: orders) func writesTheGoldenConfigurations(order: String) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let out = folder.appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order",
            TestSupport.path("Topologies/wuhan/orders/\(order)"), "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let manager = FileManager.default
        let configs = try manager.contentsOfDirectory(atPath: out.appendingPathComponent("configs").path).sorted()
        let written =
            configs.map { "configs/\($0)" }
            + (manager.fileExists(atPath: out.appendingPathComponent("office-data.md").path) ? ["office-data.md"] : [])
        let stem = String(order.split(separator: ".").first ?? "")
        let expected = Self.golden.appendingPathComponent(stem)
        if ProcessInfo.processInfo.environment["LINEPLAN_UPDATE_GOLDEN"] == "1" {
            // Only this suite's files: the documents' golden folders (`en`, `zh`) sit beside them.
            try? manager.removeItem(at: expected.appendingPathComponent("configs"))
            try? manager.removeItem(at: expected.appendingPathComponent("office-data.md"))
            try manager.createDirectory(
                at: expected.appendingPathComponent("configs"), withIntermediateDirectories: true)
            for file in written {
                try manager.copyItem(at: out.appendingPathComponent(file), to: expected.appendingPathComponent(file))
            }
            return
        }
        let goldenConfigs = try manager.contentsOfDirectory(atPath: expected.appendingPathComponent("configs").path)
        #expect(configs == goldenConfigs.sorted(), "\(order): the configuration files differ from Golden/\(stem)")
        for file in written {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            let golden = try String(contentsOf: expected.appendingPathComponent(file), encoding: .utf8)
            #expect(
                text == golden, "\(order): \(file) differs from its golden file; rerun with LINEPLAN_UPDATE_GOLDEN=1")
        }
    }
}
