public import Devices
import NetAddress

/// Reads a router configuration back: LinePlan's own output, or a pasted running configuration.
///
/// IOS text is read as `show running-config` shows it: global commands at column 0, interface
/// commands indented under `interface X`, `!` between blocks. VRP text may be a paste script
/// (`system-view`, blocks closed by `quit`, `return`, `save`) or `display current-configuration`
/// output (`#` between blocks); an indented line outside any block is read as a global command, so
/// display output whose global lines start with one space (vendor-configs.md §0.3) reads correctly.
///
///     let parsed = ConfigReader.read(text, dialect: .ios, file: "HQ.ios.cfg")
///     print(parsed.interface(named: "Tunnel0")?.tunnelDestination?.value as Any)
///
/// The reader works on the UTF-8 bytes, a line and its words at a time, without building substrings:
/// reading back is part of every render, which must keep up with tens of thousands per second.
public enum ConfigReader {
    /// Reads a configuration.
    ///
    /// - Parameters:
    ///   - text: The configuration text.
    ///   - dialect: Its dialect.
    ///   - file: The file name for problems.
    /// - Returns: What the configuration says; known commands that could not be read are in
    ///   ``ParsedConfig/problems``.
    /// - Complexity: O(*n*) in the length of the text.
    public static func read(_ text: String, dialect: ConfigDialect, file: String) -> ParsedConfig {
        var text = text
        return text.withUTF8 { bytes in
            var reader = LineReader(bytes: bytes, config: ParsedConfig(dialect: dialect, file: file))
            reader.readAll()
            return reader.config
        }
    }
}

/// A word of a line: a byte range of the text.
private struct Word {
    var start: Int
    var end: Int
}

/// The state of one read: the bytes, the words of the current line, the configuration so far and the
/// open block.
private struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var config: ParsedConfig
    /// The words of the current line: the first `wordCount` entries, the storage reused from line to line.
    var words: [Word] = Array(repeating: Word(start: 0, end: 0), count: 16)
    var wordCount = 0
    /// The current line's body (after indentation) and number.
    var bodyStart = 0
    var bodyEnd = 0
    var line = 0
    /// The interface whose block is open (its index), if any.
    var interface: Int?
    /// The VRP ACL whose block is open (its index), if any.
    var acl: Int?
    /// The E1 controller whose block is open (its index), if any.
    var controller: Int?

    init(bytes: UnsafeBufferPointer<UInt8>, config: ParsedConfig) {
        self.bytes = bytes
        self.config = config
    }

    mutating func readAll() {
        var start = 0
        let count = bytes.count
        while start <= count {
            var end = start
            while end < count, bytes[end] != 0x0A {
                end += 1
            }
            line += 1
            readLine(start, end)
            start = end + 1
        }
    }

    private mutating func readLine(_ start: Int, _ end: Int) {
        var last = end
        while last > start, bytes[last - 1] == 0x0D || bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 {
            last -= 1
        }
        var first = start
        while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 {
            first += 1
        }
        guard first < last else {
            return
        }
        bodyStart = first
        bodyEnd = last
        wordCount = 0
        var position = first
        while position < last {
            while position < last, bytes[position] == 0x20 || bytes[position] == 0x09 {
                position += 1
            }
            let wordStart = position
            while position < last, bytes[position] != 0x20, bytes[position] != 0x09 {
                position += 1
            }
            if wordStart < position {
                if wordCount < words.count {
                    words[wordCount] = Word(start: wordStart, end: position)
                } else {
                    words.append(Word(start: wordStart, end: position))
                }
                wordCount += 1
            }
        }
        let indented = first > start
        if config.dialect == .ios {
            readIOS(indented: indented)
        } else {
            readVRP(indented: indented)
        }
    }

    // MARK: - Words

    @inline(__always)
    private func word(_ index: Int) -> Word? {
        index < wordCount ? words[index] : nil
    }

    /// Whether word `index` is exactly `literal`.
    @inline(__always)
    private func isWord(_ index: Int, _ literal: StaticString) -> Bool {
        guard index < wordCount else {
            return false
        }
        let word = words[index]
        let length = literal.utf8CodeUnitCount
        guard word.end - word.start == length else {
            return false
        }
        let pointer = literal.utf8Start
        for offset in 0..<length where bytes[word.start + offset] != pointer[offset] {
            return false
        }
        return true
    }

    private func string(_ word: Word) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[word.start..<word.end]), as: UTF8.self)
    }

    /// The line's text from word `index` to the end of the line.
    private func rest(from index: Int) -> String {
        guard let word = word(index) else {
            return ""
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[word.start..<bodyEnd]), as: UTF8.self)
    }

    private var body: String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[bodyStart..<bodyEnd]), as: UTF8.self)
    }

    private func isAllDigits(_ word: Word) -> Bool {
        (word.start..<word.end).allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
    }

    // MARK: - IOS

    mutating func readIOS(indented: Bool) {
        if bytes[bodyStart] == UInt8(ascii: "!") {
            interface = nil
            controller = nil
            return
        }
        if indented {
            if interface != nil {
                readIOSInterface()
            } else if controller != nil {
                readController()
            }
            return
        }
        interface = nil
        controller = nil
        if isWord(0, "interface"), let name = word(1) {
            openInterface(name)
        } else if isWord(0, "controller"), isWord(1, "E1") || isWord(1, "e1"), let name = word(2) {
            openController(name)
        } else if isWord(0, "hostname"), wordCount == 2, let name = word(1) {
            config.hostname = Located(string(name), line: line)
        } else if isWord(0, "ip"), isWord(1, "route"), wordCount >= 5 {
            readRoute(from: 2)
        } else if isWord(0, "ip"), isWord(1, "nat"), isWord(2, "inside"), isWord(3, "source"), isWord(4, "list"),
            isWord(6, "interface"), let acl = word(5), let outside = word(7)
        {
            let overload = (8..<wordCount).contains { isWord($0, "overload") }
            config.natRules.append(
                ParsedConfig.NATRule(acl: string(acl), interface: string(outside), overload: overload, line: line))
        } else if isWord(0, "access-list"), wordCount >= 3 {
            readIOSAccessList()
        }
    }

    private mutating func readIOSInterface() {
        guard let index = interface else {
            return
        }
        if isWord(0, "description") {
            config.interfaces[index].description = Located(rest(from: 1), line: line)
        } else if isWord(0, "encapsulation") {
            if isWord(1, "dot1Q") || isWord(1, "dot1q") {
                config.interfaces[index].vlan = number(2).map { Located($0, line: line) }
            } else if isWord(1, "ppp") {
                config.interfaces[index].ppp = line
            }
        } else if isWord(0, "ip") {
            if isWord(1, "address"), wordCount >= 4 {
                readAddress(2, secondary: isWord(4, "secondary"))
            } else if isWord(1, "unnumbered"), let lender = word(2) {
                config.interfaces[index].unnumbered = Located(string(lender), line: line)
            } else if isWord(1, "mtu"), wordCount >= 3 {
                config.interfaces[index].mtu = number(2).map { Located($0, line: line) }
            } else if isWord(1, "tcp"), isWord(2, "adjust-mss"), wordCount >= 4 {
                config.interfaces[index].mss = number(3).map { Located($0, line: line) }
            } else if isWord(1, "nat"), isWord(2, "inside") {
                config.interfaces[index].natInside = line
            } else if isWord(1, "nat"), isWord(2, "outside") {
                config.interfaces[index].natOutside = line
            } else if isWord(1, "access-group"), isWord(3, "in"), let acl = word(2) {
                config.interfaces[index].inboundFilter = Located(string(acl), line: line)
            }
        } else if isWord(0, "keepalive") {
            readKeepalive(defaultPeriod: 10)
        } else if isWord(0, "tunnel"), wordCount >= 3 {
            if isWord(1, "source"), let source = word(2) {
                config.interfaces[index].tunnelSource = Located(string(source), line: line)
            } else if isWord(1, "destination") {
                config.interfaces[index].tunnelDestination = address(2).map { Located($0, line: line) }
            } else if isWord(1, "mode"), isWord(2, "gre"), isWord(3, "ip") {
                config.interfaces[index].greMode = line
            } else if isWord(1, "key") {
                config.interfaces[index].key = key(2)
            }
        }
    }

    private mutating func readIOSAccessList() {
        guard let idWord = word(1), isWord(2, "permit") || isWord(2, "deny") else {
            return
        }
        let id = string(idWord)
        let permit = isWord(2, "permit")
        var next = 3
        if let number = Int(id), (100...199).contains(number) || (2000...2699).contains(number) {
            guard isWord(3, "ip") else {
                problem("cannot read '\(body)': LinePlan reads only 'ip' entries of extended ACLs")
                return
            }
            next = 4
        }
        guard let source = sourceSpec(from: next) else {
            return
        }
        appendEntry(to: id, ACLEntry(permit: permit, source: source.prefix))
    }

    // MARK: - VRP

    mutating func readVRP(indented: Bool) {
        if bytes[bodyStart] == UInt8(ascii: "#") || (wordCount == 1 && isWord(0, "quit")) {
            interface = nil
            acl = nil
            controller = nil
            return
        }
        if indented, interface != nil {
            readVRPInterface()
            return
        }
        if indented, controller != nil {
            readController()
            return
        }
        if indented, let open = acl {
            readVRPRule(acl: open)
            return
        }
        interface = nil
        acl = nil
        controller = nil
        if isWord(0, "interface"), let name = word(1) {
            openInterface(name)
        } else if isWord(0, "controller"), isWord(1, "e1") || isWord(1, "E1"), let name = word(2) {
            openController(name)
        } else if isWord(0, "sysname"), wordCount == 2, let name = word(1) {
            config.hostname = Located(string(name), line: line)
        } else if isWord(0, "ip"), isWord(1, "route-static"), wordCount >= 5 {
            readRoute(from: 2)
        } else if isWord(0, "acl"), wordCount >= 2 {
            guard let idWord = isWord(1, "number") ? word(2) : word(1) else {
                return
            }
            let id = string(idWord)
            if let existing = config.acls.firstIndex(where: { $0.id == id }) {
                acl = existing
            } else {
                config.acls.append(ParsedConfig.ACL(id: id, line: line))
                acl = config.acls.count - 1
            }
        } else if isWord(0, "firewall"), isWord(1, "enable"), wordCount == 2 {
            config.firewallEnabled = line
        }
    }

    private mutating func readVRPInterface() {
        guard let index = interface else {
            return
        }
        if isWord(0, "description") {
            config.interfaces[index].description = Located(rest(from: 1), line: line)
        } else if isWord(0, "ip"), isWord(1, "address"), wordCount >= 3 {
            if isWord(2, "unnumbered") {
                if isWord(3, "interface"), let lender = word(4) {
                    config.interfaces[index].unnumbered = Located(string(lender), line: line)
                }
            } else if wordCount >= 4 {
                readAddress(2, secondary: isWord(4, "sub"))
            }
        } else if isWord(0, "link-protocol"), isWord(1, "ppp") {
            config.interfaces[index].ppp = line
        } else if isWord(0, "dot1q"), isWord(1, "termination"), isWord(2, "vid"), wordCount >= 4 {
            config.interfaces[index].vlan = number(3).map { Located($0, line: line) }
        } else if isWord(0, "vlan-type"), isWord(1, "dot1q"), isWord(2, "vid"), wordCount >= 4 {
            config.interfaces[index].vlan = number(3).map { Located($0, line: line) }
        } else if isWord(0, "arp"), isWord(1, "broadcast"), isWord(2, "enable") {
            config.interfaces[index].arpBroadcast = line
        } else if isWord(0, "tunnel-protocol"), isWord(1, "gre") {
            config.interfaces[index].greMode = line
        } else if isWord(0, "source"), let source = word(1) {
            config.interfaces[index].tunnelSource = Located(string(source), line: line)
        } else if isWord(0, "destination"), wordCount >= 2 {
            config.interfaces[index].tunnelDestination = address(1).map { Located($0, line: line) }
        } else if isWord(0, "keepalive") {
            readKeepalive(defaultPeriod: config.dialect == .vrp5 ? 5 : 10)
        } else if isWord(0, "mtu"), wordCount >= 2 {
            config.interfaces[index].mtu = number(1).map { Located($0, line: line) }
        } else if isWord(0, "tcp"), isWord(1, "adjust-mss"), wordCount >= 3 {
            config.interfaces[index].mss = number(2).map { Located($0, line: line) }
        } else if isWord(0, "gre"), isWord(1, "key"), wordCount >= 3 {
            config.interfaces[index].key = key(wordCount >= 4 && (isWord(2, "plain") || isWord(2, "cipher")) ? 3 : 2)
        } else if isWord(0, "firewall"), isWord(1, "packet-filter"), isWord(3, "inbound"), let acl = word(2) {
            config.interfaces[index].inboundFilter = Located(string(acl), line: line)
        } else if isWord(0, "traffic-filter"), isWord(1, "inbound"), isWord(2, "acl"), let acl = word(3) {
            config.interfaces[index].inboundFilter = Located(string(acl), line: line)
        } else if isWord(0, "nat"), isWord(1, "outbound"), let acl = word(2) {
            config.interfaces[index].natOutbound = Located(string(acl), line: line)
        }
    }

    private mutating func readVRPRule(acl index: Int) {
        guard isWord(0, "rule") else {
            return
        }
        var next = 1
        if let number = word(1), isAllDigits(number) {
            next = 2
        }
        guard isWord(next, "permit") || isWord(next, "deny") else {
            problem("cannot read '\(body)': expected 'permit' or 'deny'")
            return
        }
        let permit = isWord(next, "permit")
        next += 1
        if isWord(next, "ip") {
            next += 1
        }
        var source: IPv4Prefix?
        if isWord(next, "source") {
            guard let spec = sourceSpec(from: next + 1) else {
                return
            }
            source = spec.prefix
        }
        config.acls[index].entries.append(Located(ACLEntry(permit: permit, source: source), line: line))
    }

    // MARK: - Shared pieces

    private mutating func openInterface(_ nameWord: Word) {
        let name = string(nameWord)
        if let first = config.interfaces.first(where: { $0.name == name }) {
            problem("interface \(name) is defined twice (first at line \(first.line))")
        }
        config.interfaces.append(ParsedConfig.Interface(name: name, line: line))
        interface = config.interfaces.count - 1
    }

    private mutating func openController(_ nameWord: Word) {
        let name = string(nameWord)
        if let first = config.controllers.first(where: { $0.name == name }) {
            problem("controller \(name) is defined twice (first at line \(first.line))")
        }
        config.controllers.append(ParsedConfig.Controller(name: name, line: line))
        controller = config.controllers.count - 1
    }

    /// Reads a line of an E1 controller block: `framing X`, `channel-group N timeslots T` (IOS), `using ce1`,
    /// `channel-set N timeslot-list T` (VRP).
    private mutating func readController() {
        guard let index = controller else {
            return
        }
        if isWord(0, "framing"), let framing = word(1) {
            config.controllers[index].framing = Located(string(framing), line: line)
        } else if isWord(0, "using"), isWord(1, "ce1") {
            config.controllers[index].usingCE1 = line
        } else if (isWord(0, "channel-group") && isWord(2, "timeslots"))
            || (isWord(0, "channel-set") && isWord(2, "timeslot-list")),
            let timeslots = word(3)
        {
            guard let number = number(1) else {
                return
            }
            config.controllers[index].channels.append(
                ParsedConfig.Channel(number: number, timeslots: string(timeslots), line: line))
        }
    }

    /// Reads `A M` at word `index` into the open interface: its address, or one more secondary.
    private mutating func readAddress(_ index: Int, secondary: Bool = false) {
        guard let open = interface, let host = address(index), let mask = address(index + 1) else {
            return
        }
        guard DottedQuad.length(ofMask: mask) != nil else {
            problem("cannot read '\(body)': \(DottedQuad.text(mask)) is not a netmask")
            return
        }
        let value = Located(ParsedConfig.AddressMask(address: host, mask: mask), line: line)
        if secondary {
            config.interfaces[open].secondaries.append(value)
        } else {
            config.interfaces[open].address = value
        }
    }

    /// Reads `A M NH` of a static route from word `index`.
    private mutating func readRoute(from index: Int) {
        guard let network = address(index), let mask = address(index + 1), let hop = word(index + 2) else {
            return
        }
        guard let prefix = DottedQuad.prefix(network, mask: mask) else {
            problem(
                "cannot read '\(body)': \(DottedQuad.text(network)) \(DottedQuad.text(mask)) is not a network and its"
                    + " mask")
            return
        }
        let nextHop: ParsedConfig.NextHop
        if let gateway = DottedQuad.parse(bytes, hop.start, hop.end) {
            nextHop = .address(gateway)
        } else if Self.isLetter(bytes[hop.start]) {
            nextHop = .interface(string(hop))
        } else {
            problem("cannot read '\(body)': '\(string(hop))' is neither an address nor an interface")
            return
        }
        var distance: Int?
        if config.dialect == .ios {
            if let word = word(index + 3), isAllDigits(word) {
                distance = number(index + 3)
            }
        } else if let position = (index + 3..<max(index + 3, wordCount)).first(where: { isWord($0, "preference") }) {
            distance = number(position + 1)
        }
        config.routes.append(ParsedConfig.Route(prefix: prefix, nextHop: nextHop, distance: distance, line: line))
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    private mutating func readKeepalive(defaultPeriod: Int) {
        guard let open = interface else {
            return
        }
        var period = defaultPeriod
        var retries = 3
        if isWord(1, "period") {
            guard let value = number(2) else {
                return
            }
            period = value
            if isWord(3, "retry-times") {
                guard let value = number(4) else {
                    return
                }
                retries = value
            }
        } else if wordCount >= 2 {
            guard let value = number(1) else {
                return
            }
            period = value
            if wordCount >= 3 {
                guard let value = number(2) else {
                    return
                }
                retries = value
            }
        }
        config.interfaces[open].keepalive = Located(
            ParsedConfig.Keepalive(period: period, retries: retries), line: line)
    }

    /// What an ACL entry matches as its source.
    private enum Source {
        case any
        case prefix(IPv4Prefix)

        var prefix: IPv4Prefix? {
            if case .prefix(let prefix) = self {
                return prefix
            }
            return nil
        }
    }

    /// A source from word `index`: `any`, `host A`, `A W`, or a lone `A`.
    private mutating func sourceSpec(from index: Int) -> Source? {
        guard index < wordCount else {
            problem("cannot read '\(body)': the source is missing")
            return nil
        }
        if isWord(index, "any") {
            return .any
        }
        if isWord(index, "host") {
            return address(index + 1).flatMap(ConfigIntent.hostPrefix).map { .prefix($0) }
        }
        guard let network = address(index) else {
            return nil
        }
        guard index + 1 < wordCount else {
            return ConfigIntent.hostPrefix(network).map { .prefix($0) }
        }
        guard let wildcard = address(index + 1) else {
            return nil
        }
        guard let length = DottedQuad.length(ofWildcard: wildcard),
            let prefix = try? IPv4Prefix(network: network, length: length)
        else {
            problem(
                "cannot read '\(body)': \(DottedQuad.text(network)) \(DottedQuad.text(wildcard)) is not a network and"
                    + " its wildcard")
            return nil
        }
        return .prefix(prefix)
    }

    private mutating func appendEntry(to id: String, _ entry: ACLEntry) {
        if let index = config.acls.firstIndex(where: { $0.id == id }) {
            config.acls[index].entries.append(Located(entry, line: line))
        } else {
            config.acls.append(ParsedConfig.ACL(id: id, line: line, entries: [Located(entry, line: line)]))
        }
    }

    private mutating func address(_ index: Int) -> IPv4Address? {
        guard let word = word(index) else {
            problem("cannot read '\(body)': an address is missing")
            return nil
        }
        guard let address = DottedQuad.parse(bytes, word.start, word.end) else {
            problem("cannot read '\(body)': '\(string(word))' is not an IPv4 address")
            return nil
        }
        return address
    }

    private mutating func number(_ index: Int) -> Int? {
        guard let word = word(index) else {
            return nil
        }
        guard word.end - word.start <= 9, isAllDigits(word), let value = Int(string(word)) else {
            problem("cannot read '\(body)': '\(string(word))' is not a number")
            return nil
        }
        return value
    }

    private mutating func key(_ index: Int) -> Located<UInt32>? {
        guard let word = word(index) else {
            return nil
        }
        guard isAllDigits(word), let value = UInt32(string(word)) else {
            problem("cannot read '\(body)': '\(string(word))' is not a GRE key (0...4294967295)")
            return nil
        }
        return Located(value, line: line)
    }

    private mutating func problem(_ message: String) {
        config.problems.append(ConfigProblem(file: config.file, line: line, message: message))
    }
}
