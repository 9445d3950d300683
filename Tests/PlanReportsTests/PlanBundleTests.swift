import Devices
import NetGraph
import Orders
import PlanReports
import Planning
import TestSupport
import Testing
import WorkCalendar

@Suite struct PlanBundleTests {
    @Test func writesEveryDocumentSortedByPath() throws {
        let plan = try ReportFixture.bankAPN(protection: .diverse)
        let files = try PlanBundle.files(
            plan: plan, network: PlanningFixture.network(), language: .zh, checklists: try ReportFixture.library())
        #expect(files.map(\.path) == PlanBundle.paths)
        #expect(files.map(\.path) == files.map(\.path).sorted())
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        #expect(byPath["plan.json"] == plan.renderedJSON)
        #expect(byPath["reply-form.csv"]?.hasPrefix("\u{FEFF}订单编号,") == true)
        #expect(byPath["checklist.csv"]?.hasPrefix("\u{FEFF}订单编号,") == true)
        #expect(byPath["plan.md"]?.hasPrefix("# 专线规划 — T-1\n") == true)
    }

    @Test(arguments: ReportLanguage.allCases)
    func givesTheSameBytesEveryTime(language: ReportLanguage) throws {
        let library = try ReportFixture.library()
        let first = try PlanBundle.files(
            plan: try ReportFixture.branchNeedingOptimisation(), network: PlanningFixture.network(),
            language: language, checklists: library)
        let second = try PlanBundle.files(
            plan: try ReportFixture.branchNeedingOptimisation(), network: PlanningFixture.network(),
            language: language, checklists: library)
        #expect(first == second)
        #expect(first.map { Array($0.contents.utf8) } == second.map { Array($0.contents.utf8) })
    }

    @Test func refusesAProductWithoutAChecklist() throws {
        let error = #expect(throws: PlanReportError.self) {
            try PlanBundle.files(
                plan: try ReportFixture.bankAPN(), network: PlanningFixture.network(), language: .en,
                checklists: ChecklistLibrary(templates: []))
        }
        #expect(error?.message == "no checklist template for apn lines (Templates/checklists/apn.json)")
    }

    @Test func drawsThePathsForGraphviz() throws {
        let plan = try ReportFixture.bankAPN(protection: .diverse, customer: #"Bank "A" \ B"#)
        let dot = PathDOT.make(plan: plan, network: PlanningFixture.network(), language: .en)
        let lines = dot.split(separator: "\n").map(String.init)
        #expect(lines[2] == #"graph "T-1" {"#)
        #expect(dot.contains(#"label="T-1 — Bank \"A\" \\ B\nworking: bold green"#))
        // The working path's first link bold green, the protection path's dashed blue, a neighbour's grey.
        #expect(
            lines.contains(
                ##"    "B-BANK" -- "MSAP" [label="F-BANK-MSAP\n0.5 km", color="#1a7f37", penwidth=3, style=bold];"##))
        #expect(
            lines.contains(
                ##"    "B-BANK" -- "ACC-1" [label="F-BANK-ACC\n0.3 km", color="#0b5cad", penwidth=2, style=dashed];"##))
        #expect(lines.contains(#"    "ACC-2" -- "B-FAR" [label="F-FAR\n2 km"];"#) == false)
        #expect(lines.contains(#"    "B-FAR" -- "ACC-2" [label="F-FAR\n2 km"];"#))
        #expect(
            lines.contains(
                ##"    "B-BANK" [label="B-BANK\n[HQ]", shape=house, fillcolor="#fff4ce", color="#9a6700", penwidth=1.6];"##
            ))
        #expect(lines.last == "}")
        // Nodes in id order.
        let nodeLines = lines.filter { $0.hasPrefix("    \"") && !$0.contains(" -- ") }
        #expect(nodeLines == nodeLines.sorted())
    }

    @Test func writesThePlanForAQuickRead() throws {
        let plan = try ReportFixture.bankAPN(verdict: .needsAddressPair)
        let english = PlanMarkdown.make(plan: plan, language: .en)
        #expect(english.contains("| Reply due | 2026-10-09 Fri (2 working days) |"))
        #expect(english.contains("| Access | SDH/MSTP (MSAP) via MSAP |"))
        #expect(english.contains("| Interconnect | 10.250.0.0/30 — carrier 10.250.0.1, customer 10.250.0.2 |"))
        #expect(english.contains("| Tunnel pairs | 10.251.0.0/30, 10.251.0.4/30 |"))
        #expect(english.contains("| GGSN-1 | 10.252.0.1 | 10.250.0.2 | 10.251.0.0/30 |"))
        let chinese = PlanMarkdown.make(plan: plan, language: .zh)
        #expect(chinese.contains("| 确认结果 | 具备资源：现网具备接入资源 |"))
        #expect(chinese.contains("| PTN（光纤收发器+PTN） | 备选 | ACC-1 | 距ACC-1 0.3公里，空闲FE端口6个 |"))
    }
}
