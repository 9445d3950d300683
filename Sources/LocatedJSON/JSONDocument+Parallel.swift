import Dispatch

/// A read-only byte buffer shared by the workers of one `concurrentPerform`, which returns before
/// the buffer is released; nothing writes to it, so no lock is needed.
private struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// The parsed values of the top-level members; the lock guards `values`.
private final class ParsedMembers: @unchecked Sendable {
    private let lock = NSLockless()
    private var values: [Result<JSONValue, JSONSyntaxError>?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func store(_ value: Result<JSONValue, JSONSyntaxError>, at index: Int) {
        lock.withLock { values[index] = value }
    }

    var all: [Result<JSONValue, JSONSyntaxError>?] {
        lock.withLock { values }
    }
}

/// A mutex from Dispatch, so LocatedJSON needs no Foundation.
private final class NSLockless: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)

    func withLock<Result>(_ body: () -> Result) -> Result {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}

extension JSONDocument {
    /// Files at least this big have their top-level members parsed on all cores.
    static let parallelThreshold = 4 * 1024 * 1024

    /// Parses a large document's top-level object with its members' values on all cores.
    ///
    /// A quick structural scan finds where each top-level value starts and ends; the values are
    /// then parsed concurrently, with offsets into the whole file. Returns `nil` when the document
    /// is not a well-formed object at this level or any value has an error, so the caller parses
    /// sequentially and reports the first error exactly as it stands in the file.
    ///
    /// - Complexity: O(*n*) work, spread over the cores.
    static func parseInParallel(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        guard let (start, members) = topLevelMembers(bytes) else { return nil }
        let shared = SharedBytes(buffer: bytes)
        let results = ParsedMembers(count: members.count)
        // Largest first, so the long arrays start at once.
        let order = members.indices.sorted { members[$0].range.count > members[$1].range.count }
        DispatchQueue.concurrentPerform(iterations: order.count) { position in
            let member = members[order[position]]
            let slice = UnsafeBufferPointer(rebasing: shared.buffer[0..<member.range.upperBound])
            var reader = JSONReader(slice, startingAt: member.range.lowerBound, depth: 1)
            do throws(JSONSyntaxError) {
                results.store(.success(try reader.readWholeValue()), at: order[position])
            } catch {
                results.store(.failure(error), at: order[position])
            }
        }
        var parsed: [JSONMember] = []
        for (member, result) in zip(members, results.all) {
            guard case .success(let value)? = result else { return nil }
            parsed.append(JSONMember(key: member.key, keyOffset: member.keyOffset, value: value))
        }
        return JSONValue(.object(parsed), offset: start)
    }

    /// The top-level object's members: key, key offset and the byte range of the value (from its
    /// first byte to the `,` or `}` after it); `nil` when the text is not a plain object at this level.
    private static func topLevelMembers(_ bytes: UnsafeBufferPointer<UInt8>)
        -> (start: Int, members: [(key: String, keyOffset: Int, range: Range<Int>)])?
    {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        let start = index
        index += 1
        var members: [(key: String, keyOffset: Int, range: Range<Int>)] = []
        var keys: Set<String> = []
        while true {
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}"), members.isEmpty { break }
            guard bytes[index] == UInt8(ascii: "\"") else { return nil }
            let keyOffset = index
            var keyReader = JSONReader(bytes, startingAt: index, depth: 1)
            guard let (key, end) = try? keyReader.readKey(), keys.insert(key).inserted else { return nil }
            index = end
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            let valueStart = index
            guard let valueEnd = skipValue(bytes, from: valueStart) else { return nil }
            index = valueEnd
            skipWhitespace()
            members.append((key, keyOffset, valueStart..<index))
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { return nil }
            break
        }
        index += 1
        skipWhitespace()
        return index == bytes.count ? (start, members) : nil
    }

    /// Where the value starting at `start` (after whitespace) ends, without checking it: strings
    /// are skipped with their escapes, brackets are counted.
    private static func skipValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        var depth = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return index }
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: ","):
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return depth == 0 && !inString ? index : nil
    }
}
