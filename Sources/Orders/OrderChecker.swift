import LocatedJSON
import NetAddress
import NetGraph
import WorkCalendar

/// Checks a ``RawOrder`` read from either format and builds the ``Order``, recording every problem.
///
/// The same checks and messages serve JSON and CSV; only how a value is written differs (a JSON number or
/// Boolean is a cell's text in CSV).
struct OrderChecker {
    /// The problems found, by byte offset.
    var diagnostics: PendingDiagnostics
    /// For CSV, the header's columns: a required column missing from the header was reported there once.
    let columns: Set<String>?
    /// The offsets of the fields refused because their text cannot be shown safely (``refuseUnsafeText(in:)``):
    /// the typed readers take them as absent, so that each gets one error.
    var refusedFields: Set<Int> = []

    /// The most terminals an APN order may declare per site.
    static let terminalRange = 1...1_000_000
    /// The most hosts a LAN may ask for: a /8.
    static let lanHostRange = 1...16_777_214
    /// The prefix lengths a LAN size (`/N`) may have.
    static let lanLengthRange = 8...30
    /// What joins an order id and a site name into a ledger line id (`ORDER-ID/SITE-NAME`): neither may
    /// contain it, or order `A/B` site `C` and order `A` site `B/C` would be one line.
    static let lineSeparator: Character = "/"
    /// Why an id or a name with the separator is refused.
    static let separatorProblem =
        "must not contain '/': the ledger keys a line as ORDER-ID/SITE-NAME, so two customers' lines could"
        + " take one key"
    /// The hosts a public LAN may ask for: a /30 to a /24.
    static let publicHostRange = 2...254
    /// The most characters an order's description may have.
    static let descriptionMaximum = 1024
    /// The most characters a contact's phone may have.
    static let phoneMaximum = 32
    /// How a LAN is written, for error messages.
    static let lanHint = "write a prefix such as 192.168.10.0/24, a size such as /27, or a number of hosts"

    /// Checks the order and its sites.
    ///
    /// - Returns: The order, or `nil` when any error was found.
    mutating func check(_ raw: RawOrder) -> Order? {
        let errorsBefore = diagnostics.errorCount
        let record = raw.order
        refuseUnsafeText(in: record)
        var id = identifier(record, "id", what: "order", required: true)
        if let text = id, text.contains(Self.lineSeparator), let field = record["id"] {
            diagnostics.error(
                "invalid order id '\(TextRules.shown(text))': \(Self.separatorProblem)", at: field.offset,
                path: record.path("id"))
            id = nil
        }
        let customer = text(record, "customer", noun: "customer", maximum: 128, required: true)
        let product = enumeration(record, "product", Product.self, noun: "product")
        let request = enumeration(
            record, "request", RequestKind.self, noun: "request", required: false,
            aliases: ["adjust": .modify, "adjustment": .modify, "provide": .new, "stop": .cease])
        let received = date(record, "received")
        let mature = boolean(record, "mature")
        let description = text(
            record, "description", noun: "description", maximum: Self.descriptionMaximum, required: false,
            lineBreaks: true)
        if mature == false, let field = record["mature"] {
            diagnostics.warning(
                "a non-mature product: the reply waits for a solution template (3 working days)", at: field.offset,
                path: record.path("mature"))
        }
        var sites: [OrderSite] = []
        var firstNameOffsets: [String: Int] = [:]
        for index in 0..<raw.siteCount {
            guard let site = raw.site(index) else { continue }
            if let checked = checkSite(site, index: index, product: product, names: &firstNameOffsets) {
                sites.append(checked)
            }
        }
        guard diagnostics.errorCount == errorsBefore, let id, let customer, let product, let received,
            sites.count == raw.siteCount, !sites.isEmpty
        else { return nil }
        return Order(
            id: id, customer: customer, product: product, request: request ?? .new, received: received,
            mature: mature ?? true, sites: sites, description: description)
    }

    // MARK: - Sites

    private mutating func checkSite(
        _ record: RawRecord, index: Int, product: Product?, names: inout [String: Int]
    ) -> OrderSite? {
        let errorsBefore = diagnostics.errorCount
        refuseUnsafeText(in: record)
        let name = siteName(record, names: &names)
        let siteNoun = name.map { "site '\(TextRules.shown($0))'" } ?? "the site"
        let address = text(record, "address", noun: "address", maximum: 256, required: false)
        let contact = text(record, "contact", noun: "contact", maximum: 64, required: false)
        let phone = phone(record)
        let building = identifier(record, "building", what: "building", required: false)
        let location = location(record)
        let buildingField = written(record, "building")
        let locationField = written(record, "location")
        if buildingField == nil, locationField == nil {
            let headerLacksBoth = columns.map { !$0.contains("building") && !$0.contains("location") } ?? false
            if !headerLacksBoth {
                diagnostics.error(
                    "\(siteNoun) has neither 'building' nor 'location'", at: record.offset, path: record.path)
            }
        } else if buildingField != nil, let locationField {
            diagnostics.error(
                "\(siteNoun) has both 'building' and 'location'; give one of them", at: locationField.offset,
                path: record.path("location"))
        }
        let area = enumeration(record, "area", Area.self, noun: "area", required: false)
        let bandwidth = bandwidth(record, "bandwidth")
        let interface = enumeration(record, "interface", CustomerInterface.self, noun: "interface")
        if let bandwidth, let interface, bandwidth > interface.maximumRate, let field = record["bandwidth"] {
            let article = interface == .fe || interface == .e1 ? "an" : "a"
            diagnostics.error(
                "\(bandwidth) does not fit \(article) \(interface.rawValue) interface (at most "
                    + "\(interface.maximumRate))", at: field.offset, path: record.path("bandwidth"))
        }
        let protection = enumeration(record, "protection", Protection.self, noun: "protection", required: false)
        let router = text(record, "router", noun: "router", maximum: 64, required: false)
        let versionFile = text(
            record, "routerVersionFile", noun: "router version file", maximum: 256, required: false)
        let lan = lan(record)
        let publicLAN = publicLAN(record, product: product)
        let terminals = terminals(record, index: index, product: product)
        guard diagnostics.errorCount == errorsBefore, let name, let bandwidth, let interface else { return nil }
        return OrderSite(
            name: name, address: address, contact: contact, phone: phone, building: building, location: location,
            area: area, bandwidth: bandwidth,
            interface: interface, protection: protection ?? Protection.none, router: router,
            routerVersionFile: versionFile, lan: lan, publicLAN: publicLAN, terminals: terminals)
    }

    private mutating func siteName(_ record: RawRecord, names: inout [String: Int]) -> String? {
        guard let (name, offset) = string(record, "name", required: true) else { return nil }
        let path = record.path("name")
        if let problem = TextRules.textProblem(name, maximum: 64, trimmed: true)
            ?? (name.contains(Self.lineSeparator) ? Self.separatorProblem : nil)
        {
            diagnostics.error("invalid site name '\(TextRules.shown(name))': \(problem)", at: offset, path: path)
            return nil
        }
        if let first = names[name] {
            diagnostics.error(
                "duplicate site name '\(TextRules.shown(name))'; first used at ", at: offset, path: path,
                reference: first)
            return nil
        }
        names[name] = offset
        return name
    }

    private mutating func phone(_ record: RawRecord) -> String? {
        guard let text = text(record, "phone", noun: "phone", maximum: Self.phoneMaximum, required: false),
            let offset = record["phone"]?.offset
        else { return nil }
        if let problem = TextRules.phoneProblem(text) {
            diagnostics.error(
                "invalid phone '\(TextRules.shown(text))': \(problem)", at: offset, path: record.path("phone"))
            return nil
        }
        return text
    }

    private mutating func terminals(_ record: RawRecord, index: Int, product: Product?) -> Int? {
        let path = record.path("terminals")
        guard let field = field(record, "terminals", required: false) else {
            if product == .apn, index == 0, written(record, "terminals") == nil {
                let blank = record["terminals"]
                diagnostics.error(
                    "an APN order needs 'terminals' (the number of mobile terminals) on its first site",
                    at: blank?.offset ?? record.offset, path: blank == nil ? record.path : path)
            }
            return nil
        }
        if let product, product != .apn {
            diagnostics.error("'terminals' applies to APN orders only", at: field.offset, path: path)
            return nil
        }
        return integer(field, path: path, in: Self.terminalRange)
    }

    /// A public block for an internet line: a size (`/29`) or a number of hosts, never a prefix (public
    /// addresses come from the carrier's pool).
    private mutating func publicLAN(_ record: RawRecord, product: Product?) -> Int? {
        guard let field = field(record, "publicLAN", required: false) else { return nil }
        let path = record.path("publicLAN")
        if let product, product != .internet {
            diagnostics.error(
                "'publicLAN' applies to internet orders only (public addresses routed on CMNET)", at: field.offset,
                path: path)
            return nil
        }
        let errorsBefore = diagnostics.errorCount
        guard let request = lan(record, key: "publicLAN") else { return nil }
        switch request {
        case .hosts(let hosts) where Self.publicHostRange.contains(hosts):
            return hosts
        case .hosts:
            diagnostics.error(
                "a public LAN is /24 to /30 (2 to 254 hosts): public addresses are scarce", at: field.offset,
                path: path)
        case .prefix:
            if diagnostics.errorCount == errorsBefore {
                diagnostics.error(
                    "public addresses are assigned from the carrier's public pool; write a size such as /29 or a"
                        + " number of hosts", at: field.offset, path: path)
            }
        }
        return nil
    }

    private mutating func lan(_ record: RawRecord, key: String = "lan") -> LANRequest? {
        guard let field = field(record, key, required: false) else { return nil }
        let path = record.path(key)
        switch field.content {
        case .json(let value):
            switch value.kind {
            case .string(let text):
                return lan(text, field: field, path: path)
            case .number:
                return integer(field, path: path, in: Self.lanHostRange).map(LANRequest.hosts)
            default:
                diagnostics.error(
                    "expected a LAN, found \(value.typeDescription); \(Self.lanHint)", at: field.offset, path: path)
                return nil
            }
        case .cell(let text):
            return lan(text, field: field, path: path)
        case .coordinates:
            return nil
        }
    }

    private mutating func lan(_ text: String, field: RawField, path: String) -> LANRequest? {
        if !text.isEmpty, text.utf8.allSatisfy(Self.isDigit) {
            return integer(RawField(content: .cell(text), offset: field.offset), path: path, in: Self.lanHostRange)
                .map(LANRequest.hosts)
        }
        if text.hasPrefix("/") {
            let digits = text.utf8.dropFirst()
            if (1...2).contains(digits.count), digits.allSatisfy(Self.isDigit), digits.first != UInt8(ascii: "0"),
                let length = Int(String(decoding: digits, as: UTF8.self)), Self.lanLengthRange.contains(length)
            {
                return .hosts((1 << (32 - length)) - 2)
            }
            diagnostics.error(
                "invalid LAN size '\(TextRules.shown(text))': a LAN size is /\(Self.lanLengthRange.lowerBound) "
                    + "to /\(Self.lanLengthRange.upperBound)", at: field.offset, path: path)
            return nil
        }
        do {
            return .prefix(try IPv4Prefix(parsing: text))
        } catch {
            diagnostics.error(error.message, at: field.offset, path: path)
            return nil
        }
    }

    private mutating func location(_ record: RawRecord) -> Location? {
        guard let field = field(record, "location", required: false) else { return nil }
        let path = record.path("location")
        switch field.content {
        case .json(let value):
            guard let elements = value.elements, elements.count == 2 else {
                let found = value.elements.map { "an array of \($0.count)" } ?? value.typeDescription
                diagnostics.error("expected [x, y] in km, found \(found)", at: field.offset, path: path)
                return nil
            }
            let x = coordinate(elements[0], path: "\(path)[0]")
            let y = coordinate(elements[1], path: "\(path)[1]")
            guard let x, let y else { return nil }
            return Location(x: x, y: y)
        case .cell(let text):
            let parts = text.split(separator: " ")
            guard parts.count == 2, let x = Self.decimal(parts[0]), let y = Self.decimal(parts[1]) else {
                diagnostics.error(
                    "expected 'x y' in km, found '\(TextRules.shown(text))'", at: field.offset, path: path)
                return nil
            }
            for (part, value) in [(parts[0], x), (parts[1], y)] {
                if let problem = Self.rangeProblem(String(part), value, Self.coordinateRange) {
                    diagnostics.error(problem, at: field.offset, path: path)
                    return nil
                }
            }
            return Location(x: x, y: y)
        case .coordinates(let xCell, let yCell):
            let x = coordinate(xCell, path: "\(path)[0]")
            let y = coordinate(yCell, path: "\(path)[1]")
            guard let x, let y else { return nil }
            return Location(x: x, y: y)
        }
    }

    // MARK: - Values

    /// The coordinates a location may have, in km.
    static let coordinateRange = -100_000.0...100_000.0

    private mutating func coordinate(_ value: JSONValue, path: String) -> Double? {
        guard let number = value.number else {
            diagnostics.error("expected a number, found \(value.typeDescription)", at: value.offset, path: path)
            return nil
        }
        let shown = number.integer.map(String.init) ?? String(number.double)
        if let problem = Self.rangeProblem(shown, number.double, Self.coordinateRange) {
            diagnostics.error(problem, at: value.offset, path: path)
            return nil
        }
        return number.double
    }

    private mutating func coordinate(_ cell: RawCell, path: String) -> Double? {
        guard !cell.text.isEmpty else {
            diagnostics.error("a location needs both 'x' and 'y'", at: cell.offset, path: path)
            return nil
        }
        guard let value = Self.decimal(cell.text[...]) else {
            diagnostics.error(
                "expected a number in km, found '\(TextRules.shown(cell.text))'", at: cell.offset, path: path)
            return nil
        }
        if let problem = Self.rangeProblem(cell.text, value, Self.coordinateRange) {
            diagnostics.error(problem, at: cell.offset, path: path)
            return nil
        }
        return value
    }
}
