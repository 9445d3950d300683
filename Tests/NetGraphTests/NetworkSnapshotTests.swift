import LocatedJSON
import NetAddress
import TestSupport
import Testing

@testable import NetGraph

/// Issue 17: BLAKE2b's reference answers, and network snapshots that load the same network as the
/// file, or nothing.
@Suite struct NetworkSnapshotTests {
    /// RFC 7693's example (BLAKE2b-512 of "abc"), and BLAKE2b-256 as Python's `hashlib.blake2b(m,
    /// digest_size=32)` gives it, with messages either side of the block boundaries (127/128/129,
    /// 255/256/257 bytes: a full last block is compressed as the last).
    @Test(arguments: [
        ("", "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"),
        ("abc", "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"),
        (String(repeating: "a", count: 127), "59e2f1aba240f20aa591016f5ef429990bc9c2131dcd0d30f0ffd75ed18f317d"),
        (String(repeating: "a", count: 128), "ae2aa48507885c4c950fb809b2076f959cde9f8ea6da260d9a3587df33dac450"),
        (String(repeating: "a", count: 129), "2f64744a6de0d2c0b56e64cf6e29a5aaa255010d415d51c75ccc82f73dccd865"),
        (String(repeating: "a", count: 255), "177ec7b22a982dd81ec80e0f8fd488bb347952a0876fed488191b6dede62df81"),
        (String(repeating: "a", count: 256), "eae4d3a7627549b383179dc18049964f91a6fed14c9f3fb26705eda3eeda5558"),
        (String(repeating: "a", count: 257), "496943de3c8b1458635ee30c15bb26cede6957abdd28f0a860cdaf967116c747"),
        (String(repeating: "a", count: 1_000_000), "0741850f36cba4259628355d1073e24ddb9ca0e1bfac36fd39ae5dc2101e23a4"),
    ])
    func blake2bGivesTheReferenceDigests(message: String, digest: String) {
        #expect(BLAKE2b.hex(of: Array(message.utf8)) == digest)
    }

    @Test func blake2bGivesRFC7693sExample() {
        #expect(
            BLAKE2b.digest(of: Array("abc".utf8), length: 64) == [
                0xBA, 0x80, 0xA5, 0x3F, 0x98, 0x1C, 0x4D, 0x0D, 0x6A, 0x27, 0x97, 0xB6, 0x9F, 0x12, 0xF6, 0xE9,
                0x4C, 0x21, 0x2F, 0x14, 0x68, 0x5A, 0xC4, 0xB7, 0x4B, 0x12, 0xBB, 0x6F, 0xDB, 0xFF, 0xA2, 0xD1,
                0x7D, 0x87, 0xC5, 0x39, 0x2A, 0xAB, 0x79, 0x2D, 0xC2, 0x52, 0xD5, 0xDE, 0x45, 0x33, 0xCC, 0x95,
                0x18, 0xD3, 0x8A, 0xA8, 0xDB, 0xF1, 0x92, 0x5A, 0xB9, 0x23, 0x86, 0xED, 0xD4, 0x00, 0x99, 0x23,
            ])
    }

    /// The key is the file's size and BLAKE2b-256 (worked out with Python's hashlib); one changed
    /// byte changes it.
    @Test func keysAFileByItsSizeAndDigest() {
        var bytes = (0..<(2 * 1_048_576 + 7)).map { UInt8($0 % 251) }
        let key = NetworkCacheKey(fileBytes: bytes)
        #expect(key.size == 2_097_159)
        #expect(BLAKE2b.hex(of: bytes) == "425e1432cfa99bc5a317d2f44d7c91548c897193d64adcb3856689fe769e1cfa")
        #expect(key.digest == BLAKE2b.digest(of: bytes))
        #expect(key.fileName == "425e1432cfa99bc5a317d2f44d7c91548c897193d64adcb3856689fe769e1cfa-2097159.v1.network")
        bytes[2_097_158] ^= 1
        #expect(NetworkCacheKey(fileBytes: bytes).digest != key.digest)
    }

    /// A network with every optional field a file may give, a policy of both kinds of value, no
    /// `name` (so it is named after its file), and two warnings.
    static let everyFieldFile = """
        {
          "rooms": [
            {"id": "R1", "name": "汉口机房", "location": [0, 0], "region": "湖北/武汉"},
            {"id": "R2", "name": "R2"}
          ],
          "nodes": [
            {"id": "A", "kind": "ptn", "name": "汉口 A", "room": "R1", "ports": {"GE": {"total": 4, "used": 1}, "FE": {"total": 8}}},
            {"id": "B", "kind": "ptn", "location": [1, 0]},
            {"id": "C", "kind": "sdh", "location": [1, 1]},
            {"id": "D", "kind": "otn", "location": [2, 1]},
            {"id": "E", "kind": "otn", "location": [2, 2]},
            {"id": "OLT", "kind": "olt", "location": [0.5, 0.5], "ports": {"PON": {"total": 8, "used": 2}},
             "pon": {"standard": "xgspon", "opticalClass": "N2", "maxONUsPerPort": 32}},
            {"id": "SPL", "kind": "splitter", "location": [0.5, 0.6], "splitter": {"ratio": 32, "used": 5}},
            {"id": "BLD", "kind": "building", "location": [0, 0.3], "area": "countryside", "address": "武汉市 \\"1\\" 号"},
            {"id": "LONE", "kind": "ptn", "location": [9, 9]},
            {"id": "GW", "kind": "cmnet", "location": [1, 0.1]}
          ],
          "links": [
            {"id": "L1", "a": "A", "b": "B", "rate": "1G", "committed": "100M", "km": 1.5, "segment": "access",
             "technology": "ptn", "ring": "RING", "srlg": ["D1", "D2"], "weight": 25},
            {"id": "L2", "a": "B", "b": "A", "rate": "1G", "km": 2, "segment": "access", "technology": "ptn", "ring": "RING"},
            {"id": "S1", "a": "B", "b": "C", "rate": "STM-4", "km": 1, "segment": "access", "technology": "sdh",
             "sdh": {"vc4": 4, "vc4Used": 1, "vc12Used": 70}},
            {"id": "O1", "a": "D", "b": "E", "rate": "10G", "km": 0.5, "segment": "core", "technology": "otn",
             "otn": {"slots": 8, "used": 3}},
            {"id": "C1", "a": "C", "b": "D", "rate": "1G", "km": 1.5, "segment": "aggregation", "technology": "ethernet"},
            {"id": "F1", "a": "BLD", "b": "A", "rate": "100M", "km": 0.3, "segment": "last-mile", "technology": "fibre",
             "fibre": {"cores": 12, "used": 2}},
            {"id": "P1", "a": "OLT", "b": "SPL", "rate": "2.5G", "km": 0.1, "segment": "last-mile", "technology": "pon"},
            {"id": "P2", "a": "OLT", "b": "A", "rate": "10G", "km": 0.8, "segment": "access", "technology": "ethernet"},
            {"id": "G1", "a": "B", "b": "GW", "rate": "10G", "km": 0.1, "segment": "core", "technology": "ethernet"}
          ],
          "pools": [
            {"id": "WAN", "purpose": "interconnect", "prefix": "10.1.0.0/16"},
            {"id": "LAN", "purpose": "lan", "prefix": "10.2.0.0/16", "region": "湖北"}
          ],
          "policy": {"accessMaxUtilisation": 0.65, "kShortestPaths": 7}
        }
        """

    private static func snapshotRoundTrip(_ bytes: [UInt8], name: String, loadedAs other: String? = nil) throws
        -> (LoadedNetwork, LoadedNetwork?)
    {
        let loaded = try Network.load(name: name, bytes: bytes)
        let key = NetworkCacheKey(fileBytes: bytes)
        let snapshot = NetworkSnapshot.encode(loaded, source: key)
        let otherName = other ?? name
        return (
            try Network.load(name: otherName, bytes: bytes),
            NetworkSnapshot.decode(snapshot, source: key, name: otherName)
        )
    }

    /// Everything a network holds, and what it finds by id, are the same in both.
    private static func expectSame(
        _ decoded: LoadedNetwork?, _ parsed: LoadedNetwork, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let decoded else {
            Issue.record("the snapshot did not decode", sourceLocation: sourceLocation)
            return
        }
        let (left, right) = (decoded.network, parsed.network)
        #expect(left.name == right.name, sourceLocation: sourceLocation)
        #expect(left.nodes == right.nodes, sourceLocation: sourceLocation)
        #expect(left.links == right.links, sourceLocation: sourceLocation)
        #expect(left.rooms == right.rooms, sourceLocation: sourceLocation)
        #expect(left.pools == right.pools, sourceLocation: sourceLocation)
        #expect(left.policy == right.policy, sourceLocation: sourceLocation)
        #expect(left.rings == right.rings, sourceLocation: sourceLocation)
        #expect(left.incidentLinks == right.incidentLinks, sourceLocation: sourceLocation)
        #expect(
            left.nodes.map { left.nodeIndex(of: $0.id) } == right.nodes.map { right.nodeIndex(of: $0.id) },
            sourceLocation: sourceLocation)
        #expect(
            left.links.map { left.linkIndex(of: $0.id) } == right.links.map { right.linkIndex(of: $0.id) },
            sourceLocation: sourceLocation)
        #expect(left.rooms.map { left.room($0.id) } == right.rooms.map { right.room($0.id) })
        #expect(decoded.warnings == parsed.warnings, sourceLocation: sourceLocation)
        #expect(left.fileText == right.fileText, sourceLocation: sourceLocation)
    }

    @Test func loadsTheNetworkWithEveryFieldAsTheFileDoes() throws {
        let (parsed, decoded) = try Self.snapshotRoundTrip(
            Array(Self.everyFieldFile.utf8), name: "every.json", loadedAs: "elsewhere/every.json")
        Self.expectSame(decoded, parsed)
        // Named after the file it is loaded as, with its warnings there: a node without links, a short link.
        #expect(decoded?.network.name == "elsewhere/every.json")
        #expect(parsed.warnings.count == 2)
        #expect(decoded?.warnings.allSatisfy { $0.file == "elsewhere/every.json" } == true)
        #expect(decoded?.network.policy[.accessMaxUtilisation] == 0.65)
        #expect(decoded?.network.policy.integer(.kShortestPaths) == 7)
        #expect(decoded?.network.links.first?.adminWeight == 25)
    }

    @Test func loadsTheDemoNetworkAsTheFileDoes() throws {
        let (parsed, decoded) = try Self.snapshotRoundTrip(
            try TestSupport.bytes("Topologies/wuhan/network.json"), name: "network.json", loadedAs: "copy.json")
        Self.expectSame(decoded, parsed)
        // The file names the network, so the name it is loaded under does not.
        #expect(decoded?.network.name == "Wuhan demo network")
    }

    @Test func loadsAGeneratedCityAsTheFileDoes() throws {
        let text = SyntheticNetwork(scale: .city, seed: 2).generate().fileText
        let (parsed, decoded) = try Self.snapshotRoundTrip(Array(text.utf8), name: "city.json")
        #expect(parsed.network.nodes.count > 6000)
        Self.expectSame(decoded, parsed)
    }

    @Test func missesForAnotherFileOrAnotherFormatVersion() throws {
        let bytes = Array(Self.everyFieldFile.utf8)
        let loaded = try Network.load(name: "every.json", bytes: bytes)
        let key = NetworkCacheKey(fileBytes: bytes)
        let snapshot = NetworkSnapshot.encode(loaded, source: key)
        #expect(NetworkSnapshot.decode(snapshot, source: key, name: "every.json") != nil)
        // "kShortestPaths": 8, the same size.
        let edited = Array(Self.everyFieldFile.replacing("\"kShortestPaths\": 7", with: "\"kShortestPaths\": 8").utf8)
        let editedKey = NetworkCacheKey(fileBytes: edited)
        #expect(editedKey.size == key.size && editedKey.digest != key.digest)
        #expect(editedKey.fileName != key.fileName)
        #expect(NetworkSnapshot.decode(snapshot, source: editedKey, name: "every.json") == nil)
        #expect(NetworkSnapshot.decode(snapshot, source: NetworkCacheKey(fileBytes: bytes + [0x20]), name: "x") == nil)
        var otherVersion = snapshot
        otherVersion[4] = UInt8(truncatingIfNeeded: NetworkSnapshot.formatVersion + 1)
        #expect(NetworkSnapshot.decode(otherVersion, source: key, name: "every.json") == nil)
        #expect(key.fileName.hasSuffix("-\(bytes.count).v\(NetworkSnapshot.formatVersion).network"))
        #expect(key.fileName.count == 64 + "-\(bytes.count).v\(NetworkSnapshot.formatVersion).network".count)
    }

    /// Every truncation, every byte of the snapshot flipped three ways, and five bytes cut out
    /// anywhere give `nil`, never another network or a crash; with the checksum made right again after a flip, the decoder's own checks still
    /// never crash.
    @Test func aDamagedSnapshotNeverCrashesAndNeverGivesAnotherNetwork() throws {
        let bytes = Array(Self.everyFieldFile.utf8)
        let parsed = try Network.load(name: "every.json", bytes: bytes)
        let key = NetworkCacheKey(fileBytes: bytes)
        let snapshot = NetworkSnapshot.encode(parsed, source: key)
        #expect(snapshot.count > 600)
        for length in 0..<snapshot.count {
            #expect(NetworkSnapshot.decode(Array(snapshot[..<length]), source: key, name: "every.json") == nil)
        }
        for position in snapshot.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = snapshot
                damaged[position] ^= mask
                // Every byte is checked: the header against the file, the payload by its checksum.
                #expect(NetworkSnapshot.decode(damaged, source: key, name: "every.json") == nil)
                // The payload's checksum made right: the decoder alone stands between the flip and a crash.
                let header = NetworkSnapshot.headerSize
                if position >= header {
                    let checksum = damaged[header...].withUnsafeBytes { SnapshotChecksum.of($0) }
                    for index in 0..<8 { damaged[56 + index] = UInt8(truncatingIfNeeded: checksum >> (8 * index)) }
                    _ = NetworkSnapshot.decode(damaged, source: key, name: "every.json")
                }
            }
        }
        for length in stride(from: 0, to: snapshot.count, by: 7) {
            var reader = snapshot
            reader.removeSubrange(length..<min(snapshot.count, length + 5))
            #expect(NetworkSnapshot.decode(reader, source: key, name: "every.json") == nil)
        }
    }

    @Test func truncatingTheDemoNetworksSnapshotAnywhereMisses() throws {
        let bytes = try TestSupport.bytes("Topologies/wuhan/network.json")
        let key = NetworkCacheKey(fileBytes: bytes)
        let snapshot = NetworkSnapshot.encode(try Network.load(name: "network.json", bytes: bytes), source: key)
        for length in stride(from: 0, to: snapshot.count, by: 997) {
            #expect(NetworkSnapshot.decode(Array(snapshot[..<length]), source: key, name: "network.json") == nil)
        }
        var flipped = snapshot
        flipped[snapshot.count / 2] ^= 0x04
        #expect(NetworkSnapshot.decode(flipped, source: key, name: "network.json") == nil)
    }

    /// A field added to the model must be written into snapshots (and ``NetworkSnapshot/formatVersion``
    /// bumped): these counts fail first, to say so.
    @Test func theSnapshotCoversEveryStoredFieldOfTheModel() throws {
        let network = try Network.load(name: "every.json", bytes: Array(Self.everyFieldFile.utf8))
        func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let node = try #require(network.network.nodes.first)
        let link = try #require(network.network.links.first)
        #expect(
            fields(node) == [
                "id", "kind", "name", "room", "location", "ports", "pon", "splitter", "area", "address",
            ])
        // The capacity and whether the slots were given are written as a file gives them: committed,
        // sdh, otn and fibre (the link makes the rest again).
        #expect(
            fields(link) == [
                "id", "aEnd", "bEnd", "rate", "metres", "segment", "technology", "ring", "sharedRiskGroups",
                "adminWeight", "capacity", "slotsGiven",
            ])
        #expect(fields(try #require(network.network.rooms.first)) == ["id", "name", "location", "region"])
        #expect(fields(try #require(network.network.pools.first)) == ["id", "purpose", "prefix", "region"])
        #expect(fields(network.network.policy) == ["overrides"])
        #expect(
            fields(network.network) == [
                "name", "nodes", "links", "rooms", "pools", "policy", "incidentLinks", "nodeIndexByID",
                "linkIndexByID", "roomIndexByID",
            ])
        #expect(fields(network) == ["network", "warnings", "isNamedAfterFile"])
        #expect(
            fields(PONFacts(standard: .gpon, opticalClass: "B+")) == ["standard", "opticalClass", "maxONUsPerPort"])
        #expect(fields(SplitterFacts(ratio: 2, used: 0)) == ["ratio", "used"])
        #expect(fields(SDHOccupancy(vc4: 1)) == ["vc4", "vc4Used", "vc12Used"])
        #expect(fields(OTNSlots(slots: 1, used: 0)) == ["slots", "used"])
        #expect(fields(FibreCores(cores: 1, used: 0)) == ["cores", "used"])
        #expect(fields(PortGroup(type: .ge, total: 1, used: 0)) == ["type", "total", "used"])
        #expect(fields(Location(x: 0, y: 0)) == ["x", "y"])
        #expect(fields(Bandwidth.zero) == ["kilobits"])
        #expect(
            fields(try #require(network.warnings.first)) == ["severity", "file", "line", "column", "message", "path"])
        #expect(
            (NodeKind.allCases.count, PortType.allCases.count, PONFacts.Standard.allCases.count, Area.allCases.count)
                == (12, 10, 4, 2))
        #expect(
            (
                Segment.allCases.count, LinkTechnology.allCases.count, Pool.Purpose.allCases.count,
                PolicyKey.allCases.count
            )
                == (4, 6, 6, 33))
    }
}
