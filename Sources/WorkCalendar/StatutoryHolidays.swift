import Foundation

/// The statutory days off of a year as the law fixes them (全国年节及纪念日放假办法, revised 2024, in force
/// from 2025), for a year whose State Council notice is not out.
///
/// The law fixes the holidays themselves: 元旦 1 January; 春节 除夕 to 正月初三 (four days); 清明 the day of
/// the Qingming solar term; 劳动节 1–2 May; 端午 五月初五; 中秋 八月十五; 国庆 1–3 October. Only the bridging
/// days and the make-up weekend days (调休) come from each year's notice, so a year without one counts
/// Monday to Friday less these days.
///
/// Lunar dates come from Foundation's Chinese calendar (Beijing time); the Qingming day from the
/// solar-term formula ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ (Y the year's last two digits, 2001–2099), which
/// gives 4 April 2024 and 2025 and 5 April 2026 as the notices do.
///
///     StatutoryHolidays.days(in: 2027)[CalendarDate(2027, 1, 1)]   // "元旦"
public enum StatutoryHolidays {
    /// The first year the revised law applies to.
    public static let firstYear = 2025
    /// The last year the Qingming formula holds for.
    public static let lastYear = 2099

    /// The statutory days off of a year, each with its holiday's name; empty outside
    /// ``firstYear``...``lastYear``.
    ///
    /// - Parameter year: The year.
    /// - Returns: The dates and names (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节).
    /// - Complexity: O(365) conversions to the Chinese calendar; cached per year.
    public static func days(in year: Int) -> [CalendarDate: String] {
        guard (firstYear...lastYear).contains(year) else { return [:] }
        return cache.days(in: year)
    }

    private static let cache = Cache()

    /// The days of a year, computed once and kept.
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var years: [Int: [CalendarDate: String]] = [:]

        func days(in year: Int) -> [CalendarDate: String] {
            lock.lock()
            defer { lock.unlock() }
            if let known = years[year] { return known }
            let computed = StatutoryHolidays.compute(year)
            years[year] = computed
            return computed
        }
    }

    private static func compute(_ year: Int) -> [CalendarDate: String] {
        var days: [CalendarDate: String] = [:]
        func add(_ month: Int, _ day: Int, _ name: String) {
            days[CalendarDate(uncheckedYear: year, month: month, day: day)] = name
        }
        add(1, 1, "元旦")
        add(5, 1, "劳动节")
        add(5, 2, "劳动节")
        for day in 1...3 { add(10, day, "国庆节") }
        let twoDigits = year % 100
        let qingming = Int((Double(twoDigits) * 0.2422 + 4.81).rounded(.down)) - twoDigits / 4
        add(4, qingming, "清明节")
        guard let zone = TimeZone(identifier: "Asia/Shanghai") else { return days }
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = zone
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = zone
        var date = CalendarDate(uncheckedYear: year, month: 1, day: 1)
        var previous: CalendarDate?
        while date.year == year {
            defer {
                previous = date
                date = date.adding(days: 1)
            }
            guard
                let instant = gregorian.date(
                    from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))
            else { continue }
            let lunar = chinese.dateComponents([.month, .day], from: instant)
            guard lunar.isLeapMonth != true, let month = lunar.month, let day = lunar.day else { continue }
            switch (month, day) {
            case (1, 1):
                if let eve = previous { days[eve] = "春节" }
                days[date] = "春节"
            case (1, 2), (1, 3): days[date] = "春节"
            case (5, 5): days[date] = "端午节"
            case (8, 15): days[date] = "中秋节"
            default: break
            }
        }
        return days
    }
}
