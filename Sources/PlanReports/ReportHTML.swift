import Devices
public import NetGraph
import Orders
public import Planning

/// `report.html`: the plan as one self-contained page to read on screen, print, or send.
///
/// Everything is inline: the CSS and two SVG drawings; no script, no web font, no image or style
/// sheet from elsewhere, so the file opens without a network. The markup is XHTML-compatible
/// (every element closed, attributes quoted, only XML's own entities), so an XML parser reads it.
/// Every text from the order or the network is escaped.
public enum ReportHTML {
    /// Writes the report: the order, the reply and its due date, a map of the network area with
    /// the working and protection paths, a detail drawing of the paths, each site's choice with
    /// its reasons, alternatives, segments, addresses, tunnels and router, the checklist's
    /// schedule when given, and the service obligations.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - network: The network it was planned on.
    ///   - language: The labels' language.
    ///   - checklist: The order's checklist, for the schedule; `nil` leaves it out.
    ///   - replyForm: The reply form, for the planned ready date; `nil` leaves it out.
    /// - Returns: The text of `report.html`.
    /// - Complexity: O(size of the plan + nodes and links drawn).
    public static func make(
        plan: Plan, network: Network, language: ReportLanguage, checklist: Checklist? = nil,
        replyForm: ReplyForm? = nil
    ) -> String {
        let digest = PlanDigest(plan: plan, language: language)
        let order = plan.order
        var html = HTMLBuilder()
        html.raw("<!DOCTYPE html>")
        let lang = language == .en ? "en" : "zh-CN"
        html.raw("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(lang)\" xml:lang=\"\(lang)\">")
        html.raw("<head>")
        html.raw("<meta charset=\"utf-8\"/>")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        html.element("title", language.pick("Line plan ", "专线规划 ") + order.id + " — " + order.customer)
        html.raw("<style>\n" + stylesheet + "</style>")
        html.raw("</head>")
        html.raw("<body>")
        html.raw("<header>")
        html.element("p", language.pick("LinePlan · dedicated line plan", "LinePlan · 集团客户专线规划"), class: "kicker")
        html.element("h1", order.customer)
        html.element(
            "p",
            order.id + " · " + language.name(of: order.product) + " · " + language.name(of: order.request) + " · "
                + language.pick("received ", "受理 ") + language.dated(order.received), class: "subtitle")
        html.raw("</header>")

        html.raw("<section class=\"summary\">")
        html.raw("<div class=\"reply outcome-\(plan.reply.outcome.rawValue)\">")
        html.element("h2", language.pick("Reply", "资源确认回复"))
        html.element("p", language.dated(plan.reply.due), class: "due")
        html.element(
            "p", language.pick("due: ", "回复期限：") + language.workingDays(plan.reply.workingDays), class: "due-note")
        // The due date stands large above; the table gives the rest.
        var replyRows = digest.replyFacts.filter { $0.0 != language.pick("Reply due", "回复期限") }
        if let ready = replyForm?.readyDate {
            replyRows.append((language.pick("Planned ready date", "计划具备日期"), language.dated(ready)))
        }
        if let completion = checklist?.completion {
            replyRows.append((language.pick("Planned completion", "计划竣工"), language.dated(completion)))
        }
        html.facts(replyRows)
        html.raw("</div>")
        html.raw("<div class=\"order\">")
        html.element("h2", language.pick("Order", "订单"))
        html.facts(digest.orderFacts)
        html.raw("</div>")
        html.raw("</section>")

        if !plan.sites.isEmpty {
            html.raw("<section class=\"figure\">")
            html.element("h2", language.pick("Network area", "网络区域"))
            let overview = NetworkMap(
                network: network, area: .map(plan: plan, network: network), kind: .overview, language: language,
                title: language.pick("Network area ", "网络区域 ") + plan.network)
            html.figure(overview.svg(), caption: legend(language: language, network: network, overview: true))
            html.raw("</section>")
            html.raw("<section class=\"figure\">")
            html.element("h2", language.pick("Paths in detail", "路由详图"))
            let detail = NetworkMap(
                network: network, area: .neighbourhood(plan: plan, network: network), kind: .detail,
                language: language, title: language.pick("Paths of order ", "订单路由 ") + order.id)
            html.figure(detail.svg(), caption: legend(language: language, network: network, overview: false))
            html.raw("</section>")
        }

        for site in plan.sites {
            html.raw("<section class=\"site\">")
            html.element("h2", digest.heading(site))
            html.raw("<div class=\"choice outcome-\(site.outcome.rawValue)\">")
            html.facts(digest.facts(site))
            html.raw("</div>")
            html.element("h3", language.pick("Technologies considered", "接入技术比选"))
            html.table(digest.alternatives(site), rowClasses: site.alternatives.map { "status-\($0.status.rawValue)" })
            html.element("h3", language.pick("Paths", "路由"))
            html.facts(digest.paths(site), class: "paths")
            html.element("h3", language.pick("Segments", "分段确认"))
            html.table(
                digest.segments(site), rowClasses: site.segments.map { "segment-\($0.status)" }, noWrapColumns: [0, 1])
            let addresses = digest.addresses(site)
            if !addresses.isEmpty {
                html.element("h3", language.pick("Addresses", "地址"))
                html.facts(addresses)
            }
            let tunnels = digest.tunnels(site)
            if !tunnels.rows.isEmpty {
                html.element("h3", language.pick("GRE tunnels", "GRE隧道"))
                html.table(tunnels)
            }
            html.element("h3", language.pick("Customer router", "客户路由器"))
            html.element("p", digest.router(site).1, class: "router verdict-\(site.router.verdict.rawValue)")
            html.raw("</section>")
        }

        if let checklist, !checklist.steps.isEmpty {
            html.raw("<section class=\"schedule\">")
            html.element("h2", language.pick("Schedule", "工作计划") + " — " + checklist.title.text(in: language))
            let headings =
                language == .en
                ? ["#", "Step", "Department", "Start", "Due"] : ["序号", "步骤", "责任部门", "开始", "完成期限"]
            html.table(
                DigestTable(
                    headings: headings,
                    rows: checklist.steps.map {
                        [
                            "\($0.number)", $0.title.text(in: language), $0.department.text(in: language),
                            language.dated($0.start), language.dated($0.due),
                        ]
                    }), noWrapColumns: [3, 4])
            html.element(
                "p",
                language.pick(
                    "Working days: weekends and statutory holidays off, make-up days worked; the day of receipt is not "
                        + "counted. Details and what each step needs: checklist.md.",
                    "按工作日计算：周末及法定节假日除外，调休上班日计入；受理当日不计。各步骤所需资料见 checklist.md。"),
                class: "note")
            html.raw("</section>")
        }

        if !plan.ceasedLines.isEmpty {
            html.raw("<section>")
            html.element("h2", language.pick("Lines released", "停闭线路"))
            html.list(plan.ceasedLines)
            html.raw("</section>")
        }
        html.raw("<section class=\"obligations\">")
        html.element("h2", language.pick("Service obligations", "服务承诺"))
        html.list(
            [
                language.pick(
                    "Fault repair within 48 hours in towns and 72 hours in the countryside from the report; past that "
                        + "the customer is told and the outage's monthly rent is waived.",
                    "障碍修复：自接到申告起，城镇48小时、农村72小时内修复或调通；不能按期修复的，及时通知客户并免收障碍期间月租。"),
                language.pick(
                    "Planned work that interrupts service for under 24 hours is announced 72 hours ahead; longer, or "
                        + "for a key customer, it is approved first.",
                    "计划性工作影响客户24小时内使用的，提前72小时告知；超过24小时或影响重要客户的，事先报主管部门批准。"),
            ])
        html.raw("</section>")
        var warnings: [String] = []
        for warning in plan.warnings + (replyForm?.warnings ?? []) + (checklist?.warnings ?? [])
        where !warnings.contains(language.text(warning)) {
            warnings.append(language.text(warning))
        }
        if !warnings.isEmpty {
            html.raw("<section class=\"warnings\">")
            html.element("h2", language.pick("Warnings", "提示"))
            html.list(warnings)
            html.raw("</section>")
        }
        html.raw("<footer>")
        html.element(
            "p",
            language.pick("Written by LinePlan from the plan of order ", "由 LinePlan 根据订单规划生成：") + order.id
                + language.pick(" on network ", "，网络 ") + plan.network + ".")
        html.raw("</footer>")
        html.raw("</body>")
        html.raw("</html>")
        return html.text
    }

    private static func legend(language: ReportLanguage, network: Network, overview: Bool) -> String {
        let scope =
            overview
            ? (network.nodes.count <= NetworkArea.wholeNetworkLimit
                ? language.pick("The whole network, north up. ", "全网，上北下南。")
                : language.pick("The network around the paths, north up. ", "路由周边网络，上北下南。"))
            : language.pick("The paths' nodes and their neighbours, north up. ", "路由节点及其相邻节点，上北下南。")
        return scope
            + language.pick(
                "Green: working path; blue dashed: protection path; red: a refused link (its segment is short); "
                    + "squares: the order's buildings; purple: service platforms (GGSN, CMNET, GPRS-VPN switch); brown: SDH/MSAP; blue: "
                    + "PON; grey: OTN and other transport.",
                "绿色：主用路由；蓝色虚线：备用路由；红色：资源不足的链路；方块：客户楼宇；紫色：业务平台（GGSN、CMNET、GPRS-VPN交换机）；"
                    + "棕色：SDH/MSAP；蓝色：PON；灰色：OTN及其他传输设备。")
    }

    /// The style sheet: screen and A4 print, no dark backgrounds, system CJK fonts only.
    static let stylesheet = """
        :root { color-scheme: light; }
        body { margin: 0 auto; max-width: 1100px; padding: 24px 32px; background: #ffffff; color: #1f2328;
          font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
            "Helvetica Neue", Arial, sans-serif;
          font-size: 14px; line-height: 1.45; }
        header { border-bottom: 2px solid #1f2328; margin-bottom: 16px; }
        .kicker { margin: 0; color: #57606a; font-size: 12px; letter-spacing: 0.04em; text-transform: uppercase; }
        h1 { margin: 4px 0 2px; font-size: 26px; }
        .subtitle { margin: 0 0 10px; color: #424a53; }
        h2 { font-size: 18px; margin: 22px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 3px; }
        h3 { font-size: 14px; margin: 14px 0 4px; color: #424a53; }
        table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
        th, td { border: 1px solid #d0d7de; padding: 4px 7px; text-align: left; vertical-align: top;
          overflow-wrap: break-word; }
        th { background: #f3f5f7; font-weight: 600; }
        thead th { white-space: nowrap; }
        table.facts th { width: 11em; }
        .summary { display: flex; gap: 20px; align-items: flex-start; }
        .summary > div { flex: 1 1 0; }
        .summary h2 { margin-top: 0; }
        .reply { border: 2px solid #1a7f37; border-radius: 6px; padding: 10px 14px; }
        .reply.outcome-access-optimisation, .reply.outcome-template { border-color: #9a6700; }
        .reply.outcome-core-build { border-color: #cf222e; }
        .due { font-size: 26px; font-weight: 700; margin: 0; }
        .due-note { margin: 0 0 6px; color: #57606a; }
        .choice { border-left: 4px solid #1a7f37; padding-left: 8px; }
        .choice.outcome-access-optimisation, .choice.outcome-template { border-left-color: #9a6700; }
        .choice.outcome-core-build { border-left-color: #cf222e; }
        tr.segment-ok td:nth-child(2) { color: #1a7f37; font-weight: 600; }
        tr.segment-short td { color: #a40e26; }
        tr.segment-short td:nth-child(2) { font-weight: 700; }
        tr.status-qualified td { font-weight: 600; }
        tr.status-unqualified td { color: #57606a; }
        .verdict-replace, .verdict-needs-address-pair { color: #9a6700; font-weight: 600; }
        figure { margin: 0; }
        svg.map { display: block; width: 100%; height: auto; max-height: 760px;
          font-family: "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif; }
        figcaption { font-size: 12px; color: #424a53; margin-top: 4px; }
        .note { font-size: 12px; color: #57606a; }
        td.nowrap { white-space: nowrap; }
        footer { margin-top: 28px; border-top: 1px solid #d0d7de; font-size: 12px; color: #57606a; }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { max-width: none; padding: 0 2px; font-size: 9.5pt; }
          h1 { font-size: 18pt; }
          h2 { font-size: 12.5pt; break-after: avoid; page-break-after: avoid; }
          h3 { break-after: avoid; page-break-after: avoid; }
          tr, figure, .reply { break-inside: avoid; page-break-inside: avoid; }
          section.figure { break-inside: avoid; page-break-inside: avoid; }
          svg.map.overview { max-height: 105mm; }
          svg.map.detail { max-height: 150mm; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}

/// Builds XHTML-compatible markup with every text escaped.
struct HTMLBuilder {
    private(set) var text = ""

    /// Appends markup as is, on its own line.
    mutating func raw(_ markup: String) {
        text += markup + "\n"
    }

    /// Appends an element with escaped text.
    mutating func element(_ name: String, _ content: String, class className: String? = nil) {
        let attribute = className.map { " class=\"\(Escape.xml($0))\"" } ?? ""
        text += "<\(name)\(attribute)>\(Escape.xml(content))</\(name)>\n"
    }

    /// Appends label–value rows as a two-column table.
    mutating func facts(_ rows: [(String, String)], class className: String = "facts") {
        text += "<table class=\"facts \(Escape.xml(className))\">\n<tbody>\n"
        for (label, value) in rows {
            text += "<tr><th scope=\"row\">\(Escape.xml(label))</th><td>\(Escape.xml(value))</td></tr>\n"
        }
        text += "</tbody>\n</table>\n"
    }

    /// Appends a table with headings; each row may carry a class.
    mutating func table(_ table: DigestTable, rowClasses: [String] = [], noWrapColumns: Set<Int> = []) {
        text += "<table>\n<thead><tr>"
        for heading in table.headings { text += "<th>\(Escape.xml(heading))</th>" }
        text += "</tr></thead>\n<tbody>\n"
        for (index, row) in table.rows.enumerated() {
            let rowClass = index < rowClasses.count ? " class=\"\(Escape.xml(rowClasses[index]))\"" : ""
            text += "<tr\(rowClass)>"
            for (column, cell) in row.enumerated() {
                text += (noWrapColumns.contains(column) ? "<td class=\"nowrap\">" : "<td>") + Escape.xml(cell) + "</td>"
            }
            text += "</tr>\n"
        }
        text += "</tbody>\n</table>\n"
    }

    /// Appends a bulleted list.
    mutating func list(_ items: [String]) {
        text += "<ul>\n" + items.map { "<li>\(Escape.xml($0))</li>\n" }.joined() + "</ul>\n"
    }

    /// Appends a figure: an inline SVG and its caption.
    mutating func figure(_ svg: String, caption: String) {
        text += "<figure>\n" + svg + "\n<figcaption>\(Escape.xml(caption))</figcaption>\n</figure>\n"
    }
}
