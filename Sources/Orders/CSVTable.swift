import LocatedJSON

/// A syntax error in a CSV file, at a byte offset.
struct CSVSyntaxError: Error {
    var offset: Int
    var message: String
}

/// One row of a CSV file.
struct CSVRow {
    /// The cells, in order.
    var cells: [RawCell]
    /// The byte offset of the row's first character.
    var offset: Int

    /// Whether every cell is empty (a blank line, or a row of commas only).
    var isBlank: Bool { cells.allSatisfy(\.text.isEmpty) }
}

/// The rows of a CSV file (RFC 4180), read strictly.
///
/// The text must be UTF-8, with or without a byte-order mark; lines end in CRLF or LF; a field in double
/// quotes may hold commas, line breaks and doubled quotes. A quote elsewhere, a bare carriage return, a
/// NUL byte or an unterminated quoted field is an error. Blank lines at the end are dropped.
struct CSVTable {
    /// The rows, the header first.
    var rows: [CSVRow]

    /// Reads a file's rows.
    ///
    /// - Parameter bytes: The file's content.
    /// - Throws: ``CSVSyntaxError`` at the first problem.
    /// - Complexity: O(*n*) in the size of the file.
    init(bytes: [UInt8]) throws(CSVSyntaxError) {
        let start = try Self.checkEncoding(bytes)
        var reader = CSVReader(bytes: bytes, index: start)
        var rows: [CSVRow] = []
        while !reader.isAtEnd {
            rows.append(try reader.readRow())
        }
        while let last = rows.last, last.isBlank {
            rows.removeLast()
        }
        guard !rows.isEmpty else {
            throw CSVSyntaxError(offset: start, message: "the file is empty; expected a header row")
        }
        self.rows = rows
    }

    /// Checks that the bytes are UTF-8 text and returns where the text starts (after a byte-order mark).
    private static func checkEncoding(_ bytes: [UInt8]) throws(CSVSyntaxError) -> Int {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw CSVSyntaxError(offset: 0, message: "the file is UTF-16; save it as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw CSVSyntaxError(
                offset: nul,
                message: "NUL byte (U+0000) in the file: it is not CSV text (a spreadsheet file, or UTF-16?); "
                    + "save it as CSV UTF-8")
        }
        if let invalid = UTF8Validation.firstInvalidByte(in: bytes) {
            throw CSVSyntaxError(
                offset: invalid,
                message: "invalid UTF-8 byte 0x\(TextRules.hex(bytes[invalid])): the file is not UTF-8 (a spreadsheet "
                    + "may have saved it as GBK); save it as CSV UTF-8")
        }
        return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}

/// Reads rows of valid UTF-8 CSV text.
private struct CSVReader {
    let bytes: [UInt8]
    var index: Int

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    var isAtEnd: Bool { index >= bytes.count }

    /// Reads one row and the line break after it.
    mutating func readRow() throws(CSVSyntaxError) -> CSVRow {
        let rowStart = index
        var cells: [RawCell] = []
        while true {
            cells.append(try readCell())
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == Self.comma {
                index += 1
                continue
            }
            if byte == Self.lineFeed {
                index += 1
                break
            }
            // A carriage return here is always followed by a line feed (readCell checked).
            index += 2
            break
        }
        return CSVRow(cells: cells, offset: rowStart)
    }

    /// Reads one cell, stopping at the comma or line break after it.
    private mutating func readCell() throws(CSVSyntaxError) -> RawCell {
        let cellStart = index
        if index < bytes.count, bytes[index] == Self.quote {
            return try readQuotedCell()
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.comma || byte == Self.lineFeed { break }
            if byte == Self.carriageReturn {
                guard index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed else {
                    throw CSVSyntaxError(
                        offset: index,
                        message: "a carriage return (CR) without a line feed; save the file with LF or CRLF line "
                            + "endings")
                }
                break
            }
            if byte == Self.quote {
                if bytes[cellStart..<index].allSatisfy({ $0 == UInt8(ascii: " ") }) {
                    throw CSVSyntaxError(
                        offset: cellStart,
                        message: "a space before an opening quote; start the quoted field right "
                            + "after the comma")
                }
                throw CSVSyntaxError(
                    offset: index,
                    message: "a quote inside an unquoted field; put the whole field in quotes and double the quote")
            }
            index += 1
        }
        return RawCell(text: String(decoding: bytes[cellStart..<index], as: UTF8.self), offset: cellStart)
    }

    private mutating func readQuotedCell() throws(CSVSyntaxError) -> RawCell {
        let cellStart = index
        index += 1
        var text: [UInt8] = []
        var runStart = index
        while true {
            guard let close = bytes[index...].firstIndex(of: Self.quote) else {
                throw CSVSyntaxError(
                    offset: cellStart, message: "unterminated quoted field: the closing quote is missing")
            }
            text.append(contentsOf: bytes[runStart..<close])
            index = close + 1
            if index < bytes.count, bytes[index] == Self.quote {
                text.append(Self.quote)
                index += 1
                runStart = index
                continue
            }
            break
        }
        if index < bytes.count {
            let byte = bytes[index]
            let endsLine =
                byte == Self.lineFeed
                || (byte == Self.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == Self.lineFeed)
            if byte != Self.comma, !endsLine {
                throw CSVSyntaxError(
                    offset: index,
                    message: "\(describeCharacter(at: index)) after a closing quote; expected a comma or the end of "
                        + "the line")
            }
        }
        return RawCell(text: String(decoding: text, as: UTF8.self), offset: cellStart)
    }

    /// Names the character at an offset of valid UTF-8: `character 'x'`, `a carriage return`.
    private func describeCharacter(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        if text == "\r" { return "a carriage return (CR) without a line feed" }
        if text == "\"" { return "a quote" }
        if let scalar = text.unicodeScalars.first, TextRules.isControl(scalar) {
            return "control character \(TextRules.unicodeName(scalar))"
        }
        return "character '\(text)'"
    }
}
