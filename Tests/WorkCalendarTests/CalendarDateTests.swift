import Testing
import WorkCalendar

@Suite struct CalendarDateTests {
    @Test(arguments: ["2026-10-09", "2024-02-29", "1900-01-01", "2199-12-31", "2000-02-29"])
    func parsesAndPrintsISODates(text: String) throws {
        let date = try CalendarDate(parsing: text)
        #expect(date.description == text)
    }

    @Test func keepsItsParts() throws {
        let date = try CalendarDate(year: 2026, month: 9, day: 30)
        #expect(date.year == 2026)
        #expect(date.month == 9)
        #expect(date.day == 30)
        #expect(date == (try CalendarDate(parsing: "2026-09-30")))
    }

    @Test(arguments: [
        ("2026-02-30", "invalid date '2026-02-30': February 2026 has 28 days"),
        ("2026-02-29", "invalid date '2026-02-29': February 2026 has 28 days"),
        ("1900-02-29", "invalid date '1900-02-29': February 1900 has 28 days"),
        ("2026-04-31", "invalid date '2026-04-31': April 2026 has 30 days"),
        ("2026-13-01", "invalid date '2026-13-01': month 13 does not exist (months are 01 to 12)"),
        ("2026-00-10", "invalid date '2026-00-10': month 0 does not exist (months are 01 to 12)"),
        ("2026-01-00", "invalid date '2026-01-00': day 0 does not exist (days start at 01)"),
        ("1899-12-31", "invalid date '1899-12-31': year 1899 is outside the supported years 1900-2199"),
        ("2200-01-01", "invalid date '2200-01-01': year 2200 is outside the supported years 1900-2199"),
        ("2026/01/05", "invalid date '2026/01/05': expected YYYY-MM-DD"),
        ("2026-1-5", "invalid date '2026-1-5': expected YYYY-MM-DD"),
        ("20260105", "invalid date '20260105': expected YYYY-MM-DD"),
        (" 2026-01-05", "invalid date ' 2026-01-05': expected YYYY-MM-DD"),
        ("2026-01-05T00:00", "invalid date '2026-01-05T00:00': expected YYYY-MM-DD"),
        ("２０２６-01-05", "invalid date '２０２６-01-05': expected YYYY-MM-DD"),
        ("", "invalid date '': expected YYYY-MM-DD"),
    ])
    func rejectsInvalidText(text: String, message: String) {
        #expect(throws: CalendarError(code: .invalidDate, message: message)) {
            try CalendarDate(parsing: text)
        }
    }

    @Test func checksLeapYears() throws {
        #expect(try CalendarDate(year: 2024, month: 2, day: 29).description == "2024-02-29")
        #expect(try CalendarDate(year: 2000, month: 2, day: 29).description == "2000-02-29")
        #expect(
            throws: CalendarError(code: .invalidDate, message: "invalid date '2026-02-29': February 2026 has 28 days")
        ) {
            try CalendarDate(year: 2026, month: 2, day: 29)
        }
        #expect(
            throws: CalendarError(code: .invalidDate, message: "invalid date '2100-02-29': February 2100 has 28 days")
        ) {
            try CalendarDate(year: 2100, month: 2, day: 29)
        }
    }

    // Weekdays checked against a printed calendar (and Python's datetime).
    @Test(arguments: [
        ("1900-01-01", Weekday.monday),
        ("1970-01-01", .thursday),
        ("2000-01-01", .saturday),
        ("2024-02-29", .thursday),
        ("2025-12-31", .wednesday),
        ("2026-09-20", .sunday),
        ("2026-09-30", .wednesday),
        ("2026-10-10", .saturday),
        ("2027-01-01", .friday),
        ("2199-12-31", .tuesday),
    ])
    func knowsTheWeekday(text: String, weekday: Weekday) throws {
        #expect(try CalendarDate(parsing: text).weekday == weekday)
    }

    @Test func addsAndCountsDays() throws {
        let start = try CalendarDate(parsing: "2024-02-28")
        #expect(start.adding(days: 1).description == "2024-02-29")
        #expect(start.adding(days: 2).description == "2024-03-01")
        #expect(start.adding(days: 307).description == "2024-12-31")
        #expect(start.adding(days: 308).description == "2025-01-01")
        #expect(start.adding(days: -59).description == "2023-12-31")
        #expect(start.adding(days: 0) == start)
        let first = try CalendarDate(parsing: "1900-01-01")
        let last = try CalendarDate(parsing: "2199-12-31")
        #expect(first.days(to: last) == 109_572)
        #expect(last.days(to: first) == -109_572)
        #expect(first.adding(days: 109_572) == last)
    }

    @Test func roundTripsEveryDayOfTheSupportedRange() throws {
        var date = try CalendarDate(parsing: "1900-01-01")
        var previous = date
        for _ in 0..<109_572 {
            date = date.adding(days: 1)
            #expect(previous < date)
            #expect(previous.days(to: date) == 1)
            #expect(try CalendarDate(year: date.year, month: date.month, day: date.day) == date)
            previous = date
        }
        #expect(date.description == "2199-12-31")
    }

    @Test func ordersChronologically() throws {
        let dates = try ["2026-10-01", "2025-12-31", "2026-01-01", "2026-09-30"].map(CalendarDate.init(parsing:))
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-01", "2026-09-30", "2026-10-01"])
    }

    @Test func errorDescriptionIsTheMessage() {
        let error = CalendarError(code: .invalidRequest, message: "something is wrong")
        #expect(error.description == "something is wrong")
        #expect("\(error)" == "something is wrong")
    }
}
