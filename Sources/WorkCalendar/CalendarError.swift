/// An error raised by the working-day calendar: a bad date, bad holiday data or a bad request.
///
/// `description` is the message alone, one line fit for standard error.
public struct CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, stable for callers that branch on it.
    public enum Code: Sendable, Hashable {
        /// A date is malformed, does not exist, or lies outside the supported years.
        case invalidDate
        /// Holiday data (holiday-cn JSON) is malformed or inconsistent.
        case invalidHolidayData
        /// A request cannot be answered, such as a negative working-day count.
        case invalidRequest
    }

    /// The kind of failure.
    public let code: Code

    /// What went wrong and where, for a human reader.
    public let message: String

    /// Creates an error from its kind and message.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong and where, for a human reader.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message, on one line.
    public var description: String { message }
}
