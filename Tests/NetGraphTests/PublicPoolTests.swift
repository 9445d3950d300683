import NetGraph
import Testing

@Suite struct PublicPoolTests {
    @Test func refusesAPublicPoolInSpaceThatIsNotPublic() {
        let text = """
            {"name": "n", "nodes": [], "links": [],
             "pools": [{"id": "P", "purpose": "public", "prefix": "10.9.0.0/16"},
                       {"id": "Q", "purpose": "public", "prefix": "100.64.0.0/24"},
                       {"id": "R", "purpose": "public", "prefix": "203.0.113.0/24"},
                       {"id": "S", "purpose": "lan", "prefix": "192.168.0.0/16"}]}
            """
        #expect(
            loadErrors(text) == [
                "net.json:2:55: error: public pool 'P' (10.9.0.0/16) overlaps 10.0.0.0/8, which is not public address"
                    + " space; an internet line's WAN and public LAN must be routable on CMNET (pools[0].prefix)",
                "net.json:3:55: error: public pool 'Q' (100.64.0.0/24) overlaps 100.64.0.0/10, which is not public"
                    + " address space; an internet line's WAN and public LAN must be routable on CMNET (pools[1].prefix)",
            ])
    }
}
