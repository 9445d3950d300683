import Foundation
import TestSupport
import Testing

/// End-to-end: `router check` weighs the handover's speed and bandwidth for every product.
@Suite struct HandoverCommandTests {
    func check(_ arguments: [String]) throws -> [String: Any] {
        let run = try TestSupport.runLinePlan(["router", "check", "--format", "json"] + arguments)
        #expect(run.status == 0, "\(run.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }

    @Test func replacesAnFERouterForA200MInternetLine() throws {
        let answer = try check([
            "--model", "Cisco 1841", "--product", "internet", "--interface", "GE", "--bandwidth", "200M",
        ])
        #expect(answer["verdict"] as? String == "replace")
        #expect(answer["bandwidth"] as? String == "200M")
        #expect(
            (answer["reasons"] as? [String])?.first == "no GE routed port for a GE handover (its routed ports are FE)")
        #expect(answer["replacement"] as? String == "Huawei AR1220")
        // The same router takes a 50M line on FE.
        let small = try check(["--model", "Cisco 1841", "--product", "internet", "--bandwidth", "50M"])
        #expect(small["verdict"] as? String == "ok")
    }

    @Test func findsNoCatalogRouterForA10GEHandover() throws {
        let answer = try check(["--model", "Huawei AR1220", "--product", "interconnect", "--interface", "10GE"])
        #expect(answer["interface"] as? String == "10GE")
        #expect(answer["verdict"] as? String == "replace")
        #expect(
            (answer["reasons"] as? [String])?.first
                == "no 10GE routed port for a 10GE handover (its routed ports are GE)")
        #expect(answer["replacement"] is NSNull)
        #expect(
            answer["recommendation"] as? String
                == "no catalog model with configuration templates can take this line; ask the support centre for a"
                + " router")
    }
}
