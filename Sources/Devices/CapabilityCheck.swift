/// What LinePlan says of a customer's router for one product.
///
/// `ok`: the router can take the line as it is (a module to fit is named in the reasons).
/// `needs-address-pair`: an APN line works, but the router cannot borrow the WAN address for its
/// tunnels, so the account manager must apply for one more address pair (a /30 per tunnel).
/// `replace`: the router cannot take the line; ``replacement`` is the one model to buy.
/// `unknown`: the model is not in the catalog; the reasons say what to provide.
public struct CapabilityVerdict: Sendable, Hashable {
    /// The verdict.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
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
    /// What makes the router unfit, in the order found: non-empty exactly when the verdict is `replace`
    /// for a known model.
    public var failures: [RouterFinding]
    /// What else was found: ports, features, modules, what version output says.
    public var notes: [RouterFinding]
    /// What to buy instead (for `replace`), or `nil`: names ``replacement``, or says none will do.
    public var advice: RouterFinding?
    /// The one catalog model to buy instead (for `replace`), or `nil` when none takes the line.
    public var replacement: RouterModel?

    /// Creates a verdict.
    public init(
        kind: Kind, product: LineProduct, model: RouterModel?, modelName: String?, failures: [RouterFinding],
        notes: [RouterFinding], advice: RouterFinding?, replacement: RouterModel? = nil
    ) {
        self.kind = kind
        self.product = product
        self.model = model
        self.modelName = modelName
        self.failures = failures
        self.notes = notes
        self.advice = advice
        self.replacement = replacement
    }

    /// Every finding in English, failures first, one sentence each.
    public var reasons: [String] { (failures + notes).map(\.description) }

    /// What to buy instead, in English, or `nil`.
    public var recommendation: String? { advice?.description }

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
            notes.append(.noTemplates(model: model.name, software: model.software))
        }
        var replacement: RouterModel?
        var advice: RouterFinding?
        if judged.kind == .replace {
            replacement = self.replacement(
                product: product, interface: interface, bandwidth: bandwidth, excluding: model.name, catalog: catalog)
            advice = replacement.map { .replacementBuys($0.name) } ?? .noReplacement
        }
        return CapabilityVerdict(
            kind: judged.kind, product: product, model: model, modelName: model.name, failures: judged.failures,
            notes: notes, advice: advice, replacement: replacement)
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
        let notes = [RouterFinding.notInCatalog(name: name, suggestion: catalog.suggestion(for: name))]
        return CapabilityVerdict(
            kind: .unknown, product: product, model: nil, modelName: name, failures: [],
            notes: notes + unknownAdvice(catalog), advice: nil)
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
                kind: .unknown, product: product, model: nil, modelName: nil, failures: [],
                notes: [.versionNamesNoModel(software: report.softwareDescription)] + unknownAdvice(catalog),
                advice: nil)
        }
        var verdict = check(
            modelNamed: "\(report.vendor) \(name)", product: product, interface: interface, bandwidth: bandwidth,
            catalog: catalog)
        if verdict.kind == .unknown {
            verdict = check(
                modelNamed: name, product: product, interface: interface, bandwidth: bandwidth, catalog: catalog)
        }
        var extra: [RouterFinding] = [
            .readFromVersion(
                model: report.model, software: report.softwareDescription,
                interfaces: report.interfaces.map { "\($0.count) \($0.label)" }, slots: report.slotCount)
        ]
        if let model = verdict.model, let running = report.dialect, let expected = model.dialect, running != expected {
            extra.append(
                .runsOtherSoftware(
                    running: report.softwareDescription, catalog: model.software, dialect: running.displayName))
            verdict.model?.dialect = running
        }
        if report.family == .ios, let release = report.iosRelease, release < (12, 4) {
            extra.append(.oldIOS(version: report.version))
        }
        if !interface.isEthernet {
            let fitted = report.count(of: interface == .e1 ? .e1 : .serial)
            if fitted > 0 { extra.append(.interfacesFitted(count: fitted, interface: interface)) }
        }
        verdict.notes.append(contentsOf: extra)
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

    // MARK: - Helpers

    /// The verdict's kind with its failures and notes, without a replacement.
    private static func judge(
        _ model: RouterModel, product: LineProduct, interface: InterfaceKind, bandwidth: Int?
    ) -> (kind: CapabilityVerdict.Kind, failures: [RouterFinding], notes: [RouterFinding]) {
        var failures: [RouterFinding] = []
        var notes: [RouterFinding] = []
        var needsPair = false
        let ports = model.routedPorts.map(\.name)
        switch product {
        case .apn:
            let gre = model.features.gre
            if gre {
                notes.append(.greTunnels)
            } else {
                failures.append(.noGRE)
            }
            if ports.count < 2 {
                failures.append(.tooFewRoutedPorts(ports))
            } else {
                notes.append(.routedPorts(ports))
            }
            if gre, model.features.tunnelUnnumbered {
                notes.append(.tunnelUnnumbered)
            } else if gre {
                needsPair = true
                notes.append(.noTunnelUnnumbered)
            }
        case .internet:
            if model.features.nat {
                notes.append(.nat)
            } else {
                failures.append(.noNAT)
            }
        case .interconnect:
            break
        }
        appendHandover(model, interface: interface, bandwidth: bandwidth, failures: &failures, notes: &notes)
        if let lan = model.lanPort {
            notes.append(.lanOn(lan))
        } else {
            failures.append(.noLAN)
        }
        let kind: CapabilityVerdict.Kind = failures.isEmpty ? (needsPair ? .needsAddressPair : .ok) : .replace
        return (kind, failures, notes)
    }

    /// Whether the router takes the handover: an Ethernet port as fast as the interface and the
    /// bandwidth (a 200M line on an FE handover still needs a GE port), or the module for E1 or V.35
    /// (which carry 2.048M at most).
    private static func appendHandover(
        _ model: RouterModel, interface: InterfaceKind, bandwidth: Int?, failures: inout [RouterFinding],
        notes: inout [RouterFinding]
    ) {
        guard interface.isEthernet else {
            if let bandwidth, bandwidth > interface.kilobits {
                failures.append(.handoverTooSlow(bandwidth: bandwidth, interface: interface))
            }
            appendModule(model, interface: interface, failures: &failures, notes: &notes)
            return
        }
        let ports = model.routedPorts
        guard let fastest = ports.max(by: { $0.speed.kilobits < $1.speed.kilobits }) else {
            failures.append(.noWANPort)
            return
        }
        let needed = max(interface.kilobits, bandwidth ?? 0)
        if let port = ports.first(where: { $0.speed.kilobits >= needed }) {
            notes.append(.wanOn(port.name))
            return
        }
        var speeds: [String] = []
        for port in ports where !speeds.contains(port.speed.rawValue) {
            speeds.append(port.speed.rawValue)
        }
        if fastest.speed.kilobits < interface.kilobits {
            failures.append(.noPortForHandover(interface: interface, speeds: speeds))
        } else {
            let kind = InterfaceKind.ethernet(carrying: needed)?.rawValue ?? "faster"
            failures.append(.portTooSlow(bandwidth: needed, port: fastest.name, speed: fastest.speed, needed: kind))
        }
    }

    /// Whether the model takes the module an E1 or V.35 handover needs.
    private static func appendModule(
        _ model: RouterModel, interface: InterfaceKind, failures: inout [RouterFinding],
        notes: inout [RouterFinding]
    ) {
        if let module = model.module(for: interface) {
            let slots = model.slots.first { $0.kind == module.slot }.map { "\($0.count) \($0.kind)" } ?? module.slot
            notes.append(
                .moduleNeeded(
                    interface: interface, module: module.name, slot: module.slot, slots: slots, port: module.port))
        } else if model.slots.isEmpty {
            failures.append(.noInterfaceNoSlot(interface))
        } else {
            failures.append(.noModuleForSlots(interface: interface, slots: model.slots.map(\.kind)))
        }
    }

    private static func unknownAdvice(_ catalog: RouterCatalog) -> [RouterFinding] {
        [.provideModelOrVersion, .knownModels(catalog.models.map(\.name))]
    }
}
