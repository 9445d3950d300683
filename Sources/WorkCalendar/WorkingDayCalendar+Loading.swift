public import Foundation

/// Holiday files from a folder, and today's date: the calendar's contact with the file system and
/// the clock (moved here from the command line).
extension WorkingDayCalendar {
    /// The largest holiday file read, in bytes.
    public static let maximumHolidayFileSize = 1_048_576

    /// This calendar with some years replaced or added: a year in `years` replaces the same year here.
    ///
    /// - Complexity: O(*y*) for *y* years.
    public func replacing(years added: [HolidayYear]) -> WorkingDayCalendar {
        let replaced = Set(added.map(\.year))
        return WorkingDayCalendar(years: years.filter { !replaced.contains($0.year) } + added)
    }

    /// The built-in calendar with the years of a NateScarlet/holiday-cn folder (`2027.json`, …)
    /// replacing or adding to it.
    ///
    /// - Parameter folder: The folder; every `*.json` file in it is one year.
    /// - Returns: The merged calendar.
    /// - Throws: ``CalendarError`` with code `invalidHolidayData` when the folder cannot be read, a
    ///   file is above ``maximumHolidayFileSize`` or unreadable, or its data is malformed (naming the
    ///   file, line and column).
    /// - Complexity: O(total size of the files).
    public static func chinaMainland(addingYearsIn folder: String) throws(CalendarError) -> WorkingDayCalendar {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
                .sorted()
        } catch {
            throw CalendarError(code: .invalidHolidayData, message: "\(folder): error: cannot read the holiday folder")
        }
        var loaded: [HolidayYear] = []
        for name in names {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).relativePath
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= maximumHolidayFileSize, let data = FileManager.default.contents(atPath: path) else {
                throw CalendarError(
                    code: .invalidHolidayData, message: "\(path): error: cannot be read, or above the 1 MiB limit")
            }
            loaded.append(try HolidayYear(holidayCNJSON: [UInt8](data), sourceName: path))
        }
        return chinaMainland.replacing(years: loaded)
    }
}

extension CalendarDate {
    /// China Standard Time (Beijing, UTC+8, no daylight saving).
    public static let beijing = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current

    /// The date at an instant in a time zone: by default, today in Beijing.
    ///
    /// - Parameters:
    ///   - now: The instant (default: the clock's now).
    ///   - timeZone: The time zone (default: ``beijing``).
    /// - Returns: The date, or 1970-01-01 when the instant lies outside the supported years.
    public static func today(at now: Date = Date(), in timeZone: TimeZone = beijing) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let fallback = CalendarDate(uncheckedYear: 1970, month: 1, day: 1)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return fallback }
        return (try? CalendarDate(year: year, month: month, day: day)) ?? fallback
    }
}
