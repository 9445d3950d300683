import Foundation

/// The seed inputs of one reader: the files of its corpus folder, in name order.
///
/// The folders (`Tests/FuzzCorpus/<reader>/`) hold trimmed copies of the demo files, test fixtures and
/// templates, and every input the fuzzer found a problem with (`regression-*`), so that the short run
/// in the test suite tries each of them as it is before mutating any.
public struct FuzzCorpus: Sendable {
    /// One seed input.
    public struct Entry: Sendable {
        /// The file name.
        public var name: String
        /// The content.
        public var bytes: [UInt8]

        /// Creates an entry.
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The reader the inputs are for.
    public let reader: FuzzReader
    /// The inputs, in name order.
    public let entries: [Entry]

    /// Creates a corpus from inputs in memory.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - entries: The inputs; at least one.
    public init(reader: FuzzReader, entries: [Entry]) {
        self.reader = reader
        self.entries = entries
    }

    /// Reads a reader's corpus folder.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - packageRoot: The package folder.
    /// - Throws: ``FuzzSetupError`` when the folder is missing or empty.
    /// - Complexity: O(total size of the files).
    public init(reader: FuzzReader, packageRoot: String) throws(FuzzSetupError) {
        let folder = "\(packageRoot)/\(reader.corpusFolder)"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw FuzzSetupError("cannot list \(folder) (run from the package folder)")
        }
        var entries: [Entry] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            entries.append(Entry(name: name, bytes: try FuzzHarness.read("\(folder)/\(name)")))
        }
        guard !entries.isEmpty else { throw FuzzSetupError("\(folder) has no seed inputs") }
        self.init(reader: reader, entries: entries)
    }
}
