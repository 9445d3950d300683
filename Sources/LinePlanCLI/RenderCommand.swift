import Devices
import LocatedJSON
import PlanReports
import Planning

/// `lineplan render`.
enum RenderCommand {
    static let help = """
        Usage:
          lineplan render --plan plan.json --out DIR [--templates DIR]

        Renders the customer-router configurations (configs/<site>.<platform>.cfg) and, for an APN
        line, the office data sheet (office-data.md) again from a saved plan — for instance after
        editing a template. Each configuration is read back and checked against the plan; a
        mismatch or a value a platform cannot take fails the run and nothing is written. Into a
        folder that holds a bundle, only its configurations and office data are replaced; a folder
        with files LinePlan did not write is refused (exit 65).

        """

    static func run(_ arguments: [String]) throws(CommandFailure) {
        if LinePlanCommand.handledHelp(arguments, help) { return }
        let parsed = try CommandArguments(
            arguments, command: "render", options: ["plan", "out", "templates"], flags: [])
        try parsed.expectNoPositionals()
        let planPath = try parsed.required("plan")
        let folder = try parsed.required("out")
        let bytes = try FileAccess.read(planPath)
        let plan: Plan
        do {
            plan = try Plan(savedJSON: bytes, name: planPath)
        } catch {
            throw CommandFailure(.dataError, error.diagnostics.map(\.description))
        }
        let templates = try RouterCommand.templatesDirectory(parsed.value("templates"))
        let catalog = try RouterCommand.loadCatalog(templates: templates)
        let configurations = try PlanCommand.renderConfigurations(plan, catalog: catalog, templates: templates)
        var files = configurations.configs.map { ($0.path, $0.text) }
        if let office = configurations.officeData { files.append(("office-data.md", office)) }
        try PlanCommand.writeBundle(files, to: folder, replacing: .configurations)
        FileAccess.printError(configurations.skipped.map { "note: \($0)" })
    }
}
