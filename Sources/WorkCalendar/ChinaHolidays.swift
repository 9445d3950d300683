/// The built-in mainland China holiday data, one ``HolidayYear`` per State Council notice.
///
/// The years live in `ChinaHolidays+Data.swift`, generated from NateScarlet/holiday-cn.
enum ChinaHolidays {
    /// One listed date of the built-in data.
    struct DayEntry {
        let date: CalendarDate
        let isOffDay: Bool
        let name: String

        /// Creates an entry from parts the data generator has already checked.
        init(_ year: Int, _ month: Int, _ day: Int, isOffDay: Bool, name: String) {
            self.date = CalendarDate(uncheckedYear: year, month: month, day: day)
            self.isOffDay = isOffDay
            self.name = name
        }
    }
}

// MARK: - Building a year from entries

extension HolidayYear {
    /// Creates a year's facts from generated entries.
    init(year: Int, sources: [String], entries: [ChinaHolidays.DayEntry]) {
        var days: [CalendarDate: Bool] = [:]
        var names: [CalendarDate: String] = [:]
        for entry in entries {
            days[entry.date] = entry.isOffDay
            names[entry.date] = entry.name
        }
        self.init(year: year, days: days, names: names, sources: sources)
    }
}
