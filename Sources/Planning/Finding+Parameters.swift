import Devices
import NetAddress
import NetGraph
import NetPaths
import Orders
import WorkCalendar

/// A finding's parameter value in plan.json: a text (ids, prefixes, dates), a whole number, a list, or
/// `null` for an optional parameter that does not apply.
///
/// A parameter's name has one type in every code (plan.json schema version 2): rates are whole kbit/s
/// named `…Kbps`, counts and lengths are numbers, and a parameter a code may leave out is written as
/// `null` rather than missing.
public enum FindingParameter: Sendable, Hashable {
    /// A text: an id, a prefix, a date, a name.
    case text(String)
    /// A whole number: kbit/s, metres, counts, percent, tenths of a dB.
    case number(Int)
    /// A list of texts.
    case texts([String])
    /// A list of whole numbers.
    case numbers([Int])
    /// An optional parameter that does not apply here.
    case null
}

extension Finding {
    /// The finding's stable code: `access-port-short`, `route-blocked`, `router-no-gre`, ….
    public var code: String {
        switch self {
        case .apnNotOnPON: "access-apn-not-on-pon"
        case .wlanAddOn: "access-wlan-add-on"
        case .needsFixedLine: "access-needs-fixed-line"
        case .ponNoDiverse: "access-pon-no-diverse"
        case .ponTooFast: "access-pon-too-fast"
        case .noLastMile: "access-no-last-mile"
        case .noUsableAccess: "access-none-usable"
        case .siteWithoutLocation: "access-no-location"
        case .noNodeOfKind: "access-no-node"
        case .newFibre: "access-new-fibre"
        case .beyondReach: "access-beyond-reach"
        case .lastMileRefused: "access-last-mile-refused"
        case .reachable: "access-reachable"
        case .noPortsOfType: "access-no-port-type"
        case .portShort: "access-port-short"
        case .portsFree: "access-ports-free"
        case .noSplitterFacts: "access-no-splitter-facts"
        case .splitterWithoutOLT: "access-splitter-no-olt"
        case .opticalBudgetExceeded: "access-optical-budget"
        case .splitterFull: "access-splitter-full"
        case .splitterFree: "access-splitter-free"
        case .terminalsOverAPN: "access-terminals-over-apn"
        case .radioCoverage: "access-radio-coverage"
        case .noAccessToday: "access-none-today"
        case .routerMustBeReplaced: "segment-router-replace"
        case .noSDHNearAPN: "segment-no-sdh-near-apn"
        case .headroom: "segment-headroom"
        case .ringNeedsUpgrade: "segment-ring-upgrade"
        case .singleHomed: "segment-single-homed"
        case .noDiverseRoute: "segment-no-diverse-route"
        case .sharedRisk: "segment-shared-risk"
        case .unknownNode: "route-unknown-node"
        case .nodeWithoutLinks: "route-node-without-links"
        case .noRoute: "route-none"
        case .noRouteFound: "route-not-found"
        case .noFarEnd: "route-no-far-end"
        case .blocked: "route-blocked"
        case .noDiversePair: "route-no-diverse-pair"
        case .everyRouteShares: "route-every-route-shares"
        case .hubVLANExhausted: "address-hub-vlan-exhausted"
        case .poolExhausted: "address-pool-exhausted"
        case .hubBelowBranches: "hub-below-branches"
        case .hubPortTooSlow: "hub-port-too-slow"
        case .router(let finding): finding.code
        case .noRouterNamed: "router-not-named"
        case .calendarWithoutNotice: "calendar-no-notice"
        case .templateFirst: "order-template-first"
        case .plannedBefore: "order-planned-before"
        }
    }

    /// The finding's parameters by name, in a stable order, as plan.json writes them.
    public var parameters: [(name: String, value: FindingParameter)] {
        switch self {
        case .apnNotOnPON, .wlanAddOn, .needsFixedLine, .ponNoDiverse, .siteWithoutLocation, .terminalsOverAPN,
            .radioCoverage, .noAccessToday, .routerMustBeReplaced, .singleHomed, .noDiverseRoute, .unknownNode,
            .noRouteFound, .noFarEnd, .noRouterNamed, .plannedBefore:
            return []
        case .ponTooFast(let asked, let limit):
            return [("askedKbps", .number(asked.kilobits)), ("limitKbps", .number(limit * 1_000))]
        case .noLastMile(let technology), .noUsableAccess(let technology), .noNodeOfKind(let technology):
            return [("technology", .text(technology.rawValue))]
        case .newFibre(let metres, let node):
            return [("metres", .number(metres)), ("node", .text(node))]
        case .beyondReach(let node, let metres, let reach):
            return [("node", .text(node)), ("metres", .number(metres)), ("reachKm", .number(reach))]
        case .lastMileRefused(let node, let link, let refusal):
            return [("node", .text(node)), ("link", .text(link))] + Self.parameters(of: refusal)
        case .reachable(let node, let metres):
            return [("node", .text(node)), ("metres", .number(metres))]
        case .noPortsOfType(let node, let port):
            return [("node", .text(node)), ("portType", .text(port.rawValue))]
        case .portShort(let node, let port, let metres, let total):
            return [
                ("node", .text(node)), ("portType", .text(port.rawValue)), ("metres", .number(metres)),
                ("total", .number(total)),
            ]
        case .portsFree(let node, let port, let metres, let free):
            return [
                ("node", .text(node)), ("portType", .text(port.rawValue)), ("metres", .number(metres)),
                ("free", .number(free)),
            ]
        case .noSplitterFacts(let node): return [("node", .text(node))]
        case .splitterWithoutOLT(let splitter): return [("splitter", .text(splitter))]
        case .opticalBudgetExceeded(let loss, let metres, let ratio, let opticalClass, let budget):
            return [
                ("lossTenthsDb", .number(loss)), ("metres", .number(metres)), ("ratio", .number(ratio)),
                ("opticalClass", .text(opticalClass)), ("budgetDb", .number(budget)),
            ]
        case .splitterFull(let splitter, let olt, let ratio):
            return [("splitter", .text(splitter)), ("olt", .text(olt)), ("ratio", .number(ratio))]
        case .splitterFree(let splitter, let olt, let free, let loss, let opticalClass, let budget):
            return [
                ("splitter", .text(splitter)), ("olt", .text(olt)), ("free", .number(free)),
                ("lossTenthsDb", .number(loss)), ("opticalClass", .text(opticalClass)), ("budgetDb", .number(budget)),
            ]
        case .noSDHNearAPN(let reach): return [("reachKm", .number(reach))]
        case .headroom(let links, let tightest, let spare):
            var parameters: [(name: String, value: FindingParameter)] = [
                ("linkCount", .number(links)), ("tightest", .text(tightest)),
            ]
            switch spare {
            case .vc12(let free): parameters.append(("freeVC12", .number(free)))
            case .otn(let slots, let trunk):
                parameters += [("freeSlots", .number(slots)), ("freeOnTrunksKbps", .number(trunk.kilobits))]
            case .packet(let free): parameters.append(("freeKbps", .number(free.kilobits)))
            }
            return parameters
        case .ringNeedsUpgrade(let ring, let share, let threshold):
            return [("ring", .text(ring)), ("sharePercent", .number(share)), ("thresholdPercent", .number(threshold))]
        case .sharedRisk(let groups): return [("groups", .texts(groups))]
        case .nodeWithoutLinks(let node): return [("node", .text(node))]
        case .noRoute(let source, let destination):
            return [("source", .text(source)), ("destination", .text(destination))]
        case .blocked(let bandwidth, let segment, let link, let aEnd, let bEnd, let refusal, let second):
            return [
                ("bandwidthKbps", .number(bandwidth.kilobits)), ("segment", .text(segment.rawValue)),
                ("link", .text(link)), ("aEnd", .text(aEnd)), ("bEnd", .text(bEnd)),
            ] + Self.parameters(of: refusal) + [("secondRoute", second.map { .text($0.rawValue) } ?? .null)]
        case .noDiversePair(let diversity): return [("diversity", .text(diversity.rawValue))]
        case .everyRouteShares(let diversity, let source, let destination):
            return [
                ("diversity", .text(diversity.rawValue)), ("source", .text(source)),
                ("destination", .text(destination)),
            ]
        case .hubVLANExhausted(let vlan, let base, let site):
            return [("vlan", .number(vlan)), ("hubVLANBase", .number(base)), ("site", .number(site))]
        case .poolExhausted(let pool, let prefix, let count, let length):
            return [
                ("pool", .text(pool)), ("prefix", .text(prefix.description)), ("count", .number(count)),
                ("length", .number(length)),
            ]
        case .hubBelowBranches(let hub, let needed, let branches):
            return [
                ("hubKbps", .number(hub.kilobits)), ("neededKbps", .number(needed.kilobits)),
                ("branches", .texts(branches.map(\.site))),
                ("branchKbps", .numbers(branches.map(\.bandwidth.kilobits))),
            ]
        case .hubPortTooSlow(let port, let current, let maximum):
            return [
                ("upgradeInterface", .text(port.rawValue)), ("interface", .text(current.rawValue)),
                ("maximumKbps", .number(maximum.kilobits)),
            ]
        case .router(let finding): return Self.parameters(of: finding)
        case .calendarWithoutNotice(let year): return [("year", .number(year))]
        case .templateFirst(let days, let due):
            return [("workingDays", .number(days)), ("due", .text(due.description))]
        }
    }

    /// A link refusal's parameters: its code as `refusal`, then its numbers.
    static func parameters(of refusal: LinkRefusal) -> [(name: String, value: FindingParameter)] {
        var parameters: [(name: String, value: FindingParameter)] = [("refusal", .text(refusal.code))]
        switch refusal {
        case .packet(let asked, let free, let committed, let rate, let limit):
            parameters += [
                ("askedKbps", .number(asked.kilobits)), ("freeKbps", .number(free.kilobits)),
                ("committedKbps", .number(committed.kilobits)), ("rateKbps", .number(rate.kilobits)),
                ("limitPercent", .number(limit)),
            ]
        case .fibre(let used, let cores, let perLine):
            parameters += [("coresUsed", .number(used)), ("cores", .number(cores)), ("coresPerLine", .number(perLine))]
        case .vc12(let needed, let free, let total), .vc4(let needed, let free, let total),
            .otnSlots(let needed, let free, let total):
            parameters += [("needed", .number(needed)), ("free", .number(free)), ("total", .number(total))]
        case .oduTrunk(let asked, let free, let committed, let trunk, let slots, let limit):
            parameters += [
                ("askedKbps", .number(asked.kilobits)), ("freeKbps", .number(free.kilobits)),
                ("committedKbps", .number(committed.kilobits)), ("trunkKbps", .number(trunk.kilobits)),
                ("slotsUsed", .number(slots)), ("limitPercent", .number(limit)),
            ]
        }
        return parameters
    }

    /// A router finding's parameters.
    static func parameters(of finding: RouterFinding) -> [(name: String, value: FindingParameter)] {
        switch finding {
        case .greTunnels, .noGRE, .tunnelUnnumbered, .noTunnelUnnumbered, .nat, .noNAT, .noLAN, .noWANPort,
            .provideModelOrVersion, .noReplacement:
            return []
        case .routedPorts(let ports), .tooFewRoutedPorts(let ports): return [("ports", .texts(ports))]
        case .lanOn(let port), .wanOn(let port): return [("port", .text(port))]
        case .handoverTooSlow(let bandwidth, let interface):
            return [("bandwidthKbps", .number(bandwidth)), ("interface", .text(interface.rawValue))]
        case .noPortForHandover(let interface, let speeds):
            return [("interface", .text(interface.rawValue)), ("speeds", .texts(speeds))]
        case .portTooSlow(let bandwidth, let port, let speed, let needed):
            return [
                ("bandwidthKbps", .number(bandwidth)), ("port", .text(port)), ("speed", .text(speed.rawValue)),
                ("neededSpeed", .text(needed)),
            ]
        case .moduleNeeded(let interface, let module, let slot, let slots, let port):
            return [
                ("interface", .text(interface.rawValue)), ("module", .text(module)), ("slot", .text(slot)),
                ("modelSlots", .text(slots)), ("port", .text(port)),
            ]
        case .noInterfaceNoSlot(let interface): return [("interface", .text(interface.rawValue))]
        case .noModuleForSlots(let interface, let slots):
            return [("interface", .text(interface.rawValue)), ("slots", .texts(slots))]
        case .noTemplates(let model, let software): return [("model", .text(model)), ("software", .text(software))]
        case .notInCatalog(let name, let suggestion):
            return [("name", .text(name)), ("suggestion", suggestion.map { .text($0) } ?? .null)]
        case .knownModels(let models): return [("models", .texts(models))]
        case .versionNamesNoModel(let software): return [("software", .text(software))]
        case .readFromVersion(let model, let software, let interfaces, let slots):
            return [
                ("model", model.map { .text($0) } ?? .null), ("software", .text(software)),
                ("interfaces", .texts(interfaces)), ("slotCount", slots.map { .number($0) } ?? .null),
            ]
        case .runsOtherSoftware(let running, let catalog, let dialect):
            return [("running", .text(running)), ("catalog", .text(catalog)), ("dialect", .text(dialect))]
        case .oldIOS(let version): return [("version", .text(version))]
        case .interfacesFitted(let count, let interface):
            return [("count", .number(count)), ("interface", .text(interface.rawValue))]
        case .replacementBuys(let model): return [("model", .text(model))]
        }
    }
}
