import Foundation
import TestSupport
import Testing

/// End-to-end: what the order says reaches every document, red on the drawings only where a segment is
/// short, and an interconnect hub that cannot carry its branches.
@Suite struct DocumentCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    func order(_ name: String) -> String { TestSupport.path("Topologies/wuhan/orders/\(name)") }

    /// Plans into a new folder and returns it.
    func bundle(_ order: String, language: String = "en") throws -> URL {
        let folder = try TestSupport.makeTemporaryFolder().appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", order, "--out", folder.path, "--lang", language,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        return folder
    }

    func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The lines of a file, CRLF or LF.
    func lines(_ folder: URL, _ name: String) throws -> [String] {
        try text(folder, name).replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
    }

    static let description = "GPRS-APN line for 300 wireless POS terminals; the bank's own LAN behind the router"

    @Test func carriesTheAddressContactAndDescriptionIntoEveryDocumentInEnglish() throws {
        let folder = try bundle(order("bank-apn.json"))
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.json")))
                as? [String: Any])
        #expect((plan["order"] as? [String: Any])?["description"] as? String == Self.description)
        let site = try #require((plan["sites"] as? [[String: Any]])?.first)
        #expect(site["address"] as? String == "武汉市江汉区建设大道618号")
        #expect(site["contact"] as? String == "王建国")
        #expect(site["phone"] as? String == "027-8588 6618")
        let planMarkdown = try lines(folder, "plan.md")
        for line in [
            "| Description | \(Self.description) |", "| Address | 武汉市江汉区建设大道618号 |", "| Contact | 王建国, 027-8588 6618 |",
        ] {
            #expect(planMarkdown.contains(line), "plan.md: \(line)")
        }
        #expect(try lines(folder, "reply-form.md").contains("| Description | \(Self.description) |"))
        #expect(
            try lines(folder, "reply-form.md").contains {
                $0.hasPrefix(
                    "| HQ | BLD-ABC-WUHAN | 武汉市江汉区建设大道618号 | 王建国, 027-8588 6618 | SDH/MSTP (MSAP) — MSAP-HK-01 |")
            })
        let form = try lines(folder, "reply-form.csv")
        #expect(
            form[0].hasSuffix(
                "order,customer,product,request,received,description,reply due,reply outcome,"
                    + "responsible department,site,building,address,contact,phone,access,resource,segment,status,"
                    + "finding,site outcome,site department,planned ready date,repair hours,customer router"))
        #expect(
            form[1].hasPrefix(
                "WH-2026-0930-ABC,某银行武汉分行,GPRS-APN line,new,2026-09-30,\(Self.description),2026-10-09,available,"
                    + "Customer service support centre (客户服务支撑中心),HQ,BLD-ABC-WUHAN,武汉市江汉区建设大道618号,王建国,"
                    + "027-8588 6618,"))
        let checklist = try lines(folder, "checklist.md")
        #expect(checklist.contains("| Description | \(Self.description) |"))
        #expect(checklist.contains("| Site | Building | Address | Contact | Planned ready date |"))
        #expect(
            checklist.contains("| HQ | BLD-ABC-WUHAN | 武汉市江汉区建设大道618号 | 王建国, 027-8588 6618 | — (resources exist now) |")
        )
        // The site-related steps (design, construction, router on site, joint test) carry the site's details.
        let needs = "  - site address and contact: HQ: 武汉市江汉区建设大道618号; 王建国, 027-8588 6618"
        #expect(checklist.filter { $0 == needs }.count == 4)
        #expect(
            try text(folder, "checklist.csv").components(separatedBy: "HQ: 武汉市江汉区建设大道618号; 王建国, 027-8588 6618").count
                == 5)
        let report = try text(folder, "report.html")
        for row in [
            "<tr><th scope=\"row\">Description</th><td>GPRS-APN line for 300 wireless POS terminals; the bank&#39;s own "
                + "LAN behind the router</td></tr>",
            "<tr><th scope=\"row\">Address</th><td>武汉市江汉区建设大道618号</td></tr>",
            "<tr><th scope=\"row\">Contact</th><td>王建国, 027-8588 6618</td></tr>",
        ] {
            #expect(report.contains(row), "report.html: \(row)")
        }
    }

    @Test func showsThemInTheTerminalSummary() throws {
        let run = try TestSupport.runLinePlan(["plan", "--topology", network, "--order", order("office-internet.json")])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "About: CMNET internet line for an office in 光谷软件园")
        #expect(lines[4] == "Site Office [single site] at BLD-OFFICE-PARK: 50M FE")
        #expect(lines[5] == "  address    武汉市东湖新技术开发区关山大道1号光谷软件园")
        #expect(lines[6] == "  contact    李娜, +86 138 0713 5522")
    }

    @Test func carriesThemInChineseToo() throws {
        let folder = try bundle(order("bank-apn.json"), language: "zh")
        #expect(try lines(folder, "plan.md").contains("| 联系人 | 王建国，027-8588 6618 |"))
        #expect(try lines(folder, "plan.md").contains("| 装机地址 | 武汉市江汉区建设大道618号 |"))
        #expect(try lines(folder, "reply-form.md").contains("| 需求说明 | \(Self.description) |"))
        #expect(
            try lines(folder, "reply-form.md").contains(
                "| 站点 | 楼宇 | 装机地址 | 联系人 | 接入方式 | 结论 | 责任部门 | 计划具备日期 | 修复时限 | 客户路由器 |"))
        #expect(
            try lines(folder, "reply-form.csv")[0].hasSuffix(
                "订单编号,客户名称,业务类型,需求类型,受理日期,需求说明,回复期限,确认结果,责任部门,站点,楼宇,装机地址,联系人,联系电话,"
                    + "接入方式,资源类别,分段,资源情况,说明,站点结论,站点责任部门,计划具备日期,修复时限（小时）,客户路由器"))
        let checklist = try lines(folder, "checklist.md")
        #expect(checklist.contains("| 站点 | 楼宇 | 装机地址 | 联系人 | 计划具备日期 |"))
        #expect(checklist.contains("  - 装机地址及联系人：HQ：武汉市江汉区建设大道618号；王建国，027-8588 6618"))
        #expect(
            try text(folder, "report.html").contains("<tr><th scope=\"row\">联系人</th><td>王建国，027-8588 6618</td></tr>"))
    }

    // MARK: - Red only where short

    /// The `<line>`s of the report's red group in each map.
    func redLines(_ report: String) -> Int {
        report.components(separatedBy: "<g fill=\"none\" stroke=\"#cf222e\"").dropFirst().reduce(0) { count, part in
            count + (part.components(separatedBy: "</g>").first ?? "").components(separatedBy: "<line").count - 1
        }
    }

    @Test func drawsNothingRedWhenEverySiteIsAvailable() throws {
        for name in ["office-internet.json", "bank-apn.json"] {
            let folder = try bundle(order(name))
            #expect(!(try text(folder, "path.dot")).contains("#cf222e"), "\(name)")
            #expect(redLines(try text(folder, "report.html")) == 0, "\(name)")
        }
    }

    @Test func drawsTheRefusedLinkRed() throws {
        // The farm's ring ACC-NE-01 is past its upgrade share; the refused link is ACC-NE-01-L01, and only it.
        let farm = try bundle(order("needs-construction.json"))
        let red = try lines(farm, "path.dot").filter { $0.contains("#cf222e") && $0.contains(" -- ") }
        #expect(red.count == 1)
        #expect(red.first?.hasPrefix("    \"AGG-NE-2\" -- \"ACC-NE-01-01\" [label=\"ACC-NE-01-L01\\n3.48 km\"") == true)
        // Both maps of the report draw it.
        #expect(redLines(try text(farm, "report.html")) == 2)
        // The interconnect demo: BR5's refused link and BR2's single entry are red; the hub's access, which
        // every branch's working path enters by, is not.
        let branches = try bundle(order("branches-interconnect.csv"))
        let dot = try lines(branches, "path.dot").filter { $0.contains(" -- ") }
        let redIDs = dot.filter { $0.contains("#cf222e") }.compactMap { line in
            line.components(separatedBy: "label=\"").dropFirst().first?.components(separatedBy: "\\n").first
        }
        #expect(redIDs.sorted() == ["ACC-NE-01-L11", "BLD-CORP-BR2-F1"])
    }

    // MARK: - The hub carries its branches

    func hubOrder(_ bandwidth: String) throws -> String {
        let file = try TestSupport.makeTemporaryFolder().appendingPathComponent("hub.json")
        try """
        {"id": "HUB-1", "customer": "某物流集团", "product": "interconnect", "received": "2026-11-20",
         "sites": [
          {"name": "HQ", "building": "BLD-CORP-HQ", "bandwidth": "\(bandwidth)", "interface": "GE"},
          {"name": "BR1", "building": "BLD-CORP-BR1", "bandwidth": "60M", "interface": "FE"},
          {"name": "BR3", "building": "BLD-CORP-BR3", "bandwidth": "60M", "interface": "FE"}]}
        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func flagsAHubBelowItsBranchesAndAddsTheUpgradeStep() throws {
        let folder = try bundle(try hubOrder("100M"))
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.json")))
                as? [String: Any])
        let hub = try #require((plan["sites"] as? [[String: Any]])?.first?["confirmation"] as? [String: Any])
        // 60M + 60M = 120M through a hub of 100M: end access ok, the hub's access short, not available.
        #expect(hub["outcome"] as? String == "access-optimisation")
        let segments = try #require(hub["segments"] as? [[String: Any]])
        let last = try #require(segments.last)
        #expect(last["segment"] as? String == "hub-access")
        #expect(last["status"] as? String == "short")
        #expect(
            last["reason"] as? String
                == "the hub's access of 100M is below its branches' 120M together (BR1 60M + BR3 60M): "
                + "upgrade the hub's access to at least 120M")
        let finding = try #require((last["findings"] as? [[String: Any]])?.first)
        #expect(finding["code"] as? String == "hub-below-branches")
        let parameters = try #require(finding["parameters"] as? [String: Any])
        #expect(parameters["hubKbps"] as? Int == 100_000)
        #expect(parameters["neededKbps"] as? Int == 120_000)
        #expect(parameters["branches"] as? [String] == ["BR1", "BR3"])
        #expect(parameters["branchKbps"] as? [Int] == [60_000, 60_000])
        // Received Friday 11-20, one access point: due Tuesday 11-24; the upgrade takes 5 working days after.
        #expect((plan["reply"] as? [String: Any])?["due"] as? String == "2026-11-24")
        let checklist = try lines(folder, "checklist.md")
        #expect(
            checklist.contains(
                "| 3 | Upgrade the hub's access to at least its branches' bandwidth together | Account manager with "
                    + "operations (客户经理/运维部) | HQ | 1 | 5 | 2026-11-25 Wed | 2026-12-01 Tue | ☐ |"))
        #expect(
            checklist.contains(
                "  - hub access against its branches: HQ: the hub's access of 100M is below its branches' 120M "
                    + "together (BR1 60M + BR3 60M): upgrade the hub's access to at least 120M"))
        #expect(
            try lines(folder, "reply-form.md").contains {
                $0.hasPrefix("| HQ | access | hub access | missing | the hub's access of 100M")
            })
    }

    @Test func leavesAHubThatCarriesItsBranchesAvailable() throws {
        let folder = try bundle(try hubOrder("200M"))
        let plan = try text(folder, "plan.json")
        #expect(!plan.contains("hub-access"))
        #expect(!(try text(folder, "checklist.md")).contains("Upgrade the hub's access"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(plan.utf8)) as? [String: Any])
        let outcomes = (object["sites"] as? [[String: Any]])?.map {
            ($0["confirmation"] as? [String: Any])?["outcome"] as? String
        }
        #expect(outcomes == ["available", "available", "available"])
    }
}

/// End-to-end: an E1 handover names its module in the plan, the checklist and the reply form.
@Suite struct ModuleCommandTests {
    @Test(arguments: ["en", "zh"]) func namesTheE1ModuleEverywhere(language: String) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let out = folder.appendingPathComponent("bundle")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order",
            TestSupport.path("Topologies/wuhan/orders/power-apn-e1.json"), "--out", out.path, "--lang", language,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let plan = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(plan.contains("\"module\": \"VWIC2-1MFT-T1/E1\""))
        let checklist = try String(contentsOf: out.appendingPathComponent("checklist.md"), encoding: .utf8)
        let form = try String(contentsOf: out.appendingPathComponent("reply-form.md"), encoding: .utf8)
        if language == "en" {
            #expect(checklist.contains("Buy and fit the E1 or V.35 interface module named for each site below"))
            #expect(
                checklist.contains(
                    "Office: Cisco 1841: fit: supports what the line needs; fit a VWIC2-1MFT-T1/E1 module"))
            #expect(form.contains("Cisco 1841: fit: supports what the line needs; fit a VWIC2-1MFT-T1/E1 module |"))
        } else {
            #expect(checklist.contains("购置并加装下列各站点所列的E1/V.35接口模块"))
            #expect(form.contains("；需加装VWIC2-1MFT-T1/E1模块 |"))
        }
        // The router is configured only once the module is fitted.
        let config = try String(contentsOf: out.appendingPathComponent("configs/Office.ios.cfg"), encoding: .utf8)
        #expect(config.contains("controller E1 0/0/0\n framing crc4\n channel-group 0 timeslots 1-31\n"))
        #expect(config.contains("interface Serial0/0/0:0\n"))
    }
}
