/// Where a line is in its life: designed → reserved → active → ceased.
public enum LineState: String, Sendable, Hashable, CaseIterable {
    /// Planned, nothing held.
    case designed
    /// Resources held for the resource confirmation, until the hold expires.
    case reserved
    /// In service: its resources are kept.
    case active
    /// Ceased or expired: its resources are free again.
    case ceased
}

/// A dedicated line recorded in the ledger.
public struct LineRecord: Sendable, Hashable {
    /// The line's id, unique in the ledger (order id and site).
    public var id: String
    /// The order it came from.
    public var orderID: String
    /// The customer.
    public var customer: String
    /// The product: interconnect, internet or apn.
    public var product: String
    /// The site's name.
    public var site: String
    /// The network area's name.
    public var network: String
    /// Where it is in its life.
    public var state: LineState
    /// The date (YYYY-MM-DD) a reserved line's hold expires, unless activated.
    public var holdUntil: String?
    /// When it was first recorded (UTC, ISO 8601).
    public var createdAt: String
    /// When it last changed (UTC, ISO 8601).
    public var updatedAt: String

    /// Creates a line record.
    public init(
        id: String, orderID: String, customer: String, product: String, site: String, network: String,
        state: LineState, holdUntil: String? = nil, createdAt: String = "", updatedAt: String = ""
    ) {
        self.id = id
        self.orderID = orderID
        self.customer = customer
        self.product = product
        self.site = site
        self.network = network
        self.state = state
        self.holdUntil = holdUntil
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
