/// The 1-based line and column (in characters) of a tag's opening `{{` in its template.
struct SourceLocation: Sendable, Equatable {
    /// The 1-based line.
    var line: Int
    /// The 1-based column, counting Unicode characters.
    var column: Int

    /// The position as `line:column`, for messages.
    var description: String { "\(line):\(column)" }
}
