public import Devices
public import Ledger
public import NetAddress
public import NetGraph
public import Orders
public import WorkCalendar

/// What the planner knows besides the order: the network, what the ledger holds, the calendar,
/// and how to judge a customer router.
public struct PlanningContext: Sendable {
    /// The network as in its file.
    public var network: Network
    /// Live reservations of other orders (this order's own non-address reservations left out,
    /// so planning an order again does not count it twice).
    public var usage: LedgerUsage
    /// Address blocks this order's lines already hold: line id → purpose → blocks.
    public var heldAddresses: [String: [String: [IPv4Prefix]]]
    /// Lines of this order already in the ledger and not ceased.
    public var existingLines: [String]
    /// Every order the ledger holds a live line of, for naming the nearest when a `modify` or `cease`
    /// names an order it does not know.
    public var knownOrders: [String] = []
    /// The working-day calendar.
    public var calendar: WorkingDayCalendar
    /// Judges a customer router for a product: model name (or nil) → answer.
    public var routerCheck: @Sendable (OrderSite, Product) -> RouterAnswer
    /// Told after each site: (sites planned, sites in all), for progress on a terminal.
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// Creates a context.
    public init(
        network: Network, usage: LedgerUsage = LedgerUsage(), heldAddresses: [String: [String: [IPv4Prefix]]] = [:],
        existingLines: [String] = [], calendar: WorkingDayCalendar = .chinaMainland,
        routerCheck: @escaping @Sendable (OrderSite, Product) -> RouterAnswer = { site, _ in
            RouterAnswer(model: site.router, verdict: .unknown)
        }
    ) {
        self.network = network
        self.usage = usage
        self.heldAddresses = heldAddresses
        self.existingLines = existingLines
        self.calendar = calendar
        self.routerCheck = routerCheck
    }
}
