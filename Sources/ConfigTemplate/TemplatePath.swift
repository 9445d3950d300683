/// A name in a tag, split into its keys once, at parse time.
enum TemplatePath: Sendable, Equatable {
    /// `.`: the current item of the innermost `{{#each}}`, or the whole context outside one.
    case current
    /// `@index`: the 0-based position in the innermost `{{#each}}`.
    case index
    /// `@number`: the 1-based position in the innermost `{{#each}}`.
    case number
    /// A name or dotted path such as `site.wan.address`, as its keys.
    case keys([HashedKey])

    /// The path as written in the template.
    var spelling: String {
        switch self {
        case .current: return "."
        case .index: return "@index"
        case .number: return "@number"
        case .keys(let keys): return keys.map(\.name).joined(separator: ".")
        }
    }
}

// MARK: - Parsing

extension TemplatePath {
    /// The result of reading a path: the path, or why the text is not one.
    enum ParseResult {
        /// The text is a valid path.
        case valid(TemplatePath)
        /// The text is not a valid path; the reason completes "invalid name 'x'".
        case invalid(reason: String)
    }

    /// Reads a path from the trimmed text of a tag.
    ///
    /// A key is one or more letters, digits, `_` or `-`; keys are joined by single dots.
    ///
    /// - Parameter text: The name, with no surrounding whitespace; not empty.
    /// - Returns: The path or the reason it is invalid.
    /// - Complexity: O(*n*) for *n* characters.
    static func parse(_ text: Substring) -> ParseResult {
        switch text {
        case ".": return .valid(.current)
        case "@index": return .valid(.index)
        case "@number": return .valid(.number)
        default: break
        }
        if text.first == "@" {
            return .invalid(reason: "expected '@index' or '@number'")
        }
        if text.contains(where: \.isWhitespace) {
            return .invalid(reason: "a name has no spaces")
        }
        let keys = text.split(separator: ".", omittingEmptySubsequences: false)
        for key in keys {
            if key.isEmpty {
                return .invalid(reason: "empty key between dots")
            }
            if let bad = key.first(where: { !isKeyCharacter($0) }) {
                return .invalid(reason: "'\(bad)' is not allowed; keys use letters, digits, '_' and '-'")
            }
        }
        return .valid(.keys(keys.map { HashedKey(String($0)) }))
    }

    private static func isKeyCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }
}
