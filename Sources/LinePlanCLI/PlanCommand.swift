import Devices
import Foundation
import Ledger
import LocatedJSON
import NetGraph
import Orders
import PlanReports
import Planning
import RouterConfigs
import WorkCalendar

/// `lineplan plan`.
enum PlanCommand {
    static let help = """
        Usage:
          lineplan plan --topology FILE --order FILE [--ledger FILE] [--commit] [--out DIR]
                        [--format text|json]

        Plans an order (JSON, or CSV with one row per site): per site the access technology by
        ordered rules, the constrained path and a diverse protection path when asked, segment
        checks, addresses and the router verdict; for the order, the resource confirmation outcome
        and the reply's due date in Chinese working days.
        Without --commit nothing is written. With --commit the plan is made again inside the
        ledger's write lock and every reservation of the order is recorded in one transaction, as
        holds that expire at the reply date; 'modify' releases the order's lines and records the
        new plan in the same transaction; 'cease' releases them.
        --out DIR writes the bundle there and prints where it went: plan.json, plan.md,
        reply-form.md and .csv (本地集团客户接入类资源确认及回复单), checklist.md and .csv, report.html,
        path.dot, configs/<site>.<platform>.cfg (each read back and checked against the plan) and
        office-data.md for an APN line, with a manifest (.lineplan-bundle) of what it wrote. Planning
        again into the same folder removes the earlier bundle's files that the new one does not
        write; a folder that holds files LinePlan did not write is refused (exit 65) and left as
        it is. --lang zh writes the documents (and the summary) in Chinese.
        --templates DIR is the folder with routers.json and the <platform>/ templates (default:
        ./Templates, else the Templates folder above the lineplan executable).
        --holidays DIR reads NateScarlet/holiday-cn year files (2027.json, …) that add to or replace
        the built-in 2024–2027 data, for a year whose State Council notice came out after this build.
        Exit 0 with a plan (a site that needs construction is an answer); 65 for a bad order or
        network file; 75 when the ledger is busy (try again).

        """

    static func run(_ arguments: [String]) throws(CommandFailure) {
        if LinePlanCommand.handledHelp(arguments, help) { return }
        let parsed = try CommandArguments(
            arguments, command: "plan",
            options: ["topology", "order", "ledger", "out", "format", "holidays", "templates", "lang"],
            flags: ["commit"])
        try parsed.expectNoPositionals()
        let topology = try parsed.required("topology")
        let orderPath = try parsed.required("order")
        let format = try parsed.choice("format", from: ["text", "json"], default: "text")
        let language = ReportLanguage(rawValue: try parsed.choice("lang", from: ["en", "zh"], default: "en")) ?? .en
        let network = try TopologyCommand.load(topology).network
        let loaded = try loadOrder(orderPath)
        FileAccess.printError(loaded.warnings.map(\.description))
        let templates = try RouterCommand.templatesDirectory(parsed.value("templates"))
        let catalog = try RouterCommand.loadCatalog(templates: templates)
        let judge = RouterJudge(catalog: catalog, reports: try versionReports(loaded, orderPath: orderPath))
        var context = PlanningContext(
            network: network, calendar: try calendar(parsed.value("holidays")),
            routerCheck: { [answers = judge.answers(for: loaded.order)] site, product in
                answers[site.name] ?? judge.answer(for: site, product: product)
            })
        if isatty(STDERR_FILENO) != 0, loaded.order.sites.count >= 200 {
            context.progress = { done, total in
                if done % 100 == 0 || done == total {
                    FileHandle.standardError.write(
                        Data("\rplanning: \(done)/\(total) sites\(done == total ? "\n" : "")".utf8))
                }
            }
        }
        let ledgerPath = LedgerCommand.ledgerPath(parsed)
        let plan: Plan
        if parsed.flag("commit") {
            let ledger = try LedgerCommand.open(ledgerPath)
            do {
                plan = try PlanCommit.commit(loaded, context: context, ledger: ledger, actor: LedgerCommand.actor)
            } catch {
                switch error {
                case .order(let problem): throw orderFailure(problem)
                case .ledger(let problem): throw LedgerCommand.failure(problem)
                }
            }
        } else {
            if Ledger.isServer(ledgerPath) || FileManager.default.fileExists(atPath: ledgerPath) {
                let ledger = try LedgerCommand.open(ledgerPath, readOnly: true)
                do {
                    let view = try ledger.view(
                        forOrder: loaded.order.id, keepingAddresses: loaded.order.request == .new)
                    context.usage = view.usage
                    context.heldAddresses = view.heldAddresses
                    context.existingLines = view.existingLines
                    context.knownOrders = view.knownOrders
                } catch {
                    throw LedgerCommand.failure(error)
                }
            }
            do {
                plan = try Planner(context: context).plan(loaded)
            } catch {
                throw orderFailure(error)
            }
        }
        if let folder = parsed.value("out") {
            let configurations = try renderConfigurations(plan, catalog: catalog, templates: templates)
            let checklists = try loadChecklists(templates: templates)
            var files: [(String, String)]
            do {
                files = try PlanBundle.files(
                    plan: plan, network: network, language: language, checklists: checklists,
                    calendar: context.calendar,
                    attachments: ReportAttachments(
                        configs: Dictionary(
                            configurations.configs.map { ($0.site, $0.path) }, uniquingKeysWith: { a, _ in a }))
                )
                .map { ($0.path, $0.contents) }
            } catch {
                throw CommandFailure(.failure, ["lineplan: \(error.message)"])
            }
            files += configurations.configs.map { ($0.path, $0.text) }
            if let office = configurations.officeData { files.append(("office-data.md", office)) }
            try writeBundle(files, to: folder)
            FileAccess.printError(configurations.skipped.map { "note: \($0)" })
        }
        if format == "json" {
            FileAccess.printOut(plan.renderedJSON)
        } else {
            FileAccess.printOut(language == .en ? plan.text : PlanMarkdown.make(plan: plan, language: language))
        }
    }

    /// Reads the provisioning flows (`checklists/*.json`) from a templates folder.
    static func loadChecklists(templates: String) throws(CommandFailure) -> ChecklistLibrary {
        let folder = URL(fileURLWithPath: templates).appendingPathComponent("checklists")
        var files: [(name: String, bytes: [UInt8])] = []
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".json") }
            .sorted()
            ?? []
        for name in names {
            let path = folder.appendingPathComponent(name).relativePath
            files.append((path, try FileAccess.read(path, limit: 1_048_576)))
        }
        do {
            return try ChecklistLibrary.load(files: files)
        } catch {
            throw CommandFailure(.dataError, error.diagnostics.map(\.description))
        }
    }

    /// Renders and checks a plan's router configurations, or fails naming the field or line.
    static func renderConfigurations(_ plan: Plan, catalog: RouterCatalog, templates: String) throws(CommandFailure)
        -> PlanConfigurations
    {
        do {
            let renderer = try RouterConfigRenderer(templatesDirectory: templates)
            return try PlanConfigurations.render(plan: plan, catalog: catalog, renderer: renderer)
        } catch {
            throw CommandFailure(.dataError, ["lineplan: \(error.description)"])
        }
    }

    /// Writes every file of a bundle, all of them prepared first so a failure writes nothing, removes
    /// what an earlier bundle there no longer needs, and says where they went.
    static func writeBundle(
        _ files: [(String, String)], to folder: String, replacing replaced: BundleFolder.Replaced = .bundle
    ) throws(CommandFailure) {
        let outcome: BundleFolder.Outcome
        do {
            outcome = try BundleFolder(path: folder).write(
                files.map { BundleFile(path: $0.0, contents: $0.1) }, replacing: replaced)
        } catch {
            throw CommandFailure(error.kind == .refusedFolder ? .dataError : .failure, ["lineplan: \(error.message)"])
        }
        let base = URL(fileURLWithPath: folder)
        FileAccess.printError(
            files.map { "wrote \(base.appendingPathComponent($0.0).relativePath)" }
                + outcome.removed.map { "removed \(base.appendingPathComponent($0).relativePath)" })
    }

    /// Reads each site's pasted version output (a path relative to the order file's folder).
    static func versionReports(_ loaded: LoadedOrder, orderPath: String) throws(CommandFailure) -> [String:
        VersionReport]
    {
        var reports: [String: VersionReport] = [:]
        let base = URL(fileURLWithPath: orderPath).deletingLastPathComponent()
        for (index, site) in loaded.order.sites.enumerated() {
            guard let file = site.routerVersionFile else { continue }
            let path = file.hasPrefix("/") ? file : base.appendingPathComponent(file).relativePath
            let bytes: [UInt8]
            do {
                bytes = try FileAccess.read(path, limit: 1_048_576)
            } catch {
                throw CommandFailure(
                    .dataError,
                    [
                        loaded.source.diagnostic(
                            .error, site: index, field: "routerVersionFile", "cannot read '\(path)'"
                        ).description
                    ])
            }
            do {
                reports[site.name] = try VersionReader.read(String(decoding: bytes, as: UTF8.self), name: path)
            } catch {
                throw CommandFailure(
                    .dataError,
                    [
                        loaded.source.diagnostic(.error, site: index, field: "routerVersionFile", error.description)
                            .description
                    ])
            }
        }
        return reports
    }

    /// The built-in calendar, with the years of a holiday-cn folder (`2027.json`, …) replacing or adding to it.
    static func calendar(_ folder: String?) throws(CommandFailure) -> WorkingDayCalendar {
        guard let folder else { return .chinaMainland }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
                .sorted()
        } catch {
            throw CommandFailure(.dataError, ["\(folder): error: cannot read the holiday folder"])
        }
        var loaded: [HolidayYear] = []
        for name in names {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).relativePath
            let bytes = try FileAccess.read(path, limit: 1_048_576)
            do {
                loaded.append(try HolidayYear(holidayCNJSON: bytes, sourceName: path))
            } catch {
                throw CommandFailure(.dataError, ["lineplan: \(error.message)"])
            }
        }
        let replaced = Set(loaded.map(\.year))
        return WorkingDayCalendar(
            years: WorkingDayCalendar.chinaMainland.years.filter { !replaced.contains($0.year) } + loaded)
    }

    /// Reads and checks an order file, or fails with every diagnostic.
    static func loadOrder(_ path: String) throws(CommandFailure) -> LoadedOrder {
        let bytes = try FileAccess.read(path, limit: OrderFile.maximumSize)
        do {
            return try OrderFile.load(name: path, bytes: bytes)
        } catch {
            throw orderFailure(error)
        }
    }

    static func orderFailure(_ error: DiagnosticsError) -> CommandFailure {
        CommandFailure(
            .dataError, error.diagnostics.map(\.description) + [TopologyCommand.summary(of: error.diagnostics)])
    }
}
