/// One router model of the catalog: its software, ports, slots, modules and features.
///
/// Facts come from `Templates/routers.json`; see vendor-configs.md §3 for their sources. A model
/// without a ``dialect`` can be judged but LinePlan writes no configuration for it.
public struct RouterModel: Sendable, Hashable {
    /// A routed (layer 3) Ethernet port.
    public struct Port: Sendable, Hashable {
        /// The interface name as the router's CLI spells it: `FastEthernet0/0`, `Ethernet0/0`.
        public var name: String
        /// `.fastEthernet`, `.gigabitEthernet` or `.tenGigabitEthernet`.
        public var speed: InterfaceKind

        /// Creates a port.
        public init(name: String, speed: InterfaceKind) {
            self.name = name
            self.speed = speed
        }
    }

    /// A group of expansion slots of one kind.
    public struct Slot: Sendable, Hashable {
        /// The slot kind: `HWIC`, `SIC`, `MIM`, `AIM`, `NME`.
        public var kind: String
        /// How many.
        public var count: Int

        /// Creates a slot group.
        public init(kind: String, count: Int) {
            self.kind = kind
            self.count = count
        }
    }

    /// A module that gives the router a customer interface it lacks on board (E1 or V.35).
    public struct Module: Sendable, Hashable {
        /// The interface the module provides: `.e1` or `.v35`.
        public var interface: InterfaceKind
        /// The module's name, such as `VWIC2-1MFT-T1/E1`.
        public var name: String
        /// The slot kind it goes into.
        public var slot: String
        /// The interface name once it is fitted in the first slot, such as `Serial0/0/0:0`.
        public var port: String

        /// Creates a module entry.
        public init(interface: InterfaceKind, name: String, slot: String, port: String) {
            self.interface = interface
            self.name = name
            self.slot = slot
            self.port = port
        }
    }

    /// What the router's software can do, for the capability check.
    public struct Features: Sendable, Hashable {
        /// GRE tunnels.
        public var gre: Bool
        /// IP unnumbered on tunnel interfaces (the tunnel borrows the WAN address).
        public var tunnelUnnumbered: Bool
        /// NAT/PAT on the outside interface's address (Cisco overload, Huawei Easy IP).
        public var nat: Bool

        /// Creates a feature set.
        public init(gre: Bool, tunnelUnnumbered: Bool, nat: Bool) {
            self.gre = gre
            self.tunnelUnnumbered = tunnelUnnumbered
            self.nat = nat
        }
    }

    /// The model's name: `Cisco 1841`, `Huawei AR28-11`.
    public var name: String
    /// The vendor: `Cisco`, `Huawei`, `H3C`.
    public var vendor: String
    /// Other spellings that name the model: `1841`, `CISCO1841`, `Quidway AR28-11`.
    public var aliases: [String]
    /// The software family and release: `IOS 12.4`, `VRP 3`, `VRP 5`, `Comware 5`.
    public var software: String
    /// The configuration language LinePlan writes for it, or `nil` when it has no templates.
    public var dialect: ConfigDialect?
    /// Routed Ethernet ports in CLI order; the first is the WAN port.
    public var routedPorts: [Port]
    /// Layer 2 switch ports (LAN side), if any.
    public var switchPorts: [String]
    /// The layer 3 interface over the switch ports (`Vlan1`, `Vlanif1`), if the model has one.
    public var lanInterface: String?
    /// Expansion slots.
    public var slots: [Slot]
    /// Modules for E1 or V.35 handover.
    public var modules: [Module]
    /// Software features.
    public var features: Features
    /// Whether the access handbook names this model as the replacement to buy (Cisco 1841, Huawei AR28-11).
    public var recommended: Bool
    /// Where the facts come from, and which are guesses (`[EJ]`) or unverified (`[K]`).
    public var note: String

    /// Creates a model.
    public init(
        name: String, vendor: String, aliases: [String], software: String, dialect: ConfigDialect?,
        routedPorts: [Port], switchPorts: [String], lanInterface: String?, slots: [Slot], modules: [Module],
        features: Features, recommended: Bool, note: String
    ) {
        self.name = name
        self.vendor = vendor
        self.aliases = aliases
        self.software = software
        self.dialect = dialect
        self.routedPorts = routedPorts
        self.switchPorts = switchPorts
        self.lanInterface = lanInterface
        self.slots = slots
        self.modules = modules
        self.features = features
        self.recommended = recommended
        self.note = note
    }

    /// The port LinePlan uses for the WAN: the first routed port.
    public var wanPort: Port? { routedPorts.first }

    /// The interface LinePlan uses for the LAN: the second routed port, else the switch ports' VLAN
    /// interface.
    public var lanPort: String? {
        routedPorts.count >= 2 ? routedPorts[1].name : lanInterface
    }

    /// The module that provides a handover interface, if the model takes one.
    ///
    /// - Parameter interface: `.e1` or `.v35`.
    /// - Returns: The module, or `nil`.
    public func module(for interface: InterfaceKind) -> Module? {
        modules.first { $0.interface == interface }
    }

    /// Whether the router has an interface of this name on board, from a module it takes, or as its
    /// LAN VLAN interface.
    ///
    /// - Parameter name: The interface name.
    /// - Returns: `true` when the name is one of the model's.
    public func hasInterface(named name: String) -> Bool {
        routedPorts.contains { $0.name == name } || modules.contains { $0.port == name } || lanInterface == name
    }
}
