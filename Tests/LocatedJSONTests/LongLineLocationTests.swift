import LocatedJSON
import Testing

/// Locations on long lines (a minified file) are counted from a checkpoint, and must agree with
/// counting from the line's start; a misspelt key of a megabyte costs one pass (issue 13).
@Suite struct LongLineLocationTests {
    /// The line and column of an offset, counted from the start of the file, one byte at a time.
    static func naiveLocation(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < min(offset, bytes.count) {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    @Test(arguments: [false, true])
    func locationsOnLongLinesAgreeWithCountingFromTheStart(byteOrderMark: Bool) throws {
        // A 40 KB line of Chinese and ASCII text, a short line, and another long line.
        var text = #"{"a": ""#
        for index in 0..<4_000 { text += index % 3 == 0 ? "汉口光谷" : "node-\(index % 10)" }
        text += "\",\n\"b\": 1,\n\"c\": \""
        for index in 0..<3_000 { text += index % 2 == 0 ? "武" : "x" }
        text += "\"}"
        let bytes = (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        let document = try JSONDocument(name: "long.json", bytes: bytes)
        for offset in stride(from: 0, through: bytes.count, by: 37) + [bytes.count, 255, 256, 257, 3, 4] {
            let located = document.location(of: offset)
            let expected = Self.naiveLocation(of: offset, in: bytes)
            #expect(located.line == expected.line && located.column == expected.column, "offset \(offset)")
        }
    }

    @Test func aMegabyteKeyGetsNoSuggestionAndAKeyTwoEditsAwayStillDoes() {
        let allowed = ["id", "kind", "location", "ports"]
        #expect(JSONObjectView.closest(to: String(repeating: "k", count: 1 << 20), in: allowed) == nil)
        #expect(JSONObjectView.closest(to: "locatoin", in: allowed) == "location")
        #expect(JSONObjectView.closest(to: "i", in: allowed) == "id")
    }
}
