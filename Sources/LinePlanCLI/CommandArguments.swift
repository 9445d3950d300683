/// A command's arguments, read strictly against its ``CommandSpec``.
///
/// `--name value` and `--name=value` are both accepted; `--` ends the options (what follows is
/// positional, even when it starts with `-`); `-` alone is a value (standard input). Refused, as
/// usage errors: an unknown name (with "did you mean"), a flag given a value, a missing value, a
/// value that looks like an option (`--out --commit`; write `--out=--commit` to mean it), an option
/// or flag given twice, a value outside the option's choices, a missing required option or
/// positional, and an extra positional.
struct CommandArguments {
    /// The command the arguments are for.
    let spec: CommandSpec
    private var options: [String: String] = [:]
    private var flags: Set<String> = []
    /// Positional arguments in order.
    private(set) var positionals: [String] = []

    /// The command's name for messages, such as "path" or "topology check".
    var command: String { spec.name }

    /// Reads `arguments` for a command.
    ///
    /// - Throws: A usage failure naming the first problem.
    init(_ arguments: [String], spec: CommandSpec) throws(CommandFailure) {
        self.spec = spec
        let command = spec.name
        var index = 0
        var endOfOptions = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if endOfOptions || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                endOfOptions = true
                continue
            }
            guard argument.hasPrefix("--") else {
                let hint = spec.option(named: String(argument.dropFirst())).map { "; did you mean '--\($0.name)'?" }
                throw .usage(
                    "unknown option '\(argument)' for '\(spec.fullName)'\(hint ?? Self.suggestion(argument, spec))",
                    command: command)
            }
            var name = String(argument.dropFirst(2))
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = spec.option(named: name) else {
                throw .usage(
                    "unknown option '--\(name)' for '\(spec.fullName)'\(Self.suggestion("--\(name)", spec))",
                    command: command)
            }
            if option.isFlag {
                guard inline == nil else { throw .usage("option '--\(name)' takes no value", command: command) }
                guard flags.insert(name).inserted else {
                    throw .usage("option '--\(name)' is given twice", command: command)
                }
                continue
            }
            var value: String
            if let inline {
                value = inline
            } else {
                guard index < arguments.count else {
                    throw .usage("option '--\(name)' needs a value (\(option.placeholder))", command: command)
                }
                value = arguments[index]
                index += 1
                if value.count > 1, value.hasPrefix("-"), Double(value) == nil {
                    throw .usage(
                        "option '--\(name)' needs a value (\(option.placeholder)), but '\(value)' is an option;"
                            + " write --\(name)=\(value) if that is the value",
                        command: command)
                }
            }
            guard options[name] == nil else {
                throw .usage("option '--\(name)' is given twice", command: command)
            }
            if !option.choices.isEmpty {
                if let canonical = option.aliases[value] { value = canonical }
                guard option.choices.contains(value) else {
                    let near = Suggestion.nearest(to: value, among: option.choices).map { "; did you mean '\($0)'?" }
                    throw .usage(
                        "invalid value '\(value)' for '--\(name)'; expected one of "
                            + option.choices.joined(separator: ", ") + (near ?? ""),
                        command: command)
                }
            }
            options[name] = value
        }
        try checkComplete()
    }

    private func checkComplete() throws(CommandFailure) {
        if positionals.count > spec.positionals.count {
            throw .usage("unexpected argument '\(positionals[spec.positionals.count])'", command: command)
        }
        for (index, positional) in spec.positionals.enumerated() where positional.isRequired {
            guard index < positionals.count else {
                throw .usage("missing \(positional.what) (\(positional.name))", command: command)
            }
        }
        for option in spec.options where option.isRequired && options[option.name] == nil {
            throw .usage("missing required option '\(option.synopsis)'", command: command)
        }
        for group in spec.exclusiveGroups {
            let given = group.filter { options[$0] != nil || flags.contains($0) }
            let names = group.map { "--\($0)" }
            if given.isEmpty {
                let synopses = group.compactMap { spec.option(named: $0)?.synopsis }
                throw .usage("give \(synopses.joined(separator: " or "))", command: command)
            }
            if given.count > 1 {
                throw .usage("give \(names.joined(separator: " or ")), not both", command: command)
            }
        }
    }

    /// "; did you mean '--x'?" for the option name nearest to a misspelt one, or "".
    private static func suggestion(_ typed: String, _ spec: CommandSpec) -> String {
        let names = spec.options.map { "--\($0.name)" } + ["--help"]
        return Suggestion.nearest(to: typed, among: names).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The value of an option: as given, else its default, else `nil`.
    func value(_ name: String) -> String? { options[name] ?? spec.option(named: name)?.defaultValue }

    /// Whether an option was given on the command line (not just defaulted).
    func isGiven(_ name: String) -> Bool { options[name] != nil || flags.contains(name) }

    /// The value of a required option.
    func required(_ name: String) throws(CommandFailure) -> String {
        guard let value = value(name) else {
            throw .usage("missing required option '--\(name)'", command: command)
        }
        return value
    }

    /// Whether a flag is set.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An option's value among its choices (checked when parsing), else its default.
    func choice(_ name: String) -> String {
        value(name) ?? spec.option(named: name)?.choices.first ?? ""
    }

    /// The single positional argument, required.
    func onlyPositional(_ what: String) throws(CommandFailure) -> String {
        guard let first = positionals.first else {
            throw .usage("missing \(what)", command: command)
        }
        guard positionals.count == 1 else {
            throw .usage("unexpected argument '\(positionals[1])'", command: command)
        }
        return first
    }

    /// Fails when there are positional arguments.
    func expectNoPositionals() throws(CommandFailure) {
        if let first = positionals.first {
            throw .usage("unexpected argument '\(first)'", command: command)
        }
    }
}
