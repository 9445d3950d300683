public import LocatedJSON

extension RouterCatalog {
    private static let topKeys = ["$schema", "note", "models"]
    private static let modelKeys = [
        "name", "vendor", "aliases", "software", "dialect", "routedPorts", "switchPorts", "lanInterface", "slots",
        "modules", "features", "recommended", "note",
    ]

    /// Reads and checks a catalog file, reporting every problem with its line and column.
    ///
    /// The file is an object with `models`, an array of objects with the keys `name`, `vendor`,
    /// `aliases`, `software`, `dialect` (`ios`, `vrp3`, `vrp5` or null), `routedPorts`
    /// ([{`name`, `speed`: FE|GE|10GE}]), `switchPorts` ([names]), `lanInterface` (name or null), `slots`
    /// ([{`kind`, `count`}]), `modules` ([{`interface`: E1|V.35, `module`, `slot`, `port`}]),
    /// `features` ({`gre`, `tunnelUnnumbered`, `nat`}), `recommended` and `note`.
    ///
    /// - Parameters:
    ///   - name: The file name for diagnostics.
    ///   - bytes: The file's content.
    /// - Returns: The catalog.
    /// - Throws: ``DiagnosticsError`` with every problem: JSON syntax, unknown or missing keys, wrong
    ///   types, an unknown dialect, port speed or module interface, a module for a slot kind the model
    ///   lacks, a name or alias used twice, a recommended model that cannot take every line.
    /// - Complexity: O(*n*) in the size of the file.
    public static func load(name: String, bytes: [UInt8]) throws(DiagnosticsError) -> RouterCatalog {
        let document = try JSONDocument(name: name, bytes: bytes)
        var report = DiagnosticReport(document: document)
        var models: [RouterModel] = []
        if let root = JSONObjectView(document.root, path: "", report: &report) {
            root.checkKeys(topKeys, report: &report)
            _ = root.string("note", required: false, report: &report)
            if let entries = root.array("models", report: &report) {
                if entries.isEmpty {
                    report.error("the catalog has no models", at: root.offset, path: "models")
                }
                var owners: [String: String] = [:]
                for (position, entry) in entries.enumerated() {
                    let path = "models[\(position)]"
                    guard let object = JSONObjectView(entry, path: path, report: &report),
                        let model = readModel(object, report: &report)
                    else {
                        continue
                    }
                    var clash = false
                    let aliasValues = object.value("aliases")?.elements ?? []
                    for (offset, key) in ([model.name] + model.aliases).enumerated() {
                        let normal = normalise(key)
                        guard let owner = owners[normal] else {
                            owners[normal] = model.name
                            continue
                        }
                        guard owner != model.name else {
                            continue
                        }
                        let isName = offset == 0
                        let value = isName ? object.value("name") : aliasValues[safe: offset - 1]
                        report.error(
                            "'\(key)' already names \(owner)", at: value?.offset ?? object.offset,
                            path: isName ? object.path("name") : "\(object.path("aliases"))[\(offset - 1)]")
                        clash = true
                    }
                    if !clash {
                        models.append(model)
                    }
                }
            }
        }
        if report.hasErrors {
            throw DiagnosticsError(diagnostics: report.sortedDiagnostics)
        }
        return RouterCatalog(models: models)
    }

    private static func readModel(_ object: JSONObjectView, report: inout DiagnosticReport) -> RouterModel? {
        object.checkKeys(modelKeys, report: &report)
        let name = nonEmptyString(object, "name", report: &report)
        let vendor = nonEmptyString(object, "vendor", report: &report)
        let software = nonEmptyString(object, "software", report: &report)
        let note = object.string("note", required: false, report: &report) ?? ""
        let recommended = object.bool("recommended", required: false, report: &report) ?? false
        var dialect: ConfigDialect?
        var dialectOK = true
        if let value = object.value("dialect") {
            if let text = value.string, let known = ConfigDialect(rawValue: text) {
                dialect = known
            } else {
                dialectOK = false
                let shown = value.string.map { "'\($0)'" } ?? value.typeDescription
                report.error(
                    "unknown dialect \(shown); expected ios, vrp3, vrp5 or null", at: value.offset,
                    path: object.path("dialect"))
            }
        }
        let aliases = stringList(object, "aliases", required: false, report: &report) ?? []
        let switchPorts = stringList(object, "switchPorts", required: false, report: &report) ?? []
        let lanInterface = object.string("lanInterface", required: false, report: &report)
        let routedPorts = readPorts(object, report: &report)
        let slots = readSlots(object, report: &report)
        let modules = readModules(object, slots: slots ?? [], report: &report)
        let features = readFeatures(object, report: &report)
        guard let name, let vendor, let software, dialectOK, let routedPorts, let slots, let modules, let features
        else {
            return nil
        }
        let model = RouterModel(
            name: name, vendor: vendor, aliases: aliases, software: software, dialect: dialect,
            routedPorts: routedPorts, switchPorts: switchPorts, lanInterface: lanInterface, slots: slots,
            modules: modules, features: features, recommended: recommended, note: note)
        if recommended {
            let ready =
                model.dialect != nil && features.gre && features.tunnelUnnumbered && features.nat
                && routedPorts.count >= 2
            if !ready {
                report.error(
                    "a recommended model must have templates (a dialect), GRE, IP unnumbered on tunnels, NAT"
                        + " and two routed Ethernet ports",
                    at: object.value("recommended")?.offset ?? object.offset, path: object.path("recommended"))
            }
        }
        return model
    }

    private static func nonEmptyString(_ object: JSONObjectView, _ key: String, report: inout DiagnosticReport)
        -> String?
    {
        guard let text = object.string(key, report: &report) else {
            return nil
        }
        if text.trimmingCharacters(in: " \t").isEmpty {
            report.error("must not be empty", at: object.value(key)?.offset ?? object.offset, path: object.path(key))
            return nil
        }
        return text
    }

    private static func stringList(
        _ object: JSONObjectView, _ key: String, required: Bool, report: inout DiagnosticReport
    ) -> [String]? {
        guard let elements = object.array(key, required: required, report: &report) else {
            return nil
        }
        var result: [String] = []
        for (position, element) in elements.enumerated() {
            guard let text = element.string, !text.isEmpty else {
                report.error(
                    "expected a non-empty string, found \(element.typeDescription)", at: element.offset,
                    path: "\(object.path(key))[\(position)]")
                continue
            }
            result.append(text)
        }
        return result
    }

    private static func readPorts(_ object: JSONObjectView, report: inout DiagnosticReport) -> [RouterModel.Port]? {
        guard let elements = object.array("routedPorts", report: &report) else {
            return nil
        }
        var ports: [RouterModel.Port] = []
        var ok = true
        for (position, element) in elements.enumerated() {
            guard
                let port = JSONObjectView(element, path: "\(object.path("routedPorts"))[\(position)]", report: &report)
            else {
                ok = false
                continue
            }
            port.checkKeys(["name", "speed"], report: &report)
            let name = interfaceName(port, "name", report: &report)
            let speedText = port.string("speed", report: &report)
            var speed: InterfaceKind?
            if let speedText {
                speed = InterfaceKind(rawValue: speedText).flatMap { $0.isEthernet ? $0 : nil }
                if speed == nil {
                    report.error(
                        "unknown port speed '\(speedText)'; expected FE, GE or 10GE",
                        at: port.value("speed")?.offset ?? port.offset, path: port.path("speed"))
                }
            }
            if let name, let speed {
                ports.append(RouterModel.Port(name: name, speed: speed))
            } else {
                ok = false
            }
        }
        return ok ? ports : nil
    }

    private static func readSlots(_ object: JSONObjectView, report: inout DiagnosticReport) -> [RouterModel.Slot]? {
        guard let elements = object.array("slots", report: &report) else {
            return nil
        }
        var slots: [RouterModel.Slot] = []
        var ok = true
        for (position, element) in elements.enumerated() {
            guard let slot = JSONObjectView(element, path: "\(object.path("slots"))[\(position)]", report: &report)
            else {
                ok = false
                continue
            }
            slot.checkKeys(["kind", "count"], report: &report)
            let kind = nonEmptyString(slot, "kind", report: &report)
            let count = slot.integer("count", in: 1...16, report: &report)
            if let kind, let count {
                slots.append(RouterModel.Slot(kind: kind, count: count))
            } else {
                ok = false
            }
        }
        return ok ? slots : nil
    }

    private static func readModules(
        _ object: JSONObjectView, slots: [RouterModel.Slot], report: inout DiagnosticReport
    ) -> [RouterModel.Module]? {
        guard let elements = object.array("modules", report: &report) else {
            return nil
        }
        var modules: [RouterModel.Module] = []
        var ok = true
        for (position, element) in elements.enumerated() {
            guard let entry = JSONObjectView(element, path: "\(object.path("modules"))[\(position)]", report: &report)
            else {
                ok = false
                continue
            }
            entry.checkKeys(["interface", "module", "slot", "port"], report: &report)
            let interfaceText = entry.string("interface", report: &report)
            var interface: InterfaceKind?
            if let interfaceText {
                interface = InterfaceKind(rawValue: interfaceText).flatMap { $0.isEthernet ? nil : $0 }
                if interface == nil {
                    report.error(
                        "unknown module interface '\(interfaceText)'; expected E1 or V.35",
                        at: entry.value("interface")?.offset ?? entry.offset, path: entry.path("interface"))
                }
            }
            let name = nonEmptyString(entry, "module", report: &report)
            let slot = nonEmptyString(entry, "slot", report: &report)
            if let slot, !slots.contains(where: { $0.kind == slot }) {
                let kinds = slots.isEmpty ? "none" : slots.map(\.kind).joined(separator: ", ")
                report.error(
                    "the model has no '\(slot)' slot (its slots: \(kinds))",
                    at: entry.value("slot")?.offset ?? entry.offset, path: entry.path("slot"))
            }
            let port = interfaceName(entry, "port", report: &report)
            if let interface, let name, let slot, let port, slots.contains(where: { $0.kind == slot }) {
                modules.append(RouterModel.Module(interface: interface, name: name, slot: slot, port: port))
            } else {
                ok = false
            }
        }
        return ok ? modules : nil
    }

    private static func readFeatures(_ object: JSONObjectView, report: inout DiagnosticReport)
        -> RouterModel.Features?
    {
        guard let features = object.object("features", report: &report) else {
            return nil
        }
        features.checkKeys(["gre", "tunnelUnnumbered", "nat"], report: &report)
        guard let gre = features.bool("gre", report: &report),
            let unnumbered = features.bool("tunnelUnnumbered", report: &report),
            let nat = features.bool("nat", report: &report)
        else {
            return nil
        }
        return RouterModel.Features(gre: gre, tunnelUnnumbered: unnumbered, nat: nat)
    }

    /// Reads an interface name: letters first, then letters, digits, `/`, `.`, `:` and `-`.
    private static func interfaceName(_ object: JSONObjectView, _ key: String, report: inout DiagnosticReport)
        -> String?
    {
        guard let text = object.string(key, report: &report) else {
            return nil
        }
        guard ConfigText.isInterfaceName(text) else {
            report.error(
                "invalid interface name '\(text)'; expected a letter, then letters, digits, '/', '.', ':' or '-'",
                at: object.value(key)?.offset ?? object.offset, path: object.path(key))
            return nil
        }
        return text
    }
}

extension Array {
    /// The element at an index, or `nil` outside the array.
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}

extension String {
    /// The string without leading and trailing characters from a set (Foundation-free).
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        let characters = Set(set)
        let start = firstIndex { !characters.contains($0) } ?? endIndex
        let end = lastIndex { !characters.contains($0) }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
