import LocatedJSON
import Testing

/// Known answers for the typed accessors: what each records, where, and with which path.
@Suite struct JSONObjectViewTests {
    /// Views the root of `text` as the object at `nodes[0]`, runs `read`, and returns what it recorded.
    private func recorded(
        _ text: String, path: String = "nodes[0]", _ read: (JSONObjectView, inout DiagnosticReport) -> Void
    ) throws -> [String] {
        let parsed = try document(text)
        var report = DiagnosticReport(document: parsed)
        let view = try #require(JSONObjectView(parsed.root, path: path, report: &report))
        read(view, &report)
        return report.diagnostics.map(\.description)
    }

    @Test func recordsAMissingRequiredKeyAtTheObject() throws {
        var found: String?
        let messages = try recorded(#"{"id": "A"}"#) { view, report in
            found = view.string("kind", report: &report)
        }
        #expect(found == nil)
        #expect(messages == ["t.json:1:1: error: missing required key 'kind' (nodes[0])"])
    }

    @Test func acceptsAMissingOrNullOptionalKeySilently() throws {
        let messages = try recorded(#"{"name": null}"#) { view, report in
            #expect(view.string("name", required: false, report: &report) == nil)
            #expect(view.integer("weight", required: false, report: &report) == nil)
        }
        #expect(messages.isEmpty)
    }

    @Test func recordsWrongTypesAtTheValue() throws {
        let text = #"{"id": 5, "up": "yes", "links": {}, "room": [], "count": "3", "km": true, "name": null}"#
        let messages = try recorded(text) { view, report in
            #expect(view.string("id", report: &report) == nil)
            #expect(view.bool("up", report: &report) == nil)
            #expect(view.array("links", report: &report) == nil)
            #expect(view.object("room", report: &report) == nil)
            #expect(view.integer("count", report: &report) == nil)
            #expect(view.number("km", report: &report) == nil)
            #expect(view.string("name", report: &report) == nil)
        }
        #expect(
            messages == [
                "t.json:1:8: error: expected a string, found a number (nodes[0].id)",
                "t.json:1:17: error: expected true or false, found a string (nodes[0].up)",
                "t.json:1:33: error: expected an array, found an object (nodes[0].links)",
                "t.json:1:45: error: expected an object, found an array (nodes[0].room)",
                "t.json:1:58: error: expected a whole number, found a string (nodes[0].count)",
                "t.json:1:69: error: expected a number, found a boolean (nodes[0].km)",
                "t.json:1:83: error: 'name' must not be null (nodes[0].name)",
            ])
    }

    @Test func refusesANonObjectAtItsPosition() throws {
        let parsed = try document("\n  [1, 2]")
        var report = DiagnosticReport(document: parsed)
        #expect(JSONObjectView(parsed.root, path: "links[2]", report: &report) == nil)
        #expect(
            report.diagnostics.map(\.description) == [
                "t.json:2:3: error: expected an object, found an array (links[2])"
            ])
    }

    @Test func readsValuesOfTheRightType() throws {
        let text = #"{"id": "A", "up": false, "count": 12, "km": 2.5, "tags": ["x"], "pon": {"used": 1}}"#
        let messages = try recorded(text) { view, report in
            #expect(view.string("id", report: &report) == "A")
            #expect(view.bool("up", report: &report) == false)
            #expect(view.integer("count", report: &report) == 12)
            #expect(view.number("km", report: &report) == 2.5)
            #expect(view.number("count", report: &report) == 12)
            #expect(view.array("tags", report: &report)?.map(\.string) == ["x"])
            let pon = view.object("pon", report: &report)
            #expect(pon?.path == "nodes[0].pon")
            #expect(pon?.integer("used", report: &report) == 1)
        }
        #expect(messages.isEmpty)
    }

    @Test func refusesAnUnknownKeySuggestingTheClosest() throws {
        let messages = try recorded(#"{"id": "A", "knd": "ptn", "colour": "red"}"#) { view, report in
            view.checkKeys(["id", "kind", "location"], report: &report)
        }
        #expect(
            messages == [
                "t.json:1:13: error: unknown key 'knd'; did you mean 'kind'? (nodes[0].knd)",
                "t.json:1:27: error: unknown key 'colour' (nodes[0].colour)",
            ])
    }

    @Test(
        arguments: [
            ("knd", ["id", "kind"], "kind"),
            ("KIND", ["id", "kind"], "kind"),
            ("nodez", ["nodes", "links"], "nodes"),
            ("lnks", ["nodes", "links"], "links"),
            ("colour", ["id", "kind"], nil),
            ("rate", ["rated", "rat"], "rated"),
        ] as [(String, [String], String?)])
    func suggestsTheClosestKeyWithinTwoEdits(key: String, allowed: [String], expected: String?) {
        #expect(JSONObjectView.closest(to: key, in: allowed) == expected)
    }

    @Test func refusesANegativeWholeNumber() throws {
        let messages = try recorded(#"{"count": -3}"#) { view, report in
            #expect(view.integer("count", report: &report) == nil)
        }
        #expect(messages == ["t.json:1:11: error: must not be negative, found -3 (nodes[0].count)"])
    }

    @Test func refusesWholeNumbersOutsideTheirRange() throws {
        let messages = try recorded(#"{"ratio": 1, "used": 200}"#) { view, report in
            #expect(view.integer("ratio", in: 2...128, report: &report) == nil)
            #expect(view.integer("used", in: 0...100, report: &report) == nil)
        }
        #expect(
            messages == [
                "t.json:1:11: error: 1 is below the minimum 2 (nodes[0].ratio)",
                "t.json:1:22: error: 200 is above the maximum 100 (nodes[0].used)",
            ])
    }

    @Test func refusesAFractionWhereAWholeNumberIsRequired() throws {
        let messages = try recorded(#"{"total": 2.5, "big": 99999999999999999999}"#) { view, report in
            #expect(view.integer("total", report: &report) == nil)
            #expect(view.integer("big", report: &report) == nil)
        }
        #expect(
            messages == [
                "t.json:1:11: error: number 2.5 is not a whole number (nodes[0].total)",
                "t.json:1:23: error: number 1e+20 is too large (nodes[0].big)",
            ])
    }

    @Test func refusesNumbersOutsideTheirRange() throws {
        let messages = try recorded(#"{"km": -1.5, "share": 1.25, "x": -2}"#) { view, report in
            #expect(view.number("km", report: &report) == nil)
            #expect(view.number("share", in: 0...1, report: &report) == nil)
            #expect(view.number("x", in: -1...1, report: &report) == nil)
        }
        #expect(
            messages == [
                "t.json:1:8: error: must not be negative, found -1.5 (nodes[0].km)",
                "t.json:1:23: error: 1.25 is above the maximum 1 (nodes[0].share)",
                "t.json:1:34: error: -2 is below the minimum -1 (nodes[0].x)",
            ])
    }

    @Test func namesMemberPathsUnderTheRootWithoutADot() throws {
        let parsed = try document(#"{"a": 1}"#)
        var report = DiagnosticReport(document: parsed)
        let root = try #require(JSONObjectView(parsed.root, path: "", report: &report))
        #expect(root.path("nodes") == "nodes")
        let node = try #require(JSONObjectView(parsed.root, path: "nodes[3]", report: &report))
        #expect(node.path("kind") == "nodes[3].kind")
    }

    @Test func acceptsAWholeNumberWrittenWithAFractionOrExponent() throws {
        let messages = try recorded(#"{"total": 2.0, "used": 1e3, "big": -4e0}"#) { view, report in
            #expect(view.integer("total", report: &report) == 2)
            #expect(view.integer("used", report: &report) == 1000)
            #expect(view.integer("big", in: -10...10, report: &report) == -4)
        }
        #expect(messages.isEmpty)
    }
}
