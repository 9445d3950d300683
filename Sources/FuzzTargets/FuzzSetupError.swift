/// A fuzz harness or corpus that cannot be set up: a demo file or template folder missing or broken.
///
/// Run from the package folder (or give it), so that `Topologies/`, `Templates/` and `Tests/FuzzCorpus/`
/// are found.
public struct FuzzSetupError: Error, Sendable, CustomStringConvertible {
    /// What is missing or broken, naming the path.
    public let message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
