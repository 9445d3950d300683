extension Substring {
    /// Returns the text without leading and trailing whitespace (including newlines).
    ///
    /// - Complexity: O(*n*) for *n* characters.
    func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
