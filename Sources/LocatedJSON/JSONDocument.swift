/// A parsed JSON file: its root value, and what is needed to turn byte offsets into lines and columns.
///
/// Reading is strict, so that a hostile or broken file gets a clear error instead of a guess: the
/// text must be UTF-8 (a leading byte-order mark is allowed), duplicate keys are refused, numbers
/// must be finite, nesting is limited to ``maximumDepth`` levels and size to ``maximumSize`` bytes.
///
///     let document = try JSONDocument(name: "network.json", bytes: Array(text.utf8))
///     let (line, column) = document.location(of: document.root.offset)
public struct JSONDocument: Sendable {
    /// The largest file read, in bytes (256 MiB): far above any real network area.
    public static let maximumSize = 256 * 1024 * 1024
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 64

    /// The file's name as the user gave it, used in diagnostics.
    public let name: String
    /// The root value.
    public let root: JSONValue
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// Every ``checkpointStride`` bytes of a longer line, the offset and the column there, so that a
    /// location on a long line (a minified file) is counted from the checkpoint before it, not from the
    /// line's start: 100,000 errors on one line of megabytes were quadratic (issue 13).
    private let checkpoints: Checkpoints

    /// The distance between two column checkpoints on a long line, in bytes.
    static let checkpointStride = 256

    /// Offsets on long lines and the columns there, ascending.
    struct Checkpoints: Sendable {
        var offsets: [Int] = []
        var columns: [Int] = []
    }

    /// Parses a document.
    ///
    /// - Parameters:
    ///   - name: The file name for diagnostics.
    ///   - bytes: The file's content.
    /// - Throws: ``DiagnosticsError`` with one located error when the text is not acceptable JSON.
    /// - Complexity: O(*n*) in the size of the text.
    public init(name: String, bytes: [UInt8]) throws(DiagnosticsError) {
        self.name = name
        self.bytes = bytes
        var starts = [0]
        for index in bytes.indices where bytes[index] == 0x0A {
            starts.append(index + 1)
        }
        self.lineStarts = starts
        let checkpoints = Self.makeCheckpoints(bytes: bytes, lineStarts: starts)
        self.checkpoints = checkpoints
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            if buffer.count >= Self.parallelThreshold, let root = Self.parseInParallel(buffer) {
                return .success(root)
            }
            var reader = JSONReader(buffer)
            do throws(JSONSyntaxError) {
                return .success(try reader.readDocument())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let root):
            self.root = root
        case .failure(let failure):
            let (line, column) = Self.location(
                of: failure.offset, bytes: bytes, lineStarts: starts, checkpoints: checkpoints)
            throw DiagnosticsError(diagnostics: [
                SourceDiagnostic(
                    severity: .error, file: name, line: line, column: column, message: failure.message, path: "")
            ])
        }
    }

    /// Returns the 1-based line and column (in Unicode characters) of a byte offset.
    ///
    /// - Complexity: O(log *l*) for *l* lines, and a count of at most ``checkpointStride`` bytes.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        Self.location(of: offset, bytes: bytes, lineStarts: lineStarts, checkpoints: checkpoints)
    }

    /// Makes a diagnostic located at a byte offset of this document.
    ///
    /// - Parameters:
    ///   - severity: Error or warning.
    ///   - offset: The byte offset the diagnostic points at.
    ///   - message: What is wrong.
    ///   - path: The JSON path of the value.
    /// - Returns: The diagnostic.
    public func diagnostic(
        _ severity: SourceDiagnostic.Severity, at offset: Int, _ message: String, path: String
    ) -> SourceDiagnostic {
        let (line, column) = location(of: offset)
        return SourceDiagnostic(
            severity: severity, file: name, line: line, column: column, message: message, path: path)
    }

    /// The column checkpoints of the lines longer than ``checkpointStride``.
    ///
    /// - Complexity: O(*n*) in the bytes of those lines.
    private static func makeCheckpoints(bytes: [UInt8], lineStarts: [Int]) -> Checkpoints {
        var checkpoints = Checkpoints()
        for (line, start) in lineStarts.enumerated() {
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
            guard end - start > checkpointStride else { continue }
            var index = start
            if line == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            var column = 1
            var next = start + checkpointStride
            while index < end {
                if index == next {
                    checkpoints.offsets.append(index)
                    checkpoints.columns.append(column)
                    next += checkpointStride
                }
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return checkpoints
    }

    private static func location(
        of offset: Int, bytes: [UInt8], lineStarts: [Int], checkpoints: Checkpoints
    ) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        var start = lineStarts[low]
        if low == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = min(3, clamped) }
        var column = 1
        // The last checkpoint at or before the offset, if it lies on this line.
        var first = 0
        var last = checkpoints.offsets.count
        while first < last {
            let middle = (first + last) / 2
            if checkpoints.offsets[middle] <= clamped { first = middle + 1 } else { last = middle }
        }
        if first > 0, checkpoints.offsets[first - 1] > start {
            start = checkpoints.offsets[first - 1]
            column = checkpoints.columns[first - 1]
        }
        var index = start
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}
