/// One element of a parsed template: the tree that rendering walks.
///
/// Standalone lines are already removed and adjacent text is merged, so rendering only appends
/// text, looks values up, and descends.
enum TemplateNode: Sendable {
    /// Literal text, appended as is.
    case text(String)
    /// `{{ path }}`: a string or a number, appended as is.
    case variable(TemplatePath, SourceLocation)
    /// `{{#each path}} body {{/each}}`.
    case each(TemplatePath, body: [TemplateNode], SourceLocation)
    /// `{{#if path}}` (`expected` true) or `{{#unless path}}` (`expected` false), with the
    /// nodes for a match and those after `{{else}}`.
    case conditional(
        TemplatePath,
        expected: Bool,
        body: [TemplateNode],
        alternative: [TemplateNode],
        SourceLocation
    )
    /// `{{> name}}`; `indentation` is the whitespace before a standalone include tag, to put before
    /// every line of the partial, or `nil` for an include within a line.
    case include(String, indentation: String?, SourceLocation)
}
