/// The configuration language of a router, and its profile: the folder of its templates and the
/// suffix of its files, name and description limits, tunnel naming, ACL numbering, whether it clamps
/// the TCP MSS and writes a login banner — one place for what differs between dialects.
///
/// | dialect | routers | template folder |
/// |---|---|---|
/// | `ios` | Cisco IOS 12.4 (1841, 2811, 881) | `Templates/ios/` |
/// | `vrp3` | Huawei VRP 3.x (AR28-11); H3C Comware 5 (MSR20-20) speaks the same commands | `Templates/vrp3/` |
/// | `vrp5` | Huawei VRP 5.x (AR1220) | `Templates/vrp5/` |
public enum ConfigDialect: String, Sendable, Hashable, CaseIterable {
    /// Cisco IOS 12.4.
    case ios
    /// Huawei VRP 3.x, and the H3C Comware 5 commands that LinePlan uses.
    case vrp3
    /// Huawei VRP 5.x.
    case vrp5

    /// The name for messages: "Cisco IOS 12.4", "Huawei VRP 3", "Huawei VRP 5".
    public var displayName: String {
        switch self {
        case .ios: "Cisco IOS 12.4"
        case .vrp3: "Huawei VRP 3"
        case .vrp5: "Huawei VRP 5"
        }
    }

    /// The longest hostname (`hostname`, `sysname`) LinePlan writes.
    ///
    /// IOS takes up to 63 characters (one DNS label); VRP 3 and Comware 5 take 1 to 30 [K];
    /// VRP 5 takes more (246 [K]), but LinePlan keeps to 63 so a name fits a DNS label everywhere.
    public var hostnameLimit: Int {
        switch self {
        case .ios: 63
        case .vrp3: 30
        case .vrp5: 63
        }
    }

    /// The longest interface description the platform takes: IOS 240, VRP 3 80, VRP 5 242 [K].
    public var descriptionLimit: Int {
        switch self {
        case .ios: 240
        case .vrp3: 80
        case .vrp5: 242
        }
    }

    /// The name of the tunnel interface at a 0-based position: `Tunnel0` on IOS and VRP 3,
    /// `Tunnel0/0/0` on VRP 5.
    ///
    /// - Parameter index: The tunnel's position, from 0.
    /// - Returns: The interface name.
    public func tunnelName(_ index: Int) -> String {
        switch self {
        case .ios, .vrp3: "Tunnel\(index)"
        case .vrp5: "Tunnel0/0/\(index)"
        }
    }

    /// Whether LinePlan writes a TCP MSS clamp on the tunnel.
    ///
    /// The command is unverified on the AR28-11 (VRP 3), so it is left out there and the office data
    /// asks for the clamp on the GGSN end (vendor-configs.md §1.2).
    public var clampsTCPMSS: Bool { self != .vrp3 }

    /// Whether LinePlan's templates write a login banner (`banner motd` on IOS); an intent with a
    /// banner for a dialect without one is refused naming the field, never dropped.
    public var writesLoginBanner: Bool { self == .ios }

    /// The dialect's ACL numbers and rule numbering.
    public var aclNumbering: ACLNumbering {
        switch self {
        case .ios: ACLNumbering(nat: "1", filter: "101", firstRule: 0, step: 1)
        case .vrp3: ACLNumbering(nat: "2000", filter: "3000", firstRule: 0, step: 1)
        case .vrp5: ACLNumbering(nat: "2000", filter: "3000", firstRule: 5, step: 5)
        }
    }
}

/// The ACL numbers and rule numbering of a dialect: part of its profile (``ConfigDialect``).
public struct ACLNumbering: Sendable, Hashable {
    /// The NAT (source) ACL: `1` on IOS, `2000` (basic) on VRP.
    public var nat: String
    /// The inbound filter ACL: `101` on IOS, `3000` (advanced) on VRP.
    public var filter: String
    /// The first rule number: VRP 3 counts 0, 1, 2; VRP 5 5, 10, 15.
    public var firstRule: Int
    /// The step between rule numbers.
    public var step: Int

    /// Creates a numbering.
    public init(nat: String, filter: String, firstRule: Int, step: Int) {
        self.nat = nat
        self.filter = filter
        self.firstRule = firstRule
        self.step = step
    }
}

/// The product of a dedicated line (集团专线).
public enum LineProduct: String, Sendable, Hashable, CaseIterable {
    /// GPRS-APN line: the enterprise intranet joined to a private APN by GRE tunnels to the GGSNs.
    case apn
    /// CMNET internet line: office internet access with NAT on the customer router.
    case internet
    /// Interconnect line: the enterprise's own sites joined by a private channel.
    case interconnect

    /// The name for messages: "an APN line", "an internet line", "an interconnect line".
    public var phrase: String {
        switch self {
        case .apn: "an APN line"
        case .internet: "an internet line"
        case .interconnect: "an interconnect line"
        }
    }
}

/// The kind of interface a line is handed over on at the customer router.
public enum InterfaceKind: String, Sendable, Hashable, CaseIterable {
    /// 10/100 Ethernet.
    case fastEthernet = "FE"
    /// 10/100/1000 Ethernet.
    case gigabitEthernet = "GE"
    /// 10 Gigabit Ethernet (an SFP+ port).
    case tenGigabitEthernet = "10GE"
    /// A 2 Mbit/s E1 (G.703), which needs an E1 module on the router.
    case e1 = "E1"
    /// A V.35 synchronous serial port, which needs a serial module on the router.
    case v35 = "V.35"

    /// Whether the handover is Ethernet (served by a routed Ethernet port).
    public var isEthernet: Bool { self == .fastEthernet || self == .gigabitEthernet || self == .tenGigabitEthernet }

    /// The rate the interface carries, in kbit/s: FE 100 000, GE 1 000 000, 10GE 10 000 000, E1 and
    /// V.35 2 048.
    public var kilobits: Int {
        switch self {
        case .fastEthernet: 100_000
        case .gigabitEthernet: 1_000_000
        case .tenGigabitEthernet: 10_000_000
        case .e1, .v35: 2048
        }
    }

    /// The slowest Ethernet port kind that carries a rate: FE up to 100M, GE up to 1G, else 10GE;
    /// `nil` above 10G.
    ///
    /// - Parameter kilobits: The rate in kbit/s.
    /// - Returns: The port kind.
    public static func ethernet(carrying kilobits: Int) -> InterfaceKind? {
        [.fastEthernet, .gigabitEthernet, .tenGigabitEthernet].first { $0.kilobits >= kilobits }
    }
}
