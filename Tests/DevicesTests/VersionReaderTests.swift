import Devices
import Foundation
import Testing

@Suite struct VersionReaderTests {
    typealias Count = VersionReport.InterfaceCount

    @Test func cisco1841() throws {
        let report = try VersionReader.read(try Support.fixture("cisco-1841-show-version.txt"), name: "v.txt")
        #expect(report.vendor == "Cisco")
        #expect(report.family == .ios)
        #expect(report.model == "1841")
        #expect(report.version == "12.4(15)T1")
        #expect(report.image == "C1841-ADVIPSERVICESK9-M")
        #expect(report.imageFile == "flash:c1841-advipservicesk9-mz.124-15.T1.bin")
        #expect(
            report.interfaces == [
                Count(label: "FastEthernet", kind: .fastEthernet, count: 2),
                Count(label: "Low-speed serial(sync/async)", kind: .serial, count: 2),
            ])
        #expect(report.dialect == .ios)
    }

    @Test func cisco881WithACPUTokenInTheModelLine() throws {
        let report = try VersionReader.read(try Support.fixture("cisco-881-show-version.txt"), name: "v.txt")
        #expect(report.model == "881")
        #expect(report.version == "12.4(24)T1")
        #expect(report.image == "C880DATA-UNIVERSALK9-M")
        #expect(report.interfaces == [Count(label: "FastEthernet", kind: .fastEthernet, count: 5)])
    }

    @Test func cisco2811WithCRLFLineEnds() throws {
        let text = try Support.fixture("cisco-2811-show-version-crlf.txt")
        #expect(text.utf8.contains(0x0D))
        let report = try VersionReader.read(text, name: "v.txt")
        #expect(report.model == "2811")
        #expect(report.version == "12.4(3i)")
        #expect(report.image == "C2800NM-IPBASE-M")
        #expect(report.imageFile == "flash:c2800nm-ipbase-mz.124-3i.bin")
        #expect(
            report.interfaces == [
                Count(label: "FastEthernet", kind: .fastEthernet, count: 2),
                Count(label: "Serial(sync/async)", kind: .serial, count: 4),
            ])
    }

    @Test func theOlderIOSBanner() throws {
        let report = try VersionReader.read(try Support.fixture("cisco-2621-show-version.txt"), name: "v.txt")
        #expect(report.model == "2621")
        #expect(report.version == "12.2(15)T5")
        #expect(report.image == "C2600-I-M")
        #expect(report.interfaces == [Count(label: "FastEthernet/IEEE 802.3", kind: .fastEthernet, count: 2)])
        #expect(report.iosRelease.map { [$0.0, $0.1] } == [12, 2])
    }

    @Test func huaweiAR2811OnVRP3() throws {
        let report = try VersionReader.read(try Support.fixture("huawei-ar28-11-display-version.txt"), name: "v.txt")
        #expect(report.vendor == "Quidway")
        #expect(report.family == .vrp)
        #expect(report.model == "AR28-11")
        #expect(report.version == "3.40")
        #expect(report.release == "0201")
        #expect(report.image == nil)
        #expect(
            report.interfaces == [
                Count(label: "FastEthernet", kind: .fastEthernet, count: 2),
                Count(label: "Serial", kind: .serial, count: 1),
            ])
        #expect(report.dialect == .vrp3)
        #expect(report.softwareDescription == "Huawei VRP 3.40 Release 0201")
    }

    @Test func huaweiAR1220OnVRP5() throws {
        let report = try VersionReader.read(try Support.fixture("huawei-ar1220-display-version.txt"), name: "v.txt")
        #expect(report.vendor == "Huawei")
        #expect(report.model == "AR1220")
        #expect(report.version == "5.160")
        #expect(report.release == "V200R007C00SPC900")
        #expect(report.interfaces.isEmpty)
        #expect(report.slotCount == 2)
        #expect(report.dialect == .vrp5)
        #expect(report.softwareDescription == "Huawei VRP 5.160 (V200R007C00SPC900)")
    }

    @Test func h3cMSR2020OnComware5() throws {
        let report = try VersionReader.read(try Support.fixture("h3c-msr20-20-display-version.txt"), name: "v.txt")
        #expect(report.vendor == "H3C")
        #expect(report.family == .comware)
        #expect(report.model == "MSR20-20")
        #expect(report.version == "5.20")
        #expect(report.release == "2207P41")
        #expect(
            report.interfaces == [
                Count(label: "FastEthernet", kind: .fastEthernet, count: 2), Count(label: "E1", kind: .e1, count: 1),
            ])
        #expect(report.dialect == .vrp3)
    }

    @Test func textWithoutABannerIsRefused() {
        #expect(
            throws: DeviceError(
                code: .unreadableVersion, location: "notes.txt",
                message: "no software banner found: expected 'Cisco IOS Software, … Version …' (show version),"
                    + " 'VRP … Software, Version …' or 'Comware Software, Version …' (display version)")
        ) {
            try VersionReader.read("Router>enable\nPassword:\n", name: "notes.txt")
        }
    }
}

/// Counts a mangled paste could make overflow are not counted (issue 13's trap, SIGILL before).
@Suite struct VersionReaderBoundTests {
    @Test func ignoresAnInterfaceCountPastTheBound() throws {
        let fixture = try Support.fixture("huawei-ar28-11-display-version.txt")
        let hostile = fixture.replacingOccurrences(
            of: "[SLOT  1]1SAE ", with: "[SLOT  1]9223372036854775807FE \n[SLOT  2]9223372036854775807FE ")
        let report = try VersionReader.read(hostile, name: "v.txt")
        // The two FE ports on board are counted; the impossible boards are not.
        #expect(report.interfaces.first { $0.kind == .fastEthernet }?.count == 2)
        let cisco = try Support.fixture("cisco-1841-show-version.txt")
            .replacingOccurrences(of: "2 FastEthernet interfaces", with: "9223372036854775807 FastEthernet interfaces")
        #expect(try VersionReader.read(cisco, name: "v.txt").interfaces.contains { $0.kind == .fastEthernet } == false)
    }
}
