import LocatedJSON
import NetAddress
import NetGraph
import Orders
import Testing
import WorkCalendar

/// Every check of a JSON order, with its exact message, line and column.
@Suite struct JSONOrderTests {
    static let rate = #""bandwidth": "10M", "interface": "FE""#

    @Test func loadsAMinimalOrderWithDefaults() throws {
        let loaded = try loadOrder(OrderText.json(site: #""building": "BLD-A", "# + Self.rate))
        #expect(loaded.warnings.isEmpty)
        let expected = Order(
            id: "ORD-1", customer: "某银行武汉分行", product: .internet, received: try CalendarDate(parsing: "2026-11-25"),
            sites: [OrderSite(name: "HQ", building: "BLD-A", bandwidth: .megabits(10), interface: .fe)])
        #expect(loaded.order == expected)
        #expect(loaded.order.request == .new)
        #expect(loaded.order.mature)
        #expect(loaded.order.sites[0].protection == Protection.none)
    }

    @Test func readsEveryKey() throws {
        let text = """
            {
              "$schema": "../order.schema.json",
              "description": "测试",
              "id": "ORD-9",
              "customer": "某电力公司",
              "product": "apn",
              "request": "modify",
              "received": "2027-01-04",
              "mature": true,
              "sites": [
                {"name": "Depot", "address": "武汉市", "location": [12.5, -3], "area": "countryside",
                 "bandwidth": 2, "interface": "V.35", "protection": "diverse", "router": "Huawei AR28-11",
                 "routerVersionFile": "versions/depot.txt", "lan": 50, "terminals": 1000000}
              ]
            }
            """
        let order = try loadOrder(text).order
        #expect(order.request == .modify)
        #expect(order.received == (try CalendarDate(parsing: "2027-01-04")))
        let expected = OrderSite(
            name: "Depot", address: "武汉市", location: Location(x: 12.5, y: -3), area: .countryside,
            bandwidth: .megabits(2), interface: .v35, protection: .diverse, router: "Huawei AR28-11",
            routerVersionFile: "versions/depot.txt", lan: .hosts(50), terminals: 1_000_000)
        #expect(order.sites == [expected])
    }

    @Test func nullCountsAsAbsent() throws {
        let text = OrderText.json(
            site: #""building": "BLD-A", "location": null, "router": null, "lan": null, "protection": null, "#
                + Self.rate)
        let site = try loadOrder(text).order.sites[0]
        #expect(site.location == nil)
        #expect(site.router == nil)
        #expect(site.protection == Protection.none)
    }

    @Test func reportsMissingRequiredKeysAtTheObject() {
        #expect(
            orderErrors(#"{"sites": [{"bandwidth": "2M"}]}"#) == [
                "order.json:1:1: error: missing required key 'id'",
                "order.json:1:1: error: missing required key 'customer'",
                "order.json:1:1: error: missing required key 'product'",
                "order.json:1:1: error: missing required key 'received'",
                "order.json:1:12: error: missing required key 'name' (sites[0])",
                "order.json:1:12: error: the site has neither 'building' nor 'location' (sites[0])",
                "order.json:1:12: error: missing required key 'interface' (sites[0])",
            ])
        #expect(
            orderErrors(#"{"id": "A", "customer": "C", "product": "apn", "received": "2026-01-05"}"#) == [
                "order.json:1:1: error: missing required key 'sites'"
            ])
    }

    @Test func reportsNullForARequiredKey() {
        let text = OrderText.json(site: #""building": "BLD-A", "bandwidth": null, "interface": "FE""#)
        #expect(orderErrors(text) == ["order.json:7:54: error: 'bandwidth' must not be null (sites[0].bandwidth)"])
    }

    @Test func suggestsTheKeyMeant() {
        let text = """
            {
              "id": "ORD-1", "custmer": "C", "customer": "C", "product": "internet", "received": "2026-11-25",
              "sites": [{"name": "HQ", "building": "BLD-A", "bandwith": "2M", "bandwidth": "2M", "interface": "FE",
                         "colour": "red"}]
            }
            """
        #expect(
            orderErrors(text) == [
                "order.json:2:18: error: unknown key 'custmer'; did you mean 'customer'? (custmer)",
                "order.json:3:49: error: unknown key 'bandwith'; did you mean 'bandwidth'? (sites[0].bandwith)",
                "order.json:4:14: error: unknown key 'colour' (sites[0].colour)",
            ])
    }

    @Test func reportsWrongTypes() {
        let text = """
            {"id": 5, "customer": ["C"], "product": "internet", "received": "2026-11-25", "mature": "yes",
             "description": 7, "sites": [{"name": "HQ", "building": "BLD-A", "bandwidth": true, "interface": "FE"}, "B"]}
            """
        #expect(
            orderErrors(text) == [
                "order.json:1:8: error: expected a string, found a number (id)",
                "order.json:1:23: error: expected a string, found an array (customer)",
                "order.json:1:89: error: expected true or false, found a string (mature)",
                "order.json:2:17: error: expected a string, found a number (description)",
                "order.json:2:79: error: expected a rate, found a boolean; \(Bandwidth.syntaxHint) (sites[0].bandwidth)",
                "order.json:2:105: error: expected an object, found a string (sites[1])",
            ])
        #expect(
            orderErrors(#"{"id": "A", "customer": "C", "product": "apn", "received": "2026-01-05", "sites": {}}"#)
                == ["order.json:1:83: error: expected an array, found an object (sites)"])
        #expect(orderErrors("[1, 2]") == ["order.json:1:1: error: expected an object, found an array"])
    }

    @Test func checksTheOrderID() {
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD-A", "# + Self.rate).replacing("ORD-1", with: "ORD 1"))
                == [
                    "order.json:2:9: error: invalid order id 'ORD 1': an id must not contain spaces or control characters (id)"
                ])
        #expect(
            orderErrors(
                OrderText.json(site: #""building": "BLD-A", "# + Self.rate).replacing(#""ORD-1""#, with: #""""#))
                == ["order.json:2:9: error: invalid order id '': an id must not be empty (id)"])
        let long = String(repeating: "A", count: 65)
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD-A", "# + Self.rate).replacing("ORD-1", with: long))
                == [
                    "order.json:2:9: error: invalid order id '\(long.dropLast())…': an id is at most 64 characters (id)"
                ])
    }

    @Test func checksTheCustomer() {
        let base = OrderText.json(site: #""building": "BLD-A", "# + Self.rate)
        let long = String(repeating: "行", count: 129)
        let shown = String(repeating: "行", count: 64) + "…"
        #expect(
            orderErrors(base.replacing("某银行武汉分行", with: long)) == [
                "order.json:3:15: error: invalid customer '\(shown)': 129 characters, at most 128 (customer)"
            ])
        #expect(
            orderErrors(base.replacing("某银行武汉分行", with: #"某银行\n武汉分行"#)) == [
                #"order.json:3:15: error: invalid customer '某银行\n武汉分行': must not contain a line break (customer)"#
            ])
        #expect(
            orderErrors(base.replacing("某银行武汉分行", with: #"某银行\u0007"#)) == [
                #"order.json:3:15: error: invalid customer '某银行\u{7}': must not contain control character U+0007 (customer)"#
            ])
        #expect(
            orderErrors(base.replacing("某银行武汉分行", with: "")) == [
                "order.json:3:15: error: invalid customer '': must not be empty (customer)"
            ])
        #expect(throws: Never.self) {
            try loadOrder(base.replacing("某银行武汉分行", with: String(repeating: "行", count: 128)))
        }
    }

    @Test func checksProductAndRequest() throws {
        let base = OrderText.json(site: #""building": "BLD-A", "# + Self.rate)
        #expect(
            orderErrors(base.replacing(#""internet""#, with: #""internt""#)) == [
                "order.json:4:14: error: unknown product 'internt'; did you mean 'internet'? (product)"
            ])
        #expect(
            orderErrors(base.replacing(#""internet""#, with: #""leased line""#)) == [
                "order.json:4:14: error: unknown product 'leased line'; expected one of interconnect, internet, apn (product)"
            ])
        let withRequest = { (request: String) in
            base.replacing(#""product": "internet","#, with: #""product": "internet", "request": "\#(request)","#)
        }
        #expect(try loadOrder(withRequest("cease")).order.request == .cease)
        #expect(try loadOrder(withRequest("modify")).order.request == .modify)
        #expect(
            orderErrors(withRequest("adjust")) == [
                "order.json:4:37: error: unknown request 'adjust'; did you mean 'modify'? (request)"
            ])
    }

    @Test func checksTheDateReceived() {
        let base = OrderText.json(site: #""building": "BLD-A", "# + Self.rate)
        #expect(
            orderErrors(base.replacing("2026-11-25", with: "2026-02-30")) == [
                "order.json:5:15: error: invalid date '2026-02-30': February 2026 has 28 days (received)"
            ])
        #expect(
            orderErrors(base.replacing("2026-11-25", with: "2026/11/25")) == [
                "order.json:5:15: error: invalid date '2026/11/25': expected YYYY-MM-DD (received)"
            ])
        #expect(
            orderErrors(base.replacing(#""2026-11-25""#, with: "20261125")) == [
                "order.json:5:15: error: expected a string, found a number (received)"
            ])
    }

    @Test func warnsAboutANonMatureProduct() throws {
        let text = OrderText.json(site: #""building": "BLD-A", "# + Self.rate)
            .replacing(#""received": "2026-11-25","#, with: #""received": "2026-11-25", "mature": false,"#)
        let loaded = try loadOrder(text)
        #expect(!loaded.order.mature)
        #expect(
            loaded.warnings.map(\.description) == [
                "order.json:5:39: warning: a non-mature product: the reply waits for a solution template "
                    + "(3 working days) (mature)"
            ])
    }

    @Test func needsAtLeastOneSite() {
        #expect(
            orderErrors(OrderText.json(sites: [])) == [
                "order.json:6:12: error: an order needs at least one site (sites)"
            ])
    }

    @Test func checksSiteNames() {
        let site = #"{"name": "HQ", "building": "BLD-A", "bandwidth": "10M", "interface": "FE"}"#
        #expect(
            orderErrors(OrderText.json(sites: [site, site])) == [
                "order.json:8:14: error: duplicate site name 'HQ'; first used at line 7, column 14 (sites[1].name)"
            ])
        let long = String(repeating: "n", count: 65)
        #expect(
            orderErrors(OrderText.json(sites: [site.replacing(#""HQ""#, with: #""\#(long)""#)])) == [
                "order.json:7:14: error: invalid site name '\(long.prefix(64))…': 65 characters, at most 64 (sites[0].name)"
            ])
        #expect(
            orderErrors(OrderText.json(sites: [site.replacing(#""HQ""#, with: #""HQ ""#)])) == [
                "order.json:7:14: error: invalid site name 'HQ ': must not start or end with a space (sites[0].name)"
            ])
        #expect(
            orderErrors(OrderText.json(sites: [site.replacing(#""HQ""#, with: #""H\tQ""#)])) == [
                #"order.json:7:14: error: invalid site name 'H\tQ': must not contain control character U+0009 (sites[0].name)"#
            ])
    }

    @Test func needsABuildingOrALocationButNotBoth() {
        #expect(
            orderErrors(OrderText.json(site: Self.rate)) == [
                "order.json:7:5: error: site 'HQ' has neither 'building' nor 'location' (sites[0])"
            ])
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD-A", "location": [1, 2], "# + Self.rate)) == [
                "order.json:7:53: error: site 'HQ' has both 'building' and 'location'; give one of them (sites[0].location)"
            ])
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD A", "# + Self.rate)) == [
                "order.json:7:32: error: invalid building id 'BLD A': an id must not contain spaces or control characters (sites[0].building)"
            ])
    }

    @Test func checksTheLocation() {
        #expect(
            orderErrors(OrderText.json(site: #""location": [1], "# + Self.rate)) == [
                "order.json:7:32: error: expected [x, y] in km, found an array of 1 (sites[0].location)"
            ])
        #expect(
            orderErrors(OrderText.json(site: #""location": "1 2", "# + Self.rate)) == [
                "order.json:7:32: error: expected [x, y] in km, found a string (sites[0].location)"
            ])
        #expect(
            orderErrors(OrderText.json(site: #""location": ["1", 200000], "# + Self.rate)) == [
                "order.json:7:33: error: expected a number, found a string (sites[0].location[0])",
                "order.json:7:38: error: 200000 is above the maximum 100000 (sites[0].location[1])",
            ])
    }

    @Test func checksTheArea() {
        #expect(
            orderErrors(OrderText.json(site: #""location": [1, 2], "area": "city", "# + Self.rate)) == [
                "order.json:7:48: error: unknown area 'city'; expected one of town, countryside (sites[0].area)"
            ])
    }

    @Test func checksTheBandwidth() throws {
        let site = { (bandwidth: String, interface: String) in
            OrderText.json(site: #""building": "BLD-A", "bandwidth": \#(bandwidth), "interface": "\#(interface)""#)
        }
        #expect(
            orderErrors(site(#""abc""#, "FE")) == [
                "order.json:7:54: error: invalid rate 'abc'; write a rate such as 2M, 100M, 1G, 10G, STM-1, or a number "
                    + "of Mbit/s (sites[0].bandwidth)"
            ])
        #expect(
            orderErrors(site(#""0M""#, "FE")) == [
                "order.json:7:54: error: the bandwidth must be above zero (sites[0].bandwidth)"
            ])
        #expect(
            orderErrors(site("-5", "FE")) == [
                "order.json:7:54: error: must not be negative, found -5 (sites[0].bandwidth)"
            ])
        #expect(
            orderErrors(site(#""100M""#, "E1")) == [
                "order.json:7:54: error: 100M does not fit an E1 interface (at most 2.048M) (sites[0].bandwidth)"
            ])
        #expect(
            orderErrors(site(#""1G""#, "FE")) == [
                "order.json:7:54: error: 1G does not fit an FE interface (at most 100M) (sites[0].bandwidth)"
            ])
        #expect(
            orderErrors(site(#""STM-1""#, "V.35")) == [
                "order.json:7:54: error: 155.52M does not fit a V.35 interface (at most 2.048M) (sites[0].bandwidth)"
            ])
        #expect(try loadOrder(site(#""2.048M""#, "E1")).order.sites[0].bandwidth == Bandwidth(kilobits: 2048))
        #expect(try loadOrder(site("2.5", "FE")).order.sites[0].bandwidth == Bandwidth(kilobits: 2500))
        #expect(try loadOrder(site(#""10G""#, "10GE")).order.sites[0].bandwidth == .megabits(10_000))
        #expect(try loadOrder(site(#""100M""#, "FE")).order.sites[0].interface == .fe)
    }

    @Test func checksTheInterfaceAndProtection() {
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD-A", "bandwidth": "2M", "interface": "ge""#)) == [
                "order.json:7:73: error: unknown interface 'ge'; did you mean 'GE'? (sites[0].interface)"
            ])
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD-A", "bandwidth": "2M", "interface": "ATM155""#)) == [
                "order.json:7:73: error: unknown interface 'ATM155'; expected one of FE, GE, 10GE, E1, V.35 (sites[0].interface)"
            ])
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD-A", "protection": "diverce", "# + Self.rate)) == [
                "order.json:7:55: error: unknown protection 'diverce'; did you mean 'diverse'? (sites[0].protection)"
            ])
    }

    @Test func checksTheLAN() throws {
        let site = { (lan: String) in OrderText.json(site: #""building": "BLD-A", "lan": \#(lan), "# + Self.rate) }
        #expect(
            try loadOrder(site(#""192.168.10.0/24""#)).order.sites[0].lan
                == .prefix(try IPv4Prefix(parsing: "192.168.10.0/24")))
        #expect(try loadOrder(site(#""/27""#)).order.sites[0].lan == .hosts(30))
        #expect(try loadOrder(site(#""/8""#)).order.sites[0].lan == .hosts(16_777_214))
        #expect(try loadOrder(site(#""/30""#)).order.sites[0].lan == .hosts(2))
        #expect(try loadOrder(site("200")).order.sites[0].lan == .hosts(200))
        #expect(try loadOrder(site(#""200""#)).order.sites[0].lan == .hosts(200))
        #expect(
            orderErrors(site(#""10.88.0.1/24""#)) == [
                "order.json:7:48: error: invalid prefix '10.88.0.1/24': host bits are set (did you mean 10.88.0.0/24?) (sites[0].lan)"
            ])
        #expect(
            orderErrors(site(#""10.88.0.0""#)) == [
                "order.json:7:48: error: invalid prefix '10.88.0.0': expected 'address/length', the '/length' is missing (sites[0].lan)"
            ])
        #expect(
            orderErrors(site(#""/31""#)) == [
                "order.json:7:48: error: invalid LAN size '/31': a LAN size is /8 to /30 (sites[0].lan)"
            ])
        #expect(
            orderErrors(site(#""/7""#)) == [
                "order.json:7:48: error: invalid LAN size '/7': a LAN size is /8 to /30 (sites[0].lan)"
            ])
        #expect(
            orderErrors(site(#""/x""#)) == [
                "order.json:7:48: error: invalid LAN size '/x': a LAN size is /8 to /30 (sites[0].lan)"
            ])
        #expect(orderErrors(site("0")) == ["order.json:7:48: error: 0 is below the minimum 1 (sites[0].lan)"])
        #expect(
            orderErrors(site("16777215")) == [
                "order.json:7:48: error: 16777215 is above the maximum 16777214 (sites[0].lan)"
            ])
        #expect(orderErrors(site("2.5")) == ["order.json:7:48: error: number 2.5 is not a whole number (sites[0].lan)"])
        #expect(
            orderErrors(site("true")) == [
                "order.json:7:48: error: expected a LAN, found a boolean; write a prefix such as 192.168.10.0/24, a size "
                    + "such as /27, or a number of hosts (sites[0].lan)"
            ])
    }

    @Test func needsTerminalsOnAnAPNOrdersFirstSite() throws {
        let apn = { (terminals: String) in
            OrderText.json(product: "apn", site: #""building": "BLD-A", \#(terminals)"# + Self.rate)
        }
        #expect(try loadOrder(apn(#""terminals": 300, "#)).order.sites[0].terminals == 300)
        #expect(
            orderErrors(apn("")) == [
                "order.json:7:5: error: an APN order needs 'terminals' (the number of mobile terminals) on its first site (sites[0])"
            ])
        #expect(
            orderErrors(apn(#""terminals": null, "#)) == [
                "order.json:7:54: error: an APN order needs 'terminals' (the number of mobile terminals) on its first site (sites[0].terminals)"
            ])
        #expect(
            orderErrors(apn(#""terminals": 0, "#)) == [
                "order.json:7:54: error: 0 is below the minimum 1 (sites[0].terminals)"
            ])
        #expect(
            orderErrors(apn(#""terminals": 1000001, "#)) == [
                "order.json:7:54: error: 1000001 is above the maximum 1000000 (sites[0].terminals)"
            ])
        #expect(
            orderErrors(apn(#""terminals": "300", "#)) == [
                "order.json:7:54: error: expected a whole number, found a string (sites[0].terminals)"
            ])
        let second = #"{"name": "Branch", "building": "BLD-B", "bandwidth": "2M", "interface": "FE"}"#
        let first = #"{"name": "HQ", "building": "BLD-A", "terminals": 300, "bandwidth": "2M", "interface": "FE"}"#
        #expect(try loadOrder(OrderText.json(product: "apn", sites: [first, second])).order.sites[1].terminals == nil)
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD-A", "terminals": 300, "# + Self.rate)) == [
                "order.json:7:54: error: 'terminals' applies to APN orders only (sites[0].terminals)"
            ])
    }

    @Test func checksFreeText() {
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD-A", "router": "", "# + Self.rate)) == [
                "order.json:7:51: error: invalid router '': must not be empty (sites[0].router)"
            ])
        #expect(
            orderErrors(OrderText.json(site: #""building": "BLD-A", "address": "A\nB", "# + Self.rate)) == [
                #"order.json:7:52: error: invalid address 'A\nB': must not contain a line break (sites[0].address)"#
            ])
    }

    @Test func reportsEveryProblemAtOnceInFileOrder() {
        let sites = [
            #"{"name": "HQ", "building": "BLD-A", "bandwidth": "100M", "interface": "E1"}"#,
            #"{"name": "HQ", "bandwidth": "2M", "interface": "FX"}"#,
        ]
        #expect(
            orderErrors(OrderText.json(product: "apm", sites: sites)) == [
                "order.json:4:14: error: unknown product 'apm'; did you mean 'apn'? (product)",
                "order.json:7:54: error: 100M does not fit an E1 interface (at most 2.048M) (sites[0].bandwidth)",
                "order.json:8:5: error: the site has neither 'building' nor 'location' (sites[1])",
                "order.json:8:14: error: duplicate site name 'HQ'; first used at line 7, column 14 (sites[1].name)",
                "order.json:8:52: error: unknown interface 'FX'; did you mean 'FE'? (sites[1].interface)",
            ])
    }
}
