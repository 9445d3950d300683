import Testing
import WorkCalendar

@Suite struct WorkingDayCalendarTests {
    private let china = WorkingDayCalendar.chinaMainland

    private func due(_ count: Int, after start: String) throws -> WorkingDayResult {
        try china.adding(workingDays: count, to: try CalendarDate(parsing: start))
    }

    // The first four are the checked vectors of the data README (domain-rules §6). The rest were worked out by hand
    // from the 2024.json / 2025.json / 2026.json listings (weekday of each date from a printed calendar):
    // - 2024-02-08 Thu + 2: 02-09 Fri is not listed (WD 1); 02-10..02-17 are listed off; Sun 02-18 is listed
    //   isOffDay=false (WD 2). Spring Festival week.
    // - 2025-01-24 Fri + 3: Sat 01-25 off; Sun 01-26 listed false (WD 1); Mon 01-27 (WD 2); 01-28..02-04 listed off;
    //   Wed 02-05 (WD 3). Spring Festival week.
    // - 2025-02-06 Thu + 2: Fri 02-07 (WD 1); Sat 02-08 listed false (WD 2).
    // - 2024-04-26 Fri + 1: Sat 04-27 off; Sun 04-28 listed false (劳动节 make-up Sunday, WD 1).
    // - 2024-04-26 Fri + 4: Sun 04-28, Mon 04-29, Tue 04-30 (WD 1-3); 05-01..05-05 listed off; Mon 05-06 (WD 4).
    // - 2025-04-25 Fri + 1: Sat 04-26 off; Sun 04-27 listed false (劳动节 make-up Sunday, WD 1).
    // - 2025-12-31 Wed + 1: 2026-01-01..01-03 listed off (2026.json); Sun 2026-01-04 listed false (WD 1).
    //   New Year crossing. + 2 adds Mon 2026-01-05.
    // - 2025-03-07 Fri + 5: nothing listed in March 2025, so Mon 03-10..Fri 03-14. Ordinary week.
    // - 2024-09-13 Fri + 1: Sat 09-14 listed false (中秋节 make-up).
    // - 2024-09-27 Fri + 3: Sun 09-29 listed false (WD 1); Mon 09-30 (WD 2); 10-01..10-07 listed off; Tue 10-08 (WD 3).
    // - 2025-05-30 Fri + 1: 05-31..06-02 listed off (端午节); Tue 06-03.
    @Test(arguments: [
        ("2026-09-30", 2, "2026-10-09"),
        ("2026-09-30", 5, "2026-10-13"),
        ("2026-09-18", 2, "2026-09-21"),
        ("2026-02-13", 3, "2026-02-25"),
        ("2024-02-08", 2, "2024-02-18"),
        ("2025-01-24", 3, "2025-02-05"),
        ("2025-02-06", 2, "2025-02-08"),
        ("2024-04-26", 1, "2024-04-28"),
        ("2024-04-26", 4, "2024-05-06"),
        ("2025-04-25", 1, "2025-04-27"),
        ("2025-12-31", 1, "2026-01-04"),
        ("2025-12-31", 2, "2026-01-05"),
        ("2025-03-07", 5, "2025-03-14"),
        ("2024-09-13", 1, "2024-09-14"),
        ("2024-09-27", 3, "2024-10-08"),
        ("2025-05-30", 1, "2025-06-03"),
    ])
    func countsKnownAnswers(start: String, count: Int, expected: String) throws {
        let result = try due(count, after: start)
        #expect(result.date.description == expected)
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: [
        ("2026-10-10", true),  // Saturday, listed as a make-up working day
        ("2026-09-20", true),  // Sunday, listed as a make-up working day
        ("2026-10-01", false),  // Thursday, listed off
        ("2026-10-08", true),  // Thursday, not listed
        ("2026-10-11", false),  // Sunday, not listed
        ("2024-02-10", false),  // Saturday, listed off inside the Spring Festival block
        ("2026-01-04", true),  // Sunday, listed as a make-up working day
        ("2027-10-01", false),  // Friday in a year without a notice: 国庆 by law
    ])
    func tellsWorkingDaysFromDaysOff(text: String, isWorking: Bool) throws {
        #expect(china.isWorkingDay(try CalendarDate(parsing: text)) == isWorking)
    }

    @Test func zeroWorkingDaysIsTheStartDate() throws {
        let result = try due(0, after: "2026-10-01")
        #expect(result == WorkingDayResult(date: try CalendarDate(parsing: "2026-10-01")))
    }

    @Test func rejectsNegativeCounts() throws {
        let start = try CalendarDate(parsing: "2026-10-01")
        let expected = CalendarError(
            code: .invalidRequest,
            message: "invalid working-day count -1: the count must be 0 or more"
        )
        #expect(throws: expected) {
            try china.adding(workingDays: -1, to: start)
        }
    }

    @Test func rejectsCountsPastTheLastSupportedYear() throws {
        let start = try CalendarDate(parsing: "2199-12-30")
        let expected = CalendarError(
            code: .invalidRequest,
            message: "cannot count 3 working days from 2199-12-30: the count runs past 2199"
        )
        #expect(throws: expected) {
            try china.adding(workingDays: 3, to: start)
        }
    }

    @Test func knowsWhichYearsHaveData() {
        #expect(china.hasData(for: 2024))
        #expect(china.hasData(for: 2025))
        #expect(china.hasData(for: 2026))
        #expect(!china.hasData(for: 2027))
        #expect(!china.hasData(for: 2023))
        #expect(china.years.map(\.year) == [2024, 2025, 2026, 2027])
    }

    static let noNotice2027 = WorkingDayCalendar.noNoticeWarning(2027)

    @Test func countsMondayToFridayLessTheStatutoryDaysInAYearWithoutANotice() throws {
        #expect(
            Self.noNotice2027
                == "no holiday notice for 2027 yet: counting Monday to Friday less the statutory holidays the law fixes"
                + " (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆); the notice's bridging and make-up days are not known, so the date"
                + " may move when it is out")
        // 2027-03-05 is a Friday; the next weekday is Monday 2027-03-08.
        let result = try due(1, after: "2027-03-05")
        #expect(result.date.description == "2027-03-08")
        #expect(result.warnings == [Self.noNotice2027])
        // Thu 2027-09-30 + 3: Fri 10-01 is 国庆 by law (no notice needed), then Mon 10-04, Tue 10-05, Wed 10-06.
        let nationalDay = try due(3, after: "2027-09-30")
        #expect(nationalDay.date.description == "2027-10-06")
        #expect(nationalDay.warnings == [Self.noNotice2027])
        // 除夕 2027 is Friday 02-05 (正月初一 Saturday 02-06): Thu 02-04 + 1 is Tuesday 02-09.
        #expect(try due(1, after: "2027-02-04").date.description == "2027-02-09")
    }

    @Test func computesTheStatutoryDaysTheLawFixes() throws {
        func days(_ year: Int) -> [String] {
            StatutoryHolidays.days(in: year).map { "\($0.key) \($0.value)" }.sorted()
        }
        // 2027 by hand: 除夕 02-05 to 正月初三 02-08; 清明 04-05 (⌊27 × 0.2422 + 4.81⌋ − ⌊27 / 4⌋ = 11 − 6);
        // 端午 (五月初五) 06-09; 中秋 (八月十五) 09-15.
        #expect(
            days(2027) == [
                "2027-01-01 元旦", "2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节",
                "2027-04-05 清明节", "2027-05-01 劳动节", "2027-05-02 劳动节", "2027-06-09 端午节", "2027-09-15 中秋节",
                "2027-10-01 国庆节", "2027-10-02 国庆节", "2027-10-03 国庆节",
            ])
        // Every statutory day the law gives 2025 and 2026 is a day off in that year's notice.
        let china = WorkingDayCalendar.chinaMainland
        for year in [2025, 2026] {
            let statutory = StatutoryHolidays.days(in: year)
            #expect(statutory.count == 13)
            for date in statutory.keys {
                #expect(!china.isWorkingDay(date), "\(date) is statutory but a working day in the \(year) notice")
            }
        }
        // The law before its 2024 revision is not modelled.
        #expect(StatutoryHolidays.days(in: 2024).isEmpty)
    }

    @Test func warnsWhenTheCountCrossesIntoAYearWithoutData() throws {
        // Wed 2026-12-30 + 3: Thu 12-31, Fri 2027-01-01 is 元旦 by law, Mon 01-04, Tue 01-05.
        let crossing = try due(3, after: "2026-12-30")
        #expect(crossing.date.description == "2027-01-05")
        #expect(crossing.warnings == [Self.noNotice2027])
        // Stopping on 12-31 never reaches 2027: no warning.
        let staying = try due(1, after: "2026-12-30")
        #expect(staying.date.description == "2026-12-31")
        #expect(staying.warnings.isEmpty)
    }

    @Test func warnsOncePerYearInOrder() throws {
        let empty = WorkingDayCalendar(years: [])
        // With no data at all, Fri 2023-12-29 + 263: 2024 has 262 weekdays (Mon 01-01 to Tue 12-31; the law's
        // days are not modelled before 2025), Wed 2025-01-01 is 元旦 by law, and the 263rd is Thu 2025-01-02. The count steps through Sat 2023-12-30 and Sun 2023-12-31 first, so 2023 is
        // warned about too (they could have been listed), even though no working day was counted in it.
        let result = try empty.adding(workingDays: 263, to: try CalendarDate(parsing: "2023-12-29"))
        #expect(result.date.description == "2025-01-02")
        // Starting on the Sunday, nothing in 2023 is stepped through.
        let fromSunday = try empty.adding(workingDays: 262, to: try CalendarDate(parsing: "2023-12-31"))
        #expect(fromSunday.date.description == "2024-12-31")
        #expect(fromSunday.warnings == ["no holiday data for 2024: counting Monday to Friday only"])
        #expect(
            result.warnings == [
                "no holiday data for 2023: counting Monday to Friday only",
                "no holiday data for 2024: counting Monday to Friday only",
                WorkingDayCalendar.noNoticeWarning(2025),
            ]
        )
    }

    @Test func countsWorkingDaysBetweenDates() throws {
        let receipt = try CalendarDate(parsing: "2026-09-30")
        #expect(china.workingDays(from: receipt, to: try CalendarDate(parsing: "2026-10-13")) == 5)
        #expect(china.workingDays(from: receipt, to: try CalendarDate(parsing: "2026-10-07")) == 0)
        #expect(china.workingDays(from: receipt, to: receipt) == 0)
        #expect(china.workingDays(from: try CalendarDate(parsing: "2026-10-13"), to: receipt) == 0)
    }

    @Test func countingBackMatchesCountingForward() throws {
        var start = try CalendarDate(parsing: "2024-01-01")
        let end = try CalendarDate(parsing: "2026-12-20")
        while start < end {
            for count in [1, 2, 3, 5, 10] {
                let result = try china.adding(workingDays: count, to: start)
                #expect(china.isWorkingDay(result.date))
                #expect(china.workingDays(from: start, to: result.date) == count)
                #expect(china.workingDays(from: start, to: result.date.adding(days: -1)) == count - 1)
            }
            start = start.adding(days: 1)
        }
    }

    @Test func countsEachYearsWorkingDays() throws {
        // Weekdays of the year, minus weekdays listed off, plus weekend days listed as working, counted from the
        // JSON files: 2024: 262 - 19 + 8 = 251; 2025: 261 - 18 + 5 = 248; 2026: 261 - 19 + 6 = 248;
        // 2027 (no notice): 261 weekdays less the 7 statutory days on weekdays (01-01, 02-05, 02-08, 04-05,
        // 06-09, 09-15, 10-01).
        func total(_ year: Int) throws -> Int {
            let start = try CalendarDate(year: year - 1, month: 12, day: 31)
            let end = try CalendarDate(year: year, month: 12, day: 31)
            return china.workingDays(from: start, to: end)
        }
        #expect(try total(2024) == 251)
        #expect(try total(2025) == 248)
        #expect(try total(2026) == 248)
        #expect(try total(2027) == 254)
    }

    @Test func readsDecemberDatesFromTheNextYearsNotice() throws {
        // The 2019 notice set the New Year 2019 holiday, 2018-12-30 to 2019-01-01, with Sat 2018-12-29 worked.
        let notice = try HolidayYear(
            holidayCNJSON: """
                {"year": 2019, "papers": [], "days": [
                    {"name": "元旦", "date": "2018-12-29", "isOffDay": false},
                    {"name": "元旦", "date": "2018-12-30", "isOffDay": true},
                    {"name": "元旦", "date": "2018-12-31", "isOffDay": true},
                    {"name": "元旦", "date": "2019-01-01", "isOffDay": true}
                ]}
                """
        )
        let calendar = WorkingDayCalendar(years: [notice])
        #expect(calendar.isWorkingDay(try CalendarDate(parsing: "2018-12-29")))
        #expect(!calendar.isWorkingDay(try CalendarDate(parsing: "2018-12-31")))
        let result = try calendar.adding(workingDays: 2, to: try CalendarDate(parsing: "2018-12-28"))
        #expect(result.date.description == "2019-01-02")
        #expect(result.warnings == ["no holiday data for 2018: counting Monday to Friday only"])
    }

    @Test func laterNoticeWinsForTheSameDate() throws {
        let saturday = try CalendarDate(parsing: "2030-12-28")
        let older = HolidayYear(year: 2030, days: [saturday: true])
        let newer = HolidayYear(year: 2031, days: [saturday: false])
        #expect(WorkingDayCalendar(years: [newer, older]).isWorkingDay(saturday))
        #expect(WorkingDayCalendar(years: [older, newer]).isWorkingDay(saturday))
    }

    @Test func builtInDataMatchesTheNotices() throws {
        let byYear = Dictionary(uniqueKeysWithValues: china.years.map { ($0.year, $0) })
        #expect(byYear[2024]?.days.count == 36)
        #expect(byYear[2025]?.days.count == 33)
        #expect(byYear[2026]?.days.count == 39)
        #expect(byYear[2027]?.days.isEmpty == true)
        #expect(byYear[2026]?.sources == ["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"])
        let nationalDay = try CalendarDate(parsing: "2026-10-10")
        #expect(byYear[2026]?.names[nationalDay] == "国庆节")
        for holidayYear in china.years {
            for (date, isOffDay) in holidayYear.days {
                // Every built-in date is valid and a make-up working day always falls on a weekend.
                #expect(try CalendarDate(year: date.year, month: date.month, day: date.day) == date)
                #expect(isOffDay || date.weekday.isWeekend)
            }
        }
    }
}
