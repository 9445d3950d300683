// MARK: - Checks and messages

extension PrefixAllocator {
    /// Throws unless `length` can be allocated from this pool.
    ///
    /// - Parameters:
    ///   - length: The requested prefix length.
    ///   - count: The number of blocks requested, or `nil` for a single-block request.
    /// - Throws: ``NetAddressError/Code/lengthOutOfRange``.
    func checkAllocationLength(_ length: Int, count: Int?) throws(NetAddressError) {
        let reason: String
        if let problem = IPv4Prefix.lengthProblem(length) {
            reason = problem
        } else if length < pool.length {
            reason = "a /\(length) is larger than the pool"
        } else {
            return
        }
        throw NetAddressError(
            code: .lengthOutOfRange,
            message: "cannot allocate a /\(length) from pool \(pool): \(reason)",
            input: count.map { "\($0) x /\(length)" } ?? "/\(length)"
        )
    }

    /// Throws unless `prefix` lies inside the pool.
    ///
    /// - Parameters:
    ///   - prefix: The block to check.
    ///   - action: What was being done, for the message (`reserve`, `release`).
    /// - Throws: ``NetAddressError/Code/notInPool``.
    func checkInPool(_ prefix: IPv4Prefix, action: String) throws(NetAddressError) {
        guard !pool.contains(prefix) else { return }
        let reason = prefix.contains(pool) ? "it is larger than the pool" : "it is not inside the pool"
        let preposition = action == "release" ? "from" : "in"
        throw NetAddressError(
            code: .notInPool,
            message: "cannot \(action) \(prefix) \(preposition) pool \(pool): \(reason)",
            input: prefix.description
        )
    }

    /// Returns the error for a multi-block request that the pool cannot satisfy.
    ///
    /// - Parameters:
    ///   - count: The number of blocks requested.
    ///   - length: Their prefix length.
    ///   - available: How many such blocks are free.
    /// - Returns: A ``NetAddressError/Code/poolExhausted`` error.
    func exhaustedError(count: Int, length: Int, available: some BinaryInteger) -> NetAddressError {
        let blocks = available == 1 ? "block is" : "blocks are"
        return NetAddressError(
            code: .poolExhausted,
            message: "pool \(pool) cannot supply \(count) blocks of /\(length): only \(available) free /\(length) "
                + "\(blocks) left, so nothing was allocated",
            input: "\(count) x /\(length)"
        )
    }

    /// Describes the free space for an exhaustion message.
    ///
    /// - Parameter length: The prefix length that could not be allocated.
    /// - Returns: Text such as `all 256 addresses are allocated`.
    func spaceSummary(length: Int) -> String {
        if freeAddressCount == 0 {
            return "all \(pool.size) addresses are allocated"
        }
        return "\(freeAddressCount) of \(pool.size) addresses are free, but no aligned /\(length) block"
    }
}
