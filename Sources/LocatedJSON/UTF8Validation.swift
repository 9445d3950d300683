/// Finds where text stops being valid UTF-8, for readers that must say where a file is broken.
public enum UTF8Validation {
    /// The offset of the first byte in `range` that does not start or continue a valid UTF-8
    /// sequence (an overlong form, a surrogate, or a value above U+10FFFF count as invalid), or
    /// `nil` when the range is valid.
    ///
    /// A truncated sequence is blamed on its lead byte.
    ///
    /// - Complexity: O(*n*) in the length of the range.
    public static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        var position = range.lowerBound
        while position < range.upperBound {
            let lead = bytes[position]
            let length: Int
            let minimum: UInt32
            switch lead {
            case 0x00...0x7F:
                position += 1
                continue
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
            default: return position
            }
            guard position + length <= range.upperBound else { return position }
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            for continuation in 1..<length {
                let byte = bytes[position + continuation]
                guard byte & 0xC0 == 0x80 else { return position }
                scalar = (scalar << 6) | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return position }
            position += length
        }
        return nil
    }

    /// The offset of the first invalid byte of an array, or `nil` when it is valid UTF-8.
    ///
    /// - Complexity: O(*n*).
    public static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidByte(in: $0, range: 0..<$0.count) }
    }
}
