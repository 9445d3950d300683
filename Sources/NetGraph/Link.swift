/// Which part of the end-to-end line a link belongs to (domain-rules.md §4).
public enum Segment: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Customer building to the first transport node (fibre, drop, ODN).
    case lastMile = "last-mile"
    /// Access rings and chains.
    case access
    /// Aggregation rings up to the aggregation and core rooms.
    case aggregation
    /// Core rings and OTN between core rooms, and the hand-off to service platforms.
    case core

    /// Orders segments from the customer inwards.
    public static func < (lhs: Segment, rhs: Segment) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }

    /// All segments as written in files, for messages.
    public static var spelledOut: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The transport technology a link uses.
public enum LinkTechnology: String, Sendable, Hashable, CaseIterable {
    /// Bare fibre (with transceivers).
    case fibre
    /// PTN (packet transport, MPLS-TP).
    case ptn
    /// SDH/MSTP spans, counted in VC-12 and VC-4.
    case sdh
    /// OTN lines, counted in tributary slots.
    case otn
    /// PON optical distribution (feeder and drop fibre).
    case pon
    /// Plain Ethernet between co-located equipment.
    case ethernet

    /// All technologies as written in files, for messages.
    public static var spelledOut: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The technology's name in prose: "PTN", "SDH", "fibre".
    public var displayName: String {
        switch self {
        case .ptn, .sdh, .otn, .pon: rawValue.uppercased()
        case .fibre, .ethernet: rawValue
        }
    }

    /// The name with its article, for messages: "a PTN", "an SDH", "an OTN".
    public var withArticle: String {
        switch self {
        case .sdh, .otn, .ethernet: "an \(displayName)"
        case .ptn, .pon, .fibre: "a \(displayName)"
        }
    }
}

/// A link between two nodes.
public struct Link: Sendable, Hashable {
    /// The link's identifier, unique in the network.
    public var id: String
    /// The index of the A-end node in ``Network/nodes``.
    public var aEnd: Int
    /// The index of the B-end node in ``Network/nodes``.
    public var bEnd: Int
    /// The line rate.
    public var rate: Bandwidth
    /// Its length in metres.
    public var metres: Int
    /// The longest link a network file takes, in km (half the Earth's circumference): the bound of `km`
    /// when a file is read, so that no sum of lengths along a path can overflow.
    public static let maximumKilometres = 20_000.0
    /// The segment it belongs to.
    public var segment: Segment
    /// Its technology.
    public private(set) var technology: LinkTechnology
    /// The ring it belongs to, by ring id.
    public var ring: String?
    /// Shared-risk groups: the cables and ducts it runs in.
    public var sharedRiskGroups: [String]
    /// The administrative (TE) weight.
    public var adminWeight: Int
    /// What it has to give and carries already, in the units its technology counts.
    public internal(set) var capacity: LinkCapacity
    /// Whether its maker gave an OTN line's slots (a file that spelled `otn` out).
    private var slotsGiven: Bool

    /// Creates a link, its capacity resolved from the technology (see
    /// ``LinkCapacity/init(technology:rate:committed:sdh:otn:fibre:)``): an SDH span without `sdh` has
    /// as many VC-4s as the rate holds, an OTN line without `otn` as many tributary slots, none used.
    ///
    /// `committed` is carried on a packet link and on an OTN line's trunks; an SDH span counts VCs
    /// and `fibre` is counted on packet links only: the readers refuse those records elsewhere.
    public init(
        id: String, aEnd: Int, bEnd: Int, rate: Bandwidth, committed: Bandwidth = .zero, metres: Int,
        segment: Segment, technology: LinkTechnology, ring: String? = nil, sharedRiskGroups: [String] = [],
        adminWeight: Int = 10, sdh: SDHOccupancy? = nil, otn: OTNSlots? = nil, fibre: FibreCores? = nil
    ) {
        self.id = id
        self.aEnd = aEnd
        self.bEnd = bEnd
        self.rate = rate
        self.metres = metres
        self.segment = segment
        self.technology = technology
        self.ring = ring
        self.sharedRiskGroups = sharedRiskGroups
        self.adminWeight = adminWeight
        self.capacity = LinkCapacity(
            technology: technology, rate: rate, committed: committed, sdh: sdh, otn: otn, fibre: fibre)
        self.slotsGiven = technology == .otn && otn != nil
    }

    /// Bandwidth already committed on it (Σ CIR of existing services): on a packet link, or on an OTN
    /// line's ODU trunks; zero on an SDH span.
    public var committed: Bandwidth { capacity.committed }

    /// The VC occupancy of an SDH span (as given, or the default for its rate), `nil` on other links.
    public var sdh: SDHOccupancy? {
        guard case .sdh(let occupancy) = capacity else { return nil }
        return occupancy
    }

    /// The tributary slots of an OTN line as a network file writes them: `nil` on other links, and on
    /// a line made without them whose slots are still the default for its rate (so a file that left
    /// `otn` out is written again without it, until a ledger's holds take a slot).
    public var otn: OTNSlots? {
        guard case .otn(let slots, _) = capacity else { return nil }
        return slotsGiven || slots != OTNSlots(rate: rate) ? slots : nil
    }

    /// The counted fibre cores of a packet link's cable section, or `nil`.
    public var fibre: FibreCores? {
        guard case .packet(_, let fibre) = capacity else { return nil }
        return fibre
    }

    /// The node at the other end from `node`.
    public func otherEnd(from node: Int) -> Int {
        node == aEnd ? bEnd : aEnd
    }

    /// The committed share of the rate, 0…1.
    public var utilisation: Double {
        rate.kilobits > 0 ? Double(committed.kilobits) / Double(rate.kilobits) : 0
    }
}

/// The VC occupancy of an SDH/MSTP span.
public struct SDHOccupancy: Sendable, Hashable {
    /// How many VC-4s the span carries (1 per STM-1: STM-4 has 4, STM-16 16).
    public var vc4: Int
    /// VC-4s taken whole (by VC-4 services or concatenations).
    public var vc4Used: Int
    /// VC-12s taken in the remaining VC-4s (63 per VC-4).
    public var vc12Used: Int

    /// Creates an occupancy record.
    public init(vc4: Int, vc4Used: Int = 0, vc12Used: Int = 0) {
        self.vc4 = vc4
        self.vc4Used = vc4Used
        self.vc12Used = vc12Used
    }

    /// An empty span of a line rate: one VC-4 per STM-1 (155.52 Mbit/s), at least one.
    public init(rate: Bandwidth) {
        self.init(vc4: max(1, rate.kilobits / 155_520))
    }

    /// VC-12s per VC-4.
    public static let vc12PerVC4 = 63

    /// VC-12s still free.
    public var freeVC12: Int { (vc4 - vc4Used) * Self.vc12PerVC4 - vc12Used }

    /// Whole VC-4s still free (not touched by any VC-12).
    public var freeVC4: Int {
        vc4 - vc4Used - (vc12Used + Self.vc12PerVC4 - 1) / Self.vc12PerVC4
    }

    /// The share of VC-12 capacity in use, 0…1.
    public var utilisation: Double {
        vc4 > 0 ? 1 - Double(freeVC12) / Double(vc4 * Self.vc12PerVC4) : 0
    }
}

/// The tributary slots of an OTN line (1.25 Gbit/s each; 80 on an OTU4, 8 on an OTU2).
public struct OTNSlots: Sendable, Hashable {
    /// Slots on the line.
    public var slots: Int
    /// Slots in use.
    public var used: Int

    /// Creates a slot record.
    public init(slots: Int, used: Int) {
        self.slots = slots
        self.used = used
    }

    /// An empty line of a rate: as many 1.25G slots as the rate holds, at least one.
    public init(rate: Bandwidth) {
        self.init(slots: max(1, rate.kilobits / Self.slotRate), used: 0)
    }

    /// Slots still free.
    public var free: Int { slots - used }

    /// The ODU trunks its used slots hold: used × 1.25 Gbit/s.
    public var trunkCapacity: Bandwidth { Bandwidth(kilobits: used * Self.slotRate) }
}

/// The cores of a fibre cable section.
public struct FibreCores: Sendable, Hashable {
    /// Cores in the section.
    public var cores: Int
    /// Cores in use.
    public var used: Int

    /// Creates a core record.
    public init(cores: Int, used: Int) {
        self.cores = cores
        self.used = used
    }

    /// Cores still free.
    public var free: Int { cores - used }
}
