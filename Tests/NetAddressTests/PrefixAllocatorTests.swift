import Testing

@testable import NetAddress

@Suite struct PrefixAllocatorTests {
    /// Allocates one block per length, in order, and returns the CIDR texts.
    private func allocate(_ lengths: [Int], from allocator: inout PrefixAllocator) throws -> [String] {
        try lengths.map { try allocator.allocate(length: $0).description }
    }

    // MARK: - Lowest-address first fit

    @Test func firstThreeSlashThirtiesAreConsecutive() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        #expect(try allocate([30, 30, 30], from: &allocator) == ["10.0.0.0/30", "10.0.0.4/30", "10.0.0.8/30"])
        #expect(allocator._checkInvariants().isEmpty)
    }

    @Test func slashThirtyAfterASlashTwentySixGoesToDotSixtyFour() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        #expect(try allocate([26, 30], from: &allocator) == ["10.0.0.0/26", "10.0.0.64/30"])
    }

    @Test func releasedMiddleBlockIsOfferedFirst() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        _ = try allocate([30, 30, 30], from: &allocator)
        try allocator.release(prefix("10.0.0.4/30"))
        #expect(allocator._checkInvariants().isEmpty)
        #expect(try allocate([30, 30], from: &allocator) == ["10.0.0.4/30", "10.0.0.12/30"])
    }

    @Test func lowerLargeFreeBlockBeatsHigherExactHole() throws {
        // A best-fit allocator would fill the /30 hole at 10.0.1.4; engineers expect the lowest address.
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/16"))
        try allocator.reserve(prefix("10.0.1.0/30"))
        try allocator.reserve(prefix("10.0.1.8/30"))
        #expect(try allocator.allocate(length: 30) == prefix("10.0.0.0/30"))
        #expect(try allocator.firstFree(length: 24) == prefix("10.0.2.0/24"))
    }

    @Test func reservedBlocksAreSkipped() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        try allocator.reserve(prefix("10.0.0.0/30"))
        try allocator.reserve(prefix("10.0.0.8/30"))
        #expect(try allocate([30, 30, 29], from: &allocator) == ["10.0.0.4/30", "10.0.0.12/30", "10.0.0.16/29"])
        #expect(allocator._checkInvariants().isEmpty)
    }

    @Test func mixedSizeSequenceWorkedByHand() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        // .0/30 takes 0–3; a /26 must start at 64; a /29 at 8 (4–7 is only a /30); the /31 and /32 fill 4–6;
        // then the /25 at 128, the /28 at 16, the /27 at 32 and the last /32 at 7 fill the pool exactly.
        let first = try allocate([30, 26, 29, 31, 32, 25, 28, 27, 32], from: &allocator)
        #expect(
            first == [
                "10.0.0.0/30", "10.0.0.64/26", "10.0.0.8/29", "10.0.0.4/31", "10.0.0.6/32", "10.0.0.128/25",
                "10.0.0.16/28", "10.0.0.32/27", "10.0.0.7/32",
            ]
        )
        #expect(allocator.freeAddressCount == 0)
        #expect(allocator.allocatedBlockCount == 9)

        // Free 8–31 as a /29 and a /28; they do not merge (the /29's buddy 0–7 is in use).
        try allocator.release(prefix("10.0.0.8/29"))
        try allocator.release(prefix("10.0.0.16/28"))
        #expect(try allocate([30, 28], from: &allocator) == ["10.0.0.8/30", "10.0.0.16/28"])
        #expect(
            throws: NetAddressError(
                code: .poolExhausted,
                message:
                    "pool 10.0.0.0/24 has no free /29 left (4 of 256 addresses are free, but no aligned /29 block)",
                input: "/29"
            )
        ) { try allocator.allocate(length: 29) }
        #expect(try allocate([30], from: &allocator) == ["10.0.0.12/30"])
        #expect(
            allocator.allocatedBlocks.map(\.description) == [
                "10.0.0.0/30", "10.0.0.4/31", "10.0.0.6/32", "10.0.0.7/32", "10.0.0.8/30", "10.0.0.12/30",
                "10.0.0.16/28", "10.0.0.32/27", "10.0.0.64/26", "10.0.0.128/25",
            ]
        )
        #expect(allocator._checkInvariants().isEmpty)
    }

    // MARK: - /31, /32 and edge pools

    @Test func slashThirtyOneAndThirtyTwo() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/30"))
        #expect(try allocate([31, 32, 32], from: &allocator) == ["10.0.0.0/31", "10.0.0.2/32", "10.0.0.3/32"])
        #expect(throws: NetAddressError.self) { try allocator.allocate(length: 32) }
        try allocator.release(prefix("10.0.0.3/32"))
        try allocator.release(prefix("10.0.0.2/32"))
        #expect(try allocator.allocate(length: 31) == prefix("10.0.0.2/31"))
        #expect(allocator._checkInvariants().isEmpty)
    }

    @Test func singleAddressPool() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.9/32"))
        #expect(try allocator.allocate(length: 32) == prefix("10.0.0.9/32"))
        #expect(allocator.isLow)
        #expect(throws: NetAddressError.self) { try allocator.allocate(length: 32) }
        try allocator.release(prefix("10.0.0.9/32"))
        #expect(allocator.isFree(try prefix("10.0.0.9/32")))
        #expect(try allocator.allocate(length: 32) == prefix("10.0.0.9/32"))
    }

    @Test func wholeAddressSpacePool() throws {
        var allocator = PrefixAllocator(pool: try prefix("0.0.0.0/0"))
        #expect(try allocator.allocate(length: 32) == prefix("0.0.0.0/32"))
        #expect(try allocator.allocate(length: 1) == prefix("128.0.0.0/1"))
        #expect(allocator.allocatedAddressCount == 2_147_483_649)
        try allocator.release(prefix("0.0.0.0/32"))
        try allocator.release(prefix("128.0.0.0/1"))
        #expect(try allocator.allocate(length: 0) == prefix("0.0.0.0/0"))
        #expect(allocator.allocatedAddressCount == 4_294_967_296)
        #expect(allocator.utilisation == 1)
        #expect(allocator._checkInvariants().isEmpty)
    }

    @Test func freedNeighboursMergeBackIntoTheWholePool() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        let links = try allocator.allocate(count: 64, length: 30)
        #expect(allocator.freeAddressCount == 0)
        for link in links.reversed() {
            try allocator.release(link)
        }
        #expect(allocator.nodes.count - 2 * allocator.sparePairs.count == 1)
        #expect(try allocator.allocate(length: 24) == prefix("10.0.0.0/24"))
        #expect(allocator._checkInvariants().isEmpty)
    }

    // MARK: - All or none

    @Test func allocatesSeveralBlocksInOrder() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        #expect(
            try allocator.allocate(count: 3, length: 30) == prefixes(["10.0.0.0/30", "10.0.0.4/30", "10.0.0.8/30"]))
        #expect(try allocator.allocate(count: 0, length: 30) == [])
        #expect(
            throws: NetAddressError(
                code: .invalidRequest,
                message: "cannot allocate -1 blocks of /30 from pool 10.0.0.0/24: the count is negative",
                input: "-1 x /30"
            )
        ) { try allocator.allocate(count: -1, length: 30) }
    }

    @Test func tooManyBlocksLeavesTheAllocatorUnchanged() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/28"))
        _ = try allocator.allocate(length: 30)
        let before = allocator.allocatedBlocks
        #expect(
            throws: NetAddressError(
                code: .poolExhausted,
                message: "pool 10.0.0.0/28 cannot supply 4 blocks of /30: only 3 free /30 blocks are left, "
                    + "so nothing was allocated",
                input: "4 x /30"
            )
        ) { try allocator.allocate(count: 4, length: 30) }
        #expect(allocator.allocatedBlocks == before)
        #expect(allocator.allocatedAddressCount == 4)
        #expect(try allocator.allocate(length: 30) == prefix("10.0.0.4/30"))
    }

    @Test func fragmentedPoolRollsBackPartialBatch() throws {
        // 14 of 16 addresses are free, enough by count for three /30s, but only .8 and .12 are whole /30s.
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/28"))
        try allocator.reserve(prefix("10.0.0.1/32"))
        try allocator.reserve(prefix("10.0.0.5/32"))
        let nodesBefore = allocator.nodes.count - 2 * allocator.sparePairs.count
        #expect(
            throws: NetAddressError(
                code: .poolExhausted,
                message: "pool 10.0.0.0/28 cannot supply 3 blocks of /30: only 2 free /30 blocks are left, "
                    + "so nothing was allocated",
                input: "3 x /30"
            )
        ) { try allocator.allocate(count: 3, length: 30) }
        #expect(try allocator.allocatedBlocks == prefixes(["10.0.0.1/32", "10.0.0.5/32"]))
        #expect(allocator.allocatedAddressCount == 2)
        #expect(allocator.allocatedBlockCount == 2)
        #expect(allocator.nodes.count - 2 * allocator.sparePairs.count == nodesBefore)
        #expect(allocator._checkInvariants().isEmpty)
        #expect(try allocator.allocate(count: 2, length: 30) == prefixes(["10.0.0.8/30", "10.0.0.12/30"]))
    }

    // MARK: - Errors

    @Test func exhaustionNamesThePoolAndTheFreeSpace() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/30"))
        _ = try allocator.allocate(length: 30)
        #expect(
            throws: NetAddressError(
                code: .poolExhausted,
                message: "pool 10.0.0.0/30 has no free /30 left (all 4 addresses are allocated)",
                input: "/30"
            )
        ) { try allocator.allocate(length: 30) }

        var fragmented = PrefixAllocator(pool: try prefix("10.0.0.0/29"))
        try fragmented.reserve(prefix("10.0.0.0/32"))
        try fragmented.reserve(prefix("10.0.0.4/32"))
        #expect(
            throws: NetAddressError(
                code: .poolExhausted,
                message: "pool 10.0.0.0/29 has no free /30 left (6 of 8 addresses are free, but no aligned /30 block)",
                input: "/30"
            )
        ) { try fragmented.allocate(length: 30) }
        #expect(try fragmented.allocate(length: 31) == prefix("10.0.0.2/31"))
    }

    @Test(arguments: [
        (33, "prefix length 33 is above 32"),
        (16, "a /16 is larger than the pool"),
        (-1, "prefix length -1 is below 0"),
    ])
    func rejectsLengthsThePoolCannotSupply(length: Int, reason: String) throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        let expected = NetAddressError(
            code: .lengthOutOfRange,
            message: "cannot allocate a /\(length) from pool 10.0.0.0/24: \(reason)",
            input: "/\(length)"
        )
        #expect(throws: expected) { try allocator.allocate(length: length) }
        #expect(allocator.firstFree(length: length) == nil)
        #expect(allocator.freeBlockCount(length: length) == 0)
    }

    @Test(arguments: [
        ("10.0.1.0/30", NetAddressError.Code.notInPool, "it is not inside the pool"),
        ("10.0.0.0/23", .notInPool, "it is larger than the pool"),
        ("10.0.0.0/26", .alreadyAllocated, "it is already allocated"),
        ("10.0.0.4/30", .alreadyAllocated, "it lies inside allocated block 10.0.0.0/26"),
        ("10.0.0.0/25", .alreadyAllocated, "it overlaps allocated block 10.0.0.0/26"),
        ("10.0.0.0/24", .alreadyAllocated, "it overlaps allocated block 10.0.0.0/26"),
    ])
    func reserveRejectsOutsideAndOverlapping(text: String, code: NetAddressError.Code, reason: String) throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        _ = try allocator.allocate(length: 26)
        try allocator.reserve(prefix("10.0.0.200/32"))
        let expected = NetAddressError(
            code: code,
            message: "cannot reserve \(text) in pool 10.0.0.0/24: \(reason)",
            input: text
        )
        #expect(throws: expected) { try allocator.reserve(prefix(text)) }
        #expect(try allocator.allocatedBlocks == prefixes(["10.0.0.0/26", "10.0.0.200/32"]))
        #expect(allocator._checkInvariants().isEmpty)
    }

    @Test(arguments: [
        (
            "192.168.0.0/30", NetAddressError.Code.notInPool,
            "cannot release 192.168.0.0/30 from pool 10.0.0.0/24: it is not inside the pool"
        ),
        ("10.0.0.64/30", .notAllocated, "cannot release 10.0.0.64/30 from pool 10.0.0.0/24: it is not allocated"),
        (
            "10.0.0.4/30", .notAllocated,
            "cannot release 10.0.0.4/30 from pool 10.0.0.0/24: it lies inside allocated block 10.0.0.0/26; "
                + "release that block instead"
        ),
        (
            "10.0.0.0/24", .notAllocated,
            "cannot release 10.0.0.0/24 from pool 10.0.0.0/24: it is not an allocated block itself but contains "
                + "allocated block 10.0.0.0/26"
        ),
    ])
    func releaseRejectsAnythingButAnAllocatedBlock(text: String, code: NetAddressError.Code, message: String) throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        _ = try allocator.allocate(length: 26)
        #expect(throws: NetAddressError(code: code, message: message, input: text)) {
            try allocator.release(prefix(text))
        }
        #expect(try allocator.allocatedBlocks == [prefix("10.0.0.0/26")])
    }

    @Test func releasingTwiceFails() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        let block = try allocator.allocate(length: 30)
        try allocator.release(block)
        #expect(throws: NetAddressError.self) { try allocator.release(block) }
        #expect(allocator.allocatedBlockCount == 0)
    }

    // MARK: - Queries

    @Test func isFreeFirstFreeAndFreeBlockCount() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        _ = try allocator.allocate(length: 26)
        #expect(try allocator.isFree(prefix("10.0.0.64/26")))
        #expect(try allocator.isFree(prefix("10.0.0.128/25")))
        #expect(try !allocator.isFree(prefix("10.0.0.0/30")))
        #expect(try !allocator.isFree(prefix("10.0.0.0/25")))
        #expect(try !allocator.isFree(prefix("10.0.0.0/24")))
        #expect(try !allocator.isFree(prefix("10.0.1.0/30")))
        #expect(try !allocator.isFree(prefix("10.0.0.0/23")))
        #expect(try allocator.firstFree(length: 25) == prefix("10.0.0.128/25"))
        #expect(try allocator.firstFree(length: 32) == prefix("10.0.0.64/32"))
        #expect(allocator.firstFree(length: 24) == nil)
        #expect(allocator.freeBlockCount(length: 24) == 0)
        #expect(allocator.freeBlockCount(length: 25) == 1)
        #expect(allocator.freeBlockCount(length: 26) == 3)
        #expect(allocator.freeBlockCount(length: 30) == 48)
        #expect(allocator.freeBlockCount(length: 32) == 192)
    }

    @Test func utilisationAndLowWaterMark() throws {
        var allocator = PrefixAllocator(pool: try prefix("10.0.0.0/24"))
        #expect(allocator.utilisation == 0)
        #expect(!allocator.isLow)
        #expect(allocator.freeAddressCount == 256)
        _ = try allocator.allocate(length: 25)
        #expect(allocator.utilisation == 0.5)
        _ = try allocator.allocate(length: 26)
        #expect(allocator.utilisation == 0.75)
        _ = try allocator.allocate(length: 27)
        #expect(allocator.utilisation == 0.875)
        #expect(!allocator.isLow)  // 32 free = 12.5 %
        _ = try allocator.allocate(length: 28)
        #expect(allocator.utilisation == 0.9375)
        #expect(allocator.isLow)  // 16 free = 6.25 %
        #expect(allocator.allocatedAddressCount == 240)
        #expect(allocator.freeAddressCount == 16)
    }
}
