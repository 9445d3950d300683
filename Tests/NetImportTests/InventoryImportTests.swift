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
