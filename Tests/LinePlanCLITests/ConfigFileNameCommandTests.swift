import Foundation
import TestSupport
import Testing

/// End-to-end: a site's name never becomes a file name as written.
///
/// Issue 13 found `configs/<script>….ios.cfg` and `configs/=HYPERLINK(…).ios.cfg`. Configuration files are named
/// by ASCII slugs of letters, digits and `-` (issue 18's rule, distinct ignoring case), so no file under
/// `configs/` holds `<`, `>`, `/`, `\`, `:`, quotes or control characters, or starts with `=`, `+`, `-`, `@` or
/// `.`.
@Suite struct ConfigFileNameCommandTests {
    /// The five-branch CSV order with its sites renamed, planned into a bundle: the files under `configs/`.
    func configFiles(renaming names: [String: String]) throws -> [String] {
        let folder = try TestSupport.makeTemporaryFolder()
        var order = try String(
            contentsOfFile: TestSupport.path("Topologies/wuhan/orders/branches-interconnect.csv"), encoding: .utf8)
        for (site, name) in names {
            let quoted =
                name.contains { $0 == "\"" || $0 == "," }
                ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
            #expect(order.contains("\",\(site),\""))
            order = order.replacingOccurrences(of: "\",\(site),\"", with: "\",\(quoted),\"")
        }
        try order.write(to: folder.appendingPathComponent("order.csv"), atomically: true, encoding: .utf8)
        let run = try TestSupport.runLinePlan(
            [
                "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", "order.csv",
                "--out", "out",
            ], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        return try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("out/configs").path
        ).sorted()
    }

    /// Whether a file name is a slug, a platform and `.cfg`: `[A-Za-z0-9][A-Za-z0-9-]*\.(ios|vrp3|vrp5)\.cfg`.
    func isSafe(_ file: String) -> Bool {
        let parts = file.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, ["ios", "vrp3", "vrp5"].contains(parts[1]), parts[2] == "cfg",
            let first = parts[0].first, first.isASCII, first.isLetter || first.isNumber
        else { return false }
        return parts[0].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    @Test func namesThatAreMarkupFormulasOrPathsBecomeSlugs() throws {
        let files = try configFiles(renaming: [
            "HQ": #"=HYPERLINK("x")"#, "BR1": "<script>alert(1)", "BR2": "-rf", "BR3": ".hidden",
            "BR4": #"a:b\c'd"#,
        ])
        #expect(
            files == [
                "HYPERLINK-x.vrp5.cfg", "a-b-c-d.vrp3.cfg", "hidden.ios.cfg", "rf.vrp3.cfg", "script-alert-1.ios.cfg",
            ])
        #expect(files.allSatisfy(isSafe), "\(files)")
    }

    @Test func namesWithoutLettersOrDigitsTakeTheirPosition() throws {
        let files = try configFiles(renaming: [
            "HQ": "+cmd", "BR1": "@SUM(1)", "BR2": #""q""#, "BR3": "<>", "BR4": "|pipe|",
        ])
        #expect(files == ["S4.ios.cfg", "SUM-1.ios.cfg", "cmd.vrp5.cfg", "pipe.vrp3.cfg", "q.vrp3.cfg"])
        #expect(files.allSatisfy(isSafe), "\(files)")
    }
}
