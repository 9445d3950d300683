/// One command or sub-command of `lineplan`, described once as a value.
///
/// Parsing, `--help` and `help CMD`, the usage line, "did you mean" and the refusals (a repeated
/// option, an option where a value belongs, an unknown name) all come from this description, so a
/// command's help cannot drift from what it accepts. A group (`topology`, `ledger`) has
/// ``subcommands`` and no ``run``; adding a sub-command is one more value in its list.
struct CommandSpec: Sendable {
    /// What a command does with its parsed arguments.
    typealias Action = @Sendable (CommandArguments) throws(CommandFailure) -> Void

    /// The words after `lineplan`, such as `["ledger", "list"]`.
    var path: [String]
    /// One line for the list of commands.
    var summary: String
    /// Positional arguments in order.
    var positionals: [PositionalSpec] = []
    /// Options and flags in the order the usage line shows them.
    var options: [OptionSpec] = []
    /// Groups of option names of which exactly one must be given, shown as `(--a A | --b B)`.
    var exclusiveGroups: [[String]] = []
    /// Paragraphs of help after the usage line and the summary.
    var discussion: String = ""
    /// Sub-commands of a group.
    var subcommands: [CommandSpec] = []
    /// The action of a command that is not a group.
    var run: Action?

    /// The command's name as typed, such as `lineplan ledger list`.
    var fullName: String { (["lineplan"] + path).joined(separator: " ") }

    /// The command's name without `lineplan`, such as `ledger list`, for messages.
    var name: String { path.joined(separator: " ") }

    /// The option with a name (without dashes), if the command has one.
    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    /// The sub-command with a name, if this is a group that has it.
    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.path.last == name }
    }

    /// Every command below this one that is not a group, depth first, in declaration order.
    var leaves: [CommandSpec] {
        subcommands.isEmpty ? [self] : subcommands.flatMap(\.leaves)
    }
}

/// An option of a command: `--name VALUE`, or a flag `--name`.
struct OptionSpec: Sendable {
    /// The name without dashes, such as `topology`.
    var name: String
    /// The value's placeholder in help, such as `FILE`; `nil` for a flag.
    var valueName: String?
    /// The values allowed, when there is a fixed set; shown as `a|b|c`.
    var choices: [String] = []
    /// Values accepted as another spelling of a choice (`text` for `table`), not shown in help.
    var aliases: [String: String] = [:]
    /// The value when the option is not given, shown in help.
    var defaultValue: String?
    /// Whether the command needs it.
    var isRequired = false
    /// What it is for, one or two short sentences.
    var help: String

    /// Whether the option is a flag (takes no value).
    var isFlag: Bool { valueName == nil }

    /// An option that takes a value.
    static func value(
        _ name: String, _ valueName: String, required: Bool = false, choices: [String] = [],
        aliases: [String: String] = [:], default defaultValue: String? = nil, help: String
    ) -> OptionSpec {
        OptionSpec(
            name: name, valueName: valueName, choices: choices, aliases: aliases, defaultValue: defaultValue,
            isRequired: required, help: help)
    }

    /// A flag: present or not.
    static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }

    /// The placeholder as the usage line shows it: the choices joined by `|`, else the value name.
    var placeholder: String {
        choices.isEmpty ? (valueName ?? "") : choices.joined(separator: "|")
    }

    /// `--name VALUE`, or `--name` for a flag.
    var synopsis: String {
        isFlag ? "--\(name)" : "--\(name) \(placeholder)"
    }
}

/// A positional argument of a command.
struct PositionalSpec: Sendable {
    /// The placeholder, such as `FILE` or `LINE`.
    var name: String
    /// What it is, for messages ("missing network file").
    var what: String
    /// Whether the command needs it.
    var isRequired = true
}
