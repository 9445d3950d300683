import Devices
import Foundation
import NetAddress
import RouterConfigs
import Testing

/// Plans, renderer and helpers shared by the RouterConfigs tests.
enum Plans {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped templates, `Templates/`.
    static func renderer() throws -> RouterConfigRenderer {
        try RouterConfigRenderer(templatesDirectory: packageRoot.appendingPathComponent("Templates").path)
    }

    static func address(_ text: String) throws -> IPv4Address { try IPv4Address(parsing: text) }
    static func prefix(_ text: String) throws -> IPv4Prefix { try IPv4Prefix(parsing: text) }

    /// The WAN and LAN port names of the models used here.
    static func ports(_ dialect: ConfigDialect) -> (wan: String, lan: String) {
        switch dialect {
        case .ios: ("FastEthernet0/0", "FastEthernet0/1")
        case .vrp3: ("Ethernet0/0", "Ethernet0/1")
        case .vrp5: ("GigabitEthernet0/0/0", "GigabitEthernet0/0/1")
        }
    }

    /// The APN line of the tests: headquarters of a bank branch, two GGSNs, a /23 terminal pool; with
    /// `numbered`, each tunnel gets a /30 (a router without IP unnumbered).
    static func apn(_ dialect: ConfigDialect, numbered: Bool = false) throws -> ConfigIntent {
        let ports = ports(dialect)
        return ConfigIntent.apn(
            dialect: dialect, hostname: "ABC-WH-HQ", lineID: "ORD-2026-0042/HQ", customer: "中国农业银行武汉分行",
            site: "HQ",
            wan: .init(name: ports.wan, address: try address("10.250.0.2"), block: try prefix("10.250.0.0/30")),
            wanPeer: try address("10.250.0.1"),
            lan: .init(name: ports.lan, address: try address("192.168.10.1"), block: try prefix("192.168.10.0/24")),
            tunnels: [
                .init(
                    ggsn: "GGSN-01", destination: try address("172.16.100.1"),
                    inner: numbered ? try prefix("10.255.0.0/30") : nil),
                .init(
                    ggsn: "GGSN-02", destination: try address("172.16.101.1"),
                    inner: numbered ? try prefix("10.255.0.4/30") : nil),
            ],
            pool: try prefix("10.200.0.0/23"))
    }

    /// The internet line of the tests; `publicWAN` puts the WAN in 203.0.113.0/30, else in 10.250.0.4/30.
    static func internet(_ dialect: ConfigDialect, publicWAN: Bool = true, ports: (wan: String, lan: String)? = nil)
        throws -> ConfigIntent
    {
        let ports = ports ?? Self.ports(dialect)
        let wanBlock = publicWAN ? "203.0.113.0/30" : "10.250.0.4/30"
        let base = publicWAN ? "203.0.113." : "10.250.0."
        let offset = publicWAN ? 0 : 4
        return ConfigIntent.internet(
            dialect: dialect, hostname: "DIA-SHOP-7", lineID: "ORD-2026-0051/SHOP-7", customer: "光谷软件园",
            site: "SHOP-7",
            wan: .init(name: ports.wan, address: try address("\(base)\(offset + 2)"), block: try prefix(wanBlock)),
            wanPeer: try address("\(base)\(offset + 1)"),
            lan: .init(name: ports.lan, address: try address("192.168.1.1"), block: try prefix("192.168.1.0/24")))
    }

    /// The interconnect line of the tests: a branch reaching headquarters and a second branch.
    static func interconnect(_ dialect: ConfigDialect) throws -> ConfigIntent {
        let ports = ports(dialect)
        return ConfigIntent.interconnect(
            dialect: dialect, hostname: "SITE-A", lineID: "ORD-2026-0060/A", customer: "武汉地铁", site: "SITE-A",
            wan: .init(name: ports.wan, address: try address("10.0.0.1"), block: try prefix("10.0.0.0/30")),
            wanPeer: try address("10.0.0.2"),
            lan: .init(name: ports.lan, address: try address("192.168.10.1"), block: try prefix("192.168.10.0/24")),
            remoteLANs: [try prefix("192.168.20.0/24"), try prefix("192.168.30.0/24")])
    }

    /// The text with the first occurrence of `old` replaced, or a test failure when it is missing.
    static func replacing(_ old: String, with new: String, in text: String) -> String {
        guard let range = text.range(of: old) else {
            Issue.record("'\(old)' is not in the text")
            return text
        }
        return text.replacingCharacters(in: range, with: new)
    }

    /// The 1-based line number of the first line equal to `line`.
    static func lineNumber(of line: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == line } ?? -1) + 1
    }
}

/// Compares rendered text with the expected text line by line, then as a whole.
func expectLines(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for (offset, (actualLine, expectedLine)) in zip(actualLines, expectedLines).enumerated() {
        #expect(actualLine == expectedLine, "line \(offset + 1)", sourceLocation: sourceLocation)
    }
    #expect(actualLines.count == expectedLines.count, "line count", sourceLocation: sourceLocation)
    #expect(actual == expected, sourceLocation: sourceLocation)
}

/// The problems of a render that must fail, as printed.
func renderProblems(_ intent: ConfigIntent, with renderer: RouterConfigRenderer) -> (RouterConfigError.Code?, [String])
{
    do {
        _ = try renderer.render(intent)
        return (nil, [])
    } catch {
        return (error.code, error.problems.map(\.description))
    }
}
