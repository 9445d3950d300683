import Devices
import Ledger
import LocatedJSON
import NetAddress
import NetGraph
import Orders
import Planning
import TestSupport
import Testing

/// Addresses as the network is built: who is on each end of every block, and which pool it comes from.
@Suite struct AddressPlanTests {
    func plan(
        _ loaded: LoadedOrder, network: Network = PlanningFixture.network(), verdict: CapabilityVerdict.Kind = .ok
    ) throws
        -> Plan
    {
        try planOrder(loaded, network: network, verdict: verdict)
    }

    func site(
        _ name: String, building: String, bandwidth: Bandwidth, lan: LANRequest? = nil, publicLAN: Int? = nil,
        terminals: Int? = nil
    ) -> OrderSite {
        OrderSite(
            name: name, building: building, bandwidth: bandwidth, interface: .fe, router: "Cisco 1841", lan: lan,
            publicLAN: publicLAN, terminals: terminals)
    }

    @Test func splitsTheTerminalPoolIntoOneShareForEachGGSN() throws {
        let order = try PlanningFixture.order(
            .apn, sites: [site("HQ", building: "B-BANK", bandwidth: .megabits(2), lan: .hosts(30), terminals: 300)])
        let hq = try #require(try plan(order).sites.first)
        // 300 terminals → 431 addresses → a /23; two GGSNs → a /24 each, in GGSN id order.
        #expect(hq.addresses.apnPool?.description == "10.160.0.0/23")
        #expect(hq.tunnels.map { $0.pool?.description } == ["10.160.0.0/24", "10.160.1.0/24"])
        #expect(hq.tunnels.map(\.ggsn) == ["GGSN-1", "GGSN-2"])
        // The pool is held once, whole: the shares are its halves, not blocks of their own.
        #expect(hq.addressRequests.filter { $0.purpose == .apn }.map(\.length) == [23])
    }

    @Test func keepsAPoolTooSmallToSplitWholeOnEveryGGSN() throws {
        // 1 terminal → ⌈1.3⌉ = 2, + 10 % → 3 addresses + 2 = 5 → a /29; halves would be /30s: still split.
        let small = try PlanningFixture.order(
            .apn, sites: [site("HQ", building: "B-BANK", bandwidth: .megabits(2), terminals: 1)])
        let hq = try #require(try plan(small).sites.first)
        #expect(hq.addresses.apnPool?.description == "10.160.0.0/29")
        #expect(hq.tunnels.map { $0.pool?.description } == ["10.160.0.0/30", "10.160.0.4/30"])
        // With one GGSN there is nothing to split.
        var network = PlanningFixture.network()
        network.policy[.apnGGSNCount] = 1
        let single = try #require(try plan(small, network: network).sites.first)
        #expect(single.tunnels.map { $0.pool?.description } == [nil])
    }

    @Test func givesAnInternetLineAPublicWANAndThePublicLANItAsksFor() throws {
        let order = try PlanningFixture.order(
            .internet,
            sites: [site("Office", building: "B-OFFICE", bandwidth: .megabits(50), lan: .hosts(14), publicLAN: 6)])
        let office = try #require(try plan(order).sites.first)
        // The public pool 198.51.100.0/24: the WAN /30 first (CMNET .1, customer .2), then the lowest
        // aligned /29 after it; the private LAN still comes from the LAN pool.
        #expect(office.addresses.interconnect?.description == "198.51.100.0/30")
        #expect(office.addresses.publicLAN?.description == "198.51.100.8/29")
        #expect(office.addresses.lan?.description == "172.20.0.0/28")
        #expect(
            office.addressRequests.map { "\($0.pool.id) \($0.purpose.rawValue) /\($0.length)" } == [
                "PUB interconnect /30", "LAN lan /28", "PUB public-lan /29",
            ])
    }

    @Test func refusesAnInternetOrderOnANetworkWithoutAPublicPool() throws {
        var network = PlanningFixture.network()
        network.pools.removeAll { $0.purpose == .public }
        let order = try PlanningFixture.order(
            .internet, sites: [site("Office", building: "B-OFFICE", bandwidth: .megabits(50))])
        let error = #expect(throws: DiagnosticsError.self) { try plan(order, network: network) }
        #expect(
            error?.diagnostics.map(\.description) == [
                "order.json:1:1: error: the network has no public pool for an internet line: its WAN and any public"
                    + " LAN need CMNET public addresses; add a pool with \"purpose\": \"public\" to fixture (product)"
            ])
    }

    @Test func numbersEachBranchOnItsVLANAndGivesTheHubNoBlockOfItsOwn() throws {
        var network = PlanningFixture.network()
        network.policy[.hubVLANBase] = 200
        let order = try PlanningFixture.order(
            .interconnect,
            sites: [
                site("HQ", building: "B-BANK", bandwidth: .megabits(100), lan: .hosts(60)),
                site("A", building: "B-FAR", bandwidth: .megabits(10), lan: .hosts(14)),
                site("B", building: "B-OFFICE", bandwidth: .megabits(10), lan: .hosts(14)),
            ])
        let plan = try plan(order, network: network)
        #expect(plan.sites.map(\.hubVLAN) == [nil, 201, 202])
        #expect(plan.sites.map { $0.addresses.interconnect?.description } == [nil, "10.250.0.0/30", "10.250.0.4/30"])
        #expect(
            plan.sites.map { $0.addresses.lan?.description } == ["172.20.0.0/26", "172.20.0.64/28", "172.20.0.80/28"])
        #expect(plan.sites[0].addressRequests.map(\.purpose) == [.lan])
    }

    @Test func refusesABranchPastTheLastVLAN() throws {
        // hubVLANBase 4000: site 94 gets VLAN 4094, the last; site 95 would get 4095, which 802.1Q does not have.
        var network = PlanningFixture.network()
        network.policy[.hubVLANBase] = 4000
        // Room for 95 branch /30s (the fixture's /24 holds 64).
        network.pools.removeAll { $0.purpose == .interconnect }
        network.pools.append(Pool(id: "IC", purpose: .interconnect, prefix: try IPv4Prefix(parsing: "10.250.0.0/16")))
        let branches = (1...95).map { number in
            site("B\(number)", building: number % 2 == 0 ? "B-FAR" : "B-OFFICE", bandwidth: .megabits(1))
        }
        let order = try PlanningFixture.order(
            .interconnect, sites: [site("HQ", building: "B-BANK", bandwidth: .megabits(100))] + branches)
        let plan = try plan(order, network: network)
        #expect(plan.sites[94].hubVLAN == 4094)
        let last = plan.sites[95]
        #expect(last.hubVLAN == nil)
        #expect(last.outcome == .coreBuild)
        #expect(last.addresses.interconnect == nil)
        #expect(
            last.segments.last?.text
                == CheckText(
                    segment: "addresses", status: "short",
                    reason: "the hub's port has no 802.1Q VLAN left for this branch: VLAN 4095 is past 4094"
                        + " (hubVLANBase 4000 + site 95); split the order"))
    }
}
