import NetAddress
import Testing

@Suite struct IPv4AddressTests {
    @Test(arguments: [
        ("0.0.0.0", UInt32(0)),
        ("10.0.0.1", 0x0A00_0001),
        ("192.168.1.10", 0xC0A8_010A),
        ("172.16.254.3", 0xAC10_FE03),
        ("255.255.255.255", 0xFFFF_FFFF),
    ])
    func parsesAndPrintsDottedQuads(text: String, value: UInt32) throws {
        let parsed = try IPv4Address(parsing: text)
        #expect(parsed.value == value)
        #expect(parsed == IPv4Address(value))
        #expect(parsed.description == text)
    }

    @Test(arguments: [
        ("256.1.1.1", "octet 256 is above 255"),
        ("1000.1.1.1", "octet 1000 is above 255"),
        ("1.2.3.99999999999999999999", "octet 99999999999999999999 is above 255"),
        ("010.1.1.1", "octet '010' has a leading zero"),
        ("1.2.3.00", "octet '00' has a leading zero"),
        ("1.2.3", "expected 4 octets separated by '.', found 3"),
        ("1.2.3.4.5", "expected 4 octets separated by '.', found 5"),
        ("1234", "expected 4 octets separated by '.', found 1"),
        ("", "the text is empty"),
        (" 1.2.3.4", "unexpected character ' ' at position 1 (only digits and '.' are allowed)"),
        ("1.2.3.4 ", "unexpected character ' ' at position 8 (only digits and '.' are allowed)"),
        ("+1.2.3.4", "unexpected character '+' at position 1 (only digits and '.' are allowed)"),
        ("1.-2.3.4", "unexpected character '-' at position 3 (only digits and '.' are allowed)"),
        ("1.2.3.4/32", "unexpected character '/' at position 8 (only digits and '.' are allowed)"),
        ("1.2.3.a", "unexpected character 'a' at position 7 (only digits and '.' are allowed)"),
        ("\u{FF11}.2.3.4", "unexpected character '\\u{FF11}' at position 1 (only digits and '.' are allowed)"),
        ("1..3.4", "octet 2 is empty"),
        ("1.2.3.", "octet 4 is empty"),
        (".1.2.3", "octet 1 is empty"),
    ])
    func rejectsWithExactMessage(text: String, reason: String) {
        let expected = NetAddressError(
            code: .invalidAddress,
            message: "invalid IPv4 address '\(text)': \(reason)",
            input: text
        )
        #expect(throws: expected) { try IPv4Address(parsing: text) }
    }

    @Test func errorDescriptionIsTheMessage() {
        let error = NetAddressError(code: .invalidAddress, message: "invalid IPv4 address 'x': bad", input: "x")
        #expect(error.description == "invalid IPv4 address 'x': bad")
        #expect("\(error)" == error.message)
    }

    @Test func ordersByValue() throws {
        let sorted = try ["10.0.0.10", "10.0.0.2", "9.255.255.255", "10.0.1.0"].map(address).sorted()
        #expect(sorted.map(\.description) == ["9.255.255.255", "10.0.0.2", "10.0.0.10", "10.0.1.0"])
    }

    @Test func advancesWithinRangeAndStopsAtTheEnds() throws {
        #expect(try address("10.0.0.255").advanced(by: 1) == address("10.0.1.0"))
        #expect(try address("10.0.1.0").advanced(by: -1) == address("10.0.0.255"))
        #expect(try address("10.0.0.7").advanced(by: 0) == address("10.0.0.7"))
        #expect(IPv4Address(0).advanced(by: Int(UInt32.max)) == IPv4Address(UInt32.max))
        #expect(IPv4Address(UInt32.max).advanced(by: 1) == nil)
        #expect(IPv4Address(0).advanced(by: -1) == nil)
        #expect(IPv4Address(5).advanced(by: Int.max) == nil)
        #expect(IPv4Address(5).advanced(by: Int.min) == nil)
    }
}
