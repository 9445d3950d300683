import Devices
import Orders
public import Planning
public import WorkCalendar

/// One step of an order's provisioning checklist, with its dates.
public struct ChecklistStep: Sendable, Hashable {
    /// The step's number, from 1, in checklist order.
    public var number: Int
    /// The step's id in its template.
    public var id: String
    /// What is done.
    public var title: LocalizedText
    /// The department that owns the step.
    public var department: LocalizedText
    /// How it is done, if the template says.
    public var note: LocalizedText?
    /// The condition that made the step appear, or `nil` for a step every order has.
    public var condition: ChecklistCondition?
    /// The sites the step concerns: every site for an unconditional step, else those that call for it.
    public var sites: [String]
    /// The steps it waits for, by id; a dependency that did not appear is replaced by its own dependencies.
    public var dependsOn: [String]
    /// What the step needs from the plan.
    public var needs: [PlanItem]
    /// How many working days it takes.
    public var workingDays: Int
    /// The first working day of the step.
    public var start: CalendarDate
    /// The day it is due.
    public var due: CalendarDate
}

/// An order's provisioning checklist: the steps of its product's flow that the plan calls for,
/// each with its department, what it needs from the plan, and its start and due dates.
///
/// Dates are Chinese working days. A step with no dependency counts from the order's received
/// date, the day of receipt not counted; a step that depends on others starts the working day
/// after the last of them is due. A step of *n* working days is due on the *n*-th working day
/// counted that way (a step of 0 working days is a milestone, due when its dependencies are).
///
///     let checklist = try Checklist.make(plan: plan, template: apnTemplate)
///     let text = checklist.markdown(language: .zh)
public struct Checklist: Sendable {
    /// The flow's title.
    public var title: LocalizedText
    /// The steps, in template order.
    public var steps: [ChecklistStep]
    /// Calendar caveats, such as a year without holiday data.
    public var warnings: [Finding]
    /// The plan the checklist is for.
    public var plan: Plan
    /// The files the steps point at.
    public var attachments: ReportAttachments

    /// The day the last step is due: when the line is in service and accepted.
    public var completion: CalendarDate? { steps.map(\.due).max() }

    /// Makes the checklist of a plan.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - template: The flow of the plan's product.
    ///   - calendar: The working-day calendar.
    ///   - attachments: The files the steps point at (router configurations, office data).
    /// - Returns: The checklist: the template's `steps` for a new line or a modification, its
    ///   `ceaseSteps` for a cease; conditional steps only when a site calls for them.
    /// - Throws: ``CalendarError`` when a date runs past the calendar's supported years.
    /// - Complexity: O(*s* × *n*) for *s* steps and *n* sites, plus the calendar days counted.
    public static func make(
        plan: Plan, template: ChecklistTemplate, calendar: WorkingDayCalendar = .chinaMainland,
        attachments: ReportAttachments = ReportAttachments()
    ) throws(CalendarError) -> Checklist {
        let templates = plan.order.request == .cease ? template.ceaseSteps : template.steps
        var dueByID: [String: CalendarDate] = [:]
        var ancestorsByID: [String: Set<String>] = [:]
        var inheritedDependencies: [String: [String]] = [:]
        var steps: [ChecklistStep] = []
        var warnings: [Finding] = []
        for stepTemplate in templates {
            var dependencies: [String] = []
            for id in stepTemplate.dependsOn {
                for dependency in dueByID[id] != nil ? [id] : inheritedDependencies[id] ?? []
                where !dependencies.contains(dependency) {
                    dependencies.append(dependency)
                }
            }
            // Keep only the nearest: a dependency that another one already waits for adds nothing.
            let listed = dependencies
            dependencies.removeAll { candidate in
                listed.contains { other in other != candidate && ancestorsByID[other]?.contains(candidate) == true }
            }
            guard let sites = sites(for: stepTemplate.condition, plan: plan) else {
                inheritedDependencies[stepTemplate.id] = dependencies
                continue
            }
            let days: Int
            switch stepTemplate.duration {
            case .workingDays(let count): days = count
            case .reply: days = plan.reply.workingDays
            case .template: days = plan.reply.templateWorkingDays ?? 0
            }
            let anchor = dependencies.compactMap { dueByID[$0] }.max() ?? plan.order.received
            let due = try calendar.adding(workingDays: days, to: anchor)
            let start = days == 0 ? due : try calendar.adding(workingDays: 1, to: anchor)
            warnings += Finding.calendar(due) + Finding.calendar(start)
            dueByID[stepTemplate.id] = due.date
            ancestorsByID[stepTemplate.id] = dependencies.reduce(into: Set(dependencies)) { ancestors, dependency in
                ancestors.formUnion(ancestorsByID[dependency] ?? [])
            }
            steps.append(
                ChecklistStep(
                    number: steps.count + 1, id: stepTemplate.id, title: stepTemplate.title,
                    department: stepTemplate.department, note: stepTemplate.note, condition: stepTemplate.condition,
                    sites: sites, dependsOn: dependencies, needs: stepTemplate.needs, workingDays: days,
                    start: start.date, due: due.date))
        }
        var uniqueWarnings: [Finding] = []
        for warning in warnings where !uniqueWarnings.contains(warning) {
            uniqueWarnings.append(warning)
        }
        return Checklist(
            title: template.title, steps: steps, warnings: uniqueWarnings, plan: plan, attachments: attachments)
    }

    /// The sites a step concerns, or `nil` when the step does not appear.
    static func sites(for condition: ChecklistCondition?, plan: Plan) -> [String]? {
        let all = plan.order.request == .cease ? plan.ceasedLines : plan.sites.map(\.name)
        guard let condition else { return all }
        let chosen: [SitePlan]
        switch condition {
        case .coreBuild: chosen = plan.sites.filter { $0.outcome == .coreBuild }
        case .accessOptimisation: chosen = plan.sites.filter { $0.outcome == .accessOptimisation }
        case .routerReplace: chosen = plan.sites.filter { $0.router.verdict == .replace }
        case .addressPair:
            chosen = plan.sites.filter { $0.router.verdict == .needsAddressPair || !$0.addresses.tunnels.isEmpty }
        case .diverse: chosen = plan.sites.filter { $0.protection == .diverse }
        case .modify: return plan.order.request == .modify ? all : nil
        case .hubCapacity: chosen = plan.sites.filter { hubAccessShortfall($0) != nil }
        case .module: chosen = plan.sites.filter { $0.router.module != nil }
        case .template: return plan.order.mature || plan.order.request == .cease ? nil : all
        }
        return chosen.isEmpty ? nil : chosen.map(\.name)
    }

    /// The findings of a hub whose access is below its branches' sum, or `nil`.
    static func hubAccessShortfall(_ site: SitePlan) -> [Finding]? {
        site.segments.first { $0.segment == .hubAccess && $0.status == .short }?.findings
    }

    /// Whether a step concerns every site (or every line of a cease).
    func isForEverySite(_ step: ChecklistStep) -> Bool {
        step.condition == nil || step.condition == .modify
    }
}

/// The files of the hand-over bundle that the documents point at, by relative path.
public struct ReportAttachments: Sendable, Hashable {
    /// Each site's router configuration, by site name, such as `configs/HQ.ios.cfg`.
    public var configs: [String: String]
    /// The office data sheet of an APN line.
    public var officeData: String
    /// The reply form.
    public var replyForm: String

    /// Creates the attachments; a site without a configuration path is pointed at `configs/`.
    public init(
        configs: [String: String] = [:], officeData: String = "office-data.md", replyForm: String = "reply-form.md"
    ) {
        self.configs = configs
        self.officeData = officeData
        self.replyForm = replyForm
    }
}
