import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value sent to or read from PostgreSQL: `NULL`, a 64-bit integer or text.
public enum PostgresValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// An integer (`smallint`, `integer`, `bigint`, or an integral `numeric`).
    case integer(Int64)
    /// Text (every other type, in PostgreSQL's text form).
    case text(String)
}

/// One result row: column names and values.
public struct PostgresRow: Sendable, Hashable {
    /// The result column names, in order.
    public let columnNames: [String]
    /// The values, in column order.
    public let values: [PostgresValue]
}

/// A connection to a PostgreSQL server through libpq; it owns the connection and closes it when released.
///
///     let connection = try PostgresConnection(url: PostgresURL("postgresql://planner@db.example/lineplan"))
///     let rows = try connection.query("SELECT id FROM lines WHERE state = $1", [.text("reserved")])
///
/// Not `Sendable`: use it from one thread at a time, one connection per process. Every message it builds
/// carries the server's URL with its password masked.
public final class PostgresConnection {
    /// The server.
    public let url: PostgresURL
    private let handle: OpaquePointer

    /// Connects, waiting at most `connect_timeout` (5 s unless the URL says otherwise).
    ///
    /// - Throws: ``PostgresError`` with SQLSTATE `08006` when the server cannot be reached or refuses.
    public init(url: PostgresURL) throws(PostgresError) {
        self.url = url
        let keywords = ["connect_timeout", "application_name", "dbname"]
        let values = ["5", "lineplan", url.text]
        let connection = Self.withCStrings(keywords) { keywordPointers in
            Self.withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw PostgresError(sqlState: "08006", message: "\(url.masked): out of memory", server: url.masked)
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = Self.oneLine(PQerrorMessage(connection).map { String(cString: $0) } ?? "unknown error")
            PQfinish(connection)
            throw PostgresError(
                sqlState: "08006", message: url.masking("cannot reach \(url.masked): \(reason)"), server: url.masked)
        }
        handle = connection
        // Notices ("schema already exists, skipping") would go to stderr.
        PQclear(PQexec(connection, "SET client_min_messages = warning"))
    }

    deinit {
        PQfinish(handle)
    }

    /// Runs SQL without parameters (it may hold several statements separated by `;`).
    ///
    /// - Throws: ``PostgresError``.
    public func execute(_ sql: String) throws(PostgresError) {
        _ = try run(sql, nil)
    }

    /// Runs one statement with `$1`, `$2`… bound to `arguments`, and returns its rows.
    ///
    /// - Throws: ``PostgresError``.
    /// - Complexity: All rows are read into memory.
    @discardableResult
    public func query(_ sql: String, _ arguments: [PostgresValue] = []) throws(PostgresError) -> [PostgresRow] {
        try run(sql, arguments)
    }

    private func run(_ sql: String, _ arguments: [PostgresValue]?) throws(PostgresError) -> [PostgresRow] {
        let result: OpaquePointer?
        if let arguments {
            let texts: [String?] = arguments.map {
                switch $0 {
                case .null: return nil
                case .integer(let number): return String(number)
                case .text(let text): return text
                }
            }
            result = Self.withOptionalCStrings(texts) { pointers in
                PQexecParams(handle, sql, Int32(texts.count), nil, pointers, nil, nil, 0)
            }
        } else {
            result = PQexec(handle, sql)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw error(result, sql: sql)
        }
        guard let result, status == PGRES_TUPLES_OK else { return [] }
        let columns = PQnfields(result)
        let names = (0..<columns).map { String(cString: PQfname(result, $0)) }
        let integral: [Bool] = (0..<columns).map { [20, 21, 23, 1700].contains(PQftype(result, $0)) }
        var rows: [PostgresRow] = []
        for row in 0..<PQntuples(result) {
            var values: [PostgresValue] = []
            for column in 0..<columns {
                if PQgetisnull(result, row, column) != 0 {
                    values.append(.null)
                    continue
                }
                let text = String(cString: PQgetvalue(result, row, column))
                if integral[Int(column)], let number = Int64(text) {
                    values.append(.integer(number))
                } else {
                    values.append(.text(text))
                }
            }
            rows.append(PostgresRow(columnNames: names, values: values))
        }
        return rows
    }

    private func error(_ result: OpaquePointer?, sql: String) -> PostgresError {
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        let message =
            result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "M"))) }.map { String(cString: $0) }
            ?? PQerrorMessage(handle).map { String(cString: $0) } ?? "unknown error"
        let lost = PQstatus(handle) != CONNECTION_OK
        let sqlState = state ?? (lost ? "08006" : "XX000")
        let excerpt = Self.oneLine(sql).prefix(80)
        return PostgresError(
            sqlState: sqlState,
            message: url.masking(
                Self.oneLine("\(message) (SQLSTATE \(sqlState)), while running \"\(excerpt)\" on \(url.masked)")),
            server: url.masked)
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).map { $0.trimmingCharacters() }.joined(separator: " ")
    }

    private static func withCStrings<Result>(
        _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result
    ) -> Result {
        withOptionalCStrings(strings.map { Optional($0) }, body)
    }

    /// Calls `body` with a C array of C strings (`NULL` for `nil`), terminated by `NULL`.
    private static func withOptionalCStrings<Result>(
        _ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result
    ) -> Result {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
        defer { for copy in copies { free(copy) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}

@available(*, unavailable)
extension PostgresConnection: Sendable {}

extension Substring {
    fileprivate func trimmingCharacters() -> Substring {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
