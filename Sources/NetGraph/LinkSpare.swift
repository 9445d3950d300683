/// What a link can still give one more demand, worked out once from its capacity and the policy: the
/// precompiled half of the one admission check (``admits(_:)`` is the other half).
///
/// The path engine keeps one per link and asks ``admits(_:)`` for each link it relaxes;
/// ``Link/refusal(of:policy:)`` asks the same question and only then works out the refusal's numbers.
public enum LinkSpare: Sendable, Hashable {
    /// A packet link: kbit/s left under its utilisation limit (negative past it), and whether its
    /// cable section has a free pair (a free core on a PON; always where cores are not counted).
    case packet(kilobits: Int, hasFibrePair: Bool)
    /// An SDH span: VC-12s free, and whole VC-4s free (untouched by any VC-12).
    case sdh(vc12: Int, vc4: Int)
    /// An OTN line: tributary slots free, and kbit/s left under the limit on its ODU trunks.
    case otn(slots: Int, trunkKilobits: Int)

    /// Whether the link can carry the demand: bandwidth within the limit and a fibre pair on a packet
    /// link, VC-12s (or whole VC-4s above 63 VC-12) on an SDH span, tributary slots on an OTN line, or
    /// room on its trunks for a demand that rides them.
    ///
    /// - Parameter demand: The demand.
    /// - Returns: `true` when the link admits it.
    /// - Complexity: O(1).
    @inlinable
    public func admits(_ demand: LinkDemand) -> Bool {
        switch self {
        case .packet(let kilobits, let hasFibrePair): hasFibrePair && demand.kilobits <= kilobits
        case .sdh(let vc12, let vc4): demand.vc4 > 0 ? demand.vc4 <= vc4 : demand.vc12 <= vc12
        case .otn(let slots, let trunkKilobits):
            demand.ridesTrunks ? demand.kilobits <= trunkKilobits : demand.slots <= slots
        }
    }

    /// Bandwidth left under the limit on a packet link or an OTN line's trunks, never below zero; zero
    /// on an SDH span.
    public var bandwidth: Bandwidth {
        switch self {
        case .packet(let kilobits, _), .otn(_, let kilobits): Bandwidth(kilobits: max(0, kilobits))
        case .sdh: .zero
        }
    }

    /// The spare capacity as a segment check reports it: free bandwidth on a packet link (the fibre
    /// pair aside), free VC-12s on an SDH span, free slots and trunk room on an OTN line.
    public var headroom: LinkHeadroom {
        switch self {
        case .packet: .packet(free: bandwidth)
        case .sdh(let vc12, _): .vc12(free: vc12)
        case .otn(let slots, _): .otn(slots: slots, trunk: bandwidth)
        }
    }
}
