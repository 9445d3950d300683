import LocatedJSON
import Orders
import Testing

/// The planner's diagnostics point into the order file the same way for JSON and CSV.
@Suite struct OrderSourceTests {
    static func describe(_ source: OrderSource, _ site: Int?, _ field: String?) -> String {
        source.diagnostic(.error, site: site, field: field, "problem").description
    }

    @Test func locatesValuesOfAJSONOrder() throws {
        let source = try loadOrder(
            OrderText.json(site: #""building": "BLD-A", "bandwidth": "10M", "interface": "FE""#)
        ).source
        #expect(Self.describe(source, 0, "building") == "order.json:7:32: error: problem (sites[0].building)")
        #expect(Self.describe(source, 0, "router") == "order.json:7:5: error: problem (sites[0].router)")
        #expect(Self.describe(source, 0, nil) == "order.json:7:5: error: problem (sites[0])")
        #expect(Self.describe(source, nil, "product") == "order.json:4:14: error: problem (product)")
        #expect(Self.describe(source, nil, "sites") == "order.json:6:12: error: problem (sites)")
        #expect(Self.describe(source, nil, "request") == "order.json:1:1: error: problem (request)")
        #expect(Self.describe(source, nil, nil) == "order.json:1:1: error: problem")
        #expect(Self.describe(source, 9, "building") == "order.json:1:1: error: problem (sites[9].building)")
        let warning = source.diagnostic(.warning, site: 0, field: "bandwidth", "busy ring")
        #expect(warning.description == "order.json:7:54: warning: busy ring (sites[0].bandwidth)")
    }

    @Test func locatesCellsOfACSVOrder() throws {
        let header = OrderText.csvHeader + ",x,y"
        let text = OrderText.csv(
            header: header, OrderText.row("HQ") + ",,", OrderText.row("BR1", building: "") + ",1,2")
        let source = try loadOrder(text, name: "order.csv").source
        #expect(Self.describe(source, 0, "building") == "order.csv:2:38: error: problem (sites[0].building)")
        #expect(Self.describe(source, 1, "bandwidth") == "order.csv:3:40: error: problem (sites[1].bandwidth)")
        #expect(Self.describe(source, 1, "location") == "order.csv:3:47: error: problem (sites[1].location)")
        #expect(Self.describe(source, 1, "router") == "order.csv:3:1: error: problem (sites[1].router)")
        #expect(Self.describe(source, 1, nil) == "order.csv:3:1: error: problem (sites[1])")
        #expect(Self.describe(source, nil, "product") == "order.csv:2:15: error: problem (product)")
        #expect(Self.describe(source, nil, "sites") == "order.csv:2:1: error: problem (sites)")
        #expect(Self.describe(source, nil, nil) == "order.csv:1:1: error: problem")
    }

    @Test func placesDiagnosticsOfAnOrderBuiltInCodeAtTheStart() {
        let source = OrderSource(file: "built.json")
        #expect(Self.describe(source, 2, "building") == "built.json:1:1: error: problem (sites[2].building)")
        #expect(source.file == "built.json")
    }
}
