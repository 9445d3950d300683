/// The key of a network file in the network cache: its size and the BLAKE2b-256 of its bytes, which
/// any change of the file changes.
public struct NetworkCacheKey: Sendable, Hashable {
    /// The file's size in bytes.
    public var size: Int
    /// The file's BLAKE2b-256, 32 bytes (what `b2sum --length=256` prints).
    public var digest: [UInt8]

    /// The key of a file's bytes.
    ///
    /// - Parameter fileBytes: The network file's content.
    /// - Complexity: O(*n*) for *n* bytes.
    public init(fileBytes: [UInt8]) {
        size = fileBytes.count
        digest = BLAKE2b.digest(of: fileBytes)
    }

    /// The cache file's name: the digest in hex, the size, and the snapshot format's version.
    public var fileName: String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return "\(String(decoding: hex, as: UTF8.self))-\(size).v\(NetworkSnapshot.formatVersion).network"
    }
}
