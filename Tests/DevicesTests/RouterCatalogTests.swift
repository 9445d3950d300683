import Devices
import LocatedJSON
import Testing

@Suite struct RouterCatalogTests {
    @Test func theShippedCatalogHasTheIssuesModels() throws {
        let catalog = try Support.catalog()
        #expect(
            catalog.models.map(\.name) == [
                "Cisco 1841", "Cisco 2811", "Cisco 881", "Huawei AR28-11", "Huawei AR1220", "H3C MSR20-20",
                "MikroTik RB2011", "TP-Link TL-ER605",
            ])
        #expect(catalog.recommendedModels.map(\.name) == ["Cisco 1841", "Huawei AR28-11"])
        #expect(catalog.models.allSatisfy { !$0.note.isEmpty })
    }

    @Test func modelsCarryTheirPlatformPortsSlotsAndFeatures() throws {
        let catalog = try Support.catalog()
        let c1841 = try #require(catalog.model(named: "Cisco 1841"))
        #expect(c1841.software == "IOS 12.4")
        #expect(c1841.dialect == .ios)
        #expect(c1841.routedPorts.map(\.name) == ["FastEthernet0/0", "FastEthernet0/1"])
        #expect(c1841.slots == [RouterModel.Slot(kind: "HWIC", count: 2), RouterModel.Slot(kind: "AIM", count: 1)])
        #expect(c1841.module(for: .e1)?.port == "Serial0/0/0:0")
        #expect(c1841.features == RouterModel.Features(gre: true, tunnelUnnumbered: true, nat: true))
        let c881 = try #require(catalog.model(named: "881"))
        #expect(c881.wanPort?.name == "FastEthernet4")
        #expect(c881.lanPort == "Vlan1")
        #expect(c881.switchPorts == ["FastEthernet0", "FastEthernet1", "FastEthernet2", "FastEthernet3"])
        let ar1220 = try #require(catalog.model(named: "AR1220"))
        #expect(ar1220.dialect == .vrp5)
        #expect(ar1220.routedPorts.map(\.speed) == [.gigabitEthernet, .gigabitEthernet])
        #expect(ar1220.switchPorts.count == 8)
        let msr = try #require(catalog.model(named: "MSR20-20"))
        #expect(msr.software == "Comware 5")
        #expect(msr.dialect == .vrp3)
        let rb = try #require(catalog.model(named: "RB2011UiAS-2HnD-IN"))
        #expect(rb.dialect == nil)
        #expect(rb.features.tunnelUnnumbered == false)
        #expect(try #require(catalog.model(named: "ER605")).features.gre == false)
    }

    @Test(arguments: [
        ("CISCO1841", "Cisco 1841"), ("cisco 1841", "Cisco 1841"), ("1841", "Cisco 1841"),
        ("Quidway AR28-11", "Huawei AR28-11"), ("ar2811", "Huawei AR28-11"), ("H3C MSR 20-20", "H3C MSR20-20"),
        ("Cisco 881", "Cisco 881"), ("tp-link tl-er605", "TP-Link TL-ER605"),
    ])
    func namesMatchLoosely(name: String, model: String) throws {
        #expect(try Support.catalog().model(named: name)?.name == model)
    }

    @Test func unknownNamesGetASuggestion() throws {
        let catalog = try Support.catalog()
        #expect(catalog.model(named: "Cisco 1814") == nil)
        #expect(catalog.suggestion(for: "Cisco 1814") == "Cisco 1841")
        #expect(catalog.suggestion(for: "Juniper SRX300") == nil)
    }

    @Test func aBadCatalogReportsEveryProblemWithItsPosition() {
        let text = """
            {"models": [
              {"name": "A", "vendor": "V", "software": "IOS 12.4", "dialect": "junos", "routedPorts": [],
               "slots": [], "modules": [{"interface": "E1", "module": "M", "slot": "HWIC", "port": "Serial0"}],
               "features": {"gre": true, "tunnelUnnumbered": true, "nat": true}, "colour": "red"},
              {"name": "B", "vendor": "V", "software": "VRP 3", "dialect": "vrp3", "aliases": ["a"],
               "routedPorts": [{"name": "Ethernet0/0", "speed": "10G"}], "slots": [], "modules": [],
               "features": {"gre": true, "tunnelUnnumbered": false, "nat": true}, "recommended": true}
            ]}
            """
        #expect(throws: DiagnosticsError.self) {
            try RouterCatalog.load(name: "routers.json", bytes: Array(text.utf8))
        }
        do {
            _ = try RouterCatalog.load(name: "routers.json", bytes: Array(text.utf8))
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "routers.json:2:67: error: unknown dialect 'junos'; expected ios, vrp3, vrp5 or null (models[0].dialect)",
                    "routers.json:3:72: error: the model has no 'HWIC' slot (its slots: none) (models[0].modules[0].slot)",
                    "routers.json:4:70: error: unknown key 'colour' (models[0].colour)",
                    "routers.json:6:53: error: unknown port speed '10G'; expected FE, GE or 10GE (models[1].routedPorts[0].speed)",
                ])
        }
    }

    @Test func aRecommendedModelMustTakeEveryLineAndAliasesMustNotClash() {
        let text = """
            {"models": [
              {"name": "A", "vendor": "V", "software": "IOS 12.4", "dialect": "ios",
               "routedPorts": [{"name": "Fa0", "speed": "FE"}], "slots": [], "modules": [],
               "features": {"gre": true, "tunnelUnnumbered": true, "nat": true}, "recommended": true},
              {"name": "B", "vendor": "V", "software": "VRP 3", "dialect": null, "aliases": ["a"],
               "routedPorts": [], "slots": [], "modules": [],
               "features": {"gre": true, "tunnelUnnumbered": false, "nat": true}}
            ]}
            """
        do {
            _ = try RouterCatalog.load(name: "routers.json", bytes: Array(text.utf8))
            Issue.record("the catalog was accepted")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "routers.json:4:85: error: a recommended model must have templates (a dialect), GRE, IP unnumbered"
                        + " on tunnels, NAT and two routed Ethernet ports (models[0].recommended)",
                    "routers.json:5:82: error: 'a' already names A (models[1].aliases[0])",
                ])
        }
    }
}
