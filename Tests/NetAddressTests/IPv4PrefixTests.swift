import NetAddress
import Testing

@Suite struct IPv4PrefixTests {
    // MARK: - Parsing

    @Test(arguments: [
        ("10.0.0.0/30", UInt32(0x0A00_0000), 30),
        ("0.0.0.0/0", 0, 0),
        ("10.0.0.0/8", 0x0A00_0000, 8),
        ("192.168.1.0/24", 0xC0A8_0100, 24),
        ("10.0.0.6/31", 0x0A00_0006, 31),
        ("255.255.255.255/32", 0xFFFF_FFFF, 32),
    ])
    func parsesCIDR(text: String, network: UInt32, length: Int) throws {
        let parsed = try IPv4Prefix(parsing: text)
        #expect(parsed.network.value == network)
        #expect(parsed.length == length)
        #expect(parsed.description == text)
        #expect(try IPv4Prefix(network: IPv4Address(network), length: length) == parsed)
    }

    @Test(arguments: [
        ("10.0.0.1/33", NetAddressError.Code.lengthOutOfRange, "prefix length 33 is above 32"),
        ("10.0.0.0/100", .lengthOutOfRange, "prefix length 100 is above 32"),
        ("10.0.0.1/30", .hostBitsSet, "host bits are set (did you mean 10.0.0.0/30?)"),
        ("192.168.1.77/24", .hostBitsSet, "host bits are set (did you mean 192.168.1.0/24?)"),
        ("0.0.0.1/0", .hostBitsSet, "host bits are set (did you mean 0.0.0.0/0?)"),
        ("10.0.0.0", .invalidPrefix, "expected 'address/length', the '/length' is missing"),
        ("10.0.0.0/24/1", .invalidPrefix, "expected 'address/length', found 2 '/' characters"),
        ("10.0.0.0/", .invalidPrefix, "the prefix length after '/' is missing"),
        ("10.0.0.0/x", .invalidPrefix, "prefix length 'x' is not a decimal number"),
        ("10.0.0.0/-1", .invalidPrefix, "prefix length '-1' is not a decimal number"),
        ("10.0.0.0/ 24", .invalidPrefix, "prefix length ' 24' is not a decimal number"),
        ("10.0.0.0/024", .invalidPrefix, "prefix length '024' has a leading zero"),
        ("", .invalidPrefix, "the text is empty"),
        ("/24", .invalidAddress, "the address before '/' is missing"),
        ("256.0.0.0/8", .invalidAddress, "octet 256 is above 255"),
        ("010.0.0.0/8", .invalidAddress, "octet '010' has a leading zero"),
        ("10.0.0/24", .invalidAddress, "expected 4 octets separated by '.', found 3"),
        (" 10.0.0.0/24", .invalidAddress, "unexpected character ' ' at position 1 (only digits and '.' are allowed)"),
    ])
    func rejectsWithExactCodeAndMessage(text: String, code: NetAddressError.Code, reason: String) {
        let expected = NetAddressError(code: code, message: "invalid prefix '\(text)': \(reason)", input: text)
        #expect(throws: expected) { try IPv4Prefix(parsing: text) }
    }

    @Test func checkedInitRejectsHostBitsAndBadLengths() throws {
        #expect(
            throws: NetAddressError(
                code: .hostBitsSet,
                message: "invalid prefix '10.0.0.1/30': host bits are set (did you mean 10.0.0.0/30?)",
                input: "10.0.0.1/30"
            )
        ) { try IPv4Prefix(network: address("10.0.0.1"), length: 30) }
        #expect(
            throws: NetAddressError(
                code: .lengthOutOfRange,
                message: "invalid prefix '10.0.0.0/33': prefix length 33 is above 32",
                input: "10.0.0.0/33"
            )
        ) { try IPv4Prefix(network: address("10.0.0.0"), length: 33) }
        #expect(
            throws: NetAddressError(
                code: .lengthOutOfRange,
                message: "invalid prefix '10.0.0.0/-1': prefix length -1 is below 0",
                input: "10.0.0.0/-1"
            )
        ) { try IPv4Prefix(network: address("10.0.0.0"), length: -1) }
    }

    @Test func containingMasksTheHostBits() throws {
        #expect(try IPv4Prefix(containing: address("10.0.0.77"), length: 30) == prefix("10.0.0.76/30"))
        #expect(try IPv4Prefix(containing: address("10.0.0.77"), length: 24) == prefix("10.0.0.0/24"))
        #expect(try IPv4Prefix(containing: address("10.0.0.77"), length: 32) == prefix("10.0.0.77/32"))
        #expect(try IPv4Prefix(containing: address("200.1.2.3"), length: 0) == prefix("0.0.0.0/0"))
        #expect(throws: NetAddressError.self) { try IPv4Prefix(containing: address("10.0.0.77"), length: 33) }
        #expect(throws: NetAddressError.self) { try IPv4Prefix(containing: address("10.0.0.77"), length: -1) }
    }

    // MARK: - Masks and hosts

    @Test(arguments: [
        ("0.0.0.0/0", "0.0.0.0", "255.255.255.255", UInt64(4_294_967_296)),
        ("10.0.0.0/24", "255.255.255.0", "0.0.0.255", 256),
        ("10.0.0.0/30", "255.255.255.252", "0.0.0.3", 4),
        ("10.0.0.0/31", "255.255.255.254", "0.0.0.1", 2),
        ("10.0.0.0/32", "255.255.255.255", "0.0.0.0", 1),
        ("172.16.0.0/12", "255.240.0.0", "0.15.255.255", 1_048_576),
    ])
    func netmaskWildcardAndSize(text: String, netmask: String, wildcard: String, size: UInt64) throws {
        let parsed = try prefix(text)
        #expect(parsed.netmask.description == netmask)
        #expect(parsed.wildcard.description == wildcard)
        #expect(parsed.size == size)
    }

    @Test(arguments: [
        ("10.0.0.0/30", "10.0.0.0", "10.0.0.3", "10.0.0.1", "10.0.0.2", UInt64(2)),
        ("10.0.0.0/24", "10.0.0.0", "10.0.0.255", "10.0.0.1", "10.0.0.254", 254),
        ("10.0.0.6/31", "10.0.0.6", "10.0.0.7", "10.0.0.6", "10.0.0.7", 2),
        ("10.0.0.5/32", "10.0.0.5", "10.0.0.5", "10.0.0.5", "10.0.0.5", 1),
        ("0.0.0.0/0", "0.0.0.0", "255.255.255.255", "0.0.0.1", "255.255.255.254", 4_294_967_294),
    ])
    func addressesAndHosts(
        text: String,
        first: String,
        last: String,
        firstHost: String,
        lastHost: String,
        hostCount: UInt64
    ) throws {
        let parsed = try prefix(text)
        #expect(parsed.firstAddress.description == first)
        #expect(parsed.lastAddress.description == last)
        #expect(parsed.firstHost.description == firstHost)
        #expect(parsed.lastHost.description == lastHost)
        #expect(parsed.hostCount == hostCount)
    }

    // MARK: - Containment

    @Test func containsAddresses() throws {
        let lan = try prefix("10.0.0.0/24")
        #expect(try lan.contains(address("10.0.0.0")))
        #expect(try lan.contains(address("10.0.0.255")))
        #expect(try !lan.contains(address("10.0.1.0")))
        #expect(try !lan.contains(address("9.255.255.255")))
        #expect(try prefix("0.0.0.0/0").contains(address("255.255.255.255")))
        #expect(try prefix("10.0.0.5/32").contains(address("10.0.0.5")))
        #expect(try !prefix("10.0.0.5/32").contains(address("10.0.0.4")))
    }

    @Test func containsPrefixes() throws {
        let lan = try prefix("10.0.0.0/24")
        #expect(try lan.contains(prefix("10.0.0.128/25")))
        #expect(try lan.contains(prefix("10.0.0.252/30")))
        #expect(lan.contains(lan))
        #expect(try !lan.contains(prefix("10.0.0.0/23")))
        #expect(try !lan.contains(prefix("10.0.1.0/30")))
        #expect(try prefix("0.0.0.0/0").contains(lan))
    }

    @Test(arguments: [
        ("10.0.0.0/24", "10.0.0.128/25", true),
        ("10.0.0.0/24", "10.0.0.0/24", true),
        ("0.0.0.0/0", "192.168.0.0/16", true),
        ("10.0.0.0/25", "10.0.0.128/25", false),
        ("10.0.0.0/30", "10.0.0.4/30", false),
        ("10.0.0.0/24", "10.0.1.0/24", false),
        ("10.0.0.4/31", "10.0.0.5/32", true),
    ])
    func overlapsIsSymmetric(first: String, second: String, overlapping: Bool) throws {
        let lhs = try prefix(first)
        let rhs = try prefix(second)
        #expect(lhs.overlaps(rhs) == overlapping)
        #expect(rhs.overlaps(lhs) == overlapping)
    }

    // MARK: - Ordering and subnets

    @Test func ordersByNetworkThenLength() throws {
        let sorted = try prefixes(["10.0.0.4/30", "10.0.0.0/30", "10.0.0.0/24", "9.255.255.252/30"]).sorted()
        #expect(sorted.map(\.description) == ["9.255.255.252/30", "10.0.0.0/24", "10.0.0.0/30", "10.0.0.4/30"])
    }

    @Test func subnetsAreLazyAndInOrder() throws {
        let links = try prefix("10.0.0.0/24").subnets(ofLength: 30)
        #expect(links.count == 64)
        #expect(try links.first == prefix("10.0.0.0/30"))
        #expect(try links[1] == prefix("10.0.0.4/30"))
        #expect(try links.last == prefix("10.0.0.252/30"))
        #expect(try Array(prefix("0.0.0.0/0").subnets(ofLength: 1)) == prefixes(["0.0.0.0/1", "128.0.0.0/1"]))
        #expect(try Array(prefix("10.0.0.4/30").subnets(ofLength: 30)) == [prefix("10.0.0.4/30")])
        #expect(
            try Array(prefix("10.0.0.4/30").subnets(ofLength: 32)).map(\.description) == [
                "10.0.0.4/32", "10.0.0.5/32", "10.0.0.6/32", "10.0.0.7/32",
            ])
        let hosts = try prefix("10.0.0.0/8").subnets(ofLength: 32)
        #expect(hosts.count == 16_777_216)
        #expect(try hosts[16_777_215] == prefix("10.255.255.255/32"))
        #expect(try prefix("0.0.0.0/0").subnets(ofLength: 32).count == 4_294_967_296)
    }

    @Test func subnetsRejectLengthsOutsideTheParent() throws {
        let lan = try prefix("10.0.0.0/24")
        #expect(
            throws: NetAddressError(
                code: .lengthOutOfRange,
                message: "cannot split 10.0.0.0/24 into /23 subnets: a /23 is larger than 10.0.0.0/24 itself",
                input: "/23"
            )
        ) { try lan.subnets(ofLength: 23) }
        #expect(
            throws: NetAddressError(
                code: .lengthOutOfRange,
                message: "cannot split 10.0.0.0/24 into /33 subnets: prefix length 33 is above 32",
                input: "/33"
            )
        ) { try lan.subnets(ofLength: 33) }
    }
}
