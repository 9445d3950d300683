import LocatedJSON
import NetGraph
import NetPaths

/// `lineplan path`.
enum PathCommand {
    static let spec = CommandSpec(
        path: ["path"], summary: "Constrained shortest path, with an optional diverse pair.",
        options: [
            .value("topology", "FILE", required: true, help: "The network file ('-' for standard input)."),
            .value("from", "NODE", required: true, help: "The node the path starts at."),
            .value("to", "NODE", required: true, help: "The node the path ends at."),
            .value(
                "bandwidth", "RATE", default: "2M",
                help: "The demand: 2M, 100M, 1G, 10G, STM-1, 64k or Mbit/s."),
            .flag("diverse", help: "Also a protection path sharing no link and no shared-risk group."),
            .flag("node-disjoint", help: "The protection path shares no intermediate node either (implies --diverse)."),
            .value(
                "cost", "COST", choices: PathCost.allCases.map(\.rawValue), default: "km",
                help: "What to minimise; admin is the links' weight."),
            .value("avoid", "NODE,...", help: "Nodes the paths must not touch."),
            .value("format", "FORMAT", choices: ["text", "json"], default: "text", help: "The output."),
        ],
        discussion: """

            Links without the bandwidth (PTN/Ethernet share of the rate, SDH VC-12/VC-4, OTN tributary
            slots, a free fibre pair) are pruned, then the cheapest route is taken; ties go to fewer
            hops, then to ids in order. --diverse uses Suurballe's pair, Yen's k-shortest as the
            shared-risk fallback. When a path is missing, the answer names the segment and the links
            that refused the demand.
            Exit 0 even when blocked (a blocked answer is an answer); 65 for bad files or node ids.
            """,
        run: run)

    static func run(_ parsed: CommandArguments) throws(CommandFailure) {
        let topology = try parsed.required("topology")
        let fromID = try parsed.required("from")
        let toID = try parsed.required("to")
        let bandwidthText = parsed.value("bandwidth") ?? "2M"
        guard let bandwidth = Bandwidth(parsing: bandwidthText), bandwidth > .zero else {
            throw .usage("invalid bandwidth '\(bandwidthText)'; \(Bandwidth.syntaxHint)", command: "path")
        }
        let costName = parsed.choice("cost")
        let format = parsed.choice("format")
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
