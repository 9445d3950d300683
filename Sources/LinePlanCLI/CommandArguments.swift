/// A command's arguments: options with values, flags, and positional arguments, read strictly.
struct CommandArguments {
    /// The command's name for messages, such as "path" or "topology check".
    let command: String
    private var options: [String: String] = [:]
    private var flags: Set<String> = []
    /// Positional arguments in order.
    private(set) var positionals: [String] = []

    /// Reads `arguments` knowing which names take a value and which are flags.
    ///
    /// `--name value` and `--name=value` are both accepted; an unknown name, a missing value or
    /// a repeated option is a usage error.
    init(_ arguments: [String], command: String, options valued: Set<String>, flags known: Set<String>)
        throws(CommandFailure)
    {
        self.command = command
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                if argument.hasPrefix("-"), argument.count > 1 {
                    throw .usage("unknown option '\(argument)' for 'lineplan \(command)'", command: command)
                }
                positionals.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if known.contains(name) {
                guard value == nil else {
                    throw .usage("option '--\(name)' takes no value", command: command)
                }
                flags.insert(name)
                continue
            }
            guard valued.contains(name) else {
                throw .usage("unknown option '--\(name)' for 'lineplan \(command)'", command: command)
            }
            if value == nil {
                guard index < arguments.count else {
                    throw .usage("option '--\(name)' needs a value", command: command)
                }
                value = arguments[index]
                index += 1
            }
            guard options[name] == nil else {
                throw .usage("option '--\(name)' is given twice", command: command)
            }
            options[name] = value
        }
    }

    /// The value of an option, if given.
    func value(_ name: String) -> String? { options[name] }

    /// The value of a required option.
    func required(_ name: String) throws(CommandFailure) -> String {
        guard let value = options[name] else {
            throw .usage("missing required option '--\(name)'", command: command)
        }
        return value
    }

    /// Whether a flag is set.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An option's value that must be one of a fixed set.
    func choice(_ name: String, from allowed: [String], default fallback: String) throws(CommandFailure) -> String {
        guard let value = options[name] else { return fallback }
        guard allowed.contains(value) else {
            throw .usage(
                "invalid value '\(value)' for '--\(name)'; expected one of \(allowed.joined(separator: ", "))",
                command: command)
        }
        return value
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
