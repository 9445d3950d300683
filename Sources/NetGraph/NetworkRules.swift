import LocatedJSON
package import NetAddress

/// The rules a network's values follow and the messages that state them, shared by the network-file reader
/// and the inventory import, which builds a ``Network`` without writing a file: one wording for each
/// problem, whichever way the network came in.
package enum NetworkRules {
    /// Why an id is unusable, or `nil`: ids are 1–64 characters without spaces or control characters.
    package static func idProblem(_ id: String) -> String? {
        if id.utf8.count <= 64, !id.isEmpty, id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return nil }
        if id.isEmpty { return "an id must not be empty" }
        if id.count > 64 { return "an id is at most 64 characters" }
        if id.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "an id must not contain spaces or control characters"
        }
        return nil
    }

    /// Whether an id is ASCII letters, digits, `-` and `_` only: the office data sheet's rule for a GGSN.
    package static func isPlainName(_ id: String) -> Bool {
        id.utf8.allSatisfy { byte in
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
                || byte == 0x5F
        }
    }

    /// `invalid node id 'A B': an id must not contain spaces or control characters`.
    package static func invalidID(_ what: String, _ id: String, _ problem: String) -> String {
        "invalid \(what) id '\(id)': \(problem)"
    }

    /// A value that is not one of a closed list: the nearest one suggested when it is close, else the list.
    package static func unknownValue(
        _ noun: String, _ text: String, candidates: [String], spelled: @autoclosure () -> String
    ) -> String {
        if let suggestion = closest(to: text, in: candidates) {
            return "unknown \(noun) '\(text)'; did you mean '\(suggestion)'?"
        }
        return "unknown \(noun) '\(text)'; expected one of \(spelled())"
    }

    /// The allowed value closest to a misspelt one, as the reader suggests it.
    static func closest(to text: String, in candidates: [String]) -> String? {
        JSONObjectView.closest(to: text, in: candidates)
    }

    /// A value of a closed list of raw values, or the message for it.
    package static func enumValue<Value: RawRepresentable<String> & CaseIterable>(
        _ text: String, _ type: Value.Type, noun: String, spelled: @autoclosure () -> String
    ) -> Result<Value, NetworkRuleProblem> {
        if let value = Value(rawValue: text) { return .success(value) }
        return .failure(
            NetworkRuleProblem(
                unknownValue(noun, text, candidates: Value.allCases.map(\.rawValue), spelled: spelled())))
    }

    /// How PON standards are listed in messages.
    package static let ponStandards = "gpon, epon, xgpon, xgspon"
    /// How areas are listed in messages.
    package static let areas = "town, countryside"
    /// How pool purposes are listed in messages.
    package static var purposes: String { Pool.Purpose.allCases.map(\.rawValue).joined(separator: ", ") }

    package static func unknownRoom(_ id: String) -> String { "unknown room '\(id)'" }

    package static func unknownNode(_ id: String) -> String { "unknown node '\(id)'" }

    package static func missingLocation(roomHasNone: Bool) -> String {
        JSONObjectView.missingKey("location") + (roomHasNone ? " (and its room has none)" : "")
    }

    package static func invalidGGSNID(_ id: String) -> String {
        "invalid GGSN id '\(id)': a GGSN's id names it in the office data sheet and in the GRE tunnels of router "
            + "configurations, so it is ASCII letters, digits, '-' and '_'"
    }

    package static let ponOnOLTsOnly = "'pon' applies to OLTs only"

    package static func unknownOpticalClass(_ text: String) -> String {
        "unknown optical class '\(text)'; expected one of \(PONFacts.budgets.keys.sorted().joined(separator: ", "))"
    }

    package static let splitterNeedsRatio = "a splitter needs 'splitter': {\"ratio\": …}"
    package static let splitterOnSplittersOnly = "'splitter' applies to splitters only"

    package static func splitRatio(_ ratio: Int) -> String {
        "split ratio \(ratio) is not 2, 4, 8, 16, 32, 64 or 128"
    }

    package static func splitterUsed(_ used: Int, ratio: Int) -> String {
        "uses \(used) branches but the splitter has only \(ratio)"
    }

    package static let areaOnBuildingsOnly = "'area' applies to buildings only"

    package static func unknownPortType(_ text: String) -> String {
        if let suggestion = closest(to: text, in: PortType.allCases.map(\.rawValue)) {
            return "unknown port type '\(text)'; did you mean '\(suggestion)'?"
        }
        return "unknown port type '\(text)'; expected one of \(PortType.spelledOut)"
    }

    package static func portsUsed(_ used: Int, _ type: PortType, total: Int) -> String {
        "uses \(used) \(type.rawValue) ports but has only \(total) \(total == 1 ? "port" : "ports")"
    }

    package static func linkToItself(_ id: String?, node: String) -> String {
        "link '\(id ?? "?")' connects node '\(node)' to itself"
    }

    package static func invalidRate(_ text: String) -> String { "invalid rate '\(text)'; \(Bandwidth.syntaxHint)" }

    package static let rateZero = "the rate must be above zero"

    package static func committedAboveRate(_ committed: Bandwidth, _ rate: Bandwidth) -> String {
        "committed \(committed) exceeds the link rate \(rate)"
    }

    package static let sdhOnSDHOnly = "'sdh' applies to sdh links only"

    package static func sdhBelowSTM1(_ rate: Bandwidth?) -> String {
        "an SDH span runs at STM-1 (155.52M) or above, not \(rate.map(\.description) ?? "?")"
    }

    package static func sdhVC4AboveRate(_ rate: Bandwidth?, rateVC4: Int, vc4: Int) -> String {
        "a \(rate.map(\.description) ?? "?") span carries \(rateVC4) VC-4, not \(vc4)"
    }

    package static func vc4Used(_ used: Int, vc4: Int) -> String { "uses \(used) VC-4 but has only \(vc4)" }

    package static func vc12Used(_ used: Int, capacity: Int, freeVC4: Int) -> String {
        "uses \(used) VC-12 but only \(capacity) fit in \(freeVC4) free VC-4"
    }

    package static let otnOnOTNOnly = "'otn' applies to otn links only"

    package static let fibreOnPacketOnly = "'fibre' applies to fibre, ptn, pon and ethernet links only"

    package static let committedOnSDH = "an sdh span counts its VC-12 and VC-4 in 'sdh', not 'committed'"

    /// Whether `slots` tributary slots fit in a line of `rate` (5 % slack).
    package static func slotsFit(_ slots: Int, in rate: Bandwidth) -> Bool {
        slots * OTNSlots.slotRate <= rate.kilobits + rate.kilobits / 20
    }

    package static func slotsDoNotFit(_ slots: Int, _ rate: Bandwidth) -> String {
        "\(slots) tributary slots of 1.25G do not fit in a \(rate) line"
    }

    package static func slotsUsed(_ used: Int, slots: Int) -> String {
        "uses \(used) tributary slots but has only \(slots)"
    }

    package static func coresUsed(_ used: Int, cores: Int) -> String { "uses \(used) cores but has only \(cores)" }

    package static func invalidRegion(_ region: String, _ problem: String) -> String {
        "invalid region '\(region)': \(problem)"
    }

    package static func regionWithoutRoom(_ region: String) -> String {
        "no room is in region '\(region)' (a room's \"region\", or a region above it, such as 'A' for 'A/B'); the "
            + "pool would serve no site"
    }

    /// Every region a room is in, with the regions above it: a pool must serve one of them.
    package static func roomRegions(_ rooms: [Room]) -> Set<String> {
        var regions: Set<String> = []
        for region in rooms.compactMap(\.region) {
            let parts = Pool.parts(of: region)
            for count in 1...parts.count { regions.insert(parts.prefix(count).joined(separator: "/")) }
        }
        return regions
    }

    /// The message for a prefix that does not parse.
    package static func prefixProblem(_ text: String) -> (IPv4Prefix?, String?) {
        do {
            return (try IPv4Prefix(parsing: text), nil)
        } catch {
            return (nil, error.message)
        }
    }
}

/// Why a value breaks a rule of ``NetworkRules``.
package struct NetworkRuleProblem: Error, Sendable {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }
}
