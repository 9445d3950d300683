import Foundation

/// What a run of fuzz inputs found: counts by verdict, the violations, the slow inputs and the slowest.
public struct FuzzSummary: Sendable {
    /// The reader.
    public let reader: FuzzReader
    /// The campaign's seed.
    public let seed: UInt64
    /// Inputs run.
    public var count = 0
    /// Inputs accepted.
    public var accepted = 0
    /// Inputs refused.
    public var refused = 0
    /// Inputs that broke a promise: what the input is, and which promise.
    public var violations: [String] = []
    /// Inputs slower than the run's limit: what the input is, and its time.
    public var slow: [String] = []
    /// The slowest input's index and time.
    public var slowest: (index: Int, took: Duration)?
    /// The whole run's time.
    public var elapsed: Duration = .zero

    /// Creates an empty summary.
    public init(reader: FuzzReader, seed: UInt64) {
        self.reader = reader
        self.seed = seed
    }

    /// Counts one input.
    mutating func record(
        index: Int, verdict: FuzzVerdict, took: Duration, slowLimit: Duration, describe: (Int) -> String
    ) {
        count += 1
        switch verdict {
        case .accepted: accepted += 1
        case .refused: refused += 1
        case .violated(let promise): violations.append("\(describe(index)): \(promise)")
        }
        if took > slowLimit {
            slow.append("\(describe(index)): \(took)")
        }
        if took > slowest?.took ?? .zero {
            slowest = (index, took)
        }
    }

    /// One line: the reader, the counts, the time and the slowest input.
    public var line: String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let slowestText = slowest.map { " slowest #\($0.index) \($0.took)," } ?? ""
        return "\(reader) seed \(seed): \(count) inputs in \(String(format: "%.1f", seconds)) s, \(accepted) accepted,"
            + " \(refused) refused,\(slowestText) \(violations.count) violations, \(slow.count) slow"
    }
}
