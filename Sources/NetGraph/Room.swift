/// A machine room (机房) that hosts equipment.
public struct Room: Sendable, Hashable {
    /// The room's identifier, unique in the network.
    public var id: String
    /// The room's display name, such as 汉口火车站机房.
    public var name: String
    /// Where the room is, when known.
    public var location: Location?

    /// Creates a room.
    public init(id: String, name: String, location: Location? = nil) {
        self.id = id
        self.name = name
        self.location = location
    }
}
