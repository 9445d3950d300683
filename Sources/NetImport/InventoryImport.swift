import Foundation
import LocatedJSON
import NetGraph

/// Reads an inventory folder — CSV tables of rooms, nodes, ports, links, rings, pools and policy — into a
/// checked ``Network``.
///
/// The tables are turned into a network file and read back by ``Network/load(name:bytes:)``, so an
/// imported network passes exactly the checks a hand-written one does; each problem the network reader
/// finds is reported at the table cell its value came from, as `FILE:LINE:COLUMN: error: … (column HEADER)`.
/// Problems of the tables themselves (unknown columns, text where a number belongs, formulas, control
/// characters, oversized cells, GB18030 that does not decode) are found first; all of them are reported.
public enum InventoryImport {
    /// Reads an inventory.
    ///
    /// - Parameters:
    ///   - files: The folder's CSV files; each one's name says its table (`nodes.csv` or `网元.csv`).
    ///   - defaultName: The network's name when `policy.csv` gives none.
    /// - Returns: The network and its warnings.
    /// - Throws: ``ImportError`` with every error and warning when there is any error.
    /// - Complexity: O(*s* + *n* + *l* log *l*) for *s* bytes of tables, *n* nodes and *l* links.
    public static func read(_ files: [InventoryFile], defaultName: String) throws(ImportError) -> ImportedNetwork {
        var builder = InventoryBuilder()
        let tables = builder.readTables(files)
        // A place per cell and per row: reserved at once, so the table never grows by copying (a
        // province's 21 MiB of tables record millions).
        builder.places.reserveCapacity(tables.values.reduce(0) { $0 + $1.rows.count * ($1.headers.count + 3) })
        let json = builder.build(tables, defaultName: defaultName)
        return try builder.finish(json, check: tables.count == builder.tableOrder.count)
    }
}

/// The state of one import: diagnostics so far, and where each JSON value came from.
struct InventoryBuilder {
    var diagnostics: [SourceDiagnostic] = []
    /// The cell each JSON path of the generated network file came from.
    var places: [String: CellPlace] = [:]
    var refusedNodes: Set<String> = []
    var refusedRooms: Set<String> = []
    /// JSON paths left out because their cell was refused, so "missing required key" is not said again.
    var failedMembers: Set<String> = []
    var tableOrder: [String: Int] = [:]

    mutating func error(_ message: String, at place: CellPlace) {
        diagnostics.append(place.diagnostic(.error, message))
    }

    // MARK: - Tables

    mutating func readTables(_ files: [InventoryFile]) -> [InventoryTable: ParsedTable] {
        var tables: [InventoryTable: ParsedTable] = [:]
        var fileByTable: [InventoryTable: String] = [:]
        for file in files.sorted(by: { $0.name < $1.name }) {
            guard let table = InventoryTable.named(file.fileName) else {
                let names = InventoryTable.allCases.map { "\($0.rawValue).csv" }.joined(separator: ", ")
                diagnostics.append(
                    SourceDiagnostic(
                        severity: .error, file: file.name, line: 1, column: 1,
                        message: "not an inventory table; the tables are \(names) (or their Chinese names, such as "
                            + "网元.csv); move other files out of the folder", path: ""))
                continue
            }
            if let first = fileByTable[table] {
                diagnostics.append(
                    SourceDiagnostic(
                        severity: .error, file: file.name, line: 1, column: 1,
                        message: "a second \(table.rawValue) table beside \(first); keep one", path: ""))
                continue
            }
            fileByTable[table] = file.name
            tableOrder[file.name] = InventoryTable.allCases.firstIndex(of: table) ?? 0
            if let parsed = ParsedTable.read(table, file, diagnostics: &diagnostics) { tables[table] = parsed }
        }
        for table in InventoryTable.allCases where table.isRequired && fileByTable[table] == nil {
            diagnostics.append(
                SourceDiagnostic(
                    severity: .error, file: "\(table.rawValue).csv", line: 1, column: 1,
                    message: "missing table: an inventory needs \(table.rawValue).csv (or \(table.chineseName).csv)",
                    path: ""))
        }
        return tables
    }

    // MARK: - Finishing

    /// Reads the generated network file back, placing each of its diagnostics at its cell.
    ///
    /// When `check` is false (a table could not be read at all) only the table problems are reported: the
    /// network reader would see rows missing and report their echoes.
    mutating func finish(_ json: JSONOutput, check: Bool) throws(ImportError) -> ImportedNetwork {
        let text = json.rendered(inlineDepth: 2)
        let hadTableErrors = diagnostics.contains { $0.severity == .error }
        var network: Network?
        var found: [SourceDiagnostic] = []
        do {
            let loaded = try Network.load(name: "network", bytes: Array(text.utf8))
            network = loaded.network
            found = loaded.warnings
        } catch {
            found = error.diagnostics
        }
        for diagnostic in found where check {
            if hadTableErrors, diagnostic.severity == .warning { continue }
            if isEcho(diagnostic) { continue }
            diagnostics.append(place(of: diagnostic.path).diagnostic(diagnostic.severity, diagnostic.message))
        }
        let sorted = diagnostics.enumerated().sorted { left, right in
            let l = left.element
            let r = right.element
            return (tableOrder[l.file] ?? 99, l.file, l.line, l.column, left.offset)
                < (tableOrder[r.file] ?? 99, r.file, r.line, r.column, right.offset)
        }.map(\.element)
        guard let network, !sorted.contains(where: { $0.severity == .error }) else {
            throw ImportError(diagnostics: sorted)
        }
        return ImportedNetwork(network: network, warnings: sorted)
    }

    /// Whether a reader diagnostic only repeats a table problem already reported (a link to a refused node).
    private func isEcho(_ diagnostic: SourceDiagnostic) -> Bool {
        let missing = "missing required key '"
        if diagnostic.message.hasPrefix(missing) {
            let key = diagnostic.message.dropFirst(missing.count).prefix { $0 != "'" }
            if failedMembers.contains("\(diagnostic.path).\(key)") { return true }
        }
        for (prefix, refused) in [("unknown node '", refusedNodes), ("unknown room '", refusedRooms)] {
            guard diagnostic.message.hasPrefix(prefix) else { continue }
            let id = diagnostic.message.dropFirst(prefix.count).prefix { $0 != "'" }
            if refused.contains(String(id)) { return true }
        }
        return false
    }

    /// The cell a JSON path came from: the path itself, else its nearest recorded parent.
    private func place(of path: String) -> CellPlace {
        var current = Substring(path)
        while !current.isEmpty {
            if let place = places[String(current)] { return place }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = current[..<cut]
        }
        return CellPlace(file: "network", line: 1, column: 1, header: "")
    }
}
