import Devices
import NetAddress
import RouterConfigs
import Testing

/// The read-back checker on deliberately broken configurations: each mismatch names its line.
@Suite struct ReadBackTests {
    /// Reads a (modified) configuration back and checks it against the intent.
    func problems(_ text: String, _ intent: ConfigIntent) -> [String] {
        ConfigChecker.check(ConfigReader.read(text, dialect: intent.dialect, file: intent.fileName), against: intent)
            .map(\.description)
    }

    @Test func everyRenderedConfigurationReadsBackClean() throws {
        let renderer = try Plans.renderer()
        for dialect in ConfigDialect.allCases {
            for intent in [
                try Plans.apn(dialect), try Plans.apn(dialect, numbered: true), try Plans.internet(dialect),
                try Plans.internet(dialect, publicWAN: false), try Plans.interconnect(dialect),
            ] {
                let config = try renderer.render(intent)
                #expect(problems(config.text, intent).isEmpty)
                #expect(config.parsed.interfaces.count == 2 + intent.tunnels.count)
                #expect(config.parsed.routes.count == intent.routes.count)
            }
        }
    }

    @Test func aWrongTunnelDestination() throws {
        let intent = try Plans.apn(.ios)
        let text = Plans.replacing(
            " tunnel destination 172.16.100.1", with: " tunnel destination 172.16.100.9",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "HQ.ios.cfg:21: error: Tunnel0 destination is 172.16.100.9; the plan has 172.16.100.1 (GGSN-01)"
            ])
    }

    @Test func aMissingACL() throws {
        let intent = try Plans.internet(.ios)
        let text = try Plans.renderer().render(intent).text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("access-list 101") }.joined(separator: "\n")
        #expect(
            problems(text, intent) == [
                "SHOP-7.ios.cfg:9: error: FastEthernet0/0 filters inbound with ACL 101, which the configuration does"
                    + " not define"
            ])
    }

    @Test func aMissingNATACLOnVRP() throws {
        let intent = try Plans.internet(.vrp5)
        let text = Plans.replacing(
            "acl number 2000\n rule 5 permit source 192.168.1.0 0.0.0.255\n quit\n", with: "",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "SHOP-7.vrp5.cfg:14: error: GigabitEthernet0/0/0 translates the sources of ACL 2000, which the"
                    + " configuration does not define"
            ])
    }

    @Test func anAddressOutsideItsBlock() throws {
        let intent = try Plans.apn(.vrp3)
        let text = Plans.replacing(
            " ip address 10.250.0.2 255.255.255.252", with: " ip address 10.250.1.2 255.255.255.252",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "HQ.vrp3.cfg:5: error: Ethernet0/0 (WAN) address 10.250.1.2 lies outside its block 10.250.0.0/30;"
                    + " the plan has 10.250.0.2"
            ])
    }

    @Test func anAddressOutsideItsBlockMovesAnInterfaceSourcedTunnelToo() throws {
        let intent = try Plans.apn(.ios)
        let text = Plans.replacing(
            " ip address 10.250.0.2 255.255.255.252", with: " ip address 10.250.1.2 255.255.255.252",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "HQ.ios.cfg:6: error: FastEthernet0/0 (WAN) address 10.250.1.2 lies outside its block 10.250.0.0/30;"
                    + " the plan has 10.250.0.2",
                "HQ.ios.cfg:20: error: Tunnel0 source is FastEthernet0/0 (10.250.1.2); the plan has 10.250.0.2 (the"
                    + " WAN address)",
                "HQ.ios.cfg:30: error: Tunnel1 source is FastEthernet0/0 (10.250.1.2); the plan has 10.250.0.2 (the"
                    + " WAN address)",
            ])
    }

    @Test func aDuplicatedAddress() throws {
        let intent = try Plans.apn(.ios, numbered: true)
        let text = Plans.replacing(
            " ip address 10.255.0.6 255.255.255.252", with: " ip address 10.255.0.2 255.255.255.252",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "HQ.ios.cfg:26: error: Tunnel1 address 10.255.0.2 lies outside its block 10.255.0.4/30; the plan has"
                    + " 10.255.0.6",
                "HQ.ios.cfg:26: error: address 10.255.0.2 of Tunnel1 is also on Tunnel0 (line 16)",
            ])
    }

    @Test func aGGSNRoutedIntoItsOwnTunnel() throws {
        let intent = try Plans.apn(.ios)
        let text = Plans.replacing(
            "ip route 172.16.100.1 255.255.255.255 10.250.0.1", with: "ip route 172.16.100.1 255.255.255.255 Tunnel0",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "HQ.ios.cfg: error: the route to 172.16.100.1/32 through 10.250.0.1 is missing",
                "HQ.ios.cfg:34: error: the route to 172.16.100.1/32 through Tunnel0 is not in the plan",
                "HQ.ios.cfg:34: error: the route to 172.16.100.1 (GGSN-01's tunnel destination) goes through Tunnel0,"
                    + " so the tunnel would run through itself; it must go through the WAN next hop 10.250.0.1",
            ])
    }

    @Test func anUndefinedInterfaceAndAWrongKeepalive() throws {
        let intent = try Plans.apn(.vrp5)
        var text = try Plans.renderer().render(intent).text
        text = Plans.replacing(
            " ip address unnumbered interface GigabitEthernet0/0/0",
            with: " ip address unnumbered interface GigabitEthernet0/0/9", in: text)
        text = Plans.replacing(
            " keepalive period 10 retry-times 3", with: " keepalive period 5 retry-times 3", in: text)
        #expect(
            problems(text, intent) == [
                "HQ.vrp5.cfg:14: error: Tunnel0/0/0 borrows the address of GigabitEthernet0/0/9; the plan borrows"
                    + " GigabitEthernet0/0/0 (WAN)",
                "HQ.vrp5.cfg:17: error: Tunnel0/0/0 keepalive is 5 s × 3; the plan has 10 s × 3",
                "HQ.vrp5.cfg:14: error: Tunnel0/0/0 borrows the address of GigabitEthernet0/0/9, which the"
                    + " configuration does not define",
            ])
    }

    @Test func anACLThatDiffersFromThePlan() throws {
        let intent = try Plans.internet(.vrp3, publicWAN: false)
        var text = try Plans.renderer().render(intent).text
        text = Plans.replacing(" rule 0 permit ip source 10.250.0.4 0.0.0.3\n", with: "", in: text)
        text = Plans.replacing("firewall enable\n", with: "", in: text)
        #expect(
            problems(text, intent) == [
                "SHOP-7.vrp3.cfg:7: error: ACL 3000 entry 1 is 'deny 10.0.0.0/8'; the plan has 'permit 10.250.0.4/30'",
                "SHOP-7.vrp3.cfg:8: error: ACL 3000 entry 2 is 'deny 172.16.0.0/12'; the plan has 'deny 10.0.0.0/8'",
                "SHOP-7.vrp3.cfg:9: error: ACL 3000 entry 3 is 'deny 192.168.0.0/16'; the plan has 'deny 172.16.0.0/12'",
                "SHOP-7.vrp3.cfg:10: error: ACL 3000 entry 4 is 'deny 127.0.0.0/8'; the plan has 'deny 192.168.0.0/16'",
                "SHOP-7.vrp3.cfg:11: error: ACL 3000 entry 5 is 'permit any'; the plan has 'deny 127.0.0.0/8'",
                "SHOP-7.vrp3.cfg:11: error: ACL 3000 ends after 5 entries; the plan continues with 'permit any'",
                "SHOP-7.vrp3.cfg: error: 'firewall enable' is missing; VRP 3 applies no packet filter without it",
            ])
    }

    @Test func aHostnameAndAnExtraInterface() throws {
        let intent = try Plans.interconnect(.ios)
        var text = try Plans.renderer().render(intent).text
        text = Plans.replacing("hostname SITE-A", with: "hostname SITE-B", in: text)
        text = Plans.replacing(
            "!\nip route", with: "!\ninterface Loopback0\n ip address 10.0.0.1 255.255.255.255\n!\nip route", in: text)
        #expect(
            problems(text, intent) == [
                "SITE-A.ios.cfg:1: error: hostname is 'SITE-B'; the plan has 'SITE-A'",
                "SITE-A.ios.cfg:15: error: Loopback0 has address 10.0.0.1, which is in no block of the plan",
                "SITE-A.ios.cfg:15: error: address 10.0.0.1 of Loopback0 is also on FastEthernet0/0 (line 6)",
            ])
    }

    @Test func unreadableCommandsAreProblemsAtTheirLine() throws {
        let intent = try Plans.interconnect(.vrp3)
        let text = Plans.replacing(
            "ip route-static 192.168.20.0 255.255.255.0 10.0.0.2",
            with: "ip route-static 192.168.20.0 255.255.255.0 10.0.0.256",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "SITE-A.vrp3.cfg:11: error: cannot read 'ip route-static 192.168.20.0 255.255.255.0 10.0.0.256':"
                    + " '10.0.0.256' is neither an address nor an interface",
                "SITE-A.vrp3.cfg: error: the route to 192.168.20.0/24 through 10.0.0.2 is missing",
            ])
    }
}
