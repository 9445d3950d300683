/// What LinePlan says of a customer's router for one product.
///
/// `ok`: the router can take the line as it is (a module to fit is named in the reasons).
/// `needs-address-pair`: an APN line works, but the router cannot borrow the WAN address for its
/// tunnels, so the account manager must apply for one more address pair (a /30 per tunnel).
/// `replace`: the router cannot take the line; the recommendation says what to buy.
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
    /// What to buy instead (for `replace`), or `nil`.
    public var recommendation: String?

    /// Creates a verdict.
    public init(
        kind: Kind, product: LineProduct, model: RouterModel?, modelName: String?, reasons: [String],
        recommendation: String?
    ) {
        self.kind = kind
        self.product = product
        self.model = model
        self.modelName = modelName
        self.reasons = reasons
        self.recommendation = recommendation
    }

    /// The configuration dialect LinePlan would write, when there is one.
    public var dialect: ConfigDialect? { model?.dialect }
}

/// Judges a router against what a product needs, as the access handbook lists the causes of delay.
///
/// - **APN**: GRE tunnels and at least two routed Ethernet (FE) ports, WAN and LAN, are required;
///   without IP unnumbered on tunnels the verdict is `needs-address-pair`.
/// - **Internet**: NAT (PAT on the WAN address) and a routed WAN port plus a LAN interface.
/// - **Interconnect**: the customer interface: an Ethernet handover needs a routed port of that speed
///   (GE needs a GE port) and a LAN interface; E1 or V.35 needs a module the model takes.
///
/// A router that fails gets `replace` with the handbook's recommendation: a Cisco 1841 or a Huawei
/// AR28-11, bought by operations and charged to the dedicated-line project (集团客户专线工程).
///
///     let verdict = CapabilityCheck.check(model, product: .apn)
///     print(verdict.kind.rawValue, verdict.reasons)
public enum CapabilityCheck {
    /// Judges a catalog model for a product.
    ///
    /// - Parameters:
    ///   - model: The catalog model.
    ///   - product: The product.
    ///   - interface: The customer interface of the line (interconnect lines); Ethernet FE by default.
    ///   - catalog: The catalog whose recommended models a `replace` verdict names.
    /// - Returns: The verdict with its reasons.
    public static func check(
        _ model: RouterModel, product: LineProduct, interface: InterfaceKind = .fastEthernet,
        catalog: RouterCatalog
    ) -> CapabilityVerdict {
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
            if !gre {
                break
            }
            if model.features.tunnelUnnumbered {
                notes.append("IP unnumbered on tunnels: yes")
            } else {
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
            appendWANAndLAN(model, speed: .fastEthernet, failures: &failures, notes: &notes)
        case .interconnect:
            if interface.isEthernet {
                appendWANAndLAN(model, speed: interface, failures: &failures, notes: &notes)
            } else if let module = model.module(for: interface) {
                let slots = model.slots.first { $0.kind == module.slot }.map { "\($0.count) \($0.kind)" } ?? module.slot
                notes.append(
                    "\(interface.rawValue) handover needs a \(module.name) module in a free \(module.slot) slot"
                        + " (the model has \(slots)); its port is \(module.port)")
                if model.lanPort == nil {
                    failures.append("no LAN interface: the model has no routed Ethernet port or VLAN interface")
                }
            } else if model.slots.isEmpty {
                failures.append("no \(interface.rawValue) interface and no expansion slot for one")
            } else {
                failures.append(
                    "no \(interface.rawValue) module for its \(model.slots.map(\.kind).joined(separator: "/")) slots")
            }
        }
        if model.dialect == nil {
            notes.append(
                "LinePlan has no configuration templates for \(model.software); configure it by hand from the plan")
        }
        let kind: CapabilityVerdict.Kind = failures.isEmpty ? (needsPair ? .needsAddressPair : .ok) : .replace
        return CapabilityVerdict(
            kind: kind, product: product, model: model, modelName: model.name, reasons: failures + notes,
            recommendation: kind == .replace
                ? recommendation(product: product, interface: interface, catalog: catalog) : nil)
    }

    /// Judges a router named by the user; an unknown name gets `unknown` and is told what to provide.
    ///
    /// - Parameters:
    ///   - name: The model as the user wrote it.
    ///   - product: The product.
    ///   - interface: The customer interface (interconnect lines).
    ///   - catalog: The router catalog.
    /// - Returns: The verdict.
    public static func check(
        modelNamed name: String, product: LineProduct, interface: InterfaceKind = .fastEthernet,
        catalog: RouterCatalog
    ) -> CapabilityVerdict {
        if let model = catalog.model(named: name) {
            return check(model, product: product, interface: interface, catalog: catalog)
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
    ///   - interface: The customer interface (interconnect lines).
    ///   - catalog: The router catalog.
    /// - Returns: The verdict.
    public static func check(
        _ report: VersionReport, product: LineProduct, interface: InterfaceKind = .fastEthernet,
        catalog: RouterCatalog
    ) -> CapabilityVerdict {
        guard let name = report.model else {
            return CapabilityVerdict(
                kind: .unknown, product: product, model: nil, modelName: nil,
                reasons: ["the version output names no router model (\(report.softwareDescription))"]
                    + unknownAdvice(catalog),
                recommendation: nil)
        }
        var verdict = check(
            modelNamed: "\(report.vendor) \(name)", product: product, interface: interface, catalog: catalog)
        if verdict.kind == .unknown {
            verdict = check(modelNamed: name, product: product, interface: interface, catalog: catalog)
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
        if product == .interconnect, !interface.isEthernet {
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

    /// The recommendation for a `replace` verdict: the handbook's models that pass, else any catalog
    /// model with templates that passes.
    ///
    /// - Parameters:
    ///   - product: The product.
    ///   - interface: The customer interface.
    ///   - catalog: The router catalog.
    /// - Returns: One sentence naming what to buy and who pays.
    public static func recommendation(product: LineProduct, interface: InterfaceKind, catalog: RouterCatalog)
        -> String
    {
        func passes(_ model: RouterModel) -> Bool {
            model.dialect != nil
                && check(model, product: product, interface: interface, catalog: RouterCatalog(models: [])).kind == .ok
        }
        var choice = catalog.recommendedModels.filter(passes)
        if choice.isEmpty {
            choice = catalog.models.filter(passes)
        }
        guard !choice.isEmpty else {
            return "no catalog model can take this line; ask the support centre for a router"
        }
        let names = choice.map(\.name)
        let list =
            names.count == 1
            ? names[0] : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        return "operations buys a \(list) for the customer, charged to the dedicated-line project (集团客户专线工程)"
    }

    // MARK: - Helpers

    private static func appendWANAndLAN(
        _ model: RouterModel, speed: InterfaceKind, failures: inout [String], notes: inout [String]
    ) {
        guard let wan = model.wanPort else {
            failures.append("no routed Ethernet port for the WAN")
            return
        }
        if speed == .gigabitEthernet, !model.routedPorts.contains(where: { $0.speed == .gigabitEthernet }) {
            failures.append("no GE routed port for a GE handover (its routed ports are FE)")
        } else {
            let port = speed == .gigabitEthernet ? model.routedPorts.first { $0.speed == .gigabitEthernet } ?? wan : wan
            notes.append("WAN on \(port.name)")
        }
        if let lan = model.lanPort {
            notes.append("LAN on \(lan)")
        } else {
            failures.append("no LAN interface: one routed Ethernet port and no switch ports")
        }
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
