import Foundation
import FuzzTargets

#if LINEPLAN_LIBFUZZER
    import CFuzzerDriver
#endif

/// The reader and harness a libFuzzer run drives: `LINEPLAN_FUZZ_READER` names the reader, and
/// `LINEPLAN_FUZZ_ROOT` the package folder (the current folder by default).
let libFuzzerTarget: Result<(reader: FuzzReader, harness: FuzzHarness), FuzzSetupError> = {
    let environment = ProcessInfo.processInfo.environment
    let names = FuzzReader.allCases.map(\.rawValue).joined(separator: ", ")
    guard let name = environment["LINEPLAN_FUZZ_READER"], let reader = FuzzReader(rawValue: name) else {
        return .failure(FuzzSetupError("set LINEPLAN_FUZZ_READER to one of \(names)"))
    }
    do throws(FuzzSetupError) {
        return .success((reader, try FuzzHarness(packageRoot: environment["LINEPLAN_FUZZ_ROOT"] ?? ".")))
    } catch {
        return .failure(error)
    }
}()

/// `lineplan-fuzz`: built with `-sanitize=fuzzer`, a libFuzzer binary for one reader; built as usual, it
/// runs files through a reader and prints each verdict (to replay what libFuzzer or `lineplan-bench fuzz`
/// saved, with a readable backtrace).
///
///     LINEPLAN_FUZZ_READER=network .build/fuzz/release/lineplan-fuzz CORPUS-DIR Tests/FuzzCorpus/network
///     .build/debug/lineplan-fuzz network crash-0f27f2bf3d00e604fd40184106d989147f5673e9
@main
enum FuzzEntry {
    static func main() {
        #if LINEPLAN_LIBFUZZER
            runLibFuzzer()
        #else
            replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    #if LINEPLAN_LIBFUZZER
        /// Hands the process to libFuzzer's driver, which parses the rest of the command line.
        static func runLibFuzzer() {
            if case .failure(let error) = libFuzzerTarget {
                FileHandle.standardError.write(Data("lineplan-fuzz: \(error)\n".utf8))
                exit(64)
            }
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                guard case .success(let target) = libFuzzerTarget else { return -1 }
                let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
                if case .violated(let promise) = target.harness.run(target.reader, bytes) {
                    // Deliberate: libFuzzer saves only an input that ends the process abnormally, so a broken
                    // promise is made into one. This binary is the fuzzing harness, never the `lineplan` a user
                    // runs, and it only gets here when LinePlan itself broke a promise.
                    FileHandle.standardError.write(Data("lineplan-fuzz: \(target.reader): \(promise)\n".utf8))
                    abort()
                }
                return 0
            }
            exit(status)
        }
    #endif

    /// Runs each file through a reader and prints its verdict; exit 1 when any broke a promise.
    static func replay(_ arguments: [String]) {
        let names = FuzzReader.allCases.map(\.rawValue).joined(separator: "|")
        guard let name = arguments.first, let reader = FuzzReader(rawValue: name), arguments.count > 1 else {
            print("usage: lineplan-fuzz \(names) FILE... (built with -sanitize=fuzzer: see README, \"Fuzzing\")")
            exit(64)
        }
        let harness: FuzzHarness
        do {
            harness = try FuzzHarness(packageRoot: ProcessInfo.processInfo.environment["LINEPLAN_FUZZ_ROOT"] ?? ".")
        } catch {
            print("lineplan-fuzz: \(error)")
            exit(69)
        }
        var violated = false
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                exit(65)
            }
            let verdict = harness.run(reader, [UInt8](data))
            if case .violated = verdict { violated = true }
            print("\(path): \(verdict)")
        }
        exit(violated ? 1 : 0)
    }
}
