import LocatedJSON

/// The router models LinePlan knows, read from `Templates/routers.json`.
///
///     let catalog = try RouterCatalog.load(name: "Templates/routers.json", bytes: bytes)
///     let model = catalog.model(named: "Quidway AR28-11")  // Huawei AR28-11
///
/// Names match loosely: case, spaces, `-` and `_` are ignored, and so is a vendor word in front
/// (`Cisco`, `Huawei`, `Quidway`, `H3C`, `HP`, `MikroTik`, `TP-Link`), so `CISCO1841`, `cisco 1841`
/// and `1841` all name the Cisco 1841.
public struct RouterCatalog: Sendable {
    /// The models in file order.
    public let models: [RouterModel]
    private let index: [String: Int]

    /// Creates a catalog from models; a later model never replaces an earlier one of the same key.
    ///
    /// - Parameter models: The models, in order.
    public init(models: [RouterModel]) {
        self.models = models
        var index: [String: Int] = [:]
        for (position, model) in models.enumerated() {
            for key in [model.name] + model.aliases {
                let normal = Self.normalise(key)
                if index[normal] == nil {
                    index[normal] = position
                }
            }
        }
        self.index = index
    }

    /// Returns the model a name refers to, if the catalog has it.
    ///
    /// - Parameter name: A model name or alias, loosely spelt.
    /// - Returns: The model, or `nil`.
    /// - Complexity: O(*n*) in the length of the name.
    public func model(named name: String) -> RouterModel? {
        index[Self.normalise(name)].map { models[$0] }
    }

    /// Returns the catalog model whose name is closest to a misspelt one, for "did you mean".
    ///
    /// - Parameter name: The unknown name.
    /// - Returns: The closest model name within two edits, or `nil`.
    public func suggestion(for name: String) -> String? {
        let normal = Self.normalise(name)
        guard !normal.isEmpty else {
            return nil
        }
        var keys: [String] = []
        var owners: [String: String] = [:]
        for model in models {
            for key in [model.name] + model.aliases {
                let candidate = Self.normalise(key)
                if owners[candidate] == nil {
                    owners[candidate] = model.name
                    keys.append(candidate)
                }
            }
        }
        return JSONObjectView.closest(to: normal, in: keys).flatMap { owners[$0] }
    }

    /// The models the access handbook says to buy when a customer's router will not do.
    public var recommendedModels: [RouterModel] { models.filter(\.recommended) }

    /// Folds a model name to its lookup key: upper case, without spaces, `-`, `_` or a leading vendor word.
    ///
    /// - Parameter name: The name.
    /// - Returns: The key: `Quidway AR28-11` → `AR2811`.
    public static func normalise(_ name: String) -> String {
        var key = String(name.uppercased().unicodeScalars.filter { !" -_\t".unicodeScalars.contains($0) })
        for vendor in ["CISCO", "HUAWEI", "QUIDWAY", "H3C", "HPE", "HP", "MIKROTIK", "TPLINK"]
        where key.hasPrefix(vendor) && key.count > vendor.count {
            key.removeFirst(vendor.count)
            break
        }
        return key
    }
}
