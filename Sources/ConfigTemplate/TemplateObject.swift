/// Named template values that keep the order in which their keys were first inserted.
///
/// Iteration follows insertion order, so a context prints the same way every time. Lookups use a
/// hash computed once per key; small objects scan their keys' hashes, larger ones keep an index
/// table, so lookups are O(1) on average either way.
///
///     var site: TemplateObject = ["name": "SITE-A"]
///     site["lan"] = ["address": "192.168.10.1", "mask": "255.255.255.0"]
///     let context = TemplateValue.object(site)
///
/// Two objects are equal when they hold the same keys in the same order with equal values.
public struct TemplateObject: Sendable {
    fileprivate struct Entry: Sendable {
        var key: HashedKey
        var value: TemplateValue
    }

    /// The entries in insertion order.
    private var entries: [Entry]
    /// Open-addressing table of positions in `entries` (-1 for an empty slot); empty while the
    /// object is small enough to scan.
    private var table: [Int32]

    /// Objects with at most this many keys are scanned instead of indexed.
    private static let scanLimit = 8

    /// Creates an empty object.
    public init() {
        entries = []
        table = []
    }

    /// Creates an object from key-value pairs, keeping their order.
    ///
    /// A key given twice keeps its first position and its last value.
    ///
    /// - Parameter pairs: The key-value pairs, in order.
    /// - Complexity: O(*n*) on average for *n* pairs.
    public init(_ pairs: some Sequence<(String, TemplateValue)>) {
        self.init()
        entries.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs {
            self[key] = value
        }
    }

    /// Creates an object from a dictionary, with the keys in ascending order.
    ///
    /// - Parameter dictionary: The values by key.
    /// - Complexity: O(*n* log *n*) for *n* keys.
    public init(_ dictionary: [String: TemplateValue]) {
        self.init(dictionary.sorted { $0.key < $1.key }.lazy.map { ($0.key, $0.value) })
    }

    /// The keys, in insertion order.
    ///
    /// - Complexity: O(*n*) for *n* keys.
    public var keys: [String] { entries.map(\.key.name) }

    /// The number of keys.
    public var count: Int { entries.count }

    /// A Boolean value that tells whether the object has no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// Accesses the value for a key; setting `nil` removes the key.
    ///
    /// A new key goes to the end of the order; replacing a value keeps the key's position.
    ///
    /// - Parameter key: The key.
    /// - Complexity: O(1) on average to read, insert or replace; O(*n*) to remove.
    public subscript(key: String) -> TemplateValue? {
        get { self[HashedKey(key)] }
        set {
            let hashed = HashedKey(key)
            switch (position(of: hashed), newValue) {
            case (let position?, let newValue?):
                entries[position].value = newValue
            case (nil, let newValue?):
                entries.append(Entry(key: hashed, value: newValue))
                if entries.count > Self.scanLimit {
                    if table.count < 2 * entries.count {
                        rebuildTable()
                    } else {
                        insertIntoTable(entries.count - 1)
                    }
                }
            case (let position?, nil):
                entries.remove(at: position)
                rebuildTable()
            case (nil, nil):
                break
            }
        }
    }

    /// Returns the value for a key whose hash is already known.
    ///
    /// - Complexity: O(1) on average.
    subscript(key: HashedKey) -> TemplateValue? {
        guard let position = position(of: key) else {
            return nil
        }
        return entries[position].value
    }

    // MARK: - Hash table

    private func position(of key: HashedKey) -> Int? {
        if table.isEmpty {
            for position in entries.indices where entries[position].key == key {
                return position
            }
            return nil
        }
        let mask = table.count - 1
        var slot = Self.slot(for: key.hash, mask: mask)
        while true {
            let position = Int(table[slot])
            if position < 0 {
                return nil
            }
            if entries[position].key == key {
                return position
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func rebuildTable() {
        guard entries.count > Self.scanLimit else {
            table = []
            return
        }
        var capacity = 16
        while capacity < 4 * entries.count {
            capacity *= 2
        }
        table = Array(repeating: -1, count: capacity)
        for position in entries.indices {
            insertIntoTable(position)
        }
    }

    private mutating func insertIntoTable(_ position: Int) {
        let mask = table.count - 1
        var slot = Self.slot(for: entries[position].key.hash, mask: mask)
        while table[slot] >= 0 {
            slot = (slot + 1) & mask
        }
        table[slot] = Int32(truncatingIfNeeded: position)
    }

    /// Spreads the hash over the table (Fibonacci hashing) and keeps the bits under `mask`.
    private static func slot(for hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }
}

// MARK: - Equatable

extension TemplateObject: Equatable {
    /// Returns whether two objects hold the same keys in the same order with equal values.
    ///
    /// - Complexity: O(*n*) for *n* keys, plus the cost of comparing the values.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

// MARK: - Sequence

extension TemplateObject: Sequence {
    /// An iterator over the key-value pairs of an object, in insertion order.
    public struct Iterator: IteratorProtocol {
        private var base: IndexingIterator<[Entry]>

        fileprivate init(_ entries: [Entry]) {
            base = entries.makeIterator()
        }

        /// Returns the next key-value pair, or `nil` after the last.
        ///
        /// - Returns: The pair, or `nil`.
        public mutating func next() -> (key: String, value: TemplateValue)? {
            base.next().map { ($0.key.name, $0.value) }
        }
    }

    /// Returns an iterator over the key-value pairs, in insertion order.
    ///
    /// - Returns: The iterator.
    public func makeIterator() -> Iterator {
        Iterator(entries)
    }

    /// The number of key-value pairs.
    public var underestimatedCount: Int { entries.count }
}

// MARK: - Literals

extension TemplateObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a dictionary literal, keeping the order of the keys.
    ///
    /// A key given twice keeps its first position and its last value.
    ///
    /// - Parameter elements: The key-value pairs, in order.
    /// - Complexity: O(*n*) on average for *n* pairs.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}
