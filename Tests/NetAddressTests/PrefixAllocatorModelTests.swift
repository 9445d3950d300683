import Testing

@testable import NetAddress

/// A small deterministic pseudo-random generator (SplitMix64), so failures replay exactly.
struct SplitMix64 {
    /// The generator state.
    var state: UInt64

    /// Returns the next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Returns a number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

/// A brute-force model of a pool: one flag per address and the set of allocated blocks.
struct BruteForcePool {
    /// The pool.
    let pool: IPv4Prefix
    /// Whether each address (by offset from the pool's network) is in use.
    private(set) var used: [Bool]
    /// `usedBefore[i]` is the number of used addresses at offsets below `i`, for O(1) range checks.
    private var usedBefore: [Int]
    /// The allocated blocks.
    private(set) var blocks: Set<IPv4Prefix> = []

    init(pool: IPv4Prefix) {
        self.pool = pool
        self.used = Array(repeating: false, count: Int(pool.size))
        self.usedBefore = Array(repeating: 0, count: Int(pool.size) + 1)
    }

    /// The number of used addresses.
    var usedCount: Int { usedBefore[used.count] }

    /// The offsets of a block's addresses.
    func offsets(of block: IPv4Prefix) -> Range<Int> {
        let start = Int(block.network.value - pool.network.value)
        return start..<start + Int(block.size)
    }

    /// Whether every address of a block is inside the pool and free.
    func isFree(_ block: IPv4Prefix) -> Bool {
        guard pool.contains(block) else { return false }
        let range = offsets(of: block)
        return usedBefore[range.upperBound] == usedBefore[range.lowerBound]
    }

    /// The lowest aligned free block of a length, found by trying every aligned start in turn.
    func lowestFree(length: Int) -> IPv4Prefix? {
        let size = 1 << (32 - length)
        for start in stride(from: 0, to: used.count, by: size) where usedBefore[start + size] == usedBefore[start] {
            return IPv4Prefix(uncheckedNetwork: pool.network.value + UInt32(start), length: length)
        }
        return nil
    }

    /// Marks a block used or free.
    mutating func set(_ block: IPv4Prefix, used flag: Bool) {
        let range = offsets(of: block)
        for offset in range {
            used[offset] = flag
        }
        var count = usedBefore[range.lowerBound]
        for offset in range.lowerBound..<used.count {
            count += used[offset] ? 1 : 0
            usedBefore[offset + 1] = count
        }
        if flag { blocks.insert(block) } else { blocks.remove(block) }
    }
}

@Suite struct PrefixAllocatorModelTests {
    /// Picks a length for a random request, favouring small blocks as real plans do.
    private func randomLength(_ random: inout SplitMix64, pool: IPv4Prefix) -> Int {
        if random.below(10) == 0 {
            return pool.length + random.below(33 - pool.length)
        }
        return 27 + random.below(6)
    }

    /// Picks a random aligned block inside (or, rarely, just outside) the pool.
    private func randomBlock(_ random: inout SplitMix64, pool: IPv4Prefix) -> IPv4Prefix {
        let length = randomLength(&random, pool: pool)
        let offset = UInt32(random.below(Int(pool.size) * (random.below(20) == 0 ? 2 : 1)))
        return IPv4Prefix(uncheckedNetwork: pool.network.value &+ offset, length: length)
    }

    @Test(arguments: [UInt64(1), 2, 20_240_601])
    func matchesBruteForceModel(seed: UInt64) throws {
        let pool = try prefix("10.20.4.0/22")
        var random = SplitMix64(state: seed)
        var allocator = PrefixAllocator(pool: pool)
        var model = BruteForcePool(pool: pool)
        var seen: [String: Int] = [:]  // How often each outcome happened, to show the run covered them all.

        for step in 0..<1_500 {
            let context = Comment(rawValue: "seed \(seed) step \(step)")
            var choice = random.below(20)
            if (step / 250) % 2 == 1 && choice < 9 && random.below(2) == 0 {
                choice = 11  // Alternate filling phases with draining ones, so every level of use is covered.
            }
            switch choice {
            case 0..<9:  // allocate one block
                let length = randomLength(&random, pool: pool)
                let expected = model.lowestFree(length: length)
                do {
                    let block = try allocator.allocate(length: length)
                    #expect(block == expected, context)
                    #expect(model.isFree(block), "\(context): allocated \(block) overlaps a used block")
                    model.set(block, used: true)
                    seen["allocated", default: 0] += 1
                } catch {
                    seen["exhausted", default: 0] += 1
                    #expect(expected == nil, context)
                    #expect(error.code == .poolExhausted, context)
                }
            case 9..<11:  // allocate several blocks, all or none
                let length = 28 + random.below(5)
                let count = 1 + random.below(6)
                var expected: [IPv4Prefix] = []
                var scratch = model
                for _ in 0..<count {
                    guard let block = scratch.lowestFree(length: length) else { break }
                    scratch.set(block, used: true)
                    expected.append(block)
                }
                do {
                    let blocks = try allocator.allocate(count: count, length: length)
                    #expect(blocks == expected, context)
                    model = scratch
                    seen["batch allocated", default: 0] += 1
                } catch {
                    seen["batch refused", default: 0] += 1
                    #expect(expected.count < count, context)
                    #expect(error.code == .poolExhausted, context)
                }
            case 11..<16:  // release an allocated block
                guard let block = model.blocks.sorted().dropFirst(random.below(max(model.blocks.count, 1))).first
                else { continue }
                try allocator.release(block)
                model.set(block, used: false)
                seen["released", default: 0] += 1
            case 16..<18:  // reserve a random block, which may clash
                let block = randomBlock(&random, pool: pool)
                do {
                    try allocator.reserve(block)
                    #expect(model.isFree(block), context)
                    model.set(block, used: true)
                    seen["reserved", default: 0] += 1
                } catch {
                    seen["reserve refused", default: 0] += 1
                    #expect(!model.isFree(block), context)
                    #expect(error.code == (pool.contains(block) ? .alreadyAllocated : .notInPool), context)
                }
            default:  // release a random block, which is usually not an allocated one
                let block = randomBlock(&random, pool: pool)
                do {
                    try allocator.release(block)
                    #expect(model.blocks.contains(block), context)
                    model.set(block, used: false)
                } catch {
                    seen["release refused", default: 0] += 1
                    #expect(!model.blocks.contains(block), context)
                }
            }

            let probe = randomBlock(&random, pool: pool)
            #expect(allocator.isFree(probe) == model.isFree(probe), context)
            let probeLength = randomLength(&random, pool: pool)
            #expect(allocator.firstFree(length: probeLength) == model.lowestFree(length: probeLength), context)
            #expect(allocator.allocatedAddressCount == UInt64(model.usedCount), context)
            #expect(allocator.allocatedBlocks == model.blocks.sorted(), context)
            let problems = allocator._checkInvariants()
            #expect(problems.isEmpty, "\(context): \(problems)")
            if !problems.isEmpty { break }
        }
        let outcomes = [
            "allocated", "exhausted", "batch allocated", "batch refused", "released", "reserved", "reserve refused",
            "release refused",
        ]
        #expect(outcomes.filter { seen[$0, default: 0] == 0 } == [], "outcomes seen: \(seen)")
    }

    @Test func blocksNeverOverlapUntilThePoolIsFull() throws {
        let pool = try prefix("10.20.4.0/22")
        var random = SplitMix64(state: 99)
        var allocator = PrefixAllocator(pool: pool)
        var allocated: [IPv4Prefix] = []
        while allocator.freeAddressCount > 0 {
            let length = 28 + random.below(5)
            guard let block = try? allocator.allocate(length: length) else { continue }
            allocated.append(block)
        }
        let sorted = allocated.sorted()
        for (lower, upper) in zip(sorted, sorted.dropFirst()) {
            #expect(lower.lastAddress < upper.firstAddress, "\(lower) overlaps \(upper)")
        }
        #expect(sorted.reduce(0) { $0 + $1.size } == pool.size)
        #expect(allocator.allocatedBlocks == sorted)
        #expect(allocator._checkInvariants().isEmpty)
    }
}
