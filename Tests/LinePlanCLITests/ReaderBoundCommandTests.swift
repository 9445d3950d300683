import Foundation
import TestSupport
import Testing

/// End-to-end: numbers past a reader's bounds are refused at their place by the built binary, never a trap
/// or a silent wrong answer (issue 13).
@Suite struct ReaderBoundCommandTests {
    /// A NetBox site whose latitude is 1e308 trapped the import (SIGILL) converting its plane coordinate.
    @Test(arguments: [
        ("1e308", "latitude 1e+308 is outside -90…90 degrees"),
        ("9223372036854775807", "latitude 9223372036854775807 is outside -90…90 degrees"),
        ("-1e308", "latitude -1e+308 is outside -90…90 degrees"),
    ])
    func aNetBoxLatitudeOffTheGlobeIsRefusedAtItsValue(latitude: String, message: String) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let export = try String(
            contentsOfFile: TestSupport.path("Topologies/wuhan/netbox/export.json"), encoding: .utf8)
        // The second site's latitude, on its own line of the pretty-printed export.
        let lines = export.split(separator: "\n", omittingEmptySubsequences: false)
        let latitudes = lines.indices.filter { lines[$0].hasPrefix("    \"latitude\": ") }
        try #require(latitudes.count >= 2)
        var edited = lines.map(String.init)
        edited[latitudes[1]] = "    \"latitude\": \(latitude),"
        try edited.joined(separator: "\n").write(
            to: folder.appendingPathComponent("nb.json"), atomically: true, encoding: .utf8)
        let run = try TestSupport.runLinePlan(
            ["topology", "import", "--from", "netbox", "nb.json", "--out", "net.json"], in: folder)
        #expect(run.status == 65, "\(run.standardError)")
        #expect(
            run.standardError.contains("\nnb.json:\(latitudes[1] + 1):17: error: \(message) (field latitude)\n"),
            "\(run.standardError)")
        #expect(!run.standardError.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("net.json").path))
    }

    /// An order received at the end of the supported years answered with a reply due on the day it was
    /// received: the count of working days ran past 2199 and was dropped without a word.
    @Test func anOrderReceivedInTheLastSupportedYearIsRefusedAtItsDate() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let order = try String(
            contentsOfFile: TestSupport.path("Topologies/wuhan/orders/bank-apn.json"), encoding: .utf8)
        for (date, status) in [("2199-12-31", Int32(65)), ("2198-12-31", 0)] {
            try order.replacingOccurrences(of: "2026-09-30", with: date).write(
                to: folder.appendingPathComponent("order.json"), atomically: true, encoding: .utf8)
            let run = try TestSupport.runLinePlan(
                [
                    "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", "order.json",
                    "--format", "json",
                ], in: folder)
            #expect(run.status == status, "\(date): \(run.standardError)")
            if status == 65 {
                #expect(
                    run.standardError
                        == "order.json:7:15: error: invalid date '2199-12-31': an order is received by 2198-12-31, so"
                        + " that the working days counted from it stay within the supported years 1900-2199"
                        + " (received)\n1 error, 0 warnings\n")
            } else {
                let plan = try #require(
                    try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
                let reply = try #require(plan["reply"] as? [String: Any])
                // The last day an order may be received: its reply is due in 2199, after it.
                #expect((reply["due"] as? String)?.hasPrefix("2199-01-") == true, "\(reply)")
            }
        }
    }
}

/// End-to-end: a holiday file of `--holidays` is refused at its place, as every reader's diagnostics are.
@Suite struct HolidayBoundCommandTests {
    @Test(arguments: [
        ("9223372036854775807", "year 9223372036854775807 is outside the supported years 1900-2199 (year)"),
        ("1e308", "expected a whole-number year, found a number (year)"),
        ("1e-400", "number 1e-400 is out of range: too close to zero to represent; write 0"),
    ])
    func aYearOutOfBoundsIsRefusedAtItsPlace(year: String, message: String) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let holidays = folder.appendingPathComponent("holidays")
        try FileManager.default.createDirectory(at: holidays, withIntermediateDirectories: true)
        try #"{"year": \#(year), "papers": [], "days": []}"#.write(
            to: holidays.appendingPathComponent("2027.json"), atomically: true, encoding: .utf8)
        let run = try TestSupport.runLinePlan(
            [
                "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order",
                TestSupport.path("Topologies/wuhan/orders/bank-apn.json"), "--holidays", "holidays",
            ], in: folder)
        #expect(run.status == 65)
        #expect(run.standardError == "holidays/2027.json:1:10: error: \(message)\n")
    }
}
