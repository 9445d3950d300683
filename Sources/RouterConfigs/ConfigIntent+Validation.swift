import Devices
import NetAddress

/// The checked text of an intent, ready for a template.
struct PreparedIntent {
    var hostname: String
    var wanDescription: String
    /// The descriptions of ``ConfigIntent/extraWANs``, in order.
    var extraWANDescriptions: [String]
    /// The description of each dot1Q parent (trunk) port.
    var parentDescription: String
    var lanDescription: String
    var tunnelDescriptions: [String]
    var banner: String?
}

extension ConfigIntent {
    /// Checks the intent before anything is rendered: every text value for the dialect, and that the
    /// addresses, tunnels, routes and NAT hang together.
    ///
    /// - Returns: Every problem found, each naming its field; empty when the intent can be rendered.
    public func validate() -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        _ = prepare(into: &problems)
        return problems
    }

    /// Checks the intent and returns its prepared text, or throws every problem.
    func prepared() throws(RouterConfigError) -> PreparedIntent {
        var problems: [ConfigProblem] = []
        let prepared = prepare(into: &problems)
        guard problems.isEmpty else {
            throw RouterConfigError(code: .invalidIntent, problems: problems)
        }
        return prepared
    }

    private func prepare(into problems: inout [ConfigProblem]) -> PreparedIntent {
        func text(_ check: () throws(DeviceError) -> String) -> String {
            do {
                return try check()
            } catch {
                problems.append(ConfigProblem(field: error.location, message: error.message))
                return ""
            }
        }
        /// Runs a check whose field name is built only when it fails.
        func text(field: @autoclosure () -> String, _ check: () throws(DeviceError) -> String) -> String {
            do {
                return try check()
            } catch {
                problems.append(ConfigProblem(field: field(), message: error.message))
                return ""
            }
        }
        let name = self.hostname
        let checkedHostname = text { () throws(DeviceError) in try ConfigText.hostname(name, platform: dialect) }
        let line = text { () throws(DeviceError) in
            try ConfigText.description(lineID, platform: dialect, field: "lineID")
        }
        _ = text { () throws(DeviceError) in try ConfigText.plainText(customer, field: "customer") }
        _ = text { () throws(DeviceError) in try ConfigText.plainText(site, field: "site") }
        let lineOK = !line.isEmpty
        let wanDefault: String
        switch product {
        case .apn: wanDefault = "WAN to GPRS-VPN access, line \(line)"
        case .internet: wanDefault = "WAN to CMNET, line \(line)"
        case .interconnect: wanDefault = "WAN to carrier, line \(line)"
        }
        let wanDescription = describe(wan.description, default: lineOK ? wanDefault : nil, field: "wan.description")
        let extraWANDescriptions = extraWANs.enumerated().map { index, interface in
            describe(
                interface.description, default: lineOK ? wanDefault : nil, field: "extraWANs[\(index)].description")
        }
        let parentDescription = lineOK ? "802.1Q trunk to carrier, line \(line)" : ""
        let lanDescription = describe(
            lan.description, default: lineOK ? "LAN, line \(line)" : nil, field: "lan.description")
        var tunnelDescriptions: [String] = []
        tunnelDescriptions.reserveCapacity(tunnels.count)
        for (index, tunnel) in tunnels.enumerated() {
            _ = text(field: "tunnels[\(index)].ggsn") { () throws(DeviceError) in
                try ConfigText.plainText(tunnel.ggsn, field: "")
            }
            tunnelDescriptions.append(
                describe(tunnel.description, default: "GRE to \(tunnel.ggsn)", field: "tunnels[\(index)].description"))
        }
        var banner: String?
        if let given = self.banner {
            if dialect.writesLoginBanner {
                banner = text { () throws(DeviceError) in try ConfigText.banner(given, platform: dialect) }
            } else {
                // The VRP templates write no login banner: refused rather than dropped without a word.
                problems.append(
                    ConfigProblem(
                        field: "banner",
                        message: "\(dialect.displayName) configurations carry no login banner in LinePlan's templates;"
                            + " leave it out, or add 'header login information' to your copy of the templates"))
            }
        }
        checkInterfaces(&problems)
        checkTunnels(&problems)
        checkRoutes(&problems)
        checkNAT(&problems)
        checkUniqueAddresses(&problems)
        return PreparedIntent(
            hostname: checkedHostname, wanDescription: wanDescription, extraWANDescriptions: extraWANDescriptions,
            parentDescription: parentDescription, lanDescription: lanDescription,
            tunnelDescriptions: tunnelDescriptions, banner: banner)

        func describe(_ given: String?, default fallback: String?, field: @autoclosure () -> String) -> String {
            guard let value = given ?? fallback else {
                return ""
            }
            return text(field: field()) { () throws(DeviceError) in
                try ConfigText.description(value, platform: dialect, field: "")
            }
        }
    }

    // MARK: - Interfaces

    /// Every WAN with its field name: `wan`, `extraWANs[0]`, ….
    var fieldedWANs: [(field: String, interface: Interface)] {
        [("wan", wan)] + extraWANs.enumerated().map { ("extraWANs[\($0.offset)]", $0.element) }
    }

    /// Every block the router is on (WANs with their secondaries, LAN with its secondaries), with its field.
    var connectedBlocks: [(field: String, block: IPv4Prefix)] {
        var blocks: [(String, IPv4Prefix)] = []
        for (field, interface) in fieldedWANs + [("lan", lan)] {
            blocks.append(("\(field).block", interface.block))
            for (index, block) in interface.secondaries.enumerated() {
                blocks.append(("\(field).secondaries[\(index)]", block))
            }
        }
        return blocks
    }

    private func checkInterfaces(_ problems: inout [ConfigProblem]) {
        if product == .interconnect, wan.name.isEmpty {
            problems.append(ConfigProblem(field: "wans", message: "a hub needs at least one WAN interface"))
            return
        }
        let all = fieldedWANs + [("lan", lan)]
        for (position, (field, interface)) in all.enumerated() {
            if !ConfigText.isInterfaceName(interface.name) {
                problems.append(
                    ConfigProblem(
                        field: "\(field).name",
                        message: "invalid interface name '\(interface.name)'; expected a letter, then letters, digits,"
                            + " '/', '.', ':' or '-'"))
            }
            if let problem = Self.hostProblem(interface.address, in: interface.block, blockName: "its block") {
                problems.append(ConfigProblem(field: "\(field).address", message: problem))
            }
            if let earlier = all[..<position].first(where: { $0.1.name == interface.name }) {
                problems.append(
                    ConfigProblem(
                        field: "\(field).name",
                        message: "is the \(earlier.0 == "wan" ? "WAN" : earlier.0) interface too (\(interface.name))"))
            }
            if let earlier = all[..<position].first(where: { $0.1.block.overlaps(interface.block) }) {
                problems.append(
                    ConfigProblem(
                        field: "\(field).block",
                        message: "\(interface.block) overlaps \(earlier.0).block \(earlier.1.block)"))
            }
            checkLink(interface, field: field, earlier: all[..<position].map(\.1), &problems)
            checkSecondaries(interface, field: field, &problems)
        }
        if wan.peer.map({ $0 != wanPeer }) ?? false {
            problems.append(
                ConfigProblem(
                    field: "wan.peer", message: "\(wan.peer.map { "\($0)" } ?? "") differs from wanPeer \(wanPeer)"))
        }
        for (field, interface) in fieldedWANs {
            let peer = field == "wan" ? wanPeer : interface.peer
            guard let peer else {
                continue
            }
            let peerField = field == "wan" ? "wanPeer" : "\(field).peer"
            if peer == interface.address {
                problems.append(
                    ConfigProblem(field: peerField, message: "is the router's own address \(interface.address)"))
            } else if let problem = Self.hostProblem(peer, in: interface.block, blockName: "\(field).block") {
                problems.append(ConfigProblem(field: peerField, message: problem))
            }
        }
    }

    private func checkLink(
        _ interface: Interface, field: String, earlier: [Interface], _ problems: inout [ConfigProblem]
    ) {
        switch interface.link {
        case .ethernet:
            break
        case .dot1Q(let vlan, let parent):
            if field == "lan" {
                problems.append(ConfigProblem(field: "lan.link", message: "the LAN is an Ethernet port"))
            }
            if !(1...4094).contains(vlan) {
                problems.append(ConfigProblem(field: "\(field).link", message: "VLAN \(vlan) is outside 1...4094"))
            }
            if !ConfigText.isInterfaceName(parent) || parent.contains(".") {
                problems.append(
                    ConfigProblem(field: "\(field).link", message: "'\(parent)' is not a trunk port's name"))
            } else if !interface.name.hasPrefix("\(parent).") {
                problems.append(
                    ConfigProblem(
                        field: "\(field).name",
                        message: "'\(interface.name)' is not a sub-interface of \(parent) (\(parent).<n>)"))
            }
            if parent == lan.name || wans.contains(where: { $0.name == parent }) {
                problems.append(
                    ConfigProblem(
                        field: "\(field).link",
                        message: "the trunk port \(parent) is also a routed interface of the plan"))
            }
            if earlier.contains(where: { $0.link.parent == parent && $0.link.vlan == vlan }) {
                problems.append(
                    ConfigProblem(field: "\(field).link", message: "VLAN \(vlan) on \(parent) is used twice"))
            }
        case .e1(let controller, let timeslots):
            if field == "lan" {
                problems.append(ConfigProblem(field: "lan.link", message: "the LAN is an Ethernet port"))
            }
            if controller.isEmpty || !controller.allSatisfy({ $0 == "/" || ($0.isASCII && $0.isNumber) }) {
                problems.append(
                    ConfigProblem(
                        field: "\(field).link", message: "'\(controller)' is not an E1 controller (such as 0/0/0)"))
            } else if interface.link.channel(of: interface.name) == nil {
                problems.append(
                    ConfigProblem(
                        field: "\(field).name",
                        message: "'\(interface.name)' is not a channel of E1 \(controller) (Serial\(controller):<n>)"))
            }
            if timeslots.lowerBound < 1 || timeslots.upperBound > 31 {
                problems.append(
                    ConfigProblem(
                        field: "\(field).link",
                        message: "timeslots \(LinkLayer.timeslotText(timeslots)) are outside 1...31 (timeslot 0"
                            + " carries the framing)"))
            }
            for other in earlier {
                if case .e1(controller, let used) = other.link, used.overlaps(timeslots) {
                    problems.append(
                        ConfigProblem(
                            field: "\(field).link",
                            message: "timeslots \(LinkLayer.timeslotText(timeslots)) of E1 \(controller) are also"
                                + " \(other.name)'s"))
                }
            }
        case .serial:
            if field == "lan" {
                problems.append(ConfigProblem(field: "lan.link", message: "the LAN is an Ethernet port"))
            }
            if !interface.name.hasPrefix("Serial") {
                problems.append(
                    ConfigProblem(
                        field: "\(field).name", message: "'\(interface.name)' is not a serial port (Serial0/0/0)"))
            }
        }
    }

    private func checkSecondaries(_ interface: Interface, field: String, _ problems: inout [ConfigProblem]) {
        for (index, block) in interface.secondaries.enumerated() {
            let name = "\(field).secondaries[\(index)]"
            if block.length > 30 {
                problems.append(
                    ConfigProblem(field: name, message: "\(block) has no host for the router; use a /30 or larger"))
            }
            if let clash = connectedBlocks.first(where: { $0.field != name && $0.block.overlaps(block) }) {
                problems.append(ConfigProblem(field: name, message: "\(block) overlaps \(clash.field) \(clash.block)"))
            }
        }
    }

    /// Why an address is not a usable host of a block, or `nil`.
    static func hostProblem(_ address: IPv4Address, in block: IPv4Prefix, blockName: String) -> String? {
        guard block.contains(address) else {
            return "\(address) lies outside \(blockName) \(block)"
        }
        if block.length <= 30, address == block.firstAddress {
            return "\(address) is the network address of \(block), not a host"
        }
        if block.length <= 30, address == block.lastAddress {
            return "\(address) is the broadcast address of \(block), not a host"
        }
        return nil
    }

    // MARK: - Tunnels

    private func checkTunnels(_ problems: inout [ConfigProblem]) {
        if product == .apn, tunnels.isEmpty {
            problems.append(
                ConfigProblem(field: "tunnels", message: "an APN line needs one GRE tunnel per GGSN; there are none"))
        }
        if product != .apn, !tunnels.isEmpty {
            problems.append(ConfigProblem(field: "tunnels", message: "\(product.phrase) has no GRE tunnels"))
        }
        switch (product, pool) {
        case (.apn, nil):
            problems.append(ConfigProblem(field: "pool", message: "an APN line needs its terminal pool"))
        case (.apn, let pool?):
            if wan.block.overlaps(pool) {
                problems.append(ConfigProblem(field: "pool", message: "\(pool) overlaps wan.block \(wan.block)"))
            }
            if lan.block.overlaps(pool) {
                problems.append(ConfigProblem(field: "pool", message: "\(pool) overlaps lan.block \(lan.block)"))
            }
        case (_, .some):
            problems.append(ConfigProblem(field: "pool", message: "\(product.phrase) has no terminal pool"))
        case (_, nil):
            break
        }
        if tunnels.count > 16 {
            problems.append(ConfigProblem(field: "tunnels", message: "\(tunnels.count) tunnels; at most 16"))
        }
        var blocks: [(String, IPv4Prefix)] = [("wan.block", wan.block), ("lan.block", lan.block)]
        for (index, tunnel) in tunnels.enumerated() {
            var field: String { "tunnels[\(index)]" }
            if wan.block.contains(tunnel.destination) || lan.block.contains(tunnel.destination) {
                let (name, block) =
                    wan.block.contains(tunnel.destination) ? ("wan.block", wan.block) : ("lan.block", lan.block)
                problems.append(
                    ConfigProblem(
                        field: "\(field).destination",
                        message: "\(tunnel.destination) lies in \(name) \(block); a GGSN's GRE address lies beyond"
                            + " the WAN peer"))
            }
            if let earlier = tunnels[..<index].firstIndex(where: {
                $0.destination == tunnel.destination && $0.key == tunnel.key
            }) {
                problems.append(
                    ConfigProblem(
                        field: "\(field).destination",
                        message: "\(tunnel.destination) is also tunnels[\(earlier)]'s destination, with the same key"))
            }
            if let inner = tunnel.inner {
                if inner.length < 30 {
                    problems.append(
                        ConfigProblem(
                            field: "\(field).inner",
                            message: "a tunnel's inner block is a /30 or /31, not /\(inner.length)"))
                }
                if let pool, pool.overlaps(inner) {
                    problems.append(ConfigProblem(field: "\(field).inner", message: "\(inner) overlaps pool \(pool)"))
                }
                if let (name, block) = blocks.first(where: { $0.1.overlaps(inner) }) {
                    problems.append(
                        ConfigProblem(field: "\(field).inner", message: "\(inner) overlaps \(name) \(block)"))
                }
                blocks.append(("\(field).inner", inner))
            }
            if !(1...32767).contains(tunnel.keepalive.period) {
                problems.append(
                    ConfigProblem(
                        field: "\(field).keepalive.period", message: "\(tunnel.keepalive.period) is outside 1...32767"))
            }
            if !(1...255).contains(tunnel.keepalive.retries) {
                problems.append(
                    ConfigProblem(
                        field: "\(field).keepalive.retries", message: "\(tunnel.keepalive.retries) is outside 1...255"))
            }
            if !(576...1500).contains(tunnel.mtu) {
                problems.append(ConfigProblem(field: "\(field).mtu", message: "\(tunnel.mtu) is outside 576...1500"))
            }
            if !(500...1460).contains(tunnel.mss) {
                problems.append(ConfigProblem(field: "\(field).mss", message: "\(tunnel.mss) is outside 500...1460"))
            } else if tunnel.mss > tunnel.mtu - 40 {
                problems.append(
                    ConfigProblem(
                        field: "\(field).mss",
                        message: "\(tunnel.mss) is above the MTU \(tunnel.mtu) less 40 bytes of IP and TCP headers"))
            }
        }
    }

    // MARK: - Routes

    private func checkRoutes(_ problems: inout [ConfigProblem]) {
        for (index, route) in routes.enumerated() {
            var field: String { "routes[\(index)]" }
            switch route.nextHop {
            case .tunnel(let tunnel):
                if !tunnels.indices.contains(tunnel) {
                    problems.append(
                        ConfigProblem(
                            field: "\(field).nextHop",
                            message: "tunnel \(tunnel) does not exist (\(tunnels.count) tunnels)"))
                }
            case .address(let address):
                let own = (wans + [lan]).flatMap { [$0.address] + $0.secondaryAddresses }
                if own.contains(address) {
                    problems.append(
                        ConfigProblem(field: "\(field).nextHop", message: "\(address) is the router's own address"))
                } else if !connectedBlocks.contains(where: { $0.block.contains(address) }) {
                    problems.append(
                        ConfigProblem(
                            field: "\(field).nextHop",
                            message: "\(address) is on no connected block ("
                                + connectedBlocks.map { "\($0.field) \($0.block)" }.joined(separator: ", ") + ")"))
                }
            }
            if let distance = route.distance, !(1...255).contains(distance) {
                problems.append(
                    ConfigProblem(field: "\(field).distance", message: "\(distance) is outside 1...255"))
            }
            if case .tunnel = route.nextHop, let pool, !pool.contains(route.prefix) {
                problems.append(
                    ConfigProblem(
                        field: field,
                        message: "\(route.prefix) goes into a tunnel but lies outside the terminal pool \(pool)"))
            }
            if let earlier = routes[..<index].firstIndex(of: route) {
                problems.append(ConfigProblem(field: field, message: "the same route as routes[\(earlier)]"))
            }
        }
        for (index, tunnel) in tunnels.enumerated() {
            var longest = -1
            for route in routes where route.prefix.length > longest && route.prefix.contains(tunnel.destination) {
                longest = route.prefix.length
            }
            guard longest >= 0 else {
                problems.append(
                    ConfigProblem(
                        field: "routes",
                        message: "no route to tunnels[\(index)].destination \(tunnel.destination); add a /32 through"
                            + " the WAN peer \(wanPeer)"))
                continue
            }
            for (position, route) in routes.enumerated()
            where route.prefix.length == longest && route.prefix.contains(tunnel.destination) {
                if case .tunnel(let via) = route.nextHop {
                    problems.append(
                        ConfigProblem(
                            field: "routes[\(position)]",
                            message: "sends tunnels[\(index)].destination \(tunnel.destination) into"
                                + " \(tunnelName(via)) (recursive routing); a GGSN is reached through the WAN peer"
                                + " \(wanPeer)"))
                }
            }
        }
    }

    // MARK: - NAT

    private func checkNAT(_ problems: inout [ConfigProblem]) {
        switch (product, nat) {
        case (.internet, nil):
            problems.append(ConfigProblem(field: "nat", message: "an internet line translates its LAN; nat is missing"))
        case (.internet, let nat?):
            if nat.inside.isEmpty {
                problems.append(ConfigProblem(field: "nat.inside", message: "is empty"))
            }
        case (_, .some):
            problems.append(ConfigProblem(field: "nat", message: "\(product.phrase) has no NAT"))
        case (_, nil):
            break
        }
    }

    // MARK: - Addresses

    private func checkUniqueAddresses(_ problems: inout [ConfigProblem]) {
        var seen: [(IPv4Address, String)] = [(wan.address, "wan.address"), (wanPeer, "wanPeer")]
        func add(_ address: IPv4Address, _ field: String) {
            if let first = seen.first(where: { $0.0 == address }) {
                problems.append(ConfigProblem(field: field, message: "\(address) is also \(first.1)"))
            } else {
                seen.append((address, field))
            }
        }
        for (index, interface) in extraWANs.enumerated() {
            add(interface.address, "extraWANs[\(index)].address")
            if let peer = interface.peer {
                add(peer, "extraWANs[\(index)].peer")
            }
        }
        add(lan.address, "lan.address")
        for (index, tunnel) in tunnels.enumerated() {
            if let customer = tunnel.customerInnerAddress, let ggsn = tunnel.ggsnInnerAddress {
                add(customer, "tunnels[\(index)].inner (customer end)")
                add(ggsn, "tunnels[\(index)].inner (GGSN end)")
            }
        }
    }
}
