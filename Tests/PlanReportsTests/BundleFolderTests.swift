import Foundation
import PlanReports
import TestSupport
import Testing

/// The bundle folder's manifest: what it removes and what it never touches.
@Suite struct BundleFolderTests {
    func files(_ paths: [String]) -> [BundleFile] {
        paths.map { BundleFile(path: $0, contents: "\($0)\n") }
    }

    @Test func removesOnlyWhatTheManifestListsInsideTheFolder() throws {
        let parent = try TestSupport.makeTemporaryFolder()
        let victim = parent.appendingPathComponent("victim.txt")
        try "keep me\n".write(to: victim, atomically: true, encoding: .utf8)
        let folder = BundleFolder(path: parent.appendingPathComponent("out").path)
        let first = try folder.write(
            files(["plan.json", "configs/A.ios.cfg", "configs/B.vrp3.cfg"]), replacing: .bundle)
        #expect(
            first
                == BundleFolder.Outcome(
                    written: ["configs/A.ios.cfg", "configs/B.vrp3.cfg", "plan.json"], removed: [],
                    // Each file holds its path and a newline: 18 + 19 + 10 bytes.
                    bytes: 47))
        // A manifest edited to reach outside the folder: the line is ignored, the file outside is never removed.
        let manifest = parent.appendingPathComponent("out/.lineplan-bundle")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try (text + "../victim.txt\n/etc/hostname\n").write(to: manifest, atomically: true, encoding: .utf8)
        let second = try folder.write(files(["plan.json"]), replacing: .bundle)
        #expect(second.removed == ["configs/A.ios.cfg", "configs/B.vrp3.cfg"])
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me\n")
        // The emptied configs folder goes too; the manifest lists what is left.
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("out/configs").path))
        #expect(
            try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").dropFirst() == ["plan.json"])
    }

    @Test func renderReplacesOnlyTheConfigurations() throws {
        let folder = BundleFolder(path: try TestSupport.makeTemporaryFolder().appendingPathComponent("out").path)
        _ = try folder.write(files(["plan.json", "office-data.md", "configs/A.ios.cfg"]), replacing: .bundle)
        let outcome = try folder.write(files(["configs/A.vrp5.cfg"]), replacing: .configurations)
        #expect(outcome.removed == ["configs/A.ios.cfg", "office-data.md"])
        let manifest = try String(contentsOfFile: folder.path + "/.lineplan-bundle", encoding: .utf8)
        #expect(manifest.split(separator: "\n").dropFirst() == ["configs/A.vrp5.cfg", "plan.json"])
    }

    @Test func refusesAFileForAFolder() throws {
        let file = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        #expect(
            throws: PlanReportError(
                message: "\(file.path): error: is a file, not a folder; nothing was written", kind: .refusedFolder)
        ) {
            try BundleFolder(path: file.path).write(self.files(["plan.json"]), replacing: .bundle)
        }
    }
}

/// Staging: a bundle is written beside its folder first, so a failure leaves nothing behind.
@Suite struct BundleStagingTests {
    @Test func aFailureWhileWritingLeavesTheFolderAsItWas() throws {
        let parent = try TestSupport.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = BundleFolder(path: parent.appendingPathComponent("out").path)
        _ = try folder.write([BundleFile(path: "plan.json", contents: "old\n")], replacing: .bundle)
        // "a" is written as a file, then "a/b" cannot be: the write fails half-way.
        #expect(throws: PlanReportError.self) {
            _ = try folder.write(
                [BundleFile(path: "a", contents: "x"), BundleFile(path: "a/b", contents: "y")], replacing: .bundle)
        }
        do {
            _ = try folder.stage(
                [BundleFile(path: "a", contents: "x"), BundleFile(path: "a/b", contents: "y")], replacing: .bundle)
        } catch {
            #expect(error.message.hasSuffix("nothing was written"))
            #expect(!error.message.contains("NSCocoaErrorDomain"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
        #expect(try String(contentsOfFile: folder.path + "/plan.json", encoding: .utf8) == "old\n")
    }

    @Test func stagedFilesMoveIntoPlaceAndDiscardLeavesNothing() throws {
        let parent = try TestSupport.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = BundleFolder(path: parent.appendingPathComponent("deep/out").path)
        let staged = try folder.stage([BundleFile(path: "configs/A.ios.cfg", contents: "x\n")], replacing: .bundle)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        folder.discard(staged)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
        let again = try folder.stage([BundleFile(path: "configs/A.ios.cfg", contents: "x\n")], replacing: .bundle)
        let outcome = try folder.moveIntoPlace(again)
        folder.discard(again)
        #expect(outcome.written == ["configs/A.ios.cfg"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: parent.appendingPathComponent("deep").path) == ["out"])
        #expect(try String(contentsOfFile: folder.path + "/configs/A.ios.cfg", encoding: .utf8) == "x\n")
    }
}
