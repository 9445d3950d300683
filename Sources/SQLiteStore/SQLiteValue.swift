/// A value stored in, bound to or read from SQLite: one of its five storage classes.
///
/// Literals build values directly, so arguments read naturally at the call site:
///
///     try database.execute("INSERT INTO lease (prefix, vlan, note) VALUES (?, ?, ?)", ["10.0.0.0/31", 120, nil])
public enum SQLiteValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit signed integer (`SQLITE_INTEGER`).
    case integer(Int64)
    /// An IEEE 754 double (`SQLITE_FLOAT`).
    case real(Double)
    /// UTF-8 text (`SQLITE_TEXT`); may contain NUL characters.
    case text(String)
    /// Raw bytes (`SQLITE_BLOB`); may contain NUL bytes. An empty blob stays an empty blob, not `NULL`.
    case blob([UInt8])

    /// Creates an integer value.
    ///
    /// - Parameter value: The integer to store.
    public init(_ value: Int) {
        self = .integer(Int64(value))
    }

    /// Creates a real value.
    ///
    /// - Parameter value: The double to store.
    public init(_ value: Double) {
        self = .real(value)
    }

    /// Creates a text value, or `NULL` when `text` is `nil`.
    ///
    /// - Parameter text: The text to store, or `nil` for `NULL`.
    public init(_ text: String?) {
        if let text {
            self = .text(text)
        } else {
            self = .null
        }
    }

    /// Creates a blob value.
    ///
    /// - Parameter bytes: The bytes to store.
    public init(_ bytes: [UInt8]) {
        self = .blob(bytes)
    }

    /// Whether the value is SQL `NULL`.
    public var isNull: Bool {
        self == .null
    }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    /// Creates a text value from a string literal.
    ///
    /// - Parameter value: The literal text.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    /// Creates an integer value from an integer literal.
    ///
    /// - Parameter value: The literal integer.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    /// Creates a real value from a floating-point literal.
    ///
    /// - Parameter value: The literal number.
    public init(floatLiteral value: Double) {
        self = .real(value)
    }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    /// Creates SQL `NULL` from `nil`.
    ///
    /// - Parameter nilLiteral: The `nil` literal.
    public init(nilLiteral: ()) {
        self = .null
    }
}
