import NetGraph
import Testing

/// Known answers for reading and writing rates the way engineers write them.
@Suite struct BandwidthTests {
    @Test(arguments: [
        ("2M", 2000),
        ("2.048M", 2048),
        ("64k", 64),
        ("64K", 64),
        ("1G", 1_000_000),
        ("2.5G", 2_500_000),
        ("10g", 10_000_000),
        ("STM-1", 155_520),
        ("STM-4", 622_080),
        ("stm-16", 2_488_320),
        ("STM-64", 9_953_280),
        ("100", 100_000),
        ("100.5", 100_500),
        ("155.52M", 155_520),
        ("0.064M", 64),
        ("0M", 0),
    ])
    func parsesARate(text: String, kilobits: Int) {
        #expect(Bandwidth(parsing: text) == Bandwidth(kilobits: kilobits))
    }

    @Test(arguments: [
        "abc", "-5M", "1.2.3M", "", "M", "G", ".5M", "5.M", "2 M", " 2M", "2M ", "2MB", "1e3", "0x10", "STM-2",
        "STM-", "STM-1x", "2Mbit/s", "٣M", "NaN", "inf",
    ])
    func refusesTextThatIsNotARate(text: String) {
        #expect(Bandwidth(parsing: text) == nil)
    }

    @Test(arguments: [
        (0, "0M"),
        (64, "64k"),
        (999, "999k"),
        (1000, "1M"),
        (2000, "2M"),
        (2048, "2.048M"),
        (155_520, "155.52M"),
        (622_080, "622.08M"),
        (999_999, "999.999M"),
        (1_000_000, "1G"),
        (1_000_500, "1000.5M"),
        (2_500_000, "2.5G"),
        (7_294_000, "7.294G"),
        (10_000_000, "10G"),
        (100_000_000, "100G"),
    ])
    func writesARateCompactly(kilobits: Int, text: String) {
        let rate = Bandwidth(kilobits: kilobits)
        #expect(rate.description == text)
        #expect(Bandwidth(parsing: text) == rate)
    }

    @Test func comparesAddsAndSubtracts() {
        #expect(Bandwidth.megabits(100) < Bandwidth(kilobits: 100_001))
        #expect(Bandwidth.megabits(100) + Bandwidth(kilobits: 500) == Bandwidth(kilobits: 100_500))
        #expect(Bandwidth.megabits(1) - Bandwidth(kilobits: 24) == Bandwidth(kilobits: 976))
        #expect(Bandwidth.zero == Bandwidth(kilobits: 0))
        #expect(Bandwidth(kilobits: 2048).megabits == 2.048)
    }
}
