public import Devices
public import NetAddress

/// A value read from a configuration, with the 1-based line it is on.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// The 1-based line.
    public var line: Int

    /// Creates a located value.
    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

/// A router configuration read back into what LinePlan checks: hostname, interfaces with their
/// addresses and tunnel settings, static routes, ACLs and NAT.
///
/// Commands the reader does not know are skipped; a known command it cannot read (a bad address) is a
/// problem in ``problems``.
public struct ParsedConfig: Sendable, Hashable {
    /// An address with its netmask, as `ip address A M` writes it.
    public struct AddressMask: Sendable, Hashable {
        /// The address.
        public var address: IPv4Address
        /// The netmask.
        public var mask: IPv4Address

        /// Creates an address with a mask.
        public init(address: IPv4Address, mask: IPv4Address) {
            self.address = address
            self.mask = mask
        }
    }

    /// A keepalive as configured.
    public struct Keepalive: Sendable, Hashable {
        /// Seconds between probes.
        public var period: Int
        /// Probes lost before the tunnel goes down.
        public var retries: Int

        /// Creates a keepalive.
        public init(period: Int, retries: Int) {
            self.period = period
            self.retries = retries
        }
    }

    /// One `interface` block.
    public struct Interface: Sendable, Hashable {
        /// The interface name.
        public var name: String
        /// The line of the `interface` command.
        public var line: Int
        /// `description`.
        public var description: Located<String>?
        /// `ip address A M`.
        public var address: Located<AddressMask>?
        /// `ip address A M secondary` (IOS) or `ip address A M sub` (VRP), in order.
        public var secondaries: [Located<AddressMask>] = []
        /// The 802.1Q VLAN: `encapsulation dot1Q N` (IOS), `dot1q termination vid N` (VRP 5), `vlan-type dot1q
        /// vid N` (VRP 3).
        public var vlan: Located<Int>?
        /// `encapsulation ppp` (IOS) or `link-protocol ppp` (VRP): the line.
        public var ppp: Int?
        /// `arp broadcast enable` (VRP 5 dot1Q termination): the line.
        public var arpBroadcast: Int?
        /// `ip unnumbered X` (IOS) or `ip address unnumbered interface X` (VRP): the lending interface.
        public var unnumbered: Located<String>?
        /// `tunnel source X` (IOS) or `source X` (VRP): an address or an interface name.
        public var tunnelSource: Located<String>?
        /// `tunnel destination A` (IOS) or `destination A` (VRP).
        public var tunnelDestination: Located<IPv4Address>?
        /// `tunnel mode gre ip` (IOS) or `tunnel-protocol gre` (VRP): the line, when present.
        public var greMode: Int?
        /// `keepalive P R` or `keepalive period P retry-times R`.
        public var keepalive: Located<Keepalive>?
        /// `ip mtu N` (IOS) or `mtu N` (VRP).
        public var mtu: Located<Int>?
        /// `ip tcp adjust-mss N` (IOS) or `tcp adjust-mss N` (VRP 5).
        public var mss: Located<Int>?
        /// `tunnel key N` (IOS) or `gre key N` (VRP).
        public var key: Located<UInt32>?
        /// `ip nat inside` (IOS): the line.
        public var natInside: Int?
        /// `ip nat outside` (IOS): the line.
        public var natOutside: Int?
        /// `nat outbound N` (VRP): the ACL.
        public var natOutbound: Located<String>?
        /// The inbound filter ACL: `ip access-group N in` (IOS), `firewall packet-filter N inbound` (VRP 3),
        /// `traffic-filter inbound acl N` (VRP 5).
        public var inboundFilter: Located<String>?

        /// Creates an interface with only its name and line.
        public init(name: String, line: Int) {
            self.name = name
            self.line = line
        }
    }

    /// One channel of an E1 controller: `channel-group N timeslots T` (IOS), `channel-set N timeslot-list T` (VRP).
    public struct Channel: Sendable, Hashable {
        /// The channel number: the `:N` of its serial interface.
        public var number: Int
        /// The timeslots as written: `1-31`.
        public var timeslots: String
        /// The line.
        public var line: Int

        /// Creates a channel.
        public init(number: Int, timeslots: String, line: Int) {
            self.number = number
            self.timeslots = timeslots
            self.line = line
        }
    }

    /// One `controller E1 X` (IOS) or `controller e1 X` (VRP) block.
    public struct Controller: Sendable, Hashable {
        /// The controller's position: `0/0/0`, `1/0`.
        public var name: String
        /// The line of the `controller` command.
        public var line: Int
        /// `framing X` (IOS).
        public var framing: Located<String>?
        /// `using ce1` (VRP): the line.
        public var usingCE1: Int?
        /// The channels in order.
        public var channels: [Channel] = []

        /// Creates a controller with only its name and line.
        public init(name: String, line: Int) {
            self.name = name
            self.line = line
        }
    }

    /// Where a static route goes.
    public enum NextHop: Sendable, Hashable, CustomStringConvertible {
        /// A next-hop address.
        case address(IPv4Address)
        /// An interface.
        case interface(String)

        /// The address or the interface name.
        public var description: String {
            switch self {
            case .address(let address): DottedQuad.text(address)
            case .interface(let name): name
            }
        }
    }

    /// A static route.
    public struct Route: Sendable, Hashable {
        /// The destination.
        public var prefix: IPv4Prefix
        /// The next hop.
        public var nextHop: NextHop
        /// The distance (IOS `ip route P M NH D`) or preference (VRP `preference D`), or `nil` when not written.
        public var distance: Int?
        /// The line.
        public var line: Int

        /// Creates a route.
        public init(prefix: IPv4Prefix, nextHop: NextHop, distance: Int? = nil, line: Int) {
            self.prefix = prefix
            self.nextHop = nextHop
            self.distance = distance
            self.line = line
        }
    }

    /// An ACL with its entries in order.
    public struct ACL: Sendable, Hashable {
        /// The ACL number.
        public var id: String
        /// The line of its first entry (IOS) or of `acl number` (VRP).
        public var line: Int
        /// The entries with their lines.
        public var entries: [Located<ACLEntry>]

        /// Creates an ACL.
        public init(id: String, line: Int, entries: [Located<ACLEntry>] = []) {
            self.id = id
            self.line = line
            self.entries = entries
        }
    }

    /// `ip nat inside source list N interface X overload` (IOS).
    public struct NATRule: Sendable, Hashable {
        /// The source ACL.
        public var acl: String
        /// The outside interface whose address is used.
        public var interface: String
        /// Whether `overload` (PAT) is set.
        public var overload: Bool
        /// The line.
        public var line: Int

        /// Creates a rule.
        public init(acl: String, interface: String, overload: Bool, line: Int) {
            self.acl = acl
            self.interface = interface
            self.overload = overload
            self.line = line
        }
    }

    /// The dialect read.
    public var dialect: ConfigDialect
    /// The file name, for problems.
    public var file: String
    /// `hostname` or `sysname`.
    public var hostname: Located<String>?
    /// The interfaces in order.
    public var interfaces: [Interface] = []
    /// The E1 controllers in order.
    public var controllers: [Controller] = []
    /// The static routes in order.
    public var routes: [Route] = []
    /// The ACLs in order of first appearance.
    public var acls: [ACL] = []
    /// IOS NAT rules.
    public var natRules: [NATRule] = []
    /// `firewall enable` (VRP 3): the line.
    public var firewallEnabled: Int?
    /// Known commands that could not be read.
    public var problems: [ConfigProblem] = []

    /// Creates an empty configuration.
    public init(dialect: ConfigDialect, file: String) {
        self.dialect = dialect
        self.file = file
    }

    /// The interface of a name, if the configuration defines it.
    ///
    /// - Complexity: O(*n*) in the number of interfaces.
    public func interface(named name: String) -> Interface? {
        interfaces.first { $0.name == name }
    }

    /// The distance of a static route written without one: 1 on IOS, 60 (the preference) on VRP.
    public var defaultDistance: Int {
        dialect == .ios ? 1 : 60
    }

    /// Whether a route is a floating backup: its distance is above the dialect's default.
    ///
    /// - Complexity: O(1).
    public func isFloating(_ route: Route) -> Bool {
        (route.distance ?? defaultDistance) > defaultDistance
    }

    /// The E1 controller of a name (`0/0/0`), if the configuration defines it.
    ///
    /// - Complexity: O(*n*) in the number of controllers.
    public func controller(named name: String) -> Controller? {
        controllers.first { $0.name == name }
    }

    /// The ACL of a number, if the configuration defines it.
    public func acl(_ id: String) -> ACL? {
        acls.first { $0.id == id }
    }

    /// Whether the configuration defines an interface of this name.
    public func hasInterface(named name: String) -> Bool {
        interfaces.contains { $0.name == name }
    }

    /// Whether the configuration defines an ACL of this number.
    public func hasACL(_ id: String) -> Bool {
        acls.contains { $0.id == id }
    }

    /// The address of the interface of a name, if it is defined and has one.
    public func address(ofInterface name: String) -> IPv4Address? {
        for interface in interfaces where interface.name == name {
            return interface.address?.value.address
        }
        return nil
    }
}
