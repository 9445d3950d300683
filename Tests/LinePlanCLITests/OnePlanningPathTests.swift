import Foundation
import TestSupport
import Testing

/// End-to-end: a dry run and a commit plan the same way, and `--commit --out` is all or nothing.
@Suite struct OnePlanningPathTests {
    private let network = "Topologies/wuhan/network.json"

    static let demoOrders: [String] = {
        let folder = TestSupport.packageRoot.appendingPathComponent("Topologies/wuhan/orders")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }.sorted()
            .map { "Topologies/wuhan/orders/\($0)" }
    }()

    private func plan(_ order: String, ledger: String, commit: Bool) throws -> TestSupport.Run {
        try TestSupport.runLinePlan(
            ["plan", "--topology", network, "--order", order, "--ledger", ledger, "--format", "json"]
                + (commit ? ["--commit"] : []))
    }

    /// On an empty ledger and again on one that holds the order, the dry run's plan.json is the
    /// committed one, byte for byte.
    @Test(arguments: demoOrders) func dryRunEqualsCommit(order: String) throws {
        #expect(Self.demoOrders.count >= 9)
        let folder = try TestSupport.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("l.sqlite").path
        for round in 1...2 {
            let dry = try plan(order, ledger: ledger, commit: false)
            let committed = try plan(order, ledger: ledger, commit: true)
            #expect(
                dry.status == 0 && committed.status == 0, "\(order): \(dry.standardError)\(committed.standardError)")
            #expect(!dry.standardOutput.isEmpty)
            #expect(dry.standardOutput == committed.standardOutput, "\(order), round \(round)")
        }
    }

    private func lines(_ ledger: String) throws -> String {
        try TestSupport.runLinePlan(["ledger", "list", "--ledger", ledger, "--format", "csv"]).standardOutput
    }

    /// A folder's entries, sorted, without the ledger's journal files.
    private func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("l.sqlite-") }.sorted()
    }

    @Test func aRefusedBundleFolderLeavesNoHolds() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "mine\n".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", "Topologies/wuhan/orders/bank-apn.json", "--ledger", ledger,
            "--commit", "--out", out.path,
        ])
        #expect(run.status == 65)
        #expect(run.standardError.contains("which LinePlan did not write"))
        #expect(try lines(ledger) == "LINE,STATE,HOLD UNTIL,CUSTOMER,PRODUCT,SITE\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["notes.txt"])
        #expect(try entries(folder) == ["l.sqlite", "out"])
    }

    @Test func anUnwritableBundleLeavesNoHoldsAndSaysWhyInPlainWords() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let blocker = folder.appendingPathComponent("file")
        try "x\n".write(to: blocker, atomically: true, encoding: .utf8)
        let out = blocker.appendingPathComponent("out").path
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", "Topologies/wuhan/orders/bank-apn.json", "--ledger", ledger,
            "--commit", "--out", out,
        ])
        #expect(run.status == 1)
        #expect(run.standardError.contains("\(blocker.path): error: cannot create the folder: "))
        #expect(!run.standardError.contains("NSCocoaErrorDomain"))
        #expect(try lines(ledger) == "LINE,STATE,HOLD UNTIL,CUSTOMER,PRODUCT,SITE\r\n")
        #expect(try entries(folder) == ["file", "l.sqlite"])
    }

    @Test func aCommittedBundleArrivesWithItsHolds() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let out = folder.appendingPathComponent("new/out")
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", "Topologies/wuhan/orders/bank-apn.json", "--ledger", ledger,
            "--commit", "--out", out.path, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let written = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(written == run.standardOutput)
        #expect(try lines(ledger).contains("WH-2026-0930-ABC/HQ,reserved,"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("new").path) == ["out"])
    }
}
