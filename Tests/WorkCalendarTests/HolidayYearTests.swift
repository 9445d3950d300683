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
            throws: CalendarError(code: .invalidHolidayData, message: "invalid holiday data in x.json: not UTF-8 text")
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
            "at days[0].isOffDay (line 1, column 89): expected true or false, found a string"
        ),
        (
            #"{"year": 2026 "papers": [], "days": []}"#,
            #"at line 1, column 15: unexpected character '"'; expected ',' or '}' in an object"#
        ),
        (
            #"{"year": 2026, "papers": [], "days": [{"name": "春节", "date": "2026-02-30", "isOffDay": true}]}"#,
            "at days[0].date (line 1, column 62): invalid date '2026-02-30': February 2026 has 28 days"
        ),
        (
            #"{"year": 2026, "papers": [], "days": [{"name": "a", "date": "2026-10-01", "isOffDay": true}, "#
                + #"{"name": "b", "date": "2026-10-01", "isOffDay": true}]}"#,
            "at days[1].date (line 1, column 116): 2026-10-01 is listed twice (first at days[0])"
        ),
        (
            #"{"year": 2026, "papers": [], "days": [{"name": "a", "date": "2025-11-30", "isOffDay": true}]}"#,
            "at days[0].date (line 1, column 61): 2025-11-30 is not in 2026 or December 2025"
        ),
        (
            #"{"year": 2026, "papers": [], "days": [{"date": "2026-10-01", "isOffDay": true}]}"#,
            "at days[0] (line 1, column 39): missing key 'name'"
        ),
        (
            #"{"year": "2026", "papers": [], "days": []}"#,
            "at year (line 1, column 10): expected a whole-number year, found a string"
        ),
        (
            #"{"year": 2026, "papers": []}"#,
            "at the top level (line 1, column 1): missing key 'days'"
        ),
        (
            #"{"year": 2026, "year": 2027, "papers": [], "days": []}"#,
            "at line 1, column 16: duplicate key 'year' in an object"
        ),
        (
            #"{"year": 2026, "papers": ["https://example.org/notice"#,
            "at line 1, column 27: unterminated string"
        ),
        (
            #"{"year": 2026, "papers": [], "days": []} x"#,
            "at line 1, column 42: unexpected character 'x' after the end of the JSON value"
        ),
        (
            #"[2026]"#,
            "at the top level (line 1, column 1): expected an object, found an array"
        ),
        (
            "",
            "at line 1, column 1: the file is empty; expected a JSON value"
        ),
    ])
    func rejectsMalformedData(text: String, problem: String) {
        let expected = CalendarError(code: .invalidHolidayData, message: "invalid holiday data in bad.json \(problem)")
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
