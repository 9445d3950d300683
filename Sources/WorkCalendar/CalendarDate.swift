/// A civil date in the proleptic Gregorian calendar, with no time and no time zone.
///
/// Dates are checked when created: the year must lie in ``supportedYears`` and the day must exist.
///
///     let receipt = try CalendarDate(parsing: "2026-09-30")
///     receipt.weekday            // .wednesday
///     receipt.adding(days: 2)    // 2026-10-02
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The years a date may be created in.
    public static let supportedYears: ClosedRange<Int> = 1900...2199

    /// The year, such as 2026.
    public let year: Int

    /// The month, 1 (January) to 12 (December).
    public let month: Int

    /// The day of the month, starting at 1.
    public let day: Int

    /// Creates a date from its parts, checking that it exists.
    ///
    /// - Parameters:
    ///   - year: The year, within ``supportedYears``.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month.
    /// - Throws: ``CalendarError`` with code `invalidDate` when the date does not exist or the year is not
    ///   supported, for example `invalid date '2026-02-30': February 2026 has 28 days`.
    public init(year: Int, month: Int, day: Int) throws(CalendarError) {
        if let problem = Self.problem(year: year, month: month, day: day) {
            let text = "\(Self.formatYear(year))-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
            throw CalendarError(code: .invalidDate, message: "invalid date '\(text)': \(problem)")
        }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// Creates a date from strict ISO 8601 text, `YYYY-MM-DD` and nothing else.
    ///
    /// No whitespace, no time, no other separator is accepted.
    ///
    /// - Parameter text: The text to read, such as `2026-10-09`.
    /// - Throws: ``CalendarError`` with code `invalidDate`, such as
    ///   `invalid date '2026/01/05': expected YYYY-MM-DD`.
    public init(parsing text: String) throws(CalendarError) {
        let bytes = Array(text.utf8)
        let dashPositions: Set<Int> = [4, 7]
        let isWellFormed =
            bytes.count == 10
            && bytes.indices.allSatisfy { index in
                dashPositions.contains(index) ? bytes[index] == UInt8(ascii: "-") : Self.isDigit(bytes[index])
            }
        guard isWellFormed else {
            throw CalendarError(code: .invalidDate, message: "invalid date '\(text)': expected YYYY-MM-DD")
        }
        let year = Self.number(bytes[0..<4])
        let month = Self.number(bytes[5..<7])
        let day = Self.number(bytes[8..<10])
        if let problem = Self.problem(year: year, month: month, day: day) {
            throw CalendarError(code: .invalidDate, message: "invalid date '\(text)': \(problem)")
        }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// Creates a date from parts already known to be valid; used by built-in data and date arithmetic.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date as ISO 8601 text, `YYYY-MM-DD`.
    public var description: String {
        "\(Self.formatYear(year))-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    /// The day of the week.
    public var weekday: Weekday {
        // Day 0 (1970-01-01) was a Thursday; Monday is 0 in this count.
        let mondayBased = (daysSinceEpoch + 3) % 7
        let index = mondayBased < 0 ? mondayBased + 7 : mondayBased
        return Weekday(rawValue: index + 1) ?? .monday
    }

    /// Returns the date a number of days later (or earlier, when `days` is negative).
    ///
    /// The result is not range-checked: stepping past ``supportedYears`` gives a date that the initializers would
    /// reject.
    ///
    /// - Parameter days: The number of calendar days to move, possibly negative.
    /// - Returns: The moved date.
    public func adding(days: Int) -> CalendarDate {
        Self(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Returns the number of calendar days from this date to another, negative when `other` is earlier.
    ///
    /// - Parameter other: The date to count to.
    /// - Returns: `other` minus `self` in days; `a.adding(days: a.days(to: b)) == b`.
    public func days(to other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// Returns whether the first date comes before the second.
    ///
    /// - Parameters:
    ///   - lhs: A date.
    ///   - rhs: Another date.
    /// - Returns: `true` when `lhs` is earlier than `rhs`.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

// MARK: - Day numbers

extension CalendarDate {
    /// The number of days since 1970-01-01 (Howard Hinnant's days-from-civil algorithm).
    var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Creates the date a number of days after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    init(daysSinceEpoch: Int) {
        let shiftedDays = daysSinceEpoch + 719_468
        let era = (shiftedDays >= 0 ? shiftedDays : shiftedDays - 146_096) / 146_097
        let dayOfEra = shiftedDays - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(uncheckedYear: year, month: month, day: day)
    }
}

// MARK: - Validation and formatting

extension CalendarDate {
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Returns whether a year has 29 February.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Returns the number of days in a month of a year; `month` must be 1 to 12.
    static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Returns what is wrong with a date's parts, or `nil` when the date exists and is supported.
    private static func problem(year: Int, month: Int, day: Int) -> String? {
        guard supportedYears.contains(year) else {
            return "year \(year) is outside the supported years "
                + "\(supportedYears.lowerBound)-\(supportedYears.upperBound)"
        }
        guard (1...12).contains(month) else {
            return "month \(month) does not exist (months are 01 to 12)"
        }
        guard day >= 1 else {
            return "day \(day) does not exist (days start at 01)"
        }
        let length = daysInMonth(month, of: year)
        guard day <= length else {
            return "\(monthNames[month - 1]) \(year) has \(length) days"
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { value, digit in value * 10 + Int(digit - UInt8(ascii: "0")) }
    }

    private static func twoDigits(_ value: Int) -> String {
        value >= 0 && value < 10 ? "0\(value)" : "\(value)"
    }

    private static func formatYear(_ year: Int) -> String {
        let digits = String(year.magnitude)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return year < 0 ? "-" + padded : padded
    }
}
