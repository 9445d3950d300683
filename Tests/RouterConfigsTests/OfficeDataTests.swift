import Devices
import NetAddress
import RouterConfigs
import Testing

@Suite struct OfficeDataTests {
    static func office(for intent: ConfigIntent) throws -> OfficeDataIntent {
        OfficeDataIntent(
            apn: "abcwh.hb", customerRouter: intent, vrf: "VPN-ABC-WH", operatorIdentifier: "mnc000.mcc460.gprs",
            dnsServers: [try Plans.address("192.168.10.53")])
    }

    @Test func theSheetOfAnAPNLine() throws {
        let renderer = try Plans.renderer()
        let config = try renderer.render(try Plans.apn(.ios))
        let sheet = try renderer.renderOfficeData(try Self.office(for: config.intent), customerConfig: config)
        #expect(sheet.fileName == "ORD-2026-0042-HQ.office-data.md")
        expectLines(
            sheet.text,
            """
            # Office data (局数据): APN line ORD-2026-0042/HQ

            | Item | Value |
            |---|---|
            | Customer | 中国农业银行武汉分行 |
            | Site | HQ |
            | Customer router | ABC-WH-HQ |
            | APN network identifier | abcwh.hb |
            | APN (full) | abcwh.hb.mnc000.mcc460.gprs |
            | VRF | VPN-ABC-WH |
            | Address mode | local pool |
            | Authentication | none |
            | DNS servers | 192.168.10.53 |

            ## Terminal pools

            | GGSN | Pool | Mask | Addresses |
            |---|---|---|---|
            | all | 10.200.0.0/23 | 255.255.254.0 | 512 |

            ## GRE tunnels (one per GGSN)

            | GGSN | GGSN end | Customer end | GGSN inner | Customer inner | Key | Keepalive | MTU | MSS |
            |---|---|---|---|---|---|---|---|---|
            | GGSN-01 | 172.16.100.1 | 10.250.0.2 | unnumbered | unnumbered | none | 10 s × 3 | 1476 | 1436 |
            | GGSN-02 | 172.16.101.1 | 10.250.0.2 | unnumbered | unnumbered | none | 10 s × 3 | 1476 | 1436 |

            ## Static routes

            | Where | Destination | Next hop |
            |---|---|---|
            | GGSN-01 | 192.168.10.0/24 | the GRE tunnel to 10.250.0.2 |
            | GGSN-02 | 192.168.10.0/24 | the GRE tunnel to 10.250.0.2 |
            | customer router | 172.16.100.1/32 | 10.250.0.1 |
            | customer router | 172.16.101.1/32 | 10.250.0.1 |
            | customer router | 10.200.0.0/23 | Tunnel0 |
            | customer router | 10.200.0.0/23 | Tunnel1 |

            ## Checklist

            - [ ] APN abcwh.hb: network identifier and operator identifier (abcwh.hb.mnc000.mcc460.gprs), GPRS-DNS record to the GGSNs' addresses
            - [ ] APN bound to VRF VPN-ABC-WH on every GGSN
            - [ ] Address mode (local pool) and the pools above; DNS servers 192.168.10.53
            - [ ] Authentication (none); RADIUS authentication and accounting addresses and shared secret when used
            - [ ] One GRE tunnel per GGSN as above: source, destination, key, inner addresses, keepalive, MTU and TCP MSS
            - [ ] Static routes of both sides as above
            - [ ] ACL or firewall on the GGSN side of the APN
            - [ ] QoS of the APN (APN-AMBR, ARP)
            - [ ] HLR/HSS: the APN subscribed for every terminal's MSISDN (SIM cards from the data service centre)
            - [ ] Transmission data: circuit id, DDF/ODF positions, VC-12 timeslots or PTN pseudowire, VLAN

            """)
    }

    @Test func aNumberedVRP3LineGetsInnerAddressesAndNotes() throws {
        let renderer = try Plans.renderer()
        let config = try renderer.render(try Plans.apn(.vrp3, numbered: true))
        var office = try Self.office(for: config.intent)
        office.customer = "A|B 公司"
        let lines = try renderer.renderOfficeData(office, customerConfig: config).text
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[4] == "| Customer | A\\|B 公司 |")
        #expect(
            lines[24]
                == "| GGSN-01 | 172.16.100.1 | 10.250.0.2 | 10.255.0.1/30 | 10.255.0.2/30 | none | 10 s × 3 | 1476 | 1436 |"
        )
        #expect(lines[31] == "| GGSN-01 | 192.168.10.0/24 | 10.255.0.2 over the GRE tunnel to 10.250.0.2 |")
        #expect(
            Array(lines.suffix(5)) == [
                "",
                "Note: The customer router (Huawei VRP 3) does not clamp the TCP MSS: clamp it to 1436 on the GGSN end"
                    + " of each tunnel.",
                "",
                "Note: The customer router cannot borrow its WAN address (no IP unnumbered on tunnels): each tunnel has"
                    + " its own /30, applied for by the account manager.",
                "",
            ])
    }

    func disagreement(_ change: (inout OfficeDataIntent) throws -> Void, numberedOffice: Bool = false) throws
        -> [String]
    {
        let renderer = try Plans.renderer()
        let config = try renderer.render(try Plans.apn(.ios))
        var office = try Self.office(for: numberedOffice ? try Plans.apn(.ios, numbered: true) : config.intent)
        try change(&office)
        do {
            _ = try renderer.renderOfficeData(office, customerConfig: config)
            return []
        } catch {
            #expect(error.code == .greDisagreement)
            return error.problems.map(\.description)
        }
    }

    @Test func greEndsThatDisagreeFailTheRun() throws {
        #expect(
            try disagreement { $0.tunnels[1].key = 7 } == [
                "ORD-2026-0042-HQ.office-data.md:26: error: GRE to GGSN-02: the key is 7; HQ.ios.cfg:24 has none"
            ])
        #expect(
            try disagreement { $0.tunnels[0].customerAddress = try Plans.address("10.250.0.6") } == [
                "ORD-2026-0042-HQ.office-data.md:25: error: GRE to GGSN-01: the customer end is 10.250.0.6;"
                    + " HQ.ios.cfg:20 has tunnel source 10.250.0.2"
            ])
        #expect(
            try disagreement { $0.tunnels[0].keepalive.period = 5 } == [
                "ORD-2026-0042-HQ.office-data.md:25: error: GRE to GGSN-01: the keepalive is 5 s × 3; HQ.ios.cfg:19 has"
                    + " 10 s × 3"
            ])
        #expect(
            try disagreement({ _ in }, numberedOffice: true) == [
                "ORD-2026-0042-HQ.office-data.md:25: error: GRE to GGSN-01: the customer inner address is"
                    + " 10.255.0.2/30; HQ.ios.cfg:16 has unnumbered",
                "ORD-2026-0042-HQ.office-data.md:26: error: GRE to GGSN-02: the customer inner address is"
                    + " 10.255.0.6/30; HQ.ios.cfg:26 has unnumbered",
            ])
        #expect(
            try disagreement {
                $0.tunnels[1].ggsnAddress = try Plans.address("172.16.102.1")
            } == [
                "HQ.ios.cfg:31: error: Tunnel1 goes to 172.16.101.1, but ORD-2026-0042-HQ.office-data.md has no GRE"
                    + " row with that GGSN end",
                "ORD-2026-0042-HQ.office-data.md:26: error: GRE to GGSN-02: the office data has a tunnel to"
                    + " 172.16.102.1 that HQ.ios.cfg lacks",
            ])
    }

    @Test func badOfficeDataIsRefusedByField() throws {
        var office = try Self.office(for: try Plans.apn(.ios))
        office.apn = "abc.gprs"
        office.operatorIdentifier = "mnc00.mcc460.gprs"
        office.vrf = "VPN ABC"
        office.customer = "农行\n"
        #expect(
            office.validate().map(\.description) == [
                "customer: error: contains a line break (U+000A) at character 3; a value must stay on one line",
                "apn: error: 'abc.gprs' ends in '.gprs'; give the network identifier without the operator identifier",
                "operatorIdentifier: error: 'mnc00.mcc460.gprs' is not of the form mncNNN.mccNNN.gprs",
                "vrf: error: a VRF name is 1 to 31 ASCII letters, digits, '-' and '_'",
            ])
        office.apn = "rac1.bank"
        #expect(
            office.validate().map(\.description).contains(
                "apn: error: 'rac1.bank' starts with 'rac', which 3GPP TS 23.003 reserves"))
    }

    @Test func perGGSNPoolsAreListedPerGGSN() throws {
        var intent = try Plans.apn(.ios)
        intent.routes =
            Array(intent.routes.prefix(2)) + [
                .init(prefix: try Plans.prefix("10.200.0.0/24"), nextHop: .tunnel(0)),
                .init(prefix: try Plans.prefix("10.200.1.0/24"), nextHop: .tunnel(1)),
            ]
        let office = try Self.office(for: intent)
        #expect(
            office.pools == [
                .init(ggsns: ["GGSN-01"], prefix: try Plans.prefix("10.200.0.0/24")),
                .init(ggsns: ["GGSN-02"], prefix: try Plans.prefix("10.200.1.0/24")),
            ])
    }
}
