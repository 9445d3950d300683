public import NetGraph

/// The answer of a resource confirmation (《本地集团客户接入类资源确认及回复单》), with the reply
/// deadline it sets (Anhui workflow, articles 7 and 11–13).
public enum ConfirmationOutcome: String, Sendable, Hashable, CaseIterable {
    /// Resources exist in the network now: reply within 2 working days.
    case available
    /// Only the end access segment lacks and maintenance can provide it: 2 working days for one
    /// point, 5 for two or more.
    case accessOptimisation = "access-optimisation"
    /// A non-mature product: a solution template is drafted first, 3 working days.
    case template
    /// The aggregation or core cannot take it: engineering decides on a build, 3 working days.
    case coreBuild = "core-build"

    /// Working days to reply for this outcome, for `points` sites that share it.
    public func workingDays(points: Int, policy: Policy) -> Int {
        switch self {
        case .available: policy.integer(.replyDaysAvailable)
        case .accessOptimisation:
            points >= 2 ? policy.integer(.replyDaysAccessSeveralPoints) : policy.integer(.replyDaysAccessOnePoint)
        case .template: policy.integer(.replyDaysTemplate)
        case .coreBuild: policy.integer(.replyDaysCoreBuild)
        }
    }

    /// Working days after the reply's due date for maintenance to provide a missing end access.
    public static let optimisationReadyWorkingDays = 5
    /// Working days after the reply's due date taken as the provisional in-service date of a build,
    /// until the engineering department names its own (article 12).
    public static let buildReadyWorkingDays = 30

    /// Working days after a site's reply until its resources are planned to be ready: ``optimisationReadyWorkingDays``
    /// for end-access optimisation, ``buildReadyWorkingDays`` for a core build; `nil` when they exist now.
    public var readyWorkingDays: Int? {
        switch self {
        case .accessOptimisation: Self.optimisationReadyWorkingDays
        case .coreBuild: Self.buildReadyWorkingDays
        case .available, .template: nil
        }
    }

    /// Which outcome wins a tie in working days: the one that asks more of other departments.
    var weight: Int {
        switch self {
        case .available: 0
        case .accessOptimisation: 1
        case .template: 2
        case .coreBuild: 3
        }
    }

    /// The department that answers for this outcome.
    public var department: String {
        switch self {
        case .available: "Customer service support centre (客户服务支撑中心)"
        case .accessOptimisation: "Network maintenance centre (网络维护中心)"
        case .template: "Group customer department with the support centre (集团客户部/客户服务支撑中心)"
        case .coreBuild: "Engineering department (工程建设部)"
        }
    }
}
