public import LocatedJSON
import WorkCalendar
import NetAddress
import NetGraph
import Orders

extension Plan {
    /// The plan as the documented JSON of `lineplan plan --format json` (and `plan.json`).
    ///
    /// - Complexity: O(size of the plan).
    public var json: JSONOutput {
        .object([
            (
                "order",
                .object([
                    ("id", .string(order.id)), ("customer", .string(order.customer)),
                    ("product", .string(order.product.rawValue)), ("request", .string(order.request.rawValue)),
                    ("received", .string(order.received.description)), ("mature", .bool(order.mature)),
                    ("network", .string(network)),
                ])
            ),
            (
                "reply",
                .object([
                    ("outcome", .string(reply.outcome.rawValue)), ("due", .string(reply.due.description)),
                    ("workingDays", .integer(reply.workingDays)), ("department", .string(reply.department)),
                    ("accessPoints", .integer(reply.accessPoints)),
                ])
            ),
            ("sites", .array(sites.map(\.json))),
            ("warnings", .array(warnings.map { .string($0) })),
            ("ceasedLines", .array(ceasedLines.map { .string($0) })),
        ])
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
                                    ("technology", .string($0.technology.rawValue)), ("status", .string($0.status.rawValue)),
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
            (
                "addresses",
                .object([
                    ("interconnect", .string(addresses.interconnect?.description)),
                    ("lan", .string(addresses.lan?.description)),
                    ("apnPool", .string(addresses.apnPool?.description)),
                    ("tunnel", .string(addresses.tunnels.first?.description)),
                    ("tunnels", .array(addresses.tunnels.map { .string($0.description) })),
                ])
            ),
            (
                "gre",
                .array(
                    tunnels.map {
                        .object([
                            ("ggsn", .string($0.ggsn)), ("ggsnAddress", .string($0.ggsnAddress.description)),
                            ("customerAddress", .string($0.customerAddress?.description)),
                            ("inner", .string($0.inner?.description)),
                        ])
                    })
            ),
            (
                "router",
                .object([
                    ("model", .string(router.model)), ("platform", .string(router.platform)),
                    ("verdict", .string(router.verdict)), ("reasons", .array(router.reasons.map { .string($0) })),
                ])
            ),
            ("repairHours", .integer(repairHours)),
        ])
    }
}
