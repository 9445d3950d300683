import Foundation
import FuzzTargets
import TestSupport
import Testing

/// The fuzz inputs are deterministic and bounded, and the corpus is small and reaches past the syntax.
@Suite struct FuzzCampaignTests {
    static func campaign(_ reader: FuzzReader, seed: UInt64) throws -> FuzzCampaign {
        FuzzCampaign(corpus: try FuzzCorpus(reader: reader, packageRoot: TestSupport.packageRoot.path), seed: seed)
    }

    @Test(arguments: FuzzReader.allCases)
    func theSameSeedAndIndexMakeTheSameInputAndAnotherSeedAnother(reader: FuzzReader) throws {
        let first = try Self.campaign(reader, seed: 7)
        let again = try Self.campaign(reader, seed: 7)
        let other = try Self.campaign(reader, seed: 8)
        let indices = Array(100..<140)
        #expect(indices.map(first.input(at:)) == indices.reversed().map(again.input(at:)).reversed())
        #expect(indices.map(first.input(at:)) != indices.map(other.input(at:)))
    }

    @Test(arguments: FuzzReader.allCases)
    func mutationsStayWithinTheSizeLimitAndDiffer(reader: FuzzReader) throws {
        let campaign = try Self.campaign(reader, seed: 1)
        let inputs = (campaign.corpus.entries.count..<(campaign.corpus.entries.count + 500)).map(campaign.input(at:))
        #expect(inputs.allSatisfy { $0.count <= FuzzMutator.maximumSize })
        #expect(Set(inputs).count > 450)
    }

    @Test(arguments: FuzzReader.allCases)
    func everySeedOtherThanARegressionIsAcceptedAsItIs(reader: FuzzReader) throws {
        let harness = try ShortFuzzRunTests.harness.get()
        let corpus = try FuzzCorpus(reader: reader, packageRoot: TestSupport.packageRoot.path)
        for entry in corpus.entries where !entry.name.hasPrefix("regression-") {
            #expect(harness.run(reader, entry.bytes) == .accepted, "\(reader.corpusFolder)/\(entry.name)")
        }
    }

    @Test func theCorpusIsSmall() throws {
        var total = 0
        for reader in FuzzReader.allCases {
            let corpus = try FuzzCorpus(reader: reader, packageRoot: TestSupport.packageRoot.path)
            total += corpus.entries.reduce(0) { $0 + $1.bytes.count }
        }
        #expect(total < 1 << 20)
    }
}
