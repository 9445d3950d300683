import Foundation
import TestSupport
import Testing

/// End-to-end (issues 13, 16): templates that multiply their includes or nest too deep are refused before
/// anything renders.
@Suite struct TemplateBoundCommandTests {
    /// A copy of the shipped templates whose IOS footer includes m00, where each of m00…m09 includes the
    /// next twice (2^10 copies of m10): the plan stops at once with exit 65, the include located, no bundle.
    @Test func aSelfMultiplyingIncludeChainStopsThePlanAtTheInclude() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: TestSupport.path("Templates")), to: templates)
        let ios = templates.appendingPathComponent("ios")
        for level in 0...10 {
            let name = level < 10 ? "m0\(level)" : "m\(level)"
            let next = level + 1 < 10 ? "m0\(level + 1)" : "m\(level + 1)"
            let source = level == 10 ? "leaf\n" : "{{> \(next)}}{{> \(next)}}"
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
                "ios/m01.tmpl:1:10: error: rendering 'm01' would expand more than 1000 includes by '{{> m02}}'"),
            "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// A copy of the shipped templates whose VRP 5 footer ends in 33 nested `{{#if}}` sections: the plan of
    /// an order for a Huawei router stops with exit 65 at the 33rd (column 32 × 9 + 1), and writes no bundle.
    @Test func sectionsNestedPastTheLimitStopThePlanAtTheSection() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: TestSupport.path("Templates")), to: templates)
        let footer = templates.appendingPathComponent("vrp5/footer.tmpl")
        let text = try String(contentsOf: footer, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let deep = String(repeating: "{{#if x}}", count: 33) + String(repeating: "{{/if}}", count: 33) + "\n"
        try (text + deep).write(to: footer, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order",
            TestSupport.path("Topologies/wuhan/orders/office-internet.json"), "--templates", templates.path,
            "--out", out.path,
        ])
        #expect(run.status == 65, "\(run.standardError)")
        #expect(
            run.standardError.contains(
                "vrp5/footer.tmpl:\(lines):289: error: '{{#if x}}' opens a section 33 deep; "
                    + "sections nest at most 32 deep"),
            "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
