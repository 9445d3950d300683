import Dispatch
import Foundation
public import LocatedJSON
import NetAddress
import NetGraph
import Orders
import WorkCalendar

extension Plan {
    /// The plan as the documented JSON of `lineplan plan --format json` (and `plan.json`).
    ///
    /// - Complexity: O(size of the plan).
    public var json: JSONOutput {
        .object(members(sites: .array(sites.map(\.json))))
    }

    /// The top-level members, with the sites' value given.
    private func members(sites sitesValue: JSONOutput) -> [(String, JSONOutput)] {
        [
            (
                "order",
                .object([
                    ("id", .string(order.id)), ("customer", .string(order.customer)),
                    ("product", .string(order.product.rawValue)), ("request", .string(order.request.rawValue)),
                    ("received", .string(order.received.description)), ("mature", .bool(order.mature)),
                    ("description", .string(order.description)), ("network", .string(network)),
                ])
            ),
            (
                "reply",
                .object([
                    ("outcome", .string(reply.outcome.rawValue)), ("due", .string(reply.due.description)),
                    ("workingDays", .integer(reply.workingDays)), ("department", .string(reply.department)),
                    ("accessPoints", .integer(reply.accessPoints)),
                    ("templateDue", .string(reply.templateDue?.description)),
                    ("templateWorkingDays", reply.templateWorkingDays.map { .integer($0) } ?? .null),
                ])
            ),
            ("sites", sitesValue),
            ("warnings", .array(warnings.map { .string($0) })),
            ("ceasedLines", .array(ceasedLines.map { .string($0) })),
        ]
    }
}

extension Plan {
    /// The plan's JSON text, the same bytes as `json.rendered()`, with the sites rendered on all
    /// cores (a 10,000-site plan is tens of megabytes).
    ///
    /// - Complexity: O(size of the plan) / cores.
    public var renderedJSON: String {
        guard sites.count >= 64 else { return json.rendered() }
        let chunks = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let parts = SiteTexts(count: chunks)
        let sites = self.sites
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (sites.count * chunk / chunks)..<(sites.count * (chunk + 1) / chunks)
            let text = sites[range].map { $0.json.rendered(atDepth: 2) }.joined(separator: ",\n    ")
            parts.store(text, at: chunk)
        }
        // The same layout as `json.rendered()`: top-level members one per line, sites two levels in.
        var text = "{"
        for (position, member) in members(sites: .null).enumerated() {
            text += position == 0 ? "\n  " : ",\n  "
            text += "\"\(member.0)\": "
            if member.0 == "sites" {
                text += "[\n    " + parts.values.filter { !$0.isEmpty }.joined(separator: ",\n    ") + "\n  ]"
            } else {
                text += member.1.rendered(atDepth: 1)
            }
        }
        return text + "\n}\n"
    }
}

/// The rendered sites of each chunk; the lock guards `values`, written once per chunk by
/// `concurrentPerform`'s workers.
private final class SiteTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String]

    init(count: Int) {
        texts = Array(repeating: "", count: count)
    }

    func store(_ text: String, at index: Int) {
        lock.lock()
        texts[index] = text
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return texts
    }
}

extension SitePlan {
    /// The site's part of the plan JSON.
    public var json: JSONOutput {
        .object([
            ("name", .string(name)),
            ("line", .string(lineID)),
            ("role", .string(role.rawValue)),
            ("building", .string(building)),
            ("address", .string(address)),
            ("contact", .string(contact)),
            ("phone", .string(phone)),
            ("area", .string(area.rawValue)),
            ("bandwidth", .string(bandwidth.description)),
            ("interface", .string(interface.rawValue)),
            ("protection", .string(protection.rawValue)),
            ("qualification", .string(qualification.rawValue)),
            ("reason", .string(qualificationReason)),
            (
                "access",
                .object([
                    ("technology", .string(technology?.rawValue)),
                    ("node", .string(accessNode)),
                    (
                        "alternatives",
                        .array(
                            alternatives.map {
                                .object([
                                    ("technology", .string($0.technology.rawValue)),
                                    ("status", .string($0.status.rawValue)),
                                    ("node", .string($0.node)), ("reason", .string($0.reason)),
                                ])
                            })
                    ),
                ])
            ),
            ("farEnd", .string(farEnd)),
            (
                "path",
                .object([
                    ("working", working.map { .array($0.nodes.map { .string($0) }) } ?? .null),
                    ("protection", protectionPath.map { .array($0.nodes.map { .string($0) }) } ?? .null),
                    ("workingLinks", working.map { .array($0.links.map { .string($0) }) } ?? .null),
                    ("protectionLinks", protectionPath.map { .array($0.links.map { .string($0) }) } ?? .null),
                    ("workingKm", working.map { .decimal($0.metres, scale: 3) } ?? .null),
                    ("protectionKm", protectionPath.map { .decimal($0.metres, scale: 3) } ?? .null),
                    ("sharedRiskGroups", .array(sharedRiskGroups.map { .string($0) })),
                ])
            ),
            (
                "confirmation",
                .object([
                    ("outcome", .string(outcome.rawValue)),
                    (
                        "segments",
                        .array(
                            segments.map {
                                .object([
                                    ("segment", .string($0.segment)), ("status", .string($0.status)),
                                    ("reason", .string($0.reason)),
                                ])
                            })
                    ),
                ])
            ),
            ("hubVLAN", hubVLAN.map { .integer($0) } ?? .null),
            (
                "addresses",
                .object([
                    ("interconnect", .string(addresses.interconnect?.description)),
                    ("lan", .string(addresses.lan?.description)),
                    ("apnPool", .string(addresses.apnPool?.description)),
                    ("tunnel", .string(addresses.tunnels.first?.description)),
                    ("tunnels", .array(addresses.tunnels.map { .string($0.description) })),
                    ("publicLAN", .string(addresses.publicLAN?.description)),
                ])
            ),
            (
                "gre",
                .array(
                    tunnels.map {
                        .object([
                            ("ggsn", .string($0.ggsn)), ("ggsnAddress", .string($0.ggsnAddress.description)),
                            ("customerAddress", .string($0.customerAddress?.description)),
                            ("inner", .string($0.inner?.description)), ("pool", .string($0.pool?.description)),
                        ])
                    })
            ),
            (
                "router",
                .object([
                    ("model", .string(router.model)), ("platform", .string(router.platform)),
                    ("verdict", .string(router.verdict)), ("reasons", .array(router.reasons.map { .string($0) })),
                    ("configuredModel", .string(router.configuredModel)),
                    ("replacement", .string(router.replacement)), ("module", .string(router.module)),
                ])
            ),
            ("hostname", .string(hostname)),
            ("config", .string(configFile)),
            ("readyDate", .string(readyDate?.description)),
            ("repairHours", .integer(repairHours)),
        ])
    }
}
