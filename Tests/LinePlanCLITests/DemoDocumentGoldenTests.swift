import Foundation
import TestSupport
import Testing

/// End-to-end: the documents the built `lineplan` writes for every demo order, in English and in
/// Chinese, checked in under `Golden/<order>/<lang>/` and reviewed as a diff; the Chinese ones carry
/// no English words but ids, addresses, model names, acronyms and the order's own text.
///
/// `LINEPLAN_UPDATE_GOLDEN=1 swift test --filter DemoDocumentGoldenTests` rewrites them.
@Suite struct DemoDocumentGoldenTests {
    static let documents = ["plan.json", "plan.md", "reply-form.md", "checklist.md", "report.html", "office-data.md"]
    static let cases: [(String, String)] = (DemoConfigurationGoldenTests.orders + ["needs-construction.json"])
        .flatMap { order in [(order, "en"), (order, "zh")] }

    @Test(arguments: cases) func writesTheGoldenDocuments(order: String, language: String) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let out = folder.appendingPathComponent("bundle")
        let orderPath = TestSupport.path("Topologies/wuhan/orders/\(order)")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", orderPath,
            "--lang", language, "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let manager = FileManager.default
        let written = Self.documents.filter { manager.fileExists(atPath: out.appendingPathComponent($0).path) }
        let stem = String(order.split(separator: ".").first ?? "")
        let expected = DemoConfigurationGoldenTests.golden.appendingPathComponent(stem).appendingPathComponent(language)
        if ProcessInfo.processInfo.environment["LINEPLAN_UPDATE_GOLDEN"] == "1" {
            try? manager.removeItem(at: expected)
            try manager.createDirectory(at: expected, withIntermediateDirectories: true)
            for file in written {
                try manager.copyItem(at: out.appendingPathComponent(file), to: expected.appendingPathComponent(file))
            }
            return
        }
        let golden = try manager.contentsOfDirectory(atPath: expected.path).sorted()
        #expect(written.sorted() == golden, "\(order) \(language): other documents than Golden/\(stem)/\(language)")
        for file in written {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            let kept = try String(contentsOf: expected.appendingPathComponent(file), encoding: .utf8)
            #expect(text == kept, "\(order): \(language)/\(file) differs; rerun with LINEPLAN_UPDATE_GOLDEN=1")
        }
        guard language == "zh" else { return }
        // The order's own text (names, descriptions) and file names are the customer's, not ours.
        let strings = Self.strings(inOrder: try String(contentsOfFile: orderPath, encoding: .utf8))
        // Hostnames and APN names are made from them: `HOSP-Optics-Valley`, `wh-2026-1203-power`.
        let ownText =
            strings + strings.map { $0.replacingOccurrences(of: " ", with: "-") } + strings.map { $0.lowercased() }
            + ["Wuhan demo network", "reply-form.md", "office-data.md", "configs", "cfg", "md"]
        for file in written where file.hasSuffix(".md") {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            let stray = Set(
                ChineseText.englishWords(in: text, besides: ownText).filter { $0.contains(where: \.isLowercase) })
            #expect(stray.isEmpty, "\(order): English in zh/\(file): \(stray.sorted())")
        }
    }

    /// Every string value of a JSON order, or every cell of a CSV one.
    static func strings(inOrder text: String) -> [String] {
        if let data = text.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data) {
            var found: [String] = []
            func walk(_ value: Any) {
                if let string = value as? String { found.append(string) }
                if let array = value as? [Any] { array.forEach(walk) }
                if let object = value as? [String: Any] { object.values.forEach(walk) }
            }
            walk(json)
            return found
        }
        return text.split(whereSeparator: { $0 == "," || $0.isNewline }).map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }
}
