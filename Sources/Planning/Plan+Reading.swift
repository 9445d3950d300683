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
    /// A saved plan is input like any other: every value a configuration, a file name or a document takes is
    /// checked where it is written, with the plan's own key in the message (see ``SavedPlanBounds``), so that
    /// nothing refused later names an internal field without a place.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - name: The file name for diagnostics.
    /// - Throws: ``DiagnosticsError`` with every located problem when the file is not a plan.
    /// - Complexity: O(*n*) in the size of the file.
    public init(savedJSON bytes: [UInt8], name: String) throws(DiagnosticsError) {
        let document = try JSONDocument(name: name, bytes: bytes)
        var reader = SavedPlanReader(report: DiagnosticReport(document: document))
        let plan = reader.plan(document.root)
        guard let plan, !reader.report.hasErrors else {
            throw DiagnosticsError(diagnostics: reader.report.sortedDiagnostics)
        }
        self = plan
    }
}

/// Reads a saved plan's JSON, recording every problem at its value.
private struct SavedPlanReader {
    var report: DiagnosticReport

    mutating func plan(_ root: JSONValue) -> Plan? {
        guard let top = JSONObjectView(root, path: "", report: &report),
            let orderObject = top.object("order", report: &report),
            let replyObject = top.object("reply", report: &report),
            let siteValues = top.array("sites", report: &report)
        else { return nil }
        let id = line(orderObject, "id", noun: "order id") ?? ""
        let customer = plainText(orderObject, "customer", noun: "customer") ?? ""
        let product: Product? = enumeration(orderObject, "product")
        let request: RequestKind? = enumeration(orderObject, "request")
        let received = date(orderObject, "received")
        let network = orderObject.string("network", report: &report) ?? ""
        let outcome: ConfirmationOutcome? = enumeration(replyObject, "outcome")
        let due = date(replyObject, "due")
        var sites: [SitePlan] = []
        var orderSites: [OrderSite] = []
        var configFiles: [String: String] = [:]
        for (index, value) in siteValues.enumerated() {
            guard let site = JSONObjectView(value, path: "sites[\(index)]", report: &report),
                let saved = readSite(site, configFiles: &configFiles)
            else { continue }
            sites.append(saved)
            orderSites.append(
                OrderSite(
                    name: saved.name, address: saved.address, contact: saved.contact, phone: saved.phone,
                    building: saved.building, bandwidth: saved.bandwidth, interface: saved.interface))
        }
        let mature = orderObject.bool("mature", required: false, report: &report) ?? true
        let description = orderObject.string("description", required: false, report: &report)
        let workingDays = replyObject.integer("workingDays", in: SavedPlanBounds.workingDays, report: &report)
        let department = replyObject.string("department", required: false, report: &report)
        let accessPoints = replyObject.integer(
            "accessPoints", required: false, in: 0...siteValues.count, report: &report)
        let templateWorkingDays = replyObject.integer(
            "templateWorkingDays", required: false, in: SavedPlanBounds.workingDays, report: &report)
        let templateDue = date(replyObject, "templateDue", required: false)
        guard let product, let request, let received, let outcome, let due, let workingDays else { return nil }
        let order = Order(
            id: id, customer: customer, product: product, request: request, received: received, mature: mature,
            sites: orderSites, description: description)
        let reply = Reply(
            outcome: outcome, due: due, workingDays: workingDays, department: department ?? outcome.department,
            accessPoints: accessPoints ?? 0, templateWorkingDays: templateWorkingDays, templateDue: templateDue)
        return Plan(order: order, network: network, reply: reply, sites: sites, warnings: [], ceasedLines: [])
    }

    private mutating func readSite(_ site: JSONObjectView, configFiles: inout [String: String]) -> SitePlan? {
        let name = plainText(site, "name", noun: "site name")
        let lineID = plainText(site, "line", noun: "line id")
        let role: SiteRole? = enumeration(site, "role")
        let addressesObject = site.object("addresses", report: &report)
        let routerObject = site.object("router", report: &report)
        guard let name, let lineID, let role, let addressesObject, let routerObject else { return nil }
        var addresses = PlannedAddresses(
            interconnect: prefix(addressesObject, "interconnect"), lan: prefix(addressesObject, "lan"),
            apnPool: prefix(addressesObject, "apnPool"), tunnels: [], publicLAN: prefix(addressesObject, "publicLAN"))
        for (index, value) in (addressesObject.array("tunnels", required: false, report: &report) ?? []).enumerated() {
            if let parsed = prefix(value, path: addressesObject.path("tunnels[\(index)]")) {
                addresses.tunnels.append(parsed)
            }
        }
        var tunnels: [TunnelPlan] = []
        for (index, value) in (site.array("gre", required: false, report: &report) ?? []).enumerated() {
            guard let gre = JSONObjectView(value, path: site.path("gre[\(index)]"), report: &report) else { continue }
            let ggsn = ggsnID(gre)
            let ggsnAddress = address(gre, "ggsnAddress")
            let customer = address(gre, "customerAddress", required: false)
            let inner = prefix(gre, "inner")
            let pool = prefix(gre, "pool")
            guard let ggsn, let ggsnAddress else { continue }
            tunnels.append(
                TunnelPlan(ggsn: ggsn, ggsnAddress: ggsnAddress, customerAddress: customer, inner: inner, pool: pool))
        }
        let verdict: CapabilityVerdict.Kind = enumeration(routerObject, "verdict") ?? .unknown
        let platform: ConfigDialect? = enumeration(routerObject, "platform", required: false)
        let router = RouterAnswer(
            model: routerObject.string("model", required: false, report: &report), verdict: verdict,
            platform: platform?.rawValue,
            configuredModel: routerObject.string("configuredModel", required: false, report: &report),
            replacement: routerObject.string("replacement", required: false, report: &report),
            module: routerObject.string("module", required: false, report: &report))
        // The dialect the site's names were made for: its platform when LinePlan configures its router.
        let dialect = router.configuredModel == nil ? nil : platform
        let bandwidth = rate(site, "bandwidth")
        let hostname = hostname(site, dialect: dialect)
        let configFile = configPath(site, platform: platform, seen: &configFiles)
        let interface: CustomerInterface? = enumeration(site, "interface", required: false)
        let area: Area? = enumeration(site, "area", required: false)
        let repairHours = site.integer(
            "repairHours", required: false, in: SavedPlanBounds.repairHours, report: &report)
        let hubVLAN = site.integer("hubVLAN", required: false, in: SavedPlanBounds.vlan, report: &report)
        return SitePlan(
            name: name, lineID: lineID, role: role, building: site.string("building", required: false, report: &report),
            address: site.string("address", required: false, report: &report),
            contact: site.string("contact", required: false, report: &report),
            phone: site.string("phone", required: false, report: &report), area: area ?? .town,
            bandwidth: bandwidth ?? .zero, interface: interface ?? .fe, protection: .none,
            qualification: .qualified, qualificationFindings: [], technology: nil, accessNode: nil, alternatives: [],
            farEnd: nil, working: nil, protectionPath: nil, sharedRiskGroups: [], outcome: .available, segments: [],
            addresses: addresses, tunnels: tunnels, router: router, repairHours: repairHours ?? 48, reservations: [],
            addressRequests: [], hubVLAN: hubVLAN, hostname: hostname, configFile: configFile,
            readyDate: date(site, "readyDate", required: false))
    }

    // MARK: - Values

    /// One of an enumeration's spellings, or `nil` after an error at the value naming them all.
    private mutating func enumeration<Value: RawRepresentable<String> & CaseIterable>(
        _ object: JSONObjectView, _ key: String, required: Bool = true
    ) -> Value? {
        guard let text = object.string(key, required: required, report: &report) else { return nil }
        if let value = Value(rawValue: text) { return value }
        report.error(
            "unknown \(key) '\(DiagnosticReport.shown(text))'; expected one of "
                + Value.allCases.map(\.rawValue).joined(separator: ", "),
            at: offset(object, key), path: object.path(key))
        return nil
    }

    /// A date, `YYYY-MM-DD`, or `nil` after an error at the value.
    private mutating func date(_ object: JSONObjectView, _ key: String, required: Bool = true) -> CalendarDate? {
        guard let text = object.string(key, required: required, report: &report) else { return nil }
        do {
            return try CalendarDate(parsing: text)
        } catch {
            report.error(error.message, at: offset(object, key), path: object.path(key))
            return nil
        }
    }

    /// A rate such as `2M`, or `nil` after an error at the value.
    private mutating func rate(_ object: JSONObjectView, _ key: String) -> Bandwidth? {
        guard let text = object.string(key, required: false, report: &report) else { return nil }
        if let rate = Bandwidth(parsing: text) { return rate }
        report.error(
            "invalid rate '\(DiagnosticReport.shown(text))'; \(Bandwidth.syntaxHint)", at: offset(object, key),
            path: object.path(key))
        return nil
    }

    /// An optional prefix member, or `nil` after an error at the value.
    private mutating func prefix(_ object: JSONObjectView, _ key: String) -> IPv4Prefix? {
        guard let value = object.value(key) else { return nil }
        return prefix(value, path: object.path(key))
    }

    private mutating func prefix(_ value: JSONValue, path: String) -> IPv4Prefix? {
        guard let text = value.string else {
            report.error("expected a prefix, found \(value.typeDescription)", at: value.offset, path: path)
            return nil
        }
        do {
            return try IPv4Prefix(parsing: text)
        } catch {
            report.error(error.message, at: value.offset, path: path)
            return nil
        }
    }

    /// An IPv4 address, or `nil` after an error at the value.
    private mutating func address(_ object: JSONObjectView, _ key: String, required: Bool = true) -> IPv4Address? {
        guard let text = object.string(key, required: required, report: &report) else { return nil }
        do {
            return try IPv4Address(parsing: text)
        } catch {
            report.error(error.message, at: offset(object, key), path: object.path(key))
            return nil
        }
    }

    // MARK: - Text for configurations

    /// Text that stays on one line (an order id), or `nil` after an error at the value.
    private mutating func line(_ object: JSONObjectView, _ key: String, noun: String) -> String? {
        guard let text = object.string(key, report: &report) else { return nil }
        return checked(object, key, noun: noun, text) { () throws(DeviceError) in
            try ConfigText.checkLine(text, field: key)
            return text
        }
    }

    /// Free text a configuration or the office data sheet takes (a customer, a site, a line id): printable, on
    /// one line, at most 200 characters.
    private mutating func plainText(_ object: JSONObjectView, _ key: String, noun: String) -> String? {
        guard let text = object.string(key, report: &report) else { return nil }
        return checked(object, key, noun: noun, text) { () throws(DeviceError) in
            _ = try ConfigText.plainText(text, field: key)
            return text
        }
    }

    /// A router's hostname, checked for the dialect its names were made for (the shortest limit when none).
    private mutating func hostname(_ site: JSONObjectView, dialect: ConfigDialect?) -> String? {
        guard let text = site.string("hostname", required: false, report: &report) else { return nil }
        let shortest = ConfigDialect.allCases.min { $0.hostnameLimit < $1.hostnameLimit } ?? .vrp3
        return checked(site, "hostname", noun: "hostname", text) { () throws(DeviceError) in
            try ConfigText.hostname(text, platform: dialect ?? shortest)
        }
    }

    /// A GGSN's id: ASCII letters, digits, `-` and `_`, as the office data sheet takes it.
    private mutating func ggsnID(_ gre: JSONObjectView) -> String? {
        guard let text = gre.string("ggsn", report: &report) else { return nil }
        guard ConfigText.isSimpleName(text, limit: 64) else {
            report.error(
                "invalid GGSN id '\(DiagnosticReport.shown(text))': a GGSN id is 1 to 64 ASCII letters, digits, '-'"
                    + " and '_'", at: offset(gre, "ggsn"), path: gre.path("ggsn"))
            return nil
        }
        return text
    }

    /// Runs a check from ``ConfigText``, recording its problem at the value: `invalid hostname '<x>': contains
    /// '<' at character 1; …`.
    private mutating func checked(
        _ object: JSONObjectView, _ key: String, noun: String, _ text: String,
        _ check: () throws(DeviceError) -> String
    ) -> String? {
        do {
            return try check()
        } catch {
            report.error(
                "invalid \(noun) '\(DiagnosticReport.shown(text))': \(error.message)", at: offset(object, key),
                path: object.path(key))
            return nil
        }
    }

    // MARK: - File names

    /// A configuration file's path as the plan names it: `configs/<name>.<platform>.cfg`, the name of ASCII
    /// letters, digits and `-` (not first), the platform the site's router's; distinct across the plan,
    /// ignoring case (file systems that fold case would merge two files).
    private mutating func configPath(
        _ site: JSONObjectView, platform: ConfigDialect?, seen: inout [String: String]
    ) -> String? {
        guard let path = site.string("config", required: false, report: &report) else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let file = parts.count == 2 && parts[0] == "configs" ? parts[1] : ""
        let pieces = file.split(separator: ".", omittingEmptySubsequences: false)
        let problem: String?
        if pieces.count != 3 || pieces[2] != "cfg" || ConfigDialect(rawValue: String(pieces[1])) == nil
            || !Self.isFileName(pieces[0])
        {
            problem =
                "a configuration is written to configs/NAME.PLATFORM.cfg: NAME of 1 to "
                + "\(SavedPlanBounds.configNameLimit) ASCII letters, digits and '-' (not first), PLATFORM one of "
                + ConfigDialect.allCases.map(\.rawValue).joined(separator: ", ")
        } else if let platform, pieces[1] != platform.rawValue {
            problem = "the site's router is configured in \(platform.rawValue), not \(pieces[1])"
        } else if let other = seen[path.lowercased()] {
            problem = "\(other) is written to it already"
        } else {
            problem = nil
        }
        if let problem {
            report.error(
                "invalid configuration file '\(DiagnosticReport.shown(path))': \(problem)",
                at: offset(site, "config"), path: site.path("config"))
            return nil
        }
        seen[path.lowercased()] = site.path("config")
        return path
    }

    /// Whether a file name is ASCII letters, digits and `-`, not first, within the limit.
    private static func isFileName(_ name: Substring) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "-"),
            name.utf8.count <= SavedPlanBounds.configNameLimit
        else { return false }
        return name.utf8.allSatisfy { byte in
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
        }
    }

    private func offset(_ object: JSONObjectView, _ key: String) -> Int {
        object.value(key)?.offset ?? object.offset
    }
}
