/// A parsed template: parse once, render many times.
///
/// The syntax is a strict subset of Mustache, with no HTML escaping:
///
///     hostname {{ hostname }}
///     {{#each tunnels}}
///     interface Tunnel{{ @index }}
///      tunnel destination {{ destination }}
///     {{#if unnumbered}}
///      ip unnumbered {{ wan.interface }}
///     {{else}}
///      ip address {{ address }} {{ mask }}
///     {{/if}}
///     {{/each}}
///     {{> footer}}
///
/// Rendering fails loudly: an undefined name, `{{#each}}` over a non-list, `{{#if}}` over a
/// non-bool, or text from a list, object or bool is an error naming the template, line and column.
///
///     let template = try Template(name: "hello", source: "hostname {{ name }}\n")
///     let text = try template.render(["name": "APN-CPE-01"])  // "hostname APN-CPE-01\n"
public struct Template: Sendable {
    /// The name that includes use to refer to the template.
    public let name: String

    /// The most UTF-8 bytes one render may write, 16 MiB: a configuration is a few kilobytes, and the
    /// bound stops a `{{#each}}` over a runaway list before it fills the memory.
    public static let maximumRenderedBytes = 16 * 1_048_576
    /// The deepest that sections (`{{#each}}`, `{{#if}}`, `{{#unless}}`) may nest in one template, 32: a
    /// configuration nests two or three, and the bound keeps the compiler and the renderer, which
    /// recurse per section, far from the end of the stack.
    public static let maximumNesting = 32
    /// The deepest that `{{#each}}` sections may nest in one template, 4: a configuration loops one deep,
    /// and a loop in a loop multiplies (thirty loops over two tunnels would run 2^30 bodies).
    public static let maximumLoopNesting = 4
    /// The most `{{#each}}` bodies one render may run, counting every item of every loop, 1,000,000: a hub's
    /// configuration of 4,000 branches loops over them a few times, and loops nested through includes,
    /// which ``maximumLoopNesting`` does not see, still stop here even when they write nothing.
    public static let maximumLoopIterations = 1_000_000
    /// The name that errors carry: the name, or the file name when loaded from a directory.
    let errorName: String
    /// The compiled template.
    let program: TemplateProgram
    /// The UTF-8 bytes to reserve for the output.
    let estimatedOutputSize: Int

    /// Parses a template.
    ///
    /// - Parameters:
    ///   - name: The template's name, for includes and error messages; not empty, without spaces
    ///     or braces.
    ///   - source: The template text.
    /// - Throws: `TemplateError` for the first syntax error in source order: `.unclosedTag`,
    ///   `.unclosedSection`, `.mismatchedClose`, `.strayElse`, `.emptyName`, `.invalidName`,
    ///   `.unknownTag`, or `.nestedTooDeep` past ``maximumNesting`` or ``maximumLoopNesting``. Includes are not checked here; ``TemplateLibrary`` checks them.
    /// - Complexity: O(*n*) for *n* characters of source.
    public init(name: String, source: String) throws(TemplateError) {
        try self.init(name: name, source: source, errorName: name)
    }

    /// Parses a template whose errors carry `errorName` (a file name) instead of its name.
    init(name: String, source: String, errorName: String) throws(TemplateError) {
        if name.isEmpty {
            throw TemplateError(
                code: .emptyName, template: errorName, line: 0, column: 0, message: "a template needs a name")
        }
        if let reason = Self.problem(withName: name[...]) {
            throw TemplateError(
                code: .invalidName, template: errorName, line: 0, column: 0,
                message: "invalid template name '\(name)'; \(reason)")
        }
        let result = try TemplateParser(source: source, templateName: errorName).parse()
        self.name = name
        self.errorName = errorName
        self.program = TemplateProgram(result.nodes)
        self.estimatedOutputSize = result.estimatedOutputSize
    }

    /// Renders the template against a context.
    ///
    /// Names resolve first in the current `{{#each}}` item (when it is an object), then outward
    /// to the context. Includes are found in `library`.
    ///
    /// - Parameters:
    ///   - context: The values to render, usually an `.object`.
    ///   - library: The templates that `{{> name}}` includes; `nil` makes any include an error.
    /// - Returns: The rendered text.
    /// - Throws: `TemplateError` at the first tag that cannot be rendered: `.undefinedVariable`,
    ///   `.notText`, `.notAList`, `.notABool`, `.unknownTemplate`, `.outputTooLarge` past
    ///   ``maximumRenderedBytes``, or `.tooManyIterations` past ``maximumLoopIterations``. Nothing is returned then.
    /// - Complexity: O(*n*) in the size of the output and the number of tags rendered; one
    ///   output buffer is reserved up front.
    public func render(_ context: TemplateValue, library: TemplateLibrary? = nil) throws(TemplateError) -> String {
        var renderer = TemplateRenderer(context: context, library: library, capacity: estimatedOutputSize)
        try renderer.render(program, template: errorName)
        return renderer.text
    }

    /// Returns why `name` cannot name a template, or `nil` when it can.
    static func problem(withName name: Substring) -> String? {
        if name.contains(where: \.isWhitespace) {
            return "a template name has no spaces"
        }
        if name.contains("{") || name.contains("}") {
            return "a template name has no braces"
        }
        return nil
    }
}
