import ConfigTemplate
import Testing

/// A realistic GPRS-APN customer router config (Cisco 1841, IOS 12.4, GRE to the GGSN).
@Suite struct CiscoGRETemplateTests {
    static func makeLibrary() throws -> TemplateLibrary {
        try TemplateLibrary(templates: [
            "ios-apn": """
            {{! GPRS-APN line: customer router side of the GRE tunnel to the GGSN }}
            hostname {{ hostname }}
            service password-encryption
            !
            interface {{ wan.interface }}
             description {{ wan.description }}
             ip address {{ wan.address }} {{ wan.mask }}
            !
            interface {{ lan.interface }}
             description {{ lan.description }}
             ip address {{ lan.address }} {{ lan.mask }}
            !
            {{#each tunnels}}
            interface Tunnel{{ @index }}
             description GRE to GGSN
            {{#if unnumbered}}
             ip unnumbered {{ wan.interface }}
            {{else}}
             ip address {{ address }} {{ mask }}
            {{/if}}
             {{> ios-tunnel-options}}
             tunnel source {{ wan.interface }}
             tunnel destination {{ destination }}
             tunnel mode gre ip
            !
            {{/each}}
            {{#each tunnels}}
            ip route {{ destination }} 255.255.255.255 {{ wan.gateway }}
            {{#each userRanges}}
            ip route {{ prefix }} {{ mask }} Tunnel{{ tunnelIndex }}
            {{/each}}
            {{/each}}
            !
            {{#if banner.enabled}}
            banner motd #{{ banner.text }}#
            !
            {{/if}}
            end

            """,
            "ios-tunnel-options": """
            ip mtu {{ mtu }}
            ip tcp adjust-mss {{ mss }}
            keepalive {{ keepalive.period }} {{ keepalive.retries }}

            """,
        ])
    }

    static func context(unnumbered: Bool) -> TemplateValue {
        [
            "hostname": "APN-CPE-01",
            "wan": [
                "interface": "FastEthernet0/0", "description": "WAN to carrier (fiber)",
                "address": "10.10.10.2", "mask": "255.255.255.252", "gateway": "10.10.10.1",
            ],
            "lan": [
                "interface": "FastEthernet0/1", "description": "LAN to intranet",
                "address": "192.168.1.1", "mask": "255.255.255.0",
            ],
            "tunnels": [
                [
                    "unnumbered": .bool(unnumbered), "address": "10.255.0.2", "mask": "255.255.255.252",
                    "mtu": 1476, "mss": 1436, "keepalive": ["period": 10, "retries": 3],
                    "destination": "172.16.100.1", "tunnelIndex": 0,
                    "userRanges": [["prefix": "10.200.0.0", "mask": "255.255.0.0"]],
                ]
            ],
            "banner": ["enabled": true, "text": "Authorized access only"],
        ]
    }

    @Test func rendersTheUnnumberedReferenceConfig() throws {
        let library = try Self.makeLibrary()
        expectLines(
            try library.render("ios-apn", Self.context(unnumbered: true)),
            """
            hostname APN-CPE-01
            service password-encryption
            !
            interface FastEthernet0/0
             description WAN to carrier (fiber)
             ip address 10.10.10.2 255.255.255.252
            !
            interface FastEthernet0/1
             description LAN to intranet
             ip address 192.168.1.1 255.255.255.0
            !
            interface Tunnel0
             description GRE to GGSN
             ip unnumbered FastEthernet0/0
             ip mtu 1476
             ip tcp adjust-mss 1436
             keepalive 10 3
             tunnel source FastEthernet0/0
             tunnel destination 172.16.100.1
             tunnel mode gre ip
            !
            ip route 172.16.100.1 255.255.255.255 10.10.10.1
            ip route 10.200.0.0 255.255.0.0 Tunnel0
            !
            banner motd #Authorized access only#
            !
            end

            """
        )
    }

    @Test func rendersTheInterconnectVariant() throws {
        let library = try Self.makeLibrary()
        let text = try library.render("ios-apn", Self.context(unnumbered: false))
        let lines = text.split(separator: "\n")
        #expect(lines.contains(" ip address 10.255.0.2 255.255.255.252"))
        #expect(!lines.contains(" ip unnumbered FastEthernet0/0"))
        #expect(lines.count == 27)
    }
}
