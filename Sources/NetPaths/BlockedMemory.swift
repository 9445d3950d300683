import NetGraph

/// What a ``PathFinder`` remembers of the demands it found blocked, so that meeting one again costs less
/// and says the same.
///
/// A finder's capacity only shrinks: ``PathFinder/reserve(_:on:)`` takes capacity and nothing gives it
/// back (a negative bandwidth, which would, forgets every reach). So a blocked demand stays blocked, and
/// what decided it can be used again while nothing it rests on has changed:
///
/// - The route that ignores capacity, whose first refusing link is the blockage's cause, depends on the
///   request's ends, exclusions, cost and layering alone. It is kept per request less its bandwidth; the
///   first link on it that refuses, and its numbers, are read again from the links as they stand.
/// - What a failed search reached stays exactly what the same demand reaches while no link inside it
///   (between two reached nodes, from one that carries transit or is the source) has been reserved since
///   and now refuses the demand. Then the refusals at its edge are read again from the links as they
///   stand, without a search; otherwise the search runs again.
///
/// Either way the blockage is the one a finder without the memory would give. One finder plans one
/// order, so the memory lasts one plan. Reaches are bounded to a few times the network's nodes in all.
struct BlockedMemory: Sendable {
    /// The nodes a failed search settled, with the bandwidth it searched for and the reservations made
    /// before it.
    struct Reach: Sendable {
        var bandwidth: Bandwidth
        var reservation: Int
        var nodes: [Int32]
    }

    /// What is known of one request, whatever its bandwidth.
    struct Entry: Sendable {
        /// The route that ignores capacity, or `nil` when there is none.
        var route: Path?
        /// The last failed search's reach.
        var reach: Reach?
    }

    /// Entries by request with a zero bandwidth (``key(_:)``).
    private(set) var entries: [PathRequest: Entry] = [:]
    /// Reservations made so far.
    private(set) var reservations = 0
    /// The number of the last reservation on each link, 0 for none.
    private(set) var reservedAt: [Int]
    /// Nodes held in all reaches.
    private var reachNodes = 0
    /// The most nodes all reaches may hold.
    private let reachBudget: Int

    /// Creates an empty memory for a network of `nodeCount` nodes and `linkCount` links.
    init(nodeCount: Int, linkCount: Int) {
        reservedAt = Array(repeating: 0, count: linkCount)
        reachBudget = max(4 * nodeCount, 1 << 16)
    }

    /// A request's key: the request with a zero bandwidth.
    static func key(_ request: PathRequest) -> PathRequest {
        var key = request
        key.bandwidth = .zero
        return key
    }

    /// The entry of a request, if it was found blocked before.
    subscript(request: PathRequest) -> Entry? { entries[Self.key(request)] }

    /// Keeps the route that ignores capacity of a blocked request.
    mutating func remember(route: Path?, of request: PathRequest) {
        entries[Self.key(request), default: Entry()].route = route
    }

    /// Keeps what a failed search for a request reached (the request has an entry already: its diagnosis
    /// made one).
    ///
    /// - Complexity: O(1), or O(*e*) for the *e* entries when the reaches outgrow their budget and are
    ///   forgotten.
    mutating func remember(reach nodes: [Int32], of request: PathRequest) {
        let key = Self.key(request)
        guard var entry = entries[key], nodes.count <= reachBudget else { return }
        reachNodes -= entry.reach?.nodes.count ?? 0
        entry.reach = nil
        if reachNodes + nodes.count > reachBudget {
            forgetReaches()
        }
        entry.reach = Reach(bandwidth: request.bandwidth, reservation: reservations, nodes: nodes)
        reachNodes += nodes.count
        entries[key] = entry
    }

    /// Notes a reservation on links.
    ///
    /// - Complexity: O(*k*) for the *k* links.
    mutating func noteReservation(of bandwidth: Bandwidth, on links: [Int]) {
        reservations += 1
        for link in links where reservedAt.indices.contains(link) { reservedAt[link] = reservations }
        // A negative bandwidth gives capacity back: what a search reached may grow.
        if bandwidth < .zero { forgetReaches() }
    }

    private mutating func forgetReaches() {
        for key in entries.keys { entries[key]?.reach = nil }
        reachNodes = 0
    }
}
