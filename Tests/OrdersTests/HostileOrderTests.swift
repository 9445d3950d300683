import LocatedJSON
import Orders
import Testing

/// Broken and hostile order files get located errors, never a crash or a hang.
@Suite struct HostileOrderTests {
    @Test func refusesEmptyFiles() {
        #expect(orderErrors("") == ["order.json:1:1: error: the file is empty; expected a JSON value"])
        #expect(
            orderErrors("", name: "order.csv") == ["order.csv:1:1: error: the file is empty; expected a header row"])
        #expect(
            orderErrors(bytes: [0xEF, 0xBB, 0xBF, 0x0A, 0x0D, 0x0A], name: "order.csv") == [
                "order.csv:1:1: error: the file is empty; expected a header row"
            ])
    }

    @Test func tellsTheFormatByNameOrByABrace() throws {
        let csv = OrderText.csv(OrderText.row("HQ"))
        #expect(
            orderErrors(csv, name: "order.txt") == [
                "order.txt:1:1: error: cannot tell the format of the order file: name it .json or .csv (a JSON order "
                    + "starts with '{')"
            ])
        #expect(try loadOrder(csv, name: "ORDER.CSV").order.id == "ORD-1")
        let json = OrderText.json(site: #""building": "BLD-A", "bandwidth": "2M", "interface": "FE""#)
        #expect(try loadOrder("\u{FEFF}\n " + json, name: "order.txt").order.id == "ORD-1")
        #expect(try loadOrder(json, name: "order.csv").order.id == "ORD-1")
    }

    @Test func refusesBrokenJSON() {
        #expect(
            orderErrors(bytes: Array(#"{"id": "A"#.utf8) + [0xFF] + Array(#""}"#.utf8)) == [
                "order.json:1:10: error: invalid UTF-8 byte 0xFF in a string"
            ])
        #expect(
            orderErrors(#"{"id": NaN}"#) == [
                "order.json:1:8: error: NaN and Infinity are not JSON numbers; write a finite number"
            ])
        #expect(orderErrors(#"{"id": "A", "id": "B"}"#) == ["order.json:1:13: error: duplicate key 'id' in an object"])
        #expect(
            orderErrors(#"{"sites": "# + String(repeating: "[", count: 100_000)) == [
                "order.json:1:74: error: nesting is deeper than 64 levels"
            ])
    }

    @Test func refusesAFileAboveTheSizeLimit() {
        let big = [UInt8](repeating: 0x20, count: 20 * 1024 * 1024)
        for name in ["order.json", "order.csv", "order.txt"] {
            #expect(
                orderErrors(bytes: big, name: name) == [
                    "\(name):1:1: error: the file is larger than the 16 MiB limit for order files"
                ])
        }
    }

    @Test func readsAFileAtTheSizeLimit() throws {
        let json = Array(OrderText.json(site: #""building": "BLD-A", "bandwidth": "2M", "interface": "FE""#).utf8)
        let padded = json + [UInt8](repeating: 0x0A, count: OrderFile.maximumSize - json.count)
        #expect(try OrderFile.load(name: "order.json", bytes: padded).order.sites.count == 1)
        #expect(orderErrors(bytes: padded + [0x0A]).count == 1)
    }

    @Test(.timeLimit(.minutes(1)))
    func stopsListingAfterAThousandProblems() {
        let sites = Array(repeating: "{}", count: 3000)
        let errors = orderErrors(OrderText.json(sites: sites))
        #expect(errors.count == 1001)
        #expect(errors.first == "order.json:7:5: error: missing required key 'name' (sites[0])")
        #expect(errors.last == "order.json:257:5: error: too many problems: 11000 more problems not shown")
    }

    @Test(.timeLimit(.minutes(1)))
    func checksALongSingleLineInLinearTime() {
        let sites = Array(repeating: #"{"name": 1}"#, count: 300_000).joined(separator: ",")
        let errors = orderErrors(
            #"{"id": "A", "customer": "C", "product": "internet", "received": "2026-01-05", "sites": ["#
                + sites + "]}")
        #expect(errors.count == 1001)
        #expect(errors.first == "order.json:1:89: error: the site has neither 'building' nor 'location' (sites[0])")
        #expect(errors[3] == "order.json:1:98: error: expected a string, found a number (sites[0].name)")
    }

    @Test(.timeLimit(.minutes(1)))
    func readsALargeCSV() throws {
        var text = OrderText.csvHeader + "\r\n"
        for index in 0..<50_000 {
            text += OrderText.row("S\(index)") + "\r\n"
        }
        let loaded = try loadOrder(text, name: "order.csv")
        #expect(loaded.order.sites.count == 50_000)
        #expect(loaded.source.diagnostic(.error, site: 49_999, field: "name", "x").line == 50_001)
    }
}
