public import LocatedJSON
public import NetGraph

extension PathAnswer {
    /// The answer as the documented JSON of `lineplan path --format json`.
    ///
    /// `working` and `protection` are objects with `nodes`, `links`, `km` and `hops`, or `null`;
    /// `blocked` is `null` or says which path is missing, in which segment, why, and which links refused.
    ///
    /// - Parameters:
    ///   - network: The network the indices refer to.
    ///   - request: The request answered.
    ///   - diverse: Whether a protection path was asked for.
    /// - Returns: The JSON document.
    public func json(in network: Network, request: PathRequest, diverse: Bool) -> JSONOutput {
        var blocked: JSONOutput = .null
        if let workingBlockage {
            blocked = Self.json(of: workingBlockage, path: "working", in: network)
        } else if diverse, let protectionBlockage {
            blocked = Self.json(of: protectionBlockage, path: "protection", in: network)
        }
        return .object([
            ("from", .string(network.nodes[request.source].id)),
            ("to", .string(network.nodes[request.destination].id)),
            ("bandwidth", .string(request.bandwidth.description)),
            ("cost", .string(request.cost.rawValue)),
            ("working", working.map { Self.json(of: $0, in: network) } ?? .null),
            ("protection", protection.map { Self.json(of: $0, in: network) } ?? .null),
            ("sharedRiskGroups", .array(sharedRiskGroups.map { .string($0) })),
            ("blocked", blocked),
        ])
    }

    private static func json(of path: Path, in network: Network) -> JSONOutput {
        .object([
            ("nodes", .array(path.nodeIDs(in: network).map { .string($0) })),
            ("links", .array(path.linkIDs(in: network).map { .string($0) })),
            ("km", .decimal(path.metres, scale: 3)),
            ("hops", .integer(path.hops)),
        ])
    }

    private static func json(of blockage: Blockage, path: String, in network: Network) -> JSONOutput {
        .object([
            ("path", .string(path)),
            ("segment", .string(blockage.segment?.rawValue)),
            ("reason", .string(blockage.reason)),
            (
                "refusals",
                .array(
                    blockage.refusals.map {
                        .object([
                            ("link", .string(network.links[$0.link].id)), ("segment", .string($0.segment.rawValue)),
                            ("reason", .string($0.reason)),
                        ])
                    })
            ),
        ])
    }

    /// The answer as a few lines for a terminal.
    ///
    /// - Parameters:
    ///   - network: The network the indices refer to.
    ///   - request: The request answered.
    ///   - diverse: Whether a protection path was asked for.
    /// - Returns: The text, ending in a newline.
    public func text(in network: Network, request: PathRequest, diverse: Bool) -> String {
        var lines: [String] = []
        let from = network.nodes[request.source].id
        let to = network.nodes[request.destination].id
        lines.append("\(from) → \(to), \(request.bandwidth), cost by \(request.cost.rawValue)")
        if let working {
            lines.append("working:    " + Self.describe(working, in: network))
        } else if let workingBlockage {
            lines.append("working:    blocked: \(workingBlockage.reason)")
            lines.append(contentsOf: Self.describeRefusals(workingBlockage, in: network))
        }
        if diverse, working != nil {
            if let protection {
                lines.append("protection: " + Self.describe(protection, in: network))
                if !sharedRiskGroups.isEmpty {
                    lines.append(
                        "warning: no risk-diverse pair exists; the paths share "
                            + sharedRiskGroups.joined(separator: ", "))
                }
            } else if let protectionBlockage {
                lines.append("protection: none: \(protectionBlockage.reason)")
                lines.append(contentsOf: Self.describeRefusals(protectionBlockage, in: network))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ path: Path, in network: Network) -> String {
        let km = JSONOutput.formatDecimal(path.metres, scale: 3)
        return "\(path.nodeIDs(in: network).joined(separator: " – ")) (\(km) km, \(path.hops) hops)"
    }

    private static func describeRefusals(_ blockage: Blockage, in network: Network) -> [String] {
        let shown = blockage.refusals.prefix(10).map {
            "  refused by \($0.segment.rawValue) link '\(network.links[$0.link].id)': \($0.reason)"
        }
        let more = blockage.refusals.count > 10 ? ["  … and \(blockage.refusals.count - 10) more"] : []
        return shown + more
    }
}
