import Devices
import Testing

@Suite struct ConfigNamesTests {
    /// Worked by hand: the order id's ASCII part is `2026`, which starts with a digit, so `LP-2026`;
    /// the sites are not ASCII, so `S1`, `S2`, `S3` by position.
    @Test func chineseNamesGetTheOrdersASCIIPartAndThePosition() {
        let names = ConfigNames.assign(
            orderID: "武汉-2026-工行", sites: [("总部", .vrp3), ("汉口分理处", .ios), ("汉阳分理处", nil)])
        #expect(names.map(\.hostname) == ["LP-2026-S1", "LP-2026-S2", "LP-2026-S3"])
        #expect(names.map(\.slug) == ["S1", "S2", "S3"])
    }

    /// An ASCII order keeps today's names: the line id folded, the site name as the slug.
    @Test func asciiNamesAreKept() {
        let names = ConfigNames.assign(orderID: "WH-2026-0930-ABC", sites: [("HQ", .ios), ("Branch 7", .vrp3)])
        #expect(names.map(\.hostname) == ["WH-2026-0930-ABC-HQ", "WH-2026-0930-ABC-Branch-7"])
        #expect(names.map(\.slug) == ["HQ", "Branch-7"])
        #expect(ConfigNames.assign(orderID: "工行", sites: [("总部", .ios)]).map(\.hostname) == ["LP-S1"])
    }

    /// Collisions (ignoring case) get `-2`; VRP 3's 30 characters cut the order part, never the slug.
    @Test func namesAreDistinctAndFitThePlatform() {
        let names = ConfigNames.assign(
            orderID: "ORDER-WITH-A-VERY-LONG-IDENTIFIER-2026", sites: [("hq", .vrp3), ("HQ", .vrp3), ("H/Q", .ios)])
        #expect(names.map(\.slug) == ["hq", "HQ-2", "H-Q"])
        #expect(
            names.map(\.hostname) == [
                "ORDER-WITH-A-VERY-LONG-IDEN-hq", "ORDER-WITH-A-VERY-LONG-ID-HQ-2",
                "ORDER-WITH-A-VERY-LONG-IDENTIFIER-2026-H-Q",
            ])
        let vrp3Lengths = names.prefix(2).map(\.hostname.count)
        #expect(vrp3Lengths == [30, 30])
    }

    /// Hostile text never reaches a file name.
    @Test func fileSlugsAreSafe() {
        #expect(ConfigNames.fileSlug("../../etc/passwd", fallback: "X") == "etc-passwd")
        #expect(ConfigNames.fileSlug("a<b=c", fallback: "X") == "a-b-c")
        #expect(ConfigNames.fileSlug("总部", fallback: "LP-2026-S1") == "LP-2026-S1")
        #expect(ConfigNames.fileSlug("..", fallback: "") == "site")
    }
}
