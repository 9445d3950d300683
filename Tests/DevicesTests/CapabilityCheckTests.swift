import Devices
import Testing

@Suite struct CapabilityCheckTests {
    typealias Kind = CapabilityVerdict.Kind

    /// Every catalog model per product, judged by hand from routers.json and the handbook's rules.
    ///
    /// APN: GRE + two routed Ethernet ports, else replace; no unnumbered → needs-address-pair.
    /// Internet: NAT, a routed WAN port and a LAN interface (the 881's LAN is Vlan1).
    /// Interconnect: FE/GE need a routed port of that speed; E1/V.35 need a module the model takes.
    static let table: [(String, Kind, Kind, Kind, Kind, Kind, Kind)] = [
        // model                apn                  internet  FE   GE        E1        V.35
        ("Cisco 1841", .ok, .ok, .ok, .replace, .ok, .ok),
        ("Cisco 2811", .ok, .ok, .ok, .replace, .ok, .ok),
        ("Cisco 881", .replace, .ok, .ok, .replace, .replace, .replace),
        ("Huawei AR28-11", .ok, .ok, .ok, .replace, .ok, .ok),
        ("Huawei AR1220", .ok, .ok, .ok, .ok, .ok, .ok),
        ("H3C MSR20-20", .ok, .ok, .ok, .replace, .ok, .ok),
        ("MikroTik RB2011", .needsAddressPair, .ok, .ok, .ok, .replace, .replace),
        ("TP-Link TL-ER605", .replace, .ok, .ok, .ok, .replace, .replace),
    ]

    @Test func everyModelPerProductMatchesTheHandJudgement() throws {
        let catalog = try Support.catalog()
        #expect(Self.table.count == catalog.models.count)
        for (name, apn, internet, fe, ge, e1, v35) in Self.table {
            let model = try #require(catalog.model(named: name))
            func kind(_ product: LineProduct, _ interface: InterfaceKind = .fastEthernet) -> Kind {
                CapabilityCheck.check(model, product: product, interface: interface, catalog: catalog).kind
            }
            #expect(kind(.apn) == apn, "\(name) apn")
            #expect(kind(.internet) == internet, "\(name) internet")
            #expect(kind(.interconnect, .fastEthernet) == fe, "\(name) interconnect FE")
            #expect(kind(.interconnect, .gigabitEthernet) == ge, "\(name) interconnect GE")
            #expect(kind(.interconnect, .e1) == e1, "\(name) interconnect E1")
            #expect(kind(.interconnect, .v35) == v35, "\(name) interconnect V.35")
        }
    }

    @Test func the881HasOneRoutedPortSoItIsReplacedForAnAPNLine() throws {
        let catalog = try Support.catalog()
        let verdict = CapabilityCheck.check(modelNamed: "Cisco 881", product: .apn, catalog: catalog)
        #expect(verdict.kind == .replace)
        #expect(
            verdict.reasons == [
                "1 routed Ethernet port (FastEthernet4); an APN line needs at least 2 (WAN and LAN)",
                "GRE tunnels: yes", "IP unnumbered on tunnels: yes", "WAN on FastEthernet4", "LAN on Vlan1",
            ])
        // One model: the first recommended model that takes the line (the Cisco 1841), not a list.
        #expect(verdict.replacement?.name == "Cisco 1841")
        #expect(
            verdict.recommendation
                == "operations buys a Cisco 1841 for the customer, charged to the dedicated-line project (集团客户专线工程)")
        #expect(verdict.dialect == .ios)
    }

    @Test func aRouterWithoutUnnumberedNeedsAnAddressPair() throws {
        let verdict = CapabilityCheck.check(modelNamed: "RB2011", product: .apn, catalog: try Support.catalog())
        #expect(verdict.kind == .needsAddressPair)
        #expect(
            verdict.reasons == [
                "GRE tunnels: yes",
                "10 routed Ethernet ports (ether1, ether2, ether3, ether4, ether5, ether6, ether7, ether8, ether9,"
                    + " ether10)",
                "no IP unnumbered on tunnels: the account manager must apply for one more address pair (a /30 per GGSN"
                    + " tunnel) for the tunnel interconnect",
                "WAN on ether1", "LAN on ether2",
                "no configuration templates for MikroTik RB2011 (RouterOS 6): configure it by hand from the plan",
            ])
        #expect(verdict.recommendation == nil)
    }

    @Test func aRouterWithoutGREIsReplaced() throws {
        let verdict = CapabilityCheck.check(modelNamed: "ER605", product: .apn, catalog: try Support.catalog())
        #expect(verdict.kind == .replace)
        #expect(verdict.reasons.first == "no GRE tunnels: an APN line reaches the GGSNs over GRE")
    }

    @Test func aGEHandoverIsRecommendedAModelWithAGEPort() throws {
        let verdict = CapabilityCheck.check(
            modelNamed: "Cisco 1841", product: .interconnect, interface: .gigabitEthernet,
            catalog: try Support.catalog())
        #expect(verdict.kind == .replace)
        #expect(verdict.reasons.first == "no GE routed port for a GE handover (its routed ports are FE)")
        #expect(
            verdict.recommendation
                == "operations buys a Huawei AR1220 for the customer, charged to the dedicated-line project (集团客户专线工程)")
    }

    /// Issue 9 item 11: every product weighs the handover's speed.
    ///
    /// A Cisco 1841 (FE only) on a 200M
    /// internet line over GE fails; the handbook's two models are FE only, so the replacement is the
    /// first other catalog model with templates, a GE port and NAT: the Huawei AR1220.
    @Test func anFERouterIsReplacedForAGEInternetLine() throws {
        let verdict = CapabilityCheck.check(
            modelNamed: "Cisco 1841", product: .internet, interface: .gigabitEthernet, bandwidth: 200_000,
            catalog: try Support.catalog())
        #expect(verdict.kind == .replace)
        #expect(
            verdict.reasons == [
                "no GE routed port for a GE handover (its routed ports are FE)", "NAT on the WAN address: yes",
                "LAN on FastEthernet0/1",
            ])
        #expect(verdict.replacement?.name == "Huawei AR1220")
    }

    /// A 200M line on an FE handover still needs a port faster than FE.
    @Test func aBandwidthAboveTheWANPortFails() throws {
        let catalog = try Support.catalog()
        let verdict = CapabilityCheck.check(
            modelNamed: "AR28-11", product: .interconnect, interface: .fastEthernet, bandwidth: 200_000,
            catalog: catalog)
        #expect(verdict.kind == .replace)
        #expect(
            verdict.reasons.first
                == "200M is more than its fastest routed port Ethernet0/0 carries (FE, 100M): the line needs a GE"
                + " routed port")
        #expect(verdict.replacement?.name == "Huawei AR1220")
        let fits = CapabilityCheck.check(
            modelNamed: "AR28-11", product: .interconnect, interface: .fastEthernet, bandwidth: 100_000,
            catalog: catalog)
        #expect(fits.kind == .ok)
        let e1 = CapabilityCheck.check(
            modelNamed: "AR28-11", product: .apn, interface: .e1, bandwidth: 4000, catalog: catalog)
        #expect(e1.reasons.first == "4M is more than an E1 handover carries (2.048M)")
    }

    /// No catalog model has a 10GE port: a GE router is replaced, and nothing can be named.
    @Test func aGERouterIsNotEnoughFor10GE() throws {
        let verdict = CapabilityCheck.check(
            modelNamed: "AR1220", product: .interconnect, interface: .tenGigabitEthernet,
            catalog: try Support.catalog())
        #expect(verdict.kind == .replace)
        #expect(verdict.reasons.first == "no 10GE routed port for a 10GE handover (its routed ports are GE)")
        #expect(verdict.replacement == nil)
        #expect(
            verdict.recommendation
                == "no catalog model with configuration templates can take this line; ask the support centre for a"
                + " router")
    }

    /// The replacement is never the model being replaced, and an APN line over E1 needs the module.
    @Test func theReplacementIsOneModelThatTakesTheLine() throws {
        let catalog = try Support.catalog()
        #expect(
            CapabilityCheck.replacement(
                product: .apn, interface: .fastEthernet, excluding: "Cisco 1841", catalog: catalog)?
                .name == "Huawei AR28-11")
        #expect(
            CapabilityCheck.replacement(product: .apn, interface: .e1, catalog: catalog)?.name == "Cisco 1841")
        #expect(
            CapabilityCheck.replacement(product: .interconnect, interface: .gigabitEthernet, catalog: catalog)?.name
                == "Huawei AR1220")
        let verdict = CapabilityCheck.check(
            modelNamed: "Cisco 881", product: .interconnect, interface: .e1, catalog: catalog)
        #expect(verdict.reasons.first == "no E1 interface and no expansion slot for one")
        #expect(verdict.replacement?.name == "Cisco 1841")
    }

    @Test func anE1HandoverNamesTheModuleToFit() throws {
        let verdict = CapabilityCheck.check(
            modelNamed: "AR28-11", product: .interconnect, interface: .e1, catalog: try Support.catalog())
        #expect(verdict.kind == .ok)
        #expect(
            verdict.reasons == [
                "E1 handover needs a SIC-1E1-F module in a free SIC slot (the model has 2 SIC); its port is Serial1/0:0",
                "LAN on Ethernet0/1",
            ])
    }

    @Test func anUnknownModelIsToldWhatToProvide() throws {
        let verdict = CapabilityCheck.check(
            modelNamed: "Cisco 1814", product: .internet, catalog: try Support.catalog())
        #expect(verdict.kind == .unknown)
        #expect(verdict.model == nil)
        #expect(
            verdict.reasons == [
                "'Cisco 1814' is not in the router catalog; did you mean Cisco 1841?",
                "provide the exact model, or paste the output of 'show version' (Cisco) or 'display version' (Huawei,"
                    + " H3C) with --version-file",
                "known models: Cisco 1841, Cisco 2811, Cisco 881, Huawei AR28-11, Huawei AR1220, H3C MSR20-20,"
                    + " MikroTik RB2011, TP-Link TL-ER605",
            ])
    }

    @Test func versionOutputIsJudgedThroughTheCatalog() throws {
        let catalog = try Support.catalog()
        let report = try VersionReader.read(try Support.fixture("cisco-1841-show-version.txt"), name: "v.txt")
        let verdict = CapabilityCheck.check(report, product: .interconnect, interface: .v35, catalog: catalog)
        #expect(verdict.kind == .ok)
        #expect(verdict.model?.name == "Cisco 1841")
        #expect(
            verdict.reasons.suffix(2) == [
                "read from the version output: model 1841, Cisco IOS 12.4(15)T1 (C1841-ADVIPSERVICESK9-M),"
                    + " 2 FastEthernet, 2 Low-speed serial(sync/async)",
                "the version output shows 2 serial interfaces already fitted",
            ])
    }

    @Test func oldIOSAndAnUnknownModelFromVersionOutput() throws {
        let report = try VersionReader.read(try Support.fixture("cisco-2621-show-version.txt"), name: "v.txt")
        let verdict = CapabilityCheck.check(report, product: .apn, catalog: try Support.catalog())
        #expect(verdict.kind == .unknown)
        #expect(verdict.modelName == "2621")
        #expect(
            verdict.reasons.last
                == "IOS 12.2(15)T5 is older than the 12.4 the templates are written for: GRE keepalive needs 12.2(8)T"
                + " or later and 'ip tcp adjust-mss' 12.2(4)T or later; check the image before the line is opened")
    }
}
