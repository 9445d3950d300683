import ConfigTemplate
public import Devices
import Foundation
import LocatedJSON
import NetAddress
public import NetGraph
import Orders
public import RouterConfigs

/// Runs one input through one of LinePlan's readers the way the command line does, with the demo
/// network, the router catalog and the shipped templates loaded once.
///
/// A reader's own error is an answer (``FuzzVerdict/refused``); a trap crashes the process, which is the
/// signal the fuzzer looks for; a broken promise that does not trap is ``FuzzVerdict/violated(_:)``. What
/// each reader runs is listed on ``FuzzReader``.
///
///     let harness = try FuzzHarness(packageRoot: ".")
///     harness.run(.orderCSV, Array("id,customer\n".utf8))  // .refused
public struct FuzzHarness: Sendable {
    /// The Wuhan demo network, which orders are planned on.
    public let network: Network
    /// The router catalog, `Templates/routers.json`.
    public let catalog: RouterCatalog
    /// The shipped templates.
    public let renderer: RouterConfigRenderer
    /// Per platform, the shipped templates other than the three product templates (`apn`, `internet`,
    /// `interconnect`), by name: the partials a fuzzed product template may include.
    let partials: [ConfigDialect: [String: String]]
    /// Per platform, an APN, an internet and an interconnect configuration intent.
    let intents: [ConfigDialect: [ConfigIntent]]

    /// Loads the demo network, the catalog and the templates from a package folder.
    ///
    /// - Parameter packageRoot: The package folder (holding `Topologies/` and `Templates/`).
    /// - Throws: ``FuzzSetupError`` naming the file that is missing or does not load.
    public init(packageRoot: String) throws(FuzzSetupError) {
        let root = packageRoot.hasSuffix("/") ? String(packageRoot.dropLast()) : packageRoot
        let networkPath = "\(root)/Topologies/wuhan/network.json"
        do {
            network = try Network.load(name: networkPath, bytes: try Self.read(networkPath)).network
        } catch {
            throw FuzzSetupError("\(networkPath) does not load: \(error)")
        }
        let catalogPath = "\(root)/Templates/routers.json"
        do {
            catalog = try RouterCatalog.load(name: catalogPath, bytes: try Self.read(catalogPath))
        } catch {
            throw FuzzSetupError("\(catalogPath) does not load: \(error)")
        }
        do {
            renderer = try RouterConfigRenderer(templatesDirectory: "\(root)/Templates")
        } catch {
            throw FuzzSetupError("\(root)/Templates does not load: \(error)")
        }
        var partials: [ConfigDialect: [String: String]] = [:]
        for dialect in ConfigDialect.allCases {
            let folder = "\(root)/Templates/\(dialect.rawValue)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            var sources: [String: String] = [:]
            for name in names.sorted() where name.hasSuffix(".tmpl") {
                let template = String(name.dropLast(".tmpl".count))
                guard !LineProduct.allCases.map(\.rawValue).contains(template) else { continue }
                sources[template] = String(decoding: try Self.read("\(folder)/\(name)"), as: UTF8.self)
            }
            partials[dialect] = sources
        }
        self.partials = partials
        guard let intents = Self.makeIntents() else {
            throw FuzzSetupError("the fuzz harness's configuration intents do not build")
        }
        self.intents = intents
    }

    /// Runs one input through a reader.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - bytes: The input, as a file's content.
    /// - Returns: Whether the reader accepted it, refused it, or broke a promise.
    /// - Complexity: that of the reader and what follows it; bounded by the input's size.
    public func run(_ reader: FuzzReader, _ bytes: [UInt8]) -> FuzzVerdict {
        switch reader {
        case .network: runNetwork(bytes)
        case .orderJSON: runOrder(bytes, format: .json)
        case .orderCSV: runOrder(bytes, format: .csv)
        case .version: runVersion(bytes)
        case .savedPlan: runSavedPlan(bytes)
        case .holidays: runHolidays(bytes)
        case .template: runTemplate(bytes)
        }
    }

    /// Reads a file's bytes.
    static func read(_ path: String) throws(FuzzSetupError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FuzzSetupError("cannot read \(path) (run from the package folder)")
        }
        return [UInt8](data)
    }

    /// The APN, internet and interconnect intents of each platform, with its usual port names.
    private static func makeIntents() -> [ConfigDialect: [ConfigIntent]]? {
        guard let interconnect = try? IPv4Prefix(parsing: "10.250.0.0/30"),
            let lan = try? IPv4Prefix(parsing: "192.168.10.0/24"), let pool = try? IPv4Prefix(parsing: "10.200.0.0/23"),
            let remote = try? IPv4Prefix(parsing: "192.168.20.0/24"),
            let ggsn1 = try? IPv4Address(parsing: "172.16.100.1"), let ggsn2 = try? IPv4Address(parsing: "172.16.101.1")
        else { return nil }
        var intents: [ConfigDialect: [ConfigIntent]] = [:]
        for dialect in ConfigDialect.allCases {
            let (wanName, lanName) =
                switch dialect {
                case .ios: ("FastEthernet0/0", "FastEthernet0/1")
                case .vrp3: ("Ethernet0/0", "Ethernet0/1")
                case .vrp5: ("GigabitEthernet0/0/0", "GigabitEthernet0/0/1")
                }
            let wan = ConfigIntent.Interface(name: wanName, address: interconnect.lastHost, block: interconnect)
            let inside = ConfigIntent.Interface(name: lanName, address: lan.firstHost, block: lan)
            intents[dialect] = [
                .apn(
                    dialect: dialect, hostname: "BANK-HQ", lineID: "WH-1/HQ", customer: "某银行", site: "HQ", wan: wan,
                    wanPeer: interconnect.firstHost, lan: inside,
                    tunnels: [.init(ggsn: "GGSN-01", destination: ggsn1), .init(ggsn: "GGSN-02", destination: ggsn2)],
                    pool: pool),
                .internet(
                    dialect: dialect, hostname: "OFFICE", lineID: "WH-2/Office", customer: "office", site: "Office",
                    wan: wan, wanPeer: interconnect.firstHost, lan: inside),
                .interconnect(
                    dialect: dialect, hostname: "BRANCH", lineID: "WH-3/BR1", customer: "corp", site: "BR1", wan: wan,
                    wanPeer: interconnect.firstHost, lan: inside, remoteLANs: [remote]),
            ]
        }
        return intents
    }
}
