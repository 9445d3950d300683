import ConfigTemplate
import Devices
import Foundation
import NetAddress
import RouterConfigs
import Testing

@Suite struct ReaderAndTemplateTests {
    @Test func displayStyleVRPWithIndentedGlobalLinesReadsAsGlobal() throws {
        // vendor-configs.md §0.3: display output puts global commands under '#' with one leading space.
        let text = """
            #
             sysname APN-CPE-01
            #
            interface Ethernet0/0
             description WAN-to-carrier
             ip address 10.10.10.2 255.255.255.252
            #
            interface Tunnel0
             description GRE-to-GGSN
             ip address unnumbered interface Ethernet0/0
             tunnel-protocol gre
             source 10.10.10.2
             destination 172.16.100.1
             keepalive 10 3
            #
             ip route-static 172.16.100.1 255.255.255.255 10.10.10.1
             ip route-static 10.200.0.0 255.255.0.0 Tunnel0 preference 60
            #
            return
            """
        let parsed = ConfigReader.read(text, dialect: .vrp3, file: "ar28.cfg")
        #expect(parsed.problems.isEmpty)
        #expect(parsed.hostname == Located("APN-CPE-01", line: 2))
        #expect(parsed.interfaces.map(\.name) == ["Ethernet0/0", "Tunnel0"])
        let tunnel = try #require(parsed.interface(named: "Tunnel0"))
        #expect(tunnel.unnumbered == Located("Ethernet0/0", line: 10))
        #expect(tunnel.greMode == 11)
        #expect(tunnel.tunnelSource?.value == "10.10.10.2")
        #expect(tunnel.tunnelDestination?.value == (try Plans.address("172.16.100.1")))
        #expect(tunnel.keepalive?.value == ParsedConfig.Keepalive(period: 10, retries: 3))
        #expect(
            parsed.routes == [
                ParsedConfig.Route(
                    prefix: try Plans.prefix("172.16.100.1/32"), nextHop: .address(try Plans.address("10.10.10.1")),
                    line: 16),
                ParsedConfig.Route(
                    prefix: try Plans.prefix("10.200.0.0/16"), nextHop: .interface("Tunnel0"), distance: 60, line: 17),
            ])
    }

    @Test func theIOSReferenceInternetConfigReadsBack() throws {
        // vendor-configs.md §2.1 (c).
        let text = """
            hostname DIA-CPE-01
            service password-encryption
            interface FastEthernet0/0
             description WAN Internet
             ip address 203.0.113.2 255.255.255.252
             ip access-group 101 in
             ip nat outside
            interface FastEthernet0/1
             ip address 192.168.1.1 255.255.255.0
             ip nat inside
            ip route 0.0.0.0 0.0.0.0 203.0.113.1
            ip nat inside source list 1 interface FastEthernet0/0 overload
            access-list 1 permit 192.168.1.0 0.0.0.255
            access-list 101 deny   ip 10.0.0.0 0.255.255.255 any
            access-list 101 deny   ip 172.16.0.0 0.15.255.255 any
            access-list 101 deny   ip 192.168.0.0 0.0.255.255 any
            access-list 101 permit ip any any
            end
            """
        let parsed = ConfigReader.read(text, dialect: .ios, file: "dia.cfg")
        #expect(parsed.problems.isEmpty)
        #expect(parsed.natRules == [.init(acl: "1", interface: "FastEthernet0/0", overload: true, line: 12)])
        #expect(parsed.acl("1")?.entries.map(\.value.description) == ["permit 192.168.1.0/24"])
        #expect(
            parsed.acl("101")?.entries.map(\.value.description) == [
                "deny 10.0.0.0/8", "deny 172.16.0.0/12", "deny 192.168.0.0/16", "permit any",
            ])
        let wan = try #require(parsed.interface(named: "FastEthernet0/0"))
        #expect(wan.inboundFilter == Located("101", line: 6))
        #expect(wan.natOutside == 7)
        #expect(wan.description?.value == "WAN Internet")
        #expect(parsed.interface(named: "FastEthernet0/1")?.natInside == 10)
    }

    @Test func aUserTemplateThatDropsALineFailsTheRun() throws {
        let directory = Plans.packageRoot.appendingPathComponent("Templates/ios")
        var sources: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".tmpl") {
            sources[String(file.dropLast(5))] = String(
                decoding: try Data(contentsOf: directory.appendingPathComponent(file)), as: UTF8.self)
        }
        sources["tunnels"] = sources["tunnels"]?.replacingOccurrences(
            of: " keepalive {{ keepalive.period }} {{ keepalive.retries }}\n", with: "")
        let renderer = RouterConfigRenderer(libraries: [.ios: try TemplateLibrary(templates: sources)], officeData: nil)
        let (code, problems) = renderProblems(try Plans.apn(.ios), with: renderer)
        #expect(code == .mismatch)
        #expect(
            problems == [
                "HQ.ios.cfg:14: error: Tunnel0 has no keepalive; the plan has 10 s × 3",
                "HQ.ios.cfg:23: error: Tunnel1 has no keepalive; the plan has 10 s × 3",
            ])
    }

    @Test func aTemplateErrorNamesTheTemplateLineAndColumn() throws {
        let library = try TemplateLibrary(templates: ["interconnect": "hostname {{ hostname }}\n!\n {{ wan.speed }}\n"])
        let renderer = RouterConfigRenderer(libraries: [.ios: library], officeData: nil)
        let (code, problems) = renderProblems(try Plans.interconnect(.ios), with: renderer)
        #expect(code == .template)
        #expect(problems == ["ios/interconnect:3:2: error: undefined variable 'wan.speed' (no key 'speed' in 'wan')"])
    }

    @Test func aMissingDialectFolderFailsOnlyWhenUsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lineplan-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("ios"), withIntermediateDirectories: true)
        let shipped = Plans.packageRoot.appendingPathComponent("Templates/ios")
        for file in try FileManager.default.contentsOfDirectory(atPath: shipped.path) {
            try FileManager.default.copyItem(
                at: shipped.appendingPathComponent(file), to: folder.appendingPathComponent("ios/\(file)"))
        }
        let renderer = try RouterConfigRenderer(templatesDirectory: folder.path)
        #expect(try renderer.render(try Plans.interconnect(.ios)).text.hasPrefix("hostname SITE-A\n"))
        let (code, problems) = renderProblems(try Plans.interconnect(.vrp5), with: renderer)
        #expect(code == .template)
        #expect(
            problems == ["\(folder.path)/vrp5: error: no vrp5 templates: \(folder.path)/vrp5 is missing or unreadable"])
    }

    @Test func aBrokenTemplateFileIsReportedWhenLoading() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lineplan-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("vrp3"), withIntermediateDirectories: true)
        try Data("sysname {{ hostname }\n".utf8).write(to: folder.appendingPathComponent("vrp3/apn.tmpl"))
        do {
            _ = try RouterConfigRenderer(templatesDirectory: folder.path)
            Issue.record("the broken template was accepted")
        } catch {
            #expect(error.code == .template)
            #expect(
                error.problems.map(\.description) == [
                    "\(folder.path)/vrp3/apn.tmpl:1:9: error: '{{' is not closed by '}}' on the same line"
                ])
        }
    }
}
