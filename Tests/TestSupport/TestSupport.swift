public import Foundation

/// Helpers shared by the test targets: the package root, fixture paths, and running the built
/// `lineplan` binary.
public enum TestSupport {
    /// The package's root folder, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The absolute path of a file in the package, such as `Topologies/wuhan/network.json`.
    public static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// The bytes of a file in the package.
    public static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent(relative)))
    }

    /// What a run of `lineplan` gave.
    public struct Run: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var standardOutput: String
        /// Standard error.
        public var standardError: String
    }

    /// The built `lineplan` executable: beside the test bundle (where `swift test` puts products).
    public static var executable: URL {
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("lineplan")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/lineplan")
    }

    /// Runs `lineplan` with arguments in a working folder and returns its status and output.
    ///
    /// `executable` runs another program instead, such as `setpriv` running `lineplan` as another user;
    /// `environment` adds variables for that run only. The network cache is a folder of the run's own,
    /// removed after it (``isolatedEnvironment(cacheIn:)``), unless `environment` names another.
    ///
    /// Output goes through temporary files, so a large output never blocks on a full pipe.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after `lineplan`.
    ///   - folder: The working folder (default: the package root).
    ///   - input: What standard input holds (default: nothing).
    ///   - environment: Variables to set beside the test's own environment.
    ///   - other: Another `lineplan` to run (a copy elsewhere).
    /// - Returns: The exit status and both outputs.
    /// - Throws: When the process cannot be started or its output read.
    public static func runLinePlan(
        _ arguments: [String], in folder: URL? = nil, input: Data? = nil, environment: [String: String] = [:],
        executable other: URL? = nil
    ) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lineplan-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = other ?? executable
        process.environment = ProcessInfo.processInfo.environment.merging(
            isolatedEnvironment(cacheIn: scratch).merging(environment) { _, new in new }
        ) { _, new in new }
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? packageRoot
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let input {
            let inURL = scratch.appendingPathComponent("stdin")
            try input.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The variables that keep a run of `lineplan` off the user's own files: its network cache
    /// (`LINEPLAN_CACHE_DIR`) in a folder of the test's, never `~/.cache/lineplan`.
    ///
    /// - Parameter folder: A temporary folder of the test; the cache is `cache` inside it.
    /// - Returns: The variables to set.
    public static func isolatedEnvironment(cacheIn folder: URL) -> [String: String] {
        ["LINEPLAN_CACHE_DIR": folder.appendingPathComponent("cache").path]
    }

    /// A new empty temporary folder.
    public static func makeTemporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lineplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The PostgreSQL server for the shared-ledger tests (`LINEPLAN_TEST_POSTGRES`), or `nil`.
    ///
    /// Without it those runs are skipped. `Tests/postgres-cluster.sh swift test` starts a throwaway one.
    public static let postgresURL: String? = ProcessInfo.processInfo.environment["LINEPLAN_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }
}

/// The ledger's two stores, for tests that run against both.
public enum LedgerStoreKind: String, Sendable, CustomStringConvertible {
    /// A SQLite file.
    case sqlite
    /// A PostgreSQL schema on `LINEPLAN_TEST_POSTGRES`.
    case postgresql

    /// SQLite, and PostgreSQL when `LINEPLAN_TEST_POSTGRES` is set.
    public static var available: [LedgerStoreKind] {
        TestSupport.postgresURL == nil ? [.sqlite] : [.sqlite, .postgresql]
    }

    /// The store's name.
    public var description: String { rawValue }

    /// A new, empty ledger: a file in `folder`, or a schema of its own on the test server.
    public func freshLedger(in folder: URL, name: String = "l.sqlite") -> String {
        switch self {
        case .sqlite:
            return folder.appendingPathComponent(name).path
        case .postgresql:
            let url = TestSupport.postgresURL ?? "postgresql:///"
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            return url + (url.contains("?") ? "&" : "?") + "lineplan_schema=" + schema
        }
    }
}
