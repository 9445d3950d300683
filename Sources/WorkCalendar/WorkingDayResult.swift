/// The answer to "which date is N working days after this one", with any caveats.
public struct WorkingDayResult: Sendable, Hashable {
    /// The due date: the N-th working day after the start.
    public let date: CalendarDate

    /// The years the count crossed that have no holiday notice, ascending; empty when every year has
    /// holiday data.
    public let yearsWithoutNotice: [Int]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - date: The due date.
    ///   - yearsWithoutNotice: The years crossed without a holiday notice, ascending.
    public init(date: CalendarDate, yearsWithoutNotice: [Int] = []) {
        self.date = date
        self.yearsWithoutNotice = yearsWithoutNotice
    }

    /// Caveats about the answer in English, such as `no holiday notice for 2027 yet: counting Monday to
    /// Friday less …`, one per year in ``yearsWithoutNotice``.
    public var warnings: [String] { yearsWithoutNotice.map(WorkingDayCalendar.noNoticeWarning) }
}
