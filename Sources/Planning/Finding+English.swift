import Devices
import LocatedJSON
import NetAddress
import NetGraph
import NetPaths
import Orders
import WorkCalendar

extension Finding {
    /// The finding in English, one clause an engineer reads; numbers come from its parameters.
    public var english: String {
        switch self {
        case .apnNotOnPON: "an APN line is a 2M MSTP (or PTN) circuit into the GPRS-VPN room; PON does not carry it"
        case .wlanAddOn: "WLAN is an add-on, not an SLA-bearing access by itself"
        case .needsFixedLine: "the site needs a fixed line"
        case .ponNoDiverse: "PON gives no diverse route without Type B/C protection"
        case .ponTooFast(let asked, let limit): "\(asked) is above the \(limit)M offered on PON"
        case .noLastMile(let technology):
            "no last-mile fibre from the building to \(Self.article(technology)) \(Self.noun(technology))"
        case .noUsableAccess(let technology): "no usable \(technology.rawValue.uppercased()) access"
        case .siteWithoutLocation: "the site has no location"
        case .noNodeOfKind(let technology): "the network has no \(Self.noun(technology))"
        case .newFibre(let metres, let node): "needs \(Self.kilometres(metres)) km of new fibre to \(node)"
        case .beyondReach(let node, let metres, let reach):
            "\(node) is \(Self.kilometres(metres)) km away, beyond the \(reach) km reach"
        case .lastMileRefused(let node, _, let refusal): "last mile to \(node): \(refusal)"
        case .reachable(let node, let metres): "\(Self.kilometres(metres)) km to \(node)"
        case .noPortsOfType(let node, let port):
            "\(node) has no \(port.rawValue) ports" + (port == .e1 ? " (E1 needs a TDM/CES card)" : "")
        case .portShort(let node, let port, let metres, let total):
            "\(Self.kilometres(metres)) km to \(node), but no free \(port.rawValue) port (\(total) in use): "
                + "maintenance must add a card"
        case .portsFree(let node, let port, let metres, let free):
            "\(Self.kilometres(metres)) km to \(node), \(free) \(port.rawValue) port\(free == 1 ? "" : "s") free"
        case .noSplitterFacts(let node): "\(node) has no splitter facts"
        case .splitterWithoutOLT(let splitter): "splitter \(splitter) hangs on no OLT"
        case .opticalBudgetExceeded(let loss, let metres, let ratio, let opticalClass, let budget):
            "optical loss \(Self.decibels(loss)) dB (\(Self.kilometres(metres)) km, 1:\(ratio) splitter, margin) "
                + "exceeds the \(opticalClass) budget of \(budget) dB"
        case .splitterFull(let splitter, let olt, let ratio):
            "splitter \(splitter) on \(olt) is full (1:\(ratio)): maintenance must add a splitter"
        case .splitterFree(let splitter, let olt, let free, let loss, let opticalClass, let budget):
            "splitter \(splitter) on \(olt), \(free) branches free, optical loss \(Self.decibels(loss)) dB within the "
                + "\(opticalClass) budget of \(budget) dB"
        case .terminalsOverAPN: "terminals reach the intranet over the private APN; no fibre at the site"
        case .radioCoverage: "GPRS/LTE radio coverage"
        case .noAccessToday: "no access technology reaches the site today"
        case .routerMustBeReplaced: "customer router must be replaced"
        case .noSDHNearAPN(let reach):
            "no SDH/MSTP node within \(reach) km of the site (the handbook requires one near the customer for an APN"
                + " line)"
        case .headroom(let links, let tightest, let spare):
            "\(links) link\(links == 1 ? "" : "s"); tightest \(tightest): \(Self.english(spare))"
        case .ringNeedsUpgrade(let ring, let share, let threshold):
            "ring \(ring) is \(share) % committed, at or above the \(threshold) % upgrade share: it needs an upgrade "
                + "(an engineering build)"
        case .singleHomed: "single-homed: a second building entry is needed for a diverse route"
        case .noDiverseRoute: "no diverse route"
        case .sharedRisk(let groups): "link-diverse, but the paths share \(groups.joined(separator: ", "))"
        case .unknownNode: "unknown node"
        case .nodeWithoutLinks(let node): "'\(node)' has no links"
        case .noRoute(let source, let destination):
            "no route joins '\(source)' to '\(destination)' through the transport network"
        case .noRouteFound: "no route found"
        case .noFarEnd: "no far end to route to"
        case .blocked(let bandwidth, let segment, let link, let aEnd, let bEnd, let refusal, let second):
            (second.map { "no \(Blockage.name(of: $0)) second route: " } ?? "")
                + "\(bandwidth) is blocked in the \(segment.rawValue) segment: link '\(link)' (\(aEnd)–\(bEnd)) "
                + refusal.description
        case .noDiversePair(let diversity): "no \(Blockage.name(of: diversity)) pair found"
        case .everyRouteShares(let diversity, let source, let destination):
            "no \(Blockage.name(of: diversity)) second route from '\(source)' to '\(destination)': every route shares"
                + " a link" + (diversity == .nodes ? " or node" : "") + " with the working path"
        case .hubVLANExhausted(let vlan, let base, let site):
            "the hub's port has no 802.1Q VLAN left for this branch: VLAN \(vlan) is past 4094"
                + " (hubVLANBase \(base) + site \(site)); split the order"
        case .poolExhausted(let pool, let prefix, let count, let length):
            "pool \(pool) (\(prefix)) cannot give \(count) /\(length): it has no free block of that size left"
        case .hubBelowBranches(let hub, let needed, let branches):
            "the hub's access of \(hub) is below its branches' \(needed) together ("
                + branches.map { "\($0.site) \($0.bandwidth)" }.joined(separator: " + ")
                + "): upgrade the hub's access to at least \(needed)"
        case .hubPortTooSlow(let port, let current, let maximum):
            "the upgrade needs a \(port.rawValue) port (\(current.rawValue) carries at most \(maximum))"
        case .router(let finding): finding.description
        case .noRouterNamed:
            "the order names no router: give 'router' (a catalog model) or 'routerVersionFile' (pasted show version /"
                + " display version output)"
        case .calendarWithoutNotice(let year): WorkingDayCalendar.noNoticeWarning(year)
        case .templateFirst(let days, let due):
            "a non-mature product: the solution template comes first (\(days) working days, due \(due)); the resource"
                + " reply is counted from it"
        case .plannedBefore:
            "the order was planned before: committing again keeps its addresses and re-reserves the rest"
        }
    }

    /// Findings in English, joined into one reason: `a; b; c`.
    public static func english(_ findings: [Finding]) -> String {
        findings.map(\.english).joined(separator: "; ")
    }

    private static func english(_ spare: Headroom) -> String {
        switch spare {
        case .vc12(let free): "\(free) VC-12 free"
        case .otn(let slots, let trunk): "\(slots) tributary slots free, \(trunk) free on the ODU trunks"
        case .packet(let free): "\(free) free"
        }
    }

    /// "a" or "an" before ``noun(_:)``.
    private static func article(_ technology: AccessTechnology) -> String {
        technology == .ptn || technology == .pon ? "a" : "an"
    }

    /// "PTN node", "MSAP or SDH node".
    private static func noun(_ technology: AccessTechnology) -> String {
        switch technology {
        case .ptn: "PTN node"
        case .sdhMSTP: "MSAP or SDH node"
        case .pon: "PON splitter"
        case .otn: "OTN node"
        case .apn, .wlan: "access node"
        }
    }

    /// Metres as kilometres with three decimals: `1.234`.
    static func kilometres(_ metres: Int) -> String {
        JSONOutput.formatDecimal(metres, scale: 3)
    }

    /// Tenths of a dB: `23.5`.
    static func decibels(_ tenths: Int) -> String {
        JSONOutput.formatDecimal(tenths, scale: 1)
    }
}
