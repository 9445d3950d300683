import Foundation
import TestSupport
import Testing

/// End-to-end: `lineplan plan` on the demo network and the demo orders.
@Suite struct PlanCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    func order(_ name: String) -> String { TestSupport.path("Topologies/wuhan/orders/\(name)") }

    func plan(_ arguments: [String]) throws -> [String: Any] {
        let run = try TestSupport.runLinePlan(["plan", "--topology", network, "--format", "json"] + arguments)
        #expect(run.status == 0, "stderr: \(run.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }

    @Test func plansTheBankAPNLine() throws {
        let bank = try plan(["--order", order("bank-apn.json")])
        let reply = try #require(bank["reply"] as? [String: Any])
        // Received Wednesday 2026-09-30; 国庆 is off 10-01 to 10-08; two working days end Friday 10-09.
        #expect(reply["outcome"] as? String == "available")
        #expect(reply["due"] as? String == "2026-10-09")
        #expect(reply["workingDays"] as? Int == 2)
        let site = try #require((bank["sites"] as? [[String: Any]])?.first)
        let access = try #require(site["access"] as? [String: Any])
        #expect(access["technology"] as? String == "sdh-mstp")
        #expect(access["node"] as? String == "MSAP-HK-01")
        let path = try #require(site["path"] as? [String: Any])
        #expect((path["working"] as? [String])?.last == "GPRS-VPN-SW")
        #expect((path["protection"] as? [String])?.first == "BLD-ABC-WUHAN")
        let addresses = try #require(site["addresses"] as? [String: Any])
        #expect(addresses["interconnect"] as? String == "10.250.0.0/30")
        #expect(addresses["lan"] as? String == "10.88.0.0/24")
        #expect(addresses["apnPool"] as? String == "10.160.0.0/23")
        #expect(site["repairHours"] as? Int == 48)
        #expect((site["gre"] as? [Any])?.count == 2)
    }

    @Test func sendsTheBusyRingToEngineering() throws {
        let branches = try plan(["--order", order("branches-interconnect.csv")])
        let reply = try #require(branches["reply"] as? [String: Any])
        // BR5's ring is past its upgrade share: a build decision, three working days from Friday 11-20.
        #expect(reply["outcome"] as? String == "core-build")
        #expect(reply["due"] as? String == "2026-11-25")
        let sites = try #require(branches["sites"] as? [[String: Any]])
        #expect(sites.map { $0["name"] as? String } == ["HQ", "BR1", "BR2", "BR3", "BR4", "BR5"])
        let outcomes = sites.map { ($0["confirmation"] as? [String: Any])?["outcome"] as? String }
        #expect(outcomes == ["available", "available", "access-optimisation", "available", "available", "core-build"])
        let farm = try plan(["--order", order("needs-construction.json")])
        #expect((farm["reply"] as? [String: Any])?["due"] as? String == "2026-12-31")
        let farmSite = try #require((farm["sites"] as? [[String: Any]])?.first)
        #expect(farmSite["repairHours"] as? Int == 72)
        #expect((farmSite["addresses"] as? [String: Any])?["interconnect"] is NSNull)
    }

    @Test func isByteStableAndWritesNothingWithoutCommit() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let arguments = ["plan", "--topology", network, "--order", order("office-internet.json"), "--ledger", ledger]
        let first = try TestSupport.runLinePlan(arguments)
        let second = try TestSupport.runLinePlan(arguments)
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        #expect(!FileManager.default.fileExists(atPath: ledger))
    }

    @Test func commitsHoldsUntilTheReplyDateAndAgainKeepsThem() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let commit = ["plan", "--topology", network, "--order", order("bank-apn.json"), "--ledger", ledger, "--commit"]
        let first = try TestSupport.runLinePlan(commit)
        #expect(first.status == 0, "\(first.standardError)")
        let again = try TestSupport.runLinePlan(commit)
        // The same plan, now with a note that it was planned before.
        let withoutNotes = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("warning:") } }
        #expect(withoutNotes(again.standardOutput) == withoutNotes(first.standardOutput))
        #expect(again.standardOutput.contains("warning: the order was planned before"))
        let show = try TestSupport.runLinePlan(["ledger", "show", "WH-2026-0930-ABC/HQ", "--ledger", ledger])
        #expect(show.standardOutput.hasPrefix("WH-2026-0930-ABC/HQ: reserved, hold until 2026-10-09\n"))
        #expect(show.standardOutput.contains("address 10.160.0.0/23 from WH-APN (apn)"))
        let verify = try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger])
        #expect(verify.status == 0, "\(verify.standardError)")
        // Another order planned against this ledger gets the next interconnect block: the first branch
        // of the interconnect order (its hub has no block of its own).
        let branches = try plan(["--order", order("branches-interconnect.csv"), "--ledger", ledger])
        let branch = try #require((branches["sites"] as? [[String: Any]])?.dropFirst().first)
        #expect((branch["addresses"] as? [String: Any])?["interconnect"] as? String == "10.250.0.4/30")
        // An internet line's WAN comes from the public pool.
        let office = try plan(["--order", order("office-internet.json"), "--ledger", ledger])
        let site = try #require((office["sites"] as? [[String: Any]])?.first)
        #expect((site["addresses"] as? [String: Any])?["interconnect"] as? String == "203.0.113.0/30")
    }

    @Test func eightCommittersGetDistinctAddresses() async throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let template = try String(contentsOfFile: order("office-internet.json"), encoding: .utf8)
        var files: [String] = []
        for number in 1...8 {
            let file = folder.appendingPathComponent("order-\(number).json")
            try template.replacingOccurrences(of: "WH-2026-1125-OFFICE", with: "CONCURRENT-\(number)")
                .write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let runs = try await withThrowingTaskGroup(of: TestSupport.Run.self) { group in
            for file in files {
                group.addTask {
                    try TestSupport.runLinePlan([
                        "plan", "--topology", network, "--order", file, "--ledger", ledger, "--commit", "--format",
                        "json",
                    ])
                }
            }
            var runs: [TestSupport.Run] = []
            for try await run in group { runs.append(run) }
            return runs
        }
        var interconnects: [String] = []
        for run in runs {
            #expect(run.status == 0 || run.status == 75, "\(run.standardError)")
            guard run.status == 0,
                let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any],
                let site = (object["sites"] as? [[String: Any]])?.first,
                let address = (site["addresses"] as? [String: Any])?["interconnect"] as? String
            else { continue }
            interconnects.append(address)
        }
        #expect(Set(interconnects).count == interconnects.count)
        #expect(interconnects.count == runs.filter { $0.status == 0 }.count)
        let verify = try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger])
        #expect(verify.status == 0, "\(verify.standardError)")
    }

    @Test func refusesAnOrderThatNamesAnUnknownBuilding() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let file = folder.appendingPathComponent("bad.json")
        let text = try String(contentsOfFile: order("office-internet.json"), encoding: .utf8)
            .replacingOccurrences(of: "BLD-OFFICE-PARK", with: "BLD-NOPE")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try TestSupport.runLinePlan(["plan", "--topology", network, "--order", file.path])
        #expect(run.status == 65)
        #expect(
            run.standardError.contains(
                "error: unknown building 'BLD-NOPE' (not in Wuhan demo network) (sites[0].building)"))
        let dates = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", file.path.replacingOccurrences(of: "bad.json", with: "none.json"),
        ])
        #expect(dates.status == 65)
    }

    @Test func countsWorkingDaysIntoAYearWithoutDataAndTakesANewNotice() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let file = folder.appendingPathComponent("new-year.json")
        let text = try String(contentsOfFile: order("office-internet.json"), encoding: .utf8)
            .replacingOccurrences(of: "2026-11-25", with: "2026-12-30")
        try text.write(to: file, atomically: true, encoding: .utf8)
        // Built in, 2027 has no notice yet: Thursday 12-31 counts, Friday 2027-01-01 is 元旦 by law, so the
        // second working day is Monday 2027-01-04, with a warning that the notice is not out.
        let plain = try plan(["--order", file.path])
        #expect((plain["reply"] as? [String: Any])?["due"] as? String == "2027-01-04")
        #expect(
            (plain["warnings"] as? [String])?.contains { $0.hasPrefix("no holiday notice for 2027 yet") } == true)
        // A 2027 notice that makes New Year's Day a holiday moves the reply to Monday 2027-01-04.
        let holidays = folder.appendingPathComponent("holidays")
        try FileManager.default.createDirectory(at: holidays, withIntermediateDirectories: true)
        try #"{"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#
            .write(to: holidays.appendingPathComponent("2027.json"), atomically: true, encoding: .utf8)
        let noticed = try plan(["--order", file.path, "--holidays", holidays.path])
        #expect((noticed["reply"] as? [String: Any])?["due"] as? String == "2027-01-04")
        #expect((noticed["warnings"] as? [String])?.isEmpty == true)
    }
}

/// End-to-end: configurations from `plan --out`, again from `render`, and `router check`.
@Suite struct ConfigurationCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")
    let templates = TestSupport.path("Templates")

    @Test func writesTheBankConfigurationAndOfficeDataAndRendersThemAgain() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let out = folder.appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", TestSupport.path("Topologies/wuhan/orders/bank-apn.json"),
            "--templates", templates, "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let config = try String(contentsOf: out.appendingPathComponent("configs/HQ.ios.cfg"), encoding: .utf8)
        // The Cisco 1841 does IP unnumbered: one unnumbered tunnel per GGSN, the /32 to each GGSN through the
        // physical next hop (the carrier side of the /30), and each GGSN's half of the /23 terminal pool
        // into its own tunnel, with a floating route (distance 250) over the other.
        for line in [
            "hostname WH-2026-0930-ABC-HQ", " ip address 10.250.0.2 255.255.255.252",
            " ip address 10.88.0.1 255.255.255.0",
            " ip unnumbered FastEthernet0/0", " tunnel destination 10.252.0.1", " tunnel destination 10.252.0.2",
            " ip mtu 1476", " ip tcp adjust-mss 1436", " keepalive 10 3",
            "ip route 10.252.0.1 255.255.255.255 10.250.0.1", "ip route 10.252.0.2 255.255.255.255 10.250.0.1",
            "ip route 10.160.0.0 255.255.255.0 Tunnel0", "ip route 10.160.1.0 255.255.255.0 Tunnel1",
            "ip route 10.160.0.0 255.255.255.0 Tunnel1 250", "ip route 10.160.1.0 255.255.255.0 Tunnel0 250",
        ] {
            #expect(config.split(separator: "\n").contains(Substring(line)), "missing: \(line)")
        }
        let office = try String(contentsOf: out.appendingPathComponent("office-data.md"), encoding: .utf8)
        #expect(office.contains("| GGSN-01 | 10.252.0.1 | 10.250.0.2 | unnumbered | unnumbered |"))
        let again = folder.appendingPathComponent("again")
        let render = try TestSupport.runLinePlan([
            "render", "--plan", out.appendingPathComponent("plan.json").path, "--out", again.path, "--templates",
            templates,
        ])
        #expect(render.status == 0, "\(render.standardError)")
        #expect(try String(contentsOf: again.appendingPathComponent("configs/HQ.ios.cfg"), encoding: .utf8) == config)
    }

    @Test func judgesARouterByModel() throws {
        let run = try TestSupport.runLinePlan([
            "router", "check", "--model", "Cisco 881", "--product", "apn", "--templates", templates, "--format", "json",
        ])
        #expect(run.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "replace")
        #expect(object["platform"] as? String == "ios")
    }
}

/// End-to-end: the whole hand-over bundle of `plan --out`.
@Suite struct BundleCommandTests {
    @Test func writesEveryDocumentInChinese() throws {
        let folder = try TestSupport.makeTemporaryFolder().appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order",
            TestSupport.path("Topologies/wuhan/orders/bank-apn.json"), "--out", folder.path, "--lang", "zh",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let expected = [
            "checklist.csv", "checklist.md", "configs/HQ.ios.cfg", "office-data.md", "path.dot", "plan.json", "plan.md",
            "reply-form.csv", "reply-form.md", "report.html",
        ]
        for name in expected {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "missing \(name)")
            #expect(run.standardError.contains("已写入 \(folder.appendingPathComponent(name).relativePath)\n"))
        }
        #expect(run.standardError.contains("\(folder.relativePath)：共10个文件，"))
        #expect(!run.standardError.contains("wrote"))
        let form = try String(contentsOf: folder.appendingPathComponent("reply-form.md"), encoding: .utf8)
        #expect(form.hasPrefix("# 《本地集团客户接入类资源确认及回复单》"))
        #expect(form.contains("| 回复期限 | 2026-10-09 周五（受理后2个工作日内） |"))
        let report = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("<svg"))
        // Self-contained: nothing is fetched when it opens.
        #expect(!report.contains("src=\"http") && !report.contains("<link ") && !report.contains("@import"))
        // The terminal gets the summary's layout in Chinese, not the Markdown.
        #expect(run.standardOutput.hasPrefix("订单 WH-2026-0930-ABC — 某银行武汉分行，GPRS-APN专线，新增，受理日期 2026-09-30\n"))
        #expect(run.standardOutput.contains("\n  客户路由器  Cisco 1841：满足要求 — 支持GRE隧道；"))
    }
}

/// End-to-end: a router judged from pasted `display version` output named in the order.
@Suite struct RouterVersionFileTests {
    @Test func judgesTheRouterFromPastedVersionOutput() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let fixture = try String(
            contentsOfFile: TestSupport.path("Tests/DevicesTests/Fixtures/huawei-ar28-11-display-version.txt"),
            encoding: .utf8)
        try fixture.write(to: folder.appendingPathComponent("hq-version.txt"), atomically: true, encoding: .utf8)
        let order = try String(
            contentsOfFile: TestSupport.path("Topologies/wuhan/orders/bank-apn.json"), encoding: .utf8
        )
        .replacingOccurrences(of: "\"router\": \"Cisco 1841\"", with: "\"routerVersionFile\": \"hq-version.txt\"")
        let file = folder.appendingPathComponent("order.json")
        try order.write(to: file, atomically: true, encoding: .utf8)
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", file.path, "--format",
            "json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let router = try #require((plan["sites"] as? [[String: Any]])?.first?["router"] as? [String: Any])
        #expect(router["model"] as? String == "Huawei AR28-11")
        #expect(router["platform"] as? String == "vrp3")
        #expect((router["reasons"] as? [String])?.contains { $0.hasPrefix("read from the version output:") } == true)
        // A version file that does not exist is an error at the site's field.
        try order.replacingOccurrences(of: "hq-version.txt", with: "missing.txt").write(
            to: file, atomically: true, encoding: .utf8)
        let missing = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", file.path,
        ])
        #expect(missing.status == 65)
        #expect(missing.standardError.contains("(sites[0].routerVersionFile)"))
    }
}
