import LocatedJSON
import NetGraph
import Testing

/// Loads `text` as `net.json`, which must fail, and returns every diagnostic as printed, in order.
///
/// Records an issue when the file loads.
func loadErrors(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    loadErrors(bytes: Array(text.utf8), sourceLocation: sourceLocation)
}

/// Loads bytes as `net.json`, which must fail, and returns every diagnostic as printed, in order.
///
/// Records an issue when the file loads.
func loadErrors(bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    do {
        let loaded = try Network.load(name: "net.json", bytes: bytes)
        Issue.record("the file loaded, with warnings \(loaded.warnings)", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Loads `text` as `net.json`, which must succeed, and returns its warnings as printed, in order.
func loadWarnings(_ text: String) throws -> [String] {
    try Network.load(name: "net.json", bytes: Array(text.utf8)).warnings.map(\.description)
}

/// Loads `text` as `net.json`, which must succeed.
func loadNetwork(_ text: String) throws -> Network {
    try Network.load(name: "net.json", bytes: Array(text.utf8)).network
}
