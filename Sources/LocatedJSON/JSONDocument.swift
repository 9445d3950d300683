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
            let (line, column) = Self.location(of: failure.offset, bytes: bytes, lineStarts: starts)
            throw DiagnosticsError(diagnostics: [
                SourceDiagnostic(
                    severity: .error, file: name, line: line, column: column, message: failure.message, path: "")
            ])
        }
    }

    /// Returns the 1-based line and column (in Unicode characters) of a byte offset.
    ///
    /// - Complexity: O(log *l* + *c*) for *l* lines and a line *c* bytes long.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        Self.location(of: offset, bytes: bytes, lineStarts: lineStarts)
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

    private static func location(of offset: Int, bytes: [UInt8], lineStarts: [Int]) -> (line: Int, column: Int) {
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
        var index = start
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}
