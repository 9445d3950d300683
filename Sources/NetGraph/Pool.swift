public import NetAddress

/// An address pool of the network, from which lines get their addresses.
public struct Pool: Sendable, Hashable {
    /// What a pool's addresses are for.
    public enum Purpose: String, Sendable, Hashable, CaseIterable {
        /// Interconnect /30 (or /31) subnets between carrier and customer routers.
        case interconnect
        /// Customer LAN prefixes.
        case lan
        /// APN terminal pools.
        case apn
        /// GRE tunnel interconnect pairs.
        case tunnel
        /// Loopback /32 addresses.
        case loopback
        /// Public CMNET blocks: an internet line's WAN /30 and any public LAN block routed to it.
        case `public`
    }

    /// Address space that is never public (RFC 6890).
    ///
    /// That is `0/8`, `10/8`, `100.64/10` (shared CGN space), `127/8`, `169.254/16`, `172.16/12`, `192.168/16`, `198.18/15` and `224/3` (multicast and
    /// reserved). A `public` pool must lie outside all of them; the documentation blocks of RFC 5737
    /// (`192.0.2/24`, `198.51.100/24`, `203.0.113/24`) are allowed so demo networks can show public
    /// addresses without using anyone's.
    public static let nonPublicSpace: [IPv4Prefix] = [
        (0x0000_0000, 8), (0x0A00_0000, 8), (0x6440_0000, 10), (0x7F00_0000, 8), (0xA9FE_0000, 16),
        (0xAC10_0000, 12), (0xC0A8_0000, 16), (0xC612_0000, 15), (0xE000_0000, 3),
    ].compactMap { try? IPv4Prefix(network: IPv4Address($0.0), length: $0.1) }

    /// The pool's identifier, unique in the network.
    public var id: String
    /// What its addresses are for.
    public var purpose: Purpose
    /// The pool's prefix.
    public var prefix: IPv4Prefix

    /// Creates a pool.
    public init(id: String, purpose: Purpose, prefix: IPv4Prefix) {
        self.id = id
        self.purpose = purpose
        self.prefix = prefix
    }
}
