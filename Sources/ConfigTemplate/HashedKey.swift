/// A key with its hash computed once, so that lookups along template paths hash nothing.
///
/// The hash mixes the UTF-8 bytes eight at a time (multiply and xor-shift): cheap, stable, and
/// good enough for keys that come from programs and templates (not from an adversary).
struct HashedKey: Sendable {
    /// The key.
    let name: String
    /// The hash of the key's UTF-8 bytes.
    let hash: UInt64

    /// Creates a key and computes its hash.
    ///
    /// - Parameter name: The key.
    /// - Complexity: O(*n*) for *n* UTF-8 bytes.
    init(_ name: String) {
        self.name = name
        if let hash = name.utf8.withContiguousStorageIfAvailable({ Self.hash(UnsafeRawBufferPointer($0)) }) {
            self.hash = hash
        } else {
            self.hash = Array(name.utf8).withUnsafeBytes { Self.hash($0) }
        }
    }

    private static let multiplier: UInt64 = 0x9e37_79b9_7f4a_7c15

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* multiplier
        return product ^ (product >> 29)
    }
}

extension HashedKey: Equatable {
    /// Returns whether two keys are the same, comparing the hashes first.
    static func == (lhs: HashedKey, rhs: HashedKey) -> Bool {
        lhs.hash == rhs.hash && lhs.name == rhs.name
    }
}
