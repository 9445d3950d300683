import Foundation
import TestSupport
import Testing

/// End-to-end: planning again into the same `--out` folder leaves no stale file, and a folder with
/// files LinePlan did not write is refused and left as it was.
@Suite struct BundleFolderCommandTests {
    let network = TestSupport.path("Topologies/wuhan/network.json")

    func order(_ name: String) -> String { TestSupport.path("Topologies/wuhan/orders/\(name)") }

    func plan(_ order: String, into folder: URL) throws -> TestSupport.Run {
        try TestSupport.runLinePlan(["plan", "--topology", network, "--order", order, "--out", folder.path])
    }

    /// The files under a folder, relative to it, sorted.
    func contents(_ folder: URL) throws -> [String] {
        let manager = FileManager.default
        return try manager.subpathsOfDirectory(atPath: folder.path).filter { relative in
            var isDirectory: ObjCBool = false
            let exists = manager.fileExists(
                atPath: folder.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }.sorted()
    }

    static let documents = [
        "checklist.csv", "checklist.md", "path.dot", "plan.json", "plan.md", "reply-form.csv", "reply-form.md",
        "report.html",
    ]

    @Test func aSmallerPlanRemovesTheEarlierPlansFiles() throws {
        let folder = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        let first = try plan(order("branches-interconnect.csv"), into: folder)
        #expect(first.status == 0, "\(first.standardError)")
        // HQ and five branches: BR5 is blocked and gets no configuration; the Cisco 1841s are IOS, the
        // AR28-11s VRP 3.
        let configs = ["configs/BR1.ios.cfg", "configs/BR2.vrp3.cfg", "configs/BR3.ios.cfg", "configs/BR4.vrp3.cfg"]
        let firstFiles = try contents(folder)
        for config in configs { #expect(firstFiles.contains(config), "\(config)") }
        // BR5 waits for a core build: the note says so (it once said the order gave no LAN), and the run
        // ends with the bundle's count of files.
        #expect(
            first.standardError.contains(
                "note: BR5: no configuration — the site cannot be served today (core-build), so it holds no addresses"
            ), "\(first.standardError)")
        #expect(first.standardError.contains("\(folder.path): 13 files, "), "\(first.standardError)")
        let manifest = try String(contentsOf: folder.appendingPathComponent(".lineplan-bundle"), encoding: .utf8)
        #expect(
            manifest.split(separator: "\n").dropFirst().map(String.init)
                == firstFiles.filter { $0 != ".lineplan-bundle" })

        let second = try plan(order("office-internet.json"), into: folder)
        #expect(second.status == 0, "\(second.standardError)")
        // The office's one AR1220 configuration and the documents; every configuration of the branches is gone.
        #expect(try contents(folder) == ([".lineplan-bundle", "configs/Office.vrp5.cfg"] + Self.documents).sorted())
        for config in firstFiles where config.hasPrefix("configs/") {
            #expect(second.standardError.contains("removed \(folder.appendingPathComponent(config).relativePath)"))
        }
        #expect(
            try String(contentsOf: folder.appendingPathComponent(".lineplan-bundle"), encoding: .utf8)
                .split(separator: "\n").dropFirst().map(String.init)
                == (["configs/Office.vrp5.cfg"] + Self.documents).sorted())
        // Rendering again into the bundle keeps the plan's documents and rewrites the configuration.
        let render = try TestSupport.runLinePlan([
            "render", "--plan", folder.appendingPathComponent("plan.json").path, "--out", folder.path,
        ])
        #expect(render.status == 0, "\(render.standardError)")
        #expect(try contents(folder) == ([".lineplan-bundle", "configs/Office.vrp5.cfg"] + Self.documents).sorted())
    }

    @Test func refusesAFolderWithAForeignFileAndLeavesItUntouched() throws {
        let folder = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let notes = folder.appendingPathComponent("notes.txt")
        try "the customer's own notes\n".write(to: notes, atomically: true, encoding: .utf8)
        let run = try plan(order("office-internet.json"), into: folder)
        #expect(run.status == 65)
        #expect(
            run.standardError.contains(
                "\(folder.path): error: the folder holds 'notes.txt', which LinePlan did not write; choose a new or "
                    + "empty folder, or remove it; nothing was written"))
        #expect(try contents(folder) == ["notes.txt"])
        #expect(try String(contentsOf: notes, encoding: .utf8) == "the customer's own notes\n")
        // A file dropped into a bundle LinePlan wrote is refused as well, and the bundle is left as it was.
        try FileManager.default.removeItem(at: notes)
        #expect(try plan(order("office-internet.json"), into: folder).status == 0)
        let bundle = try contents(folder)
        try "x".write(to: folder.appendingPathComponent("configs/extra.cfg"), atomically: true, encoding: .utf8)
        let again = try plan(order("bank-apn.json"), into: folder)
        #expect(again.status == 65)
        #expect(again.standardError.contains("'configs/extra.cfg'"))
        #expect(try contents(folder) == (bundle + ["configs/extra.cfg"]).sorted())
    }
}
