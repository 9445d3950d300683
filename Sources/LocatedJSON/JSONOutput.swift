/// A JSON value to write, with object members in the order given, so output is byte-stable.
///
///     let document: JSONOutput = .object([("id", .string("L1")), ("km", .decimal(12_400, scale: 3))])
///     print(document.rendered())
public indirect enum JSONOutput: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number.
    case integer(Int)
    /// A fixed-point number: `decimal(12_400, scale: 3)` is written `12.4`.
    case decimal(Int, scale: Int)
    /// A floating-point number, written in Swift's shortest round-trip form.
    case double(Double)
    /// A string, escaped as JSON requires.
    case string(String)
    /// An array.
    case array([JSONOutput])
    /// An object with members in this order.
    case object([(String, JSONOutput)])

    /// Compares two values member by member.
    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let left), .bool(let right)): return left == right
        case (.integer(let left), .integer(let right)): return left == right
        case (.decimal(let left, let leftScale), .decimal(let right, let rightScale)):
            return left == right && leftScale == rightScale
        case (.double(let left), .double(let right)): return left == right
        case (.string(let left), .string(let right)): return left == right
        case (.array(let left), .array(let right)): return left == right
        case (.object(let left), .object(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Wraps an optional string: `null` when absent.
    public static func string(_ text: String?) -> JSONOutput {
        text.map { .string($0) } ?? .null
    }

    /// Writes the value as text ending in a newline.
    ///
    /// - Parameter inlineDepth: Containers nested this deep or deeper are written on one line;
    ///   shallower ones get one member per line, indented by two spaces. `Int.max` writes
    ///   everything expanded; `0` writes everything on one line.
    /// - Returns: The JSON text.
    /// - Complexity: O(*n*) in the size of the output.
    public func rendered(inlineDepth: Int = Int.max) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, depth: 0, inlineDepth: inlineDepth)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the value's text, as it stands `depth` containers deep (``JSONStreamWriter`` writes
    /// values of a larger document this way).
    func write(to output: inout [UInt8], depth: Int, inlineDepth: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let value): Self.writeInteger(value, to: &output)
        case .decimal(let value, let scale): output.append(contentsOf: Self.formatDecimal(value, scale: scale).utf8)
        case .double(let value): output.append(contentsOf: (value.isFinite ? Self.formatDouble(value) : "null").utf8)
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let elements):
            if elements.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            // Arrays of plain values (ids, numbers) stay on one line: they read better and diff well.
            let expanded = depth < inlineDepth && elements.contains { $0.isContainer }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { Self.separator(&output, expanded: expanded) }
                if expanded { Self.newline(&output, depth: depth + 1) }
                element.write(to: &output, depth: depth + 1, inlineDepth: inlineDepth)
            }
            if expanded { Self.newline(&output, depth: depth) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            let expanded = depth < inlineDepth
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { Self.separator(&output, expanded: expanded) }
                if expanded { Self.newline(&output, depth: depth + 1) }
                Self.writeString(member.0, to: &output)
                output.append(contentsOf: ": ".utf8)
                member.1.write(to: &output, depth: depth + 1, inlineDepth: inlineDepth)
            }
            if expanded { Self.newline(&output, depth: depth) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    private static func separator(_ output: inout [UInt8], expanded: Bool) {
        output.append(UInt8(ascii: ","))
        if !expanded { output.append(UInt8(ascii: " ")) }
    }

    private static func newline(_ output: inout [UInt8], depth: Int) {
        output.append(0x0A)
        for _ in 0..<(depth * 2) { output.append(0x20) }
    }

    /// Formats a fixed-point number with trailing zeros of the fraction removed: (12_400, 3) → "12.4".
    ///
    /// - Parameters:
    ///   - value: The number times 10^`scale`.
    ///   - scale: How many decimal places `value` carries.
    /// - Returns: The decimal text.
    public static func formatDecimal(_ value: Int, scale: Int) -> String {
        guard scale > 0 else { return String(value) }
        var divisor = 1
        for _ in 0..<scale { divisor *= 10 }
        let magnitude = value.magnitude
        let whole = magnitude / UInt(divisor)
        var fraction = magnitude % UInt(divisor)
        var sign = value < 0 ? "-" : ""
        if fraction == 0 {
            if whole == 0 { sign = "" }
            return "\(sign)\(whole)"
        }
        var digits = scale
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        let padding = String(repeating: "0", count: digits - fractionText.count)
        return "\(sign)\(whole).\(padding)\(fractionText)"
    }

    private static func formatDouble(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// Writes a whole number in decimal digits, as `String(value)` spells it.
    static func writeInteger(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            output.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// Writes a string in quotes with `"`, `\\`, control characters, DEL, U+2028 and U+2029 escaped.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.append(UInt8(ascii: "\""))
            if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
                output.append(contentsOf: bytes)
                output.append(UInt8(ascii: "\""))
                return
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
                case 0x0A: output.append(contentsOf: "\\n".utf8)
                case 0x0D: output.append(contentsOf: "\\r".utf8)
                case 0x09: output.append(contentsOf: "\\t".utf8)
                case 0x00..<0x20, 0x7F: appendEscape(UInt32(byte), to: &output)
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8/A9) are escaped so the text is also valid JavaScript.
                    if index + 2 < bytes.count, bytes[index + 1] == 0x80,
                        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                    {
                        appendEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &output)
                        index += 3
                        continue
                    }
                    output.append(byte)
                default: output.append(byte)
                }
                index += 1
            }
            output.append(UInt8(ascii: "\""))
        }
    }

    private static func appendEscape(_ value: UInt32, to output: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        output.append(contentsOf: "\\u".utf8)
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(digits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
