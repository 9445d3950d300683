import Devices
import Foundation
import LocatedJSON
import NetGraph

/// `lineplan router check`: whether the customer's router can take the line.
enum RouterCommand {
    static let spec = CommandSpec(
        path: ["router"], summary: "Customer routers.", subcommands: [checkSpec])

    /// The help of every `--templates` option.
    static let templatesHelp =
        "The folder with routers.json, the <platform>/ templates and checklists/. Default: the first found"
        + " of $LINEPLAN_TEMPLATES, <bindir>/Templates, <bindir>/../share/lineplan/Templates, the checkout"
        + " the executable was built in, ./Templates."

    static let checkSpec = CommandSpec(
        path: ["router", "check"],
        summary: "Can the customer's router take the line (ok, needs-address-pair, replace, unknown).",
        options: [
            .value("model", "NAME", help: "The model, loosely spelt: 'Cisco 1841', '1841', 'Quidway AR28-11'."),
            .value(
                "version-file", "FILE",
                help: "Pasted 'show version' (Cisco IOS) or 'display version' (Huawei VRP 3 or 5, H3C Comware 5)"
                    + " output; model, software and interfaces are read."),
            .value(
                "product", "PRODUCT", required: true, choices: LineProduct.allCases.map(\.rawValue),
                help: "The line's product."),
            .value(
                "interface", "INTERFACE", choices: InterfaceKind.allCases.map(\.rawValue),
                default: InterfaceKind.fastEthernet.rawValue, help: "The handover interface."),
            .value("bandwidth", "RATE", help: "The line's bandwidth: 2M, 100M, 200M, 1G (or Mbit/s)."),
            .value("templates", "DIR", help: templatesHelp),
            .value(
                "format", "FORMAT", choices: ["text", "json"], default: "text",
                help: "JSON has model, platform, software, product, interface, bandwidth, verdict, reasons,"
                    + " recommendation, replacement (the model to buy) and version (null without --version-file)."),
            .flag("verbose", help: "Say which templates folder is used, and how it was found."),
        ],
        exclusiveGroups: [["model", "version-file"]],
        discussion: """

            Checks a customer router against what the product needs; the access handbook lists these
            as causes of delay. Every line needs the router to take its handover: a routed port at
            least as fast as the interface and the bandwidth (more than 100M needs a GE port), or the
            module for E1 and V.35; and a LAN interface. An APN line needs GRE tunnels and two routed
            ports (WAN and LAN), and IP unnumbered on its tunnels; without it the verdict is
            needs-address-pair: the account manager applies for one more /30 per tunnel. An internet
            line needs NAT.
            Verdicts: ok, needs-address-pair, replace (naming the one catalog model operations buys,
            charged to the dedicated-line project: the handbook's Cisco 1841 or Huawei AR28-11 when it
            takes the line, else another catalog model with templates) and unknown (with what to
            provide). A catalog model without configuration templates is named as such.
            Exit 0 with any verdict (a verdict is an answer); 64 usage; 65 an unreadable version file or
            catalog; 69 no templates folder found.
            """,
        run: check)

    private static func check(_ parsed: CommandArguments) throws(CommandFailure) {
        let command = "router check"
        let productName = parsed.choice("product")
        let product = LineProduct(rawValue: productName) ?? .apn
        let interfaceName = parsed.choice("interface")
        let interface = InterfaceKind(rawValue: interfaceName) ?? .fastEthernet
        var bandwidth: Bandwidth?
        if let text = parsed.value("bandwidth") {
            guard let rate = Bandwidth(parsing: text), rate.kilobits > 0 else {
                throw .usage("invalid --bandwidth '\(text)': \(Bandwidth.syntaxHint)", command: command)
            }
            bandwidth = rate
        }
        let format = parsed.choice("format")
        let model = parsed.value("model")
        let versionFile = parsed.value("version-file")
        let catalog = try loadCatalog(
            templates: try Locations.templates(explicit: parsed.value("templates"), verbose: parsed.flag("verbose")))
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
