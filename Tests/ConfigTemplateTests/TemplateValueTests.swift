import ConfigTemplate
import Testing

@Suite struct TemplateValueTests {
    @Test func literalsBuildTheMatchingCases() {
        let value: TemplateValue = ["name": "R1", "mtu": 1476, "up": true, "servers": ["a", "b"]]
        let object: TemplateObject = [
            "name": .string("R1"), "mtu": .number(1476), "up": .bool(true),
            "servers": .list([.string("a"), .string("b")]),
        ]
        #expect(value == .object(object))
        let port = 7
        #expect(("Tunnel\(port)" as TemplateValue) == .string("Tunnel7"))
    }

    @Test func objectKeepsInsertionOrder() {
        var object: TemplateObject = ["b": 1, "a": 2]
        object["c"] = 3
        object["b"] = 4
        #expect(object.keys == ["b", "a", "c"])
        #expect(object["b"] == 4)
        #expect(Array(object.map(\.key)) == ["b", "a", "c"])
        object["a"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(object["a"] == nil)
        #expect(object.count == 2)
        #expect(!object.isEmpty)
    }

    @Test func repeatedLiteralKeyKeepsFirstPositionAndLastValue() {
        let object: TemplateObject = ["a": 1, "b": 2, "a": 3]
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func largeObjectsFindEveryKey() {
        var object = TemplateObject()
        for number in 0..<200 {
            object["key\(number)"] = .number(number)
        }
        for number in stride(from: 0, to: 200, by: 3) {
            object["key\(number)"] = nil
        }
        for number in 0..<200 {
            #expect(object["key\(number)"] == (number % 3 == 0 ? nil : .number(number)))
        }
        #expect(object.count == 133)
        #expect(object.keys.first == "key1")
    }

    @Test func equalityIsOrderSensitive() {
        let first: TemplateObject = ["a": 1, "b": 2]
        let second: TemplateObject = ["b": 2, "a": 1]
        #expect(first != second)
        #expect(first == TemplateObject(["b": 2, "a": 1] as [String: TemplateValue]))
    }

    @Test func objectsRenderLikeLiterals() throws {
        var site = TemplateObject()
        site["name"] = "SITE-A"
        var context = TemplateObject()
        context["site"] = .object(site)
        let template = try Template(name: "t", source: "sysname {{ site.name }}")
        #expect(try template.render(.object(context)) == "sysname SITE-A")
    }
}
