/// A set of named templates that may include each other with `{{> name}}`.
///
/// Creating a library parses every template and links them: every include must name a template of
/// the library, no template may include itself, directly or through others, and no template may
/// expand more than ``maximumIncludeExpansions`` includes when rendered (counting each include tag
/// once, outside any `{{#each}}`).
///
///     let library = try TemplateLibrary(templates: [
///         "ios-apn": "hostname {{ hostname }}\n{{> ios-footer}}\n",
///         "ios-footer": "!\nend",
///     ])
///     let config = try library.render("ios-apn", ["hostname": "APN-CPE-01"])
public struct TemplateLibrary: Sendable {
    /// The most includes that rendering one template may expand, counted along every include tag once.
    ///
    /// A real configuration expands a handful; a chain of templates each including the next twice
    /// expands 2^*k* and is refused when the library is linked, naming the include that passes the bound.
    public static let maximumIncludeExpansions = 1_000
    /// The longest chain of includes, 16 templates deep: a configuration includes a footer or a block or
    /// two, and the bound keeps the linker and the renderer, which recurse per include, off the end of
    /// the stack.
    public static let maximumIncludeDepth = 16

    private let templates: [String: Template]
    private let sortedNames: [String]

    /// The names of the templates, in ascending order.
    public var names: [String] { sortedNames }

    /// Parses and links templates given as source text.
    ///
    /// - Parameter templates: The source of each template, by name.
    /// - Throws: `TemplateError` for the first syntax error (templates are parsed in name order),
    ///   `.unknownTemplate` for an include of a template the library lacks, `.includeCycle`,
    ///   `.nestedTooDeep` for includes deeper than ``maximumIncludeDepth``, or `.tooManyIncludes`.
    /// - Complexity: O(*n*) for *n* characters of source in all.
    public init(templates: [String: String]) throws(TemplateError) {
        var parsed: [Template] = []
        parsed.reserveCapacity(templates.count)
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
            parsed.append(try Template(name: name, source: source))
        }
        try self.init(parsed)
    }

    /// Links parsed templates into a library.
    init(_ parsed: [Template]) throws(TemplateError) {
        var byName: [String: Template] = [:]
        for template in parsed {
            byName[template.name] = template
        }
        templates = byName
        sortedNames = byName.keys.sorted()
        try checkIncludes()
    }

    /// Returns the template with a name, if the library holds it.
    ///
    /// - Parameter name: The template's name.
    /// - Returns: The template, or `nil`.
    /// - Complexity: O(1) on average.
    public func template(named name: String) -> Template? {
        templates[name]
    }

    /// Renders the template with a name against a context.
    ///
    /// - Parameters:
    ///   - name: The template's name.
    ///   - context: The values to render, usually an `.object`.
    /// - Returns: The rendered text.
    /// - Throws: `TemplateError` `.unknownTemplate` for a name the library lacks, or any error of
    ///   ``Template/render(_:library:)``.
    /// - Complexity: O(*n*) in the size of the output and the number of tags rendered.
    public func render(_ name: String, _ context: TemplateValue) throws(TemplateError) -> String {
        guard let template = templates[name] else {
            throw TemplateError(
                code: .unknownTemplate, template: name, line: 0, column: 0,
                message: sortedNames.isEmpty
                    ? "unknown template '\(name)'; the library is empty"
                    : "unknown template '\(name)'; the library has \(sortedNames.joined(separator: ", "))")
        }
        return try template.render(context, library: self)
    }

    // MARK: - Linking

    /// Checks that every include names a template of the library, that there is no cycle, that no
    /// chain of includes is deeper than ``maximumIncludeDepth`` and that no template expands more than
    /// ``maximumIncludeExpansions`` includes.
    private func checkIncludes() throws(TemplateError) {
        var edges: [String: [(name: String, location: SourceLocation)]] = [:]
        for name in sortedNames {
            guard let template = templates[name] else {
                continue
            }
            var targets: [(name: String, location: SourceLocation)] = []
            for site in template.program.includes {
                guard templates[site.name] != nil else {
                    throw TemplateError(
                        code: .unknownTemplate, template: template.errorName, line: site.location.line,
                        column: site.location.column, message: "unknown template '\(site.name)' in '{{> \(site.name)}}'"
                    )
                }
                targets.append((site.name, site.location))
            }
            edges[name] = targets
        }
        var finished: Set<String> = []
        for name in sortedNames {
            var path: [String] = []
            try visit(name, edges: edges, path: &path, finished: &finished)
        }
        var expansions: [String: Int] = [:]
        for name in sortedNames {
            _ = try countExpansions(of: name, edges: edges, counted: &expansions)
        }
    }

    /// Returns how many includes rendering `name` expands (each include tag once, the included
    /// template's own includes with it), memoised in `counted`; throws at the first include that
    /// passes ``maximumIncludeExpansions``.
    ///
    /// Runs after the cycle and depth check, so the recursion ends within ``maximumIncludeDepth`` calls.
    /// - Complexity: O(*t* + *i*) over all calls for *t* templates and *i* include tags.
    private func countExpansions(
        of name: String,
        edges: [String: [(name: String, location: SourceLocation)]],
        counted: inout [String: Int]
    ) throws(TemplateError) -> Int {
        if let known = counted[name] {
            return known
        }
        var total = 0
        for edge in edges[name] ?? [] {
            total += 1 + (try countExpansions(of: edge.name, edges: edges, counted: &counted))
            if total > Self.maximumIncludeExpansions {
                throw TemplateError(
                    code: .tooManyIncludes, template: templates[name]?.errorName ?? name,
                    line: edge.location.line, column: edge.location.column,
                    message:
                        "rendering '\(name)' would expand more than \(Self.maximumIncludeExpansions) includes "
                        + "by '{{> \(edge.name)}}'; a template may include others, but not multiply them")
            }
        }
        counted[name] = total
        return total
    }

    /// Depth-first search from `name`; throws at the include that closes a cycle or passes
    /// ``maximumIncludeDepth``.
    private func visit(
        _ name: String,
        edges: [String: [(name: String, location: SourceLocation)]],
        path: inout [String],
        finished: inout Set<String>
    ) throws(TemplateError) {
        guard !finished.contains(name) else {
            return
        }
        path.append(name)
        for edge in edges[name] ?? [] {
            guard path.count < Self.maximumIncludeDepth else {
                throw TemplateError(
                    code: .nestedTooDeep, template: templates[name]?.errorName ?? name, line: edge.location.line,
                    column: edge.location.column,
                    message:
                        "'{{> \(edge.name)}}' includes a template \(Self.maximumIncludeDepth + 1) deep "
                        + "(\(path.joined(separator: " -> ")) -> \(edge.name)); includes nest at most "
                        + "\(Self.maximumIncludeDepth) deep")
            }
            if let start = path.firstIndex(of: edge.name) {
                let cycle = (path[start...] + [edge.name]).joined(separator: " -> ")
                throw TemplateError(
                    code: .includeCycle, template: templates[name]?.errorName ?? name, line: edge.location.line,
                    column: edge.location.column, message: "include cycle: \(cycle)")
            }
            try visit(edge.name, edges: edges, path: &path, finished: &finished)
        }
        path.removeLast()
        finished.insert(name)
    }
}
