import NetGraph
import Testing

/// Hand-worked answers of the one capacity model: each kind of link admits a demand at its limit and
/// refuses one just past it, carries it, reports its ledger units, and resolves its defaults.
@Suite struct LinkCapacityTests {
    let policy = Policy()

    /// A link from node 0 to node 1.
    private func link(
        rate: Bandwidth, committed: Bandwidth = .zero, segment: Segment = .access, technology: LinkTechnology,
        sdh: SDHOccupancy? = nil, otn: OTNSlots? = nil, fibre: FibreCores? = nil
    ) -> Link {
        Link(
            id: "L", aEnd: 0, bEnd: 1, rate: rate, committed: committed, metres: 1000, segment: segment,
            technology: technology, sdh: sdh, otn: otn, fibre: fibre)
    }

    /// An STM-1 (one VC-4, 63 VC-12) with 60 VC-12 in use.
    private var stm1: Link {
        link(rate: Bandwidth(kilobits: 155_520), technology: .sdh, sdh: SDHOccupancy(vc4: 1, vc12Used: 60))
    }

    /// A 100G core OTN line whose trunks hold 2 slots (2.5G, 2G under 80 %) and carry 1.9G.
    private var otnTrunks: Link {
        link(
            rate: .megabits(100_000), committed: .megabits(1900), segment: .core, technology: .otn,
            otn: OTNSlots(slots: 80, used: 2))
    }

    @Test func admitsAnAccessPTNGigabitUpTo70Percent() {
        let ptn = link(rate: .megabits(1000), technology: .ptn)
        #expect(ptn.spare(policy: policy) == .packet(kilobits: 700_000, hasFibrePair: true))
        #expect(ptn.refusal(of: .megabits(700), policy: policy) == nil)
        #expect(
            ptn.refusal(of: Bandwidth(kilobits: 700_001), policy: policy)
                == .packet(
                    asked: Bandwidth(kilobits: 700_001), free: .megabits(700), committed: .zero, rate: .megabits(1000),
                    limitPercent: 70))
    }

    @Test func admitsThreeVC12OnAnSTM1With60UsedButNotFour() {
        // 3 VC-12 carry up to 3 × 2.176M = 6.528M; one kbit/s more needs a fourth.
        #expect(stm1.spare(policy: policy) == .sdh(vc12: 3, vc4: 0))
        #expect(stm1.refusal(of: Bandwidth(kilobits: 6528), policy: policy) == nil)
        #expect(
            stm1.refusal(of: Bandwidth(kilobits: 6529), policy: policy) == .vc12(needed: 4, free: 3, total: 63))
    }

    @Test func admitsEightSlotsOnAnOTU2() {
        // A 10G line without `otn` has 8 slots of 1.25G; 10GE takes all eight.
        let otu2 = link(rate: .megabits(10_000), segment: .core, technology: .otn)
        #expect(otu2.refusal(of: .megabits(10_000), policy: policy) == nil)
        let oneTaken = otu2.carrying(.megabits(1000), policy: policy)
        #expect(oneTaken.spare(policy: policy) == .otn(slots: 7, trunkKilobits: 1_000_000))
        #expect(
            oneTaken.refusal(of: .megabits(10_000), policy: policy) == .otnSlots(needed: 8, free: 7, total: 8))
    }

    @Test func ridesTheTrunksOfUsedSlotsAt80Percent() {
        // 2 used slots × 1.25G = 2.5G of trunks; 80 % is 2G; 1.9G carried leaves 100M.
        #expect(otnTrunks.refusal(of: .megabits(100), policy: policy) == nil)
        #expect(
            otnTrunks.refusal(of: Bandwidth(kilobits: 100_001), policy: policy)
                == .oduTrunk(
                    asked: Bandwidth(kilobits: 100_001), free: .megabits(100), committed: .megabits(1900),
                    trunk: .megabits(2500), slotsUsed: 2, limitPercent: 80))
        // A 1G line takes a slot of its own instead.
        #expect(otnTrunks.refusal(of: .megabits(1000), policy: policy) == nil)
    }

    @Test func admitsNoMoreOnceCarryingTakesTheRoom() {
        let ptn = link(rate: .megabits(1000), committed: .megabits(600), technology: .ptn).carrying(
            .megabits(100), policy: policy)
        #expect(ptn.committed == .megabits(700))
        #expect(ptn.refusal(of: .megabits(1), policy: policy)?.code == "link-capacity")
        let span = stm1.carrying(.megabits(2), policy: policy)
        #expect(span.sdh == SDHOccupancy(vc4: 1, vc12Used: 61))
        #expect(span.refusal(of: .megabits(6), policy: policy) == .vc12(needed: 3, free: 2, total: 63))
        let trunks = otnTrunks.carrying(.megabits(100), policy: policy)
        #expect(trunks.capacity == .otn(OTNSlots(slots: 80, used: 2), trunkLoad: .megabits(2000)))
        #expect(trunks.refusal(of: .megabits(1), policy: policy)?.code == "link-odu-trunk")
    }

    @Test func resolvesTheDefaultsWhenTheLinkIsMade() {
        let stm4 = link(rate: Bandwidth(kilobits: 622_080), technology: .sdh)
        #expect(stm4.capacity == .sdh(SDHOccupancy(vc4: 4)))
        #expect(stm4.sdh == SDHOccupancy(vc4: 4))
        let otu2 = link(rate: .megabits(10_000), committed: .megabits(300), segment: .core, technology: .otn)
        #expect(otu2.capacity == .otn(OTNSlots(slots: 8, used: 0), trunkLoad: .megabits(300)))
        // Written without `otn` while it is the default, with it once a slot is held.
        #expect(otu2.otn == nil)
        #expect(otu2.holding { $0 == .otnSlot ? 1 : 0 }.otn == OTNSlots(slots: 8, used: 1))
        let given = link(rate: .megabits(10_000), technology: .otn, otn: OTNSlots(slots: 8, used: 0))
        #expect(given.otn == OTNSlots(slots: 8, used: 0))
        // Records of another technology are not counted.
        let ptn = link(
            rate: .megabits(1000), technology: .ptn, sdh: SDHOccupancy(vc4: 1), otn: OTNSlots(slots: 1, used: 0))
        #expect(ptn.capacity == .packet(committed: .zero, fibre: nil))
    }

    @Test func givesTheLedgerItsUnitsBaselinesAndCapacities() {
        #expect(
            stm1.use(of: .megabits(10), policy: policy) == LinkUse(unit: .vc12, count: 5, baseline: 60, capacity: 63))
        let stm16 = link(
            rate: Bandwidth(kilobits: 2_488_320), technology: .sdh, sdh: SDHOccupancy(vc4: 16, vc4Used: 3, vc12Used: 64)
        )
        // 64 VC-12 touch two VC-4s: 3 + 2 of 16 are not whole and free.
        #expect(
            stm16.use(of: .megabits(1000), policy: policy) == LinkUse(unit: .vc4, count: 7, baseline: 5, capacity: 16))
        let ptn = link(rate: .megabits(1000), committed: .megabits(600), technology: .ptn)
        #expect(
            ptn.use(of: .megabits(50), policy: policy)
                == LinkUse(unit: .bandwidth, count: 50_000, baseline: 600_000, capacity: 700_000))
        #expect(
            otnTrunks.use(of: .megabits(100), policy: policy)
                == LinkUse(unit: .bandwidth, count: 100_000, baseline: 1_900_000, capacity: 2_000_000))
        #expect(
            otnTrunks.use(of: .megabits(10_000), policy: policy)
                == LinkUse(unit: .otnSlot, count: 8, baseline: 2, capacity: 80))
    }

    @Test func countsALedgersHoldsUpToWhatTheLinkHas() {
        let held: [LinkUse.Unit: Int] = [.vc12: 5, .vc4: 0, .bandwidth: 900_000, .otnSlot: 100]
        #expect(stm1.holding { held[$0] ?? 0 }.sdh == SDHOccupancy(vc4: 1, vc12Used: 63))
        let ptn = link(rate: .megabits(1000), committed: .megabits(600), technology: .ptn)
        #expect(ptn.holding { held[$0] ?? 0 }.committed == .megabits(1000))
        #expect(
            otnTrunks.holding { held[$0] ?? 0 }.capacity
                == .otn(OTNSlots(slots: 80, used: 80), trunkLoad: .megabits(2800)))
    }

    @Test func reportsTheTightestRoomAsHeadroom() {
        #expect(stm1.spare(policy: policy).headroom == .vc12(free: 3))
        #expect(otnTrunks.spare(policy: policy).headroom == .otn(slots: 78, trunk: .megabits(100)))
        let full = link(rate: .megabits(1000), committed: .megabits(800), technology: .ptn)
        #expect(full.spare(policy: policy).headroom == .packet(free: .zero))
        #expect(abs(stm1.spare(policy: policy).headroom.megabits - 6.528) < 1e-9)
    }
}
