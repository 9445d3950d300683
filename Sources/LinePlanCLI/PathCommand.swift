import LocatedJSON
import NetGraph
import NetPaths

/// `lineplan path`.
enum PathCommand {
    static let help = """
        Usage:
          lineplan path --topology FILE --from NODE --to NODE [--bandwidth RATE] [--diverse]
                        [--node-disjoint] [--cost km|hops|admin] [--avoid NODE,...] [--format text|json]

        Finds the constrained shortest path: links without the bandwidth (PTN/Ethernet share of
        the rate, SDH VC-12/VC-4, OTN tributary slots, a free fibre pair) are pruned, then the
        cheapest route is taken; ties go to fewer hops, then to ids in order.
        --diverse adds a protection path sharing no link and no shared-risk group (Suurballe's
        pair, Yen's k-shortest as the shared-risk fallback); --node-disjoint also forbids shared
        intermediate nodes. When a path is missing, the answer names the segment and the links
        that refused the demand. RATE is 2M, 100M, 1G, 10G or Mbit/s (default 2M).
        Exit 0 even when blocked (a blocked answer is an answer); 65 for bad files or node ids.

        """

    static func run(_ arguments: [String]) throws(CommandFailure) {
        if LinePlanCommand.handledHelp(arguments, help) { return }
        let parsed = try CommandArguments(
            arguments, command: "path", options: ["topology", "from", "to", "bandwidth", "cost", "avoid", "format"],
            flags: ["diverse", "node-disjoint"])
        try parsed.expectNoPositionals()
        let topology = try parsed.required("topology")
        let fromID = try parsed.required("from")
        let toID = try parsed.required("to")
        let bandwidthText = parsed.value("bandwidth") ?? "2M"
        guard let bandwidth = Bandwidth(parsing: bandwidthText), bandwidth > .zero else {
            throw .usage("invalid bandwidth '\(bandwidthText)'; \(Bandwidth.syntaxHint)", command: "path")
        }
        let costName = try parsed.choice("cost", from: PathCost.allCases.map(\.rawValue), default: "km")
        let format = try parsed.choice("format", from: ["text", "json"], default: "text")
        let diverse = parsed.flag("diverse") || parsed.flag("node-disjoint")
        let loaded = try TopologyCommand.load(topology)
        let network = loaded.network
        var unknown: [String] = []
        func index(of id: String, option: String) -> Int? {
            guard let index = network.nodeIndex(of: id) else {
                unknown.append("lineplan: unknown node '\(id)' in --\(option) (not in \(topology))")
                return nil
            }
            return index
        }
        let source = index(of: fromID, option: "from")
        let destination = index(of: toID, option: "to")
        var avoided: Set<Int> = []
        for id in (parsed.value("avoid") ?? "").split(separator: ",").map(String.init) {
            if let node = index(of: id, option: "avoid") { avoided.insert(node) }
        }
        guard unknown.isEmpty, let source, let destination else {
            throw CommandFailure(.dataError, unknown)
        }
        let request = PathRequest(
            source: source, destination: destination, bandwidth: bandwidth, cost: PathCost(rawValue: costName) ?? .km,
            excludedNodes: avoided)
        var finder = PathFinder(graph: RoutingGraph(network: network))
        let answer =
            diverse
            ? finder.diversePaths(request, diversity: parsed.flag("node-disjoint") ? .nodes : .links)
            : finder.shortestPath(request)
        if format == "json" {
            FileAccess.printOut(answer.json(in: network, request: request, diverse: diverse).rendered())
        } else {
            FileAccess.printOut(answer.text(in: network, request: request, diverse: diverse))
        }
    }
}
