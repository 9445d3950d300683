// Generated from NateScarlet/holiday-cn (MIT), State Council notices; regenerate when a new year's notice is out.
// Do not edit by hand. One entry per date listed by the notice: isOffDay true = a day off (holiday),
// false = a make-up working day (调休) on a weekend.
//
// Papers (State Council notices) per year:
// - 2024: https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm
// - 2025: https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm
// - 2026: https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
// - 2027: none yet (no notice published; no days)

extension ChinaHolidays {
    /// The 2024 notice (36 listed days).
    static let year2024 = HolidayYear(
        year: 2024,
        sources: ["https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm"],
        entries: [
            DayEntry(2024, 1, 1, isOffDay: true, name: "元旦"),
            DayEntry(2024, 2, 4, isOffDay: false, name: "春节"),
            DayEntry(2024, 2, 10, isOffDay: true, name: "春节"),
            DayEntry(2024, 2, 11, isOffDay: true, name: "春节"),
            DayEntry(2024, 2, 12, isOffDay: true, name: "春节"),
            DayEntry(2024, 2, 13, isOffDay: true, name: "春节"),
            DayEntry(2024, 2, 14, isOffDay: true, name: "春节"),
            DayEntry(2024, 2, 15, isOffDay: true, name: "春节"),
            DayEntry(2024, 2, 16, isOffDay: true, name: "春节"),
            DayEntry(2024, 2, 17, isOffDay: true, name: "春节"),
            DayEntry(2024, 2, 18, isOffDay: false, name: "春节"),
            DayEntry(2024, 4, 4, isOffDay: true, name: "清明节"),
            DayEntry(2024, 4, 5, isOffDay: true, name: "清明节"),
            DayEntry(2024, 4, 6, isOffDay: true, name: "清明节"),
            DayEntry(2024, 4, 7, isOffDay: false, name: "清明节"),
            DayEntry(2024, 4, 28, isOffDay: false, name: "劳动节"),
            DayEntry(2024, 5, 1, isOffDay: true, name: "劳动节"),
            DayEntry(2024, 5, 2, isOffDay: true, name: "劳动节"),
            DayEntry(2024, 5, 3, isOffDay: true, name: "劳动节"),
            DayEntry(2024, 5, 4, isOffDay: true, name: "劳动节"),
            DayEntry(2024, 5, 5, isOffDay: true, name: "劳动节"),
            DayEntry(2024, 5, 11, isOffDay: false, name: "劳动节"),
            DayEntry(2024, 6, 10, isOffDay: true, name: "端午节"),
            DayEntry(2024, 9, 14, isOffDay: false, name: "中秋节"),
            DayEntry(2024, 9, 15, isOffDay: true, name: "中秋节"),
            DayEntry(2024, 9, 16, isOffDay: true, name: "中秋节"),
            DayEntry(2024, 9, 17, isOffDay: true, name: "中秋节"),
            DayEntry(2024, 9, 29, isOffDay: false, name: "国庆节"),
            DayEntry(2024, 10, 1, isOffDay: true, name: "国庆节"),
            DayEntry(2024, 10, 2, isOffDay: true, name: "国庆节"),
            DayEntry(2024, 10, 3, isOffDay: true, name: "国庆节"),
            DayEntry(2024, 10, 4, isOffDay: true, name: "国庆节"),
            DayEntry(2024, 10, 5, isOffDay: true, name: "国庆节"),
            DayEntry(2024, 10, 6, isOffDay: true, name: "国庆节"),
            DayEntry(2024, 10, 7, isOffDay: true, name: "国庆节"),
            DayEntry(2024, 10, 12, isOffDay: false, name: "国庆节"),
        ]
    )

    /// The 2025 notice (33 listed days).
    static let year2025 = HolidayYear(
        year: 2025,
        sources: ["https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm"],
        entries: [
            DayEntry(2025, 1, 1, isOffDay: true, name: "元旦"),
            DayEntry(2025, 1, 26, isOffDay: false, name: "春节"),
            DayEntry(2025, 1, 28, isOffDay: true, name: "春节"),
            DayEntry(2025, 1, 29, isOffDay: true, name: "春节"),
            DayEntry(2025, 1, 30, isOffDay: true, name: "春节"),
            DayEntry(2025, 1, 31, isOffDay: true, name: "春节"),
            DayEntry(2025, 2, 1, isOffDay: true, name: "春节"),
            DayEntry(2025, 2, 2, isOffDay: true, name: "春节"),
            DayEntry(2025, 2, 3, isOffDay: true, name: "春节"),
            DayEntry(2025, 2, 4, isOffDay: true, name: "春节"),
            DayEntry(2025, 2, 8, isOffDay: false, name: "春节"),
            DayEntry(2025, 4, 4, isOffDay: true, name: "清明节"),
            DayEntry(2025, 4, 5, isOffDay: true, name: "清明节"),
            DayEntry(2025, 4, 6, isOffDay: true, name: "清明节"),
            DayEntry(2025, 4, 27, isOffDay: false, name: "劳动节"),
            DayEntry(2025, 5, 1, isOffDay: true, name: "劳动节"),
            DayEntry(2025, 5, 2, isOffDay: true, name: "劳动节"),
            DayEntry(2025, 5, 3, isOffDay: true, name: "劳动节"),
            DayEntry(2025, 5, 4, isOffDay: true, name: "劳动节"),
            DayEntry(2025, 5, 5, isOffDay: true, name: "劳动节"),
            DayEntry(2025, 5, 31, isOffDay: true, name: "端午节"),
            DayEntry(2025, 6, 1, isOffDay: true, name: "端午节"),
            DayEntry(2025, 6, 2, isOffDay: true, name: "端午节"),
            DayEntry(2025, 9, 28, isOffDay: false, name: "国庆节、中秋节"),
            DayEntry(2025, 10, 1, isOffDay: true, name: "国庆节、中秋节"),
            DayEntry(2025, 10, 2, isOffDay: true, name: "国庆节、中秋节"),
            DayEntry(2025, 10, 3, isOffDay: true, name: "国庆节、中秋节"),
            DayEntry(2025, 10, 4, isOffDay: true, name: "国庆节、中秋节"),
            DayEntry(2025, 10, 5, isOffDay: true, name: "国庆节、中秋节"),
            DayEntry(2025, 10, 6, isOffDay: true, name: "国庆节、中秋节"),
            DayEntry(2025, 10, 7, isOffDay: true, name: "国庆节、中秋节"),
            DayEntry(2025, 10, 8, isOffDay: true, name: "国庆节、中秋节"),
            DayEntry(2025, 10, 11, isOffDay: false, name: "国庆节、中秋节"),
        ]
    )

    /// The 2026 notice (39 listed days).
    static let year2026 = HolidayYear(
        year: 2026,
        sources: ["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"],
        entries: [
            DayEntry(2026, 1, 1, isOffDay: true, name: "元旦"),
            DayEntry(2026, 1, 2, isOffDay: true, name: "元旦"),
            DayEntry(2026, 1, 3, isOffDay: true, name: "元旦"),
            DayEntry(2026, 1, 4, isOffDay: false, name: "元旦"),
            DayEntry(2026, 2, 14, isOffDay: false, name: "春节"),
            DayEntry(2026, 2, 15, isOffDay: true, name: "春节"),
            DayEntry(2026, 2, 16, isOffDay: true, name: "春节"),
            DayEntry(2026, 2, 17, isOffDay: true, name: "春节"),
            DayEntry(2026, 2, 18, isOffDay: true, name: "春节"),
            DayEntry(2026, 2, 19, isOffDay: true, name: "春节"),
            DayEntry(2026, 2, 20, isOffDay: true, name: "春节"),
            DayEntry(2026, 2, 21, isOffDay: true, name: "春节"),
            DayEntry(2026, 2, 22, isOffDay: true, name: "春节"),
            DayEntry(2026, 2, 23, isOffDay: true, name: "春节"),
            DayEntry(2026, 2, 28, isOffDay: false, name: "春节"),
            DayEntry(2026, 4, 4, isOffDay: true, name: "清明节"),
            DayEntry(2026, 4, 5, isOffDay: true, name: "清明节"),
            DayEntry(2026, 4, 6, isOffDay: true, name: "清明节"),
            DayEntry(2026, 5, 1, isOffDay: true, name: "劳动节"),
            DayEntry(2026, 5, 2, isOffDay: true, name: "劳动节"),
            DayEntry(2026, 5, 3, isOffDay: true, name: "劳动节"),
            DayEntry(2026, 5, 4, isOffDay: true, name: "劳动节"),
            DayEntry(2026, 5, 5, isOffDay: true, name: "劳动节"),
            DayEntry(2026, 5, 9, isOffDay: false, name: "劳动节"),
            DayEntry(2026, 6, 19, isOffDay: true, name: "端午节"),
            DayEntry(2026, 6, 20, isOffDay: true, name: "端午节"),
            DayEntry(2026, 6, 21, isOffDay: true, name: "端午节"),
            DayEntry(2026, 9, 20, isOffDay: false, name: "国庆节"),
            DayEntry(2026, 9, 25, isOffDay: true, name: "中秋节"),
            DayEntry(2026, 9, 26, isOffDay: true, name: "中秋节"),
            DayEntry(2026, 9, 27, isOffDay: true, name: "中秋节"),
            DayEntry(2026, 10, 1, isOffDay: true, name: "国庆节"),
            DayEntry(2026, 10, 2, isOffDay: true, name: "国庆节"),
            DayEntry(2026, 10, 3, isOffDay: true, name: "国庆节"),
            DayEntry(2026, 10, 4, isOffDay: true, name: "国庆节"),
            DayEntry(2026, 10, 5, isOffDay: true, name: "国庆节"),
            DayEntry(2026, 10, 6, isOffDay: true, name: "国庆节"),
            DayEntry(2026, 10, 7, isOffDay: true, name: "国庆节"),
            DayEntry(2026, 10, 10, isOffDay: false, name: "国庆节"),
        ]
    )

    /// The 2027 notice (0 listed days).
    static let year2027 = HolidayYear(
        year: 2027,
        sources: [],
        entries: []
    )

    /// Every built-in year, oldest first.
    static let allYears: [HolidayYear] = [year2024, year2025, year2026, year2027]
}
