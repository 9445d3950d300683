import PlanReports
import Planning
import Testing

/// What the command line says about a bundle: one line per file or note for a small order, grouped for a
/// large one (issue 16: a 10,000-site order printed 20,000 lines).
@Suite struct BundleMessagesTests {
    @Test func aSmallBundleListsEveryFileThenItsSize() {
        let outcome = BundleFolder.Outcome(
            written: ["configs/HQ.ios.cfg", "plan.json"], removed: ["configs/Old.ios.cfg"], bytes: 3_584)
        #expect(
            BundleMessages.written(outcome, folder: "out/")
                == [
                    "wrote out/configs/HQ.ios.cfg", "wrote out/plan.json", "removed out/configs/Old.ios.cfg",
                    "out: 2 files, 3.5 KiB",
                ])
    }

    @Test func aLargeBundleCountsFilesPerFolder() {
        let configs = (0..<8_192).map { "configs/S\($0).ios.cfg" }
        let documents = ["checklist.md", "plan.json", "plan.md", "reply-form.md", "report.html"]
        // 189.3 MiB: 198,495,437 bytes / 1,048,576 = 189.30…
        let outcome = BundleFolder.Outcome(written: documents + configs, removed: [], bytes: 198_495_437)
        #expect(
            BundleMessages.written(outcome, folder: "out10k")
                == ["wrote out10k: 5 files", "wrote out10k/configs: 8192 files", "out10k: 8197 files, 189.3 MiB"])
    }

    @Test func manyNotesAreGroupedByReasonInTheOrderFirstSeen() {
        var skipped = (0..<30).map { PlanConfigurations.Skipped(site: "S\($0)", reason: "the order gives no LAN") }
        skipped.insert(PlanConfigurations.Skipped(site: "HQ", reason: "no APN pool"), at: 3)
        #expect(
            BundleMessages.notes(skipped)
                == [
                    "note: 30 sites: no configuration — the order gives no LAN (S0, S1, S2, S3, S4, …)",
                    "note: HQ: no configuration — no APN pool",
                ])
        #expect(
            BundleMessages.notes(Array(skipped.prefix(2)))
                == [
                    "note: S0: no configuration — the order gives no LAN",
                    "note: S1: no configuration — the order gives no LAN",
                ])
    }
}
