/// What one demand takes from a link in the units a ledger holds, with the link's own count of them.
public struct LinkUse: Sendable, Hashable {
    /// The unit a link's capacity is held in.
    public enum Unit: Sendable, Hashable, CaseIterable {
        /// Bandwidth, in kbit/s (packet links, and small lines on OTN trunks).
        case bandwidth
        /// VC-12s of an SDH span.
        case vc12
        /// Whole VC-4s of an SDH span.
        case vc4
        /// Tributary slots of an OTN line.
        case otnSlot
    }

    /// The unit taken.
    public var unit: Unit
    /// How many: kbit/s for bandwidth, else units.
    public var count: Int
    /// How many the link has in use already (committed kbit/s for bandwidth).
    public var baseline: Int
    /// How many it has in all (the allowed load in kbit/s for bandwidth).
    public var capacity: Int

    /// Creates a use.
    public init(unit: Unit, count: Int, baseline: Int, capacity: Int) {
        self.unit = unit
        self.count = count
        self.baseline = baseline
        self.capacity = capacity
    }
}
