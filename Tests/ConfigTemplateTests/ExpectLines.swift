import Testing

/// Compares rendered text with the expected text line by line, then as a whole.
///
/// A failure names the first differing lines, so a diff reads like a config diff.
func expectLines(
    _ actual: String,
    _ expected: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for (offset, (actualLine, expectedLine)) in zip(actualLines, expectedLines).enumerated() {
        #expect(actualLine == expectedLine, "line \(offset + 1)", sourceLocation: sourceLocation)
    }
    #expect(actualLines.count == expectedLines.count, "line count", sourceLocation: sourceLocation)
    #expect(actual == expected, sourceLocation: sourceLocation)
}
