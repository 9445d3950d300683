import Devices
import Ledger
import LocatedJSON
import NetAddress
import NetGraph
import Orders
import Planning
import TestSupport
import Testing

/// Rules of the planner an engineer applies without thinking (issue 10), on the hand-drawn fixture.
@Suite struct PlanningRuleTests {
    func plan(
        _ loaded: LoadedOrder, network: Network = PlanningFixture.network(), verdict: CapabilityVerdict.Kind = .ok
    ) throws
        -> Plan
    {
        try planOrder(loaded, network: network, verdict: verdict)
    }

    @Test func putsNoAPNHeadquartersOnPON() throws {
        // B-OFFICE has only a PON drop: an APN line there is construction, not a PON line.
        let order = try PlanningFixture.order(
            .apn,
            sites: [
                OrderSite(
                    name: "HQ", building: "B-OFFICE", bandwidth: .megabits(2), interface: .fe, router: "Cisco 1841",
                    terminals: 50)
            ])
        let hq = try #require(try plan(order).sites.first)
        #expect(hq.technology == nil)
        #expect(hq.outcome == .coreBuild)
        #expect(
            hq.alternatives.map { "\($0.technology.rawValue): \($0.reason)" } == [
                "sdh-mstp: no last-mile fibre from the building to an MSAP or SDH node",
                "ptn: no last-mile fibre from the building to a PTN node",
                "pon: an APN line is a 2M MSTP (or PTN) circuit into the GPRS-VPN room; PON does not carry it",
                "wlan: WLAN is an add-on, not an SLA-bearing access by itself",
            ])
        #expect(hq.addresses == PlannedAddresses())
    }

    @Test func holdsNothingForACoreBuildThatHasAPath() throws {
        // No SDH/MSTP node within 1 km of B-FAR: the handbook's caution sends the APN line to engineering,
        // although a PTN path exists. It holds no port, bandwidth, timeslot or address.
        var network = PlanningFixture.network()
        network.policy[.msapReachKm] = 1
        let order = try PlanningFixture.order(
            .apn,
            sites: [
                OrderSite(
                    name: "HQ", building: "B-FAR", bandwidth: .megabits(2), interface: .ge, router: "Cisco 1841",
                    lan: .hosts(10), terminals: 50)
            ])
        let hq = try #require(try plan(order, network: network).sites.first)
        #expect(hq.working != nil)
        #expect(hq.outcome == .coreBuild)
        #expect(!hq.isServed)
        #expect(hq.reservations.isEmpty)
        #expect(hq.addressRequests.isEmpty)
        #expect(hq.addresses == PlannedAddresses())
        #expect(hq.tunnels.isEmpty)
    }

    @Test func holdsNoAddressWhenAPoolHasNoRoom() throws {
        // The APN pool is a /30: 300 terminals need a /23. The site is a core build naming the pool, and the
        // interconnect /30 it would have had stays free for the next site.
        var network = PlanningFixture.network()
        network.pools.removeAll { $0.purpose == .apn }
        network.pools.append(Pool(id: "TINY", purpose: .apn, prefix: try IPv4Prefix(parsing: "10.160.0.0/30")))
        let order = try PlanningFixture.order(
            .apn,
            sites: [
                OrderSite(
                    name: "HQ", building: "B-BANK", bandwidth: .megabits(2), interface: .fe, router: "Cisco 1841",
                    lan: .hosts(10), terminals: 300)
            ])
        let hq = try #require(try plan(order, network: network).sites.first)
        #expect(hq.outcome == .coreBuild)
        #expect(hq.segments.last?.segment == .addresses)
        #expect(hq.segments.last?.reason.hasPrefix("pool TINY (10.160.0.0/30) cannot give 1 /23") == true)
        #expect(hq.addresses == PlannedAddresses())
        #expect(hq.reservations.isEmpty)
        #expect(hq.addressRequests.isEmpty)
    }

    func located(_ bandwidth: Bandwidth, _ interface: CustomerInterface) -> OrderSite {
        OrderSite(
            name: "Kiosk", location: Location(x: 2.9, y: 0.1), bandwidth: bandwidth, interface: interface,
            router: "Cisco 1841")
    }

    @Test func servesASiteByLocationFromTheNearestNodeWithAFreePort() throws {
        var network = PlanningFixture.network()
        network.policy[.ponMaxDownMbps] = 10
        // The nearest PTN node, AGG-1 (0.14 km), has no customer ports; ACC-2 (1.082 km × 1.3) has GE free.
        let ge = try #require(
            try plan(try PlanningFixture.order(.internet, sites: [located(.megabits(200), .ge)]), network: network)
                .sites.first)
        #expect(ge.technology == .ptn)
        #expect(ge.accessNode == "ACC-2")
        #expect(ge.qualificationReason == "needs 1.406 km of new fibre to ACC-2; 1.406 km to ACC-2, 8 GE ports free")
        // For FE, ACC-2's FE ports are all in use: ACC-1 (2.717 km × 1.3) has FE free.
        let fe = try #require(
            try plan(try PlanningFixture.order(.internet, sites: [located(.megabits(50), .fe)]), network: network)
                .sites.first)
        #expect(fe.accessNode == "ACC-1")
        #expect(fe.qualificationReason == "needs 3.532 km of new fibre to ACC-1; 3.532 km to ACC-1, 6 FE ports free")
    }
}
