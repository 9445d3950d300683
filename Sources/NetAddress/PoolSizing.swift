/// Prefix lengths for address pools: the APN terminal pool and customer LANs.
///
///     let apn = try PoolSizing.apnPoolLength(terminals: 300)  // 23
///     let lan = try PoolSizing.lanLength(hosts: 50)           // 26
public enum PoolSizing {
    /// The largest terminal count ``apnPoolLength(terminals:growth:reserve:)`` accepts (16 million).
    public static let maximumTerminals = 16_000_000

    /// The largest host count ``lanLength(hosts:)`` accepts: a /0 less its network and broadcast addresses.
    public static let maximumHosts = 4_294_967_294

    /// Returns the prefix length of the GPRS-APN terminal (user) address pool for a number of terminals.
    ///
    /// The formula, from the domain rules (§5 "Pool sizing", defaults `apn.pool_growth` 1.3 and
    /// `apn.reserve` 0.1):
    ///
    ///     planned  = ceil(terminals × growth)
    ///     hosts    = planned + ceil(planned × reserve)
    ///     length   = 32 − ceil(log2(hosts + 2))      // + 2 for the network and broadcast addresses
    ///
    /// For 300 terminals: planned = 390, hosts = 390 + 39 = 429, log2(431) ≈ 8.75 → 9 bits, so a /23
    /// (512 addresses). Products that are within 1e-9 of a whole number count as that number, so binary
    /// rounding cannot add a host (100 × 1.1 is 110, not 111). When the pools are local to each GGSN, each
    /// GGSN gets its own pool; size it from that GGSN's share of the terminals.
    ///
    /// - Parameters:
    ///   - terminals: The number of terminals (SIMs) on the APN, 1...``maximumTerminals``.
    ///   - growth: The growth factor applied first, at least 1 (default 1.3).
    ///   - reserve: The extra share kept in reserve, 0...1 (default 0.1, that is 10 %).
    /// - Returns: The prefix length, such as 23.
    /// - Throws: ``NetAddressError`` with ``NetAddressError/Code/invalidRequest`` when `terminals` is not
    ///   positive or above ``maximumTerminals``, when `growth` or `reserve` is out of range or not finite, or
    ///   when the pool would not fit in IPv4.
    public static func apnPoolLength(
        terminals: Int,
        growth: Double = 1.3,
        reserve: Double = 0.1
    ) throws(NetAddressError) -> Int {
        let input = "terminals=\(terminals) growth=\(growth) reserve=\(reserve)"
        func invalid(_ reason: String) -> NetAddressError {
            NetAddressError(
                code: .invalidRequest,
                message: "cannot size an APN pool for \(input): \(reason)",
                input: input
            )
        }
        guard terminals >= 1 else { throw invalid("the terminal count must be at least 1") }
        guard terminals <= maximumTerminals else {
            throw invalid("the terminal count is above the limit of \(maximumTerminals)")
        }
        guard growth.isFinite, growth >= 1 else { throw invalid("the growth factor must be a number of at least 1") }
        guard reserve.isFinite, reserve >= 0, reserve <= 1 else {
            throw invalid("the reserve must be a share between 0 and 1")
        }
        let product = Double(terminals) * growth
        guard product <= Double(maximumHosts) else {
            throw invalid("\(terminals) terminals grown by \(growth) do not fit in IPv4")
        }
        let planned = wholeCeiling(product)
        let hosts = planned + wholeCeiling(Double(planned) * reserve)
        guard hosts <= maximumHosts else {
            throw invalid("\(hosts) hosts with the reserve do not fit in IPv4")
        }
        return prefixLength(forAddresses: UInt64(hosts) + 2)
    }

    /// Returns the prefix length of a LAN with a number of usable hosts.
    ///
    /// The LAN needs `hosts + 2` addresses (network and broadcast), so `length = 32 − ceil(log2(hosts + 2))`:
    /// 1 or 2 hosts give a /30, 254 a /24, 255 a /23.
    ///
    /// - Parameter hosts: The usable host addresses needed, 1...``maximumHosts``.
    /// - Returns: The prefix length.
    /// - Throws: ``NetAddressError`` with ``NetAddressError/Code/invalidRequest`` when `hosts` is out of range.
    public static func lanLength(hosts: Int) throws(NetAddressError) -> Int {
        guard hosts >= 1, hosts <= maximumHosts else {
            let reason =
                hosts < 1
                ? "the host count must be at least 1"
                : "the host count is above the \(maximumHosts) that IPv4 can hold"
            throw NetAddressError(
                code: .invalidRequest,
                message: "cannot size a LAN for hosts=\(hosts): \(reason)",
                input: "hosts=\(hosts)"
            )
        }
        return prefixLength(forAddresses: UInt64(hosts) + 2)
    }

    /// Returns the longest prefix length whose block holds at least `addresses` addresses.
    ///
    /// - Parameter addresses: The addresses needed, 1...2^32.
    /// - Returns: `32 − ceil(log2(addresses))`, computed exactly on integers.
    static func prefixLength(forAddresses addresses: UInt64) -> Int {
        var bits = 0
        while (UInt64(1) << UInt64(bits)) < addresses {
            bits += 1
        }
        return 32 - bits
    }

    /// Rounds up to a whole number, treating values within 1e-9 (relative) of a whole number as that number.
    ///
    /// Written with integer conversion only: `Double.rounded()` needs libm, which a target without Foundation
    /// does not link on Linux.
    ///
    /// - Parameter value: A finite value in 0...``maximumHosts``.
    /// - Returns: The ceiling.
    static func wholeCeiling(_ value: Double) -> Int {
        let whole = Int(value)  // Truncates toward zero, which is the floor for non-negative values.
        let fraction = value - Double(whole)
        let tolerance = 1e-9 * max(1, value)
        if fraction <= tolerance {
            return whole
        }
        return whole + 1
    }
}
