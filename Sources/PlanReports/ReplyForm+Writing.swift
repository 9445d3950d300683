import NetGraph
import Orders
import Planning
import WorkCalendar

extension ReplyForm {
    /// The form's title.
    static let formTitle = "本地集团客户接入类资源确认及回复单"

    /// The form as Markdown.
    ///
    /// - Parameter language: The labels' language.
    /// - Returns: The text of `reply-form.md`.
    /// - Complexity: O(*n*) in the sites and their segments.
    public func markdown(language: ReportLanguage) -> String {
        var lines: [String] = []
        var sections = 0
        func heading(_ english: String, _ chinese: String) {
            sections += 1
            let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
            let number = language.pick("\(sections). ", numerals[min(sections, numerals.count) - 1] + "、")
            lines.append("## " + number + language.pick(english, chinese))
            lines.append("")
        }
        lines.append("# 《\(Self.formTitle)》")
        lines.append("")
        if language == .en { lines.append("**Local group customer access resource confirmation and reply form**") }
        if language == .en { lines.append("") }
        let allWarnings = plan.warnings + warnings
        let caveats = allWarnings.filter(\.isCalendarCaveat)
        for caveat in caveats {
            lines.append("> " + language.pick("**Note:** ", "**注意：**") + Escape.markdown(language.text(caveat)))
        }
        if !caveats.isEmpty { lines.append("") }
        heading("Request", "需求信息")
        lines.append(contentsOf: table(requestRows(language: language)))
        lines.append("")
        heading("Reply", "回复结论")
        lines.append(contentsOf: table(replyRows(language: language)))
        if !sites.isEmpty {
            lines.append("")
            heading("Resources by site and segment", "分段资源确认")
            lines.append(contentsOf: table(segmentRows(language: language), headings: segmentHeadings(language)))
            lines.append("")
            heading("Site outcomes", "各站点结论")
            lines.append(contentsOf: table(siteRows(language: language), headings: siteHeadings(language)))
        }
        if !plan.ceasedLines.isEmpty {
            lines.append("")
            heading("Lines released", "停闭线路")
            for line in plan.ceasedLines { lines.append("- " + Escape.markdown(line)) }
        }
        lines.append("")
        heading("Service obligations", "服务承诺")
        for obligation in obligations(language: language) { lines.append("- " + obligation) }
        lines.append("")
        heading("How the dates are set", "日期说明")
        for note in dateNotes(language: language) { lines.append("- " + note) }
        for warning in allWarnings where !warning.isCalendarCaveat {
            lines.append("- " + language.pick("Note: ", "注意：") + Escape.markdown(language.text(warning)))
        }
        lines.append("")
        heading("Sign-off", "签字")
        let signHeadings = language == .en ? ["Role", "Name", "Date"] : ["角色", "签名", "日期"]
        lines.append(
            contentsOf: table(
                [
                    [language.pick("Replied by: customer service support centre (客户服务支撑中心)", "回复：客户服务支撑中心"), "", ""],
                    [language.pick("Received by: group customer department (集团客户部)", "接收：集团客户部"), "", ""],
                ], headings: signHeadings))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The form as CSV, one row per site and segment.
    ///
    /// RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so that Excel opens Chinese
    /// correctly; the order's and the site's columns are repeated on
    /// each row so that the sheet filters and sorts. The notes of the Markdown form are not in it.
    ///
    /// - Parameter language: The header's and labels' language.
    /// - Returns: The text of `reply-form.csv`.
    public func csv(language: ReportLanguage) -> String {
        var writer = CSVWriter()
        writer.append(
            language == .en
                ? [
                    "order", "customer", "product", "request", "received", "description", "reply due",
                    "reply outcome", "responsible department", "site", "building", "address", "contact", "phone",
                    "access", "resource", "segment", "status",
                    "finding", "site outcome", "site department", "planned ready date", "repair hours",
                    "customer router",
                ]
                : [
                    "订单编号", "客户名称", "业务类型", "需求类型", "受理日期", "需求说明", "回复期限", "确认结果", "责任部门", "站点",
                    "楼宇", "装机地址", "联系人", "联系电话", "接入方式", "资源类别", "分段", "资源情况", "说明", "站点结论", "站点责任部门", "计划具备日期",
                    "修复时限（小时）", "客户路由器",
                ])
        let order = plan.order
        let orderColumns = [
            order.id, order.customer, language.name(of: order.product), language.name(of: order.request),
            order.received.description, order.description ?? "", plan.reply.due.description,
            language.shortName(of: plan.reply.outcome),
            language.department(of: plan.reply.outcome),
        ]
        for site in sites {
            let checks: [SegmentCheck?] = site.segments.isEmpty ? [nil] : site.segments
            for check in checks {
                writer.append(
                    orderColumns + [
                        site.name, site.building ?? "", site.address ?? "", site.contact ?? "", site.phone ?? "",
                        access(site, language: language),
                        check.map { resourceName(ResourceClass(segment: $0.segment), language) } ?? "",
                        check.map { language.name(ofSegment: $0.segment) } ?? "",
                        check.map { language.name(ofStatus: $0.status) } ?? "",
                        check.map { language.text($0.findings) } ?? "",
                        language.shortName(of: site.outcome), language.department(of: site.outcome),
                        site.readyDate?.description ?? "", "\(site.repairHours)",
                        language.summary(of: site.router),
                    ])
            }
        }
        return writer.text
    }

    // MARK: - Rows

    private func requestRows(language: ReportLanguage) -> [[String]] {
        let order = plan.order
        return [
            [language.pick("Order", "订单编号"), order.id],
            [language.pick("Customer", "客户名称"), order.customer],
            [language.pick("Product", "业务类型"), language.name(of: order.product)],
            [language.pick("Request", "需求类型"), language.name(of: order.request)],
            [
                language.pick("Mature product", "成熟产品"),
                order.mature ? language.pick("yes", "是") : language.pick("no", "否"),
            ],
            [language.pick("Received", "受理日期"), language.dated(order.received)],
            [language.pick("Sites", "站点数"), "\(order.sites.count)"],
            [language.pick("Network area", "网络区域"), plan.network],
        ] + (order.description.map { [[language.pick("Description", "需求说明"), $0]] } ?? [])
    }

    private func replyRows(language: ReportLanguage) -> [[String]] {
        let reply = plan.reply
        var rows: [[String]] = []
        if let templateDue = reply.templateDue, let days = reply.templateWorkingDays {
            rows.append([
                language.pick("Solution template (non-mature product)", "解决方案模板（非成熟产品）"),
                language.dated(templateDue) + language.pick(" (", "（") + language.pick("within ", "受理后")
                    + language.workingDays(days)
                    + language.pick(" of receipt; the reply is counted from it)", "内；资源确认回复期限自模板完成之日起计算）"),
            ])
        }
        rows += [
            [language.pick("Outcome", "确认结果"), language.name(of: reply.outcome)],
            [
                language.pick("Reply due", "回复期限"),
                language.dated(reply.due) + language.pick(" (", "（") + language.pick("within ", "受理后")
                    + language.workingDays(reply.workingDays) + language.pick(" of receipt)", "内）"),
            ],
            [language.pick("Responsible department", "责任部门"), language.department(of: reply.outcome)],
            [language.pick("End-access points to optimise", "需优化的末端接入点"), "\(reply.accessPoints)"],
        ]
        rows.append([
            language.pick("Planned ready date", "计划具备日期"),
            readyDate.map(language.dated) ?? language.pick("— (resources exist now)", "—（现网具备）"),
        ])
        return rows
    }

    private func segmentHeadings(_ language: ReportLanguage) -> [String] {
        language == .en
            ? ["Site", "Resource", "Segment", "Status", "Finding"]
            : ["站点", "资源类别", "分段", "资源情况", "说明"]
    }

    private func segmentRows(language: ReportLanguage) -> [[String]] {
        sites.flatMap { site in
            site.segments.map { check in
                [
                    site.name, resourceName(ResourceClass(segment: check.segment), language),
                    language.name(ofSegment: check.segment), language.name(ofStatus: check.status),
                    language.text(check.findings),
                ]
            }
        }
    }

    private func siteHeadings(_ language: ReportLanguage) -> [String] {
        language == .en
            ? [
                "Site", "Building", "Address", "Contact", "Access", "Outcome", "Responsible department",
                "Planned ready date", "Repair", "Customer router",
            ]
            : ["站点", "楼宇", "装机地址", "联系人", "接入方式", "结论", "责任部门", "计划具备日期", "修复时限", "客户路由器"]
    }

    private func siteRows(language: ReportLanguage) -> [[String]] {
        sites.map { site in
            [
                site.name, site.building ?? "—", site.address ?? "—",
                PlanDigest.contactText(contact: site.contact, phone: site.phone, language: language) ?? "—",
                access(site, language: language), language.shortName(of: site.outcome),
                language.department(of: site.outcome), site.readyDate.map(language.dated) ?? "—",
                language.repair(hours: site.repairHours, area: site.area), language.summary(of: site.router),
            ]
        }
    }

    private func access(_ site: ReplySite, language: ReportLanguage) -> String {
        guard site.technology != nil else { return language.name(of: site.technology) }
        return language.name(of: site.technology) + (site.accessNode.map { " — \($0)" } ?? "")
    }

    private func resourceName(_ resource: ResourceClass, _ language: ReportLanguage) -> String {
        switch resource {
        case .access: language.pick("access", "接入资源")
        case .core: language.pick("core", "核心资源")
        }
    }

    /// The service obligations (客户服务标准 2.5 and 2.6).
    func obligations(language: ReportLanguage) -> [String] {
        [
            language.pick(
                "Fault repair: within 48 hours in towns and 72 hours in the countryside from the customer's report; "
                    + "past that the customer is told and the monthly rent for the outage is waived.",
                "障碍修复：自接到客户申告之日起，城镇48小时、农村72小时内修复或调通；不能按期修复的，及时通知客户，并免收障碍期间的月租费用。"),
            language.pick(
                "Planned work (cutover, upgrade, moves) that interrupts service for under 24 hours is announced 72 hours "
                    + "ahead; longer, or affecting a key customer, it is approved by the competent department first.",
                "因检修线路、设备搬迁、工程割接、网络及软件升级等影响客户24小时内使用的，提前72小时告知客户；超过24小时或影响重要客户使用的，事先报主管部门批准。"),
        ]
    }

    private func dateNotes(language: ReportLanguage) -> [String] {
        [
            language.pick(
                "Working days exclude weekends and statutory holidays and include make-up working days (调休); the day "
                    + "of receipt is not counted.",
                "工作日不含周末及法定节假日，含调休上班日；受理当日不计。"),
            language.pick(
                "Reply deadlines: resources exist, 2 working days; a core build or a solution template, 3; end access "
                    + "by optimisation, 2 for one point and 5 for two or more.",
                "回复期限：现网具备资源2个工作日；核心资源需建设或非成熟产品制定模板3个工作日；末端接入段维护优化单点2个工作日，两点及以上5个工作日。"),
            language.pick(
                "Planned ready date, per site: end-access optimisation, the site's reply deadline + "
                    + "\(Self.optimisationWorkingDays) working days; a core build, the site's reply deadline + "
                    + "\(Self.buildWorkingDays) working days, provisional until the engineering department gives its "
                    + "planned in-service date. A site whose resources exist is not held back by another's build.",
                "计划具备日期（按站点）：末端接入段维护优化为该站点回复期限后\(Self.optimisationWorkingDays)个工作日；核心资源工程建设为该站点回复期限后"
                    + "\(Self.buildWorkingDays)个工作日（暂定，以工程建设部答复的拟投产时间为准）。现网具备资源的站点不因其他站点的建设而推迟。"),
        ]
    }

    private func table(_ rows: [[String]], headings: [String]? = nil) -> [String] {
        let width = headings?.count ?? 2
        var lines = ["| " + (headings ?? ["", ""]).joined(separator: " | ") + " |"]
        lines[0] = headings == nil ? "| | |" : lines[0]
        lines.append("|" + String(repeating: "---|", count: width))
        for row in rows {
            lines.append("| " + row.map(Escape.markdownCell).joined(separator: " | ") + " |")
        }
        return lines
    }
}
