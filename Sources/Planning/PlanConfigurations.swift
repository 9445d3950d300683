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
    public var skipped: [Skipped]

    /// Renders a configuration for every site that can be built today, for the model its router
    /// verdict names (the customer's, or the recommended replacement), and reads each back and
    /// checks it against the plan; for an APN line also the office data sheet, whose GRE ends must
    /// agree with the customer's configuration.
    ///
    /// What each router is given, as the line is built:
    /// - the WAN on the handover the order names: an Ethernet port of its speed, the E1 channel of the
    ///   model's E1 module (`Serial0/0/0:0`, all 31 timeslots, PPP) or its V.35 serial port (PPP);
    /// - an interconnect branch: the /30 shared with the hub router (the branch is its second host),
    ///   the hub's LAN and the other branches' LANs routed through the hub;
    /// - the interconnect hub: one 802.1Q sub-interface per branch on its WAN port (VLAN as planned,
    ///   the hub the first host of the branch's /30), each branch's LAN routed to that branch; a hub on
    ///   E1 or V.35 takes a single branch on its serial;
    /// - an internet line: its public WAN, and a public LAN block as the LAN's secondary, routed, not
    ///   translated;
    /// - an APN line: each GGSN's share of the terminal pool routed into its tunnel, with a floating
    ///   route over the other.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - catalog: The router catalog.
    ///   - renderer: The template renderer (`Templates/<platform>/`).
    ///   - chinese: Whether the office data sheet is written in Chinese (`office-data.zh.tmpl`).
    /// - Returns: The files, and the sites skipped with why (no LAN, an unknown router).
    /// - Throws: ``RouterConfigError`` when a value from the order cannot go into a configuration
    ///   (a control character, a name too long for the platform) or a rendered configuration does
    ///   not read back as planned; nothing should be written then.
    /// - Complexity: O(sites × configuration size), O(branches²) for the routes of an interconnect order.
    public static func render(
        plan: Plan, catalog: RouterCatalog, renderer: RouterConfigRenderer, chinese: Bool = false
    ) throws(RouterConfigError) -> PlanConfigurations {
        var result = PlanConfigurations(configs: [], officeData: nil, skipped: [])
        let order = plan.order
        var officeSheets: [String] = []
        for site in plan.sites where site.role != .terminals {
            guard let modelName = site.router.configuredModel, let model = catalog.model(named: modelName),
                let dialect = model.dialect
            else {
                result.skipped.append(Skipped(site: site.name, reason: Self.noConfigurationReason(site, catalog)))
                // Issue 9 item 10: the carrier's side of an APN line does not depend on the customer's
                // router, so its office data sheet is written even when no customer configuration is.
                if order.product == .apn,
                    let sheet = try Self.officeDataWithoutConfiguration(site, plan, renderer, chinese: chinese)
                {
                    officeSheets.append(sheet)
                }
                continue
            }
            guard let lanBlock = site.addresses.lan else {
                // A site the network cannot take today holds no addresses: say that, not that the order lacks a LAN.
                let reason: Skipped.Reason = site.isServed ? .noLAN : .cannotBeServed(site.outcome)
                result.skipped.append(Skipped(site: site.name, reason: reason))
                continue
            }
            guard let handover = Handover(site.interface, model: model) else {
                result.skipped.append(
                    Skipped(site: site.name, reason: .noHandover(model: model.name, interface: site.interface)))
                continue
            }
            // The plan's ASCII names (Planner.nameConfigurations); a plan.json without them falls back.
            let hostname = site.hostname ?? Self.hostname(site, dialect: dialect)
            let lineText = ConfigNames.descriptionText(lineID: site.lineID, hostname: hostname, platform: dialect)
            let lanSecondaries = site.addresses.publicLAN.map { [$0] } ?? []
            let lan = ConfigIntent.Interface(
                name: model.lanPort ?? "", address: lanBlock.firstHost, block: lanBlock, secondaries: lanSecondaries)
            let intent: ConfigIntent
            if site.role == .hub {
                guard
                    let hub = hubIntent(
                        plan, hub: site, handover: handover, hostname: hostname, lineText: lineText, lan: lan)
                else {
                    let served = plan.sites.filter { $0.role == .branch && $0.addresses.interconnect != nil }.count
                    let why: Skipped.Reason =
                        served == 0
                        ? .noBranchBuildable : .oneBranchPerCircuit(interface: site.interface, branches: served)
                    result.skipped.append(Skipped(site: site.name, reason: why))
                    continue
                }
                intent = hub
            } else {
                guard let block = site.addresses.interconnect else { continue }
                let wan = handover.interface(address: block.lastHost, block: block, peer: block.firstHost)
                switch order.product {
                case .apn:
                    guard let pool = site.addresses.apnPool else {
                        result.skipped.append(Skipped(site: site.name, reason: .noAPNPool))
                        continue
                    }
                    intent = .apn(
                        dialect: dialect, hostname: hostname, lineID: lineText, customer: order.customer,
                        site: site.name, wan: wan, wanPeer: block.firstHost, lan: lan, tunnels: tunnels(site),
                        pool: pool, poolShares: poolShares(site))
                case .internet:
                    intent = .internet(
                        dialect: dialect, hostname: hostname, lineID: lineText, customer: order.customer,
                        site: site.name, wan: wan, wanPeer: block.firstHost, lan: lan)
                case .interconnect:
                    // The hub's LAN and every other branch's, through the hub router on the shared /30.
                    let remote = plan.sites.filter { other in
                        other.name != site.name
                            && (other.role == .hub || (other.role == .branch && other.addresses.interconnect != nil))
                    }.compactMap(\.addresses.lan)
                    intent = .interconnect(
                        dialect: dialect, hostname: hostname, lineID: lineText, customer: order.customer,
                        site: site.name, wan: wan, wanPeer: block.firstHost, lan: lan, remoteLANs: remote)
                }
            }
            let rendered = try renderer.render(intent)
            result.configs.append((site.name, site.configFile ?? "configs/\(rendered.fileName)", rendered.text))
            if order.product == .apn {
                var office = OfficeDataIntent(apn: apnName(order.id), customerRouter: intent)
                office.lineID = site.lineID  // the sheet is a document: it keeps the Chinese line id
                office.chinese = chinese
                officeSheets.append(try renderer.renderOfficeData(office, customerConfig: rendered).text)
            }
        }
        if !officeSheets.isEmpty { result.officeData = officeSheets.joined(separator: "\n") }
        return result
    }

    /// The hub router: a sub-interface (or the serial) per branch that can be built today, and a route
    /// to each branch's LAN through that branch; `nil` when no branch is served, or when a serial
    /// handover would have to carry more than one branch.
    private static func hubIntent(
        _ plan: Plan, hub: SitePlan, handover: Handover, hostname: String, lineText: String,
        lan: ConfigIntent.Interface
    ) -> ConfigIntent? {
        let branches = plan.sites.filter { $0.role == .branch && $0.addresses.interconnect != nil }
        guard !branches.isEmpty, case let dialect? = handover.dialect else { return nil }
        guard handover.carriesVLANs || branches.count == 1 else { return nil }
        var wans: [ConfigIntent.Interface] = []
        var routes: [ConfigIntent.Route] = []
        for branch in branches {
            guard let block = branch.addresses.interconnect else { continue }
            var wan = handover.interface(
                address: block.firstHost, block: block, peer: block.lastHost, vlan: branch.hubVLAN)
            let branchName = branch.hostname ?? Self.hostname(branch, dialect: dialect)
            wan.description = "To \(branchName)" + (branch.hubVLAN.map { ", VLAN \($0)" } ?? "")
            wans.append(wan)
            if let branchLAN = branch.addresses.lan {
                routes.append(ConfigIntent.Route(prefix: branchLAN, nextHop: .address(block.lastHost)))
            }
        }
        return .interconnectHub(
            dialect: dialect, hostname: hostname, lineID: lineText, customer: plan.order.customer, site: hub.name,
            wans: wans, lan: lan, routes: routes)
    }

    /// An APN site's GRE tunnels, one per GGSN.
    static func tunnels(_ site: SitePlan) -> [ConfigIntent.Tunnel] {
        site.tunnels.map { ConfigIntent.Tunnel(ggsn: $0.ggsn, destination: $0.ggsnAddress, inner: $0.inner) }
    }

    /// Each GGSN's share of an APN site's terminal pool, in tunnel order; empty when the pool is not split.
    static func poolShares(_ site: SitePlan) -> [IPv4Prefix] {
        let shares = site.tunnels.compactMap(\.pool)
        return shares.count == site.tunnels.count ? shares : []
    }

    /// A site's hostname: ASCII, from its line id.
    private static func hostname(_ site: SitePlan, dialect: ConfigDialect) -> String {
        ConfigText.makeHostname(site.lineID, platform: dialect) ?? "CPE"
    }

    /// The APN name of an order: its id in lower case, letters, digits and hyphens (`wh-2026-0930-abc`).
    ///
    /// The name is always one 3GPP TS 23.003 §9.1 allows, whatever the id: cut to 63 characters, with
    /// `apn-` in front of a name that would start with a reserved label (`rac`, `lac`, `sgsn`, `rnc`), and
    /// `apn` for an id without ASCII letters or digits.
    static func apnName(_ orderID: String) -> String {
        let allowed = orderID.lowercased().unicodeScalars.map { scalar -> Character in
            (scalar.isASCII && (("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar))))
                ? Character(scalar) : "-"
        }
        var name = String(allowed).split(separator: "-").joined(separator: "-")
        if ["rac", "lac", "sgsn", "rnc"].contains(where: { name.hasPrefix($0) }) {
            name = "apn-" + name
        }
        name = String(name.prefix(apnLimit))
        while name.last == "-" {
            name.removeLast()
        }
        return name.isEmpty ? "apn" : name
    }

    /// The longest APN network identifier (3GPP TS 23.003 §9.1).
    static let apnLimit = 63
}

/// The router port a line is handed over on, and how it meets the carrier.
private struct Handover {
    /// The port: an Ethernet port, or the serial interface of an E1 or V.35 module.
    var port: String
    /// The link layer of the port itself (sub-interfaces on an Ethernet port are 802.1Q).
    var link: ConfigIntent.LinkLayer
    /// The dialect of the router.
    var dialect: ConfigDialect?

    /// The port for a handover on a model: the first routed port of the speed (GE and 10GE on a port
    /// faster than FE), the module's serial for E1 (channel 0, timeslots 1–31) or V.35; `nil` when the
    /// model has none.
    init?(_ interface: CustomerInterface, model: RouterModel) {
        dialect = model.dialect
        switch interface {
        case .fe:
            guard let port = model.wanPort else { return nil }
            self.port = port.name
            link = .ethernet
        case .ge, .tenGE:
            guard let port = model.routedPorts.first(where: { $0.speed != .fastEthernet }) else { return nil }
            self.port = port.name
            link = .ethernet
        case .e1:
            guard let module = model.module(for: .e1), module.port.hasPrefix("Serial"),
                let colon = module.port.lastIndex(of: ":")
            else { return nil }
            port = module.port
            link = .e1(
                controller: String(module.port[module.port.index(module.port.startIndex, offsetBy: 6)..<colon]),
                timeslots: 1...31)
        case .v35:
            guard let module = model.module(for: .v35) else { return nil }
            port = module.port
            link = .serial
        }
    }

    /// Whether the port can carry several branches as 802.1Q sub-interfaces.
    var carriesVLANs: Bool { link == .ethernet }

    /// The routed interface on this handover: the port itself, or its sub-interface of a VLAN.
    func interface(address: IPv4Address, block: IPv4Prefix, peer: IPv4Address, vlan: Int? = nil)
        -> ConfigIntent.Interface
    {
        if let vlan, link == .ethernet {
            return ConfigIntent.Interface(
                name: "\(port).\(vlan)", address: address, block: block, peer: peer,
                link: .dot1Q(vlan: vlan, parent: port))
        }
        return ConfigIntent.Interface(name: port, address: address, block: block, peer: peer, link: link)
    }
}
