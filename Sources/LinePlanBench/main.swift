import Devices
import Foundation
import Ledger
import LocatedJSON
import NetAddress
import NetGraph
import NetImport
import NetPaths
import Orders
import Planning
import RouterConfigs
import WorkCalendar

// The benchmark executable: `swift build -c release && .build/release/lineplan-bench [network|paths|all]`;
// `lineplan-bench fuzz …` is the long fuzz run (FuzzCommand.swift), `network-size` how reading a network grows
// with its size and what pathological networks cost (NetworkSizeBenchmark.swift).
// Figures go to stdout as one line per measure; README records them with the machine.

/// Times a closure once, in milliseconds.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

/// The peak resident set of this process so far, in MiB (VmHWM).
func peakResidentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

/// Median and 99th percentile of per-query times, in milliseconds.
func summary(_ times: [Double]) -> String {
    let sorted = times.sorted()
    guard !sorted.isEmpty else { return "no samples" }
    let median = sorted[sorted.count / 2]
    let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
    return String(format: "median %.4f ms, p99 %.4f ms over %d queries", median, p99, sorted.count)
}

func report(_ name: String, _ value: String) {
    print("\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(value)")
}

/// The province network: generated, written as a file's text, then loaded and validated as a user would.
func benchmarkNetwork() -> Network? {
    let generated = SyntheticNetwork(scale: .province, seed: 1).generate()
    let text = generated.fileText
    let bytes = Array(text.utf8)
    report(
        "province network",
        "\(generated.nodes.count) nodes, \(generated.links.count) links, \(bytes.count / 1_048_576) MiB")
    let parseTime = milliseconds { _ = try? JSONDocument(name: "province.json", bytes: bytes) }
    report("JSON parse alone", String(format: "%.0f ms", parseTime))
    // Loading and importing alternate, three times each, so that both see the same load on a shared machine;
    // the middle of three is reported, and each pair's ratio.
    var loaded: LoadedNetwork?
    var loadTimes: [Double] = []
    var importTimes: [Double] = []
    var imported: ImportedNetwork?
    var files: [InventoryFile] = []
    for _ in 0..<3 {
        loaded = nil  // freed before the clock starts, as `imported` below
        loadTimes.append(milliseconds { loaded = try? Network.load(name: "province.json", bytes: bytes) })
        guard let loaded else {
            print("error: the generated province network did not load")
            return nil
        }
        if files.isEmpty {
            // The tables `lineplan topology export` writes, imported as `lineplan topology import --from csv` does.
            files = InventoryExport.tables(of: loaded.network).map {
                InventoryFile(name: $0.name, bytes: Array($0.text.utf8))
            }
        }
        imported = nil
        importTimes.append(milliseconds { imported = try? InventoryImport.read(files, defaultName: "province") })
    }
    let csvBytes = files.reduce(0) { $0 + $1.bytes.count }
    guard let loaded else { return nil }
    let loadTime = loadTimes.sorted()[1]
    let importTime = importTimes.sorted()[1]
    report("load + validate", String(format: "%.0f ms, middle of 3 (%d warnings)", loadTime, loaded.warnings.count))
    let pairs = zip(importTimes, loadTimes).map { String(format: "%.2f×", $0 / max($1, 1)) }.joined(separator: ", ")
    report(
        "CSV inventory import",
        String(
            format: "%.0f ms for %d MiB of tables, middle of 3 (%.2f× load + validate; pairs %@)%@", importTime,
            csvBytes / 1_048_576, importTime / max(loadTime, 1), pairs,
            imported?.network.fileText == loaded.network.fileText ? "" : "; FAILED: not the network loaded"))
    report("peak RSS so far", String(format: "%.0f MiB (generator, text and network together)", peakResidentMiB()))
    return loaded.network
}

func benchmarkPaths(_ network: Network) {
    var graph: RoutingGraph?
    let layoutTime = milliseconds { graph = RoutingGraph(network: network) }
    guard let graph else { return }
    report("routing graph", String(format: "%.0f ms", layoutTime))
    var finder = PathFinder(graph: graph)
    var random = SplitMix64(seed: 42)
    // Buildings and service nodes by city (ids start with the city code).
    var buildingsByCity: [String: [Int]] = [:]
    var servicesByCity: [String: [Int]] = [:]
    var allBuildings: [Int] = []
    for (index, node) in network.nodes.enumerated() {
        let city = String(node.id.prefix(3))
        if node.kind == .building {
            buildingsByCity[city, default: []].append(index)
            allBuildings.append(index)
        } else if node.layer == .service {
            servicesByCity[city, default: []].append(index)
        }
    }
    let cities = buildingsByCity.keys.sorted()
    func sameCityPair() -> (Int, Int) {
        let city = cities[random.next(in: 0...(cities.count - 1))]
        let buildings = buildingsByCity[city] ?? []
        let services = servicesByCity[city] ?? []
        return (
            buildings[random.next(in: 0...(buildings.count - 1))], services[random.next(in: 0...(services.count - 1))]
        )
    }
    var times: [Double] = []
    var found = 0
    for _ in 0..<1000 {
        let (source, destination) = sameCityPair()
        let request = PathRequest(source: source, destination: destination, bandwidth: .megabits(10))
        times.append(milliseconds { if finder.shortestPath(request).working != nil { found += 1 } })
    }
    report("same-city path", summary(times) + ", \(found) found")
    times = []
    found = 0
    for _ in 0..<1000 {
        let source = allBuildings[random.next(in: 0...(allBuildings.count - 1))]
        let destination = allBuildings[random.next(in: 0...(allBuildings.count - 1))]
        let request = PathRequest(source: source, destination: destination, bandwidth: .megabits(10))
        times.append(milliseconds { if finder.shortestPath(request).working != nil { found += 1 } })
    }
    report("province-wide path", summary(times) + ", \(found) found")
    times = []
    found = 0
    for _ in 0..<1000 {
        let (source, destination) = sameCityPair()
        let request = PathRequest(source: source, destination: destination, bandwidth: .megabits(10))
        times.append(milliseconds { if finder.diversePaths(request).protection != nil { found += 1 } })
    }
    report("same-city diverse pair", summary(times) + ", \(found) with protection")
    report("peak RSS", String(format: "%.0f MiB", peakResidentMiB()))
}

/// Address allocation in memory, a 10,000-line commit, and `verify` on the result.
func benchmarkLedger() {
    guard let slash8 = try? IPv4Prefix(parsing: "10.0.0.0/8") else { return }
    var allocator = PrefixAllocator(pool: slash8)
    var allocated = 0
    let allocationTime = milliseconds {
        for _ in 0..<1_000_000 where (try? allocator.allocate(length: 30)) != nil { allocated += 1 }
    }
    report("allocate 1,000,000 /30 from a /8", String(format: "%.0f ms (%d blocks)", allocationTime, allocated))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lineplan-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("ledger.sqlite").path
    let pool = Pool(id: "BENCH", purpose: .interconnect, prefix: slash8)
    do {
        let ledger = try Ledger(path: path)
        let commitTime = try milliseconds {
            try ledger.write(actor: "bench") { (writer: inout LedgerWriter) throws(LedgerError) in
                for number in 0..<10_000 {
                    let id = "BENCH-\(number)"
                    try writer.record(
                        LineRecord(
                            id: id, orderID: "BENCH", customer: "bench", product: "interconnect", site: id,
                            network: "bench", state: .reserved, holdUntil: "2026-12-31"))
                    _ = try writer.allocate(pool: pool, purpose: "interconnect", count: 1, length: 30, for: id)
                    try writer.reserve(
                        Reservation(
                            kind: .port, purpose: "access", resource: "ACC-\(number / 10)", detail: "GE",
                            unit: number % 10 + 1, capacity: 12), for: id)
                    try writer.reserve(
                        Reservation(
                            kind: .bandwidth, purpose: "working", resource: "L-\(number / 100)", amount: 2000,
                            capacity: 700_000), for: id)
                }
            }
        }
        report("commit a 10,000-line batch", String(format: "%.0f ms (4 reservations a line)", commitTime))
        var violations = 0
        let verifyTime = try milliseconds { violations = try ledger.verify().count }
        report("verify that ledger", String(format: "%.0f ms (%d violations)", verifyTime, violations))
    } catch {
        print("error: \(error)")
    }
}

/// A 10,000-site internet order on the province network, end to end: load the network from its
/// text, plan every site (a path, a port, a /30 each), render the plan's JSON; then the same with the
/// network from a warm network cache, as `lineplan` loads it on a hit (the file's BLAKE2b, then its
/// snapshot decoded; issue 17).
func benchmarkPlan() {
    let text = SyntheticNetwork(scale: .province, seed: 1).generate().fileText
    let bytes = Array(text.utf8)
    let clock = ContinuousClock()
    func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
    let start = clock.now
    guard let loaded = try? Network.load(name: "province.json", bytes: bytes),
        let received = try? CalendarDate(parsing: "2026-11-25")
    else {
        print("error: the province network did not load")
        return
    }
    let loadTime = ms(clock.now - start)
    var random = SplitMix64(seed: 7)
    let buildings = loaded.network.nodes.filter { $0.kind == .building }.map(\.id)
    var sites: [OrderSite] = []
    for number in 0..<10_000 {
        sites.append(
            OrderSite(
                name: "S\(number)", building: buildings[random.next(in: 0...(buildings.count - 1))],
                bandwidth: .megabits(10), interface: .fe, router: "Cisco 1841"))
    }
    let order = LoadedOrder(
        order: Order(
            id: "BENCH", customer: "bench", product: .internet, request: .new, received: received, mature: true,
            sites: sites),
        source: OrderSource(file: "bench"), warnings: [])
    /// Plans the order and renders its JSON: the times of both, and the JSON's size and sites served.
    func planAndRender(_ network: Network) -> (plan: Double, render: Double, bytes: Int, served: Int)? {
        let started = clock.now
        guard let plan = try? Planner(context: PlanningContext(network: network)).plan(order) else { return nil }
        let planned = clock.now
        let json = plan.renderedJSONBytes
        return (
            ms(planned - started), ms(clock.now - planned), json.count, plan.sites.filter { $0.working != nil }.count
        )
    }
    guard let cold = planAndRender(loaded.network) else {
        print("error: the order did not plan")
        return
    }
    let coldEnd = loadTime + cold.plan + cold.render
    report("plan 10,000 sites: load network", String(format: "%.0f ms (JSON parse and validation)", loadTime))
    report("plan 10,000 sites: plan", String(format: "%.0f ms (%d with a path)", cold.plan, cold.served))
    report(
        "plan 10,000 sites: render JSON", String(format: "%.0f ms (%d MiB)", cold.render, cold.bytes / 1_048_576))
    report("plan 10,000 sites: end to end", String(format: "%.0f ms, peak RSS %.0f MiB", coldEnd, peakResidentMiB()))
    var key: NetworkCacheKey?
    let keyTime = milliseconds { key = NetworkCacheKey(fileBytes: bytes) }
    guard let key else { return }
    var snapshot: [UInt8] = []
    let encodeTime = milliseconds { snapshot = NetworkSnapshot.encode(loaded, source: key) }
    var decoded: LoadedNetwork?
    let decodeTime = milliseconds { decoded = NetworkSnapshot.decode(snapshot, source: key, name: "province.json") }
    guard let decoded, let warm = planAndRender(decoded.network) else {
        print("error: the snapshot did not decode")
        return
    }
    report(
        "network cache: file key (BLAKE2b)",
        String(format: "%.0f ms (%.0f MiB/s)", keyTime, Double(bytes.count) / 1_048_576 / keyTime * 1000))
    report(
        "network cache: write snapshot",
        String(format: "%.0f ms to encode, %.1f MiB", encodeTime, Double(snapshot.count) / 1_048_576))
    report("network cache: load snapshot", String(format: "%.0f ms to check and decode", decodeTime))
    report(
        "plan 10,000 sites: warm cache",
        String(
            format: "%.0f ms end to end (key %.0f + snapshot %.0f + plan %.0f + JSON %.0f)",
            keyTime + decodeTime + warm.plan + warm.render, keyTime, decodeTime, warm.plan, warm.render))
}

/// Router configurations rendered from templates and read back and checked, per second on one core.
func benchmarkConfigurations() {
    guard let renderer = try? RouterConfigRenderer(templatesDirectory: "Templates"),
        let interconnect = try? IPv4Prefix(parsing: "10.250.0.0/30"),
        let lan = try? IPv4Prefix(parsing: "10.88.0.0/24"),
        let pool = try? IPv4Prefix(parsing: "10.160.0.0/23"), let ggsn1 = try? IPv4Address(parsing: "10.252.0.1"),
        let ggsn2 = try? IPv4Address(parsing: "10.252.0.2")
    else {
        print("error: run lineplan-bench from the package folder (it reads Templates/)")
        return
    }
    let wan = ConfigIntent.Interface(name: "FastEthernet0/0", address: interconnect.lastHost, block: interconnect)
    let inside = ConfigIntent.Interface(name: "FastEthernet0/1", address: lan.firstHost, block: lan)
    let intents: [ConfigIntent] = [
        .apn(
            dialect: .ios, hostname: "BANK-HQ", lineID: "WH-1/HQ", customer: "bank", site: "HQ", wan: wan,
            wanPeer: interconnect.firstHost, lan: inside,
            tunnels: [.init(ggsn: "GGSN-01", destination: ggsn1), .init(ggsn: "GGSN-02", destination: ggsn2)],
            pool: pool),
        .internet(
            dialect: .vrp3, hostname: "OFFICE", lineID: "WH-2/Office", customer: "office", site: "Office",
            wan: .init(name: "Ethernet0/0", address: interconnect.lastHost, block: interconnect),
            wanPeer: interconnect.firstHost, lan: .init(name: "Ethernet0/1", address: lan.firstHost, block: lan)),
        .interconnect(
            dialect: .ios, hostname: "BRANCH", lineID: "WH-3/BR1", customer: "corp", site: "BR1", wan: wan,
            wanPeer: interconnect.firstHost, lan: inside, remoteLANs: [pool]),
    ]
    let count = 30_000
    var bytes = 0
    let elapsed = milliseconds {
        for number in 0..<count {
            if let rendered = try? renderer.render(intents[number % intents.count]) {
                bytes += rendered.text.utf8.count
            }
        }
    }
    report(
        "render + read back configurations",
        String(
            format: "%.0f per second (%d APN, internet and interconnect configs, %.0f ms)",
            Double(count) / elapsed * 1000, count, elapsed))
    _ = bytes
}

let section = CommandLine.arguments.dropFirst().first ?? "all"
if section == "ledger-commits" || section == "ledger-commits-worker" {
    exit(LedgerCommits.main(section: section, arguments: Array(CommandLine.arguments.dropFirst(2))))
}
if section == "fuzz" {
    exit(FuzzCommand.run(Array(CommandLine.arguments.dropFirst(2))))
}
if section == "network-size" {
    exit(NetworkSizeBenchmark.run(Array(CommandLine.arguments.dropFirst(2))))
}
if section == "configs" {
    benchmarkConfigurations()
    exit(0)
}
if section == "plan" {
    benchmarkPlan()
    exit(0)
}
if section == "plan-command" {
    let sizes = CommandLine.arguments.dropFirst(2).first.map { $0.split(separator: ",").compactMap { Int($0) } }
    exit(PlanCommandTiming.run(sizes: sizes ?? [1_000, 10_000]))
}
if section == "orders" {
    let sizes = CommandLine.arguments.dropFirst(2).first.map { $0.split(separator: ",").compactMap { Int($0) } }
    benchmarkOrderScaling(sizes: sizes ?? [1_000, 10_000, 100_000])
    exit(0)
}
if section == "exhausting" {
    let sizes = CommandLine.arguments.dropFirst(2).first.map { $0.split(separator: ",").compactMap { Int($0) } }
    benchmarkExhaustingOrders(sizes: sizes ?? [1_000, 10_000])
    exit(0)
}
switch section {
case "network", "paths", "all", "ledger":
    if section == "ledger" || section == "all" { benchmarkLedger() }
    if section == "all" {
        benchmarkPlan()
        benchmarkConfigurations()
    }
    if section != "ledger", let network = benchmarkNetwork(), section != "network" {
        benchmarkPaths(network)
    }
default:
    print(
        "usage: lineplan-bench [network|paths|ledger|plan|plan-command [SIZES]|configs|orders [SIZES]"
            + "|exhausting [SIZES]|network-size|all], or lineplan-bench fuzz …"
    )
    print("       " + LedgerCommits.synopsis)
    exit(64)
}
