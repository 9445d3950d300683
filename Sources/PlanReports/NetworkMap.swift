import NetGraph
import Planning

/// An SVG drawing of part of the network with the plan's paths, for the report.
///
/// Node coordinates are the network's km, north up, scaled into the view box. Other links are thin
/// grey; working paths green, protection paths blue and dashed; red only for a refused link (see
/// ``NetworkArea/Mark/short``), so a plan whose sites are all available has no red.
struct NetworkMap {
    /// What a map shows.
    enum Kind {
        /// The network area: every node, labels for the order's sites and the lines' far ends.
        case overview
        /// The plan's nodes and their neighbours, every plan node labelled.
        case detail
    }

    /// The widest the view box gets, in its units.
    static let maximumWidth = 1000.0
    /// The tallest the view box gets, in its units.
    static let maximumHeight = 700.0
    /// The margin around the drawing, in view box units.
    static let padding = 40.0
    /// The most labels drawn where they overlap others; past it a crowded label is left out and the map
    /// says how many were (every site stays in the report's tables).
    static let maximumCrowdedLabels = 100

    let network: Network
    let area: NetworkArea
    let kind: Kind
    let language: ReportLanguage
    let title: String

    /// The SVG element, with its own `xmlns`, fit to be inlined in XHTML or saved as a file.
    func svg() -> String {
        // The overview fits every node drawn; the detail fits the plan's nodes, and links to their
        // neighbours run out of the frame.
        let framed = kind == .overview ? area.nodes : area.nodes.filter { area.focus.contains($0) }
        guard let found = BoundingBox(framed.map { network.nodes[$0].location }) else { return "" }
        let box = kind == .overview ? found : found.expanded(by: max(0.3, 0.08 * max(found.width, found.height)))
        let width = max(box.width, 0.5)
        let height = max(box.height, 0.5)
        var scale = (Self.maximumWidth - 2 * Self.padding) / width
        if height * scale + 2 * Self.padding > Self.maximumHeight {
            scale = (Self.maximumHeight - 2 * Self.padding) / height
        }
        let viewWidth = width * scale + 2 * Self.padding
        let viewHeight = height * scale + 2 * Self.padding + 24
        let offsetX = Self.padding + (width - box.width) * scale / 2
        let offsetY = Self.padding + (height - box.height) * scale / 2
        func point(_ location: Location) -> (Double, Double) {
            (offsetX + (location.x - box.minX) * scale, offsetY + (box.maxY - location.y) * scale)
        }
        var out: [String] = []
        out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map \(kind == .overview ? "overview" : "detail")\" viewBox=\"0 0 \(format(viewWidth)) \(format(viewHeight))\" "
                + "overflow=\"hidden\" role=\"img\" aria-label=\"\(Escape.xml(title))\">")
        out.append("<title>\(Escape.xml(title))</title>")
        out.append(
            "<rect x=\"0.5\" y=\"0.5\" width=\"\(format(viewWidth - 1))\" height=\"\(format(viewHeight - 1))\" fill=\"#ffffff\" "
                + "stroke=\"#d0d7de\"/>")
        // Links and nodes stay inside the frame: the detail's links to neighbours end at its edge.
        let clip = kind == .overview ? "map-frame-overview" : "map-frame-detail"
        let inset = Self.padding / 2
        out.append(
            "<defs><clipPath id=\"\(clip)\"><rect x=\"\(format(inset))\" y=\"\(format(inset))\" "
                + "width=\"\(format(viewWidth - 2 * inset))\" height=\"\(format(viewHeight - 24 - 2 * inset))\"/>"
                + "</clipPath></defs>")
        out.append("<g clip-path=\"url(#\(clip))\">")
        // Background links, then the plan's links on top: protection under working under short.
        out.append("<g stroke=\"#c8ced6\" stroke-width=\"1\" fill=\"none\">")
        let marked = area.links.filter { index in
            area.marks[index].map { $0.working || $0.protection || $0.short } ?? false
        }
        let markedSet = Set(marked)
        for index in area.links where !markedSet.contains(index) {
            out.append(line(index, point: point))
        }
        out.append("</g>")
        out.append(
            "<g fill=\"none\" stroke=\"\(PathDOT.protectionColour)\" stroke-width=\"3\" stroke-dasharray=\"8 5\" "
                + "stroke-linecap=\"round\">")
        for index in marked where area.marks[index]?.protection == true && area.marks[index]?.short == false {
            out.append(line(index, point: point))
        }
        out.append("</g>")
        out.append("<g fill=\"none\" stroke=\"\(PathDOT.workingColour)\" stroke-width=\"4\" stroke-linecap=\"round\">")
        for index in marked where area.marks[index]?.working == true && area.marks[index]?.short == false {
            out.append(line(index, point: point))
        }
        out.append("</g>")
        out.append("<g fill=\"none\" stroke=\"\(PathDOT.shortColour)\" stroke-width=\"4\" stroke-linecap=\"round\">")
        for index in marked where area.marks[index]?.short == true {
            let dashed = area.marks[index]?.working == false && area.marks[index]?.protection == true
            out.append(line(index, point: point, extra: dashed ? " stroke-dasharray=\"8 5\"" : ""))
        }
        out.append("</g>")
        // Nodes: the plan's larger and outlined.
        out.append("<g stroke=\"#ffffff\" stroke-width=\"0.8\">")
        for index in area.nodes where !area.focus.contains(index) {
            let (x, y) = point(network.nodes[index].location)
            out.append(
                "<circle cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"2.6\" fill=\"\(fill(network.nodes[index].kind, focus: false))\"/>"
            )
        }
        out.append("</g>")
        out.append("<g stroke=\"#24292f\" stroke-width=\"1.2\">")
        // Transport first, then service platforms, then the order's buildings on top: nodes of one
        // room share a point, and the ends of the line matter most.
        let drawOrder = area.nodes.filter { area.focus.contains($0) }.sorted { left, right in
            (rank(network.nodes[left].kind), network.nodes[left].id)
                < (rank(network.nodes[right].kind), network.nodes[right].id)
        }
        for index in drawOrder {
            let node = network.nodes[index]
            let (x, y) = point(node.location)
            if node.kind == .building {
                out.append(
                    "<rect x=\"\(format(x - 6))\" y=\"\(format(y - 6))\" width=\"12\" height=\"12\" "
                        + "fill=\"\(fill(node.kind, focus: true))\"/>")
            } else {
                out.append(
                    "<circle cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"5\" fill=\"\(fill(node.kind, focus: true))\"/>"
                )
            }
        }
        out.append("</g>")
        out.append("</g>")
        out.append(contentsOf: labels(point: point, viewWidth: viewWidth, viewHeight: viewHeight))
        out.append(contentsOf: scaleBar(scale: scale, viewHeight: viewHeight))
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    // MARK: - Pieces

    private func line(_ index: Int, point: (Location) -> (Double, Double), extra: String = "") -> String {
        let link = network.links[index]
        let (x1, y1) = point(network.nodes[link.aEnd].location)
        let (x2, y2) = point(network.nodes[link.bEnd].location)
        return "<line x1=\"\(format(x1))\" y1=\"\(format(y1))\" x2=\"\(format(x2))\" y2=\"\(format(y2))\"\(extra)/>"
    }

    private func rank(_ kind: NodeKind) -> Int {
        switch kind.layer {
        case .transport: 0
        case .service: 1
        case .access: 2
        }
    }

    private func fill(_ kind: NodeKind, focus: Bool) -> String {
        switch kind {
        case .building: focus ? "#f6c945" : "#d4a72c"
        case .ggsn, .cmnet, .gprsVPNSwitch, .accessSwitch: "#8250df"
        case .otn: "#57606a"
        case .sdh, .msap: "#bc4c00"
        case .olt, .splitter: "#0969da"
        case .ptn: focus ? "#2da44e" : "#6e7781"
        case .wlanAP: "#6e7781"
        }
    }

    /// The labels: one per location (nodes of one room share a label, one line each), placed
    /// right, left, above or below, whichever overlaps no label placed before it.
    ///
    /// - Complexity: O(*n* · *k*) for *n* labels and *k* boxes near each (a grid finds them), where the
    ///   exhaustive comparison was O(*n*²).
    private func labels(point: (Location) -> (Double, Double), viewWidth: Double, viewHeight: Double) -> [String] {
        var groups: [(x: Double, y: Double, lines: [String], strong: Bool, isEnd: Bool)] = []
        var groupAt: [String: Int] = [:]
        for index in area.nodes where area.focus.contains(index) {
            let node = network.nodes[index]
            let sites = area.sitesAtNode[index]
            let isEnd = sites != nil || node.kind.layer == .service
            if kind == .overview && !isEnd { continue }
            var text = node.id
            if let sites { text = sites.joined(separator: ", ") + " · " + node.id }
            let (x, y) = point(node.location)
            let key = "\(format(x)),\(format(y))"
            if let existing = groupAt[key] {
                groups[existing].lines.append(text)
                groups[existing].strong = groups[existing].strong || sites != nil
                groups[existing].isEnd = groups[existing].isEnd || isEnd
            } else {
                groupAt[key] = groups.count
                groups.append((x, y, [text], sites != nil, isEnd))
            }
        }
        // The order's sites are placed first, so that they get the free spots.
        groups = groups.filter(\.strong) + groups.filter { !$0.strong }
        let fontSize = kind == .overview ? 15.0 : 13.0
        let lineHeight = fontSize + 2
        // Boxes taken: the plan's node markers first, then each label placed.
        var placed = LabelGrid()
        for index in area.nodes where area.focus.contains(index) {
            let (x, y) = point(network.nodes[index].location)
            placed.insert(LabelGrid.Box(x: x - 6, y: y - 6, width: 12, height: 12))
        }
        var out = [
            "<g font-size=\"\(format(fontSize))\" fill=\"#1f2328\" stroke=\"#ffffff\" stroke-width=\"3\" "
                + "stroke-linejoin=\"round\" paint-order=\"stroke\">"
        ]
        var crowded = 0
        var omitted = 0
        for group in groups {
            let textWidth = group.lines.map { textWidthEstimate($0, fontSize: fontSize) }.max() ?? 0
            let textHeight = Double(group.lines.count) * lineHeight
            // Candidate top-left corners: right, left, above, below, then the four diagonals.
            let candidates: [(Double, Double, String)] = [
                (group.x + 9, group.y - textHeight / 2, "start"),
                (group.x - 9 - textWidth, group.y - textHeight / 2, "end"),
                (group.x - textWidth / 2, group.y - 9 - textHeight, "middle"),
                (group.x - textWidth / 2, group.y + 9, "middle"),
                (group.x + 7, group.y - 7 - textHeight, "start"),
                (group.x + 7, group.y + 7, "start"),
                (group.x - 7 - textWidth, group.y - 7 - textHeight, "end"),
                (group.x - 7 - textWidth, group.y + 7, "end"),
            ]
            let inside = candidates.filter {
                $0.0 >= 2 && $0.0 + textWidth <= viewWidth - 2 && $0.1 >= 2 && $0.1 + textHeight <= viewHeight - 26
            }
            func box(_ candidate: (Double, Double, String)) -> LabelGrid.Box {
                LabelGrid.Box(x: candidate.0, y: candidate.1, width: textWidth, height: textHeight)
            }
            let free = inside.first { !placed.intersectsAny(box($0)) }
            // A crowded transit node goes unlabelled (its id is in the path's text); a site or a
            // service platform is labelled where it overlaps least, up to a bound that keeps a large
            // order's map readable and its drawing linear in the sites.
            if free == nil && !group.strong && !group.isEnd { continue }
            if free == nil {
                guard crowded < Self.maximumCrowdedLabels else {
                    omitted += 1
                    continue
                }
                crowded += 1
            }
            let chosen =
                free ?? (inside.isEmpty ? candidates : inside).min { left, right in
                    placed.overlap(box(left)) < placed.overlap(box(right))
                } ?? candidates[0]
            placed.insert(box(chosen))
            let anchorX: Double
            switch chosen.2 {
            case "end": anchorX = chosen.0 + textWidth
            case "middle": anchorX = chosen.0 + textWidth / 2
            default: anchorX = chosen.0
            }
            let weight = group.strong ? " font-weight=\"bold\"" : ""
            out.append("<text x=\"\(format(anchorX))\" y=\"\(format(chosen.1))\" text-anchor=\"\(chosen.2)\"\(weight)>")
            for (number, text) in group.lines.enumerated() {
                out.append(
                    "<tspan x=\"\(format(anchorX))\" dy=\"\(format(number == 0 ? fontSize : lineHeight))\">"
                        + "\(Escape.xml(text))</tspan>")
            }
            out.append("</text>")
        }
        out.append("</g>")
        if omitted > 0 {
            out.append(
                "<text x=\"\(format(viewWidth - 10))\" y=\"\(format(viewHeight - 14))\" text-anchor=\"end\" "
                    + "font-size=\"11\" fill=\"#1f2328\">"
                    + language.pick(
                        "\(omitted) labels left out where the map is crowded; every site is in the tables",
                        "地图拥挤处略去 \(omitted) 个标注；各站点均见下表")
                    + "</text>")
        }
        return out
    }

    /// A rough width of a label: CJK characters a full em, others about 0.6 em.
    private func textWidthEstimate(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { width, scalar in width + (scalar.value >= 0x2E80 ? 1.0 : 0.6) } * fontSize
    }

    /// A scale bar of a round number of km, and the north arrow, along the bottom.
    private func scaleBar(scale: Double, viewHeight: Double) -> [String] {
        let target = 120 / scale
        let steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]
        let km = steps.last { $0 <= target } ?? steps[0]
        let length = km * scale
        let y = viewHeight - 14
        let label = km < 1 ? "\(Int((km * 1000).rounded())) m" : "\(Int(km)) km"
        return [
            "<g stroke=\"#24292f\" stroke-width=\"2\" fill=\"none\">",
            "<path d=\"M 20 \(format(y - 5)) V \(format(y)) H \(format(20 + length)) V \(format(y - 5))\"/>",
            "</g>",
            "<text x=\"\(format(26 + length))\" y=\"\(format(y))\" font-size=\"11\" fill=\"#1f2328\">\(label)</text>",
            "<text x=\"\(format(26 + length + 50))\" y=\"\(format(y))\" font-size=\"11\" fill=\"#1f2328\">"
                + language.pick("↑ north", "↑ 北") + "</text>",
        ]
    }

    /// A coordinate with one decimal, "-0" never written.
    private func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
