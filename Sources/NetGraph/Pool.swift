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
    /// The region whose sites the pool serves (its rooms' ``Room/region``, or a region above theirs),
    /// or `nil` for a pool that serves the whole network.
    public var region: String?

    /// Creates a pool.
    public init(id: String, purpose: Purpose, prefix: IPv4Prefix, region: String? = nil) {
        self.id = id
        self.purpose = purpose
        self.prefix = prefix
        self.region = region
    }

    /// How near the pool is to a site in `siteRegion`: the number of the region's parts the pool's region
    /// covers (`湖北/武汉` is 2 for a site in `湖北/武汉/武昌`), 0 for a pool without a region, or `nil`
    /// when the pool serves another region.
    ///
    /// A site without a region is served only by pools without one.
    /// - Complexity: O(*r*) in the length of the regions.
    public func nearness(to siteRegion: String?) -> Int? {
        guard let region else { return 0 }
        guard let siteRegion else { return nil }
        let scope = Self.parts(of: region)
        let site = Self.parts(of: siteRegion)
        guard scope.count <= site.count, zip(scope, site).allSatisfy({ $0 == $1 }) else { return nil }
        return scope.count
    }

    /// A region's parts, widest first: `湖北/武汉` → `["湖北", "武汉"]`.
    public static func parts(of region: String) -> [Substring] {
        region.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// Why a region name is unusable, or `nil`: one or more parts separated by `/`, each non-empty,
    /// without spaces at its ends, without control, zero-width or bidirectional characters, 128
    /// characters in all at most.
    public static func regionProblem(_ region: String) -> String? {
        if region.count > 128 { return "a region is at most 128 characters" }
        let hidden: [ClosedRange<UInt32>] = [
            0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069,
        ]
        if region.unicodeScalars.contains(where: { scalar in
            scalar.value == 0xFEFF || hidden.contains { $0.contains(scalar.value) }
        }) {
            return "a region must not contain control, zero-width or bidirectional characters"
        }
        for part in parts(of: region) {
            if part.isEmpty { return "each part of a region between '/' must be non-empty" }
            if part.first?.isWhitespace == true || part.last?.isWhitespace == true {
                return "a part of a region must not start or end with a space"
            }
        }
        return nil
    }
}
