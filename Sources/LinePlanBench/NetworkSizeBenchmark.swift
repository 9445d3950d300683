import Foundation
import LocatedJSON
import NetGraph

/// `lineplan-bench network-size [--out DIR]`: how reading and validating a network grows with its size,
/// and what pathological networks cost (issue 13).
///
/// Each case is generated as a file's text, then loaded and validated from it as `topology check` does,
/// timed, each in a process of its own, with the peak resident set measured from a high-water mark reset
/// once the text is made (`/proc/self/clear_refs`), so that the peak is the reading's. `--out DIR` also writes each file, to measure
/// `/usr/bin/time -v lineplan topology check DIR/NAME.json` in a fresh process.
enum NetworkSizeBenchmark {
    /// One network to measure.
    struct Case: Sendable {
        /// A short name, also the file's.
        var name: String
        /// What the network is.
        var about: String
        /// Makes the file's text.
        var make: @Sendable () -> [UInt8]
    }

    /// The cases, smallest first.
    static let cases: [Case] = [
        Case(name: "city", about: "one generated city") {
            Array(SyntheticNetwork(cities: 1, seed: 1).generate().fileText.utf8)
        },
        Case(name: "4mb", about: "two generated cities") {
            Array(SyntheticNetwork(cities: 2, seed: 1).generate().fileText.utf8)
        },
        Case(name: "province", about: "17 generated cities") {
            Array(SyntheticNetwork(cities: 17, seed: 1).generate().fileText.utf8)
        },
        Case(name: "100mb", about: "43 generated cities") {
            Array(SyntheticNetwork(cities: 43, seed: 1).generate().fileText.utf8)
        },
        Case(name: "parallel-links", about: "100,000 links between the same two nodes") {
            parallelLinks(100_000, ringed: false)
        },
        Case(name: "parallel-rings", about: "50,000 two-link access rings between the same two nodes") {
            parallelLinks(100_000, ringed: true)
        },
        Case(name: "huge-ptn-ring", about: "one PTN access ring of 100,000 nodes") {
            ring(100_000, technology: "ptn")
        },
        Case(name: "huge-fibre-ring", about: "one fibre ring of 100,000 nodes (no size limit)") {
            ring(100_000, technology: "fibre")
        },
        Case(name: "deep-nesting", about: "an array nested 100,000 deep") {
            Array(#"{"nodes": "#.utf8) + Array(repeating: UInt8(ascii: "["), count: 100_000)
                + Array(repeating: UInt8(ascii: "]"), count: 100_000) + Array("}".utf8)
        },
        Case(name: "deep-nesting-large", about: "a 9 MiB file whose last member nests 100,000 deep") {
            Array(#"{"description": ""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 9 << 20)
                + Array(#"", "nodes": "#.utf8) + Array(repeating: UInt8(ascii: "["), count: 100_000)
                + Array(repeating: UInt8(ascii: "]"), count: 100_000) + Array("}".utf8)
        },
        Case(name: "many-pools", about: "100,000 address pools") {
            pools(100_000, nested: false)
        },
        Case(name: "nested-pools", about: "a /8 pool and 100,000 /30 pools inside it") {
            pools(100_000, nested: true)
        },
        Case(name: "errors-one-line", about: "100,000 links to unknown nodes, all on one line") {
            unknownEnds(100_000)
        },
        Case(name: "long-unknown-keys", about: "64 unknown keys of 256 KiB each") {
            longKeys(64, length: 256 << 10)
        },
    ]

    /// Runs the cases named (all of them when none is), printing one line each.
    static func run(_ arguments: [String]) -> Int32 {
        var out: String?
        var names: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--out", let folder = rest.popFirst() {
                out = folder
            } else if cases.contains(where: { $0.name == argument }) {
                names.append(argument)
            } else {
                print(
                    "usage: lineplan-bench network-size [CASE...] [--out DIR]; CASE is one of "
                        + cases.map(\.name).joined(separator: ", "))
                return 64
            }
        }
        if let out {
            try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        guard names.isEmpty else {
            for item in cases where names.contains(item.name) {
                measure(item, out: out)
            }
            return 0
        }
        // Each case in a process of its own: memory freed by one case is not always given back to the
        // system, which would hide the next case's peak.
        for item in cases {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["network-size", item.name] + (out.map { ["--out", $0] } ?? [])
            do {
                try process.run()
            } catch {
                print("error: cannot run \(CommandLine.arguments[0]): \(error.localizedDescription)")
                return 69
            }
            process.waitUntilExit()
        }
        return 0
    }

    /// Generates, loads and reports one case.
    static func measure(_ item: Case, out: String?) {
        let bytes = item.make()
        if let out {
            _ = FileManager.default.createFile(atPath: "\(out)/\(item.name).json", contents: Data(bytes))
        }
        resetPeakResident()
        let before = residentMiB()
        var outcome = ""
        let time = milliseconds {
            do throws(DiagnosticsError) {
                let loaded = try Network.load(name: item.name, bytes: bytes)
                outcome =
                    "loaded: \(loaded.network.nodes.count) nodes, \(loaded.network.links.count) links, "
                    + "\(loaded.warnings.count) warnings"
            } catch {
                let errors = error.diagnostics.filter { $0.severity == .error }
                let first = errors.first.map { String($0.description.prefix(110)) } ?? "no diagnostic"
                outcome = "refused: \(errors.count) errors, first \(first)"
            }
        }
        let mebibytes = Double(bytes.count) / 1_048_576
        report(
            "\(item.name) (\(item.about))",
            String(
                format:
                    "%.1f MiB, %.0f ms (%.1f ms per MiB), peak RSS %.0f MiB (%.0f MiB more than before reading); %@",
                mebibytes, time, time / max(mebibytes, 0.001), peakResidentMiB(), peakResidentMiB() - before,
                outcome))
    }

    /// Resets the peak resident set (VmHWM) to the current one.
    static func resetPeakResident() {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return }
        fputs("5", file)
        fclose(file)
    }

    /// The resident set now, in MiB (VmRSS).
    static func residentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
        }
        return 0
    }

    // MARK: - Pathological networks

    /// A building on node A, and links A–B (`count` of them); `ringed` pairs them into two-link access rings.
    static func parallelLinks(_ count: Int, ringed: Bool) -> [UInt8] {
        var text = """
            {"nodes": [{"id": "A", "kind": "ptn", "location": [0, 0]}, {"id": "B", "kind": "ptn", "location": [1, 0]},
            {"id": "BLD", "kind": "building", "location": [0, 0.1]}],
            "links": [{"id": "F", "a": "BLD", "b": "A", "rate": "1G", "km": 0.2, "segment": "last-mile",
            "technology": "fibre"}
            """
        text.reserveCapacity(count * 120)
        for index in 0..<count {
            let ring = ringed ? #", "ring": "R\#(index / 2)""# : ""
            text +=
                #",\#n{"id": "L\#(index)", "a": "A", "b": "B", "rate": "1G", "km": 1.2, "segment": "access", "#
                + #""technology": "ptn"\#(ring)}"#
        }
        return Array((text + "]}\n").utf8)
    }

    /// One ring of `count` nodes of a technology in the access segment, a building on its first node.
    static func ring(_ count: Int, technology: String) -> [UInt8] {
        let kind = technology == "fibre" ? "ptn" : technology
        var text = #"{"nodes": [{"id": "BLD", "kind": "building", "location": [0, 0.1]}"#
        text.reserveCapacity(count * 200)
        for index in 0..<count {
            text += #",\#n{"id": "N\#(index)", "kind": "\#(kind)", "location": [\#(index % 1000), \#(index / 1000)]}"#
        }
        text +=
            #"],\#n"links": [{"id": "F", "a": "BLD", "b": "N0", "rate": "1G", "km": 0.2, "segment": "last-mile", "#
            + #""technology": "fibre"}"#
        for index in 0..<count {
            text +=
                #",\#n{"id": "L\#(index)", "a": "N\#(index)", "b": "N\#((index + 1) % count)", "rate": "10G", "#
                + #""km": 1500, "segment": "access", "technology": "\#(technology)", "ring": "BIG"}"#
        }
        return Array((text + "]}\n").utf8)
    }

    /// A small network and `count` interconnect pools of a /30 each, none overlapping; `nested` puts
    /// a /8 holding them all first, so that each of them is an error.
    static func pools(_ count: Int, nested: Bool) -> [UInt8] {
        var text = #"{"nodes": [{"id": "A", "kind": "ptn", "location": [0, 0]}], "links": [], "pools": ["#
        text.reserveCapacity(count * 80)
        if nested {
            text += #"\#n{"id": "ALL", "purpose": "lan", "prefix": "10.0.0.0/8"},"#
        }
        for index in 0..<count {
            let address = "10.\(index >> 14).\((index >> 6) & 255).\((index & 63) << 2)"
            text +=
                #"\#(index == 0 ? "" : ",")\#n{"id": "P\#(index)", "purpose": "interconnect", "prefix": "\#(address)/30"}"#
        }
        return Array((text + "]}\n").utf8)
    }

    /// `count` links between nodes the file does not have, minified onto one line: `count` errors there.
    static func unknownEnds(_ count: Int) -> [UInt8] {
        var text = #"{"nodes": [{"id": "A", "kind": "ptn", "location": [0, 0]}], "links": ["#
        text.reserveCapacity(count * 110)
        for index in 0..<count {
            text +=
                #"\#(index == 0 ? "" : ","){"id": "L\#(index)", "a": "A", "b": "X\#(index)", "rate": "1G", "km": 1, "#
                + #""segment": "access", "technology": "ptn"}"#
        }
        return Array((text + "]}").utf8)
    }

    /// `count` nodes, each with one unknown key `length` characters long.
    static func longKeys(_ count: Int, length: Int) -> [UInt8] {
        let key = String(repeating: "k", count: length)
        var text = #"{"links": [], "nodes": ["#
        for index in 0..<count {
            let separator = index == 0 ? "" : ",\n"
            text += separator + #"{"id": "N\#(index)", "kind": "ptn", "location": [0, 0], "\#(key)": 1}"#
        }
        return Array((text + "]}\n").utf8)
    }
}
