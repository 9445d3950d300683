import Devices
import Foundation
import Testing

/// Paths and loaders shared by the Devices tests.
enum Support {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The text of a fixture under `Tests/DevicesTests/Fixtures/`.
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// The shipped catalog, `Templates/routers.json`.
    static func catalog() throws -> RouterCatalog {
        let url = packageRoot.appendingPathComponent("Templates/routers.json")
        return try RouterCatalog.load(name: "routers.json", bytes: [UInt8](try Data(contentsOf: url)))
    }
}
