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
        var output = ""
        write(to: &output, depth: 0, inlineDepth: inlineDepth)
        output.append("\n")
        return output
    }

    private func write(to output: inout String, depth: Int, inlineDepth: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .integer(let value): output.append(String(value))
        case .decimal(let value, let scale): output.append(Self.formatDecimal(value, scale: scale))
        case .double(let value): output.append(value.isFinite ? Self.formatDouble(value) : "null")
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let elements):
            if elements.isEmpty {
                output.append("[]")
                return
            }
            // Arrays of plain values (ids, numbers) stay on one line: they read better and diff well.
            let expanded = depth < inlineDepth && elements.contains { $0.isContainer }
            output.append("[")
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(expanded ? "," : ", ") }
                if expanded { Self.newline(&output, depth: depth + 1) }
                element.write(to: &output, depth: depth + 1, inlineDepth: inlineDepth)
            }
            if expanded { Self.newline(&output, depth: depth) }
            output.append("]")
        case .object(let members):
            if members.isEmpty {
                output.append("{}")
                return
            }
            let expanded = depth < inlineDepth
            output.append("{")
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(expanded ? "," : ", ") }
                if expanded { Self.newline(&output, depth: depth + 1) }
                Self.writeString(member.0, to: &output)
                output.append(": ")
                member.1.write(to: &output, depth: depth + 1, inlineDepth: inlineDepth)
            }
            if expanded { Self.newline(&output, depth: depth) }
            output.append("}")
        }
    }

    private var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    private static func newline(_ output: inout String, depth: Int) {
        output.append("\n")
        output.append(String(repeating: "  ", count: depth))
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

    private static func writeString(_ text: String, to output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
