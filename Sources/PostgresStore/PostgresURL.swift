/// A PostgreSQL connection URL (`postgresql://user:password@host:port/database?…`), as given and masked.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    /// The URL as libpq receives it (LinePlan's own parameters removed).
    public let text: String
    /// The password it carries, if any (in the user part or as `password=`).
    let password: String?
    /// `lineplan_schema=NAME`: the PostgreSQL schema holding the ledger, `lineplan` by default.
    public let schema: String

    /// Whether a string names a PostgreSQL server rather than a file: it starts with `postgresql://` or
    /// `postgres://`.
    public static func isServerURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Reads a URL.
    ///
    /// - Throws: ``PostgresError`` (SQLSTATE `22023`) for an invalid `lineplan_schema`.
    public init(_ text: String) throws(PostgresError) {
        var kept: [Substring] = []
        var schema = "lineplan"
        var password: String?
        let parts = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let base = parts.first ?? ""
        if parts.count == 2 {
            for parameter in parts[1].split(separator: "&") {
                if parameter.hasPrefix("lineplan_schema=") {
                    schema = String(parameter.dropFirst("lineplan_schema=".count))
                } else {
                    if parameter.hasPrefix("password=") { password = String(parameter.dropFirst("password=".count)) }
                    kept.append(parameter)
                }
            }
        }
        if let authority = base.split(separator: "/", maxSplits: 3).dropFirst().first,
            let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":")
        {
            password = String(authority[authority.index(after: colon)..<at])
        }
        self.password = password.flatMap { $0.isEmpty ? nil : $0 }
        self.text = String(base) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        self.schema = schema
        let valid = schema.utf8.enumerated().allSatisfy { index, byte in
            (byte >= 97 && byte <= 122) || byte == 95 || (index > 0 && byte >= 48 && byte <= 57)
        }
        guard valid, !schema.isEmpty, schema.utf8.count <= 63 else {
            throw PostgresError(
                sqlState: "22023",
                message: "invalid lineplan_schema '\(schema)': lower-case letters, digits and '_', at most 63",
                server: Self.mask(String(base), password: self.password))
        }
    }

    /// The URL with its password replaced by `***`: safe for any message or log.
    public var masked: String { Self.mask(text, password: password) }

    /// The URL as masked.
    public var description: String { masked }

    /// Replaces every occurrence of the password in a text by `***`.
    public func masking(_ message: String) -> String {
        Self.mask(message, password: password)
    }

    static func mask(_ text: String, password: String?) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacing(password, with: "***")
    }
}
