import NetGraph
import Testing

/// Known answers for what a demand needs on SDH and OTN and why a link refuses it.
@Suite struct CapacityTests {
    @Test(arguments: [
        (2000, SDHOccupancy.Requirement.vc12(1)),
        (2048, .vc12(1)),
        (2177, .vc12(2)),
        (10_000, .vc12(5)),
        (100_000, .vc12(46)),
        (137_000, .vc12(63)),
        (137_088, .vc12(63)),
        (137_089, .vc4(1)),
        (140_000, .vc4(1)),
        (149_760, .vc4(1)),
        (149_761, .vc4(2)),
        (1_000_000, .vc4(7)),
        (0, .vc12(1)),
    ])
    func asksSDHForVC12UpTo63ThenForWholeVC4(kilobits: Int, requirement: SDHOccupancy.Requirement) {
        #expect(SDHOccupancy.requirement(for: Bandwidth(kilobits: kilobits)) == requirement)
    }

    @Test(arguments: [
        (1_000_000, 1),
        (1_250_000, 1),
        (1_250_001, 2),
        (2_500_000, 2),
        (10_000_000, 8),
        (100_000_000, 80),
        (64, 1),
    ])
    func asksOTNForTributarySlotsOf1Point25G(kilobits: Int, slots: Int) {
        #expect(OTNSlots.slotsNeeded(for: Bandwidth(kilobits: kilobits)) == slots)
    }

    @Test func countsFreeVirtualContainers() {
        let span = SDHOccupancy(vc4: 4, vc4Used: 1, vc12Used: 70)
        #expect(span.freeVC12 == 119)
        #expect(span.freeVC4 == 1)
        #expect(abs(span.utilisation - 133.0 / 252.0) < 1e-12)
        #expect(OTNSlots(slots: 80, used: 30).free == 50)
        #expect(FibreCores(cores: 12, used: 5).free == 7)
    }

    /// A network of two nodes joined by the given links, in order.
    private func network(_ links: [Link]) -> Network {
        let nodes = [
            Node(id: "A", kind: .ptn, location: Location(x: 0, y: 0)),
            Node(id: "B", kind: .ptn, location: Location(x: 1, y: 0)),
        ]
        return Network(name: "capacity", nodes: nodes, links: links)
    }

    /// A link from A to B.
    private func link(
        _ id: String, rate: Bandwidth, committed: Bandwidth = .zero, segment: Segment = .access,
        technology: LinkTechnology, sdh: SDHOccupancy? = nil, otn: OTNSlots? = nil, fibre: FibreCores? = nil
    ) -> Link {
        Link(
            id: id, aEnd: 0, bEnd: 1, rate: rate, committed: committed, metres: 1000, segment: segment,
            technology: technology, sdh: sdh, otn: otn, fibre: fibre)
    }

    @Test func refusesAPTNLinkAtItsAccessLimit() {
        let network = network([
            link("P1", rate: .megabits(1000), committed: .megabits(700), technology: .ptn),
            link("P2", rate: .megabits(1000), committed: .megabits(690), technology: .ptn),
            link(
                "P3", rate: .megabits(10_000), committed: .megabits(7900), segment: .aggregation, technology: .ptn),
        ])
        #expect(
            network.refusal(of: .megabits(2), on: 0)?.description
                == "2M asked, 0M free (700M committed of 1G, limit 70 %)")
        #expect(network.refusal(of: .megabits(10), on: 1) == nil)
        #expect(
            network.refusal(of: Bandwidth(kilobits: 10_500), on: 1)?.description
                == "10.5M asked, 10M free (690M committed of 1G, limit 70 %)")
        #expect(
            network.refusal(of: .megabits(200), on: 2)?.description
                == "200M asked, 100M free (7.9G committed of 10G, limit 80 %)")
        #expect(network.refusal(of: .megabits(100), on: 2) == nil)
    }

    @Test func refusesAnSDHSpanShortOfVirtualContainers() {
        let network = network([
            link("S1", rate: Bandwidth(kilobits: 155_520), technology: .sdh, sdh: SDHOccupancy(vc4: 1, vc12Used: 60)),
            link("S2", rate: Bandwidth(kilobits: 622_080), technology: .sdh, sdh: SDHOccupancy(vc4: 4, vc12Used: 70)),
            link("S3", rate: Bandwidth(kilobits: 622_080), technology: .sdh),
        ])
        #expect(network.refusal(of: .megabits(10), on: 0)?.description == "needs 5 VC-12, 3 free of 63")
        #expect(network.refusal(of: .megabits(6), on: 0) == nil)
        #expect(network.refusal(of: .megabits(1000), on: 1)?.description == "needs 7 VC-4, 2 free of 4")
        #expect(network.refusal(of: .megabits(200), on: 1) == nil)
        #expect(network.refusal(of: .megabits(1000), on: 2)?.description == "needs 7 VC-4, 4 free of 4")
    }

    @Test func refusesAnOTNLineShortOfTributarySlots() {
        let network = network([
            link("O1", rate: .megabits(10_000), segment: .core, technology: .otn, otn: OTNSlots(slots: 8, used: 1)),
            link("O2", rate: .megabits(10_000), segment: .core, technology: .otn, otn: OTNSlots(slots: 8, used: 8)),
            link("O3", rate: .megabits(100_000), segment: .core, technology: .otn),
        ])
        #expect(network.refusal(of: .megabits(10_000), on: 0)?.description == "needs 8 tributary slots, 7 free of 8")
        #expect(network.refusal(of: .megabits(1000), on: 0) == nil)
        #expect(network.refusal(of: .megabits(1000), on: 1)?.description == "needs 1 tributary slot, 0 free of 8")
        #expect(network.refusal(of: .megabits(100_000), on: 2) == nil)
    }

    @Test func refusesAFibreSectionWithNoFreePair() {
        let network = network([
            link(
                "F1", rate: .megabits(1000), segment: .lastMile, technology: .fibre,
                fibre: FibreCores(cores: 12, used: 11)),
            link(
                "F2", rate: .megabits(1000), segment: .lastMile, technology: .fibre,
                fibre: FibreCores(cores: 12, used: 10)),
            link(
                "D1", rate: .megabits(1000), segment: .lastMile, technology: .pon,
                fibre: FibreCores(cores: 2, used: 1)),
            link(
                "D2", rate: .megabits(1000), segment: .lastMile, technology: .pon,
                fibre: FibreCores(cores: 2, used: 2)),
        ])
        #expect(network.refusal(of: .megabits(10), on: 0)?.description == "no free fibre pair (11 of 12 cores used)")
        #expect(network.refusal(of: .megabits(1000), on: 1) == nil)
        #expect(
            network.refusal(of: .megabits(1500), on: 1)?.description
                == "1.5G asked, 1G free (0M committed of 1G, limit 100 %)")
        #expect(network.refusal(of: .megabits(10), on: 2) == nil)
        #expect(network.refusal(of: .megabits(10), on: 3)?.description == "no free fibre core (2 of 2 cores used)")
    }
}
