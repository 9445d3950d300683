import LocatedJSON
import NetAddress
import NetGraph
import Orders
public import Planning
import WorkCalendar

/// The plan for a terminal: a short, aligned summary per site, in English or Chinese with the same
/// layout (the documents are for files; this is for the screen).
public enum PlanSummary {
    /// Writes the summary.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - language: The language of labels and findings.
    /// - Returns: The text, one line per fact, ending in a newline.
    /// - Complexity: O(size of the plan).
    public static func text(plan: Plan, language: ReportLanguage) -> String {
        let order = plan.order
        let reply = plan.reply
        let comma = language.pick(", ", "，")
        var lines: [String] = []
        lines.append(
            language.pick("Order ", "订单 ") + order.id + " — " + order.customer + comma
                + language.name(of: order.product)
                + comma + language.name(of: order.request) + comma + language.pick("received ", "受理日期 ")
                + order.received.description)
        if let description = order.description {
            lines.append(
                language.pick("About: ", "需求说明：")
                    + description.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        lines.append(
            language.pick("Reply: ", "回复：") + language.shortName(of: reply.outcome) + comma
                + language.pick("due ", "期限 ") + reply.due.description
                + language.pick(
                    " (\(language.workingDays(reply.workingDays)))", "（\(language.workingDays(reply.workingDays))）")
                + " — " + language.department(of: reply.outcome))
        for site in plan.sites {
            lines.append("")
            lines += siteLines(site, language: language)
        }
        if !plan.ceasedLines.isEmpty {
            lines.append("")
            lines.append(language.pick("Ceases: ", "停闭：") + plan.ceasedLines.joined(separator: comma))
        }
        for warning in plan.warnings {
            lines.append(language.pick("warning: ", "提示：") + language.text(warning))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func siteLines(_ site: SitePlan, language: ReportLanguage) -> [String] {
        let comma = language.pick(", ", "，")
        func row(_ english: String, _ chinese: String, _ value: String) -> String {
            "  " + language.pick(english + String(repeating: " ", count: max(1, 11 - english.count)), chinese + "  ")
                + value
        }
        let indent = language.pick(String(repeating: " ", count: 13), String(repeating: " ", count: 8))
        var lines: [String] = []
        var heading = language.pick("Site ", "站点 ") + site.name + " [" + language.name(of: site.role) + "]"
        if let building = site.building { heading += language.pick(" at ", "，楼宇 ") + building }
        heading += language.pick(": ", "：") + "\(site.bandwidth) \(site.interface.rawValue)"
        if site.protection == .diverse { heading += comma + language.name(of: site.protection) }
        lines.append(heading)
        if let address = site.address { lines.append(row("address", "装机地址", address)) }
        let contact = [site.contact, site.phone].compactMap { $0 }
        if !contact.isEmpty { lines.append(row("contact", "联系人", contact.joined(separator: comma))) }
        let access =
            language.name(of: site.technology) + (site.accessNode.map { language.pick(" via ", "，经 ") + $0 } ?? "")
        lines.append(row("access", "接入方式", access + " — " + language.text(site.qualificationFindings)))
        for alternative in site.alternatives where alternative.status != .qualified {
            lines.append(
                indent + language.name(of: alternative.status) + " " + language.name(of: alternative.technology)
                    + language.pick(": ", "：") + language.text(alternative.findings))
        }
        for (english, chinese, path) in [
            ("working", "主用路由", site.working), ("protection", "备用路由", site.protectionPath),
        ] {
            guard let path else { continue }
            let kilometres = JSONOutput.formatDecimal(path.metres, scale: 3)
            lines.append(
                row(
                    english, chinese,
                    path.nodes.joined(separator: " – ")
                        + language.pick(" (\(kilometres) km)", "（\(kilometres)公里）")))
        }
        lines.append(row("outcome", "结论", language.shortName(of: site.outcome)))
        for segment in site.segments {
            lines.append(
                indent + language.name(ofSegment: segment.segment) + " " + language.name(ofStatus: segment.status)
                    + language.pick(": ", "：") + language.text(segment.findings))
        }
        let addresses = addressTexts(site, language: language)
        if !addresses.isEmpty { lines.append(row("addresses", "地址", addresses.joined(separator: comma))) }
        for tunnel in site.tunnels {
            var text = language.pick("to ", "至 ") + "\(tunnel.ggsn) \(tunnel.ggsnAddress)"
            text += tunnel.inner.map { language.pick(", inner \($0)", "，隧道内 \($0)") } ?? comma + "IP unnumbered"
            text += tunnel.pool.map { language.pick(", terminals \($0)", "，终端 \($0)") } ?? ""
            lines.append(row("GRE", "GRE隧道", text))
        }
        let model = site.router.model ?? language.pick("no model given", "未提供型号")
        let findings = site.router.findings.isEmpty ? "" : " — " + language.text(site.router.findings)
        lines.append(
            row(
                "router", "客户路由器",
                model + language.pick(": ", "：")
                    + language.name(ofVerdict: site.router.verdict, replacement: site.router.replacement) + findings))
        lines.append(
            row(
                "repair", "修复时限",
                language.pick(
                    "within \(site.repairHours) hours of a fault report (\(language.name(of: site.area)))",
                    "接到申告后\(site.repairHours)小时内（\(language.name(of: site.area))）")))
        return lines
    }

    private static func addressTexts(_ site: SitePlan, language: ReportLanguage) -> [String] {
        var texts: [String] = []
        if let interconnect = site.addresses.interconnect {
            let ends =
                site.role == .branch
                ? language.pick(
                    "hub \(interconnect.firstHost), branch \(interconnect.lastHost)",
                    "中心点 \(interconnect.firstHost)，分支点 \(interconnect.lastHost)")
                : language.pick(
                    "carrier \(interconnect.firstHost), customer \(interconnect.lastHost)",
                    "局端 \(interconnect.firstHost)，客户端 \(interconnect.lastHost)")
            texts.append(language.pick("interconnect \(interconnect) (\(ends))", "互联 \(interconnect)（\(ends)）"))
        }
        if let vlan = site.hubVLAN {
            texts.append(language.pick("VLAN \(vlan) on the hub's port", "中心点端口VLAN \(vlan)"))
        }
        if let lan = site.addresses.lan { texts.append(language.pick("LAN \(lan)", "客户内网 \(lan)")) }
        if let block = site.addresses.publicLAN { texts.append(language.pick("public LAN \(block)", "公网地址段 \(block)")) }
        if let pool = site.addresses.apnPool { texts.append(language.pick("APN pool \(pool)", "APN地址池 \(pool)")) }
        if !site.addresses.tunnels.isEmpty {
            let tunnels = site.addresses.tunnels.map(\.description).joined(separator: ", ")
            texts.append(language.pick("tunnels \(tunnels)", "隧道互联 \(tunnels)"))
        }
        return texts
    }
}
