import Devices
import Foundation
import Ledger
import NetGraph
import Orders
import PlanReports
import Planning
import WorkCalendar

/// Issue 16: how a dry run, a commit and a bundle grow with the order, on the generated province.
///
/// For each size, an internet order of that many sites (2M on FE, a Cisco 1841, a /29 LAN each, on
/// buildings drawn with a fixed seed) is planned as `lineplan plan` does with the network already
/// loaded: a dry run against an empty ledger, a commit into a new SQLite ledger (one transaction), and
/// the bundle (`--out`: documents, configurations read back, staged and moved into a new folder). The
/// commit should cost its dry run and a little more, whatever the size: it plans once, before the write
/// lock (nothing else writes meanwhile, so the plan is recorded as made), then records the sites, 64
/// reservations to a statement; what it takes beyond the dry run is the recording. 2M a site keeps
/// 100,000 sites within the province's capacity, so the figures measure planning and recording, not
/// blocked searches.
///
/// `lineplan-bench orders [1000,10000,100000]`, from the package folder (it reads `Templates/`).
func benchmarkOrderScaling(sizes: [Int]) {
    let text = SyntheticNetwork(scale: .province, seed: 1).generate().fileText
    guard let network = try? Network.load(name: "province.json", bytes: Array(text.utf8)).network,
        let received = try? CalendarDate(parsing: "2026-11-25"),
        let catalogBytes = FileManager.default.contents(atPath: "Templates/routers.json"),
        let catalog = try? RouterCatalog.load(name: "routers.json", bytes: [UInt8](catalogBytes))
    else {
        print("error: the province network or Templates/routers.json did not load (run from the package folder)")
        return
    }
    let buildings = network.nodes.filter { $0.kind == .building }.map(\.id)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lineplan-bench-orders-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for size in sizes {
        var random = SplitMix64(seed: 7)
        let sites = (0..<size).map { number in
            OrderSite(
                name: "S\(number)", building: buildings[random.next(in: 0...(buildings.count - 1))],
                bandwidth: .megabits(2), interface: .fe, router: "Cisco 1841", lan: .hosts(6))
        }
        let order = Order(
            id: "BENCH-\(size)", customer: "bench", product: .internet, request: .new, received: received,
            mature: true, sites: sites)
        let loaded = LoadedOrder(order: order, source: OrderSource(file: "bench"), warnings: [])
        let judge = RouterJudge(catalog: catalog)
        let context = PlanningContext(
            network: network,
            routerCheck: { [answers = judge.answers(for: order)] site, product in
                answers[site.name] ?? judge.answer(for: site, product: product)
            })
        let ledgerPath = folder.appendingPathComponent("ledger-\(size).sqlite").path
        guard let ledger = try? Ledger(path: ledgerPath) else {
            print("error: cannot create a ledger in \(folder.path)")
            return
        }
        var dryRun: Plan?
        let dryTime = milliseconds { dryRun = try? LedgerPlanning.dryRun(loaded, context: context, ledger: ledger) }
        var committed: Plan?
        let commitTime = milliseconds {
            committed = try? PlanCommit.commit(loaded, context: context, ledger: ledger, actor: "bench")
        }
        guard let dryRun, let committed else {
            print("error: the \(size)-site order did not plan or commit")
            return
        }
        let served = committed.sites.filter(\.isServed).count
        var outcome: BundleFolder.Outcome?
        let bundleTime = milliseconds {
            guard
                let assembled = try? PlanBundle.assemble(
                    plan: dryRun, network: network, language: .en, calendar: context.calendar, catalog: catalog,
                    templates: "Templates")
            else { return }
            outcome = try? BundleFolder(path: folder.appendingPathComponent("out-\(size)").path)
                .write(assembled.files, replacing: .bundle)
        }
        let label = "\(size.formatted()) sites"
        report(
            "\(label): dry run",
            String(format: "%.0f ms (%.3f ms a site, %d served)", dryTime, dryTime / Double(size), served))
        report(
            "\(label): commit",
            String(
                format: "%.0f ms (%.2f× the dry run, %.3f ms a site; %.0f ms beyond the dry run)", commitTime,
                commitTime / max(dryTime, 1), commitTime / Double(size), commitTime - dryTime))
        report(
            "\(label): bundle (--out)",
            outcome.map {
                String(
                    format: "%.0f ms, %d files, %.1f MiB", bundleTime, $0.written.count,
                    Double($0.bytes) / 1_048_576)
            } ?? "FAILED")
        report("\(label): peak RSS so far", String(format: "%.0f MiB", peakResidentMiB()))
    }
}
