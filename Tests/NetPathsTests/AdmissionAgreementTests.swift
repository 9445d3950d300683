import NetGraph
import NetPaths
import Testing

/// The path search's precompiled spares stay those of the links they stand for: on every link of a
/// generated city, for lines from 2M to 10G, before and after the graph reserves capacity, a link
/// admits a line exactly when it gives no refusal (both ask ``LinkSpare/admits(_:)``; this checks
/// that ``RoutingGraph/reserve(_:on:)`` keeps the graph's copy in step).
@Suite struct AdmissionAgreementTests {
    static let bandwidths: [Bandwidth] = [
        .megabits(2), .megabits(10), .megabits(100), .megabits(155), .megabits(600), .megabits(1000),
        .megabits(2500), .megabits(10_000),
    ]

    @Test func searchAndRefusalAgreeOnEveryLink() {
        let network = SyntheticNetwork(scale: .city, seed: 11).generate()
        var graph = RoutingGraph(network: network)
        var checked = 0
        for round in 0..<2 {
            for link in graph.links.indices {
                for bandwidth in Self.bandwidths {
                    let refusal = graph.links[link].refusal(of: bandwidth, policy: network.policy)
                    #expect(
                        graph.admits(bandwidth, on: link) == (refusal == nil),
                        "link \(graph.links[link].id), \(bandwidth), round \(round): \(refusal?.description ?? "admits")"
                    )
                    checked += 1
                }
            }
            // Take capacity everywhere something fits, then check again.
            for link in graph.links.indices where graph.admits(.megabits(600), on: link) {
                graph.reserve(.megabits(600), on: link)
            }
        }
        #expect(checked == 2 * network.links.count * Self.bandwidths.count)
    }
}
