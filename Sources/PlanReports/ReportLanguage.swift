import NetGraph
import Orders
import Planning
import WorkCalendar

/// The language of the documents LinePlan hands over: English or Chinese labels.
///
/// Labels, outcomes, departments, technologies and statuses are translated; the planner's own
/// findings (a segment's reason, a technology's qualification) are English prose and stay so in
/// both languages. Ids, addresses and dates are the same in both.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// English labels (`--lang en`).
    case en
    /// Chinese labels (`--lang zh`).
    case zh

    /// The working-day calendar's caveat about a year without a holiday notice
    /// (``WorkCalendar/WorkingDayCalendar/noNoticeWarning(_:)``), in this language; `nil` for any other
    /// warning.
    ///
    /// - Parameter warning: A warning of the plan or of a document's dates.
    /// - Returns: The caveat, or `nil`.
    func calendarCaveat(_ warning: String) -> String? {
        let digits = warning.drop { !$0.isNumber }.prefix { $0.isNumber }
        guard digits.count == 4, let year = Int(digits), warning == WorkingDayCalendar.noNoticeWarning(year) else {
            return nil
        }
        guard self == .zh else { return warning }
        if (StatutoryHolidays.firstYear...StatutoryHolidays.lastYear).contains(year) {
            return "\(year)年放假安排通知尚未发布：按周一至周五扣除法定节假日（元旦、春节、清明、劳动节、端午、中秋、国庆）计算；"
                + "调休及补班日未知，通知发布后日期可能变动"
        }
        return "无\(year)年节假日数据：仅按周一至周五计算"
    }

    /// Returns the text for this language.
    ///
    /// - Parameters:
    ///   - english: The English text.
    ///   - chinese: The Chinese text.
    /// - Returns: `english` for ``en``, `chinese` for ``zh``.
    public func pick(_ english: String, _ chinese: String) -> String {
        switch self {
        case .en: english
        case .zh: chinese
        }
    }
}

// MARK: - Words of the domain

extension ReportLanguage {
    /// A product's name: "APN line", "GPRS-APN专线".
    func name(of product: Product) -> String {
        switch product {
        case .interconnect: pick("interconnect line", "互联专线")
        case .internet: pick("CMNET internet line", "CMNET专线")
        case .apn: pick("GPRS-APN line", "GPRS-APN专线")
        }
    }

    /// A request's name: new, modify, cease.
    func name(of request: RequestKind) -> String {
        switch request {
        case .new: pick("new", "新增")
        case .modify: pick("modify", "调整")
        case .cease: pick("cease", "停闭")
        }
    }

    /// An outcome's name, with what it means.
    func name(of outcome: ConfirmationOutcome) -> String {
        switch outcome {
        case .available: pick("available: resources exist now", "具备资源：现网具备接入资源")
        case .accessOptimisation:
            pick("access optimisation: the end access is provided by maintenance", "末端接入段维护优化后可提供")
        case .template: pick("solution template first (non-mature product)", "非成熟产品：先制定解决方案模板")
        case .coreBuild: pick("core build: engineering decides on a build", "核心资源不具备：工程建设部立项建设")
        }
    }

    /// An outcome's short name for tables.
    func shortName(of outcome: ConfirmationOutcome) -> String {
        switch outcome {
        case .available: pick("available", "具备")
        case .accessOptimisation: pick("access optimisation", "接入优化")
        case .template: pick("solution template", "方案模板")
        case .coreBuild: pick("core build", "工程建设")
        }
    }

    /// The department that answers for an outcome (Anhui workflow, articles 11–13).
    func department(of outcome: ConfirmationOutcome) -> String {
        // English is the planner's own name for the department; Chinese is the name alone.
        switch outcome {
        case .available: pick(outcome.department, "客户服务支撑中心")
        case .accessOptimisation: pick(outcome.department, "网络维护中心")
        case .template: pick(outcome.department, "集团客户部/客户服务支撑中心")
        case .coreBuild: pick(outcome.department, "工程建设部")
        }
    }

    /// A technology's name: PTN, SDH/MSTP, PON.
    func name(of technology: AccessTechnology?) -> String {
        guard let technology else { return pick("none", "无") }
        switch technology {
        case .ptn: return pick("PTN (fibre transceiver + PTN)", "PTN（光纤收发器+PTN）")
        case .sdhMSTP: return pick("SDH/MSTP (MSAP)", "SDH/MSTP（MSAP）")
        case .pon: return pick("PON (ONU + OLT)", "PON（ONU+OLT）")
        case .otn: return "OTN"
        case .apn: return pick("APN (mobile network)", "APN（无线接入）")
        case .wlan: return "WLAN"
        }
    }

    /// A qualification status: chosen, alternate, unqualified.
    func name(of status: QualificationStatus) -> String {
        switch status {
        case .qualified: pick("chosen", "选用")
        case .alternate: pick("alternate", "备选")
        case .unqualified: pick("unqualified", "不满足")
        }
    }

    /// A site role.
    func name(of role: SiteRole) -> String {
        switch role {
        case .single: pick("single site", "单点")
        case .hub: pick("hub", "中心点")
        case .branch: pick("branch", "分支点")
        case .terminals: pick("terminals", "终端")
        }
    }

    /// An area with its repair obligation.
    func name(of area: Area) -> String {
        switch area {
        case .town: pick("town", "城镇")
        case .countryside: pick("countryside", "农村")
        }
    }

    /// A protection: none or diverse.
    func name(of protection: Protection) -> String {
        switch protection {
        case .none: pick("none", "无")
        case .diverse: pick("diverse", "双路由")
        }
    }

    /// A segment of the confirmation (`end-access`, `access`, `aggregation`, `core`, …).
    func name(ofSegment segment: String) -> String {
        switch segment {
        case "end-access": pick("end access", "末端接入段")
        case "access": pick("access", "接入段")
        case "aggregation": pick("aggregation", "汇聚段")
        case "core": pick("core", "核心段")
        case "addresses": pick("addresses", "地址资源")
        case "diversity": pick("route diversity", "路由分离")
        case Planner.hubAccessSegment: pick("hub access", "中心节点接入")
        default: segment
        }
    }

    /// A segment's status: found or missing.
    func name(ofStatus status: String) -> String {
        switch status {
        case "ok": pick("found", "具备")
        case "short": pick("missing", "不具备")
        default: status
        }
    }

    /// A router verdict; `replace` names the one model operations buys.
    ///
    /// - Parameters:
    ///   - verdict: `ok`, `needs-address-pair`, `replace` or `unknown`.
    ///   - replacement: The model to buy, for `replace`.
    /// - Returns: The verdict in words.
    func name(ofVerdict verdict: String, replacement: String? = nil) -> String {
        switch verdict {
        case "ok": pick("fit: supports what the line needs", "满足要求")
        case "needs-address-pair":
            pick("no IP unnumbered: one more address pair per tunnel", "不支持IP unnumbered：需另申请一对隧道互联地址")
        case "replace":
            if let replacement {
                pick("replace: operations buys a \(replacement)", "需更换：运维部购置\(chineseModelName(replacement))")
            } else {
                pick(
                    "replace: no catalog model takes this line; ask the support centre for a router",
                    "需更换：路由器目录中无型号满足要求，请支撑中心协助选型")
            }
        case "unknown": pick("unknown: check the router before the joint test", "未知：联调前核实路由器")
        default: verdict
        }
    }

    /// A router verdict in one line: `Huawei AR28-11: replace: operations buys a Huawei AR1220`.
    func summary(of router: RouterAnswer) -> String {
        (router.model ?? pick("no model given", "未提供型号")) + ": "
            + name(ofVerdict: router.verdict, replacement: router.replacement)
            + (router.module.map { pick("; fit a \($0) module", "；需加装\($0)模块") } ?? "")
    }

    /// A model name with its vendor in Chinese: `Huawei AR1220` → `华为AR1220`, `Cisco 1841` → `思科1841`.
    func chineseModelName(_ name: String) -> String {
        for (english, chinese) in [("Cisco ", "思科"), ("Huawei ", "华为"), ("H3C ", "新华三")] where name.hasPrefix(english) {
            return chinese + name.dropFirst(english.count)
        }
        return name
    }

    /// A weekday's short name.
    func name(of weekday: Weekday) -> String {
        let english = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let chinese = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        let index = max(0, min(6, weekday.rawValue - 1))
        return pick(english[index], chinese[index])
    }

    /// A date with its weekday: "2026-10-09 Fri", "2026-10-09 周五".
    func dated(_ date: CalendarDate) -> String {
        "\(date) \(name(of: date.weekday))"
    }

    /// "2 working days", "2个工作日".
    func workingDays(_ count: Int) -> String {
        pick(count == 1 ? "1 working day" : "\(count) working days", "\(count)个工作日")
    }

    /// The repair obligation in hours: "48 h (town)".
    func repair(hours: Int, area: Area) -> String {
        pick("\(hours) h (\(name(of: area)))", "\(hours)小时（\(name(of: area))）")
    }
}
