public import NetAddress
public import NetGraph

/// How full one address pool is.
public struct PoolUtilisation: Sendable, Hashable {
    /// The pool.
    public var pool: Pool
    /// Addresses held by live reservations.
    public var allocated: UInt64
    /// Addresses still free.
    public var free: UInt64
    /// Blocks held.
    public var blocks: Int
    /// Held share, 0…1.
    public var utilisation: Double
    /// Whether 10 % or less is free.
    public var isLow: Bool

    /// The utilisation of every pool of a network under a ledger's usage.
    ///
    /// - Throws: `NetAddressError` when the ledger holds a block outside its pool (the pool was
    ///   changed in the network file).
    public static func of(_ network: Network, usage: LedgerUsage) throws(NetAddressError) -> [PoolUtilisation] {
        var result: [PoolUtilisation] = []
        for pool in network.pools {
            let allocator = try usage.allocator(for: pool)
            result.append(
                PoolUtilisation(
                    pool: pool, allocated: allocator.allocatedAddressCount, free: allocator.freeAddressCount,
                    blocks: allocator.allocatedBlockCount, utilisation: allocator.utilisation, isLow: allocator.isLow))
        }
        return result
    }
}
