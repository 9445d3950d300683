public import NetAddress
public import NetGraph
public import WorkCalendar

/// The three dedicated-line products (集团专线).
public enum Product: String, Sendable, Hashable, CaseIterable {
    /// Interconnect line (互联专线): joins the enterprise's own sites; the first site is the hub.
    case interconnect
    /// CMNET internet line (CMNET专线): puts a site on the carrier's internet backbone.
    case internet
    /// GPRS-APN line (GPRS-APN专线): joins the intranet to the mobile packet network for mobile terminals.
    case apn
}

/// What the order asks for: a new line, a change to lines in service, or their end (开通 / 调整 / 停闭).
public enum RequestKind: String, Sendable, Hashable, CaseIterable {
    /// Provide new lines.
    case new
    /// Adjust lines in service (the provincial workflow's "adjust"; may be done as cease, then new).
    case modify
    /// Cease lines in service.
    case cease
}

/// Whether a site's line needs a second path that shares no link or cable with the first.
public enum Protection: String, Sendable, Hashable, CaseIterable {
    /// One path.
    case none
    /// A working path and a diverse protection path.
    case diverse
}

/// The port the customer's router connects on.
public enum CustomerInterface: String, Sendable, Hashable, CaseIterable {
    /// Fast Ethernet, 100 Mbit/s.
    case fe = "FE"
    /// Gigabit Ethernet.
    case ge = "GE"
    /// 10 Gigabit Ethernet.
    case tenGE = "10GE"
    /// E1, 2.048 Mbit/s.
    case e1 = "E1"
    /// V.35 serial, up to 2.048 Mbit/s.
    case v35 = "V.35"

    /// The highest rate the interface carries: FE 100M, GE 1G, 10GE 10G, E1 and V.35 2.048M.
    public var maximumRate: Bandwidth {
        switch self {
        case .fe: .megabits(100)
        case .ge: .megabits(1000)
        case .tenGE: .megabits(10_000)
        case .e1, .v35: Bandwidth(kilobits: 2048)
        }
    }
}

/// The customer LAN behind a site's router: its own prefix, or how many hosts it needs.
public enum LANRequest: Sendable, Hashable {
    /// The customer's own LAN, such as `192.168.10.0/24`.
    case prefix(IPv4Prefix)
    /// A LAN to assign with room for this many hosts (`/27` in a file means 30 hosts).
    case hosts(Int)
}

/// One site of an order: where it is and what line it needs.
public struct OrderSite: Sendable, Hashable {
    /// The site's name, unique within the order, such as `HQ`.
    public var name: String
    /// The street address (装机地址).
    public var address: String?
    /// The customer's contact person at the site.
    public var contact: String?
    /// The contact's phone: digits with an optional leading `+`, `-`, spaces and parentheses.
    public var phone: String?
    /// The customer building's node id in the network, when the building is known.
    public var building: String?
    /// Where the site is, in km on the area's plane, when it is not a known building.
    public var location: Location?
    /// Town or countryside, which sets the repair time.
    public var area: Area?
    /// The rate the line carries.
    public var bandwidth: Bandwidth
    /// The customer router's port.
    public var interface: CustomerInterface
    /// Whether the line needs a diverse protection path.
    public var protection: Protection
    /// The customer router's model, such as `Cisco 1841`.
    public var router: String?
    /// A file with the router's version output, for checking what it supports.
    public var routerVersionFile: String?
    /// The customer LAN.
    public var lan: LANRequest?
    /// A public block routed to the site (internet lines): how many hosts it needs.
    ///
    /// `/29` in a file means 6 hosts. It is taken from the network's `public` pool and put on the router's LAN as a secondary.
    public var publicLAN: Int?
    /// The number of mobile terminals (APN orders).
    public var terminals: Int?

    /// Creates a site.
    public init(
        name: String, address: String? = nil, contact: String? = nil, phone: String? = nil, building: String? = nil,
        location: Location? = nil, area: Area? = nil, bandwidth: Bandwidth, interface: CustomerInterface,
        protection: Protection = Protection.none, router: String? = nil, routerVersionFile: String? = nil,
        lan: LANRequest? = nil, publicLAN: Int? = nil, terminals: Int? = nil
    ) {
        self.name = name
        self.address = address
        self.contact = contact
        self.phone = phone
        self.building = building
        self.location = location
        self.area = area
        self.bandwidth = bandwidth
        self.interface = interface
        self.protection = protection
        self.router = router
        self.routerVersionFile = routerVersionFile
        self.lan = lan
        self.publicLAN = publicLAN
        self.terminals = terminals
    }
}

/// A customer's order for dedicated lines, as the account manager hands it in.
public struct Order: Sendable, Hashable {
    /// The order's id (1–64 characters, no spaces or control characters).
    public var id: String
    /// The customer's name, such as 某银行武汉分行.
    public var customer: String
    /// The product.
    public var product: Product
    /// New, modify or cease.
    public var request: RequestKind
    /// The day the order was received; reply deadlines count working days from it.
    public var received: CalendarDate
    /// Whether the product is mature (a non-mature one first gets a solution template).
    public var mature: Bool
    /// The sites, in order; for an interconnect line the first is the hub.
    public var sites: [OrderSite]
    /// What the account manager wrote about the order, if anything.
    public var description: String?

    /// Creates an order.
    public init(
        id: String, customer: String, product: Product, request: RequestKind = .new, received: CalendarDate,
        mature: Bool = true, sites: [OrderSite], description: String? = nil
    ) {
        self.description = description
        self.id = id
        self.customer = customer
        self.product = product
        self.request = request
        self.received = received
        self.mature = mature
        self.sites = sites
    }
}
