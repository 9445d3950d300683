/// Walks a compiled template against a context and appends the text to one output buffer.
///
/// The renderer holds a stack of scopes (the context, then one frame per `{{#each}}` item), the
/// indentation of the standalone includes it is inside, and whether the next output starts a line.
struct TemplateRenderer {
    /// One scope: the value names resolve in, and the 0-based position of the `{{#each}}` item
    /// (-1 for the root context).
    private struct Frame {
        var value: TemplateValue
        var index: Int
    }

    /// The tables of one program, borrowed for the duration of its rendering so that reading them
    /// retains nothing.
    private struct ProgramView {
        var instructions: UnsafeBufferPointer<TemplateProgram.Instruction>
        var literals: UnsafeBufferPointer<UInt8>
        var tags: UnsafeBufferPointer<TemplateProgram.Tag>
        var keys: UnsafeBufferPointer<HashedKey>
    }

    private var output: [UInt8]
    private var frames: [Frame]
    private var indentation: [UInt8] = []
    private var isAtLineStart = false
    /// The `{{#each}}` bodies run so far, bounded by ``Template/maximumLoopIterations``.
    private var iterations = 0
    private let library: TemplateLibrary?

    /// Creates a renderer for one render.
    ///
    /// - Parameters:
    ///   - context: The root scope.
    ///   - library: Where includes are found, if anywhere.
    ///   - capacity: The UTF-8 bytes to reserve for the output.
    init(context: TemplateValue, library: TemplateLibrary?, capacity: Int) {
        output = []
        output.reserveCapacity(capacity)
        frames = []
        frames.reserveCapacity(4)
        frames.append(Frame(value: context, index: -1))
        self.library = library
    }

    /// The text rendered so far.
    ///
    /// - Complexity: O(*n*) for *n* bytes of output.
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Renders a whole program of the template named `template` (the name errors carry).
    ///
    /// - Parameters:
    ///   - program: The compiled template.
    ///   - template: The template's name for errors.
    /// - Throws: `TemplateError` at the first tag that cannot be rendered.
    /// - Complexity: O(*n*) in the size of the output plus the number of lookups.
    mutating func render(_ program: TemplateProgram, template: String) throws(TemplateError) {
        // The buffers stay valid while the closures run, and the whole render of this program
        // (including its includes) happens inside them.
        try program.instructions.withUnsafeBufferPointer { (instructions) throws(TemplateError) in
            try program.literals.withUnsafeBufferPointer { (literals) throws(TemplateError) in
                try program.tags.withUnsafeBufferPointer { (tags) throws(TemplateError) in
                    try program.keys.withUnsafeBufferPointer { (keys) throws(TemplateError) in
                        let view = ProgramView(instructions: instructions, literals: literals, tags: tags, keys: keys)
                        try run(view, 0..<instructions.count, program: program, template: template)
                    }
                }
            }
        }
    }

    private mutating func run(
        _ view: ProgramView,
        _ range: Range<Int>,
        program: TemplateProgram,
        template: String
    ) throws(TemplateError) {
        var position = range.lowerBound
        while position < range.upperBound {
            switch view.instructions[position] {
            case .text(let literal):
                writeLiteral(UnsafeBufferPointer(rebasing: view.literals[literal]))
                position += 1
            case .variable(let index):
                let value = try resolve(view.tags[index], view, program: program, template: template)
                switch value {
                case .string(let text):
                    writeValue(text)
                    try checkSize(at: view.tags[index].location, template: template)
                case .number(let number):
                    writeNumber(number)
                case .bool, .list, .object:
                    let name = program.spelling(of: view.tags[index])
                    throw error(
                        .notText, at: view.tags[index].location, template: template,
                        "'{{ \(name) }}' needs a string or a number, but '\(name)' is \(value.kindDescription)")
                }
                position += 1
            case .each(let index, let end):
                let value = try resolve(view.tags[index], view, program: program, template: template)
                guard case .list(let items) = value else {
                    let name = program.spelling(of: view.tags[index])
                    throw error(
                        .notAList, at: view.tags[index].location, template: template,
                        "'{{#each \(name)}}' needs a list, but '\(name)' is \(value.kindDescription)")
                }
                iterations += items.count
                if iterations > Template.maximumLoopIterations {
                    throw error(
                        .tooManyIterations, at: view.tags[index].location, template: template,
                        "'{{#each \(program.spelling(of: view.tags[index]))}}' would run its body more than "
                            + "\(Template.maximumLoopIterations) times in this render; "
                            + "a template loops at most that often")
                }
                for (itemIndex, item) in items.enumerated() {
                    try checkSize(at: view.tags[index].location, template: template)
                    frames.append(Frame(value: item, index: itemIndex))
                    try run(view, position + 1..<end, program: program, template: template)
                    frames.removeLast()
                }
                position = end
            case .conditional(let index, let expected, let alternative, let end):
                let value = try resolve(view.tags[index], view, program: program, template: template)
                guard case .bool(let flag) = value else {
                    let name = program.spelling(of: view.tags[index])
                    throw error(
                        .notABool, at: view.tags[index].location, template: template,
                        "'{{#\(expected ? "if" : "unless") \(name)}}' needs a bool, but '\(name)' is "
                            + value.kindDescription)
                }
                if flag == expected {
                    try run(view, position + 1..<alternative, program: program, template: template)
                } else {
                    try run(view, alternative..<end, program: program, template: template)
                }
                position = end
            case .include(let index):
                try include(program.includes[index], template: template)
                position += 1
            }
        }
    }

    // MARK: - Includes

    private mutating func include(_ site: TemplateProgram.Include, template: String) throws(TemplateError) {
        try checkSize(at: site.location, template: template)
        guard let library else {
            throw error(
                .unknownTemplate, at: site.location, template: template,
                "'{{> \(site.name)}}' needs a template library, and none was given")
        }
        guard let partial = library.template(named: site.name) else {
            throw error(
                .unknownTemplate, at: site.location, template: template,
                "unknown template '\(site.name)' in '{{> \(site.name)}}'")
        }
        guard let partialIndentation = site.indentation else {
            try render(partial.program, template: partial.errorName)
            return
        }
        let saved = indentation
        indentation += partialIndentation.utf8
        isAtLineStart = true
        try render(partial.program, template: partial.errorName)
        indentation = saved
    }

    // MARK: - Output

    /// Throws `.outputTooLarge` at a tag once the output has passed ``Template/maximumRenderedBytes``.
    ///
    /// Checked at every value, loop item and include; between two checks only template text (at most
    /// a template file, 1 MiB) is written, so the output never grows far past the bound.
    private func checkSize(at location: SourceLocation, template: String) throws(TemplateError) {
        guard output.count > Template.maximumRenderedBytes else {
            return
        }
        throw error(
            .outputTooLarge, at: location, template: template,
            "the rendered text passed \(Template.maximumRenderedBytes / 1_048_576) MiB here; "
                + "a template renders at most that much")
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Appends template text, indenting each line that has content when inside an indented include.
    private mutating func writeLiteral(_ text: UnsafeBufferPointer<UInt8>) {
        if indentation.isEmpty {
            output.append(contentsOf: text)
            return
        }
        var lineStart = 0
        while lineStart < text.count {
            let newline = text[lineStart...].firstIndex(of: Self.newline) ?? text.count
            let isBlank = newline == lineStart || (newline == lineStart + 1 && text[lineStart] == Self.carriageReturn)
            if !isBlank {
                if isAtLineStart {
                    output.append(contentsOf: indentation)
                    isAtLineStart = false
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[lineStart..<newline]))
            }
            guard newline < text.count else {
                break
            }
            output.append(Self.newline)
            isAtLineStart = true
            lineStart = newline + 1
        }
    }

    /// Appends a rendered string as is; only its first line is indented.
    private mutating func writeValue(_ text: String) {
        guard !text.isEmpty else {
            return
        }
        startLine()
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { output.append(contentsOf: $0) }
        if copied == nil {
            output.append(contentsOf: text.utf8)
        }
    }

    /// Appends a number in decimal without making a string.
    private mutating func writeNumber(_ number: Int) {
        startLine()
        if number < 0 {
            output.append(UInt8(ascii: "-"))
        }
        let magnitude = number.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 {
            divisor *= 10
        }
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// Puts the indentation down when a value starts a line inside an indented include.
    private mutating func startLine() {
        if isAtLineStart {
            output.append(contentsOf: indentation)
            isAtLineStart = false
        }
    }

    // MARK: - Lookup

    /// Returns the value a tag names in the current scopes.
    private func resolve(
        _ tag: TemplateProgram.Tag,
        _ view: ProgramView,
        program: TemplateProgram,
        template: String
    ) throws(TemplateError) -> TemplateValue {
        switch tag.kind {
        case .current:
            return frames[frames.count - 1].value
        case .index, .number:
            guard let frame = frames.last(where: { $0.index >= 0 }) else {
                throw error(
                    .undefinedVariable, at: tag.location, template: template,
                    "undefined variable '\(program.spelling(of: tag))' (not inside '{{#each}}')")
            }
            return .number(tag.kind == .index ? frame.index : frame.index + 1)
        case .keys:
            guard var value = lookup(view.keys[tag.keys.lowerBound]) else {
                throw error(
                    .undefinedVariable, at: tag.location, template: template,
                    "undefined variable '\(program.spelling(of: tag))'")
            }
            var position = tag.keys.lowerBound + 1
            while position < tag.keys.upperBound {
                guard let child = value.member(view.keys[position]) else {
                    let parent = view.keys[tag.keys.lowerBound..<position].map(\.name).joined(separator: ".")
                    let reason =
                        if case .object = value {
                            "no key '\(view.keys[position].name)' in '\(parent)'"
                        } else {
                            "'\(parent)' is \(value.kindDescription), not an object"
                        }
                    throw error(
                        .undefinedVariable, at: tag.location, template: template,
                        "undefined variable '\(program.spelling(of: tag))' (\(reason))")
                }
                value = child
                position += 1
            }
            return value
        }
    }

    /// Returns the value of `key` in the innermost scope that is an object holding it.
    private func lookup(_ key: HashedKey) -> TemplateValue? {
        var position = frames.count - 1
        while position >= 0 {
            if let value = frames[position].value.member(key) {
                return value
            }
            position -= 1
        }
        return nil
    }

    private func error(
        _ code: TemplateError.Code,
        at location: SourceLocation,
        template: String,
        _ message: String
    ) -> TemplateError {
        TemplateError(code: code, template: template, line: location.line, column: location.column, message: message)
    }
}
