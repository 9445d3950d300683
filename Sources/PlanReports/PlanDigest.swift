import LocatedJSON
import NetAddress
import NetGraph
import Orders
import Planning

/// A table: headings and rows of plain text (escaped by the writer).
struct DigestTable {
    var headings: [String]
    var rows: [[String]]
}

/// The plan's content in one language, laid out once for `plan.md` and `report.html`.
struct PlanDigest {
    let plan: Plan
    let language: ReportLanguage

    /// The order's facts.
    var orderFacts: [(String, String)] {
        let order = plan.order
        return [
            (language.pick("Order", "订单编号"), order.id),
            (language.pick("Customer", "客户名称"), order.customer),
            (language.pick("Product", "业务类型"), language.name(of: order.product)),
            (language.pick("Request", "需求类型"), language.name(of: order.request)),
            (language.pick("Received", "受理日期"), language.dated(order.received)),
            (
                language.pick("Mature product", "成熟产品"),
                order.mature ? language.pick("yes", "是") : language.pick("no: solution template first", "否：先制定方案模板")
            ),
            (language.pick("Network area", "网络区域"), plan.network),
            (language.pick("Sites", "站点数"), "\(plan.sites.count)"),
        ] + (order.description.map { [(language.pick("Description", "需求说明"), $0)] } ?? [])
    }

    /// The reply's facts.
    var replyFacts: [(String, String)] {
        let reply = plan.reply
        return [
            (language.pick("Outcome", "确认结果"), language.name(of: reply.outcome)),
            (
                language.pick("Reply due", "回复期限"),
                language.dated(reply.due) + language.pick(" (", "（") + language.workingDays(reply.workingDays)
                    + language.pick(")", "）")
            ),
            (language.pick("Responsible department", "责任部门"), language.department(of: reply.outcome)),
            (language.pick("End-access points to optimise", "需优化的末端接入点"), "\(reply.accessPoints)"),
        ]
    }

    /// A site's heading: "HQ — single site at BLD-ABC-WUHAN".
    func heading(_ site: SitePlan) -> String {
        var text = site.name + " — " + language.name(of: site.role)
        if let building = site.building { text += language.pick(" at ", "，楼宇 ") + building }
        return text
    }

    /// A site's facts: where it is and whom to call, what was asked and what was chosen.
    func facts(_ site: SitePlan) -> [(String, String)] {
        var rows = Self.siteDetails(site, language: language)
        rows += [
            (
                language.pick("Asked", "需求"),
                "\(site.bandwidth) \(site.interface.rawValue), " + language.pick("protection ", "保护 ")
                    + language.name(of: site.protection)
            ),
            (
                language.pick("Access", "接入方式"),
                language.name(of: site.technology) + (site.accessNode.map { language.pick(" via ", "，经 ") + $0 } ?? "")
            ),
            (language.pick("Why", "理由"), language.text(site.qualificationFindings)),
        ]
        if let farEnd = site.farEnd { rows.append((language.pick("Line ends at", "落地节点"), farEnd)) }
        rows.append((language.pick("Outcome", "结论"), language.name(of: site.outcome)))
        rows.append((language.pick("Repair", "修复时限"), language.repair(hours: site.repairHours, area: site.area)))
        rows.append((language.pick("Ledger line", "台账线路"), site.lineID))
        return rows
    }

    /// The site's street address and contact as the order gives them, the absent ones left out.
    static func siteDetails(_ site: SitePlan, language: ReportLanguage) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let address = site.address { rows.append((language.pick("Address", "装机地址"), address)) }
        if let contact = contactText(contact: site.contact, phone: site.phone, language: language) {
            rows.append((language.pick("Contact", "联系人"), contact))
        }
        return rows
    }

    /// "张伟, 027-8765 4321": the contact and the phone, either alone, or `nil` when neither is given.
    static func contactText(contact: String?, phone: String?, language: ReportLanguage) -> String? {
        let parts = [contact, phone].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: language.pick(", ", "，"))
    }

    /// Every technology considered, with why it was chosen, passed over or ruled out.
    func alternatives(_ site: SitePlan) -> DigestTable {
        DigestTable(
            headings: language == .en ? ["Technology", "Status", "Node", "Reason"] : ["接入技术", "结果", "节点", "原因"],
            rows: site.alternatives.map {
                [
                    language.name(of: $0.technology), language.name(of: $0.status), $0.node ?? "—",
                    language.text($0.findings),
                ]
            })
    }

    /// The paths: working, protection, shared-risk groups.
    func paths(_ site: SitePlan) -> [(String, String)] {
        var rows: [(String, String)] = []
        rows.append(
            (
                language.pick("Working path", "主用路由"),
                site.working.map(Checklist.describe) ?? language.pick("none today", "暂无")
            ))
        if site.protection == .diverse || site.protectionPath != nil {
            rows.append(
                (
                    language.pick("Protection path", "备用路由"),
                    site.protectionPath.map(Checklist.describe) ?? language.pick("none", "无")
                ))
        }
        if !site.sharedRiskGroups.isEmpty {
            rows.append((language.pick("Shared risk", "共享风险组"), site.sharedRiskGroups.joined(separator: ", ")))
        }
        return rows
    }

    /// The segment checks.
    func segments(_ site: SitePlan) -> DigestTable {
        DigestTable(
            headings: language == .en ? ["Segment", "Status", "Finding"] : ["分段", "资源情况", "说明"],
            rows: site.segments.map {
                [language.name(ofSegment: $0.segment), language.name(ofStatus: $0.status), language.text($0.findings)]
            })
    }

    /// The addresses, if any.
    func addresses(_ site: SitePlan) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let interconnect = site.addresses.interconnect {
            let customer = interconnect.firstHost.advanced(by: 1).map(\.description) ?? "—"
            rows.append(
                (
                    language.pick("Interconnect", "互联地址"),
                    "\(interconnect) — " + language.pick("carrier ", "局端 ") + "\(interconnect.firstHost), "
                        + language.pick("customer ", "客户端 ") + customer
                ))
        }
        if let lan = site.addresses.lan { rows.append((language.pick("Customer LAN", "客户内网"), lan.description)) }
        if let pool = site.addresses.apnPool {
            rows.append(
                (
                    language.pick("Terminal pool", "用户IP地址段"),
                    "\(pool) (\(pool.hostCount) " + language.pick("hosts)", "个地址）")
                ))
        }
        if !site.addresses.tunnels.isEmpty {
            rows.append(
                (
                    language.pick("Tunnel pairs", "隧道互联地址"),
                    site.addresses.tunnels.map(\.description).joined(separator: ", ")
                ))
        }
        return rows
    }

    /// The GRE tunnels of an APN line.
    func tunnels(_ site: SitePlan) -> DigestTable {
        DigestTable(
            headings: language == .en
                ? ["GGSN", "GGSN end", "Customer end", "Inner"] : ["GGSN", "GGSN端地址", "客户端地址", "隧道内地址"],
            rows: site.tunnels.map {
                [
                    $0.ggsn, $0.ggsnAddress.description, $0.customerAddress?.description ?? "—",
                    $0.inner?.description ?? "IP unnumbered",
                ]
            })
    }

    /// The ASCII name the site's router goes by in its configuration, and the file: the plan says
    /// which name stands for which (Chinese) site.
    func configName(_ site: SitePlan) -> [(String, String)] {
        guard let hostname = site.hostname else { return [] }
        let file = site.configFile.map { " — \($0)" } ?? language.pick(" — no configuration file", " — 无配置文件")
        return [(language.pick("Router hostname", "路由器主机名"), hostname + file)]
    }

    /// The router's verdict.
    func router(_ site: SitePlan) -> (String, String) {
        let model = site.router.model ?? language.pick("no model given", "未提供型号")
        let platform = site.router.platform.map { " (\($0))" } ?? ""
        var text =
            model + platform + ": "
            + language.name(ofVerdict: site.router.verdict, replacement: site.router.replacement)
        if !site.router.findings.isEmpty { text += " — " + language.text(site.router.findings) }
        return (language.pick("Router", "客户路由器"), text)
    }
}
