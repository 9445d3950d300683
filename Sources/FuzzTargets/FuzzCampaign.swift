import NetGraph

/// A deterministic stream of fuzz inputs for one reader: first the corpus as it is, then mutations.
///
/// Input *i* is made from the seed and *i* alone (not from the inputs before it), so a reported input
/// is made again by its seed and index: `lineplan-bench fuzz READER --seed S --index I`.
///
///     let campaign = FuzzCampaign(corpus: corpus, seed: 1)
///     let summary = campaign.run(0..<2_000, harness: harness)
///     summary.violations  // []
public struct FuzzCampaign: Sendable {
    /// The seed inputs.
    public let corpus: FuzzCorpus
    /// The seed.
    public let seed: UInt64

    /// Creates a campaign.
    public init(corpus: FuzzCorpus, seed: UInt64) {
        self.corpus = corpus
        self.seed = seed
    }

    /// The reader.
    public var reader: FuzzReader { corpus.reader }

    /// The input at an index: the corpus file itself below the corpus's count, else a mutation of one.
    ///
    /// - Complexity: O(*n*) in the size of the input made.
    public func input(at index: Int) -> [UInt8] {
        let entries = corpus.entries
        if index < entries.count { return entries[index].bytes }
        var mutator = FuzzMutator(seed: mixedSeed(index), reader: reader)
        let base = entries[mutator.below(entries.count)].bytes
        let other = entries[mutator.below(entries.count)].bytes
        return mutator.mutate(base, other: other)
    }

    /// What an input is, for reports: `corpus file NAME` or `mutation, seed S, index I`.
    public func describe(_ index: Int) -> String {
        index < corpus.entries.count
            ? "\(reader) corpus file \(corpus.entries[index].name)" : "\(reader) mutation, seed \(seed), index \(index)"
    }

    /// The mutator's seed for an input: the campaign's seed, the reader and the index mixed.
    private func mixedSeed(_ index: Int) -> UInt64 {
        // FNV-1a over the reader's name: stable across processes, unlike `hashValue`.
        var salt: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in reader.rawValue.utf8 {
            salt = (salt ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        var mixer = SplitMix64(seed: (seed ^ salt) &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return mixer.next()
    }

    /// Runs inputs and times each.
    ///
    /// - Parameters:
    ///   - indices: The inputs to run.
    ///   - harness: The harness.
    ///   - slowLimit: An input that takes longer is listed in ``FuzzSummary/slow``.
    ///   - before: Called with each index and input before it runs (to save it, or to arm a watchdog).
    ///   - after: Called with each index, input, verdict and time after it ran.
    /// - Returns: The counts, the violations and the slow inputs.
    public func run(
        _ indices: Range<Int>, harness: FuzzHarness, slowLimit: Duration = .seconds(1),
        before: (Int, [UInt8]) -> Void = { _, _ in },
        after: (Int, [UInt8], FuzzVerdict, Duration) -> Void = { _, _, _, _ in }
    ) -> FuzzSummary {
        var summary = FuzzSummary(reader: reader, seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        for index in indices {
            let input = input(at: index)
            before(index, input)
            let began = clock.now
            let verdict = harness.run(reader, input)
            let took = clock.now - began
            after(index, input, verdict, took)
            summary.record(index: index, verdict: verdict, took: took, slowLimit: slowLimit, describe: describe)
        }
        summary.elapsed = clock.now - start
        return summary
    }
}
