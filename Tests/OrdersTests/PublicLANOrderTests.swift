import Orders
import Testing

@Suite struct PublicLANOrderTests {
    static let rate = #""bandwidth": "10M", "interface": "FE""#

    func site(_ publicLAN: String, product: String = "internet") -> String {
        OrderText.json(product: product, site: #""building": "BLD-A", "publicLAN": "# + publicLAN + ", " + Self.rate)
    }

    @Test func readsAPublicLANAsASizeOrAHostCount() throws {
        #expect(try loadOrder(site(#""/29""#)).order.sites[0].publicLAN == 6)
        #expect(try loadOrder(site("14")).order.sites[0].publicLAN == 14)
        let csv = OrderText.csv(
            header: OrderText.csvHeader + ",publicLAN", "ORD-1,某公司,internet,2026-11-25,HQ,BLD-A,10M,FE,/28")
        #expect(try loadOrder(csv, name: "order.csv").order.sites[0].publicLAN == 14)
    }

    @Test func refusesWhatIsNotAPublicLAN() {
        #expect(
            orderErrors(site(#""/23""#)) == [
                "order.json:7:54: error: a public LAN is /24 to /30 (2 to 254 hosts): public addresses are scarce"
                    + " (sites[0].publicLAN)"
            ])
        #expect(
            orderErrors(site(#""203.0.113.8/29""#)) == [
                "order.json:7:54: error: public addresses are assigned from the carrier's public pool; write a size"
                    + " such as /29 or a number of hosts (sites[0].publicLAN)"
            ])
        #expect(
            orderErrors(site(#""/29""#, product: "interconnect")) == [
                "order.json:7:54: error: 'publicLAN' applies to internet orders only (public addresses routed on"
                    + " CMNET) (sites[0].publicLAN)"
            ])
    }
}
