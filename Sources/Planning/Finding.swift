public import Devices
public import NetAddress
public import NetGraph
public import NetPaths
public import Orders
public import WorkCalendar

/// One thing the planner found, with its parameters: why a technology serves a site or not, what a
/// segment has or lacks, what blocks a route, what the router lacks, what a date depends on.
///
/// Findings are data: ``code`` is stable, the parameters are the numbers and ids they are about,
/// and each language renders them (``english``, ``chinese``) from the parameters and the policy,
/// never by parsing text. plan.json writes each with its code, parameters and English text.
public enum Finding: Sendable, Hashable {
    // MARK: Access technologies

    /// An APN line is a 2M MSTP (or PTN) circuit into the GPRS-VPN room; PON does not carry it.
    case apnNotOnPON
    /// WLAN is an add-on, not an SLA-bearing access by itself.
    case wlanAddOn
    /// The site needs a fixed line (the mobile network serves only APN terminals).
    case needsFixedLine
    /// PON gives no diverse route without Type B/C protection.
    case ponNoDiverse
    /// The line is faster than PON offers.
    case ponTooFast(asked: Bandwidth, limitMbps: Int)
    /// No last-mile fibre from the building to a node of the technology.
    case noLastMile(AccessTechnology)
    /// No node of the technology can be used.
    case noUsableAccess(AccessTechnology)
    /// The site gives neither a building nor a location.
    case siteWithoutLocation
    /// The network has no node of the technology.
    case noNodeOfKind(AccessTechnology)
    /// New fibre to build to a node, for a site given by location.
    case newFibre(metres: Int, node: String)
    /// The node is beyond the technology's reach.
    case beyondReach(node: String, metres: Int, reachKm: Int)
    /// The last-mile link to the node cannot carry the line.
    case lastMileRefused(node: String, link: String, refusal: LinkRefusal)
    /// The node is within reach (a technology without ports to count).
    case reachable(node: String, metres: Int)
    /// The node has no ports of the type (E1 needs a TDM/CES card).
    case noPortsOfType(node: String, port: PortType)
    /// The node has no free port of the type: maintenance must add a card.
    case portShort(node: String, port: PortType, metres: Int, total: Int)
    /// The node has free ports of the type.
    case portsFree(node: String, port: PortType, metres: Int, free: Int)
    /// The splitter's facts are missing from the network file.
    case noSplitterFacts(node: String)
    /// The splitter hangs on no OLT.
    case splitterWithoutOLT(splitter: String)
    /// The optical loss exceeds the OLT's budget: loss in tenths of a dB over `metres` of fibre.
    case opticalBudgetExceeded(lossTenths: Int, metres: Int, ratio: Int, opticalClass: String, budget: Int)
    /// The splitter is full: maintenance must add a splitter.
    case splitterFull(splitter: String, olt: String, ratio: Int)
    /// The splitter has free branches within the optical budget.
    case splitterFree(splitter: String, olt: String, free: Int, lossTenths: Int, opticalClass: String, budget: Int)
    /// APN terminals reach the intranet over the private APN; no fibre at the site.
    case terminalsOverAPN
    /// GPRS/LTE radio coverage serves the terminals.
    case radioCoverage
    /// No access technology reaches the site today; the technologies' findings follow.
    case noAccessToday

    // MARK: Segments

    /// The customer router must be replaced.
    case routerMustBeReplaced
    /// No SDH/MSTP node near an APN site, which the handbook requires.
    case noSDHNearAPN(reachKm: Int)
    /// A working segment's links and its tightest link's spare capacity.
    case headroom(links: Int, tightest: String, spare: Headroom)
    /// A ring at or above its upgrade share: an engineering build.
    case ringNeedsUpgrade(ring: String, sharePercent: Int, thresholdPercent: Int)
    /// The building has one entry: a diverse route needs a second.
    case singleHomed
    /// No diverse route; what blocks it follows.
    case noDiverseRoute
    /// The paths are link-diverse but share risk groups.
    case sharedRisk(groups: [String])

    // MARK: Routes

    /// An end of the route is not a node of the network.
    case unknownNode
    /// A node has no links.
    case nodeWithoutLinks(node: String)
    /// No route joins the two ends through the transport network.
    case noRoute(source: String, destination: String)
    /// No route found.
    case noRouteFound
    /// The network has no far end for the line.
    case noFarEnd
    /// The line is blocked in a segment by a link that refuses it; `secondRoute` when this is why a
    /// protection path is missing.
    case blocked(
        bandwidth: Bandwidth, segment: Segment, link: String, aEnd: String, bEnd: String, refusal: LinkRefusal,
        secondRoute: Diversity?)
    /// A second route exists but no pair of the diversity was found.
    case noDiversePair(Diversity)
    /// Every second route shares a link (or node) with the working path.
    case everyRouteShares(Diversity, source: String, destination: String)

    // MARK: Addresses and the hub

    /// The hub's port has no 802.1Q VLAN left for the branch.
    case hubVLANExhausted(vlan: Int, base: Int, site: Int)
    /// A pool cannot give the blocks.
    case poolExhausted(pool: String, prefix: IPv4Prefix, count: Int, length: Int)
    /// The hub's access is below its branches' together.
    case hubBelowBranches(hub: Bandwidth, needed: Bandwidth, branches: [BranchLoad])
    /// The hub's interface cannot carry the upgraded access: a faster port is needed.
    case hubPortTooSlow(port: CustomerInterface, current: CustomerInterface, maximum: Bandwidth)

    // MARK: The router

    /// What the capability check found.
    case router(RouterFinding)
    /// The order names no router.
    case noRouterNamed

    // MARK: Dates and the order

    /// A year whose holiday notice is not out: dates count Monday to Friday less the statutory
    /// holidays (or plain weekdays past the data).
    case calendarWithoutNotice(year: Int)
    /// A non-mature product: the solution template comes first.
    case templateFirst(workingDays: Int, due: CalendarDate)
    /// The order was planned before: committing again keeps its addresses.
    case plannedBefore

    /// A branch's bandwidth, for the hub's capacity finding.
    public struct BranchLoad: Sendable, Hashable {
        /// The branch site's name.
        public var site: String
        /// Its bandwidth.
        public var bandwidth: Bandwidth

        /// Creates a branch's load.
        public init(site: String, bandwidth: Bandwidth) {
            self.site = site
            self.bandwidth = bandwidth
        }
    }

    /// What the tightest link of a working segment can still carry.
    public typealias Headroom = LinkHeadroom
}

extension Finding {
    /// The finding that says why a route is blocked.
    ///
    /// - Parameter blockage: The path engine's blockage.
    public init(_ blockage: Blockage) {
        switch blockage.cause {
        case .unknownNode: self = .unknownNode
        case .noLinks(let node): self = .nodeWithoutLinks(node: node)
        case .noRoute(let source, let destination): self = .noRoute(source: source, destination: destination)
        case .noRouteFound: self = .noRouteFound
        case .noFarEnd: self = .noFarEnd
        case .capacity(let bandwidth, let segment, let link, let aEnd, let bEnd, let refusal):
            self = .blocked(
                bandwidth: bandwidth, segment: segment, link: link, aEnd: aEnd, bEnd: bEnd, refusal: refusal,
                secondRoute: blockage.secondRoute)
        case .noDiversePair(let diversity): self = .noDiversePair(diversity)
        case .everyRouteShares(let diversity, let source, let destination):
            self = .everyRouteShares(diversity, source: source, destination: destination)
        }
    }

    /// The calendar's caveats about a working-day count: one per year without a holiday notice.
    ///
    /// - Parameter result: The count's result.
    /// - Returns: ``calendarWithoutNotice(year:)`` for each year, ascending.
    public static func calendar(_ result: WorkingDayResult) -> [Finding] {
        result.yearsWithoutNotice.map { .calendarWithoutNotice(year: $0) }
    }

    /// Whether the finding is the calendar's caveat about a year without a holiday notice, which the
    /// reply form and the checklist say at their top.
    public var isCalendarCaveat: Bool {
        if case .calendarWithoutNotice = self { return true }
        return false
    }

    /// The link ids the finding is about.
    public var links: [String] {
        switch self {
        case .lastMileRefused(_, let link, _), .headroom(_, let link, _), .blocked(_, _, let link, _, _, _, _): [link]
        default: []
        }
    }

    /// The node ids the finding is about.
    public var nodes: [String] {
        switch self {
        case .newFibre(_, let node), .beyondReach(let node, _, _), .lastMileRefused(let node, _, _),
            .reachable(let node, _), .noPortsOfType(let node, _), .portShort(let node, _, _, _),
            .portsFree(let node, _, _, _), .noSplitterFacts(let node), .splitterWithoutOLT(let node),
            .nodeWithoutLinks(let node):
            [node]
        case .splitterFull(let splitter, let olt, _), .splitterFree(let splitter, let olt, _, _, _, _):
            [splitter, olt]
        case .noRoute(let source, let destination), .everyRouteShares(_, let source, let destination):
            [source, destination]
        case .blocked(_, _, _, let aEnd, let bEnd, _, _): [aEnd, bEnd]
        default: []
        }
    }

    /// The pool ids the finding is about.
    public var pools: [String] {
        if case .poolExhausted(let pool, _, _, _) = self { return [pool] }
        return []
    }

    /// The ring ids the finding is about.
    public var rings: [String] {
        if case .ringNeedsUpgrade(let ring, _, _) = self { return [ring] }
        return []
    }
}
