/// An error found while parsing, linking, loading or rendering a template.
///
/// Every error names the template and, when it comes from a tag, the 1-based line and column of
/// that tag's opening `{{`. Columns count Unicode characters (grapheme clusters), not bytes, so a
/// line of Chinese text before a tag moves the column by one per character.
///
///     do {
///         _ = try library.render("ios-apn", context)
///     } catch {
///         print(error)  // ios-apn.tmpl:12:5: error: undefined variable 'tunnel.destination' ...
///     }
///
/// Errors that belong to no position (an unreadable file, an unknown template name passed to
/// ``TemplateLibrary/render(_:_:)``) have `line` and `column` 0.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of a template error: a small, stable classification to match on.
    public enum Code: Sendable, Hashable {
        /// A `{{` has no `}}` on the same line (comments may span lines), or another `{{` comes first.
        case unclosedTag
        /// A `{{#each}}`, `{{#if}}` or `{{#unless}}` section has no closing tag.
        case unclosedSection
        /// A closing tag does not match the open section, or there is no open section.
        case mismatchedClose
        /// An `{{else}}` outside `{{#if}}`/`{{#unless}}`, or a second one in the same section.
        case strayElse
        /// A tag, section or include without a name, or a template with an empty name.
        case emptyName
        /// A name that is not a valid path (`a..b`, `a b`, `@foo`) or template name.
        case invalidName
        /// A tag of a kind the engine does not know (`{{^x}}`, `{{&x}}`, `{{{x}}}`, `{{#with x}}`).
        case unknownTag
        /// A name or a key along a dotted path is not defined in any enclosing scope.
        case undefinedVariable
        /// `{{#each}}` over a value that is not a list.
        case notAList
        /// `{{#if}}` or `{{#unless}}` over a value that is not a bool.
        case notABool
        /// `{{ name }}` over a value that is not a string or a number.
        case notText
        /// An include or a render names a template that the library does not hold.
        case unknownTemplate
        /// Templates of a library include each other in a cycle.
        case includeCycle
        /// Rendering a template would expand more includes than ``TemplateLibrary/maximumIncludeExpansions``
        /// (a chain whose every template includes the next several times multiplies), found when the
        /// library is linked, before anything renders.
        case tooManyIncludes
        /// A render passed ``Template/maximumRenderedBytes`` (a `{{#each}}` over a huge list, say); it
        /// stops there and returns nothing.
        case outputTooLarge
        /// Sections nest deeper than ``Template/maximumNesting`` in one template (`{{#each}}` deeper than
        /// ``Template/maximumLoopNesting``), or includes deeper than
        /// ``TemplateLibrary/maximumIncludeDepth``; found when the template is parsed or the library linked.
        case nestedTooDeep
        /// A render ran `{{#each}}` bodies more than ``Template/maximumLoopIterations`` times in all
        /// (`{{#each}}` nested in `{{#each}}` multiplies); it stops at that section and returns nothing.
        case tooManyIterations
        /// A template directory or file cannot be read.
        case unreadable
        /// A template file is larger than the 1 MiB limit.
        case tooLarge
        /// A template file is not valid UTF-8.
        case notUTF8
    }

    /// The kind of error.
    public let code: Code
    /// The template the error is in: its name, or its file name for a library loaded from a directory.
    public let template: String
    /// The 1-based line of the tag that failed, or 0 when the error has no position.
    public let line: Int
    /// The 1-based column, in characters, of the failing tag's `{{`, or 0 when the error has no position.
    public let column: Int
    /// What went wrong, in one line.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of error.
    ///   - template: The template's name or file name.
    ///   - line: The 1-based line, or 0 for none.
    ///   - column: The 1-based column in characters, or 0 for none.
    ///   - message: What went wrong, in one line.
    public init(code: Code, template: String, line: Int, column: Int, message: String) {
        self.code = code
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as one line fit for standard error: `template:line:column: error: message`.
    ///
    /// The position is left out when `line` is 0 (`template: error: message`), and the template too
    /// when it has no name (`error: message`).
    public var description: String {
        if template.isEmpty {
            return "error: \(message)"
        }
        if line > 0 {
            return "\(template):\(line):\(column): error: \(message)"
        }
        return "\(template): error: \(message)"
    }
}
