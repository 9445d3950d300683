import Devices
import NetAddress
import NetGraph
import NetPaths
import Orders
import WorkCalendar

extension Finding {
    /// One finding of every code, with made-up parameters: what README's list of codes, the
    /// renderers' tests and `--help` show.
    ///
    /// - Complexity: O(1): a fixed list.
    public static var examples: [Finding] {
        let packet = LinkRefusal.packet(
            asked: .megabits(100), free: .megabits(50), committed: .megabits(7950), rate: .megabits(10_000),
            limitPercent: 80)
        let refusals: [LinkRefusal] = [
            packet, .fibre(used: 12, cores: 12, perLine: 2), .vc12(needed: 5, free: 3, total: 63),
            .vc4(needed: 7, free: 2, total: 4), .otnSlots(needed: 8, free: 7, total: 8),
            .oduTrunk(
                asked: .megabits(600), free: .megabits(500), committed: .megabits(7500), trunk: .megabits(10_000),
                slotsUsed: 8, limitPercent: 80),
        ]
        let router: [RouterFinding] = [
            .greTunnels, .noGRE, .routedPorts(["FastEthernet0/0", "FastEthernet0/1"]),
            .tooFewRoutedPorts(["Ethernet0"]), .tunnelUnnumbered, .noTunnelUnnumbered, .nat, .noNAT,
            .lanOn("FastEthernet0/1"), .noLAN, .wanOn("FastEthernet0/0"), .noWANPort,
            .handoverTooSlow(bandwidth: 4000, interface: .e1),
            .noPortForHandover(interface: .gigabitEthernet, speeds: ["FE"]),
            .portTooSlow(bandwidth: 200_000, port: "FastEthernet0/0", speed: .fastEthernet, needed: "GE"),
            .moduleNeeded(
                interface: .e1, module: "VWIC2-1MFT-T1/E1", slot: "HWIC", slots: "2 HWIC", port: "Serial0/0/0:0"),
            .noInterfaceNoSlot(.e1), .noModuleForSlots(interface: .v35, slots: ["SIC"]),
            .noTemplates(model: "MikroTik RB2011", software: "RouterOS 6"),
            .notInCatalog(name: "Cisco 1814", suggestion: "Cisco 1841"), .provideModelOrVersion,
            .knownModels(["Cisco 1841", "Huawei AR28-11"]), .versionNamesNoModel(software: "Cisco IOS 12.4(15)T1"),
            .readFromVersion(
                model: "1841", software: "Cisco IOS 12.4(15)T1", interfaces: ["2 FastEthernet"], slots: 2),
            .runsOtherSoftware(running: "Huawei VRP 5.120", catalog: "VRP 3.40", dialect: "Huawei VRP 5"),
            .oldIOS(version: "12.3(26)"), .interfacesFitted(count: 1, interface: .e1),
            .replacementBuys("Huawei AR1220"), .noReplacement,
        ]
        var findings: [Finding] = [
            .apnNotOnPON, .wlanAddOn, .needsFixedLine, .ponNoDiverse,
            .ponTooFast(asked: .megabits(200), limitMbps: 100),
            .noLastMile(.sdhMSTP), .noUsableAccess(.ptn), .siteWithoutLocation, .noNodeOfKind(.otn),
            .newFibre(metres: 1300, node: "ACC-1"), .beyondReach(node: "MSAP-1", metres: 5200, reachKm: 3),
            .reachable(node: "OTN-1", metres: 800), .noPortsOfType(node: "ACC-1", port: .e1),
            .portShort(node: "ACC-2", port: .fe, metres: 2000, total: 8),
            .portsFree(node: "ACC-1", port: .ge, metres: 300, free: 8), .noSplitterFacts(node: "SPL-1"),
            .splitterWithoutOLT(splitter: "SPL-1"),
            .opticalBudgetExceeded(lossTenths: 335, metres: 21_000, ratio: 64, opticalClass: "B+", budget: 28),
            .splitterFull(splitter: "SPL-1", olt: "OLT-1", ratio: 32),
            .splitterFree(splitter: "SPL-1", olt: "OLT-1", free: 6, lossTenths: 188, opticalClass: "C+", budget: 32),
            .terminalsOverAPN, .radioCoverage, .noAccessToday, .routerMustBeReplaced, .noSDHNearAPN(reachKm: 3),
            .headroom(links: 2, tightest: "MSAP-UP", spare: .vc12(free: 53)),
            .headroom(links: 1, tightest: "OTN-L1", spare: .otn(slots: 6, trunk: .megabits(1500))),
            .headroom(links: 1, tightest: "GW-SW", spare: .packet(free: .megabits(800))),
            .ringNeedsUpgrade(ring: "ACC-NE-01", sharePercent: 73, thresholdPercent: 70), .singleHomed,
            .noDiverseRoute, .sharedRisk(groups: ["DUCT-7"]), .unknownNode, .nodeWithoutLinks(node: "BLD-9"),
            .noRoute(source: "BLD-9", destination: "CMNET-01"), .noRouteFound, .noFarEnd,
            .noDiversePair(.links), .everyRouteShares(.nodes, source: "BLD-1", destination: "GPRS-VPN-SW"),
            .hubVLANExhausted(vlan: 4095, base: 4000, site: 95),
            .hubBelowBranches(
                hub: .megabits(100), needed: .megabits(120),
                branches: [
                    BranchLoad(site: "BR1", bandwidth: .megabits(60)),
                    BranchLoad(site: "BR2", bandwidth: .megabits(60)),
                ]),
            .hubPortTooSlow(port: .ge, current: .fe, maximum: .megabits(100)), .noRouterNamed,
            .calendarWithoutNotice(year: 2027), .calendarWithoutNotice(year: 2100),
            .plannedBefore,
        ]
        if let prefix = try? IPv4Prefix(parsing: "10.160.0.0/30") {
            findings.append(.poolExhausted(pool: "TINY", prefix: prefix, count: 1, length: 23))
        }
        if let due = try? CalendarDate(parsing: "2026-10-10") {
            findings.append(.templateFirst(workingDays: 3, due: due))
        }
        for (index, refusal) in refusals.enumerated() {
            findings.append(.lastMileRefused(node: "ACC-1", link: "BLD-F1", refusal: refusal))
            findings.append(
                .blocked(
                    bandwidth: .megabits(100), segment: .aggregation, link: "AGG-L1", aEnd: "AGG-1", bEnd: "AGG-2",
                    refusal: refusal, secondRoute: index == 0 ? .links : nil))
        }
        return findings + router.map(Finding.router)
    }
}
