import Devices
import LocatedJSON
import NetGraph
import Orders
import Planning
import TestSupport
import Testing

/// An interconnect hub whose access is below its branches' bandwidth together is flagged, never
/// silently available; and a saved plan reads back the order's details it wrote.
@Suite struct HubCapacityTests {
    func plan(hub: Bandwidth, interface: CustomerInterface = .ge) throws -> Plan {
        let order = try PlanningFixture.order(
            .interconnect,
            sites: [
                OrderSite(name: "HQ", building: "B-BANK", bandwidth: hub, interface: interface),
                OrderSite(name: "BR1", building: "B-OFFICE", bandwidth: .megabits(60), interface: .fe),
                OrderSite(name: "BR2", building: "B-FAR", bandwidth: .megabits(60), interface: .fe),
            ])
        let context = PlanningContext(
            network: PlanningFixture.network(),
            routerCheck: { site, _ in RouterAnswer(model: site.router, verdict: .ok) })
        return try Planner(context: context).plan(order)
    }

    @Test func flagsAHubOf100MForBranchesOf60MAnd60M() throws {
        let plan = try plan(hub: .megabits(100))
        let hub = plan.sites[0]
        // 60M + 60M = 120M > 100M: a short hub-access segment with both numbers and the rate to reach.
        #expect(
            hub.segments.last?.text
                == CheckText(
                    segment: "hub-access", status: "short",
                    reason: "the hub's access of 100M is below its branches' 120M together (BR1 60M + BR2 60M): "
                        + "upgrade the hub's access to at least 120M"))
        #expect(hub.outcome == .accessOptimisation)
    }

    @Test func namesTheFasterPortWhenTheSumPassesTheHubsInterface() throws {
        let hub = try plan(hub: .megabits(100), interface: .fe).sites[0]
        #expect(
            hub.segments.last?.reason
                == "the hub's access of 100M is below its branches' 120M together (BR1 60M + BR2 60M): upgrade the "
                + "hub's access to at least 120M; the upgrade needs a GE port (FE carries at most 100M)")
    }

    @Test func leavesAHubOf200MAlone() throws {
        let hub = try plan(hub: .megabits(200)).sites[0]
        #expect(!hub.segments.contains { $0.segment == .hubAccess })
        #expect(hub.segments.allSatisfy { $0.status == .ok })
        #expect(hub.outcome == .available)
    }

    @Test func readsBackTheOrdersDetailsItWrote() throws {
        var order = try PlanningFixture.order(
            .internet,
            sites: [
                OrderSite(
                    name: "Office", address: "武汉市东湖新技术开发区关山大道1号", contact: "李娜", phone: "+86 138 0713 5522",
                    building: "B-OFFICE", bandwidth: .megabits(50), interface: .fe)
            ])
        order.order.description = "第一行\n第二行"
        let context = PlanningContext(
            network: PlanningFixture.network(),
            routerCheck: { site, _ in RouterAnswer(model: site.router, verdict: .ok) })
        let plan = try Planner(context: context).plan(order)
        let text = plan.json.rendered()
        #expect(text.contains(#""description": "第一行\n第二行""#))
        #expect(text.contains(#""contact": "李娜","#))
        let saved = try Plan(savedJSON: Array(text.utf8), name: "plan.json")
        #expect(saved.order.description == "第一行\n第二行")
        #expect(saved.sites[0].address == "武汉市东湖新技术开发区关山大道1号")
        #expect(saved.sites[0].contact == "李娜")
        #expect(saved.sites[0].phone == "+86 138 0713 5522")
        #expect(saved.order.sites[0].contact == "李娜")
        // What is read back is written again the same way.
        let again = saved.json.rendered()
        for key in ["description", "address", "contact", "phone"] {
            let line = { (text: String) in text.split(separator: "\n").filter { $0.contains("\"\(key)\":") } }
            #expect(line(again) == line(text), "\(key)")
        }
    }
}
