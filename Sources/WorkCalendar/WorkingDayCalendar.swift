/// A calendar that tells working days from days off and counts working days.
///
/// A date is a working day when it is listed as a make-up working day (isOffDay = false), or when it is Monday to
/// Friday and not listed as a day off. Dates are looked up across every loaded year, because a notice for year Y can
/// set dates in December of Y-1. Where the same date is listed by several years, the latest notice wins.
///
///     let calendar = WorkingDayCalendar.chinaMainland
///     let receipt = try CalendarDate(parsing: "2026-09-30")
///     let reply = try calendar.adding(workingDays: 2, to: receipt)
///     reply.date    // 2026-10-09
public struct WorkingDayCalendar: Sendable {
    /// The mainland China calendar built from the State Council notices bundled with this module (2024-2027).
    public static let chinaMainland = WorkingDayCalendar(years: ChinaHolidays.allYears)

    /// The loaded years, oldest first.
    public let years: [HolidayYear]

    /// Every listed date of every loaded year, mapped to whether it is a day off.
    private let listedDays: [CalendarDate: Bool]

    /// The years whose notice is loaded and lists at least one date.
    private let yearsWithData: Set<Int>

    /// Creates a calendar from holiday years; a year missing here, or with no listed dates, counts Monday to Friday.
    ///
    /// - Parameter years: The years' facts, in any order. When two of them list the same date, the later notice
    ///   year wins (and, for the same year, the later element).
    /// - Complexity: O(*n* log *n*) in the number of years plus O(*d*) in the number of listed dates.
    public init(years: [HolidayYear]) {
        let ordered = years.enumerated().sorted { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) }
            .map(\.element)
        var listedDays: [CalendarDate: Bool] = [:]
        for holidayYear in ordered {
            listedDays.merge(holidayYear.days) { _, newer in newer }
        }
        self.years = ordered
        self.listedDays = listedDays
        self.yearsWithData = Set(ordered.filter(\.hasData).map(\.year))
    }

    /// Returns whether holiday data is loaded for a year.
    ///
    /// - Parameter year: The year to ask about.
    /// - Returns: `true` when a loaded notice for `year` lists at least one date.
    public func hasData(for year: Int) -> Bool {
        yearsWithData.contains(year)
    }

    /// Returns whether a date is a working day.
    ///
    /// In a year whose notice is not out (no listed date), the statutory days off the law fixes
    /// (``StatutoryHolidays``) are off too: only the notice's bridging and make-up days are unknown.
    ///
    /// - Parameter date: The date to ask about.
    /// - Returns: `true` for a listed make-up working day, or for Monday to Friday unless listed as a day off
    ///   (or, in a year without a notice, a statutory holiday).
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if let isOffDay = listedDays[date] {
            return !isOffDay
        }
        if date.weekday.isWeekend {
            return false
        }
        return hasData(for: date.year) || StatutoryHolidays.days(in: date.year)[date] == nil
    }

    /// The caveat for counting through a year without a notice.
    ///
    /// - Parameter year: The year.
    /// - Returns: What the count assumed.
    public static func noNoticeWarning(_ year: Int) -> String {
        guard (StatutoryHolidays.firstYear...StatutoryHolidays.lastYear).contains(year) else {
            return "no holiday data for \(year): counting Monday to Friday only"
        }
        return "no holiday notice for \(year) yet: counting Monday to Friday less the statutory holidays the law"
            + " fixes (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆); the notice's bridging and make-up days are not known,"
            + " so the date may move when it is out"
    }

    /// Returns the date that is a number of working days after a start date.
    ///
    /// The start date itself is not counted (the day of receipt): counting begins the day after, and the
    /// `count`-th working day is the due date. A count of 0 returns the start date unchanged. For each year the
    /// count steps through that has no holiday data, the result carries the warning
    /// `no holiday data for YYYY: counting Monday to Friday only`, in ascending year order.
    ///
    /// - Parameters:
    ///   - count: The number of working days, 0 or more.
    ///   - start: The day of receipt.
    /// - Returns: The due date and any warnings.
    /// - Throws: ``CalendarError`` with code `invalidRequest` when `count` is negative or the count runs past the
    ///   last supported year.
    /// - Complexity: O(*n*) in the number of calendar days stepped through.
    public func adding(workingDays count: Int, to start: CalendarDate) throws(CalendarError) -> WorkingDayResult {
        guard count >= 0 else {
            throw CalendarError(
                code: .invalidRequest,
                message: "invalid working-day count \(count): the count must be 0 or more"
            )
        }
        var date = start
        var remaining = count
        var yearsWithoutData: Set<Int> = []
        while remaining > 0 {
            date = date.adding(days: 1)
            guard date.year <= CalendarDate.supportedYears.upperBound else {
                throw CalendarError(
                    code: .invalidRequest,
                    message: "cannot count \(count) working days from \(start): "
                        + "the count runs past \(CalendarDate.supportedYears.upperBound)"
                )
            }
            if !hasData(for: date.year) {
                yearsWithoutData.insert(date.year)
            }
            if isWorkingDay(date) {
                remaining -= 1
            }
        }
        return WorkingDayResult(date: date, yearsWithoutNotice: yearsWithoutData.sorted())
    }

    /// Returns the number of working days after one date, up to and including another.
    ///
    /// Counts the working days in the half-open span (`from`, `to`], so that
    /// `workingDays(from: d, to: adding(workingDays: n, to: d).date) == n`. Returns 0 when `to` is not after `from`.
    ///
    /// - Parameters:
    ///   - from: The first date, itself not counted (the day of receipt).
    ///   - to: The last date, counted when it is a working day.
    /// - Returns: The number of working days in (`from`, `to`].
    /// - Complexity: O(*n*) in the number of calendar days between the dates.
    public func workingDays(from: CalendarDate, to: CalendarDate) -> Int {
        let span = from.days(to: to)
        guard span > 0 else {
            return 0
        }
        return (1...span).count(where: { offset in isWorkingDay(from.adding(days: offset)) })
    }
}
