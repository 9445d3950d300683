import Foundation
import LocatedJSON
import NetGraph
import NetImport
import TestSupport
import Testing

/// The inventory folder reader: the demo folder, round trips, and every kind of error with its exact message.
@Suite struct InventoryImportTests {
    static let nodes = "id,kind,name,x,y\nP1,ptn,光谷PTN,0,0\nB1,building,大楼,0.5,0\n"
    static let links = "id,a,b,rate,km,segment,technology\nL1,B1,P1,1G,0.5,last-mile,fibre\n"

    /// Imports tables given as text, by file name.
    static func importing(_ tables: [String: String]) throws(ImportError) -> ImportedNetwork {
        try importing(tables.mapValues { Array($0.utf8) })
    }

    static func importing(_ tables: [String: [UInt8]]) throws(ImportError) -> ImportedNetwork {
        let files = tables.keys.sorted().map { InventoryFile(name: $0, bytes: tables[$0] ?? []) }
        return try InventoryImport.read(files, defaultName: "test")
    }

    /// The diagnostics of an import that must fail, one per line.
    static func errors(_ tables: [String: String]) -> String {
        errors(tables.mapValues { Array($0.utf8) })
    }

    static func errors(_ tables: [String: [UInt8]]) -> String {
        do {
            _ = try importing(tables)
            return "no error"
        } catch {
            return error.description
        }
    }

    static func folderFiles(_ relative: String) throws -> [InventoryFile] {
        let folder = TestSupport.packageRoot.appendingPathComponent(relative)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            InventoryFile(
                name: "\(relative)/\($0)", bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent($0))))
        }
    }

    static func demoNetwork() throws -> Network {
        try Network.load(name: "network.json", bytes: TestSupport.bytes("Topologies/wuhan/network.json")).network
    }

    @Test func theDemoInventoryImportsToTheDemoNetwork() throws {
        let imported = try InventoryImport.read(Self.folderFiles("Topologies/wuhan/inventory"), defaultName: "wuhan")
        #expect(imported.network.fileText == (try Self.demoNetwork()).fileText)
        #expect(imported.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test(arguments: InventoryExport.Headers.allCases)
    func exportThenImportIsTheIdentity(headers: InventoryExport.Headers) throws {
        let network = try Self.demoNetwork()
        let tables = InventoryExport.tables(of: network, headers: headers)
        if headers == .chinese { #expect(tables.map(\.name).contains("网元.csv")) }
        let files = tables.map { InventoryFile(name: $0.name, bytes: Array($0.text.utf8)) }
        let imported = try InventoryImport.read(files, defaultName: "x")
        #expect(imported.network.fileText == network.fileText)
        let again = InventoryExport.tables(of: imported.network, headers: headers)
        #expect(again.map(\.text) == tables.map(\.text))
    }

    /// Issue 17: rooms' and pools' regions survive export and import, in both header languages (the
    /// generated city puts its core rooms and its pools in region C01).
    @Test(arguments: InventoryExport.Headers.allCases)
    func regionsSurviveExportAndImport(headers: InventoryExport.Headers) throws {
        let network = SyntheticNetwork(scale: .city, seed: 1).generate()
        #expect(network.pools.allSatisfy { $0.region == "C01" })
        let tables = InventoryExport.tables(of: network, headers: headers)
        if headers == .chinese {
            #expect(tables.first { $0.name == "地址池.csv" }?.text.hasPrefix("地址池编码,用途,网段,地市\n") == true)
        }
        let files = tables.map { InventoryFile(name: $0.name, bytes: Array($0.text.utf8)) }
        let imported = try InventoryImport.read(files, defaultName: "x")
        #expect(imported.network.rooms == network.rooms)
        #expect(imported.network.pools == network.pools)
    }

    @Test func readsChineseHeadersGB18030AndOnePortPerRow() throws {
        let nodes = "\u{FEFF}网元编码,设备类型,网元名称,东距（km）,北距(km)\nP1,PTN,光谷PTN,0,0\nB1,楼宇,大楼,0.5,0\n"
        // 网元,端口类型,状态 in GB18030, then three ports: two used, one free.
        let ports: [UInt8] =
            [
                0xCD, 0xF8, 0xD4, 0xAA, 0x2C, 0xB6, 0xCB, 0xBF, 0xDA, 0xC0, 0xE0, 0xD0, 0xCD, 0x2C, 0xD7, 0xB4,
                0xCC, 0xAC, 0x0A,
            ] + Array("P1,ge,used\nP1,GE,free\nP1,GE,used\n".utf8)
        let imported = try Self.importing([
            "网元.csv": Array(nodes.utf8), "ports.csv": ports, "links.csv": Array(Self.links.utf8),
        ])
        let node = try #require(imported.network.nodes.first)
        #expect(node.kind == .ptn)
        #expect(node.ports == [PortGroup(type: .ge, total: 3, used: 2)])
        #expect(imported.network.nodes[1].kind == .building)
        #expect(
            imported.warnings.map(\.description) == [
                "ports.csv:1:1: warning: read as GB18030 (GBK) text; saving it as UTF-8 avoids guessing"
            ])
    }

    @Test func projectsLongitudeAndLatitudeAboutThePolicyOrigin() throws {
        let nodes = "id,kind,经度,纬度\nP1,ptn,114.3,30.6\nB1,building,114.31,30.6\n"
        let policy = "key,value\n原点经度,114.3\norigin.latitude,30.6\nname,武汉\naccessMaxUtilisation,0.6\n"
        let imported = try Self.importing(["nodes.csv": nodes, "links.csv": Self.links, "policy.csv": policy])
        #expect(imported.network.name == "武汉")
        #expect(imported.network.nodes[1].location == Location(x: 0.958, y: 0))
        #expect(imported.network.policy[.accessMaxUtilisation] == 0.6)
        #expect(
            Self.errors(["nodes.csv": nodes, "links.csv": Self.links])
                == """
                nodes.csv:2:8: error: longitude and latitude need the area's origin: add rows origin.longitude and \
                origin.latitude to policy.csv (column 经度)
                nodes.csv:3:13: error: longitude and latitude need the area's origin: add rows origin.longitude and \
                origin.latitude to policy.csv (column 经度)
                """)
    }

    @Test func capacityAnSDHOrOTNLinkDoesNotCountIsRefusedAtItsCell() {
        let nodes = "id,kind,x,y\nS1,sdh,0,0\nS2,sdh,1,0\n"
        let links = """
            id,a,b,rate,committed,km,segment,technology,fibreCores
            L1,S1,S2,STM-1,,1,access,sdh,12
            L2,S1,S2,STM-1,10M,1,access,sdh,
            L3,S1,S2,10G,1G,1,core,otn,2

            """
        #expect(
            Self.errors(["nodes.csv": nodes, "links.csv": links])
                == """
                links.csv:2:30: error: 'fibre' applies to fibre, ptn, pon and ethernet links only (column fibreCores)
                links.csv:3:16: error: an sdh span counts its VC-12 and VC-4 in 'sdh', not 'committed' \
                (column committed)
                links.csv:4:28: error: 'fibre' applies to fibre, ptn, pon and ethernet links only (column fibreCores)
                """)
    }

    @Test func tableProblemsAreLocatedAtTheirCells() {
        let nodes = "id,kind,name,x,y,colour\nP1,ptn,,0,0,red\n"
        #expect(
            Self.errors(["nodes.csv": nodes, "links.csv": Self.links])
                == """
                nodes.csv:1:18: error: unknown column 'colour' in the nodes table; expected one of id, kind, name, \
                room, x, y, longitude, latitude, ponStandard, opticalClass, maxONUsPerPort, splitterRatio, \
                splitterUsed, area, address (or a Chinese header; see README)
                """)
        let cells = "id,kind,x,y\nP1,ptn,zero,0\nB1,,0.5,0\nP1,ptn,1,1\n"
        #expect(
            Self.errors(["nodes.csv": cells, "links.csv": Self.links])
                == """
                nodes.csv:2:8: error: expected a number, found 'zero' (column x)
                nodes.csv:3:4: error: empty cell: a node needs a value here (column kind)
                nodes.csv:4:1: error: duplicate node id 'P1'; first on line 2 (column id)
                """)
    }

    @Test func networkProblemsAreLocatedAtTheCellsTheyCameFrom() {
        let nodes = "id,kind,x,y\nP1,ptm,0,0\nB1,building,0.5,0\nP2,ptn,1,0\n"
        let ports = "node,type,total,used\nP2,GE,4,6\nP9,GE,1,0\nP2,FE,2,\nP2,FE,2,1\n"
        let links = "id,a,b,rate,km,segment,technology\nL1,B1,P1,1G,0.5,last-mile,fibre\nL2,B1,P2,fast,-1,core,ptn\n"
        #expect(
            Self.errors(["nodes.csv": nodes, "ports.csv": ports, "links.csv": links])
                == """
                nodes.csv:2:4: error: unknown node kind 'ptm'; did you mean 'ptn'? (column kind)
                ports.csv:2:9: error: uses 6 GE ports but has only 4 ports (column used)
                ports.csv:3:1: error: unknown node 'P9': it is not in the nodes table (column node)
                ports.csv:5:4: error: FE ports of node 'P2' are already given on line 4; give one row of counts, \
                or one row per port (column type)
                links.csv:3:10: error: invalid rate 'fast'; write a rate such as 2M, 100M, 1G, 10G, STM-1, or a \
                number of Mbit/s (column rate)
                links.csv:3:15: error: must not be negative, found -1 (column km)
                """)
    }

    @Test func hostileCellsAreRefused() {
        let huge = String(repeating: "x", count: 10 * 1024 * 1024)
        let nodes = """
            id,kind,name,address,x,y
            P1,ptn,"=HYPERLINK(""x"")","a\u{7}b",0,0
            B1,building,\(huge),-x,0.5,0

            """
        #expect(
            Self.errors(["nodes.csv": nodes, "links.csv": Self.links])
                == """
                nodes.csv:2:8: error: '=HYPERLINK("x")' is a spreadsheet formula; export values, not formulas \
                (column name)
                nodes.csv:2:28: error: the cell holds control character U+0007; remove it (column address)
                nodes.csv:3:13: error: the cell holds 10485760 bytes, above the 4096-byte limit; no inventory value \
                is that long (column name)
                nodes.csv:3:10485774: error: '-x' is a spreadsheet formula; export values, not formulas (column address)
                """)
    }

    @Test func encodingAndSyntaxProblemsStopOnlyTheirFile() {
        let utf16: [UInt8] = [0xFF, 0xFE, 0x69, 0x00]
        let broken: [UInt8] = Array("id,kind,x,y\nP1,ptn,0,0\n".utf8) + [0xFF, 0xFF, 0x0A]
        #expect(
            Self.errors(["nodes.csv": broken, "links.csv": utf16, "rooms.csv": Array("id,name\n\"R1,x\n".utf8)])
                == """
                rooms.csv:2:1: error: unterminated quoted field: the closing quote is missing
                nodes.csv:3:1: error: byte 0xFF is neither UTF-8 nor GB18030 text; save it again as UTF-8: in Excel \
                'Save As' → 'CSV UTF-8 (Comma delimited)', in WPS 'CSV' with encoding UTF-8, or run 'iconv -f \
                GB18030 -t UTF-8'
                links.csv:1:1: error: the file is UTF-16 (Excel's 'Unicode text'); save it again as UTF-8: in Excel \
                'Save As' → 'CSV UTF-8 (Comma delimited)', in WPS 'CSV' with encoding UTF-8, or run 'iconv -f \
                GB18030 -t UTF-8'
                """)
    }

    @Test func folderProblems() {
        #expect(
            Self.errors(["nodes.csv": Self.nodes, "notes.txt": "x", "网元.csv": Self.nodes])
                == """
                links.csv:1:1: error: missing table: an inventory needs links.csv (or 链路.csv)
                notes.txt:1:1: error: not an inventory table; the tables are rooms.csv, nodes.csv, ports.csv, \
                links.csv, rings.csv, pools.csv, policy.csv (or their Chinese names, such as 网元.csv); move other \
                files out of the folder
                网元.csv:1:1: error: a second nodes table beside nodes.csv; keep one
                """)
        let rings = "id,technology,segment\nR1,sdh,access\nR2,ptn,access\n"
        let links = "id,a,b,rate,km,segment,technology,ring\nL1,B1,P1,1G,0.5,last-mile,fibre,R3\n"
        #expect(
            Self.errors(["nodes.csv": Self.nodes, "links.csv": links, "rings.csv": rings, "ports.csv": "node,type\n"])
                == """
                links.csv:2:33: error: unknown ring 'R3': it is not in the rings table (column ring)
                links.csv:2:33: error: ring 'R3' is not a closed ring: node 'B1' has 1 ring link (column ring)
                rings.csv:2:1: error: ring 'R1' has no links (column id)
                rings.csv:3:1: error: ring 'R2' has no links (column id)
                """)
    }

    @Test func everyOtherErrorKindHasItsMessage() {
        let nodes = "id,kind,room,x,y\nP1,ptn,R1,,\nB1,building,,0.5,0\nP2,ptn,,1\nP3,ptn,,1,0\n"
        let rooms = "id,name,x,y\nR1,机房,,\n"
        let ports = "node,type,total,used,state\nB1,GE,,,broken\nB1,FE,2,,used\nB1,GE,,,\n"
        let policy = "key,value\ncolour,1\nname,a\nname,b\n"
        let rings = "id,technology\nR9,sdh\n"
        let links = "id,a,b,rate,km,segment,technology,ring\nL1,B1,P3,1G,0.5,last-mile,fibre,R9\nL2,B1,P1,1G,1,access\n"
        #expect(
            Self.errors([
                "nodes.csv": nodes, "rooms.csv": rooms, "ports.csv": ports, "policy.csv": policy, "rings.csv": rings,
                "links.csv": links,
            ])
                == """
                nodes.csv:2:11: error: no location: fill x and y (or longitude and latitude), or give room 'R1' one \
                (column x)
                nodes.csv:4:1: error: the row has 4 cells but the header has 5; check for a stray or missing comma
                ports.csv:2:9: error: unknown port state 'broken'; expected used or free (占用, 空闲) (column state)
                ports.csv:3:10: error: give either counts ('total', 'used') or one port with its 'state', not both \
                (column state)
                ports.csv:4:7: error: no port count: fill 'total' (and 'used'), or give one port per row with its \
                'state' (column total)
                links.csv:2:33: error: ring 'R9' is not a closed ring: node 'B1' has 1 ring link (column ring)
                links.csv:3:1: error: the row has 6 cells but the header has 8; check for a stray or missing comma
                rings.csv:2:4: error: ring 'R9' is declared sdh but its links are fibre (column technology)
                policy.csv:2:1: error: unknown policy key 'colour'; expected name, origin.longitude, origin.latitude \
                or a planning key such as accessMaxUtilisation (see README) (column key)
                policy.csv:4:1: error: policy key 'name' is already set on line 3 (column key)
                """)
        let header = "id,,kind,Kind,x,y\n"
        #expect(
            Self.errors(["nodes.csv": header, "links.csv": "id,a\n"])
                == """
                nodes.csv:1:4: error: a column without a header; name it or delete it
                nodes.csv:1:10: error: column 'Kind' repeats column 'kind' of line 1, column 5 (both are 'kind')
                links.csv:1:1: error: missing column 'b' or 'Z端': every links row needs it
                links.csv:1:1: error: missing column 'rate' or '速率': every links row needs it
                links.csv:1:1: error: missing column 'km' or '长度(km)': every links row needs it
                links.csv:1:1: error: missing column 'segment' or '段落': every links row needs it
                links.csv:1:1: error: missing column 'technology' or '传输技术': every links row needs it
                """)
        #expect(
            Self.errors(["nodes.csv": "id,kind,x,y\nP\u{202E}1,ptn,0,0\nB1,building,a\"b,0\r", "links.csv": Self.links])
                == """
                nodes.csv:3:14: error: a quote inside an unquoted field; put the whole field in quotes and double \
                the quote
                """)
        #expect(
            Self.errors(["nodes.csv": "id,kind,x,y\nP\u{202E}1,ptn,0,0\n", "links.csv": Self.links])
                == """
                nodes.csv:2:1: error: the cell holds the invisible or reordering character U+202E; remove it \
                (column id)
                links.csv:2:4: error: unknown node 'B1' (column a)
                links.csv:2:7: error: unknown node 'P1' (column b)
                """)
    }

    /// Issue 14: a cell's line and column are counted when a problem is reported there: after a quoted line
    /// break, in characters (not bytes), past CRLF line ends and doubled quotes.
    @Test func placesAreCountedWhenAProblemIsReported() {
        let nodes = "id,kind,name,x,y\nP1,ptn,,0,0\nB1,building,\"大楼\n二号\",=1,0\nB2,building,\"a\"\"b\",0.5,0\n"
        let links =
            "id,a,b,rate,km,segment,technology\r\nL1,B2,P1,1G,0.5,last-mile,fibre\r\n"
            + "\"L 2\",\"B2\",P1,1G,\"0.5\",last-mile,fibre\r\nL3,\"B\"\"2\",P1,1G,0.5,last-mile,\"fibre \"\r\n"
        #expect(
            Self.errors(["nodes.csv": nodes, "links.csv": links])
                == """
                nodes.csv:3:13: error: the cell holds a line break; keep each value on one line (column name)
                nodes.csv:4:5: error: '=1' is a spreadsheet formula; export values, not formulas (column x)
                links.csv:3:1: error: invalid link id 'L 2': an id must not contain spaces or control characters \
                (column id)
                links.csv:4:4: error: unknown node 'B"2' (column a)
                """)
    }

    @Test func theREADMEListsEveryAcceptedHeader() throws {
        let readme = String(decoding: try TestSupport.bytes("README.md"), as: UTF8.self)
        for table in InventoryTable.allCases {
            #expect(readme.contains("`\(table.rawValue).csv` / `\(table.chineseName).csv`"))
            for header in table.columns.flatMap(\.headers) { #expect(readme.contains("`\(header)`"), "\(header)") }
        }
    }

    @Test func everyTableAcceptsEachHeaderOnce() {
        for table in InventoryTable.allCases {
            let folded = table.columns.flatMap(\.headers).map(InventoryColumn.fold)
            #expect(Set(folded).count == folded.count, "\(table)")
        }
    }
}

/// The numbers of an inventory's cells are bounded when read and written in decimal (issue 13).
@Suite struct InventoryNumberBoundTests {
    static let links = "id,a,b,rate,km,segment,technology\nL1,P1,P2,1G,1,access,ptn\n"

    @Test(arguments: [
        ("9223372036854775807", "ports.csv:2:7: error: 9223372036854775807 is above the maximum 100000 (column total)"),
        (
            "-9223372036854775808",
            "ports.csv:2:7: error: must not be negative, found -9223372036854775808 (column total)"
        ),
        (
            "9223372036854775808",
            "ports.csv:2:7: error: expected a whole number, found '9223372036854775808' (column total)"
        ),
        ("1e308", "ports.csv:2:7: error: expected a whole number, found '1e308' (column total)"),
        ("0x10", "ports.csv:2:7: error: expected a whole number, found '0x10' (column total)"),
        ("1e3", "ports.csv:2:7: error: expected a whole number, found '1e3' (column total)"),
        ("inf", "ports.csv:2:7: error: expected a whole number, found 'inf' (column total)"),
    ])
    func refusesAPortCountOutOfBoundsAtItsCell(total: String, message: String) {
        let nodes = "id,kind,x,y\nP1,ptn,0,0\nP2,ptn,1,0\n"
        let ports = "node,type,total,used\nP1,GE,\(total),0\n"
        #expect(
            InventoryImportTests.errors(["nodes.csv": nodes, "links.csv": Self.links, "ports.csv": ports]) == message)
    }

    @Test func readsDecimalWholeNumbersAsSpreadsheetsWriteThem() throws {
        let nodes = "id,kind,x,y\nP1,ptn,0,0\nP2,ptn,1,0\n"
        let ports = "node,type,total,used\nP1,GE,100000.0,-0\n"
        let network = try InventoryImportTests.importing(
            ["nodes.csv": nodes, "links.csv": Self.links, "ports.csv": ports]
        ).network
        #expect(network.nodes.first?.ports == [PortGroup(type: .ge, total: 100_000, used: 0)])
    }

    @Test func refusesACoordinateTooCloseToZero() {
        let nodes = "id,kind,x,y\nP1,ptn,1e-400,0\nP2,ptn,1,0\n"
        #expect(
            InventoryImportTests.errors(["nodes.csv": nodes, "links.csv": Self.links])
                == "nodes.csv:2:8: error: 1e-400 is too close to zero to represent; write 0 (column x)")
    }
}

/// Issue 14: the inventory import applies every rule of a network file at the cell its value came from.
///
/// The import builds the network without writing a network file, with the network reader's messages. The expected text is what the import
/// gave when it wrote the tables as a network file and read it back (the same tables, before the change).
@Suite struct InventoryNetworkRuleTests {
    static let rooms = """
        id,name,x,y,region
        RM1,机房,0,0,湖北
        R 2,bad id,1,1,
        RM3,bad region,2,2,a//b

        """

    static let nodes = """
        id,kind,room,x,y,ponStandard,opticalClass,maxONUsPerPort,splitterRatio,splitterUsed,area
        P1,ptn,RM1,,,,,,,,
        B1,building,,0.5,0,,,,,,
        A B,ptn,,1,0,,,,,,
        K1,ptm,,1,1,,,,,,
        R X,ptn,R9,,,,,,,,
        O1,ptn,,2,0,gpon,,,,,
        O2,olt,,2,1,gpn,,,,,
        O3,olt,,2,2,,Z,,,,
        O4,olt,,2,3,gpon,B+,129,,,
        S1,splitter,,3,0,,,,3,,
        S2,splitter,,3,1,,,,8,9,
        S3,splitter,,3,2,,,,,,
        S4,splitter,,3,3,,,,,2,
        S5,ptn,,3,4,,,,8,,
        S6,splitter,,3,5,,,,256,,
        B2,building,,4,0,,,,,,city
        P9,ptn,,4,1,,,,,,town
        G.1,ggsn,,5,0,,,,,,
        C1,cmnet,,5,1,,,,,,
        X2,access-switch,,5,2,,,,,,

        """

    static let ports = """
        node,type,total,used
        P1,XG,4,1
        P1,GE,4,6
        P1,FE,100001,0
        K1,GE,2,1

        """

    static let links = """
        id,a,b,rate,committed,km,segment,technology,ring,weight,vc4,vc4Used,vc12Used,otnSlots,otnUsed,fibreCores,fibreUsed
        L 1,B1,P1,1G,,0.5,last-mile,fibre,,,,,,,,,
        L2,P1,P1,1G,,1,access,ptn,,,,,,,,,
        L3,B1,ZZ,1G,,1,last-mile,fibre,,,,,,,,,
        L4,B1,P1,fast,,1,last-mile,fibre,,,,,,,,,
        L5,B1,P1,0,,1,last-mile,fibre,,,,,,,,,
        L6,B1,P1,1G,2G,1,last-mile,fibre,,,,,,,,,
        L7,B1,P1,1G,,20001,last-mile,fibre,,,,,,,,,
        L8,B1,P1,1G,,1,cor,fibre,,,,,,,,,
        L9,B1,P1,1G,,1,last-mile,eth,,,,,,,,,
        L10,B1,P1,1G,,1,last-mile,fibre,,0,,,,,,,
        L11,S5,P9,1G,,1,access,ptn,,,1,,,,,,
        L12,S5,P9,100M,,1,access,sdh,,,,1,,,,,
        L13,S5,P9,STM-1,,1,access,sdh,,,4,,,,,,
        L14,S5,P9,STM-4,,1,access,sdh,,,,5,,,,,
        L15,S5,P9,STM-1,,1,access,sdh,,,,,64,,,,
        L16,S5,P9,fast,,1,access,sdh,,,,1,,,,,
        L17,S5,P9,fast,,1,access,sdh,,,x,1,,,,,
        L18,S5,P9,10G,,1,core,ptn,,,,,,8,,,
        L19,S5,P9,10G,,1,core,otn,,,,,,80,,,
        L20,S5,P9,100G,,1,core,otn,,,,,,80,81,,
        L21,S5,P9,100G,,1,core,otn,,,,,,641,,,
        L22,S5,P9,100G,,1,core,otn,,,,,,,2,,
        L23,B1,P1,1G,,1,last-mile,fibre,,,,,,,,12,13
        L24,B1,P1,1G,,1,last-mile,fibre,,,,,,,,,2
        L25,P1,P9,10G,,1,access,ptn,R1,,,,,,,,
        L26,C1,X2,1G,,1,core,ethernet,,,,,,,,,
        L27,B1,O3,1G,-1,1,last-mile,pon,,,,,,,,,

        """

    static let pools = """
        id,purpose,prefix,region
        Q 1,lan,10.1.0.0/16,
        Q2,lam,10.2.0.0/16,
        Q3,lan,10.3.0.0/33,
        Q4,lan,10.4.0.0/16,a//b
        Q5,lan,10.5.0.0/16,X
        Q6,lan,10.1.0.0/24,湖北
        Q7,public,10.9.0.0/24,

        """

    static let policy = """
        key,value
        kShortestPaths,2.5
        accessMaxUtilisation,2
        interconnectPrefixLength,29

        """

    @Test func everyRuleOfANetworkFileIsReportedAtItsCell() {
        let errors = InventoryImportTests.errors([
            "rooms.csv": Self.rooms, "nodes.csv": Self.nodes, "ports.csv": Self.ports, "links.csv": Self.links,
            "pools.csv": Self.pools, "policy.csv": Self.policy,
        ])
        #expect(
            errors == """
                rooms.csv:3:1: error: invalid room id 'R 2': an id must not contain spaces or control characters \
                (column id)
                rooms.csv:4:20: error: invalid region 'a//b': each part of a region between '/' must be non-empty \
                (column region)
                nodes.csv:4:1: error: invalid node id 'A B': an id must not contain spaces or control characters \
                (column id)
                nodes.csv:5:4: error: unknown node kind 'ptm'; did you mean 'ptn'? (column kind)
                nodes.csv:6:1: error: missing required key 'location'
                nodes.csv:6:1: error: invalid node id 'R X': an id must not contain spaces or control characters \
                (column id)
                nodes.csv:6:9: error: unknown room 'R9' (column room)
                nodes.csv:7:13: error: 'pon' applies to OLTs only (column ponStandard)
                nodes.csv:8:13: error: unknown PON standard 'gpn'; did you mean 'gpon'? (column ponStandard)
                nodes.csv:9:14: error: missing required key 'standard' (column opticalClass)
                nodes.csv:9:14: error: unknown optical class 'Z'; expected one of B+, C+, C++, E1, N1, N2, PX20, \
                PX20+ (column opticalClass)
                nodes.csv:10:21: error: 129 is above the maximum 128 (column maxONUsPerPort)
                nodes.csv:11:21: error: split ratio 3 is not 2, 4, 8, 16, 32, 64 or 128 (column splitterRatio)
                nodes.csv:12:23: error: uses 9 branches but the splitter has only 8 (column splitterUsed)
                nodes.csv:13:1: error: a splitter needs 'splitter': {"ratio": …}
                nodes.csv:14:22: error: missing required key 'ratio' (column splitterUsed)
                nodes.csv:15:16: error: 'splitter' applies to splitters only (column splitterRatio)
                nodes.csv:16:21: error: 256 is above the maximum 128 (column splitterRatio)
                nodes.csv:17:23: error: unknown area 'city'; expected one of town, countryside (column area)
                nodes.csv:18:18: error: 'area' applies to buildings only (column area)
                nodes.csv:19:1: error: invalid GGSN id 'G.1': a GGSN's id names it in the office data sheet and in \
                the GRE tunnels of router configurations, so it is ASCII letters, digits, '-' and '_' (column id)
                nodes.csv:20:1: error: service node 'C1' is not reachable from any customer building through the \
                transport network (column id)
                nodes.csv:21:1: error: service node 'X2' is not reachable from any customer building through the \
                transport network (column id)
                ports.csv:2:4: error: unknown port type 'XG'; did you mean 'FE'? (column type)
                ports.csv:3:9: error: uses 6 GE ports but has only 4 ports (column used)
                ports.csv:4:7: error: 100001 is above the maximum 100000 (column total)
                links.csv:2:1: error: invalid link id 'L 1': an id must not contain spaces or control characters \
                (column id)
                links.csv:3:7: error: link 'L2' connects node 'P1' to itself (column b)
                links.csv:4:7: error: unknown node 'ZZ' (column b)
                links.csv:5:10: error: invalid rate 'fast'; write a rate such as 2M, 100M, 1G, 10G, STM-1, or a \
                number of Mbit/s (column rate)
                links.csv:6:10: error: the rate must be above zero (column rate)
                links.csv:7:13: error: committed 2G exceeds the link rate 1G (column committed)
                links.csv:8:14: error: 20001 is above the maximum 20000 (column km)
                links.csv:9:16: error: unknown segment 'cor'; did you mean 'core'? (column segment)
                links.csv:10:26: error: unknown technology 'eth'; did you mean 'ptn'? (column technology)
                links.csv:11:34: error: 0 is below the minimum 1 (column weight)
                links.csv:12:30: error: 'sdh' applies to sdh links only (column vc4)
                links.csv:13:11: error: an SDH span runs at STM-1 (155.52M) or above, not 100M (column rate)
                links.csv:14:33: error: a 155.52M span carries 1 VC-4, not 4 (column vc4)
                links.csv:15:34: error: uses 5 VC-4 but has only 4 (column vc4Used)
                links.csv:16:35: error: uses 64 VC-12 but only 63 fit in 1 free VC-4 (column vc12Used)
                links.csv:17:11: error: invalid rate 'fast'; write a rate such as 2M, 100M, 1G, 10G, STM-1, or a \
                number of Mbit/s (column rate)
                links.csv:17:32: error: missing required key 'vc4' (column vc4)
                links.csv:18:11: error: invalid rate 'fast'; write a rate such as 2M, 100M, 1G, 10G, STM-1, or a \
                number of Mbit/s (column rate)
                links.csv:18:32: error: expected a whole number, found 'x' (column vc4)
                links.csv:19:32: error: 'otn' applies to otn links only (column otnSlots)
                links.csv:20:32: error: 80 tributary slots of 1.25G do not fit in a 10G line (column otnSlots)
                links.csv:21:36: error: uses 81 tributary slots but has only 80 (column otnUsed)
                links.csv:22:33: error: 641 is above the maximum 640 (column otnSlots)
                links.csv:23:33: error: missing required key 'slots' (column otnSlots)
                links.csv:24:43: error: uses 13 cores but has only 12 (column fibreUsed)
                links.csv:25:40: error: missing required key 'cores' (column fibreCores)
                links.csv:26:29: error: ring 'R1' is not a closed ring: node 'P1' has 1 ring link (column ring)
                links.csv:28:14: error: invalid rate '-1'; write a rate such as 2M, 100M, 1G, 10G, STM-1, or a \
                number of Mbit/s (column committed)
                pools.csv:2:1: error: invalid pool id 'Q 1': an id must not contain spaces or control characters \
                (column id)
                pools.csv:3:4: error: unknown pool purpose 'lam'; did you mean 'lan'? (column purpose)
                pools.csv:4:8: error: invalid prefix '10.3.0.0/33': prefix length 33 is above 32 (column prefix)
                pools.csv:5:20: error: invalid region 'a//b': each part of a region between '/' must be non-empty \
                (column region)
                pools.csv:6:20: error: no room is in region 'X' (a room's "region", or a region above it, such as \
                'A' for 'A/B'); the pool would serve no site (column region)
                pools.csv:8:11: error: public pool 'Q7' (10.9.0.0/24) overlaps 10.0.0.0/8, which is not public \
                address space; an internet line's WAN and public LAN must be routable on CMNET (column prefix)
                policy.csv:2:16: error: number 2.5 is not a whole number (column value)
                policy.csv:3:22: error: 2 is above the maximum 1 (column value)
                policy.csv:4:26: error: 29 is below the minimum 30 (column value)
                """)
    }
}
