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
    /// - Throws: ``DeviceError`` `.unreadableVersion` when no IOS, VRP or Comware software banner is found.
    /// - Complexity: O(*n*) in the length of the text.
    public static func read(_ text: String, name: String) throws(DeviceError) -> VersionReport {
        // Split on the byte: "\r\n" is one Character, so splitting on the Character "\n" would miss it.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { trim(Substring($0)) }
        if let report = readIOS(lines) {
            return report
        }
        if let report = readHuawei(lines) {
            return report
        }
        throw DeviceError(
            code: .unreadableVersion, location: name,
            message: "no software banner found: expected 'Cisco IOS Software, … Version …' (show version),"
                + " 'VRP … Software, Version …' or 'Comware Software, Version …' (display version)")
    }

    // MARK: - Cisco IOS

    private static func readIOS(_ lines: [Substring]) -> VersionReport? {
        guard let banner = lines.first(where: { $0.hasPrefix("Cisco IOS Software") || $0.hasPrefix("IOS (tm)") }),
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
        var interfaces: [VersionReport.InterfaceCount] = []
        for line in lines {
            let lower = line.lowercased()
            if model == nil, lower.hasPrefix("cisco "), lower.contains("bytes of memory") {
                let tokens = line.split(separator: " ")
                if tokens.count > 1 {
                    model = String(tokens[1])
                }
            } else if line.hasPrefix("System image file is \"") {
                let rest = line.dropFirst("System image file is \"".count)
                imageFile = String(rest.prefix { $0 != "\"" })
            } else if let count = interfaceCount(line) {
                interfaces.append(count)
            }
        }
        return VersionReport(
            vendor: "Cisco", family: .ios, version: version, release: nil, image: image, imageFile: imageFile,
            model: model, interfaces: interfaces, slotCount: nil)
    }

    /// Reads `N Label [network] interface(s)`.
    private static func interfaceCount(_ line: Substring) -> VersionReport.InterfaceCount? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let count = Int(digits), count <= maximumInterfaces,
            line.dropFirst(digits.count).first == " "
        else {
            return nil
        }
        let rest = line.dropFirst(digits.count + 1)
        guard let range = rest.firstRange(of: " interface"), range.lowerBound > rest.startIndex else {
            return nil
        }
        var label = rest[..<range.lowerBound]
        if label.hasSuffix(" network") {
            label = label.dropLast(" network".count)
        }
        return VersionReport.InterfaceCount(label: String(label), kind: kind(ofLabel: label), count: count)
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

    private static func readHuawei(_ lines: [Substring]) -> VersionReport? {
        var family: VersionReport.Family?
        var version = ""
        var release: String?
        var productModel: String?
        for line in lines {
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
        var counts: [VersionReport.InterfaceCount] = []
        for line in lines {
            if model == nil, let range = line.firstRange(of: " uptime is") {
                let tokens = line[..<range.lowerBound].split(separator: " ")
                if tokens.count >= 2, ["QUIDWAY", "HUAWEI", "H3C", "HP", "HPE"].contains(tokens[0].uppercased()) {
                    vendor = String(tokens[0])
                    model = String(tokens[1])
                }
            } else if line.hasPrefix("[SLOT") || line.hasPrefix("[Slot"), let close = line.firstIndex(of: "]") {
                let board = line[line.index(after: close)...].drop { $0 == " " }.prefix { $0 != " " }
                if let count = slotInterfaces(board) {
                    add(count, to: &counts)
                }
            } else if line.hasPrefix("LPU Slot Quantity") || line.contains(". LPU Slot Quantity") {
                slotCount = Int(line.split(separator: ":").last.map { trim($0) } ?? "")
            }
        }
        return VersionReport(
            vendor: vendor, family: family, version: version, release: release, image: nil, imageFile: nil,
            model: model ?? productModel, interfaces: counts, slotCount: slotCount)
    }

    /// Reads the board of a `[SLOT n]` line: a port (`ETH0/0`) counts one; a board (`2FE`, `1SAE`,
    /// `SIC-1E1`) counts its leading number.
    private static func slotInterfaces(_ board: Substring) -> VersionReport.InterfaceCount? {
        var name = board.uppercased()[...]
        if name.hasPrefix("SIC-") || name.hasPrefix("MIM-") {
            name = name.dropFirst(4)
        }
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        var count = Int(digits) ?? 1
        var kindName = name.dropFirst(digits.count)
        if digits.isEmpty {
            // A port such as ETH0/0 or GE0/1: letters, then its number.
            kindName = kindName.prefix { $0.isLetter }
            count = 1
        }
        switch kindName {
        case "ETH", "FE", "ETHERNET":
            return VersionReport.InterfaceCount(label: "FastEthernet", kind: .fastEthernet, count: count)
        case "GE", "GIGABITETHERNET":
            return VersionReport.InterfaceCount(label: "GigabitEthernet", kind: .gigabitEthernet, count: count)
        case "SAE", "SA", "S", "SERIAL":
            return VersionReport.InterfaceCount(label: "Serial", kind: .serial, count: count)
        case "E1", "CE1", "E1-F", "E1F":
            return VersionReport.InterfaceCount(label: "E1", kind: .e1, count: count)
        default:
            return nil
        }
    }

    /// The most interfaces of one kind a router's version output is believed to report; larger counts
    /// (a mangled paste) are not counted, so no sum of them can overflow.
    static let maximumInterfaces = 4096

    private static func add(_ count: VersionReport.InterfaceCount, to counts: inout [VersionReport.InterfaceCount]) {
        guard (0...maximumInterfaces).contains(count.count) else { return }
        if let position = counts.firstIndex(where: { $0.label == count.label }) {
            counts[position].count = min(maximumInterfaces, counts[position].count + count.count)
        } else {
            counts.append(count)
        }
    }

    // MARK: - Helpers

    /// The word after a marker, up to a space, comma or the end.
    private static func word(after marker: String, in line: Substring) -> String? {
        guard let range = line.firstRange(of: marker) else {
            return nil
        }
        let word = line[range.upperBound...].prefix { $0 != " " && $0 != "," }
        return word.isEmpty ? nil : String(word)
    }

    private static func trim(_ line: Substring) -> Substring {
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
