/// One result row: the values of a query's columns, readable by position or by column name.
///
/// Lookups never trap: an index out of range or an unknown column name reads as ``SQLiteValue/null``,
/// and the typed accessors return `nil` for `NULL` and for values of another storage class.
///
///     for row in try database.query("SELECT id, prefix FROM lease WHERE circuit = ?", [circuit]) {
///         guard let id = row.integer("id"), let prefix = row.text("prefix") else { continue }
///         ...
///     }
public struct SQLiteRow: Sendable, Hashable {
    /// The result column names, in order (as SQLite reports them: the `AS` alias when there is one).
    public let columnNames: [String]
    /// The values, in column order.
    public let values: [SQLiteValue]

    /// Creates a row, as another store would hand one over.
    ///
    /// - Parameters:
    ///   - columnNames: The column names, in order.
    ///   - values: The values, in column order.
    public init(columnNames: [String], values: [SQLiteValue]) {
        self.columnNames = columnNames
        self.values = values
    }

    /// The value of the column at a position, or `.null` when `column` is out of range.
    ///
    /// - Parameter column: A zero-based column index.
    public subscript(_ column: Int) -> SQLiteValue {
        values.indices.contains(column) ? values[column] : .null
    }

    /// The value of the named column, or `.null` when there is no such column.
    ///
    /// The name is matched exactly first, then ignoring ASCII case (as SQL identifiers are);
    /// when several columns share a name the leftmost wins.
    ///
    /// - Parameter name: A result column name.
    /// - Complexity: O(*n*) in the number of columns.
    public subscript(_ name: String) -> SQLiteValue {
        guard let index = index(ofColumn: name) else { return .null }
        return self[index]
    }

    /// Returns the named column as an `Int`, or `nil` when it is `NULL`, absent, or not an integer.
    ///
    /// - Parameter name: A result column name.
    /// - Returns: The integer, or `nil`.
    public func integer(_ name: String) -> Int? {
        guard case .integer(let value) = self[name] else { return nil }
        return Int(exactly: value)
    }

    /// Returns the named column as text, or `nil` when it is `NULL`, absent, or not text.
    ///
    /// - Parameter name: A result column name.
    /// - Returns: The text, or `nil`.
    public func text(_ name: String) -> String? {
        guard case .text(let value) = self[name] else { return nil }
        return value
    }

    /// Returns the column at a position as an `Int`, or `nil` when it is `NULL`, out of range, or not an integer.
    ///
    /// Reading by position skips the name lookup, for code that reads many rows of a known column list.
    ///
    /// - Parameter column: A zero-based column index.
    /// - Returns: The integer, or `nil`.
    public func integer(at column: Int) -> Int? {
        guard case .integer(let value) = self[column] else { return nil }
        return Int(exactly: value)
    }

    /// Returns the column at a position as text, or `nil` when it is `NULL`, out of range, or not text.
    ///
    /// - Parameter column: A zero-based column index.
    /// - Returns: The text, or `nil`.
    public func text(at column: Int) -> String? {
        guard case .text(let value) = self[column] else { return nil }
        return value
    }

    /// Returns the named column as a `Double`, or `nil` when it is `NULL`, absent, text or a blob.
    ///
    /// An integer value is converted, since SQLite stores integral values of untyped columns as integers.
    ///
    /// - Parameter name: A result column name.
    /// - Returns: The number, or `nil`.
    public func real(_ name: String) -> Double? {
        switch self[name] {
        case .real(let value):
            return value
        case .integer(let value):
            return Double(value)
        case .null, .text, .blob:
            return nil
        }
    }

    /// Returns the named column as bytes, or `nil` when it is `NULL`, absent, or not a blob.
    ///
    /// - Parameter name: A result column name.
    /// - Returns: The bytes, or `nil`.
    public func blob(_ name: String) -> [UInt8]? {
        guard case .blob(let value) = self[name] else { return nil }
        return value
    }

    private func index(ofColumn name: String) -> Int? {
        if let exact = columnNames.firstIndex(of: name) {
            return exact
        }
        let folded = Self.asciiLowercased(name)
        return columnNames.firstIndex { Self.asciiLowercased($0) == folded }
    }

    private static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
