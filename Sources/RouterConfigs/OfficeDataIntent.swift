import Devices
public import NetAddress

/// The carrier-side office data (局数据) of an APN line: what the network management centre makes on
/// the GGSNs, rendered as a Markdown sheet and checked against the customer router's configuration.
///
/// Make it from the customer router's intent, so both ends of every GRE tunnel come from one place:
///
///     let office = OfficeDataIntent(
///         apn: "abcwh.hb", customerRouter: intent, vrf: "VPN-ABC-WH",
///         operatorIdentifier: "mnc000.mcc460.gprs", dnsServers: [try IPv4Address(parsing: "192.168.10.53")])
///
/// The factory fills the pools (the prefixes the customer routes into the tunnels without a distance: with
/// per-GGSN shares, one row per GGSN with its share), one GRE row per
/// tunnel (GGSN end = the tunnel destination, customer end = the WAN address, inner addresses, key,
/// keepalive, MTU and MSS), the static routes of both sides (GGSN: the customer LAN into the tunnel;
/// each GGSN its own share; customer: the router's routes, floating ones marked) and notes (an MSS clamp the customer router cannot do).
public struct OfficeDataIntent: Sendable, Hashable {
    /// How terminals get their addresses.
    public enum AddressMode: String, Sendable, Hashable, CaseIterable {
        /// From a pool on the GGSN.
        case localPool = "local pool"
        /// From the customer's RADIUS server.
        case radius = "RADIUS"
        /// From the customer's DHCP server.
        case dhcp = "DHCP"
    }

    /// How terminals authenticate.
    public enum Authentication: String, Sendable, Hashable, CaseIterable {
        /// No authentication beyond the SIM's APN subscription.
        case none
        /// PAP.
        case pap = "PAP"
        /// CHAP.
        case chap = "CHAP"
    }

    /// A terminal pool and the GGSNs that route it.
    public struct Pool: Sendable, Hashable {
        /// The GGSNs that serve the pool, or empty for all.
        public var ggsns: [String]
        /// The pool.
        public var prefix: IPv4Prefix

        /// Creates a pool.
        public init(ggsns: [String], prefix: IPv4Prefix) {
            self.ggsns = ggsns
            self.prefix = prefix
        }
    }

    /// One GRE tunnel seen from the GGSN: both ends and the shared settings.
    public struct Tunnel: Sendable, Hashable {
        /// The GGSN's node id.
        public var ggsn: String
        /// The GGSN end: the GGSN's GRE address (the customer router's tunnel destination).
        public var ggsnAddress: IPv4Address
        /// The customer end: the customer router's WAN address (its tunnel source).
        public var customerAddress: IPv4Address
        /// The inner /30, or `nil` when the customer router borrows its WAN address.
        public var inner: IPv4Prefix?
        /// The keepalive, the same on both ends.
        public var keepalive: ConfigIntent.Keepalive
        /// The tunnel MTU.
        public var mtu: Int
        /// The TCP MSS clamp.
        public var mss: Int
        /// The GRE key, if any.
        public var key: UInt32?

        /// Creates a tunnel row.
        public init(
            ggsn: String, ggsnAddress: IPv4Address, customerAddress: IPv4Address, inner: IPv4Prefix?,
            keepalive: ConfigIntent.Keepalive, mtu: Int, mss: Int, key: UInt32?
        ) {
            self.ggsn = ggsn
            self.ggsnAddress = ggsnAddress
            self.customerAddress = customerAddress
            self.inner = inner
            self.keepalive = keepalive
            self.mtu = mtu
            self.mss = mss
            self.key = key
        }
    }

    /// A static route of either side.
    public struct Route: Sendable, Hashable {
        /// Where it is configured: a GGSN id, or `customer router`.
        public var side: String
        /// The destination.
        public var prefix: IPv4Prefix
        /// The next hop in words: an address, `Tunnel0`, `GRE to 10.250.0.2`.
        public var nextHop: String
        /// The side and the next hop in Chinese, for a Chinese sheet.
        public var chineseSide: String
        /// The next hop in Chinese.
        public var chineseNextHop: String

        /// Creates a route; the Chinese words default to the English ones (ids and addresses).
        public init(
            side: String, prefix: IPv4Prefix, nextHop: String, chineseSide: String? = nil, chineseNextHop: String? = nil
        ) {
            self.side = side
            self.prefix = prefix
            self.nextHop = nextHop
            self.chineseSide = chineseSide ?? side
            self.chineseNextHop = chineseNextHop ?? nextHop
        }
    }

    /// A remark for the network management centre, in English and Chinese.
    public struct Note: Sendable, Hashable {
        /// The remark in English.
        public var english: String
        /// The remark in Chinese.
        public var chinese: String

        /// Creates a remark.
        public init(english: String, chinese: String) {
            self.english = english
            self.chinese = chinese
        }
    }

    /// The line id.
    public var lineID: String
    /// The customer's name (any text).
    public var customer: String
    /// The site's name (any text).
    public var site: String
    /// The customer router's hostname.
    public var customerRouter: String
    /// The APN network identifier, such as `abcwh.hb`.
    public var apn: String
    /// The APN operator identifier, such as `mnc000.mcc460.gprs`, if known.
    public var operatorIdentifier: String?
    /// The VRF the APN is bound to on the GGSNs, if known.
    public var vrf: String?
    /// How terminals get addresses.
    public var addressMode: AddressMode
    /// How terminals authenticate.
    public var authentication: Authentication
    /// DNS servers for the terminals.
    public var dnsServers: [IPv4Address]
    /// Terminal pools.
    public var pools: [Pool]
    /// GRE tunnels, one per GGSN.
    public var tunnels: [Tunnel]
    /// Static routes of both sides.
    public var routes: [Route]
    /// Remarks for the network management centre.
    public var notes: [Note]
    /// Whether the sheet is written in Chinese (`office-data.zh.tmpl`, Chinese headers and words).
    public var chinese = false

    /// Creates office data from all its parts; the factory from the customer's intent is easier.
    public init(
        lineID: String, customer: String, site: String, customerRouter: String, apn: String,
        operatorIdentifier: String?, vrf: String?, addressMode: AddressMode, authentication: Authentication,
        dnsServers: [IPv4Address], pools: [Pool], tunnels: [Tunnel], routes: [Route], notes: [Note]
    ) {
        self.lineID = lineID
        self.customer = customer
        self.site = site
        self.customerRouter = customerRouter
        self.apn = apn
        self.operatorIdentifier = operatorIdentifier
        self.vrf = vrf
        self.addressMode = addressMode
        self.authentication = authentication
        self.dnsServers = dnsServers
        self.pools = pools
        self.tunnels = tunnels
        self.routes = routes
        self.notes = notes
    }

    /// Makes the office data of an APN line from its customer router's intent.
    ///
    /// - Parameters:
    ///   - apn: The APN network identifier.
    ///   - customerRouter: The customer router's intent (an APN line).
    ///   - vrf: The VRF on the GGSNs, if known.
    ///   - operatorIdentifier: The APN operator identifier, if known.
    ///   - addressMode: How terminals get addresses (default: local pool).
    ///   - authentication: How terminals authenticate (default: none).
    ///   - dnsServers: DNS servers for the terminals.
    public init(
        apn: String, customerRouter: ConfigIntent, vrf: String? = nil, operatorIdentifier: String? = nil,
        addressMode: AddressMode = .localPool, authentication: Authentication = .none, dnsServers: [IPv4Address] = []
    ) {
        let intent = customerRouter
        var pools: [Pool] = []
        for route in intent.routes {
            guard case .tunnel(let index) = route.nextHop, route.distance == nil, intent.tunnels.indices.contains(index)
            else {
                continue
            }
            let ggsn = intent.tunnels[index].ggsn
            if let position = pools.firstIndex(where: { $0.prefix == route.prefix }) {
                if !pools[position].ggsns.contains(ggsn) {
                    pools[position].ggsns.append(ggsn)
                }
            } else {
                pools.append(Pool(ggsns: [ggsn], prefix: route.prefix))
            }
        }
        if pools.isEmpty, let pool = intent.pool {
            pools.append(Pool(ggsns: [], prefix: pool))
        }
        let allGGSNs = intent.tunnels.map(\.ggsn)
        for position in pools.indices where Set(pools[position].ggsns) == Set(allGGSNs) {
            pools[position].ggsns = []
        }
        let tunnels = intent.tunnels.map { tunnel in
            Tunnel(
                ggsn: tunnel.ggsn, ggsnAddress: tunnel.destination, customerAddress: intent.wan.address,
                inner: tunnel.inner, keepalive: tunnel.keepalive, mtu: tunnel.mtu, mss: tunnel.mss, key: tunnel.key)
        }
        var routes: [Route] = intent.tunnels.map { tunnel in
            Route(
                side: tunnel.ggsn, prefix: intent.lan.block,
                nextHop: tunnel.customerInnerAddress.map { "\($0) over the GRE tunnel to \(intent.wan.address)" }
                    ?? "the GRE tunnel to \(intent.wan.address)",
                chineseNextHop: tunnel.customerInnerAddress.map { "\($0)，经至\(intent.wan.address)的GRE隧道" }
                    ?? "至\(intent.wan.address)的GRE隧道")
        }
        for pool in pools where pool.ggsns.count == 1 {
            routes.append(
                Route(
                    side: pool.ggsns[0], prefix: pool.prefix, nextHop: "its own terminals (local pool share)",
                    chineseNextHop: "本GGSN的终端（本地地址池份额）"))
        }
        for route in intent.routes {
            let nextHop: String
            switch route.nextHop {
            case .address(let address): nextHop = "\(address)"
            case .tunnel(let index): nextHop = intent.tunnelName(index)
            }
            routes.append(
                Route(
                    side: "customer router", prefix: route.prefix,
                    nextHop: nextHop + (route.distance.map { " (floating, distance \($0))" } ?? ""),
                    chineseSide: "客户路由器",
                    chineseNextHop: nextHop + (route.distance.map { "（浮动路由，管理距离\($0)）" } ?? "")))
        }
        var notes: [Note] = []
        if !intent.dialect.clampsTCPMSS {
            let mss = intent.tunnels.first?.mss ?? 1436
            notes.append(
                Note(
                    english: "The customer router (\(intent.dialect.displayName)) does not clamp the TCP MSS: clamp it"
                        + " to \(mss) on the GGSN end of each tunnel.",
                    chinese: "客户路由器（\(intent.dialect.displayName)）不能调整TCP MSS：请在每条隧道的GGSN端将MSS调整为\(mss)。"))
        }
        if intent.tunnels.contains(where: { !$0.isUnnumbered }) {
            notes.append(
                Note(
                    english: "The customer router cannot borrow its WAN address (no IP unnumbered on tunnels): each"
                        + " tunnel has its own /30, applied for by the account manager.",
                    chinese: "客户路由器的隧道不支持IP unnumbered：每条隧道使用单独的/30地址，由客户经理申请。"))
        }
        self.init(
            lineID: intent.lineID, customer: intent.customer, site: intent.site, customerRouter: intent.hostname,
            apn: apn, operatorIdentifier: operatorIdentifier, vrf: vrf, addressMode: addressMode,
            authentication: authentication, dnsServers: dnsServers, pools: pools, tunnels: tunnels, routes: routes,
            notes: notes)
    }

    /// The file name of the sheet: `<line>.office-data.md`, the line id made safe for a file name.
    public var fileName: String {
        "\(ConfigText.fileStem(lineID)).office-data.md"
    }

    /// The full APN: the network identifier, then the operator identifier when known.
    public var fullAPN: String {
        operatorIdentifier.map { "\(apn).\($0)" } ?? apn
    }

    // MARK: - Validation

    /// Checks the office data before it is rendered.
    ///
    /// - Returns: Every problem, naming its field: free text with line breaks or control characters, an
    ///   APN network identifier that 3GPP TS 23.003 §9.1 does not allow (labels of letters, digits and
    ///   `-`, at most 63 characters, not starting with `rac`, `lac`, `sgsn` or `rnc`, not ending in
    ///   `.gprs`), a malformed operator identifier or VRF name, no pool or no tunnel.
    public func validate() -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for (field, value) in [("lineID", lineID), ("customer", customer), ("site", site)] {
            do {
                _ = try ConfigText.plainText(value, field: field)
            } catch {
                problems.append(ConfigProblem(field: error.location, message: error.message))
            }
        }
        if let problem = Self.apnProblem(apn) {
            problems.append(ConfigProblem(field: "apn", message: problem))
        }
        if let operatorIdentifier, !Self.isOperatorIdentifier(operatorIdentifier) {
            problems.append(
                ConfigProblem(
                    field: "operatorIdentifier",
                    message: "'\(operatorIdentifier)' is not of the form mncNNN.mccNNN.gprs"))
        }
        if let vrf, !ConfigText.isSimpleName(vrf, limit: 31) {
            problems.append(
                ConfigProblem(field: "vrf", message: "a VRF name is 1 to 31 ASCII letters, digits, '-' and '_'"))
        }
        if !ConfigText.isSimpleName(customerRouter, limit: 63) {
            problems.append(
                ConfigProblem(field: "customerRouter", message: "a hostname is ASCII letters, digits and '-'"))
        }
        for (index, tunnel) in tunnels.enumerated() where !ConfigText.isSimpleName(tunnel.ggsn, limit: 64) {
            problems.append(
                ConfigProblem(
                    field: "tunnels[\(index)].ggsn", message: "a GGSN id is ASCII letters, digits, '-' and '_'"))
        }
        for (index, route) in routes.enumerated() {
            do {
                _ = try ConfigText.plainText(route.side, field: "routes[\(index)].side")
                _ = try ConfigText.plainText(route.nextHop, field: "routes[\(index)].nextHop")
            } catch {
                problems.append(ConfigProblem(field: error.location, message: error.message))
            }
        }
        if pools.isEmpty {
            problems.append(ConfigProblem(field: "pools", message: "an APN line needs a terminal pool"))
        }
        if tunnels.isEmpty {
            problems.append(ConfigProblem(field: "tunnels", message: "an APN line needs one GRE tunnel per GGSN"))
        }
        return problems
    }

    static func apnProblem(_ apn: String) -> String? {
        guard !apn.isEmpty else {
            return "is empty"
        }
        guard apn.utf8.count <= 63 else {
            return "is \(apn.utf8.count) characters long; an APN network identifier takes at most 63"
        }
        for label in apn.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.first != "-", label.last != "-",
                label.unicodeScalars.allSatisfy({
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
                })
            else {
                return
                    "'\(apn)' is not an APN network identifier: labels of ASCII letters, digits and '-', joined by dots"
            }
        }
        let lower = apn.lowercased()
        if let reserved = ["rac", "lac", "sgsn", "rnc"].first(where: { lower.hasPrefix($0) }) {
            return "'\(apn)' starts with '\(reserved)', which 3GPP TS 23.003 reserves"
        }
        if lower.hasSuffix(".gprs") {
            return "'\(apn)' ends in '.gprs'; give the network identifier without the operator identifier"
        }
        return nil
    }

    static func isOperatorIdentifier(_ text: String) -> Bool {
        let parts = text.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2] == "gprs" else {
            return false
        }
        func digits(_ part: Substring, prefix: String) -> Bool {
            part.hasPrefix(prefix) && part.count == prefix.count + 3
                && part.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }
        return digits(parts[0], prefix: "mnc") && digits(parts[1], prefix: "mcc")
    }
}
