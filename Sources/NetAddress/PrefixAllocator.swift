/// Hands out aligned blocks from an address pool, always the lowest free one, and takes them back.
///
/// The allocator answers "give me a /30" with the free /30 at the lowest address in the pool: first fit by
/// address, which is what engineers expect to see in a plan. A freed block is offered again (a freed /30 below
/// the next untouched space comes back first), and freed neighbours merge back into larger blocks, so a /24 can
/// be allocated again once all of its /30s are released.
///
///     var allocator = PrefixAllocator(pool: try IPv4Prefix(parsing: "10.0.0.0/24"))
///     let first = try allocator.allocate(length: 30)   // 10.0.0.0/30
///     let second = try allocator.allocate(length: 30)  // 10.0.0.4/30
///     try allocator.release(first)
///     let again = try allocator.allocate(length: 30)   // 10.0.0.0/30
///
/// Blocks of any length from the pool's own length down to /32 can be mixed; /31 and /32 work like any other.
///
/// The pool is kept as a binary tree of aligned blocks that is split only where something is allocated. Each
/// node records the largest free block below it, so finding the lowest free block of a length walks one path
/// from the root: allocation, reservation and release are O(32) whatever the number of blocks, and repeated
/// allocations of one length resume from the last one, so filling a pool in order is O(1) amortised per block.
/// Memory grows with the allocated blocks, not with the size of the pool: 10 bytes a node, about two nodes a
/// block when blocks are taken in address order (one million /30s from a /8 use about 20 MB and take about
/// 0.07 s in a release build), at most 2 × (32 − pool length) nodes a block when they are scattered.
///
/// Results depend only on the sequence of calls, never on timing or hashing, so plans are reproducible.
public struct PrefixAllocator: Sendable {
    /// The address pool this allocator manages.
    public let pool: IPv4Prefix

    /// The number of addresses inside allocated or reserved blocks.
    public internal(set) var allocatedAddressCount: UInt64 = 0

    /// The number of allocated or reserved blocks.
    public internal(set) var allocatedBlockCount: Int = 0

    /// The tree of blocks; index 0 is the pool itself, and halves are stored as adjacent pairs after it.
    var nodes: [Node]

    /// The parent of each pair of halves: pair *p* is nodes `2p + 1` and `2p + 2`.
    var pairParents: [Int32] = []

    /// The lower indices of pairs freed by merging, reused before the node array grows.
    var sparePairs: [Int32] = []

    /// For each prefix length, the last block of that length allocated by ``allocate(length:)``.
    var searchHints = [SearchHint](repeating: SearchHint(node: 0, network: 0, generation: 0), count: 33)

    /// The number of releases so far; a search hint from an earlier generation is stale.
    var releaseGeneration: UInt64 = 1

    /// Where the last block of one length was allocated; see ``allocateLowest(length:)``.
    struct SearchHint: Sendable, Equatable {
        /// The allocated leaf's node index; 0 (the root) means no hint.
        var node: Int32
        /// The block's network address.
        var network: UInt32
        /// The ``releaseGeneration`` when the hint was taken.
        var generation: UInt64
    }

    /// One aligned block of the pool: a free leaf, an allocated leaf, or split into two halves.
    struct Node: Sendable, Equatable {
        /// The `shortestFree` of a block with no free space.
        static let noFreeSpace: UInt8 = .max

        /// The index of the lower half; the upper half is at `firstChild + 1`; -1 for a leaf.
        var firstChild: Int32
        /// The prefix length of the largest free aligned block inside this one, or ``noFreeSpace``.
        ///
        /// For a free leaf it is the leaf's own length; for an allocated leaf ``noFreeSpace``; for a split block
        /// the smaller of its halves' values.
        var shortestFree: UInt8

        /// Whether the block is not split.
        var isLeaf: Bool { firstChild < 0 }
    }

    /// Creates an allocator with the whole pool free.
    ///
    /// - Parameter pool: The block to allocate from; any length 0...32.
    public init(pool: IPv4Prefix) {
        self.pool = pool
        self.nodes = [Node(firstChild: -1, shortestFree: UInt8(pool.length))]
    }

    // MARK: - Counts

    /// The number of addresses not inside any allocated or reserved block.
    public var freeAddressCount: UInt64 { pool.size - allocatedAddressCount }

    /// The allocated share of the pool, from 0 (empty) to 1 (full).
    public var utilisation: Double { Double(allocatedAddressCount) / Double(pool.size) }

    /// Whether the pool is running low: 10 % or less of its addresses are free.
    public var isLow: Bool { freeAddressCount * 10 <= pool.size }

    // MARK: - Allocation

    /// Allocates the free block of a length at the lowest aligned address in the pool.
    ///
    /// The lowest address wins whatever the size of the free space around it: with `10.0.0.0/24` free and a
    /// freed `10.1.0.4/30` above it, a /30 request returns `10.0.0.0/30`.
    ///
    /// - Parameter length: The prefix length wanted, from the pool's length to 32.
    /// - Returns: The allocated block.
    /// - Throws: ``NetAddressError`` with ``NetAddressError/Code/lengthOutOfRange`` when `length` is outside
    ///   `pool.length...32`, or ``NetAddressError/Code/poolExhausted`` when no aligned block of that length is
    ///   free; the allocator is then unchanged.
    /// - Complexity: O(32); O(1) amortised for repeated requests of one length with no release in between.
    public mutating func allocate(length: Int) throws(NetAddressError) -> IPv4Prefix {
        try checkAllocationLength(length, count: nil)
        guard let block = allocateLowest(length: length) else {
            throw NetAddressError(
                code: .poolExhausted,
                message: "pool \(pool) has no free /\(length) left (\(spaceSummary(length: length)))",
                input: "/\(length)"
            )
        }
        return block
    }

    /// Allocates several blocks of one length, lowest addresses first, all or none.
    ///
    /// The result is what `count` calls of ``allocate(length:)`` would return, in that order.
    ///
    /// - Parameters:
    ///   - count: How many blocks; 0 returns an empty array.
    ///   - length: The prefix length of each block, from the pool's length to 32.
    /// - Returns: The allocated blocks in ascending address order.
    /// - Throws: ``NetAddressError`` with ``NetAddressError/Code/invalidRequest`` for a negative `count`,
    ///   ``NetAddressError/Code/lengthOutOfRange`` for a bad `length`, or
    ///   ``NetAddressError/Code/poolExhausted`` when fewer than `count` blocks are free. On any error the
    ///   allocator is left exactly as it was.
    /// - Complexity: O(32 × `count`), plus O(*n*) in the number of allocated blocks to word an exhaustion error.
    public mutating func allocate(count: Int, length: Int) throws(NetAddressError) -> [IPv4Prefix] {
        try checkAllocationLength(length, count: count)
        guard count >= 0 else {
            let input = "\(count) x /\(length)"
            throw NetAddressError(
                code: .invalidRequest,
                message: "cannot allocate \(count) blocks of /\(length) from pool \(pool): the count is negative",
                input: input
            )
        }
        let blockSize = UInt64(1) << UInt64(32 - length)
        guard UInt64(count) <= freeAddressCount / blockSize else {
            throw exhaustedError(count: count, length: length, available: freeBlockCount(length: length))
        }
        var blocks: [IPv4Prefix] = []
        blocks.reserveCapacity(count)
        for _ in 0..<count {
            guard let block = allocateLowest(length: length) else {
                for allocated in blocks {
                    markFree(allocated)
                }
                throw exhaustedError(count: count, length: length, available: blocks.count)
            }
            blocks.append(block)
        }
        return blocks
    }

    /// Marks a specific block as used, such as an existing reservation reloaded from the ledger.
    ///
    /// - Parameter prefix: The block to reserve; it must lie inside the pool and be entirely free.
    /// - Throws: ``NetAddressError`` with ``NetAddressError/Code/notInPool`` when `prefix` is not inside the
    ///   pool, or ``NetAddressError/Code/alreadyAllocated`` when it overlaps an allocated or reserved block (the
    ///   message names that block). The allocator is then unchanged.
    /// - Complexity: O(32) when it succeeds.
    public mutating func reserve(_ prefix: IPv4Prefix) throws(NetAddressError) {
        try checkInPool(prefix, action: "reserve")
        let reason: String
        switch occupancy(of: prefix) {
        case .free:
            markAllocated(prefix)
            return
        case .allocated:
            reason = "it is already allocated"
        case .insideAllocated(let block):
            reason = "it lies inside allocated block \(block)"
        case .containsAllocated(let block):
            reason = "it overlaps allocated block \(block)"
        }
        throw NetAddressError(
            code: .alreadyAllocated,
            message: "cannot reserve \(prefix) in pool \(pool): \(reason)",
            input: prefix.description
        )
    }

    /// Frees a block that was allocated or reserved, merging it with free neighbours.
    ///
    /// Only a whole block can be released: half of an allocated /29 cannot be, nor a /24 that merely contains
    /// allocated blocks.
    ///
    /// - Parameter prefix: Exactly a block returned by ``allocate(length:)`` or passed to ``reserve(_:)``.
    /// - Throws: ``NetAddressError`` with ``NetAddressError/Code/notInPool`` when `prefix` is not inside the
    ///   pool, or ``NetAddressError/Code/notAllocated`` when it is not exactly an allocated block. The allocator
    ///   is then unchanged.
    /// - Complexity: O(32) when it succeeds.
    public mutating func release(_ prefix: IPv4Prefix) throws(NetAddressError) {
        try checkInPool(prefix, action: "release")
        let reason: String
        switch occupancy(of: prefix) {
        case .allocated:
            markFree(prefix)
            return
        case .free:
            reason = "it is not allocated"
        case .insideAllocated(let block):
            reason = "it lies inside allocated block \(block); release that block instead"
        case .containsAllocated(let block):
            reason = "it is not an allocated block itself but contains allocated block \(block)"
        }
        throw NetAddressError(
            code: .notAllocated,
            message: "cannot release \(prefix) from pool \(pool): \(reason)",
            input: prefix.description
        )
    }
}
