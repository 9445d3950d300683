// MARK: - Queries

extension PrefixAllocator {
    /// Returns whether every address of a block is inside the pool and free.
    ///
    /// - Parameter prefix: The block to test.
    /// - Returns: `true` when `prefix` could be reserved now.
    /// - Complexity: O(32).
    public func isFree(_ prefix: IPv4Prefix) -> Bool {
        guard pool.contains(prefix) else { return false }
        if case .free = occupancy(of: prefix) { return true }
        return false
    }

    /// Returns the block that ``allocate(length:)`` would return now, without allocating it.
    ///
    /// - Parameter length: The prefix length wanted.
    /// - Returns: The lowest free aligned block of that length, or `nil` when there is none or `length` is
    ///   outside `pool.length...32`.
    /// - Complexity: O(32).
    public func firstFree(length: Int) -> IPv4Prefix? {
        guard length >= pool.length, length <= 32, Int(nodes[0].shortestFree) <= length else { return nil }
        var node = 0
        var depth = pool.length
        var network = pool.network.value
        while depth < length {
            let firstChild = nodes[node].firstChild
            if firstChild < 0 { break }  // A free leaf at least as large as wanted: its start is the answer.
            let lower = Int(firstChild)
            if Int(nodes[lower].shortestFree) <= length {
                node = lower
            } else {
                node = lower + 1
                network |= Self.halfBit(depth: depth)
            }
            depth += 1
        }
        return IPv4Prefix(uncheckedNetwork: network, length: length)
    }

    /// Returns how many blocks of a length could still be allocated.
    ///
    /// - Parameter length: The prefix length.
    /// - Returns: The number of free aligned blocks of that length; 0 when `length` is outside
    ///   `pool.length...32`.
    /// - Complexity: O(*n*) in the number of allocated blocks.
    public func freeBlockCount(length: Int) -> UInt64 {
        guard length >= pool.length, length <= 32 else { return 0 }
        var count: UInt64 = 0
        var stack: [(node: Int, depth: Int)] = [(0, pool.length)]
        while let (index, depth) = stack.popLast() {
            let node = nodes[index]
            guard Int(node.shortestFree) <= length else { continue }
            if node.isLeaf {
                count += UInt64(1) << UInt64(length - depth)
            } else {
                stack.append((Int(node.firstChild), depth + 1))
                stack.append((Int(node.firstChild) + 1, depth + 1))
            }
        }
        return count
    }

    /// The allocated and reserved blocks in ascending address order.
    ///
    /// - Complexity: O(*n*) in the number of allocated blocks.
    public var allocatedBlocks: [IPv4Prefix] {
        var blocks: [IPv4Prefix] = []
        blocks.reserveCapacity(allocatedBlockCount)
        var stack: [(node: Int, depth: Int, network: UInt32)] = [(0, pool.length, pool.network.value)]
        while let (index, depth, network) = stack.popLast() {
            let node = nodes[index]
            if node.isLeaf {
                if node.shortestFree == Node.noFreeSpace {
                    blocks.append(IPv4Prefix(uncheckedNetwork: network, length: depth))
                }
            } else {
                let lower = Int(node.firstChild)
                stack.append((lower + 1, depth + 1, network | Self.halfBit(depth: depth)))
                stack.append((lower, depth + 1, network))
            }
        }
        return blocks
    }
}
