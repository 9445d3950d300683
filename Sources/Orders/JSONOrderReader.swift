import LocatedJSON

/// Reads an order's JSON into a ``RawOrder``: checks the shape (an object, known keys, `sites` an array
/// of objects) and leaves the values to ``OrderChecker``.
enum JSONOrderReader {
    /// The keys an order object may have.
    static let orderKeys = [
        "$schema", "description", "id", "customer", "product", "request", "received", "mature", "sites",
    ]
    /// The keys a site object may have.
    static let siteKeys = [
        "name", "address", "contact", "phone", "building", "location", "area", "bandwidth", "interface", "protection",
        "router", "routerVersionFile", "lan", "publicLAN", "terminals",
    ]

    /// Reads the document's root, reporting the problems of its shape.
    ///
    /// - Returns: The raw order, or `nil` when the root is not an object.
    static func read(_ root: JSONValue, diagnostics: inout PendingDiagnostics) -> RawOrder? {
        guard let members = root.members else {
            diagnostics.error("expected an object, found \(root.typeDescription)", at: root.offset, path: "")
            return nil
        }
        checkKeys(members, path: "", allowed: orderKeys, diagnostics: &diagnostics)
        var order = record(members, offset: root.offset, path: "", allowed: orderKeys)
        order["sites"] = nil
        for key in ["$schema"] {
            if let value = order[key], case .json(let json) = value.content, !json.isNull, json.string == nil {
                diagnostics.error(
                    "expected a string, found \(json.typeDescription)", at: json.offset, path: order.path(key))
            }
        }
        var elements: [JSONValue] = []
        var sitesOffset = root.offset
        if let member = members.first(where: { $0.key == "sites" }) {
            let value = member.value
            sitesOffset = value.offset
            if value.isNull {
                diagnostics.error("'sites' must not be null", at: value.offset, path: "sites")
            } else if let array = value.elements {
                elements = array
                if elements.isEmpty {
                    diagnostics.error("an order needs at least one site", at: value.offset, path: "sites")
                }
            } else {
                diagnostics.error("expected an array, found \(value.typeDescription)", at: value.offset, path: "sites")
            }
        } else {
            diagnostics.error("missing required key 'sites'", at: root.offset, path: "")
        }
        for (index, element) in elements.enumerated() {
            if let siteMembers = element.members {
                checkKeys(siteMembers, path: "sites[\(index)]", allowed: siteKeys, diagnostics: &diagnostics)
            } else {
                diagnostics.error(
                    "expected an object, found \(element.typeDescription)", at: element.offset, path: "sites[\(index)]")
            }
        }
        return RawOrder(order: order, siteCount: elements.count, sitesOffset: sitesOffset, columns: nil) { index in
            let element = elements[index]
            return element.members.map {
                record($0, offset: element.offset, path: "sites[\(index)]", allowed: siteKeys)
            }
        }
    }

    /// Records an error for each key of an object that is not allowed, suggesting the closest allowed key.
    private static func checkKeys(
        _ members: [JSONMember], path: String, allowed: [String], diagnostics: inout PendingDiagnostics
    ) {
        for member in members where !allowed.contains(member.key) {
            diagnostics.error(
                unknownKeyMessage(member.key, allowed: allowed), at: member.keyOffset,
                path: path.isEmpty ? member.key : "\(path).\(member.key)")
        }
    }

    /// Makes a record of an object's allowed keys.
    private static func record(_ members: [JSONMember], offset: Int, path: String, allowed: [String]) -> RawRecord {
        var record = RawRecord(offset: offset, path: path)
        for member in members where allowed.contains(member.key) {
            record[member.key] = RawField(content: .json(member.value), offset: member.value.offset)
        }
        return record
    }

    private static func unknownKeyMessage(_ key: String, allowed: [String]) -> String {
        guard let suggestion = JSONObjectView.closest(to: key, in: allowed) else {
            return "unknown key '\(TextRules.shown(key))'"
        }
        return "unknown key '\(TextRules.shown(key))'; did you mean '\(suggestion)'?"
    }
}
