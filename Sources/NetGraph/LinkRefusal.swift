/// Why a link cannot carry one more demand, with the numbers: the one answer of the admission check.
///
/// ``Link/refusal(of:policy:)`` returns `nil` when the link admits the demand, else one of these.
/// Reports render it in their own language from the numbers; ``description`` is the English.
public enum LinkRefusal: Sendable, Hashable, CustomStringConvertible {
    /// A packet link (PTN, Ethernet, PON, fibre) past its utilisation limit: `asked` more, `free` left
    /// under `limitPercent` % of `rate`, with `committed` carried already.
    case packet(asked: Bandwidth, free: Bandwidth, committed: Bandwidth, rate: Bandwidth, limitPercent: Int)
    /// A fibre section without a free pair (or core on a PON): `used` of `cores`, `perLine` per line.
    case fibre(used: Int, cores: Int, perLine: Int)
    /// An SDH span short of VC-12s: `needed`, `free` of `total`.
    case vc12(needed: Int, free: Int, total: Int)
    /// An SDH span short of whole VC-4s: `needed`, `free` of `total`.
    case vc4(needed: Int, free: Int, total: Int)
    /// An OTN line short of tributary slots: `needed`, `free` of `total`.
    case otnSlots(needed: Int, free: Int, total: Int)
    /// An OTN line's ODU trunks past their limit for a small line: `asked`, `free` under
    /// `limitPercent` % of `trunk` (the `slotsUsed` slots the trunks hold), `committed` carried.
    case oduTrunk(
        asked: Bandwidth, free: Bandwidth, committed: Bandwidth, trunk: Bandwidth, slotsUsed: Int, limitPercent: Int)

    /// The refusal's code, stable for JSON: `link-capacity`, `link-fibre`, `link-vc12`, `link-vc4`,
    /// `link-otn-slots`, `link-odu-trunk`.
    public var code: String {
        switch self {
        case .packet: "link-capacity"
        case .fibre: "link-fibre"
        case .vc12: "link-vc12"
        case .vc4: "link-vc4"
        case .otnSlots: "link-otn-slots"
        case .oduTrunk: "link-odu-trunk"
        }
    }

    /// The refusal in English: "100M asked, 70M free (630M committed of 1G, limit 70 %)".
    public var description: String {
        switch self {
        case .packet(let asked, let free, let committed, let rate, let limit):
            "\(asked) asked, \(free) free (\(committed) committed of \(rate), limit \(limit) %)"
        case .fibre(let used, let cores, let perLine):
            "no free \(perLine == 1 ? "fibre core" : "fibre pair") (\(used) of \(cores) cores used)"
        case .vc12(let needed, let free, let total):
            "needs \(needed) VC-12, \(free) free of \(total)"
        case .vc4(let needed, let free, let total):
            "needs \(needed) VC-4, \(free) free of \(total)"
        case .otnSlots(let needed, let free, let total):
            "needs \(needed) \(needed == 1 ? "tributary slot" : "tributary slots"), \(free) free of \(total)"
        case .oduTrunk(let asked, let free, let committed, let trunk, let slots, let limit):
            "\(asked) asked on the ODU trunks, \(free) free (\(committed) committed of \(trunk) in \(slots) "
                + "tributary slots, limit \(limit) %)"
        }
    }
}
