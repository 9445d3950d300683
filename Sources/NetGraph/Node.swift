/// A piece of equipment or a customer site in the network.
public struct Node: Sendable, Hashable {
    /// The node's identifier, unique in the network.
    public var id: String
    /// What the node is.
    public var kind: NodeKind
    /// A display name, when different from the id.
    public var name: String?
    /// The machine room that hosts it, by room id.
    public var room: String?
    /// Where it is.
    public var location: Location
    /// Its ports by type, ordered by type (the initializer sorts them).
    public var ports: [PortGroup]
    /// PON facts of an OLT.
    public var pon: PONFacts?
    /// Split ratio and use of a splitter.
    public var splitter: SplitterFacts?
    /// A building's area (town or countryside).
    public var area: Area?
    /// A building's street address.
    public var address: String?

    /// Creates a node.
    public init(
        id: String, kind: NodeKind, name: String? = nil, room: String? = nil, location: Location,
        ports: [PortGroup] = [], pon: PONFacts? = nil, splitter: SplitterFacts? = nil, area: Area? = nil,
        address: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.room = room
        self.location = location
        self.ports = ports.sorted { $0.type < $1.type }
        self.pon = pon
        self.splitter = splitter
        self.area = area
        self.address = address
    }

    /// The node's layer, from its kind.
    public var layer: Layer { kind.layer }

    /// The ports of one type, if the node has any.
    public func ports(of type: PortType) -> PortGroup? {
        ports.first { $0.type == type }
    }
}

/// The PON facts of an OLT: standard and optical power class.
public struct PONFacts: Sendable, Hashable {
    /// A PON standard.
    public enum Standard: String, Sendable, Hashable, CaseIterable {
        /// GPON (G.984), 2.488/1.244 Gbit/s.
        case gpon
        /// EPON (802.3ah), 1.25 Gbit/s.
        case epon
        /// XG-PON (G.987), 10/2.5 Gbit/s.
        case xgpon
        /// XGS-PON (G.9807.1), 10/10 Gbit/s.
        case xgspon
    }

    /// The standard.
    public var standard: Standard
    /// The optical power class, such as `B+` or `C+`.
    public var opticalClass: String
    /// How many ONUs one PON port may serve (split ratio; GPON logical limit 128).
    public var maxONUsPerPort: Int

    /// Creates PON facts.
    public init(standard: Standard, opticalClass: String, maxONUsPerPort: Int = 64) {
        self.standard = standard
        self.opticalClass = opticalClass
        self.maxONUsPerPort = maxONUsPerPort
    }

    /// The loss budget of each optical class, in dB (GPON B+ 28, C+ 32, C++ 33; XGS-PON N1 29,
    /// N2 31, E1 33; EPON PX20 24, PX20+ 28).
    public static let budgets: [String: Double] = [
        "B+": 28, "C+": 32, "C++": 33, "N1": 29, "N2": 31, "E1": 33, "PX20": 24, "PX20+": 28,
    ]

    /// The class's loss budget in dB.
    public var budgetDecibels: Double { Self.budgets[opticalClass] ?? 28 }
}

/// A splitter's ratio and how many of its branches are taken.
public struct SplitterFacts: Sendable, Hashable {
    /// The split ratio: 2, 4, 8, 16, 32, 64 or 128.
    public var ratio: Int
    /// Branches in use (ONUs connected).
    public var used: Int

    /// Creates splitter facts.
    public init(ratio: Int, used: Int) {
        self.ratio = ratio
        self.used = used
    }

    /// The insertion loss of each ratio, in dB (1:2 3.6 … 1:128 23.5).
    public static let losses: [Int: Double] = [2: 3.6, 4: 7.0, 8: 10.5, 16: 14.0, 32: 17.0, 64: 20.5, 128: 23.5]

    /// This splitter's insertion loss in dB.
    public var lossDecibels: Double { Self.losses[ratio] ?? 0 }
}
