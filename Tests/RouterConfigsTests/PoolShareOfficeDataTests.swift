import Devices
import NetAddress
import RouterConfigs
import Testing

/// The office data of an APN line whose /23 pool is split into a /24 per GGSN (issue 9 item 4).
@Suite struct PoolShareOfficeDataTests {
    @Test func theSheetListsEachGGSNsShareAndItsRoutes() throws {
        let renderer = try Plans.renderer()
        let config = try renderer.render(try Plans.apnWithShares(.ios))
        let sheet = try renderer.renderOfficeData(
            try OfficeDataTests.office(for: config.intent), customerConfig: config)
        let lines = sheet.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pools = try #require(lines.firstIndex(of: "| GGSN | Pool | Mask | Addresses |"))
        #expect(
            Array(lines[pools...(pools + 3)]) == [
                "| GGSN | Pool | Mask | Addresses |",
                "|---|---|---|---|",
                "| GGSN-01 | 10.200.0.0/24 | 255.255.255.0 | 256 |",
                "| GGSN-02 | 10.200.1.0/24 | 255.255.255.0 | 256 |",
            ])
        let routes = try #require(lines.firstIndex(of: "| Where | Destination | Next hop |"))
        #expect(
            Array(lines[(routes + 2)...(routes + 11)]) == [
                "| GGSN-01 | 192.168.10.0/24 | the GRE tunnel to 10.250.0.2 |",
                "| GGSN-02 | 192.168.10.0/24 | the GRE tunnel to 10.250.0.2 |",
                "| GGSN-01 | 10.200.0.0/24 | its own terminals (local pool share) |",
                "| GGSN-02 | 10.200.1.0/24 | its own terminals (local pool share) |",
                "| customer router | 172.16.100.1/32 | 10.250.0.1 |",
                "| customer router | 172.16.101.1/32 | 10.250.0.1 |",
                "| customer router | 10.200.0.0/24 | Tunnel0 |",
                "| customer router | 10.200.1.0/24 | Tunnel1 |",
                "| customer router | 10.200.0.0/24 | Tunnel1 (floating, distance 250) |",
                "| customer router | 10.200.1.0/24 | Tunnel0 (floating, distance 250) |",
            ])
    }

    @Test func sharesSwappedOnTheSheetFailNamingTheRows() throws {
        let renderer = try Plans.renderer()
        let config = try renderer.render(try Plans.apnWithShares(.vrp5))
        var office = try OfficeDataTests.office(for: config.intent)
        office.pools = [
            .init(ggsns: ["GGSN-01"], prefix: try Plans.prefix("10.200.1.0/24")),
            .init(ggsns: ["GGSN-02"], prefix: try Plans.prefix("10.200.0.0/24")),
        ]
        do {
            _ = try renderer.renderOfficeData(office, customerConfig: config)
            Issue.record("the sheet was accepted")
        } catch {
            #expect(error.code == .greDisagreement)
            #expect(
                error.problems.map(\.description) == [
                    "ORD-2026-0042-HQ.office-data.md:19: error: the pool of GGSN-01 is 10.200.1.0/24; HQ.vrp5.cfg routes"
                        + " 10.200.0.0/24 (line 33) primarily into Tunnel0/0/0",
                    "HQ.vrp5.cfg:33: error: 10.200.0.0/24 goes primarily into Tunnel0/0/0 (GGSN-01), but"
                        + " ORD-2026-0042-HQ.office-data.md has no pool row of GGSN-01 or of all GGSNs for it",
                    "ORD-2026-0042-HQ.office-data.md:20: error: the pool of GGSN-02 is 10.200.0.0/24; HQ.vrp5.cfg routes"
                        + " 10.200.1.0/24 (line 34) primarily into Tunnel0/0/1",
                    "HQ.vrp5.cfg:34: error: 10.200.1.0/24 goes primarily into Tunnel0/0/1 (GGSN-02), but"
                        + " ORD-2026-0042-HQ.office-data.md has no pool row of GGSN-02 or of all GGSNs for it",
                ])
        }
    }
}
