extension ConfigIntent {
    /// How a routed interface reaches the carrier: the layer below IP.
    ///
    /// Serial links (E1 channels and V.35 ports) run PPP, never HDLC: Cisco HDLC and Huawei HDLC frame
    /// differently and do not interoperate, and the far end of a line may be either vendor.
    ///
    ///     // A hub's sub-interface for one branch, VLAN 101 on the trunk port.
    ///     .dot1Q(vlan: 101, parent: "GigabitEthernet0/0")          // GigabitEthernet0/0.101
    ///     // A 2M MSTP line on the first E1 of a VWIC2-1MFT-T1/E1, all 31 timeslots.
    ///     .e1(controller: "0/0/0", timeslots: 1...31)              // Serial0/0/0:0
    public enum LinkLayer: Sendable, Hashable {
        /// An Ethernet port (or a VLAN interface): the default.
        case ethernet
        /// An 802.1Q sub-interface of a trunk port: the interface is named `<parent>.<n>` (`GigabitEthernet0/0.101`),
        /// and the parent is written once, without an address, before its sub-interfaces.
        case dot1Q(vlan: Int, parent: String)
        /// A channel of a channelised E1 on a controller (`0/0/0` on IOS, `1/0` on VRP 3): the interface is the
        /// channel's serial, `Serial<controller>:<channel>` (`Serial0/0/0:0`), running PPP.
        case e1(controller: String, timeslots: ClosedRange<Int>)
        /// A synchronous serial (V.35) port as DTE, clocked by the carrier, running PPP.
        case serial

        /// Whether the link runs PPP (E1 channels and V.35 ports).
        public var isPPP: Bool {
            switch self {
            case .e1, .serial: true
            case .ethernet, .dot1Q: false
            }
        }

        /// The VLAN of a dot1Q sub-interface, or `nil`.
        public var vlan: Int? {
            if case .dot1Q(let vlan, _) = self {
                return vlan
            }
            return nil
        }

        /// The trunk port of a dot1Q sub-interface, or `nil`.
        public var parent: String? {
            if case .dot1Q(_, let parent) = self {
                return parent
            }
            return nil
        }

        /// The E1 controller, or `nil`.
        public var controller: String? {
            if case .e1(let controller, _) = self {
                return controller
            }
            return nil
        }

        /// The E1 timeslots as configurations write them: `1-31`, or `16` for one timeslot; `nil` for other links.
        public var timeslotText: String? {
            guard case .e1(_, let timeslots) = self else {
                return nil
            }
            return Self.timeslotText(timeslots)
        }

        static func timeslotText(_ timeslots: ClosedRange<Int>) -> String {
            timeslots.lowerBound == timeslots.upperBound
                ? "\(timeslots.lowerBound)" : "\(timeslots.lowerBound)-\(timeslots.upperBound)"
        }

        /// The channel (IOS channel-group, VRP channel-set) of an E1 interface named `Serial<controller>:<n>`, or
        /// `nil` when the link is not E1 or the name does not follow that form.
        ///
        /// - Parameter interfaceName: The interface's name.
        /// - Returns: The channel number.
        /// - Complexity: O(*n*) in the length of the name.
        public func channel(of interfaceName: String) -> Int? {
            guard case .e1(let controller, _) = self else {
                return nil
            }
            let prefix = "Serial\(controller):"
            guard interfaceName.hasPrefix(prefix) else {
                return nil
            }
            let digits = interfaceName.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber)
            else {
                return nil
            }
            return Int(digits)
        }
    }
}
