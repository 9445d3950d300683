import Foundation
import TestSupport
import Testing

/// End-to-end: a commit never takes over a line of another order, and a read-only ledger still
/// answers reading commands (issue 18).
@Suite struct LedgerSafetyCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    func order(id: String, site: String) -> String {
        """
        {"id": "\(id)", "customer": "某公司", "product": "internet", "request": "new", "received": "2026-12-01",
         "sites": [{"name": "\(site)", "building": "BLD-OFFICE-PARK", "bandwidth": "20M", "interface": "FE",
                    "router": "Cisco 1841", "lan": "/28"}]}
        """
    }

    @Test func refusesACommitThatWouldTakeOverALineOfAnotherOrder() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledger = folder.appendingPathComponent("l.sqlite").path
        // A line reserved by hand as 'WH-9/Office' belongs to order 'WH-9/Office'.
        let reserve = try TestSupport.runLinePlan([
            "ledger", "reserve", "--topology", network, "--line", "WH-9/Office", "--pool", "WH-INTERCONNECT",
            "--ledger", ledger,
        ])
        #expect(reserve.status == 0, "\(reserve.standardError)")
        let file = folder.appendingPathComponent("order.json")
        try order(id: "WH-9", site: "Office").write(to: file, atomically: true, encoding: .utf8)
        let before = try TestSupport.runLinePlan(["ledger", "show", "WH-9/Office", "--ledger", ledger])
        let run = try TestSupport.runLinePlan([
            "plan", "--topology", network, "--order", file.path, "--ledger", ledger, "--commit",
        ])
        #expect(run.status == 65)
        #expect(
            run.standardError
                == "lineplan: \(ledger): line 'WH-9/Office' belongs to order 'WH-9/Office' site 'WH-9/Office', not to "
                + "order 'WH-9' site 'Office'; nothing was committed\n")
        let after = try TestSupport.runLinePlan(["ledger", "show", "WH-9/Office", "--ledger", ledger])
        #expect(after.standardOutput == before.standardOutput)
        #expect(after.standardOutput.contains("address 10.250.0.0/30 from WH-INTERCONNECT"))
        let verify = try TestSupport.runLinePlan(["ledger", "verify", "--ledger", ledger])
        #expect(verify.status == 0)
    }

    /// Runs `lineplan` as a user that cannot write the ledger: `nobody` when the tests run as root
    /// (root writes whatever the permissions say).
    func runWithoutWriteAccess(_ arguments: [String], in folder: URL) throws -> TestSupport.Run {
        guard getuid() == 0 else { return try TestSupport.runLinePlan(arguments, in: folder) }
        return try TestSupport.runLinePlan(
            ["--reuid=65534", "--regid=65534", "--clear-groups", "--", TestSupport.executable.path] + arguments,
            in: folder, executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
    }

    @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func readsAReadOnlyLedgerAndRefusesToWriteItWithExit65() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let ledgerFolder = folder.appendingPathComponent("ledger")
        try FileManager.default.createDirectory(at: ledgerFolder, withIntermediateDirectories: true)
        let ledger = ledgerFolder.appendingPathComponent("l.sqlite").path
        let reserve = try TestSupport.runLinePlan([
            "ledger", "reserve", "--topology", network, "--line", "T1", "--pool", "WH-INTERCONNECT", "--ledger", ledger,
        ])
        #expect(reserve.status == 0)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: out.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: ledger)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: ledgerFolder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ledgerFolder.path) }
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        let list = try runWithoutWriteAccess(["ledger", "list", "--ledger", ledger], in: out)
        #expect(list.status == 0, "\(list.standardError)")
        #expect(list.standardOutput.split(separator: "\n").dropFirst().first?.hasPrefix("T1    reserved") == true)
        let verify = try runWithoutWriteAccess(["ledger", "verify", "--ledger", ledger], in: out)
        #expect(verify.status == 0, "\(verify.standardError)")
        let export = try runWithoutWriteAccess(["ledger", "export", "--ledger", ledger, "--out", out.path], in: out)
        #expect(export.status == 0, "\(export.standardError)")
        let pools = try runWithoutWriteAccess(["pools", "--topology", network, "--ledger", ledger], in: out)
        #expect(pools.status == 0, "\(pools.standardError)")
        #expect(
            pools.standardOutput.split(separator: "\n").contains {
                $0.hasPrefix("WH-INTERCONNECT") && $0.contains("interconnect") && $0.contains("10.250.0.0/16")
            })
        let write = try runWithoutWriteAccess(
            [
                "ledger", "reserve", "--topology", network, "--line", "T2", "--pool", "WH-INTERCONNECT", "--ledger",
                ledger,
            ],
            in: out)
        #expect(write.status == 65)
        #expect(
            write.standardError
                == "lineplan: \(ledger): the ledger file is read-only for this user; reading commands work on a "
                + "read-only ledger, writing ones need write access to the file and its folder\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: ledgerFolder.path) == ["l.sqlite"])
    }

    @Test func refusesAMissingLedgerWithExit65() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let missing = folder.appendingPathComponent("none/l.sqlite").path
        let list = try TestSupport.runLinePlan(["ledger", "list", "--ledger", missing])
        #expect(list.status == 65)
        #expect(list.standardError == "lineplan: \(missing): no ledger here yet (nothing has been committed)\n")
        let reserve = try TestSupport.runLinePlan([
            "ledger", "reserve", "--topology", network, "--line", "T1", "--pool", "WH-INTERCONNECT", "--ledger",
            missing,
        ])
        #expect(reserve.status == 65)
        #expect(reserve.standardError.hasPrefix("lineplan: \(missing): the folder "))
    }
}
