/// How a site is brought onto the network (DOMAIN.md: the access models).
public enum AccessTechnology: String, Sendable, Hashable, CaseIterable {
    /// Fibre (with transceivers) to a PTN access node.
    case ptn
    /// SDH/MSTP through an MSAP: E1, V.35, N×2M Ethernet over SDH.
    case sdhMSTP = "sdh-mstp"
    /// An ONU behind a splitter and an OLT.
    case pon
    /// OTN for 1G and above or premium lines.
    case otn
    /// Terminals on the mobile network through a private APN; no fibre at the site.
    case apn
    /// WLAN: an add-on, never an SLA-bearing access by itself.
    case wlan
}

/// Whether a technology can serve a site, as TMF645 answers a qualification.
public enum QualificationStatus: String, Sendable, Hashable {
    /// Chosen.
    case qualified
    /// Could serve too; not chosen.
    case alternate
    /// Cannot serve, with the reason.
    case unqualified
}

/// One technology considered for a site and what became of it.
public struct AccessAlternative: Sendable, Hashable {
    /// The technology.
    public var technology: AccessTechnology
    /// Qualified (chosen), alternate, or unqualified.
    public var status: QualificationStatus
    /// The access node it would use, if any.
    public var node: String?
    /// Why it was chosen, passed over, or ruled out.
    public var findings: [Finding]

    /// Creates an alternative.
    public init(technology: AccessTechnology, status: QualificationStatus, node: String?, findings: [Finding]) {
        self.technology = technology
        self.status = status
        self.node = node
        self.findings = findings
    }

    /// Why, in one English sentence.
    public var reason: String { Finding.english(findings) }
}
