import Dispatch

/// Independent pieces of work run on every core, their results kept in the pieces' order.
///
///     let texts = OnEveryCore.map(count: documents.count) { documents[$0].make() }
///
/// The result does not depend on how the pieces were scheduled: piece *i*'s result is element *i*.
enum OnEveryCore {
    /// Runs `work` for every index below `count`, on every core, and gives the results in index order.
    ///
    /// Each index writes only its own element, so the pieces need no lock; a piece that fails returns
    /// its failure as its value (a `Result`), and the caller picks the first in index order.
    ///
    /// - Parameters:
    ///   - count: How many pieces.
    ///   - work: One piece, given its index; called once per index, from any thread.
    /// - Returns: The pieces' results, in index order.
    /// - Complexity: The pieces' work, spread over the cores; listing the largest pieces first
    ///   balances the cores best, since free cores take the next index.
    static func map<Value: Sendable>(count: Int, _ work: @Sendable (Int) -> Value) -> [Value] {
        guard count > 1 else { return (0..<count).map(work) }
        return [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let slots = Slots(base: base)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots.base + index).initialize(to: work(index))
            }
            initialized = count
        }
    }
}

/// The uninitialised elements of the result, each written by the one piece of its index.
private struct Slots<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>
}
