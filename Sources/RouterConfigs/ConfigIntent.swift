public import Devices
public import NetAddress

/// What one customer router's configuration must say, neutral of vendor: the planner fills one per
/// site and LinePlan renders it in the site's dialect, then reads the text back and checks it.
///
/// Build one with the product's factory, which also writes the routes and NAT that the product needs
/// (see ``apn(dialect:hostname:lineID:customer:site:wan:wanPeer:lan:tunnels:pool:)``,
/// ``internet(dialect:hostname:lineID:customer:site:wan:wanPeer:lan:)`` and
/// ``interconnect(dialect:hostname:lineID:customer:site:wan:wanPeer:lan:remoteLANs:)``):
///
///     // An APN line on a Cisco 1841: WAN = the customer side of the interconnect /30.
///     let intent = ConfigIntent.apn(
///         dialect: .ios, hostname: "ABC-WH-HQ", lineID: "ORD-2026-0042/HQ",
///         customer: "中国农业银行武汉分行", site: "总部",
///         wan: .init(name: "FastEthernet0/0", address: try IPv4Address(parsing: "10.250.0.2"),
///                    block: try IPv4Prefix(parsing: "10.250.0.0/30")),
///         wanPeer: try IPv4Address(parsing: "10.250.0.1"),
///         lan: .init(name: "FastEthernet0/1", address: try IPv4Address(parsing: "192.168.10.1"),
///                    block: try IPv4Prefix(parsing: "192.168.10.0/24")),
///         tunnels: [
///             .init(ggsn: "GGSN-01", destination: try IPv4Address(parsing: "172.16.100.1")),
///             .init(ggsn: "GGSN-02", destination: try IPv4Address(parsing: "172.16.101.1")),
///         ],
///         pool: try IPv4Prefix(parsing: "10.200.0.0/23"))
///
/// Interface names come from the router model (``RouterModel/wanPort``, ``RouterModel/lanPort``). A
/// router without IP unnumbered (`needs-address-pair`) gets `inner:` /30s on its tunnels.
/// Everything can be changed after the factory: add routes, give descriptions, set a GRE key.
public struct ConfigIntent: Sendable, Hashable {
    /// A routed interface with its address and the block the address was allocated from.
    public struct Interface: Sendable, Hashable {
        /// The interface name as the router spells it: `FastEthernet0/0`, `Ethernet0/1`, `Vlan1`,
        /// `GigabitEthernet0/0.101` (dot1Q), `Serial0/0/0:0` (E1), `Serial0/0/0` (V.35).
        public var name: String
        /// The router's address on it.
        public var address: IPv4Address
        /// The allocated block: the interconnect /30 (WAN) or the LAN prefix; the mask comes from it.
        public var block: IPv4Prefix
        /// The description; `nil` lets LinePlan write its default (`WAN to CMNET, line ORD-1/HQ`).
        public var description: String?
        /// The far end on the block, the next hop through this interface, if the plan knows it (WANs).
        public var peer: IPv4Address?
        /// The layer below IP: Ethernet, an 802.1Q sub-interface, an E1 channel or a V.35 port.
        public var link: LinkLayer
        /// Further blocks on the interface, the router taking each block's first host (IOS
        /// `ip address A M secondary`, VRP `ip address A M sub`).
        public var secondaries: [IPv4Prefix]

        /// Creates an interface.
        public init(
            name: String, address: IPv4Address, block: IPv4Prefix, description: String? = nil,
            peer: IPv4Address? = nil, link: LinkLayer = .ethernet, secondaries: [IPv4Prefix] = []
        ) {
            self.name = name
            self.address = address
            self.block = block
            self.description = description
            self.peer = peer
            self.link = link
            self.secondaries = secondaries
        }

        /// The router's address on each secondary block: the block's first host.
        public var secondaryAddresses: [IPv4Address] {
            secondaries.map(\.firstHost)
        }
    }

    /// GRE keepalive: a probe every `period` seconds, the tunnel down after `retries` lost.
    public struct Keepalive: Sendable, Hashable {
        /// Seconds between probes, 1...32767.
        public var period: Int
        /// Probes lost before the tunnel goes down, 1...255.
        public var retries: Int

        /// Creates a keepalive; the default is 10 s × 3 (domain-rules §8).
        public init(period: Int = 10, retries: Int = 3) {
            self.period = period
            self.retries = retries
        }
    }

    /// One GRE tunnel from the customer router to a GGSN (APN lines).
    ///
    /// The tunnel's source is the WAN address; its destination is the GGSN's GRE address. With
    /// `inner == nil` the tunnel borrows the WAN address (IP unnumbered); otherwise it is numbered from
    /// the /30: the GGSN end takes the first host and the customer end the second.
    public struct Tunnel: Sendable, Hashable {
        /// The GGSN's node id, for descriptions and the office data.
        public var ggsn: String
        /// The GGSN's GRE endpoint address.
        public var destination: IPv4Address
        /// The tunnel's inner /30 (or /31), or `nil` for IP unnumbered.
        public var inner: IPv4Prefix?
        /// The keepalive.
        public var keepalive: Keepalive
        /// The tunnel IP MTU: 1476 (1500 − 20 − 4), 1472 with a key.
        public var mtu: Int
        /// The TCP MSS clamp: MTU − 40.
        public var mss: Int
        /// The GRE key that tells tunnels between the same two ends apart, if any.
        public var key: UInt32?
        /// The description; `nil` gives `GRE to <ggsn>`.
        public var description: String?

        /// Creates a tunnel with the defaults of domain-rules §5: keepalive 10 s × 3, MTU 1476 and
        /// MSS 1436, or 1472 and 1432 when a key adds 4 bytes.
        public init(
            ggsn: String, destination: IPv4Address, inner: IPv4Prefix? = nil, key: UInt32? = nil,
            keepalive: Keepalive = Keepalive(), description: String? = nil
        ) {
            self.ggsn = ggsn
            self.destination = destination
            self.inner = inner
            self.key = key
            self.keepalive = keepalive
            self.mtu = key == nil ? 1476 : 1472
            self.mss = key == nil ? 1436 : 1432
            self.description = description
        }

        /// Whether the tunnel borrows the WAN address.
        public var isUnnumbered: Bool { inner == nil }

        /// The customer end's inner address: the /30's second host (the /31's second address).
        public var customerInnerAddress: IPv4Address? {
            inner.map { IPv4Address($0.firstHost.value &+ 1) }
        }

        /// The GGSN end's inner address: the /30's first host.
        public var ggsnInnerAddress: IPv4Address? { inner?.firstHost }
    }

    /// A static route.
    public struct Route: Sendable, Hashable {
        /// Where a route sends its traffic.
        public enum NextHop: Sendable, Hashable {
            /// A next-hop address on a connected block (the WAN peer).
            case address(IPv4Address)
            /// The tunnel at this position of ``ConfigIntent/tunnels``.
            case tunnel(Int)
        }

        /// The destination.
        public var prefix: IPv4Prefix
        /// The next hop.
        public var nextHop: NextHop
        /// The administrative distance (IOS) or preference (VRP) of a floating route, 1...255; `nil` for the
        /// dialect's default (IOS 1, VRP 60).
        public var distance: Int?

        /// Creates a route.
        public init(prefix: IPv4Prefix, nextHop: NextHop, distance: Int? = nil) {
            self.prefix = prefix
            self.nextHop = nextHop
            self.distance = distance
        }

        /// The distance a floating backup route gets: 250, above every dynamic protocol's.
        public static let floatingDistance = 250
    }

    /// NAT for an internet line: the inside sources translated to the WAN address (PAT/Easy IP), and the
    /// sources refused inbound on the WAN (anti-spoofing).
    public struct NAT: Sendable, Hashable {
        /// The source prefixes translated (the LAN).
        public var inside: [IPv4Prefix]
        /// The source prefixes refused when they arrive on the WAN.
        public var antiSpoofing: [IPv4Prefix]

        /// Creates NAT settings.
        public init(inside: [IPv4Prefix], antiSpoofing: [IPv4Prefix]) {
            self.inside = inside
            self.antiSpoofing = antiSpoofing
        }

        /// Sources no internet packet should carry: RFC 1918 (10/8, 172.16/12, 192.168/16) and
        /// loopback (127/8).
        public static let bogons: [IPv4Prefix] = [
            (0x0A00_0000, 8), (0xAC10_0000, 12), (0xC0A8_0000, 16), (0x7F00_0000, 8),
        ].compactMap { try? IPv4Prefix(network: IPv4Address($0.0), length: $0.1) }
    }

    /// The product.
    public var product: LineProduct
    /// The configuration dialect.
    public var dialect: ConfigDialect
    /// The router's hostname: ASCII, see ``ConfigText/hostname(_:platform:field:)``;
    /// ``ConfigText/makeHostname(_:platform:)`` makes one from a line or site id.
    public var hostname: String
    /// The line id (order id / site), written into the default descriptions.
    public var lineID: String
    /// The customer's name, any text (the office data sheet carries it; configurations do not).
    public var customer: String
    /// The site's name, any text; also the configuration file's name (`<site>.<dialect>.cfg`).
    public var site: String
    /// The WAN interface: the customer side of the interconnect block.
    public var wan: Interface
    /// The carrier side of the interconnect block: the WAN next hop.
    public var wanPeer: IPv4Address
    /// Further WAN interfaces after ``wan``: an interconnect hub has one per branch (a dot1Q
    /// sub-interface or a serial), each on that branch's /30 with its own ``Interface/peer``.
    public var extraWANs: [Interface]
    /// The LAN interface and prefix.
    public var lan: Interface
    /// GRE tunnels, one per GGSN (APN lines only).
    public var tunnels: [Tunnel]
    /// The APN terminal pool (APN lines only): every prefix routed into a tunnel lies inside it.
    public var pool: IPv4Prefix?
    /// Static routes, in the order they are written.
    public var routes: [Route]
    /// NAT (internet lines only).
    public var nat: NAT?
    /// A login banner (`banner motd` on IOS; not written on VRP), or `nil`.
    public var banner: String?

    /// Creates an intent from all its parts; the factories are easier.
    public init(
        product: LineProduct, dialect: ConfigDialect, hostname: String, lineID: String, customer: String,
        site: String, wan: Interface, wanPeer: IPv4Address, lan: Interface, tunnels: [Tunnel] = [],
        pool: IPv4Prefix? = nil, routes: [Route] = [], nat: NAT? = nil, banner: String? = nil,
        extraWANs: [Interface] = []
    ) {
        self.product = product
        self.dialect = dialect
        self.hostname = hostname
        self.lineID = lineID
        self.customer = customer
        self.site = site
        self.wan = wan
        self.wanPeer = wanPeer
        self.lan = lan
        self.tunnels = tunnels
        self.pool = pool
        self.routes = routes
        self.nat = nat
        self.banner = banner
        self.extraWANs = extraWANs
    }

    /// Every WAN interface: ``wan``, then ``extraWANs``.
    public var wans: [Interface] {
        [wan] + extraWANs
    }

    /// The name of the tunnel interface at a position in this dialect: `Tunnel0`, `Tunnel0/0/0`.
    ///
    /// - Parameter index: The tunnel's position.
    /// - Returns: The interface name.
    public func tunnelName(_ index: Int) -> String {
        dialect.tunnelName(index)
    }

    /// The configuration file's name: `<slug>.<dialect>.cfg`.
    ///
    /// The slug is the site's name folded to ASCII letters, digits and `-`, or the hostname when the
    /// name is not ASCII (see ``ConfigNames/fileSlug(_:fallback:)``). A plan names its files itself.
    public var fileName: String {
        "\(ConfigNames.fileSlug(site, fallback: hostname)).\(dialect.rawValue).cfg"
    }
}
