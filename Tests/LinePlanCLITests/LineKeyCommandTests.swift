import Foundation
import TestSupport
import Testing

/// End-to-end: an order id or a site name with '/' is refused, so order `WH-1/Office` site `X` and order
/// `WH-1` site `Office/X` can never share the ledger line `WH-1/Office/X` (issue 18's first case).
@Suite struct LineKeyCommandTests {
    func order(id: String, site: String) -> String {
        """
        {"id": "\(id)", "customer": "某公司", "product": "internet", "request": "new", "received": "2026-12-01",
         "sites": [{"name": "\(site)", "building": "BLD-OFFICE-PARK", "bandwidth": "20M", "interface": "FE",
                    "router": "Cisco 1841", "lan": "/28"}]}
        """
    }

    @Test func refusesTheSeparatorInAnOrderIdAndASiteName() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let cases = [
            (
                order(id: "WH-1/Office", site: "X"),
                "a.json:1:8: error: invalid order id 'WH-1/Office': must not contain '/': the ledger keys a line as"
                    + " ORDER-ID/SITE-NAME, so two customers' lines could take one key (id)"
            ),
            (
                order(id: "WH-1", site: "Office/X"),
                "a.json:2:21: error: invalid site name 'Office/X': must not contain '/': the ledger keys a line as"
                    + " ORDER-ID/SITE-NAME, so two customers' lines could take one key (sites[0].name)"
            ),
        ]
        for (text, message) in cases {
            let file = folder.appendingPathComponent("a.json")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let run = try TestSupport.runLinePlan([
                "plan", "--topology", TestSupport.path("Topologies/wuhan/network.json"), "--order", file.path,
                "--ledger", ledger, "--commit",
            ])
            #expect(run.status == 65)
            #expect(run.standardError.contains(message), "\(run.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: ledger))
    }
}

/// End-to-end: a ledger cut short by a few bytes is refused before any write, and left as it was.
@Suite struct DamagedLedgerCommandTests {
    @Test func refusesToCommitToALedgerCutShort() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        let network = TestSupport.path("Topologies/wuhan/network.json")
        func commit(_ order: String) throws -> TestSupport.Run {
            try TestSupport.runLinePlan([
                "plan", "--topology", network, "--order", TestSupport.path("Topologies/wuhan/orders/\(order)"),
                "--ledger", ledger, "--commit",
            ])
        }
        #expect(try commit("bank-apn.json").status == 0)
        // Fold the write-ahead log in, then cut the last 100 bytes off the file.
        _ = try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: ledger))
        try bytes.dropLast(100).write(to: URL(fileURLWithPath: ledger))
        try? FileManager.default.removeItem(atPath: ledger + "-wal")
        try? FileManager.default.removeItem(atPath: ledger + "-shm")
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        let run = try commit("office-internet.json")
        #expect(run.status == 65)
        #expect(
            run.standardError
                == "lineplan: \(ledger): the ledger file is damaged (the file is \(before.count) bytes, not a whole number"
                + " of 4096-byte pages); nothing was changed: restore it from a backup\n", "\(run.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
    }
}
