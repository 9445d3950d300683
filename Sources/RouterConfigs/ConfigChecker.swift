import Devices
import NetAddress

/// Checks a configuration, read back, against the intent it was rendered from.
///
/// What is checked (issue 5, issue 9): the hostname; every planned interface (WANs, LAN) exists with the
/// planned address, inside its allocated block and with the block's mask, and with exactly the planned
/// secondary addresses; a dot1Q WAN has its VLAN and its trunk port defined (and, on VRP 5, `arp broadcast
/// enable`); an E1 WAN's controller is defined with the planned channel and timeslots; E1 and V.35 WANs
/// run PPP; every tunnel's source, destination, inner
/// address (or IP unnumbered to the WAN port), keepalive, MTU, MSS (where the dialect clamps it) and
/// key; no interface carries an address outside the plan; every referenced interface and ACL is
/// defined; no address is on two interfaces; the static routes are exactly the planned ones, distance
/// included (an unwritten distance is the dialect's default), and each
/// tunnel destination is reached through the WAN next hop, never through a tunnel; for internet lines
/// the NAT and anti-spoofing ACLs hold exactly the planned entries and are bound to the right
/// interfaces. Every problem names the line of the configuration (0 when something is missing).
///
///     let problems = ConfigChecker.check(ConfigReader.read(text, dialect: .ios, file: "HQ.ios.cfg"),
///                                        against: intent)
public enum ConfigChecker {
    /// Checks a read-back configuration.
    ///
    /// - Parameters:
    ///   - parsed: The configuration as read back.
    ///   - intent: The plan it must match.
    /// - Returns: Every mismatch, in the order checked; empty when the configuration matches.
    /// - Complexity: O(*i* × (*i* + *r* + *a*)) for *i* interfaces, *r* routes and *a* ACLs, all small.
    public static func check(_ parsed: ParsedConfig, against intent: ConfigIntent) -> [ConfigProblem] {
        var checker = Checker(parsed: parsed, intent: intent)
        checker.run()
        return checker.problems
    }
}

private struct Checker {
    let parsed: ParsedConfig
    let intent: ConfigIntent
    var problems: [ConfigProblem] = []

    init(parsed: ParsedConfig, intent: ConfigIntent) {
        self.parsed = parsed
        self.intent = intent
        problems = parsed.problems
    }

    mutating func run() {
        checkHostname()
        for planned in intent.wans {
            checkPlannedInterface(planned, role: "WAN")
        }
        checkPlannedInterface(intent.lan, role: "LAN")
        for index in intent.tunnels.indices {
            checkTunnel(index)
        }
        checkUnplannedInterfaces()
        checkReferences()
        checkDuplicateAddresses()
        checkRoutes()
        checkNAT()
    }

    private mutating func problem(_ line: Int, _ message: String) {
        problems.append(ConfigProblem(file: parsed.file, line: line, message: message))
    }

    // MARK: - Hostname

    private mutating func checkHostname() {
        guard let hostname = parsed.hostname else {
            problem(0, "no hostname; the plan has '\(intent.hostname)'")
            return
        }
        if hostname.value != intent.hostname {
            problem(hostname.line, "hostname is '\(hostname.value)'; the plan has '\(intent.hostname)'")
        }
    }

    // MARK: - Interfaces

    private mutating func checkPlannedInterface(_ planned: ConfigIntent.Interface, role: String) {
        var label: String { "\(planned.name) (\(role))" }
        guard let found = parsed.interface(named: planned.name) else {
            problem(0, "interface \(label) is missing; the plan puts \(planned.address)/\(planned.block.length) on it")
            return
        }
        checkLink(planned, found: found, label: label)
        checkSecondaries(planned, found: found, label: label)
        guard let address = found.address else {
            problem(
                found.line,
                "\(label) has no address; the plan has \(planned.address) \(DottedQuad.text(planned.block.netmask))")
            return
        }
        checkAddress(address, expected: planned.address, block: planned.block, label: label)
    }

    private mutating func checkLink(
        _ planned: ConfigIntent.Interface, found: ParsedConfig.Interface, label: @autoclosure () -> String
    ) {
        let isIOS = parsed.dialect == .ios
        switch (planned.link.vlan, found.vlan) {
        case (let vlan?, let foundVLAN?):
            if foundVLAN.value != vlan {
                problem(foundVLAN.line, "\(label()) VLAN is \(foundVLAN.value); the plan has \(vlan)")
            }
        case (let vlan?, nil):
            let command =
                isIOS
                ? "encapsulation dot1Q" : parsed.dialect == .vrp5 ? "dot1q termination vid" : "vlan-type dot1q vid"
            problem(found.line, "\(label()) has no 802.1Q VLAN ('\(command) \(vlan)'); the plan has VLAN \(vlan)")
        case (nil, let foundVLAN?):
            problem(foundVLAN.line, "\(label()) has VLAN \(foundVLAN.value); the plan has no 802.1Q sub-interface")
        case (nil, nil):
            break
        }
        if let parent = planned.link.parent {
            if !parsed.hasInterface(named: parent) {
                problem(
                    found.line,
                    "\(label())'s trunk port \(parent) is not defined; the plan writes it before its sub-interfaces")
            }
            if parsed.dialect == .vrp5, found.arpBroadcast == nil {
                problem(found.line, "\(label()) lacks 'arp broadcast enable', so the sub-interface answers no ARP")
            }
        }
        if case .e1(let name, let timeslots) = planned.link {
            checkController(
                name, timeslots: timeslots, channel: planned.link.channel(of: planned.name), label: label(),
                line: found.line)
        }
        if planned.link.isPPP, found.ppp == nil {
            problem(
                found.line, "\(label()) lacks '\(isIOS ? "encapsulation ppp" : "link-protocol ppp")'; the plan runs PPP"
            )
        }
    }

    private mutating func checkController(
        _ name: String, timeslots: ClosedRange<Int>, channel: Int?, label: String, line: Int
    ) {
        let planned = ConfigIntent.LinkLayer.timeslotText(timeslots)
        let isIOS = parsed.dialect == .ios
        guard let controller = parsed.controller(named: name) else {
            problem(
                line,
                "\(label) is a channel of E1 \(name), which the configuration does not define (the plan has"
                    + " \(isIOS ? "channel-group" : "channel-set") \(channel ?? 0), timeslots \(planned))")
            return
        }
        if isIOS, let framing = controller.framing, framing.value != "crc4" {
            problem(framing.line, "E1 \(name) framing is \(framing.value); the plan has crc4")
        }
        if !isIOS, controller.usingCE1 == nil {
            problem(controller.line, "E1 \(name) lacks 'using ce1', so it is not channelised")
        }
        let what = isIOS ? "channel-group" : "channel-set"
        guard let found = controller.channels.first(where: { $0.number == channel }) else {
            problem(
                controller.line,
                "E1 \(name) has no \(what) \(channel ?? 0); the plan has timeslots \(planned) for \(label)")
            return
        }
        if found.timeslots != planned {
            problem(
                found.line,
                "E1 \(name) \(what) \(found.number) has timeslots \(found.timeslots); the plan has \(planned)")
        }
    }

    private mutating func checkSecondaries(
        _ planned: ConfigIntent.Interface, found: ParsedConfig.Interface, label: @autoclosure () -> String
    ) {
        var unmatched = found.secondaries
        var missing: [IPv4Prefix] = []
        for block in planned.secondaries {
            if let position = unmatched.firstIndex(where: {
                $0.value.address == block.firstHost && $0.value.mask == block.netmask
            }) {
                unmatched.remove(at: position)
            } else {
                missing.append(block)
            }
        }
        for block in missing {
            let expected = "\(block.firstHost) \(DottedQuad.text(block.netmask)) (\(block))"
            if !unmatched.isEmpty {
                let wrong = unmatched.removeFirst()
                problem(
                    wrong.line,
                    "\(label()) secondary address is \(wrong.value.address) \(DottedQuad.text(wrong.value.mask)); the"
                        + " plan has \(expected)")
            } else {
                problem(found.line, "\(label()) lacks the secondary address \(expected)")
            }
        }
        for extra in unmatched {
            problem(
                extra.line,
                "\(label()) secondary address \(extra.value.address) \(DottedQuad.text(extra.value.mask)) is not in the plan"
            )
        }
    }

    private mutating func checkAddress(
        _ located: Located<ParsedConfig.AddressMask>, expected: IPv4Address, block: IPv4Prefix,
        label: @autoclosure () -> String
    ) {
        let address = located.value.address
        if !block.contains(address) {
            problem(
                located.line, "\(label()) address \(address) lies outside its block \(block); the plan has \(expected)")
        } else if address != expected {
            problem(located.line, "\(label()) address is \(address); the plan has \(expected)")
        }
        if located.value.mask != block.netmask {
            problem(
                located.line,
                "\(label()) mask is \(located.value.mask); its block \(block) has \(DottedQuad.text(block.netmask))")
        }
    }

    private mutating func checkTunnel(_ index: Int) {
        let tunnel = intent.tunnels[index]
        let name = intent.tunnelName(index)
        let wan = intent.wan
        guard let found = parsed.interface(named: name) else {
            problem(0, "interface \(name) (GRE to \(tunnel.ggsn)) is missing")
            return
        }
        if let inner = tunnel.inner, let customer = tunnel.customerInnerAddress {
            if let address = found.address {
                checkAddress(address, expected: customer, block: inner, label: name)
            } else if let borrowed = found.unnumbered {
                problem(
                    borrowed.line,
                    "\(name) borrows the address of \(borrowed.value); the plan numbers it \(customer) from \(inner)")
            } else {
                problem(
                    found.line, "\(name) has no address; the plan has \(customer) \(DottedQuad.text(inner.netmask))")
            }
        } else if let address = found.address {
            problem(
                address.line,
                "\(name) has address \(address.value.address); the plan borrows the address of \(wan.name) (IP unnumbered)"
            )
        } else if let borrowed = found.unnumbered {
            if borrowed.value != wan.name {
                problem(
                    borrowed.line,
                    "\(name) borrows the address of \(borrowed.value); the plan borrows \(wan.name) (WAN)")
            }
        } else {
            problem(found.line, "\(name) has no address; the plan borrows the address of \(wan.name) (IP unnumbered)")
        }
        checkSource(found, name: name)
        if let destination = found.tunnelDestination {
            if destination.value != tunnel.destination {
                problem(
                    destination.line,
                    "\(name) destination is \(destination.value); the plan has \(tunnel.destination) (\(tunnel.ggsn))")
            }
        } else {
            problem(
                found.line, "\(name) has no tunnel destination; the plan has \(tunnel.destination) (\(tunnel.ggsn))")
        }
        if parsed.dialect != .ios, found.greMode == nil {
            problem(found.line, "\(name) lacks 'tunnel-protocol gre'")
        }
        var planned: String { "\(tunnel.keepalive.period) s × \(tunnel.keepalive.retries)" }
        if let keepalive = found.keepalive {
            if keepalive.value.period != tunnel.keepalive.period || keepalive.value.retries != tunnel.keepalive.retries
            {
                problem(
                    keepalive.line,
                    "\(name) keepalive is \(keepalive.value.period) s × \(keepalive.value.retries); the plan has \(planned)"
                )
            }
        } else {
            problem(found.line, "\(name) has no keepalive; the plan has \(planned)")
        }
        checkNumber(found.mtu, planned: tunnel.mtu, what: "MTU", name: name, line: found.line)
        if parsed.dialect.clampsTCPMSS {
            checkNumber(found.mss, planned: tunnel.mss, what: "TCP MSS", name: name, line: found.line)
        }
        if found.key?.value != tunnel.key {
            if let key = found.key {
                problem(
                    key.line, "\(name) GRE key is \(key.value); the plan has \(tunnel.key.map(String.init) ?? "none")")
            } else if let key = tunnel.key {
                problem(found.line, "\(name) has no GRE key; the plan has \(key)")
            }
        }
    }

    private mutating func checkSource(_ found: ParsedConfig.Interface, name: String) {
        let wanAddress = intent.wan.address
        guard let source = found.tunnelSource else {
            problem(found.line, "\(name) has no tunnel source; the plan has \(wanAddress) (the WAN address)")
            return
        }
        if let address = DottedQuad.parse(source.value[...]) {
            if address != wanAddress {
                problem(source.line, "\(name) source is \(address); the plan has \(wanAddress) (the WAN address)")
            }
        } else if parsed.hasInterface(named: source.value) {
            guard let address = parsed.address(ofInterface: source.value) else {
                problem(
                    source.line,
                    "\(name) source \(source.value) has no address; the plan has \(wanAddress) (the WAN address)")
                return
            }
            if address != wanAddress {
                problem(
                    source.line,
                    "\(name) source is \(source.value) (\(address)); the plan has \(wanAddress) (the WAN address)")
            }
        }
    }

    private mutating func checkNumber(_ found: Located<Int>?, planned: Int, what: String, name: String, line: Int) {
        if let found {
            if found.value != planned {
                problem(found.line, "\(name) \(what) is \(found.value); the plan has \(planned)")
            }
        } else {
            problem(line, "\(name) has no \(what); the plan has \(planned)")
        }
    }

    private func isPlanned(_ name: String) -> Bool {
        if name == intent.lan.name || intent.wans.contains(where: { $0.name == name }) {
            return true
        }
        return intent.tunnels.indices.contains { intent.tunnelName($0) == name }
    }

    private mutating func checkUnplannedInterfaces() {
        let interfaces = parsed.interfaces
        for index in interfaces.indices where !isPlanned(interfaces[index].name) {
            let name = interfaces[index].name
            if let address = interfaces[index].address {
                problem(address.line, "\(name) has address \(address.value.address), which is in no block of the plan")
            } else if name.hasPrefix("Tunnel") {
                problem(interfaces[index].line, "interface \(name) is not in the plan")
            }
        }
    }

    // MARK: - References

    private mutating func checkReferences() {
        let interfaces = parsed.interfaces
        for index in interfaces.indices {
            let name = interfaces[index].name
            if let lender = interfaces[index].unnumbered, !parsed.hasInterface(named: lender.value) {
                problem(
                    lender.line,
                    "\(name) borrows the address of \(lender.value), which the configuration does not define")
            }
            if let source = interfaces[index].tunnelSource, DottedQuad.parse(source.value[...]) == nil,
                !parsed.hasInterface(named: source.value)
            {
                problem(
                    source.line,
                    "\(name) takes its tunnel source from \(source.value), which the configuration does not define")
            }
            if let filter = interfaces[index].inboundFilter, !parsed.hasACL(filter.value) {
                problem(
                    filter.line,
                    "\(name) filters inbound with ACL \(filter.value), which the configuration does not define")
            }
            if let nat = interfaces[index].natOutbound, !parsed.hasACL(nat.value) {
                problem(
                    nat.line,
                    "\(name) translates the sources of ACL \(nat.value), which the configuration does not define")
            }
        }
        for route in parsed.routes {
            if case .interface(let name) = route.nextHop, !parsed.hasInterface(named: name) {
                problem(
                    route.line,
                    "the route to \(route.prefix) goes through \(name), which the configuration does not define")
            }
        }
        for rule in parsed.natRules {
            if !parsed.hasACL(rule.acl) {
                problem(
                    rule.line,
                    "the NAT rule translates the sources of ACL \(rule.acl), which the configuration does not define")
            }
            if !parsed.hasInterface(named: rule.interface) {
                problem(
                    rule.line,
                    "the NAT rule uses the address of \(rule.interface), which the configuration does not define")
            }
        }
    }

    private mutating func checkDuplicateAddresses() {
        let interfaces = parsed.interfaces
        var seen: [(address: UInt32, index: Int)] = []
        seen.reserveCapacity(interfaces.count)
        for index in interfaces.indices {
            guard let address = interfaces[index].address else {
                continue
            }
            let value = address.value.address.value
            if let first = seen.first(where: { $0.address == value }) {
                let other = interfaces[first.index]
                problem(
                    address.line,
                    "address \(address.value.address) of \(interfaces[index].name) is also on \(other.name) (line"
                        + " \(other.address?.line ?? other.line))")
            } else {
                seen.append((value, index))
            }
        }
    }

    // MARK: - Routes

    private func nextHop(_ planned: ConfigIntent.Route.NextHop) -> ParsedConfig.NextHop {
        switch planned {
        case .address(let address): .address(address)
        case .tunnel(let index): .interface(intent.tunnelName(index))
        }
    }

    /// A route's distance as the router uses it: the written one, or the dialect's default (IOS 1, VRP 60).
    private func effectiveDistance(_ distance: Int?) -> Int {
        distance ?? parsed.defaultDistance
    }

    private mutating func checkRoutes() {
        let expected = intent.routes.map {
            (prefix: $0.prefix, nextHop: nextHop($0.nextHop), distance: effectiveDistance($0.distance))
        }
        var matched = Set<Int>()
        for route in expected {
            if let found = parsed.routes.firstIndex(where: {
                $0.prefix == route.prefix && $0.nextHop == route.nextHop
                    && effectiveDistance($0.distance) == route.distance
            }) {
                matched.insert(found)
                continue
            }
            let same = parsed.routes.indices.filter {
                !matched.contains($0) && parsed.routes[$0].prefix == route.prefix
                    && parsed.routes[$0].nextHop == route.nextHop
            }
            if let position = same.first {
                let found = parsed.routes[position]
                matched.insert(position)
                problem(
                    found.line,
                    "the route to \(route.prefix) through \(route.nextHop) has distance"
                        + " \(effectiveDistance(found.distance)); the plan has \(route.distance)")
            } else if route.distance != effectiveDistance(nil) {
                let primary = parsed.routes.last { $0.prefix == route.prefix }
                problem(
                    primary?.line ?? 0,
                    "the floating route to \(route.prefix) through \(route.nextHop) (distance \(route.distance)) is"
                        + " missing" + (primary == nil ? "" : ", so this route has no backup"))
            } else {
                problem(0, "the route to \(route.prefix) through \(route.nextHop) is missing")
            }
        }
        for (position, route) in parsed.routes.enumerated() where !matched.contains(position) {
            problem(route.line, "the route to \(route.prefix) through \(route.nextHop) is not in the plan")
        }
        let tunnelNames = intent.tunnels.indices.map(intent.tunnelName)
        for tunnel in intent.tunnels {
            let covering = parsed.routes.filter { $0.prefix.contains(tunnel.destination) }
            guard let longest = covering.map(\.prefix.length).max() else {
                continue
            }
            for route in covering where route.prefix.length == longest {
                if case .interface(let name) = route.nextHop, tunnelNames.contains(name) || name.hasPrefix("Tunnel") {
                    problem(
                        route.line,
                        "the route to \(tunnel.destination) (\(tunnel.ggsn)'s tunnel destination) goes through \(name),"
                            + " so the tunnel would run through itself; it must go through the WAN next hop"
                            + " \(intent.wanPeer)")
                }
            }
        }
    }

    // MARK: - NAT

    private mutating func checkNAT() {
        guard intent.product == .internet, intent.nat != nil else {
            for interface in parsed.interfaces {
                for line in [interface.natInside, interface.natOutside, interface.natOutbound?.line].compactMap({ $0 })
                {
                    problem(line, "NAT on \(interface.name) is not in the plan")
                }
            }
            for rule in parsed.natRules {
                problem(rule.line, "the NAT rule is not in the plan")
            }
            return
        }
        guard let wan = parsed.interface(named: intent.wan.name), let lan = parsed.interface(named: intent.lan.name)
        else {
            return
        }
        var wanLabel: String { "\(wan.name) (WAN)" }
        if parsed.dialect == .ios {
            if wan.natOutside == nil {
                problem(wan.line, "\(wanLabel) lacks 'ip nat outside'")
            }
            if lan.natInside == nil {
                problem(lan.line, "\(lan.name) (LAN) lacks 'ip nat inside'")
            }
            if let rule = parsed.natRules.first(where: { $0.interface == wan.name }) {
                if !rule.overload {
                    problem(rule.line, "the NAT rule lacks 'overload', so only one inside host at a time can go out")
                }
                compareACL(rule.acl, expected: intent.natEntries)
            } else {
                problem(
                    0,
                    "no NAT rule translates to the address of \(wan.name) ('ip nat inside source list … interface"
                        + " \(wan.name) overload')")
            }
        } else if let nat = wan.natOutbound {
            compareACL(nat.value, expected: intent.natEntries)
        } else {
            problem(wan.line, "\(wanLabel) lacks 'nat outbound'")
        }
        if let filter = wan.inboundFilter {
            compareACL(filter.value, expected: intent.filterEntries)
        } else {
            problem(wan.line, "\(wanLabel) has no inbound anti-spoofing filter")
        }
        if parsed.dialect == .vrp3, wan.inboundFilter != nil, parsed.firewallEnabled == nil {
            problem(0, "'firewall enable' is missing; VRP 3 applies no packet filter without it")
        }
    }

    private mutating func compareACL(_ id: String, expected: [ACLEntry]) {
        guard let acl = parsed.acl(id) else {
            return
        }
        for (position, entry) in expected.enumerated() {
            guard position < acl.entries.count else {
                problem(
                    acl.entries.last?.line ?? acl.line,
                    "ACL \(id) ends after \(acl.entries.count) entries; the plan continues with '\(entry)'")
                return
            }
            let found = acl.entries[position]
            if found.value != entry {
                problem(found.line, "ACL \(id) entry \(position + 1) is '\(found.value)'; the plan has '\(entry)'")
            }
        }
        for extra in acl.entries.dropFirst(expected.count) {
            problem(extra.line, "ACL \(id) entry '\(extra.value)' is not in the plan")
        }
    }
}
