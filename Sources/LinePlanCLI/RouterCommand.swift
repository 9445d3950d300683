import Devices
import Foundation
import LocatedJSON
import NetGraph

/// `lineplan router check`: whether the customer's router can take the line.
enum RouterCommand {
    static let help = """
        Usage:
          lineplan router check (--model NAME | --version-file FILE) --product apn|internet|interconnect
                                [--interface FE|GE|10GE|E1|V.35] [--bandwidth RATE]
                                [--templates DIR] [--format text|json]

        Checks a customer router against what the product needs; the access handbook lists these
        as causes of delay. Every line needs the router to take its handover (--interface, default
        FE): a routed port at least as fast as the interface and the bandwidth (--bandwidth, such as
        200M: more than 100M needs a GE port), or the module for E1 and V.35; and a LAN interface.
        An APN line needs GRE tunnels and two routed ports (WAN and LAN), and IP unnumbered on its
        tunnels; without it the verdict is needs-address-pair: the account manager applies for one
        more /30 per tunnel. An internet line needs NAT.
        Verdicts: ok, needs-address-pair, replace (naming the one catalog model operations buys,
        charged to the dedicated-line project: the handbook's Cisco 1841 or Huawei AR28-11 when it
        takes the line, else another catalog model with templates) and unknown (with what to
        provide). A catalog model without configuration templates is named as such.

          --model NAME         the model, loosely spelt: 'Cisco 1841', '1841', 'Quidway AR28-11'
          --version-file FILE  pasted 'show version' (Cisco IOS) or 'display version' (Huawei VRP 3
                               or 5, H3C Comware 5) output; model, software and interfaces are read
          --templates DIR      the folder holding routers.json. Default: ./Templates when it holds
                               routers.json, else the Templates folder of the package lineplan was
                               built in (found by walking up from the executable's folder)
          --bandwidth RATE     the line's bandwidth: 2M, 100M, 200M, 1G (or Mbit/s)
          --format text|json   JSON has model, platform, software, product, interface, bandwidth,
                               verdict, reasons, recommendation, replacement (the model to buy)
                               and version (null without --version-file)

        Exit 0 with any verdict (a verdict is an answer); 64 usage; 65 an unreadable version file or
        catalog; 69 no templates folder found.

        """

    static func run(_ arguments: [String]) throws(CommandFailure) {
        if LinePlanCommand.handledHelp(arguments, help) { return }
        guard let action = arguments.first else {
            throw .usage("missing subcommand: check", command: "router")
        }
        guard action == "check" else {
            throw .usage("unknown subcommand 'router \(action)'", command: "router")
        }
        try check(Array(arguments.dropFirst()))
    }

    private static func check(_ arguments: [String]) throws(CommandFailure) {
        let command = "router check"
        let parsed = try CommandArguments(
            arguments, command: command,
            options: ["model", "version-file", "product", "interface", "bandwidth", "templates", "format"],
            flags: [])
        try parsed.expectNoPositionals()
        _ = try parsed.required("product")
        let productName = try parsed.choice("product", from: LineProduct.allCases.map(\.rawValue), default: "apn")
        let product = LineProduct(rawValue: productName) ?? .apn
        let interfaceName = try parsed.choice(
            "interface", from: InterfaceKind.allCases.map(\.rawValue), default: InterfaceKind.fastEthernet.rawValue)
        let interface = InterfaceKind(rawValue: interfaceName) ?? .fastEthernet
        var bandwidth: Bandwidth?
        if let text = parsed.value("bandwidth") {
            guard let rate = Bandwidth(parsing: text), rate.kilobits > 0 else {
                throw .usage("invalid --bandwidth '\(text)': \(Bandwidth.syntaxHint)", command: command)
            }
            bandwidth = rate
        }
        let format = try parsed.choice("format", from: ["text", "json"], default: "text")
        let model = parsed.value("model")
        let versionFile = parsed.value("version-file")
        switch (model, versionFile) {
        case (nil, nil):
            throw .usage("give --model NAME or --version-file FILE", command: command)
        case (.some, .some):
            throw .usage("give --model or --version-file, not both", command: command)
        default:
            break
        }
        let catalog = try loadCatalog(templates: try templatesDirectory(parsed.value("templates")))
        let verdict: CapabilityVerdict
        var report: VersionReport?
        if let versionFile {
            let bytes = try FileAccess.read(versionFile, limit: 1 << 20)
            let read: VersionReport
            do {
                read = try VersionReader.read(String(decoding: bytes, as: UTF8.self), name: versionFile)
            } catch {
                throw CommandFailure(.dataError, [error.description])
            }
            report = read
            verdict = CapabilityCheck.check(
                read, product: product, interface: interface, bandwidth: bandwidth?.kilobits, catalog: catalog)
        } else {
            verdict = CapabilityCheck.check(
                modelNamed: model ?? "", product: product, interface: interface, bandwidth: bandwidth?.kilobits,
                catalog: catalog)
        }
        if format == "json" {
            FileAccess.printOut(json(verdict, interface: interface, bandwidth: bandwidth, report: report).rendered())
        } else {
            FileAccess.printOut(text(verdict, interface: interface, bandwidth: bandwidth))
        }
    }

    // MARK: - Output

    static func json(
        _ verdict: CapabilityVerdict, interface: InterfaceKind, bandwidth: Bandwidth?, report: VersionReport?
    ) -> JSONOutput {
        let version: JSONOutput =
            report.map { report in
                .object([
                    ("vendor", .string(report.vendor)), ("model", .string(report.model)),
                    ("software", .string(report.softwareDescription)), ("version", .string(report.version)),
                    ("image", .string(report.image)),
                    (
                        "interfaces",
                        .array(
                            report.interfaces.map {
                                .object([("label", .string($0.label)), ("count", .integer($0.count))])
                            })
                    ),
                ])
            } ?? .null
        return .object([
            ("model", .string(verdict.model?.name ?? verdict.modelName)),
            ("platform", .string(verdict.dialect?.rawValue)),
            ("software", .string(verdict.model?.software)),
            ("product", .string(verdict.product.rawValue)),
            ("interface", .string(interface.rawValue)),
            ("bandwidth", .string(bandwidth?.description)),
            ("verdict", .string(verdict.kind.rawValue)),
            ("reasons", .array(verdict.reasons.map { .string($0) })),
            ("recommendation", .string(verdict.recommendation)),
            ("replacement", .string(verdict.replacement?.name)),
            ("version", version),
        ])
    }

    static func text(_ verdict: CapabilityVerdict, interface: InterfaceKind, bandwidth: Bandwidth?) -> String {
        var subject: String
        if let model = verdict.model {
            subject = "\(model.name) (\(model.software); configuration: \(model.dialect?.rawValue ?? "none"))"
        } else {
            subject = verdict.modelName.map { "'\($0)'" } ?? "the router"
        }
        let rate = bandwidth.map { "\($0) " } ?? ""
        let line = " over \(rate)\(interface.rawValue)"
        subject += " for \(verdict.product.phrase)\(line): \(verdict.kind.rawValue)\n"
        for reason in verdict.reasons {
            subject += "  - \(reason)\n"
        }
        if let recommendation = verdict.recommendation {
            subject += "  recommendation: \(recommendation)\n"
        }
        return subject
    }

    // MARK: - Templates and catalog

    /// The templates folder: `--templates DIR`; else `./Templates` when it holds `routers.json`; else
    /// the first `Templates` folder holding `routers.json` found walking up from the executable's
    /// folder (for `.build/release/lineplan`, the package root's `Templates`).
    static func templatesDirectory(_ explicit: String?) throws(CommandFailure) -> String {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if let explicit {
            guard files.fileExists(atPath: explicit, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure(.unavailable, ["lineplan: the templates folder '\(explicit)' does not exist"])
            }
            return explicit
        }
        if files.fileExists(atPath: "Templates/routers.json") {
            return "Templates"
        }
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = folder.appendingPathComponent("Templates")
            if files.fileExists(atPath: candidate.appendingPathComponent("routers.json").path) {
                return candidate.path
            }
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path else {
                break
            }
            folder = parent
        }
        throw CommandFailure(
            .unavailable,
            [
                "lineplan: no Templates folder with routers.json here or above the lineplan executable;"
                    + " give --templates DIR"
            ])
    }

    /// Reads `routers.json` from a templates folder.
    static func loadCatalog(templates: String) throws(CommandFailure) -> RouterCatalog {
        let path = URL(fileURLWithPath: templates).appendingPathComponent("routers.json").path
        let shown = templates.hasSuffix("/") ? "\(templates)routers.json" : "\(templates)/routers.json"
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(.unavailable, ["lineplan: \(shown) does not exist"])
        }
        let bytes = try FileAccess.read(path)
        do {
            return try RouterCatalog.load(name: shown, bytes: bytes)
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            throw CommandFailure(
                .dataError, error.diagnostics.map(\.description) + ["\(errors) error\(errors == 1 ? "" : "s")"])
        }
    }
}
