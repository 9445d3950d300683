import NetGraph
import Testing

/// Issue 12: loading a network tells its progress, node by node and link by link, ending at the total.
@Suite struct NetworkLoadProgressTests {
    @Test func reportsEachNodeAndLinkThenTheTotal() throws {
        let text = """
            {"name": "n", "nodes": [{"id": "A", "kind": "ptn", "location": [0, 0]},
                                    {"id": "B", "kind": "ptn", "location": [1, 0]}],
             "links": [{"id": "L", "a": "A", "b": "B", "rate": "1G", "km": 1, "segment": "access", "technology": "ptn"}]}
            """
        var calls: [[Int]] = []
        _ = try Network.load(name: "net.json", bytes: Array(text.utf8)) { done, total in calls.append([done, total]) }
        #expect(calls == [[0, 3], [1, 3], [2, 3], [3, 3]])
    }
}
