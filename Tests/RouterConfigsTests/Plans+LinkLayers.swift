import Devices
import NetAddress
import RouterConfigs

/// The lines of issue 9: E1 and V.35 handovers, an interconnect hub on 802.1Q sub-interfaces, per-GGSN
/// pool shares and a public block on an internet line's LAN.
extension Plans {
    /// The E1 controller and its channel-0 serial per dialect: a VWIC2-1MFT-T1/E1 in an 1841, an E1 card
    /// in slot 1 of an AR28-11 or an AR1220.
    static func e1(_ dialect: ConfigDialect) -> (controller: String, serial: String, lan: String) {
        switch dialect {
        case .ios: ("0/0/0", "Serial0/0/0:0", "FastEthernet0/0")
        case .vrp3: ("1/0", "Serial1/0:0", "Ethernet0/0")
        case .vrp5: ("1/0/0", "Serial1/0/0:0", "GigabitEthernet0/0/0")
        }
    }

    /// The APN line of the tests on a 2M E1 (all 31 timeslots) instead of Ethernet.
    static func apnOverE1(_ dialect: ConfigDialect) throws -> ConfigIntent {
        let ports = e1(dialect)
        var intent = try apn(dialect)
        intent.wan = .init(
            name: ports.serial, address: try address("10.250.0.2"), block: try prefix("10.250.0.0/30"),
            peer: try address("10.250.0.1"), link: .e1(controller: ports.controller, timeslots: 1...31))
        intent.lan.name = ports.lan
        return intent
    }

    /// The APN line with its /23 pool split into a /24 per GGSN.
    static func apnWithShares(_ dialect: ConfigDialect) throws -> ConfigIntent {
        let base = try apn(dialect)
        return ConfigIntent.apn(
            dialect: dialect, hostname: base.hostname, lineID: base.lineID, customer: base.customer, site: base.site,
            wan: base.wan, wanPeer: base.wanPeer, lan: base.lan, tunnels: base.tunnels,
            pool: try prefix("10.200.0.0/23"),
            poolShares: [try prefix("10.200.0.0/24"), try prefix("10.200.1.0/24")])
    }

    /// An interconnect branch on a V.35 port of a WIC-1T in an 1841.
    static func branchOverV35() throws -> ConfigIntent {
        var intent = try interconnect(.ios)
        intent.wan = .init(
            name: "Serial0/0/0", address: try address("10.0.0.1"), block: try prefix("10.0.0.0/30"),
            peer: try address("10.0.0.2"), link: .serial)
        intent.lan.name = "FastEthernet0/0"
        return intent
    }

    /// The trunk port and LAN of the hub per dialect.
    static func hubPorts(_ dialect: ConfigDialect) -> (trunk: String, lan: String) {
        switch dialect {
        case .ios: ("FastEthernet0/0", "FastEthernet0/1")
        case .vrp3: ("Ethernet0/0", "Ethernet0/1")
        case .vrp5: ("GigabitEthernet0/0/0", "GigabitEthernet0/0/1")
        }
    }

    /// An interconnect hub with three branches, each on VLAN 101, 102, 103 of the trunk port and its own /30
    /// (hub the first host, branch the second), each branch LAN routed through its branch.
    static func hub(_ dialect: ConfigDialect) throws -> ConfigIntent {
        let ports = hubPorts(dialect)
        var wans: [ConfigIntent.Interface] = []
        var routes: [ConfigIntent.Route] = []
        for (offset, branch) in ["A", "B", "C"].enumerated() {
            let block = try prefix("10.0.0.\(offset * 4)/30")
            let peer = IPv4Address(block.firstHost.value + 1)
            wans.append(
                .init(
                    name: "\(ports.trunk).\(101 + offset)", address: block.firstHost, block: block,
                    description: "to branch SITE-\(branch), line ORD-2026-0060/\(branch)", peer: peer,
                    link: .dot1Q(vlan: 101 + offset, parent: ports.trunk)))
            routes.append(.init(prefix: try prefix("192.168.\(20 + offset * 10).0/24"), nextHop: .address(peer)))
        }
        return ConfigIntent.interconnectHub(
            dialect: dialect, hostname: "HUB", lineID: "ORD-2026-0060/HUB", customer: "武汉地铁", site: "HUB",
            wans: wans,
            lan: .init(name: ports.lan, address: try address("192.168.10.1"), block: try prefix("192.168.10.0/24")),
            routes: routes)
    }

    /// The internet line of the tests with a public /29 on the LAN beside the private /24.
    static func internetWithPublicLAN(_ dialect: ConfigDialect) throws -> ConfigIntent {
        var base = try internet(dialect)
        base.lan.secondaries = [try prefix("198.51.100.8/29")]
        return ConfigIntent.internet(
            dialect: dialect, hostname: base.hostname, lineID: base.lineID, customer: base.customer, site: base.site,
            wan: base.wan, wanPeer: base.wanPeer, lan: base.lan)
    }

    /// Every case of issue 9 with its golden file's name.
    static func linkLayerCases() throws -> [(name: String, intent: ConfigIntent)] {
        var cases: [(String, ConfigIntent)] = []
        for dialect in ConfigDialect.allCases {
            cases.append(("apn-e1.\(dialect.rawValue).cfg", try apnOverE1(dialect)))
            cases.append(("hub-dot1q.\(dialect.rawValue).cfg", try hub(dialect)))
            cases.append(("apn-shares.\(dialect.rawValue).cfg", try apnWithShares(dialect)))
            cases.append(("internet-public-lan.\(dialect.rawValue).cfg", try internetWithPublicLAN(dialect)))
        }
        cases.append(("branch-v35.ios.cfg", try branchOverV35()))
        return cases
    }
}
