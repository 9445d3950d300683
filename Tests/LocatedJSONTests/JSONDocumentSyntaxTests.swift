import LocatedJSON
import Testing

/// Known answers for what the strict reader refuses: the exact message, line and column of each syntax error.
@Suite struct JSONDocumentSyntaxTests {
    static let textCases: [SyntaxCase] = [
        SyntaxCase("empty file", "", "t.json:1:1: error: the file is empty; expected a JSON value"),
        SyntaxCase("whitespace only", " \n\t ", "t.json:2:3: error: the file is empty; expected a JSON value"),
        SyntaxCase(
            "trailing garbage", #"{"a": 1} x"#,
            "t.json:1:10: error: unexpected character 'x' after the end of the JSON value"),
        SyntaxCase(
            "a second value on the next line", "{}\n{}",
            "t.json:2:1: error: unexpected character '{' after the end of the JSON value"),
        SyntaxCase("unterminated string", #"{"a": "abc"#, "t.json:1:7: error: unterminated string"),
        SyntaxCase("unterminated string after an escape", #"{"a": "a\"b"#, "t.json:1:7: error: unterminated string"),
        SyntaxCase("unterminated key", #"{"abc"#, "t.json:1:2: error: unterminated string"),
        SyntaxCase("tab in a string", "{\"a\": \"x\ty\"}", "t.json:1:9: error: control character U+0009 in a string"),
        SyntaxCase(
            "control character after an escape", "[\"\\n\u{1}\"]",
            "t.json:1:5: error: control character U+0001 in a string"),
        SyntaxCase(
            "control character outside a string", "{\u{0}}",
            "t.json:1:2: error: unexpected control character U+0000; expected a quoted key"),
        SyntaxCase(
            "NaN", #"{"a": NaN}"#,
            "t.json:1:7: error: NaN and Infinity are not JSON numbers; write a finite number"),
        SyntaxCase(
            "Infinity", "[1, Infinity]",
            "t.json:1:5: error: NaN and Infinity are not JSON numbers; write a finite number"),
        SyntaxCase("1e400 out of range", #"{"a": 1e400}"#, "t.json:1:7: error: number 1e400 is out of range"),
        SyntaxCase("-1e400 out of range", "[-1e400]", "t.json:1:2: error: number -1e400 is out of range"),
        SyntaxCase(
            "1e-400 too close to zero", #"{"a": 1e-400}"#,
            "t.json:1:7: error: number 1e-400 is out of range: too close to zero to represent; write 0"),
        SyntaxCase(
            "-0.5e-400 too close to zero", "[-0.5e-400]",
            "t.json:1:2: error: number -0.5e-400 is out of range: too close to zero to represent; write 0"),
        SyntaxCase(
            "leading zero", #"{"a": 012}"#, "t.json:1:7: error: invalid number: leading zeros are not allowed"),
        SyntaxCase(
            "negative leading zero", "[-00]", "t.json:1:2: error: invalid number: leading zeros are not allowed"),
        SyntaxCase("no digit after the point", "[1.]", "t.json:1:2: error: invalid number: expected a digit after '.'"),
        SyntaxCase(
            "no digit in the exponent", "[1e]", "t.json:1:2: error: invalid number: expected a digit in the exponent"),
        SyntaxCase("minus alone", "[-]", "t.json:1:2: error: invalid number: expected a digit after '-'"),
        SyntaxCase("leading point", "[.5]", "t.json:1:2: error: unexpected character '.'; expected a value"),
        SyntaxCase("leading plus", "[+1]", "t.json:1:2: error: unexpected character '+'; expected a value"),
        SyntaxCase("misspelt true", "[tru]", "t.json:1:2: error: unexpected character 't'; expected a value"),
        SyntaxCase("duplicate key", #"{"a": 1, "a": 2}"#, "t.json:1:10: error: duplicate key 'a' in an object"),
        SyntaxCase("missing colon", #"{"a" 1}"#, "t.json:1:6: error: expected ':' after key 'a'"),
        SyntaxCase(
            "missing comma in an object", #"{"a": 1 "b": 2}"#,
            #"t.json:1:9: error: unexpected character '"'; expected ',' or '}' in an object"#),
        SyntaxCase(
            "missing comma in an array", "[1 2]",
            "t.json:1:4: error: unexpected character '2'; expected ',' or ']' in an array"),
        SyntaxCase(
            "trailing comma in an object", #"{"a": 1,}"#,
            "t.json:1:9: error: unexpected character '}'; expected a quoted key"),
        SyntaxCase(
            "trailing comma in an array", "[1,]", "t.json:1:4: error: unexpected character ']'; expected a value"),
        SyntaxCase("unquoted key", "{a: 1}", "t.json:1:2: error: unexpected character 'a'; expected a quoted key"),
        SyntaxCase(
            "end of file inside an object", #"{"a": 1"#, "t.json:1:8: error: unexpected end of file inside an object"),
        SyntaxCase("end of file after a brace", "{", "t.json:1:2: error: unexpected end of file inside an object"),
        SyntaxCase(
            "end of file after a colon", #"{"a":"#, "t.json:1:6: error: unexpected end of file; expected a value"),
        SyntaxCase("end of file after a comma", "[1,", "t.json:1:4: error: unexpected end of file; expected a value"),
        SyntaxCase("end of file inside an array", "[1", "t.json:1:3: error: unexpected end of file inside an array"),
        SyntaxCase(
            "short unicode escape", #"["\u12"]"#, #"t.json:1:3: error: invalid \u escape: expected four hex digits"#),
        SyntaxCase(
            "non-hex unicode escape", #"["\u12G4"]"#,
            #"t.json:1:3: error: invalid \u escape: expected four hex digits"#),
        SyntaxCase(
            "lone high surrogate", #"["\uD800"]"#, #"t.json:1:3: error: invalid \u escape: a lone high surrogate"#),
        SyntaxCase(
            "high surrogate before text", #"["x\uDBFFy"]"#,
            #"t.json:1:4: error: invalid \u escape: a lone high surrogate"#),
        SyntaxCase(
            "high surrogate before a non-surrogate escape", #"["\uD800\u0041"]"#,
            #"t.json:1:3: error: invalid \u escape: a lone high surrogate"#),
        SyntaxCase(
            "lone low surrogate", #"["\uDC00"]"#, #"t.json:1:3: error: invalid \u escape: a lone low surrogate"#),
        SyntaxCase(
            "Chinese text before an error counts characters", #"{"名称": "汉口", x}"#,
            "t.json:1:14: error: unexpected character 'x'; expected a quoted key"),
        SyntaxCase(
            "a Chinese character where a value belongs", #"{"a": 汉}"#,
            "t.json:1:7: error: unexpected character '汉'; expected a value"),
        SyntaxCase(
            "CRLF line endings", "{\r\n  \"a\": 1,\r\n  x\r\n}",
            "t.json:3:3: error: unexpected character 'x'; expected a quoted key"),
        SyntaxCase(
            "Chinese on an earlier line does not shift later columns", "{\"名称\": \"汉口\",\n  \"b\": ?}",
            "t.json:2:8: error: unexpected character '?'; expected a value"),
    ]

    static let byteCases: [SyntaxCase] = [
        SyntaxCase(
            "invalid UTF-8 byte in a key", bytes: [0x7B, 0x22, 0x61, 0xFF, 0x22, 0x3A, 0x31, 0x7D],
            "t.json:1:4: error: invalid UTF-8 byte 0xFF in a string"),
        SyntaxCase(
            "truncated UTF-8 sequence", bytes: [0x5B, 0x22, 0xE6, 0xB1, 0x22, 0x5D],
            "t.json:1:3: error: invalid UTF-8 byte 0xE6 in a string"),
        SyntaxCase(
            "overlong encoding", bytes: [0x5B, 0x22, 0xC0, 0x80, 0x22, 0x5D],
            "t.json:1:3: error: invalid UTF-8 byte 0xC0 in a string"),
        SyntaxCase(
            "encoded surrogate", bytes: [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D],
            "t.json:1:3: error: invalid UTF-8 byte 0xED in a string"),
        SyntaxCase(
            "invalid UTF-8 after an escape", bytes: [0x5B, 0x22, 0x5C, 0x6E, 0xFF, 0x22, 0x5D],
            "t.json:1:5: error: invalid UTF-8 byte 0xFF in a string"),
        SyntaxCase(
            "invalid UTF-8 before an escape", bytes: [0x5B, 0x22, 0xFF, 0x5C, 0x6E, 0x22, 0x5D],
            "t.json:1:3: error: invalid UTF-8 byte 0xFF in a string"),
        SyntaxCase(
            "invalid UTF-8 outside a string", bytes: [0x5B, 0x31, 0x2C, 0x20, 0xFF, 0x5D],
            "t.json:1:5: error: unexpected byte 0xFF (the file is not valid UTF-8 here); expected a value"),
        SyntaxCase(
            "UTF-16 little-endian BOM", bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00],
            "t.json:1:1: error: the file is UTF-16; save it as UTF-8"),
        SyntaxCase(
            "UTF-16 big-endian BOM", bytes: [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D],
            "t.json:1:1: error: the file is UTF-16; save it as UTF-8"),
        SyntaxCase(
            "UTF-8 BOM alone is an empty file", bytes: [0xEF, 0xBB, 0xBF],
            "t.json:1:1: error: the file is empty; expected a JSON value"),
        SyntaxCase(
            "columns after a UTF-8 BOM start at 1", bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": x}"#.utf8),
            "t.json:1:7: error: unexpected character 'x'; expected a value"),
    ]

    @Test(arguments: textCases + byteCases)
    func refusesWithOneLocatedError(_ testCase: SyntaxCase) {
        #expect(diagnostics(of: testCase.bytes) == [testCase.expected])
    }

    @Test func reportsTheSecondOfTwoDuplicateKeysOnceTheObjectIsLarge() {
        var lines = ["{"]
        for number in 1...13 {
            lines.append("  \"k\(number)\": \(number),")
        }
        lines.append("  \"k5\": 0")
        lines.append("}")
        #expect(
            diagnostics(of: lines.joined(separator: "\n")) == ["t.json:15:3: error: duplicate key 'k5' in an object"])
    }

    @Test func acceptsTheSameKeyInDifferentObjects() throws {
        let parsed = try document(#"{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}"#)
        #expect(parsed.root.members?.map(\.key) == ["a", "b"])
    }

    @Test func acceptsNestingOfExactly64Levels() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let parsed = try document(text)
        var depth = 0
        var value: JSONValue? = parsed.root
        while let elements = value?.elements {
            depth += 1
            value = elements.first
        }
        #expect(depth == 64)
    }

    @Test func refusesArraysNested65LevelsAtTheBracketThatGoesTooDeep() {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(diagnostics(of: text) == ["t.json:1:65: error: nesting is deeper than 64 levels"])
    }

    @Test func refusesObjectsNested65Levels() {
        let text = String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(diagnostics(of: text) == ["t.json:1:321: error: nesting is deeper than 64 levels"])
    }

    @Test func survivesHostileNestingWithoutExhaustingTheStack() {
        let text = String(repeating: "[", count: 200_000)
        #expect(diagnostics(of: text) == ["t.json:1:65: error: nesting is deeper than 64 levels"])
    }

    @Test func acceptsAUTF8ByteOrderMark() throws {
        let parsed = try JSONDocument(name: "t.json", bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        let member = try #require(parsed.root.members?.first)
        #expect(member.key == "a")
        #expect(member.value.number == JSONNumber(double: 1, integer: 1))
        #expect(parsed.location(of: member.keyOffset) == (1, 2))
    }

    // MARK: - Known issues

    @Test func refusesMinusInfinityWithTheNaNAndInfinityMessage() {
        #expect(
            diagnostics(of: "[-Infinity]") == [
                "t.json:1:2: error: NaN and Infinity are not JSON numbers; write a finite number"
            ])
    }

    @Test func saysAStringIsUnterminatedWhenTheLineEndsBeforeTheClosingQuote() {
        // A forgotten closing quote in a multi-line file always meets a line break first; the engineer
        // should hear "unterminated string", not "control character U+000A".
        #expect(
            diagnostics(of: "{\"a\": \"abc\n}") == [
                "t.json:1:7: error: unterminated string (the line ends before the closing quote)"
            ])
    }

    @Test func quotesTheInvalidEscapeReadably() {
        #expect(diagnostics(of: #"["\x"]"#) == [#"t.json:1:3: error: invalid escape '\x'"#])
    }

    @Test func blamesTheLeadByteOfAnIncompleteUTF8Sequence() {
        #expect(
            diagnostics(of: [0x5B, 0x22, 0xE6, 0x41, 0x41, 0x22, 0x5D]) == [
                "t.json:1:3: error: invalid UTF-8 byte 0xE6 in a string"
            ])
        #expect(
            diagnostics(of: [0x5B, 0xE6, 0x41, 0x5D]) == [
                "t.json:1:2: error: unexpected byte 0xE6 (the file is not valid UTF-8 here); expected a value"
            ])
    }

    @Test func acceptsEscapedControlCharactersAsJSONAllows() throws {
        // RFC 8259 allows any \uXXXX escape; JSONOutput itself writes U+0001 as \u0001 and U+007F as \u007F,
        // and the reader accepts a raw U+007F byte, so refusing the escaped forms is inconsistent.
        let parsed = try document(#"["a\u0001b", "\u000A", "\u007F"]"#)
        #expect(parsed.root.elements?.map(\.string) == ["a\u{1}b", "\n", "\u{7F}"])
    }

    @Test func quotesASingleQuoteReadably() {
        #expect(
            diagnostics(of: "{'a': 1}") == [#"t.json:1:2: error: unexpected character "'"; expected a quoted key"#])
    }
}
