import LocatedJSON
import Orders
import PlanReports
import Testing

@Suite struct ChecklistTemplateTests {
    func load(_ text: String) throws(DiagnosticsError) -> ChecklistTemplate {
        try ChecklistTemplate.load(name: "bad.json", bytes: Array(text.utf8))
    }

    @Test func loadsTheShippedFlows() throws {
        let library = try ReportFixture.library()
        #expect(library.templates.map(\.product) == Product.allCases)
        let apn = try #require(library.template(for: .apn))
        #expect(
            apn.steps.map(\.id) == [
                "template", "confirm", "build", "optimise", "open", "design", "diverse-survey", "construction",
                "module",
                "router-purchase",
                "address-pair", "letter", "ip-office-data", "access-switch", "router-config", "sim-cards",
                "cutover-notice", "joint-test", "acceptance", "handover",
            ])
        #expect(apn.steps[0].duration == .template)
        #expect(apn.steps[1].duration == .reply)
        // The optimisation and the build take as long as the reply form says.
        for template in library.templates {
            let optimise = template.steps.first { $0.id == "optimise" }
            let build = template.steps.first { $0.id == "build" }
            #expect(optimise?.duration == .workingDays(ReplyForm.optimisationWorkingDays))
            #expect(build?.duration == .workingDays(ReplyForm.buildWorkingDays))
            #expect(optimise?.dependsOn == ["confirm"])
            #expect(build?.dependsOn == ["confirm"])
            #expect(!template.ceaseSteps.isEmpty)
        }
    }

    @Test func reportsEveryProblemWithItsPosition() throws {
        let text = """
            {
              "product": "apm",
              "title": {"en": "Flow", "zh": ""},
              "steps": [
                {"id": "a", "title": {"en": "A", "zh": "甲"}, "department": {"en": "D", "zh": "部"},
                 "workingDays": 1, "needs": ["adresses"], "colour": 1},
                {"id": "a", "title": {"en": "B", "zh": "乙"}, "department": {"en": "D", "zh": "部"},
                 "workingDays": "soon", "dependsOn": ["c"]},
                {"id": "c", "title": {"en": "C", "zh": "丙"}, "department": {"en": "D", "zh": "部"},
                 "workingDays": 251, "when": "core_build", "dependsOn": ["a", "c"]}
              ]
            }
            """
        let error = #expect(throws: DiagnosticsError.self) { try load(text) }
        #expect(
            error?.diagnostics.map(\.description) == [
                "bad.json:2:14: error: unknown product 'apm'; expected interconnect, internet or apn (product)",
                "bad.json:3:33: error: must not be empty (title.zh)",
                "bad.json:6:34: error: unknown plan item 'adresses'; expected one of order, reply, replyForm, "
                    + "segments, path, interconnect, lan, publicLAN, vlan, apnPool, tunnels, terminals, router, config, "
                    + "officeData, service, lines, site, hubAccess (steps[0].needs[0])",
                "bad.json:6:47: error: unknown key 'colour' (steps[0].colour)",
                "bad.json:7:12: error: duplicate step id 'a'; first used by step 0 (steps[1].id)",
                "bad.json:8:21: error: expected a whole number of working days, \"reply\" or \"template\", found 'soon' "
                    + "(steps[1].workingDays)",
                "bad.json:8:43: error: unknown step 'c': a step depends only on steps listed before it; "
                    + "did you mean 'a'? (steps[1].dependsOn[0])",
                "bad.json:10:21: error: 251 is above the maximum 250 (steps[2].workingDays)",
                "bad.json:10:34: error: unknown condition 'core_build'; did you mean 'core-build'? (steps[2].when)",
                "bad.json:10:67: error: a step cannot depend on itself (steps[2].dependsOn[1])",
            ])
    }

    @Test func refusesAMissingStepList() throws {
        let error = #expect(throws: DiagnosticsError.self) {
            try load(#"{"product": "apn", "title": {"en": "F", "zh": "流程"}}"#)
        }
        #expect(error?.diagnostics.map(\.description) == ["bad.json:1:1: error: missing required key 'steps'"])
    }
}
