/// Turns template source into a tree of ``TemplateNode``s, in three passes: lexing into pieces,
/// removing standalone lines, and building the section tree.
struct TemplateParser {
    /// The result of parsing: the tree and a hint for the output buffer.
    struct Result {
        /// The top-level nodes.
        var nodes: [TemplateNode]
        /// The UTF-8 size of the literal text plus an allowance per variable.
        var estimatedOutputSize: Int
    }

    private let source: String
    private let templateName: String

    /// Creates a parser.
    ///
    /// - Parameters:
    ///   - source: The template text.
    ///   - templateName: The name that errors carry.
    init(source: String, templateName: String) {
        self.source = source
        self.templateName = templateName
    }

    /// Parses the whole source.
    ///
    /// - Returns: The tree and the output size hint.
    /// - Throws: `TemplateError` for the first syntax error in source order.
    /// - Complexity: O(*n*) for *n* characters of source, plus O(*w*) per tag for a line of width *w*.
    func parse() throws(TemplateError) -> Result {
        let pieces = try lex()
        return try buildTree(removingStandaloneLines(from: pieces))
    }

    // MARK: - Pieces

    /// What a tag is, once its text is classified.
    private enum TagKind {
        case variable(TemplatePath)
        case open(SectionKind, TemplatePath)
        case close(SectionKind)
        case otherwise
        case comment
        case include(String, indentation: String?)

        /// Whether the tag, alone on a line with whitespace, makes that line disappear.
        var isStandaloneCandidate: Bool {
            if case .variable = self {
                return false
            }
            return true
        }
    }

    /// The three section kinds.
    private enum SectionKind {
        case each
        case `if`
        case unless

        var keyword: String {
            switch self {
            case .each: return "each"
            case .if: return "if"
            case .unless: return "unless"
            }
        }

        init?(keyword: Substring) {
            switch keyword {
            case "each": self = .each
            case "if": self = .if
            case "unless": self = .unless
            default: return nil
            }
        }
    }

    private struct Tag {
        var kind: TagKind
        var location: SourceLocation
    }

    /// A piece of source: text without a newline, a newline, or a tag.
    private enum Piece {
        case text(Substring)
        case newline
        case tag(Tag)
    }

    // MARK: - Lexing

    private static let newline = UInt8(ascii: "\n")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")

    private func lex() throws(TemplateError) -> [Piece] {
        let utf8 = source.utf8
        var pieces: [Piece] = []
        var index = utf8.startIndex
        var textStart = index
        var line = 1
        var lineStart = index
        // The column is counted on from the last tag of the line, not from the line's start: a line of
        // 100,000 tags was quadratic (issue 13).
        var counted = index
        var countedColumn = 1
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == Self.newline {
                if textStart < index {
                    pieces.append(.text(source[textStart..<index]))
                }
                pieces.append(.newline)
                line += 1
                lineStart = next
                counted = next
                countedColumn = 1
                index = next
                textStart = next
            } else if byte == Self.openBrace, next < utf8.endIndex, utf8[next] == Self.openBrace {
                if textStart < index {
                    pieces.append(.text(source[textStart..<index]))
                }
                if counted < lineStart {
                    counted = lineStart
                    countedColumn = 1
                }
                countedColumn += source[counted..<index].count
                counted = index
                let location = SourceLocation(line: line, column: countedColumn)
                let contentStart = utf8.index(after: next)
                let isComment = source[contentStart...].first { $0 != " " && $0 != "\t" } == "!"
                var cursor = contentStart
                while true {
                    guard cursor < utf8.endIndex else {
                        throw error(.unclosedTag, at: location, "'{{' is not closed by '}}'")
                    }
                    let current = utf8[cursor]
                    let following = utf8.index(after: cursor)
                    let pair = following < utf8.endIndex ? utf8[following] : 0
                    if current == Self.closeBrace, pair == Self.closeBrace {
                        break
                    }
                    if current == Self.openBrace, pair == Self.openBrace {
                        throw error(.unclosedTag, at: location, "'{{' is not closed by '}}' before the next '{{'")
                    }
                    if current == Self.newline {
                        guard isComment else {
                            throw error(.unclosedTag, at: location, "'{{' is not closed by '}}' on the same line")
                        }
                        line += 1
                        lineStart = following
                    }
                    cursor = following
                }
                let kind = try classify(source[contentStart..<cursor], at: location)
                pieces.append(.tag(Tag(kind: kind, location: location)))
                index = utf8.index(cursor, offsetBy: 2)
                textStart = index
            } else {
                index = next
            }
        }
        if textStart < utf8.endIndex {
            pieces.append(.text(source[textStart...]))
        }
        return pieces
    }

    // MARK: - Classifying tags

    private func classify(_ content: Substring, at location: SourceLocation) throws(TemplateError) -> TagKind {
        let trimmed = content.trimmingWhitespace()
        guard let sigil = trimmed.first else {
            throw error(.emptyName, at: location, "empty tag '{{}}'")
        }
        let rest = trimmed.dropFirst().trimmingWhitespace()
        switch sigil {
        case "!":
            return .comment
        case "#":
            let keyword = rest.prefix { !$0.isWhitespace }
            let argument = rest.dropFirst(keyword.count).trimmingWhitespace()
            guard !keyword.isEmpty else {
                throw error(.emptyName, at: location, "'{{#}}' needs a kind and a name, as in '{{#each items}}'")
            }
            guard let kind = SectionKind(keyword: keyword) else {
                throw error(
                    .unknownTag, at: location,
                    "unknown section '{{#\(keyword)}}'; expected '{{#each}}', '{{#if}}' or '{{#unless}}'")
            }
            guard !argument.isEmpty else {
                throw error(.emptyName, at: location, "'{{#\(keyword)}}' needs a name")
            }
            if kind == .if, argument.hasPrefix("not "), !argument.dropFirst(4).trimmingWhitespace().isEmpty {
                let flag = argument.dropFirst(4).trimmingWhitespace()
                throw error(
                    .invalidName, at: location,
                    "invalid name '\(argument)'; write '{{#unless \(flag)}}' for a negation")
            }
            return .open(kind, try path(argument, at: location))
        case "/":
            guard !rest.isEmpty else {
                throw error(.emptyName, at: location, "'{{/}}' needs a section kind, as in '{{/each}}'")
            }
            guard let kind = SectionKind(keyword: rest) else {
                throw error(
                    .unknownTag, at: location,
                    "unknown closing tag '{{/\(rest)}}'; expected '{{/each}}', '{{/if}}' or '{{/unless}}'")
            }
            return .close(kind)
        case ">":
            guard !rest.isEmpty else {
                throw error(.emptyName, at: location, "'{{>}}' needs a template name")
            }
            if let reason = Template.problem(withName: rest) {
                throw error(.invalidName, at: location, "invalid template name '\(rest)'; \(reason)")
            }
            return .include(String(rest), indentation: nil)
        case "{":
            throw error(
                .unknownTag, at: location,
                "'{{{' is not supported; nothing is escaped, so write '{{ name }}'")
        case "^":
            throw error(.unknownTag, at: location, "'{{^' is not supported; write '{{#unless name}}'")
        case "&", "=", "<", "$", "%", "*", "?", "~", "|":
            throw error(.unknownTag, at: location, "unknown tag kind '\(sigil)' in '{{\(trimmed)}}'")
        default:
            if trimmed == "else" {
                return .otherwise
            }
            if trimmed.hasPrefix("else"), trimmed.dropFirst(4).first?.isWhitespace == true {
                throw error(.unknownTag, at: location, "'{{\(trimmed)}}' is not supported; write '{{else}}'")
            }
            return .variable(try path(trimmed, at: location))
        }
    }

    private func path(_ text: Substring, at location: SourceLocation) throws(TemplateError) -> TemplatePath {
        switch TemplatePath.parse(text) {
        case .valid(let path):
            return path
        case .invalid(let reason):
            throw error(.invalidName, at: location, "invalid name '\(text)'; \(reason)")
        }
    }

    // MARK: - Standalone lines

    /// Drops every line that holds only non-printing tags and whitespace, with its newline, and
    /// gives each include on such a line the line's leading whitespace as its indentation.
    private func removingStandaloneLines(from pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        result.reserveCapacity(pieces.count)
        var lineStart = 0
        while lineStart < pieces.count {
            var lineEnd = lineStart
            var hasTag = false
            var isStandalone = true
            scan: while lineEnd < pieces.count {
                let piece = pieces[lineEnd]
                lineEnd += 1
                switch piece {
                case .newline:
                    break scan
                case .text(let text):
                    if !text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                        isStandalone = false
                    }
                case .tag(let tag):
                    hasTag = true
                    if !tag.kind.isStandaloneCandidate {
                        isStandalone = false
                    }
                }
            }
            let line = pieces[lineStart..<lineEnd]
            if hasTag, isStandalone {
                var indentation = ""
                if case .text(let leading) = line.first {
                    indentation = String(leading)
                }
                for case .tag(var tag) in line {
                    if case .include(let name, _) = tag.kind {
                        tag.kind = .include(name, indentation: indentation)
                    }
                    result.append(.tag(tag))
                }
            } else {
                result.append(contentsOf: line)
            }
            lineStart = lineEnd
        }
        return result
    }

    // MARK: - Building the tree

    private struct OpenSection {
        var kind: SectionKind
        var path: TemplatePath
        var location: SourceLocation
        var body: [TemplateNode] = []
        var alternative: [TemplateNode] = []
        var elseLocation: SourceLocation?

        var spelling: String { "{{#\(kind.keyword) \(path.spelling)}}" }
    }

    private struct TreeBuilder {
        var root: [TemplateNode] = []
        var open: [OpenSection] = []
        var pendingText = ""
        var literalSize = 0
        var variableCount = 0

        mutating func append(_ node: TemplateNode) {
            flushText()
            appendWithoutFlush(node)
        }

        mutating func flushText() {
            guard !pendingText.isEmpty else {
                return
            }
            literalSize += pendingText.utf8.count
            let text = pendingText
            pendingText = ""
            appendWithoutFlush(.text(text))
        }

        private mutating func appendWithoutFlush(_ node: TemplateNode) {
            guard let last = open.indices.last else {
                root.append(node)
                return
            }
            if open[last].elseLocation == nil {
                open[last].body.append(node)
            } else {
                open[last].alternative.append(node)
            }
        }
    }

    private func buildTree(_ pieces: [Piece]) throws(TemplateError) -> Result {
        var builder = TreeBuilder()
        for piece in pieces {
            switch piece {
            case .text(let text):
                builder.pendingText += text
            case .newline:
                builder.pendingText += "\n"
            case .tag(let tag):
                try add(tag, to: &builder)
            }
        }
        builder.flushText()
        if let unclosed = builder.open.last {
            throw error(
                .unclosedSection, at: unclosed.location,
                "unclosed section '\(unclosed.spelling)'; expected '{{/\(unclosed.kind.keyword)}}'")
        }
        let estimate = builder.literalSize + 16 * builder.variableCount
        return Result(nodes: builder.root, estimatedOutputSize: estimate)
    }

    private func add(_ tag: Tag, to builder: inout TreeBuilder) throws(TemplateError) {
        switch tag.kind {
        case .comment:
            break
        case .variable(let path):
            builder.variableCount += 1
            builder.append(.variable(path, tag.location))
        case .include(let name, let indentation):
            builder.variableCount += 4
            builder.append(.include(name, indentation: indentation, tag.location))
        case .open(let kind, let path):
            builder.flushText()
            if kind == .each, builder.open.filter({ $0.kind == .each }).count >= Template.maximumLoopNesting {
                throw error(
                    .nestedTooDeep, at: tag.location,
                    "'{{#each \(path.spelling)}}' opens a loop \(Template.maximumLoopNesting + 1) deep;"
                        + " '{{#each}}' nests at most \(Template.maximumLoopNesting) deep")
            }
            guard builder.open.count < Template.maximumNesting else {
                throw error(
                    .nestedTooDeep, at: tag.location,
                    "'{{#\(kind.keyword) \(path.spelling)}}' opens a section \(Template.maximumNesting + 1) deep;"
                        + " sections nest at most \(Template.maximumNesting) deep")
            }
            builder.open.append(OpenSection(kind: kind, path: path, location: tag.location))
        case .otherwise:
            builder.flushText()
            guard let last = builder.open.indices.last else {
                throw error(.strayElse, at: tag.location, "'{{else}}' outside '{{#if}}' or '{{#unless}}'")
            }
            let section = builder.open[last]
            if section.kind == .each {
                throw error(
                    .strayElse, at: tag.location,
                    "'{{else}}' in '\(section.spelling)' (opened at \(section.location.description));"
                        + " only '{{#if}}' and '{{#unless}}' take '{{else}}'")
            }
            if let previous = section.elseLocation {
                throw error(
                    .strayElse, at: tag.location,
                    "second '{{else}}' in '\(section.spelling)'; the first is at \(previous.description)")
            }
            builder.open[last].elseLocation = tag.location
        case .close(let kind):
            builder.flushText()
            guard let section = builder.open.popLast() else {
                throw error(.mismatchedClose, at: tag.location, "'{{/\(kind.keyword)}}' without an open section")
            }
            guard section.kind == kind else {
                throw error(
                    .mismatchedClose, at: tag.location,
                    "'{{/\(kind.keyword)}}' closes '\(section.spelling)' (opened at \(section.location.description));"
                        + " expected '{{/\(section.kind.keyword)}}'")
            }
            switch kind {
            case .each:
                builder.append(.each(section.path, body: section.body, section.location))
            case .if, .unless:
                builder.append(
                    .conditional(
                        section.path,
                        expected: kind == .if,
                        body: section.body,
                        alternative: section.alternative,
                        section.location
                    )
                )
            }
        }
    }

    // MARK: - Errors

    private func error(_ code: TemplateError.Code, at location: SourceLocation, _ message: String) -> TemplateError {
        TemplateError(
            code: code, template: templateName, line: location.line, column: location.column, message: message)
    }
}
