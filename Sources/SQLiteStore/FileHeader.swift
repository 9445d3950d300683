#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The check that keeps SQLite away from files that are not SQLite databases.
enum FileHeader {
    /// The 16 bytes every SQLite 3 database file starts with: `"SQLite format 3\0"`.
    static let sqliteMagic: [UInt8] = Array("SQLite format 3".utf8) + [0]

    /// Whether `path` names a non-empty file that does not start with the SQLite header.
    ///
    /// A missing or unreadable file, or an empty (0-byte) one, is not foreign: SQLite creates, or reports on, it.
    static func isForeignFile(atPath path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: sqliteMagic.count)
        let count = bytes.withUnsafeMutableBytes { buffer in
            fread(buffer.baseAddress, 1, buffer.count, file)
        }
        guard count > 0 else { return false }
        return count < sqliteMagic.count || bytes != sqliteMagic
    }

    /// Whether this process may write the file and create files beside it (`-wal`, `-shm`).
    static func canWriteBeside(_ path: String) -> Bool {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "/" : folder, W_OK) == 0
    }

    /// A path escaped for a `file:` URI: `%`, `?` and `#` (and every byte outside printable ASCII) as `%XX`.
    static func uriEscaped(_ path: String) -> String {
        var text = ""
        for byte in path.utf8 {
            if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "%"), byte != UInt8(ascii: "?"), byte != UInt8(ascii: "#")
            {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                text.unicodeScalars.append("%")
                text.unicodeScalars.append(digits[Int(byte >> 4)])
                text.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return text
    }
}
