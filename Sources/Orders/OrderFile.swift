public import LocatedJSON

/// Reads and checks order files, JSON or CSV, reporting every problem at once.
///
///     let loaded = try OrderFile.load(name: "bank-apn.json", bytes: bytes)
///     loaded.order.sites[0].bandwidth   // 2M
///
/// A JSON order is one object: `id`, `customer`, `product`, `request`, `received`, `mature` and `sites`, an
/// array of site objects. A CSV order (as a spreadsheet exports it) has a header of the same keys and one row
/// per site, the order's own columns repeated on every row. Either way each problem is reported as
/// `FILE:LINE:COLUMN: error: message (path)`, paths reading `sites[N].field` for both formats.
public enum OrderFile {
    /// The largest order file read, in bytes (16 MiB): far above any real order.
    public static let maximumSize = 16 * 1024 * 1024

    /// The two formats.
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON object.
        case json
        /// RFC 4180 CSV with a header row, one row per site.
        case csv
    }

    /// Reads and checks an order file.
    ///
    /// The file is JSON when its name ends in `.json` or its first non-blank character is `{`, CSV when its
    /// name ends in `.csv`; any other file is refused. The checks: the syntax (strict UTF-8 JSON, RFC 4180
    /// CSV), unknown keys or columns (with "did you mean"), missing and mistyped values, the order id and the
    /// customer, the product and request, the date received, and per site the name (unique), a building or a
    /// location (not both), the area, the bandwidth (above zero and within the interface's rate), the
    /// interface, the protection, the router, the LAN and the terminals (required on an APN order's first
    /// site, refused on other products). Text that a document cannot show safely is refused in every field,
    /// whatever its key: format characters (bidirectional overrides and isolates, zero-width characters, a
    /// byte-order mark inside text, the soft hyphen), the line and paragraph separators, private-use
    /// characters and unassigned code points; a CSV file's leading byte-order mark is allowed. A non-mature
    /// product is a warning.
    ///
    /// - Parameters:
    ///   - name: The file name for diagnostics (and to tell the format).
    ///   - bytes: The file's content.
    ///   - given: The format, when the caller knows it (`--order-format`, standard input); else it is
    ///     told from the name and the content as above.
    /// - Returns: The order, where its values are in the file, and its warnings.
    /// - Throws: ``DiagnosticsError`` with every error and warning, in file order, when there is any error.
    /// - Complexity: O(*n* + *d* log *d*) for a file of *n* bytes with *d* values.
    public static func load(name: String, bytes: [UInt8], format given: Format? = nil) throws(DiagnosticsError)
        -> LoadedOrder
    {
        guard bytes.count <= maximumSize else {
            throw refusal(
                name, "the file is larger than the \(maximumSize / (1024 * 1024)) MiB limit for order files")
        }
        guard let format = given ?? format(name: name, bytes: bytes) else {
            throw refusal(
                name, "cannot tell the format of the order file: name it .json or .csv (a JSON order starts with '{')")
        }
        var diagnostics = PendingDiagnostics()
        let raw: RawOrder?
        switch format {
        case .json:
            let document = try JSONDocument(name: name, bytes: bytes)
            raw = JSONOrderReader.read(document.root, diagnostics: &diagnostics)
        case .csv:
            do {
                raw = CSVOrderReader.read(try CSVTable(bytes: bytes), diagnostics: &diagnostics)
            } catch {
                diagnostics.error(error.message, at: error.offset, path: "")
                raw = nil
            }
        }
        var checker = OrderChecker(diagnostics: diagnostics, columns: raw?.columns)
        let order = raw.flatMap { checker.check($0) }
        diagnostics = checker.diagnostics
        guard let raw, let order, !diagnostics.hasErrors else {
            if !diagnostics.hasErrors {
                diagnostics.error("the order could not be read", at: 0, path: "")
            }
            let positions = PositionTable(bytes: bytes, offsets: diagnostics.offsets)
            throw DiagnosticsError(diagnostics: diagnostics.resolved(file: name, positions: positions))
        }
        let source = makeSource(raw, file: name, bytes: bytes, diagnostics: diagnostics)
        return LoadedOrder(order: order, source: source.source, warnings: source.warnings)
    }

    /// Locates every value of a checked order (and the warnings) in one pass over the file.
    private static func makeSource(
        _ raw: RawOrder, file: String, bytes: [UInt8], diagnostics: PendingDiagnostics
    ) -> (source: OrderSource, warnings: [SourceDiagnostic]) {
        let sites = (0..<raw.siteCount).compactMap { raw.site($0) }
        var offsets = diagnostics.offsets
        offsets.append(raw.order.offset)
        offsets.append(raw.sitesOffset)
        offsets.append(contentsOf: raw.order.fields.map(\.field.offset))
        for site in sites {
            offsets.append(site.offset)
            offsets.append(contentsOf: site.fields.map(\.field.offset))
        }
        let positions = PositionTable(bytes: bytes, offsets: offsets)
        func locate(_ record: RawRecord) -> [(key: String, position: SourcePosition)] {
            record.fields.map { ($0.key, positions.position(of: $0.field.offset)) }
        }
        var orderFields = Dictionary(locate(raw.order)) { first, _ in first }
        orderFields["sites"] = positions.position(of: raw.sitesOffset)
        let source = OrderSource(
            file: file, orderPosition: positions.position(of: raw.order.offset), orderFields: orderFields,
            sites: sites.map { SiteSource(position: positions.position(of: $0.offset), fields: locate($0)) })
        return (source, diagnostics.resolved(file: file, positions: positions))
    }

    /// Tells the format from the name, or from a leading `{`.
    public static func format(name: String, bytes: [UInt8]) -> Format? {
        let lowercased = name.lowercased()
        if lowercased.hasSuffix(".json") { return .json }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "{") { return .json }
        if lowercased.hasSuffix(".csv") { return .csv }
        return nil
    }

    private static func refusal(_ name: String, _ message: String) -> DiagnosticsError {
        DiagnosticsError(diagnostics: [
            SourceDiagnostic(severity: .error, file: name, line: 1, column: 1, message: message, path: "")
        ])
    }
}
