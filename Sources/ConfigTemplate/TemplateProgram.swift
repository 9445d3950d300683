/// A parsed template flattened into instructions over flat tables, for rendering.
///
/// Instructions and tags hold only integers, and all literal text sits in one byte buffer, so
/// walking a program copies no reference-counted value; sections refer to their bodies as ranges
/// of instruction positions.
struct TemplateProgram: Sendable {
    /// One step of rendering.
    enum Instruction: Sendable {
        /// Append `literals[range]`.
        case text(Range<Int>)
        /// Append the string or number that `tags[index]` names.
        case variable(Int)
        /// Render the following instructions up to `end` once per item of the list `tags[index]` names.
        case each(Int, end: Int)
        /// Render the following instructions up to `alternative` when the bool `tags[index]` names is
        /// `expected`, and those from `alternative` up to `end` otherwise.
        case conditional(Int, expected: Bool, alternative: Int, end: Int)
        /// Render the template `includes[index]` names.
        case include(Int)
    }

    /// A tag that looks a value up.
    struct Tag: Sendable {
        /// What the name is.
        enum Kind: Sendable {
            /// `.`
            case current
            /// `@index`
            case index
            /// `@number`
            case number
            /// A name or dotted path, whose keys are `keys[keys]` of the program.
            case keys
        }

        /// What the name is.
        var kind: Kind
        /// The positions of the path's keys in the program's `keys`.
        var keys: Range<Int>
        /// Where the tag's `{{` is.
        var location: SourceLocation
    }

    /// An include tag.
    struct Include: Sendable {
        /// The included template's name.
        var name: String
        /// The whitespace to put before every line of the partial, or `nil` within a line.
        var indentation: String?
        /// Where the tag's `{{` is.
        var location: SourceLocation
    }

    /// The instructions, in rendering order.
    private(set) var instructions: [Instruction] = []
    /// All literal text, as UTF-8.
    private(set) var literals: [UInt8] = []
    /// Lookups.
    private(set) var tags: [Tag] = []
    /// The keys of all paths, each path's keys in a row.
    private(set) var keys: [HashedKey] = []
    /// Includes, in source order.
    private(set) var includes: [Include] = []

    /// Flattens a parsed tree.
    ///
    /// - Parameter nodes: The top-level nodes.
    /// - Complexity: O(*n*) for *n* nodes in the tree.
    init(_ nodes: [TemplateNode]) {
        append(nodes)
    }

    /// Returns the path of a tag as written, for error messages.
    ///
    /// - Parameter tag: A tag of this program.
    /// - Returns: The spelling, such as `site.wan.address`.
    func spelling(of tag: Tag) -> String {
        switch tag.kind {
        case .current: return "."
        case .index: return "@index"
        case .number: return "@number"
        case .keys: return keys[tag.keys].map(\.name).joined(separator: ".")
        }
    }

    private mutating func append(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                let start = literals.count
                literals.append(contentsOf: text.utf8)
                instructions.append(.text(start..<literals.count))
            case .variable(let path, let location):
                instructions.append(.variable(addTag(path, location)))
            case .each(let path, let body, let location):
                let tag = addTag(path, location)
                let start = instructions.count
                instructions.append(.each(tag, end: start))
                append(body)
                instructions[start] = .each(tag, end: instructions.count)
            case .conditional(let path, let expected, let body, let alternative, let location):
                let tag = addTag(path, location)
                let start = instructions.count
                instructions.append(.conditional(tag, expected: expected, alternative: start, end: start))
                append(body)
                let alternativeStart = instructions.count
                append(alternative)
                instructions[start] = .conditional(
                    tag, expected: expected, alternative: alternativeStart, end: instructions.count)
            case .include(let name, let indentation, let location):
                includes.append(Include(name: name, indentation: indentation, location: location))
                instructions.append(.include(includes.count - 1))
            }
        }
    }

    private mutating func addTag(_ path: TemplatePath, _ location: SourceLocation) -> Int {
        let start = keys.count
        let kind: Tag.Kind
        switch path {
        case .current: kind = .current
        case .index: kind = .index
        case .number: kind = .number
        case .keys(let pathKeys):
            kind = .keys
            keys.append(contentsOf: pathKeys)
        }
        tags.append(Tag(kind: kind, keys: start..<keys.count, location: location))
        return tags.count - 1
    }
}
