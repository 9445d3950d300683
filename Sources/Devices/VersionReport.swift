/// What pasted `show version` (Cisco) or `display version` (Huawei, H3C) output says about a router.
public struct VersionReport: Sendable, Hashable {
    /// The operating system family.
    public enum Family: String, Sendable, Hashable {
        /// Cisco IOS.
        case ios
        /// Huawei VRP.
        case vrp
        /// H3C/HP Comware.
        case comware
    }

    /// One interface line of the output: `2 FastEthernet interfaces`, or the ports of `[SLOT]` lines.
    public struct InterfaceCount: Sendable, Hashable {
        /// What kind of interface.
        public enum Kind: String, Sendable, Hashable {
            /// 10 Mbit/s Ethernet.
            case ethernet
            /// Fast Ethernet.
            case fastEthernet
            /// Gigabit Ethernet.
            case gigabitEthernet
            /// Synchronous or asynchronous serial (V.35 and the like).
            case serial
            /// E1 or channelised E1.
            case e1
            /// ISDN.
            case isdn
            /// ATM (ADSL).
            case atm
            /// Anything else.
            case other
        }

        /// The label as printed: `FastEthernet`, `Low-speed serial(sync/async)`, `ETH`.
        public var label: String
        /// The kind.
        public var kind: Kind
        /// How many.
        public var count: Int

        /// Creates a count.
        public init(label: String, kind: Kind, count: Int) {
            self.label = label
            self.kind = kind
            self.count = count
        }
    }

    /// The vendor word: `Cisco`, `Huawei`, `Quidway`, `H3C`, `HP`.
    public var vendor: String
    /// The operating system family.
    public var family: Family
    /// The software version: `12.4(15)T1`, `3.40`, `5.160`, `5.20`.
    public var version: String
    /// The release or product version: `0201` (VRP 3), `V200R007C00SPC900` (VRP 5), `2209L22` (Comware).
    public var release: String?
    /// The IOS image (feature set): `C1841-ADVIPSERVICESK9-M`.
    public var image: String?
    /// The IOS system image file: `flash:c1841-advipservicesk9-mz.124-15.T1.bin`.
    public var imageFile: String?
    /// The model: `1841`, `AR28-11`, `AR1220`, `MSR20-20`; `nil` when the output names none.
    public var model: String?
    /// The interfaces the output counts, in order of first appearance.
    public var interfaces: [InterfaceCount]
    /// The expansion slot count, when the output gives one (VRP 5 `LPU Slot Quantity`).
    public var slotCount: Int?

    /// Creates a report.
    public init(
        vendor: String, family: Family, version: String, release: String?, image: String?, imageFile: String?,
        model: String?, interfaces: [InterfaceCount], slotCount: Int?
    ) {
        self.vendor = vendor
        self.family = family
        self.version = version
        self.release = release
        self.image = image
        self.imageFile = imageFile
        self.model = model
        self.interfaces = interfaces
        self.slotCount = slotCount
    }

    /// The configuration dialect of the running software: IOS → `ios`; VRP 3.x → `vrp3`; VRP 5.x →
    /// `vrp5`; Comware 5 → `vrp3` (the same commands); anything else `nil`.
    public var dialect: ConfigDialect? {
        let major = version.prefix { $0 != "." }
        switch (family, major) {
        case (.ios, _): return .ios
        case (.vrp, "3"): return .vrp3
        case (.vrp, "5"): return .vrp5
        case (.comware, "5"): return .vrp3
        default: return nil
        }
    }

    /// The IOS major and minor release numbers: (12, 4) for `12.4(15)T1`; `nil` for other families.
    public var iosRelease: (Int, Int)? {
        guard family == .ios else {
            return nil
        }
        let parts = version.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1].prefix { $0.isNumber }) else {
            return nil
        }
        return (major, minor)
    }

    /// The software in words: `Cisco IOS 12.4(15)T1 (C1841-ADVIPSERVICESK9-M)`, `Huawei VRP 3.40 Release 0201`.
    public var softwareDescription: String {
        switch family {
        case .ios:
            return "Cisco IOS \(version)" + (image.map { " (\($0))" } ?? "")
        case .vrp:
            return "Huawei VRP \(version)"
                + (release.map { version.hasPrefix("3") ? " Release \($0)" : " (\($0))" } ?? "")
        case .comware:
            return "Comware \(version)" + (release.map { " Release \($0)" } ?? "")
        }
    }

    /// The count of interfaces of one kind (0 when none is listed).
    ///
    /// - Parameter kind: The kind.
    /// - Returns: The sum of the counts of that kind.
    public func count(of kind: InterfaceCount.Kind) -> Int {
        interfaces.filter { $0.kind == kind }.reduce(0) { $0 + $1.count }
    }

    /// One line: `model 1841, Cisco IOS 12.4(15)T1 (C1841-ADVIPSERVICESK9-M), 2 FastEthernet, 2 Low-speed serial(sync/async)`.
    public var summary: String {
        var parts = ["model \(model ?? "not named")", softwareDescription]
        parts.append(contentsOf: interfaces.map { "\($0.count) \($0.label)" })
        if let slotCount {
            parts.append("\(slotCount) expansion slots")
        }
        return parts.joined(separator: ", ")
    }
}
