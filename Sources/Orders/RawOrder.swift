import LocatedJSON

/// One cell of a CSV file as written.
struct RawCell {
    /// The text, quotes removed and doubled quotes undone.
    var text: String
    /// The byte offset of the cell's first character (its opening quote when quoted).
    var offset: Int
}

/// A value as written in either format, before it is checked.
enum RawContent {
    /// A JSON value.
    case json(JSONValue)
    /// A CSV cell: text that may stand for a string, a number or a Boolean.
    case cell(String)
    /// A location given as two CSV columns, `x` and `y`.
    case coordinates(x: RawCell, y: RawCell)
}

/// A key's value in a record, with where it was written.
struct RawField {
    var content: RawContent
    /// The byte offset of the value (a JSON value's first character, a CSV cell's first character).
    var offset: Int

    /// Whether the field counts as absent: JSON `null`, or an empty CSV cell.
    var isBlank: Bool {
        switch content {
        case .json(let value): value.isNull
        case .cell(let text): text.isEmpty
        case .coordinates(let x, let y): x.text.isEmpty && y.text.isEmpty
        }
    }
}

/// The order, or one site, as keys and raw values: a JSON object or (part of) a CSV row.
struct RawRecord {
    /// The byte offset of the JSON object's opening brace or of the CSV row's first character.
    var offset: Int
    /// The record's path: empty for the order, `sites[N]` for a site.
    var path: String
    /// The fields written, blank ones included, in no particular order (a record has a dozen at most, so a
    /// list is quicker than a dictionary).
    private(set) var fields: [(key: String, field: RawField)] = []

    init(offset: Int, path: String) {
        self.offset = offset
        self.path = path
    }

    /// The field of a key, if written.
    subscript(key: String) -> RawField? {
        get { fields.first { $0.key == key }?.field }
        set {
            fields.removeAll { $0.key == key }
            if let newValue { fields.append((key, newValue)) }
        }
    }

    /// The path of a key of this record.
    func path(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}

/// A whole order as read from either format, before its values are checked.
///
/// Sites are made one at a time by ``site``, so that a file of a million rows never holds a million records.
struct RawOrder {
    /// The order's own fields (`id`, `customer`, …), at the file's start for CSV.
    var order: RawRecord
    /// How many sites the file has, refused ones included.
    var siteCount: Int
    /// The `sites` array in JSON, or the first data row in CSV.
    var sitesOffset: Int
    /// For CSV, the columns of the header: a field missing from them was reported once, at the header.
    var columns: Set<String>?
    /// Makes the record of site `index`, or `nil` for one refused while reading (not an object, a short row),
    /// whose problem is already reported.
    var site: (_ index: Int) -> RawRecord?
}
