import LocatedJSON
import Testing

/// Known answers for what the reader accepts: decoded values, byte offsets, and offsets turned into positions.
@Suite struct JSONDocumentTests {
    @Test func decodesASurrogatePairToOneCharacter() throws {
        let parsed = try document(#"["\uD83D\uDE00", "a\ud83d\ude00b"]"#)
        #expect(parsed.root.elements?.map(\.string) == ["😀", "a😀b"])
    }

    @Test func decodesEveryShortEscapeAndUnicodeEscapes() throws {
        let parsed = try document(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u6C49", "汉口"]"#)
        #expect(parsed.root.elements?.map(\.string) == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é汉", "汉口"])
    }

    @Test func readsEveryKindOfValue() throws {
        let parsed = try document(#"{"n": null, "t": true, "f": false, "s": "x", "a": [], "o": {}}"#)
        let kinds = parsed.root.members?.map(\.value.typeDescription)
        #expect(kinds == ["null", "a boolean", "a boolean", "a string", "an array", "an object"])
        #expect(parsed.root.members?[0].value.isNull == true)
        #expect(parsed.root.members?[1].value.bool == true)
        #expect(parsed.root.members?[2].value.bool == false)
    }

    @Test(
        arguments: [
            ("0", 0.0, 0 as Int?),
            ("-0", 0, 0),
            ("42", 42, 42),
            ("-17", -17, -17),
            ("9223372036854775807", Double(Int.max), Int.max),
            ("-9223372036854775808", -9_223_372_036_854_775_808, Int.min),
            ("9223372036854775808", 9_223_372_036_854_775_808, nil),
            ("2.5", 2.5, nil),
            ("1.0", 1, nil),
            ("1.5e2", 150, nil),
            ("1E-2", 0.01, nil),
            ("0e-400", 0, nil),
            ("-0.0e-400", 0, nil),
            ("4.9e-324", Double.leastNonzeroMagnitude, nil),
        ] as [(String, Double, Int?)])
    func readsNumbers(text: String, double: Double, integer: Int?) throws {
        let parsed = try document("[\(text)]")
        #expect(parsed.root.elements?.first?.number == JSONNumber(double: double, integer: integer))
    }

    @Test func recordsTheByteOffsetOfEveryValueAndKey() throws {
        let parsed = try document(#"{"a": [1, "x"], "汉": null}"#)
        let members = try #require(parsed.root.members)
        #expect(parsed.root.offset == 0)
        #expect(members.map(\.keyOffset) == [1, 16])
        #expect(members[0].value.offset == 6)
        #expect(members[0].value.elements?.map(\.offset) == [7, 10])
        #expect(members[1].value.offset == 23)
    }

    /// Three lines with Chinese keys: line 1 is bytes 0...13, line 2 bytes 14...27, line 3 starts at 28.
    static let chineseText = "{\"名称\": 1,\n  \"武汉\": 2\n}"

    @Test(arguments: [
        (0, 1, 1),
        (1, 1, 2),
        (2, 1, 3),
        (5, 1, 4),
        (8, 1, 5),
        (11, 1, 8),
        (13, 1, 10),
        (14, 2, 1),
        (17, 2, 4),
        (20, 2, 5),
        (26, 2, 9),
        (28, 3, 1),
        (29, 3, 2),
        (999, 3, 2),
        (-5, 1, 1),
    ])
    func turnsByteOffsetsIntoLinesAndCharacterColumns(offset: Int, line: Int, column: Int) throws {
        #expect(Array(Self.chineseText.utf8).count == 29)
        let parsed = try document(Self.chineseText)
        let location = parsed.location(of: offset)
        #expect(location.line == line)
        #expect(location.column == column)
    }

    @Test func makesDiagnosticsAtAByteOffset() throws {
        let parsed = try document("{\n  \"a\": 1\n}")
        let diagnostic = parsed.diagnostic(.warning, at: 9, "one is lonely", path: "a")
        #expect(
            diagnostic
                == SourceDiagnostic(
                    severity: .warning, file: "t.json", line: 2, column: 8, message: "one is lonely", path: "a"))
        #expect(diagnostic.description == "t.json:2:8: warning: one is lonely (a)")
    }

    @Test func keepsTheLimitsDocumented() {
        #expect(JSONDocument.maximumDepth == 64)
        #expect(JSONDocument.maximumSize == 268_435_456)
    }
}
