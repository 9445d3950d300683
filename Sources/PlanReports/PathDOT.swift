public import NetGraph
import Orders
public import Planning

/// `path.dot`: the network around the plan's paths for Graphviz.
public enum PathDOT {
    /// The colour of a working path.
    static let workingColour = "#1a7f37"
    /// The colour of a protection path.
    static let protectionColour = "#0b5cad"
    /// The colour of a short segment.
    static let shortColour = "#cf222e"

    /// Writes the nodes and links of the plan's paths and their neighbours as an undirected
    /// Graphviz graph: working paths bold green, protection paths dashed blue, refused links red (a
    /// site's own access link when its end access is short, a link a short segment's finding names),
    /// other links thin grey; customer buildings as houses labelled with their sites.
    ///
    /// Nodes and links are written in id order, so the same plan gives the same bytes. Render with
    /// `dot -Tsvg path.dot -o path.svg` (or `-Tpdf`).
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - network: The network it was planned on.
    ///   - language: The legend's language.
    /// - Returns: The text of `path.dot`.
    /// - Complexity: O(*n* + *l*) in the network's nodes and links.
    public static func make(plan: Plan, network: Network, language: ReportLanguage) -> String {
        let area = NetworkArea.neighbourhood(plan: plan, network: network)
        var lines: [String] = []
        lines.append(
            "// " + language.pick("LinePlan path drawing of order ", "LinePlan 路由图，订单 ") + safeComment(plan.order.id))
        lines.append("// dot -Tsvg path.dot -o path.svg")
        lines.append("graph \(Escape.dot(plan.order.id)) {")
        let legend = language.pick(
            "working: bold green; protection: dashed blue; refused link (short segment): red",
            "主用路由：绿色粗线；备用路由：蓝色虚线；资源不足的链路：红色")
        let title = "\(plan.order.id) — \(plan.order.customer)\n\(legend)"
        lines.append(
            "    graph [rankdir=LR, labelloc=t, fontsize=12, fontname=\"Noto Sans CJK SC,sans-serif\", "
                + "label=\(Escape.dot(title))];")
        lines.append(
            "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#f6f8fa\", color=\"#8c959f\", fontsize=10, "
                + "fontname=\"Noto Sans CJK SC,sans-serif\"];")
        lines.append("    edge [color=\"#c0c5cc\", fontsize=8, fontname=\"Noto Sans CJK SC,sans-serif\"];")
        for index in area.nodes {
            let node = network.nodes[index]
            var label = node.id
            if let name = node.name, name != node.id { label += "\n" + name }
            if let sites = area.sitesAtNode[index] { label += "\n[" + sites.joined(separator: ", ") + "]" }
            var attributes = ["label=\(Escape.dot(label))"]
            switch node.kind {
            case .building:
                attributes.append("shape=house")
                if area.sitesAtNode[index] != nil { attributes.append("fillcolor=\"#fff4ce\", color=\"#9a6700\"") }
            case .ggsn, .cmnet, .gprsVPNSwitch, .accessSwitch:
                attributes.append("shape=hexagon, fillcolor=\"#eef4ff\"")
            case .splitter: attributes.append("shape=triangle")
            case .otn, .ptn, .sdh, .msap, .olt, .wlanAP: break
            }
            if area.focus.contains(index) { attributes.append("penwidth=1.6") }
            lines.append("    \(Escape.dot(node.id)) [" + attributes.joined(separator: ", ") + "];")
        }
        for index in area.links {
            let link = network.links[index]
            let (a, b) = network.endIDs(of: link)
            let km = Double(link.metres) / 1000
            var attributes = ["label=\(Escape.dot("\(link.id)\n\(formatKm(km)) km"))"]
            // Red only where a segment check is short; a mark of neither path nor shortage is an ordinary link.
            if let mark = area.marks[index], mark.working || mark.protection || mark.short {
                var colours: [String] = []
                if mark.working { colours.append(mark.short ? shortColour : workingColour) }
                if mark.protection { colours.append(mark.short ? shortColour : protectionColour) }
                if colours.isEmpty { colours.append(shortColour) }
                attributes.append("color=\"\(colours.joined(separator: ":"))\"")
                attributes.append("penwidth=\(mark.working ? 3 : 2)")
                attributes.append("style=\(mark.working || !mark.protection ? "bold" : "dashed")")
                if mark.short { attributes.append("fontcolor=\"\(shortColour)\"") }
            }
            lines.append("    \(Escape.dot(a)) -- \(Escape.dot(b)) [" + attributes.joined(separator: ", ") + "];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "0.5", "4.2", "12.35": km with at most three decimals, without trailing zeros.
    static func formatKm(_ km: Double) -> String {
        let metres = Int((km * 1000).rounded())
        var text = "\(metres / 1000)"
        var fraction = metres % 1000
        guard fraction > 0 else { return text }
        var digits = ""
        var divisor = 100
        while fraction > 0 {
            digits += "\(fraction / divisor)"
            fraction %= divisor
            divisor /= 10
        }
        text += "." + digits
        return text
    }

    private static func safeComment(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "\n" && $0 != "\r" }.map(Character.init))
    }
}
