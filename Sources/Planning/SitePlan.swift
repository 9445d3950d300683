public import Devices
public import Ledger
public import NetAddress
public import NetGraph
public import Orders
public import WorkCalendar

/// A site's role in its order.
public enum SiteRole: String, Sendable, Hashable, CaseIterable {
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
    /// The part of the line a check is about.
    public enum Name: String, Sendable, Hashable, CaseIterable {
        /// The customer's building to the access node: fibre, port, splitter, router.
        case endAccess = "end-access"
        /// The access rings.
        case access
        /// The aggregation rings.
        case aggregation
        /// The core and the hand-off to service platforms.
        case core
        /// The working and protection paths' shared risks.
        case diversity
        /// The address pools and the hub's VLANs.
        case addresses
        /// An interconnect hub's access, which carries its branches.
        case hubAccess = "hub-access"

        /// The check of a path segment (the last mile is the end access).
        public init(_ segment: Segment) {
            switch segment {
            case .lastMile: self = .endAccess
            case .access: self = .access
            case .aggregation: self = .aggregation
            case .core: self = .core
            }
        }
    }

    /// Whether the segment has what the line needs.
    public enum Status: String, Sendable, Hashable {
        /// Found.
        case ok
        /// Missing.
        case short
    }

    /// The segment.
    public var segment: Name
    /// Found or missing.
    public var status: Status
    /// What was found, or what is missing, in order.
    public var findings: [Finding]

    /// Creates a check.
    public init(segment: Name, status: Status, findings: [Finding]) {
        self.segment = segment
        self.status = status
        self.findings = findings
    }

    /// The findings in English, in one sentence.
    public var reason: String { Finding.english(findings) }

    /// The ids of the links the check is about, each once, in order.
    public var links: [String] { Self.unique(findings.flatMap(\.links)) }

    /// The ids of the nodes the check is about, each once, in order.
    public var nodes: [String] { Self.unique(findings.flatMap(\.nodes)) }

    /// The ids of the pools the check is about, each once, in order.
    public var pools: [String] { Self.unique(findings.flatMap(\.pools)) }

    private static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
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
    public var verdict: CapabilityVerdict.Kind
    /// What makes the router unfit (non-empty for `replace` of a known model).
    public var failures: [Finding]
    /// What else was found, and what to do.
    public var notes: [Finding]
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
        model: String?, verdict: CapabilityVerdict.Kind, failures: [Finding] = [], notes: [Finding] = [],
        platform: String? = nil, configuredModel: String? = nil, replacement: String? = nil, module: String? = nil
    ) {
        self.model = model
        self.verdict = verdict
        self.failures = failures
        self.notes = notes
        self.platform = platform
        self.configuredModel = configuredModel
        self.replacement = replacement
        self.module = module
    }

    /// Every finding, failures first.
    public var findings: [Finding] { failures + notes }

    /// Every finding in English, failures first.
    public var reasons: [String] { findings.map(\.english) }
}

/// What an address block of a line is for; the ledger records it by its raw value.
public enum AddressUse: String, Sendable, Hashable, CaseIterable {
    /// The WAN /30 (or /31) between the carrier's (or hub's) router and the customer's.
    case interconnect
    /// The customer LAN.
    case lan
    /// The APN terminal pool.
    case apn
    /// A GRE tunnel's inner /30.
    case tunnel
    /// A public block routed to an internet line's customer router.
    case publicLAN = "public-lan"
}

/// What a port, timeslot or bandwidth reservation of a line is for; the ledger records its raw value.
public enum ReservationUse: String, Sendable, Hashable, CaseIterable {
    /// The access node's port or splitter branch.
    case access
    /// A link of the working path.
    case working
    /// A link of the protection path.
    case protection
}

/// An address block a site needs: allocated from a pool at commit (or held already), or given.
public struct AddressRequest: Sendable, Hashable {
    /// The pool.
    public var pool: Pool
    /// What it is for.
    public var purpose: AddressUse
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
    /// Why: the chosen technology's findings, or why none serves.
    public var qualificationFindings: [Finding]
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

    /// Why the site qualifies or not, in one English sentence.
    public var qualificationReason: String { Finding.english(qualificationFindings) }

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
