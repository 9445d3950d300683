/// Usage lines and help text, made from a command's description.
extension CommandSpec {
    /// The width help text is wrapped to.
    static let helpWidth = 100

    /// The usage line on one line, as README shows it: `lineplan plan --topology FILE … [--commit]`.
    ///
    /// For a group, one line per sub-command.
    var usageLines: [String] {
        guard subcommands.isEmpty else { return subcommands.flatMap(\.usageLines) }
        return [([fullName] + usageWords).joined(separator: " ")]
    }

    /// The words after the command's name: positionals, then options in order, optional ones in brackets.
    var usageWords: [String] {
        var words = positionals.map { $0.isRequired ? $0.name : "[\($0.name)]" }
        var shownGroups: Set<Int> = []
        for option in options {
            if let group = exclusiveGroups.firstIndex(where: { $0.contains(option.name) }) {
                guard shownGroups.insert(group).inserted else { continue }
                let members = exclusiveGroups[group].compactMap { self.option(named: $0)?.synopsis }
                words.append("(\(members.joined(separator: " | ")))")
            } else {
                words.append(option.isRequired ? option.synopsis : "[\(option.synopsis)]")
            }
        }
        return words
    }

    /// The full help: usage, summary, discussion, and the options or sub-commands.
    var helpText: String {
        var text = ""
        if subcommands.isEmpty {
            text += Self.wrapped(words: usageWords, first: "Usage: \(fullName) ")
        } else {
            text += "Usage:\n"
            for leaf in leaves {
                text += Self.wrapped(words: leaf.usageWords, first: "  \(leaf.fullName) ")
            }
        }
        text += "\n" + Self.wrap(summary, indent: "") + "\n"
        if !discussion.isEmpty {
            text += discussion.hasSuffix("\n") ? discussion : discussion + "\n"
        }
        if !subcommands.isEmpty {
            text += "\nCommands:\n"
            text += Self.table(subcommands.map { ($0.path.last ?? "", $0.summary) })
            text += "\nRun '\(fullName) <command> --help' for a command's options.\n"
            return text
        }
        var rows = positionals.map { ($0.name, $0.what.prefix(1).uppercased() + $0.what.dropFirst() + ".") }
        rows += options.map { option in
            var help = option.help
            if option.isRequired { help += " Required." }
            if let value = option.defaultValue { help += " Default: \(value)." }
            return (option.synopsis, help)
        }
        rows.append(("-h, --help", "Show this help."))
        text += "\nOptions:\n" + Self.table(rows)
        return text
    }

    /// Words wrapped after a first-line prefix, continuation lines indented to line up after it.
    static func wrapped(words: [String], first: String) -> String {
        let indent = String(repeating: " ", count: first.count)
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in words {
            if lineHasWord, line.count + 1 + word.count > helpWidth {
                lines.append(line)
                line = indent + word
            } else {
                line += (lineHasWord ? " " : "") + word
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
    }

    /// Text wrapped at ``helpWidth`` with every line after an indent.
    static func wrap(_ text: String, indent: String, firstLine: String? = nil) -> String {
        var lines: [String] = []
        var line = firstLine ?? indent
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord, line.count + 1 + word.count > helpWidth {
                lines.append(line)
                line = indent + word
            } else {
                line += (lineHasWord ? " " : "") + word
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// Two columns: a name, then its text wrapped beside it.
    static func table(_ rows: [(String, String)]) -> String {
        let width = min(26, (rows.map(\.0.count).max() ?? 0) + 2)
        var text = ""
        for (name, help) in rows {
            let head = "  " + name
            let indent = String(repeating: " ", count: width + 2)
            if head.count + 1 > width + 2 {
                text += head + "\n" + wrap(help, indent: indent) + "\n"
            } else {
                text += wrap(help, indent: indent, firstLine: head.padding(to: width + 2)) + "\n"
            }
        }
        return text
    }
}

extension String {
    /// The text with trailing spaces removed.
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The text padded with spaces to a count of characters.
    func padding(to count: Int) -> String {
        self.count >= count ? self : self + String(repeating: " ", count: count - self.count)
    }
}
