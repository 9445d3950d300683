import LocatedJSON

/// One inventory table read from its CSV file (RFC 4180, UTF-8 after ``TextDecoding``), checked, with each
/// cell kept as a byte range of the text: a cell's text is made when the import asks for it, and its
/// `FILE:LINE:COLUMN` only when a diagnostic needs it.
///
/// Reading is strict. A field in double quotes may hold commas, line breaks and doubled quotes; a quote inside
/// an unquoted field, a carriage return without a line feed, an unterminated quoted field or text after a
/// closing quote stops the file (the first one is reported). The first non-blank row is the header: each
/// header names a column of the table (``InventoryColumn/fold(_:)``), once, and the required columns are
/// there. A data row with more or fewer cells than the header is reported and left out. A cell above
/// ``maximumCellBytes``, or holding a control character, a character that changes how text is shown, or a
/// spreadsheet formula (``TextHygiene``), is refused at its place: it reads as empty and taints its row.
final class CSVTable: Sendable {
    /// The largest cell, in bytes: no inventory value (an id, a name, an address) comes near it.
    static let maximumCellBytes = 4096

    /// Which table.
    let table: InventoryTable
    /// The file's name, as diagnostics show it.
    let file: String
    /// The header as written (spaces trimmed), by position.
    let headers: [String]
    /// The position of each column key.
    private let positions: [String: Int]
    /// The UTF-8 text, without a byte-order mark.
    private let text: [UInt8]
    /// Cells per row: the header's.
    private let width: Int
    /// The data rows.
    private let rows: Rows

    /// The data rows of a table: each row's first byte and line, and each cell of each row, row after row: the
    /// offset of its first character (its opening quote when quoted), the offset after its last (the closing
    /// quote), and its ``CellFlags``.
    private struct Rows: Sendable {
        var starts: [Int] = []
        var lines: [Int] = []
        var tainted: [Bool] = []
        var cellStarts: [UInt32] = []
        var cellEnds: [UInt32] = []
        var cellFlags: [UInt8] = []
    }

    private typealias CellFlags = CSVCellFlags

    /// Reads and checks a table.
    ///
    /// - Parameters:
    ///   - table: Which table the file is.
    ///   - file: The file.
    ///   - report: Where problems go, all of them.
    /// - Returns: The table, or `nil` when its text, syntax or header cannot be read.
    /// - Complexity: O(*n*) in the size of the file.
    static func read(_ table: InventoryTable, _ file: InventoryFile, report: (SourceDiagnostic) -> Void)
        -> CSVTable?
    {
        let text: [UInt8]
        do {
            let decoded = try TextDecoding.decode(file.bytes, file: file.name)
            if decoded.encoding == .gb18030 {
                report(
                    SourceDiagnostic(
                        severity: .warning, file: file.name, line: 1, column: 1,
                        message: "read as GB18030 (GBK) text; saving it as UTF-8 avoids guessing", path: ""))
            }
            text = decoded.text
        } catch {
            error.diagnostics.forEach(report)
            return nil
        }
        guard text.count < Int(UInt32.max) else {
            report(
                SourceDiagnostic(
                    severity: .error, file: file.name, line: 1, column: 1,
                    message: "the file is larger than 4 GiB; no inventory table comes near it", path: ""))
            return nil
        }
        // Problems of the rows are kept until the whole file has been scanned: a syntax error anywhere
        // stops the file, and is then its only problem.
        var found: [SourceDiagnostic] = []
        var scanner = CSVScanner(bytes: text, file: file.name)
        var result: CSVTable?
        do {
            var header: ScannedRow?
            while scanner.index < text.count, header == nil {
                let row = try scanner.readRow()
                if !row.isBlank { header = row }
            }
            if let header {
                if let keys = readHeader(
                    header, text: text, table: table, file: file.name, report: { found.append($0) })
                {
                    var positions: [String: Int] = [:]
                    for (position, key) in keys.enumerated() { positions[key] = position }
                    let headers = header.cells.map { header.text(of: $0, in: text).trimmingSpaces }
                    let rows = try readRows(&scanner, text: text, file: file.name, headers: headers) {
                        found.append($0)
                    }
                    result = CSVTable(
                        table: table, file: file.name, text: text, headers: headers, positions: positions, rows: rows)
                } else {
                    while scanner.index < text.count { _ = try scanner.readRow() }
                }
            } else {
                found.append(
                    SourceDiagnostic(
                        severity: .error, file: file.name, line: 1, column: 1,
                        message: "the file is empty; expected a header row: "
                            + table.columns.map(\.key).joined(separator: ","), path: ""))
            }
        } catch {
            error.diagnostics.forEach(report)
            return nil
        }
        found.forEach(report)
        return result
    }

    private init(
        table: InventoryTable, file: String, text: [UInt8], headers: [String], positions: [String: Int], rows: Rows
    ) {
        self.table = table
        self.file = file
        self.text = text
        self.headers = headers
        self.positions = positions
        self.width = headers.count
        self.rows = rows
    }

    /// Reads the data rows after the header, checking each cell.
    private static func readRows(
        _ scanner: inout CSVScanner, text: [UInt8], file: String, headers: [String],
        report: (SourceDiagnostic) -> Void
    ) throws(ImportError) -> Rows {
        let width = headers.count
        // At most a row per line: reserved so that a province's tables do not grow by copying.
        var estimate = 1
        for byte in text where byte == 0x0A { estimate += 1 }
        var rows = Rows()
        rows.starts.reserveCapacity(estimate)
        rows.lines.reserveCapacity(estimate)
        rows.tainted.reserveCapacity(estimate)
        rows.cellStarts.reserveCapacity(estimate * width)
        rows.cellEnds.reserveCapacity(estimate * width)
        rows.cellFlags.reserveCapacity(estimate * width)
        var row = ScannedRow()
        while scanner.index < text.count {
            try scanner.readRow(into: &row)
            if row.isBlank { continue }
            guard row.cells.count == width else {
                let count = row.cells.count
                report(
                    SourceDiagnostic(
                        severity: .error, file: file, line: row.line, column: 1,
                        message: "the row has \(count) cell\(count == 1 ? "" : "s") but the header has \(width); "
                            + "check for a stray or missing comma", path: ""))
                continue
            }
            rows.starts.append(row.start)
            rows.lines.append(row.line)
            var tainted = false
            var places: [(line: Int, column: Int)]?
            for (position, cell) in row.cells.enumerated() {
                var flags = cell.flags
                if let problem = problem(cell, text: text, row: row) {
                    flags |= CellFlags.refused
                    tainted = true
                    let found = places ?? row.places(in: text)
                    places = found
                    report(
                        CellPlace(
                            file: file, line: found[position].line, column: found[position].column,
                            header: headers[position]
                        ).diagnostic(.error, problem))
                }
                rows.cellStarts.append(UInt32(cell.start))
                rows.cellEnds.append(UInt32(cell.end))
                rows.cellFlags.append(flags)
            }
            rows.tainted.append(tainted)
        }
        return rows
    }

    /// Maps each header cell to its column key; `nil` when the header is unusable.
    private static func readHeader(
        _ header: ScannedRow, text: [UInt8], table: InventoryTable, file: String,
        report: (SourceDiagnostic) -> Void
    ) -> [String]? {
        var byFolded: [String: String] = [:]
        for column in table.columns {
            for name in column.headers { byFolded[InventoryColumn.fold(name)] = column.key }
        }
        var keys: [String] = []
        var seen: [String: (text: String, line: Int, column: Int)] = [:]
        var usable = true
        let places = header.places(in: text)
        for (position, cell) in header.cells.enumerated() {
            let raw = header.text(of: cell, in: text)
            let trimmed = raw.trimmingSpaces
            let (line, column) = places[position]
            let place = CellPlace(file: file, line: line, column: column, header: "")
            if let problem = problem(cell, text: text, row: header) {
                report(place.diagnostic(.error, problem))
                usable = false
                continue
            }
            guard !trimmed.isEmpty else {
                report(place.diagnostic(.error, "a column without a header; name it or delete it"))
                usable = false
                continue
            }
            guard let key = byFolded[InventoryColumn.fold(trimmed)] else {
                let known = table.columns.map(\.key).joined(separator: ", ")
                report(
                    place.diagnostic(
                        .error,
                        "unknown column '\(TextHygiene.shown(trimmed))' in the \(table.rawValue) table; expected one "
                            + "of \(known) (or a Chinese header; see README)"))
                usable = false
                continue
            }
            if let first = seen[key] {
                report(
                    place.diagnostic(
                        .error,
                        "column '\(trimmed)' repeats column '\(first.text)' of line \(first.line), column "
                            + "\(first.column) (both are '\(key)')"))
                usable = false
                continue
            }
            seen[key] = (trimmed, line, column)
            keys.append(key)
        }
        for column in table.columns where column.required && seen[column.key] == nil {
            let names = ([column.key] + column.chinese.prefix(1)).map { "'\($0)'" }.joined(separator: " or ")
            report(
                SourceDiagnostic(
                    severity: .error, file: file, line: header.line, column: 1,
                    message: "missing column \(names): every \(table.rawValue) row needs it", path: ""))
            usable = false
        }
        return usable ? keys : nil
    }

    /// Why a cell's content is refused, or `nil`: too long, or text that ``TextHygiene`` refuses.
    ///
    /// A cell of plain ASCII is checked on its bytes, the others as text.
    private static func problem(_ cell: ScannedCell, text: [UInt8], row: ScannedRow) -> String? {
        if cell.flags & CellFlags.oversize != 0 {
            return "the cell holds \(cell.size) bytes, above the \(maximumCellBytes)-byte limit; no inventory "
                + "value is that long"
        }
        if cell.flags & (CellFlags.unusual | CellFlags.escaped) != 0 {
            return TextHygiene.problem(row.text(of: cell, in: text))
        }
        // Plain ASCII without control characters: only a formula can be wrong.
        var index = cell.contentStart
        while index < cell.contentEnd, text[index] == 0x20 { index += 1 }
        guard index < cell.contentEnd else { return nil }
        let first = text[index]
        let isFormula: Bool
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"): isFormula = true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if index + 1 < cell.contentEnd {
                let next = text[index + 1]
                isFormula = !((0x30...0x39).contains(next) || next == UInt8(ascii: "."))
            } else {
                isFormula = false
            }
        default: isFormula = false
        }
        guard isFormula else { return nil }
        return TextHygiene.problem(row.text(of: cell, in: text))
    }

    // MARK: - Rows and cells

    /// The number of data rows.
    var count: Int { rows.starts.count }

    /// The position of a column key, or `nil` when the table has no such column.
    func column(_ key: String) -> Int? { positions[key] }

    /// Whether a row holds a refused cell.
    func isTainted(_ row: Int) -> Bool { rows.tainted[row] }

    /// The line a row starts on.
    func line(_ row: Int) -> Int { rows.lines[row] }

    /// The bytes of a cell's text without surrounding spaces, when it is neither quoted with doubled quotes nor
    /// refused: `nil` for those (use ``text(_:_:)``).
    private func trimmedRange(_ cell: Int) -> Range<Int>? {
        let flags = rows.cellFlags[cell]
        guard flags & (CellFlags.refused | CellFlags.escaped) == 0 else { return nil }
        let quoted = flags & CellFlags.quoted != 0
        var start = Int(rows.cellStarts[cell]) + (quoted ? 1 : 0)
        var end = Int(rows.cellEnds[cell]) - (quoted ? 1 : 0)
        while start < end {
            if text[start] == 0x20 {
                start += 1
            } else if text[start] == 0xE3, start + 2 < end, text[start + 1] == 0x80, text[start + 2] == 0x80 {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            if text[end - 1] == 0x20 {
                end -= 1
            } else if end - 3 >= start, text[end - 3] == 0xE3, text[end - 2] == 0x80, text[end - 1] == 0x80 {
                end -= 3
            } else {
                break
            }
        }
        return start..<end
    }

    /// The text of a row's cell in a column, spaces trimmed; `nil` when the column is absent, or the cell is
    /// empty or refused.
    func text(_ row: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        let cell = row * width + column
        if let range = trimmedRange(cell) {
            return range.isEmpty ? nil : String(decoding: text[range], as: UTF8.self)
        }
        guard rows.cellFlags[cell] & CellFlags.refused == 0 else { return nil }
        // Quoted with doubled quotes: undone, then trimmed.
        let inner = text[(Int(rows.cellStarts[cell]) + 1)..<(Int(rows.cellEnds[cell]) - 1)]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(inner.count)
        var index = inner.startIndex
        while index < inner.endIndex {
            bytes.append(inner[index])
            index += inner[index] == UInt8(ascii: "\"") ? 2 : 1
        }
        let trimmed = String(decoding: bytes, as: UTF8.self).trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether a row's cell in a column holds text (not empty, not refused, the column there).
    func has(_ row: Int, _ column: Int?) -> Bool {
        guard let column else { return false }
        let cell = row * width + column
        if let range = trimmedRange(cell) { return !range.isEmpty }
        return text(row, column) != nil
    }

    /// Which of some names a cell holds, as ASCII in any letter case (the names in lower case), without making
    /// a string; `nil` when it holds none of them that way (it may still, written otherwise: read its text).
    func match(_ row: Int, _ column: Int?, _ names: [[UInt8]]) -> Int? {
        guard let column, let range = trimmedRange(row * width + column) else { return nil }
        for (index, name) in names.enumerated() where name.count == range.count {
            var position = range.lowerBound
            var matches = true
            for byte in name {
                var found = text[position]
                if found >= 0x41, found <= 0x5A { found |= 0x20 }
                guard found == byte else {
                    matches = false
                    break
                }
                position += 1
            }
            if matches { return index }
        }
        return nil
    }

    /// The whole number a cell holds when it is plain decimal digits (`-?[0-9]{1,18}`), else `nil` (the
    /// cell may still hold one, written otherwise: read its text).
    func plainInteger(_ row: Int, _ column: Int?) -> Int? {
        guard let column, let range = trimmedRange(row * width + column), !range.isEmpty else { return nil }
        var position = range.lowerBound
        let negative = text[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let digits = range.upperBound - position
        guard digits > 0, digits <= 18 else { return nil }
        var value = 0
        while position < range.upperBound {
            let digit = text[position] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            position += 1
        }
        return negative ? -value : value
    }

    /// The number a cell holds when it is a plain decimal, else `nil` (read its text).
    ///
    /// A plain decimal is `-?[0-9]+(\.[0-9]+)?` of at most 15 significant digits and 22 decimals. Such a number is a whole number of at most 15 digits
    /// divided by a power of ten that is exact in a `Double`, so one division gives the nearest `Double`, as
    /// parsing the text does.
    func plainDecimal(_ row: Int, _ column: Int?) -> Double? {
        guard let column, let range = trimmedRange(row * width + column), !range.isEmpty else { return nil }
        var position = range.lowerBound
        let negative = text[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var mantissa = 0
        var significant = 0
        var integerDigits = 0
        var decimals = -1
        while position < range.upperBound {
            let byte = text[position]
            position += 1
            if byte == UInt8(ascii: ".") {
                guard decimals < 0, integerDigits > 0 else { return nil }
                decimals = 0
                continue
            }
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            if decimals >= 0 { decimals += 1 } else { integerDigits += 1 }
            if mantissa > 0 || digit > 0 { significant += 1 }
            guard significant <= 15, decimals <= 22 else { return nil }
            mantissa = mantissa * 10 + Int(digit)
        }
        guard integerDigits > 0, decimals != 0 else { return nil }
        let magnitude = decimals > 0 ? Double(mantissa) / Self.powersOfTen[decimals] : Double(mantissa)
        return negative ? -magnitude : magnitude
    }

    /// 10⁰ … 10²², each exact in a `Double`.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var power = 1.0
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    // MARK: - Places

    /// The start of a row: its first line, column 1, no header.
    func start(_ row: Int) -> CellPlace {
        CellPlace(file: file, line: rows.lines[row], column: 1, header: "")
    }

    /// Where a row's cell in a column is, or the row's start when the table has no such column.
    ///
    /// - Complexity: O(*r*) in the length of the row: the line and column are counted from the row's start.
    func place(_ row: Int, _ column: Int?) -> CellPlace {
        guard let column else { return start(row) }
        let offset = Int(rows.cellStarts[row * width + column])
        var line = rows.lines[row]
        var lineStart = rows.starts[row]
        for index in rows.starts[row]..<offset where text[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        var characters = 1
        for index in lineStart..<offset where text[index] & 0xC0 != 0x80 { characters += 1 }
        return CellPlace(file: file, line: line, column: characters, header: headers[column])
    }
}

/// What a scanned cell is.
enum CSVCellFlags {
    /// In double quotes.
    static let quoted: UInt8 = 1
    /// Holds a doubled quote, so its text is not a slice of the file.
    static let escaped: UInt8 = 2
    /// Holds a byte that is a control character or not ASCII: checked as text, not as bytes.
    static let unusual: UInt8 = 4
    /// Refused: reads as empty.
    static let refused: UInt8 = 8
    /// Above ``CSVTable/maximumCellBytes``.
    static let oversize: UInt8 = 16
}

/// One cell as scanned: where it is, its content's bytes, and what it holds.
struct ScannedCell {
    /// The offset of its first character (the opening quote when quoted).
    var start: Int
    /// The offset after its last character (the closing quote when quoted).
    var end: Int
    /// The content's bytes: inside the quotes when quoted.
    var contentStart: Int
    var contentEnd: Int
    /// Its size in bytes as text (doubled quotes counted once).
    var size: Int
    /// Its `CSVTable.CellFlags`.
    var flags: UInt8
}

/// One row as scanned.
struct ScannedRow {
    var cells: [ScannedCell] = []
    /// The offset of its first byte.
    var start = 0
    /// The line it starts on.
    var line = 1
    /// Whether every cell is empty (a blank line, or a row of commas only).
    var isBlank = true

    /// A cell's text, quotes removed and doubled quotes undone (not trimmed).
    func text(of cell: ScannedCell, in text: [UInt8]) -> String {
        guard cell.flags & CSVCellFlags.escaped != 0 else {
            return String(decoding: text[cell.contentStart..<cell.contentEnd], as: UTF8.self)
        }
        var bytes: [UInt8] = []
        var index = cell.contentStart
        while index < cell.contentEnd {
            bytes.append(text[index])
            index += text[index] == UInt8(ascii: "\"") ? 2 : 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Each cell's line and column.
    func places(in text: [UInt8]) -> [(line: Int, column: Int)] {
        var line = self.line
        var lineStart = start
        var index = start
        return cells.map { cell in
            while index < cell.start {
                if text[index] == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            var column = 1
            for position in lineStart..<cell.start where text[position] & 0xC0 != 0x80 { column += 1 }
            return (line, column)
        }
    }
}

/// Reads the rows of CSV text strictly (RFC 4180), each cell located by offset.
struct CSVScanner {
    let bytes: [UInt8]
    let file: String
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The column of a byte offset on the current line.
    private func column(of offset: Int) -> Int {
        var column = 1
        var position = lineStart
        while position < offset {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return column
    }

    private func failure(_ message: String, at offset: Int) -> ImportError {
        ImportError(diagnostics: [
            .init(severity: .error, file: file, line: line, column: column(of: offset), message: message, path: "")
        ])
    }

    /// Reads one row.
    mutating func readRow() throws(ImportError) -> ScannedRow {
        var row = ScannedRow()
        try readRow(into: &row)
        return row
    }

    /// Reads one row into `row`, reusing its storage.
    mutating func readRow(into row: inout ScannedRow) throws(ImportError) {
        row.cells.removeAll(keepingCapacity: true)
        row.start = index
        row.line = line
        row.isBlank = true
        while true {
            let cell = try readCell()
            if cell.size > 0 || cell.flags & CSVCellFlags.oversize != 0 { row.isBlank = false }
            row.cells.append(cell)
            guard index < bytes.count else { break }
            if bytes[index] == Self.comma {
                index += 1
                continue
            }
            // A line break: LF, or CR LF (readCell refused a lone CR).
            index += bytes[index] == Self.lineFeed ? 1 : 2
            line += 1
            lineStart = index
            break
        }
    }

    private mutating func readCell() throws(ImportError) -> ScannedCell {
        let start = index
        if index < bytes.count, bytes[index] == Self.quote { return try readQuotedCell() }
        // The run of ordinary bytes, scanned without bounds checks: most of a table.
        var unusual = false
        index = bytes.withUnsafeBufferPointer { buffer in
            var position = index
            while position < buffer.count {
                let byte = buffer[position]
                if byte < 0x20 || byte >= 0x7F {
                    if byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    unusual = true
                } else if byte == Self.comma || byte == Self.quote {
                    break
                }
                position += 1
            }
            return position
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.comma || byte == Self.lineFeed { break }
            if byte == Self.carriageReturn {
                guard index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed else {
                    throw failure(
                        "a carriage return (CR) without a line feed; save the file with LF or CRLF line endings",
                        at: index)
                }
                break
            }
            if byte == Self.quote {
                throw failure(
                    "a quote inside an unquoted field; put the whole field in quotes and double the quote", at: index)
            }
            if byte < 0x20 || byte >= 0x7F { unusual = true }
            index += 1
        }
        let size = index - start
        var flags: UInt8 = unusual ? CSVCellFlags.unusual : 0
        if size > CSVTable.maximumCellBytes { flags |= CSVCellFlags.oversize }
        return ScannedCell(
            start: start, end: index, contentStart: start, contentEnd: index, size: size, flags: flags)
    }

    private mutating func readQuotedCell() throws(ImportError) -> ScannedCell {
        let opening = index
        let openingLine = line
        let openingColumn = column(of: opening)
        index += 1
        var size = 0
        var flags = CSVCellFlags.quoted
        while true {
            guard index < bytes.count else {
                throw ImportError(diagnostics: [
                    .init(
                        severity: .error, file: file, line: openingLine, column: openingColumn,
                        message: "unterminated quoted field: the closing quote is missing", path: "")
                ])
            }
            let byte = bytes[index]
            index += 1
            if byte == Self.quote {
                guard index < bytes.count, bytes[index] == Self.quote else { break }
                index += 1
                flags |= CSVCellFlags.escaped
            } else if byte == Self.lineFeed {
                line += 1
                lineStart = index
            }
            if byte < 0x20 || byte >= 0x7F { flags |= CSVCellFlags.unusual }
            size += 1
        }
        if index < bytes.count {
            let byte = bytes[index]
            let endsLine =
                byte == Self.lineFeed
                || (byte == Self.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == Self.lineFeed)
            if byte != Self.comma, !endsLine {
                throw failure("text after a closing quote; expected a comma or the end of the line", at: index)
            }
        }
        if size > CSVTable.maximumCellBytes { flags |= CSVCellFlags.oversize }
        return ScannedCell(
            start: opening, end: index, contentStart: opening + 1, contentEnd: index - 1, size: size, flags: flags)
    }
}
