/// One thing the capability check found about a router, with its parameters: a failure that makes
/// the verdict `replace`, or a note.
///
/// ``description`` is the English sentence; other languages render the same values (LinePlan's
/// planning module writes the Chinese). ``code`` is stable for JSON consumers.
public enum RouterFinding: Sendable, Hashable, CustomStringConvertible {
    /// The router does GRE tunnels.
    case greTunnels
    /// No GRE tunnels: an APN line reaches the GGSNs over GRE.
    case noGRE
    /// The routed Ethernet ports, by name.
    case routedPorts([String])
    /// Fewer than the two routed Ethernet ports (WAN and LAN) an APN line needs.
    case tooFewRoutedPorts([String])
    /// The router borrows the WAN address for its tunnels (IP unnumbered).
    case tunnelUnnumbered
    /// No IP unnumbered on tunnels: one more address pair (a /30) per GGSN tunnel.
    case noTunnelUnnumbered
    /// The router translates the LAN to the WAN address.
    case nat
    /// No NAT: an internet line needs it.
    case noNAT
    /// The LAN interface.
    case lanOn(String)
    /// No LAN interface (no second routed Ethernet port, no VLAN interface).
    case noLAN
    /// The WAN port.
    case wanOn(String)
    /// No routed Ethernet port for the WAN.
    case noWANPort
    /// The line's bandwidth (kbit/s) is more than an E1 or V.35 handover carries.
    case handoverTooSlow(bandwidth: Int, interface: InterfaceKind)
    /// No routed port of the handover's kind; `speeds` are the kinds it has (`FE`, `GE`).
    case noPortForHandover(interface: InterfaceKind, speeds: [String])
    /// The line (kbit/s) is more than the fastest routed port carries; `needed` is the port kind it needs.
    case portTooSlow(bandwidth: Int, port: String, speed: InterfaceKind, needed: String)
    /// An E1 or V.35 handover needs a module in a free slot; `slots` is what the model has
    /// (`2 HWIC`), `port` the module's port.
    case moduleNeeded(interface: InterfaceKind, module: String, slot: String, slots: String, port: String)
    /// No interface of the handover's kind and no expansion slot for one.
    case noInterfaceNoSlot(InterfaceKind)
    /// No module of the handover's kind for the model's slots.
    case noModuleForSlots(interface: InterfaceKind, slots: [String])
    /// A catalog model without configuration templates: configured by hand from the plan.
    case noTemplates(model: String, software: String)
    /// The model is not in the catalog; a suggestion when one is close.
    case notInCatalog(name: String, suggestion: String?)
    /// What to provide when the model is unknown.
    case provideModelOrVersion
    /// The catalog's models, for an unknown model.
    case knownModels([String])
    /// The version output names no model.
    case versionNamesNoModel(software: String)
    /// What the version output says.
    case readFromVersion(model: String?, software: String, interfaces: [String], slots: Int?)
    /// The router runs software of another dialect than the catalog's.
    case runsOtherSoftware(running: String, catalog: String, dialect: String)
    /// An IOS release older than 12.4.
    case oldIOS(version: String)
    /// E1 or serial interfaces already fitted, by the version output.
    case interfacesFitted(count: Int, interface: InterfaceKind)
    /// Operations buys this model for the customer, charged to the dedicated-line project.
    case replacementBuys(String)
    /// No catalog model with templates takes the line.
    case noReplacement

    /// Whether the finding makes a router unfit for the line.
    public var isFailure: Bool {
        switch self {
        case .noGRE, .tooFewRoutedPorts, .noNAT, .noLAN, .noWANPort, .handoverTooSlow, .noPortForHandover,
            .portTooSlow, .noInterfaceNoSlot, .noModuleForSlots:
            true
        default:
            false
        }
    }

    /// The finding's code, stable for JSON: `router-no-gre`, `router-module-needed`, ….
    public var code: String {
        switch self {
        case .greTunnels: "router-gre"
        case .noGRE: "router-no-gre"
        case .routedPorts: "router-routed-ports"
        case .tooFewRoutedPorts: "router-too-few-ports"
        case .tunnelUnnumbered: "router-unnumbered"
        case .noTunnelUnnumbered: "router-no-unnumbered"
        case .nat: "router-nat"
        case .noNAT: "router-no-nat"
        case .lanOn: "router-lan"
        case .noLAN: "router-no-lan"
        case .wanOn: "router-wan"
        case .noWANPort: "router-no-wan"
        case .handoverTooSlow: "router-handover-too-slow"
        case .noPortForHandover: "router-no-handover-port"
        case .portTooSlow: "router-port-too-slow"
        case .moduleNeeded: "router-module-needed"
        case .noInterfaceNoSlot: "router-no-slot"
        case .noModuleForSlots: "router-no-module"
        case .noTemplates: "router-no-templates"
        case .notInCatalog: "router-not-in-catalog"
        case .provideModelOrVersion: "router-provide-model"
        case .knownModels: "router-known-models"
        case .versionNamesNoModel: "router-version-no-model"
        case .readFromVersion: "router-version-read"
        case .runsOtherSoftware: "router-other-software"
        case .oldIOS: "router-old-ios"
        case .interfacesFitted: "router-interfaces-fitted"
        case .replacementBuys: "router-replacement"
        case .noReplacement: "router-no-replacement"
        }
    }

    /// The finding in English.
    public var description: String {
        switch self {
        case .greTunnels: "GRE tunnels: yes"
        case .noGRE: "no GRE tunnels: an APN line reaches the GGSNs over GRE"
        case .routedPorts(let ports): Self.ports(ports)
        case .tooFewRoutedPorts(let ports): "\(Self.ports(ports)); an APN line needs at least 2 (WAN and LAN)"
        case .tunnelUnnumbered: "IP unnumbered on tunnels: yes"
        case .noTunnelUnnumbered:
            "no IP unnumbered on tunnels: the account manager must apply for one more address pair"
                + " (a /30 per GGSN tunnel) for the tunnel interconnect"
        case .nat: "NAT on the WAN address: yes"
        case .noNAT: "no NAT: an internet line translates the LAN to the WAN address"
        case .lanOn(let port): "LAN on \(port)"
        case .noLAN: "no LAN interface: the model has no second routed Ethernet port and no VLAN interface"
        case .wanOn(let port): "WAN on \(port)"
        case .noWANPort: "no routed Ethernet port for the WAN"
        case .handoverTooSlow(let bandwidth, let interface):
            "\(Self.rate(bandwidth)) is more than an \(interface.rawValue) handover carries"
                + " (\(Self.rate(interface.kilobits)))"
        case .noPortForHandover(let interface, let speeds):
            "no \(interface.rawValue) routed port for a \(interface.rawValue) handover (its routed ports are"
                + " \(Self.list(speeds)))"
        case .portTooSlow(let bandwidth, let port, let speed, let needed):
            "\(Self.rate(bandwidth)) is more than its fastest routed port \(port) carries"
                + " (\(speed.rawValue), \(Self.rate(speed.kilobits))): the line needs a \(needed) routed port"
        case .moduleNeeded(let interface, let module, let slot, let slots, let port):
            "\(interface.rawValue) handover needs a \(module) module in a free \(slot) slot"
                + " (the model has \(slots)); its port is \(port)"
        case .noInterfaceNoSlot(let interface): "no \(interface.rawValue) interface and no expansion slot for one"
        case .noModuleForSlots(let interface, let slots):
            "no \(interface.rawValue) module for its \(slots.joined(separator: "/")) slots"
        case .noTemplates(let model, let software):
            "no configuration templates for \(model) (\(software)): configure it by hand from the plan"
        case .notInCatalog(let name, let suggestion):
            "'\(name)' is not in the router catalog" + (suggestion.map { "; did you mean \($0)?" } ?? "")
        case .provideModelOrVersion:
            "provide the exact model, or paste the output of 'show version' (Cisco) or 'display version'"
                + " (Huawei, H3C) with --version-file"
        case .knownModels(let models): "known models: " + models.joined(separator: ", ")
        case .versionNamesNoModel(let software): "the version output names no router model (\(software))"
        case .readFromVersion(let model, let software, let interfaces, let slots):
            "read from the version output: "
                + (["model \(model ?? "not named")", software] + interfaces
                + (slots.map { ["\($0) expansion slots"] } ?? [])).joined(separator: ", ")
        case .runsOtherSoftware(let running, let catalog, let dialect):
            "the router runs \(running), not the catalog's \(catalog); LinePlan writes \(dialect) commands for it"
        case .oldIOS(let version):
            "IOS \(version) is older than the 12.4 the templates are written for: GRE keepalive needs"
                + " 12.2(8)T or later and 'ip tcp adjust-mss' 12.2(4)T or later; check the image before the line"
                + " is opened"
        case .interfacesFitted(let count, let interface):
            "the version output shows \(count) \(interface == .e1 ? "E1" : "serial") interface"
                + "\(count == 1 ? "" : "s") already fitted"
        case .replacementBuys(let model):
            "operations buys a \(model) for the customer, charged to the dedicated-line project (集团客户专线工程)"
        case .noReplacement:
            "no catalog model with configuration templates can take this line; ask the support centre for a router"
        }
    }

    /// A rate for messages: `200M`, `1G`, `2.048M`.
    public static func rate(_ kilobits: Int) -> String {
        if kilobits >= 1_000_000, kilobits % 1_000_000 == 0 { return "\(kilobits / 1_000_000)G" }
        if kilobits % 1000 == 0 { return "\(kilobits / 1000)M" }
        let thousandths = kilobits % 1000
        let fraction = String(repeating: "0", count: 3 - String(thousandths).count) + String(thousandths)
        return "\(kilobits / 1000).\(fraction)M"
    }

    /// "FE, GE and 10GE".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }

    /// "2 routed Ethernet ports (FastEthernet0/0, FastEthernet0/1)".
    private static func ports(_ ports: [String]) -> String {
        let count = ports.count == 1 ? "1 routed Ethernet port" : "\(ports.count) routed Ethernet ports"
        return ports.isEmpty ? count : "\(count) (\(ports.joined(separator: ", ")))"
    }
}
