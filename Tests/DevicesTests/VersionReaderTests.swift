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

/// Every number version output gives is bounded when it is read: a count past the bound is refused at its
/// line and column (issue 13: a board claiming 9223372036854775807 FastEthernet ports trapped with an
/// arithmetic overflow, SIGILL).
@Suite struct VersionReaderBoundTests {
    /// The fixture with one line's text replaced.
    func text(_ fixture: String, replacing target: String, with replacement: String) throws -> String {
        let text = try Support.fixture(fixture)
        #expect(text.contains(target))
        return text.replacingOccurrences(of: target, with: replacement)
    }

    func error(_ text: String) -> String? {
        do {
            _ = try VersionReader.read(text, name: "v.txt")
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        ("9223372036854775807", "v.txt:18:10: error: FastEthernet count 9223372036854775807 is above the maximum 4096"),
        ("9223372036854775808", "v.txt:18:10: error: FastEthernet count 9223372036854775808 is above the maximum 4096"),
        (
            "99999999999999999999",
            "v.txt:18:10: error: FastEthernet count 99999999999999999999 is above the maximum 4096"
        ),
        (
            String(repeating: "9", count: 40),
            "v.txt:18:10: error: FastEthernet count 999999999999999999999999… is above the maximum 4096"
        ),
        ("4097", "v.txt:18:10: error: FastEthernet count 4097 is above the maximum 4096"),
        ("-1", "v.txt:18:10: error: FastEthernet count must not be negative, found -1"),
        (
            "-9223372036854775808",
            "v.txt:18:10: error: FastEthernet count must not be negative, found -9223372036854775808"
        ),
    ])
    func refusesABoardCountOutOfBounds(count: String, message: String) throws {
        let hostile = try text(
            "huawei-ar28-11-display-version.txt", replacing: "[SLOT  1]1SAE ", with: "[SLOT  1]\(count)FE ")
        #expect(error(hostile) == message)
    }

    @Test func countsABoardUpToTheBoundAndRefusesTheSumPastIt() throws {
        // The two ETH ports and a board of 4094 make 4096: the most of one kind.
        let full = try text(
            "huawei-ar28-11-display-version.txt", replacing: "[SLOT  1]1SAE ", with: "[SLOT  1]4094FE ")
        let report = try VersionReader.read(full, name: "v.txt")
        #expect(report.count(of: .fastEthernet) == 4096)
        #expect(report.interfaces.first { $0.kind == .fastEthernet }?.count == 4096)
        let over = try text(
            "huawei-ar28-11-display-version.txt", replacing: "[SLOT  1]1SAE ", with: "[SLOT  1]4095FE ")
        #expect(
            error(over)
                == "v.txt:18:10: error: FastEthernet interfaces add up to 4097 with this line, above the maximum 4096"
                + " of one kind")
        // Many boards at the bound: refused at the first that passes it, never added past it.
        let many = try text(
            "huawei-ar28-11-display-version.txt", replacing: "[SLOT  1]1SAE ",
            with: (1...64).map { "[SLOT \($0)]4096FE " }.joined(separator: "\n"))
        #expect(
            error(many)
                == "v.txt:18:9: error: FastEthernet interfaces add up to 4098 with this line, above the maximum 4096"
                + " of one kind")
    }

    @Test(arguments: [
        ("9223372036854775807", "v.txt:1:1: error: FastEthernet count 9223372036854775807 is above the maximum 4096"),
        ("99999999999999999999", "v.txt:1:1: error: FastEthernet count 99999999999999999999 is above the maximum 4096"),
        ("-1", "v.txt:1:1: error: FastEthernet count must not be negative, found -1"),
        (
            "-9223372036854775808",
            "v.txt:1:1: error: FastEthernet count must not be negative, found -9223372036854775808"
        ),
    ])
    func refusesAnIOSCountOutOfBounds(count: String, message: String) throws {
        let fixture = try Support.fixture("cisco-1841-show-version.txt")
        let lines = fixture.split(separator: "\n", omittingEmptySubsequences: false)
        let number = try #require(lines.firstIndex { $0.hasPrefix("2 FastEthernet interfaces") }) + 1
        let hostile = fixture.replacingOccurrences(
            of: "\n2 FastEthernet interfaces", with: "\n\(count) FastEthernet interfaces")
        #expect(error(hostile) == message.replacingOccurrences(of: "v.txt:1:", with: "v.txt:\(number):"))
    }

    @Test func countsTheLargestAndSmallestIOSCounts() throws {
        let fixture = try Support.fixture("cisco-1841-show-version.txt")
        for count in [0, 4096] {
            let text = fixture.replacingOccurrences(
                of: "\n2 FastEthernet interfaces", with: "\n\(count) FastEthernet interfaces")
            #expect(try VersionReader.read(text, name: "v.txt").count(of: .fastEthernet) == count)
        }
    }

    @Test(arguments: [
        ("9223372036854775807", "v.txt:11:24: error: LPU slot quantity 9223372036854775807 is above the maximum 64"),
        ("99999999999999999999", "v.txt:11:24: error: LPU slot quantity 99999999999999999999 is above the maximum 64"),
        ("65", "v.txt:11:24: error: LPU slot quantity 65 is above the maximum 64"),
        ("-1", "v.txt:11:24: error: LPU slot quantity must not be negative, found -1"),
    ])
    func refusesASlotQuantityOutOfBounds(quantity: String, message: String) throws {
        let hostile = try text(
            "huawei-ar1220-display-version.txt", replacing: "LPU Slot Quantity : 2",
            with: "LPU Slot Quantity : \(quantity)")
        #expect(error(hostile) == message)
    }

    @Test func readsTheSmallestAndLargestSlotQuantities() throws {
        for quantity in [0, 64] {
            let text = try text(
                "huawei-ar1220-display-version.txt", replacing: "LPU Slot Quantity : 2",
                with: "LPU Slot Quantity : \(quantity)")
            #expect(try VersionReader.read(text, name: "v.txt").slotCount == quantity)
        }
        // Not a number: the quantity is not known.
        let words = try text(
            "huawei-ar1220-display-version.txt", replacing: "LPU Slot Quantity : 2", with: "LPU Slot Quantity : n/a")
        #expect(try VersionReader.read(words, name: "v.txt").slotCount == nil)
    }
}
