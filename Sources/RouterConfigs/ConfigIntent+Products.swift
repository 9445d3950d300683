public import Devices
public import NetAddress

extension ConfigIntent {
    /// An APN line: one GRE tunnel per GGSN, each destination reached by a /32 host route through the
    /// WAN peer (never through a tunnel), and the terminal pool routed into every tunnel.
    ///
    /// The routes are, in order: `<GGSN>/32 via wanPeer` per tunnel, then `pool via Tunnel<i>` per
    /// tunnel. With local pools per GGSN, replace the pool routes by one route per GGSN's share.
    ///
    /// - Parameters:
    ///   - dialect: The router's configuration dialect.
    ///   - hostname: The hostname (ASCII).
    ///   - lineID: The line id, for descriptions.
    ///   - customer: The customer's name (any text).
    ///   - site: The site's name (any text).
    ///   - wan: The WAN interface: the customer side of the interconnect /30.
    ///   - wanPeer: The carrier side of the interconnect /30.
    ///   - lan: The LAN interface.
    ///   - tunnels: One tunnel per GGSN.
    ///   - pool: The APN terminal pool.
    /// - Returns: The intent.
    public static func apn(
        dialect: ConfigDialect, hostname: String, lineID: String, customer: String, site: String, wan: Interface,
        wanPeer: IPv4Address, lan: Interface, tunnels: [Tunnel], pool: IPv4Prefix
    ) -> ConfigIntent {
        var routes: [Route] = tunnels.compactMap { tunnel in
            hostPrefix(tunnel.destination).map { Route(prefix: $0, nextHop: .address(wanPeer)) }
        }
        routes.append(contentsOf: tunnels.indices.map { Route(prefix: pool, nextHop: .tunnel($0)) })
        return ConfigIntent(
            product: .apn, dialect: dialect, hostname: hostname, lineID: lineID, customer: customer, site: site,
            wan: wan, wanPeer: wanPeer, lan: lan, tunnels: tunnels, pool: pool, routes: routes)
    }

    /// An internet line: a default route through the WAN peer, the LAN translated to the WAN address,
    /// and the anti-spoofing filter inbound on the WAN (``NAT/standard(lan:)``).
    ///
    /// - Parameters:
    ///   - dialect: The router's configuration dialect.
    ///   - hostname: The hostname (ASCII).
    ///   - lineID: The line id, for descriptions.
    ///   - customer: The customer's name (any text).
    ///   - site: The site's name (any text).
    ///   - wan: The WAN interface: the customer side of the interconnect /30.
    ///   - wanPeer: The carrier side (the CMNET router).
    ///   - lan: The LAN interface.
    /// - Returns: The intent.
    public static func internet(
        dialect: ConfigDialect, hostname: String, lineID: String, customer: String, site: String, wan: Interface,
        wanPeer: IPv4Address, lan: Interface
    ) -> ConfigIntent {
        let routes = (try? IPv4Prefix(network: IPv4Address(0), length: 0)).map {
            [Route(prefix: $0, nextHop: .address(wanPeer))]
        }
        return ConfigIntent(
            product: .internet, dialect: dialect, hostname: hostname, lineID: lineID, customer: customer, site: site,
            wan: wan, wanPeer: wanPeer, lan: lan, routes: routes ?? [], nat: .standard(lan: lan.block))
    }

    /// An interconnect line: the other sites' LANs routed through the WAN peer.
    ///
    /// - Parameters:
    ///   - dialect: The router's configuration dialect.
    ///   - hostname: The hostname (ASCII).
    ///   - lineID: The line id, for descriptions.
    ///   - customer: The customer's name (any text).
    ///   - site: The site's name (any text).
    ///   - wan: The WAN interface: this site's side of the interconnect /30.
    ///   - wanPeer: The other side of the /30.
    ///   - lan: The LAN interface.
    ///   - remoteLANs: The LAN prefixes of the customer's other sites.
    /// - Returns: The intent.
    public static func interconnect(
        dialect: ConfigDialect, hostname: String, lineID: String, customer: String, site: String, wan: Interface,
        wanPeer: IPv4Address, lan: Interface, remoteLANs: [IPv4Prefix]
    ) -> ConfigIntent {
        ConfigIntent(
            product: .interconnect, dialect: dialect, hostname: hostname, lineID: lineID, customer: customer,
            site: site, wan: wan, wanPeer: wanPeer, lan: lan,
            routes: remoteLANs.map { Route(prefix: $0, nextHop: .address(wanPeer)) })
    }

    static func hostPrefix(_ address: IPv4Address) -> IPv4Prefix? {
        try? IPv4Prefix(network: address, length: 32)
    }
}

extension ConfigIntent.NAT {
    /// NAT for a LAN: the LAN translated; refused inbound: ``bogons``, and the LAN itself when no bogon
    /// covers it (a packet from outside claiming an inside source).
    ///
    /// - Parameter lan: The LAN prefix.
    /// - Returns: The NAT settings.
    public static func standard(lan: IPv4Prefix) -> ConfigIntent.NAT {
        var refused = bogons
        if !refused.contains(where: { $0.contains(lan) }) {
            refused.append(lan)
        }
        return ConfigIntent.NAT(inside: [lan], antiSpoofing: refused)
    }
}

// MARK: - ACL entries

/// One entry of a standard-style ACL as LinePlan writes and reads it: permit or deny a source.
public struct ACLEntry: Sendable, Hashable, CustomStringConvertible {
    /// Permit (`true`) or deny.
    public var permit: Bool
    /// The source prefix, or `nil` for any.
    public var source: IPv4Prefix?

    /// Creates an entry.
    public init(permit: Bool, source: IPv4Prefix?) {
        self.permit = permit
        self.source = source
    }

    /// `permit 192.168.1.0/24`, `deny 10.0.0.0/8`, `permit any`.
    public var description: String {
        "\(permit ? "permit" : "deny") \(source.map(\.description) ?? "any")"
    }
}

extension ConfigIntent {
    /// The NAT ACL: permit each inside prefix.
    var natEntries: [ACLEntry] {
        (nat?.inside ?? []).map { ACLEntry(permit: true, source: $0) }
    }

    /// The inbound WAN filter: permit the WAN block first when a refused prefix covers it (so the
    /// carrier side still reaches the router), deny each refused prefix, permit the rest.
    var filterEntries: [ACLEntry] {
        guard let nat else {
            return []
        }
        var entries: [ACLEntry] = []
        if nat.antiSpoofing.contains(where: { $0.overlaps(wan.block) }) {
            entries.append(ACLEntry(permit: true, source: wan.block))
        }
        entries.append(contentsOf: nat.antiSpoofing.map { ACLEntry(permit: false, source: $0) })
        entries.append(ACLEntry(permit: true, source: nil))
        return entries
    }
}
