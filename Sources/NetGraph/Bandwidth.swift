import LocatedJSON

/// A data rate in kbit/s, written the way engineers write it: `2M`, `100M`, `1G`, `10G`, `STM-1`.
public struct Bandwidth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The rate in kbit/s.
    public var kilobits: Int

    /// Creates a rate from kbit/s.
    public init(kilobits: Int) {
        self.kilobits = kilobits
    }

    /// Creates a rate from Mbit/s.
    public static func megabits(_ megabits: Int) -> Bandwidth {
        Bandwidth(kilobits: megabits * 1000)
    }

    /// No bandwidth.
    public static let zero = Bandwidth(kilobits: 0)

    /// Parses `64k`, `2M`, `2.048M`, `100M`, `1G`, `2.5G`, `10G`, `STM-1`…`STM-64`, or a plain number of Mbit/s.
    ///
    /// Returns `nil` when the text is not a rate (see ``syntaxHint``).
    ///
    /// - Parameter text: The rate as written.
    /// - Complexity: O(*n*) in the length of the text.
    public init?(parsing text: String) {
        var bytes = Array(text.utf8)
        if bytes.count > 4, bytes[0] | 0x20 == 0x73, bytes[1] | 0x20 == 0x74, bytes[2] | 0x20 == 0x6D,
            bytes[3] == 0x2D
        {
            let levelText = String(decoding: bytes[4...], as: UTF8.self)
            guard ["1", "4", "16", "64", "256"].contains(levelText), let level = Int(levelText) else { return nil }
            self.init(kilobits: 155_520 * level)
            return
        }
        // Scale to kbit/s: thousandths of the unit written (k, M or G; plain numbers are M).
        var unitKilobits = 1000
        if let last = bytes.last, !(0x30...0x39).contains(last) {
            switch last | 0x20 {
            case 0x6B: unitKilobits = 1
            case 0x6D: unitKilobits = 1000
            case 0x67: unitKilobits = 1_000_000
            default: return nil
            }
            bytes.removeLast()
        }
        var whole = 0
        var fraction = 0
        var fractionDigits = 0
        var seenPoint = false
        var digits = 0
        for byte in bytes {
            if byte == 0x2E {
                guard !seenPoint, digits > 0 else { return nil }
                seenPoint = true
                continue
            }
            guard (0x30...0x39).contains(byte) else { return nil }
            digits += 1
            if seenPoint {
                guard fractionDigits < 6 else { continue }
                fraction = fraction * 10 + Int(byte - 0x30)
                fractionDigits += 1
            } else {
                guard whole < 1_000_000_000 else { return nil }
                whole = whole * 10 + Int(byte - 0x30)
            }
        }
        guard digits > 0, !(seenPoint && fractionDigits == 0) else { return nil }
        var scale = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let kilobits = whole * unitKilobits + (fraction * unitKilobits + scale / 2) / scale
        guard kilobits < 1_000_000_000_000 else { return nil }
        self.init(kilobits: kilobits)
    }

    /// How rates are written, for error messages.
    public static let syntaxHint = "write a rate such as 2M, 100M, 1G, 10G, STM-1, or a number of Mbit/s"

    /// The rate in Mbit/s as a double.
    public var megabits: Double { Double(kilobits) / 1000 }

    /// The rate written compactly: `64k`, `2M`, `2.048M`, `155.52M`, `1G`, `2.5G`, `7.294G`.
    public var description: String {
        if kilobits >= 1_000_000, kilobits % 1000 == 0 {
            return JSONOutput.formatDecimal(kilobits / 1000, scale: 3) + "G"
        }
        if kilobits >= 1000 { return JSONOutput.formatDecimal(kilobits, scale: 3) + "M" }
        if kilobits == 0 { return "0M" }
        return "\(kilobits)k"
    }

    /// Orders rates by size.
    public static func < (lhs: Bandwidth, rhs: Bandwidth) -> Bool { lhs.kilobits < rhs.kilobits }

    /// Adds two rates.
    public static func + (lhs: Bandwidth, rhs: Bandwidth) -> Bandwidth {
        Bandwidth(kilobits: lhs.kilobits + rhs.kilobits)
    }

    /// Subtracts a rate.
    public static func - (lhs: Bandwidth, rhs: Bandwidth) -> Bandwidth {
        Bandwidth(kilobits: lhs.kilobits - rhs.kilobits)
    }
}
