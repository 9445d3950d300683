import Devices
import LocatedJSON
import PlanReports
import Planning

/// `lineplan render`.
enum RenderCommand {
    static let spec = CommandSpec(
        path: ["render"], summary: "Render router configurations again from a saved plan.",
        options: [
            .value("plan", "plan.json", required: true, help: "A plan.json that lineplan wrote."),
            .value("out", "DIR", required: true, help: "The bundle folder to write the configurations into."),
            .value("lang", "LANG", choices: ["en", "zh"], default: "en", help: "The office data sheet's language."),
            .value("templates", "DIR", help: RouterCommand.templatesHelp),
            .flag("verbose", help: "Say which templates folder is used, and how it was found."),
        ],
        discussion: """

            Renders the customer-router configurations (configs/<site>.<platform>.cfg) and, for an APN
            line, the office data sheet (office-data.md) again from a saved plan — for instance after
            editing a template. Each configuration is read back and checked against the plan; a
            mismatch or a value a platform cannot take fails the run and nothing is written. Into a
            folder that holds a bundle, only its configurations and office data are replaced; a folder
            with files LinePlan did not write is refused (exit 65).
            """,
        run: run)

    static func run(_ parsed: CommandArguments) throws(CommandFailure) {
        let planPath = try parsed.required("plan")
        let folder = try parsed.required("out")
        let bytes = try FileAccess.read(planPath)
        let plan: Plan
        do {
            plan = try Plan(savedJSON: bytes, name: planPath)
        } catch {
            throw CommandFailure(.dataError, error.diagnostics.map(\.description))
        }
        let templates = try Locations.templates(explicit: parsed.value("templates"), verbose: parsed.flag("verbose"))
        let catalog = try RouterCommand.loadCatalog(templates: templates)
        let language = ReportLanguage(rawValue: parsed.choice("lang")) ?? .en
        let assembled: PlanBundle.Assembled
        do {
            assembled = try PlanBundle.assembleConfigurations(
                plan: plan, catalog: catalog, templates: templates, language: language)
        } catch {
            throw PlanCommand.bundleFailure(error)
        }
        let bundle = BundleFolder(path: folder)
        let staged = try PlanCommand.stage(assembled.files, in: bundle, replacing: .configurations)
        defer { bundle.discard(staged) }
        try PlanCommand.moveIntoPlace(staged, in: bundle, language: language)
        FileAccess.printError(assembled.notes)
    }
}
