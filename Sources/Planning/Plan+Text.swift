import Devices
import LocatedJSON
import NetAddress
import NetGraph
import Orders

extension Plan {
    /// A short, readable summary per site for a terminal.
    public var text: String {
        var lines: [String] = []
        lines.append(
            "Order \(order.id) — \(order.customer), \(order.product.rawValue) line, \(order.request.rawValue), "
                + "received \(order.received)")
        if let description = order.description {
            lines.append("About: " + description.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        lines.append(
            "Reply: \(reply.outcome.rawValue), due \(reply.due) (\(reply.workingDays) working days) — \(reply.department)"
        )
        for site in sites {
            lines.append("")
            var heading = "Site \(site.name) [\(site.role.rawValue)]"
            if let building = site.building { heading += " at \(building)" }
            heading += ": \(site.bandwidth) \(site.interface.rawValue)"
            if site.protection == .diverse { heading += ", diverse" }
            lines.append(heading)
            if let address = site.address { lines.append("  address    \(address)") }
            let contact = [site.contact, site.phone].compactMap { $0 }
            if !contact.isEmpty { lines.append("  contact    " + contact.joined(separator: ", ")) }
            if let technology = site.technology {
                lines.append(
                    "  access     \(technology.rawValue)" + (site.accessNode.map { " via \($0)" } ?? "")
                        + " — \(site.qualificationReason)")
            } else {
                lines.append("  access     none — \(site.qualificationReason)")
            }
            for alternative in site.alternatives where alternative.status != .qualified {
                lines.append(
                    "             \(alternative.status.rawValue) \(alternative.technology.rawValue): \(alternative.reason)"
                )
            }
            if let working = site.working {
                lines.append(
                    "  working    \(working.nodes.joined(separator: " – ")) (\(JSONOutput.formatDecimal(working.metres, scale: 3)) km)"
                )
            }
            if let protection = site.protectionPath {
                lines.append(
                    "  protection \(protection.nodes.joined(separator: " – ")) (\(JSONOutput.formatDecimal(protection.metres, scale: 3)) km)"
                )
            }
            lines.append("  outcome    \(site.outcome.rawValue)")
            for segment in site.segments {
                lines.append("             \(segment.segment.rawValue) \(segment.status.rawValue): \(segment.reason)")
            }
            var addresses: [String] = []
            if let interconnect = site.addresses.interconnect {
                let ends =
                    site.role == .branch
                    ? "hub \(interconnect.firstHost), branch \(interconnect.lastHost)"
                    : "carrier \(interconnect.firstHost), customer \(interconnect.lastHost)"
                addresses.append("interconnect \(interconnect) (\(ends))")
            }
            if let vlan = site.hubVLAN { addresses.append("VLAN \(vlan) on the hub's port") }
            if let lan = site.addresses.lan { addresses.append("LAN \(lan)") }
            if let block = site.addresses.publicLAN { addresses.append("public LAN \(block)") }
            if let pool = site.addresses.apnPool { addresses.append("APN pool \(pool)") }
            if !site.addresses.tunnels.isEmpty {
                addresses.append("tunnels " + site.addresses.tunnels.map(\.description).joined(separator: ", "))
            }
            if !addresses.isEmpty { lines.append("  addresses  " + addresses.joined(separator: ", ")) }
            for tunnel in site.tunnels {
                lines.append(
                    "  GRE        to \(tunnel.ggsn) \(tunnel.ggsnAddress)"
                        + (tunnel.inner.map { ", inner \($0)" } ?? ", IP unnumbered")
                        + (tunnel.pool.map { ", terminals \($0)" } ?? ""))
            }
            let model = site.router.model ?? "no model given"
            lines.append(
                "  router     \(model): \(site.router.verdict.rawValue)"
                    + (site.router.reasons.isEmpty ? "" : " — " + site.router.reasons.joined(separator: "; ")))
            lines.append("  repair     within \(site.repairHours) hours of a fault report (\(site.area.rawValue))")
        }
        if !ceasedLines.isEmpty {
            lines.append("")
            lines.append("Ceases: " + ceasedLines.joined(separator: ", "))
        }
        for warning in warnings {
            lines.append("warning: \(warning.english)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
