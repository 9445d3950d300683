import Testing

@testable import NetAddress

@Suite struct PoolSizingTests {
    @Test func threeHundredTerminalsNeedASlashTwentyThree() throws {
        // planned = ceil(300 × 1.3) = 390; reserve = ceil(390 × 0.1) = 39; hosts = 429;
        // 429 + 2 = 431 addresses → 2^9 = 512 ≥ 431 > 256 → 32 − 9 = /23.
        #expect(try PoolSizing.apnPoolLength(terminals: 300) == 23)
        // Split over the two GGSNs of a local-pool APN: 150 each → 195 + 20 = 215 → /24 per GGSN.
        #expect(try PoolSizing.apnPoolLength(terminals: 150) == 24)
    }

    @Test(arguments: [
        (1, 29),  // 2 + 1 = 3, + 2 = 5 → 8 addresses
        (100, 24),  // 130 + 13 = 143, + 2 = 145 → 256
        (196, 23),  // ceil(254.8) = 255, + ceil(25.5) = 26 → 281, + 2 = 283 → 512
        (300, 23),
        (1_000, 21),  // 1300 + 130 = 1430, + 2 = 1432 → 2048
        (16_000_000, 7),  // 20.8 M + 2.08 M = 22.88 M → 2^25
    ])
    func apnPoolWithDefaults(terminals: Int, length: Int) throws {
        #expect(try PoolSizing.apnPoolLength(terminals: terminals) == length)
    }

    @Test func apnPoolWithoutGrowthOrReserveIsAPlainLan() throws {
        #expect(try PoolSizing.apnPoolLength(terminals: 254, growth: 1, reserve: 0) == 24)
        #expect(try PoolSizing.apnPoolLength(terminals: 255, growth: 1, reserve: 0) == 23)
    }

    @Test func binaryRoundingDoesNotAddAHost() {
        #expect(PoolSizing.wholeCeiling(100 * 1.1) == 110)  // 110.00000000000001 in binary
        #expect(PoolSizing.wholeCeiling(390) == 390)
        #expect(PoolSizing.wholeCeiling(19.5) == 20)
        #expect(PoolSizing.wholeCeiling(0.2) == 1)
        #expect(PoolSizing.wholeCeiling(0) == 0)
    }

    @Test(arguments: [
        (0, 1.3, 0.1, "the terminal count must be at least 1"),
        (-5, 1.3, 0.1, "the terminal count must be at least 1"),
        (16_000_001, 1.3, 0.1, "the terminal count is above the limit of 16000000"),
        (300, 0.9, 0.1, "the growth factor must be a number of at least 1"),
        (300, .nan, 0.1, "the growth factor must be a number of at least 1"),
        (300, .infinity, 0.1, "the growth factor must be a number of at least 1"),
        (300, 1.3, -0.1, "the reserve must be a share between 0 and 1"),
        (300, 1.3, 1.5, "the reserve must be a share between 0 and 1"),
        (16_000_000, 1000, 0.1, "16000000 terminals grown by 1000.0 do not fit in IPv4"),
        (4_000_000_000 / 1_000, 1000, 0.1, "4400000000 hosts with the reserve do not fit in IPv4"),
    ])
    func apnPoolRejectsAbsurdRequests(terminals: Int, growth: Double, reserve: Double, reason: String) {
        let input = "terminals=\(terminals) growth=\(growth) reserve=\(reserve)"
        let expected = NetAddressError(
            code: .invalidRequest,
            message: "cannot size an APN pool for \(input): \(reason)",
            input: input
        )
        #expect(throws: expected) {
            try PoolSizing.apnPoolLength(terminals: terminals, growth: growth, reserve: reserve)
        }
    }

    @Test(arguments: [
        (1, 30), (2, 30), (3, 29), (6, 29), (7, 28), (14, 28), (30, 27), (62, 26), (126, 25), (254, 24), (255, 23),
        (4_294_967_294, 0),
    ])
    func lanLengthCountsNetworkAndBroadcast(hosts: Int, length: Int) throws {
        #expect(try PoolSizing.lanLength(hosts: hosts) == length)
    }

    @Test(arguments: [
        (0, "the host count must be at least 1"),
        (-3, "the host count must be at least 1"),
        (4_294_967_295, "the host count is above the 4294967294 that IPv4 can hold"),
    ])
    func lanLengthRejectsImpossibleHostCounts(hosts: Int, reason: String) {
        let expected = NetAddressError(
            code: .invalidRequest,
            message: "cannot size a LAN for hosts=\(hosts): \(reason)",
            input: "hosts=\(hosts)"
        )
        #expect(throws: expected) { try PoolSizing.lanLength(hosts: hosts) }
    }
}
