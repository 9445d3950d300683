import Devices
import NetGraph
import Orders
public import Planning
import WorkCalendar

/// The language of the documents LinePlan hands over: English or Chinese labels.
///
/// Labels, outcomes, departments, technologies, statuses and the planner's findings are written in
/// the language (findings from their codes and parameters: ``Planning/Finding/english`` and
/// ``Planning/Finding/chinese``). Ids, addresses, model names, commands and dates are the same in both.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// English labels (`--lang en`).
    case en
    /// Chinese labels (`--lang zh`).
    case zh

    /// A finding in this language.
    public func text(_ finding: Finding) -> String {
        pick(finding.english, finding.chinese)
    }

    /// Findings in this language, joined into one reason (`; ` or `；`).
    public func text(_ findings: [Finding]) -> String {
        pick(Finding.english(findings), Finding.chinese(findings))
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
    func name(ofSegment segment: SegmentCheck.Name) -> String {
        switch segment {
        case .endAccess: pick("end access", "末端接入段")
        case .access: pick("access", "接入段")
        case .aggregation: pick("aggregation", "汇聚段")
        case .core: pick("core", "核心段")
        case .addresses: pick("addresses", "地址资源")
        case .diversity: pick("route diversity", "路由分离")
        case .hubAccess: pick("hub access", "中心节点接入")
        }
    }

    /// A segment's status: found or missing.
    func name(ofStatus status: SegmentCheck.Status) -> String {
        switch status {
        case .ok: pick("found", "具备")
        case .short: pick("missing", "不具备")
        }
    }

    /// A router verdict; `replace` names the one model operations buys.
    ///
    /// - Parameters:
    ///   - verdict: `ok`, `needs-address-pair`, `replace` or `unknown`.
    ///   - replacement: The model to buy, for `replace`.
    /// - Returns: The verdict in words.
    func name(ofVerdict verdict: CapabilityVerdict.Kind, replacement: String? = nil) -> String {
        switch verdict {
        case .ok: pick("fit: supports what the line needs", "满足要求")
        case .needsAddressPair:
            pick("no IP unnumbered: one more address pair per tunnel", "不支持IP unnumbered：需另申请一对隧道互联地址")
        case .replace:
            if let replacement {
                pick(
                    "replace: operations buys a \(replacement)", "需更换：运维部购置\(ReportWords.chineseModelName(replacement))"
                )
            } else {
                pick(
                    "replace: no catalog model takes this line; ask the support centre for a router",
                    "需更换：路由器目录中无型号满足要求，请支撑中心协助选型")
            }
        case .unknown: pick("unknown: check the router before the joint test", "未知：联调前核实路由器")
        }
    }

    /// A router verdict in one line: `Huawei AR28-11: replace: operations buys a Huawei AR1220`.
    func summary(of router: RouterAnswer) -> String {
        (router.model ?? pick("no model given", "未提供型号")) + pick(": ", "：")
            + name(ofVerdict: router.verdict, replacement: router.replacement)
            + (router.module.map { pick("; fit a \($0) module", "；需加装\($0)模块") } ?? "")
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
