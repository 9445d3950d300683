import Testing
import WorkCalendar

@Suite struct HolidayYearTests {
    private static let sample = """
        {
            "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
            "year": 2026,
            "papers": ["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"],
            "days": [
                {"name": "国庆节", "date": "2026-10-07", "isOffDay": true},
                {"name": "国庆节", "date": "2026-10-10", "isOffDay": false},
                {"name": "a \\"quoted\\" \\u56fd\\u5e86 \\ud83c\\udf89", "date": "2026-10-08", "isOffDay": true}
            ]
        }
        """

    @Test func readsTheHolidayCNFormat() throws {
        let year = try HolidayYear(holidayCNJSON: Self.sample, sourceName: "2026.json")
        #expect(year.year == 2026)
        #expect(year.sources == ["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"])
        #expect(year.hasData)
        let holiday = try CalendarDate(parsing: "2026-10-07")
        let makeUp = try CalendarDate(parsing: "2026-10-10")
        let escaped = try CalendarDate(parsing: "2026-10-08")
        #expect(year.days == [holiday: true, makeUp: false, escaped: true])
        #expect(year.names[makeUp] == "国庆节")
        #expect(year.names[escaped] == "a \"quoted\" 国庆 🎉")
    }

    @Test func readsUTF8Bytes() throws {
        let year = try HolidayYear(holidayCNJSON: Array(Self.sample.utf8))
        #expect(year.days.count == 3)
        #expect(
            throws: CalendarError(
                code: .invalidHolidayData, message: "x.json: error: invalid holiday data: not UTF-8 text")
        ) {
            try HolidayYear(holidayCNJSON: [0x7B, 0xFF, 0x7D], sourceName: "x.json")
        }
    }

    @Test func readsAYearWithNoNoticeYet() throws {
        let year = try HolidayYear(holidayCNJSON: #"{"year": 2027, "papers": [], "days": []}"#)
        #expect(year.year == 2027)
        #expect(!year.hasData)
        #expect(!WorkingDayCalendar(years: [year]).hasData(for: 2027))
    }

    // Columns count characters from 1 (each Chinese character is one column).
    @Test(arguments: [
        (
            #"{"year": 2026, "papers": [], "days": [{"name": "国庆节", "date": "2026-10-10", "isOffDay": "no"}]}"#,
            "1:89: error: expected true or false, found a string (days[0].isOffDay)"
        ),
        (
            #"{"year": 2026 "papers": [], "days": []}"#,
            #"1:15: error: unexpected character '"'; expected ',' or '}' in an object"#
        ),
        (
            #"{"year": 2026, "papers": [], "days": [{"name": "春节", "date": "2026-02-30", "isOffDay": true}]}"#,
            "1:62: error: invalid date '2026-02-30': February 2026 has 28 days (days[0].date)"
        ),
        (
            #"{"year": 2026, "papers": [], "days": [{"name": "a", "date": "2026-10-01", "isOffDay": true}, "#
                + #"{"name": "b", "date": "2026-10-01", "isOffDay": true}]}"#,
            "1:116: error: 2026-10-01 is listed twice (first at days[0]) (days[1].date)"
        ),
        (
            #"{"year": 2026, "papers": [], "days": [{"name": "a", "date": "2025-11-30", "isOffDay": true}]}"#,
            "1:61: error: 2025-11-30 is not in 2026 or December 2025 (days[0].date)"
        ),
        (
            #"{"year": 2026, "papers": [], "days": [{"date": "2026-10-01", "isOffDay": true}]}"#,
            "1:39: error: missing key 'name' (days[0])"
        ),
        (
            #"{"year": "2026", "papers": [], "days": []}"#,
            "1:10: error: expected a whole-number year, found a string (year)"
        ),
        (
            #"{"year": 2026, "papers": []}"#,
            "1:1: error: missing key 'days'"
        ),
        (
            #"{"year": 2026, "year": 2027, "papers": [], "days": []}"#,
            "1:16: error: duplicate key 'year' in an object"
        ),
        (
            #"{"year": 2026, "papers": ["https://example.org/notice"#,
            "1:27: error: unterminated string"
        ),
        (
            #"{"year": 2026, "papers": [], "days": []} x"#,
            "1:42: error: unexpected character 'x' after the end of the JSON value"
        ),
        (
            #"[2026]"#,
            "1:1: error: expected an object, found an array"
        ),
        (
            "",
            "1:1: error: the file is empty; expected a JSON value"
        ),
    ])
    func rejectsMalformedData(text: String, problem: String) {
        let expected = CalendarError(code: .invalidHolidayData, message: "bad.json:\(problem)")
        #expect(throws: expected) {
            try HolidayYear(holidayCNJSON: text, sourceName: "bad.json")
        }
    }

    @Test func reportsTheLineOfASyntaxError() {
        let text = """
            {
                "year": 2026,
                "papers": [],
                "days": [
                    {"name": "国庆节", "date": "2026-10-10", "isOffDay": false},
                    {"name": "国庆节", "date": "2026-10-11" "isOffDay": false}
                ]
            }
            """
        let expected = CalendarError(
            code: .invalidHolidayData,
            message:
                #"invalid holiday data at line 6, column 46: unexpected character '"'; expected ',' or '}' in an object"#
        )
        #expect(throws: expected) {
            try HolidayYear(holidayCNJSON: text)
        }
    }
}

/// A holiday file's numbers and dates are bounded when read, at their place (issue 13).
@Suite struct HolidayYearBoundTests {
    @Test(arguments: [
        ("9223372036854775807", "year 9223372036854775807 is outside the supported years 1900-2199"),
        ("-9223372036854775808", "year -9223372036854775808 is outside the supported years 1900-2199"),
        ("2200", "year 2200 is outside the supported years 1900-2199"),
        ("1899", "year 1899 is outside the supported years 1900-2199"),
        ("-0", "year 0 is outside the supported years 1900-2199"),
        ("1e308", "expected a whole-number year, found a number"),
        ("2026.5", "expected a whole-number year, found a number"),
    ])
    func refusesAYearOutOfBounds(year: String, message: String) {
        let text = #"{"year": \#(year), "papers": [], "days": []}"#
        #expect(throws: CalendarError(code: .invalidHolidayData, message: "2027.json:1:10: error: \(message) (year)")) {
            try HolidayYear(holidayCNJSON: text, sourceName: "2027.json")
        }
    }

    @Test func refusesANumberTooCloseToZero() {
        let text = #"{"year": 1e-400, "papers": [], "days": []}"#
        #expect(
            throws: CalendarError(
                code: .invalidHolidayData,
                message: "2027.json:1:10: error: number 1e-400 is out of range: too close to zero to represent; write 0"
            )
        ) {
            try HolidayYear(holidayCNJSON: text, sourceName: "2027.json")
        }
    }

    @Test func readsTheFirstAndLastSupportedYears() throws {
        for (year, date) in [(1900, "1899-12-31"), (2199, "2199-12-31")] {
            let text =
                #"{"year": \#(year), "papers": [], "days": [{"name": "x", "date": "\#(date)", "isOffDay": true}]}"#
            if year == 1900 {
                // December of the year before is allowed, but 1899 is not a supported year.
                #expect(
                    throws: CalendarError(
                        code: .invalidHolidayData,
                        message: "h.json:1:61: error: invalid date '1899-12-31': year 1899 is outside the supported "
                            + "years 1900-2199 (days[0].date)")
                ) {
                    try HolidayYear(holidayCNJSON: text, sourceName: "h.json")
                }
            } else {
                #expect(try HolidayYear(holidayCNJSON: text, sourceName: "h.json").year == year)
            }
        }
    }
}
