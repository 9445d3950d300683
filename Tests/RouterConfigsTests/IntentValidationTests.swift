import Devices
import NetAddress
import RouterConfigs
import Testing

/// Hostile or contradictory intents are refused before any template runs, naming the field.
@Suite struct IntentValidationTests {
    @Test func aNewlineInTheSiteIsRefused() throws {
        var intent = try Plans.apn(.ios)
        intent.site = "HQ\nreload"
        let (code, problems) = renderProblems(intent, with: try Plans.renderer())
        #expect(code == .invalidIntent)
        #expect(
            problems == ["site: error: contains a line break (U+000A) at character 3; a value must stay on one line"])
    }

    @Test func aBannerOnVRPIsRefusedNotDropped() throws {
        var intent = try Plans.apn(.vrp5)
        intent.banner = "Authorized access only"
        let (code, problems) = renderProblems(intent, with: try Plans.renderer())
        #expect(code == .invalidIntent)
        #expect(
            problems == [
                "banner: error: Huawei VRP 5 configurations carry no login banner in LinePlan's templates; leave it"
                    + " out, or add 'header login information' to your copy of the templates"
            ])
    }

    @Test func hostileDescriptionsAndHostnamesAreRefusedPerPlatform() throws {
        var intent = try Plans.apn(.vrp3)
        intent.hostname = "农行总部"
        intent.wan.description = "to CMCC? yes"
        intent.lan.description = "LAN\u{1B}[2J"
        intent.tunnels[0].description = String(repeating: "G", count: 81)
        let (code, problems) = renderProblems(intent, with: try Plans.renderer())
        #expect(code == .invalidIntent)
        #expect(
            problems == [
                "hostname: error: contains '农' (U+519C) at character 1; a hostname takes only ASCII letters, digits"
                    + " and '-' (derive it from the site or line id)",
                "wan.description: error: contains '?' at character 8; the CLI reads '?' as a request for help",
                "lan.description: error: contains a control character (U+001B) at character 4",
                "tunnels[0].description: error: is 81 characters long; Huawei VRP 3 descriptions take at most 80",
            ])
    }

    @Test func aChineseLineIDCannotGoIntoDescriptions() throws {
        var intent = try Plans.interconnect(.ios)
        intent.lineID = "订单-0060"
        let (_, problems) = renderProblems(intent, with: try Plans.renderer())
        #expect(
            problems == [
                "lineID: error: contains '订' (U+8BA2) at character 1; Cisco IOS 12.4 descriptions are printable ASCII only"
            ])
    }

    @Test func aChineseCustomerNameIsFine() throws {
        let intent = try Plans.apn(.ios)
        #expect(intent.customer == "中国农业银行武汉分行")
        #expect(intent.validate().isEmpty)
    }

    @Test func addressesMustLieInTheirBlocksAndNotRepeat() throws {
        var intent = try Plans.apn(.ios, numbered: true)
        intent.wan.address = try Plans.address("10.250.0.9")
        intent.wanPeer = try Plans.address("10.250.0.3")
        intent.lan.address = try Plans.address("192.168.10.0")
        intent.tunnels[1].inner = try Plans.prefix("10.255.0.0/30")
        #expect(
            intent.validate().map(\.description) == [
                "wan.address: error: 10.250.0.9 lies outside its block 10.250.0.0/30",
                "lan.address: error: 192.168.10.0 is the network address of 192.168.10.0/24, not a host",
                "wanPeer: error: 10.250.0.3 is the broadcast address of 10.250.0.0/30, not a host",
                "tunnels[1].inner: error: 10.255.0.0/30 overlaps tunnels[0].inner 10.255.0.0/30",
                "tunnels[1].inner (customer end): error: 10.255.0.2 is also tunnels[0].inner (customer end)",
                "tunnels[1].inner (GGSN end): error: 10.255.0.1 is also tunnels[0].inner (GGSN end)",
            ])
    }

    @Test func aGGSNReachedThroughATunnelIsRefused() throws {
        var intent = try Plans.apn(.ios)
        intent.routes.removeFirst()
        intent.routes.append(.init(prefix: try Plans.prefix("172.16.100.0/24"), nextHop: .tunnel(0)))
        #expect(
            intent.validate().map(\.description) == [
                "routes[3]: error: 172.16.100.0/24 goes into a tunnel but lies outside the terminal pool 10.200.0.0/23",
                "routes[3]: error: sends tunnels[0].destination 172.16.100.1 into Tunnel0 (recursive routing); a GGSN"
                    + " is reached through the WAN peer 10.250.0.1",
            ])
        intent.routes.removeLast()
        #expect(
            intent.validate().map(\.description) == [
                "routes: error: no route to tunnels[0].destination 172.16.100.1; add a /32 through the WAN peer"
                    + " 10.250.0.1"
            ])
    }

    @Test func productsAndTheirParts() throws {
        // The default route covers the GGSNs through the WAN peer, so no host route is missing.
        var intent = try Plans.internet(.ios)
        intent.nat = nil
        intent.tunnels = try Plans.apn(.ios).tunnels
        intent.tunnels[0].mss = 1450
        intent.tunnels[1].keepalive.period = 0
        #expect(
            intent.validate().map(\.description) == [
                "tunnels: error: an internet line has no GRE tunnels",
                "tunnels[0].mss: error: 1450 is above the MTU 1476 less 40 bytes of IP and TCP headers",
                "tunnels[1].keepalive.period: error: 0 is outside 1...32767",
                "nat: error: an internet line translates its LAN; nat is missing",
            ])
    }

    @Test func theTerminalPoolStaysApartAndHoldsTheTunnelRoutes() throws {
        var intent = try Plans.apn(.vrp3)
        intent.pool = try Plans.prefix("192.168.0.0/16")
        #expect(
            intent.validate().map(\.description) == [
                "pool: error: 192.168.0.0/16 overlaps lan.block 192.168.10.0/24",
                "routes[2]: error: 10.200.0.0/23 goes into a tunnel but lies outside the terminal pool 192.168.0.0/16",
                "routes[3]: error: 10.200.0.0/23 goes into a tunnel but lies outside the terminal pool 192.168.0.0/16",
            ])
        intent.pool = nil
        #expect(intent.validate().map(\.description) == ["pool: error: an APN line needs its terminal pool"])
    }
}
