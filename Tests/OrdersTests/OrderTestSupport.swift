import Foundation
import LocatedJSON
import Orders
import Testing

/// The package's files, found from this file's path: `Tests/OrdersTests/` is two folders below the root.
enum PackageFiles {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bytes of a file in the package, such as `Topologies/wuhan/orders/bank-apn.json`.
    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }
}

/// Loads `text` as an order file, which must fail, and returns every diagnostic as printed, in order.
///
/// Records an issue when the file loads.
func orderErrors(
    _ text: String, name: String = "order.json", sourceLocation: SourceLocation = #_sourceLocation
) -> [String] {
    orderErrors(bytes: Array(text.utf8), name: name, sourceLocation: sourceLocation)
}

/// Loads bytes as an order file, which must fail, and returns every diagnostic as printed, in order.
func orderErrors(
    bytes: [UInt8], name: String = "order.json", sourceLocation: SourceLocation = #_sourceLocation
) -> [String] {
    do {
        let loaded = try OrderFile.load(name: name, bytes: bytes)
        Issue.record("the file loaded, with warnings \(loaded.warnings)", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Loads `text` as an order file, which must succeed.
func loadOrder(_ text: String, name: String = "order.json") throws -> LoadedOrder {
    try OrderFile.load(name: name, bytes: Array(text.utf8))
}

/// Order texts for the tests.
enum OrderText {
    /// A JSON order whose sites are on lines 7, 8, …, each starting at column 5.
    ///
    ///     1 {
    ///     2   "id": "ORD-1",
    ///     3   "customer": "某银行武汉分行",
    ///     4   "product": "internet",
    ///     5   "received": "2026-11-25",
    ///     6   "sites": [
    ///     7     {"name": "HQ", …},
    ///     8     …
    static func json(product: String = "internet", sites: [String]) -> String {
        """
        {
          "id": "ORD-1",
          "customer": "某银行武汉分行",
          "product": "\(product)",
          "received": "2026-11-25",
          "sites": [
            \(sites.joined(separator: ",\n    "))
          ]
        }
        """
    }

    /// A JSON order of one site with the given members after `"name": "HQ", `.
    static func json(product: String = "internet", site members: String) -> String {
        json(product: product, sites: [#"{"name": "HQ", "# + members + "}"])
    }

    /// The CSV header of the tests' orders.
    static let csvHeader = "id,customer,product,received,name,building,bandwidth,interface"

    /// A CSV order: the header, then the rows, with LF line endings.
    static func csv(header: String = csvHeader, _ rows: String...) -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }

    /// A CSV row of the order `ORD-1` for site `name` at `building`, 10M on FE.
    static func row(_ name: String, building: String = "BLD-A", bandwidth: String = "10M") -> String {
        "ORD-1,某银行武汉分行,internet,2026-11-25,\(name),\(building),\(bandwidth),FE"
    }
}
