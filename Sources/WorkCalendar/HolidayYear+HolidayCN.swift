import LocatedJSON

// MARK: - Reading NateScarlet/holiday-cn JSON

extension HolidayYear {
    /// Reads one year from the NateScarlet/holiday-cn JSON format.
    ///
    /// The format is `{"year": 2026, "papers": ["https://…"], "days": [{"name": "国庆节", "date": "2026-10-10",
    /// "isOffDay": false}, …]}`. Other keys (such as `$schema` and `$id`) are ignored. Each date must be a valid
    /// `YYYY-MM-DD`, listed once, and lie in the notice year or in December of the year before. An empty `days`
    /// list is valid: the notice is not out yet.
    ///
    ///     let year = try HolidayYear(holidayCNJSON: text, sourceName: "2026.json")
    ///
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - sourceName: A name for the data in error messages, such as a file name; `nil` to leave it out.
    /// - Throws: ``CalendarError`` with code `invalidHolidayData`, naming what is wrong and where: with a source
    ///   name as every reader's diagnostics, `2026.json:20:25: error: expected true or false, found a string
    ///   (days[3].isOffDay)`; without one, `invalid holiday data at days[3].isOffDay (line 20, column 25): …`.
    /// - Complexity: O(*n*) in the length of the text.
    public init(holidayCNJSON text: String, sourceName: String? = nil) throws(CalendarError) {
        try self.init(holidayCNJSON: Array(text.utf8), sourceName: sourceName)
    }

    /// Reads one year from NateScarlet/holiday-cn JSON given as UTF-8 bytes.
    ///
    /// - Parameters:
    ///   - bytes: The JSON text as UTF-8.
    ///   - sourceName: A name for the data in error messages, such as a file name; `nil` to leave it out.
    /// - Throws: ``CalendarError`` with code `invalidHolidayData` when the bytes are not UTF-8 or the JSON is
    ///   malformed or inconsistent.
    /// - Complexity: O(*n*) in the number of bytes.
    public init(holidayCNJSON bytes: [UInt8], sourceName: String? = nil) throws(CalendarError) {
        if UTF8Validation.firstInvalidByte(in: bytes) != nil {
            let message =
                sourceName.map { "\($0): error: invalid holiday data: not UTF-8 text" }
                ?? "invalid holiday data: not UTF-8 text"
            throw CalendarError(code: .invalidHolidayData, message: message)
        }
        let document: JSONDocument
        do {
            document = try JSONDocument(name: sourceName ?? "", bytes: bytes)
        } catch {
            let problem = error.diagnostics.first
            throw HolidayCNReader.error(
                sourceName: sourceName, path: "", line: problem?.line ?? 1, column: problem?.column ?? 1,
                problem?.message ?? "not JSON")
        }
        self = try HolidayCNReader(sourceName: sourceName, document: document).read()
    }
}

/// Turns a parsed holiday-cn document into a ``HolidayYear``, with errors that name the path and position.
private struct HolidayCNReader {
    let sourceName: String?
    let document: JSONDocument

    /// An error at a place: `2026.json:20:25: error: problem (path)` with a source name, else `invalid
    /// holiday data at path (line 20, column 25): problem`.
    static func error(sourceName: String?, path: String, line: Int, column: Int, _ problem: String) -> CalendarError {
        guard let sourceName else {
            let at = path.isEmpty ? "" : " at \(path)"
            let place = path.isEmpty ? " at line \(line), column \(column)" : " (line \(line), column \(column))"
            return CalendarError(code: .invalidHolidayData, message: "invalid holiday data\(at)\(place): \(problem)")
        }
        let suffix = path.isEmpty || path == topLevel ? "" : " (\(path))"
        return CalendarError(
            code: .invalidHolidayData, message: "\(sourceName):\(line):\(column): error: \(problem)\(suffix)")
    }

    func error(_ path: String, _ value: JSONValue, _ problem: String) -> CalendarError {
        let (line, column) = document.location(of: value.offset)
        return Self.error(
            sourceName: sourceName, path: path, line: line, column: column, problem)
    }

    /// The path of the top-level object.
    static let topLevel = "the top level"

    func read() throws(CalendarError) -> HolidayYear {
        let topLevel = Self.topLevel
        let root = document.root
        let members = try object(root, path: topLevel)
        let year = try noticeYear(try required("year", in: members, of: root, path: topLevel))
        let papersValue = try required("papers", in: members, of: root, path: topLevel)
        let papers = try array(papersValue, path: "papers").enumerated().map { (offset, paper) throws(CalendarError) in
            try string(paper, path: "papers[\(offset)]")
        }
        let daysValue = try required("days", in: members, of: root, path: topLevel)
        var days: [CalendarDate: Bool] = [:]
        var names: [CalendarDate: String] = [:]
        var firstListing: [CalendarDate: Int] = [:]
        for (offset, entry) in try array(daysValue, path: "days").enumerated() {
            let path = "days[\(offset)]"
            let fields = try object(entry, path: path)
            let name = try string(try required("name", in: fields, of: entry, path: path), path: "\(path).name")
            let dateValue = try required("date", in: fields, of: entry, path: path)
            let date = try listedDate(dateValue, path: "\(path).date", noticeYear: year)
            let offValue = try required("isOffDay", in: fields, of: entry, path: path)
            guard let isOffDay = offValue.bool else {
                throw error("\(path).isOffDay", offValue, "expected true or false, found \(offValue.typeDescription)")
            }
            if let first = firstListing[date] {
                throw error("\(path).date", dateValue, "\(date) is listed twice (first at days[\(first)])")
            }
            firstListing[date] = offset
            days[date] = isOffDay
            names[date] = name
        }
        return HolidayYear(year: year, days: days, names: names, sources: papers)
    }

    // MARK: Typed accessors

    private func object(_ value: JSONValue, path: String) throws(CalendarError) -> [String: JSONValue] {
        guard let members = value.members else {
            throw error(path, value, "expected an object, found \(value.typeDescription)")
        }
        // The reader has refused duplicate keys already.
        return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private func required(_ key: String, in fields: [String: JSONValue], of object: JSONValue, path: String)
        throws(CalendarError) -> JSONValue
    {
        guard let value = fields[key] else {
            throw error(path, object, "missing key '\(key)'")
        }
        return value
    }

    private func array(_ value: JSONValue, path: String) throws(CalendarError) -> [JSONValue] {
        guard let elements = value.elements else {
            throw error(path, value, "expected an array, found \(value.typeDescription)")
        }
        return elements
    }

    private func string(_ value: JSONValue, path: String) throws(CalendarError) -> String {
        guard let text = value.string else {
            throw error(path, value, "expected a string, found \(value.typeDescription)")
        }
        return text
    }

    private func noticeYear(_ value: JSONValue) throws(CalendarError) -> Int {
        guard let year = value.number?.integer else {
            throw error("year", value, "expected a whole-number year, found \(value.typeDescription)")
        }
        let supported = CalendarDate.supportedYears
        guard supported.contains(year) else {
            throw error(
                "year", value,
                "year \(year) is outside the supported years \(supported.lowerBound)-\(supported.upperBound)")
        }
        return year
    }

    private func listedDate(_ value: JSONValue, path: String, noticeYear year: Int) throws(CalendarError)
        -> CalendarDate
    {
        let text = try string(value, path: path)
        let date: CalendarDate
        do {
            date = try CalendarDate(parsing: text)
        } catch {
            throw self.error(path, value, error.message)
        }
        guard date.year == year || (date.year == year - 1 && date.month == 12) else {
            throw error(path, value, "\(date) is not in \(year) or December \(year - 1)")
        }
        return date
    }
}
