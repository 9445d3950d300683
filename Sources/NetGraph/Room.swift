/// A machine room (机房) that hosts equipment.
public struct Room: Sendable, Hashable {
    /// The room's identifier, unique in the network.
    public var id: String
    /// The room's display name, such as 汉口火车站机房.
    public var name: String
    /// Where the room is, when known.
    public var location: Location?
    /// The place the room belongs to, widest first and separated by `/` (`湖北/武汉`, `C01`), or `nil`.
    ///
    /// Sites whose access node is in the room draw their addresses from the pools of this region, then
    /// of the regions above it, then from the pools without a region (see ``Pool/region``).
    public var region: String?

    /// Creates a room.
    public init(id: String, name: String, location: Location? = nil, region: String? = nil) {
        self.id = id
        self.name = name
        self.location = location
        self.region = region
    }
}
