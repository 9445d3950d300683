import Ledger
import NetAddress
import NetGraph
public import Orders
public import WorkCalendar

/// LinePlan's answer to an order: per site, whether and how the line can be delivered, and the
/// order's resource confirmation reply with its due date.
public struct Plan: Sendable {
    /// The order planned.
    public var order: Order
    /// The network area's name.
    public var network: String
    /// The order's reply: the slowest site's outcome and its due date.
    public var reply: Reply
    /// The sites, in order.
    public var sites: [SitePlan]
    /// Remarks for the engineer (calendar fallbacks, non-mature product, ceased lines).
    public var warnings: [Finding]
    /// Lines of the order's earlier commit that a `cease` or `modify` releases.
    public var ceasedLines: [String]
}

/// The reply of the resource confirmation.
public struct Reply: Sendable, Hashable {
    /// The order's outcome: the slowest of its sites'.
    public var outcome: ConfirmationOutcome
    /// The date the reply is due.
    public var due: CalendarDate
    /// Working days to reply, counted from receipt, or from ``templateDue`` when there is a template
    /// first (the day counted from not counted).
    public var workingDays: Int
    /// The department that answers.
    public var department: String
    /// How many sites need end-access optimisation (2 WD for one point, 5 for more).
    public var accessPoints: Int
    /// A non-mature product's solution template, drafted first: the working days it takes
    /// (`replyDaysTemplate`) and its due date, from which the resource reply is counted; `nil` for a
    /// mature product.
    public var templateWorkingDays: Int? = nil
    /// The solution template's due date (see ``templateWorkingDays``).
    public var templateDue: CalendarDate? = nil
}
