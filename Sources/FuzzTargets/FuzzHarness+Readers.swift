import ConfigTemplate
import Devices
import LocatedJSON
import NetGraph
import NetPaths
import Orders
import Planning
import RouterConfigs
import WorkCalendar

extension FuzzHarness {
    /// A network file: load and validate, then what `topology check` and `path` do with it, then write it
    /// back and read that again (a network LinePlan accepted must survive its own writer).
    func runNetwork(_ bytes: [UInt8]) -> FuzzVerdict {
        let name = FuzzReader.network.inputName
        guard let loaded = try? Network.load(name: name, bytes: bytes) else { return .refused }
        let network = loaded.network
        _ = NetworkStatistics(network)
        let graph = RoutingGraph(network: network)
        var finder = PathFinder(graph: graph)
        if let building = network.nodes.firstIndex(where: { $0.kind == .building }),
            let service = network.nodes.firstIndex(where: { $0.layer == .service })
        {
            let request = PathRequest(source: building, destination: service, bandwidth: .megabits(10))
            _ = finder.shortestPath(request)
            _ = finder.diversePaths(request)
        }
        let text = network.fileText
        do {
            let again = try Network.load(name: name, bytes: Array(text.utf8))
            if again.network.fileText != text {
                return .violated("the network written back reads as a different network")
            }
        } catch {
            return .violated(
                "the network written back does not load: \(error.diagnostics.first?.description ?? "no diagnostic")")
        }
        return .accepted
    }

    /// An order: read and checked, planned on the demo network with the router catalog's verdicts, its
    /// `plan.json` read back as `render --plan` would, and its configurations rendered.
    func runOrder(_ bytes: [UInt8], format: OrderFile.Format) -> FuzzVerdict {
        let reader: FuzzReader = format == .json ? .orderJSON : .orderCSV
        guard let loaded = try? OrderFile.load(name: reader.inputName, bytes: bytes, format: format) else {
            return .refused
        }
        let judge = RouterJudge(catalog: catalog)
        let context = PlanningContext(
            network: network, routerCheck: { site, product in judge.answer(for: site, product: product) })
        guard let plan = try? Planner(context: context).plan(loaded) else { return .refused }
        let json = plan.renderedJSON
        do {
            _ = try Plan(savedJSON: Array(json.utf8), name: "plan.json")
        } catch {
            return .violated(
                "the plan.json written does not read back: \(error.diagnostics.first?.description ?? "no diagnostic")")
        }
        _ = try? PlanConfigurations.render(plan: plan, catalog: catalog, renderer: renderer)
        return .accepted
    }

    /// Pasted version output: read, summarised, and the router judged for every product.
    func runVersion(_ bytes: [UInt8]) -> FuzzVerdict {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let report = try? VersionReader.read(text, name: FuzzReader.version.inputName) else { return .refused }
        _ = report.summary
        _ = report.softwareDescription
        for product in LineProduct.allCases {
            let verdict = CapabilityCheck.check(report, product: product, catalog: catalog)
            _ = verdict.reasons
        }
        return .accepted
    }

    /// A saved plan: read back as `render --plan` reads it, then its configurations and office data
    /// rendered, in English and in Chinese.
    func runSavedPlan(_ bytes: [UInt8]) -> FuzzVerdict {
        guard let plan = try? Plan(savedJSON: bytes, name: FuzzReader.savedPlan.inputName) else { return .refused }
        _ = try? PlanConfigurations.render(plan: plan, catalog: catalog, renderer: renderer)
        _ = try? PlanConfigurations.render(plan: plan, catalog: catalog, renderer: renderer, chinese: true)
        return .accepted
    }

    /// A holiday-cn year: read, put over the built-in years, and working days counted from dates around
    /// it, each count checked against the documented inverse (`workingDays(from:to:)`).
    func runHolidays(_ bytes: [UInt8]) -> FuzzVerdict {
        guard let year = try? HolidayYear(holidayCNJSON: bytes, sourceName: FuzzReader.holidays.inputName) else {
            return .refused
        }
        let calendar = WorkingDayCalendar.chinaMainland.replacing(years: [year])
        for (yearOffset, month, day) in [(-1, 12, 20), (0, 1, 1), (0, 9, 30), (0, 12, 28)] {
            guard let start = try? CalendarDate(year: year.year + yearOffset, month: month, day: day) else { continue }
            for count in [0, 2, 5, 30] {
                guard let due = try? calendar.adding(workingDays: count, to: start) else { continue }
                let counted = calendar.workingDays(from: start, to: due.date)
                if counted != count {
                    return .violated("\(count) working days from \(start) is \(due.date), which counts \(counted)")
                }
                if count > 0, !calendar.isWorkingDay(due.date) {
                    return .violated("\(count) working days from \(start) is \(due.date), not a working day")
                }
            }
        }
        return .accepted
    }

    /// A template: it takes the place of the three product templates on each platform, is linked with the
    /// shipped partials, and renders (and reads back) an APN, an internet and an interconnect line.
    func runTemplate(_ bytes: [UInt8]) -> FuzzVerdict {
        guard let source = String(validating: bytes, as: UTF8.self) else { return .refused }
        var accepted = false
        for dialect in ConfigDialect.allCases {
            var sources = partials[dialect] ?? [:]
            for product in LineProduct.allCases {
                sources[product.rawValue] = source
            }
            guard let library = try? TemplateLibrary(templates: sources) else { continue }
            accepted = true
            let renderer = RouterConfigRenderer(libraries: [dialect: library], officeData: nil)
            for intent in intents[dialect] ?? [] {
                _ = try? renderer.render(intent)
            }
        }
        return accepted ? .accepted : .refused
    }
}
