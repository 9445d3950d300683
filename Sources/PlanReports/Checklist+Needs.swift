import LocatedJSON
import NetAddress
import NetGraph
import Orders
import Planning
import WorkCalendar

extension Checklist {
    /// How many sites a need lists before it points at `plan.json` for the rest.
    static let listedSites = 12

    /// The plan's values for one need of a step, one entry per site (at most ``listedSites``).
    ///
    /// - Complexity: O(*n*) in the sites of the plan.
    func values(of item: PlanItem, for step: ChecklistStep, language: ReportLanguage) -> [String] {
        let order = plan.order
        switch item {
        case .order:
            return [
                "\(order.id), \(order.customer), \(language.name(of: order.product)), "
                    + language.pick("received ", "受理 ") + order.received.description
            ]
        case .reply:
            return [
                language.shortName(of: plan.reply.outcome) + ", " + language.pick("due ", "回复期限 ")
                    + plan.reply.due.description
            ]
        case .replyForm: return [attachments.replyForm]
        case .officeData: return [attachments.officeData]
        case .service:
            return [
                language.pick(
                    "repair within 48 h in towns, 72 h in the countryside; planned work announced 72 h ahead, "
                        + "approval first for more than 24 h or a key customer",
                    "障碍修复：城镇48小时、农村72小时内；计划性中断提前72小时告知，超过24小时或影响重要客户须事先报批")
            ]
        case .lines:
            return limited(plan.ceasedLines, language: language)
        default:
            break
        }
        let named = Set(step.sites)
        let sites = isForEverySite(step) ? plan.sites : plan.sites.filter { named.contains($0.name) }
        var values: [String] = []
        for site in sites {
            guard let value = value(of: item, site: site, language: language) else { continue }
            values.append(site.name + language.pick(": ", "：") + value)
        }
        return limited(values, language: language)
    }

    private func limited(_ values: [String], language: ReportLanguage) -> [String] {
        guard values.count > Self.listedSites else { return values }
        let rest = values.count - Self.listedSites
        return Array(values.prefix(Self.listedSites)) + [
            language.pick("… and \(rest) more (see plan.json)", "……另有\(rest)项（见 plan.json）")
        ]
    }

    private func value(of item: PlanItem, site: SitePlan, language: ReportLanguage) -> String? {
        let none = "—"
        switch item {
        case .site:
            let details = PlanDigest.siteDetails(site, language: language).map(\.1)
            return details.isEmpty ? none : details.joined(separator: language.pick("; ", "；"))
        case .hubAccess:
            return Self.hubAccessShortfall(site).map(language.text)
        case .segments:
            return site.segments.map { "\(language.name(ofSegment: $0.segment)) \(language.name(ofStatus: $0.status))" }
                .joined(separator: ", ")
        case .path:
            guard let working = site.working else { return language.pick("no path today", "暂无可用路由") }
            var text = language.pick("working ", "主用 ") + Self.describe(working)
            if let protection = site.protectionPath {
                text += language.pick("; protection ", "；备用 ") + Self.describe(protection)
            }
            return text
        case .interconnect:
            guard let block = site.addresses.interconnect else { return site.role == .hub ? nil : none }
            switch (plan.order.product, site.role) {
            case (.interconnect, _):
                return "\(block) (" + language.pick("hub ", "总部 ") + "\(block.firstHost), "
                    + language.pick("branch ", "分支 ") + "\(block.lastHost))"
            case (.internet, _):
                return "\(block) (CMNET \(block.firstHost), " + language.pick("customer ", "客户 ")
                    + "\(block.lastHost))"
            default:
                return "\(block) (" + language.pick("carrier ", "局端 ") + "\(block.firstHost), "
                    + language.pick("customer ", "客户 ") + "\(block.lastHost))"
            }
        case .lan: return site.addresses.lan?.description ?? none
        case .publicLAN:
            guard let block = site.addresses.publicLAN else { return nil }
            return "\(block) " + language.pick("via ", "下一跳 ")
                + (site.addresses.interconnect?.lastHost.description ?? none)
        case .vlan:
            return site.hubVLAN.map { "VLAN \($0)" }
        case .apnPool:
            guard site.role == .single, plan.order.product == .apn else { return nil }
            return site.addresses.apnPool?.description ?? none
        case .tunnels:
            guard !site.tunnels.isEmpty else { return nil }
            return site.tunnels.map { tunnel in
                "GRE \(tunnel.ggsn) \(tunnel.ggsnAddress)"
                    + (tunnel.inner.map { " (\($0))" } ?? language.pick(" (IP unnumbered)", "（IP unnumbered）"))
                    + (tunnel.pool.map { language.pick(", terminals \($0)", "，终端地址 \($0)") } ?? "")
            }.joined(separator: ", ")
        case .terminals:
            guard let terminals = plan.order.sites.first(where: { $0.name == site.name })?.terminals else {
                return nil
            }
            return language.pick("\(terminals) terminals (SIM cards)", "\(terminals)个终端（制卡）")
        case .router:
            return language.summary(of: site.router)
        case .config:
            return attachments.configs[site.name] ?? "configs/"
        case .order, .reply, .replyForm, .officeData, .service, .lines:
            return nil
        }
    }

    /// "B-BANK – MSAP – SDH-1 (5.750 km)".
    static func describe(_ path: PathSummary) -> String {
        path.nodes.joined(separator: " – ") + " (\(JSONOutput.formatDecimal(path.metres, scale: 3)) km)"
    }
}
