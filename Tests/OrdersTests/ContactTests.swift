import Foundation
import Orders
import Testing

/// A site's contact and phone and the order's description: read from JSON and CSV, refused with the
/// field's position and path when unusable.
@Suite struct ContactTests {
    static let rate = #""building": "BLD-A", "bandwidth": "10M", "interface": "FE""#

    @Test func readsTheContactAndPhoneFromJSON() throws {
        let text = OrderText.json(site: #""contact": "张伟", "phone": "+86 (27) 8765-4321", "# + Self.rate)
        let site = try loadOrder(text).order.sites[0]
        #expect(site.contact == "张伟")
        #expect(site.phone == "+86 (27) 8765-4321")
    }

    /// Line 7 is `    {"name": "HQ", ` (19 characters), so the first member starts at column 20.
    @Test func refusesAControlCharacterAndALetterInJSON() {
        // "contact": at 20, its value at 31: `"张\u0007伟"` is 10 characters, so "phone": starts at 43, its value at 52.
        let text = OrderText.json(site: #""contact": "张\u0007伟", "phone": "027-8765x", "# + Self.rate)
        #expect(
            orderErrors(text) == [
                "order.json:7:31: error: invalid contact '张\\u{7}伟': must not contain control character U+0007 "
                    + "(sites[0].contact)",
                "order.json:7:52: error: invalid phone '027-8765x': a phone has digits, an optional leading '+', "
                    + "'-', spaces and parentheses, not 'x' (sites[0].phone)",
            ])
        // "phone": at 20, its value at 29.
        #expect(
            orderErrors(OrderText.json(site: #""phone": "12", "# + Self.rate)) == [
                "order.json:7:29: error: invalid phone '12': a phone needs at least 3 digits (sites[0].phone)"
            ])
    }

    @Test func readsAndRefusesContactsInCSV() throws {
        let header = OrderText.csvHeader + ",contact,phone"
        let good = try loadOrder(
            OrderText.csv(header: header, OrderText.row("HQ") + ",李娜,139 0713 5522", OrderText.row("BR1") + ",,"),
            name: "order.csv")
        #expect(good.order.sites.map(\.contact) == ["李娜", nil])
        #expect(good.order.sites.map(\.phone) == ["139 0713 5522", nil])
        // The first row spans lines 2 and 3; on line 4, `ORD-1,某银行武汉分行,internet,2026-11-25,BR1,BLD-A,10M,FE,王五,` is
        // 54 characters.
        let bad = OrderText.csv(
            header: header, OrderText.row("HQ") + ",李娜,\"139\n0713\"", OrderText.row("BR1") + ",王五,12+34")
        #expect(
            orderErrors(bad, name: "order.csv") == [
                "order.csv:2:54: error: invalid phone '139\\n0713': must not contain a line break (sites[0].phone)",
                "order.csv:4:55: error: invalid phone '12+34': '+' may only start the number (sites[1].phone)",
            ])
    }

    @Test func readsADescriptionOfSeveralLinesButNoOtherControlCharacter() throws {
        let text = OrderText.json(site: Self.rate).replacingOccurrences(
            of: #""id": "ORD-1","#, with: #""id": "ORD-1", "description": "第一行\n第二行","#)
        #expect(try loadOrder(text).order.description == "第一行\n第二行")
        // Line 2 is `  "id": "ORD-1", "description": `: the value starts at column 33.
        let bell = OrderText.json(site: Self.rate).replacingOccurrences(
            of: #""id": "ORD-1","#, with: #""id": "ORD-1", "description": "a\u0007b","#)
        #expect(
            orderErrors(bell) == [
                "order.json:2:33: error: invalid description 'a\\u{7}b': must not contain control character U+0007 "
                    + "(description)"
            ])
    }
}
