import Devices
import NetAddress
import RouterConfigs
import Testing

/// Issue 9's shapes read back: clean as rendered, and each deliberate break named by its line.
@Suite struct LinkLayerReadBackTests {
    func problems(_ text: String, _ intent: ConfigIntent) -> [String] {
        ConfigChecker.check(ConfigReader.read(text, dialect: intent.dialect, file: intent.fileName), against: intent)
            .map(\.description)
    }

    @Test func everyCaseReadsBackClean() throws {
        let renderer = try Plans.renderer()
        for (name, intent) in try Plans.linkLayerCases() {
            let config = try renderer.render(intent)
            #expect(problems(config.text, intent).isEmpty, "\(name)")
            #expect(config.parsed.routes.count == intent.routes.count, "\(name)")
        }
    }

    @Test func theReaderSeesControllersVLANsPPPSecondariesAndDistances() throws {
        let renderer = try Plans.renderer()
        let e1 = try renderer.render(try Plans.apnOverE1(.vrp3)).parsed
        #expect(
            e1.controllers == [
                {
                    var controller = ParsedConfig.Controller(name: "1/0", line: 3)
                    controller.usingCE1 = 4
                    controller.channels = [ParsedConfig.Channel(number: 0, timeslots: "1-31", line: 5)]
                    return controller
                }()
            ])
        #expect(e1.interface(named: "Serial1/0:0")?.ppp == 8)
        let hub = try renderer.render(try Plans.hub(.vrp5)).parsed
        #expect(hub.interface(named: "GigabitEthernet0/0/0.102")?.vlan == Located(102, line: 14))
        #expect(hub.interface(named: "GigabitEthernet0/0/0.102")?.arpBroadcast == 16)
        let shares = try renderer.render(try Plans.apnWithShares(.ios)).parsed
        #expect(shares.routes.map(\.distance) == [nil, nil, nil, nil, 250, 250])
        let internet = try renderer.render(try Plans.internetWithPublicLAN(.vrp3)).parsed
        #expect(
            internet.interface(named: "Ethernet0/1")?.secondaries == [
                Located(
                    ParsedConfig.AddressMask(
                        address: try Plans.address("198.51.100.9"), mask: try Plans.address("255.255.255.248")),
                    line: 24)
            ])
    }

    @Test func aWrongVLAN() throws {
        let intent = try Plans.hub(.ios)
        let text = Plans.replacing(
            " encapsulation dot1Q 102", with: " encapsulation dot1Q 112", in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == ["HUB.ios.cfg:17: error: FastEthernet0/0.102 (WAN) VLAN is 112; the plan has 102"]
        )
    }

    @Test func aMissingTrunkPort() throws {
        let intent = try Plans.hub(.vrp3)
        let text = Plans.replacing(
            "interface Ethernet0/0\n description 802.1Q trunk to carrier, line ORD-2026-0060/HUB\n quit\n", with: "",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent)
                == [3, 8, 13].enumerated().map { offset, line in
                    "HUB.vrp3.cfg:\(line): error: Ethernet0/0.\(101 + offset) (WAN)'s trunk port Ethernet0/0 is not defined;"
                        + " the plan writes it before its sub-interfaces"
                })
    }

    @Test func aMissingController() throws {
        let intent = try Plans.apnOverE1(.vrp3)
        let text = Plans.replacing(
            "controller e1 1/0\n using ce1\n channel-set 0 timeslot-list 1-31\n quit\n", with: "",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "HQ.vrp3.cfg:3: error: Serial1/0:0 (WAN) is a channel of E1 1/0, which the configuration does not"
                    + " define (the plan has channel-set 0, timeslots 1-31)"
            ])
    }

    @Test func wrongTimeslots() throws {
        let intent = try Plans.apnOverE1(.ios)
        let text = Plans.replacing(
            " channel-group 0 timeslots 1-31", with: " channel-group 0 timeslots 1-30",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "HQ.ios.cfg:6: error: E1 0/0/0 channel-group 0 has timeslots 1-30; the plan has 1-31"
            ])
    }

    @Test func aSerialWithoutPPP() throws {
        let intent = try Plans.branchOverV35()
        let text = Plans.replacing(" encapsulation ppp\n", with: "", in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "SITE-A.ios.cfg:4: error: Serial0/0/0 (WAN) lacks 'encapsulation ppp'; the plan runs PPP"
            ])
    }

    @Test func aMissingFloatingRoute() throws {
        let intent = try Plans.apnWithShares(.vrp5)
        let text = Plans.replacing(
            "ip route-static 10.200.1.0 255.255.255.0 Tunnel0/0/0 preference 250\n", with: "",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "HQ.vrp5.cfg:34: error: the floating route to 10.200.1.0/24 through Tunnel0/0/0 (distance 250) is"
                    + " missing, so this route has no backup"
            ])
    }

    @Test func aFloatingRouteWithTheWrongDistance() throws {
        let intent = try Plans.apnWithShares(.ios)
        let text = Plans.replacing(
            "ip route 10.200.1.0 255.255.255.0 Tunnel0 250", with: "ip route 10.200.1.0 255.255.255.0 Tunnel0",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "HQ.ios.cfg:39: error: the route to 10.200.1.0/24 through Tunnel0 has distance 1; the plan has 250"
            ])
    }

    @Test func aWrongSecondary() throws {
        let intent = try Plans.internetWithPublicLAN(.ios)
        let text = Plans.replacing(
            " ip address 198.51.100.9 255.255.255.248 secondary",
            with: " ip address 198.51.100.10 255.255.255.248 secondary",
            in: try Plans.renderer().render(intent).text)
        #expect(
            problems(text, intent) == [
                "SHOP-7.ios.cfg:22: error: FastEthernet0/1 (LAN) secondary address is 198.51.100.10 255.255.255.248;"
                    + " the plan has 198.51.100.9 255.255.255.248 (198.51.100.8/29)"
            ])
    }
}
