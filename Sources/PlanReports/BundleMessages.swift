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
    ///
    /// - Complexity: O(*s*) for *s* sites skipped.
    public static func notes(_ skipped: [PlanConfigurations.Skipped]) -> [String] {
        guard skipped.count > listedOneByOne else { return skipped.map { "note: \($0)" } }
        var reasons: [String] = []
        var sites: [String: [String]] = [:]
        for entry in skipped {
            if sites[entry.reason] == nil { reasons.append(entry.reason) }
            sites[entry.reason, default: []].append(entry.site)
        }
        return reasons.map { reason in
            let names = sites[reason] ?? []
            guard names.count > 1 else { return "note: \(names.joined()): no configuration — \(reason)" }
            let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
            return "note: \(names.count) sites: no configuration — \(reason) (\(shown))"
        }
    }

    /// The lines saying what a write did: each file written and removed, or, past ``listedOneByOne``,
    /// how many per folder; then the bundle's size.
    ///
    ///     wrote out/configs: 8192 files
    ///     wrote out: 11 files
    ///     out: 8203 files, 189.3 MiB
    ///
    /// - Parameters:
    ///   - outcome: What the write did.
    ///   - folder: The bundle's folder as the user named it.
    /// - Returns: The lines, for standard error.
    /// - Complexity: O(*f* log *f*) for *f* files.
    public static func written(_ outcome: BundleFolder.Outcome, folder: String) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        func path(_ relative: String) -> String { base.isEmpty ? relative : "\(base)/\(relative)" }
        func lines(_ verb: String, _ paths: [String]) -> [String] {
            guard paths.count > listedOneByOne else { return paths.map { "\(verb) \(path($0))" } }
            var counts: [String: Int] = [:]
            for relative in paths {
                let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
                counts[folder.isEmpty ? base : path(folder), default: 0] += 1
            }
            return counts.keys.sorted().map { "\(verb) \($0): \(counts[$0] ?? 0) files" }
        }
        return lines("wrote", outcome.written) + lines("removed", outcome.removed)
            + ["\(base): \(outcome.written.count) files, \(size(outcome.bytes))"]
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
