import Orders
import Planning
import WorkCalendar

extension Checklist {
    /// The checklist as Markdown: a schedule table, then each step with what it needs from the plan.
    ///
    /// - Parameter language: The labels' language.
    /// - Returns: The text of `checklist.md`.
    /// - Complexity: O(*s* × *n*) for *s* steps and *n* sites.
    public func markdown(language: ReportLanguage) -> String {
        let order = plan.order
        var lines: [String] = []
        lines.append("# " + language.pick("Provisioning checklist", "开通任务清单") + " — " + Escape.markdown(order.id))
        lines.append("")
        lines.append("**" + Escape.markdown(title.text(in: language)) + "**")
        lines.append("")
        let caveats = warnings.filter(\.isCalendarCaveat)
        for caveat in caveats {
            lines.append("> " + language.pick("**Note:** ", "**注意：**") + Escape.markdown(language.text(caveat)))
        }
        if !caveats.isEmpty { lines.append("") }
        lines.append("| | |")
        lines.append("|---|---|")
        for (label, value) in header(language: language) {
            lines.append("| \(label) | \(Escape.markdownCell(value)) |")
        }
        lines.append("")
        let sites = siteRows(language: language)
        if !sites.isEmpty {
            let siteHeadings =
                language == .en
                ? ["Site", "Building", "Address", "Contact", "Planned ready date"]
                : ["站点", "楼宇", "装机地址", "联系人", "计划具备日期"]
            lines.append("| " + siteHeadings.joined(separator: " | ") + " |")
            lines.append("|" + String(repeating: "---|", count: siteHeadings.count))
            for row in sites { lines.append("| " + row.map(Escape.markdownCell).joined(separator: " | ") + " |") }
            lines.append("")
        }
        lines.append(
            language.pick(
                "Dates are Chinese working days (weekends and statutory holidays off, make-up days worked). A step "
                    + "with no dependency counts from the date received, that day not counted; any other step starts "
                    + "the working day after the last step it depends on is due.",
                "日期按工作日计算（周末及法定节假日除外，调休上班日计入）。无前置步骤的从受理之日起算（受理当日不计）；"
                    + "其余步骤自其最后一个前置步骤到期后的下一个工作日开始。"))
        lines.append("")
        let headings =
            language == .en
            ? ["#", "Step", "Department", "Sites", "After", "Working days", "Start", "Due", "Done"]
            : ["序号", "步骤", "责任部门", "站点", "前置步骤", "工作日", "开始", "完成期限", "完成"]
        lines.append("| " + headings.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---|", count: headings.count))
        for step in steps {
            let cells = [
                "\(step.number)", step.title.text(in: language), step.department.text(in: language),
                sitesText(step, language: language), dependenciesText(step),
                "\(step.workingDays)", language.dated(step.start), language.dated(step.due), "☐",
            ]
            lines.append("| " + cells.map(Escape.markdownCell).joined(separator: " | ") + " |")
        }
        for step in steps {
            lines.append("")
            lines.append("## \(step.number). " + Escape.markdown(step.title.text(in: language)))
            lines.append("")
            lines.append(
                "- " + language.pick("Department: ", "责任部门：") + Escape.markdown(step.department.text(in: language)))
            lines.append(
                "- " + language.pick("Dates: ", "时间：") + language.dated(step.start) + " → " + language.dated(step.due)
                    + language.pick(" (", "（") + language.workingDays(step.workingDays) + language.pick(")", "）"))
            if let condition = step.condition {
                lines.append(
                    "- " + language.pick("Appears because: ", "出现原因：")
                        + Escape.markdown(reason(condition, language: language))
                        + " — " + Escape.markdown(sitesText(step, language: language)))
            }
            if !step.dependsOn.isEmpty {
                lines.append("- " + language.pick("After: ", "前置步骤：") + dependenciesText(step))
            }
            if let note = step.note {
                lines.append("- " + language.pick("How: ", "说明：") + Escape.markdown(note.text(in: language)))
            }
            if !step.needs.isEmpty {
                lines.append("- " + language.pick("Needs from the plan:", "所需规划资料："))
                for item in step.needs {
                    let values = values(of: item, for: step, language: language)
                    let label = "  - " + Escape.markdown(name(of: item, language: language))
                    if values.count <= 1 {
                        lines.append(label + language.pick(": ", "：") + Escape.markdown(values.first ?? "—"))
                    } else {
                        lines.append(label)
                        for value in values { lines.append("    - " + Escape.markdown(value)) }
                    }
                }
            }
        }
        let notes = warnings.filter { !$0.isCalendarCaveat }
        if !notes.isEmpty {
            lines.append("")
            for warning in notes {
                lines.append("> " + language.pick("Note: ", "注意：") + Escape.markdown(language.text(warning)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The checklist as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark for Excel): one row per step.
    ///
    /// - Parameter language: The header's and labels' language.
    /// - Returns: The text of `checklist.csv`.
    public func csv(language: ReportLanguage) -> String {
        var writer = CSVWriter()
        writer.append(
            language == .en
                ? [
                    "order", "step", "id", "title", "department", "condition", "sites", "after", "working days",
                    "start", "due", "needs", "note", "done",
                ]
                : ["订单编号", "序号", "步骤代码", "步骤", "责任部门", "出现条件", "站点", "前置步骤", "工作日", "开始", "完成期限", "所需规划资料", "说明", "完成"])
        for step in steps {
            let needs = step.needs.map { item in
                let values = values(of: item, for: step, language: language)
                return name(of: item, language: language) + ": "
                    + (values.isEmpty ? "—" : values.joined(separator: "; "))
            }
            writer.append([
                plan.order.id, "\(step.number)", step.id, step.title.text(in: language),
                step.department.text(in: language), step.condition?.rawValue ?? "", sitesText(step, language: language),
                step.dependsOn.joined(separator: " "), "\(step.workingDays)", step.start.description,
                step.due.description, needs.joined(separator: "\n"), step.note?.text(in: language) ?? "", "",
            ])
        }
        return writer.text
    }

    // MARK: - Pieces

    private func header(language: ReportLanguage) -> [(String, String)] {
        let order = plan.order
        var rows = [
            (language.pick("Order", "订单编号"), order.id),
            (language.pick("Customer", "客户名称"), order.customer),
            (language.pick("Product", "业务类型"), language.name(of: order.product)),
            (language.pick("Request", "需求类型"), language.name(of: order.request)),
            (language.pick("Received", "受理日期"), language.dated(order.received)),
        ]
        if let description = order.description { rows.append((language.pick("Description", "需求说明"), description)) }
        rows.append(
            (
                language.pick("Reply", "资源确认回复"),
                language.shortName(of: plan.reply.outcome) + ", " + language.pick("due ", "期限 ")
                    + language.dated(plan.reply.due)
            ))
        if let completion {
            rows.append((language.pick("Planned completion", "计划竣工"), language.dated(completion)))
        }
        return rows
    }

    /// The sites' table of `checklist.md`: name, building, street address and contact, for an order whose
    /// sites give an address or a contact (a cease lists its lines instead).
    private func siteRows(language: ReportLanguage) -> [[String]] {
        guard plan.order.request != .cease,
            plan.sites.contains(where: {
                $0.address != nil || $0.contact != nil || $0.phone != nil || $0.readyDate != nil
            })
        else { return [] }
        var rows = plan.sites.prefix(Self.listedSites).map { site in
            [
                site.name, site.building ?? "—", site.address ?? "—",
                PlanDigest.contactText(contact: site.contact, phone: site.phone, language: language) ?? "—",
                site.readyDate.map(language.dated) ?? language.pick("— (resources exist now)", "—（现网具备）"),
            ]
        }
        let rest = plan.sites.count - Self.listedSites
        if rest > 0 {
            rows.append([
                language.pick("… and \(rest) more (see plan.json)", "……另有\(rest)个（见 plan.json）"), "", "", "", "",
            ])
        }
        return rows
    }

    private func sitesText(_ step: ChecklistStep, language: ReportLanguage) -> String {
        if isForEverySite(step) {
            if plan.order.request == .cease { return language.pick("all lines", "全部线路") }
            return step.sites.count == 1 ? step.sites[0] : language.pick("all sites", "全部站点")
        }
        let shown = step.sites.prefix(Self.listedSites).joined(separator: ", ")
        let rest = step.sites.count - Self.listedSites
        return rest > 0 ? shown + language.pick(" and \(rest) more", "等\(step.sites.count)个") : shown
    }

    private func dependenciesText(_ step: ChecklistStep) -> String {
        let numbers = step.dependsOn.compactMap { id in steps.first { $0.id == id }?.number }
        return numbers.isEmpty ? "—" : numbers.map(String.init).joined(separator: ", ")
    }

    private func reason(_ condition: ChecklistCondition, language: ReportLanguage) -> String {
        switch condition {
        case .coreBuild: language.pick("the outcome is a core build", "资源确认结果为工程建设")
        case .accessOptimisation:
            language.pick("the end access needs maintenance optimisation", "末端接入段需维护优化")
        case .routerReplace: language.pick("the customer router must be replaced", "客户路由器需更换")
        case .addressPair:
            language.pick("the router cannot do IP unnumbered", "客户路由器不支持IP unnumbered")
        case .diverse: language.pick("diverse protection was asked for", "要求双路由保护")
        case .modify: language.pick("the order modifies lines in service", "调整在网线路")
        case .hubCapacity:
            language.pick("the hub's access is below its branches' bandwidth together", "中心节点接入带宽小于各分支带宽之和")
        case .module:
            language.pick("the handover is E1 or V.35: the router needs its module", "E1/V.35接口：客户路由器需加装接口模块")
        case .template: language.pick("the product is not mature", "非成熟产品")
        }
    }

    /// A plan item's name in a language.
    func name(of item: PlanItem, language: ReportLanguage) -> String {
        switch item {
        case .order: language.pick("order", "订单")
        case .reply: language.pick("reply", "资源确认回复")
        case .replyForm: language.pick("reply form", "资源确认及回复单")
        case .site: language.pick("site address and contact", "装机地址及联系人")
        case .hubAccess: language.pick("hub access against its branches", "中心节点接入带宽与分支带宽")
        case .segments: language.pick("segment checks", "分段资源确认")
        case .path: language.pick("paths", "路由")
        case .interconnect: language.pick("interconnect addresses", "互联IP地址")
        case .lan: language.pick("customer LAN", "客户内网地址")
        case .publicLAN: language.pick("public LAN block", "公网地址段")
        case .vlan: language.pick("VLAN on the hub's port", "总部端口VLAN")
        case .apnPool: language.pick("terminal address pool", "用户IP地址段")
        case .tunnels: language.pick("GRE tunnels", "GRE隧道")
        case .terminals: language.pick("terminals", "终端数量")
        case .router: language.pick("customer router", "客户路由器")
        case .config: language.pick("router configuration", "路由器配置")
        case .officeData: language.pick("office data", "局数据")
        case .service: language.pick("service obligations", "服务承诺")
        case .lines: language.pick("lines", "线路")
        }
    }
}
