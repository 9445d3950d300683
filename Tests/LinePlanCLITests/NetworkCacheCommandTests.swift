import Foundation
import TestSupport
import Testing

@testable import LinePlanCLI

/// Issue 17, end to end: a network that validated once loads from its snapshot in the network cache,
/// with the same plan to the byte; an edited file, a damaged snapshot or a cache turned off is read
/// from the file again.
@Suite struct NetworkCacheCommandTests {
    /// A copy of the demo network in a folder of its own, and a cache folder beside it.
    struct Setup {
        var folder: URL
        var network: URL
        var cache: URL
        var environment: [String: String] { ["LINEPLAN_CACHE_DIR": cache.path, "LINEPLAN_CACHE": "on"] }

        init() throws {
            folder = try TestSupport.makeTemporaryFolder()
            network = folder.appendingPathComponent("network.json")
            cache = folder.appendingPathComponent("cache")
            try Data(try TestSupport.bytes("Topologies/wuhan/network.json")).write(to: network)
        }

        func plan(environment extra: [String: String] = [:]) throws -> TestSupport.Run {
            let run = try TestSupport.runLinePlan(
                [
                    "plan", "--topology", network.path, "--order",
                    TestSupport.path("Topologies/wuhan/orders/office-internet.json"), "--format", "json", "--verbose",
                ], environment: environment.merging(extra) { _, new in new })
            #expect(run.status == 0, "\(run.standardError)")
            return run
        }

        var snapshots: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter {
                $0.hasSuffix(".network")
            }
        }
    }

    @Test func aSecondPlanLoadsTheNetworkFromTheCacheAndAnEditedFileMisses() throws {
        let setup = try Setup()
        let first = try setup.plan()
        #expect(
            first.standardError.contains("lineplan: network \(setup.network.path) read; cached in \(setup.cache.path)/")
        )
        #expect(setup.snapshots.count == 1)
        let second = try setup.plan()
        #expect(second.standardError.contains("lineplan: network \(setup.network.path) from the cache"))
        #expect(second.standardOutput == first.standardOutput)
        #expect(second.standardOutput.contains("\"network\": \"Wuhan demo network\""))
        // One byte of the file changed: its name, which the plan carries.
        var bytes = try TestSupport.bytes("Topologies/wuhan/network.json")
        let name = Array("Wuhan demo network".utf8)
        let start = try #require(
            (0..<(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name })
        bytes[start] = UInt8(ascii: "V")
        try Data(bytes).write(to: setup.network)
        let edited = try setup.plan()
        #expect(edited.standardError.contains("lineplan: network \(setup.network.path) read; cached in"))
        #expect(edited.standardOutput.contains("\"network\": \"Vuhan demo network\""))
        #expect(setup.snapshots.count == 2)
        #expect(try setup.plan().standardError.contains("from the cache"))
    }

    @Test func aDamagedSnapshotIsReadAgainAndWrittenAfresh() throws {
        let setup = try Setup()
        let first = try setup.plan()
        let snapshot = setup.cache.appendingPathComponent(try #require(setup.snapshots.first))
        let intact = try Data(contentsOf: snapshot)
        for damaged in [intact.prefix(intact.count / 2), Data(intact.map { $0 ^ 0x5A }), Data()] {
            try damaged.write(to: snapshot)
            let again = try setup.plan()
            #expect(again.standardError.contains("read; cached in"))
            #expect(again.standardOutput == first.standardOutput)
            #expect(try Data(contentsOf: snapshot) == intact)
        }
    }

    @Test func aCacheFolderThatCannotBeWrittenIsSkipped() throws {
        let setup = try Setup()
        // A folder inside a file can never be made, not even by root.
        let blocked = setup.folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocked)
        let folder = blocked.appendingPathComponent("cache").path
        let run = try setup.plan(environment: ["LINEPLAN_CACHE_DIR": folder])
        #expect(run.standardError.contains("read; not cached (\(folder) cannot be written)"))
        let quiet = try TestSupport.runLinePlan(
            ["topology", "check", setup.network.path], environment: ["LINEPLAN_CACHE_DIR": folder])
        #expect(quiet.status == 0)
        #expect(!quiet.standardError.contains("cache"))
        #expect(quiet.standardOutput.contains("OK"))
    }

    @Test func theCacheTurnedOffIsNeitherReadNorWritten() throws {
        let setup = try Setup()
        let run = try setup.plan(environment: ["LINEPLAN_CACHE": "off"])
        #expect(run.standardError.contains("lineplan: network \(setup.network.path) read (the cache is off)"))
        #expect(!FileManager.default.fileExists(atPath: setup.cache.path))
    }

    @Test func topologyCheckReadsTheSameWarningsFromTheCache() throws {
        let setup = try Setup()
        let arguments = ["topology", "check", setup.network.path, "--format", "json"]
        let first = try TestSupport.runLinePlan(arguments, environment: setup.environment)
        #expect(setup.snapshots.count == 1)
        let second = try TestSupport.runLinePlan(arguments, environment: setup.environment)
        #expect(first.status == 0 && second.status == 0)
        #expect(second.standardOutput == first.standardOutput && second.standardError == first.standardError)
    }

    @Test func findsTheCacheFolderAsDocumented() {
        let folder = { (environment: [String: String]) in NetworkCache.configured(by: environment)?.folder }
        #expect(folder(["HOME": "/home/li"]) == "/home/li/.cache/lineplan")
        #expect(folder(["HOME": "/home/li", "XDG_CACHE_HOME": "/var/cache/li"]) == "/var/cache/li/lineplan")
        #expect(folder(["HOME": "/home/li", "XDG_CACHE_HOME": "relative"]) == "/home/li/.cache/lineplan")
        #expect(
            folder(["HOME": "/home/li", "XDG_CACHE_HOME": "/var/cache/li", "LINEPLAN_CACHE_DIR": "/tmp/c"]) == "/tmp/c")
        #expect(folder(["HOME": "/home/li", "LINEPLAN_CACHE_DIR": "/tmp/c", "LINEPLAN_CACHE": "off"]) == nil)
        #expect(folder(["LINEPLAN_CACHE": "OFF", "HOME": "/home/li"]) == nil)
        #expect(folder([:]) == nil)
    }

    @Test func keepsTheNewestSixteenSnapshots() throws {
        let setup = try Setup()
        try FileManager.default.createDirectory(at: setup.cache, withIntermediateDirectories: true)
        for number in 0..<20 {
            let old = setup.cache.appendingPathComponent("old-\(number).network")
            try Data().write(to: old)
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: Double(-1000 + number))], ofItemAtPath: old.path)
        }
        try Data().write(to: setup.cache.appendingPathComponent("notes.txt"))
        _ = try setup.plan()
        #expect(setup.snapshots.count == 16)
        #expect(!setup.snapshots.contains("old-4.network") && setup.snapshots.contains("old-5.network"))
        #expect(FileManager.default.fileExists(atPath: setup.cache.appendingPathComponent("notes.txt").path))
    }
}
