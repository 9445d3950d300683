/// The answer to "which date is N working days after this one", with any caveats.
public struct WorkingDayResult: Sendable, Hashable {
    /// The due date: the N-th working day after the start.
    public let date: CalendarDate

    /// Caveats about the answer, such as `no holiday notice for 2027 yet: counting Monday to Friday less …`;
    /// empty when every year the count crossed has holiday data.
    public let warnings: [String]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - date: The due date.
    ///   - warnings: Caveats about the answer, in a stable order.
    public init(date: CalendarDate, warnings: [String] = []) {
        self.date = date
        self.warnings = warnings
    }
}
