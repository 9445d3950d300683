import LocatedJSON

/// Where a value came from: a cell of a table, named by its header as written.
struct CellPlace: Sendable, Hashable {
    /// The file's name.
    var file: String
    /// The 1-based line.
    var line: Int
    /// The 1-based column in characters.
    var column: Int
    /// The column's header as the file wrote it (or a NetBox field's name), or empty for a whole row.
    var header: String
    /// What `header` names in messages: `column` in a table, `field` in a NetBox object.
    var noun = "column"

    /// A diagnostic at this place.
    func diagnostic(_ severity: SourceDiagnostic.Severity, _ message: String) -> SourceDiagnostic {
        SourceDiagnostic(
            severity: severity, file: file, line: line, column: column, message: message,
            path: header.isEmpty ? "" : "\(noun) \(header)")
    }
}

/// The columns of one table as read: each key's position and header as written, shared by its rows.
final class TableColumns: Sendable {
    /// The column's position in the row by key.
    let index: [String: Int]
    /// The header as written, by position.
    let headers: [String]

    init(index: [String: Int], headers: [String]) {
        self.index = index
        self.headers = headers
    }
}

/// One data row of a table: its cells in header order, empty and refused cells `nil`.
struct TableRow: Sendable {
    /// The file's name.
    var file: String
    /// The line the row starts on.
    var line: Int
    /// The table's columns.
    var columns: TableColumns
    /// The cells by position: `nil` when empty or refused; text trimmed of spaces.
    var cells: [CSVCell?]
    /// Each cell's start by position, empty ones too.
    var starts: [(line: Int, column: Int)]
    /// Whether a cell of the row was refused (too long, control characters, a formula).
    var isTainted = false

    /// The text of a non-empty cell.
    func text(_ key: String) -> String? { columns.index[key].flatMap { cells[$0]?.text } }

    /// Whether the table has a column.
    func hasColumn(_ key: String) -> Bool { columns.index[key] != nil }

    /// Where a column's cell is, or the row's start when the table has no such column.
    func place(_ key: String) -> CellPlace {
        guard let position = columns.index[key] else { return start }
        let (line, column) = starts[position]
        return CellPlace(file: file, line: line, column: column, header: columns.headers[position])
    }

    /// The row's start.
    var start: CellPlace { CellPlace(file: file, line: line, column: 1, header: "") }
}

/// A table read from its file: the header checked, each row's cells checked for hostile content.
struct ParsedTable: Sendable {
    /// Which table.
    var table: InventoryTable
    /// The file's name.
    var file: String
    /// The header as written, by column key.
    var headers: [String: String]
    /// The data rows.
    var rows: [TableRow]

    /// Reads and checks a table.
    ///
    /// - Parameters:
    ///   - table: Which table the file is.
    ///   - file: The file.
    ///   - diagnostics: Where problems go, all of them.
    /// - Returns: The table, or `nil` when its text or header cannot be read at all.
    /// - Complexity: O(*n*) in the size of the file.
    static func read(_ table: InventoryTable, _ file: InventoryFile, diagnostics: inout [SourceDiagnostic])
        -> ParsedTable?
    {
        let grid: CSVGrid
        do {
            let decoded = try TextDecoding.decode(file.bytes, file: file.name)
            if decoded.encoding == .gb18030 {
                diagnostics.append(
                    SourceDiagnostic(
                        severity: .warning, file: file.name, line: 1, column: 1,
                        message: "read as GB18030 (GBK) text; saving it as UTF-8 avoids guessing", path: ""))
            }
            grid = try CSVGrid(text: decoded.text, file: file.name)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
        guard let header = grid.rows.first else {
            diagnostics.append(
                SourceDiagnostic(
                    severity: .error, file: file.name, line: 1, column: 1,
                    message: "the file is empty; expected a header row: "
                        + table.columns.map(\.key).joined(separator: ","), path: ""))
            return nil
        }
        guard let keys = readHeader(header, table: table, file: file.name, diagnostics: &diagnostics) else {
            return nil
        }
        var headers: [String: String] = [:]
        var index: [String: Int] = [:]
        for (position, key) in keys.enumerated() {
            guard let key else { continue }
            headers[key] = header.cells[position].text.trimmingSpaces
            index[key] = position
        }
        let columns = TableColumns(index: index, headers: header.cells.map(\.text.trimmingSpaces))
        var rows: [TableRow] = []
        rows.reserveCapacity(grid.rows.count)
        for record in grid.rows.dropFirst() {
            guard record.cells.count == keys.count else {
                diagnostics.append(
                    SourceDiagnostic(
                        severity: .error, file: file.name, line: record.line, column: 1,
                        message: "the row has \(record.cells.count) cell\(record.cells.count == 1 ? "" : "s") but the "
                            + "header has \(keys.count); check for a stray or missing comma", path: ""))
                continue
            }
            var row = TableRow(
                file: file.name, line: record.line, columns: columns, cells: [],
                starts: record.cells.map { ($0.line, $0.column) })
            row.cells.reserveCapacity(record.cells.count)
            for cell in record.cells {
                if let problem = cellProblem(cell) {
                    let place = CellPlace(
                        file: file.name, line: cell.line, column: cell.column, header: columns.headers[row.cells.count])
                    diagnostics.append(place.diagnostic(.error, problem))
                    row.isTainted = true
                    row.cells.append(nil)
                    continue
                }
                let text = cell.text.trimmingSpaces
                row.cells.append(text.isEmpty ? nil : CSVCell(text: text, line: cell.line, column: cell.column))
            }
            rows.append(row)
        }
        return ParsedTable(table: table, file: file.name, headers: headers, rows: rows)
    }

    /// Maps each header cell to its column key; `nil` when the header is unusable.
    private static func readHeader(
        _ header: CSVRecord, table: InventoryTable, file: String, diagnostics: inout [SourceDiagnostic]
    ) -> [String?]? {
        var byFolded: [String: String] = [:]
        for column in table.columns {
            for name in column.headers { byFolded[InventoryColumn.fold(name)] = column.key }
        }
        var keys: [String?] = []
        var seen: [String: CSVCell] = [:]
        var usable = true
        for cell in header.cells {
            let text = cell.text.trimmingSpaces
            let place = CellPlace(file: file, line: cell.line, column: cell.column, header: "")
            if let problem = cellProblem(cell) {
                diagnostics.append(place.diagnostic(.error, problem))
                usable = false
                keys.append(nil)
                continue
            }
            guard !text.isEmpty else {
                diagnostics.append(place.diagnostic(.error, "a column without a header; name it or delete it"))
                usable = false
                keys.append(nil)
                continue
            }
            guard let key = byFolded[InventoryColumn.fold(text)] else {
                let known = table.columns.map(\.key).joined(separator: ", ")
                diagnostics.append(
                    place.diagnostic(
                        .error,
                        "unknown column '\(TextHygiene.shown(text))' in the \(table.rawValue) table; expected one of "
                            + "\(known) (or a Chinese header; see README)"))
                usable = false
                keys.append(nil)
                continue
            }
            if let first = seen[key] {
                diagnostics.append(
                    place.diagnostic(
                        .error,
                        "column '\(text)' repeats column '\(first.text.trimmingSpaces)' of line \(first.line), column "
                            + "\(first.column) (both are '\(key)')"))
                usable = false
                keys.append(nil)
                continue
            }
            seen[key] = cell
            keys.append(key)
        }
        for column in table.columns where column.required && seen[column.key] == nil {
            let names = ([column.key] + column.chinese.prefix(1)).map { "'\($0)'" }.joined(separator: " or ")
            diagnostics.append(
                SourceDiagnostic(
                    severity: .error, file: file, line: header.line, column: 1,
                    message: "missing column \(names): every \(table.rawValue) row needs it", path: ""))
            usable = false
        }
        return usable ? keys : nil
    }

    /// Why a cell's content is refused, or `nil`.
    private static func cellProblem(_ cell: CSVCell) -> String? {
        if let size = cell.oversize {
            return "the cell holds \(size) bytes, above the \(CSVGrid.maximumCellBytes)-byte limit; no inventory "
                + "value is that long"
        }
        return TextHygiene.problem(cell.text)
    }
}

/// The rules for text in inventory cells.
enum TextHygiene {
    /// Why text is refused, or `nil`: control characters, characters that change how text is shown,
    /// and spreadsheet formulas (`=…`, `@…`, `+x`/`-x` that is not a number) are refused.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    static func problem(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" { return "the cell holds a line break; keep each value on one line" }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                return "the cell holds control character \(name(scalar)); remove it"
            }
            if scalar.value >= 0xA0 {
                switch scalar.properties.generalCategory {
                case .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
                    return "the cell holds the invisible or reordering character \(name(scalar)); remove it"
                default: break
                }
            }
        }
        let trimmed = text.trimmingSpaces
        guard let first = trimmed.unicodeScalars.first else { return nil }
        let isFormula: Bool
        switch first {
        case "=", "@": isFormula = true
        case "+", "-":
            let rest = trimmed.unicodeScalars.dropFirst()
            isFormula = !(rest.first.map { ("0"..."9").contains($0) || $0 == "." } ?? true)
        default: isFormula = false
        }
        if isFormula {
            return "'\(shown(trimmed))' is a spreadsheet formula; export values, not formulas"
        }
        return nil
    }

    /// `U+0007` style name of a scalar.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Text as quoted in a message: at most 64 characters.
    static func shown(_ text: String) -> String {
        text.count <= 64 ? text : String(text.prefix(64)) + "…"
    }
}

extension String {
    /// The text without leading and trailing spaces (ASCII and ideographic).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\u{3000}" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\u{3000}" })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
