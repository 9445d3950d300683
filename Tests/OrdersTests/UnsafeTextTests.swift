import Orders
import Testing

/// Text that a document cannot show safely (bidirectional overrides and isolates, zero-width and other format
/// characters, separators, private-use characters, unassigned code points) is refused when the order is read,
/// in every field of a JSON or CSV order, with the character named and the text shown escaped.
@Suite struct UnsafeTextTests {
    /// One character of each class refused, and how a message names it.
    static let refused: [(code: UInt32, named: String)] = [
        (0x202A, "the format character U+202A LEFT-TO-RIGHT EMBEDDING"),
        (0x202E, "the format character U+202E RIGHT-TO-LEFT OVERRIDE"),
        (0x2066, "the format character U+2066 LEFT-TO-RIGHT ISOLATE"),
        (0x2069, "the format character U+2069 POP DIRECTIONAL ISOLATE"),
        (0x200E, "the format character U+200E LEFT-TO-RIGHT MARK"),
        (0x200F, "the format character U+200F RIGHT-TO-LEFT MARK"),
        (0x061C, "the format character U+061C ARABIC LETTER MARK"),
        (0x200B, "the format character U+200B ZERO WIDTH SPACE"),
        (0x200C, "the format character U+200C ZERO WIDTH NON-JOINER"),
        (0x200D, "the format character U+200D ZERO WIDTH JOINER"),
        (0x2060, "the format character U+2060 WORD JOINER"),
        (0x2064, "the format character U+2064 INVISIBLE PLUS"),
        (0xFEFF, "the format character U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        (0x00AD, "the format character U+00AD SOFT HYPHEN"),
        (0xE0041, "the format character U+E0041 TAG LATIN CAPITAL LETTER A"),
        (0x2028, "the separator U+2028 LINE SEPARATOR"),
        (0x2029, "the separator U+2029 PARAGRAPH SEPARATOR"),
        (0xE000, "the private-use character U+E000"),
        (0x10FFFD, "the private-use character U+10FFFD"),
        (0x0378, "the unassigned code point U+0378"),
        (0xFFFF, "the noncharacter U+FFFF"),
        (0xFDD0, "the noncharacter U+FDD0"),
    ]

    /// A code point as a message escapes it: `\u{202E}`.
    static func escaped(_ code: UInt32) -> String {
        "\\u{\(String(code, radix: 16, uppercase: true))}"
    }

    /// The character of a code point (a literal cannot hold a noncharacter such as U+FFFF).
    static func character(_ code: UInt32) -> String {
        Unicode.Scalar(code).map { String($0) } ?? ""
    }

    /// A JSON order of one site named `name` (written as is between the quotes), at `BLD-A`, 2M on FE.
    static func jsonOrder(name: String) -> String {
        OrderText.json(sites: [
            #"{"name": ""# + name + #"", "building": "BLD-A", "bandwidth": "2M", "interface": "FE"}"#
        ])
    }

    @Test func refusesEachClassOfCharacterInAJSONSiteName() {
        for (code, named) in Self.refused {
            let name = "HQ" + Self.character(code) + "fdp"
            #expect(
                orderErrors(Self.jsonOrder(name: name)) == [
                    "order.json:7:14: error: invalid site name 'HQ\(Self.escaped(code))fdp': must not contain "
                        + "\(named) (sites[0].name)"
                ])
        }
    }

    @Test func refusesACharacterWrittenAsAJSONEscape() {
        #expect(
            orderErrors(Self.jsonOrder(name: #"HQ\u202Efdp"#)) == [
                #"order.json:7:14: error: invalid site name 'HQ\u{202E}fdp': must not contain the format character "#
                    + "U+202E RIGHT-TO-LEFT OVERRIDE (sites[0].name)"
            ])
        #expect(
            orderErrors(Self.jsonOrder(name: #"HQ\uDB80\uDC00"#)) == [
                #"order.json:7:14: error: invalid site name 'HQ\u{F0000}': must not contain the private-use "#
                    + "character U+F0000 (sites[0].name)"
            ])
    }

    @Test func refusesUnsafeTextInEveryFieldOfAJSONOrder() {
        let text = """
            {
              "$schema": "order\u{202E}.json",
              "id": "ORD\u{202E}1",
              "customer": "某银行\u{200B}",
              "description": "行一\u{2028}行二",
              "product": "internet\u{200D}",
              "request": "new\u{FEFF}",
              "received": "2026-11-25\u{200E}",
              "mature": "true\u{AD}",
              "sites": [
                {
                  "name": "HQ",
                  "address": "武汉\u{E000}",
                  "contact": "王\u{2066}",
                  "phone": "027\u{2060}1234",
                  "building": "BLD\u{061C}A",
                  "area": "city\u{200C}",
                  "bandwidth": "2M\u{0378}",
                  "interface": "FE\u{200F}",
                  "protection": "none\u{2064}",
                  "router": "Cisco\u{202A}1841",
                  "routerVersionFile": "v\\uFFFF.txt",
                  "lan": "/27\u{2069}",
                  "publicLAN": "/29\u{202C}"
                },
                {"name": "BR\u{202D}", "location": "1 2\u{202B}", "bandwidth": 2, "interface": "FE", "terminals": "5\u{200B}"}
              ]
            }
            """
        #expect(
            orderErrors(text) == [
                #"order.json:2:14: error: invalid schema 'order\u{202E}.json': must not contain the format character U+202E RIGHT-TO-LEFT OVERRIDE ($schema)"#,
                #"order.json:3:9: error: invalid order id 'ORD\u{202E}1': must not contain the format character U+202E RIGHT-TO-LEFT OVERRIDE (id)"#,
                #"order.json:4:15: error: invalid customer '某银行\u{200B}': must not contain the format character U+200B ZERO WIDTH SPACE (customer)"#,
                #"order.json:5:18: error: invalid description '行一\u{2028}行二': must not contain the separator U+2028 LINE SEPARATOR (description)"#,
                #"order.json:6:14: error: invalid product 'internet\u{200D}': must not contain the format character U+200D ZERO WIDTH JOINER (product)"#,
                #"order.json:7:14: error: invalid request 'new\u{FEFF}': must not contain the format character U+FEFF ZERO WIDTH NO-BREAK SPACE (request)"#,
                #"order.json:8:15: error: invalid date received '2026-11-25\u{200E}': must not contain the format character U+200E LEFT-TO-RIGHT MARK (received)"#,
                #"order.json:9:13: error: invalid value 'true\u{AD}': must not contain the format character U+00AD SOFT HYPHEN (mature)"#,
                #"order.json:13:18: error: invalid address '武汉\u{E000}': must not contain the private-use character U+E000 (sites[0].address)"#,
                #"order.json:14:18: error: invalid contact '王\u{2066}': must not contain the format character U+2066 LEFT-TO-RIGHT ISOLATE (sites[0].contact)"#,
                #"order.json:15:16: error: invalid phone '027\u{2060}1234': must not contain the format character U+2060 WORD JOINER (sites[0].phone)"#,
                #"order.json:16:19: error: invalid building id 'BLD\u{61C}A': must not contain the format character U+061C ARABIC LETTER MARK (sites[0].building)"#,
                #"order.json:17:15: error: invalid area 'city\u{200C}': must not contain the format character U+200C ZERO WIDTH NON-JOINER (sites[0].area)"#,
                #"order.json:18:20: error: invalid bandwidth '2M\u{378}': must not contain the unassigned code point U+0378 (sites[0].bandwidth)"#,
                #"order.json:19:20: error: invalid interface 'FE\u{200F}': must not contain the format character U+200F RIGHT-TO-LEFT MARK (sites[0].interface)"#,
                #"order.json:20:21: error: invalid protection 'none\u{2064}': must not contain the format character U+2064 INVISIBLE PLUS (sites[0].protection)"#,
                #"order.json:21:17: error: invalid router 'Cisco\u{202A}1841': must not contain the format character U+202A LEFT-TO-RIGHT EMBEDDING (sites[0].router)"#,
                #"order.json:22:28: error: invalid router version file 'v\u{FFFF}.txt': must not contain the noncharacter U+FFFF (sites[0].routerVersionFile)"#,
                #"order.json:23:14: error: invalid LAN '/27\u{2069}': must not contain the format character U+2069 POP DIRECTIONAL ISOLATE (sites[0].lan)"#,
                #"order.json:24:20: error: invalid public LAN '/29\u{202C}': must not contain the format character U+202C POP DIRECTIONAL FORMATTING (sites[0].publicLAN)"#,
                #"order.json:26:14: error: invalid site name 'BR\u{202D}': must not contain the format character U+202D LEFT-TO-RIGHT OVERRIDE (sites[1].name)"#,
                #"order.json:26:33: error: invalid location '1 2\u{202B}': must not contain the format character U+202B RIGHT-TO-LEFT EMBEDDING (sites[1].location)"#,
                #"order.json:26:89: error: invalid number of terminals '5\u{200B}': must not contain the format character U+200B ZERO WIDTH SPACE (sites[1].terminals)"#,
            ])
    }

    @Test func refusesEachClassOfCharacterInACSVCell() {
        for (code, named) in Self.refused {
            let text = OrderText.csv(OrderText.row("HQ" + Self.character(code) + "fdp"))
            #expect(
                orderErrors(text, name: "order.csv") == [
                    "order.csv:2:35: error: invalid site name 'HQ\(Self.escaped(code))fdp': must not contain "
                        + "\(named) (sites[0].name)"
                ])
        }
    }

    @Test func refusesUnsafeTextInEveryColumnOfACSVOrder() {
        let header =
            "id,customer,product,request,received,mature,description,name,address,contact,phone,building,area,"
            + "bandwidth,interface,protection,router,routerVersionFile,lan,publicLAN,terminals"
        let row =
            "O\u{202E}1,客户\u{200B},internet\u{200D},new\u{FEFF},2026-11-25\u{200E},true\u{AD},\"说明\u{2028}\","
            + "HQ\u{202D},武汉\u{E000},王\u{2066},027\u{2060}1234,BLD\u{061C}A,city\u{200C},2M\u{0378},FE\u{200F},"
            + "none\u{2064},Cisco\u{202A}1841,v\(Self.character(0xFFFF)).txt,/27\u{2069},/29\u{202C},5\u{200B}"
        #expect(
            orderErrors(OrderText.csv(header: header, row), name: "order.csv") == [
                #"order.csv:2:1: error: invalid order id 'O\u{202E}1': must not contain the format character U+202E RIGHT-TO-LEFT OVERRIDE (id)"#,
                #"order.csv:2:5: error: invalid customer '客户\u{200B}': must not contain the format character U+200B ZERO WIDTH SPACE (customer)"#,
                #"order.csv:2:9: error: invalid product 'internet\u{200D}': must not contain the format character U+200D ZERO WIDTH JOINER (product)"#,
                #"order.csv:2:19: error: invalid request 'new\u{FEFF}': must not contain the format character U+FEFF ZERO WIDTH NO-BREAK SPACE (request)"#,
                #"order.csv:2:24: error: invalid date received '2026-11-25\u{200E}': must not contain the format character U+200E LEFT-TO-RIGHT MARK (received)"#,
                #"order.csv:2:36: error: invalid value 'true\u{AD}': must not contain the format character U+00AD SOFT HYPHEN (mature)"#,
                #"order.csv:2:42: error: invalid description '说明\u{2028}': must not contain the separator U+2028 LINE SEPARATOR (description)"#,
                #"order.csv:2:48: error: invalid site name 'HQ\u{202D}': must not contain the format character U+202D LEFT-TO-RIGHT OVERRIDE (sites[0].name)"#,
                #"order.csv:2:52: error: invalid address '武汉\u{E000}': must not contain the private-use character U+E000 (sites[0].address)"#,
                #"order.csv:2:56: error: invalid contact '王\u{2066}': must not contain the format character U+2066 LEFT-TO-RIGHT ISOLATE (sites[0].contact)"#,
                #"order.csv:2:59: error: invalid phone '027\u{2060}1234': must not contain the format character U+2060 WORD JOINER (sites[0].phone)"#,
                #"order.csv:2:68: error: invalid building id 'BLD\u{61C}A': must not contain the format character U+061C ARABIC LETTER MARK (sites[0].building)"#,
                #"order.csv:2:74: error: invalid area 'city\u{200C}': must not contain the format character U+200C ZERO WIDTH NON-JOINER (sites[0].area)"#,
                #"order.csv:2:80: error: invalid bandwidth '2M\u{378}': must not contain the unassigned code point U+0378 (sites[0].bandwidth)"#,
                #"order.csv:2:84: error: invalid interface 'FE\u{200F}': must not contain the format character U+200F RIGHT-TO-LEFT MARK (sites[0].interface)"#,
                #"order.csv:2:88: error: invalid protection 'none\u{2064}': must not contain the format character U+2064 INVISIBLE PLUS (sites[0].protection)"#,
                #"order.csv:2:94: error: invalid router 'Cisco\u{202A}1841': must not contain the format character U+202A LEFT-TO-RIGHT EMBEDDING (sites[0].router)"#,
                #"order.csv:2:105: error: invalid router version file 'v\u{FFFF}.txt': must not contain the noncharacter U+FFFF (sites[0].routerVersionFile)"#,
                #"order.csv:2:112: error: invalid LAN '/27\u{2069}': must not contain the format character U+2069 POP DIRECTIONAL ISOLATE (sites[0].lan)"#,
                #"order.csv:2:117: error: invalid public LAN '/29\u{202C}': must not contain the format character U+202C POP DIRECTIONAL FORMATTING (sites[0].publicLAN)"#,
                #"order.csv:2:122: error: invalid number of terminals '5\u{200B}': must not contain the format character U+200B ZERO WIDTH SPACE (sites[0].terminals)"#,
            ])
    }

    @Test func refusesUnsafeTextInALocationOfTwoColumns() {
        let text = OrderText.csv(
            header: "id,customer,product,received,name,x,y,bandwidth,interface",
            "ORD-1,某银行武汉分行,internet,2026-11-25,HQ,1\u{200B},2\u{E000},10M,FE")
        #expect(
            orderErrors(text, name: "order.csv") == [
                #"order.csv:2:38: error: invalid coordinate '1\u{200B}': must not contain the format character U+200B ZERO WIDTH SPACE (sites[0].location[0])"#,
                #"order.csv:2:41: error: invalid coordinate '2\u{E000}': must not contain the private-use character U+E000 (sites[0].location[1])"#,
            ])
        let oneColumn = OrderText.csv(
            header: "id,customer,product,received,name,location,bandwidth,interface",
            "ORD-1,某银行武汉分行,internet,2026-11-25,HQ,1\u{3000}2,10M,FE",
            "ORD-1,某银行武汉分行,internet,2026-11-25,BR,\"1\u{2029}2\",10M,FE")
        #expect(
            orderErrors(oneColumn, name: "order.csv") == [
                #"order.csv:2:38: error: expected 'x y' in km, found '1　2' (sites[0].location)"#,
                #"order.csv:3:38: error: invalid location '1\u{2029}2': must not contain the separator U+2029 PARAGRAPH SEPARATOR (sites[1].location)"#,
            ])
    }

    @Test func allowsALeadingByteOrderMarkButNotOneInsideText() throws {
        let clean = OrderText.csv(OrderText.row("HQ"))
        #expect(try loadOrder("\u{FEFF}" + clean, name: "order.csv").order.sites[0].name == "HQ")
        #expect(
            orderErrors("\u{FEFF}" + OrderText.csv(OrderText.row("H\u{FEFF}Q")), name: "order.csv") == [
                #"order.csv:2:35: error: invalid site name 'H\u{FEFF}Q': must not contain the format character U+FEFF ZERO WIDTH NO-BREAK SPACE (sites[0].name)"#
            ])
    }

    @Test func refusesAnOrderColumnThatDiffersOnlyInAnInvisibleCharacter() {
        let text = OrderText.csv(
            OrderText.row("HQ"),
            "ORD-1,某银行武汉分行\u{202E},internet,2026-11-25,BR1,BLD-B,10M,FE")
        #expect(
            orderErrors(text, name: "order.csv") == [
                #"order.csv:3:7: error: 'customer' is '某银行武汉分行\u{202E}' here but '某银行武汉分行' at line 2, column 7; "#
                    + "every row must repeat the order's columns (customer)"
            ])
    }

    @Test func allowsChineseTextFullWidthPunctuationAndSpaces() throws {
        let site =
            #"{"name": "总部（一号楼）", "address": "武汉市　江汉区，建设大道618号：A座", "# + #""contact": "王　建国", "#
            + #""building": "BLD-A", "bandwidth": "2M", "interface": "FE", "router": "Cisco 1841"}"#
        let order = try loadOrder(OrderText.json(sites: [site])).order
        #expect(order.sites[0].name == "总部（一号楼）")
        #expect(order.sites[0].address == "武汉市　江汉区，建设大道618号：A座")
        #expect(order.sites[0].contact == "王　建国")
        // An ideographic space is a space: not at either end of a name.
        #expect(
            orderErrors(Self.jsonOrder(name: "总部\u{3000}")) == [
                "order.json:7:14: error: invalid site name '总部\u{3000}': must not start or end with a space "
                    + "(sites[0].name)"
            ])
    }

    @Test func escapesUnsafeCharactersInEveryMessage() {
        let text = OrderText.json(
            sites: [#"{"na\u202Eme": "HQ", "building": "BLD-A", "bandwidth": "2M", "interface": "FE"}"#])
        #expect(
            orderErrors(text) == [
                "order.json:7:5: error: missing required key 'name' (sites[0])",
                #"order.json:7:6: error: unknown key 'na\u{202E}me'; did you mean 'name'? (sites[0].na\u{202E}me)"#,
            ])
        #expect(
            orderErrors("id,customer\u{200B}\n", name: "order.csv").contains(
                #"order.csv:1:4: error: unknown column 'customer\u{200B}'; did you mean 'customer'?"#))
    }
}
