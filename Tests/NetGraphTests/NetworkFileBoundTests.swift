import Foundation
import LocatedJSON
import NetGraph
import Testing

/// Every number of a network file is bounded when it is read: the largest and smallest values JSON's grammar
/// allows (9223372036854775807, -9223372036854775808, 1e308, -1e308, -0, 1e-400) get an error at the value
/// naming the field and the bound, or are read as the number they are (issue 13).
@Suite struct NetworkFileBoundTests {
    /// A valid file with every numeric field; `@KEY@` marks where one field's value goes, the others get
    /// their `normal` value.
    static let template = """
        {
          "rooms": [{"id": "R1", "name": "机房", "location": [0, @room.y@]}],
          "nodes": [
            {"id": "A", "kind": "ptn", "room": "R1", "location": [0, 0], "ports": {"GE": {"total": @ports.total@, "used": @ports.used@}}},
            {"id": "B", "kind": "sdh", "location": [@node.x@, 0]},
            {"id": "C", "kind": "otn", "location": [2, 0]},
            {"id": "D", "kind": "otn", "location": [3, 0]},
            {"id": "O", "kind": "olt", "location": [0, 1], "pon": {"standard": "gpon", "maxONUsPerPort": @pon.max@}},
            {"id": "S", "kind": "splitter", "location": [0, 1.1], "splitter": {"ratio": @split.ratio@, "used": @split.used@}},
            {"id": "BLD", "kind": "building", "location": [0, 0.3]}
          ],
          "links": [
            {"id": "L1", "a": "A", "b": "B", "rate": @rate@, "committed": @committed@, "km": @km@,
             "weight": @weight@, "segment": "access", "technology": "sdh",
             "sdh": {"vc4": @sdh.vc4@, "vc4Used": @sdh.vc4Used@, "vc12Used": @sdh.vc12Used@}},
            {"id": "L2", "a": "C", "b": "D", "rate": "100G", "km": 1, "segment": "core", "technology": "otn",
             "otn": {"slots": @otn.slots@, "used": @otn.used@}},
            {"id": "F1", "a": "BLD", "b": "A", "rate": "1G", "km": 0.3, "segment": "last-mile",
             "technology": "fibre", "fibre": {"cores": @fibre.cores@, "used": @fibre.used@}},
            {"id": "P1", "a": "O", "b": "S", "rate": "1G", "km": 0.1, "segment": "last-mile", "technology": "pon"},
            {"id": "B1", "a": "A", "b": "C", "rate": "10G", "km": 2, "segment": "aggregation", "technology": "ethernet"}
          ],
          "policy": {"hubVLANBase": @policy.hubVLANBase@, "accessMaxUtilisation": @policy.access@,
                     "fibreReachKm": @policy.reach@}
        }
        """

    /// One numeric field: its marker, JSON path, range, whether it takes whole numbers only, and its normal
    /// value.
    struct Field: Sendable, CustomStringConvertible {
        var marker: String
        var path: String
        var low: Double
        var high: Double
        var whole: Bool
        var normal: String

        var description: String { path }
    }

    static let fields: [Field] = [
        Field(marker: "room.y", path: "rooms[0].location[1]", low: -100_000, high: 100_000, whole: false, normal: "0"),
        Field(marker: "ports.total", path: "nodes[0].ports.GE.total", low: 0, high: 100_000, whole: true, normal: "4"),
        Field(marker: "ports.used", path: "nodes[0].ports.GE.used", low: 0, high: 100_000, whole: true, normal: "1"),
        Field(marker: "node.x", path: "nodes[1].location[0]", low: -100_000, high: 100_000, whole: false, normal: "1"),
        Field(marker: "pon.max", path: "nodes[4].pon.maxONUsPerPort", low: 1, high: 128, whole: true, normal: "64"),
        Field(marker: "split.ratio", path: "nodes[5].splitter.ratio", low: 2, high: 128, whole: true, normal: "16"),
        Field(marker: "split.used", path: "nodes[5].splitter.used", low: 0, high: 128, whole: true, normal: "2"),
        Field(marker: "rate", path: "links[0].rate", low: 0, high: 1e9, whole: false, normal: "622.08"),
        Field(marker: "committed", path: "links[0].committed", low: 0, high: 1e9, whole: false, normal: "0"),
        Field(marker: "km", path: "links[0].km", low: 0, high: 20_000, whole: false, normal: "1.5"),
        Field(marker: "weight", path: "links[0].weight", low: 1, high: 1_000_000, whole: true, normal: "10"),
        Field(marker: "sdh.vc4", path: "links[0].sdh.vc4", low: 1, high: 256, whole: true, normal: "4"),
        Field(marker: "sdh.vc4Used", path: "links[0].sdh.vc4Used", low: 0, high: 256, whole: true, normal: "1"),
        Field(marker: "sdh.vc12Used", path: "links[0].sdh.vc12Used", low: 0, high: 16_128, whole: true, normal: "9"),
        Field(marker: "otn.slots", path: "links[1].otn.slots", low: 1, high: 640, whole: true, normal: "80"),
        Field(marker: "otn.used", path: "links[1].otn.used", low: 0, high: 640, whole: true, normal: "3"),
        Field(marker: "fibre.cores", path: "links[2].fibre.cores", low: 1, high: 1000, whole: true, normal: "12"),
        Field(marker: "fibre.used", path: "links[2].fibre.used", low: 0, high: 1000, whole: true, normal: "2"),
        Field(marker: "policy.hubVLANBase", path: "policy.hubVLANBase", low: 1, high: 4000, whole: true, normal: "100"),
        Field(
            marker: "policy.access", path: "policy.accessMaxUtilisation", low: 0, high: 1, whole: false, normal: "0.7"),
        Field(marker: "policy.reach", path: "policy.fibreReachKm", low: 0, high: 200, whole: false, normal: "20"),
    ]

    /// The file with `value` written for one field, and that value's line and column.
    static func file(_ field: Field, _ value: String) -> (text: String, line: Int, column: Int) {
        var text = template
        for other in fields where other.marker != field.marker {
            text = text.replacingOccurrences(of: "@\(other.marker)@", with: other.normal)
        }
        let marker = "@\(field.marker)@"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var place = (line: 0, column: 0)
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: marker) {
                place = (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return (text.replacingOccurrences(of: marker, with: value), place.line, place.column)
    }

    static func format(_ bound: Double) -> String {
        bound.rounded() == bound ? String(Int(bound)) : String(bound)
    }

    @Test func theTemplateLoadsWithEveryFieldNormal() throws {
        let text = Self.file(Self.fields[0], Self.fields[0].normal).text
        _ = try loadNetwork(text)
    }

    @Test(arguments: fields)
    func refusesTheLargestAndSmallestNumbersAtTheField(_ field: Field) throws {
        let high = Self.format(field.high)
        let low = Self.format(field.low)
        let tooSmall = field.low == 0 ? "must not be negative, found" : nil
        let expected: [(String, String)] = [
            ("9223372036854775807", "9223372036854775807 is above the maximum \(high)"),
            (
                "-9223372036854775808",
                tooSmall.map { "\($0) -9223372036854775808" } ?? "-9223372036854775808 is below the minimum \(low)"
            ),
            ("1e308", field.whole ? "number 1e+308 is too large" : "1e+308 is above the maximum \(high)"),
            (
                "-1e308",
                field.whole
                    ? "number -1e+308 is too large"
                    : tooSmall.map { "\($0) -1e+308" } ?? "-1e+308 is below the minimum \(low)"
            ),
        ]
        for (value, message) in expected {
            let (text, line, column) = Self.file(field, value)
            #expect(loadErrors(text) == ["net.json:\(line):\(column): error: \(message) (\(field.path))"], "\(value)")
        }
        // A number too close to zero to represent is refused where it is written.
        let (text, line, column) = Self.file(field, "1e-400")
        #expect(
            loadErrors(text) == [
                "net.json:\(line):\(column): error: number 1e-400 is out of range: too close to zero to represent; "
                    + "write 0"
            ])
    }

    /// Every diagnostic of loading `text`, or none when it loads.
    static func diagnostics(_ text: String) -> [String] {
        do {
            _ = try Network.load(name: "net.json", bytes: Array(text.utf8))
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test(arguments: fields)
    func readsTheBoundsThemselvesAndMinusZero(_ field: Field) {
        // Another rule may refuse a bound (a total of 0 with a port used, 16128 VC-12 in 3 free VC-4); the
        // bound itself never does. -0 is zero.
        let written = [field.low, field.high].map { field.whole ? String(Int($0)) : String($0) }
        for value in written + (field.low <= 0 ? ["-0"] : []) {
            let refusals = Self.diagnostics(Self.file(field, value).text).filter { message in
                message.hasSuffix("(\(field.path))")
                    && ["maximum", "minimum", "negative", "too large"].contains { message.contains($0) }
            }
            #expect(refusals.isEmpty, "\(value)")
        }
    }
}
