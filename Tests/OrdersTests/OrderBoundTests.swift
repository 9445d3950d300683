import Foundation
import Orders
import Testing
import WorkCalendar

/// Every number of an order is bounded when it is read: the largest and smallest values each format's grammar
/// allows get an error at the value naming the field and the bound (issue 13).
@Suite struct OrderBoundTests {
    /// A JSON order of one site whose member `key` has the value `value` (an APN order for `terminals`, an
    /// internet order otherwise), and the value's line and column.
    static func json(_ key: String, _ value: String) -> (text: String, line: Int, column: Int) {
        let members =
            switch key {
            case "location": #""location": @, "bandwidth": "10M", "interface": "FE""#
            case "bandwidth": #""building": "BLD-A", "interface": "FE", "bandwidth": @"#
            default: #""building": "BLD-A", "bandwidth": "10M", "interface": "FE", ""# + key + #"": @"#
            }
        let text = OrderText.json(product: key == "terminals" ? "apn" : "internet", site: members)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.contains("@") } ?? 0
        let marker = lines[line].firstIndex(of: "@") ?? lines[line].startIndex
        let column = lines[line].distance(from: lines[line].startIndex, to: marker) + 1
        return (text.replacingOccurrences(of: "@", with: value), line + 1, column)
    }

    @Test(arguments: [
        ("terminals", "9223372036854775807", "9223372036854775807 is above the maximum 1000000"),
        ("terminals", "-9223372036854775808", "-9223372036854775808 is below the minimum 1"),
        ("terminals", "1e308", "number 1e+308 is too large"),
        ("terminals", "-1e308", "number -1e+308 is too large"),
        ("terminals", "-0", "0 is below the minimum 1"),
        ("bandwidth", "9223372036854775807", "9223372036854775807 is above the maximum 1000000000"),
        ("bandwidth", "-9223372036854775808", "must not be negative, found -9223372036854775808"),
        ("bandwidth", "1e308", "1e+308 is above the maximum 1000000000"),
        ("bandwidth", "-1e308", "must not be negative, found -1e+308"),
        ("bandwidth", "-0", "the bandwidth must be above zero"),
        (
            "bandwidth", "\"9223372036854775807G\"",
            "invalid rate '9223372036854775807G'; write a rate such as 2M, "
                + "100M, 1G, 10G, STM-1, or a number of Mbit/s"
        ),
        ("lan", "9223372036854775807", "9223372036854775807 is above the maximum 16777214"),
        ("lan", "-9223372036854775808", "-9223372036854775808 is below the minimum 1"),
        ("lan", "1e308", "number 1e+308 is too large"),
        ("lan", "\"/99999999999999999999\"", "invalid LAN size '/99999999999999999999': a LAN size is /8 to /30"),
        (
            "lan", "\"10.0.0.0/99999999999999999999\"",
            "invalid prefix '10.0.0.0/99999999999999999999': prefix length 99999999999999999999 is above 32"
        ),
        ("publicLAN", "9223372036854775807", "9223372036854775807 is above the maximum 16777214"),
        ("publicLAN", "255", "a public LAN is /24 to /30 (2 to 254 hosts): public addresses are scarce"),
    ])
    func refusesAJSONNumberOutOfBoundsAtItsValue(key: String, value: String, message: String) {
        let (text, line, column) = Self.json(key, value)
        #expect(orderErrors(text) == ["order.json:\(line):\(column): error: \(message) (sites[0].\(key))"])
    }

    @Test(arguments: [
        ("9223372036854775807", "0", "[0]", "9223372036854775807 is above the maximum 100000"),
        ("-9223372036854775808", "0", "[0]", "-9223372036854775808 is below the minimum -100000"),
        ("0", "1e308", "[1]", "1e+308 is above the maximum 100000"),
        ("0", "-1e308", "[1]", "-1e+308 is below the minimum -100000"),
    ])
    func refusesAJSONCoordinateOutOfBounds(x: String, y: String, element: String, message: String) {
        let (text, line, column) = Self.json("location", "[\(x), \(y)]")
        let offset = element == "[0]" ? 1 : 3 + x.count
        #expect(
            orderErrors(text) == [
                "order.json:\(line):\(column + offset): error: \(message) (sites[0].location\(element))"
            ])
    }

    @Test func readsTheBoundsOfAJSONOrder() throws {
        for (key, value) in [
            ("terminals", "1"), ("terminals", "1000000"), ("lan", "1"), ("lan", "16777214"), ("lan", "\"/8\""),
            ("lan", "\"/30\""), ("bandwidth", "0.001"), ("location", "[-100000, 100000]"), ("location", "[-0, -0]"),
        ] {
            _ = try loadOrder(Self.json(key, value).text)
        }
    }

    @Test(arguments: [
        ("9223372036854775807", "9223372036854775807 is above the maximum 1000000"),
        ("-9223372036854775808", "-9223372036854775808 is below the minimum 1"),
        ("9223372036854775808", "number 9223372036854775808 is too large"),
        ("1e308", "expected a whole number, found '1e308'"),
        ("0x10", "expected a whole number, found '0x10'"),
        ("-0", "-0 is below the minimum 1"),
    ])
    func refusesACSVNumberOutOfBoundsAtItsCell(terminals: String, message: String) {
        let header = OrderText.csvHeader + ",terminals"
        let row = OrderText.row("HQ").replacingOccurrences(of: ",internet,", with: ",apn,") + ",\(terminals)"
        let column = row.count - terminals.count + 1
        #expect(
            orderErrors(OrderText.csv(header: header, row), name: "order.csv") == [
                "order.csv:2:\(column): error: \(message) (sites[0].terminals)"
            ])
    }

    @Test(arguments: [
        ("9223372036854775807", "9223372036854775807 is above the maximum 100000"),
        ("-9223372036854775808", "-9223372036854775808 is below the minimum -100000"),
        ("1e308", "expected a number in km, found '1e308'"),
        ("1e-400", "expected a number in km, found '1e-400'"),
    ])
    func refusesACSVCoordinateOutOfBoundsAtItsCell(x: String, message: String) {
        let header = "id,customer,product,received,name,x,y,bandwidth,interface"
        let row = "ORD-1,某银行武汉分行,internet,2026-11-25,HQ,\(x),0,10M,FE"
        #expect(
            orderErrors(OrderText.csv(header: header, row), name: "order.csv") == [
                "order.csv:2:38: error: \(message) (sites[0].location[0])"
            ])
    }

    @Test(
        arguments: [
            ("2198-12-31", nil),
            ("1900-01-01", nil),
            (
                "2199-01-01",
                "invalid date '2199-01-01': an order is received by 2198-12-31, so that the working days counted from it"
                    + " stay within the supported years 1900-2199"
            ),
            ("9999-12-31", "invalid date '9999-12-31': year 9999 is outside the supported years 1900-2199"),
            ("1899-12-31", "invalid date '1899-12-31': year 1899 is outside the supported years 1900-2199"),
        ] as [(String, String?)])
    func boundsTheDateReceived(date: String, message: String?) throws {
        let text = OrderText.json(site: #""building": "BLD-A", "bandwidth": "10M", "interface": "FE""#)
            .replacingOccurrences(of: "2026-11-25", with: date)
        if let message {
            #expect(orderErrors(text) == ["order.json:5:15: error: \(message) (received)"])
        } else {
            #expect(try loadOrder(text).order.received.description == date)
        }
    }
}
