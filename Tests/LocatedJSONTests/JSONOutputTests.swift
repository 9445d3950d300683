import LocatedJSON
import Testing

/// Known answers for the deterministic JSON writer.
@Suite struct JSONOutputTests {
    static let network: JSONOutput = .object([
        ("name", .string("武汉")),
        (
            "nodes",
            .array([
                .object([("id", .string("A")), ("km", .decimal(12_400, scale: 3)), ("tags", .array([.integer(1)]))]),
                .object([]),
            ])
        ),
        ("pools", .array([])),
        ("up", .bool(true)),
        ("note", .string(nil)),
    ])

    @Test func writesEverythingExpandedByDefault() {
        #expect(
            Self.network.rendered() == """
                {
                  "name": "武汉",
                  "nodes": [
                    {
                      "id": "A",
                      "km": 12.4,
                      "tags": [1]
                    },
                    {}
                  ],
                  "pools": [],
                  "up": true,
                  "note": null
                }

                """)
    }

    @Test func writesContainersAtTheInlineDepthOnOneLine() {
        #expect(
            Self.network.rendered(inlineDepth: 2) == """
                {
                  "name": "武汉",
                  "nodes": [
                    {"id": "A", "km": 12.4, "tags": [1]},
                    {}
                  ],
                  "pools": [],
                  "up": true,
                  "note": null
                }

                """)
        #expect(
            Self.network.rendered(inlineDepth: 1) == """
                {
                  "name": "武汉",
                  "nodes": [{"id": "A", "km": 12.4, "tags": [1]}, {}],
                  "pools": [],
                  "up": true,
                  "note": null
                }

                """)
        #expect(
            Self.network.rendered(inlineDepth: 0)
                == #"{"name": "武汉", "nodes": [{"id": "A", "km": 12.4, "tags": [1]}, {}], "pools": [], "up": true, "#
                + #""note": null}"# + "\n")
    }

    @Test func escapesStringsAsJSONRequires() {
        let text = "q\"b\\n\nr\rt\tc\u{1}d\u{7F}l\u{2028}p\u{2029}汉😀/"
        #expect(
            JSONOutput.string(text).rendered(inlineDepth: 0)
                == #""q\"b\\n\nr\rt\tc\u0001d\u007Fl\u2028p\u2029汉😀/""# + "\n")
        #expect(JSONOutput.object([("a\"b", .null)]).rendered(inlineDepth: 0) == #"{"a\"b": null}"# + "\n")
    }

    @Test func readsBackWhatItWrites() throws {
        let parsed = try document(Self.network.rendered(inlineDepth: 2))
        #expect(parsed.root.members?.map(\.key) == ["name", "nodes", "pools", "up", "note"])
        #expect(parsed.root.members?.first?.value.string == "武汉")
        let text = "tab\there \"x\" \\ 汉\u{2028}"
        let escaped = try document(JSONOutput.string(text).rendered())
        #expect(escaped.root.string == text)
    }

    @Test func readsBackControlCharactersItEscapes() throws {
        let text = "bell\u{7}del\u{7F}"
        let escaped = try document(JSONOutput.string(text).rendered())
        #expect(escaped.root.string == text)
    }

    @Test(arguments: [
        (12_400, 3, "12.4"),
        (5, 3, "0.005"),
        (-1500, 3, "-1.5"),
        (0, 3, "0"),
        (100, 0, "100"),
        (-5, 3, "-0.005"),
        (-1000, 3, "-1"),
        (1_000, 3, "1"),
        (155_520, 3, "155.52"),
        (1_050, 2, "10.5"),
        (7, 1, "0.7"),
        (-7, 0, "-7"),
    ])
    func formatsFixedPointDecimals(value: Int, scale: Int, expected: String) {
        #expect(JSONOutput.formatDecimal(value, scale: scale) == expected)
    }

    @Test(arguments: [
        (JSONOutput.double(2.5), "2.5"),
        (.double(3), "3"),
        (.double(-0.25), "-0.25"),
        (.double(1e20), "1e+20"),
        (.double(.nan), "null"),
        (.double(.infinity), "null"),
        (.integer(-42), "-42"),
        (.decimal(-1500, scale: 3), "-1.5"),
        (.bool(false), "false"),
        (.null, "null"),
        (.array([]), "[]"),
        (.array([.integer(1), .string("x"), .null]), #"[1, "x", null]"#),
        (.object([]), "{}"),
    ])
    func writesScalars(value: JSONOutput, expected: String) {
        #expect(value.rendered() == expected + "\n")
    }

    @Test func comparesObjectsMemberByMemberInOrder() {
        let ab: JSONOutput = .object([("a", .integer(1)), ("b", .integer(2))])
        let ba: JSONOutput = .object([("b", .integer(2)), ("a", .integer(1))])
        #expect(ab == .object([("a", .integer(1)), ("b", .integer(2))]))
        #expect(ab != ba)
        #expect(JSONOutput.decimal(10, scale: 1) != .decimal(1, scale: 0))
        #expect(JSONOutput.integer(1) != .double(1))
    }
}
