public import Devices
import NetAddress
import Orders
public import RouterConfigs

/// The customer-router configurations of a plan, and the office data sheet (局数据) of its APN line.
public struct PlanConfigurations: Sendable {
    /// One configuration file per site: `configs/<site>.<platform>.cfg`.
    public var configs: [(site: String, path: String, text: String)]
    /// The office data sheet of an APN line (`office-data.md`), if any.
    public var officeData: String?
    /// Sites that got no configuration, and why.
    public var skipped: [String]

    /// Renders a configuration for every site that can be built today, for the model its router
    /// verdict names (the customer's, or the recommended replacement), and reads each back and
    /// checks it against the plan; for an APN line also the office data sheet, whose GRE ends must
    /// agree with the customer's configuration.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - catalog: The router catalog.
    ///   - renderer: The template renderer (`Templates/<platform>/`).
    /// - Returns: The files, and the sites skipped with why (no LAN, an unknown router).
    /// - Throws: ``RouterConfigError`` when a value from the order cannot go into a configuration
    ///   (a control character, a name too long for the platform) or a rendered configuration does
    ///   not read back as planned; nothing should be written then.
    /// - Complexity: O(sites × configuration size).
    public static func render(plan: Plan, catalog: RouterCatalog, renderer: RouterConfigRenderer)
        throws(RouterConfigError) -> PlanConfigurations
    {
        var result = PlanConfigurations(configs: [], officeData: nil, skipped: [])
        let order = plan.order
        let hubLAN = plan.sites.first { $0.role == .hub }?.addresses.lan
        let branchLANs = plan.sites.filter { $0.role == .branch }.compactMap(\.addresses.lan)
        var officeSheets: [String] = []
        for site in plan.sites where site.role != .terminals {
            guard let interconnect = site.addresses.interconnect else { continue }
            guard let modelName = site.router.configuredModel, let model = catalog.model(named: modelName),
                let dialect = model.dialect, let wanPort = model.wanPort
            else {
                result.skipped.append("\(site.name): no configuration — \(Self.noConfigurationReason(site, catalog))")
                // Issue 9 item 10: the carrier's side of an APN line does not depend on the customer's
                // router, so its office data sheet is written even when no customer configuration is.
                if order.product == .apn, let sheet = try Self.officeDataWithoutConfiguration(site, plan, renderer) {
                    officeSheets.append(sheet)
                }
                continue
            }
            guard let lanBlock = site.addresses.lan else {
                result.skipped.append("\(site.name): no configuration — the order gives no LAN")
                continue
            }
            // The plan's ASCII names (Planner.nameConfigurations); a plan.json without them falls back.
            let hostname = site.hostname ?? ConfigText.makeHostname(site.lineID, platform: dialect) ?? "CPE"
            let lineText = ConfigNames.descriptionText(lineID: site.lineID, hostname: hostname, platform: dialect)
            let wan = ConfigIntent.Interface(
                name: wanPort.name, address: interconnect.lastHost, block: interconnect)
            let lan = ConfigIntent.Interface(name: model.lanPort ?? "", address: lanBlock.firstHost, block: lanBlock)
            let intent: ConfigIntent
            switch order.product {
            case .apn:
                guard let pool = site.addresses.apnPool else {
                    result.skipped.append("\(site.name): no configuration — no APN pool")
                    continue
                }
                let tunnels = site.tunnels.map {
                    ConfigIntent.Tunnel(ggsn: $0.ggsn, destination: $0.ggsnAddress, inner: $0.inner)
                }
                intent = .apn(
                    dialect: dialect, hostname: hostname, lineID: lineText, customer: order.customer,
                    site: site.name,
                    wan: wan, wanPeer: interconnect.firstHost, lan: lan, tunnels: tunnels, pool: pool)
            case .internet:
                intent = .internet(
                    dialect: dialect, hostname: hostname, lineID: lineText, customer: order.customer,
                    site: site.name,
                    wan: wan, wanPeer: interconnect.firstHost, lan: lan)
            case .interconnect:
                let remote = site.role == .hub ? branchLANs : (hubLAN.map { [$0] } ?? [])
                intent = .interconnect(
                    dialect: dialect, hostname: hostname, lineID: lineText, customer: order.customer,
                    site: site.name,
                    wan: wan, wanPeer: interconnect.firstHost, lan: lan, remoteLANs: remote)
            }
            let rendered = try renderer.render(intent)
            result.configs.append((site.name, site.configFile ?? "configs/\(rendered.fileName)", rendered.text))
            if order.product == .apn {
                var office = OfficeDataIntent(apn: apnName(order.id), customerRouter: intent)
                office.lineID = site.lineID  // the sheet is a document: it keeps the Chinese line id
                officeSheets.append(try renderer.renderOfficeData(office, customerConfig: rendered).text)
            }
        }
        if !officeSheets.isEmpty { result.officeData = officeSheets.joined(separator: "\n") }
        return result
    }

    /// The APN name of an order: its id in lower case, letters, digits and hyphens (`wh-2026-0930-abc`).
    static func apnName(_ orderID: String) -> String {
        let allowed = orderID.lowercased().unicodeScalars.map { scalar -> Character in
            (scalar.isASCII && (("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar))))
                ? Character(scalar) : "-"
        }
        let name = String(allowed).split(separator: "-").joined(separator: "-")
        return name.isEmpty ? "apn" : name
    }
}
