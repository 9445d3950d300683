import LocatedJSON

/// Reads an order's CSV rows into a ``RawOrder``: checks the header, the number of cells in each row and
/// that every row repeats the same order fields, and leaves the values to ``OrderChecker``.
///
/// The first row is the header: column names are the JSON keys, in any order, with a location either as
/// one column `location` ("x y") or as two columns `x` and `y`. Each further row is one site; the order's
/// own columns are repeated on every row.
enum CSVOrderReader {
    /// The order's columns, which every row must repeat with the same text.
    static let orderColumns = ["id", "customer", "product", "request", "received", "mature", "description"]
    /// The site's columns.
    static let siteColumns = [
        "name", "address", "contact", "phone", "building", "location", "x", "y", "area", "bandwidth", "interface",
        "protection", "router", "routerVersionFile", "lan", "publicLAN", "terminals",
    ]
    /// Columns without which no row can be read.
    static let requiredColumns = ["id", "customer", "product", "received", "name", "bandwidth", "interface"]

    /// Reads the table.
    ///
    /// - Returns: The raw order, or `nil` when there is no data row to read it from.
    static func read(_ table: CSVTable, diagnostics: inout PendingDiagnostics) -> RawOrder? {
        guard let header = table.rows.first else { return nil }
        let columnIndex = readHeader(header, diagnostics: &diagnostics)
        var columns = Set(columnIndex.keys)
        if columns.contains("x"), columns.contains("y") { columns.insert("location") }
        let dataRows = table.rows.dropFirst()
        guard let firstRow = dataRows.first else {
            diagnostics.error(
                "an order needs at least one site: the file has a header but no rows", at: header.offset,
                path: "sites")
            return nil
        }
        let width = header.cells.count
        let orderPositions = orderColumns.compactMap { column in columnIndex[column].map { (column, $0) } }
        var orderRow: CSVRow?
        var reportedColumns: Set<String> = []
        for (index, row) in dataRows.enumerated() {
            guard row.cells.count == width else {
                reportCellCount(row, header: header, index: index, diagnostics: &diagnostics)
                continue
            }
            guard let first = orderRow else {
                orderRow = row
                continue
            }
            for (column, position) in orderPositions where row.cells[position].text != first.cells[position].text {
                guard reportedColumns.insert(column).inserted else { continue }
                let cell = row.cells[position]
                let here = cell.text.isEmpty ? "empty" : "'\(TextRules.shown(cell.text))'"
                diagnostics.error(
                    "'\(column)' is \(here) here but '\(TextRules.shown(first.cells[position].text))' at ",
                    at: cell.offset, path: column, reference: first.cells[position].offset,
                    suffix: "; every row must repeat the order's columns")
            }
        }
        guard let orderRow else { return nil }
        var order = RawRecord(offset: 0, path: "")
        for (column, position) in orderPositions {
            let cell = orderRow.cells[position]
            order[column] = RawField(content: .cell(cell.text), offset: cell.offset)
        }
        let rows = table.rows
        return RawOrder(order: order, siteCount: rows.count - 1, sitesOffset: firstRow.offset, columns: columns) {
            index in
            let row = rows[index + 1]
            guard row.cells.count == width else { return nil }
            return site(row, path: "sites[\(index)]", columnIndex: columnIndex)
        }
    }

    /// Checks the header and returns each known column's index.
    private static func readHeader(_ header: CSVRow, diagnostics: inout PendingDiagnostics) -> [String: Int] {
        let allowed = orderColumns + siteColumns
        var columnIndex: [String: Int] = [:]
        for (index, cell) in header.cells.enumerated() {
            let name = cell.text
            if name.isEmpty {
                diagnostics.error("a column without a name; name it or delete it", at: cell.offset, path: "")
                continue
            }
            guard allowed.contains(name) else {
                var message = "unknown column '\(TextRules.shown(name))'"
                if let suggestion = closestColumn(to: name, in: allowed) {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.error(message, at: cell.offset, path: "")
                continue
            }
            if let first = columnIndex[name] {
                diagnostics.error(
                    "duplicate column '\(name)'; first at ", at: cell.offset, path: "",
                    reference: header.cells[first].offset)
                continue
            }
            columnIndex[name] = index
        }
        for column in requiredColumns where columnIndex[column] == nil {
            diagnostics.error("missing required column '\(column)'", at: header.offset, path: "")
        }
        let hasX = columnIndex["x"] != nil
        let hasY = columnIndex["y"] != nil
        if let location = columnIndex["location"], let coordinate = columnIndex["x"] ?? columnIndex["y"] {
            diagnostics.error(
                "a location is one column 'location' or two columns 'x' and 'y', not both",
                at: header.cells[max(location, coordinate)].offset, path: "")
        } else if hasX != hasY, let coordinate = columnIndex["x"] ?? columnIndex["y"] {
            diagnostics.error(
                "a column '\(hasX ? "x" : "y")' needs a column '\(hasX ? "y" : "x")'",
                at: header.cells[coordinate].offset,
                path: "")
        } else if columnIndex["building"] == nil, columnIndex["location"] == nil, !hasX {
            diagnostics.error(
                "missing a column 'building' or 'location' (or 'x' and 'y')", at: header.offset, path: "")
        }
        return columnIndex
    }

    /// The allowed column closest to a misspelt one, ignoring surrounding spaces.
    private static func closestColumn(to name: String, in allowed: [String]) -> String? {
        let trimmed = String(name.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if trimmed != name, allowed.contains(trimmed) { return trimmed }
        return JSONObjectView.closest(to: name, in: allowed)
    }

    private static func reportCellCount(
        _ row: CSVRow, header: CSVRow, index: Int, diagnostics: inout PendingDiagnostics
    ) {
        let path = "sites[\(index)]"
        let expected = header.cells.count
        let columnsNoun = expected == 1 ? "column" : "columns"
        if row.cells.count == 1, row.cells[0].text.isEmpty {
            diagnostics.error("a blank line between rows; delete it", at: row.offset, path: path)
        } else if row.cells.count > expected {
            diagnostics.error(
                "a row of \(row.cells.count) cells; the header has \(expected) \(columnsNoun)",
                at: row.cells[expected].offset, path: path)
        } else {
            let cellsNoun = row.cells.count == 1 ? "cell" : "cells"
            diagnostics.error(
                "a row of \(row.cells.count) \(cellsNoun); the header has \(expected) \(columnsNoun)", at: row.offset,
                path: path)
        }
    }

    /// Makes a site's record from a row with as many cells as the header.
    private static func site(_ row: CSVRow, path: String, columnIndex: [String: Int]) -> RawRecord {
        var record = RawRecord(offset: row.offset, path: path)
        for column in siteColumns where column != "x" && column != "y" {
            guard let position = columnIndex[column] else { continue }
            let cell = row.cells[position]
            record[column] = RawField(content: .cell(cell.text), offset: cell.offset)
        }
        if columnIndex["location"] == nil, let xIndex = columnIndex["x"], let yIndex = columnIndex["y"] {
            let x = row.cells[xIndex]
            let y = row.cells[yIndex]
            record["location"] = RawField(content: .coordinates(x: x, y: y), offset: x.offset)
        }
        return record
    }
}
