/// One column of an inventory table: the key LinePlan uses and the header names it accepts.
public struct InventoryColumn: Sendable, Hashable {
    /// The column's key, also its English header as `export` writes it: `id`, `kind`, `vc12Used`.
    public let key: String
    /// Other English headers accepted.
    public let english: [String]
    /// Chinese headers accepted, as the carrier's resource system writes them; the first is written by
    /// `export --headers zh`.
    public let chinese: [String]
    /// Whether every row needs a value in it.
    public let required: Bool

    init(_ key: String, _ english: [String] = [], zh chinese: [String], required: Bool = false) {
        self.key = key
        self.english = english
        self.chinese = chinese
        self.required = required
    }

    /// Every header this column accepts, English first.
    public var headers: [String] { [key] + english + chinese }

    /// A header folded for matching: ASCII lower case, without spaces, `_`, `-` and `.`, full-width
    /// brackets made ASCII, so `Optical Class`, `optical_class` and `opticalClass` match.
    ///
    /// - Complexity: O(*n*) in the length of the header.
    public static func fold(_ header: String) -> String {
        var result = ""
        for scalar in header.unicodeScalars {
            switch scalar {
            case " ", "_", "-", ".", "\u{3000}", "\t": continue
            case "（": result += "("
            case "）": result += ")"
            case "A"..."Z": result.unicodeScalars.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// The tables of an inventory folder, one CSV file each.
public enum InventoryTable: String, Sendable, CaseIterable, Comparable {
    /// Machine rooms: `rooms.csv` or `机房.csv`.
    case rooms
    /// Nodes (network elements): `nodes.csv` or `网元.csv`.
    case nodes
    /// Ports by node and type, as counts or one row per port: `ports.csv` or `端口.csv`.
    case ports
    /// Links: `links.csv` or `链路.csv`.
    case links
    /// Rings, declared so that a link's ring is checked: `rings.csv` or `环.csv`.
    case rings
    /// Address pools: `pools.csv` or `地址池.csv`.
    case pools
    /// Policy values and the network's name: `policy.csv` or `策略.csv`.
    case policy

    /// Orders tables as listed (rooms first), so diagnostics come in reading order.
    public static func < (lhs: InventoryTable, rhs: InventoryTable) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }

    /// The Chinese file name (without `.csv`).
    public var chineseName: String {
        switch self {
        case .rooms: "机房"
        case .nodes: "网元"
        case .ports: "端口"
        case .links: "链路"
        case .rings: "环"
        case .pools: "地址池"
        case .policy: "策略"
        }
    }

    /// Whether an inventory must have this table.
    public var isRequired: Bool { self == .nodes || self == .links }

    /// The table's columns, in the order `export` writes them.
    public var columns: [InventoryColumn] {
        switch self {
        case .rooms:
            [
                .init("id", ["room id"], zh: ["机房编码", "机房ID", "机房编号"], required: true),
                .init("name", ["room name"], zh: ["机房名称"]),
                .init("x", ["x (km)", "east (km)"], zh: ["东距(km)", "X坐标(km)"]),
                .init("y", ["y (km)", "north (km)"], zh: ["北距(km)", "Y坐标(km)"]),
                .init("longitude", ["lon", "lng"], zh: ["经度"]),
                .init("latitude", ["lat"], zh: ["纬度"]),
                .init("region", ["city"], zh: ["地市", "所属地市", "归属地市"]),
            ]
        case .nodes:
            [
                .init("id", ["node id", "node"], zh: ["网元编码", "网元ID", "网元编号", "网元标识"], required: true),
                .init("kind", ["type", "device type"], zh: ["设备类型", "网元类型"], required: true),
                .init("name", ["node name"], zh: ["网元名称"]),
                .init("room", ["room id"], zh: ["机房", "所属机房", "机房编码"]),
                .init("x", ["x (km)", "east (km)"], zh: ["东距(km)", "X坐标(km)"]),
                .init("y", ["y (km)", "north (km)"], zh: ["北距(km)", "Y坐标(km)"]),
                .init("longitude", ["lon", "lng"], zh: ["经度"]),
                .init("latitude", ["lat"], zh: ["纬度"]),
                .init("ponStandard", ["pon"], zh: ["PON制式"]),
                .init("opticalClass", [], zh: ["光功率等级", "光模块等级"]),
                .init("maxONUsPerPort", ["max ONUs"], zh: ["单端口最大ONU数"]),
                .init("splitterRatio", ["split ratio"], zh: ["分光比"]),
                .init("splitterUsed", [], zh: ["分光器已用", "已用分支数"]),
                .init("area", [], zh: ["区域", "城乡"]),
                .init("address", [], zh: ["地址", "安装地址"]),
            ]
        case .ports:
            [
                .init("node", ["node id"], zh: ["网元编码", "网元", "所属网元"], required: true),
                .init("type", ["port type"], zh: ["端口类型"], required: true),
                .init("total", ["count"], zh: ["端口总数", "总数"]),
                .init("used", [], zh: ["已用", "已用数", "占用数"]),
                .init("port", ["port name"], zh: ["端口", "端口名称"]),
                .init("state", ["status"], zh: ["状态", "端口状态"]),
            ]
        case .links:
            [
                .init("id", ["link id"], zh: ["链路编码", "链路ID", "电路编号"], required: true),
                .init("a", ["a end", "from"], zh: ["A端", "A端网元"], required: true),
                .init("b", ["b end", "z", "z end", "to"], zh: ["Z端", "B端", "Z端网元"], required: true),
                .init("rate", ["bandwidth"], zh: ["速率", "带宽"], required: true),
                .init("committed", ["used capacity"], zh: ["已用带宽", "已占用带宽"]),
                .init("km", ["length (km)", "length"], zh: ["长度(km)", "长度", "距离(km)"], required: true),
                .init("segment", [], zh: ["段落", "网络层次"], required: true),
                .init("technology", ["tech"], zh: ["传输技术", "链路类型", "技术"], required: true),
                .init("ring", [], zh: ["所属环", "环", "环名称"]),
                .init("srlg", ["shared risk group"], zh: ["共享风险组"]),
                .init("cable", ["duct"], zh: ["光缆段", "管道"]),
                .init("weight", ["admin weight"], zh: ["权重", "管理权重"]),
                .init("vc4", ["vc4 total"], zh: ["VC4总数"]),
                .init("vc4Used", [], zh: ["VC4已用"]),
                .init("vc12Used", [], zh: ["VC12已用"]),
                .init("otnSlots", ["slots"], zh: ["时隙总数"]),
                .init("otnUsed", ["slots used"], zh: ["时隙已用"]),
                .init("fibreCores", ["cores", "fiberCores"], zh: ["纤芯总数"]),
                .init("fibreUsed", ["cores used", "fiberUsed"], zh: ["纤芯已用"]),
            ]
        case .rings:
            [
                .init("id", ["ring", "ring id"], zh: ["环编码", "环名称"], required: true),
                .init("technology", ["tech"], zh: ["传输技术", "技术"]),
                .init("segment", [], zh: ["段落", "网络层次"]),
            ]
        case .pools:
            [
                .init("id", ["pool", "pool id"], zh: ["地址池编码", "地址池"], required: true),
                .init("purpose", [], zh: ["用途"], required: true),
                .init("prefix", ["network"], zh: ["网段", "地址段", "前缀"], required: true),
                .init("region", ["city", "scope"], zh: ["地市", "所属地市", "归属地市", "适用范围"]),
            ]
        case .policy:
            [
                .init("key", ["name", "parameter"], zh: ["参数", "参数名"], required: true),
                .init("value", [], zh: ["值", "取值"], required: true),
            ]
        }
    }

    /// The table a file name stands for (`nodes.csv`, `网元.csv`, any letter case), if any.
    ///
    /// - Complexity: O(*n*) in the length of the name.
    public static func named(_ fileName: String) -> InventoryTable? {
        let lower = fileName.lowercased()
        guard lower.hasSuffix(".csv") else { return nil }
        let stem = String(lower.dropLast(4))
        return allCases.first { $0.rawValue == stem || $0.chineseName == stem }
    }
}
