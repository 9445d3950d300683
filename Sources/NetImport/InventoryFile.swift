public import LocatedJSON
public import NetGraph

/// One CSV file of an inventory folder: its name as shown in messages, and its bytes.
public struct InventoryFile: Sendable {
    /// The file's path as the user should see it in diagnostics, such as `inventory/nodes.csv`.
    public var name: String
    /// The file's content.
    public var bytes: [UInt8]

    /// Creates a file record.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The file's last path component, which names its table.
    public var fileName: String {
        name.split(separator: "/").last.map(String.init) ?? name
    }
}

/// A network read from an inventory folder or a NetBox export, with the warnings found on the way.
public struct ImportedNetwork: Sendable {
    /// The network, checked by every rule of a network file.
    public var network: Network
    /// Warnings, located in the input files; they do not stop the import.
    public var warnings: [SourceDiagnostic]

    /// Creates a result.
    public init(network: Network, warnings: [SourceDiagnostic]) {
        self.network = network
        self.warnings = warnings
    }
}
