/// What a link has to give and what it carries already, in the units its technology counts: the one
/// capacity model that admission, headroom, reservations and the ledger all read.
///
/// A ``Link`` always has one; its case follows from the link's technology (``Link/init(id:aEnd:bEnd:rate:committed:metres:segment:technology:ring:sharedRiskGroups:adminWeight:sdh:otn:fibre:)``
/// resolves the defaults), so an SDH count on a PTN link cannot be made.
public enum LinkCapacity: Sendable, Hashable {
    /// A packet link (PTN, Ethernet, PON, fibre): bandwidth committed under its rate, and the cores of its
    /// cable section where they are counted.
    case packet(committed: Bandwidth, fibre: FibreCores?)
    /// An SDH/MSTP span: its VC-4 and VC-12 occupancy.
    case sdh(SDHOccupancy)
    /// An OTN line: its tributary slots, and the traffic its ODU trunks (the used slots) carry.
    case otn(OTNSlots, trunkLoad: Bandwidth)

    /// The capacity a link of a technology has when made: SDH spans count `sdh` (else as many VC-4s
    /// as the rate holds, none used), OTN lines `otn` (else as many slots as the rate holds, none used)
    /// with `committed` on their trunks, other links `committed` and `fibre`.
    ///
    /// Records of another technology are left out (the readers refuse them, with their place).
    ///
    /// - Parameters:
    ///   - technology: The link's technology.
    ///   - rate: The line rate.
    ///   - committed: Bandwidth committed already (not counted on an SDH span).
    ///   - sdh: The VC occupancy of an SDH span, if given.
    ///   - otn: The slots of an OTN line, if given.
    ///   - fibre: The cores of a packet link's cable section, if counted.
    public init(
        technology: LinkTechnology, rate: Bandwidth, committed: Bandwidth, sdh: SDHOccupancy?, otn: OTNSlots?,
        fibre: FibreCores?
    ) {
        switch technology {
        case .sdh: self = .sdh(sdh ?? SDHOccupancy(rate: rate))
        case .otn: self = .otn(otn ?? OTNSlots(rate: rate), trunkLoad: committed)
        case .fibre, .ptn, .pon, .ethernet: self = .packet(committed: committed, fibre: fibre)
        }
    }

    /// Bandwidth carried: committed on a packet link, on the trunks of an OTN line; zero on an SDH span,
    /// which counts VCs instead.
    public var committed: Bandwidth {
        switch self {
        case .packet(let committed, _), .otn(_, let committed): committed
        case .sdh: .zero
        }
    }

    /// What is left for one more demand on a link of this capacity.
    ///
    /// - Parameters:
    ///   - rate: The link's line rate.
    ///   - limit: The utilisation limit of its segment, 0…1.
    ///   - coresPerLine: Fibre cores a new line takes (1 on a PON, else 2).
    /// - Returns: The spare capacity.
    /// - Complexity: O(1).
    public func spare(rate: Bandwidth, limit: Double, coresPerLine: Int) -> LinkSpare {
        switch self {
        case .packet(let committed, let fibre):
            .packet(
                kilobits: Self.share(rate, limit) - committed.kilobits,
                hasFibrePair: (fibre?.free ?? coresPerLine) >= coresPerLine)
        case .sdh(let occupancy):
            .sdh(vc12: occupancy.freeVC12, vc4: occupancy.freeVC4)
        case .otn(let slots, let load):
            .otn(slots: slots.free, trunkKilobits: Self.share(slots.trunkCapacity, limit) - load.kilobits)
        }
    }

    /// The capacity after carrying one more demand: bandwidth committed (on an OTN line's trunks for
    /// a demand that rides them), VC-12s or VC-4s, or tributary slots taken.
    ///
    /// - Parameter demand: The demand.
    /// - Returns: The new capacity.
    /// - Complexity: O(1).
    public func carrying(_ demand: LinkDemand) -> LinkCapacity {
        switch self {
        case .packet(let committed, let fibre):
            return .packet(committed: committed + Bandwidth(kilobits: demand.kilobits), fibre: fibre)
        case .sdh(var occupancy):
            if demand.vc4 > 0 { occupancy.vc4Used += demand.vc4 } else { occupancy.vc12Used += demand.vc12 }
            return .sdh(occupancy)
        case .otn(let slots, let load) where demand.ridesTrunks:
            return .otn(slots, trunkLoad: load + Bandwidth(kilobits: demand.kilobits))
        case .otn(var slots, let load):
            slots.used += demand.slots
            return .otn(slots, trunkLoad: load)
        }
    }

    /// What one demand takes, in the units a ledger holds: bandwidth in kbit/s (with the allowed load
    /// as capacity and the committed bandwidth as baseline), or VC-12s, VC-4s or tributary slots
    /// (with the units on the link and those in use).
    ///
    /// - Parameters:
    ///   - demand: The demand.
    ///   - rate: The link's line rate.
    ///   - limit: The utilisation limit of its segment, 0…1.
    /// - Returns: The use.
    /// - Complexity: O(1).
    public func use(of demand: LinkDemand, rate: Bandwidth, limit: Double) -> LinkUse {
        switch self {
        case .packet(let committed, _):
            return LinkUse(
                unit: .bandwidth, count: demand.kilobits, baseline: committed.kilobits,
                capacity: Self.share(rate, limit))
        case .sdh(let occupancy) where demand.vc4 > 0:
            return LinkUse(
                unit: .vc4, count: demand.vc4, baseline: occupancy.vc4 - occupancy.freeVC4, capacity: occupancy.vc4)
        case .sdh(let occupancy):
            let total = occupancy.vc4 * SDHOccupancy.vc12PerVC4
            return LinkUse(unit: .vc12, count: demand.vc12, baseline: total - occupancy.freeVC12, capacity: total)
        case .otn(let slots, let load) where demand.ridesTrunks:
            return LinkUse(
                unit: .bandwidth, count: demand.kilobits, baseline: load.kilobits,
                capacity: Self.share(slots.trunkCapacity, limit))
        case .otn(let slots, _):
            return LinkUse(unit: .otnSlot, count: demand.slots, baseline: slots.used, capacity: slots.slots)
        }
    }

    /// The capacity with a ledger's holds counted as used: bandwidth (up to the rate), VC-4s and VC-12s
    /// (up to what the span has), tributary slots (up to the line's).
    ///
    /// - Parameters:
    ///   - held: How much of each unit the ledger holds on the link (bandwidth in kbit/s).
    ///   - rate: The link's line rate.
    /// - Returns: The new capacity.
    /// - Complexity: O(1): `held` is asked only for the units this capacity counts.
    public func holding(_ held: (LinkUse.Unit) -> Int, rate: Bandwidth) -> LinkCapacity {
        func loaded(_ committed: Bandwidth) -> Bandwidth {
            let bandwidth = held(.bandwidth)
            return bandwidth == 0 ? committed : min(rate, committed + Bandwidth(kilobits: bandwidth))
        }
        switch self {
        case .packet(let committed, let fibre):
            return .packet(committed: loaded(committed), fibre: fibre)
        case .sdh(var occupancy):
            occupancy.vc4Used = min(occupancy.vc4, occupancy.vc4Used + held(.vc4))
            occupancy.vc12Used = min(
                (occupancy.vc4 - occupancy.vc4Used) * SDHOccupancy.vc12PerVC4, occupancy.vc12Used + held(.vc12))
            return .sdh(occupancy)
        case .otn(var slots, let load):
            slots.used = min(slots.slots, slots.used + held(.otnSlot))
            return .otn(slots, trunkLoad: loaded(load))
        }
    }

    /// The share of `rate` a limit allows, rounded down to whole kbit/s.
    static func share(_ rate: Bandwidth, _ limit: Double) -> Int {
        Int((Double(rate.kilobits) * limit).rounded(.down))
    }
}
