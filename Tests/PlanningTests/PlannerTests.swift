import Devices
import Foundation
import Ledger
import LocatedJSON
import NetAddress
import NetGraph
import Orders
import Planning
import TestSupport
import Testing
import WorkCalendar

@Suite struct PlannerTests {
    func plan(
        _ loaded: LoadedOrder, network: Network = PlanningFixture.network(), verdict: CapabilityVerdict.Kind = .ok
    ) throws
        -> Plan
    {
        try planOrder(loaded, network: network, verdict: verdict)
    }

    func site(
        _ name: String, building: String, bandwidth: Bandwidth, interface: CustomerInterface = .fe,
        protection: Protection = .none, lan: LANRequest? = nil, terminals: Int? = nil
    ) -> OrderSite {
        OrderSite(
            name: name, building: building, bandwidth: bandwidth, interface: interface, protection: protection,
            router: "Cisco 1841", lan: lan, terminals: terminals)
    }

    @Test func plansABankAPNLineOverMSTPWithADiverseProtectionPath() throws {
        let lan = try IPv4Prefix(parsing: "10.88.0.0/24")
        let order = try PlanningFixture.order(
            .apn,
            sites: [
                site(
                    "HQ", building: "B-BANK", bandwidth: .megabits(2), protection: .diverse, lan: .prefix(lan),
                    terminals: 300)
            ])
        let plan = try plan(order, verdict: .needsAddressPair)
        let hq = try #require(plan.sites.first)
        #expect(hq.technology == .sdhMSTP)
        #expect(hq.accessNode == "MSAP")
        #expect(hq.qualificationReason == "0.5 km to MSAP, 6 FE ports free")
        #expect(hq.working?.nodes == ["B-BANK", "MSAP", "SDH-1", "SDH-GW", "GPRS-SW"])
        #expect(hq.working?.metres == 5750)
        #expect(hq.protectionPath?.nodes == ["B-BANK", "ACC-1", "ACC-2", "AGG-1", "AGG-2", "OTN", "GPRS-SW"])
        #expect(
            hq.segments.map(\.text) == [
                CheckText(segment: "end-access", status: "ok", reason: "0.5 km to MSAP, 6 FE ports free"),
                CheckText(segment: "access", status: "ok", reason: "2 links; tightest MSAP-UP: 53 VC-12 free"),
                CheckText(segment: "core", status: "ok", reason: "1 link; tightest GW-SW: 800M free"),
            ])
        #expect(hq.outcome == .available)
        #expect(hq.addresses.interconnect?.description == "10.250.0.0/30")
        #expect(hq.addresses.lan == lan)
        // 300 terminals × 1.3 = 390, + 10 % = 429 hosts, + network and broadcast = 431 → /23.
        #expect(hq.addresses.apnPool?.description == "10.160.0.0/23")
        #expect(hq.addresses.tunnels.map(\.description) == ["10.251.0.0/30", "10.251.0.4/30"])
        #expect(hq.tunnels.map(\.ggsn) == ["GGSN-1", "GGSN-2"])
        #expect(hq.tunnels.map(\.ggsnAddress.description) == ["10.252.0.1", "10.252.0.2"])
        #expect(hq.tunnels.first?.customerAddress?.description == "10.250.0.2")
        #expect(hq.repairHours == 48)
        // Received Wednesday 2026-09-30; 国庆 runs 10-01 to 10-08: two working days end on 10-09.
        #expect(plan.reply.outcome == .available)
        #expect(plan.reply.workingDays == 2)
        #expect(plan.reply.due.description == "2026-10-09")
    }

    @Test func putsASmallInternetLineOnPONWithinTheOpticalBudget() throws {
        let order = try PlanningFixture.order(
            .internet, sites: [site("Office", building: "B-OFFICE", bandwidth: .megabits(50))])
        let office = try #require(try plan(order).sites.first)
        #expect(office.technology == .pon)
        #expect(office.accessNode == "SPL")
        // 1.7 km × 0.35 dB + 14.0 dB (1:16) + 2 × 0.5 dB + 3 dB margin = 18.6 dB.
        #expect(
            office.qualificationReason
                == "splitter SPL on OLT, 6 branches free, optical loss 18.6 dB within the B+ budget of 28 dB")
        #expect(office.working?.nodes == ["B-OFFICE", "SPL", "OLT", "AGG-1", "AGG-2", "OTN", "CMNET"])
        #expect(
            office.alternatives.map { "\($0.technology.rawValue) \($0.status.rawValue)" }
                == ["pon qualified", "ptn unqualified", "sdh-mstp unqualified", "wlan unqualified"])
        #expect(office.alternatives[1].reason == "no last-mile fibre from the building to a PTN node")
    }

    @Test func sendsAFullAccessNodeToMaintenanceAndCountsThePoints() throws {
        // B-FAR's access node ACC-2 has all 8 FE ports in use.
        let one = try PlanningFixture.order(
            .interconnect,
            sites: [
                site("HQ", building: "B-BANK", bandwidth: .megabits(100), interface: .ge),
                site("Branch", building: "B-FAR", bandwidth: .megabits(20)),
            ])
        let planOne = try plan(one)
        #expect(planOne.sites[0].role == .hub)
        #expect(planOne.sites[0].qualificationReason == "0.3 km to ACC-1, 8 GE ports free")
        #expect(planOne.sites[1].working?.nodes == ["B-FAR", "ACC-2", "ACC-1", "B-BANK"])
        #expect(
            planOne.sites[1].segments.first?.text
                == CheckText(
                    segment: "end-access", status: "short",
                    reason: "2 km to ACC-2, but no free FE port (8 in use): maintenance must add a card"))
        #expect(planOne.sites[1].outcome == .accessOptimisation)
        #expect(planOne.sites[1].repairHours == 72)
        #expect(planOne.reply.outcome == .accessOptimisation)
        #expect(planOne.reply.due.description == "2026-10-09")
        // Two points needing optimisation: five working days, and 10-10 is a make-up Saturday.
        let two = try PlanningFixture.order(
            .interconnect,
            sites: [
                site("HQ", building: "B-BANK", bandwidth: .megabits(100), interface: .ge),
                site("Branch A", building: "B-FAR", bandwidth: .megabits(20)),
                site("Branch B", building: "B-FAR", bandwidth: .megabits(20)),
            ])
        let planTwo = try plan(two)
        #expect(planTwo.reply.accessPoints == 2)
        #expect(planTwo.reply.workingDays == 5)
        #expect(planTwo.reply.due.description == "2026-10-13")
    }

    @Test func sendsAFullAggregationRingToEngineering() throws {
        let network = PlanningFixture.network(aggregationCommitted: .megabits(7950))
        let order = try PlanningFixture.order(
            .internet, sites: [site("HQ", building: "B-BANK", bandwidth: .megabits(100))])
        let plan = try plan(order, network: network)
        let hq = try #require(plan.sites.first)
        #expect(hq.technology == .ptn)
        #expect(hq.working == nil)
        #expect(
            hq.segments.last?.text
                == CheckText(
                    segment: "aggregation", status: "short",
                    reason: "100M is blocked in the aggregation segment: link 'AGG-L1' (AGG-1–AGG-2) 100M asked, "
                        + "50M free (7.95G committed of 10G, limit 80 %)"))
        #expect(hq.outcome == .coreBuild)
        // Three working days from Wednesday 09-30: 10-09 (Fri) and 10-10 (make-up Saturday).
        #expect(plan.reply.outcome == .coreBuild)
        #expect(plan.reply.due.description == "2026-10-10")
    }

    @Test func letsEachSiteSeeWhatTheEarlierOnesTook() throws {
        // ACC-L1 has 100M left under its 70 % limit: the first 60M branch fits, the second does not.
        let network = PlanningFixture.network(accessCommitted: .megabits(600))
        let order = try PlanningFixture.order(
            .interconnect,
            sites: [
                site("HQ", building: "B-BANK", bandwidth: .megabits(200), interface: .ge),
                site("Branch A", building: "B-FAR", bandwidth: .megabits(60), interface: .ge),
                site("Branch B", building: "B-FAR", bandwidth: .megabits(60), interface: .ge),
            ])
        let plan = try plan(order, network: network)
        #expect(plan.sites[1].working != nil)
        #expect(plan.sites[1].outcome == .available)
        #expect(plan.sites[2].working == nil)
        #expect(
            plan.sites[2].segments.last?.reason
                == "60M is blocked in the access segment: link 'ACC-L1' (ACC-1–ACC-2) 60M asked, 40M free "
                + "(660M committed of 1G, limit 70 %)")
        #expect(plan.sites[2].outcome == .accessOptimisation)
        // A /30 per branch, between the branch router and the hub router (the hub has none of its own),
        // handed out in site order and only to lines that can be built today; each branch on its VLAN.
        #expect(plan.sites.map { $0.addresses.interconnect?.description } == [nil, "10.250.0.0/30", nil])
        #expect(plan.sites.map(\.hubVLAN) == [nil, 101, nil])
    }

    @Test func waitsForASolutionTemplateWhenTheProductIsNotMature() throws {
        let order = try PlanningFixture.order(
            .internet, mature: false, sites: [site("Office", building: "B-OFFICE", bandwidth: .megabits(50))])
        let plan = try plan(order)
        // The template first: 3 working days from Wednesday 2026-09-30, across 国庆 (10-01 to 10-08 off, 10-10 a
        // make-up Saturday), due Saturday 10-10; the resource reply (available, 2) is counted from it: 10-12, 10-13.
        #expect(plan.reply.templateWorkingDays == 3)
        #expect(plan.reply.templateDue?.description == "2026-10-10")
        #expect(plan.reply.outcome == .available)
        #expect(plan.reply.due.description == "2026-10-13")
        #expect(
            plan.warnings.map(\.english).contains(
                "a non-mature product: the solution template comes first (3 working days, due 2026-10-10); the"
                    + " resource reply is counted from it"))
    }

    @Test func refusesAnUnknownBuildingWithItsPosition() throws {
        let order = try PlanningFixture.order(
            .internet, sites: [site("X", building: "B-NOWHERE", bandwidth: .megabits(10))])
        let error = #expect(throws: DiagnosticsError.self) { try plan(order) }
        #expect(error?.diagnostics.map(\.message) == ["unknown building 'B-NOWHERE' (not in fixture)"])
    }

    @Test func givesTheSameBytesEveryTime() throws {
        let order = try PlanningFixture.order(
            .interconnect,
            sites: [
                site("HQ", building: "B-BANK", bandwidth: .megabits(100), interface: .ge, protection: .diverse),
                site("Branch", building: "B-FAR", bandwidth: .megabits(20)),
            ])
        let first = try plan(order).json.rendered()
        let second = try plan(order).json.rendered()
        #expect(first == second)
    }

    @Test func rendersALargePlanOnAllCoresToTheSameBytes() throws {
        let sites = (0..<80).map { number in
            site("S\(number)", building: number % 2 == 0 ? "B-OFFICE" : "B-BANK", bandwidth: .megabits(1))
        }
        let plan = try plan(try PlanningFixture.order(.internet, sites: sites))
        #expect(plan.sites.count == 80)
        #expect(plan.renderedJSON == plan.json.rendered())
    }
}
