/// A point on the area's plane, in kilometres east (`x`) and north (`y`) of the area's origin.
public struct Location: Sendable, Hashable {
    /// Kilometres east of the origin.
    public var x: Double
    /// Kilometres north of the origin.
    public var y: Double

    /// Creates a location.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The straight-line distance to another location, in km.
    public func distance(to other: Location) -> Double {
        let east = x - other.x
        let north = y - other.y
        return (east * east + north * north).squareRoot()
    }
}
