public import NetGraph
import Orders
public import Planning
public import WorkCalendar

/// A failure to write the hand-over documents.
public struct PlanReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure: the input refused, or the work failed.
    public enum Kind: Sendable, Hashable {
        /// The documents could not be made or written.
        case failure
        /// The output folder is refused: it is a file, or it holds files LinePlan did not write.
        case refusedFolder
        /// An input is refused: a template or checklist that does not load, a value a configuration
        /// cannot take.
        case invalidInput
    }

    /// What went wrong, in one sentence.
    public var message: String
    /// What kind of failure.
    public var kind: Kind

    /// Creates an error.
    public init(message: String, kind: Kind = .failure) {
        self.message = message
        self.kind = kind
    }

    /// The message, for stderr.
    public var description: String { message }
}

/// One file of the hand-over bundle.
public struct BundleFile: Sendable, Hashable {
    /// The path relative to the bundle's folder, with `/` between folders.
    public var path: String
    /// The file's text (CSV files start with a byte-order mark).
    public var contents: String

    /// Creates a file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The documents `lineplan plan … --out DIR` hands over, as relative paths and contents.
///
///     let files = try PlanBundle.files(plan: plan, network: network, language: .zh, checklists: library)
///     for file in files { try write(file.contents, to: folder + "/" + file.path) }
public enum PlanBundle {
    /// The paths this module writes, in the order ``files(plan:network:language:checklists:calendar:attachments:)``
    /// returns them (sorted).
    public static let paths = [
        "checklist.csv", "checklist.md", "path.dot", "plan.json", "plan.md", "reply-form.csv", "reply-form.md",
        "report.html",
    ]

    /// Writes the plan's documents.
    ///
    /// The documents are `plan.json`, `plan.md`, `reply-form.md`, `reply-form.csv`,
    /// `checklist.md`, `checklist.csv`, `report.html` and `path.dot`. The router configurations
    /// (`configs/`) and the office data sheet (`office-data.md`) come from the router module.
    ///
    /// The same inputs give the same bytes: nothing depends on the clock, the machine or the order
    /// of a dictionary.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - network: The network it was planned on.
    ///   - language: The documents' language (`plan.json` is the same in both).
    ///   - checklists: The products' checklist templates.
    ///   - calendar: The working-day calendar.
    ///   - attachments: Where the router configurations and office data are, for the checklist.
    /// - Returns: The files, sorted by path.
    /// - Throws: ``PlanReportError`` when the library has no template for the order's product, or a
    ///   date runs past the calendar's supported years.
    /// - Complexity: O(size of the plan + the network drawn), the documents made on every core.
    public static func files(
        plan: Plan, network: Network, language: ReportLanguage, checklists: ChecklistLibrary,
        calendar: WorkingDayCalendar = .chinaMainland, attachments: ReportAttachments = ReportAttachments()
    ) throws(PlanReportError) -> [BundleFile] {
        guard let template = checklists.template(for: plan.order.product) else {
            throw PlanReportError(
                message: "no checklist template for \(plan.order.product.rawValue) lines "
                    + "(Templates/checklists/\(ChecklistLibrary.fileName(for: plan.order.product)))")
        }
        let checklist: Checklist
        let replyForm: ReplyForm
        do throws(CalendarError) {
            checklist = try Checklist.make(plan: plan, template: template, calendar: calendar, attachments: attachments)
            replyForm = try ReplyForm.make(plan: plan, calendar: calendar)
        } catch {
            throw PlanReportError(message: "cannot date the checklist of order \(plan.order.id): \(error)")
        }
        // The documents are independent: each is made on a free core, the largest first (issue 17).
        let documents: [(path: String, make: @Sendable () -> String)] = [
            (
                "report.html",
                {
                    ReportHTML.make(
                        plan: plan, network: network, language: language, checklist: checklist, replyForm: replyForm)
                }
            ),
            ("plan.md", { PlanMarkdown.make(plan: plan, language: language) }),
            ("reply-form.csv", { replyForm.csv(language: language) }),
            ("plan.json", { plan.renderedJSON }),
            ("checklist.md", { checklist.markdown(language: language) }),
            ("path.dot", { PathDOT.make(plan: plan, network: network, language: language) }),
            ("checklist.csv", { checklist.csv(language: language) }),
            ("reply-form.md", { replyForm.markdown(language: language) }),
        ]
        let texts = OnEveryCore.map(count: documents.count) { documents[$0].make() }
        let files = zip(documents, texts).map { BundleFile(path: $0.path, contents: $1) }
        return files.sorted { $0.path < $1.path }
    }
}
