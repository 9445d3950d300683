public import Planning

/// What the command line says about a bundle it wrote: each file and note when there are few, grouped
/// when a large order would print thousands of lines.
public enum BundleMessages {
    /// Up to this many files or notes are listed one per line; more are grouped.
    public static let listedOneByOne = 20

    /// The notes on sites that got no configuration: one line each, or, past ``listedOneByOne``, one line
    /// per reason with its count and the first few sites.
    ///
    ///     note: 1808 sites: no configuration — the order gives no LAN (S8192, S8193, S8194, S8195, S8196, …)
    ///     说明：1808个站点不生成配置——订单未提供客户内网（LAN）（S8192、S8193、S8194、S8195、S8196等）
    ///
    /// - Parameters:
    ///   - skipped: The sites without a configuration, in the plan's order.
    ///   - language: The plan's language.
    /// - Returns: The lines, for standard error.
    /// - Complexity: O(*s*) for *s* sites skipped.
    public static func notes(_ skipped: [PlanConfigurations.Skipped], language: ReportLanguage = .en) -> [String] {
        var reasons: [PlanConfigurations.Skipped.Reason] = []
        var sites: [PlanConfigurations.Skipped.Reason: [String]] = [:]
        for entry in skipped {
            if sites[entry.reason] == nil { reasons.append(entry.reason) }
            sites[entry.reason, default: []].append(entry.site)
        }
        func note(_ names: [String], _ reason: PlanConfigurations.Skipped.Reason) -> String {
            let why = language.text(of: reason)
            guard names.count > 1 else {
                return language.pick(
                    "note: \(names.joined()): no configuration — \(why)", "说明：\(names.joined())不生成配置——\(why)")
            }
            let shown = names.prefix(5)
            let more = names.count > 5
            return language.pick(
                "note: \(names.count) sites: no configuration — \(why) (\(shown.joined(separator: ", "))\(more ? ", …" : ""))",
                "说明：\(names.count)个站点不生成配置——\(why)（\(shown.joined(separator: "、"))\(more ? "等" : "")）")
        }
        guard skipped.count > listedOneByOne else { return skipped.map { note([$0.site], $0.reason) } }
        return reasons.map { note(sites[$0] ?? [], $0) }
    }

    /// The lines saying what a write did: each file written and removed, or, past ``listedOneByOne``,
    /// how many per folder; then the bundle's size.
    ///
    ///     wrote out/configs: 8192 files        已写入 out/configs：8192个文件
    ///     wrote out: 11 files                  已写入 out：11个文件
    ///     out: 8203 files, 189.3 MiB           out：共8203个文件，189.3 MiB
    ///
    /// - Parameters:
    ///   - outcome: What the write did.
    ///   - folder: The bundle's folder as the user named it.
    ///   - language: The plan's language.
    /// - Returns: The lines, for standard error.
    /// - Complexity: O(*f* log *f*) for *f* files.
    public static func written(
        _ outcome: BundleFolder.Outcome, folder: String, language: ReportLanguage = .en
    ) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        func path(_ relative: String) -> String { base.isEmpty ? relative : "\(base)/\(relative)" }
        func lines(_ verb: String, _ paths: [String]) -> [String] {
            guard paths.count > listedOneByOne else { return paths.map { "\(verb) \(path($0))" } }
            var counts: [String: Int] = [:]
            for relative in paths {
                let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
                counts[folder.isEmpty ? base : path(folder), default: 0] += 1
            }
            return counts.keys.sorted().map {
                language.pick("\(verb) \($0): \(counts[$0] ?? 0) files", "\(verb) \($0)：\(counts[$0] ?? 0)个文件")
            }
        }
        let total = outcome.written.count
        return lines(language.pick("wrote", "已写入"), outcome.written)
            + lines(language.pick("removed", "已删除"), outcome.removed)
            + [
                language.pick(
                    "\(base): \(total) files, \(size(outcome.bytes))", "\(base)：共\(total)个文件，\(size(outcome.bytes))")
            ]
    }

    /// A size in bytes, KiB or MiB with one decimal.
    static func size(_ bytes: Int) -> String {
        if bytes < 1_024 { return "\(bytes) bytes" }
        let kibibytes = Double(bytes) / 1_024
        if kibibytes < 1_024 { return "\(tenths(kibibytes)) KiB" }
        return "\(tenths(kibibytes / 1_024)) MiB"
    }

    /// A positive number with one decimal, without Foundation's formatting.
    private static func tenths(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        return "\(scaled / 10).\(scaled % 10)"
    }
}
