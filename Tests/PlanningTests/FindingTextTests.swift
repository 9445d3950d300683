import Devices
import NetGraph
import Planning
import TestSupport
import Testing
import WorkCalendar

/// Every finding code is written in English and in Chinese, from its parameters.
@Suite struct FindingTextTests {
    /// The case of a finding, as a number: a new case fails to compile here until it is counted, and
    /// then fails ``examplesCoverEveryCase()`` until ``Finding/examples`` shows it.
    static func caseNumber(_ finding: Finding) -> Int {
        switch finding {
        case .apnNotOnPON: 0
        case .wlanAddOn: 1
        case .needsFixedLine: 2
        case .ponNoDiverse: 3
        case .ponTooFast: 4
        case .noLastMile: 5
        case .noUsableAccess: 6
        case .siteWithoutLocation: 7
        case .noNodeOfKind: 8
        case .newFibre: 9
        case .beyondReach: 10
        case .lastMileRefused: 11
        case .reachable: 12
        case .noPortsOfType: 13
        case .portShort: 14
        case .portsFree: 15
        case .noSplitterFacts: 16
        case .splitterWithoutOLT: 17
        case .opticalBudgetExceeded: 18
        case .splitterFull: 19
        case .splitterFree: 20
        case .terminalsOverAPN: 21
        case .radioCoverage: 22
        case .noAccessToday: 23
        case .routerMustBeReplaced: 24
        case .noSDHNearAPN: 25
        case .headroom: 26
        case .ringNeedsUpgrade: 27
        case .singleHomed: 28
        case .noDiverseRoute: 29
        case .sharedRisk: 30
        case .unknownNode: 31
        case .nodeWithoutLinks: 32
        case .noRoute: 33
        case .noRouteFound: 34
        case .noFarEnd: 35
        case .blocked: 36
        case .noDiversePair: 37
        case .everyRouteShares: 38
        case .hubVLANExhausted: 39
        case .poolExhausted: 40
        case .hubBelowBranches: 41
        case .hubPortTooSlow: 42
        case .noRouterNamed: 43
        case .calendarWithoutNotice: 44
        case .templateFirst: 45
        case .plannedBefore: 46
        case .router(let router): 100 + Self.caseNumber(router)
        }
    }

    static func caseNumber(_ finding: RouterFinding) -> Int {
        switch finding {
        case .greTunnels: 0
        case .noGRE: 1
        case .routedPorts: 2
        case .tooFewRoutedPorts: 3
        case .tunnelUnnumbered: 4
        case .noTunnelUnnumbered: 5
        case .nat: 6
        case .noNAT: 7
        case .lanOn: 8
        case .noLAN: 9
        case .wanOn: 10
        case .noWANPort: 11
        case .handoverTooSlow: 12
        case .noPortForHandover: 13
        case .portTooSlow: 14
        case .moduleNeeded: 15
        case .noInterfaceNoSlot: 16
        case .noModuleForSlots: 17
        case .noTemplates: 18
        case .notInCatalog: 19
        case .provideModelOrVersion: 20
        case .knownModels: 21
        case .versionNamesNoModel: 22
        case .readFromVersion: 23
        case .runsOtherSoftware: 24
        case .oldIOS: 25
        case .interfacesFitted: 26
        case .replacementBuys: 27
        case .noReplacement: 28
        }
    }

    @Test func examplesCoverEveryCase() {
        let numbers = Set(Finding.examples.map(Self.caseNumber))
        #expect(numbers == Set(0...46).union(100...128))
        let refusals = Set(
            Finding.examples.compactMap { finding -> String? in
                if case .blocked(_, _, _, _, _, let refusal, _) = finding { return refusal.code }
                return nil
            })
        #expect(refusals.count == 6)
    }

    @Test func eachCaseHasItsOwnCode() {
        var codeByCase: [Int: String] = [:]
        for finding in Finding.examples {
            let number = Self.caseNumber(finding)
            if let code = codeByCase[number] { #expect(code == finding.code) }
            codeByCase[number] = finding.code
        }
        #expect(Set(codeByCase.values).count == codeByCase.count)
    }

    @Test func everyCodeIsWrittenInBothLanguages() {
        // The scanner itself: English words left over are found, kept words and parameters are not.
        #expect(ChineseText.englishWords(in: "空闲 free port，GE端口 ACC-1", besides: ["ACC-1"]) == ["free", "port"])
        for finding in Finding.examples {
            #expect(!finding.english.isEmpty, "\(finding.code)")
            #expect(finding.chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(finding.code)")
            let stray = ChineseText.englishWords(in: finding.chinese, besides: finding.parameterTexts)
            #expect(stray.isEmpty, "\(finding.code): English in the Chinese text: \(stray) — \(finding.chinese)")
            #expect(
                !finding.chinese.contains("; ") && !finding.chinese.contains(", "),
                "\(finding.code): \(finding.chinese)")
        }
    }

    /// Numbers in the text are the parameters', not the wording's.
    @Test func textsCarryTheirParameters() throws {
        let port = Finding.portShort(node: "ACC-2", port: .fe, metres: 2000, total: 8)
        #expect(port.english == "2 km to ACC-2, but no free FE port (8 in use): maintenance must add a card")
        #expect(port.chinese == "距ACC-2 2公里，但无空闲FE端口（8个均已占用）：需维护部门加板卡")
        let ring = Finding.ringNeedsUpgrade(ring: "ACC-NE-01", sharePercent: 73, thresholdPercent: 65)
        #expect(ring.english.contains("73 % committed, at or above the 65 % upgrade share"))
        #expect(ring.chinese == "环ACC-NE-01已占用73%，达到65%扩容门限：需扩容（工程建设）")
        #expect(port.parameters.map(\.name) == ["node", "portType", "metres", "total"])
        let template = Finding.templateFirst(workingDays: 4, due: try CalendarDate(parsing: "2026-10-12"))
        #expect(template.english.contains("(4 working days, due 2026-10-12)"))
        #expect(template.chinese.contains("（4个工作日，2026-10-12前完成）"))
    }
}

extension Finding {
    /// The texts of the finding's parameters (ids, rates, models), which may be in any script.
    var parameterTexts: [String] {
        parameters.flatMap { parameter -> [String] in
            switch parameter.value {
            case .text(let text): [text]
            case .texts(let texts): texts
            case .number, .numbers, .null: []
            }
        }
    }
}
