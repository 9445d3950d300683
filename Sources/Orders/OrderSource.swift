public import LocatedJSON

/// A 1-based line and column (in Unicode characters) in an order file.
struct SourcePosition: Sendable, Hashable {
    /// The 1-based line.
    var line: Int
    /// The 1-based column, in characters.
    var column: Int

    /// The start of a file.
    static let start = SourcePosition(line: 1, column: 1)
}

/// Where one site and each of its fields were written.
struct SiteSource: Sendable {
    /// The site: its JSON object's opening brace, or the start of its CSV row.
    var position: SourcePosition
    /// Each field present in the file (a JSON key, a CSV cell), with its key; a dozen at most.
    var fields: [(key: String, position: SourcePosition)]

    /// The position of a field, if the file has it.
    func position(of key: String) -> SourcePosition? {
        fields.first { $0.key == key }?.position
    }
}

/// Where each value of an order came from, so that later checks (the planner's) can point into the order file.
///
/// Paths read the same for JSON and CSV files: `sites[2].building` is the third site's building, whether it
/// is a key of the third object of `sites` or a cell of the third data row.
///
///     let problem = loaded.source.diagnostic(.error, site: 2, field: "building", "unknown building 'BLD-X'")
///     // order.csv:4:23: error: unknown building 'BLD-X' (sites[2].building)
public struct OrderSource: Sendable {
    /// The file's name as the user gave it.
    public var file: String
    var orderPosition: SourcePosition
    var orderFields: [String: SourcePosition]
    var sites: [SiteSource]

    /// Creates a source that places every diagnostic at line 1, column 1 of a file: for orders built in code.
    ///
    /// - Parameter file: The name diagnostics carry.
    public init(file: String) {
        self.init(file: file, orderPosition: .start, orderFields: [:], sites: [])
    }

    init(file: String, orderPosition: SourcePosition, orderFields: [String: SourcePosition], sites: [SiteSource]) {
        self.file = file
        self.orderPosition = orderPosition
        self.orderFields = orderFields
        self.sites = sites
    }

    /// Makes a diagnostic located at a value of the order.
    ///
    /// The diagnostic points at the site's field when the file has it, else at the site, else at the order;
    /// with no site it points at the order's field, else at the order. The path names what was asked for
    /// either way: `sites[2].building`, `sites[2]`, `product` or empty.
    ///
    /// - Parameters:
    ///   - severity: Error or warning.
    ///   - site: The site's index in ``Order/sites``, or `nil` for the order itself.
    ///   - field: The key, such as `building`, or `nil` for the whole site or order.
    ///   - message: What is wrong, one sentence without a trailing period.
    /// - Returns: The located diagnostic.
    public func diagnostic(
        _ severity: SourceDiagnostic.Severity, site: Int?, field: String?, _ message: String
    ) -> SourceDiagnostic {
        var position = orderPosition
        var path = ""
        if let site {
            path = "sites[\(site)]"
            if sites.indices.contains(site) {
                let source = sites[site]
                position = field.flatMap { source.position(of: $0) } ?? source.position
            }
        } else if let field, let fieldPosition = orderFields[field] {
            position = fieldPosition
        }
        if let field {
            path = path.isEmpty ? field : "\(path).\(field)"
        }
        return SourceDiagnostic(
            severity: severity, file: file, line: position.line, column: position.column, message: message,
            path: path)
    }
}

/// An order read from a file, where its values came from, and the warnings found while checking it.
public struct LoadedOrder: Sendable {
    /// The order.
    public var order: Order
    /// Where its values are in the file.
    public var source: OrderSource
    /// Warnings (never errors), in file order.
    public var warnings: [SourceDiagnostic]

    /// Creates a result.
    public init(order: Order, source: OrderSource, warnings: [SourceDiagnostic]) {
        self.order = order
        self.source = source
        self.warnings = warnings
    }
}
