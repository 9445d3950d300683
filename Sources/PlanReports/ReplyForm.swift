public import NetGraph
public import Planning
public import WorkCalendar

/// Which half of the network a segment's resource belongs to on the form: the form confirms core
/// and access resources separately (Anhui workflow, article 10).
public enum ResourceClass: String, Sendable, Hashable {
    /// End access, access rings and an interconnect hub's own access (末端接入段, 接入段).
    case access
    /// Aggregation, core, addresses and route diversity.
    case core

    /// The class of a segment check's segment.
    public init(segment: SegmentCheck.Name) {
        switch segment {
        case .endAccess, .access, .hubAccess: self = .access
        case .aggregation, .core, .addresses, .diversity: self = .core
        }
    }
}

/// One site of the reply form.
public struct ReplySite: Sendable, Hashable {
    /// The site's name.
    public var name: String
    /// The building, when the site is one.
    public var building: String?
    /// The street address (装机地址), as the order gives it.
    public var address: String?
    /// The customer's contact at the site, as the order gives it.
    public var contact: String?
    /// The contact's phone, as the order gives it.
    public var phone: String?
    /// The chosen technology.
    public var technology: AccessTechnology?
    /// The chosen access node.
    public var accessNode: String?
    /// The site's outcome.
    public var outcome: ConfirmationOutcome
    /// The segment checks, in the planner's order.
    public var segments: [SegmentCheck]
    /// When the missing resource is planned to be ready: set for `access-optimisation` and `core-build`.
    public var readyDate: CalendarDate?
    /// Town or countryside.
    public var area: Area
    /// The repair obligation in hours.
    public var repairHours: Int
    /// The customer router's verdict, with the one model to buy when it must be replaced.
    public var router: RouterAnswer
}

/// The resource confirmation and reply form (《本地集团客户接入类资源确认及回复单》) of an order.
///
/// The header gives the order, the reply's outcome, due date and responsible department; then
/// every site's resources segment by segment (core and access), the site's outcome, the
/// department that answers for it and, where construction or optimisation is needed, the date
/// the resource is planned to be ready:
///
/// - end-access optimisation: the site's reply deadline + ``optimisationWorkingDays`` working days;
/// - a core build: the site's reply deadline + ``buildWorkingDays`` working days, provisional until the
///   engineering department sets its planned in-service date (article 12).
///
/// Each site has its own date (``Planning/SitePlan/readyDate``): one site's build does not hold back
/// the sites ready sooner.
///
/// The checklists' `optimise` and `build` steps take the same numbers of working days after the
/// reply, so the form and the checklist agree.
public struct ReplyForm: Sendable {
    /// Working days after the reply's due date for maintenance to provide a missing end access.
    public static let optimisationWorkingDays = ConfirmationOutcome.optimisationReadyWorkingDays
    /// Working days after the reply's due date taken as the provisional in-service date of a build.
    public static let buildWorkingDays = ConfirmationOutcome.buildReadyWorkingDays

    /// The plan replied to.
    public var plan: Plan
    /// The sites, in order.
    public var sites: [ReplySite]
    /// Calendar caveats.
    public var warnings: [Finding]

    /// The latest planned ready date of any site, if one needs construction or optimisation.
    public var readyDate: CalendarDate? { sites.compactMap(\.readyDate).max() }

    /// Makes the form of a plan.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - calendar: The working-day calendar for the planned ready dates.
    /// - Returns: The form.
    /// - Throws: ``CalendarError`` when a date runs past the calendar's supported years.
    public static func make(plan: Plan, calendar: WorkingDayCalendar = .chinaMainland) throws(CalendarError)
        -> ReplyForm
    {
        var warnings: [Finding] = []
        // A plan read back from an older plan.json has no ready dates: they are computed from its reply.
        var readyDates: [ConfirmationOutcome: CalendarDate] = [:]
        for (outcome, days) in [
            (ConfirmationOutcome.accessOptimisation, optimisationWorkingDays), (.coreBuild, buildWorkingDays),
        ]
        where plan.sites.contains(where: { $0.outcome == outcome && $0.readyDate == nil }) {
            let result = try calendar.adding(workingDays: days, to: plan.reply.due)
            readyDates[outcome] = result.date
            warnings += Finding.calendar(result).filter { !warnings.contains($0) }
        }
        let sites = plan.sites.map { site in
            ReplySite(
                name: site.name, building: site.building, address: site.address, contact: site.contact,
                phone: site.phone, technology: site.technology, accessNode: site.accessNode,
                outcome: site.outcome, segments: site.segments, readyDate: site.readyDate ?? readyDates[site.outcome],
                area: site.area,
                repairHours: site.repairHours, router: site.router)
        }
        return ReplyForm(plan: plan, sites: sites, warnings: warnings)
    }
}
