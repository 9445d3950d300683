import LocatedJSON

/// A diagnostic located by byte offset, turned into a line and column once the whole file is read.
struct PendingDiagnostic {
    var severity: SourceDiagnostic.Severity
    var offset: Int
    /// The message, or its first part when ``reference`` is set.
    var message: String
    var path: String
    /// An offset whose `line L, column C` follows ``message`` (for "first used at …").
    var reference: Int?
    /// Text after the reference's position.
    var suffix: String = ""
}

/// Collects the diagnostics of one order file by byte offset.
///
/// Lines and columns are found in one pass over the file at the end (``PositionTable``), so a hostile file
/// of one long line with many problems costs linear time. After ``limit`` diagnostics the rest are only
/// counted, and one last error says how many were left out.
struct PendingDiagnostics {
    /// The most diagnostics kept.
    static let limit = 1000

    private(set) var items: [PendingDiagnostic] = []
    private var droppedCount = 0
    private var firstDroppedOffset = 0

    /// How many errors (not warnings) were recorded, those left out included.
    private(set) var errorCount = 0

    /// Whether any error (not warning) was recorded.
    var hasErrors: Bool { errorCount > 0 }

    /// Records an error; the message and path are only made when the error is kept.
    mutating func error(
        _ message: @autoclosure () -> String, at offset: Int, path: @autoclosure () -> String, reference: Int? = nil,
        suffix: String = ""
    ) {
        errorCount += 1
        guard keeps(offset) else { return }
        items.append(
            PendingDiagnostic(
                severity: .error, offset: offset, message: message(), path: path(), reference: reference,
                suffix: suffix))
    }

    /// Records a warning; the message and path are only made when the warning is kept.
    mutating func warning(_ message: @autoclosure () -> String, at offset: Int, path: @autoclosure () -> String) {
        guard keeps(offset) else { return }
        items.append(PendingDiagnostic(severity: .warning, offset: offset, message: message(), path: path()))
    }

    /// Whether there is room for one more diagnostic; counts it as left out when there is not.
    private mutating func keeps(_ offset: Int) -> Bool {
        guard items.count < Self.limit else {
            if droppedCount == 0 { firstDroppedOffset = offset }
            droppedCount += 1
            return false
        }
        return true
    }

    /// Every offset a diagnostic needs resolved.
    var offsets: [Int] {
        var offsets = items.map(\.offset) + items.compactMap(\.reference)
        if droppedCount > 0 { offsets.append(firstDroppedOffset) }
        return offsets
    }

    /// The diagnostics located, in file order (line, then column, then the order they were found).
    func resolved(file: String, positions: PositionTable) -> [SourceDiagnostic] {
        var located: [(offset: Int, diagnostic: SourceDiagnostic)] = items.map { item in
            var message = item.message
            if let reference = item.reference {
                let position = positions.position(of: reference)
                message += "line \(position.line), column \(position.column)\(item.suffix)"
            }
            let position = positions.position(of: item.offset)
            let diagnostic = SourceDiagnostic(
                severity: item.severity, file: file, line: position.line, column: position.column,
                message: TextRules.singleLine(message), path: TextRules.singleLine(item.path))
            return (item.offset, diagnostic)
        }
        if droppedCount > 0 {
            let position = positions.position(of: firstDroppedOffset)
            let noun = droppedCount == 1 ? "problem" : "problems"
            located.append(
                (
                    firstDroppedOffset,
                    SourceDiagnostic(
                        severity: .error, file: file, line: position.line, column: position.column,
                        message: "too many problems: \(droppedCount) more \(noun) not shown", path: "")
                ))
        }
        return located.enumerated().sorted { left, right in
            (left.element.diagnostic.line, left.element.diagnostic.column, left.element.offset, left.offset)
                < (right.element.diagnostic.line, right.element.diagnostic.column, right.element.offset, right.offset)
        }.map(\.element.diagnostic)
    }
}

/// Lines and columns of a set of byte offsets, found in one pass over the file.
///
/// Columns count Unicode characters (bytes that do not continue a UTF-8 sequence) from the start of the line,
/// and a byte-order mark at the start of the file is not counted, as in ``JSONDocument/location(of:)``.
struct PositionTable {
    /// The offsets located, ascending and unique.
    private var offsets: [Int] = []
    /// The position of each of ``offsets``.
    private var positions: [SourcePosition] = []
    private let bytes: [UInt8]

    /// Locates the offsets.
    ///
    /// - Complexity: O(*n* + *k* log *k*) for a file of *n* bytes and *k* offsets.
    init(bytes: [UInt8], offsets: [Int]) {
        self.bytes = bytes
        let sorted = offsets.map { max(0, min($0, bytes.count)) }.sorted()
        self.offsets.reserveCapacity(sorted.count)
        positions.reserveCapacity(sorted.count)
        var line = 1
        var column = 1
        var index = Self.hasByteOrderMark(bytes) ? 3 : 0
        for offset in sorted where self.offsets.last != offset {
            if offset < index {
                self.offsets.append(offset)
                positions.append(.start)
                continue
            }
            while index < offset {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            self.offsets.append(offset)
            positions.append(SourcePosition(line: line, column: column))
        }
    }

    /// The line and column of an offset given to the initializer (others are found by a slower scan).
    ///
    /// - Complexity: O(log *k*) for *k* offsets located.
    func position(of offset: Int) -> SourcePosition {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < clamped { low = middle + 1 } else { high = middle }
        }
        if low < offsets.count, offsets[low] == clamped { return positions[low] }
        return PositionTable(bytes: bytes, offsets: [clamped]).position(of: clamped)
    }

    private static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}
