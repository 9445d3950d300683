/// A value that a template can render or test: the data model of the engine.
///
/// Build contexts with literals:
///
///     let context: TemplateValue = [
///         "hostname": "APN-CPE-01",
///         "keepalive": 10,
///         "unnumbered": true,
///         "routes": [["prefix": "10.200.0.0", "mask": "255.255.0.0"]],
///     ]
///
/// Only `.string` and `.number` render as text; `.bool` drives `{{#if}}`/`{{#unless}}`; `.list`
/// drives `{{#each}}`; `.object` holds named values for lookups and dotted paths.
public enum TemplateValue: Sendable, Equatable {
    /// Text, rendered as is (no escaping).
    case string(String)
    /// An integer, rendered in decimal.
    case number(Int)
    /// A flag for `{{#if}}` and `{{#unless}}`; rendering it as text is an error.
    case bool(Bool)
    /// Items for `{{#each}}`; rendering it as text is an error.
    case list([TemplateValue])
    /// Named values; rendering it as text is an error.
    case object(TemplateObject)
}

// MARK: - Literals

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// Creates a `.string` value from a string literal.
    ///
    /// - Parameter value: The text.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// Creates a `.number` value from an integer literal.
    ///
    /// - Parameter value: The number.
    public init(integerLiteral value: Int) {
        self = .number(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// Creates a `.bool` value from a Boolean literal.
    ///
    /// - Parameter value: The flag.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// Creates a `.list` value from an array literal.
    ///
    /// - Parameter elements: The items, in order.
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// Creates an `.object` value from a dictionary literal, keeping the order of the keys.
    ///
    /// A key given twice keeps its first position and its last value.
    ///
    /// - Parameter elements: The key-value pairs, in order.
    /// - Complexity: O(*n*) for *n* pairs.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

// MARK: - Lookup and descriptions

extension TemplateValue {
    /// Returns the value of `key` when this is an object holding it, and `nil` otherwise.
    func member(_ key: HashedKey) -> TemplateValue? {
        guard case .object(let object) = self else {
            return nil
        }
        return object[key]
    }

    /// The kind of the value with its article, for error messages: "a string", "an object".
    var kindDescription: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a bool"
        case .list: return "a list"
        case .object: return "an object"
        }
    }
}
