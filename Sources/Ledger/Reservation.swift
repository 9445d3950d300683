public import NetAddress
public import NetGraph

/// One resource held for a line: an address block, a port, bandwidth on a link, or timeslots.
public struct Reservation: Sendable, Hashable {
    /// What kind of resource it is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An address block from a pool.
        case address
        /// A port on a node (`detail` is the port type, `unit` the port number).
        case port
        /// Bandwidth on a link, in kbit/s.
        case bandwidth
        /// One VC-12 of an SDH span (`unit` is its number, 1-based).
        case vc12
        /// One VC-4 of an SDH span.
        case vc4
        /// One tributary slot of an OTN line.
        case otnSlot = "otn-slot"
        /// One branch of a PON splitter (an ONU).
        case ponBranch = "pon-branch"

        /// The kind that holds a link's unit.
        public init(_ unit: LinkUse.Unit) {
            switch unit {
            case .bandwidth: self = .bandwidth
            case .vc12: self = .vc12
            case .vc4: self = .vc4
            case .otnSlot: self = .otnSlot
            }
        }
    }

    /// What kind of resource it is.
    public var kind: Kind
    /// What it is for: an address purpose (interconnect, lan, apn, tunnel, loopback) or a path role (working, protection, access).
    public var purpose: String
    /// The pool, node or link id.
    public var resource: String
    /// The port type of a port; empty otherwise.
    public var detail: String
    /// The port, timeslot or branch number (1-based); 0 for addresses and bandwidth.
    public var unit: Int
    /// The address block of an address reservation.
    public var prefix: IPv4Prefix?
    /// kbit/s for bandwidth; 1 for a unit; the block's size for an address.
    public var amount: Int
    /// The most the resource can give: kbit/s allowed on the link, or how many units exist.
    public var capacity: Int
    /// What the network file already counts as used (committed kbit/s, or units in use) when reserved.
    public var baseline: Int

    /// Creates a reservation.
    public init(
        kind: Kind, purpose: String, resource: String, detail: String = "", unit: Int = 0, prefix: IPv4Prefix? = nil,
        amount: Int = 1, capacity: Int = 0, baseline: Int = 0
    ) {
        self.kind = kind
        self.purpose = purpose
        self.resource = resource
        self.detail = detail
        self.unit = unit
        self.prefix = prefix
        self.amount = amount
        self.capacity = capacity
        self.baseline = baseline
    }

    /// An address block held from a pool.
    public static func address(_ prefix: IPv4Prefix, pool: String, purpose: String) -> Reservation {
        Reservation(
            kind: .address, purpose: purpose, resource: pool, prefix: prefix, amount: Int(prefix.size),
            capacity: Int(prefix.size))
    }

    /// A one-line summary: "address 10.250.0.0/30 from WH-INTERCONNECT (interconnect)".
    public var summary: String {
        switch kind {
        case .address:
            return "address \(prefix?.description ?? "?") from \(resource) (\(purpose))"
        case .port:
            return "port \(detail) #\(unit) on \(resource) (\(purpose))"
        case .bandwidth:
            return "bandwidth \(amount)k on \(resource) (\(purpose))"
        case .vc12, .vc4, .otnSlot, .ponBranch:
            return "\(kind.rawValue) #\(unit) on \(resource) (\(purpose))"
        }
    }
}
