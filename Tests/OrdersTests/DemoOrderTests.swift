import LocatedJSON
import NetAddress
import NetGraph
import Orders
import Testing
import WorkCalendar

/// The demo orders of the Wuhan network load cleanly and name its real buildings.
@Suite struct DemoOrderTests {
    static let folder = "Topologies/wuhan/orders/"
    /// Every demo order.
    static let demoOrders = [
        "bank-apn.json", "branches-interconnect.csv", "office-internet.json", "needs-construction.json",
        "power-apn-e1.json", "hotel-internet-public.json", "exchange-internet-diverse.json",
        "hospitals-interconnect.json", "chinese-interconnect.json",
    ]

    static func load(_ file: String) throws -> LoadedOrder {
        try OrderFile.load(name: file, bytes: try PackageFiles.bytes(folder + file))
    }

    @Test(arguments: demoOrders)
    func loadsWithoutDiagnostics(file: String) throws {
        let loaded = try Self.load(file)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.source.file == file)
    }

    @Test(arguments: demoOrders)
    func namesBuildingsOfTheWuhanNetwork(file: String) throws {
        let network = try Network.load(
            name: "network.json", bytes: try PackageFiles.bytes("Topologies/wuhan/network.json")
        )
        .network
        for site in try Self.load(file).order.sites {
            let building = try #require(site.building)
            let index = try #require(network.nodeIndex(of: building), "\(building) is not in the network")
            #expect(network.nodes[index].kind == .building)
        }
    }

    @Test func readsTheBankAPNOrder() throws {
        let order = try Self.load("bank-apn.json").order
        #expect(order.customer == "某银行武汉分行")
        #expect(order.product == .apn)
        #expect(order.request == .new)
        #expect(order.received == (try CalendarDate(parsing: "2026-09-30")))
        #expect(order.mature)
        #expect(
            order.description == "GPRS-APN line for 300 wireless POS terminals; the bank's own LAN behind the router")
        let expected = OrderSite(
            name: "HQ", address: "武汉市江汉区建设大道618号", contact: "王建国", phone: "027-8588 6618",
            building: "BLD-ABC-WUHAN", bandwidth: .megabits(2),
            interface: .fe, protection: .diverse, router: "Cisco 1841",
            lan: .prefix(try IPv4Prefix(parsing: "10.88.0.0/24")), terminals: 300)
        #expect(order.sites == [expected])
    }

    @Test func readsTheBranchesFromCSV() throws {
        let order = try Self.load("branches-interconnect.csv").order
        #expect(order.id == "WH-2026-1120-CORP")
        #expect(order.customer == "某物流集团")
        #expect(order.product == .interconnect)
        #expect(order.received == (try CalendarDate(parsing: "2026-11-20")))
        #expect(order.sites.map(\.name) == ["HQ", "BR1", "BR2", "BR3", "BR4", "BR5"])
        #expect(order.sites.map(\.building) == ["HQ", "BR1", "BR2", "BR3", "BR4", "BR5"].map { "BLD-CORP-\($0)" })
        // The hub carries its five branches' 220M together.
        #expect(order.sites.map(\.bandwidth.description) == ["300M", "20M", "30M", "50M", "20M", "100M"])
        #expect(order.sites.map(\.interface) == [.ge, .fe, .fe, .fe, .fe, .ge])
        #expect(order.sites.map(\.protection) == [.diverse, Protection.none, .diverse, Protection.none, .none, .none])
        #expect(order.sites[0].lan == .hosts(62))
        #expect(order.sites[1].lan == .hosts(30))
        #expect(order.sites[0].router == "Huawei AR28-11")
        #expect(order.sites[0].address == "武汉市武昌区中北路210号")
        #expect(order.sites.map(\.contact) == ["张伟", "刘洋", "赵敏", "孙磊", "周静", "吴强"])
        #expect(order.sites[3].phone == "(027) 8752 6601")
        #expect(order.sites[5].phone == "+86 139 7100 5226")
        #expect(
            order.description
                == "Interconnect line joining five branches to the logistics group's HQ; BR5 sits on the busy ring "
                + "ACC-NE-01")
    }

    @Test func readsTheOfficeAndTheFarm() throws {
        let office = try Self.load("office-internet.json").order
        #expect(office.product == .internet)
        #expect(office.sites.map(\.building) == ["BLD-OFFICE-PARK"])
        #expect(office.sites[0].bandwidth == .megabits(50))
        #expect(office.sites[0].router == "Huawei AR1220")
        #expect(office.sites[0].lan == .hosts(14))
        #expect(office.received == (try CalendarDate(parsing: "2026-11-25")))
        let farm = try Self.load("needs-construction.json").order
        #expect(farm.sites.map(\.building) == ["BLD-XINZHOU-FARM"])
        #expect(farm.sites[0].area == .countryside)
        #expect(farm.sites[0].bandwidth == .megabits(20))
        #expect(farm.received == (try CalendarDate(parsing: "2026-12-28")))
    }
}
