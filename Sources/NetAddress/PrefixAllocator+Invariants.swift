// MARK: - Invariants

extension PrefixAllocator {
    /// Checks the allocator's internal tree and returns every broken invariant, for tests.
    ///
    /// Checked: each leaf is free at its own length or allocated; no split block has two free halves (they
    /// must have merged); every split block's `shortestFree` is the smaller of its halves'; the counters match
    /// the allocated leaves; each pair of halves names its parent; every stored node is either in the tree or in
    /// a spare pair; and each current search hint is an allocated block with no free block of its length below.
    ///
    /// - Returns: A description of each violation; empty when the allocator is consistent.
    /// - Complexity: O(*n*) in the number of nodes.
    func _checkInvariants() -> [String] {
        var problems: [String] = []
        var addresses: UInt64 = 0
        var blocks = 0
        var reachable = 0
        var stack: [(node: Int, depth: Int, network: UInt32)] = [(0, pool.length, pool.network.value)]
        while let (index, depth, network) = stack.popLast() {
            let block = IPv4Prefix(uncheckedNetwork: network, length: depth)
            guard nodes.indices.contains(index) else {
                problems.append("\(block): node index \(index) is outside the node array")
                continue
            }
            reachable += 1
            let node = nodes[index]
            if node.isLeaf {
                if node.shortestFree == Node.noFreeSpace {
                    addresses += block.size
                    blocks += 1
                } else if Int(node.shortestFree) != depth {
                    problems.append("\(block): free leaf records shortestFree \(node.shortestFree)")
                }
                continue
            }
            let lower = Int(node.firstChild)
            guard depth < 32, lower >= 0, lower + 1 < nodes.count else {
                problems.append("\(block): split node has invalid children at \(lower)")
                continue
            }
            if lower % 2 == 0 || !pairParents.indices.contains((lower - 1) / 2) {
                problems.append("\(block): halves at \(lower) are not a stored pair")
                continue
            }
            if pairParents[(lower - 1) / 2] != Int32(index) {
                problems.append("\(block): halves at \(lower) name parent \(pairParents[(lower - 1) / 2])")
            }
            let halves = [nodes[lower], nodes[lower + 1]]
            if halves.allSatisfy({ $0.isLeaf && Int($0.shortestFree) == depth + 1 }) {
                problems.append("\(block): both halves are free but were not merged")
            }
            let expected = min(halves[0].shortestFree, halves[1].shortestFree)
            if node.shortestFree != expected {
                problems.append("\(block): shortestFree is \(node.shortestFree), halves say \(expected)")
            }
            stack.append((lower + 1, depth + 1, network | Self.halfBit(depth: depth)))
            stack.append((lower, depth + 1, network))
        }
        if addresses != allocatedAddressCount {
            problems.append("allocatedAddressCount is \(allocatedAddressCount), the tree holds \(addresses)")
        }
        if blocks != allocatedBlockCount {
            problems.append("allocatedBlockCount is \(allocatedBlockCount), the tree holds \(blocks)")
        }
        if 2 * pairParents.count + 1 != nodes.count {
            problems.append("\(nodes.count) nodes stored but \(pairParents.count) pair parents")
        }
        if reachable + 2 * sparePairs.count != nodes.count {
            problems.append("\(nodes.count) nodes stored, \(reachable) in the tree, \(sparePairs.count) spare pairs")
        }
        for (length, hint) in searchHints.enumerated() where hint.node > 0 && hint.generation == releaseGeneration {
            let hinted = IPv4Prefix(uncheckedNetwork: hint.network, length: length)
            guard nodes.indices.contains(Int(hint.node)) else {
                problems.append("search hint \(hinted) names node \(hint.node), outside the node array")
                continue
            }
            if !nodes[Int(hint.node)].isLeaf || nodes[Int(hint.node)].shortestFree != Node.noFreeSpace
                || occupancy(of: hinted) != .allocated
            {
                problems.append("search hint \(hinted) is not an allocated block")
            }
            if let lowest = firstFree(length: length), lowest.network <= hinted.network {
                problems.append("search hint \(hinted) is above the free block \(lowest)")
            }
        }
        return problems
    }
}
