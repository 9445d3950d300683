import Devices
public import LocatedJSON
import NetAddress
import NetGraph
import Orders
import WorkCalendar

extension Plan {
    /// The plan as the documented JSON of `lineplan plan --format json` (and `plan.json`), as a value.
    ///
    /// ``renderedJSONBytes`` writes the same bytes without building this value; the tests hold the two
    /// to each other.
    ///
    /// - Complexity: O(size of the plan).
    public var json: JSONOutput {
        .object(jsonMembers(sites: .array(sites.map(\.json))))
    }

    /// The top-level members, with the sites' value given (``renderedJSONBytes`` streams the sites).
    func jsonMembers(sites sitesValue: JSONOutput) -> [(String, JSONOutput)] {
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
            ("warnings", .array(warnings.map { .string($0.english) })),
            ("warningFindings", Finding.json(warnings)),
            ("ceasedLines", .array(ceasedLines.map { .string($0) })),
        ]
    }
}

extension SitePlan {
    /// The site's part of the plan JSON.
    public var json: JSONOutput {
        let alternatives: [JSONOutput] = alternatives.map {
            .object([
                ("technology", .string($0.technology.rawValue)), ("status", .string($0.status.rawValue)),
                ("node", .string($0.node)), ("reason", .string($0.reason)), ("findings", Finding.json($0.findings)),
            ])
        }
        let segments: [JSONOutput] = segments.map { check in
            .object([
                ("segment", .string(check.segment.rawValue)), ("status", .string(check.status.rawValue)),
                ("reason", .string(check.reason)), ("findings", Finding.json(check.findings)),
                ("links", .array(check.links.map { .string($0) })), ("nodes", .array(check.nodes.map { .string($0) })),
                ("pools", .array(check.pools.map { .string($0) })),
            ])
        }
        let router: JSONOutput = .object([
            ("model", .string(self.router.model)), ("platform", .string(self.router.platform)),
            ("verdict", .string(self.router.verdict.rawValue)),
            ("reasons", .array(self.router.reasons.map { .string($0) })),
            ("failures", Finding.json(self.router.failures)), ("notes", Finding.json(self.router.notes)),
            ("configuredModel", .string(self.router.configuredModel)),
            ("replacement", .string(self.router.replacement)), ("module", .string(self.router.module)),
        ])
        let path: JSONOutput = .object([
            ("working", working.map { .array($0.nodes.map { .string($0) }) } ?? .null),
            ("protection", protectionPath.map { .array($0.nodes.map { .string($0) }) } ?? .null),
            ("workingLinks", working.map { .array($0.links.map { .string($0) }) } ?? .null),
            ("protectionLinks", protectionPath.map { .array($0.links.map { .string($0) }) } ?? .null),
            ("workingKm", working.map { .decimal($0.metres, scale: 3) } ?? .null),
            ("protectionKm", protectionPath.map { .decimal($0.metres, scale: 3) } ?? .null),
            ("sharedRiskGroups", .array(sharedRiskGroups.map { .string($0) })),
        ])
        return .object([
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
            ("findings", Finding.json(qualificationFindings)),
            (
                "access",
                .object([
                    ("technology", .string(technology?.rawValue)),
                    ("node", .string(accessNode)),
                    ("alternatives", .array(alternatives)),
                ])
            ),
            ("farEnd", .string(farEnd)),
            ("path", path),
            (
                "confirmation",
                .object([
                    ("outcome", .string(outcome.rawValue)),
                    ("segments", .array(segments)),
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
            ("router", router),
            ("hostname", .string(hostname)),
            ("config", .string(configFile)),
            ("readyDate", .string(readyDate?.description)),
            ("repairHours", .integer(repairHours)),
        ])
    }
}

extension Finding {
    /// Findings as plan.json writes them: per finding its `code`, its `parameters` by name, and the
    /// English `text`.
    ///
    /// - Parameter findings: The findings, in order.
    /// - Returns: A JSON array.
    public static func json(_ findings: [Finding]) -> JSONOutput {
        .array(
            findings.map { finding in
                .object([
                    ("code", .string(finding.code)),
                    (
                        "parameters",
                        .object(
                            finding.parameters.map { parameter in
                                switch parameter.value {
                                case .text(let text): (parameter.name, .string(text))
                                case .number(let number): (parameter.name, .integer(number))
                                case .texts(let texts): (parameter.name, .array(texts.map { .string($0) }))
                                case .numbers(let numbers): (parameter.name, .array(numbers.map { .integer($0) }))
                                case .null: (parameter.name, .null)
                                }
                            })
                    ),
                    ("text", .string(finding.english)),
                ])
            })
    }
}
