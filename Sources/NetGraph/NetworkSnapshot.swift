import LocatedJSON
import NetAddress

/// A validated network in a binary form that loads again without parsing or checking: the file of
/// the network cache (issue 17).
///
/// A snapshot is a 64-byte header — the magic `LPNC`, ``formatVersion``, the size and BLAKE2b-256 of the
/// network file it was made from, the payload's size and checksum — and the payload: the network's
/// rooms, nodes, links, pools, policy and warnings, with variable-length integers and length-prefixed
/// UTF-8 strings. ``decode(_:source:name:)`` gives `nil` for anything but an intact snapshot of this
/// version made from the same file: a truncated, corrupted or foreign file is never a crash and never
/// a wrong network.
///
///     let key = NetworkCacheKey(fileBytes: bytes)
///     let loaded = try Network.load(name: path, bytes: bytes)
///     let snapshot = NetworkSnapshot.encode(loaded, source: key)
///     let again = NetworkSnapshot.decode(snapshot, source: key, name: path)   // the same network
public enum NetworkSnapshot {
    /// The layout's version.
    ///
    /// Bump it whenever the model or the layout changes (a field of ``Node``, ``Link``, ``Room``,
    /// ``Pool``, ``Policy``, a case of their enums): older snapshots then miss.
    public static let formatVersion: UInt32 = 1

    /// The header's size in bytes.
    static let headerSize = 64

    private static let magic: [UInt8] = Array("LPNC".utf8)

    /// A network and its warnings as snapshot bytes.
    ///
    /// - Parameters:
    ///   - loaded: A network that validated, with its warnings.
    ///   - source: The key of the file it was read from.
    /// - Returns: The snapshot.
    /// - Complexity: O(size of the network).
    public static func encode(_ loaded: LoadedNetwork, source: NetworkCacheKey) -> [UInt8] {
        let network = loaded.network
        var payload = SnapshotWriter(capacity: 64 * (network.nodes.count + network.links.count) + 4096)
        payload.bool(loaded.isNamedAfterFile)
        payload.string(network.name)
        payload.count(network.rooms.count)
        for room in network.rooms {
            payload.string(room.id)
            payload.string(room.name)
            payload.optional(room.location) { $0.location($1) }
            payload.optional(room.region) { $0.string($1) }
        }
        payload.count(network.nodes.count)
        for node in network.nodes { payload.node(node) }
        payload.count(network.links.count)
        for link in network.links { payload.link(link) }
        payload.count(network.pools.count)
        for pool in network.pools {
            payload.string(pool.id)
            payload.enumeration(pool.purpose, in: SnapshotCases.purposes)
            payload.fixed32(pool.prefix.network.value)
            payload.integer(pool.prefix.length)
            payload.optional(pool.region) { $0.string($1) }
        }
        let overridden = network.policy.overriddenKeys
        payload.count(overridden.count)
        for key in overridden {
            payload.enumeration(key, in: SnapshotCases.policyKeys)
            payload.double(network.policy[key])
        }
        payload.count(loaded.warnings.count)
        for warning in loaded.warnings {
            payload.bool(warning.severity == .error)
            payload.integer(warning.line)
            payload.integer(warning.column)
            payload.string(warning.message)
            payload.string(warning.path)
        }
        var header = SnapshotWriter(capacity: headerSize + payload.bytes.count)
        header.bytes.append(contentsOf: magic)
        header.fixed32(formatVersion)
        header.fixed64(UInt64(source.size))
        header.bytes.append(contentsOf: source.digest)
        header.fixed64(UInt64(payload.bytes.count))
        header.fixed64(payload.bytes.withUnsafeBytes { SnapshotChecksum.of($0) })
        header.bytes.append(contentsOf: payload.bytes)
        return header.bytes
    }

    /// The network of a snapshot, or `nil` when the bytes are not an intact snapshot of this
    /// ``formatVersion`` made from the file `source` names.
    ///
    /// - Parameters:
    ///   - bytes: The snapshot file's bytes.
    ///   - source: The key of the network file being loaded.
    ///   - name: The name the file is loaded under: the network's name when the file gives none, and
    ///     the file of each warning.
    /// - Returns: The network and its warnings, equal to what ``Network/load(name:bytes:)`` gives for
    ///   the file, or `nil`.
    /// - Complexity: O(size of the snapshot).
    public static func decode(_ bytes: [UInt8], source: NetworkCacheKey, name: String) -> LoadedNetwork? {
        guard bytes.count >= headerSize, bytes[0..<4].elementsEqual(magic) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> LoadedNetwork? in
            var header = SnapshotReader(UnsafeBufferPointer(rebasing: buffer[4..<headerSize]))
            guard (try? header.fixed32()) == formatVersion, (try? header.fixed64()) == UInt64(source.size),
                buffer[16..<48].elementsEqual(source.digest), (try? header.skip(32)) != nil,
                let payloadSize = try? header.fixed64(),
                let checksum = try? header.fixed64(), payloadSize == UInt64(buffer.count - headerSize)
            else { return nil }
            let payload = UnsafeBufferPointer(rebasing: buffer[headerSize...])
            guard SnapshotChecksum.of(UnsafeRawBufferPointer(payload)) == checksum else { return nil }
            var reader = SnapshotReader(payload)
            return try? reader.loadedNetwork(name: name)
        }
    }
}

/// A 64-bit checksum of a snapshot's payload, eight bytes a step.
///
/// Every step is a bijection of the running value, so a change confined to one eight-byte word (any
/// single flipped byte) always changes the result. It finds damage, not tampering.
enum SnapshotChecksum {
    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(buffer.count)
        let words = buffer.count / 8
        for index in 0..<words {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            value = mix(value ^ word)
        }
        var last: UInt64 = 1
        for index in (words * 8)..<buffer.count { last = last << 8 | UInt64(buffer[index]) }
        return mix(mix(value ^ last))
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 29)
    }
}

/// Appends a snapshot's fields to bytes.
private struct SnapshotWriter {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func fixed32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// A non-negative count or size, seven bits a byte.
    mutating func count(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Any whole number, zigzag-coded so small negatives stay short.
    mutating func integer(_ value: Int) {
        let zigzag = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        var rest = zigzag
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func double(_ value: Double) {
        fixed64(value.bitPattern)
    }

    mutating func bool(_ flag: Bool) {
        bytes.append(flag ? 1 : 0)
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A case of an enumeration, by its position among all cases.
    mutating func enumeration<Value: Equatable>(_ value: Value, in cases: [Value]) {
        count(cases.firstIndex(of: value) ?? 0)
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout SnapshotWriter, Value) -> Void) {
        guard let value else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        write(&self, value)
    }

    mutating func location(_ location: Location) {
        double(location.x)
        double(location.y)
    }

    mutating func node(_ node: Node) {
        string(node.id)
        enumeration(node.kind, in: SnapshotCases.nodeKinds)
        optional(node.name) { $0.string($1) }
        optional(node.room) { $0.string($1) }
        location(node.location)
        count(node.ports.count)
        for group in node.ports {
            enumeration(group.type, in: SnapshotCases.portTypes)
            integer(group.total)
            integer(group.used)
        }
        optional(node.pon) {
            $0.enumeration($1.standard, in: SnapshotCases.standards)
            $0.string($1.opticalClass)
            $0.integer($1.maxONUsPerPort)
        }
        optional(node.splitter) {
            $0.integer($1.ratio)
            $0.integer($1.used)
        }
        optional(node.area) { $0.enumeration($1, in: SnapshotCases.areas) }
        optional(node.address) { $0.string($1) }
    }

    mutating func link(_ link: Link) {
        string(link.id)
        count(link.aEnd)
        count(link.bEnd)
        integer(link.rate.kilobits)
        integer(link.committed.kilobits)
        integer(link.metres)
        enumeration(link.segment, in: SnapshotCases.segments)
        enumeration(link.technology, in: SnapshotCases.technologies)
        optional(link.ring) { $0.string($1) }
        count(link.sharedRiskGroups.count)
        for group in link.sharedRiskGroups { string(group) }
        integer(link.adminWeight)
        optional(link.sdh) {
            $0.integer($1.vc4)
            $0.integer($1.vc4Used)
            $0.integer($1.vc12Used)
        }
        optional(link.otn) {
            $0.integer($1.slots)
            $0.integer($1.used)
        }
        optional(link.fibre) {
            $0.integer($1.cores)
            $0.integer($1.used)
        }
    }
}

/// A snapshot that is not what it should be; decoding gives up.
private struct MalformedSnapshot: Error {}

/// Reads a snapshot's fields, checking every length, count, case and index against what is there.
private struct SnapshotReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0

    /// A reader of bytes that stay in place while it reads.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private var remaining: Int { bytes.count - offset }

    mutating func byte() throws(MalformedSnapshot) -> UInt8 {
        guard offset < bytes.count else { throw MalformedSnapshot() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func skip(_ count: Int) throws(MalformedSnapshot) {
        guard count <= remaining else { throw MalformedSnapshot() }
        offset += count
    }

    mutating func fixed32() throws(MalformedSnapshot) -> UInt32 {
        var value: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) { value |= UInt32(try byte()) << shift }
        return value
    }

    mutating func fixed64() throws(MalformedSnapshot) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { value |= UInt64(try byte()) << shift }
        return value
    }

    private mutating func varint() throws(MalformedSnapshot) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw MalformedSnapshot() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of things still to read, each at least `least` bytes long: never more than the bytes left allow.
    mutating func count(least: Int = 1) throws(MalformedSnapshot) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining / least) else { throw MalformedSnapshot() }
        return Int(value)
    }

    /// A position in an array; the caller checks it against the array.
    mutating func index() throws(MalformedSnapshot) -> Int {
        let value = try varint()
        guard value <= UInt64(Int32.max) else { throw MalformedSnapshot() }
        return Int(value)
    }

    mutating func integer() throws(MalformedSnapshot) -> Int {
        let zigzag = try varint()
        return Int(Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    mutating func double() throws(MalformedSnapshot) -> Double {
        Double(bitPattern: try fixed64())
    }

    mutating func bool() throws(MalformedSnapshot) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw MalformedSnapshot()
        }
    }

    mutating func string() throws(MalformedSnapshot) -> String {
        let length = try count()
        defer { offset += length }
        // The checksum vouches for the bytes, which were a String's: decoding cannot meet a bad sequence.
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
    }

    mutating func enumeration<Value>(in cases: [Value]) throws(MalformedSnapshot) -> Value {
        let position = try varint()
        guard position < UInt64(cases.count) else { throw MalformedSnapshot() }
        return cases[Int(position)]
    }

    mutating func optionalString() throws(MalformedSnapshot) -> String? {
        try bool() ? try string() : nil
    }

    mutating func location() throws(MalformedSnapshot) -> Location {
        Location(x: try double(), y: try double())
    }

    mutating func loadedNetwork(name fileName: String) throws(MalformedSnapshot) -> LoadedNetwork {
        let isNamedAfterFile = try bool()
        let storedName = try string()
        let roomCount = try count(least: 4)
        var rooms: [Room] = []
        rooms.reserveCapacity(roomCount)
        for _ in 0..<roomCount {
            let id = try string()
            let name = try string()
            let location = try bool() ? try self.location() : nil
            rooms.append(Room(id: id, name: name, location: location, region: try optionalString()))
        }
        let nodeCount = try count(least: 24)
        var nodes: [Node] = []
        nodes.reserveCapacity(nodeCount)
        for _ in 0..<nodeCount { nodes.append(try node()) }
        let linkCount = try count(least: 15)
        var links: [Link] = []
        links.reserveCapacity(linkCount)
        for _ in 0..<linkCount {
            let link = try link()
            guard link.aEnd < nodes.count, link.bEnd < nodes.count else { throw MalformedSnapshot() }
            links.append(link)
        }
        var pools: [Pool] = []
        for _ in 0..<(try count(least: 8)) {
            let id = try string()
            let purpose = try enumeration(in: SnapshotCases.purposes)
            let address = IPv4Address(try fixed32())
            let length = try integer()
            guard let prefix = try? IPv4Prefix(network: address, length: length) else { throw MalformedSnapshot() }
            pools.append(Pool(id: id, purpose: purpose, prefix: prefix, region: try optionalString()))
        }
        var policy = Policy()
        for _ in 0..<(try count(least: 9)) {
            let key = try enumeration(in: SnapshotCases.policyKeys)
            policy[key] = try double()
        }
        var warnings: [SourceDiagnostic] = []
        for _ in 0..<(try count(least: 5)) {
            let severity: SourceDiagnostic.Severity = try bool() ? .error : .warning
            let line = try integer()
            let column = try integer()
            warnings.append(
                SourceDiagnostic(
                    severity: severity, file: fileName, line: line, column: column, message: try string(),
                    path: try string()))
        }
        guard remaining == 0 else { throw MalformedSnapshot() }
        let network = Network(
            name: isNamedAfterFile ? fileName : storedName, nodes: nodes, links: links, rooms: rooms, pools: pools,
            policy: policy)
        var loaded = LoadedNetwork(network: network, warnings: warnings)
        loaded.isNamedAfterFile = isNamedAfterFile
        return loaded
    }

    private mutating func node() throws(MalformedSnapshot) -> Node {
        let id = try string()
        let kind = try enumeration(in: SnapshotCases.nodeKinds)
        let name = try optionalString()
        let room = try optionalString()
        let location = try location()
        let portCount = try count(least: 3)
        var ports: [PortGroup] = []
        ports.reserveCapacity(portCount)
        for _ in 0..<portCount {
            let type = try enumeration(in: SnapshotCases.portTypes)
            ports.append(PortGroup(type: type, total: try integer(), used: try integer()))
        }
        var pon: PONFacts?
        if try bool() {
            let standard = try enumeration(in: SnapshotCases.standards)
            pon = PONFacts(standard: standard, opticalClass: try string(), maxONUsPerPort: try integer())
        }
        var splitter: SplitterFacts?
        if try bool() { splitter = SplitterFacts(ratio: try integer(), used: try integer()) }
        let area = try bool() ? try enumeration(in: SnapshotCases.areas) : nil
        return Node(
            id: id, kind: kind, name: name, room: room, location: location, ports: ports, pon: pon,
            splitter: splitter, area: area, address: try optionalString())
    }

    private mutating func link() throws(MalformedSnapshot) -> Link {
        let id = try string()
        let aEnd = try index()
        let bEnd = try index()
        let rate = Bandwidth(kilobits: try integer())
        let committed = Bandwidth(kilobits: try integer())
        let metres = try integer()
        let segment = try enumeration(in: SnapshotCases.segments)
        let technology = try enumeration(in: SnapshotCases.technologies)
        let ring = try optionalString()
        let groupCount = try count()
        var groups: [String] = []
        groups.reserveCapacity(groupCount)
        for _ in 0..<groupCount { groups.append(try string()) }
        let weight = try integer()
        var sdh: SDHOccupancy?
        if try bool() { sdh = SDHOccupancy(vc4: try integer(), vc4Used: try integer(), vc12Used: try integer()) }
        var otn: OTNSlots?
        if try bool() { otn = OTNSlots(slots: try integer(), used: try integer()) }
        var fibre: FibreCores?
        if try bool() { fibre = FibreCores(cores: try integer(), used: try integer()) }
        return Link(
            id: id, aEnd: aEnd, bEnd: bEnd, rate: rate, committed: committed, metres: metres, segment: segment,
            technology: technology, ring: ring, sharedRiskGroups: groups, adminWeight: weight, sdh: sdh, otn: otn,
            fibre: fibre)
    }
}

/// Every case of the enumerations a snapshot holds, in declaration order: a case is written as its position.
private enum SnapshotCases {
    static let nodeKinds = NodeKind.allCases
    static let portTypes = PortType.allCases
    static let standards = PONFacts.Standard.allCases
    static let areas = Area.allCases
    static let segments = Segment.allCases
    static let technologies = LinkTechnology.allCases
    static let purposes = Pool.Purpose.allCases
    static let policyKeys = PolicyKey.allCases
}
