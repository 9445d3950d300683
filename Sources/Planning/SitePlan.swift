public import Ledger
public import NetAddress
public import NetGraph
public import Orders
public import WorkCalendar

/// A site's role in its order.
public enum SiteRole: String, Sendable, Hashable {
    /// The one site of a single-site line (internet, APN headquarters).
    case single
    /// The hub of an interconnect order (its first site): every branch is joined to it.
    case hub
    /// A branch of an interconnect order.
    case branch
    /// A group of APN terminals: on the mobile network, no fibre.
    case terminals
}

/// A path as ids, for output.
public struct PathSummary: Sendable, Hashable {
    /// Node ids in order.
    public var nodes: [String]
    /// Link ids in order.
    public var links: [String]
    /// Length in metres.
    public var metres: Int
}

/// One segment's check in the confirmation: end access, access ring, aggregation, core.
public struct SegmentCheck: Sendable, Hashable {
    /// The segment: `end-access`, `access`, `aggregation`, `core`.
    public var segment: String
    /// `ok` or `short`.
    public var status: String
    /// What was found, or what is missing.
    public var reason: String

    /// Creates a check.
    public init(segment: String, status: String, reason: String) {
        self.segment = segment
        self.status = status
        self.reason = reason
    }
}

/// The addresses a site gets.
public struct PlannedAddresses: Sendable, Hashable {
    /// The interconnect subnet (/30 or /31): carrier side first host, customer side second.
    public var interconnect: IPv4Prefix?
    /// The customer LAN.
    public var lan: IPv4Prefix?
    /// The APN terminal pool.
    public var apnPool: IPv4Prefix?
    /// Tunnel interconnect /30s, one per GGSN, only when the router cannot do IP unnumbered.
    public var tunnels: [IPv4Prefix]
    /// A public block routed to an internet line's customer router (its LAN's secondary), if asked for.
    public var publicLAN: IPv4Prefix?

    /// Creates a site's addresses.
    public init(
        interconnect: IPv4Prefix? = nil, lan: IPv4Prefix? = nil, apnPool: IPv4Prefix? = nil, tunnels: [IPv4Prefix] = [],
        publicLAN: IPv4Prefix? = nil
    ) {
        self.interconnect = interconnect
        self.lan = lan
        self.apnPool = apnPool
        self.tunnels = tunnels
        self.publicLAN = publicLAN
    }
}

/// One GRE tunnel of an APN line, from the customer router to a GGSN.
public struct TunnelPlan: Sendable, Hashable {
    /// The GGSN's node id.
    public var ggsn: String
    /// The GGSN's GRE endpoint address (its loopback).
    public var ggsnAddress: IPv4Address
    /// The customer router's end: its WAN address.
    public var customerAddress: IPv4Address?
    /// The tunnel's inner /30 when the router cannot do IP unnumbered.
    public var inner: IPv4Prefix?
    /// The share of the terminal pool this GGSN hands out, routed into this tunnel first; `nil` when
    /// the pool is not split (one GGSN, or too small).
    public var pool: IPv4Prefix?

    /// Creates a tunnel plan.
    public init(
        ggsn: String, ggsnAddress: IPv4Address, customerAddress: IPv4Address?, inner: IPv4Prefix?,
        pool: IPv4Prefix? = nil
    ) {
        self.ggsn = ggsn
        self.ggsnAddress = ggsnAddress
        self.customerAddress = customerAddress
        self.inner = inner
        self.pool = pool
    }
}

/// What LinePlan says of the customer's router.
public struct RouterAnswer: Sendable, Hashable {
    /// The model as given or read, if any.
    public var model: String?
    /// `ok`, `needs-address-pair`, `replace`, or `unknown`.
    public var verdict: String
    /// Why.
    public var reasons: [String]
    /// The dialect its configuration is written in (`ios`, `vrp3`, `vrp5`), when known.
    public var platform: String?
    /// The model the configuration is written for: the customer's router, or the ``replacement``
    /// when it must be replaced; `nil` when no configuration is written (an unknown model, a model
    /// without templates, or no catalog model takes the line).
    public var configuredModel: String?
    /// The one catalog model operations buys when the verdict is `replace`; `nil` otherwise, or when
    /// no catalog model takes the line.
    public var replacement: String?
    /// The module operations fits in the configured router for an E1 or V.35 handover
    /// (`VWIC2-1MFT-T1/E1`, `WIC-1T`, `SIC-1E1-F`), from the catalog; `nil` for an Ethernet handover.
    public var module: String?

    /// Creates an answer.
    public init(
        model: String?, verdict: String, reasons: [String], platform: String? = nil, configuredModel: String? = nil,
        replacement: String? = nil, module: String? = nil
    ) {
        self.model = model
        self.verdict = verdict
        self.reasons = reasons
        self.platform = platform
        self.configuredModel = configuredModel
        self.replacement = replacement
        self.module = module
    }
}

/// An address block a site needs: allocated from a pool at commit (or held already), or given.
public struct AddressRequest: Sendable, Hashable {
    /// The pool.
    public var pool: Pool
    /// What it is for: interconnect, lan, apn, tunnel.
    public var purpose: String
    /// The prefix length.
    public var length: Int
    /// How many blocks.
    public var count: Int
}

/// The plan of one site.
public struct SitePlan: Sendable {
    /// The site's name.
    public var name: String
    /// The ledger line id: the order id, a slash, the site name.
    public var lineID: String
    /// The site's role.
    public var role: SiteRole
    /// The building node, when the site is one.
    public var building: String?
    /// The street address (装机地址), as the order gives it.
    public var address: String? = nil
    /// The customer's contact person at the site, as the order gives it.
    public var contact: String? = nil
    /// The contact's phone, as the order gives it.
    public var phone: String? = nil
    /// Town or countryside.
    public var area: Area
    /// The bandwidth asked for.
    public var bandwidth: Bandwidth
    /// The customer interface.
    public var interface: CustomerInterface
    /// The protection asked for.
    public var protection: Protection
    /// Qualified when a technology can serve the site today or with end-access work; unqualified when none can.
    public var qualification: QualificationStatus
    /// Why, in one sentence.
    public var qualificationReason: String
    /// The chosen technology, if any.
    public var technology: AccessTechnology?
    /// The chosen access node.
    public var accessNode: String?
    /// Every technology considered.
    public var alternatives: [AccessAlternative]
    /// Where the line ends: the GPRS-VPN switch, a CMNET router, or the hub.
    public var farEnd: String?
    /// The working path.
    public var working: PathSummary?
    /// The protection path (only when `diverse` was asked and one exists).
    public var protectionPath: PathSummary?
    /// Shared-risk groups the two paths still share.
    public var sharedRiskGroups: [String]
    /// The site's confirmation outcome.
    public var outcome: ConfirmationOutcome
    /// Segment by segment.
    public var segments: [SegmentCheck]
    /// The site's addresses.
    public var addresses: PlannedAddresses
    /// GRE tunnels (APN headquarters).
    public var tunnels: [TunnelPlan]
    /// The router verdict.
    public var router: RouterAnswer
    /// Repair obligation in clock hours: 48 in towns, 72 in the countryside.
    public var repairHours: Int
    /// Resources to hold at commit, other than addresses.
    public var reservations: [Reservation]
    /// Address blocks to allocate at commit.
    public var addressRequests: [AddressRequest]
    /// An interconnect branch's 802.1Q VLAN on the hub's port: its circuit reaches the hub router's
    /// sub-interface of this VLAN (``PolicyKey/hubVLANBase`` + the site's position).
    public var hubVLAN: Int? = nil
    /// The customer router's hostname in its configuration: ASCII, distinct across the order (see
    /// ``Devices/ConfigNames``); `nil` for terminals.
    public var hostname: String? = nil
    /// The configuration file written for the site, `configs/<slug>.<platform>.cfg`; `nil` when none is.
    public var configFile: String? = nil
    /// The date this site's own resources are planned to be ready.
    ///
    /// That is its outcome's reply deadline from receipt plus ``ConfirmationOutcome/readyWorkingDays`` working days (end-access optimisation 5, a
    /// core build 30, provisional); `nil` when they exist now. One site's build does not hold back
    /// the others; the order's reply stays the slowest site's.
    public var readyDate: CalendarDate? = nil

    /// Whether the line can be built today.
    ///
    /// That is a qualified site with a working path, or the hub of an interconnect order, whose
    /// branches bring the paths, and whose outcome is not an engineering build (no SDH/MSTP near an
    /// APN site, no diverse route, a ring due for an upgrade, a pool without room): only such a line
    /// holds ports, timeslots, bandwidth or addresses; the rest is recorded `designed` with nothing.
    public var isServed: Bool {
        qualification == .qualified && (working != nil || role == .hub) && outcome != .coreBuild
    }
}
