/// One year's statutory holiday facts, as published in that year's State Council notice.
///
/// Each listed date differs from (or restates) the ordinary Monday-Friday rule: `true` is a day off (a holiday),
/// `false` is a make-up working day (调休) on a weekend. Dates not listed follow the ordinary rule. A notice for
/// year Y may also list dates in December of Y-1.
public struct HolidayYear: Sendable {
    /// The notice year.
    public let year: Int

    /// The listed dates, each mapped to whether it is a day off.
    public let days: [CalendarDate: Bool]

    /// The holiday each listed date belongs to, such as `国庆节`.
    public let names: [CalendarDate: String]

    /// Where the facts come from: the notices' addresses.
    public let sources: [String]

    /// Creates a year's facts from listed dates.
    ///
    /// - Parameters:
    ///   - year: The notice year.
    ///   - days: The listed dates, each mapped to whether it is a day off; empty when no notice is out yet.
    ///   - names: The holiday each listed date belongs to.
    ///   - sources: Where the facts come from.
    public init(year: Int, days: [CalendarDate: Bool], names: [CalendarDate: String] = [:], sources: [String] = []) {
        self.year = year
        self.days = days
        self.names = names
        self.sources = sources
    }

    /// Whether the notice is out: `false` when no date is listed, as for a year still to be announced.
    public var hasData: Bool { !days.isEmpty }
}
