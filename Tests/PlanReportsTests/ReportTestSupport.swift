import Devices
import Foundation
import LocatedJSON
import NetAddress
import NetGraph
import Orders
import PlanReports
import Planning
import TestSupport
import WorkCalendar

/// Plans for the report tests, made by the real planner on ``PlanningFixture``'s network.
enum ReportFixture {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The checklist templates shipped in `Templates/checklists/`.
    static func library() throws -> ChecklistLibrary {
        try ChecklistLibrary.load(
            files: try Product.allCases.map { product in
                let name = "Templates/checklists/" + ChecklistLibrary.fileName(for: product)
                return (name, [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent(name))))
            })
    }

    /// The shipped template of a product.
    static func template(_ product: Product) throws -> ChecklistTemplate {
        guard let template = try library().template(for: product) else {
            throw PlanReportError(message: "no template for \(product.rawValue)")
        }
        return template
    }

    /// A site at a fixture building with a Cisco 1841.
    static func site(
        _ name: String, building: String, bandwidth: Bandwidth, interface: CustomerInterface = .fe,
        protection: Protection = .none, lan: LANRequest? = nil, terminals: Int? = nil, address: String? = nil,
        contact: String? = nil, phone: String? = nil
    ) -> OrderSite {
        OrderSite(
            name: name, address: address, contact: contact, phone: phone, building: building, bandwidth: bandwidth,
            interface: interface, protection: protection,
            router: "Cisco 1841", lan: lan, terminals: terminals)
    }

    /// Plans an order on the fixture network; the router check answers `verdict` for every site.
    static func plan(
        _ product: Product, sites: [OrderSite], customer: String = "测试客户", id: String = "T-1",
        received: String = "2026-09-30", request: RequestKind = .new, verdict: CapabilityVerdict.Kind = .ok,
        network: Network = PlanningFixture.network(), existingLines: [String] = [], description: String? = nil
    ) throws -> Plan {
        let order = Order(
            id: id, customer: customer, product: product, request: request,
            received: try CalendarDate(parsing: received), sites: sites, description: description)
        let context = PlanningContext(
            network: network, existingLines: existingLines,
            routerCheck: { site, _ in
                RouterAnswer(
                    model: site.router, verdict: verdict,
                    failures: verdict == .replace ? [.router(.noGRE)] : [], platform: "ios")
            })
        return try Planner(context: context).plan(
            LoadedOrder(order: order, source: OrderSource(file: "order.json"), warnings: []))
    }

    /// The bank's APN line at B-BANK: 2M over MSTP, 300 terminals, received Wednesday 2026-09-30.
    static func bankAPN(
        protection: Protection = .none, verdict: CapabilityVerdict.Kind = .ok, customer: String = "测试客户"
    )
        throws -> Plan
    {
        try plan(
            .apn,
            sites: [
                site(
                    "HQ", building: "B-BANK", bandwidth: .megabits(2), protection: protection,
                    lan: .prefix(try IPv4Prefix(parsing: "10.88.0.0/24")), terminals: 300)
            ], customer: customer, verdict: verdict)
    }

    /// An interconnect line: HQ at B-BANK, a branch at B-FAR whose access node has no FE port free; the
    /// branch gives its street address and contact, the order a description.
    static func branchNeedingOptimisation(customer: String = "测试客户") throws -> Plan {
        try plan(
            .interconnect,
            sites: [
                site("HQ", building: "B-BANK", bandwidth: .megabits(100), interface: .ge),
                site(
                    "Branch", building: "B-FAR", bandwidth: .megabits(20), address: "武汉市新洲区阳逻街1号",
                    contact: "吴强", phone: "027-8690 1234"),
            ], customer: customer, description: "Test line: one branch to optimise")
    }
}
