import ConfigTemplate
import Devices
public import NetAddress

extension OfficeDataIntent {
    /// The values the office data template sees.
    ///
    /// | key | value |
    /// |---|---|
    /// | `lineID`, `customer`, `site`, `customerRouter` | text, escaped for Markdown (``MarkdownText/cell(_:)``) |
    /// | `apn`, `fullAPN`, `hasOperator`, `vrf`, `addressMode`, `authentication`, `dns` | text, `—` when absent |
    /// | `pools` | `ggsns`, `prefix`, `mask`, `addresses` |
    /// | `tunnels` | `ggsn`, `ggsnEnd`, `customerEnd`, `ggsnInner`, `customerInner`, `key`, `keepalive`, `mtu`, `mss` |
    /// | `routes` | `side`, `prefix`, `nextHop` |
    /// | `notes` | `text` |
    func templateContext() -> TemplateValue {
        let dash = "—"
        let none = chinese ? "无" : "none"
        var context = TemplateObject()
        context["lineID"] = .string(MarkdownText.cell(lineID))
        context["customer"] = .string(MarkdownText.cell(customer))
        context["site"] = .string(MarkdownText.cell(site))
        context["customerRouter"] = .string(customerRouter)
        context["apn"] = .string(apn)
        context["fullAPN"] = .string(fullAPN)
        context["hasOperator"] = .bool(operatorIdentifier != nil)
        context["vrf"] = .string(vrf ?? dash)
        context["addressMode"] = .string(chinese ? Self.chinese(addressMode) : addressMode.rawValue)
        context["authentication"] = .string(chinese ? Self.chinese(authentication) : authentication.rawValue)
        context["dns"] = .string(
            dnsServers.isEmpty ? dash : dnsServers.map { DottedQuad.text($0) }.joined(separator: ", "))
        context["pools"] = .list(
            pools.map { pool in
                [
                    "ggsns": .string(
                        pool.ggsns.isEmpty ? (chinese ? "全部" : "all") : pool.ggsns.joined(separator: ", ")),
                    "prefix": .string(pool.prefix.description), "mask": .string(DottedQuad.text(pool.prefix.netmask)),
                    "addresses": .string(String(pool.prefix.size)),
                ]
            })
        context["tunnels"] = .list(
            tunnels.map { tunnel in
                let inner = tunnel.inner
                return [
                    "ggsn": .string(tunnel.ggsn), "ggsnEnd": .string(DottedQuad.text(tunnel.ggsnAddress)),
                    "customerEnd": .string(DottedQuad.text(tunnel.customerAddress)),
                    "ggsnInner": .string(inner.map { "\($0.firstHost)/\($0.length)" } ?? "unnumbered"),
                    "customerInner": .string(
                        inner.map { "\(IPv4Address($0.firstHost.value &+ 1))/\($0.length)" } ?? "unnumbered"),
                    "key": .string(tunnel.key.map(String.init) ?? none),
                    "keepalive": .string(
                        chinese
                            ? "\(tunnel.keepalive.period)秒×\(tunnel.keepalive.retries)次"
                            : "\(tunnel.keepalive.period) s × \(tunnel.keepalive.retries)"),
                    "mtu": .number(tunnel.mtu), "mss": .number(tunnel.mss),
                ]
            })
        context["routes"] = .list(
            routes.map { route in
                [
                    "side": .string(MarkdownText.cell(chinese ? route.chineseSide : route.side)),
                    "prefix": .string(route.prefix.description),
                    "nextHop": .string(MarkdownText.cell(chinese ? route.chineseNextHop : route.nextHop)),
                ]
            })
        context["notes"] = .list(notes.map { ["text": .string(chinese ? $0.chinese : $0.english)] })
        return .object(context)
    }

    private static func chinese(_ mode: AddressMode) -> String {
        switch mode {
        case .localPool: "GGSN本地地址池分配"
        case .radius: "RADIUS分配"
        case .dhcp: "DHCP分配"
        }
    }

    private static func chinese(_ authentication: Authentication) -> String {
        switch authentication {
        case .none: "无"
        case .pap: "PAP"
        case .chap: "CHAP"
        }
    }
}

/// One row of the office data sheet's GRE table, read back.
public struct OfficeGRERow: Sendable, Hashable {
    /// The GGSN id.
    public var ggsn: String
    /// The GGSN end.
    public var ggsnEnd: IPv4Address
    /// The customer end.
    public var customerEnd: IPv4Address
    /// The GGSN's inner address with its length, or `unnumbered`.
    public var ggsnInner: String
    /// The customer's inner address with its length, or `unnumbered`.
    public var customerInner: String
    /// The key, or `nil` for none.
    public var key: UInt32?
    /// The keepalive period and retries.
    public var keepalive: ParsedConfig.Keepalive?
    /// The MTU.
    public var mtu: Int?
    /// The 1-based line of the row.
    public var line: Int
}

/// One row of the office data sheet's pool table, read back.
public struct OfficePoolRow: Sendable, Hashable {
    /// The GGSNs named in the row; empty for `all`.
    public var ggsns: [String]
    /// The pool or share.
    public var prefix: IPv4Prefix
    /// The 1-based line of the row.
    public var line: Int

    /// Creates a row.
    public init(ggsns: [String], prefix: IPv4Prefix, line: Int) {
        self.ggsns = ggsns
        self.prefix = prefix
        self.line = line
    }
}

/// Reads the GRE table back from a rendered office data sheet.
///
/// The table is found by its header cells: `GGSN`, `GGSN end`, `Customer end`, `GGSN inner`,
/// `Customer inner`, `Key`, `Keepalive` and `MTU`, in any order (a user's template may add columns);
/// a Chinese sheet's headers (`GGSN端`, `客户端`, `GGSN端隧道地址`, `客户端隧道地址`, `密钥`, `保活`,
/// `地址池`) are read as the same columns.
public enum OfficeDataReader {
    /// The Chinese sheet's header cells and the columns they are.
    static let chineseHeaders: [String: String] = [
        "GGSN端": "GGSN end", "客户端": "Customer end", "GGSN端隧道地址": "GGSN inner",
        "客户端隧道地址": "Customer inner", "密钥": "Key", "保活": "Keepalive", "地址池": "Pool",
    ]

    static let columns = [
        "GGSN", "GGSN end", "Customer end", "GGSN inner", "Customer inner", "Key", "Keepalive", "MTU",
    ]

    /// Reads the GRE rows.
    ///
    /// - Parameters:
    ///   - text: The sheet.
    ///   - file: The file name for problems.
    /// - Returns: The rows, and the problems met (no GRE table, an unreadable cell).
    public static func greRows(_ text: String, file: String) -> (rows: [OfficeGRERow], problems: [ConfigProblem]) {
        var rows: [OfficeGRERow] = []
        var problems: [ConfigProblem] = []
        var header: [String: Int]?
        var number = 0
        var inTable = false
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = Substring(raw)
            guard line.hasPrefix("|") else {
                if header != nil, inTable {
                    break
                }
                continue
            }
            let cells = Self.cells(line)
            if header == nil {
                let cells = cells.map { chineseHeaders[$0] ?? $0 }
                if columns.allSatisfy(cells.contains) {
                    var positions: [String: Int] = [:]
                    for (position, cell) in cells.enumerated() where positions[cell] == nil {
                        positions[cell] = position
                    }
                    header = positions
                }
                continue
            }
            guard let header else {
                continue
            }
            inTable = true
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) {
                continue
            }
            func cell(_ name: String) -> String {
                header[name].flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
            }
            guard let ggsnEnd = DottedQuad.parse(cell("GGSN end")[...]),
                let customerEnd = DottedQuad.parse(cell("Customer end")[...])
            else {
                problems.append(
                    ConfigProblem(
                        file: file, line: number,
                        message: "cannot read the GRE row: the GGSN end and customer end must be IPv4 addresses"))
                continue
            }
            let numbers = cell("Keepalive").split { !$0.isNumber }.compactMap { Int($0) }
            rows.append(
                OfficeGRERow(
                    ggsn: cell("GGSN"), ggsnEnd: ggsnEnd, customerEnd: customerEnd, ggsnInner: cell("GGSN inner"),
                    customerInner: cell("Customer inner"), key: UInt32(cell("Key")),
                    keepalive: numbers.count == 2
                        ? ParsedConfig.Keepalive(period: numbers[0], retries: numbers[1]) : nil,
                    mtu: Int(cell("MTU")), line: number))
        }
        if header == nil {
            problems.append(
                ConfigProblem(
                    file: file,
                    message: "no GRE table: expected a table with the columns \(columns.joined(separator: ", "))"))
        }
        return (rows, problems)
    }

    /// Reads the terminal pool rows: the table whose header has the cells `GGSN` and `Pool` (and not `GGSN end`).
    ///
    /// - Parameters:
    ///   - text: The sheet.
    ///   - file: The file name for problems.
    /// - Returns: The rows (`all` in the GGSN cell gives an empty list), and the problems met.
    /// - Complexity: O(*n*) in the length of the sheet.
    public static func poolRows(_ text: String, file: String) -> (rows: [OfficePoolRow], problems: [ConfigProblem]) {
        var rows: [OfficePoolRow] = []
        var problems: [ConfigProblem] = []
        var header: (ggsn: Int, pool: Int)?
        var number = 0
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = Substring(raw)
            guard line.hasPrefix("|") else {
                if header != nil, !rows.isEmpty {
                    break
                }
                continue
            }
            let cells = Self.cells(line)
            guard let columns = header else {
                let cells = cells.map { chineseHeaders[$0] ?? $0 }
                if let ggsn = cells.firstIndex(of: "GGSN"), let pool = cells.firstIndex(of: "Pool"),
                    !cells.contains("GGSN end")
                {
                    header = (ggsn, pool)
                }
                continue
            }
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) {
                continue
            }
            let poolCell = columns.pool < cells.count ? cells[columns.pool] : ""
            guard let prefix = try? IPv4Prefix(parsing: poolCell) else {
                problems.append(
                    ConfigProblem(
                        file: file, line: number, message: "cannot read the pool row: '\(poolCell)' is no prefix"))
                continue
            }
            let ggsnCell = columns.ggsn < cells.count ? cells[columns.ggsn] : ""
            let ggsns =
                ggsnCell == "all" || ggsnCell == "全部"
                ? [] : ggsnCell.split(separator: ",").map { String($0.drop { $0 == " " }) }.filter { !$0.isEmpty }
            rows.append(OfficePoolRow(ggsns: ggsns, prefix: prefix, line: number))
        }
        return (rows, problems)
    }

    /// The cells of a table row, trimmed, split on `|` not escaped by a backslash.
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(trim(current))
                current = ""
            } else {
                current.append(character)
            }
        }
        let rest = trim(current)
        if !rest.isEmpty {
            cells.append(rest)
        }
        return cells
    }

    private static func trim(_ text: String) -> String {
        guard let start = text.firstIndex(where: { $0 != " " }), let end = text.lastIndex(where: { $0 != " " }) else {
            return ""
        }
        return String(text[start...end])
    }
}

/// Checks that the customer configuration and the office data agree on both ends of every GRE tunnel.
public enum GREAgreement {
    /// Compares the tunnels of a read-back customer configuration with the GRE rows of the office data.
    ///
    /// For each tunnel of the configuration, the row whose GGSN end is the tunnel's destination must
    /// exist, and its customer end must be the tunnel's source (an interface source is resolved to its
    /// address), its customer inner address the tunnel's address (or `unnumbered`), and its key,
    /// keepalive and MTU the tunnel's. A row with no tunnel in the configuration is a problem too.
    ///
    /// With pool rows, each GGSN's share is checked too: a row naming a GGSN must hold a prefix the
    /// configuration routes primarily (without a distance) into that GGSN's tunnel, and every prefix routed
    /// primarily into a tunnel must be that GGSN's share or a pool row for all GGSNs.
    ///
    /// - Parameters:
    ///   - config: The customer configuration, read back.
    ///   - rows: The office data's GRE rows.
    ///   - pools: The office data's pool rows; empty skips the share check.
    ///   - officeFile: The office data's file name.
    /// - Returns: Every disagreement; empty when both ends agree.
    /// - Complexity: O(*t* × (*g* + *r* + *p*)) for *t* tunnels, *g* GRE rows, *r* routes and *p* pool rows.
    public static func check(
        _ config: ParsedConfig, rows: [OfficeGRERow], pools: [OfficePoolRow] = [], officeFile: String
    ) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if !pools.isEmpty {
            problems += checkShares(config, rows: rows, pools: pools, officeFile: officeFile)
        }
        let tunnels = config.interfaces.filter { $0.tunnelDestination != nil }
        for tunnel in tunnels {
            guard let destination = tunnel.tunnelDestination else {
                continue
            }
            guard let row = rows.first(where: { $0.ggsnEnd == destination.value }) else {
                problems.append(
                    ConfigProblem(
                        file: config.file, line: destination.line,
                        message: "\(tunnel.name) goes to \(destination.value), but \(officeFile) has no GRE row with"
                            + " that GGSN end"))
                continue
            }
            func disagree(_ message: String) {
                problems.append(
                    ConfigProblem(file: officeFile, line: row.line, message: "GRE to \(row.ggsn): \(message)"))
            }
            if let source = tunnel.tunnelSource {
                let resolved =
                    DottedQuad.parse(source.value[...])
                    ?? config.interface(named: source.value)?.address?.value.address
                if resolved != row.customerEnd {
                    let shown = resolved.map { "\($0)" } ?? source.value
                    disagree(
                        "the customer end is \(row.customerEnd); \(config.file):\(source.line) has tunnel source \(shown)"
                    )
                }
            }
            let configInner: String
            var innerLine = tunnel.line
            if let address = tunnel.address {
                configInner = "\(address.value.address)/\(DottedQuad.length(ofMask: address.value.mask) ?? 32)"
                innerLine = address.line
            } else {
                configInner = "unnumbered"
                innerLine = tunnel.unnumbered?.line ?? tunnel.line
            }
            if configInner != row.customerInner {
                disagree(
                    "the customer inner address is \(row.customerInner); \(config.file):\(innerLine) has \(configInner)"
                )
            }
            if row.ggsnInner == configInner, configInner != "unnumbered" {
                disagree("the GGSN inner address \(row.ggsnInner) is the customer's too")
            }
            let key = tunnel.key?.value
            if key != row.key {
                disagree(
                    "the key is \(row.key.map(String.init) ?? "none"); \(config.file):\(tunnel.key?.line ?? tunnel.line)"
                        + " has \(key.map(String.init) ?? "none")")
            }
            if let keepalive = tunnel.keepalive, keepalive.value != row.keepalive {
                let rowText = row.keepalive.map { "\($0.period) s × \($0.retries)" } ?? "unreadable"
                disagree(
                    "the keepalive is \(rowText); \(config.file):\(keepalive.line) has \(keepalive.value.period) s ×"
                        + " \(keepalive.value.retries)")
            }
            if let mtu = tunnel.mtu, mtu.value != row.mtu {
                disagree(
                    "the MTU is \(row.mtu.map(String.init) ?? "unreadable"); \(config.file):\(mtu.line) has \(mtu.value)"
                )
            }
        }
        for row in rows where !tunnels.contains(where: { $0.tunnelDestination?.value == row.ggsnEnd }) {
            problems.append(
                ConfigProblem(
                    file: officeFile, line: row.line,
                    message: "GRE to \(row.ggsn): the office data has a tunnel to \(row.ggsnEnd) that \(config.file)"
                        + " lacks"))
        }
        return problems
    }

    /// Compares each GGSN's pool share on the sheet with the prefixes routed primarily into its tunnel.
    private static func checkShares(
        _ config: ParsedConfig, rows: [OfficeGRERow], pools: [OfficePoolRow], officeFile: String
    ) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for tunnel in config.interfaces {
            guard let destination = tunnel.tunnelDestination?.value,
                let row = rows.first(where: { $0.ggsnEnd == destination })
            else {
                continue
            }
            let primary = config.routes.filter { $0.nextHop == .interface(tunnel.name) && !config.isFloating($0) }
            let shares = pools.filter { $0.ggsns.contains(row.ggsn) }
            for share in shares where !primary.contains(where: { $0.prefix == share.prefix }) {
                let routed = primary.map { "\($0.prefix) (line \($0.line))" }.joined(separator: ", ")
                problems.append(
                    ConfigProblem(
                        file: officeFile, line: share.line,
                        message: "the pool of \(row.ggsn) is \(share.prefix); \(config.file) routes"
                            + " \(routed.isEmpty ? "nothing" : routed) primarily into \(tunnel.name)"))
            }
            for route in primary
            where !shares.contains(where: { $0.prefix == route.prefix })
                && !pools.contains(where: { $0.ggsns.isEmpty && $0.prefix == route.prefix })
            {
                problems.append(
                    ConfigProblem(
                        file: config.file, line: route.line,
                        message: "\(route.prefix) goes primarily into \(tunnel.name) (\(row.ggsn)), but \(officeFile)"
                            + " has no pool row of \(row.ggsn) or of all GGSNs for it"))
            }
        }
        return problems
    }
}
