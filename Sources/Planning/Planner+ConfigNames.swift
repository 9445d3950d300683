import Devices
import Orders

extension Planner {
    /// Names the sites' router configurations in ASCII, distinct across the order.
    ///
    /// Every site but terminals gets its router's hostname, and the sites whose configuration LinePlan
    /// writes get their file (`configs/<slug>.<platform>.cfg`); see ``Devices/ConfigNames``. Chinese
    /// names stay in the documents; the plan says which name stands for which site.
    ///
    /// A file is named when the site's configuration can be written: a configured model with a
    /// platform, an interconnect block (for the hub, a branch with one) and a LAN (and a terminal pool
    /// for an APN line), the conditions ``PlanConfigurations`` renders under.
    ///
    /// - Complexity: O(sites).
    static func nameConfigurations(_ sites: inout [SitePlan], order: Order) {
        // Every site takes part, so that `S<n>` is the site's position in the order.
        let names = ConfigNames.assign(
            orderID: order.id,
            sites: sites.map { site in
                let platform =
                    site.router.configuredModel == nil ? nil : site.router.platform.flatMap(ConfigDialect.init)
                return (site.name, platform)
            })
        let branchServed = sites.contains { $0.role == .branch && $0.addresses.interconnect != nil }
        for (index, name) in zip(sites.indices, names) where sites[index].role != .terminals {
            sites[index].hostname = name.hostname
            let site = sites[index]
            guard site.router.configuredModel != nil,
                let platform = site.router.platform.flatMap(ConfigDialect.init(rawValue:)),
                site.addresses.interconnect != nil || (site.role == .hub && branchServed),
                site.addresses.lan != nil,
                order.product != .apn || site.addresses.apnPool != nil
            else { continue }
            sites[index].configFile = "configs/\(name.slug).\(platform.rawValue).cfg"
        }
    }
}
