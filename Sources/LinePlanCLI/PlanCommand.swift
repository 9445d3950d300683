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
    static let spec = CommandSpec(
        path: ["plan"], summary: "Plan an order: access, paths, addresses, reply due date.",
        options: [
            .value("topology", "FILE", required: true, help: "The network file ('-' for standard input)."),
            .value(
                "order", "FILE", required: true,
                help: "The order, JSON or CSV with one row per site ('-' for standard input)."),
            .value(
                "order-format", "FORMAT", choices: ["json", "csv"],
                help: "The order's format, when its name does not say (.json, .csv); standard input is sniffed."),
            .value(
                "ledger", "FILE",
                help: "The ledger. Default: lineplan.sqlite beside the network file (here for '-')."),
            .flag("commit", help: "Record the plan in the ledger (holds that expire at the reply date)."),
            .value("out", "DIR", help: "Write the hand-over bundle into this folder and say what went where."),
            .value("format", "FORMAT", choices: ["text", "json"], default: "text", help: "The output."),
            .value("lang", "LANG", choices: ["en", "zh"], default: "en", help: "The documents' language."),
            .value("templates", "DIR", help: RouterCommand.templatesHelp),
            .value(
                "holidays", "DIR",
                help: "NateScarlet/holiday-cn year files (2027.json, …) that add to or replace the built-in"
                    + " 2024–2027 data, for a year whose State Council notice came out after this build."),
            .flag(
                "verbose",
                help: "Say which templates folder is used and how it was found, and whether the network came from"
                    + " the cache."),
        ],
        discussion: """

            Per site: the access technology by ordered rules, the constrained path and a diverse
            protection path when asked, segment checks, addresses and the router verdict; for the
            order, the resource confirmation outcome and the reply's due date in Chinese working days.
            Without --commit nothing is written. With --commit the plan is made again inside the
            ledger's write lock and every reservation of the order is recorded in one transaction, as
            holds that expire at the reply date; 'modify' releases the order's lines and records the
            new plan in the same transaction; 'cease' releases them.
            --out DIR writes the bundle there: plan.json, plan.md, reply-form.md and .csv
            (本地集团客户接入类资源确认及回复单), checklist.md and .csv, report.html, path.dot,
            configs/<site>.<platform>.cfg (each read back and checked against the plan) and
            office-data.md for an APN line, with a manifest (.lineplan-bundle) of what it wrote. Planning
            again into the same folder removes the earlier bundle's files that the new one does not
            write; a folder that holds files LinePlan did not write is refused (exit 65) and left as
            it is. With --commit --out the bundle is made first, the commit follows, and the bundle
            is moved into place: a failure leaves neither holds nor files.
            Exit 0 with a plan (a site that needs construction is an answer); 65 for a bad order or
            network file; 75 when the ledger is busy (try again).
            """,
        run: run)

    static func run(_ parsed: CommandArguments) throws(CommandFailure) {
        let topology = try parsed.required("topology")
        let orderPath = try parsed.required("order")
        let format = parsed.choice("format")
        let language = ReportLanguage(rawValue: parsed.choice("lang")) ?? .en
        if topology == FileAccess.standardInput, orderPath == FileAccess.standardInput {
            throw .usage("--topology and --order cannot both read standard input ('-')", command: "plan")
        }
        let network = try TopologyCommand.load(topology, verbose: parsed.flag("verbose")).network
        let loaded = try loadOrder(orderPath, format: parsed.value("order-format").flatMap(OrderFile.Format.init))
        FileAccess.printError(loaded.warnings.map(\.description))
        let templates = try Locations.templates(explicit: parsed.value("templates"), verbose: parsed.flag("verbose"))
        let catalog = try RouterCommand.loadCatalog(templates: templates)
        let judge = RouterJudge(catalog: catalog, reports: try versionReports(loaded, orderPath: orderPath))
        var context = PlanningContext(
            network: network, calendar: try calendar(parsed.value("holidays")),
            routerCheck: { [answers = judge.answers(for: loaded.order)] site, product in
                answers[site.name] ?? judge.answer(for: site, product: product)
            })
        if let progress = Progress.make(unit: "sites", total: loaded.order.sites.count) {
            context.progress = { done, total in progress.report(done: done, total: total) }
        }
        let ledgerPath = LedgerCommand.ledgerPath(parsed)
        let folder = parsed.value("out").map(BundleFolder.init(path:))
        let plan: Plan
        var staged: (BundleFolder.Staged, notes: [String])?
        var bundledJSON: String?  // the bundle's plan.json: the same bytes, printed without rendering again
        defer { if let staged, let folder { folder.discard(staged.0) } }
        // Makes a plan's bundle and stages it beside its folder.
        let stageBundle = { (plan: Plan, folder: BundleFolder) throws(CommandFailure) in
            let assembled: PlanBundle.Assembled
            do throws(PlanReportError) {
                assembled = try PlanBundle.assemble(
                    plan: plan, network: network, language: language, calendar: context.calendar, catalog: catalog,
                    templates: templates)
            } catch {
                throw bundleFailure(error)
            }
            staged = (try stage(assembled.files, in: folder), assembled.notes)
            bundledJSON = assembled.files.first { $0.path == "plan.json" }?.contents
        }
        if parsed.flag("commit") {
            // Issue 18: the bundle is made and staged beside its folder inside the transaction, so a
            // bundle that cannot be written leaves no holds; it is moved into place after the commit.
            let ledger = try LedgerCommand.open(ledgerPath)
            do throws(PlanCommit.Failure) {
                plan = try PlanCommit.commit(
                    loaded, context: context, ledger: ledger, actor: LedgerCommand.actor
                ) { plan in
                    guard let folder else { return }
                    if let earlier = staged { folder.discard(earlier.0) }
                    try stageBundle(plan, folder)
                }
            } catch {
                switch error {
                case .order(let problem): throw orderFailure(problem)
                case .ledger(let problem): throw LedgerCommand.failure(problem)
                case .aborted(let problem as CommandFailure): throw problem
                case .aborted(let problem): throw CommandFailure(.failure, ["lineplan: \(problem)"])
                }
            }
        } else {
            let ledger =
                Ledger.isServer(ledgerPath) || FileManager.default.fileExists(atPath: ledgerPath)
                ? try LedgerCommand.open(ledgerPath, readOnly: true) : nil
            do {
                plan = try LedgerPlanning.dryRun(loaded, context: context, ledger: ledger)
            } catch {
                switch error {
                case .order(let problem): throw orderFailure(problem)
                case .ledger(let problem): throw LedgerCommand.failure(problem)
                case .aborted(let problem): throw CommandFailure(.failure, ["lineplan: \(problem)"])
                }
            }
            if let folder { try stageBundle(plan, folder) }
        }
        if let folder, let (files, notes) = staged {
            try moveIntoPlace(files, in: folder, language: language)
            FileAccess.printError(notes)
        }
        if format == "json" {
            if let bundledJSON { FileAccess.printOut(bundledJSON) } else { FileAccess.printOut(plan.renderedJSONBytes) }
        } else {
            FileAccess.printOut(PlanSummary.text(plan: plan, language: language))
        }
    }

    /// Maps a bundle's failure to an exit code: a refused folder or input → 65, an I/O failure → 1.
    static func bundleFailure(_ error: PlanReportError) -> CommandFailure {
        let code: ExitCode = error.kind == .failure ? .failure : .dataError
        return CommandFailure(code, error.message.split(separator: "\n").map { "lineplan: \($0)" })
    }

    /// Writes a bundle's files into a staging folder beside `folder`, checking the folder takes them.
    static func stage(
        _ files: [BundleFile], in folder: BundleFolder, replacing replaced: BundleFolder.Replaced = .bundle
    )
        throws(CommandFailure) -> BundleFolder.Staged
    {
        do {
            return try folder.stage(files, replacing: replaced)
        } catch {
            throw bundleFailure(error)
        }
    }

    /// Moves staged files into the folder, removes what an earlier bundle there no longer needs, and
    /// says where they went.
    static func moveIntoPlace(
        _ staged: BundleFolder.Staged, in folder: BundleFolder, language: ReportLanguage
    ) throws(CommandFailure) {
        let outcome: BundleFolder.Outcome
        do {
            outcome = try folder.moveIntoPlace(staged)
        } catch {
            throw bundleFailure(error)
        }
        FileAccess.printError(BundleMessages.written(outcome, folder: folder.path, language: language))
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
        do {
            return try WorkingDayCalendar.chinaMainland(addingYearsIn: folder)
        } catch {
            throw CommandFailure(
                .dataError, [error.message.contains(": error: ") ? error.message : "lineplan: \(error.message)"])
        }
    }

    /// Reads and checks an order file, or fails with every diagnostic.
    ///
    /// Standard input (`-`) is JSON when it starts with `{`, else CSV, unless `format` says.
    static func loadOrder(_ path: String, format: OrderFile.Format? = nil) throws(CommandFailure) -> LoadedOrder {
        let bytes = try FileAccess.read(path, limit: OrderFile.maximumSize)
        let name = FileAccess.displayName(path)
        var given = format
        if path == FileAccess.standardInput, given == nil {
            given = OrderFile.format(name: name, bytes: bytes) ?? .csv
        }
        do {
            return try OrderFile.load(name: name, bytes: bytes, format: given)
        } catch {
            throw orderFailure(error)
        }
    }

    static func orderFailure(_ error: DiagnosticsError) -> CommandFailure {
        CommandFailure(
            .dataError, error.diagnostics.map(\.description) + [TopologyCommand.summary(of: error.diagnostics)])
    }
}
