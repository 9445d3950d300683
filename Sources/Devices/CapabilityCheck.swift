/// What LinePlan says of a customer's router for one product.
///
/// `ok`: the router can take the line as it is (a module to fit is named in the reasons).
/// `needs-address-pair`: an APN line works, but the router cannot borrow the WAN address for its
/// tunnels, so the account manager must apply for one more address pair (a /30 per tunnel).
/// `replace`: the router cannot take the line; ``replacement`` is the one model to buy.
/// `unknown`: the model is not in the catalog; the reasons say what to provide.
public struct CapabilityVerdict: Sendable, Hashable {
    /// The verdict.
    public enum Kind: String, Sendable, Hashable {
        /// The router will do.
        case ok
        /// The router will do with an extra tunnel address pair (no IP unnumbered on tunnels).
        case needsAddressPair = "needs-address-pair"
        /// The router will not do.
        case replace
        /// The model is not known.
        case unknown
    }

    /// The verdict.
    public var kind: Kind
    /// The product judged.
    public var product: LineProduct
    /// The catalog model, when known.
    public var model: RouterModel?
    /// The model as named by the user or read from version output.
    public var modelName: String?
    /// Why, one sentence each, in the order they were found.
    public var reasons: [String]
    /// What to buy instead (for `replace`), or `nil`: one sentence naming ``replacement``.
    public var recommendation: String?
    /// The one catalog model to buy instead (for `replace`), or `nil` when none takes the line.
    public var replacement: RouterModel?

    /// Creates a verdict.
    public init(
        kind: Kind, product: LineProduct, model: RouterModel?, modelName: String?, reasons: [String],
        recommendation: String?, replacement: RouterModel? = nil
    ) {
        self.kind = kind
        self.product = product
        self.model = model
        self.modelName = modelName
        self.reasons = reasons
        self.recommendation = recommendation
        self.replacement = replacement
    }

    /// The configuration dialect LinePlan would write, when there is one.
    public var dialect: ConfigDialect? { model?.dialect }
}

/// Judges a router against what a product needs, as the access handbook lists the causes of delay.
///
/// Every product first needs the router to **take the handover**: an Ethernet handover needs a routed
/// port at least as fast as the interface (FE < GE < 10GE) and as the line's bandwidth (200M needs a GE
/// port); E1 or V.35 needs a module the model takes. Every product needs a LAN interface. Then:
///
/// - **APN**: GRE tunnels and at least two routed Ethernet (FE) ports, WAN and LAN, are required;
///   without IP unnumbered on tunnels the verdict is `needs-address-pair`.
/// - **Internet**: NAT (PAT on the WAN address).
/// - **Interconnect**: nothing more.
///
/// A router that fails gets `replace` naming one ``CapabilityVerdict/replacement``: the first of the
/// handbook's recommended models (Cisco 1841, Huawei AR28-11) that takes the line, else the first
/// catalog model with templates that does, never the model being replaced; operations buys it,
/// charged to the dedicated-line project (集团客户专线工程).
///
///     let verdict = CapabilityCheck.check(model, product: .apn, catalog: catalog)
///     print(verdict.kind.rawValue, verdict.reasons, verdict.replacement?.name ?? "-")
public enum CapabilityCheck {
    /// Judges a catalog model for a product.
    ///
    /// - Parameters:
    ///   - model: The catalog model.
    ///   - product: The product.
    ///   - interface: The customer interface of the line; Ethernet FE by default.
    ///   - bandwidth: The line's bandwidth in kbit/s, if known: a WAN port slower than it fails.
    ///   - catalog: The catalog a `replace` verdict chooses its replacement from.
    /// - Returns: The verdict with its reasons.
    /// - Complexity: O(*m*) checks of the catalog's *m* models when the verdict is `replace`, else O(1).
    public static func check(
        _ model: RouterModel, product: LineProduct, interface: InterfaceKind = .fastEthernet, bandwidth: Int? = nil,
        catalog: RouterCatalog
    ) -> CapabilityVerdict {
        let judged = judge(model, product: product, interface: interface, bandwidth: bandwidth)
        var notes = judged.notes
        if model.dialect == nil {
            notes.append(noTemplatesReason(model))
        }
        var replacement: RouterModel?
        var recommendation: String?
        if judged.kind == .replace {
            replacement = self.replacement(
                product: product, interface: interface, bandwidth: bandwidth, excluding: model.name, catalog: catalog)
            recommendation = self.recommendation(replacement)
        }
        return CapabilityVerdict(
            kind: judged.kind, product: product, model: model, modelName: model.name,
            reasons: judged.failures + notes, recommendation: recommendation, replacement: replacement)
    }

    /// The reason that names a catalog model LinePlan has no templates for.
    ///
    /// - Parameter model: A model without a dialect.
    /// - Returns: `no configuration templates for MikroTik RB2011 (RouterOS 6): configure it by hand from the plan`.
    public static func noTemplatesReason(_ model: RouterModel) -> String {
        "no configuration templates for \(model.name) (\(model.software)): configure it by hand from the plan"
    }

    /// Judges a router named by the user; an unknown name gets `unknown` and is told what to provide.
    ///
    /// - Parameters:
    ///   - name: The model as the user wrote it.
    ///   - product: The product.
    ///   - interface: The customer interface.
    ///   - bandwidth: The line's bandwidth in kbit/s, if known.
    ///   - catalog: The router catalog.
    /// - Returns: The verdict.
    /// - Complexity: O(*m*) in the catalog's models.
    public static func check(
        modelNamed name: String, product: LineProduct, interface: InterfaceKind = .fastEthernet,
        bandwidth: Int? = nil, catalog: RouterCatalog
    ) -> CapabilityVerdict {
        if let model = catalog.model(named: name) {
            return check(model, product: product, interface: interface, bandwidth: bandwidth, catalog: catalog)
        }
        var reasons = ["'\(name)' is not in the router catalog"]
        if let suggestion = catalog.suggestion(for: name) {
            reasons[0] += "; did you mean \(suggestion)?"
        }
        reasons.append(contentsOf: unknownAdvice(catalog))
        return CapabilityVerdict(
            kind: .unknown, product: product, model: nil, modelName: name, reasons: reasons, recommendation: nil)
    }

    /// Judges the router that pasted version output describes.
    ///
    /// The model named in the output is looked up in the catalog. What the output adds is reported:
    /// the software actually running (a dialect other than the catalog's is pointed out), and the
    /// interfaces it counts.
    ///
    /// - Parameters:
    ///   - report: What the version output says.
    ///   - product: The product.
    ///   - interface: The customer interface.
    ///   - bandwidth: The line's bandwidth in kbit/s, if known.
    ///   - catalog: The router catalog.
    /// - Returns: The verdict.
    /// - Complexity: O(*m*) in the catalog's models.
    public static func check(
        _ report: VersionReport, product: LineProduct, interface: InterfaceKind = .fastEthernet,
        bandwidth: Int? = nil, catalog: RouterCatalog
    ) -> CapabilityVerdict {
        guard let name = report.model else {
            return CapabilityVerdict(
                kind: .unknown, product: product, model: nil, modelName: nil,
                reasons: ["the version output names no router model (\(report.softwareDescription))"]
                    + unknownAdvice(catalog),
                recommendation: nil)
        }
        var verdict = check(
            modelNamed: "\(report.vendor) \(name)", product: product, interface: interface, bandwidth: bandwidth,
            catalog: catalog)
        if verdict.kind == .unknown {
            verdict = check(
                modelNamed: name, product: product, interface: interface, bandwidth: bandwidth, catalog: catalog)
        }
        var extra = ["read from the version output: \(report.summary)"]
        if let model = verdict.model, let running = report.dialect, let expected = model.dialect, running != expected {
            extra.append(
                "the router runs \(report.softwareDescription), not the catalog's \(model.software);"
                    + " LinePlan writes \(running.displayName) commands for it")
            verdict.model?.dialect = running
        }
        if report.family == .ios, let release = report.iosRelease, release < (12, 4) {
            extra.append(
                "IOS \(report.version) is older than the 12.4 the templates are written for: GRE keepalive needs"
                    + " 12.2(8)T or later and 'ip tcp adjust-mss' 12.2(4)T or later; check the image before the line"
                    + " is opened")
        }
        if !interface.isEthernet {
            let fitted = report.count(of: interface == .e1 ? .e1 : .serial)
            if fitted > 0 {
                extra.append(
                    "the version output shows \(fitted) \(interface == .e1 ? "E1" : "serial") interface"
                        + "\(fitted == 1 ? "" : "s") already fitted")
            }
        }
        verdict.reasons.append(contentsOf: extra)
        return verdict
    }

    /// The one model a `replace` verdict names: the first of the handbook's recommended models that
    /// takes the line, else the first catalog model with templates that does; a model that takes it
    /// only with an extra tunnel address pair comes after every model that takes it as it is.
    ///
    /// The same choice serves the verdict's sentence, the plan, and the configuration LinePlan writes.
    ///
    /// - Parameters:
    ///   - product: The product.
    ///   - interface: The customer interface.
    ///   - bandwidth: The line's bandwidth in kbit/s, if known.
    ///   - excluded: The name of the model being replaced, which is never chosen.
    ///   - catalog: The router catalog.
    /// - Returns: The model, or `nil` when no catalog model with templates takes the line.
    /// - Complexity: O(*m*) checks of the catalog's *m* models.
    public static func replacement(
        product: LineProduct, interface: InterfaceKind, bandwidth: Int? = nil, excluding excluded: String? = nil,
        catalog: RouterCatalog
    ) -> RouterModel? {
        let candidates =
            catalog.models.filter { $0.recommended } + catalog.models.filter { !$0.recommended }
        var withPair: RouterModel?
        for model in candidates where model.dialect != nil && model.name != excluded {
            switch judge(model, product: product, interface: interface, bandwidth: bandwidth).kind {
            case .ok: return model
            case .needsAddressPair: withPair = withPair ?? model
            case .replace, .unknown: continue
            }
        }
        return withPair
    }

    /// The sentence a `replace` verdict ends with.
    ///
    /// - Parameter replacement: The model ``replacement(product:interface:bandwidth:excluding:catalog:)`` chose.
    /// - Returns: What operations buys and who pays, or what to do when no model will do.
    public static func recommendation(_ replacement: RouterModel?) -> String {
        guard let replacement else {
            return "no catalog model with configuration templates can take this line; ask the support centre for a"
                + " router"
        }
        return "operations buys a \(replacement.name) for the customer, charged to the dedicated-line project"
            + " (集团客户专线工程)"
    }

    // MARK: - Helpers

    /// The verdict's kind with its failures and notes, without a replacement.
    private static func judge(
        _ model: RouterModel, product: LineProduct, interface: InterfaceKind, bandwidth: Int?
    ) -> (kind: CapabilityVerdict.Kind, failures: [String], notes: [String]) {
        var failures: [String] = []
        var notes: [String] = []
        var needsPair = false
        let ports = model.routedPorts
        let portList = ports.isEmpty ? "" : " (\(ports.map(\.name).joined(separator: ", ")))"
        switch product {
        case .apn:
            let gre = model.features.gre
            if gre {
                notes.append("GRE tunnels: yes")
            } else {
                failures.append("no GRE tunnels: an APN line reaches the GGSNs over GRE")
            }
            if ports.count < 2 {
                failures.append(
                    "\(count(ports.count, "routed Ethernet port"))\(portList); an APN line needs at least 2 (WAN and LAN)"
                )
            } else {
                notes.append("\(count(ports.count, "routed Ethernet port"))\(portList)")
            }
            if gre, model.features.tunnelUnnumbered {
                notes.append("IP unnumbered on tunnels: yes")
            } else if gre {
                needsPair = true
                notes.append(
                    "no IP unnumbered on tunnels: the account manager must apply for one more address pair"
                        + " (a /30 per GGSN tunnel) for the tunnel interconnect")
            }
        case .internet:
            if model.features.nat {
                notes.append("NAT on the WAN address: yes")
            } else {
                failures.append("no NAT: an internet line translates the LAN to the WAN address")
            }
        case .interconnect:
            break
        }
        appendHandover(model, interface: interface, bandwidth: bandwidth, failures: &failures, notes: &notes)
        if let lan = model.lanPort {
            notes.append("LAN on \(lan)")
        } else {
            failures.append("no LAN interface: the model has no second routed Ethernet port and no VLAN interface")
        }
        let kind: CapabilityVerdict.Kind = failures.isEmpty ? (needsPair ? .needsAddressPair : .ok) : .replace
        return (kind, failures, notes)
    }

    /// Whether the router takes the handover: an Ethernet port as fast as the interface and the
    /// bandwidth (a 200M line on an FE handover still needs a GE port), or the module for E1 or V.35
    /// (which carry 2.048M at most).
    private static func appendHandover(
        _ model: RouterModel, interface: InterfaceKind, bandwidth: Int?, failures: inout [String],
        notes: inout [String]
    ) {
        guard interface.isEthernet else {
            if let bandwidth, bandwidth > interface.kilobits {
                failures.append(
                    "\(rate(bandwidth)) is more than an \(interface.rawValue) handover carries"
                        + " (\(rate(interface.kilobits)))")
            }
            appendModule(model, interface: interface, failures: &failures, notes: &notes)
            return
        }
        let ports = model.routedPorts
        guard let fastest = ports.max(by: { $0.speed.kilobits < $1.speed.kilobits }) else {
            failures.append("no routed Ethernet port for the WAN")
            return
        }
        let needed = max(interface.kilobits, bandwidth ?? 0)
        if let port = ports.first(where: { $0.speed.kilobits >= needed }) {
            notes.append("WAN on \(port.name)")
            return
        }
        var speeds: [String] = []
        for port in ports where !speeds.contains(port.speed.rawValue) {
            speeds.append(port.speed.rawValue)
        }
        let speedList =
            speeds.count == 1 ? speeds[0] : speeds.dropLast().joined(separator: ", ") + " and " + (speeds.last ?? "")
        if fastest.speed.kilobits < interface.kilobits {
            failures.append(
                "no \(interface.rawValue) routed port for a \(interface.rawValue) handover (its routed ports are"
                    + " \(speedList))")
        } else {
            let kind = InterfaceKind.ethernet(carrying: needed)?.rawValue ?? "faster"
            failures.append(
                "\(rate(needed)) is more than its fastest routed port \(fastest.name) carries"
                    + " (\(fastest.speed.rawValue), \(rate(fastest.speed.kilobits))): the line needs a \(kind) routed port"
            )
        }
    }

    /// Whether the model takes the module an E1 or V.35 handover needs.
    private static func appendModule(
        _ model: RouterModel, interface: InterfaceKind, failures: inout [String], notes: inout [String]
    ) {
        if let module = model.module(for: interface) {
            let slots = model.slots.first { $0.kind == module.slot }.map { "\($0.count) \($0.kind)" } ?? module.slot
            notes.append(
                "\(interface.rawValue) handover needs a \(module.name) module in a free \(module.slot) slot"
                    + " (the model has \(slots)); its port is \(module.port)")
        } else if model.slots.isEmpty {
            failures.append("no \(interface.rawValue) interface and no expansion slot for one")
        } else {
            failures.append(
                "no \(interface.rawValue) module for its \(model.slots.map(\.kind).joined(separator: "/")) slots")
        }
    }

    /// A rate for messages: `200M`, `1G`, `2.048M`.
    static func rate(_ kilobits: Int) -> String {
        if kilobits >= 1_000_000, kilobits % 1_000_000 == 0 { return "\(kilobits / 1_000_000)G" }
        if kilobits % 1000 == 0 { return "\(kilobits / 1000)M" }
        let thousandths = kilobits % 1000
        let fraction = String(repeating: "0", count: 3 - String(thousandths).count) + String(thousandths)
        return "\(kilobits / 1000).\(fraction)M"
    }

    private static func unknownAdvice(_ catalog: RouterCatalog) -> [String] {
        [
            "provide the exact model, or paste the output of 'show version' (Cisco) or 'display version'"
                + " (Huawei, H3C) with --version-file",
            "known models: " + catalog.models.map(\.name).joined(separator: ", "),
        ]
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }
}
