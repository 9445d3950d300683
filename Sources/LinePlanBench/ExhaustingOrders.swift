import Foundation
import NetAddress
import NetGraph
import Orders
import Planning
import WorkCalendar

/// Issue 17: an order that exhausts a city's CMNET uplinks, so that most of its sites are blocked.
///
/// For each size, two internet orders on the generated province, planned as a dry run with the network
/// already loaded (no ledger, no router catalog):
///
/// - `one city`: every site on a building of the first city (drawn with a fixed seed), each asking a
///   whole number of Mbit/s so that the order needs four times what the links into the city's two CMNET
///   routers have free. The first quarter or so of the sites fill them (and some access rings on the
///   way); the rest are blocked.
/// - `mixed`: the same number of sites, every other one ordinary (2M on a building anywhere in the
///   province, as the `orders` section's), the others the city's at the same bandwidth, every fifth of
///   them with diverse protection.
///
/// Each line gives the planning time, the sites served and blocked, and a digest of what each site's
/// plan says about its route (outcome, access, far end, paths, segment findings, addresses), so that two
/// builds can be shown to plan the same.
///
/// `lineplan-bench exhausting [1000,10000]`.
func benchmarkExhaustingOrders(sizes: [Int]) {
    let text = SyntheticNetwork(scale: .province, seed: 1).generate().fileText
    guard let network = try? Network.load(name: "province.json", bytes: Array(text.utf8)).network,
        let received = try? CalendarDate(parsing: "2026-11-25")
    else {
        print("error: the province network did not load")
        return
    }
    let city = "C01-"
    let cityBuildings = network.nodes.filter { $0.kind == .building && $0.id.hasPrefix(city) }.map(\.id)
    let allBuildings = network.nodes.filter { $0.kind == .building }.map(\.id)
    let routers = network.nodes.indices.filter {
        network.nodes[$0].kind == .cmnet && network.nodes[$0].id.hasPrefix(city)
    }
    let uplinkFree = routers.flatMap { network.incidentLinks[$0] }.reduce(0) { total, link in
        total + network.links[link].spare(policy: network.policy).bandwidth.kilobits
    }
    report(
        "\(city)CMNET uplinks free",
        String(
            format: "%.1f G on %d links", Double(uplinkFree) / 1e6, routers.flatMap { network.incidentLinks[$0] }.count)
    )
    for size in sizes {
        let megabits = max(2, (4 * uplinkFree / 1000 + size - 1) / size)
        let bandwidth = Bandwidth.megabits(megabits)
        let interface: CustomerInterface = megabits <= 100 ? .fe : .ge
        var random = SplitMix64(seed: 11)
        let oneCity = (0..<size).map { number in
            OrderSite(
                name: "S\(number)", building: cityBuildings[random.next(in: 0...(cityBuildings.count - 1))],
                bandwidth: bandwidth, interface: interface)
        }
        random = SplitMix64(seed: 13)
        let mixed = (0..<size).map { number in
            number % 2 == 0
                ? OrderSite(
                    name: "S\(number)", building: allBuildings[random.next(in: 0...(allBuildings.count - 1))],
                    bandwidth: .megabits(2), interface: .fe)
                : OrderSite(
                    name: "S\(number)", building: cityBuildings[random.next(in: 0...(cityBuildings.count - 1))],
                    bandwidth: bandwidth, interface: interface, protection: number % 10 == 1 ? .diverse : .none)
        }
        for (mix, sites) in [("one city", oneCity), ("mixed", mixed)] {
            let order = Order(
                id: "EXHAUST-\(size)", customer: "bench", product: .internet, request: .new, received: received,
                mature: true, sites: sites)
            let loaded = LoadedOrder(order: order, source: OrderSource(file: "bench"), warnings: [])
            var plan: Plan?
            let time = milliseconds { plan = try? Planner(context: PlanningContext(network: network)).plan(loaded) }
            guard let plan else {
                print("error: the \(size)-site \(mix) order did not plan")
                return
            }
            let served = plan.sites.filter(\.isServed).count
            report(
                "\(size.formatted()) sites, \(mix): plan",
                String(
                    format: "%.0f ms (%@ each; %d served, %d not; digest %016llx)", time, bandwidth.description,
                    served, size - served, routeDigest(plan)))
        }
    }
}

/// A digest of what each site's plan says about its route, FNV-1a over its text.
///
/// - Complexity: O(*n*) in the plan's sites and their findings.
func routeDigest(_ plan: Plan) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for site in plan.sites {
        var parts = [
            site.name, site.outcome.rawValue, site.technology?.rawValue ?? "-", site.accessNode ?? "-",
            site.farEnd ?? "-", site.working?.links.joined(separator: ",") ?? "-",
            site.protectionPath?.links.joined(separator: ",") ?? "-",
            site.addresses.interconnect?.description ?? "-", "\(site.reservations.count)",
        ]
        parts += site.segments.map { "\($0.segment.rawValue) \($0.status.rawValue) \($0.reason)" }
        for byte in parts.joined(separator: "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
    }
    return hash
}
