/// A syntax error at a byte offset.
struct JSONSyntaxError: Error {
    var offset: Int
    var message: String
}

/// A strict, non-recursive-descent-safe JSON reader over UTF-8 bytes.
///
/// Recursion depth is bounded by ``JSONDocument/maximumDepth``, so deeply nested input cannot
/// exhaust the stack.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// A reader of one value that starts at `index`, nested `depth` levels deep; the buffer ends
    /// where the value must end.
    init(_ bytes: UnsafeBufferPointer<UInt8>, startingAt index: Int, depth: Int) {
        self.bytes = bytes
        self.index = index
        self.depth = depth
    }

    /// Reads one value that must fill the rest of the buffer (trailing whitespace aside).
    mutating func readWholeValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        let value = try readValue()
        skipWhitespace()
        guard index == bytes.count else {
            throw JSONSyntaxError(offset: index, message: "unexpected \(describeByte(at: index))")
        }
        return value
    }

    /// Reads a quoted string at `index` (used for top-level keys); returns it and where it ended.
    mutating func readKey() throws(JSONSyntaxError) -> (String, Int) {
        let key = try readString()
        return (key, index)
    }

    mutating func readDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw JSONSyntaxError(offset: 0, message: "the file is UTF-16; save it as UTF-8")
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else {
            throw JSONSyntaxError(offset: index, message: "the file is empty; expected a JSON value")
        }
        let value = try readValue()
        skipWhitespace()
        if index < bytes.count {
            throw JSONSyntaxError(
                offset: index, message: "unexpected \(describeByte(at: index)) after the end of the JSON value")
        }
        return value
    }

    // MARK: - Values

    private mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else {
            throw JSONSyntaxError(offset: index, message: "unexpected end of file; expected a value")
        }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return JSONValue(.string(try readString()), offset: start)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONValue(.bool(true), offset: start)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONValue(.bool(false), offset: start)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONValue(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try readNumber()), offset: start)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw JSONSyntaxError(
                offset: start, message: "NaN and Infinity are not JSON numbers; write a finite number")
        default:
            throw JSONSyntaxError(offset: start, message: "unexpected \(describeByte(at: start)); expected a value")
        }
    }

    private mutating func enterNesting() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONDocument.maximumDepth {
            throw JSONSyntaxError(
                offset: index, message: "nesting is deeper than \(JSONDocument.maximumDepth) levels")
        }
    }

    private mutating func readObject() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        try enterNesting()
        index += 1
        var members: [JSONMember] = []
        var seen: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return JSONValue(.object(members), offset: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONSyntaxError(offset: index, message: "unexpected end of file inside an object")
            }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(
                    offset: index, message: "unexpected \(describeByte(at: index)); expected a quoted key")
            }
            let keyOffset = index
            let key = try readString()
            let isDuplicate: Bool
            if members.count < 12 {
                isDuplicate = members.contains { $0.key == key }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.key)) }
                isDuplicate = !seen.insert(key).inserted
            }
            if isDuplicate {
                throw JSONSyntaxError(offset: keyOffset, message: "duplicate key '\(key)' in an object")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw JSONSyntaxError(offset: index, message: "expected ':' after key '\(key)'")
            }
            index += 1
            skipWhitespace()
            let value = try readValue()
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONSyntaxError(offset: index, message: "unexpected end of file inside an object")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return JSONValue(.object(members), offset: start)
            }
            throw JSONSyntaxError(
                offset: index, message: "unexpected \(describeByte(at: index)); expected ',' or '}' in an object")
        }
    }

    private mutating func readArray() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        try enterNesting()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return JSONValue(.array(elements), offset: start)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue())
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONSyntaxError(offset: index, message: "unexpected end of file inside an array")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return JSONValue(.array(elements), offset: start)
            }
            throw JSONSyntaxError(
                offset: index, message: "unexpected \(describeByte(at: index)); expected ',' or ']' in an array")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let length = word.utf8CodeUnitCount
        var matches = index + length <= bytes.count
        if matches {
            word.withUTF8Buffer { expected in
                for offset in 0..<length where bytes[start + offset] != expected[offset] {
                    matches = false
                    break
                }
            }
        }
        guard matches else {
            throw JSONSyntaxError(offset: start, message: "unexpected \(describeByte(at: start)); expected a value")
        }
        index += length
    }

    // MARK: - Numbers

    private mutating func readNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "I") {
            throw JSONSyntaxError(
                offset: start, message: "NaN and Infinity are not JSON numbers; write a finite number")
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw JSONSyntaxError(offset: start, message: "invalid number: expected a digit after '-'")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw JSONSyntaxError(offset: start, message: "invalid number: leading zeros are not allowed")
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONSyntaxError(offset: start, message: "invalid number: expected a digit after '.'")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONSyntaxError(offset: start, message: "invalid number: expected a digit in the exponent")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let integer = Int(text) {
            return JSONNumber(double: Double(integer), integer: integer)
        }
        guard let double = Double(text), double.isFinite else {
            throw JSONSyntaxError(offset: start, message: "number \(text) is out of range")
        }
        // A literal that is not zero but too small for a double would read as 0: refused, not rounded away.
        if double == 0,
            text.utf8.prefix(while: { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") })
                .contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") })
        {
            throw JSONSyntaxError(
                offset: start, message: "number \(text) is out of range: too close to zero to represent; write 0")
        }
        return JSONNumber(double: double, integer: nil)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: - Strings

    private mutating func readString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let body = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index])
                index += 1
                if !isASCII, let invalid = firstInvalidUTF8(in: start + 1..<index - 1) {
                    throw JSONSyntaxError(
                        offset: invalid, message: "invalid UTF-8 byte 0x\(hex(bytes[invalid])) in a string")
                }
                return String(decoding: body, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                return try readEscapedString(from: start)
            }
            if byte == 0x0A || byte == 0x0D {
                throw JSONSyntaxError(
                    offset: start, message: "unterminated string (the line ends before the closing quote)")
            }
            if byte < 0x20 {
                throw JSONSyntaxError(offset: index, message: "control character \(unicodeName(byte)) in a string")
            }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        throw JSONSyntaxError(offset: start, message: "unterminated string")
    }

    private mutating func readEscapedString(from start: Int) throws(JSONSyntaxError) -> String {
        var output: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]))
        var plainStart = -1
        func flushPlain(upTo end: Int) throws(JSONSyntaxError) {
            guard plainStart >= 0 else { return }
            if let invalid = firstInvalidUTF8(in: plainStart..<end) {
                throw JSONSyntaxError(
                    offset: invalid, message: "invalid UTF-8 byte 0x\(hex(bytes[invalid])) in a string")
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<end]))
            plainStart = -1
        }
        if let invalid = firstInvalidUTF8(in: (start + 1)..<index) {
            throw JSONSyntaxError(offset: invalid, message: "invalid UTF-8 byte 0x\(hex(bytes[invalid])) in a string")
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try flushPlain(upTo: index)
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte == 0x0A || byte == 0x0D {
                throw JSONSyntaxError(
                    offset: start, message: "unterminated string (the line ends before the closing quote)")
            }
            if byte < 0x20 {
                throw JSONSyntaxError(offset: index, message: "control character \(unicodeName(byte)) in a string")
            }
            if byte != UInt8(ascii: "\\") {
                if plainStart < 0 { plainStart = index }
                index += 1
                continue
            }
            try flushPlain(upTo: index)
            let escapeOffset = index
            index += 1
            guard index < bytes.count else { break }
            switch bytes[index] {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try readUnicodeEscape(escapeOffset: escapeOffset)
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
                continue
            default:
                let shown = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[index..<min(bytes.count, index + 1)]), as: UTF8.self)
                throw JSONSyntaxError(offset: escapeOffset, message: "invalid escape '\\\(shown)'")
            }
            index += 1
        }
        throw JSONSyntaxError(offset: start, message: "unterminated string")
    }

    /// Reads `uXXXX` (and a following `\uXXXX` low surrogate); `index` points at the `u`.
    private mutating func readUnicodeEscape(escapeOffset: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try readHex4(escapeOffset: escapeOffset)
        if (0xDC00...0xDFFF).contains(high) {
            throw JSONSyntaxError(offset: escapeOffset, message: "invalid \\u escape: a lone low surrogate")
        }
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
                throw JSONSyntaxError(offset: escapeOffset, message: "invalid \\u escape: a lone high surrogate")
            }
            index += 1
            let low = try readHex4(escapeOffset: escapeOffset)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONSyntaxError(offset: escapeOffset, message: "invalid \\u escape: a lone high surrogate")
            }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else {
                throw JSONSyntaxError(offset: escapeOffset, message: "invalid \\u escape")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw JSONSyntaxError(offset: escapeOffset, message: "invalid \\u escape")
        }
        return scalar
    }

    /// Reads four hex digits after a `u`; `index` points at the `u` and ends after the digits.
    private mutating func readHex4(escapeOffset: Int) throws(JSONSyntaxError) -> UInt32 {
        index += 1
        guard index + 4 <= bytes.count else {
            throw JSONSyntaxError(offset: escapeOffset, message: "invalid \\u escape: expected four hex digits")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONSyntaxError(offset: escapeOffset, message: "invalid \\u escape: expected four hex digits")
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func firstInvalidUTF8(in range: Range<Int>) -> Int? {
        UTF8Validation.firstInvalidByte(in: bytes, range: range)
    }

    private func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        if byte >= 0x80 {
            if firstInvalidUTF8(in: offset..<min(bytes.count, offset + 4)) == offset {
                return "byte 0x\(hex(byte)) (the file is not valid UTF-8 here)"
            }
            let end = min(bytes.count, offset + 4)
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
            return "character '\(text.unicodeScalars.first.map { String($0) } ?? "?")'"
        }
        if byte < 0x20 || byte == 0x7F { return "control character \(unicodeName(UInt32(byte)))" }
        if byte == UInt8(ascii: "'") { return "character \"'\"" }
        return "character '\(String(UnicodeScalar(byte)))'"
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private func unicodeName(_ byte: UInt8) -> String { unicodeName(UInt32(byte)) }

    private func unicodeName(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        var text = ""
        for shift in stride(from: 12, through: 0, by: -4) {
            text.append(digits[Int((value >> UInt32(shift)) & 0xF)])
        }
        return "U+\(text)"
    }
}
