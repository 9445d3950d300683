import LocatedJSON
import NetGraph
import WorkCalendar

/// Typed readers of one field, shared by the JSON and CSV formats, each recording a located error and
/// returning `nil` when the value is missing (and required) or unusable.
extension OrderChecker {
    /// The field when it is written, not blank and not refused for its text (``refuseUnsafeText(in:)``); when
    /// it is required and missing, records why.
    mutating func field(_ record: RawRecord, _ key: String, required: Bool) -> RawField? {
        if let field = written(record, key) { return refusedFields.contains(field.offset) ? nil : field }
        guard required else { return nil }
        if let field = record[key] {
            switch field.content {
            case .json:
                diagnostics.error("'\(key)' must not be null", at: field.offset, path: record.path(key))
            case .cell, .coordinates:
                diagnostics.error(
                    "'\(key)' is required but the cell is empty", at: field.offset, path: record.path(key))
            }
        } else if columns == nil {
            diagnostics.error("missing required key '\(key)'", at: record.offset, path: record.path)
        }
        return nil
    }

    /// The field when it is written and not blank, whether or not its text was refused.
    func written(_ record: RawRecord, _ key: String) -> RawField? {
        guard let field = record[key], !field.isBlank else { return nil }
        return field
    }

    /// What each key's value is called in messages (`invalid site name '…'`); a key not listed is a `value`.
    static let fieldNouns = [
        "$schema": "schema", "id": "order id", "customer": "customer", "product": "product", "request": "request",
        "received": "date received", "description": "description", "name": "site name", "address": "address",
        "contact": "contact", "phone": "phone", "building": "building id", "location": "location", "area": "area",
        "bandwidth": "bandwidth", "interface": "interface", "protection": "protection", "router": "router",
        "routerVersionFile": "router version file", "lan": "LAN", "publicLAN": "public LAN",
        "terminals": "number of terminals",
    ]

    /// Refuses each text of a record (every JSON string, every CSV cell) holding a character that a document
    /// cannot show safely, such as a bidirectional override, a zero-width character or a private-use character
    /// (``TextRules/unsafeProblem(_:)``), and remembers the field so that the typed readers skip it.
    ///
    /// Whatever the key (a name, an id, a product, a LAN), the text is refused before it is read, so none of
    /// it reaches the ledger or a document.
    ///
    /// - Complexity: O(*n*) for a record of *n* characters.
    mutating func refuseUnsafeText(in record: RawRecord) {
        for (key, field) in record.fields {
            let noun = Self.fieldNouns[key] ?? "value"
            let path = record.path(key)
            switch field.content {
            case .json(let value):
                guard let text = value.string else { continue }
                refuseUnsafe(text, noun: noun, field: field.offset, at: field.offset, path: path)
            case .cell(let text):
                refuseUnsafe(text, noun: noun, field: field.offset, at: field.offset, path: path)
            case .coordinates(let x, let y):
                refuseUnsafe(x.text, noun: "coordinate", field: field.offset, at: x.offset, path: "\(path)[0]")
                refuseUnsafe(y.text, noun: "coordinate", field: field.offset, at: y.offset, path: "\(path)[1]")
            }
        }
    }

    /// Records an error when a text cannot be shown safely, and the field it belongs to as refused.
    private mutating func refuseUnsafe(_ text: String, noun: String, field: Int, at offset: Int, path: String) {
        guard let problem = TextRules.unsafeProblem(text) else { return }
        refusedFields.insert(field)
        diagnostics.error("invalid \(noun) '\(TextRules.shown(text))': \(problem)", at: offset, path: path)
    }

    /// Reads text: a JSON string or a CSV cell.
    mutating func string(_ record: RawRecord, _ key: String, required: Bool) -> (text: String, offset: Int)? {
        guard let field = field(record, key, required: required) else { return nil }
        switch field.content {
        case .json(let value):
            guard let text = value.string else {
                diagnostics.error(
                    "expected a string, found \(value.typeDescription)", at: field.offset, path: record.path(key))
                return nil
            }
            return (text, field.offset)
        case .cell(let text):
            return (text, field.offset)
        case .coordinates:
            return nil
        }
    }

    /// Reads free text (a name, an address): not empty, no control characters (but line breaks and tabs when
    /// `lineBreaks`), at most `maximum` characters.
    mutating func text(
        _ record: RawRecord, _ key: String, noun: String, maximum: Int, required: Bool, lineBreaks: Bool = false
    ) -> String? {
        guard let (text, offset) = string(record, key, required: required) else { return nil }
        if let problem = TextRules.textProblem(text, maximum: maximum, lineBreaks: lineBreaks) {
            diagnostics.error(
                "invalid \(noun) '\(TextRules.shown(text))': \(problem)", at: offset, path: record.path(key))
            return nil
        }
        return text
    }

    /// Reads an id (an order id, a building's node id) under the network file's id rules.
    mutating func identifier(_ record: RawRecord, _ key: String, what: String, required: Bool) -> String? {
        guard let (id, offset) = string(record, key, required: required) else { return nil }
        if let problem = TextRules.idProblem(id) {
            diagnostics.error(
                "invalid \(what) id '\(TextRules.shown(id))': \(problem)", at: offset, path: record.path(key))
            return nil
        }
        return id
    }

    /// Reads one of an enumeration's spellings, suggesting the closest when the text is none of them.
    mutating func enumeration<Value: RawRepresentable<String> & CaseIterable>(
        _ record: RawRecord, _ key: String, _ type: Value.Type, noun: String, required: Bool = true,
        aliases: [String: Value] = [:]
    ) -> Value? {
        guard let (text, offset) = string(record, key, required: required) else { return nil }
        if let value = Value(rawValue: text) { return value }
        diagnostics.error(
            Self.unknownMessage(
                text, noun: noun, spellings: Value.allCases.map(\.rawValue), alias: aliases[text.lowercased()]?.rawValue
            ),
            at: offset, path: record.path(key))
        return nil
    }

    /// Says that a text is none of an enumeration's spellings, suggesting the closest (or an alias's meaning).
    private static func unknownMessage(_ text: String, noun: String, spellings: [String], alias: String?) -> String {
        if !text.isEmpty, let suggestion = alias ?? JSONObjectView.closest(to: text, in: spellings) {
            return "unknown \(noun) '\(TextRules.shown(text))'; did you mean '\(suggestion)'?"
        }
        return "unknown \(noun) '\(TextRules.shown(text))'; expected one of \(spellings.joined(separator: ", "))"
    }

    /// Reads a required ISO date, `YYYY-MM-DD`, in ``lastYearReceived`` or before.
    mutating func date(_ record: RawRecord, _ key: String) -> CalendarDate? {
        guard let (text, offset) = string(record, key, required: true) else { return nil }
        let date: CalendarDate
        do {
            date = try CalendarDate(parsing: text)
        } catch {
            diagnostics.error(error.message, at: offset, path: record.path(key))
            return nil
        }
        guard date.year <= Self.lastYearReceived else {
            diagnostics.error(
                "invalid date '\(TextRules.shown(text))': an order is received by \(Self.lastYearReceived)-12-31, so"
                    + " that the working days counted from it stay within the supported years "
                    + "\(CalendarDate.supportedYears.lowerBound)-\(CalendarDate.supportedYears.upperBound)",
                at: offset, path: record.path(key))
            return nil
        }
        return date
    }

    /// The last year an order may be received in: the one before the last supported year, so that every
    /// count of working days from it (the reply, a solution template, the ready dates, the checklist)
    /// ends within the supported years.
    static let lastYearReceived = CalendarDate.supportedYears.upperBound - 1

    /// Reads an optional Boolean: JSON `true` or `false`, or a cell `true` or `false` in any case.
    mutating func boolean(_ record: RawRecord, _ key: String) -> Bool? {
        guard let field = field(record, key, required: false) else { return nil }
        switch field.content {
        case .json(let value):
            if let flag = value.bool { return flag }
            diagnostics.error(
                "expected true or false, found \(value.typeDescription)", at: field.offset, path: record.path(key))
        case .cell(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default:
                diagnostics.error(
                    "expected true or false, found '\(TextRules.shown(text))'", at: field.offset,
                    path: record.path(key))
            }
        case .coordinates:
            break
        }
        return nil
    }

    /// Reads a whole number within a range: a JSON number, or a cell of decimal digits.
    mutating func integer(_ field: RawField, path: String, in range: ClosedRange<Int>) -> Int? {
        let whole: Int
        let shown: String
        switch field.content {
        case .json(let value):
            guard let number = value.number else {
                diagnostics.error(
                    "expected a whole number, found \(value.typeDescription)", at: field.offset, path: path)
                return nil
            }
            var integer = number.integer
            if integer == nil, number.double.rounded() == number.double, abs(number.double) < 9e15 {
                integer = Int(number.double)
            }
            guard let integer else {
                let problem = number.double.rounded() == number.double ? "too large" : "not a whole number"
                diagnostics.error("number \(number.double) is \(problem)", at: field.offset, path: path)
                return nil
            }
            whole = integer
            shown = String(integer)
        case .cell(let text):
            let digits = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
            guard !digits.isEmpty, digits.allSatisfy(Self.isDigit) else {
                diagnostics.error(
                    "expected a whole number, found '\(TextRules.shown(text))'", at: field.offset, path: path)
                return nil
            }
            guard let integer = Int(text) else {
                diagnostics.error("number \(TextRules.shown(text)) is too large", at: field.offset, path: path)
                return nil
            }
            whole = integer
            shown = text
        case .coordinates:
            return nil
        }
        let bounds = Double(range.lowerBound)...Double(range.upperBound)
        if let problem = Self.rangeProblem(shown, Double(whole), bounds) {
            diagnostics.error(problem, at: field.offset, path: path)
            return nil
        }
        return whole
    }

    /// Reads a required rate above zero: text such as `2M` or `STM-1`, or a JSON number of Mbit/s.
    mutating func bandwidth(_ record: RawRecord, _ key: String) -> Bandwidth? {
        guard let field = field(record, key, required: true) else { return nil }
        let path = record.path(key)
        let rate: Bandwidth?
        switch field.content {
        case .json(let value):
            switch value.kind {
            case .string(let text):
                rate = parseRate(text, at: field.offset, path: path)
            case .number(let number):
                if let problem = Self.rangeProblem(
                    number.integer.map(String.init) ?? String(number.double), number.double, 0...1e9)
                {
                    diagnostics.error(problem, at: field.offset, path: path)
                    rate = nil
                } else {
                    rate = Bandwidth(kilobits: Int((number.double * 1000).rounded()))
                }
            default:
                diagnostics.error(
                    "expected a rate, found \(value.typeDescription); \(Bandwidth.syntaxHint)", at: field.offset,
                    path: path)
                rate = nil
            }
        case .cell(let text):
            rate = parseRate(text, at: field.offset, path: path)
        case .coordinates:
            rate = nil
        }
        guard let rate else { return nil }
        guard rate > .zero else {
            diagnostics.error("the \(key) must be above zero", at: field.offset, path: path)
            return nil
        }
        return rate
    }

    private mutating func parseRate(_ text: String, at offset: Int, path: String) -> Bandwidth? {
        if let rate = Bandwidth(parsing: text) { return rate }
        diagnostics.error(
            "invalid rate '\(TextRules.shown(text))'; \(Bandwidth.syntaxHint)", at: offset, path: path)
        return nil
    }

    // MARK: - Helpers

    /// Why a number is outside a range, in the words of the network file reader, or `nil`.
    static func rangeProblem(_ shown: String, _ value: Double, _ range: ClosedRange<Double>) -> String? {
        if value < range.lowerBound {
            return range.lowerBound == 0
                ? "must not be negative, found \(shown)" : "\(shown) is below the minimum \(format(range.lowerBound))"
        }
        if value > range.upperBound { return "\(shown) is above the maximum \(format(range.upperBound))" }
        return nil
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Reads a plain decimal number, `-12.5`: no exponent, no sign but a leading minus, nothing around it.
    static func decimal(_ text: Substring) -> Double? {
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard !digits.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return nil }
        guard let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }

    /// Whether a byte is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
