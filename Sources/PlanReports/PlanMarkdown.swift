import Orders
public import Planning

/// `plan.md`: the plan for a quick read.
public enum PlanMarkdown {
    /// Writes the plan as Markdown: the order, the reply, and per site the choice and its reasons,
    /// the alternatives, paths, segments, addresses, tunnels and router.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - language: The labels' language.
    /// - Returns: The text of `plan.md`.
    /// - Complexity: O(size of the plan).
    public static func make(plan: Plan, language: ReportLanguage) -> String {
        let digest = PlanDigest(plan: plan, language: language)
        var lines: [String] = []
        lines.append("# " + language.pick("Line plan", "专线规划") + " — " + Escape.markdown(plan.order.id))
        lines.append("")
        lines.append(contentsOf: facts(digest.orderFacts))
        lines.append("")
        lines.append("## " + language.pick("Reply", "资源确认回复"))
        lines.append("")
        lines.append(contentsOf: facts(digest.replyFacts))
        for site in plan.sites {
            lines.append("")
            lines.append("## " + Escape.markdown(digest.heading(site)))
            lines.append("")
            lines.append(
                contentsOf: facts(
                    digest.facts(site) + digest.paths(site) + digest.addresses(site) + [digest.router(site)]
                        + digest.configName(site)))
            for (title, table) in [
                (language.pick("Technologies considered", "接入技术比选"), digest.alternatives(site)),
                (language.pick("Segments", "分段确认"), digest.segments(site)),
                (language.pick("GRE tunnels", "GRE隧道"), digest.tunnels(site)),
            ] where !table.rows.isEmpty {
                lines.append("")
                lines.append("### " + title)
                lines.append("")
                lines.append(contentsOf: Self.table(table))
            }
        }
        if !plan.ceasedLines.isEmpty {
            lines.append("")
            lines.append("## " + language.pick("Lines released", "停闭线路"))
            lines.append("")
            for line in plan.ceasedLines { lines.append("- " + Escape.markdown(line)) }
        }
        if !plan.warnings.isEmpty {
            lines.append("")
            lines.append("## " + language.pick("Warnings", "提示"))
            lines.append("")
            for warning in plan.warnings {
                lines.append("- " + Escape.markdown(language.text(warning)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func facts(_ rows: [(String, String)]) -> [String] {
        ["| | |", "|---|---|"] + rows.map { "| \(Escape.markdownCell($0.0)) | \(Escape.markdownCell($0.1)) |" }
    }

    static func table(_ table: DigestTable) -> [String] {
        ["| " + table.headings.map(Escape.markdownCell).joined(separator: " | ") + " |"]
            + ["|" + String(repeating: "---|", count: table.headings.count)]
            + table.rows.map { "| " + $0.map(Escape.markdownCell).joined(separator: " | ") + " |" }
    }
}
