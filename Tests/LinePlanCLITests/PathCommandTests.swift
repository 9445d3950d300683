import Foundation
import TestSupport
import Testing

/// End-to-end: `lineplan path` on the demo network.
@Suite struct PathCommandTests {
    let network = "Topologies/wuhan/network.json"

    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try TestSupport.runLinePlan(arguments + ["--format", "json"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }

    @Test func givesTheBankHeadquartersADiversePairToTheGPRSVPNSwitch() throws {
        let answer = try json([
            "path", "--topology", network, "--from", "BLD-ABC-WUHAN", "--to", "GPRS-VPN-SW", "--bandwidth", "2M",
            "--diverse",
        ])
        let working = try #require(answer["working"] as? [String: Any])
        let protection = try #require(answer["protection"] as? [String: Any])
        let workingLinks = try #require(working["links"] as? [String])
        let protectionLinks = try #require(protection["links"] as? [String])
        #expect(Set(workingLinks).isDisjoint(with: protectionLinks))
        #expect((working["nodes"] as? [String])?.first == "BLD-ABC-WUHAN")
        #expect((working["nodes"] as? [String])?.last == "GPRS-VPN-SW")
        #expect(answer["blocked"] is NSNull)
    }

    @Test func explainsWhereABranchLineIsBlocked() throws {
        let answer = try json([
            "path", "--topology", network, "--from", "BLD-CORP-BR5", "--to", "BLD-CORP-HQ", "--bandwidth", "100M",
        ])
        #expect(answer["working"] is NSNull)
        let blocked = try #require(answer["blocked"] as? [String: Any])
        #expect(blocked["path"] as? String == "working")
        #expect(blocked["segment"] as? String == "access")
        #expect((blocked["reason"] as? String)?.hasPrefix("100M is blocked in the access segment: link '") == true)
        #expect((blocked["refusals"] as? [Any])?.isEmpty == false)
    }

    @Test func isByteStableAcrossRuns() throws {
        let arguments = [
            "path", "--topology", network, "--from", "BLD-OFFICE-PARK", "--to", "GPRS-VPN-SW", "--diverse",
            "--format", "json",
        ]
        let first = try TestSupport.runLinePlan(arguments)
        let second = try TestSupport.runLinePlan(arguments)
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
    }

    @Test func refusesUnknownNodesAndBadRates() throws {
        let unknown = try TestSupport.runLinePlan([
            "path", "--topology", network, "--from", "NOPE", "--to", "ALSO-NOPE",
        ])
        #expect(unknown.status == 65)
        #expect(
            unknown.standardError == """
                lineplan: unknown node 'NOPE' in --from (not in \(network))
                lineplan: unknown node 'ALSO-NOPE' in --to (not in \(network))

                """)
        let rate = try TestSupport.runLinePlan([
            "path", "--topology", network, "--from", "BLD-CORP-HQ", "--to", "BLD-CORP-BR1", "--bandwidth", "abc",
        ])
        #expect(rate.status == 64)
        #expect(
            rate.standardError.hasPrefix(
                "lineplan: invalid bandwidth 'abc'; write a rate such as 2M, 100M, 1G, 10G, STM-1, or a number of Mbit/s\n"
            ))
        let missing = try TestSupport.runLinePlan(["path", "--topology", network, "--from", "BLD-CORP-HQ"])
        #expect(missing.status == 64)
        #expect(missing.standardError.hasPrefix("lineplan: missing required option '--to NODE'\n"))
    }
}
