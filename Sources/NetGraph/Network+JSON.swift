public import LocatedJSON
import NetAddress

extension Network {
    /// The network as a network-file JSON document, readable by ``load(name:bytes:)``.
    ///
    /// - Complexity: O(*n* + *l*).
    public var json: JSONOutput {
        var top: [(String, JSONOutput)] = [("name", .string(name))]
        top.append(("rooms", .array(rooms.map(Self.json(of:)))))
        top.append(("nodes", .array(nodes.map(Self.json(of:)))))
        top.append(("links", .array(links.map(json(of:)))))
        top.append(
            (
                "pools",
                .array(
                    pools.map {
                        var members: [(String, JSONOutput)] = [
                            ("id", .string($0.id)), ("purpose", .string($0.purpose.rawValue)),
                            ("prefix", .string($0.prefix.description)),
                        ]
                        if let region = $0.region { members.append(("region", .string(region))) }
                        return .object(members)
                    })
            ))
        let overridden = policy.overriddenKeys
        if !overridden.isEmpty {
            top.append(
                (
                    "policy",
                    .object(
                        overridden.map { key in
                            (key.rawValue, key.isWholeNumber ? .integer(policy.integer(key)) : .double(policy[key]))
                        })
                ))
        }
        return .object(top)
    }

    /// The network file's text: one node, link, room or pool per line.
    public var fileText: String {
        json.rendered(inlineDepth: 2)
    }

    private static func json(of room: Room) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("id", .string(room.id)), ("name", .string(room.name))]
        if let location = room.location { members.append(("location", json(of: location))) }
        if let region = room.region { members.append(("region", .string(region))) }
        return .object(members)
    }

    private static func json(of location: Location) -> JSONOutput {
        .array([kilometres(location.x), kilometres(location.y)])
    }

    private static func kilometres(_ value: Double) -> JSONOutput {
        .decimal(Int((value * 1000).rounded()), scale: 3)
    }

    private static func json(of node: Node) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("id", .string(node.id)), ("kind", .string(node.kind.rawValue))]
        if let name = node.name { members.append(("name", .string(name))) }
        if let room = node.room { members.append(("room", .string(room))) }
        members.append(("location", json(of: node.location)))
        if !node.ports.isEmpty {
            members.append(
                (
                    "ports",
                    .object(
                        node.ports.map {
                            ($0.type.rawValue, .object([("total", .integer($0.total)), ("used", .integer($0.used))]))
                        })
                ))
        }
        if let pon = node.pon {
            members.append(
                (
                    "pon",
                    .object([
                        ("standard", .string(pon.standard.rawValue)), ("opticalClass", .string(pon.opticalClass)),
                        ("maxONUsPerPort", .integer(pon.maxONUsPerPort)),
                    ])
                ))
        }
        if let splitter = node.splitter {
            members.append(
                ("splitter", .object([("ratio", .integer(splitter.ratio)), ("used", .integer(splitter.used))])))
        }
        if node.kind == .building, let area = node.area { members.append(("area", .string(area.rawValue))) }
        if let address = node.address { members.append(("address", .string(address))) }
        return .object(members)
    }

    private func json(of link: Link) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(link.id)), ("a", .string(nodes[link.aEnd].id)), ("b", .string(nodes[link.bEnd].id)),
            ("rate", .string(link.rate.description)),
        ]
        if link.committed > .zero { members.append(("committed", .string(link.committed.description))) }
        members.append(("km", .decimal(link.metres, scale: 3)))
        members.append(("segment", .string(link.segment.rawValue)))
        members.append(("technology", .string(link.technology.rawValue)))
        if let ring = link.ring { members.append(("ring", .string(ring))) }
        if !link.sharedRiskGroups.isEmpty {
            members.append(("srlg", .array(link.sharedRiskGroups.map(JSONOutput.string))))
        }
        if link.adminWeight != 10 { members.append(("weight", .integer(link.adminWeight))) }
        if let sdh = link.sdh {
            members.append(
                (
                    "sdh",
                    .object([
                        ("vc4", .integer(sdh.vc4)), ("vc4Used", .integer(sdh.vc4Used)),
                        ("vc12Used", .integer(sdh.vc12Used)),
                    ])
                ))
        }
        if let otn = link.otn {
            members.append(("otn", .object([("slots", .integer(otn.slots)), ("used", .integer(otn.used))])))
        }
        if let fibre = link.fibre {
            members.append(("fibre", .object([("cores", .integer(fibre.cores)), ("used", .integer(fibre.used))])))
        }
        return .object(members)
    }
}
