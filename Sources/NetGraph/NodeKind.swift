/// The three networks of DOMAIN.md.
public enum Layer: String, Sendable, Hashable, CaseIterable {
    /// GGSNs, CMNET routers, the GPRS-VPN access switch, access-side switches.
    case service
    /// OTN, PTN, SDH/MSTP with MSAPs, OLTs and splitters.
    case transport
    /// Customer buildings and WLAN access points.
    case access
}

/// What a node is.
public enum NodeKind: String, Sendable, Hashable, CaseIterable {
    /// An OTN node of the core scheduling layer.
    case otn
    /// A PTN node (aggregation or access ring).
    case ptn
    /// An SDH/MSTP node.
    case sdh
    /// A multi-service access platform on an SDH/MSTP ring (E1, V.35, Ethernet over SDH).
    case msap
    /// A PON optical line terminal.
    case olt
    /// A passive optical splitter of an ODN.
    case splitter
    /// A GGSN (APN gateway).
    case ggsn
    /// A CMNET (internet backbone) router or PE.
    case cmnet
    /// The GPRS-VPN access switch that APN lines land on.
    case gprsVPNSwitch = "gprs-vpn-switch"
    /// An access-side switch of the service network.
    case accessSwitch = "access-switch"
    /// A customer building or site.
    case building
    /// A WLAN access point.
    case wlanAP = "wlan-ap"

    /// The layer a node of this kind belongs to.
    public var layer: Layer {
        switch self {
        case .otn, .ptn, .sdh, .msap, .olt, .splitter: .transport
        case .ggsn, .cmnet, .gprsVPNSwitch, .accessSwitch: .service
        case .building, .wlanAP: .access
        }
    }

    /// Whether paths may pass through a node of this kind.
    ///
    /// Only transport equipment carries other traffic through; service platforms and customer
    /// sites are ends of a path, never the middle.
    public var carriesTransit: Bool { layer == .transport }

    /// All kinds as written in files, for messages.
    public static var spelledOut: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A customer site's area, which sets its repair obligation (48 h in towns, 72 h in the countryside).
public enum Area: String, Sendable, Hashable, CaseIterable {
    /// Town (城镇).
    case town
    /// Countryside (农村).
    case countryside
}
