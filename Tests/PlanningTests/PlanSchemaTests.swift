import Foundation
import Planning
import TestSupport
import Testing

/// `Topologies/plan.schema.json` keeps up with the writer without Python (CI also validates every
/// golden plan.json against it with PyPI's jsonschema, `Tests/LinePlanCLITests/check-plan-schema.py`):
/// every finding code of ``Finding/examples`` is in the schema with its parameters' names and types,
/// and every key of the golden plans is named in it (issue 11).
@Suite struct PlanSchemaTests {
    static let schemaPath = "Topologies/plan.schema.json"

    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.path(schemaPath)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func definition(_ name: String, in schema: [String: Any]) throws -> [String: Any] {
        let definitions = try #require(schema["$defs"] as? [String: Any])
        return try #require(definitions[name] as? [String: Any], "no $defs/\(name) in \(schemaPath)")
    }

    /// A subschema as it stands, or the definition its `$ref` names.
    static func resolved(_ subschema: [String: Any], in schema: [String: Any]) throws -> [String: Any] {
        guard let reference = subschema["$ref"] as? String else { return subschema }
        let prefix = "#/$defs/"
        #expect(reference.hasPrefix(prefix), "\(reference): only references into $defs are followed")
        return try definition(String(reference.dropFirst(prefix.count)), in: schema)
    }

    /// The properties an object schema allows and requires, its `allOf` branches included: a
    /// `$ref` followed, a `then` taken when every `const` of its `if` is the parameter's text.
    static func members(
        of subschema: [String: Any], in schema: [String: Any], texts: [String: String]
    ) throws -> (properties: [String: [String: Any]], required: Set<String>) {
        let object = try resolved(subschema, in: schema)
        var properties = object["properties"] as? [String: [String: Any]] ?? [:]
        var required = Set(object["required"] as? [String] ?? [])
        for branch in object["allOf"] as? [[String: Any]] ?? [] {
            var taken = branch
            if let condition = branch["if"] as? [String: Any] {
                let constants = condition["properties"] as? [String: [String: Any]] ?? [:]
                guard constants.allSatisfy({ texts[$0.key] == $0.value["const"] as? String }) else { continue }
                taken = branch["then"] as? [String: Any] ?? [:]
            }
            let inner = try members(of: taken, in: schema, texts: texts)
            properties.merge(inner.properties) { first, _ in first }
            required.formUnion(inner.required)
        }
        return (properties, required)
    }

    /// Why a text does not fit a string schema (its `enum`, its `pattern`), or `nil`.
    static func problem(with text: String, against subschema: [String: Any]) throws -> String? {
        if let values = subschema["enum"] as? [Any], !values.contains(where: { $0 as? String == text }) {
            return "'\(text)' is not in its enum"
        }
        if let pattern = subschema["pattern"] as? String {
            let expression = try NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if expression.firstMatch(in: text, range: range) == nil { return "'\(text)' does not match \(pattern)" }
        }
        return nil
    }

    @Test func findingCodesAreTheSchemas() throws {
        let schema = try Self.schema()
        let listed = try #require(try Self.definition("findingCode", in: schema)["enum"] as? [String])
        let written = Set(Finding.examples.map(\.code))
        #expect(Set(listed).subtracting(written).isEmpty, "codes only in the schema")
        #expect(written.subtracting(listed).isEmpty, "codes only in Finding.examples")
        #expect(listed.count == Set(listed).count, "a code listed twice")
        let branches = try #require(try Self.definition("finding", in: schema)["allOf"] as? [[String: Any]])
        let described = branches.compactMap {
            (($0["if"] as? [String: Any])?["properties"] as? [String: [String: Any]])?["code"]?["const"] as? String
        }
        #expect(described == listed, "one parameters branch per code, in the enum's order")
    }

    @Test(arguments: Finding.examples) func findingParametersAreTheSchemas(finding: Finding) throws {
        let schema = try Self.schema()
        let branches = try #require(try Self.definition("finding", in: schema)["allOf"] as? [[String: Any]])
        let branch = try #require(
            branches.first {
                (($0["if"] as? [String: Any])?["properties"] as? [String: [String: Any]])?["code"]?["const"] as? String
                    == finding.code
            }, "\(finding.code): no parameters in \(Self.schemaPath)")
        let then = try #require(branch["then"] as? [String: Any])
        let parameters = try #require((then["properties"] as? [String: Any])?["parameters"] as? [String: Any])
        var texts: [String: String] = [:]
        for parameter in finding.parameters {
            if case .text(let text) = parameter.value { texts[parameter.name] = text }
        }
        let (properties, required) = try Self.members(of: parameters, in: schema, texts: texts)
        let names = finding.parameters.map(\.name)
        #expect(required.isSubset(of: names), "\(finding.code): missing \(required.subtracting(names).sorted())")
        for parameter in finding.parameters {
            let property = try #require(
                properties[parameter.name], "\(finding.code): '\(parameter.name)' is not in the schema")
            if case .null = parameter.value {
                #expect(
                    Self.allowsNull(property), "\(finding.code).\(parameter.name) is null, the schema does not allow it"
                )
                continue
            }
            let expected = try Self.resolved(Self.withoutNull(property), in: schema)
            let type = expected["type"] as? String
            switch parameter.value {
            case .text(let text):
                #expect(type == "string", "\(finding.code).\(parameter.name) is a text, the schema says \(type ?? "-")")
                let problem = try Self.problem(with: text, against: expected)
                #expect(problem == nil, "\(finding.code).\(parameter.name): \(problem ?? "")")
            case .number:
                #expect(
                    type == "integer", "\(finding.code).\(parameter.name) is a number, the schema says \(type ?? "-")")
            case .texts(let list):
                #expect(type == "array", "\(finding.code).\(parameter.name) is a list, the schema says \(type ?? "-")")
                let items = try Self.resolved(expected["items"] as? [String: Any] ?? [:], in: schema)
                #expect(items["type"] as? String == "string", "\(finding.code).\(parameter.name): a list of texts")
                for text in list {
                    let problem = try Self.problem(with: text, against: items)
                    #expect(problem == nil, "\(finding.code).\(parameter.name): \(problem ?? "")")
                }
            case .numbers:
                #expect(type == "array", "\(finding.code).\(parameter.name) is a list, the schema says \(type ?? "-")")
                let items = try Self.resolved(expected["items"] as? [String: Any] ?? [:], in: schema)
                #expect(items["type"] as? String == "integer", "\(finding.code).\(parameter.name): a list of numbers")
            case .null:
                break
            }
        }
    }

    /// Whether a property takes `null`: `"type": [T, "null"]` or an `anyOf` with a `null` branch.
    static func allowsNull(_ property: [String: Any]) -> Bool {
        if let types = property["type"] as? [String] { return types.contains("null") }
        let branches = property["anyOf"] as? [[String: Any]] ?? []
        return branches.contains { $0["type"] as? String == "null" }
    }

    /// A nullable property's schema for its values that are not `null`.
    static func withoutNull(_ property: [String: Any]) -> [String: Any] {
        if let types = property["type"] as? [String] {
            var single = property
            single["type"] = types.first { $0 != "null" }
            return single
        }
        let branches = property["anyOf"] as? [[String: Any]] ?? []
        return branches.first { $0["type"] as? String != "null" } ?? property
    }

    /// Every parameter name has one type in every code (schema version 2): the same JSON type wherever
    /// it appears, and a rate is always a number of kbit/s.
    @Test func aParameterNameHasOneTypeInEveryCode() {
        var types: [String: Set<String>] = [:]
        for finding in Finding.examples {
            for parameter in finding.parameters {
                let type: String? =
                    switch parameter.value {
                    case .text: "text"
                    case .number: "number"
                    case .texts: "texts"
                    case .numbers: "numbers"
                    case .null: nil
                    }
                if let type { types[parameter.name, default: []].insert(type) }
            }
        }
        let mixed = types.filter { $0.value.count > 1 }.mapValues { $0.sorted() }
        #expect(mixed.isEmpty, "names with more than one type: \(mixed)")
        let rates = types.filter { $0.key.hasSuffix("Kbps") }
        #expect(rates.allSatisfy { $0.value == ["number"] || $0.value == ["numbers"] })
    }

    @Test func goldenPlanKeysAreNamedInTheSchema() throws {
        let schemaText = try String(contentsOfFile: TestSupport.path(Self.schemaPath), encoding: .utf8)
        let golden = "Tests/LinePlanCLITests/Golden"
        let orders = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path(golden)).sorted()
        var plans = 0
        for order in orders {
            for language in ["en", "zh"] {
                let path = TestSupport.path("\(golden)/\(order)/\(language)/plan.json")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                plans += 1
                var keys: Set<String> = []
                func collect(_ value: Any) {
                    if let object = value as? [String: Any] {
                        keys.formUnion(object.keys)
                        object.values.forEach(collect)
                    } else if let array = value as? [Any] {
                        array.forEach(collect)
                    }
                }
                collect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))))
                let missing = keys.filter { !schemaText.contains("\"\($0)\"") }.sorted()
                #expect(missing.isEmpty, "\(order)/\(language)/plan.json: keys not in \(Self.schemaPath): \(missing)")
            }
        }
        #expect(plans > 0, "no golden plan.json under \(golden)")
    }
}
