extension Network {
    /// Why a link cannot carry `bandwidth` more, or `nil` when it can (see ``Link/refusal(of:policy:)``).
    ///
    /// - Parameters:
    ///   - bandwidth: The demand.
    ///   - link: The link's index.
    /// - Returns: The refusal with its numbers, or `nil`.
    public func refusal(of bandwidth: Bandwidth, on link: Int) -> LinkRefusal? {
        links[link].refusal(of: bandwidth, policy: policy)
    }
}

extension Link {
    /// Why this link cannot carry `bandwidth` more, or `nil` when it admits it: the one admission check
    /// that the path engine's spare capacity, the segment checks and the reservations agree with.
    ///
    /// PTN, Ethernet, PON and fibre links admit a demand while committed + demand stays within the
    /// policy's share of the rate for the link's segment (access 70 %, aggregation and core 80 %);
    /// SDH spans need free VC-12s (or whole VC-4s above 63 VC-12); OTN lines need free tributary
    /// slots, or room on their ODU trunks for a line below `otnMinMbps`; a fibre section with a core
    /// count needs a free pair (one core on a PON).
    ///
    /// - Parameters:
    ///   - bandwidth: The demand.
    ///   - policy: The utilisation limits.
    /// - Returns: The refusal with its numbers, or `nil`.
    /// - Complexity: O(1).
    public func refusal(of bandwidth: Bandwidth, policy: Policy) -> LinkRefusal? {
        let limit = Int((policy.maxUtilisation(of: segment) * 100).rounded())
        switch technology {
        case .sdh:
            let occupancy = sdhOccupancy
            switch SDHOccupancy.requirement(for: bandwidth) {
            case .vc12(let count) where count > occupancy.freeVC12:
                return .vc12(needed: count, free: occupancy.freeVC12, total: occupancy.vc4 * SDHOccupancy.vc12PerVC4)
            case .vc4(let count) where count > occupancy.freeVC4:
                return .vc4(needed: count, free: occupancy.freeVC4, total: occupancy.vc4)
            case .vc12, .vc4:
                return nil
            }
        case .otn where ridesTrunks(bandwidth, policy: policy):
            let free = trunkAllowedLoad(policy: policy) - committed
            guard bandwidth > free else { return nil }
            return .oduTrunk(
                asked: bandwidth, free: max(free, .zero), committed: committed, trunk: trunkCapacity,
                slotsUsed: otnSlots.used, limitPercent: limit)
        case .otn:
            let slots = otnSlots
            let needed = OTNSlots.slotsNeeded(for: bandwidth)
            guard needed > slots.free else { return nil }
            return .otnSlots(needed: needed, free: slots.free, total: slots.slots)
        case .fibre, .ptn, .pon, .ethernet:
            if let fibre, fibre.free < coresPerLine {
                return .fibre(used: fibre.used, cores: fibre.cores, perLine: coresPerLine)
            }
            let free = allowedLoad(policy: policy) - committed
            guard bandwidth > free else { return nil }
            return .packet(
                asked: bandwidth, free: max(free, .zero), committed: committed, rate: rate, limitPercent: limit)
        }
    }

    /// The most a packet link may carry in all: its rate times its segment's utilisation limit
    /// (access 70 %, aggregation and core 80 %, last mile 100 %), rounded down to whole kbit/s.
    public func allowedLoad(policy: Policy) -> Bandwidth {
        Bandwidth(kilobits: Int((Double(rate.kilobits) * policy.maxUtilisation(of: segment)).rounded(.down)))
    }

    /// The link after carrying one more demand: committed bandwidth, VC-12 or VC-4, or tributary
    /// slots taken (and a fibre pair or core where the cores are counted).
    public func carrying(_ bandwidth: Bandwidth, policy: Policy) -> Link {
        var link = self
        switch technology {
        case .sdh:
            var occupancy = sdhOccupancy
            switch SDHOccupancy.requirement(for: bandwidth) {
            case .vc12(let count): occupancy.vc12Used += count
            case .vc4(let count): occupancy.vc4Used += count
            }
            link.sdh = occupancy
        case .otn where ridesTrunks(bandwidth, policy: policy):
            link.committed = committed + bandwidth
        case .otn:
            var slots = otnSlots
            slots.used += OTNSlots.slotsNeeded(for: bandwidth)
            link.otn = slots
        case .fibre, .ptn, .pon, .ethernet:
            link.committed = committed + bandwidth
        }
        return link
    }
}

extension Link {
    /// The VC occupancy of an SDH span: as the file gives it, else as many VC-4s as the rate holds
    /// (one per STM-1), none used.
    public var sdhOccupancy: SDHOccupancy {
        sdh ?? SDHOccupancy(rate: rate)
    }

    /// Fibre cores a new line takes on this link: one on a PON (single-fibre ODN), a pair elsewhere.
    public var coresPerLine: Int { technology == .pon ? 1 : 2 }

    /// The tributary slots of an OTN link: as the file gives them, else as many as the rate holds,
    /// none used.
    public var otnSlots: OTNSlots {
        otn ?? OTNSlots(slots: max(1, rate.kilobits / OTNSlots.slotRate), used: 0)
    }

    /// Whether a demand on this link rides the ODU trunks rather than taking slots of its own.
    ///
    /// The trunks are what the aggregation rings already hold in the link's used tributary slots; a
    /// demand rides them on an OTN link below `otnMinMbps` (1G). A 10M line does not take a whole 1.25G slot; lines of 1G and more (and 10GE)
    /// take ODU slots of their own.
    public func ridesTrunks(_ bandwidth: Bandwidth, policy: Policy) -> Bool {
        technology == .otn && bandwidth.megabits < policy[.otnMinMbps]
    }

    /// The ODU trunks of an OTN link: its used tributary slots × 1.25 Gbit/s, which carry the
    /// aggregated traffic counted in `committed`.
    public var trunkCapacity: Bandwidth { Bandwidth(kilobits: otnSlots.used * OTNSlots.slotRate) }

    /// The most the trunks may carry: their capacity times the segment's utilisation limit (core 80 %).
    public func trunkAllowedLoad(policy: Policy) -> Bandwidth {
        Bandwidth(
            kilobits: Int((Double(trunkCapacity.kilobits) * policy.maxUtilisation(of: segment)).rounded(.down)))
    }
}

extension SDHOccupancy {
    /// What an SDH span must give a demand.
    public enum Requirement: Sendable, Hashable {
        /// N VC-12 (virtually concatenated above one).
        case vc12(Int)
        /// N whole VC-4.
        case vc4(Int)
    }

    /// The VCs a demand needs: ⌈B / 2.176 Mbit/s⌉ VC-12 up to 63, else ⌈B / 149.76 Mbit/s⌉ VC-4.
    ///
    /// 2M → 1 VC-12; 10M → 5 VC-12; 100M → 46 VC-12; 1G → 7 VC-4.
    public static func requirement(for bandwidth: Bandwidth) -> Requirement {
        let vc12 = max(1, (bandwidth.kilobits + 2175) / 2176)
        if vc12 <= vc12PerVC4 { return .vc12(vc12) }
        return .vc4((bandwidth.kilobits + 149_759) / 149_760)
    }
}

extension OTNSlots {
    /// The rate of one tributary slot in kbit/s (1.25 Gbit/s).
    public static let slotRate = 1_250_000

    /// The tributary slots a demand needs: GE → 1 (ODU0), 10GE → 8 (ODU2e).
    public static func slotsNeeded(for bandwidth: Bandwidth) -> Int {
        max(1, (bandwidth.kilobits + slotRate - 1) / slotRate)
    }
}
