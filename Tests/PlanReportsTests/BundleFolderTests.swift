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
                == BundleFolder.Outcome(written: ["configs/A.ios.cfg", "configs/B.vrp3.cfg", "plan.json"], removed: []))
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
