import Foundation
import TestSupport
import Testing

/// End-to-end: the cases issue 12 lists at its top, each on the built binary.
@Suite struct CommandLineCaseTests {
    private let network = "Topologies/wuhan/network.json"
    private let order = "Topologies/wuhan/orders/office-internet.json"

    @Test func planHelpListsEveryOption() throws {
        let run = try TestSupport.runLinePlan(["plan", "--help"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("Usage: lineplan plan --topology FILE --order FILE"))
        for option in ["--lang en|zh", "--templates DIR", "--holidays DIR", "--commit", "--out DIR"] {
            #expect(run.standardOutput.contains("\n  \(option) "), "plan --help lacks \(option)")
        }
        let usage = run.standardOutput.prefix { $0 != "\n" } + ""
        let wrapped = run.standardOutput.split(separator: "\n").prefix(3).joined()
        #expect(wrapped.contains("[--lang en|zh]") && wrapped.contains("[--holidays DIR]"), "\(usage)")
    }

    @Test func poolsHelpIsPoolsHelp() throws {
        let run = try TestSupport.runLinePlan(["pools", "--help"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("Usage: lineplan pools --topology FILE"))
        #expect(!run.standardOutput.contains("ledger reserve"))
    }

    @Test func helpCommandPrintsTheCommandsHelp() throws {
        let help = try TestSupport.runLinePlan(["help", "plan"])
        let flag = try TestSupport.runLinePlan(["plan", "-h"])
        #expect(help.status == 0)
        #expect(help.standardOutput == flag.standardOutput)
        #expect(help.standardOutput.hasPrefix("Usage: lineplan plan "))
        let sub = try TestSupport.runLinePlan(["help", "ledger", "list"])
        #expect(sub.standardOutput.hasPrefix("Usage: lineplan ledger list "))
        let typo = try TestSupport.runLinePlan(["help", "plna"])
        #expect(typo.status == 64)
        #expect(typo.standardError.hasPrefix("lineplan: unknown command 'plna'; did you mean 'plan'?\n"))
    }

    @Test func doubleDashEndsOptions() throws {
        let run = try TestSupport.runLinePlan(["topology", "check", "--", network])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("\(network): OK: "))
    }

    @Test func anOptionIsNeverTakenAsAFolder() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let run = try TestSupport.runLinePlan(
            [
                "plan", "--topology", TestSupport.path(network), "--order", TestSupport.path(order), "--ledger", ledger,
                "--out", "--commit",
            ],
            in: folder)
        #expect(run.status == 64)
        #expect(
            run.standardError.hasPrefix("lineplan: option '--out' needs a value (DIR), but '--commit' is an option"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("--commit").path))
        #expect(!FileManager.default.fileExists(atPath: ledger))
    }

    @Test func aRepeatedFlagIsRefused() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", order, "--ledger", ledger, "--commit", "--commit",
        ])
        #expect(run.status == 64)
        #expect(run.standardError.hasPrefix("lineplan: option '--commit' is given twice\n"))
        #expect(!FileManager.default.fileExists(atPath: ledger))
    }

    @Test func aMisspeltCommandGetsDidYouMean() throws {
        let run = try TestSupport.runLinePlan(["plna", "--topology", network])
        #expect(run.status == 64)
        #expect(
            run.standardError
                == "lineplan: unknown command 'plna'; did you mean 'plan'?\nRun 'lineplan --help' for usage.\n")
        let sub = try TestSupport.runLinePlan(["topology", "chek", network])
        #expect(sub.standardError.hasPrefix("lineplan: unknown subcommand 'topology chek'; did you mean 'check'?\n"))
    }

    @Test func anOrderComesFromAPipe() throws {
        let file = try TestSupport.runLinePlan(["plan", "--topology", network, "--order", order, "--format", "json"])
        let json = try TestSupport.runLinePlan(
            ["plan", "--topology", network, "--order", "-", "--format", "json"],
            input: Data(try TestSupport.bytes(order)))
        #expect(json.status == 0, "\(json.standardError)")
        #expect(json.standardOutput == file.standardOutput)
        let csvPath = "Topologies/wuhan/orders/branches-interconnect.csv"
        let csvFile = try TestSupport.runLinePlan(["plan", "--topology", network, "--order", csvPath])
        let csv = try TestSupport.runLinePlan(
            ["plan", "--topology", network, "--order", "-"], input: Data(try TestSupport.bytes(csvPath)))
        #expect(csv.status == 0, "\(csv.standardError)")
        #expect(csv.standardOutput == csvFile.standardOutput)
        let named = try TestSupport.runLinePlan(
            ["plan", "--topology", network, "--order", "-", "--order-format", "csv"],
            input: Data(try TestSupport.bytes(csvPath)))
        #expect(named.standardOutput == csvFile.standardOutput)
        let networkPipe = try TestSupport.runLinePlan(
            ["topology", "check", "-"], input: Data(try TestSupport.bytes(network)))
        #expect(networkPipe.status == 0)
        #expect(networkPipe.standardOutput.hasPrefix("<stdin>: OK: "))
        let bad = try TestSupport.runLinePlan(
            ["plan", "--topology", network, "--order", "-"], input: Data("{\"id\": 1}".utf8))
        #expect(bad.status == 65)
        #expect(bad.standardError.hasPrefix("<stdin>:1:"))
        let both = try TestSupport.runLinePlan(["plan", "--topology", "-", "--order", "-"], input: Data())
        #expect(both.status == 64)
    }

    @Test func generateNeedsAFileOrAnExplicitDash() throws {
        let run = try TestSupport.runLinePlan(["topology", "generate", "--scale", "city"])
        #expect(run.status == 64)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.hasPrefix("lineplan: missing required option '--out FILE'\n"))
    }

    @Test func aBinaryOutsideTheCheckoutFindsItsTemplates() throws {
        let prefix = try TestSupport.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("lineplan")
        try FileManager.default.copyItem(at: TestSupport.executable, to: copy)
        let share = prefix.appendingPathComponent("share/lineplan")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        let arguments = [
            "router", "check", "--model", "Cisco 1841", "--product", "apn", "--verbose",
        ]
        let bare = try TestSupport.runLinePlan(arguments, in: prefix, executable: copy)
        #expect(bare.status == 69)
        #expect(bare.standardError.contains("give --templates DIR"))
        try FileManager.default.copyItem(
            at: TestSupport.packageRoot.appendingPathComponent("Templates"),
            to: share.appendingPathComponent("Templates"))
        let installed = try TestSupport.runLinePlan(arguments, in: prefix, executable: copy)
        #expect(installed.status == 0, "\(installed.standardError)")
        #expect(
            installed.standardError.hasPrefix(
                "lineplan: templates from \(share.path)/Templates (installed beside the executable)\n"))
        let variable = try TestSupport.runLinePlan(
            arguments, in: prefix, environment: ["LINEPLAN_TEMPLATES": TestSupport.path("Templates")], executable: copy)
        #expect(
            variable.standardError.hasPrefix(
                "lineplan: templates from \(TestSupport.path("Templates")) ($LINEPLAN_TEMPLATES)\n"))
        let flag = try TestSupport.runLinePlan(
            arguments + ["--templates", TestSupport.path("Templates")], in: prefix,
            environment: ["LINEPLAN_TEMPLATES": "/no/such/folder"], executable: copy)
        #expect(flag.status == 0)
        #expect(
            flag.standardError.hasPrefix("lineplan: templates from \(TestSupport.path("Templates")) (--templates)\n"))
        try "0123456789abcdef0123456789abcdef01234567\n".write(
            to: share.appendingPathComponent("commit"), atomically: true, encoding: .utf8)
        let version = try TestSupport.runLinePlan(["--version"], in: prefix, executable: copy)
        #expect(
            version.standardOutput.hasPrefix("lineplan 0.1.0, commit 0123456789abcdef0123456789abcdef01234567 (from "))
    }

    @Test func tablesHaveHeadersAndFormats() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let commit = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", order, "--ledger", ledger, "--commit",
        ])
        #expect(commit.status == 0)
        let list = try TestSupport.runLinePlan(["ledger", "list", "--ledger", ledger])
        let lines = list.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("LINE") == true)
        #expect(lines.first?.contains("STATE") == true && lines.first?.contains("CUSTOMER") == true)
        #expect(lines.count == 2)
        let csv = try TestSupport.runLinePlan(["ledger", "list", "--ledger", ledger, "--format", "csv"])
        #expect(
            csv.standardOutput.hasPrefix(
                "LINE,STATE,HOLD UNTIL,CUSTOMER,PRODUCT,SITE\r\nWH-2026-1125-OFFICE/Office,reserved,"))
        let pools = try TestSupport.runLinePlan(["pools", "--topology", network, "--ledger", ledger])
        #expect(pools.standardOutput.hasPrefix("POOL "))
        #expect(pools.standardOutput.contains("USED %"))
        let poolsCSV = try TestSupport.runLinePlan([
            "pools", "--topology", network, "--ledger", ledger, "--format", "csv",
        ])
        #expect(
            poolsCSV.standardOutput.hasPrefix(
                "POOL,PURPOSE,REGION,PREFIX,BLOCKS,USED,FREE,USED %,NOTE\r\nWH-INTERCONNECT,interconnect,,10.250.0.0/16,"
            ))
        let old = try TestSupport.runLinePlan(["pools", "--topology", network, "--ledger", ledger, "--format", "text"])
        #expect(old.standardOutput == pools.standardOutput)
    }

    @Test func versionNamesTheCommitWhereKnown() throws {
        let run = try TestSupport.runLinePlan(["--version"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("lineplan 0.1.0, commit "))
    }
}

/// End-to-end: the progress bar never reaches a file or a pipe.
@Suite struct ProgressSilenceTests {
    @Test func aLongOrderDrawsNothingWhenStderrIsAFile() throws {
        var csv = "id,customer,product,request,received,name,building,bandwidth,interface\n"
        for index in 1...210 {
            csv += "WH-BIG,某公司,internet,new,2026-11-20,S\(index),BLD-OFFICE-PARK,2M,FE\n"
        }
        let run = try TestSupport.runLinePlan(
            ["plan", "--topology", "Topologies/wuhan/network.json", "--order", "-", "--format", "json"],
            input: Data(csv.utf8))
        #expect(run.status == 0, "\(run.standardError.prefix(500))")
        #expect(!run.standardError.contains("\r"))
        #expect(!run.standardError.contains("\u{1B}"))
    }
}
