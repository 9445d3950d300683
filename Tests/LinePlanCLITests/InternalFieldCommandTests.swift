import Foundation
import TestSupport
import Testing

/// End-to-end: a valid order never fails on a configuration's internal field (issue 13 found refusals that
/// name an internal field, such as `lineID`, without `FILE:LINE:COLUMN`).
///
/// Before, `plan --out` of valid orders stopped with `lineplan: apn: error: is 64 characters long …` (a 64-character
/// order id), `lineplan: apn: error: 'rac-x' starts with 'rac' …`, `lineplan: wan.description: error: is 89
/// characters long; Huawei VRP 3 descriptions take at most 80` (a long order id on a VRP 3 branch), and a network
/// whose GGSN id has a dot stopped with `lineplan: tunnels[1].ggsn: error: …`. Names LinePlan derives now always
/// fit, and what the network must give is refused where the network file writes it.
@Suite struct InternalFieldCommandTests {
    static let longID = "WH-2026-1204-" + String(repeating: "X", count: 51)

    /// Plans a demo order with its id replaced into a bundle: the run and the bundle's folder.
    func plan(_ order: String, id: String, network: String = TestSupport.path("Topologies/wuhan/network.json"))
        throws -> (run: TestSupport.Run, out: URL)
    {
        let folder = try TestSupport.makeTemporaryFolder()
        let text = try String(contentsOfFile: TestSupport.path("Topologies/wuhan/orders/\(order)"), encoding: .utf8)
        let oldID =
            order.hasSuffix(".csv")
            ? String(text.split(whereSeparator: \.isNewline).dropFirst().first?.prefix { $0 != "," } ?? "")
            : try #require(
                (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["id"] as? String)
        let file = folder.appendingPathComponent(order)
        try text.replacingOccurrences(of: oldID, with: id).write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", file.path, "--out", out.path,
        ])
        return (run, out)
    }

    /// Whether standard error names a field without a file: `lineplan: wan.description: error: …`.
    func namesAnInternalField(_ standardError: String) -> Bool {
        standardError.split(separator: "\n").contains { line in
            guard line.hasPrefix("lineplan: "), let end = line.range(of: ": error: ") else { return false }
            let field = line[line.index(line.startIndex, offsetBy: 10)..<end.lowerBound]
            return !field.isEmpty && !field.contains(" ") && !field.contains("/")
        }
    }

    @Test(arguments: ["bank-apn.json", "power-apn-e1.json"])
    func anAPNOrderWithALongIdGetsAnAPNWithin63Characters(order: String) throws {
        let (run, out) = try plan(order, id: Self.longID)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!namesAnInternalField(run.standardError), "\(run.standardError)")
        let office = try String(contentsOf: out.appendingPathComponent("office-data.md"), encoding: .utf8)
        let apn = "wh-2026-1204-" + String(repeating: "x", count: 50)
        #expect(apn.count == 63)
        #expect(office.contains(apn) && !office.contains(apn + "x"), "\(office)")
    }

    @Test(arguments: [("rac-x", "apn-rac-x"), ("SGSN1", "apn-sgsn1"), ("Lac.7", "apn-lac-7"), ("RNC_2", "apn-rnc-2")])
    func anAPNOrderWhoseIdStartsWithAReservedLabelGetsAnAPNPrefix(id: String, apn: String) throws {
        let (run, out) = try plan("bank-apn.json", id: id)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!namesAnInternalField(run.standardError), "\(run.standardError)")
        let office = try String(contentsOf: out.appendingPathComponent("office-data.md"), encoding: .utf8)
        #expect(office.contains("APN \(apn)"), "\(office)")
    }

    @Test(arguments: ["branches-interconnect.csv", "hospitals-interconnect.json", "office-internet.json"])
    func aLongOrderIdFitsEveryDescription(order: String) throws {
        let (run, out) = try plan(order, id: Self.longID)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!namesAnInternalField(run.standardError), "\(run.standardError)")
        let configs = out.appendingPathComponent("configs")
        for file in try FileManager.default.contentsOfDirectory(atPath: configs.path) {
            let text = try String(contentsOf: configs.appendingPathComponent(file), encoding: .utf8)
            let limit = file.hasSuffix(".vrp3.cfg") ? 80 : file.hasSuffix(".vrp5.cfg") ? 242 : 240
            for line in text.split(separator: "\n") {
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("description ") else { continue }
                #expect(trimmed.dropFirst("description ".count).count <= limit, "\(file): \(line)")
            }
        }
    }

    @Test func aGGSNIdTheOfficeDataCannotTakeIsRefusedInTheNetworkFile() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let network = try String(
            contentsOfFile: TestSupport.path("Topologies/wuhan/network.json"), encoding: .utf8)
        let lines = network.split(separator: "\n", omittingEmptySubsequences: false)
        let node = try #require(lines.firstIndex { $0.contains(#""id": "GGSN-01""#) && $0.contains(#""kind""#) })
        let column = try #require(lines[node].range(of: #""id": "GGSN-01""#)).lowerBound
        let edited = network.replacingOccurrences(of: "\"GGSN-01\"", with: "\"GGSN.01\"")
        let file = folder.appendingPathComponent("network.json")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let (run, _) = try plan("bank-apn.json", id: "WH-2026-0930-ABC", network: file.path)
        #expect(run.status == 65)
        #expect(!namesAnInternalField(run.standardError), "\(run.standardError)")
        let valueColumn = lines[node].distance(from: lines[node].startIndex, to: column) + 7
        #expect(
            run.standardError.contains(
                "network.json:\(node + 1):\(valueColumn): error: invalid GGSN id 'GGSN.01': a GGSN's id names it in the"
                    + " office data sheet and in the GRE tunnels of router configurations, so it is ASCII letters, digits,"
                    + " '-' and '_' (nodes["),
            "\(run.standardError)")
    }
}
