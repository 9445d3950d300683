import Devices
import NetGraph
import Orders
import PlanReports
import Planning
import TestSupport
import Testing
import WorkCalendar

@Suite struct ChecklistTests {
    /// (id, start, due) of each step.
    func schedule(_ checklist: Checklist) -> [String] {
        checklist.steps.map { "\($0.id) \($0.start) \($0.due)" }
    }

    @Test func datesTheAPNBuildFlowAcrossTheNationalDayHoliday() throws {
        let plan = try ReportFixture.bankAPN()
        let checklist = try Checklist.make(plan: plan, template: try ReportFixture.template(.apn))
        // Received Wednesday 2026-09-30. 国庆 and 中秋 leave 10-01 to 10-07 off; the working days after
        // receipt are 10-08 (1), 10-09 (2), Saturday 10-10 (3, a make-up day), 10-12 (4), 10-13 (5) …
        // confirm: the reply's 2 days, 10-08 to 10-09; open: 1 day, the make-up Saturday 10-10;
        // design: 5 days from Monday 10-12 to 10-16; construction: 10 days, 10-19 to 10-30;
        // letter: 1 day after open, 10-12; office data: 5 days, 10-13 to 10-19;
        // access switch: after office data and construction (10-30), 11-02 to 11-03;
        // router: after office data, 10-20 to 10-21; SIM cards: 3 days, 10-20 to 10-22;
        // joint test: after the switch, router and SIM cards, 11-04 to 11-05;
        // acceptance: 3 days, 11-06 to 11-10; hand-over to maintenance: 11-11.
        #expect(
            schedule(checklist) == [
                "confirm 2026-10-08 2026-10-09",
                "open 2026-10-10 2026-10-10",
                "design 2026-10-12 2026-10-16",
                "construction 2026-10-19 2026-10-30",
                "letter 2026-10-12 2026-10-12",
                "ip-office-data 2026-10-13 2026-10-19",
                "access-switch 2026-11-02 2026-11-03",
                "router-config 2026-10-20 2026-10-21",
                "sim-cards 2026-10-20 2026-10-22",
                "joint-test 2026-11-04 2026-11-05",
                "acceptance 2026-11-06 2026-11-10",
                "handover 2026-11-11 2026-11-11",
            ])
        #expect(checklist.steps.map(\.number) == Array(1...12))
        #expect(checklist.completion?.description == "2026-11-11")
        #expect(checklist.steps[0].due == plan.reply.due)
        // Dependencies that did not appear are skipped: construction waits for the design only.
        #expect(checklist.steps[3].dependsOn == ["design"])
        #expect(checklist.steps[6].dependsOn == ["ip-office-data", "construction"])
        #expect(checklist.steps.map(\.department.zh).prefix(4) == ["客户服务支撑中心", "客户经理", "设计院", "施工队"])
    }

    @Test func showsConditionalStepsOnlyWhenThePlanCallsForThem() throws {
        let template = try ReportFixture.template(.apn)
        let plain = try Checklist.make(plan: try ReportFixture.bankAPN(), template: template)
        let conditional = ["build", "optimise", "diverse-survey", "router-purchase", "address-pair", "cutover-notice"]
        #expect(plain.steps.filter { conditional.contains($0.id) }.isEmpty)

        let diverse = try Checklist.make(plan: try ReportFixture.bankAPN(protection: .diverse), template: template)
        #expect(diverse.steps.filter { $0.condition != nil }.map(\.id) == ["diverse-survey"])
        #expect(diverse.steps.first { $0.id == "construction" }?.dependsOn == ["diverse-survey"])

        let replace = try Checklist.make(plan: try ReportFixture.bankAPN(verdict: .replace), template: template)
        #expect(replace.steps.filter { $0.condition != nil }.map(\.id) == ["router-purchase"])
        let purchase = try #require(replace.steps.first { $0.id == "router-purchase" })
        #expect(purchase.sites == ["HQ"])
        #expect(purchase.department.zh == "运维部")
        // Ten working days after the project opens (10-10): 10-12 … 10-23; the router waits for it.
        #expect(purchase.due.description == "2026-10-23")
        #expect(replace.steps.first { $0.id == "router-config" }?.start.description == "2026-10-26")

        let pair = try Checklist.make(
            plan: try ReportFixture.bankAPN(verdict: .needsAddressPair), template: template)
        #expect(pair.steps.filter { $0.condition != nil }.map(\.id) == ["address-pair"])
        #expect(pair.steps.first { $0.id == "letter" }?.dependsOn == ["address-pair"])
    }

    @Test func addsEndAccessOptimisationForTheSiteThatNeedsIt() throws {
        let plan = try ReportFixture.branchNeedingOptimisation()
        #expect(plan.sites.map(\.outcome) == [.available, .accessOptimisation])
        let checklist = try Checklist.make(plan: plan, template: try ReportFixture.template(.interconnect))
        let optimise = try #require(checklist.steps.first { $0.id == "optimise" })
        #expect(optimise.sites == ["Branch"])
        #expect(optimise.condition == .accessOptimisation)
        // The reply is due 10-09; five working days after it: 10-10 (make-up Saturday), 10-12 … 10-15.
        #expect(optimise.start.description == "2026-10-10")
        #expect(optimise.due.description == "2026-10-15")
        let form = try ReplyForm.make(plan: plan)
        #expect(form.sites.map { $0.readyDate?.description } == [nil, "2026-10-15"])
        #expect(checklist.steps.first { $0.id == "construction" }?.dependsOn == ["design", "optimise"])
        #expect(!checklist.steps.contains { $0.id == "build" })
    }

    @Test func addsTheEngineeringBuildWhenTheCoreIsFull() throws {
        let plan = try ReportFixture.plan(
            .internet, sites: [ReportFixture.site("HQ", building: "B-BANK", bandwidth: .megabits(100))],
            network: PlanningFixture.network(aggregationCommitted: .megabits(7950)))
        #expect(plan.reply.outcome == .coreBuild)
        let checklist = try Checklist.make(plan: plan, template: try ReportFixture.template(.internet))
        let build = try #require(checklist.steps.first { $0.id == "build" })
        #expect(build.workingDays == ReplyForm.buildWorkingDays)
        #expect(build.due == (try ReplyForm.make(plan: plan)).readyDate)
        // Reply due 10-10 (3 working days); 30 working days after: 10-12 … 11-20.
        #expect(build.due.description == "2026-11-20")
    }

    @Test func announcesTheCutoverOfAModification() throws {
        let plan = try ReportFixture.plan(
            .internet, sites: [ReportFixture.site("Office", building: "B-OFFICE", bandwidth: .megabits(50))],
            request: .modify, existingLines: ["T-1/Office"])
        let checklist = try Checklist.make(plan: plan, template: try ReportFixture.template(.internet))
        let notice = try #require(checklist.steps.first { $0.id == "cutover-notice" })
        #expect(notice.workingDays == 3)
        #expect(checklist.steps.first { $0.id == "joint-test" }?.dependsOn.contains("cutover-notice") == true)
        let text = checklist.markdown(language: .en)
        #expect(text.contains("- Appears because: the order modifies lines in service — Office"))
    }

    @Test func followsTheCeaseFlowForACease() throws {
        let plan = try ReportFixture.plan(
            .apn, sites: [ReportFixture.site("HQ", building: "B-BANK", bandwidth: .megabits(2), terminals: 300)],
            request: .cease, existingLines: ["T-1/HQ"])
        let checklist = try Checklist.make(plan: plan, template: try ReportFixture.template(.apn))
        #expect(
            checklist.steps.map(\.id) == [
                "cease-request", "outage-notice", "office-data-removal", "switch-removal", "sim-removal", "release",
            ])
        #expect(checklist.steps[0].sites == ["T-1/HQ"])
        #expect(checklist.markdown(language: .en).contains("  - lines: T-1/HQ"))
    }

    @Test func writesTheChecklistAsMarkdownAndCSVInBothLanguages() throws {
        let plan = try ReportFixture.bankAPN()
        let checklist = try Checklist.make(plan: plan, template: try ReportFixture.template(.apn))
        let english = checklist.markdown(language: .en)
        #expect(
            english.contains(
                "| 2 | Open the project (立项) | Account manager (客户经理) | HQ | 1 | 1 | 2026-10-10 Sat | 2026-10-10 Sat | ☐ |"
            ))
        #expect(english.contains("  - terminal address pool: HQ: 10.160.0.0/23"))
        #expect(english.contains("  - terminals: HQ: 300 terminals (SIM cards)"))
        let chinese = checklist.markdown(language: .zh)
        #expect(chinese.contains("| 2 | 客户经理立项 | 客户经理 | HQ | 1 | 1 | 2026-10-10 周六 | 2026-10-10 周六 | ☐ |"))
        #expect(chinese.contains("  - 用户IP地址段：HQ：10.160.0.0/23"))
        let csv = checklist.csv(language: .zh)
        #expect(csv.hasPrefix("\u{FEFF}订单编号,序号,步骤代码,步骤,责任部门,出现条件,站点,前置步骤,工作日,开始,完成期限,所需规划资料,说明,完成\r\n"))
        #expect(csv.contains("\r\nT-1,2,open,客户经理立项,客户经理,,HQ,confirm,1,2026-10-10,2026-10-10,"))
        let configs = try Checklist.make(
            plan: plan, template: try ReportFixture.template(.apn),
            attachments: ReportAttachments(configs: ["HQ": "configs/HQ.ios.cfg"]))
        #expect(configs.markdown(language: .en).contains("  - router configuration: HQ: configs/HQ.ios.cfg"))
    }
}
