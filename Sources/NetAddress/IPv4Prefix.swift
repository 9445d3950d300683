/// An IPv4 network prefix (CIDR block) such as `10.0.0.0/30`, with no host bits set.
///
/// Prefixes order by network address, then by length, so `10.0.0.0/24 < 10.0.0.0/30 < 10.0.0.4/30`.
///
///     let link = try IPv4Prefix(parsing: "10.0.0.0/30")
///     print(link.netmask, link.firstHost, link.lastHost)  // 255.255.255.252 10.0.0.1 10.0.0.2
public struct IPv4Prefix: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first address of the block; every bit below ``length`` is zero.
    public let network: IPv4Address
    /// The prefix length, 0...32.
    public let length: Int

    /// Creates a prefix from a network address and a length, checking both.
    ///
    /// - Parameters:
    ///   - network: The first address of the block; its host bits must be zero.
    ///   - length: The prefix length, 0...32.
    /// - Throws: ``NetAddressError`` with ``NetAddressError/Code/lengthOutOfRange`` when `length` is outside
    ///   0...32, or ``NetAddressError/Code/hostBitsSet`` when `network` has bits set below `length` (the message
    ///   suggests the right network).
    public init(network: IPv4Address, length: Int) throws(NetAddressError) {
        if let reason = Self.lengthProblem(length) {
            let text = "\(network)/\(length)"
            throw NetAddressError(code: .lengthOutOfRange, message: "invalid prefix '\(text)': \(reason)", input: text)
        }
        let masked = network.value & Self.mask(length: length)
        guard masked == network.value else {
            let text = "\(network)/\(length)"
            let message =
                "invalid prefix '\(text)': host bits are set (did you mean \(IPv4Address(masked))/\(length)?)"
            throw NetAddressError(code: .hostBitsSet, message: message, input: text)
        }
        self.init(uncheckedNetwork: masked, length: length)
    }

    /// Creates the prefix of the given length that contains an address, clearing the host bits.
    ///
    /// `IPv4Prefix(containing: 10.0.0.77, length: 30)` is `10.0.0.76/30`.
    ///
    /// - Parameters:
    ///   - address: Any address inside the wanted block.
    ///   - length: The prefix length, 0...32.
    /// - Throws: ``NetAddressError`` with ``NetAddressError/Code/lengthOutOfRange`` when `length` is outside
    ///   0...32.
    public init(containing address: IPv4Address, length: Int) throws(NetAddressError) {
        if let reason = Self.lengthProblem(length) {
            let text = "\(address)/\(length)"
            throw NetAddressError(code: .lengthOutOfRange, message: "invalid prefix '\(text)': \(reason)", input: text)
        }
        self.init(uncheckedNetwork: address.value, length: length)
    }

    /// Creates a prefix whose length is already known to be in 0...32, clearing any host bits.
    ///
    /// - Parameters:
    ///   - network: The network address; host bits are masked off.
    ///   - length: The prefix length; the caller guarantees 0...32.
    init(uncheckedNetwork network: UInt32, length: Int) {
        self.network = IPv4Address(network & Self.mask(length: length))
        self.length = length
    }

    // MARK: - Sizes and masks

    /// The number of addresses in the block, 2^(32 − length); 4 for a /30, 2^32 for /0.
    public var size: UInt64 { UInt64(1) << UInt64(32 - length) }

    /// The netmask, such as `255.255.255.252` for a /30.
    public var netmask: IPv4Address { IPv4Address(Self.mask(length: length)) }

    /// The wildcard (inverse) mask used by ACLs and OSPF, such as `0.0.0.3` for a /30.
    public var wildcard: IPv4Address { IPv4Address(~Self.mask(length: length)) }

    /// The first address of the block (the network address).
    public var firstAddress: IPv4Address { network }

    /// The last address of the block (the broadcast address for /30 and shorter).
    public var lastAddress: IPv4Address { IPv4Address(network.value | ~Self.mask(length: length)) }

    // MARK: - Hosts

    /// The first usable host address.
    ///
    /// For /30 and shorter this is the address after the network address; a /31 is a point-to-point link
    /// where both addresses are hosts (RFC 3021), so it is the network address; a /32 is the address itself.
    public var firstHost: IPv4Address {
        length >= 31 ? network : IPv4Address(network.value + 1)
    }

    /// The last usable host address.
    ///
    /// For /30 and shorter this is the address before the broadcast address; for /31 and /32 it is
    /// ``lastAddress`` (see ``firstHost``).
    public var lastHost: IPv4Address {
        length >= 31 ? lastAddress : IPv4Address(lastAddress.value - 1)
    }

    /// The number of usable host addresses: size − 2 for /30 and shorter, 2 for /31, 1 for /32.
    public var hostCount: UInt64 { length >= 31 ? size : size - 2 }

    // MARK: - Containment

    /// Returns whether the block contains an address.
    ///
    /// - Parameter address: The address to test.
    /// - Returns: `true` when `address` lies between ``firstAddress`` and ``lastAddress``.
    public func contains(_ address: IPv4Address) -> Bool {
        address.value & Self.mask(length: length) == network.value
    }

    /// Returns whether the block contains another block entirely (a prefix contains itself).
    ///
    /// - Parameter other: The block to test.
    /// - Returns: `true` when every address of `other` is in this block.
    public func contains(_ other: IPv4Prefix) -> Bool {
        other.length >= length && contains(other.network)
    }

    /// Returns whether two blocks share at least one address (for prefixes: one contains the other).
    ///
    /// - Parameter other: The block to test.
    /// - Returns: `true` when the blocks overlap.
    public func overlaps(_ other: IPv4Prefix) -> Bool {
        contains(other) || other.contains(self)
    }

    // MARK: - Ordering and text

    /// The CIDR form, such as `10.0.0.0/30`.
    public var description: String { "\(network)/\(length)" }

    /// Returns whether `lhs` sorts before `rhs`: by network address, then by length.
    ///
    /// - Parameters:
    ///   - lhs: A prefix.
    ///   - rhs: Another prefix.
    /// - Returns: `true` when `lhs` comes first.
    public static func < (lhs: IPv4Prefix, rhs: IPv4Prefix) -> Bool {
        lhs.network.value != rhs.network.value ? lhs.network.value < rhs.network.value : lhs.length < rhs.length
    }

    // MARK: - Helpers

    /// Returns the netmask for a length in 0...32 as a number.
    ///
    /// - Parameter length: The prefix length, 0...32.
    /// - Returns: The mask with the top `length` bits set.
    static func mask(length: Int) -> UInt32 {
        length <= 0 ? 0 : UInt32.max << UInt32(32 - min(length, 32))
    }

    /// Returns why a prefix length is unusable, or `nil` when it is in 0...32.
    ///
    /// - Parameter length: The prefix length to check.
    /// - Returns: A reason such as `prefix length 33 is above 32`, or `nil`.
    static func lengthProblem(_ length: Int) -> String? {
        if length < 0 { return "prefix length \(length) is below 0" }
        if length > 32 { return "prefix length \(length) is above 32" }
        return nil
    }
}
