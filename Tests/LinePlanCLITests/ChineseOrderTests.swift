import Foundation
import TestSupport
import Testing

/// End-to-end (issue 9 items 2, 3 and 10): an all-Chinese order writes the whole bundle with ASCII
/// router names, the one replacement model, and office data whatever the customer's router.
@Suite struct ChineseOrderTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    func bundle(_ order: String, language: String) throws -> URL {
        let out = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        let run = try TestSupport.runLinePlan(
            ["plan", "--topology", network, "--order", order, "--out", out.path, "--lang", language])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        return out
    }

    func text(_ folder: URL, _ file: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }

    /// Checks the bundle of the Chinese order against answers worked by hand.
    ///
    /// The id's ASCII part is `2026` → `LP-2026`; the sites are `S1` … `S3`. 总部 has
    /// a GE handover and an AR28-11 (FE only); the handbook's 1841 and AR28-11 are FE only too, the
    /// 2811 and 881 as well, so the replacement is the Huawei AR1220 (VRP 5) and its config is written.
    func checkBundle(_ out: URL, language: String) throws {
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json")))
                as? [String: Any])
        let sites = try #require(plan["sites"] as? [[String: Any]])
        #expect(sites.map { $0["name"] as? String } == ["总部", "汉口分理处", "汉阳分理处"])
        #expect(sites.map { $0["hostname"] as? String } == ["LP-2026-S1", "LP-2026-S2", "LP-2026-S3"])
        #expect(
            sites.map { $0["config"] as? String } == [
                "configs/S1.vrp5.cfg", "configs/S2.ios.cfg", "configs/S3.vrp3.cfg",
            ])
        let hub = try #require(sites.first?["router"] as? [String: Any])
        #expect(hub["verdict"] as? String == "replace")
        #expect(hub["replacement"] as? String == "Huawei AR1220")
        #expect(hub["configuredModel"] as? String == "Huawei AR1220")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("configs").path)
        #expect(files.sorted() == ["S1.vrp5.cfg", "S2.ios.cfg", "S3.vrp3.cfg"])
        let hubConfig = try text(out, "configs/S1.vrp5.cfg")
        #expect(hubConfig.contains("\nsysname LP-2026-S1\n"))
        #expect(hubConfig.contains(" description To LP-2026-S2, VLAN 101\n"))
        #expect(try text(out, "configs/S2.ios.cfg").hasPrefix("hostname LP-2026-S2\n"))
        #expect(try text(out, "configs/S3.vrp3.cfg").contains("\nsysname LP-2026-S3\n"))
        for config in files {
            let body = try text(out, "configs/\(config)")
            let ascii = body.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "\(config) is not ASCII")
        }
        let markdown = try text(out, "plan.md")
        #expect(markdown.contains("总部"))
        #expect(markdown.contains("LP-2026-S1 — configs/S1.vrp5.cfg"))
        let replace = language == "zh" ? "需更换：运维部购置华为AR1220" : "replace: operations buys a Huawei AR1220"
        for document in ["plan.md", "reply-form.md", "checklist.md", "report.html"] {
            #expect(try text(out, document).contains(replace), "\(document) names the replacement")
        }
        #expect(try text(out, "reply-form.md").contains("中国工商银行武汉分行"))
    }

    @Test(arguments: ["en", "zh"])
    func theChineseDemoOrderWritesTheWholeBundle(language: String) throws {
        let order = TestSupport.path("Topologies/wuhan/orders/chinese-interconnect.json")
        try checkBundle(try bundle(order, language: language), language: language)
    }

    @Test(arguments: ["en", "zh"])
    func theSameOrderAsCSV(language: String) throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let csv = folder.appendingPathComponent("工行.csv")
        let header = "id,customer,product,request,received,name,address,building,bandwidth,interface,router,lan\n"
        let common = "武汉-2026-工行,中国工商银行武汉分行,interconnect,new,2026-11-25"
        let rows = [
            "\(common),总部,武汉市武昌区中北路210号,BLD-CORP-HQ,100M,GE,Huawei AR28-11,/26",
            "\(common),汉口分理处,武汉市硚口区长丰大道98号,BLD-CORP-BR1,20M,FE,Cisco 1841,/27",
            "\(common),汉阳分理处,武汉市汉阳区汉阳大道138号,BLD-CORP-BR4,20M,FE,Huawei AR28-11,/27",
        ]
        try (header + rows.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        try checkBundle(try bundle(csv.path, language: language), language: language)
    }

    /// A control character in a Chinese site name is refused at its place in the order, by its path.
    @Test func hostileTextIsRefusedWhereItStands() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let order = folder.appendingPathComponent("bad.json")
        let json =
            "{\"id\":\"武汉-1\",\"customer\":\"工行\",\"product\":\"internet\",\"request\":\"new\","
            + "\"received\":\"2026-11-25\",\"sites\":[{\"name\":\"总部\\u0007\",\"building\":\"BLD-OFFICE-PARK\","
            + "\"bandwidth\":\"50M\",\"interface\":\"FE\",\"router\":\"Cisco 1841\",\"lan\":\"/28\"}]}"
        try json.write(to: order, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try TestSupport.runLinePlan(
            ["plan", "--topology", network, "--order", order.path, "--out", out.path])
        #expect(run.status == 65)
        #expect(run.standardError.contains("bad.json:1:"))
        #expect(run.standardError.contains("(sites[0].name)"))
        #expect(!run.standardError.contains("lineID"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Item 10: a MikroTik RB2011 takes an APN line with an extra address pair, but LinePlan has no
    /// RouterOS templates: the verdict says so, no configuration is written, and the carrier's office
    /// data sheet still is.
    @Test func anAPNLineWithoutTemplatesStillGetsItsOfficeData() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let bank = try String(
            contentsOfFile: TestSupport.path("Topologies/wuhan/orders/bank-apn.json"), encoding: .utf8)
        let order = folder.appendingPathComponent("rb.json")
        try bank.replacingOccurrences(of: "\"Cisco 1841\"", with: "\"MikroTik RB2011\"")
            .write(to: order, atomically: true, encoding: .utf8)
        let out = try bundle(order.path, language: "en")
        let markdown = try text(out, "plan.md")
        #expect(
            markdown.contains(
                "no configuration templates for MikroTik RB2011 (RouterOS 6): configure it by hand from the plan"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("configs").path))
        let office = try text(out, "office-data.md")
        #expect(office.contains("WH-2026-0930-ABC/HQ"))
        #expect(office.contains("LinePlan writes no configuration for the customer router (MikroTik RB2011)"))
        // The carrier's side is the same as with a configured router: each GGSN hands out its own half.
        #expect(office.contains("| GGSN-01 | 10.160.0.0/24 | 255.255.255.0 | 256 |"))
        #expect(office.contains("| GGSN-02 | 10.160.1.0/24 | 255.255.255.0 | 256 |"))
    }
}
