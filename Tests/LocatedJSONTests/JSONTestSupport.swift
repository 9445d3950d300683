import LocatedJSON
import Testing

/// One input that the reader must refuse, with the exact diagnostic it must print.
struct SyntaxCase: Sendable, CustomTestStringConvertible {
    /// What the case shows, used as the test case's name.
    var name: String
    /// The file's bytes.
    var bytes: [UInt8]
    /// The one diagnostic line expected, `t.json:LINE:COLUMN: error: message`.
    var expected: String

    /// Creates a case from text.
    init(_ name: String, _ text: String, _ expected: String) {
        self.name = name
        self.bytes = Array(text.utf8)
        self.expected = expected
    }

    /// Creates a case from raw bytes.
    init(_ name: String, bytes: [UInt8], _ expected: String) {
        self.name = name
        self.bytes = bytes
        self.expected = expected
    }

    var testDescription: String { name }
}

/// Parses bytes as `t.json` and returns the printed diagnostics, or an empty array when the text is accepted.
func diagnostics(of bytes: [UInt8]) -> [String] {
    do {
        _ = try JSONDocument(name: "t.json", bytes: bytes)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Parses text as `t.json` and returns the printed diagnostics, or an empty array when the text is accepted.
func diagnostics(of text: String) -> [String] {
    diagnostics(of: Array(text.utf8))
}

/// Parses text that must be valid JSON.
func document(_ text: String) throws -> JSONDocument {
    try JSONDocument(name: "t.json", bytes: Array(text.utf8))
}
