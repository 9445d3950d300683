/// A JSON value read from a source file, with the byte offset where it starts.
///
/// Offsets, not line and column pairs, are kept so that a large file costs little memory;
/// ``JSONDocument/location(of:)`` turns an offset into a line and column when a diagnostic
/// needs one.
public struct JSONValue: Sendable {
    /// What the value is.
    public enum Kind: Sendable {
        /// The literal `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number, finite and in range.
        case number(JSONNumber)
        /// A string, valid UTF-8 with escapes decoded.
        case string(String)
        /// An array, in source order.
        case array([JSONValue])
        /// An object, members in source order; keys are unique (the reader refuses duplicates).
        case object([JSONMember])
    }

    /// What the value is.
    public var kind: Kind
    /// The byte offset of the value's first character in its document.
    public var offset: Int

    /// Creates a value of the given kind at a byte offset.
    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// A short English name of the value's type, for messages: "a string", "an object".
    public var typeDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The members when the value is an object, otherwise `nil`.
    public var members: [JSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The elements when the value is an array, otherwise `nil`.
    public var elements: [JSONValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// The text when the value is a string, otherwise `nil`.
    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The number when the value is a number, otherwise `nil`.
    public var number: JSONNumber? {
        if case .number(let number) = kind { return number }
        return nil
    }

    /// The Boolean when the value is `true` or `false`, otherwise `nil`.
    public var bool: Bool? {
        if case .bool(let flag) = kind { return flag }
        return nil
    }

    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable {
    /// The key, decoded.
    public var key: String
    /// The byte offset of the key's opening quote.
    public var keyOffset: Int
    /// The value.
    public var value: JSONValue

    /// Creates a member.
    public init(key: String, keyOffset: Int, value: JSONValue) {
        self.key = key
        self.keyOffset = keyOffset
        self.value = value
    }
}

/// A JSON number: always finite; `integer` is set when the literal is a whole number that fits in `Int`.
public struct JSONNumber: Sendable, Equatable {
    /// The value as a double (finite).
    public var double: Double
    /// The value as an integer when the literal has no fraction or exponent and fits in `Int`.
    public var integer: Int?

    /// Creates a number.
    public init(double: Double, integer: Int?) {
        self.double = double
        self.integer = integer
    }
}

extension JSONNumber {
    /// The number a network file holds where a writer put `value` as ``JSONOutput/double(_:)``: a whole
    /// number below 10¹⁵ is written, and read back, as an integer literal; any other as its shortest decimal.
    public init(written value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            self.init(double: Double(Int(value)), integer: Int(value))
        } else {
            self.init(double: value, integer: nil)
        }
    }

    /// The number a network file holds where a writer put ``JSONOutput/decimal(_:scale:)``.
    public init(decimal value: Int, scale: Int) {
        var divisor = 1
        for _ in 0..<max(0, scale) { divisor *= 10 }
        if value % divisor == 0 {
            self.init(double: Double(value / divisor), integer: value / divisor)
        } else {
            // The decimal text read back is the double nearest value / 10^scale, as this division is.
            self.init(double: Double(value) / Double(divisor), integer: nil)
        }
    }
}

/// Why a JSON value is not acceptable, as a reader reports it: `must not be negative, found -3`.
public struct JSONValueProblem: Error, Sendable, Equatable {
    /// The message, one sentence without a trailing period.
    public var message: String

    /// Creates a problem.
    public init(_ message: String) {
        self.message = message
    }
}
