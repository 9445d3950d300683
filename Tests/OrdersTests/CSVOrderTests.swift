import LocatedJSON
import NetAddress
import NetGraph
import Orders
import Testing
import WorkCalendar

/// Every check of a CSV order, with its exact message, line and column (in characters) and `sites[N]` paths.
///
/// The tests' rows put each cell at a known column: `ORD-1,某银行武汉分行,internet,2026-11-25,HQ,BLD-A,10M,FE`
/// has the name at column 35, the building at 38, the bandwidth at 44 and the interface at 48.
@Suite struct CSVOrderTests {
    static func errors(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        orderErrors(text, name: "order.csv", sourceLocation: sourceLocation)
    }

    static func load(_ text: String) throws -> LoadedOrder {
        try loadOrder(text, name: "order.csv")
    }

    @Test func loadsAnOrderOfTwoSites() throws {
        let loaded = try Self.load(OrderText.csv(OrderText.row("HQ"), OrderText.row("BR1", building: "BLD-B")))
        #expect(loaded.warnings.isEmpty)
        let expected = Order(
            id: "ORD-1", customer: "某银行武汉分行", product: .internet, received: try CalendarDate(parsing: "2026-11-25"),
            sites: [
                OrderSite(name: "HQ", building: "BLD-A", bandwidth: .megabits(10), interface: .fe),
                OrderSite(name: "BR1", building: "BLD-B", bandwidth: .megabits(10), interface: .fe),
            ])
        #expect(loaded.order == expected)
    }

    @Test func readsEveryColumnInAnyOrder() throws {
        let text = OrderText.csv(
            header: "terminals,lan,name,location,area,bandwidth,interface,protection,router,routerVersionFile,address,"
                + "description,mature,received,request,product,customer,id",
            #"300,/27,Depot,12.5 -3,countryside,2,V.35,diverse,Cisco 1841,v/depot.txt,"武汉市, ""A"" 座",说明,TRUE,"#
                + "2027-01-04,modify,apn,某电力公司,ORD-9")
        let order = try Self.load(text).order
        #expect(order.id == "ORD-9")
        #expect(order.product == .apn)
        #expect(order.request == .modify)
        #expect(order.mature)
        let expected = OrderSite(
            name: "Depot", address: #"武汉市, "A" 座"#, location: Location(x: 12.5, y: -3), area: .countryside,
            bandwidth: .megabits(2), interface: .v35, protection: .diverse, router: "Cisco 1841",
            routerVersionFile: "v/depot.txt", lan: .hosts(30), terminals: 300)
        #expect(order.sites == [expected])
    }

    @Test func readsALocationFromColumnsXAndY() throws {
        let header = "id,customer,product,received,name,x,y,bandwidth,interface"
        let text = OrderText.csv(
            header: header, "ORD-1,C,internet,2026-11-25,HQ,1.5,-2,2M,FE", "ORD-1,C,internet,2026-11-25,B2,,3,2M,FE",
            "ORD-1,C,internet,2026-11-25,B3,east,3,2M,FE")
        #expect(
            Self.errors(text) == [
                "order.csv:3:32: error: a location needs both 'x' and 'y' (sites[1].location[0])",
                "order.csv:4:32: error: expected a number in km, found 'east' (sites[2].location[0])",
            ])
        let first = OrderText.csv(header: header, "ORD-1,C,internet,2026-11-25,HQ,1.5,-2,2M,FE")
        #expect(try Self.load(first).order.sites[0].location == Location(x: 1.5, y: -2))
    }

    @Test func checksALocationCell() {
        let header = "id,customer,product,received,name,location,bandwidth,interface"
        #expect(
            Self.errors(OrderText.csv(header: header, "ORD-1,C,internet,2026-11-25,HQ,12.5,2M,FE")) == [
                "order.csv:2:32: error: expected 'x y' in km, found '12.5' (sites[0].location)"
            ])
        #expect(
            Self.errors(OrderText.csv(header: header, "ORD-1,C,internet,2026-11-25,HQ,1 200001,2M,FE")) == [
                "order.csv:2:32: error: 200001 is above the maximum 100000 (sites[0].location)"
            ])
        #expect(
            Self.errors(OrderText.csv(header: header, "ORD-1,C,internet,2026-11-25,HQ,,2M,FE")) == [
                "order.csv:2:1: error: site 'HQ' has neither 'building' nor 'location' (sites[0])"
            ])
    }

    @Test func needsABuildingOrALocationButNotBoth() {
        let header = OrderText.csvHeader + ",location"
        #expect(
            Self.errors(OrderText.csv(header: header, OrderText.row("HQ") + ",1 2")) == [
                "order.csv:2:51: error: site 'HQ' has both 'building' and 'location'; give one of them (sites[0].location)"
            ])
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ", building: ""))) == [
                "order.csv:2:1: error: site 'HQ' has neither 'building' nor 'location' (sites[0])"
            ])
    }

    @Test func quotedCellsHoldCommasQuotesAndLineBreaks() throws {
        let text = OrderText.csv(
            header: OrderText.csvHeader + ",description",
            OrderText.row("HQ") + ",\"第一行\n第二行, \"\"引号\"\"\"",
            OrderText.row("BR1", bandwidth: "\"1,5M\"") + ",\"第一行\n第二行, \"\"引号\"\"\"")
        #expect(
            Self.errors(text) == [
                "order.csv:4:45: error: invalid rate '1,5M'; \(Bandwidth.syntaxHint) (sites[1].bandwidth)"
            ])
    }

    @Test func countsCharactersNotBytesAfterChineseText() {
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ", bandwidth: "abc"))) == [
                "order.csv:2:44: error: invalid rate 'abc'; write a rate such as 2M, 100M, 1G, 10G, STM-1, or a number "
                    + "of Mbit/s (sites[0].bandwidth)"
            ])
        #expect(
            Self.errors(OrderText.csv(OrderText.row("总部", bandwidth: "100M").replacing(",FE", with: ",E1"))) == [
                "order.csv:2:44: error: 100M does not fit an E1 interface (at most 2.048M) (sites[0].bandwidth)"
            ])
    }

    @Test func readsAByteOrderMarkAndCRLF() throws {
        let text = OrderText.csv(OrderText.row("HQ"), OrderText.row("BR1", bandwidth: "0")).replacing(
            "\n", with: "\r\n")
        #expect(
            orderErrors(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "order.csv") == [
                "order.csv:3:45: error: the bandwidth must be above zero (sites[1].bandwidth)"
            ])
        let valid = OrderText.csv(OrderText.row("HQ")).replacing("\n", with: "\r\n")
        let loaded = try OrderFile.load(name: "order.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(valid.utf8))
        #expect(loaded.order.id == "ORD-1")
        #expect(loaded.order.sites[0].interface == .fe)
        let header = "ids" + OrderText.csvHeader.dropFirst(2)
        #expect(
            orderErrors(
                bytes: [0xEF, 0xBB, 0xBF] + Array(OrderText.csv(header: header, OrderText.row("HQ")).utf8),
                name: "order.csv") == [
                    "order.csv:1:1: error: unknown column 'ids'; did you mean 'id'?",
                    "order.csv:1:1: error: missing required column 'id'",
                ])
    }

    @Test func reportsRowsThatDisagreeOnTheOrder() {
        let text = OrderText.csv(
            OrderText.row("HQ"), OrderText.row("BR1").replacing("ORD-1", with: "ORD-2"),
            OrderText.row("BR2").replacing("某银行武汉分行", with: "某银行"),
            OrderText.row("BR3").replacing("ORD-1", with: "ORD-3"))
        #expect(
            Self.errors(text) == [
                "order.csv:3:1: error: 'id' is 'ORD-2' here but 'ORD-1' at line 2, column 1; every row must repeat the "
                    + "order's columns (id)",
                "order.csv:4:7: error: 'customer' is '某银行' here but '某银行武汉分行' at line 2, column 7; every row must "
                    + "repeat the order's columns (customer)",
            ])
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ"), OrderText.row("BR1").replacing("ORD-1", with: ""))) == [
                "order.csv:3:1: error: 'id' is empty here but 'ORD-1' at line 2, column 1; every row must repeat the "
                    + "order's columns (id)"
            ])
    }

    @Test func checksTheHeader() {
        let header = "id,customer,product,received,name,building,bandwith,colour,name,, interface"
        #expect(
            Self.errors(OrderText.csv(header: header, "ORD-1,C,internet,2026-11-25,HQ,BLD-A,2M,red,HQ,,FE")) == [
                "order.csv:1:1: error: missing required column 'bandwidth'",
                "order.csv:1:1: error: missing required column 'interface'",
                "order.csv:1:44: error: unknown column 'bandwith'; did you mean 'bandwidth'?",
                "order.csv:1:53: error: unknown column 'colour'",
                "order.csv:1:60: error: duplicate column 'name'; first at line 1, column 30",
                "order.csv:1:65: error: a column without a name; name it or delete it",
                "order.csv:1:66: error: unknown column ' interface'; did you mean 'interface'?",
            ])
        #expect(
            Self.errors(
                OrderText.csv(
                    header: "id,customer,product,received,name,x,bandwidth,interface", "A,C,apn,2026-01-05,N,1,2M,FE"))
                == [
                    "order.csv:1:35: error: a column 'x' needs a column 'y'",
                    "order.csv:2:1: error: an APN order needs 'terminals' (the number of mobile terminals) on its first site (sites[0])",
                ])
        #expect(
            Self.errors(
                OrderText.csv(
                    header: "id,customer,product,received,name,bandwidth,interface", "A,C,internet,2026-01-05,N,2M,FE"))
                == ["order.csv:1:1: error: missing a column 'building' or 'location' (or 'x' and 'y')"])
    }

    @Test func reportsRowsOfTheWrongLength() {
        let text = OrderText.csv(OrderText.row("HQ") + ",extra", "ORD-1,某银行武汉分行", OrderText.row("BR2", bandwidth: "x"))
        #expect(
            Self.errors(text) == [
                "order.csv:2:51: error: a row of 9 cells; the header has 8 columns (sites[0])",
                "order.csv:3:1: error: a row of 2 cells; the header has 8 columns (sites[1])",
                "order.csv:4:45: error: invalid rate 'x'; \(Bandwidth.syntaxHint) (sites[2].bandwidth)",
            ])
    }

    @Test func ignoresBlankTrailingLinesButNotBlankRowsBetween() throws {
        let trailing = OrderText.csv(OrderText.row("HQ")) + "\n\r\n,,,,,,,\n\n"
        #expect(try Self.load(trailing).order.sites.count == 1)
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ"), "", OrderText.row("BR1"))) == [
                "order.csv:3:1: error: a blank line between rows; delete it (sites[1])"
            ])
    }

    @Test func needsAtLeastOneRow() {
        #expect(
            Self.errors(OrderText.csvHeader + "\r\n") == [
                "order.csv:1:1: error: an order needs at least one site: the file has a header but no rows (sites)"
            ])
    }

    @Test func reportsEmptyRequiredCells() {
        #expect(
            Self.errors(
                OrderText.csv(OrderText.row("HQ", bandwidth: ""), "ORD-1,某银行武汉分行,internet,2026-11-25,,BLD-B,2M,"))
                == [
                    "order.csv:2:44: error: 'bandwidth' is required but the cell is empty (sites[0].bandwidth)",
                    "order.csv:3:35: error: 'name' is required but the cell is empty (sites[1].name)",
                    "order.csv:3:45: error: 'interface' is required but the cell is empty (sites[1].interface)",
                ])
        #expect(
            Self.errors(OrderText.csv("ORD-1,某银行武汉分行,,2026-11-25,HQ,BLD-A,10M,FE")) == [
                "order.csv:2:15: error: 'product' is required but the cell is empty (product)"
            ])
    }

    @Test func checksOrderCellsLikeJSONValues() {
        #expect(
            Self.errors(OrderText.csv("ORD 1,某银行武汉分行,apm,2026-02-30,HQ,BLD-A,10M,FE")) == [
                "order.csv:2:1: error: invalid order id 'ORD 1': an id must not contain spaces or control characters (id)",
                "order.csv:2:15: error: unknown product 'apm'; did you mean 'apn'? (product)",
                "order.csv:2:19: error: invalid date '2026-02-30': February 2026 has 28 days (received)",
            ])
    }

    @Test func readsMatureAsTrueOrFalse() throws {
        let header = OrderText.csvHeader + ",mature"
        let loaded = try Self.load(OrderText.csv(header: header, OrderText.row("HQ") + ",FALSE"))
        #expect(!loaded.order.mature)
        #expect(
            loaded.warnings.map(\.description) == [
                "order.csv:2:51: warning: a non-mature product: the reply waits for a solution template (3 working days) (mature)"
            ])
        #expect(
            Self.errors(OrderText.csv(header: header, OrderText.row("HQ") + ",maybe")) == [
                "order.csv:2:51: error: expected true or false, found 'maybe' (mature)"
            ])
    }

    @Test func readsTerminalsAndLANFromCells() throws {
        let header = OrderText.csvHeader + ",lan,terminals"
        let apn = { (row: String) in OrderText.csv(header: header, row.replacing("internet", with: "apn")) }
        let site = try Self.load(apn(OrderText.row("HQ") + ",10.88.0.0/24,300")).order.sites[0]
        #expect(site.lan == .prefix(try IPv4Prefix(parsing: "10.88.0.0/24")))
        #expect(site.terminals == 300)
        #expect(try Self.load(apn(OrderText.row("HQ") + ",500,1")).order.sites[0].lan == .hosts(500))
        #expect(
            Self.errors(apn(OrderText.row("HQ") + ",/26,")) == [
                "order.csv:2:50: error: an APN order needs 'terminals' (the number of mobile terminals) on its first site (sites[0].terminals)"
            ])
        #expect(
            Self.errors(apn(OrderText.row("HQ") + ",/33,3.5")) == [
                "order.csv:2:46: error: invalid LAN size '/33': a LAN size is /8 to /30 (sites[0].lan)",
                "order.csv:2:50: error: expected a whole number, found '3.5' (sites[0].terminals)",
            ])
        #expect(
            Self.errors(apn(OrderText.row("HQ") + ",0,-4")) == [
                "order.csv:2:46: error: 0 is below the minimum 1 (sites[0].lan)",
                "order.csv:2:48: error: -4 is below the minimum 1 (sites[0].terminals)",
            ])
        #expect(
            Self.errors(apn(OrderText.row("HQ") + ",1,99999999999999999999")) == [
                "order.csv:2:48: error: number 99999999999999999999 is too large (sites[0].terminals)"
            ])
        #expect(
            Self.errors(OrderText.csv(header: header, OrderText.row("HQ") + ",,30")) == [
                "order.csv:2:52: error: 'terminals' applies to APN orders only (sites[0].terminals)"
            ])
    }

    @Test func checksTextAndEnumerationCellsAfterAQuotedLineBreak() {
        let text = OrderText.csv(
            header: OrderText.csvHeader + ",area,protection",
            "ORD-1,\"某银行\n武汉分行\",internet,2026-11-25,\"HQ \",BLD A,10M,ge,city,diverce")
        #expect(
            Self.errors(text) == [
                #"order.csv:2:7: error: invalid customer '某银行\n武汉分行': must not contain a line break (customer)"#,
                "order.csv:3:27: error: invalid site name 'HQ ': must not start or end with a space (sites[0].name)",
                "order.csv:3:33: error: invalid building id 'BLD A': an id must not contain spaces or control "
                    + "characters (sites[0].building)",
                "order.csv:3:43: error: unknown interface 'ge'; did you mean 'GE'? (sites[0].interface)",
                "order.csv:3:46: error: unknown area 'city'; expected one of town, countryside (sites[0].area)",
                "order.csv:3:51: error: unknown protection 'diverce'; did you mean 'diverse'? (sites[0].protection)",
            ])
    }

    @Test func reportsDuplicateSiteNamesWithTheFirstPosition() {
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ"), OrderText.row("HQ", building: "BLD-B"))) == [
                "order.csv:3:35: error: duplicate site name 'HQ'; first used at line 2, column 35 (sites[1].name)"
            ])
    }
}
