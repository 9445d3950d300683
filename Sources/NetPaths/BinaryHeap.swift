/// A 4-ary min-heap of values ordered by `<`, the priority queue of the path searches.
///
/// After apple/swift-collections' `Heap`, cut down to what Dijkstra needs. Four children per
/// node halve the depth of a binary heap, and moving a hole instead of swapping halves the
/// writes; equal elements come out in a fixed order because the element type breaks every tie.
struct BinaryHeap<Element: Comparable & Sendable>: Sendable {
    private(set) var storage: [Element] = []

    var isEmpty: Bool { storage.isEmpty }

    mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
    }

    /// Inserts an element.
    ///
    /// - Complexity: O(log *n*).
    mutating func insert(_ element: Element) {
        storage.append(element)
        var hole = storage.count - 1
        while hole > 0 {
            let parent = (hole - 1) / 4
            guard element < storage[parent] else { break }
            storage[hole] = storage[parent]
            hole = parent
        }
        storage[hole] = element
    }

    /// Removes and returns the smallest element.
    ///
    /// - Complexity: O(log *n*).
    mutating func popMin() -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let minimum = storage[0]
        let count = storage.count
        var hole = 0
        while true {
            let first = 4 * hole + 1
            guard first < count else { break }
            var smallest = first
            let end = min(first + 4, count)
            var child = first + 1
            while child < end {
                if storage[child] < storage[smallest] { smallest = child }
                child += 1
            }
            guard storage[smallest] < last else { break }
            storage[hole] = storage[smallest]
            hole = smallest
        }
        storage[hole] = last
        return minimum
    }
}
