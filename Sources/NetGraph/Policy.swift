/// One tunable number of the planning policy, with its default (domain-rules.md §8).
public enum PolicyKey: String, Sendable, Hashable, CaseIterable {
    /// Most nodes on a PTN access ring (20, Hangzhou Mobile's rule).
    case ptnAccessRingMaxNodes
    /// Most nodes on a PTN aggregation ring (8).
    case ptnAggregationRingMaxNodes
    /// Most nodes on an SDH ring (16, the MS-SPRing K-byte limit of G.841).
    case sdhRingMaxNodes
    /// Most nodes on an OTN ring (16).
    case otnRingMaxNodes
    /// Committed share of a ring link above which an upgrade is due (warning; 0.7).
    case ringUpgradeUtilisation
    /// Largest committed share of an access link (0.7).
    case accessMaxUtilisation
    /// Largest committed share of an aggregation link (0.8).
    case aggregationMaxUtilisation
    /// Largest committed share of a core link (0.8).
    case coreMaxUtilisation
    /// Largest committed share of a last-mile link (1.0).
    case lastMileMaxUtilisation
    /// SDH span VC-12 use above which a warning is due (0.8).
    case sdhSpanWarnUtilisation
    /// Largest TDM (E1) line in Mbit/s; above it Ethernet technologies are chosen (2).
    case tdmMaxMbps
    /// Smallest line in Mbit/s that goes on OTN (1000).
    case otnMinMbps
    /// Largest downstream rate in Mbit/s offered on PON (100).
    case ponMaxDownMbps
    /// Largest fibre run in km from a building to a PTN or SDH node (20).
    case fibreReachKm
    /// Largest ODN reach in km from an OLT (20).
    case ponReachKm
    /// Largest reach in km from an MSAP to its remote unit (20).
    case msapReachKm
    /// Fibre attenuation in dB/km at 1310 nm (0.35).
    case fibreLossPerKm
    /// Loss per connector in dB (0.5).
    case connectorLoss
    /// Loss per splice in dB (0.1).
    case spliceLoss
    /// Safety margin of an optical budget in dB (3).
    case opticalMargin
    /// Growth factor applied to an APN terminal count (1.3).
    case apnPoolGrowth
    /// Reserve share added to an APN pool (0.1).
    case apnPoolReserve
    /// GGSNs an APN's GRE tunnels go to (2).
    case apnGGSNCount
    /// Working days to reply when resources exist (2).
    case replyDaysAvailable
    /// Working days to reply when the core must be built (3).
    case replyDaysCoreBuild
    /// Working days to reply when one end-access point needs optimisation (2).
    case replyDaysAccessOnePoint
    /// Working days to reply when several end-access points need optimisation (5).
    case replyDaysAccessSeveralPoints
    /// Working days to draft a solution template for a non-mature product (3).
    case replyDaysTemplate
    /// Repair obligation in hours for a town site (48).
    case repairHoursTown
    /// Repair obligation in hours for a countryside site (72).
    case repairHoursCountryside
    /// Working paths tried by the shared-risk fallback (10).
    case kShortestPaths
    /// Prefix length of an interconnect subnet (30; 31 allowed).
    case interconnectPrefixLength
    /// The 802.1Q VLAN of an interconnect order's first branch on the hub's port; branch *n* (the
    /// order's site *n*) gets base + *n* (100: VLANs 101, 102, …).
    case hubVLANBase

    /// The default value.
    public var defaultValue: Double {
        switch self {
        case .ptnAccessRingMaxNodes: 20
        case .ptnAggregationRingMaxNodes: 8
        case .sdhRingMaxNodes, .otnRingMaxNodes: 16
        case .ringUpgradeUtilisation, .accessMaxUtilisation: 0.7
        case .aggregationMaxUtilisation, .coreMaxUtilisation, .sdhSpanWarnUtilisation: 0.8
        case .lastMileMaxUtilisation: 1.0
        case .tdmMaxMbps: 2
        case .otnMinMbps: 1000
        case .ponMaxDownMbps: 100
        case .fibreReachKm, .ponReachKm, .msapReachKm: 20
        case .fibreLossPerKm: 0.35
        case .connectorLoss: 0.5
        case .spliceLoss: 0.1
        case .opticalMargin: 3
        case .apnPoolGrowth: 1.3
        case .apnPoolReserve: 0.1
        case .apnGGSNCount: 2
        case .replyDaysAvailable, .replyDaysAccessOnePoint: 2
        case .replyDaysCoreBuild, .replyDaysTemplate: 3
        case .replyDaysAccessSeveralPoints: 5
        case .repairHoursTown: 48
        case .repairHoursCountryside: 72
        case .kShortestPaths: 10
        case .interconnectPrefixLength: 30
        case .hubVLANBase: 100
        }
    }

    /// The values a file may set.
    public var allowedRange: ClosedRange<Double> {
        switch self {
        case .ptnAccessRingMaxNodes, .ptnAggregationRingMaxNodes, .sdhRingMaxNodes, .otnRingMaxNodes: 2...64
        case .ringUpgradeUtilisation, .accessMaxUtilisation, .aggregationMaxUtilisation, .coreMaxUtilisation,
            .lastMileMaxUtilisation, .sdhSpanWarnUtilisation, .apnPoolReserve:
            0...1
        case .tdmMaxMbps, .otnMinMbps, .ponMaxDownMbps: 0...1_000_000
        case .fibreReachKm, .ponReachKm, .msapReachKm: 0...200
        case .fibreLossPerKm, .connectorLoss, .spliceLoss, .opticalMargin: 0...10
        case .apnPoolGrowth: 1...10
        case .apnGGSNCount: 1...8
        case .replyDaysAvailable, .replyDaysCoreBuild, .replyDaysAccessOnePoint, .replyDaysAccessSeveralPoints,
            .replyDaysTemplate:
            0...60
        case .repairHoursTown, .repairHoursCountryside: 1...720
        case .kShortestPaths: 1...100
        case .interconnectPrefixLength: 30...31
        case .hubVLANBase: 1...4000
        }
    }

    /// Whether the value must be a whole number.
    public var isWholeNumber: Bool {
        switch self {
        case .ptnAccessRingMaxNodes, .ptnAggregationRingMaxNodes, .sdhRingMaxNodes, .otnRingMaxNodes,
            .apnGGSNCount, .replyDaysAvailable, .replyDaysCoreBuild, .replyDaysAccessOnePoint,
            .replyDaysAccessSeveralPoints, .replyDaysTemplate, .repairHoursTown, .repairHoursCountryside,
            .kShortestPaths, .interconnectPrefixLength, .hubVLANBase:
            true
        default: false
        }
    }
}

/// The planning policy: the defaults of ``PolicyKey``, overridden by a network file's `policy` object.
public struct Policy: Sendable, Hashable {
    private var overrides: [PolicyKey: Double] = [:]

    /// The default policy.
    public init() {}

    /// A value of the policy.
    public subscript(key: PolicyKey) -> Double {
        get { overrides[key] ?? key.defaultValue }
        set { overrides[key] = newValue }
    }

    /// A whole-number value of the policy.
    public func integer(_ key: PolicyKey) -> Int {
        Int(self[key].rounded())
    }

    /// The keys a file overrides, in declaration order.
    public var overriddenKeys: [PolicyKey] {
        PolicyKey.allCases.filter { overrides[$0] != nil }
    }

    /// The largest committed share of a link in a segment.
    public func maxUtilisation(of segment: Segment) -> Double {
        switch segment {
        case .lastMile: self[.lastMileMaxUtilisation]
        case .access: self[.accessMaxUtilisation]
        case .aggregation: self[.aggregationMaxUtilisation]
        case .core: self[.coreMaxUtilisation]
        }
    }
}
