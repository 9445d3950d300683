/// A JSON object seen through typed accessors that report wrong or missing values with their position.
///
/// Each accessor returns `nil` after recording an error when the value is missing (and required) or
/// of the wrong type, so a reader can go on and report every problem of a file in one run.
///
///     guard let node = JSONObjectView(value, path: "nodes[3]", report: &report) else { return }
///     node.checkKeys(["id", "kind"], report: &report)
///     let id = node.string("id", report: &report)
public struct JSONObjectView: Sendable {
    /// The byte offset of the object's opening brace.
    public let offset: Int
    /// The object's JSON path, such as `nodes[3]`.
    public let path: String
    /// The members in source order.
    public let members: [JSONMember]

    /// Views a value as an object, or records "expected an object" and returns `nil`.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - path: Its JSON path.
    ///   - report: Where a type error goes.
    public init?(_ value: JSONValue, path: String, report: inout DiagnosticReport) {
        guard let members = value.members else {
            report.error("expected an object, found \(value.typeDescription)", at: value.offset, path: path)
            return nil
        }
        self.offset = value.offset
        self.path = path
        self.members = members
    }

    /// The value of a key, if present; `null` counts as absent.
    ///
    /// - Complexity: O(*m*) in the number of members.
    public func value(_ key: String) -> JSONValue? {
        let length = key.utf8.count
        for member in members where member.key.utf8.count == length && member.key == key {
            return member.value.isNull ? nil : member.value
        }
        return nil
    }

    /// The path of a member: `path.key`.
    public func path(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Records an error for every key not in `allowed`, suggesting the closest allowed key.
    ///
    /// - Complexity: O(*m* × *a*) for *m* members and *a* allowed keys.
    public func checkKeys(_ allowed: [String], report: inout DiagnosticReport) {
        for member in members where !Self.contains(allowed, member.key) {
            var message = "unknown key '\(member.key)'"
            if let suggestion = Self.closest(to: member.key, in: allowed) {
                message += "; did you mean '\(suggestion)'?"
            }
            report.error(message, at: member.keyOffset, path: path(member.key))
        }
    }

    private static func contains(_ keys: [String], _ key: String) -> Bool {
        let length = key.utf8.count
        return keys.contains { $0.utf8.count == length && $0 == key }
    }

    /// Reads a string member.
    public func string(_ key: String, required: Bool = true, report: inout DiagnosticReport) -> String? {
        guard let value = presentValue(key, required: required, report: &report) else { return nil }
        guard let text = value.string else {
            report.error("expected a string, found \(value.typeDescription)", at: value.offset, path: path(key))
            return nil
        }
        return text
    }

    /// Reads a Boolean member.
    public func bool(_ key: String, required: Bool = true, report: inout DiagnosticReport) -> Bool? {
        guard let value = presentValue(key, required: required, report: &report) else { return nil }
        guard let flag = value.bool else {
            report.error("expected true or false, found \(value.typeDescription)", at: value.offset, path: path(key))
            return nil
        }
        return flag
    }

    /// Reads a whole-number member within a range.
    public func integer(
        _ key: String, required: Bool = true, in range: ClosedRange<Int> = 0...Int.max,
        report: inout DiagnosticReport
    ) -> Int? {
        guard let value = presentValue(key, required: required, report: &report) else { return nil }
        return Self.integer(value, path: path(key), in: range, report: &report)
    }

    /// Reads a finite number member within a range.
    public func number(
        _ key: String, required: Bool = true, in range: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude,
        report: inout DiagnosticReport
    ) -> Double? {
        guard let value = presentValue(key, required: required, report: &report) else { return nil }
        return Self.number(value, path: path(key), in: range, report: &report)
    }

    /// Reads an array member.
    public func array(_ key: String, required: Bool = true, report: inout DiagnosticReport) -> [JSONValue]? {
        guard let value = presentValue(key, required: required, report: &report) else { return nil }
        guard let elements = value.elements else {
            report.error("expected an array, found \(value.typeDescription)", at: value.offset, path: path(key))
            return nil
        }
        return elements
    }

    /// Reads an object member.
    public func object(_ key: String, required: Bool = true, report: inout DiagnosticReport) -> JSONObjectView? {
        guard let value = presentValue(key, required: required, report: &report) else { return nil }
        return JSONObjectView(value, path: path(key), report: &report)
    }

    /// Reads a whole number within a range from any value.
    public static func integer(
        _ value: JSONValue, path: @autoclosure () -> String, in range: ClosedRange<Int>, report: inout DiagnosticReport
    ) -> Int? {
        guard let number = value.number else {
            report.error("expected a whole number, found \(value.typeDescription)", at: value.offset, path: path())
            return nil
        }
        switch integer(number, in: range) {
        case .success(let integer): return integer
        case .failure(let problem):
            report.error(problem.message, at: value.offset, path: path())
            return nil
        }
    }

    /// A whole number within a range, or the problem ``integer(_:path:in:report:)`` reports: not whole, too
    /// large, or out of the range.
    ///
    /// For readers that build values without a JSON document (an inventory import), so that their messages
    /// are those of a network file.
    public static func integer(_ number: JSONNumber, in range: ClosedRange<Int>) -> Result<Int, JSONValueProblem> {
        var whole = number.integer
        if whole == nil, number.double.rounded() == number.double, abs(number.double) < 9e15 {
            whole = Int(number.double)
        }
        guard let integer = whole else {
            let text = number.double.rounded() == number.double ? "too large" : "not a whole number"
            return .failure(JSONValueProblem("number \(number.double) is \(text)"))
        }
        guard range.contains(integer) else {
            return .failure(
                JSONValueProblem(
                    rangeMessage(String(integer), Double(integer), Double(range.lowerBound), Double(range.upperBound))))
        }
        return .success(integer)
    }

    /// Reads a finite number within a range from any value.
    public static func number(
        _ value: JSONValue, path: @autoclosure () -> String, in range: ClosedRange<Double>,
        report: inout DiagnosticReport
    ) -> Double? {
        guard let number = value.number else {
            report.error("expected a number, found \(value.typeDescription)", at: value.offset, path: path())
            return nil
        }
        switch self.number(number, in: range) {
        case .success(let double): return double
        case .failure(let problem):
            report.error(problem.message, at: value.offset, path: path())
            return nil
        }
    }

    /// A number within a range, or the problem ``number(_:path:in:report:)`` reports.
    public static func number(_ number: JSONNumber, in range: ClosedRange<Double>) -> Result<Double, JSONValueProblem> {
        guard range.contains(number.double) else {
            let shown = number.integer.map(String.init) ?? String(number.double)
            return .failure(
                JSONValueProblem(rangeMessage(shown, number.double, range.lowerBound, range.upperBound)))
        }
        return .success(number.double)
    }

    private static func rangeMessage(_ shown: String, _ value: Double, _ low: Double, _ high: Double) -> String {
        if value < low {
            return low == 0 ? "must not be negative, found \(shown)" : "\(shown) is below the minimum \(format(low))"
        }
        return "\(shown) is above the maximum \(format(high))"
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private func presentValue(_ key: String, required: Bool, report: inout DiagnosticReport) -> JSONValue? {
        if let value = value(key) { return value }
        if required {
            if let member = members.first(where: { $0.key == key }) {
                report.error("'\(key)' must not be null", at: member.value.offset, path: path(key))
            } else {
                report.error(Self.missingKey(key), at: offset, path: path)
            }
        }
        return nil
    }

    /// The message for a required key that an object lacks: `missing required key 'id'`.
    public static func missingKey(_ key: String) -> String {
        "missing required key '\(key)'"
    }

    /// Returns the allowed key closest to a misspelt one (edit distance ≤ 2), if any.
    ///
    /// A candidate whose length differs from the key's by more than 2 cannot be that close and is passed
    /// over without computing the distance, so that a hostile key of a megabyte costs one pass over it.
    ///
    /// - Complexity: O(*n* + *c* × *m*²) for a key of length *n* and *c* candidates of length *m*.
    public static func closest(to key: String, in allowed: [String]) -> String? {
        var best: (String, Int)?
        let length = key.count
        var lowercasedKey: [Character]?
        for candidate in allowed where abs(candidate.count - length) <= 2 {
            let keyCharacters = lowercasedKey ?? Array(key.lowercased())
            lowercasedKey = keyCharacters
            let distance = editDistance(keyCharacters, Array(candidate.lowercased()))
            if distance <= 2, best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The candidates nearest to a text by edit distance (case ignored), nearest first, ties in the
    /// candidates' order; at most `limit`.
    ///
    /// - Complexity: O(*c* × *n* × *m*) for *c* candidates of length *m* and a text of length *n*.
    public static func nearest(to text: String, in candidates: [String], limit: Int) -> [String] {
        let key = Array(text.lowercased())
        return candidates.enumerated()
            .map { (distance: editDistance(key, Array($0.element.lowercased())), position: $0.offset) }
            .sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }
            .prefix(max(0, limit)).map { candidates[$0.position] }
    }

    private static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        for (row, leftCharacter) in left.enumerated() {
            var current = [row + 1] + Array(repeating: 0, count: right.count)
            for (column, rightCharacter) in right.enumerated() {
                let substitution = previous[column] + (leftCharacter == rightCharacter ? 0 : 1)
                current[column + 1] = min(substitution, previous[column + 1] + 1, current[column] + 1)
            }
            previous = current
        }
        return previous[right.count]
    }
}
