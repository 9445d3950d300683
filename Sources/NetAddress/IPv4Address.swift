/// An IPv4 address, stored as its 32-bit value in host order.
///
/// Addresses order by value, so `10.0.0.2 < 10.0.0.10`:
///
///     let gateway = try IPv4Address(parsing: "10.0.0.1")
///     print(gateway.value)  // 167772161
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The address as a 32-bit number; `10.0.0.1` is `0x0A00_0001`.
    public let value: UInt32

    /// Creates an address from its 32-bit value.
    ///
    /// - Parameter value: The address as a number; `0x0A00_0001` is `10.0.0.1`.
    public init(_ value: UInt32) {
        self.value = value
    }

    /// The dotted-quad form, such as `10.0.0.1`.
    public var description: String {
        let octets = [value >> 24, (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF]
        return octets.map { String($0) }.joined(separator: ".")
    }

    /// Returns the address `distance` addresses further on (or back, when negative).
    ///
    /// - Parameter distance: How many addresses to move; may be negative.
    /// - Returns: The moved address, or `nil` when it would fall below `0.0.0.0` or above `255.255.255.255`.
    public func advanced(by distance: Int) -> IPv4Address? {
        let (moved, overflow) = Int64(value).addingReportingOverflow(Int64(distance))
        guard !overflow, moved >= 0, moved <= Int64(UInt32.max) else { return nil }
        return IPv4Address(UInt32(moved))
    }

    /// Returns whether `lhs` comes before `rhs` numerically.
    ///
    /// - Parameters:
    ///   - lhs: An address.
    ///   - rhs: Another address.
    /// - Returns: `true` when `lhs.value < rhs.value`.
    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool {
        lhs.value < rhs.value
    }
}
