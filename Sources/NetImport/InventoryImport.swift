import LocatedJSON
import NetGraph

/// Reads an inventory folder — CSV tables of rooms, nodes, ports, links, rings, pools and policy — into a
/// checked ``Network``.
///
/// The network is built from the tables directly, without writing a network file, and every rule of a network file
/// is applied to it with the message the network reader gives (the rules and their wording are shared, and so are
/// the whole-network checks, ``Network/validationFindings(warnIsolatedNodes:)``), so an imported network passes
/// exactly the checks a hand-written one does; each problem is reported at the table cell its value came from, as
/// `FILE:LINE:COLUMN: error: … (column HEADER)`, in the order the reader would give for one place. Problems
/// of the tables themselves (unknown columns, text where a number belongs, formulas, control characters,
/// oversized cells, GB18030 that does not decode) are found first; all of them are reported. A cell's line
/// and column are worked out only when a problem is reported there.
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
        let network = builder.build(tables, defaultName: defaultName)
        return try builder.finish(network, check: tables.count == builder.tableOrder.count)
    }
}

/// Where a value would stand in the network file the tables describe: its section (rooms, nodes, links, pools,
/// policy, in the file's order), its item there, and its member, numbered in the order the file writes them.
///
/// Problems at one cell are reported in this order, as the network reader reports those of one place in a
/// file: a node's missing location (at the node) before its bad id (when the id is the row's first cell).
struct FilePosition: Comparable {
    var section: Int
    var item: Int
    var member: Int

    static let rooms = 1
    static let nodes = 2
    static let links = 3
    static let pools = 4
    static let policy = 5

    static func < (lhs: FilePosition, rhs: FilePosition) -> Bool {
        (lhs.section, lhs.item, lhs.member) < (rhs.section, rhs.item, rhs.member)
    }
}

/// A problem by the rules of a network file, at the cell its value came from.
struct NetworkProblem {
    var severity: SourceDiagnostic.Severity
    var message: String
    var place: CellPlace
    var position: FilePosition
}

/// A cell of a table, located when a diagnostic needs it.
struct TableCell {
    let table: CSVTable
    let row: Int
    /// The column's position, or `nil` when the table has no such column (the row's start stands for it).
    let column: Int?

    /// Where the cell is.
    var place: CellPlace { table.place(row, column) }
}

/// The state of one import: diagnostics so far, and what the tables have given.
struct InventoryBuilder {
    /// Problems of the tables and their cells, in the order found.
    var diagnostics: [SourceDiagnostic] = []
    /// The lines and columns of `diagnostics` by file, so an empty cell refused already is not reported again.
    private var reportedPlaces: Set<ReportedPlace> = []
    /// Problems by the rules of a network file, in the order found.
    var problems: [NetworkProblem] = []
    /// Whether the rules of a network file found an error, echoes of table problems included (they are not
    /// reported, but as in the network reader they keep "no links" warnings back).
    var networkHadErrors = false
    var refusedNodes: Set<String> = []
    var refusedRooms: Set<String> = []
    var tableOrder: [String: Int] = [:]

    private struct ReportedPlace: Hashable {
        var file: String
        var line: Int
        var column: Int
    }

    /// Records a diagnostic of the tables.
    mutating func add(_ diagnostic: SourceDiagnostic) {
        diagnostics.append(diagnostic)
        reportedPlaces.insert(ReportedPlace(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column))
    }

    /// Whether a diagnostic is recorded at a place.
    func isReported(_ place: CellPlace) -> Bool {
        reportedPlaces.contains(ReportedPlace(file: place.file, line: place.line, column: place.column))
    }

    mutating func error(_ message: String, at place: CellPlace) {
        add(place.diagnostic(.error, message))
    }

    /// Records an error by the rules of a network file.
    mutating func fileError(_ message: String, at cell: TableCell, _ position: FilePosition) {
        fileError(message, at: cell.place, position)
    }

    mutating func fileError(_ message: String, at place: CellPlace, _ position: FilePosition) {
        networkHadErrors = true
        problems.append(NetworkProblem(severity: .error, message: message, place: place, position: position))
    }

    // MARK: - Tables

    mutating func readTables(_ files: [InventoryFile]) -> [InventoryTable: CSVTable] {
        var tables: [InventoryTable: CSVTable] = [:]
        var fileByTable: [InventoryTable: String] = [:]
        for file in files.sorted(by: { $0.name < $1.name }) {
            guard let table = InventoryTable.named(file.fileName) else {
                let names = InventoryTable.allCases.map { "\($0.rawValue).csv" }.joined(separator: ", ")
                add(
                    SourceDiagnostic(
                        severity: .error, file: file.name, line: 1, column: 1,
                        message: "not an inventory table; the tables are \(names) (or their Chinese names, such as "
                            + "网元.csv); move other files out of the folder", path: ""))
                continue
            }
            if let first = fileByTable[table] {
                add(
                    SourceDiagnostic(
                        severity: .error, file: file.name, line: 1, column: 1,
                        message: "a second \(table.rawValue) table beside \(first); keep one", path: ""))
                continue
            }
            fileByTable[table] = file.name
            tableOrder[file.name] = InventoryTable.allCases.firstIndex(of: table) ?? 0
            if let read = CSVTable.read(table, file, report: { add($0) }) { tables[table] = read }
        }
        for table in InventoryTable.allCases where table.isRequired && fileByTable[table] == nil {
            add(
                SourceDiagnostic(
                    severity: .error, file: "\(table.rawValue).csv", line: 1, column: 1,
                    message: "missing table: an inventory needs \(table.rawValue).csv (or \(table.chineseName).csv)",
                    path: ""))
        }
        return tables
    }

    // MARK: - Finishing

    /// Adds the problems the rules of a network file found, sorts every diagnostic, and gives the network when
    /// there is no error.
    ///
    /// When `check` is false (a table could not be read at all) only the table problems are reported: the
    /// rules would see rows missing and report their echoes. When a table has an error, warnings of the rules
    /// are left out.
    mutating func finish(_ network: Network, check: Bool) throws(ImportError) -> ImportedNetwork {
        let hadTableErrors = diagnostics.contains { $0.severity == .error }
        if check {
            // In the order of the network file, as the network reader would have reported them.
            let ordered = problems.enumerated().sorted { left, right in
                left.element.position == right.element.position
                    ? left.offset < right.offset : left.element.position < right.element.position
            }
            for (_, problem) in ordered {
                if hadTableErrors, problem.severity == .warning { continue }
                diagnostics.append(problem.place.diagnostic(problem.severity, problem.message))
            }
        }
        let sorted = diagnostics.enumerated().sorted { left, right in
            let l = left.element
            let r = right.element
            return (tableOrder[l.file] ?? 99, l.file, l.line, l.column, left.offset)
                < (tableOrder[r.file] ?? 99, r.file, r.line, r.column, right.offset)
        }.map(\.element)
        guard !sorted.contains(where: { $0.severity == .error }) else { throw ImportError(diagnostics: sorted) }
        return ImportedNetwork(network: network, warnings: sorted)
    }
}
