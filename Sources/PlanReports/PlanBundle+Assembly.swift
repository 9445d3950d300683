public import Devices
import Foundation
import LocatedJSON
public import NetGraph
import Orders
public import Planning
import RouterConfigs
public import WorkCalendar

/// The whole hand-over bundle of a plan: its documents, the router configurations and the office
/// data, assembled from a templates folder (moved here from the command line, which only writes it).
extension PlanBundle {
    /// A bundle ready to write: the files, and notes for the user (sites without a configuration).
    public struct Assembled: Sendable {
        /// The files, with paths relative to the bundle's folder.
        public var files: [BundleFile]
        /// One line per note, such as `note: HQ: no configuration — …`.
        public var notes: [String]

        /// Creates an assembled bundle.
        public init(files: [BundleFile], notes: [String]) {
            self.files = files
            self.notes = notes
        }
    }

    /// Makes every file of a plan's bundle.
    ///
    /// The documents of ``files(plan:network:language:checklists:calendar:attachments:)``, with the
    /// checklists read from `templates/checklists/*.json`; the router configurations
    /// (`configs/<site>.<platform>.cfg`, each read back and checked against the plan) and, for an
    /// APN line, `office-data.md`, rendered from `templates/<platform>/`.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - network: The network it was planned on.
    ///   - language: The documents' language.
    ///   - calendar: The working-day calendar.
    ///   - catalog: The router catalog.
    ///   - templates: The templates folder.
    /// - Returns: The files and the notes.
    /// - Throws: ``PlanReportError`` of kind ``PlanReportError/Kind/invalidInput`` when a template or
    ///   checklist does not load or a value cannot go into a configuration, else of kind
    ///   ``PlanReportError/Kind/failure``.
    /// - Complexity: O(size of the plan + the network drawn + the configurations).
    public static func assemble(
        plan: Plan, network: Network, language: ReportLanguage, calendar: WorkingDayCalendar,
        catalog: RouterCatalog, templates: String
    ) throws(PlanReportError) -> Assembled {
        let configurations = try renderConfigurations(
            plan, catalog: catalog, templates: templates, language: language)
        let checklists = try loadChecklists(templates: templates)
        var files = try PlanBundle.files(
            plan: plan, network: network, language: language, checklists: checklists,
            calendar: calendar,
            attachments: ReportAttachments(
                configs: Dictionary(
                    configurations.configs.map { ($0.site, $0.path) }, uniquingKeysWith: { a, _ in a }))
        )
        files += configurations.configs.map { BundleFile(path: $0.path, contents: $0.text) }
        if let office = configurations.officeData { files.append(BundleFile(path: "office-data.md", contents: office)) }
        return Assembled(files: files, notes: BundleMessages.notes(configurations.skipped, language: language))
    }

    /// Makes only the configurations and the office data of a plan, as `lineplan render` writes them.
    ///
    /// - Throws: ``PlanReportError`` of kind ``PlanReportError/Kind/invalidInput`` as in
    ///   ``assemble(plan:network:language:calendar:catalog:templates:)``.
    public static func assembleConfigurations(
        plan: Plan, catalog: RouterCatalog, templates: String, language: ReportLanguage = .en
    ) throws(PlanReportError) -> Assembled {
        let configurations = try renderConfigurations(
            plan, catalog: catalog, templates: templates, language: language)
        var files = configurations.configs.map { BundleFile(path: $0.path, contents: $0.text) }
        if let office = configurations.officeData { files.append(BundleFile(path: "office-data.md", contents: office)) }
        return Assembled(files: files, notes: BundleMessages.notes(configurations.skipped, language: language))
    }

    /// Renders and checks a plan's router configurations, or fails naming the field or line.
    static func renderConfigurations(
        _ plan: Plan, catalog: RouterCatalog, templates: String, language: ReportLanguage
    ) throws(PlanReportError) -> PlanConfigurations {
        let renderer: RouterConfigRenderer
        do {
            renderer = try RouterConfigRenderer(templatesDirectory: templates)
        } catch {
            throw PlanReportError(message: error.description, kind: .invalidInput)
        }
        let pieces = configurationParts(plan)
        let parts = OnEveryCore.map(count: pieces.count) { index in
            Result { () throws(RouterConfigError) -> PlanConfigurations in
                try PlanConfigurations.render(
                    plan: pieces[index], catalog: catalog, renderer: renderer, chinese: language == .zh)
            }
        }
        do {
            // The first failure in the sites' order, as rendering them one after another would stop at.
            var merged = try parts[0].get()
            for part in parts.dropFirst() {
                merged.append(try part.get())
            }
            return merged
        } catch {
            throw PlanReportError(message: error.description, kind: .invalidInput)
        }
    }

    /// A plan cut into runs of consecutive sites whose configurations can be rendered apart: an
    /// internet or APN site's configuration and office data depend only on the site and the order, so
    /// each run is rendered on a core of its own (issue 17); an interconnect order's hub and branches
    /// refer to each other and stay one plan.
    ///
    /// - Complexity: O(sites).
    static func configurationParts(_ plan: Plan) -> [Plan] {
        let count = plan.sites.count
        guard plan.order.product != .interconnect, count >= 64 else { return [plan] }
        let parts = min(count / 32, 4 * ProcessInfo.processInfo.activeProcessorCount)
        return (0..<parts).map { part in
            var piece = plan
            piece.sites = Array(plan.sites[(count * part / parts)..<(count * (part + 1) / parts)])
            return piece
        }
    }

    /// Reads the provisioning flows (`checklists/*.json`) from a templates folder.
    static func loadChecklists(templates: String) throws(PlanReportError) -> ChecklistLibrary {
        let folder = URL(fileURLWithPath: templates).appendingPathComponent("checklists")
        var files: [(name: String, bytes: [UInt8])] = []
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".json") }
            .sorted()
            ?? []
        for name in names {
            let path = folder.appendingPathComponent(name).relativePath
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= 1_048_576, let data = FileManager.default.contents(atPath: path) else {
                throw PlanReportError(
                    message: "\(path): error: cannot be read, or above the 1 MiB limit", kind: .invalidInput)
            }
            files.append((path, [UInt8](data)))
        }
        do {
            return try ChecklistLibrary.load(files: files)
        } catch {
            throw PlanReportError(
                message: error.diagnostics.map(\.description).joined(separator: "\n"), kind: .invalidInput)
        }
    }
}

extension PlanConfigurations {
    /// Adds the configurations of the sites that follow: files, office data sheets and skipped sites
    /// in the sites' order, as ``render(plan:catalog:renderer:chinese:)`` gives them for all the sites.
    mutating func append(_ next: PlanConfigurations) {
        configs += next.configs
        skipped += next.skipped
        if let office = next.officeData {
            officeData = officeData.map { $0 + "\n" + office } ?? office
        }
    }
}
