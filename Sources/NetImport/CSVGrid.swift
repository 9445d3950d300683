import LocatedJSON

/// One cell of a CSV file, with where it starts.
struct CSVCell: Sendable, Equatable {
    /// The text, quotes removed and doubled quotes undone; empty when the cell was too long.
    var text: String
    /// The 1-based line of the cell's first character.
    var line: Int
    /// The 1-based column (in Unicode characters) of the cell's first character, its quote when quoted.
    var column: Int
    /// The cell's size in bytes when it was over ``CSVGrid/maximumCellBytes``, else `nil`.
    var oversize: Int?
}

/// One row of a CSV file.
struct CSVRecord: Sendable {
    /// The cells, in order.
    var cells: [CSVCell]
    /// The 1-based line the row starts on.
    var line: Int

    /// Whether every cell is empty (a blank line, or a row of commas only).
    var isBlank: Bool { cells.allSatisfy { $0.text.isEmpty && $0.oversize == nil } }
}

/// The rows of a CSV file (RFC 4180) in UTF-8, read strictly, each cell located.
///
/// A field in double quotes may hold commas, line breaks and doubled quotes. A quote inside an unquoted
/// field, a carriage return without a line feed, or an unterminated quoted field is an error. A cell above
/// ``maximumCellBytes`` is kept empty and marked, so a hostile 10 MB cell costs no more than reading it.
struct CSVGrid: Sendable {
    /// The largest cell, in bytes: no inventory value (an id, a name, an address) comes near it.
    static let maximumCellBytes = 4096

    /// The rows, the header first, blank rows dropped.
    var rows: [CSVRecord]

    /// Reads the rows of UTF-8 text without a byte-order mark.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - file: The file's name, for the diagnostic.
    /// - Throws: ``ImportError`` at the first syntax error.
    /// - Complexity: O(*n*) in the size of the text.
    init(text: [UInt8], file: String) throws(ImportError) {
        var scanner = Scanner(bytes: text, file: file)
        var rows: [CSVRecord] = []
        while scanner.index < text.count {
            let row = try scanner.readRow()
            if !row.isBlank { rows.append(row) }
        }
        self.rows = rows
    }

    private struct Scanner {
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

        /// The last offset whose column was counted, and that column, so cells of a line are counted once.
        var countedOffset = 0
        var countedColumn = 1

        /// The column of a byte offset on the current line, counting on from the previous cell's.
        mutating func advancingColumn(to offset: Int) -> Int {
            if countedOffset < lineStart || countedOffset > offset {
                countedOffset = lineStart
                countedColumn = 1
            }
            while countedOffset < offset {
                if bytes[countedOffset] & 0xC0 != 0x80 { countedColumn += 1 }
                countedOffset += 1
            }
            return countedColumn
        }

        /// The column of a byte offset on the current line.
        func column(of offset: Int) -> Int {
            var column = 1
            var position = lineStart
            while position < offset {
                if bytes[position] & 0xC0 != 0x80 { column += 1 }
                position += 1
            }
            return column
        }

        func failure(_ message: String, at offset: Int) -> ImportError {
            ImportError(diagnostics: [
                .init(
                    severity: .error, file: file, line: line, column: column(of: offset), message: message, path: "")
            ])
        }

        mutating func readRow() throws(ImportError) -> CSVRecord {
            let rowLine = line
            var cells: [CSVCell] = []
            while true {
                cells.append(try readCell())
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
            return CSVRecord(cells: cells, line: rowLine)
        }

        private mutating func readCell() throws(ImportError) -> CSVCell {
            let start = index
            let cellLine = line
            let cellColumn = advancingColumn(to: start)
            if index < bytes.count, bytes[index] == Self.quote {
                return try readQuotedCell(line: cellLine, column: cellColumn)
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
                        "a quote inside an unquoted field; put the whole field in quotes and double the quote",
                        at: index)
                }
                index += 1
            }
            let size = index - start
            if size > CSVGrid.maximumCellBytes {
                return CSVCell(text: "", line: cellLine, column: cellColumn, oversize: size)
            }
            return CSVCell(
                text: String(decoding: bytes[start..<index], as: UTF8.self), line: cellLine, column: cellColumn)
        }

        private mutating func readQuotedCell(line cellLine: Int, column cellColumn: Int) throws(ImportError)
            -> CSVCell
        {
            let opening = index
            index += 1
            var text: [UInt8] = []
            var size = 0
            while true {
                guard index < bytes.count else {
                    var error = failure("unterminated quoted field: the closing quote is missing", at: opening)
                    error.diagnostics[0].line = cellLine
                    error.diagnostics[0].column = cellColumn
                    throw error
                }
                let byte = bytes[index]
                index += 1
                if byte == Self.quote {
                    guard index < bytes.count, bytes[index] == Self.quote else { break }
                    index += 1
                } else if byte == Self.lineFeed {
                    line += 1
                    lineStart = index
                }
                size += 1
                if size <= CSVGrid.maximumCellBytes { text.append(byte) }
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
            if size > CSVGrid.maximumCellBytes {
                return CSVCell(text: "", line: cellLine, column: cellColumn, oversize: size)
            }
            return CSVCell(text: String(decoding: text, as: UTF8.self), line: cellLine, column: cellColumn)
        }
    }
}
