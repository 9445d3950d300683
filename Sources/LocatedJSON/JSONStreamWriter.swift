/// Writes JSON text straight into a byte buffer, in the layout of ``JSONOutput/rendered(inlineDepth:)``
/// with every level expanded, without building a ``JSONOutput`` value first.
///
/// Objects are written one member per line; an array of containers one element per line, an array of
/// plain values (``strings(_:)``) on one line. The caller opens and closes containers in order:
///
///     var writer = JSONStreamWriter(capacity: 4096)
///     writer.beginObject()
///     writer.key("id")
///     writer.string("L1")
///     writer.key("km")
///     writer.decimal(12_400, scale: 3)
///     writer.endObject()
///     writer.newline()
///
/// gives the same bytes as `JSONOutput.object([("id", .string("L1")), ("km", .decimal(12_400, scale: 3))]).rendered()`.
/// Strings, numbers and the indentation are written exactly as ``JSONOutput`` writes them.
public struct JSONStreamWriter: Sendable {
    /// The text written so far.
    public private(set) var bytes: [UInt8]
    /// How many containers are open (counting those the writer was told it starts inside).
    private var depth: Int
    /// Whether the innermost open container has no member or element yet.
    private var isEmpty = true

    /// Creates a writer with room for `capacity` bytes, standing `depth` containers deep in a larger
    /// document, so that parts of one document can be written separately and joined.
    ///
    /// - Parameters:
    ///   - capacity: The bytes to reserve.
    ///   - depth: The open containers around what is written (0 for a whole document).
    /// - Complexity: O(`capacity`) for the allocation.
    public init(capacity: Int, depth: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
        self.depth = depth
    }

    /// Starts an object, as a value (after ``key(_:)`` or ``element()``, or at the top).
    public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    /// Ends the innermost object: `{}` when it has no member.
    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    /// Starts an array whose elements are containers, one per line; write each after ``element()``.
    public mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        open()
    }

    /// Ends the innermost array: `[]` when it has no element.
    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Starts an object member: the separator, a new line, the key and `: `; write its value next.
    ///
    /// - Parameter name: The member's key.
    public mutating func key(_ name: String) {
        startItem()
        JSONOutput.writeString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Starts an element of an array begun with ``beginArray()``: the separator and a new line; write
    /// the element (a container) next.
    public mutating func element() {
        startItem()
    }

    /// Writes a string, escaped as ``JSONOutput`` escapes it.
    ///
    /// - Parameter text: The string.
    public mutating func string(_ text: String) {
        JSONOutput.writeString(text, to: &bytes)
    }

    /// Writes a string, or `null` when there is none.
    ///
    /// - Parameter text: The string, if any.
    public mutating func string(_ text: String?) {
        if let text { JSONOutput.writeString(text, to: &bytes) } else { null() }
    }

    /// Writes a whole number.
    ///
    /// - Parameter value: The number.
    public mutating func integer(_ value: Int) {
        JSONOutput.writeInteger(value, to: &bytes)
    }

    /// Writes a whole number, or `null` when there is none.
    ///
    /// - Parameter value: The number, if any.
    public mutating func integer(_ value: Int?) {
        if let value { JSONOutput.writeInteger(value, to: &bytes) } else { null() }
    }

    /// Writes a fixed-point number as ``JSONOutput/decimal(_:scale:)`` does: `(12_400, 3)` is `12.4`.
    ///
    /// - Parameters:
    ///   - value: The number times 10^`scale`.
    ///   - scale: How many decimal places `value` carries.
    public mutating func decimal(_ value: Int, scale: Int) {
        bytes.append(contentsOf: JSONOutput.formatDecimal(value, scale: scale).utf8)
    }

    /// Writes `true` or `false`.
    ///
    /// - Parameter flag: The value.
    public mutating func bool(_ flag: Bool) {
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    /// Writes `null`.
    public mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes an array of strings on one line: `["a", "b"]`, or `[]`.
    ///
    /// - Parameter texts: The strings, in order.
    /// - Complexity: O(total length of the strings).
    public mutating func strings(_ texts: [String]) {
        inlineArray(texts, JSONOutput.writeString)
    }

    /// Writes an array of whole numbers on one line: `[1, 2]`, or `[]`.
    ///
    /// - Parameter values: The numbers, in order.
    /// - Complexity: O(*n*) for *n* numbers.
    public mutating func integers(_ values: [Int]) {
        inlineArray(values, JSONOutput.writeInteger)
    }

    /// Writes an array on one line, each element by `write`: `[a, b]`, or `[]`.
    private mutating func inlineArray<Element>(_ elements: [Element], _ write: (Element, inout [UInt8]) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (position, element) in elements.enumerated() {
            if position > 0 {
                bytes.append(UInt8(ascii: ","))
                bytes.append(UInt8(ascii: " "))
            }
            write(element, &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a ``JSONOutput`` value in place, as it stands at the writer's depth.
    ///
    /// - Parameter value: The value.
    /// - Complexity: O(size of the value's text).
    public mutating func value(_ value: JSONOutput) {
        value.write(to: &bytes, depth: depth, inlineDepth: Int.max)
    }

    /// Appends the elements another writer wrote inside an array begun with ``beginArray()``.
    ///
    /// This is how the parts of an array written apart (on several cores) are joined: each part's
    /// writer is made at this writer's depth and starts each element with ``element()``. A writer
    /// that wrote nothing adds nothing.
    ///
    /// - Parameter part: A writer created at this writer's depth that wrote only elements.
    /// - Complexity: O(size of the part).
    public mutating func appendElements(of part: JSONStreamWriter) {
        guard !part.bytes.isEmpty else { return }
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: part.bytes)
        isEmpty = false
    }

    /// Ends the document with a newline, as ``JSONOutput/rendered(inlineDepth:)`` does.
    public mutating func newline() {
        bytes.append(0x0A)
    }

    private mutating func open() {
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !isEmpty { indent() }
        bytes.append(bracket)
        isEmpty = false
    }

    private mutating func startItem() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        indent()
        isEmpty = false
    }

    private mutating func indent() {
        bytes.append(0x0A)
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }
}
