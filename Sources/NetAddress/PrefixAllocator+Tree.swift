// MARK: - Tree walking

extension PrefixAllocator {
    /// How a block inside the pool relates to the allocated blocks.
    enum Occupancy: Equatable {
        /// Every address of the block is free.
        case free
        /// The block is exactly an allocated block.
        case allocated
        /// The block lies inside a larger allocated block.
        case insideAllocated(IPv4Prefix)
        /// The block contains allocated blocks; the associated value is the lowest of them.
        case containsAllocated(IPv4Prefix)
    }

    /// Returns how a block inside the pool relates to the allocated blocks.
    ///
    /// - Parameter prefix: A block inside the pool.
    /// - Returns: The block's occupancy.
    /// - Complexity: O(32).
    func occupancy(of prefix: IPv4Prefix) -> Occupancy {
        var node = 0
        var depth = pool.length
        while true {
            let current = nodes[node]
            if current.isLeaf {
                if current.shortestFree != Node.noFreeSpace { return .free }
                if depth == prefix.length { return .allocated }
                return .insideAllocated(IPv4Prefix(uncheckedNetwork: prefix.network.value, length: depth))
            }
            if depth >= prefix.length {
                return .containsAllocated(lowestAllocated(below: node, depth: depth, network: prefix.network.value))
            }
            let upper = prefix.network.value & Self.halfBit(depth: depth) != 0
            node = Int(current.firstChild) + (upper ? 1 : 0)
            depth += 1
        }
    }

    /// Returns the lowest allocated block inside a split block.
    ///
    /// - Parameters:
    ///   - node: The index of a split node; every split node has an allocated block below it.
    ///   - depth: The node's prefix length.
    ///   - network: The node's network address.
    /// - Returns: The lowest allocated block below the node.
    func lowestAllocated(below node: Int, depth: Int, network: UInt32) -> IPv4Prefix {
        var current = node
        var currentDepth = depth
        var currentNetwork = network
        while !nodes[current].isLeaf {
            let lower = Int(nodes[current].firstChild)
            let lowerIsFreeLeaf = nodes[lower].isLeaf && nodes[lower].shortestFree != Node.noFreeSpace
            if lowerIsFreeLeaf {
                current = lower + 1
                currentNetwork |= Self.halfBit(depth: currentDepth)
            } else {
                current = lower
            }
            currentDepth += 1
        }
        return IPv4Prefix(uncheckedNetwork: currentNetwork, length: currentDepth)
    }

    /// Allocates the lowest free aligned block of a length, and counts it.
    ///
    /// The walk starts at the root, or, when the search hint for this length is current, at the last block of
    /// this length that was allocated: climb from it to the first ancestor that still holds a free block of the
    /// length, then go down. That is sound because, with no release since, free space has only shrunk, so no
    /// free block of the length lies below the hinted one; the lowest free block in that ancestor is then the
    /// lowest in the pool. Allocating in address order therefore costs O(1) amortised instead of a full walk.
    ///
    /// - Parameter length: A prefix length in `pool.length...32`.
    /// - Returns: The allocated block, or `nil` (with nothing changed) when no block of that length is free.
    /// - Complexity: O(32); O(1) amortised when allocating one length repeatedly without releases.
    mutating func allocateLowest(length: Int) -> IPv4Prefix? {
        let wanted = UInt8(length)
        guard nodes[0].shortestFree <= wanted else { return nil }
        var node = 0
        var depth = pool.length
        var network = pool.network.value
        let hint = searchHints[length]
        if hint.node > 0 && hint.generation == releaseGeneration {
            node = Int(hint.node)
            depth = length
            while node != 0 && nodes[node].shortestFree > wanted {
                node = Int(pairParents[(node - 1) >> 1])
                depth -= 1
            }
            network = hint.network & IPv4Prefix.mask(length: depth)
        }
        while depth < length {
            var firstChild = nodes[node].firstChild
            if firstChild < 0 {
                split(node, childLength: depth + 1)  // A free leaf: its lowest part is the answer.
                firstChild = nodes[node].firstChild
            }
            let lower = Int(firstChild)
            if nodes[lower].shortestFree <= wanted {
                node = lower
            } else {
                node = lower + 1
                network |= Self.halfBit(depth: depth)
            }
            depth += 1
        }
        let block = IPv4Prefix(uncheckedNetwork: network, length: length)
        nodes[node].shortestFree = Node.noFreeSpace
        refreshAncestors(of: node, depth: length)
        searchHints[length] = SearchHint(node: Int32(node), network: network, generation: releaseGeneration)
        allocatedAddressCount += block.size
        allocatedBlockCount += 1
        return block
    }

    /// Marks a free block as allocated, splitting larger free blocks on the way down, and counts it.
    ///
    /// - Parameter block: A block inside the pool whose occupancy is ``Occupancy/free``.
    /// - Complexity: O(32).
    mutating func markAllocated(_ block: IPv4Prefix) {
        let network = block.network.value
        var node = 0
        var depth = pool.length
        while depth < block.length {
            if nodes[node].isLeaf {
                split(node, childLength: depth + 1)
            }
            let lower = Int(nodes[node].firstChild)
            node = network & Self.halfBit(depth: depth) == 0 ? lower : lower + 1
            depth += 1
        }
        nodes[node].shortestFree = Node.noFreeSpace
        refreshAncestors(of: node, depth: block.length)
        allocatedAddressCount += block.size
        allocatedBlockCount += 1
    }

    /// Marks an allocated block as free, merging free halves on the way up, and uncounts it.
    ///
    /// - Parameter block: A block whose occupancy is ``Occupancy/allocated``.
    /// - Complexity: O(32).
    mutating func markFree(_ block: IPv4Prefix) {
        let network = block.network.value
        var node = 0
        var depth = pool.length
        while depth < block.length {
            let lower = Int(nodes[node].firstChild)
            node = network & Self.halfBit(depth: depth) == 0 ? lower : lower + 1
            depth += 1
        }
        nodes[node].shortestFree = UInt8(block.length)
        releaseGeneration &+= 1  // Free space below a hint may appear, and merges recycle nodes.
        refreshAncestors(of: node, depth: block.length)
        allocatedAddressCount -= block.size
        allocatedBlockCount -= 1
    }

    /// Recomputes `shortestFree` from a changed node up towards the root, merging two free halves into a free
    /// leaf, and stops at the first ancestor whose value does not change.
    ///
    /// Stopping early is sound: an ancestor's value depends only on its halves, and a merge higher up needs a
    /// half that has just become a free leaf, which changes that half's value. Blocks split on the way down
    /// still hold their old free-leaf value, which is always smaller than their new one, so the walk passes
    /// through all of them.
    ///
    /// - Parameters:
    ///   - start: The index of the node that changed.
    ///   - depth: Its prefix length.
    /// - Complexity: O(32), and O(1) amortised when allocating in address order.
    mutating func refreshAncestors(of start: Int, depth: Int) {
        var child = start
        var childLength = UInt8(depth)
        while child != 0 {
            let parent = Int(pairParents[(child - 1) >> 1])
            let parentLength = childLength - 1
            let lower = Int(nodes[parent].firstChild)
            let lowerNode = nodes[lower]
            let upperNode = nodes[lower + 1]
            if lowerNode.isLeaf && upperNode.isLeaf && lowerNode.shortestFree == childLength
                && upperNode.shortestFree == childLength
            {
                nodes[parent] = Node(firstChild: -1, shortestFree: parentLength)
                sparePairs.append(Int32(lower))
            } else {
                let value = min(lowerNode.shortestFree, upperNode.shortestFree)
                if nodes[parent].shortestFree == value { return }
                nodes[parent].shortestFree = value
            }
            child = parent
            childLength = parentLength
        }
    }

    /// Splits a free leaf into two free halves.
    ///
    /// - Parameters:
    ///   - node: The index of a free leaf.
    ///   - childLength: The prefix length of the halves.
    mutating func split(_ node: Int, childLength: Int) {
        let half = Node(firstChild: -1, shortestFree: UInt8(childLength))
        let lower: Int
        if let spare = sparePairs.popLast() {
            lower = Int(spare)
            nodes[lower] = half
            nodes[lower + 1] = half
            pairParents[(lower - 1) >> 1] = Int32(node)
        } else {
            lower = nodes.count
            nodes.append(half)
            nodes.append(half)
            pairParents.append(Int32(node))
        }
        nodes[node].firstChild = Int32(lower)
    }

    /// Returns the bit that separates the two halves of a block of prefix length `depth` (0...31).
    ///
    /// - Parameter depth: The prefix length of the block being halved.
    /// - Returns: `1 << (31 − depth)`.
    static func halfBit(depth: Int) -> UInt32 {
        UInt32(1) &<< UInt32(truncatingIfNeeded: 31 - depth)
    }
}
