/// Reads pasted `show version` (Cisco IOS) and `display version` (Huawei VRP 3 and 5, H3C Comware 5)
/// output.
///
/// What is read (vendor-configs.md §4):
///
/// | output | version | model | interfaces |
/// |---|---|---|---|
/// | IOS | `Cisco IOS Software, 1841 Software (C1841-ADVIPSERVICESK9-M), Version 12.4(15)T1, …` (or the older `IOS (tm) …`) | `Cisco 1841 (revision 5.0) with …` | `2 FastEthernet interfaces`, `2 Low-speed serial(sync/async) network interface(s)` |
/// | VRP 5 | `VRP (R) software, Version 5.160 (AR1220 V200R007C00SPC900)` | `Huawei AR1220 Router uptime is …` | not listed; `LPU Slot Quantity : 2` |
/// | VRP 3 | `VRP (tm) Software, Version 3.40, Release 0201` | `Quidway AR28-11 uptime is …` | `[SLOT  0]ETH0/0 …` lines, or board lines such as `[SLOT  1]1SAE` |
/// | Comware 5 | `Comware Software, Version 5.20, Release 2209L22` | `H3C MSR20-20 uptime is …` | as VRP 3 |
///
/// Prompts, blank lines and indentation around the output are ignored.
///
///     let report = try VersionReader.read(text, name: "show-version.txt")
///     print(report.model ?? "?", report.version)  // 1841 12.4(15)T1
public enum VersionReader {
    /// Reads version output.
    ///
    /// - Parameters:
    ///   - text: The pasted output.
    ///   - name: The file name for errors.
    /// - Returns: What the output says.
    /// - Throws: ``DeviceError`` `.unreadableVersion` when no IOS, VRP or Comware software banner is found;
    ///   `.outOfRange` at the line and column of a count past its bound: interfaces of one kind above
    ///   ``maximumInterfaces`` (on one line, or added up), a slot quantity above ``maximumSlots``, or a
    ///   negative count.
    /// - Complexity: O(*n*) in the length of the text.
    public static func read(_ text: String, name: String) throws(DeviceError) -> VersionReport {
        // Split on the byte: "\r\n" is one Character, so splitting on the Character "\n" would miss it.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().map {
            Line(Substring($0.element), number: $0.offset + 1)
        }
        if let report = try readIOS(lines, name: name) {
            return report
        }
        if let report = try readHuawei(lines, name: name) {
            return report
        }
        throw DeviceError(
            code: .unreadableVersion, location: name,
            message: "no software banner found: expected 'Cisco IOS Software, … Version …' (show version),"
                + " 'VRP … Software, Version …' or 'Comware Software, Version …' (display version)")
    }

    // MARK: - Cisco IOS

    private static func readIOS(_ lines: [Line], name: String) throws(DeviceError) -> VersionReport? {
        guard
            let banner = lines.first(where: {
                $0.text.hasPrefix("Cisco IOS Software") || $0.text.hasPrefix("IOS (tm)")
            })?.text,
            let version = word(after: "Version ", in: banner)
        else {
            return nil
        }
        var image: String?
        if let open = banner.firstRange(of: "Software (") {
            let rest = banner[open.upperBound...]
            if let close = rest.firstIndex(of: ")") {
                image = String(rest[..<close])
            }
        }
        var model: String?
        var imageFile: String?
        var tally = Tally(name: name)
        for line in lines {
            let text = line.text
            let lower = text.lowercased()
            if model == nil, lower.hasPrefix("cisco "), lower.contains("bytes of memory") {
                let tokens = text.split(separator: " ")
                if tokens.count > 1 {
                    model = String(tokens[1])
                }
            } else if text.hasPrefix("System image file is \"") {
                let rest = text.dropFirst("System image file is \"".count)
                imageFile = String(rest.prefix { $0 != "\"" })
            } else if let (digits, label) = interfaceCount(text) {
                let count = try tally.count(digits, of: String(label), at: line, column: line.column(of: digits))
                try tally.add(
                    VersionReport.InterfaceCount(label: String(label), kind: kind(ofLabel: label), count: count),
                    at: line, column: line.column(of: digits), merging: false)
            }
        }
        return VersionReport(
            vendor: "Cisco", family: .ios, version: version, release: nil, image: image, imageFile: imageFile,
            model: model, interfaces: tally.counts, slotCount: nil)
    }

    /// Reads `N Label [network] interface(s)`: the count as written (digits, perhaps after `-`) and the label.
    private static func interfaceCount(_ line: Substring) -> (digits: Substring, label: Substring)? {
        let sign = line.first == "-" ? 1 : 0
        let digits = line.dropFirst(sign).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, line.dropFirst(sign + digits.count).first == " " else {
            return nil
        }
        let rest = line.dropFirst(sign + digits.count + 1)
        guard let range = rest.firstRange(of: " interface"), range.lowerBound > rest.startIndex else {
            return nil
        }
        var label = rest[..<range.lowerBound]
        if label.hasSuffix(" network") {
            label = label.dropLast(" network".count)
        }
        return (line.prefix(sign + digits.count), label)
    }

    private static func kind(ofLabel label: Substring) -> VersionReport.InterfaceCount.Kind {
        let lower = label.lowercased()
        if lower.contains("fastethernet") || lower.contains("fast ethernet") {
            return .fastEthernet
        }
        if lower.contains("gigabitethernet") || lower.contains("gigabit ethernet") {
            return .gigabitEthernet
        }
        if lower.contains("ethernet") {
            return .ethernet
        }
        if lower.contains("serial") {
            return .serial
        }
        if lower.contains("e1") {
            return .e1
        }
        if lower.contains("isdn") {
            return .isdn
        }
        if lower.contains("atm") {
            return .atm
        }
        return .other
    }

    // MARK: - Huawei VRP and Comware

    private static func readHuawei(_ lines: [Line], name: String) throws(DeviceError) -> VersionReport? {
        var family: VersionReport.Family?
        var version = ""
        var release: String?
        var productModel: String?
        for line in lines.lazy.map(\.text) {
            let lower = line.lowercased()
            if lower.hasPrefix("vrp (") && lower.contains("software, version ") {
                family = .vrp
            } else if lower.hasPrefix("comware software, version ") || lower.contains(" comware software, version ") {
                family = .comware
            } else {
                continue
            }
            guard let found = word(after: "ersion ", in: line) else {
                return nil
            }
            version = found
            let afterVersion = line.firstRange(of: "ersion \(found)").map { line[$0.upperBound...] } ?? ""
            if let open = afterVersion.firstIndex(of: "("), afterVersion[open...].contains(")") {
                let inner = afterVersion[afterVersion.index(after: open)...].prefix { $0 != ")" }.split(separator: " ")
                if inner.count >= 2 {
                    productModel = String(inner[0])
                    release = String(inner[1])
                } else if inner.count == 1 {
                    release = String(inner[0])
                }
            } else if let found = word(after: "Release ", in: line) {
                release = found
            }
            break
        }
        guard let family, !version.isEmpty else {
            return nil
        }
        var vendor = family == .vrp ? "Huawei" : "H3C"
        var model: String?
        var slotCount: Int?
        var tally = Tally(name: name)
        for line in lines {
            let text = line.text
            if model == nil, let range = text.firstRange(of: " uptime is") {
                let tokens = text[..<range.lowerBound].split(separator: " ")
                if tokens.count >= 2, ["QUIDWAY", "HUAWEI", "H3C", "HP", "HPE"].contains(tokens[0].uppercased()) {
                    vendor = String(tokens[0])
                    model = String(tokens[1])
                }
            } else if text.hasPrefix("[SLOT") || text.hasPrefix("[Slot"), let close = text.firstIndex(of: "]") {
                let board = text[text.index(after: close)...].drop { $0 == " " }.prefix { $0 != " " }
                if let count = try slotInterfaces(board, tally: tally, at: line) {
                    try tally.add(count, at: line, column: line.column(of: board), merging: true)
                }
            } else if text.hasPrefix("LPU Slot Quantity") || text.contains(". LPU Slot Quantity"),
                let colon = text.lastIndex(of: ":")
            {
                let value = trim(text[text.index(after: colon)...])
                let sign = value.first == "-" ? 1 : 0
                guard value.count > sign, value.dropFirst(sign).allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    continue  // not a number: the quantity is not known
                }
                slotCount = try tally.count(
                    value, of: "LPU slot quantity", maximum: maximumSlots, at: line, column: line.column(of: value),
                    noun: "")
            }
        }
        return VersionReport(
            vendor: vendor, family: family, version: version, release: release, image: nil, imageFile: nil,
            model: model ?? productModel, interfaces: tally.counts, slotCount: slotCount)
    }

    /// Reads the board of a `[SLOT n]` line: a port (`ETH0/0`) counts one; a board (`2FE`, `1SAE`,
    /// `SIC-1E1`) counts its leading number, which must be within ``maximumInterfaces``.
    private static func slotInterfaces(_ board: Substring, tally: Tally, at line: Line) throws(DeviceError)
        -> VersionReport.InterfaceCount?
    {
        var name = board.uppercased()[...]
        if name.hasPrefix("SIC-") || name.hasPrefix("MIM-") {
            name = name.dropFirst(4)
        }
        let sign = name.first == "-" && name.dropFirst().first?.isNumber == true ? 1 : 0
        let digits = name.dropFirst(sign).prefix { $0.isASCII && $0.isNumber }
        var kindName = name.dropFirst(sign + digits.count)
        if digits.isEmpty {
            // A port such as ETH0/0 or GE0/1: letters, then its number.
            kindName = kindName.prefix { $0.isLetter }
        }
        let label: String
        let kind: VersionReport.InterfaceCount.Kind
        switch kindName {
        case "ETH", "FE", "ETHERNET": (label, kind) = ("FastEthernet", .fastEthernet)
        case "GE", "GIGABITETHERNET": (label, kind) = ("GigabitEthernet", .gigabitEthernet)
        case "SAE", "SA", "S", "SERIAL": (label, kind) = ("Serial", .serial)
        case "E1", "CE1", "E1-F", "E1F": (label, kind) = ("E1", .e1)
        default: return nil
        }
        let count =
            digits.isEmpty
            ? 1 : try tally.count(name.prefix(sign + digits.count), of: label, at: line, column: line.column(of: board))
        return VersionReport.InterfaceCount(label: label, kind: kind, count: count)
    }

    /// The most interfaces of one kind a router's version output is believed to report: a larger count,
    /// on one line or added up over the lines, is refused at its line (a mangled paste), so no sum of
    /// counts can overflow.
    static let maximumInterfaces = 4096

    /// The most expansion slots a router's version output is believed to report.
    static let maximumSlots = 64

    // MARK: - Helpers

    /// One line of the output: its text without surrounding blanks, its 1-based number, and the
    /// 1-based column (in characters) its text starts at.
    private struct Line {
        var text: Substring
        var number: Int
        var start: Int

        init(_ raw: Substring, number: Int) {
            text = VersionReader.trim(raw)
            self.number = number
            start = raw.distance(from: raw.startIndex, to: text.startIndex) + 1
        }

        /// The column of a part of the line's text.
        func column(of part: Substring) -> Int {
            start + text.distance(from: text.startIndex, to: part.startIndex)
        }
    }

    /// The interface counts read so far, in order of first appearance, and the bounds every count and
    /// every total of one kind must keep.
    private struct Tally {
        let name: String
        var counts: [VersionReport.InterfaceCount] = []
        var totals: [VersionReport.InterfaceCount.Kind: Int] = [:]

        init(name: String) {
            self.name = name
        }

        /// Reads a count written as decimal digits (perhaps after `-`), or throws an error at its place
        /// when it is negative or above `maximum`.
        func count(
            _ text: Substring, of label: String, maximum: Int = VersionReader.maximumInterfaces, at line: Line,
            column: Int, noun: String = " count"
        ) throws(DeviceError) -> Int {
            // At most 18 digits fit an Int; more are above any maximum.
            if text.first != "-", text.count <= 18, let value = Int(text), value <= maximum {
                return value
            }
            let shown = text.count > 24 ? text.prefix(24) + "…" : text
            let message =
                text.first == "-"
                ? "\(label)\(noun) must not be negative, found \(shown)"
                : "\(label)\(noun) \(shown) is above the maximum \(maximum)"
            throw DeviceError(
                code: .outOfRange, location: name, line: line.number, column: column, message: message)
        }

        /// Adds a count, merged into an earlier one of the same label when `merging`, or throws an error
        /// at its place when the total of its kind passes ``VersionReader/maximumInterfaces``.
        mutating func add(
            _ count: VersionReport.InterfaceCount, at line: Line, column: Int, merging: Bool
        ) throws(DeviceError) {
            // Both are within the maximum, so the sum cannot overflow.
            let total = totals[count.kind, default: 0] + count.count
            guard total <= VersionReader.maximumInterfaces else {
                throw DeviceError(
                    code: .outOfRange, location: name, line: line.number, column: column,
                    message: "\(count.label) interfaces add up to \(total) with this line, above the maximum "
                        + "\(VersionReader.maximumInterfaces) of one kind")
            }
            totals[count.kind] = total
            if merging, let position = counts.firstIndex(where: { $0.label == count.label }) {
                counts[position].count += count.count
            } else {
                counts.append(count)
            }
        }
    }

    /// The word after a marker, up to a space, comma or the end.
    private static func word(after marker: String, in line: Substring) -> String? {
        guard let range = line.firstRange(of: marker) else {
            return nil
        }
        let word = line[range.upperBound...].prefix { $0 != " " && $0 != "," }
        return word.isEmpty ? nil : String(word)
    }

    fileprivate static func trim(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" || last == "\r" {
            line.removeLast()
        }
        while let first = line.first, first == " " || first == "\t" {
            line.removeFirst()
        }
        return line
    }
}
