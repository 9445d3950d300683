import Foundation
import FuzzTargets

/// `lineplan-bench fuzz [READER|all] [--seed N] [--count N] [--from N] [--index N] [--slow SECONDS] [--out DIR]`:
/// the long seeded fuzz run of issue 13 (the test suite runs a short one).
///
/// Each reader runs in a child process, one after the other, so that a trap in one reader neither ends
/// the run nor hides what the other readers find. Before each input runs, the child writes it to
/// `OUT/current-READER.bin` (and what it is to `current-READER.txt`); when a child dies, the parent moves
/// those to `crash-READER-seed-S-index-I.bin` and goes on from the next index (at most 20 crashes per
/// reader). An input slower than `--slow` (2 s) is copied to `slow-…`, one that breaks a promise to
/// `violation-…`, and one that runs past a minute to `hang-…` (the child then stops). `--index I` runs
/// one input and writes it to `OUT/input-READER-seed-S-index-I.bin`, to turn into a regression seed.
enum FuzzCommand {
    /// The options of one run.
    struct Options {
        var readers: [FuzzReader] = FuzzReader.allCases
        var seed: UInt64 = 1
        var count = 100_000
        var from = 0
        var index: Int?
        var slow: Duration = .seconds(2)
        var out = ".build/fuzz-findings"
        /// Set in the child process: run the reader here, do not spawn.
        var child = false
    }

    static let usage =
        "usage: lineplan-bench fuzz [READER|all] [--seed N] [--count N] [--from N] [--index N] [--slow SECONDS]"
        + " [--out DIR]; READER is one of " + FuzzReader.allCases.map(\.rawValue).joined(separator: ", ")

    /// Parses the arguments after `fuzz` and runs.
    static func run(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else {
            say(usage)
            return 64
        }
        do {
            try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
        } catch {
            say("error: cannot create \(options.out): \(error.localizedDescription)")
            return 73
        }
        if let index = options.index, let reader = options.readers.first {
            return runOne(reader, index: index, options: options)
        }
        if options.child, let reader = options.readers.first {
            return runChild(reader, options: options)
        }
        var status: Int32 = 0
        for reader in options.readers {
            status = max(status, supervise(reader, options: options))
        }
        return status
    }

    private static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("--") {
            rest = rest.dropFirst()
            if first != "all" {
                guard let reader = FuzzReader(rawValue: first) else { return nil }
                options.readers = [reader]
            }
        }
        while let flag = rest.popFirst() {
            if flag == "--child" {
                options.child = true
                continue
            }
            guard let value = rest.popFirst() else { return nil }
            switch flag {
            case "--seed":
                guard let seed = UInt64(value) else { return nil }
                options.seed = seed
            case "--count":
                guard let count = Int(value), count > 0 else { return nil }
                options.count = count
            case "--from":
                guard let from = Int(value), from >= 0 else { return nil }
                options.from = from
            case "--index":
                guard let index = Int(value), index >= 0 else { return nil }
                options.index = index
            case "--slow":
                guard let seconds = Double(value), seconds > 0 else { return nil }
                options.slow = .milliseconds(Int(seconds * 1000))
            case "--out": options.out = value
            default: return nil
            }
        }
        return options
    }

    /// The harness and the campaign of a reader, or a message saying why not.
    private static func setUp(_ reader: FuzzReader, seed: UInt64) -> (FuzzHarness, FuzzCampaign)? {
        do throws(FuzzSetupError) {
            let harness = try FuzzHarness(packageRoot: ".")
            let corpus = try FuzzCorpus(reader: reader, packageRoot: ".")
            return (harness, FuzzCampaign(corpus: corpus, seed: seed))
        } catch {
            say("error: \(error) (run lineplan-bench from the package folder)")
            return nil
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func fileStem(_ reader: FuzzReader, seed: UInt64, index: Int) -> String {
        "\(reader)-seed-\(seed)-index-\(index)"
    }

    /// Prints a line and flushes it, so that a log of a long run shows progress and what came before a crash.
    private static func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    /// Writes a file with plain `fopen`/`fwrite`: `FileManager.createFile` writes a temporary file and
    /// renames it, which costs more than a small input takes to run.
    private static func write(_ bytes: [UInt8], to path: String) {
        guard let file = fopen(path, "wb") else { return }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }

    /// Runs one input, prints its verdict and time, and saves it.
    private static func runOne(_ reader: FuzzReader, index: Int, options: Options) -> Int32 {
        guard let (harness, campaign) = setUp(reader, seed: options.seed) else { return 69 }
        let input = campaign.input(at: index)
        let path = "\(options.out)/input-\(fileStem(reader, seed: options.seed, index: index)).bin"
        write(input, to: path)
        let clock = ContinuousClock()
        let start = clock.now
        let verdict = harness.run(reader, input)
        say("\(campaign.describe(index)): \(verdict) in \(clock.now - start); the input is in \(path)")
        if case .violated = verdict { return 1 }
        return 0
    }

    /// Runs a reader's inputs in this process, saving each before it runs.
    private static func runChild(_ reader: FuzzReader, options: Options) -> Int32 {
        guard let (harness, campaign) = setUp(reader, seed: options.seed) else { return 69 }
        let current = "\(options.out)/current-\(reader)"
        let out = options.out
        let seed = options.seed
        let watchdog = FuzzWatchdog(limit: .seconds(60)) { label in
            let stem = label.split(separator: " ").last.map(String.init) ?? "unknown"
            try? FileManager.default.copyItem(
                atPath: "\(current).bin", toPath: "\(out)/hang-\(reader)-seed-\(seed)-index-\(stem).bin")
            say("HANG (over 60 s): \(label)")
            exit(3)
        }
        defer { watchdog.stop() }
        var violations = 0
        let summary = campaign.run(
            options.from..<max(options.from, options.count), harness: harness, slowLimit: options.slow,
            before: { index, input in
                write(input, to: "\(current).bin")
                write(Array("\(index)\n\(campaign.describe(index))\n".utf8), to: "\(current).txt")
                watchdog.arm(campaign.describe(index))
            },
            after: { index, input, verdict, took in
                watchdog.disarm()
                let stem = fileStem(reader, seed: seed, index: index)
                if case .violated(let promise) = verdict {
                    violations += 1
                    write(input, to: "\(out)/violation-\(stem).bin")
                    say("VIOLATION: \(campaign.describe(index)): \(promise)")
                }
                if took > options.slow {
                    write(input, to: "\(out)/slow-\(stem).bin")
                    say("SLOW (\(took)): \(campaign.describe(index))")
                }
                if index % 10_000 == 0, index > options.from {
                    say("\(reader): \(index) inputs")
                }
            })
        try? FileManager.default.removeItem(atPath: "\(current).bin")
        try? FileManager.default.removeItem(atPath: "\(current).txt")
        say(summary.line)
        return violations > 0 || !summary.slow.isEmpty ? 1 : 0
    }

    /// Runs a reader in child processes, going on after each crash from the input after the one that crashed.
    private static func supervise(_ reader: FuzzReader, options: Options) -> Int32 {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).path
        var from = options.from
        var crashes = 0
        var status: Int32 = 0
        let current = "\(options.out)/current-\(reader)"
        while from < options.count {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [
                "fuzz", reader.rawValue, "--child", "--seed", "\(options.seed)", "--count", "\(options.count)",
                "--from", "\(from)", "--slow", "\(seconds(options.slow))", "--out", options.out,
            ]
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = environment["SWIFT_BACKTRACE"] ?? "enable=no"
            process.environment = environment
            do {
                try process.run()
            } catch {
                say("error: cannot start \(executable): \(error.localizedDescription)")
                return 69
            }
            process.waitUntilExit()
            if process.terminationReason == .exit, process.terminationStatus != 3 {
                status = max(status, process.terminationStatus)
                break
            }
            status = 1
            let text = (try? String(contentsOfFile: "\(current).txt", encoding: .utf8)) ?? ""
            guard let index = text.split(separator: "\n").first.flatMap({ Int($0) }) else {
                say("\(reader): the child died before its first input")
                break
            }
            if process.terminationReason == .uncaughtSignal {
                let stem = fileStem(reader, seed: options.seed, index: index)
                try? FileManager.default.moveItem(atPath: "\(current).bin", toPath: "\(options.out)/crash-\(stem).bin")
                say("CRASH (signal \(process.terminationStatus)): \(reader) seed \(options.seed) index \(index)")
                crashes += 1
            }
            try? FileManager.default.removeItem(atPath: "\(current).txt")
            guard crashes < 20 else {
                say("\(reader): 20 crashes, stopping")
                break
            }
            from = index + 1
        }
        return status
    }
}
