/// One demand in every unit a link may count it in, worked out once per demand: kbit/s, VC-12s or
/// VC-4s, tributary slots, and whether it rides OTN trunks.
public struct LinkDemand: Sendable, Hashable {
    /// The bandwidth in kbit/s.
    public var kilobits: Int
    /// VC-12s it takes on an SDH span (0 when it takes whole VC-4s).
    public var vc12: Int
    /// Whole VC-4s it takes on an SDH span (0 when it takes VC-12s).
    public var vc4: Int
    /// Tributary slots it takes on an OTN line.
    public var slots: Int
    /// Whether it rides an OTN line's ODU trunks (below `otnMinMbps`) rather than taking slots.
    public var ridesTrunks: Bool

    /// The demand of a bandwidth under a policy.
    ///
    /// 2M → 1 VC-12; 100M → 46 VC-12 and rides the trunks; 1G → 7 VC-4 and 1 slot; 10G → 67 VC-4 and 8 slots.
    ///
    /// - Parameters:
    ///   - bandwidth: The bandwidth asked.
    ///   - policy: The policy (for `otnMinMbps`).
    /// - Complexity: O(1).
    public init(_ bandwidth: Bandwidth, policy: Policy) {
        kilobits = bandwidth.kilobits
        ridesTrunks = bandwidth.megabits < policy[.otnMinMbps]
        switch SDHOccupancy.requirement(for: bandwidth) {
        case .vc12(let count): (vc12, vc4) = (count, 0)
        case .vc4(let count): (vc12, vc4) = (0, count)
        }
        slots = OTNSlots.slotsNeeded(for: bandwidth)
    }
}
