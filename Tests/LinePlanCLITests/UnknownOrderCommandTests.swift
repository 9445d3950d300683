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
