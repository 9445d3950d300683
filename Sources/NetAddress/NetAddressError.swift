/// An error from parsing, prefix arithmetic, pool allocation or pool sizing.
///
/// Every error carries a machine-readable ``code``, a one-line human ``message`` that names the
/// offending input and says exactly what is wrong, and the ``input`` text itself:
///
///     do {
///         _ = try IPv4Prefix(parsing: "10.0.0.1/30")
///     } catch {
///         print(error)  // invalid prefix '10.0.0.1/30': host bits are set (did you mean 10.0.0.0/30?)
///     }
public struct NetAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Equatable {
        /// The text is not a strict dotted-quad IPv4 address.
        case invalidAddress
        /// The text is not of the form `a.b.c.d/length`.
        case invalidPrefix
        /// The network address has bits set below the prefix length.
        case hostBitsSet
        /// A prefix length is outside 0...32, or outside what a pool can supply.
        case lengthOutOfRange
        /// The pool has no free block of the requested size (or not enough of them).
        case poolExhausted
        /// A prefix lies (partly) outside the allocator's pool.
        case notInPool
        /// A prefix to reserve overlaps a block that is already allocated or reserved.
        case alreadyAllocated
        /// A prefix to release is not exactly a block that was allocated or reserved.
        case notAllocated
        /// A request's arguments are out of range (a negative count, zero terminals, ...).
        case invalidRequest
    }

    /// The kind of failure.
    public var code: Code
    /// One line saying what is wrong and with which input, fit for stderr.
    public var message: String
    /// The offending input as text (the string parsed, the prefix or the length requested).
    public var input: String

    /// Creates an error; public so that callers and tests can build expected values.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: One line saying what is wrong and with which input.
    ///   - input: The offending input as text.
    public init(code: Code, message: String, input: String) {
        self.code = code
        self.message = message
        self.input = input
    }

    /// The one-line ``message``.
    public var description: String { message }
}
