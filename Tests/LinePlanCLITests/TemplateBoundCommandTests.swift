import Foundation
import TestSupport
import Testing

/// End-to-end (issue 16): templates that multiply their includes are refused before anything renders.
@Suite struct TemplateBoundCommandTests {
    /// A copy of the shipped templates whose IOS footer includes m00, where each of m00…m25 includes the
    /// next twice (2^26 copies of m26): the plan stops at once with exit 65, the include located, no bundle.
    @Test func aSelfMultiplyingIncludeChainStopsThePlanAtTheInclude() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: TestSupport.path("Templates")), to: templates)
        let ios = templates.appendingPathComponent("ios")
        for level in 0...26 {
            let name = level < 10 ? "m0\(level)" : "m\(level)"
            let next = level + 1 < 10 ? "m0\(level + 1)" : "m\(level + 1)"
            let source = level == 26 ? "leaf\n" : "{{> \(next)}}{{> \(next)}}"
            try source.write(to: ios.appendingPathComponent("\(name).tmpl"), atomically: true, encoding: .utf8)
        }
        let footer = ios.appendingPathComponent("footer.tmpl")
        let text = try String(contentsOf: footer, encoding: .utf8)
        try (text + "{{> m00}}\n").write(to: footer, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order",
            TestSupport.path("Topologies/wuhan/orders/office-internet.json"), "--templates", templates.path,
            "--out", out.path,
        ])
        #expect(run.status == 65, "\(run.standardError)")
        #expect(
            run.standardError.contains(
                "ios/m17.tmpl:1:10: error: rendering 'm17' would expand more than 1000 includes by '{{> m18}}'"),
            "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
