import Foundation
import TestSupport
import Testing

/// End-to-end: names, ids, addresses, contacts and descriptions holding HTML and Markdown are shown as text in
/// every document of the bundle, in both languages (issue 13: `<script>` and Markdown stayed raw in plan.md,
/// checklist.md, reply-form.md and office-data.md, and Markdown viewers render HTML).
@Suite struct MarkupTextCommandTests {
    /// The bank's APN order with hostile text in every free-text field (no `/`, which ids and names refuse).
    static func hostileOrder() throws -> String {
        let text = try String(
            contentsOfFile: TestSupport.path("Topologies/wuhan/orders/bank-apn.json"), encoding: .utf8)
        guard var order = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            var sites = order["sites"] as? [[String: Any]]
        else { throw CocoaError(.fileReadCorruptFile) }
        order["id"] = "ORD-<b>x"
        order["customer"] = "[x](javascript:alert(1)) <script>alert(1)</script> | `code` *b* _i_ & co"
        order["description"] = "# Heading\n<script>alert(1)</script>\n| a | b |\n[x](javascript:alert(1))"
        sites[0]["name"] = "<script>alert(1)"
        sites[0]["address"] = "# addr <img src=x onerror=alert(1)>"
        sites[0]["contact"] = "*bold* `tick` |pipe|"
        order["sites"] = sites
        return String(decoding: try JSONSerialization.data(withJSONObject: order), as: UTF8.self)
    }

    /// The number of `|` without a backslash before them.
    static func pipes(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                count += 1
            }
        }
        return count
    }

    @Test(arguments: ["en", "zh"])
    func everyDocumentShowsTheTextAsText(language: String) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        try Self.hostileOrder().write(
            to: folder.appendingPathComponent("order.json"), atomically: true, encoding: .utf8)
        let run = try TestSupport.runLinePlan(
            [
                "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", "order.json",
                "--out", "out", "--lang", language,
            ], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let out = folder.appendingPathComponent("out")
        for name in ["plan.md", "checklist.md", "reply-form.md", "office-data.md"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            for raw in ["<script", "</script", "<img", "<b>", "\n# Heading", "\n# addr", " *bold*", "[x]("] {
                #expect(!text.contains(raw), "\(language) \(name) holds \(raw)")
            }
            // No link: every `](` of the name has its `]` escaped.
            #expect(!text.replacingOccurrences(of: "\\](", with: "").contains("](javascript:"), "\(language) \(name)")
            #expect(text.contains("&lt;script&gt;alert(1)"), "\(language) \(name)")
            #expect(text.contains("ORD-&lt;b&gt;x"), "\(language) \(name)")
            // A name's `|` never ends a table cell: every row of a table has as many cells as its header.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var header: Int?
            for line in lines {
                guard line.hasPrefix("|") else {
                    header = nil
                    continue
                }
                let count = Self.pipes(line)
                #expect(count == (header ?? count), "\(language) \(name): \(line)")
                header = header ?? count
            }
        }
        let office = try String(contentsOf: out.appendingPathComponent("office-data.md"), encoding: .utf8)
        #expect(
            office.contains(
                "\\[x\\](javascript:alert(1)) &lt;script&gt;alert(1)&lt;/script&gt; \\| \\`code\\` \\*b\\* \\_i\\_ &amp; co"
            ))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        for raw in ["<script", "<img", "<b>x"] {
            #expect(!html.contains(raw), "\(language) report.html holds \(raw)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
