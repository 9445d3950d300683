import Devices
import Foundation
import Planning
import RouterConfigs
import Testing

@testable import PlanReports

/// Issue 17: a large order's configurations are rendered in runs of sites on every core; the result
/// must be the bytes, sheets and skipped sites of rendering the whole plan at once.
@Suite struct ConfigurationPartsTests {
    /// The bank's APN line with its one site copied into 100 sites on a Cisco 1841, every seventh without a LAN.
    static func hundredSites() throws -> Plan {
        var plan = try ReportFixture.bankAPN()
        let site = try #require(plan.sites.first)
        plan.sites = (0..<100).map { number in
            var copy = site
            copy.name = "S\(number)"
            copy.hostname = "T-1-S\(number)"
            copy.configFile = "configs/S\(number).ios.cfg"
            copy.router.configuredModel = "Cisco 1841"
            if number % 7 == 3 { copy.addresses.lan = nil }
            return copy
        }
        return plan
    }

    @Test func runsOfSitesGiveTheWholePlansConfigurations() throws {
        let plan = try Self.hundredSites()
        let templates = ReportFixture.packageRoot.appendingPathComponent("Templates").path
        let catalog = try RouterCatalog.load(
            name: "routers.json",
            bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: templates).appendingPathComponent("routers.json")))
        )
        let whole = try PlanConfigurations.render(
            plan: plan, catalog: catalog, renderer: try RouterConfigRenderer(templatesDirectory: templates))
        #expect(PlanBundle.configurationParts(plan).map(\.sites.count) == [33, 33, 34])
        let parted = try PlanBundle.renderConfigurations(plan, catalog: catalog, templates: templates, language: .en)
        #expect(whole.configs.count == 86)
        #expect(parted.configs.map(\.path) == whole.configs.map(\.path))
        #expect(parted.configs.map(\.text) == whole.configs.map(\.text))
        #expect(parted.skipped.map(\.site) == (0..<100).filter { $0 % 7 == 3 }.map { "S\($0)" })
        #expect(parted.skipped == whole.skipped)
        #expect(parted.officeData == whole.officeData)
        #expect(parted.officeData != nil)
    }

    @Test func anInterconnectOrderStaysOnePlan() throws {
        var plan = try ReportFixture.branchNeedingOptimisation()
        let branch = try #require(plan.sites.last)
        plan.sites += Array(repeating: branch, count: 100)
        #expect(PlanBundle.configurationParts(plan).count == 1)
    }

    @Test func piecesComeBackInTheirOrder() {
        #expect(OnEveryCore.map(count: 1000) { $0 * $0 } == (0..<1000).map { $0 * $0 })
        #expect(OnEveryCore.map(count: 0) { $0 }.isEmpty)
    }
}
