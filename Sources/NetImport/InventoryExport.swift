import Foundation
import LocatedJSON
import NetAddress
public import NetGraph

/// Writes a network as an inventory folder: the CSV tables ``InventoryImport`` reads, so that export
/// then import gives the same network.
///
/// Port counts are written one row per node and type; a node in a room at the room's location leaves
/// `x` and `y` empty; shared-risk groups are joined with `;`. Output is deterministic: tables in
/// network order, LF line endings, UTF-8 without a byte-order mark.
public enum InventoryExport {
    /// The header language.
    public enum Headers: String, Sendable, CaseIterable {
        /// English keys (`id`, `kind`, `vc12Used`).
        case english = "en"
        /// The first Chinese name of each column (网元编码, 设备类型, VC12已用).
        case chinese = "zh"
    }

    /// The columns each table is written with (alternatives such as `longitude` or `state` are read only).
    static let written: [InventoryTable: [String]] = [
        .rooms: ["id", "name", "x", "y", "region"],
        .nodes: [
            "id", "kind", "name", "room", "x", "y", "ponStandard", "opticalClass", "maxONUsPerPort", "splitterRatio",
            "splitterUsed", "area", "address",
        ],
        .ports: ["node", "type", "total", "used"],
        .links: [
            "id", "a", "b", "rate", "committed", "km", "segment", "technology", "ring", "srlg", "weight", "vc4",
            "vc4Used", "vc12Used", "otnSlots", "otnUsed", "fibreCores", "fibreUsed",
        ],
        .rings: ["id", "technology", "segment"],
        .pools: ["id", "purpose", "prefix", "region"],
        .policy: ["key", "value"],
    ]

    /// The tables of a network, as file names and text.
    ///
    /// - Parameters:
    ///   - network: The network.
    ///   - headers: The header language; the values are the same either way.
    /// - Returns: One `(name.csv, text)` per table, in table order; `rings`, `pools` and `policy` only when
    ///   the network has any.
    /// - Complexity: O(*n* + *l*) for *n* nodes and *l* links.
    public static func tables(of network: Network, headers: Headers = .english) -> [(name: String, text: String)] {
        var rows: [InventoryTable: [[String]]] = [:]
        rows[.rooms] = network.rooms.map { room in
            [
                room.id, room.name, room.location.map { km($0.x) } ?? "", room.location.map { km($0.y) } ?? "",
                room.region ?? "",
            ]
        }
        rows[.nodes] = network.nodes.map { node in
            let atRoom = node.room.flatMap { network.room($0)?.location } == node.location
            return [
                node.id, node.kind.rawValue, node.name ?? "", node.room ?? "", atRoom ? "" : km(node.location.x),
                atRoom ? "" : km(node.location.y), node.pon?.standard.rawValue ?? "", node.pon?.opticalClass ?? "",
                node.pon.map { String($0.maxONUsPerPort) } ?? "", node.splitter.map { String($0.ratio) } ?? "",
                node.splitter.map { String($0.used) } ?? "", node.kind == .building ? node.area?.rawValue ?? "" : "",
                node.address ?? "",
            ]
        }
        rows[.ports] = network.nodes.flatMap { node in
            node.ports.map { [node.id, $0.type.rawValue, String($0.total), String($0.used)] }
        }
        rows[.links] = network.links.map { link in
            let (a, b) = network.endIDs(of: link)
            return [
                link.id, a, b, link.rate.description, link.committed > .zero ? link.committed.description : "",
                JSONOutput.formatDecimal(link.metres, scale: 3), link.segment.rawValue, link.technology.rawValue,
                link.ring ?? "", link.sharedRiskGroups.joined(separator: ";"),
                link.adminWeight == 10 ? "" : String(link.adminWeight), link.sdh.map { String($0.vc4) } ?? "",
                link.sdh.map { String($0.vc4Used) } ?? "", link.sdh.map { String($0.vc12Used) } ?? "",
                link.otn.map { String($0.slots) } ?? "", link.otn.map { String($0.used) } ?? "",
                link.fibre.map { String($0.cores) } ?? "", link.fibre.map { String($0.used) } ?? "",
            ]
        }
        rows[.rings] = network.rings.map { [$0.id, $0.technology.rawValue, $0.segment.rawValue] }
        rows[.pools] = network.pools.map { [$0.id, $0.purpose.rawValue, $0.prefix.description, $0.region ?? ""] }
        var policy = [[InventoryBuilder.nameKey, network.name]]
        for key in network.policy.overriddenKeys {
            let value = network.policy[key]
            policy.append([key.rawValue, key.isWholeNumber ? String(network.policy.integer(key)) : "\(value)"])
        }
        rows[.policy] = policy
        var files: [(name: String, text: String)] = []
        for table in InventoryTable.allCases {
            let body = rows[table] ?? []
            if body.isEmpty, !table.isRequired { continue }
            let keys = written[table] ?? []
            let header = keys.map { key in
                guard headers == .chinese, let column = table.columns.first(where: { $0.key == key }) else {
                    return key
                }
                return column.chinese.first ?? key
            }
            var text = line(header)
            for row in body { text += line(row) }
            files.append(("\(headers == .chinese ? table.chineseName : table.rawValue).csv", text))
        }
        return files
    }

    /// Kilometres to the metre, as a network file writes them.
    private static func km(_ value: Double) -> String {
        JSONOutput.formatDecimal(Int((value * 1000).rounded()), scale: 3)
    }

    /// One CSV line: cells quoted when they hold a comma, a quote, a line break or leading or trailing spaces.
    private static func line(_ cells: [String]) -> String {
        cells.map { cell in
            let needsQuotes =
                cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                || cell.hasPrefix(" ") || cell.hasSuffix(" ")
            guard needsQuotes else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }
}
