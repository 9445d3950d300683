import Foundation
import FuzzTargets
import TestSupport
import Testing

/// The short seeded fuzz run of issue 13: every reader's corpus as it is, then a few thousand mutations of
/// it with a fixed seed, in about a minute for all readers in a debug build.
///
/// A trap crashes the test process (the intended signal); an input that runs past a minute is reported
/// by a watchdog, which then ends the process; an input slower than ``slowLimit`` or one that breaks a
/// promise fails the test, naming the seed and the index to make it again with
/// `lineplan-bench fuzz READER --seed S --index I`.
@Suite struct ShortFuzzRunTests {
    /// The short run's seed.
    static let seed: UInt64 = 13
    /// An input slower than this fails the run.
    static let slowLimit: Duration = .seconds(1)

    /// The harness, set up once for every reader.
    static let harness: Result<FuzzHarness, FuzzSetupError> = {
        do throws(FuzzSetupError) {
            return .success(try FuzzHarness(packageRoot: TestSupport.packageRoot.path))
        } catch {
            return .failure(error)
        }
    }()

    /// Inputs per reader, the corpus included: some 2 to 6 seconds each in a debug build on an idle core
    /// (2026-12-05: 17 s for all seven readers, two at a time), more on a loaded machine.
    static func count(_ reader: FuzzReader) -> Int {
        switch reader {
        case .network: 3_000
        case .orderJSON: 8_000
        case .orderCSV: 4_000
        case .version: 10_000
        case .savedPlan: 6_000
        case .holidays: 10_000
        case .template: 2_000
        }
    }

    @Test(arguments: FuzzReader.allCases)
    func seededRunHasNoTrapHangSlowInputOrBrokenPromise(reader: FuzzReader) throws {
        let harness = try Self.harness.get()
        let corpus = try FuzzCorpus(reader: reader, packageRoot: TestSupport.packageRoot.path)
        let campaign = FuzzCampaign(corpus: corpus, seed: Self.seed)
        let watchdog = FuzzWatchdog(limit: .seconds(60)) { label in
            fatalError("a fuzz input ran for more than 60 s: \(label)")
        }
        defer { watchdog.stop() }
        let summary = campaign.run(
            0..<Self.count(reader), harness: harness, slowLimit: Self.slowLimit,
            before: { index, _ in watchdog.arm(campaign.describe(index)) },
            after: { _, _, _, _ in watchdog.disarm() })
        print(summary.line)
        #expect(summary.violations == [])
        #expect(summary.slow == [])
        #expect(summary.accepted > corpus.entries.count, "mutations should get past the syntax now and then")
    }
}
