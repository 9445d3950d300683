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
    /// (``LinkSpare/admits(_:)`` on ``spare(policy:)``) that the path engine, the segment checks and
    /// the reservations share; the refusal's numbers are worked out only once it says no.
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
        let demand = LinkDemand(bandwidth, policy: policy)
        let spare = spare(policy: policy)
        if spare.admits(demand) { return nil }
        let limit = Int((policy.maxUtilisation(of: segment) * 100).rounded())
        let free = spare.bandwidth
        switch capacity {
        case .packet(let committed, let fibre):
            if let fibre, fibre.free < coresPerLine {
                return .fibre(used: fibre.used, cores: fibre.cores, perLine: coresPerLine)
            }
            return .packet(asked: bandwidth, free: free, committed: committed, rate: rate, limitPercent: limit)
        case .sdh(let occupancy) where demand.vc4 > 0:
            return .vc4(needed: demand.vc4, free: occupancy.freeVC4, total: occupancy.vc4)
        case .sdh(let occupancy):
            return .vc12(
                needed: demand.vc12, free: occupancy.freeVC12, total: occupancy.vc4 * SDHOccupancy.vc12PerVC4)
        case .otn(let slots, let load) where demand.ridesTrunks:
            return .oduTrunk(
                asked: bandwidth, free: free, committed: load, trunk: slots.trunkCapacity, slotsUsed: slots.used,
                limitPercent: limit)
        case .otn(let slots, _):
            return .otnSlots(needed: demand.slots, free: slots.free, total: slots.slots)
        }
    }

    /// What this link can still give one more demand under a policy: the capacity's spare at the
    /// segment's utilisation limit.
    ///
    /// - Parameter policy: The utilisation limits.
    /// - Returns: The spare capacity.
    /// - Complexity: O(1).
    public func spare(policy: Policy) -> LinkSpare {
        capacity.spare(rate: rate, limit: policy.maxUtilisation(of: segment), coresPerLine: coresPerLine)
    }

    /// The link after carrying one more demand: committed bandwidth, VC-12 or VC-4, or tributary
    /// slots taken (see ``LinkCapacity/carrying(_:)``).
    public func carrying(_ bandwidth: Bandwidth, policy: Policy) -> Link {
        var link = self
        link.capacity = capacity.carrying(LinkDemand(bandwidth, policy: policy))
        return link
    }

    /// What one more demand takes from this link in a ledger's units (see
    /// ``LinkCapacity/use(of:rate:limit:)``).
    ///
    /// - Parameters:
    ///   - bandwidth: The demand.
    ///   - policy: The utilisation limits.
    /// - Returns: The unit, count, baseline and capacity.
    public func use(of bandwidth: Bandwidth, policy: Policy) -> LinkUse {
        capacity.use(of: LinkDemand(bandwidth, policy: policy), rate: rate, limit: policy.maxUtilisation(of: segment))
    }

    /// The link with a ledger's holds counted as used (see ``LinkCapacity/holding(_:rate:)``).
    ///
    /// - Parameter held: How much of each unit the ledger holds on it (bandwidth in kbit/s).
    /// - Returns: The link.
    public func holding(_ held: (LinkUse.Unit) -> Int) -> Link {
        var link = self
        link.capacity = capacity.holding(held, rate: rate)
        return link
    }

    /// Fibre cores a new line takes on this link: one on a PON (single-fibre ODN), a pair elsewhere.
    public var coresPerLine: Int { technology == .pon ? 1 : 2 }
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
