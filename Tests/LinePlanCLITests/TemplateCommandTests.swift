import Foundation
import TestSupport
import Testing

/// End-to-end: a non-mature product drafts its solution template first; the reply is dated from it.
@Suite struct TemplateCommandTests {
    @Test func putsTheTemplateStepFirstAndCountsTheReplyFromIt() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let text = try String(
            contentsOfFile: TestSupport.path("Topologies/wuhan/orders/office-internet.json"), encoding: .utf8
        )
        .replacingOccurrences(
            of: "\"received\": \"2026-11-25\",", with: "\"received\": \"2026-11-25\",\n  \"mature\": false,")
        let order = folder.appendingPathComponent("order.json")
        try text.write(to: order, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", order.path, "--out",
            out.path, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let reply = try #require(plan["reply"] as? [String: Any])
        // Wednesday 2026-11-25 + 3 working days: the template is due Monday 11-30; the reply (available,
        // 2 working days) is counted from it: Wednesday 12-02.
        #expect(reply["templateDue"] as? String == "2026-11-30")
        #expect(reply["due"] as? String == "2026-12-02")
        #expect(reply["outcome"] as? String == "available")
        let checklist = try String(contentsOf: out.appendingPathComponent("checklist.md"), encoding: .utf8)
            .split(separator: "\n")
        #expect(
            checklist.contains {
                $0.hasPrefix("| 1 | Draft the solution template with the support centre (a non-mature product) |")
                    && $0.hasSuffix("| 3 | 2026-11-26 Thu | 2026-11-30 Mon | ☐ |")
            })
        #expect(
            checklist.contains {
                $0.hasPrefix("| 2 | Resource confirmation and reply")
                    && $0.hasSuffix("| 1 | 2 | 2026-12-01 Tue | 2026-12-02 Wed | ☐ |")
            })
        let form = try String(contentsOf: out.appendingPathComponent("reply-form.md"), encoding: .utf8)
        #expect(
            form.contains(
                "| Solution template (non-mature product) | 2026-11-30 Mon (within 3 working days of receipt;"))
    }
}
