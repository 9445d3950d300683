import Foundation
import NetAddress
import SQLiteStore

/// The two CSV files NetBox's bulk import takes: prefixes, and IP addresses.
public struct NetBoxExport: Sendable, Hashable {
    /// `prefix,status,is_pool,description` rows.
    public var prefixes: String
    /// `address,status,description` rows.
    public var addresses: String
}

extension Ledger {
    /// Exports live address blocks as NetBox bulk-import CSV.
    ///
    /// Every block becomes a prefix (`status` reserved or active, from its line; APN pools are
    /// marked `is_pool`). Interconnect and tunnel /30s (and /31s) also give their two host
    /// addresses: the first is the carrier side, the second the customer's.
    ///
    /// - Complexity: O(*r* log *r*) for *r* live address reservations.
    public func exportNetBox() throws(LedgerError) -> NetBoxExport {
        try run("exporting addresses") { () throws(StoreFailure) in
            var prefixes = ["prefix,status,is_pool,description"]
            var addresses = ["address,status,description"]
            for row in try store.query(
                """
                SELECT \(ReservationColumns.qualified), l.state AS line_state, l.customer AS customer, l.site AS site
                FROM reservations r JOIN lines l ON l.id = r.line_id
                WHERE r.live = 1 AND r.kind = 'address' ORDER BY r.block_start
                """)
            {
                guard let reservation = ReservationColumns.reservation(row), let prefix = reservation.prefix else {
                    continue
                }
                let status = row.text("line_state") == "active" ? "active" : "reserved"
                let line = row.text(at: ReservationColumns.line) ?? ""
                let label = "\(row.text("customer") ?? "") \(row.text("site") ?? "")".trimmingCharacters(
                    in: .whitespaces)
                let description = "LinePlan \(line): \(reservation.purpose) for \(label)"
                let isPool = reservation.purpose == "apn" ? "true" : "false"
                prefixes.append(
                    [prefix.description, status, isPool, description].map(Self.csvField).joined(separator: ","))
                if ["interconnect", "tunnel"].contains(reservation.purpose), prefix.length >= 30 {
                    for (host, side) in [(prefix.firstHost, "carrier side"), (prefix.lastHost, "customer side")] {
                        addresses.append(
                            ["\(host)/\(prefix.length)", status, "\(description), \(side)"].map(Self.csvField)
                                .joined(separator: ","))
                    }
                }
            }
            return NetBoxExport(
                prefixes: prefixes.joined(separator: "\n") + "\n", addresses: addresses.joined(separator: "\n") + "\n")
        }
    }

    /// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
