import Devices
import NetAddress
import RouterConfigs
import Testing

/// Issue 9's shapes, whole configurations compared line by line with hand-checked text: E1 and V.35
/// handovers (PPP), an interconnect hub on 802.1Q sub-interfaces, per-GGSN pool shares with floating
/// backups, and a public block on an internet line's LAN.
@Suite struct LinkLayerRenderingTests {
    @Test func anAPNLineOverE1OnCisco1841() throws {
        let config = try Plans.renderer().render(try Plans.apnOverE1(.ios))
        expectLines(
            config.text,
            """
            hostname ABC-WH-HQ
            service password-encryption
            !
            controller E1 0/0/0
             framing crc4
             channel-group 0 timeslots 1-31
            !
            interface Serial0/0/0:0
             description WAN to GPRS-VPN access, line ORD-2026-0042/HQ
             ip address 10.250.0.2 255.255.255.252
             encapsulation ppp
             no shutdown
            !
            interface FastEthernet0/0
             description LAN, line ORD-2026-0042/HQ
             ip address 192.168.10.1 255.255.255.0
             no shutdown
            !
            interface Tunnel0
             description GRE to GGSN-01
             ip unnumbered Serial0/0/0:0
             ip mtu 1476
             ip tcp adjust-mss 1436
             keepalive 10 3
             tunnel source Serial0/0/0:0
             tunnel destination 172.16.100.1
             tunnel mode gre ip
            !
            interface Tunnel1
             description GRE to GGSN-02
             ip unnumbered Serial0/0/0:0
             ip mtu 1476
             ip tcp adjust-mss 1436
             keepalive 10 3
             tunnel source Serial0/0/0:0
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

    @Test func anAPNLineOverE1OnAR2811() throws {
        let config = try Plans.renderer().render(try Plans.apnOverE1(.vrp3))
        expectLines(
            config.text,
            """
            system-view
            sysname ABC-WH-HQ
            controller e1 1/0
             using ce1
             channel-set 0 timeslot-list 1-31
             quit
            interface Serial1/0:0
             link-protocol ppp
             description WAN to GPRS-VPN access, line ORD-2026-0042/HQ
             ip address 10.250.0.2 255.255.255.252
             quit
            interface Ethernet0/0
             description LAN, line ORD-2026-0042/HQ
             ip address 192.168.10.1 255.255.255.0
             quit
            interface Tunnel0
             description GRE to GGSN-01
             tunnel-protocol gre
             ip address unnumbered interface Serial1/0:0
             source 10.250.0.2
             destination 172.16.100.1
             keepalive 10 3
             mtu 1476
             quit
            interface Tunnel1
             description GRE to GGSN-02
             tunnel-protocol gre
             ip address unnumbered interface Serial1/0:0
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

    @Test func anAPNLineOverE1OnAR1220() throws {
        let config = try Plans.renderer().render(try Plans.apnOverE1(.vrp5))
        expectLines(
            config.text,
            """
            system-view
            sysname ABC-WH-HQ
            controller e1 1/0/0
             using ce1
             channel-set 0 timeslot-list 1-31
             quit
            interface Serial1/0/0:0
             link-protocol ppp
             description WAN to GPRS-VPN access, line ORD-2026-0042/HQ
             ip address 10.250.0.2 255.255.255.252
             quit
            interface GigabitEthernet0/0/0
             description LAN, line ORD-2026-0042/HQ
             ip address 192.168.10.1 255.255.255.0
             quit
            interface Tunnel0/0/0
             description GRE to GGSN-01
             tunnel-protocol gre
             ip address unnumbered interface Serial1/0/0:0
             source 10.250.0.2
             destination 172.16.100.1
             keepalive period 10 retry-times 3
             mtu 1476
             tcp adjust-mss 1436
             quit
            interface Tunnel0/0/1
             description GRE to GGSN-02
             tunnel-protocol gre
             ip address unnumbered interface Serial1/0/0:0
             source 10.250.0.2
             destination 172.16.101.1
             keepalive period 10 retry-times 3
             mtu 1476
             tcp adjust-mss 1436
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

    @Test func anInterconnectBranchOverV35OnCisco1841() throws {
        let config = try Plans.renderer().render(try Plans.branchOverV35())
        expectLines(
            config.text,
            """
            hostname SITE-A
            service password-encryption
            !
            interface Serial0/0/0
             description WAN to carrier, line ORD-2026-0060/A
             ip address 10.0.0.1 255.255.255.252
             encapsulation ppp
             no shutdown
            !
            interface FastEthernet0/0
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

    @Test func aHubWithThreeSubInterfacesOnIOS() throws {
        let config = try Plans.renderer().render(try Plans.hub(.ios))
        expectLines(
            config.text,
            """
            hostname HUB
            service password-encryption
            !
            interface FastEthernet0/0
             description 802.1Q trunk to carrier, line ORD-2026-0060/HUB
             no ip address
             no shutdown
            !
            interface FastEthernet0/0.101
             description to branch SITE-A, line ORD-2026-0060/A
             encapsulation dot1Q 101
             ip address 10.0.0.1 255.255.255.252
             no shutdown
            !
            interface FastEthernet0/0.102
             description to branch SITE-B, line ORD-2026-0060/B
             encapsulation dot1Q 102
             ip address 10.0.0.5 255.255.255.252
             no shutdown
            !
            interface FastEthernet0/0.103
             description to branch SITE-C, line ORD-2026-0060/C
             encapsulation dot1Q 103
             ip address 10.0.0.9 255.255.255.252
             no shutdown
            !
            interface FastEthernet0/1
             description LAN, line ORD-2026-0060/HUB
             ip address 192.168.10.1 255.255.255.0
             no shutdown
            !
            ip route 192.168.20.0 255.255.255.0 10.0.0.2
            ip route 192.168.30.0 255.255.255.0 10.0.0.6
            ip route 192.168.40.0 255.255.255.0 10.0.0.10
            !
            end

            """)
    }

    @Test func aHubWithThreeSubInterfacesOnVRP3() throws {
        let config = try Plans.renderer().render(try Plans.hub(.vrp3))
        expectLines(
            config.text,
            """
            system-view
            sysname HUB
            interface Ethernet0/0
             description 802.1Q trunk to carrier, line ORD-2026-0060/HUB
             quit
            interface Ethernet0/0.101
             description to branch SITE-A, line ORD-2026-0060/A
             vlan-type dot1q vid 101
             ip address 10.0.0.1 255.255.255.252
             quit
            interface Ethernet0/0.102
             description to branch SITE-B, line ORD-2026-0060/B
             vlan-type dot1q vid 102
             ip address 10.0.0.5 255.255.255.252
             quit
            interface Ethernet0/0.103
             description to branch SITE-C, line ORD-2026-0060/C
             vlan-type dot1q vid 103
             ip address 10.0.0.9 255.255.255.252
             quit
            interface Ethernet0/1
             description LAN, line ORD-2026-0060/HUB
             ip address 192.168.10.1 255.255.255.0
             quit
            ip route-static 192.168.20.0 255.255.255.0 10.0.0.2
            ip route-static 192.168.30.0 255.255.255.0 10.0.0.6
            ip route-static 192.168.40.0 255.255.255.0 10.0.0.10
            return
            save
            y

            """)
    }

    @Test func aHubWithThreeSubInterfacesOnVRP5() throws {
        let config = try Plans.renderer().render(try Plans.hub(.vrp5))
        expectLines(
            config.text,
            """
            system-view
            sysname HUB
            interface GigabitEthernet0/0/0
             description 802.1Q trunk to carrier, line ORD-2026-0060/HUB
             quit
            interface GigabitEthernet0/0/0.101
             description to branch SITE-A, line ORD-2026-0060/A
             dot1q termination vid 101
             ip address 10.0.0.1 255.255.255.252
             arp broadcast enable
             quit
            interface GigabitEthernet0/0/0.102
             description to branch SITE-B, line ORD-2026-0060/B
             dot1q termination vid 102
             ip address 10.0.0.5 255.255.255.252
             arp broadcast enable
             quit
            interface GigabitEthernet0/0/0.103
             description to branch SITE-C, line ORD-2026-0060/C
             dot1q termination vid 103
             ip address 10.0.0.9 255.255.255.252
             arp broadcast enable
             quit
            interface GigabitEthernet0/0/1
             description LAN, line ORD-2026-0060/HUB
             ip address 192.168.10.1 255.255.255.0
             quit
            ip route-static 192.168.20.0 255.255.255.0 10.0.0.2
            ip route-static 192.168.30.0 255.255.255.0 10.0.0.6
            ip route-static 192.168.40.0 255.255.255.0 10.0.0.10
            return
            save
            y

            """)
    }

    @Test func perGGSNSharesWithFloatingBackupsOnIOS() throws {
        let config = try Plans.renderer().render(try Plans.apnWithShares(.ios))
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
            ip route 10.200.0.0 255.255.255.0 Tunnel0
            ip route 10.200.1.0 255.255.255.0 Tunnel1
            ip route 10.200.0.0 255.255.255.0 Tunnel1 250
            ip route 10.200.1.0 255.255.255.0 Tunnel0 250
            !
            end

            """)
    }

    @Test func perGGSNSharesWithFloatingBackupsOnVRP5() throws {
        let config = try Plans.renderer().render(try Plans.apnWithShares(.vrp5))
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
             ip address unnumbered interface GigabitEthernet0/0/0
             source 10.250.0.2
             destination 172.16.100.1
             keepalive period 10 retry-times 3
             mtu 1476
             tcp adjust-mss 1436
             quit
            interface Tunnel0/0/1
             description GRE to GGSN-02
             tunnel-protocol gre
             ip address unnumbered interface GigabitEthernet0/0/0
             source 10.250.0.2
             destination 172.16.101.1
             keepalive period 10 retry-times 3
             mtu 1476
             tcp adjust-mss 1436
             quit
            ip route-static 172.16.100.1 255.255.255.255 10.250.0.1
            ip route-static 172.16.101.1 255.255.255.255 10.250.0.1
            ip route-static 10.200.0.0 255.255.255.0 Tunnel0/0/0
            ip route-static 10.200.1.0 255.255.255.0 Tunnel0/0/1
            ip route-static 10.200.0.0 255.255.255.0 Tunnel0/0/1 preference 250
            ip route-static 10.200.1.0 255.255.255.0 Tunnel0/0/0 preference 250
            return
            save
            y

            """)
    }

    @Test func anInternetLineWithAPublicBlockOnTheLANOnIOS() throws {
        let config = try Plans.renderer().render(try Plans.internetWithPublicLAN(.ios))
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
            access-list 101 deny   ip 198.51.100.8 0.0.0.7 any
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
             ip address 198.51.100.9 255.255.255.248 secondary
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
}
