import Devices
import LocatedJSON
import NetAddress
import NetGraph
import Orders
import Planning
import TestSupport
import Testing
import WorkCalendar

/// Issue 17: the streamed plan JSON (`renderedJSONBytes`) is byte for byte the `JSONOutput` tree's
/// rendering (`json.rendered()`), on every demo order and on large generated plans.
@Suite struct PlanJSONStreamTests {
    static let demoOrders = [
        "bank-apn.json", "branches-interconnect.csv", "office-internet.json", "needs-construction.json",
        "power-apn-e1.json", "hotel-internet-public.json", "exchange-internet-diverse.json",
        "hospitals-interconnect.json", "chinese-interconnect.json",
    ]

    private static func judge() throws -> RouterJudge {
        RouterJudge(
            catalog: try RouterCatalog.load(
                name: "routers.json", bytes: try TestSupport.bytes("Templates/routers.json")))
    }

    private static func plan(_ loaded: LoadedOrder, on network: Network) throws -> Plan {
        let judge = try judge()
        let answers = judge.answers(for: loaded.order)
        let context = PlanningContext(
            network: network,
            routerCheck: { site, product in answers[site.name] ?? judge.answer(for: site, product: product) })
        return try Planner(context: context).plan(loaded)
    }

    @Test(arguments: demoOrders)
    func streamsEachDemoOrderAsTheTreeRendersIt(file: String) throws {
        let network = try Network.load(
            name: "network.json", bytes: try TestSupport.bytes("Topologies/wuhan/network.json")
        ).network
        let loaded = try OrderFile.load(name: file, bytes: try TestSupport.bytes("Topologies/wuhan/orders/" + file))
        let plan = try Self.plan(loaded, on: network)
        let streamed = plan.renderedJSONBytes
        #expect(streamed == Array(plan.json.rendered().utf8))
        #expect(plan.renderedJSON == plan.json.rendered())
    }

    /// A generated city and 240 sites of every product, bandwidths from 64k to 10G (so some sites are
    /// refused, need construction, or get no path), half of them asking for diverse protection, with
    /// catalog and unknown routers: sites written on all cores and joined.
    @Test(arguments: [Product.internet, .interconnect, .apn])
    func streamsALargeGeneratedPlanAsTheTreeRendersIt(product: Product) throws {
        let network = SyntheticNetwork(scale: .city, seed: 3).generate()
        let buildings = network.nodes.filter { $0.kind == .building }.map(\.id)
        let rates: [Bandwidth] = [
            Bandwidth(kilobits: 64), .megabits(2), .megabits(10), .megabits(100), .megabits(1000), .megabits(10_000),
        ]
        let routers = ["Cisco 1841", "Huawei AR1220", "No Such Router", "Cisco 2811"]
        let sites = (0..<240).map { number in
            OrderSite(
                name: "站点\(number)", address: number % 7 == 0 ? "路\"\(number)\"号\\" : nil,
                building: buildings[(number * 37) % buildings.count],
                bandwidth: product == .apn ? .megabits(2) : rates[number % rates.count],
                interface: product == .apn ? .fe : (number % 3 == 0 ? .ge : .fe),
                protection: number % 2 == 0 ? .diverse : .none, router: routers[number % routers.count],
                lan: product == .apn ? nil : .hosts(6 + number % 50), terminals: product == .apn ? 50 + number : nil)
        }
        let order = Order(
            id: "GEN-\(product.rawValue)", customer: "生成", product: product,
            received: try CalendarDate(parsing: "2026-11-25"), sites: sites)
        let plan = try Self.plan(
            LoadedOrder(order: order, source: OrderSource(file: "generated"), warnings: []), on: network)
        #expect(plan.sites.count == 240)
        let tree = Array(plan.json.rendered().utf8)
        #expect(plan.renderedJSONBytes == tree)
        // The plan holds what the stream must get right: escapes, findings, paths and their absence.
        let text = String(decoding: tree, as: UTF8.self)
        #expect(text.contains("\\\"") && text.contains("\"parameters\": {}") && text.contains("\"working\": null"))
    }
}
