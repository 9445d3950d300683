import CSQLite

/// `SQLITE_TRANSIENT`, which Swift does not import: tells SQLite to copy bound text and blobs.
private var sqliteTransient: sqlite3_destructor_type {
    unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}

/// A raw `sqlite3*` handle with its file path: every C call that needs the connection goes through here.
///
/// It does not own the handle (``Database`` does); it exists so that opening can configure and check the
/// connection before the `Database` object exists.
struct Connection {
    let handle: OpaquePointer
    let path: String

    // MARK: - Errors

    /// Builds an error from a result code and the connection's current `sqlite3_errmsg`.
    func error(_ status: Int32, while activity: String, sql: String? = nil) -> SQLiteError {
        error(Code(extended: status), message: sqliteMessage, while: activity, sql: sql)
    }

    /// The English message for the most recent failure on this connection (`sqlite3_errmsg`).
    var sqliteMessage: String {
        sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
    }

    /// Builds an error with a message of SQLiteStore's own.
    func error(_ code: Code, message: String, while activity: String, sql: String? = nil) -> SQLiteError {
        var doing = activity
        if let sql {
            doing += " \"\(Self.excerpt(of: sql))\""
        }
        let line = "\(message), while \(doing) on '\(path)'"
        return SQLiteError(code: code, message: Self.oneLine(line), sql: sql, path: path)
    }

    typealias Code = SQLiteError.Code

    /// The first 80 characters of a statement, whitespace collapsed, for one-line messages.
    static func excerpt(of sql: String) -> String {
        let collapsed = sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.count <= 80 ? collapsed : String(collapsed.prefix(77)) + "..."
    }

    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    // MARK: - Statements

    /// Prepares exactly one statement; refuses empty SQL and SQL holding several statements.
    func prepare(_ sql: String) throws(SQLiteError) -> OpaquePointer {
        let outcome: Result<OpaquePointer, SQLiteError> = sql.withCString { start in
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let status = sqlite3_prepare_v2(handle, start, -1, &statement, &tail)
            guard status == SQLITE_OK else {
                sqlite3_finalize(statement)
                return .failure(error(status, while: "preparing", sql: sql))
            }
            guard let statement else {
                return .failure(error(.misuse, message: "no SQL statement to run", while: "preparing", sql: sql))
            }
            if let tail, holdsStatement(tail) {
                sqlite3_finalize(statement)
                let message = "several statements given where one is expected (use execute(_:) for scripts)"
                return .failure(error(.misuse, message: message, while: "preparing", sql: sql))
            }
            return .success(statement)
        }
        return try outcome.get()
    }

    /// Whether `text` holds anything but whitespace, comments and semicolons.
    private func holdsStatement(_ text: UnsafePointer<CChar>) -> Bool {
        var current = text
        while current.pointee != 0 {
            var extra: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let status = sqlite3_prepare_v2(handle, current, -1, &extra, &tail)
            sqlite3_finalize(extra)
            if status != SQLITE_OK || extra != nil {
                return true
            }
            guard let tail, tail != current else { return false }
            current = tail  // skipped an empty statement (a lone ";")
        }
        return false
    }

    /// Runs every statement of a script in turn, discarding result rows.
    func executeScript(_ sql: String) throws(SQLiteError) {
        let outcome: Result<Void, SQLiteError> = sql.withCString { start in
            var next: UnsafePointer<CChar>? = start
            while let current = next, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let status = sqlite3_prepare_v2(handle, current, -1, &statement, &tail)
                guard status == SQLITE_OK else {
                    sqlite3_finalize(statement)
                    let rest = String(cString: current).drop { $0.isWhitespace || $0.isNewline }
                    return .failure(error(status, while: "preparing", sql: String(rest)))
                }
                guard let statement else {
                    // An empty statement (a lone ";") or only whitespace and comments.
                    guard let tail, tail != current else { break }
                    next = tail
                    continue
                }
                let stepStatus = Self.stepToEnd(statement)
                let text = Self.text(of: statement) ?? String(cString: current)
                let failure = stepStatus == SQLITE_DONE ? nil : error(stepStatus, while: "executing", sql: text)
                sqlite3_finalize(statement)
                if let failure {
                    return .failure(failure)
                }
                guard let tail, tail != current else { break }
                next = tail
            }
            return .success(())
        }
        try outcome.get()
    }

    /// Steps until the statement is done or fails; returns the final status.
    static func stepToEnd(_ statement: OpaquePointer) -> Int32 {
        var status: Int32
        repeat {
            status = sqlite3_step(statement)
        } while status == SQLITE_ROW
        return status
    }

    /// The text a statement was prepared from.
    static func text(of statement: OpaquePointer) -> String? {
        sqlite3_sql(statement).map { String(cString: $0) }
    }

    // MARK: - Binding and reading

    /// Binds `arguments` to the statement's parameters, by position.
    func bind(_ arguments: [SQLiteValue], to statement: OpaquePointer, sql: String) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard arguments.count == expected else {
            let message = "the statement takes \(expected) argument(s) but \(arguments.count) were given"
            throw error(.misuse, message: message, while: "binding", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let status = Self.bind(argument, at: Int32(offset + 1), to: statement)
            guard status == SQLITE_OK else {
                throw error(status, while: "binding argument \(offset + 1)", sql: sql)
            }
        }
    }

    private static func bind(_ value: SQLiteValue, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .integer(let number):
            return sqlite3_bind_int64(statement, index, number)
        case .real(let number):
            return sqlite3_bind_double(statement, index, number)
        case .text(let text):
            var utf8Text = text
            return utf8Text.withUTF8 { buffer in
                guard let base = buffer.baseAddress, !buffer.isEmpty else {
                    return sqlite3_bind_text(statement, index, "", 0, sqliteTransient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                    sqlite3_bind_text64(
                        statement, index, characters, UInt64(buffer.count), sqliteTransient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            guard !bytes.isEmpty else {
                return sqlite3_bind_zeroblob(statement, index, 0)
            }
            return bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob64(statement, index, buffer.baseAddress, UInt64(buffer.count), sqliteTransient)
            }
        }
    }

    /// Steps through every row, reading all columns.
    func readRows(of statement: OpaquePointer, sql: String) throws(SQLiteError) -> [SQLiteRow] {
        let columnCount = sqlite3_column_count(statement)
        let names = (0..<columnCount).map { column in
            sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
        }
        var rows: [SQLiteRow] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE {
                return rows
            }
            guard status == SQLITE_ROW else {
                throw error(status, while: "querying", sql: sql)
            }
            let values = (0..<columnCount).map { column in Self.value(at: column, of: statement) }
            rows.append(SQLiteRow(columnNames: names, values: values))
        }
    }

    private static func value(at column: Int32, of statement: OpaquePointer) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let characters = sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: characters, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(statement, column)
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes, count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    // MARK: - Pragmas

    /// Runs a query expected to answer one value, and returns that value (`.null` when there is no row).
    func scalar(_ sql: String) throws(SQLiteError) -> SQLiteValue {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        return try readRows(of: statement, sql: sql).first?[0] ?? .null
    }

    /// Runs a query expected to answer one integer.
    func integer(_ sql: String) throws(SQLiteError) -> Int64 {
        let answer = try scalar(sql)
        guard case .integer(let number) = answer else {
            throw error(.mismatch, message: "expected an integer answer, got \(answer)", while: "querying", sql: sql)
        }
        return number
    }
}
