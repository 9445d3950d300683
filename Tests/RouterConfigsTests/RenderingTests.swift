import Devices
import NetAddress
import RouterConfigs
import Testing

/// Whole configurations per product and dialect, compared line by line with hand-written text.
@Suite struct RenderingTests {
    @Test func cisco1841APNUnnumbered() throws {
        let config = try Plans.renderer().render(try Plans.apn(.ios))
        #expect(config.fileName == "HQ.ios.cfg")
        expectLines(
            config.text,
            """
            hostname ABC-WH-HQ
            service password-encryption
            !
            interface FastEthernet0/0
             description WAN to GPRS-VPN access, line ORD-2026-0042/HQ
             ip address 10.250.0.2 255.255.255.252
             no shutdown
            !
            interface FastEthernet0/1
             description LAN, line ORD-2026-0042/HQ
             ip address 192.168.10.1 255.255.255.0
             no shutdown
            !
            interface Tunnel0
             description GRE to GGSN-01
             ip unnumbered FastEthernet0/0
             ip mtu 1476
             ip tcp adjust-mss 1436
             keepalive 10 3
             tunnel source FastEthernet0/0
             tunnel destination 172.16.100.1
             tunnel mode gre ip
            !
            interface Tunnel1
             description GRE to GGSN-02
             ip unnumbered FastEthernet0/0
             ip mtu 1476
             ip tcp adjust-mss 1436
             keepalive 10 3
             tunnel source FastEthernet0/0
             tunnel destination 172.16.101.1
             tunnel mode gre ip
            !
            ip route 172.16.100.1 255.255.255.255 10.250.0.1
            ip route 172.16.101.1 255.255.255.255 10.250.0.1
            ip route 10.200.0.0 255.255.254.0 Tunnel0
            ip route 10.200.0.0 255.255.254.0 Tunnel1
            !
            end

            """)
    }

    @Test func cisco1841APNWithTunnelAddressPairs() throws {
        var intent = try Plans.apn(.ios, numbered: true)
        intent.banner = "Authorized access only"
        let config = try Plans.renderer().render(intent)
        expectLines(
            config.text,
            """
            hostname ABC-WH-HQ
            service password-encryption
            !
            interface FastEthernet0/0
             description WAN to GPRS-VPN access, line ORD-2026-0042/HQ
             ip address 10.250.0.2 255.255.255.252
             no shutdown
            !
            interface FastEthernet0/1
             description LAN, line ORD-2026-0042/HQ
             ip address 192.168.10.1 255.255.255.0
             no shutdown
            !
            interface Tunnel0
             description GRE to GGSN-01
             ip address 10.255.0.2 255.255.255.252
             ip mtu 1476
             ip tcp adjust-mss 1436
             keepalive 10 3
             tunnel source FastEthernet0/0
             tunnel destination 172.16.100.1
             tunnel mode gre ip
            !
            interface Tunnel1
             description GRE to GGSN-02
             ip address 10.255.0.6 255.255.255.252
             ip mtu 1476
             ip tcp adjust-mss 1436
             keepalive 10 3
             tunnel source FastEthernet0/0
             tunnel destination 172.16.101.1
             tunnel mode gre ip
            !
            ip route 172.16.100.1 255.255.255.255 10.250.0.1
            ip route 172.16.101.1 255.255.255.255 10.250.0.1
            ip route 10.200.0.0 255.255.254.0 Tunnel0
            ip route 10.200.0.0 255.255.254.0 Tunnel1
            !
            banner motd #Authorized access only#
            !
            end

            """)
    }

    @Test func huaweiAR2811APN() throws {
        let config = try Plans.renderer().render(try Plans.apn(.vrp3))
        #expect(config.fileName == "HQ.vrp3.cfg")
        expectLines(
            config.text,
            """
            system-view
            sysname ABC-WH-HQ
            interface Ethernet0/0
             description WAN to GPRS-VPN access, line ORD-2026-0042/HQ
             ip address 10.250.0.2 255.255.255.252
             quit
            interface Ethernet0/1
             description LAN, line ORD-2026-0042/HQ
             ip address 192.168.10.1 255.255.255.0
             quit
            interface Tunnel0
             description GRE to GGSN-01
             tunnel-protocol gre
             ip address unnumbered interface Ethernet0/0
             source 10.250.0.2
             destination 172.16.100.1
             keepalive 10 3
             mtu 1476
             quit
            interface Tunnel1
             description GRE to GGSN-02
             tunnel-protocol gre
             ip address unnumbered interface Ethernet0/0
             source 10.250.0.2
             destination 172.16.101.1
             keepalive 10 3
             mtu 1476
             quit
            ip route-static 172.16.100.1 255.255.255.255 10.250.0.1
            ip route-static 172.16.101.1 255.255.255.255 10.250.0.1
            ip route-static 10.200.0.0 255.255.254.0 Tunnel0
            ip route-static 10.200.0.0 255.255.254.0 Tunnel1
            return
            save
            y

            """)
    }

    @Test func huaweiAR1220APNNumberedWithAKey() throws {
        var intent = try Plans.apn(.vrp5, numbered: true)
        intent.tunnels[1] = .init(
            ggsn: "GGSN-02", destination: try Plans.address("172.16.101.1"), inner: try Plans.prefix("10.255.0.4/30"),
            key: 1002)
        let config = try Plans.renderer().render(intent)
        expectLines(
            config.text,
            """
            system-view
            sysname ABC-WH-HQ
            interface GigabitEthernet0/0/0
             description WAN to GPRS-VPN access, line ORD-2026-0042/HQ
             ip address 10.250.0.2 255.255.255.252
             quit
            interface GigabitEthernet0/0/1
             description LAN, line ORD-2026-0042/HQ
             ip address 192.168.10.1 255.255.255.0
             quit
            interface Tunnel0/0/0
             description GRE to GGSN-01
             tunnel-protocol gre
             ip address 10.255.0.2 255.255.255.252
             source 10.250.0.2
             destination 172.16.100.1
             keepalive period 10 retry-times 3
             mtu 1476
             tcp adjust-mss 1436
             quit
            interface Tunnel0/0/1
             description GRE to GGSN-02
             tunnel-protocol gre
             ip address 10.255.0.6 255.255.255.252
             source 10.250.0.2
             destination 172.16.101.1
             keepalive period 10 retry-times 3
             mtu 1472
             tcp adjust-mss 1432
             gre key 1002
             quit
            ip route-static 172.16.100.1 255.255.255.255 10.250.0.1
            ip route-static 172.16.101.1 255.255.255.255 10.250.0.1
            ip route-static 10.200.0.0 255.255.254.0 Tunnel0/0/0
            ip route-static 10.200.0.0 255.255.254.0 Tunnel0/0/1
            return
            save
            y

            """)
    }

    @Test func internetWithNATOnIOS() throws {
        let config = try Plans.renderer().render(try Plans.internet(.ios))
        expectLines(
            config.text,
            """
            hostname DIA-SHOP-7
            service password-encryption
            !
            access-list 1 permit 192.168.1.0 0.0.0.255
            access-list 101 deny   ip 10.0.0.0 0.255.255.255 any
            access-list 101 deny   ip 172.16.0.0 0.15.255.255 any
            access-list 101 deny   ip 192.168.0.0 0.0.255.255 any
            access-list 101 deny   ip 127.0.0.0 0.255.255.255 any
            access-list 101 permit ip any any
            !
            interface FastEthernet0/0
             description WAN to CMNET, line ORD-2026-0051/SHOP-7
             ip address 203.0.113.2 255.255.255.252
             ip access-group 101 in
             ip nat outside
             no shutdown
            !
            interface FastEthernet0/1
             description LAN, line ORD-2026-0051/SHOP-7
             ip address 192.168.1.1 255.255.255.0
             ip nat inside
             no shutdown
            !
            ip route 0.0.0.0 0.0.0.0 203.0.113.1
            !
            ip nat inside source list 1 interface FastEthernet0/0 overload
            !
            end

            """)
    }

    @Test func internetOnACisco881WithAPrivateWAN() throws {
        let intent = try Plans.internet(.ios, publicWAN: false, ports: ("FastEthernet4", "Vlan1"))
        let text = try Plans.renderer().render(intent).text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(
            Array(lines[3..<10]) == [
                "access-list 1 permit 192.168.1.0 0.0.0.255",
                "access-list 101 permit ip 10.250.0.4 0.0.0.3 any",
                "access-list 101 deny   ip 10.0.0.0 0.255.255.255 any",
                "access-list 101 deny   ip 172.16.0.0 0.15.255.255 any",
                "access-list 101 deny   ip 192.168.0.0 0.0.255.255 any",
                "access-list 101 deny   ip 127.0.0.0 0.255.255.255 any",
                "access-list 101 permit ip any any",
            ])
        #expect(lines.contains("interface Vlan1"))
        #expect(lines.contains("ip nat inside source list 1 interface FastEthernet4 overload"))
    }

    @Test func internetWithEasyIPOnVRP3() throws {
        let config = try Plans.renderer().render(try Plans.internet(.vrp3, publicWAN: false))
        expectLines(
            config.text,
            """
            system-view
            sysname DIA-SHOP-7
            firewall enable
            acl number 2000
             rule 0 permit source 192.168.1.0 0.0.0.255
             quit
            acl number 3000
             rule 0 permit ip source 10.250.0.4 0.0.0.3
             rule 1 deny ip source 10.0.0.0 0.255.255.255
             rule 2 deny ip source 172.16.0.0 0.15.255.255
             rule 3 deny ip source 192.168.0.0 0.0.255.255
             rule 4 deny ip source 127.0.0.0 0.255.255.255
             rule 5 permit ip
             quit
            interface Ethernet0/0
             description WAN to CMNET, line ORD-2026-0051/SHOP-7
             ip address 10.250.0.6 255.255.255.252
             firewall packet-filter 3000 inbound
             nat outbound 2000
             quit
            interface Ethernet0/1
             description LAN, line ORD-2026-0051/SHOP-7
             ip address 192.168.1.1 255.255.255.0
             quit
            ip route-static 0.0.0.0 0.0.0.0 10.250.0.5
            return
            save
            y

            """)
    }

    @Test func internetWithEasyIPOnVRP5() throws {
        let config = try Plans.renderer().render(try Plans.internet(.vrp5))
        expectLines(
            config.text,
            """
            system-view
            sysname DIA-SHOP-7
            acl number 2000
             rule 5 permit source 192.168.1.0 0.0.0.255
             quit
            acl number 3000
             rule 5 deny ip source 10.0.0.0 0.255.255.255
             rule 10 deny ip source 172.16.0.0 0.15.255.255
             rule 15 deny ip source 192.168.0.0 0.0.255.255
             rule 20 deny ip source 127.0.0.0 0.255.255.255
             rule 25 permit ip
             quit
            interface GigabitEthernet0/0/0
             description WAN to CMNET, line ORD-2026-0051/SHOP-7
             ip address 203.0.113.2 255.255.255.252
             traffic-filter inbound acl 3000
             nat outbound 2000
             quit
            interface GigabitEthernet0/0/1
             description LAN, line ORD-2026-0051/SHOP-7
             ip address 192.168.1.1 255.255.255.0
             quit
            ip route-static 0.0.0.0 0.0.0.0 203.0.113.1
            return
            save
            y

            """)
    }

    @Test func aPublicLANIsRefusedInboundToo() throws {
        let nat = ConfigIntent.NAT.standard(lan: try Plans.prefix("198.51.100.0/28"))
        #expect(nat.inside == [try Plans.prefix("198.51.100.0/28")])
        #expect(
            nat.antiSpoofing.map(\.description) == [
                "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "198.51.100.0/28",
            ])
    }

    @Test func interconnectOnIOS() throws {
        let config = try Plans.renderer().render(try Plans.interconnect(.ios))
        expectLines(
            config.text,
            """
            hostname SITE-A
            service password-encryption
            !
            interface FastEthernet0/0
             description WAN to carrier, line ORD-2026-0060/A
             ip address 10.0.0.1 255.255.255.252
             no shutdown
            !
            interface FastEthernet0/1
             description LAN, line ORD-2026-0060/A
             ip address 192.168.10.1 255.255.255.0
             no shutdown
            !
            ip route 192.168.20.0 255.255.255.0 10.0.0.2
            ip route 192.168.30.0 255.255.255.0 10.0.0.2
            !
            end

            """)
    }

    @Test func interconnectOnVRP3() throws {
        let config = try Plans.renderer().render(try Plans.interconnect(.vrp3))
        #expect(config.fileName == "SITE-A.vrp3.cfg")
        expectLines(
            config.text,
            """
            system-view
            sysname SITE-A
            interface Ethernet0/0
             description WAN to carrier, line ORD-2026-0060/A
             ip address 10.0.0.1 255.255.255.252
             quit
            interface Ethernet0/1
             description LAN, line ORD-2026-0060/A
             ip address 192.168.10.1 255.255.255.0
             quit
            ip route-static 192.168.20.0 255.255.255.0 10.0.0.2
            ip route-static 192.168.30.0 255.255.255.0 10.0.0.2
            return
            save
            y

            """)
    }

    @Test func renderingIsDeterministicAndTheFileNameComesFromTheSite() throws {
        var intent = try Plans.apn(.vrp5)
        intent.site = "总部/一楼"
        let renderer = try Plans.renderer()
        let first = try renderer.render(intent)
        // A name that is not ASCII never becomes a file name: the hostname stands in for it.
        #expect(first.fileName == "ABC-WH-HQ.vrp5.cfg")
        intent.site = "../Branch 7/<x>"
        #expect(intent.fileName == "Branch-7-x.vrp5.cfg")
        #expect(try renderer.render(intent).text == first.text)
    }
}
