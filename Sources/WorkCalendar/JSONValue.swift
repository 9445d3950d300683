/// A place in JSON text, 1-based; the column counts characters (Unicode scalars), not bytes.
struct JSONPosition: Sendable, Hashable, CustomStringConvertible {
    let line: Int
    let column: Int

    var description: String { "line \(line), column \(column)" }
}

/// A JSON syntax error and where it happened.
struct JSONSyntaxError: Error, Sendable {
    let position: JSONPosition
    let problem: String
}

/// A parsed JSON value that remembers where it started, for error messages.
///
/// A minimal strict reader (RFC 8259) sized for small data files such as holiday-cn's: object members keep their
/// order and duplicates are kept for the caller to reject; numbers keep their text.
struct JSONValue: Sendable {
    /// One member of an object.
    struct Member: Sendable {
        let key: String
        let value: JSONValue
    }

    /// The kinds of JSON value.
    enum Kind: Sendable {
        case object([Member])
        case array([JSONValue])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    let kind: Kind
    let position: JSONPosition

    /// Parses a whole JSON text (a leading byte-order mark is skipped).
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var reader = Reader(bytes: Array(text.utf8))
        return try reader.readDocument()
    }

    /// A phrase naming the value's kind, for "expected …, found …" messages.
    var kindDescription: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool(let value): "\(value)"
        case .null: "null"
        }
    }
}

// MARK: - Reader

extension JSONValue {
    /// A recursive-descent reader over UTF-8 bytes.
    private struct Reader {
        private static let maximumDepth = 64

        private let bytes: [UInt8]
        private var index = 0
        private var line = 1
        private var column = 1
        private var depth = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        private var position: JSONPosition { JSONPosition(line: line, column: column) }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func readDocument() throws(JSONSyntaxError) -> JSONValue {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                index = 3
            }
            skipWhitespace()
            let value = try readValue()
            skipWhitespace()
            guard current == nil else {
                throw fail("unexpected \(describeCurrent()) after the end of the document")
            }
            return value
        }

        private func fail(_ problem: String) -> JSONSyntaxError {
            JSONSyntaxError(position: position, problem: problem)
        }

        private func describeCurrent() -> String {
            guard let byte = current else {
                return "end of input"
            }
            if byte >= 0x21 && byte < 0x7F {
                return "'\(Character(Unicode.Scalar(byte)))'"
            }
            return byte < 0x80 ? "character 0x\(String(byte, radix: 16, uppercase: true))" : "non-ASCII text"
        }

        private mutating func advance() {
            guard let byte = current else {
                return
            }
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        private mutating func skipWhitespace() {
            while let byte = current,
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                    || byte == UInt8(ascii: "\r")
            {
                advance()
            }
        }

        private mutating func expect(_ character: Unicode.Scalar, _ what: String) throws(JSONSyntaxError) {
            guard current == UInt8(ascii: character) else {
                throw fail("expected \(what), found \(describeCurrent())")
            }
            advance()
        }

        private mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
            let start = position
            guard let byte = current else {
                throw fail("expected a value, found end of input")
            }
            switch byte {
            case UInt8(ascii: "{"):
                return JSONValue(kind: .object(try readObject()), position: start)
            case UInt8(ascii: "["):
                return JSONValue(kind: .array(try readArray()), position: start)
            case UInt8(ascii: "\""):
                return JSONValue(kind: .string(try readString()), position: start)
            case UInt8(ascii: "t"):
                try readLiteral("true")
                return JSONValue(kind: .bool(true), position: start)
            case UInt8(ascii: "f"):
                try readLiteral("false")
                return JSONValue(kind: .bool(false), position: start)
            case UInt8(ascii: "n"):
                try readLiteral("null")
                return JSONValue(kind: .null, position: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return JSONValue(kind: .number(try readNumber()), position: start)
            default:
                throw fail("expected a value, found \(describeCurrent())")
            }
        }

        private mutating func enterContainer() throws(JSONSyntaxError) {
            depth += 1
            guard depth <= Self.maximumDepth else {
                throw fail("nesting deeper than \(Self.maximumDepth) levels")
            }
        }

        private mutating func readObject() throws(JSONSyntaxError) -> [Member] {
            try enterContainer()
            advance()
            skipWhitespace()
            var members: [Member] = []
            if current == UInt8(ascii: "}") {
                advance()
                depth -= 1
                return members
            }
            while true {
                guard current == UInt8(ascii: "\"") else {
                    throw fail("expected a string key, found \(describeCurrent())")
                }
                let key = try readString()
                skipWhitespace()
                try expect(":", "':' after the key '\(key)'")
                skipWhitespace()
                members.append(Member(key: key, value: try readValue()))
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    advance()
                    depth -= 1
                    return members
                }
                try expect(",", "',' or '}'")
                skipWhitespace()
            }
        }

        private mutating func readArray() throws(JSONSyntaxError) -> [JSONValue] {
            try enterContainer()
            advance()
            skipWhitespace()
            var elements: [JSONValue] = []
            if current == UInt8(ascii: "]") {
                advance()
                depth -= 1
                return elements
            }
            while true {
                elements.append(try readValue())
                skipWhitespace()
                if current == UInt8(ascii: "]") {
                    advance()
                    depth -= 1
                    return elements
                }
                try expect(",", "',' or ']'")
                skipWhitespace()
            }
        }

        private mutating func readLiteral(_ word: String) throws(JSONSyntaxError) {
            let start = position
            for expected in word.utf8 {
                guard current == expected else {
                    throw JSONSyntaxError(position: start, problem: "expected a value, found an unknown word")
                }
                advance()
            }
        }

        private mutating func readNumber() throws(JSONSyntaxError) -> String {
            let startIndex = index
            if current == UInt8(ascii: "-") {
                advance()
            }
            if current == UInt8(ascii: "0") {
                advance()
            } else {
                try readDigits("a digit")
            }
            if current == UInt8(ascii: ".") {
                advance()
                try readDigits("a digit after '.'")
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                advance()
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                    advance()
                }
                try readDigits("a digit in the exponent")
            }
            return String(decoding: bytes[startIndex..<index], as: UTF8.self)
        }

        private mutating func readDigits(_ what: String) throws(JSONSyntaxError) {
            guard let byte = current, Self.isDigit(byte) else {
                throw fail("expected \(what), found \(describeCurrent())")
            }
            while let byte = current, Self.isDigit(byte) {
                advance()
            }
        }

        private static func isDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }

        private mutating func readString() throws(JSONSyntaxError) -> String {
            let start = position
            advance()
            var scalars = String.UnicodeScalarView()
            var runStart = index
            while true {
                guard let byte = current else {
                    throw JSONSyntaxError(position: start, problem: "unterminated string")
                }
                switch byte {
                case UInt8(ascii: "\""):
                    scalars.append(contentsOf: String(decoding: bytes[runStart..<index], as: UTF8.self).unicodeScalars)
                    advance()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    scalars.append(contentsOf: String(decoding: bytes[runStart..<index], as: UTF8.self).unicodeScalars)
                    scalars.append(try readEscape())
                    runStart = index
                case 0x00..<0x20:
                    throw fail("control character in a string (write it as an escape)")
                default:
                    advance()
                }
            }
        }

        private mutating func readEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
            let start = position
            advance()
            guard let byte = current else {
                throw fail("unterminated string")
            }
            advance()
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let first = try readHexQuad(escapeStart: start)
                if (0xD800..<0xDC00).contains(first) {
                    guard current == UInt8(ascii: "\\") else {
                        throw JSONSyntaxError(position: start, problem: "unpaired surrogate in a \\u escape")
                    }
                    advance()
                    guard current == UInt8(ascii: "u") else {
                        throw JSONSyntaxError(position: start, problem: "unpaired surrogate in a \\u escape")
                    }
                    advance()
                    let second = try readHexQuad(escapeStart: start)
                    guard (0xDC00..<0xE000).contains(second),
                        let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                    else {
                        throw JSONSyntaxError(position: start, problem: "unpaired surrogate in a \\u escape")
                    }
                    return scalar
                }
                guard let scalar = Unicode.Scalar(first) else {
                    throw JSONSyntaxError(position: start, problem: "unpaired surrogate in a \\u escape")
                }
                return scalar
            default:
                throw JSONSyntaxError(position: start, problem: "unknown escape in a string")
            }
        }

        private mutating func readHexQuad(escapeStart: JSONPosition) throws(JSONSyntaxError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = Self.hexValue(byte) else {
                    throw JSONSyntaxError(position: escapeStart, problem: "expected four hex digits after \\u")
                }
                value = value * 16 + digit
                advance()
            }
            return value
        }

        private static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }
    }
}
