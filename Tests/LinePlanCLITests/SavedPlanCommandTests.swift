import Foundation
import TestSupport
import Testing

/// End-to-end: `render --plan` reads a saved plan as input like any other (issue 13).
///
/// Every value a configuration, a file name or a document takes is checked where the plan writes it: a number
/// past its bound,
/// a file name that is not `configs/NAME.PLATFORM.cfg`, text a configuration cannot take — each refused at its
/// `FILE:LINE:COLUMN` with the plan's own key, never written, never named by an internal field
/// (`lineplan: hostname: error: …`, `lineplan: wan.link: error: VLAN …`) without a place.
@Suite struct SavedPlanCommandTests {
    /// The saved plan of a demo order, as `plan --out` writes it.
    static func savedPlan(_ order: String) throws -> String {
        let folder = try TestSupport.makeTemporaryFolder()
        let out = folder.appendingPathComponent("out")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order",
            TestSupport.path("Topologies/wuhan/orders/\(order)"), "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        return try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
    }

    /// The plan with the value of the `occurrence`-th line holding `"key": ` replaced by `value` (JSON text),
    /// and that value's line and column.
    static func edit(_ plan: String, key: String, occurrence: Int = 0, to value: String) throws -> (
        text: String, line: Int, column: Int
    ) {
        var lines = plan.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let marker = "\"\(key)\": "
        let found = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(marker) }
        try #require(found.count > occurrence, "no line with \(marker)")
        let index = found[occurrence]
        let start = try #require(lines[index].range(of: marker)).upperBound
        let comma = lines[index].hasSuffix(",") ? "," : ""
        let column = lines[index].distance(from: lines[index].startIndex, to: start) + 1
        lines[index] = String(lines[index][..<start]) + value + comma
        return (lines.joined(separator: "\n"), index + 1, column)
    }

    /// Renders a plan text from a new folder: its status, standard error and the files written.
    static func render(_ plan: String) throws -> (status: Int32, error: String, files: [String]) {
        let folder = try TestSupport.makeTemporaryFolder()
        try plan.write(to: folder.appendingPathComponent("plan.json"), atomically: true, encoding: .utf8)
        let run = try TestSupport.runLinePlan(["render", "--plan", "plan.json", "--out", "out"], in: folder)
        let out = folder.appendingPathComponent("out")
        let files = (FileManager.default.subpaths(atPath: out.path) ?? []).sorted()
        return (run.status, run.standardError, files)
    }

    static func bank() throws -> String { try savedPlan("bank-apn.json") }
    static func branches() throws -> String { try savedPlan("branches-interconnect.csv") }

    @Test(arguments: [
        ("workingDays", 0, "9223372036854775807", "9223372036854775807 is above the maximum 60"),
        ("workingDays", 0, "-9223372036854775808", "must not be negative, found -9223372036854775808"),
        ("workingDays", 0, "1e308", "number 1e+308 is too large"),
        ("templateWorkingDays", 0, "61", "61 is above the maximum 60"),
        ("accessPoints", 0, "2", "2 is above the maximum 1"),
        ("repairHours", 0, "9223372036854775807", "9223372036854775807 is above the maximum 720"),
        ("repairHours", 0, "0", "0 is below the minimum 1"),
        ("hubVLAN", 0, "4095", "4095 is above the maximum 4094"),
        ("hubVLAN", 0, "-0", "0 is below the minimum 1"),
    ])
    func refusesANumberPastItsBoundAtItsPlace(key: String, occurrence: Int, value: String, message: String) throws {
        let plan = try Self.bank()
        let (text, line, column) = try Self.edit(plan, key: key, occurrence: occurrence, to: value)
        let path = ["workingDays", "templateWorkingDays", "accessPoints"].contains(key) ? "reply" : "sites[0]"
        let rendered = try Self.render(text)
        #expect(rendered.status == 65)
        #expect(rendered.error == "plan.json:\(line):\(column): error: \(message) (\(path).\(key))\n")
        #expect(rendered.files.isEmpty)
    }

    /// A branch's VLAN past 4094 was refused as `lineplan: wan.link: error: VLAN 9223372036854775807 is outside
    /// 1...4094`, without a place.
    @Test func refusesABranchVLANAtItsPlace() throws {
        let plan = try Self.branches()
        let (text, line, column) = try Self.edit(plan, key: "hubVLAN", occurrence: 1, to: "9223372036854775807")
        let rendered = try Self.render(text)
        #expect(rendered.status == 65)
        #expect(
            rendered.error
                == "plan.json:\(line):\(column): error: 9223372036854775807 is above the maximum 4094 (sites[1].hubVLAN)\n"
        )
    }

    /// A configuration's file name came from the plan as written: `configs/<script>.ios.cfg`,
    /// `configs/=HYPERLINK("x").ios.cfg` and even `plan.json` were written into the bundle.
    @Test(arguments: [
        #"configs/<script>.ios.cfg"#, #"configs/=HYPERLINK(\"x\").ios.cfg"#, "plan.json", "configs/HQ.vrp5.cfg",
        "configs/-HQ.ios.cfg", "configs/HQ.ios.txt", "configs/a/HQ.ios.cfg", "configs/H Q.ios.cfg",
        "configs/.ios.cfg", "configs/\(String(repeating: "A", count: 65)).ios.cfg",
    ])
    func refusesAConfigurationFileNameThatIsNotSafe(name: String) throws {
        let plan = try Self.bank()
        let (text, line, column) = try Self.edit(plan, key: "config", to: "\"\(name)\"")
        let rendered = try Self.render(text)
        let shown = name.replacingOccurrences(of: "\\\"", with: "\"")
        let why =
            name == "configs/HQ.vrp5.cfg"
            ? "the site's router is configured in ios, not vrp5"
            : "a configuration is written to configs/NAME.PLATFORM.cfg: NAME of 1 to 64 ASCII letters, digits and '-'"
                + " (not first), PLATFORM one of ios, vrp3, vrp5"
        let expected =
            "plan.json:\(line):\(column): error: invalid configuration file '\(shown.count > 64 ? String(shown.prefix(64)) + "…" : shown)': \(why) (sites[0].config)\n"
        #expect(rendered.status == 65)
        #expect(rendered.error == expected)
        #expect(rendered.files.isEmpty)
    }

    @Test func refusesTwoSitesWrittenToOneFileIgnoringCase() throws {
        let plan = try Self.branches()
        let (text, line, column) = try Self.edit(plan, key: "config", occurrence: 3, to: "\"configs/br1.ios.cfg\"")
        let rendered = try Self.render(text)
        #expect(rendered.status == 65)
        #expect(
            rendered.error
                == "plan.json:\(line):\(column): error: invalid configuration file 'configs/br1.ios.cfg': "
                + "sites[1].config is written to it already (sites[3].config)\n")
    }

    /// Text a configuration cannot take was refused by the configuration's own field name, without a place:
    /// `lineplan: hostname: error: …`, `lineplan: lineID: error: …`, `lineplan: customer: error: …`,
    /// `lineplan: tunnels[0].ggsn: error: …`.
    @Test(arguments: [
        (
            "hostname", 0, "\"<script>\"", "sites[0].hostname",
            "invalid hostname '<script>': contains '<' at character 1; a hostname takes only ASCII letters, digits"
                + " and '-'"
        ),
        (
            "hostname", 0, "\"\(String(repeating: "A", count: 64))\"", "sites[0].hostname",
            "invalid hostname '\(String(repeating: "A", count: 64))': is 64 characters long; Cisco IOS 12.4 allows at"
                + " most 63"
        ),
        (
            "line", 0, "\"X\\nY\"", "sites[0].line",
            "invalid line id 'X\\nY': contains a line break (U+000A) at character 2; a value must stay on one line"
        ),
        (
            "customer", 0, "\"a\\u0007b\"", "order.customer",
            "invalid customer 'a\\u{7}b': contains a control character (U+0007) at character 2"
        ),
        (
            "ggsn", 0, "\"GGSN.01\"", "sites[0].gre[0].ggsn",
            "invalid GGSN id 'GGSN.01': a GGSN id is 1 to 64 ASCII letters, digits, '-' and '_'"
        ),
        (
            "bandwidth", 0, "\"99999999999999999999G\"", "sites[0].bandwidth",
            "invalid rate '99999999999999999999G'; write a rate such as 2M, 100M, 1G, 10G, STM-1, or a number of"
                + " Mbit/s"
        ),
        (
            "platform", 0, "\"ios2\"", "sites[0].router.platform",
            "unknown platform 'ios2'; expected one of ios, vrp3, vrp5"
        ),
        (
            "interface", 0, "\"FE<b>\"", "sites[0].interface",
            "unknown interface 'FE<b>'; expected one of FE, GE, 10GE, E1, V.35"
        ),
        (
            "ggsnAddress", 0, "\"10.0.0.256\"", "sites[0].gre[0].ggsnAddress",
            "invalid IPv4 address '10.0.0.256': octet 256 is above 255"
        ),
    ])
    func refusesTextAConfigurationCannotTakeAtItsPlace(
        key: String, occurrence: Int, value: String, path: String, message: String
    ) throws {
        let plan = try Self.bank()
        let (text, line, column) = try Self.edit(plan, key: key, occurrence: occurrence, to: value)
        let rendered = try Self.render(text)
        #expect(rendered.status == 65)
        #expect(rendered.error == "plan.json:\(line):\(column): error: \(message) (\(path))\n")
        #expect(rendered.files.isEmpty)
    }

    @Test func theSavedDemoPlansRenderAsBefore() throws {
        for plan in [try Self.bank(), try Self.branches()] {
            let rendered = try Self.render(plan)
            #expect(rendered.status == 0, "\(rendered.error)")
            #expect(rendered.files.contains { $0.hasPrefix("configs/") && $0.hasSuffix(".cfg") })
        }
    }
}
