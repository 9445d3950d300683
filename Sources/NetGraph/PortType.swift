/// A port type on a node.
public enum PortType: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Fast Ethernet, 100 Mbit/s.
    case fe = "FE"
    /// Gigabit Ethernet.
    case ge = "GE"
    /// 10 Gigabit Ethernet.
    case tenGE = "10GE"
    /// 100 Gigabit Ethernet.
    case hundredGE = "100GE"
    /// E1, 2.048 Mbit/s (G.703).
    case e1 = "E1"
    /// V.35 serial, N×64 kbit/s up to 2 Mbit/s.
    case v35 = "V.35"
    /// STM-1 optical, 155.52 Mbit/s.
    case stm1 = "STM-1"
    /// STM-4 optical.
    case stm4 = "STM-4"
    /// STM-16 optical.
    case stm16 = "STM-16"
    /// A PON port of an OLT.
    case pon = "PON"

    /// The port's line rate.
    public var rate: Bandwidth {
        switch self {
        case .fe: .megabits(100)
        case .ge: .megabits(1000)
        case .tenGE: .megabits(10_000)
        case .hundredGE: .megabits(100_000)
        case .e1: Bandwidth(kilobits: 2048)
        case .v35: Bandwidth(kilobits: 2048)
        case .stm1: Bandwidth(kilobits: 155_520)
        case .stm4: Bandwidth(kilobits: 622_080)
        case .stm16: Bandwidth(kilobits: 2_488_320)
        case .pon: Bandwidth(kilobits: 2_488_320)
        }
    }

    /// Orders port types as declared (FE, GE, 10GE, …).
    public static func < (lhs: PortType, rhs: PortType) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }

    /// All types as written in files, for messages.
    public static var spelledOut: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The ports of one type on a node: how many there are and how many are used.
public struct PortGroup: Sendable, Hashable {
    /// The port type.
    public var type: PortType
    /// How many ports of this type the node has.
    public var total: Int
    /// How many are in use.
    public var used: Int

    /// Creates a port group.
    public init(type: PortType, total: Int, used: Int) {
        self.type = type
        self.total = total
        self.used = used
    }

    /// How many are free.
    public var free: Int { total - used }
}
