import Devices
import Foundation
import Ledger
import NetAddress
import NetGraph
import Orders
import Planning
import TestSupport
import Testing

@Suite struct PlanCommitTests {
    let context = PlanningContext(
        network: PlanningFixture.network(),
        routerCheck: { site, _ in RouterAnswer(model: site.router, verdict: .ok) })

    func apnOrder(id: String = "T-1", request: RequestKind = .new) throws -> LoadedOrder {
        var loaded = try PlanningFixture.order(
            .apn, request: request,
            sites: [
                OrderSite(
                    name: "HQ", building: "B-BANK", bandwidth: .megabits(2), interface: .fe, protection: .diverse,
                    router: "Cisco 1841", terminals: 300)
            ])
        loaded.order.id = id
        return loaded
    }

    @Test func recordsEveryReservationOfTheOrderAsAHoldUntilTheReplyDate() throws {
        let ledger = try Ledger(path: try TestSupport.makeTemporaryFolder().appendingPathComponent("l.sqlite").path)
        let plan = try PlanCommit.commit(try apnOrder(), context: context, ledger: ledger, actor: "test")
        let line = try #require(try ledger.line("T-1/HQ"))
        #expect(line.state == .reserved)
        #expect(line.holdUntil == "2026-10-09")
        #expect(plan.sites[0].addresses.interconnect?.description == "10.250.0.0/30")
        let held = try ledger.reservations(of: "T-1/HQ").map(\.summary)
        #expect(
            held == [
                "port FE #3 on MSAP (access)",
                "bandwidth 2000k on F-BANK-MSAP (working)",
                "vc12 #11 on MSAP-UP (working)",
                "vc12 #41 on SDH-L1 (working)",
                "bandwidth 2000k on GW-SW (working)",
                "bandwidth 2000k on F-BANK-ACC (protection)",
                "bandwidth 2000k on ACC-L1 (protection)",
                "bandwidth 2000k on ACC-L2 (protection)",
                "bandwidth 2000k on AGG-L1 (protection)",
                "bandwidth 2000k on AGG-UP (protection)",
                "bandwidth 2000k on OTN-SW (protection)",
                "address 10.250.0.0/30 from IC (interconnect)",
                "address 10.160.0.0/23 from APN (apn)",
            ])
        #expect(try ledger.verify().isEmpty)
    }

    @Test func committingAgainKeepsTheAddressesAndHoldsNothingTwice() throws {
        let ledger = try Ledger(path: try TestSupport.makeTemporaryFolder().appendingPathComponent("l.sqlite").path)
        _ = try PlanCommit.commit(try apnOrder(), context: context, ledger: ledger, actor: "test")
        let first = try ledger.reservations(of: "T-1/HQ")
        let again = try PlanCommit.commit(try apnOrder(), context: context, ledger: ledger, actor: "test")
        #expect(try ledger.reservations(of: "T-1/HQ").map(\.summary).sorted() == first.map(\.summary).sorted())
        #expect(again.sites[0].addresses.apnPool?.description == "10.160.0.0/23")
        #expect(try ledger.verify().isEmpty)
        // Another order now gets the next blocks, and the port after.
        let other = try PlanCommit.commit(try apnOrder(id: "T-2"), context: context, ledger: ledger, actor: "test")
        #expect(other.sites[0].addresses.interconnect?.description == "10.250.0.4/30")
        #expect(other.sites[0].addresses.apnPool?.description == "10.160.2.0/23")
        #expect(try ledger.reservations(of: "T-2/HQ").first?.summary == "port FE #4 on MSAP (access)")
    }

    @Test func ceaseReleasesTheOrderAndModifyReplacesItInOneGo() throws {
        let ledger = try Ledger(path: try TestSupport.makeTemporaryFolder().appendingPathComponent("l.sqlite").path)
        _ = try PlanCommit.commit(try apnOrder(), context: context, ledger: ledger, actor: "test")
        let modified = try PlanCommit.commit(
            try apnOrder(request: .modify), context: context, ledger: ledger, actor: "test")
        #expect(modified.ceasedLines == ["T-1/HQ"])
        #expect(try ledger.line("T-1/HQ")?.state == .reserved)
        #expect(try ledger.auditLog(of: "T-1/HQ").map(\.action) == ["record", "modify", "update"])
        let ceased = try PlanCommit.commit(
            try apnOrder(request: .cease), context: context, ledger: ledger, actor: "test")
        #expect(ceased.sites.isEmpty)
        #expect(try ledger.line("T-1/HQ")?.state == .ceased)
        #expect(try ledger.usage().blocks.isEmpty)
        #expect(try ledger.verify().isEmpty)
    }

    @Test(arguments: LedgerStoreKind.available) func plansOnceWhenNoOtherWriterCommitsMeanwhile(
        _ store: LedgerStoreKind
    ) throws {
        let ledger = try Ledger(path: store.freshLedger(in: try TestSupport.makeTemporaryFolder()))
        _ = try PlanCommit.commit(try apnOrder(id: "T-0"), context: context, ledger: ledger, actor: "test")
        let sitesPlanned = Tally()
        var counting = context
        counting.progress = { _, _ in sitesPlanned.add() }
        let plan = try PlanCommit.commit(try apnOrder(), context: counting, ledger: ledger, actor: "test")
        // One site, planned once: outside the write lock, and recorded as planned.
        #expect(sitesPlanned.count == 1)
        #expect(plan.sites[0].addresses.interconnect?.description == "10.250.0.4/30")
        #expect(try ledger.reservations(of: "T-1/HQ").first?.summary == "port FE #4 on MSAP (access)")
    }

    @Test(arguments: LedgerStoreKind.available) func plansAgainUnderTheLockWhenAnotherCommitLandedMeanwhile(
        _ store: LedgerStoreKind
    ) throws {
        let path = store.freshLedger(in: try TestSupport.makeTemporaryFolder())
        let ledger = try Ledger(path: path)
        let sitesPlanned = Tally()
        let other = try apnOrder(id: "T-2")
        var interfering = context
        interfering.progress = { [context] _, _ in
            // While T-1 is planned outside the lock, another process commits T-2: the same port and blocks.
            guard sitesPlanned.add() == 1, let rival = try? Ledger(path: path) else { return }
            _ = try? PlanCommit.commit(other, context: context, ledger: rival, actor: "rival")
        }
        let plan = try PlanCommit.commit(try apnOrder(), context: interfering, ledger: ledger, actor: "test")
        // Planned twice: the first plan (port FE #3, 10.250.0.0/30) was made before T-2 landed, so T-1 was
        // planned again under the lock and got what T-2 left.
        #expect(sitesPlanned.count == 2)
        #expect(try ledger.reservations(of: "T-2/HQ").first?.summary == "port FE #3 on MSAP (access)")
        #expect(try ledger.reservations(of: "T-1/HQ").first?.summary == "port FE #4 on MSAP (access)")
        #expect(plan.sites[0].addresses.interconnect?.description == "10.250.0.4/30")
        #expect(
            try LedgerPlanning.dryRun(try apnOrder(), context: context, ledger: ledger).sites[0].addresses
                == plan.sites[0].addresses)
        #expect(try ledger.verify().isEmpty)
    }

    @Test func refusesABadOrderWithoutWritingAnything() throws {
        let ledger = try Ledger(path: try TestSupport.makeTemporaryFolder().appendingPathComponent("l.sqlite").path)
        var loaded = try apnOrder()
        loaded.order.sites[0].building = "B-NOWHERE"
        #expect(throws: PlanCommit.Failure.self) {
            try PlanCommit.commit(loaded, context: context, ledger: ledger, actor: "test")
        }
        #expect(try ledger.lines().isEmpty)
    }
}

/// A count that planning's progress callback can add to.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The count so far.
    var count: Int { lock.withLock { value } }

    /// Adds one and returns the new count.
    @discardableResult func add() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
