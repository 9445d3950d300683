import Foundation
import NetGraph

/// Issue 17: `lineplan plan` itself, in a process of its own, on the generated province, for orders
/// of each size: with the network read from its JSON (`LINEPLAN_CACHE=off`), from a warm network
/// cache, and from the warm cache with `--out` (the bundle written into a new folder).
///
/// The order is the in-process `plan` measure's: internet, 10M on FE, a Cisco 1841 and a /29 LAN a
/// site, on buildings drawn with a fixed seed, as a JSON file; `--format json` goes to `/dev/null`.
/// Each figure is the middle of three runs' wall time (with the peak resident set of that run).
///
/// `lineplan-bench plan-command [1000,10000]`, from the package folder with `lineplan` built beside
/// `lineplan-bench` (`swift build -c release`); the peak comes from `/usr/bin/time`.
enum PlanCommandTiming {
    /// One way to run the command.
    private struct Variant {
        var label: String
        var environment: [String: String]
        var out: Bool
    }

    static func run(sizes: [Int]) -> Int32 {
        let lineplan = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("lineplan").path
        guard FileManager.default.isExecutableFile(atPath: lineplan) else {
            print("error: no lineplan beside lineplan-bench (\(lineplan)); build both")
            return 69
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lineplan-bench-cli-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = SyntheticNetwork(scale: .province, seed: 1).generate()
        let networkPath = folder.appendingPathComponent("province.json").path
        guard FileManager.default.createFile(atPath: networkPath, contents: Data(generated.fileText.utf8)) else {
            print("error: cannot write \(networkPath)")
            return 1
        }
        let buildings = generated.nodes.filter { $0.kind == .building }.map(\.id)
        let cache = folder.appendingPathComponent("cache").path
        let variants = [
            Variant(label: "cold (no cache)", environment: ["LINEPLAN_CACHE": "off"], out: false),
            Variant(label: "warm cache", environment: ["LINEPLAN_CACHE_DIR": cache], out: false),
            Variant(label: "warm, --out", environment: ["LINEPLAN_CACHE_DIR": cache], out: true),
        ]
        for size in sizes {
            let orderPath = folder.appendingPathComponent("order-\(size).json").path
            _ = FileManager.default.createFile(atPath: orderPath, contents: Data(order(size, buildings).utf8))
            // A first run fills the cache.
            _ = time(
                lineplan, ["plan", "--topology", networkPath, "--order", orderPath], ["LINEPLAN_CACHE_DIR": cache])
            for variant in variants {
                var runs: [(seconds: Double, peakMiB: Double, status: Int32)] = []
                for attempt in 0..<3 {
                    var arguments = ["plan", "--topology", networkPath, "--order", orderPath, "--format", "json"]
                    if variant.out {
                        arguments += ["--out", folder.appendingPathComponent("out-\(size)-\(attempt)").path]
                    }
                    runs.append(time(lineplan, arguments, variant.environment))
                }
                let middle = runs.sorted { $0.seconds < $1.seconds }[1]
                let failed = runs.contains { $0.status != 0 } ? " (a run FAILED)" : ""
                report(
                    "\(size.formatted()) sites: \(variant.label)",
                    String(
                        format: "%.2f s, peak RSS %.0f MiB (runs %@)%@", middle.seconds, middle.peakMiB,
                        runs.map { String(format: "%.2f", $0.seconds) }.joined(separator: ", "), failed))
            }
        }
        return 0
    }

    /// An internet order of `size` sites as a JSON file's text.
    private static func order(_ size: Int, _ buildings: [String]) -> String {
        var random = SplitMix64(seed: 7)
        let sites = (0..<size).map { number in
            let building = buildings[random.next(in: 0...(buildings.count - 1))]
            return #"{"name": "S\#(number)", "building": "\#(building)", "bandwidth": "10M", "interface": "FE", "#
                + #""router": "Cisco 1841", "lan": 6}"#
        }
        return #"{"id": "BENCH-\#(size)", "customer": "bench", "product": "internet", "request": "new", "#
            + #""received": "2026-11-25", "sites": ["# + sites.joined(separator: ",\n") + "]}\n"
    }

    /// Runs the command under `/usr/bin/time` with its output to `/dev/null`, and gives its wall time,
    /// peak resident set and status.
    ///
    /// `time` reports the peak: a child of this process would inherit its high-water mark (the
    /// generated province) through `fork`.
    private static func time(_ executable: String, _ arguments: [String], _ environment: [String: String])
        -> (seconds: Double, peakMiB: Double, status: Int32)
    {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("lineplan-bench-time-\(getpid())")
        defer { try? FileManager.default.removeItem(at: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-o", report.path, "-f", "%M", executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try process.run()
        } catch {
            return (0, 0, -1)
        }
        process.waitUntilExit()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        let kilobytes = text.split(separator: "\n").compactMap { Double($0) }.last ?? 0
        return (seconds, kilobytes / 1024, process.terminationStatus)
    }
}
