public import Devices
public import NetAddress

extension ConfigIntent {
    /// An APN line: one GRE tunnel per GGSN, each destination reached by a /32 host route through the
    /// WAN peer (never through a tunnel), and the terminal pool routed into every tunnel.
    ///
    /// The routes are, in order: `<GGSN>/32 via wanPeer` per tunnel, then `pool via Tunnel<i>` per
    /// tunnel. With one pool share per tunnel (a /23 split into a /24 per GGSN, domain-rules §5), the
    /// pool routes become: share *i* via tunnel *i* for each *i* (primary), then share *i* via every other
    /// tunnel with distance 250 (a floating backup over the other GGSN). Shares of another count than the
    /// tunnels are ignored (the whole pool goes into every tunnel); validation then still checks each
    /// routed prefix lies in the pool.
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
    ///   - poolShares: Each GGSN's share of the pool, in the order of `tunnels`, or empty.
    /// - Returns: The intent.
    /// - Complexity: O(*t*²) for *t* tunnels.
    public static func apn(
        dialect: ConfigDialect, hostname: String, lineID: String, customer: String, site: String, wan: Interface,
        wanPeer: IPv4Address, lan: Interface, tunnels: [Tunnel], pool: IPv4Prefix, poolShares: [IPv4Prefix] = []
    ) -> ConfigIntent {
        var routes: [Route] = tunnels.compactMap { tunnel in
            hostPrefix(tunnel.destination).map { Route(prefix: $0, nextHop: .address(wanPeer)) }
        }
        if !poolShares.isEmpty, poolShares.count == tunnels.count {
            routes.append(contentsOf: poolShares.indices.map { Route(prefix: poolShares[$0], nextHop: .tunnel($0)) })
            for (share, prefix) in poolShares.enumerated() {
                for backup in tunnels.indices where backup != share {
                    routes.append(Route(prefix: prefix, nextHop: .tunnel(backup), distance: Route.floatingDistance))
                }
            }
        } else {
            routes.append(contentsOf: tunnels.indices.map { Route(prefix: pool, nextHop: .tunnel($0)) })
        }
        return ConfigIntent(
            product: .apn, dialect: dialect, hostname: hostname, lineID: lineID, customer: customer, site: site,
            wan: wan, wanPeer: wanPeer, lan: lan, tunnels: tunnels, pool: pool, routes: routes)
    }

    /// The primary prefix routed into each tunnel: the routes into tunnel *i* without a distance.
    ///
    /// - Parameter index: The tunnel's position.
    /// - Returns: The prefixes, in route order.
    /// - Complexity: O(*r*) for *r* routes.
    public func primaryPrefixes(ofTunnel index: Int) -> [IPv4Prefix] {
        routes.compactMap { route in
            if case .tunnel(index) = route.nextHop, route.distance == nil {
                return route.prefix
            }
            return nil
        }
    }

    /// An internet line: a default route, NAT of the LAN and an inbound anti-spoofing filter.
    ///
    /// The default route goes through the WAN peer, the LAN is translated to the WAN address, and the
    /// filter is ``NAT/standard(lan:publicBlocks:)``, inbound on the WAN. Public
    /// blocks on the LAN (``Interface/secondaries``) are routed, not translated, and refused as sources
    /// inbound.
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
            wan: wan, wanPeer: wanPeer, lan: lan, routes: routes ?? [],
            nat: .standard(lan: lan.block, publicBlocks: lan.secondaries))
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

    /// An interconnect hub: one WAN (sub)interface per branch, each on that branch's /30 with the
    /// branch router as its ``Interface/peer``, and the caller's routes (each branch LAN through its
    /// branch's peer).
    ///
    /// The first of `wans` becomes ``wan`` and its peer ``wanPeer``; the rest become ``extraWANs``. A
    /// hub with no WAN, or whose first WAN has no peer, is refused by ``validate()`` (field `wans[0]`).
    ///
    /// - Parameters:
    ///   - dialect: The router's configuration dialect.
    ///   - hostname: The hostname (ASCII).
    ///   - lineID: The line id, for descriptions.
    ///   - customer: The customer's name (any text).
    ///   - site: The site's name (any text).
    ///   - wans: One WAN interface per branch, each with its peer.
    ///   - lan: The hub's LAN interface.
    ///   - routes: The static routes, in the order they are written.
    /// - Returns: The intent.
    /// - Complexity: O(*w*) for *w* WANs.
    public static func interconnectHub(
        dialect: ConfigDialect, hostname: String, lineID: String, customer: String, site: String,
        wans: [Interface], lan: Interface, routes: [Route]
    ) -> ConfigIntent {
        // Without a WAN the intent keeps an unnamed one on the LAN block, which validation refuses.
        let first = wans.first ?? Interface(name: "", address: lan.address, block: lan.block)
        return ConfigIntent(
            product: .interconnect, dialect: dialect, hostname: hostname, lineID: lineID, customer: customer,
            site: site, wan: first, wanPeer: first.peer ?? IPv4Address(0), lan: lan, routes: routes,
            extraWANs: Array(wans.dropFirst()))
    }

    static func hostPrefix(_ address: IPv4Address) -> IPv4Prefix? {
        try? IPv4Prefix(network: address, length: 32)
    }
}

extension ConfigIntent.NAT {
    /// NAT for a LAN: the LAN translated; refused inbound: ``bogons``, and the LAN itself and each
    /// public block when no bogon covers it (a packet from outside claiming an inside source).
    ///
    /// - Parameters:
    ///   - lan: The LAN prefix.
    ///   - publicBlocks: Public blocks on the LAN, routed without translation.
    /// - Returns: The NAT settings.
    /// - Complexity: O(*b*) for *b* blocks.
    public static func standard(lan: IPv4Prefix, publicBlocks: [IPv4Prefix] = []) -> ConfigIntent.NAT {
        var refused = bogons
        for block in [lan] + publicBlocks where !refused.contains(where: { $0.contains(block) }) {
            refused.append(block)
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
