/// A link's spare capacity as a segment check reports it, in the unit its technology counts.
public enum LinkHeadroom: Sendable, Hashable {
    /// VC-12s free on an SDH span.
    case vc12(free: Int)
    /// Tributary slots free on an OTN line, and room on its ODU trunks.
    case otn(slots: Int, trunk: Bandwidth)
    /// Bandwidth free under a packet link's limit.
    case packet(free: Bandwidth)

    /// The headroom in Mbit/s, to find a segment's tightest link: a VC-12 counts 2.176, a tributary
    /// slot 1,250 (the trunks' room aside).
    public var megabits: Double {
        switch self {
        case .vc12(let free): Double(free) * 2.176
        case .otn(let slots, _): Double(slots) * 1250
        case .packet(let free): free.megabits
        }
    }
}
