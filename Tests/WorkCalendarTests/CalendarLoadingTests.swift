import Foundation
import Testing
import WorkCalendar

/// The calendar's contact with the clock and the file system.
@Suite struct CalendarLoadingTests {
    @Test func todayIsBeijingsDate() throws {
        // 2026-12-31 17:30 UTC is 2027-01-01 01:30 in Beijing.
        let instant = Date(timeIntervalSince1970: 1_798_738_200)
        #expect(CalendarDate.today(at: instant).description == "2027-01-01")
        #expect(
            CalendarDate.today(at: instant, in: TimeZone(secondsFromGMT: 0) ?? .current).description == "2026-12-31")
    }

    @Test func yearsFromAFolderReplaceTheBuiltInOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("holidays-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"year": 2026, "papers": [], "days": []}"#.write(
            to: folder.appendingPathComponent("2026.json"), atomically: true, encoding: .utf8)
        let calendar = try WorkingDayCalendar.chinaMainland(addingYearsIn: folder.path)
        // The built-in 2026 lists its holidays; the folder's 2026, which lists none, replaces it.
        #expect(WorkingDayCalendar.chinaMainland.years.first { $0.year == 2026 }?.days.isEmpty == false)
        #expect(calendar.years.filter { $0.year == 2026 }.map(\.days.isEmpty) == [true])
        #expect(calendar.years.count == WorkingDayCalendar.chinaMainland.years.count)
        #expect(throws: CalendarError.self) {
            _ = try WorkingDayCalendar.chinaMainland(addingYearsIn: folder.appendingPathComponent("none").path)
        }
    }
}
