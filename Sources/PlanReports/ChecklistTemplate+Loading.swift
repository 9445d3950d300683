public import LocatedJSON
import Orders

extension ChecklistTemplate {
    /// The longest step accepted, in working days (a year).
    public static let maximumWorkingDays = 250

    /// Reads a checklist template file, reporting every problem with its line and column.
    ///
    /// Checked: JSON syntax; unknown and missing keys (with "did you mean"); the product; ids that
    /// are unique and spelt with `a-z`, `0-9` and `-`; `dependsOn` naming steps listed earlier (so
    /// the flow has no cycle); `needs` and `when` from their documented sets; `workingDays` a whole
    /// number 0–250, `"reply"` or `"template"`; both languages of every text, not empty.
    ///
    /// - Parameters:
    ///   - name: The file's name for diagnostics.
    ///   - bytes: The file's content.
    /// - Returns: The template.
    /// - Throws: ``DiagnosticsError`` with every located error.
    public static func load(name: String, bytes: [UInt8]) throws(DiagnosticsError) -> ChecklistTemplate {
        let document = try JSONDocument(name: name, bytes: bytes)
        var report = DiagnosticReport(document: document)
        var reader = TemplateReader(report: report)
        let template = reader.read(document.root)
        report = reader.report
        guard !report.hasErrors, let template else {
            throw DiagnosticsError(diagnostics: report.sortedDiagnostics)
        }
        return template
    }
}

/// Reads one template document into a ``ChecklistTemplate``, collecting diagnostics.
private struct TemplateReader {
    static let topKeys = ["$comment", "product", "title", "steps", "ceaseSteps"]
    static let stepKeys = ["id", "title", "department", "note", "needs", "dependsOn", "workingDays", "when"]

    var report: DiagnosticReport

    mutating func read(_ root: JSONValue) -> ChecklistTemplate? {
        guard let top = JSONObjectView(root, path: "", report: &report) else { return nil }
        top.checkKeys(Self.topKeys, report: &report)
        var product: Product?
        if let text = top.string("product", report: &report) {
            product = Product(rawValue: text)
            if product == nil, let value = top.value("product") {
                report.error(
                    "unknown product '\(text)'; expected interconnect, internet or apn", at: value.offset,
                    path: "product")
            }
        }
        let title = localized(top, "title")
        let steps = readSteps(top, key: "steps", required: true)
        let ceaseSteps = readSteps(top, key: "ceaseSteps", required: false)
        guard let product, let title, let steps else { return nil }
        return ChecklistTemplate(product: product, title: title, steps: steps, ceaseSteps: ceaseSteps ?? [])
    }

    private mutating func readSteps(_ top: JSONObjectView, key: String, required: Bool) -> [ChecklistStepTemplate]? {
        guard let values = top.array(key, required: required, report: &report) else { return nil }
        if values.isEmpty, let value = top.value(key) {
            report.error("a flow needs at least one step", at: value.offset, path: key)
        }
        var steps: [ChecklistStepTemplate] = []
        var seen: [String: Int] = [:]
        for (index, value) in values.enumerated() {
            let path = "\(key)[\(index)]"
            guard let object = JSONObjectView(value, path: path, report: &report) else { continue }
            object.checkKeys(Self.stepKeys, report: &report)
            let id = readID(object, seen: &seen, index: index)
            let title = localized(object, "title")
            let department = localized(object, "department")
            let note = object.value("note") == nil ? nil : localized(object, "note")
            let needs = readNames(object, "needs", allowed: PlanItem.allCases.map(\.rawValue)).compactMap {
                PlanItem(rawValue: $0)
            }
            let dependsOn = readDependencies(object, seen: seen, index: index)
            let duration = readDuration(object)
            var condition: ChecklistCondition?
            if let text = object.string("when", required: false, report: &report), let value = object.value("when") {
                condition = ChecklistCondition(rawValue: text)
                if condition == nil {
                    report.error(
                        unknown("condition", text, ChecklistCondition.allCases.map(\.rawValue)), at: value.offset,
                        path: object.path("when"))
                }
            }
            if let id, let title, let department, let duration {
                steps.append(
                    ChecklistStepTemplate(
                        id: id, title: title, department: department, note: note, needs: needs, dependsOn: dependsOn,
                        duration: duration, condition: condition))
            }
        }
        return steps
    }

    private mutating func readID(_ object: JSONObjectView, seen: inout [String: Int], index: Int) -> String? {
        guard let id = object.string("id", report: &report), let value = object.value("id") else { return nil }
        let valid =
            !id.isEmpty && id.utf8.count <= 64
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard valid else {
            report.error(
                "invalid step id '\(id)': use 1–64 lower-case letters, digits and '-'", at: value.offset,
                path: object.path("id"))
            return nil
        }
        if let first = seen[id] {
            report.error(
                "duplicate step id '\(id)'; first used by step \(first)", at: value.offset, path: object.path("id"))
            return nil
        }
        seen[id] = index
        return id
    }

    private mutating func readDependencies(_ object: JSONObjectView, seen: [String: Int], index: Int) -> [String] {
        guard let values = object.array("dependsOn", required: false, report: &report) else { return [] }
        var result: [String] = []
        for (position, value) in values.enumerated() {
            let path = object.path("dependsOn") + "[\(position)]"
            guard let id = value.string else {
                report.error("expected a step id, found \(value.typeDescription)", at: value.offset, path: path)
                continue
            }
            if let earlier = seen[id], earlier < index {
                if !result.contains(id) { result.append(id) }
            } else if seen[id] != nil {
                report.error("a step cannot depend on itself", at: value.offset, path: path)
            } else {
                var message = "unknown step '\(id)': a step depends only on steps listed before it"
                if let suggestion = JSONObjectView.closest(to: id, in: Array(seen.keys).sorted()) {
                    message += "; did you mean '\(suggestion)'?"
                }
                report.error(message, at: value.offset, path: path)
            }
        }
        return result
    }

    private mutating func readDuration(_ object: JSONObjectView) -> StepDuration? {
        guard let value = object.value("workingDays") else {
            _ = object.integer("workingDays", report: &report)
            return nil
        }
        if let text = value.string {
            switch text {
            case "reply": return .reply
            case "template": return .template
            default:
                report.error(
                    "expected a whole number of working days, \"reply\" or \"template\", found '\(text)'",
                    at: value.offset, path: object.path("workingDays"))
                return nil
            }
        }
        return JSONObjectView.integer(
            value, path: object.path("workingDays"), in: 0...ChecklistTemplate.maximumWorkingDays, report: &report
        ).map(StepDuration.workingDays)
    }

    private mutating func readNames(_ object: JSONObjectView, _ key: String, allowed: [String]) -> [String] {
        guard let values = object.array(key, required: false, report: &report) else { return [] }
        var names: [String] = []
        for (position, value) in values.enumerated() {
            let path = object.path(key) + "[\(position)]"
            guard let name = value.string else {
                report.error("expected a string, found \(value.typeDescription)", at: value.offset, path: path)
                continue
            }
            guard allowed.contains(name) else {
                report.error(unknown("plan item", name, allowed), at: value.offset, path: path)
                continue
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    private mutating func localized(_ object: JSONObjectView, _ key: String) -> LocalizedText? {
        guard let text = object.object(key, report: &report) else { return nil }
        text.checkKeys(["en", "zh"], report: &report)
        var parts: [String] = []
        for language in ["en", "zh"] {
            guard let part = text.string(language, report: &report), let value = text.value(language) else { continue }
            if part.allSatisfy(\.isWhitespace) {
                report.error("must not be empty", at: value.offset, path: text.path(language))
                continue
            }
            parts.append(part)
        }
        guard parts.count == 2 else { return nil }
        return LocalizedText(en: parts[0], zh: parts[1])
    }

    private func unknown(_ what: String, _ name: String, _ allowed: [String]) -> String {
        var message = "unknown \(what) '\(name)'"
        if let suggestion = JSONObjectView.closest(to: name, in: allowed) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of " + allowed.joined(separator: ", ")
        }
        return message
    }
}
