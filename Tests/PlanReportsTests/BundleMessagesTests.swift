import Orders
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
        var skipped = (0..<30).map { PlanConfigurations.Skipped(site: "S\($0)", reason: .noLAN) }
        skipped.insert(PlanConfigurations.Skipped(site: "HQ", reason: .noAPNPool), at: 3)
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

    /// A `--lang zh` run says the same in Chinese, with full-width punctuation.
    @Test func chineseRunsSayItInChinese() {
        let outcome = BundleFolder.Outcome(written: ["plan.json"], removed: ["configs/Old.ios.cfg"], bytes: 3_584)
        #expect(
            BundleMessages.written(outcome, folder: "out", language: .zh)
                == ["已写入 out/plan.json", "已删除 out/configs/Old.ios.cfg", "out：共1个文件，3.5 KiB"])
        let configs = (0..<30).map { "configs/S\($0).vrp5.cfg" }
        let large = BundleFolder.Outcome(written: configs, removed: [], bytes: 2_048)
        #expect(
            BundleMessages.written(large, folder: "out", language: .zh) == [
                "已写入 out/configs：30个文件", "out：共30个文件，2.0 KiB",
            ])

        let hub = PlanConfigurations.Skipped(site: "总部", reason: .oneBranchPerCircuit(interface: .e1, branches: 3))
        #expect(
            BundleMessages.notes([hub], language: .zh)
                == ["说明：总部不生成配置——E1接入的中心点每条电路只能连接一个分支点；3个分支点需改用以太网交接（802.1Q子接口）或各配一条E1"])
        let blocked = (0..<21).map { PlanConfigurations.Skipped(site: "S\($0)", reason: .cannotBeServed(.coreBuild)) }
        #expect(
            BundleMessages.notes(blocked, language: .zh)
                == ["说明：21个站点不生成配置——该站点现网无法开通（工程建设），未分配地址（S0、S1、S2、S3、S4等）"])
        #expect(
            BundleMessages.notes(blocked, language: .en)
                == [
                    "note: 21 sites: no configuration — the site cannot be served today (core-build), so it holds no"
                        + " addresses (S0, S1, S2, S3, S4, …)"
                ])
    }
}
