import Foundation
import TestSupport
import Testing

@testable import LinePlanCLI

/// In process: the declarative commands, their parsing, help and usage lines.
@Suite struct CommandParserTests {
    private func parse(_ arguments: [String], _ spec: CommandSpec = PlanCommand.spec) throws(CommandFailure)
        -> CommandArguments
    {
        try CommandArguments(arguments, spec: spec)
    }

    private func failure(_ arguments: [String], _ spec: CommandSpec = PlanCommand.spec) -> String {
        do {
            _ = try parse(arguments, spec)
            return "parsed"
        } catch {
            #expect(error.code == .usage)
            return error.lines.first ?? ""
        }
    }

    private let planBase = ["--topology", "n.json", "--order", "o.json"]

    @Test func readsEqualsValuesAndDefaults() throws {
        let parsed = try parse(["--topology=n.json", "--order=o.json", "--format=json", "--commit"])
        #expect(parsed.value("topology") == "n.json")
        #expect(parsed.value("order") == "o.json")
        #expect(parsed.choice("format") == "json")
        #expect(parsed.choice("lang") == "en")
        #expect(parsed.flag("commit"))
        #expect(!parsed.flag("verbose"))
        #expect(parsed.isGiven("format") && !parsed.isGiven("lang"))
        let empty = try parse(["--topology=n.json", "--order="])
        #expect(empty.value("order") == "")
    }

    @Test func doubleDashEndsTheOptions() throws {
        let parsed = try parse(["--format", "json", "--", "-odd.json"], TopologyCommand.checkSpec)
        #expect(parsed.positionals == ["-odd.json"])
        #expect(try parsed.onlyPositional("network file") == "-odd.json")
        let dash = try parse(["-"], TopologyCommand.checkSpec)
        #expect(dash.positionals == ["-"])
        #expect(failure(["--", "--format", "json"], TopologyCommand.checkSpec).contains("unexpected argument 'json'"))
    }

    @Test func refusesRepeatsOfOptionsAndFlags() {
        #expect(
            failure(planBase + ["--format", "json", "--format=text"]) == "lineplan: option '--format' is given twice")
        #expect(failure(planBase + ["--commit", "--commit"]) == "lineplan: option '--commit' is given twice")
    }

    @Test func refusesAnOptionWhereAValueBelongs() throws {
        #expect(
            failure(planBase + ["--out", "--commit"])
                == "lineplan: option '--out' needs a value (DIR), but '--commit' is an option;"
                + " write --out=--commit if that is the value")
        let meant = try parse(planBase + ["--out=--commit"])
        #expect(meant.value("out") == "--commit" && !meant.flag("commit"))
        #expect(failure(planBase + ["--out"]) == "lineplan: option '--out' needs a value (DIR)")
        #expect(try parse(planBase + ["--out", "-"]).value("out") == "-")
        #expect(failure(planBase + ["--commit=yes"]) == "lineplan: option '--commit' takes no value")
    }

    @Test func refusesUnknownsWithDidYouMean() throws {
        #expect(
            failure(planBase + ["--comit"])
                == "lineplan: unknown option '--comit' for 'lineplan plan'; did you mean '--commit'?")
        #expect(failure(planBase + ["-commit"]).hasSuffix("did you mean '--commit'?"))
        #expect(failure(planBase + ["--colour"]) == "lineplan: unknown option '--colour' for 'lineplan plan'")
        #expect(
            failure(planBase + ["--format", "jsn"])
                == "lineplan: invalid value 'jsn' for '--format'; expected one of text, json; did you mean 'json'?")
        #expect(failure(["--order", "o.json"]) == "lineplan: missing required option '--topology FILE'")
        #expect(
            failure([], TopologyCommand.checkSpec) == "lineplan: missing network file ('-' for standard input) (FILE)")
        #expect(throws: CommandFailure.self) { try LinePlanCommand.resolve(["plna"]) }
        do {
            _ = try LinePlanCommand.resolve(["ledger", "lst"])
        } catch {
            #expect(
                error.lines == [
                    "lineplan: unknown subcommand 'ledger lst'; did you mean 'list'?",
                    "Run 'lineplan ledger --help' for usage.",
                ])
        }
        let (spec, rest) = try LinePlanCommand.resolve(["ledger", "list", "--format", "csv"])
        #expect(spec.name == "ledger list" && rest == ["--format", "csv"])
    }

    @Test func choicesTakeTheirAliases() throws {
        let parsed = try parse(["--format", "text"], LedgerCommand.poolsSpec.withRequired(false))
        #expect(parsed.choice("format") == "table")
    }

    @Test func exclusiveGroupsNeedExactlyOne() {
        let spec = RouterCommand.checkSpec
        #expect(failure(["--product", "apn"], spec) == "lineplan: give --model NAME or --version-file FILE")
        #expect(
            failure(["--product", "apn", "--model", "x", "--version-file", "y"], spec)
                == "lineplan: give --model or --version-file, not both")
    }

    @Test func everyCommandHasItsOwnHelp() {
        let leaves = LinePlanCommand.root.leaves
        #expect(leaves.count >= 16)
        var seen: Set<String> = []
        for leaf in leaves {
            let help = leaf.helpText
            #expect(help.hasPrefix("Usage: \(leaf.fullName)"), "\(leaf.name)")
            #expect(seen.insert(help).inserted, "\(leaf.name) shares its help")
            for option in leaf.options {
                #expect(help.contains("  \(option.synopsis)"), "\(leaf.name) --\(option.name)")
            }
            #expect(help.contains("-h, --help"))
            #expect(leaf.run != nil)
        }
        for group in LinePlanCommand.root.subcommands where !group.subcommands.isEmpty {
            for leaf in group.subcommands {
                #expect(group.helpText.contains("  \(leaf.fullName) "), "\(group.name) lists \(leaf.name)")
            }
        }
    }

    @Test func helpLinesStayWithinTheWidth() {
        for spec in LinePlanCommand.root.leaves + LinePlanCommand.root.subcommands {
            for line in spec.helpText.split(separator: "\n") where TextTable.displayWidth(String(line)) > 104 {
                Issue.record("\(spec.name): a help line of \(line.count) characters: \(line)")
            }
        }
    }

    /// README's synopsis headings and the commands' usage lines say the same thing.
    @Test func readmeAgreesWithTheHelp() throws {
        let readme = String(decoding: try TestSupport.bytes("README.md"), as: UTF8.self)
        let usages = Set(LinePlanCommand.root.leaves.flatMap(\.usageLines))
        for usage in usages.sorted() {
            #expect(readme.contains(usage), "README lacks the synopsis: \(usage)")
        }
        for line in readme.split(separator: "\n") where line.hasPrefix("### `lineplan ") {
            let synopsis = line.dropFirst("### `".count).prefix { $0 != "`" }
            #expect(usages.contains(String(synopsis)), "README's heading is no command's usage: \(synopsis)")
        }
    }

    @Test func suggestsNearNamesOnly() {
        #expect(Suggestion.nearest(to: "plna", among: ["plan", "path"]) == "plan")
        #expect(Suggestion.nearest(to: "plot", among: ["plan", "path", "pools"]) == nil)
        #expect(Suggestion.nearest(to: "--topolgy", among: ["--topology", "--order"]) == "--topology")
        #expect(Suggestion.editDistance("ab", "ba") == 1)
    }

    @Test func tablesAlignWideTextAndQuoteCSV() {
        let table = TextTable(header: ["ID", "NAME"], rows: [["A", "某银行"], ["BB", "x,\"y\""]])
        #expect(table.aligned == "ID  NAME\nA   某银行\nBB  x,\"y\"\n")
        #expect(table.csv == "ID,NAME\r\nA,某银行\r\nBB,\"x,\"\"y\"\"\"\r\n")
    }

    @Test func progressLineShowsCountRateAndTimeLeft() {
        let line = Progress.line(done: 100, total: 400, unit: "sites", elapsed: 2)
        #expect(line == "\r[######------------------] 100/400 sites, 50/s, 6 s left\u{1B}[K")
    }
}

extension CommandSpec {
    /// The same command with every option optional, to test one option alone.
    fileprivate func withRequired(_ required: Bool) -> CommandSpec {
        var copy = self
        copy.options = options.map { option in
            var changed = option
            changed.isRequired = required && option.isRequired
            return changed
        }
        return copy
    }
}
