import NetAddress

/// Fast dotted-quad text for addresses and masks, and a strict reader for configuration tokens.
///
/// `IPv4Address.description` builds an array per call; a renderer that writes tens of addresses per
/// configuration and tens of thousands of configurations per second formats into a small buffer
/// instead (the result fits a small string, so it does not allocate).
enum DottedQuad {
    /// The dotted-quad text of a 32-bit address.
    static func text(_ value: UInt32) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 15) { buffer in
            var count = 0
            for shift in stride(from: 24, through: 0, by: -8) {
                let octet = Int((value >> UInt32(shift)) & 0xFF)
                if octet >= 100 {
                    buffer[count] = UInt8(48 + octet / 100)
                    count += 1
                }
                if octet >= 10 {
                    buffer[count] = UInt8(48 + (octet / 10) % 10)
                    count += 1
                }
                buffer[count] = UInt8(48 + octet % 10)
                count += 1
                if shift > 0 {
                    buffer[count] = UInt8(ascii: ".")
                    count += 1
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// The dotted-quad text of an address.
    static func text(_ address: IPv4Address) -> String {
        text(address.value)
    }

    /// The netmask of each prefix length 0...32, as text.
    private static let masks: [String] = (0...32).map { length in
        text(length == 0 ? 0 : UInt32.max << UInt32(32 - length))
    }

    /// The wildcard of each prefix length 0...32, as text.
    private static let wildcards: [String] = (0...32).map { length in
        text(length == 0 ? UInt32.max : ~(UInt32.max << UInt32(32 - length)))
    }

    /// The netmask of a prefix as text: `255.255.255.252` for a /30.
    static func mask(_ prefix: IPv4Prefix) -> String {
        masks[prefix.length]
    }

    /// The wildcard of a prefix as text: `0.0.0.3` for a /30.
    static func wildcard(_ prefix: IPv4Prefix) -> String {
        wildcards[prefix.length]
    }

    /// Reads a dotted quad: four decimal octets 0...255 separated by dots, nothing else.
    static func parse(_ text: Substring) -> IPv4Address? {
        var text = text
        return text.withUTF8 { parse($0, 0, $0.count) }
    }

    /// Reads a dotted quad from bytes `start..<end`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> IPv4Address? {
        var value: UInt32 = 0
        var octet: UInt32 = 0
        var digits = 0
        var dots = 0
        for position in start..<end {
            let byte = bytes[position]
            if byte >= 48, byte <= 57 {
                octet = octet * 10 + UInt32(byte - 48)
                digits += 1
                guard digits <= 3, octet <= 255 else {
                    return nil
                }
            } else if byte == UInt8(ascii: "."), digits > 0, dots < 3 {
                value = value << 8 | octet
                octet = 0
                digits = 0
                dots += 1
            } else {
                return nil
            }
        }
        guard dots == 3, digits > 0 else {
            return nil
        }
        return IPv4Address(value << 8 | octet)
    }

    /// The prefix length of a contiguous netmask (`255.255.255.252` → 30), or `nil`.
    static func length(ofMask mask: IPv4Address) -> Int? {
        let inverted = ~mask.value
        guard inverted & (inverted &+ 1) == 0 else {
            return nil
        }
        return mask.value.nonzeroBitCount
    }

    /// The prefix length of a contiguous wildcard (`0.0.0.255` → 24), or `nil`.
    static func length(ofWildcard wildcard: IPv4Address) -> Int? {
        length(ofMask: IPv4Address(~wildcard.value))
    }

    /// The prefix of an address and a netmask, when the mask is contiguous and the address has no host bits.
    static func prefix(_ address: IPv4Address, mask: IPv4Address) -> IPv4Prefix? {
        guard let length = length(ofMask: mask) else {
            return nil
        }
        return try? IPv4Prefix(network: address, length: length)
    }
}
