import Devices
import NetAddress
import Orders
import RouterConfigs

extension PlanConfigurations {
    /// Why a served site gets no customer configuration, for the plan's notes.
    ///
    /// - Parameters:
    ///   - site: The site.
    ///   - catalog: The router catalog.
    /// - Returns: A model without templates, a router to replace without a candidate, or an unknown router.
    static func noConfigurationReason(_ site: SitePlan, _ catalog: RouterCatalog) -> Skipped.Reason {
        if site.router.verdict == .replace {
            return .noReplacement
        }
        if let name = site.router.model, let model = catalog.model(named: name), model.dialect == nil {
            return .noTemplates(model: model.name, software: model.software)
        }
        return .unknownRouter
    }

    /// The office data sheet of an APN site whose customer configuration LinePlan does not write (an
    /// unknown router, a model without templates, no replacement that takes the line).
    ///
    /// The carrier's side (APN, pool, GRE ends, routes) comes from the plan alone. The sheet is made as
    /// for any site, from an intent for a stand-in Cisco IOS router (`FastEthernet0/0` WAN,
    /// `FastEthernet0/1` LAN), which is rendered only to check that the sheet's GRE ends agree with the
    /// plan, and never written; a note tells the network management centre that the customer router is
    /// configured by hand.
    ///
    /// - Returns: The sheet's text, or `nil` when the site has no LAN or no pool yet.
    /// - Throws: ``RouterConfigError`` as for any sheet.
    static func officeDataWithoutConfiguration(
        _ site: SitePlan, _ plan: Plan, _ renderer: RouterConfigRenderer, chinese: Bool
    ) throws(RouterConfigError) -> String? {
        guard let interconnect = site.addresses.interconnect, let lanBlock = site.addresses.lan,
            let pool = site.addresses.apnPool
        else { return nil }
        let hostname = site.hostname ?? ConfigText.makeHostname(site.lineID, platform: .ios) ?? "CPE"
        let standIn = ConfigIntent.apn(
            dialect: .ios, hostname: hostname,
            lineID: ConfigNames.descriptionText(lineID: site.lineID, hostname: hostname, platform: .ios),
            customer: plan.order.customer, site: site.name,
            wan: ConfigIntent.Interface(name: "FastEthernet0/0", address: interconnect.lastHost, block: interconnect),
            wanPeer: interconnect.firstHost,
            lan: ConfigIntent.Interface(name: "FastEthernet0/1", address: lanBlock.firstHost, block: lanBlock),
            tunnels: tunnels(site), pool: pool, poolShares: poolShares(site))
        let rendered = try renderer.render(standIn)
        var office = OfficeDataIntent(apn: Self.apnName(plan.order.id), customerRouter: standIn)
        office.lineID = site.lineID
        let model = site.router.model ?? "not named"
        office.chinese = chinese
        office.notes.append(
            OfficeDataIntent.Note(
                english: "LinePlan writes no configuration for the customer router (\(model)): it is configured by hand"
                    + " from the plan. Its GRE ends must match this sheet; clamp the TCP MSS on the GGSN end of each"
                    + " tunnel if the customer router cannot.",
                chinese: "LinePlan不生成客户路由器（\(site.router.model ?? "未提供型号")）的配置：请按规划手工配置。其GRE两端须与本表一致；"
                    + "客户路由器不能调整TCP MSS的，在每条隧道的GGSN端调整。"))
        return try renderer.renderOfficeData(office, customerConfig: rendered).text
    }
}
