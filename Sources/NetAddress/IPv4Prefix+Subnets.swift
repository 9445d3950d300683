// MARK: - Subnets

extension IPv4Prefix {
    /// The subnets of one length inside a prefix, in address order, computed on demand.
    ///
    /// A random-access collection: `count` and any element are O(1), and nothing is stored, so even the
    /// 2^24 /32s of a /8 cost no memory.
    ///
    ///     let links = try IPv4Prefix(parsing: "10.0.0.0/24").subnets(ofLength: 30)
    ///     print(links.count, links[1])  // 64 10.0.0.4/30
    public struct Subnets: RandomAccessCollection, Sendable, Hashable {
        /// The prefix being divided.
        public let parent: IPv4Prefix
        /// The length of each subnet, `parent.length...32`.
        public let length: Int

        /// The position of the first subnet, always 0.
        public var startIndex: Int { 0 }

        /// The position after the last subnet: the number of subnets, 2^(length − parent.length).
        public var endIndex: Int { 1 << (length - parent.length) }

        /// Returns the subnet at a position.
        ///
        /// - Parameter position: A position in `0..<count`.
        public subscript(position: Int) -> IPv4Prefix {
            let offset = UInt32(truncatingIfNeeded: position) << UInt32(32 - length)
            return IPv4Prefix(uncheckedNetwork: parent.network.value | offset, length: length)
        }
    }

    /// Returns the subnets of a given length inside this prefix, lazily and in address order.
    ///
    /// - Parameter length: The subnet length, from this prefix's length up to 32.
    /// - Returns: A collection of `2^(length − self.length)` prefixes; for `length == self.length`, just `self`.
    /// - Throws: ``NetAddressError`` with ``NetAddressError/Code/lengthOutOfRange`` when `length` is shorter
    ///   than this prefix or above 32.
    public func subnets(ofLength length: Int) throws(NetAddressError) -> Subnets {
        guard length >= self.length, length <= 32 else {
            let reason =
                length > 32
                ? "prefix length \(length) is above 32"
                : "a /\(length) is larger than \(self) itself"
            throw NetAddressError(
                code: .lengthOutOfRange,
                message: "cannot split \(self) into /\(length) subnets: \(reason)",
                input: "/\(length)"
            )
        }
        return Subnets(parent: self, length: length)
    }
}
