import Foundation
import TestSupport
import Testing

/// End-to-end: a `modify` or `cease` of an order the ledger does not know is refused, not answered.
@Suite struct UnknownOrderCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    @Test func refusesToCeaseAnOrderTheLedgerDoesNotKnow() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let bank = TestSupport.path("Topologies/wuhan/orders/bank-apn.json")
        let commit = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", bank, "--ledger", ledger, "--commit",
        ])
        #expect(commit.status == 0, "\(commit.standardError)")
        // A cease that misspells the order id: refused at the request, naming the nearest order held.
        let text = try String(contentsOfFile: bank, encoding: .utf8)
            .replacingOccurrences(of: "WH-2026-0930-ABC", with: "WH-2026-0930-ABD")
            .replacingOccurrences(of: "\"request\": \"new\"", with: "\"request\": \"cease\"")
        let order = folder.appendingPathComponent("cease.json")
        try text.write(to: order, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        for extra in [[], ["--commit"]] {
            let run = try TestSupport.runLinePlan(
                ["plan", "--topology", network, "--order", order.path, "--ledger", ledger] + extra)
            #expect(run.status == 65)
            #expect(
                run.standardError.contains(
                    "cease.json:6:14: error: the ledger has no line of order 'WH-2026-0930-ABD' to cease; the nearest"
                        + " orders it holds: WH-2026-0930-ABC (request)"), "\(run.standardError)")
            #expect(run.standardOutput.isEmpty)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
        let list = try TestSupport.runLinePlan(["ledger", "list", "--ledger", ledger])
        #expect(list.standardOutput.contains("WH-2026-0930-ABC/HQ"))
        #expect(list.standardOutput.contains("reserved"))
    }
}

/// End-to-end: a commit answers what the dry run answers, even when a pool has no room left.
@Suite struct ExhaustedPoolCommandTests {
    @Test func answersACoreBuildAndHoldsNothingWhenThePoolIsFull() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        // The interconnect pool is one /30: the bank's APN line takes it.
        let network = folder.appendingPathComponent("network.json")
        let text = try String(contentsOfFile: TestSupport.path("Topologies/wuhan/network.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"prefix\": \"10.250.0.0/16\"", with: "\"prefix\": \"10.250.0.0/30\"")
        try text.write(to: network, atomically: true, encoding: .utf8)
        let ledger = folder.appendingPathComponent("l.sqlite").path
        func plan(_ order: String, _ extra: [String] = []) throws -> TestSupport.Run {
            try TestSupport.runLinePlan(
                [
                    "plan", "--topology", network.path, "--order", TestSupport.path("Topologies/wuhan/orders/\(order)"),
                    "--ledger", ledger, "--format", "json",
                ] + extra)
        }
        #expect(try plan("bank-apn.json", ["--commit"]).status == 0)
        let dry = try plan("power-apn-e1.json")
        let committed = try plan("power-apn-e1.json", ["--commit"])
        #expect(dry.status == 0)
        #expect(committed.status == 0, "\(committed.standardError)")
        #expect(committed.standardOutput == dry.standardOutput)
        #expect(committed.standardOutput.contains("\"outcome\": \"core-build\""))
        #expect(committed.standardOutput.contains("pool WH-INTERCONNECT (10.250.0.0/30) cannot give 1 /30"))
        let show = try TestSupport.runLinePlan(["ledger", "show", "WH-2026-1203-POWER/Office", "--ledger", ledger])
        #expect(show.standardOutput.hasPrefix("WH-2026-1203-POWER/Office: designed"), "\(show.standardOutput)")
        #expect(!show.standardOutput.contains("address "))
        #expect(try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger]).status == 0)
    }
}
