/// An error of the Devices module: text that cannot go into a configuration, or version output that
/// cannot be read.
///
/// Every error says what is wrong and where: the field of an order or plan (`hostname`,
/// `wan.description`) or the file and line of pasted `show version` output.
///
///     do {
///         _ = try ConfigText.hostname("ABC\nenable", platform: .ios)
///     } catch {
///         print(error)  // hostname: error: contains a line break (U+000A) at character 4; ...
///     }
public struct DeviceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of a device error.
    public enum Code: Sendable, Hashable {
        /// A value holds a newline or another control character.
        case controlCharacter
        /// A value holds a character the platform does not allow there.
        case forbiddenCharacter
        /// A value is longer than the platform allows.
        case tooLong
        /// A value is empty where text is required.
        case empty
        /// Version output in which no known banner was found.
        case unreadableVersion
        /// A number in version output outside what a router can have (a count, a slot quantity).
        case outOfRange
    }

    /// The kind of error.
    public let code: Code
    /// Where: a field name (`hostname`, `tunnels[0].description`) or a file name.
    public let location: String
    /// The 1-based line in the file, or 0 when the error has no line.
    public let line: Int
    /// The 1-based column (in characters) in the line, or 0 when the error has no column.
    public let column: Int
    /// What is wrong, in one sentence without a trailing period.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of error.
    ///   - location: The field or file name.
    ///   - line: The 1-based line, or 0 for none.
    ///   - column: The 1-based column, or 0 for none.
    ///   - message: What is wrong.
    public init(code: Code, location: String, line: Int = 0, column: Int = 0, message: String) {
        self.code = code
        self.location = location
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as one line for stderr: `location[:line[:column]]: error: message`.
    public var description: String {
        guard line > 0 else { return "\(location): error: \(message)" }
        return column > 0
            ? "\(location):\(line):\(column): error: \(message)" : "\(location):\(line): error: \(message)"
    }
}
