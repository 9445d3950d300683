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
    }

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
