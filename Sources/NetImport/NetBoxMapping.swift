import LocatedJSON
import NetGraph

/// How NetBox's vocabulary maps to LinePlan's: device role slug → node kind, interface type value →
/// port type, prefix role slug (or tag slug) → pool purpose, and the origin for site coordinates.
///
/// ``defaults`` covers the usual slugs; a mapping file (JSON) adds to or overrides them:
///
///     {"roles": {"agg-router": "ptn"}, "interfaceTypes": {"1000base-lx": "GE"},
///      "prefixRoles": {"p2p": "interconnect"}, "origin": [114.2, 30.55]}
public struct NetBoxMapping: Sendable {
    /// Device role slug → node kind (`NodeKind` raw value).
    public var roles: [String: String]
    /// Interface type value → port type (`PortType` raw value).
    public var interfaceTypes: [String: String]
    /// Prefix role slug or tag slug → pool purpose (`Pool.Purpose` raw value).
    public var prefixRoles: [String: String]
    /// Longitude and latitude of the plane's origin; the first site with coordinates when absent.
    public var origin: (longitude: Double, latitude: Double)?

    /// The documented defaults: a role slug that is a node kind maps to it, plus the common names below.
    public static let defaults = NetBoxMapping(
        roles: Dictionary(uniqueKeysWithValues: NodeKind.allCases.map { ($0.rawValue, $0.rawValue) }).merging(
            [
                "customer": "building", "customer-site": "building", "cpe": "building", "wlan": "wlan-ap",
                "access-point": "wlan-ap", "gprs-vpn": "gprs-vpn-switch", "mstp": "sdh", "pe": "cmnet",
            ], uniquingKeysWith: { $1 }),
        interfaceTypes: [
            "100base-tx": "FE", "100base-fx": "FE", "1000base-t": "GE", "1000base-x-sfp": "GE", "1000base-lx": "GE",
            "10gbase-t": "10GE", "10gbase-x-sfpp": "10GE", "10gbase-x-xfp": "10GE", "100gbase-x-qsfp28": "100GE",
            "100gbase-x-cfp": "100GE", "gpon": "PON", "xg-pon": "PON", "xgs-pon": "PON", "epon": "PON", "t1": "E1",
            "e1": "E1", "sonet-oc3": "STM-1", "sonet-oc12": "STM-4", "sonet-oc48": "STM-16",
        ],
        prefixRoles: [
            "interconnect": "interconnect", "p2p": "interconnect", "lan": "lan", "customer-lan": "lan", "apn": "apn",
            "tunnel": "tunnel", "gre": "tunnel", "loopback": "loopback", "public": "public", "cmnet": "public",
        ],
        origin: nil)

    /// Reads a mapping file over the defaults.
    ///
    /// - Parameters:
    ///   - name: The file's name for diagnostics.
    ///   - bytes: The JSON text.
    /// - Returns: The defaults with the file's entries added or replaced.
    /// - Throws: ``ImportError`` for bad JSON, unknown keys, and values that are not LinePlan kinds,
    ///   port types or purposes, all at once.
    /// - Complexity: O(*s*) in the size of the file.
    public static func load(name: String, bytes: [UInt8]) throws(ImportError) -> NetBoxMapping {
        let document: JSONDocument
        do {
            document = try JSONDocument(name: name, bytes: bytes)
        } catch {
            throw ImportError(diagnostics: error.diagnostics)
        }
        var mapping = defaults
        var report = DiagnosticReport(document: document)
        guard let top = JSONObjectView(document.root, path: "", report: &report) else {
            throw ImportError(diagnostics: report.sortedDiagnostics)
        }
        top.checkKeys(["roles", "interfaceTypes", "prefixRoles", "origin"], report: &report)
        let tables: [(String, WritableKeyPath<NetBoxMapping, [String: String]>, [String])] = [
            ("roles", \.roles, NodeKind.allCases.map(\.rawValue)),
            ("interfaceTypes", \.interfaceTypes, PortType.allCases.map(\.rawValue)),
            ("prefixRoles", \.prefixRoles, Pool.Purpose.allCases.map(\.rawValue)),
        ]
        for (key, path, allowed) in tables {
            guard let object = top.object(key, required: false, report: &report) else { continue }
            for member in object.members {
                guard let value = object.string(member.key, report: &report) else { continue }
                guard allowed.contains(value) else {
                    report.error(
                        "'\(value)' is not one of \(allowed.joined(separator: ", "))", at: member.value.offset,
                        path: object.path(member.key))
                    continue
                }
                mapping[keyPath: path][member.key] = value
            }
        }
        if let origin = top.value("origin") {
            if let elements = origin.elements, elements.count == 2, let longitude = elements[0].number?.double,
                let latitude = elements[1].number?.double, abs(longitude) <= 180, abs(latitude) <= 90
            {
                mapping.origin = (longitude, latitude)
            } else {
                report.error("expected [longitude, latitude] in degrees", at: origin.offset, path: "origin")
            }
        }
        if report.hasErrors { throw ImportError(diagnostics: report.sortedDiagnostics) }
        return mapping
    }
}
