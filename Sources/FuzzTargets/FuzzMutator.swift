import NetGraph

/// A deterministic mutator of fuzz inputs: byte flips, inserted tokens, hostile numbers, deletions,
/// duplicated chunks, deep nesting and splices of two corpus files.
///
/// The same seed gives the same mutations, so an input is named by its seed and index and made again
/// from them. The mutator does not learn from coverage (libFuzzer does that, see README); it stacks one
/// to six edits on a corpus file (mostly one), which keeps most inputs close to valid so that they reach the checks
/// behind the syntax.
///
///     var mutator = FuzzMutator(seed: 42, reader: .network)
///     let input = mutator.mutate(Array(seed.utf8), other: Array(other.utf8))
public struct FuzzMutator: Sendable {
    /// The largest input made, in bytes: a mutated input is cut here.
    public static let maximumSize = 256 * 1024

    /// Tokens every reader is given: numbers at and past the edges of the types, JSON syntax and escapes,
    /// characters that documents must not show, invalid UTF-8, line ends and long text.
    public static let commonTokens: [[UInt8]] = {
        let text = [
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
            "4294967296", "2147483648", "-1", "0", "-0", "1e999", "-1e999", "1e-999", "4.9e-324", "0.1", "1e308",
            "NaN", "Infinity", "\"", "\\", "\\u0000", "\\ud800", "\\udc00", "\\u202e", "\\n", "{", "}", "[", "]",
            ",", ":", "null", "true", "false", "{}", "[]", "\"\"", "\u{0}", "\u{7F}", "\u{FEFF}", "\u{202E}",
            "\u{2028}", "\u{200B}", "\u{AD}", "\u{E000}", "\r", "\n", "\r\n", "\t", " ", "汉口", "光谷",
            "255.255.255.255/32", "0.0.0.0/0", "10.0.0.0/33", "2026-02-29", "9999-12-31", "0000-00-00",
            String(repeating: "A", count: 300), String(repeating: "9", count: 40),
        ]
        return text.map { Array($0.utf8) } + [
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80], [0xE6],
        ]
    }()

    /// Bytes worth putting in place of another.
    static let interestingBytes: [UInt8] = [
        0x00, 0x01, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x2C, 0x2D, 0x2E, 0x30, 0x39, 0x3A, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D,
        0x7F, 0x80, 0xBF, 0xC0, 0xE0, 0xEF, 0xF0, 0xFF,
    ]

    private var random: SplitMix64
    private let tokens: [[UInt8]]
    private let nestingPairs: [(open: [UInt8], close: [UInt8])]
    private let deepestNesting: Int

    /// Creates a mutator.
    ///
    /// - Parameters:
    ///   - seed: The seed; the same seed and reader give the same mutations.
    ///   - reader: The reader whose dictionary joins the common tokens.
    public init(seed: UInt64, reader: FuzzReader) {
        random = SplitMix64(seed: seed)
        tokens = Self.commonTokens + reader.dictionary.map { Array($0.utf8) }
        nestingPairs = reader.nestingPairs.map { (Array($0.open.utf8), Array($0.close.utf8)) }
        deepestNesting = reader.deepestNesting
    }

    /// A number below a bound (0 when the bound is 0).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(random.next() % UInt64(bound))
    }

    /// Returns a mutated copy of an input.
    ///
    /// - Parameters:
    ///   - input: The input to change (a corpus file).
    ///   - other: A second corpus file, for splices.
    /// - Returns: The input with one edit (two times in three) to six, at most ``maximumSize`` bytes.
    /// - Complexity: O(*n*) per edit for an input of *n* bytes.
    public mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        // Mostly one edit, so that most inputs stay near valid and reach the checks behind the syntax.
        let edits = below(3) == 0 ? 2 + below(5) : 1
        for _ in 0..<edits {
            edit(&bytes, other: other)
            if bytes.count > Self.maximumSize {
                bytes.removeLast(bytes.count - Self.maximumSize)
            }
        }
        return bytes
    }

    /// A short span's length, mostly small.
    private mutating func spanLength(_ limit: Int) -> Int {
        let caps = [4, 16, 64, 512, 4096]
        return min(limit, 1 + below(caps[below(caps.count)]))
    }

    private mutating func edit(_ bytes: inout [UInt8], other: [UInt8]) {
        let position = below(bytes.count + 1)
        switch below(12) {
        case 0 where !bytes.isEmpty:
            let index = min(position, bytes.count - 1)
            bytes[index] ^= UInt8(1) << UInt8(below(8))
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = Self.interestingBytes[below(Self.interestingBytes.count)]
        case 2, 3:
            bytes.insert(contentsOf: tokens[below(tokens.count)], at: position)
        case 4:
            replaceNumber(&bytes, near: position)
        case 5 where !bytes.isEmpty:
            let length = spanLength(bytes.count - min(position, bytes.count - 1))
            let start = min(position, bytes.count - 1)
            bytes.removeSubrange(start..<min(bytes.count, start + length))
        case 6 where !bytes.isEmpty:
            // A duplicated chunk, sometimes many times over: a site, a node or a tag repeated.
            let start = below(bytes.count)
            let chunk = Array(bytes[start..<min(bytes.count, start + spanLength(bytes.count - start))])
            let copies = below(4) == 0 ? 1 + below(200) : 1
            var repeated: [UInt8] = []
            repeated.reserveCapacity(chunk.count * copies)
            for _ in 0..<copies { repeated += chunk }
            bytes.insert(contentsOf: repeated.prefix(Self.maximumSize), at: below(bytes.count + 1))
        case 7 where !other.isEmpty:
            let cut = below(other.count)
            bytes = Array(bytes.prefix(position)) + other[cut...]
        case 8 where !other.isEmpty:
            let start = below(other.count)
            bytes.insert(
                contentsOf: other[start..<min(other.count, start + spanLength(other.count - start))], at: position)
        case 9 where !bytes.isEmpty:
            replaceQuoted(&bytes, near: position)
        case 10 where !bytes.isEmpty:
            bytes.removeSubrange(position...)
        case 11 where !nestingPairs.isEmpty:
            nest(&bytes, at: position)
        default:
            bytes.insert(tokens[below(tokens.count)].first ?? 0x20, at: position)
        }
    }

    /// Wraps a part of the input, from a position, in a pair of tokens repeated up to ``deepestNesting`` times.
    private mutating func nest(_ bytes: inout [UInt8], at position: Int) {
        let pair = nestingPairs[below(nestingPairs.count)]
        let caps = [4, 64, deepestNesting]
        let depth = min(deepestNesting, 1 + below(caps[below(caps.count)]))
        let end = position + below(bytes.count - position + 1)
        var closing: [UInt8] = []
        for _ in 0..<depth { closing += pair.close }
        bytes.insert(contentsOf: closing, at: end)
        var opening: [UInt8] = []
        for _ in 0..<depth { opening += pair.open }
        bytes.insert(contentsOf: opening, at: position)
    }

    /// Replaces the digits at or after a position (a number, a count, an octet) with a hostile number.
    private mutating func replaceNumber(_ bytes: inout [UInt8], near position: Int) {
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard let start = bytes[min(position, bytes.count)...].firstIndex(where: isDigit) else {
            bytes.insert(contentsOf: Array("-1".utf8), at: position)
            return
        }
        var end = start
        while end < bytes.count, isDigit(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
        let numbers = [
            "9223372036854775807", "9223372036854775808", "-1", "0", "1e999", "4294967296", "65536", "256", "1000000",
            "0.0000001", "-0", "99999999999999999999",
        ]
        bytes.replaceSubrange(start..<end, with: Array(numbers[below(numbers.count)].utf8))
    }

    /// Replaces the text of the quoted string at or after a position with a token, an empty text or a long one.
    private mutating func replaceQuoted(_ bytes: inout [UInt8], near position: Int) {
        let quote = UInt8(ascii: "\"")
        guard let open = bytes[min(position, bytes.count)...].firstIndex(of: quote),
            let close = bytes[(open + 1)...].firstIndex(of: quote)
        else { return }
        let replacement: [UInt8]
        switch below(4) {
        case 0: replacement = []
        case 1: replacement = Array(repeating: UInt8(ascii: "X"), count: 1 + below(5000))
        default: replacement = tokens[below(tokens.count)].filter { $0 != quote }
        }
        bytes.replaceSubrange((open + 1)..<close, with: replacement)
    }
}
