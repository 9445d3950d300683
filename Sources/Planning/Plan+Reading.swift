import Devices
public import LocatedJSON
import NetAddress
import NetGraph
import Orders
import WorkCalendar

extension Plan {
    /// Reads a saved `plan.json` back, with what configurations and reports need: the order, the
    /// reply, and per site its role, addresses, GRE tunnels and router verdict.
    ///
    /// Paths, segments, alternatives and findings are not read back (they are for people, not for rendering).
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - name: The file name for diagnostics.
    /// - Throws: ``DiagnosticsError`` with every located problem when the file is not a plan.
    /// - Complexity: O(*n*) in the size of the file.
    public init(savedJSON bytes: [UInt8], name: String) throws(DiagnosticsError) {
        let document = try JSONDocument(name: name, bytes: bytes)
        var report = DiagnosticReport(document: document)
        let plan = Self.read(document.root, report: &report)
        guard let plan, !report.hasErrors else { throw DiagnosticsError(diagnostics: report.sortedDiagnostics) }
        self = plan
    }

    private static func read(_ root: JSONValue, report: inout DiagnosticReport) -> Plan? {
        guard let top = JSONObjectView(root, path: "", report: &report),
            let orderObject = top.object("order", report: &report),
            let replyObject = top.object("reply", report: &report),
            let siteValues = top.array("sites", report: &report)
        else { return nil }
        let id = orderObject.string("id", report: &report) ?? ""
        let customer = orderObject.string("customer", report: &report) ?? ""
        let product = orderObject.string("product", report: &report).flatMap(Product.init(rawValue:))
        let request = orderObject.string("request", report: &report).flatMap(RequestKind.init(rawValue:)) ?? .new
        let received = orderObject.string("received", report: &report).flatMap { try? CalendarDate(parsing: $0) }
        let network = orderObject.string("network", report: &report) ?? ""
        let outcome = replyObject.string("outcome", report: &report).flatMap(ConfirmationOutcome.init(rawValue:))
        let due = replyObject.string("due", report: &report).flatMap { try? CalendarDate(parsing: $0) }
        guard let product, let received, let outcome, let due else {
            report.error("the order or reply has a value this LinePlan does not know", at: root.offset, path: "")
            return nil
        }
        var sites: [SitePlan] = []
        var orderSites: [OrderSite] = []
        for (index, value) in siteValues.enumerated() {
            guard let site = JSONObjectView(value, path: "sites[\(index)]", report: &report),
                let saved = readSite(site, report: &report)
            else { continue }
            sites.append(saved)
            orderSites.append(
                OrderSite(
                    name: saved.name, address: saved.address, contact: saved.contact, phone: saved.phone,
                    building: saved.building, bandwidth: saved.bandwidth, interface: saved.interface))
        }
        let order = Order(
            id: id, customer: customer, product: product, request: request, received: received,
            mature: orderObject.bool("mature", required: false, report: &report) ?? true, sites: orderSites,
            description: orderObject.string("description", required: false, report: &report))
        let reply = Reply(
            outcome: outcome, due: due, workingDays: replyObject.integer("workingDays", report: &report) ?? 0,
            department: replyObject.string("department", required: false, report: &report) ?? outcome.department,
            accessPoints: replyObject.integer("accessPoints", required: false, report: &report) ?? 0,
            templateWorkingDays: replyObject.integer("templateWorkingDays", required: false, report: &report),
            templateDue: replyObject.string("templateDue", required: false, report: &report).flatMap {
                try? CalendarDate(parsing: $0)
            })
        return Plan(order: order, network: network, reply: reply, sites: sites, warnings: [], ceasedLines: [])
    }

    private static func readSite(_ site: JSONObjectView, report: inout DiagnosticReport) -> SitePlan? {
        guard let name = site.string("name", report: &report), let line = site.string("line", report: &report),
            let role = site.string("role", report: &report).flatMap(SiteRole.init(rawValue:)),
            let addressesObject = site.object("addresses", report: &report),
            let routerObject = site.object("router", report: &report)
        else { return nil }
        func prefix(_ object: JSONObjectView, _ key: String, report: inout DiagnosticReport) -> IPv4Prefix? {
            guard let text = object.string(key, required: false, report: &report) else { return nil }
            do {
                return try IPv4Prefix(parsing: text)
            } catch {
                report.error(error.message, at: object.value(key)?.offset ?? object.offset, path: object.path(key))
                return nil
            }
        }
        var addresses = PlannedAddresses(
            interconnect: prefix(addressesObject, "interconnect", report: &report),
            lan: prefix(addressesObject, "lan", report: &report),
            apnPool: prefix(addressesObject, "apnPool", report: &report), tunnels: [],
            publicLAN: prefix(addressesObject, "publicLAN", report: &report))
        for (index, value) in (addressesObject.array("tunnels", required: false, report: &report) ?? []).enumerated() {
            if let text = value.string, let parsed = try? IPv4Prefix(parsing: text) {
                addresses.tunnels.append(parsed)
            } else {
                report.error("expected a prefix", at: value.offset, path: addressesObject.path("tunnels[\(index)]"))
            }
        }
        var tunnels: [TunnelPlan] = []
        for (index, value) in (site.array("gre", required: false, report: &report) ?? []).enumerated() {
            guard let gre = JSONObjectView(value, path: site.path("gre[\(index)]"), report: &report),
                let ggsn = gre.string("ggsn", report: &report),
                let addressText = gre.string("ggsnAddress", report: &report),
                let address = try? IPv4Address(parsing: addressText)
            else { continue }
            let customer = gre.string("customerAddress", required: false, report: &report).flatMap {
                try? IPv4Address(parsing: $0)
            }
            tunnels.append(
                TunnelPlan(
                    ggsn: ggsn, ggsnAddress: address, customerAddress: customer,
                    inner: prefix(gre, "inner", report: &report), pool: prefix(gre, "pool", report: &report)))
        }
        let router = RouterAnswer(
            model: routerObject.string("model", required: false, report: &report),
            verdict: routerObject.string("verdict", report: &report).flatMap(CapabilityVerdict.Kind.init(rawValue:))
                ?? .unknown,
            platform: routerObject.string("platform", required: false, report: &report),
            configuredModel: routerObject.string("configuredModel", required: false, report: &report),
            replacement: routerObject.string("replacement", required: false, report: &report),
            module: routerObject.string("module", required: false, report: &report))
        let bandwidth = site.string("bandwidth", required: false, report: &report).flatMap(Bandwidth.init(parsing:))
        let hostname = site.string("hostname", required: false, report: &report)
        let configFile = site.string("config", required: false, report: &report)
        return SitePlan(
            name: name, lineID: line, role: role, building: site.string("building", required: false, report: &report),
            address: site.string("address", required: false, report: &report),
            contact: site.string("contact", required: false, report: &report),
            phone: site.string("phone", required: false, report: &report),
            area: site.string("area", required: false, report: &report).flatMap(Area.init(rawValue:)) ?? .town,
            bandwidth: bandwidth ?? .zero,
            interface: site.string("interface", required: false, report: &report).flatMap(
                CustomerInterface.init(rawValue:))
                ?? .fe,
            protection: .none, qualification: .qualified, qualificationFindings: [], technology: nil, accessNode: nil,
            alternatives: [], farEnd: nil, working: nil, protectionPath: nil, sharedRiskGroups: [], outcome: .available,
            segments: [], addresses: addresses, tunnels: tunnels, router: router,
            repairHours: site.integer("repairHours", required: false, report: &report) ?? 48, reservations: [],
            addressRequests: [], hubVLAN: site.integer("hubVLAN", required: false, report: &report),
            hostname: hostname, configFile: configFile,
            readyDate: site.string("readyDate", required: false, report: &report).flatMap {
                try? CalendarDate(parsing: $0)
            })
    }
}
