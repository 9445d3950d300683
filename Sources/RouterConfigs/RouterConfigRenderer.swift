public import ConfigTemplate
public import Devices

/// A rendered customer router configuration that was read back and matched its intent.
public struct RenderedConfig: Sendable {
    /// The intent it was rendered from.
    public let intent: ConfigIntent
    /// The configuration text.
    public let text: String
    /// The file name: `<site>.<dialect>.cfg` (write it under `configs/`).
    public let fileName: String
    /// The configuration as read back.
    public let parsed: ParsedConfig
}

/// A rendered office data sheet whose GRE rows agree with the customer configuration.
public struct RenderedOfficeData: Sendable {
    /// The office data it was rendered from.
    public let intent: OfficeDataIntent
    /// The Markdown text.
    public let text: String
    /// The file name: `<line>.office-data.md`.
    public let fileName: String
}

/// Renders customer router configurations and office data sheets from templates, and refuses any
/// output that does not read back as its plan.
///
/// Templates are `*.tmpl` files (ConfigTemplate syntax) in one folder per dialect under the templates
/// folder: `ios/`, `vrp3/`, `vrp5/`, each with `apn.tmpl`, `internet.tmpl` and `interconnect.tmpl`
/// (and the partials they include), and `office-data/office-data.tmpl`. A missing dialect folder is
/// an error only when a configuration of that dialect is rendered.
///
///     let renderer = try RouterConfigRenderer(templatesDirectory: "Templates")
///     let config = try renderer.render(intent)                      // checked against intent
///     let sheet = try renderer.renderOfficeData(office, customerConfig: config)  // GRE ends agree
///     // write config.text to configs/\(config.fileName), sheet.text to \(sheet.fileName)
///
/// Rendering is a pure function of the intent: the same intent gives the same bytes.
public struct RouterConfigRenderer: Sendable {
    /// The templates folder as given.
    public let templatesDirectory: String
    private let libraries: [ConfigDialect: TemplateLibrary]
    private let officeData: TemplateLibrary?
    private let unavailable: [String: String]

    /// The template each product renders.
    static func templateName(_ product: LineProduct) -> String { product.rawValue }

    /// The office data template's name.
    static let officeDataTemplate = "office-data"

    /// Loads every dialect folder and the office data folder under a templates folder.
    ///
    /// - Parameter templatesDirectory: The templates folder (`Templates`, or the user's `--templates`).
    /// - Throws: ``RouterConfigError`` `.template` when a folder that exists has a template that does not
    ///   parse or link (the error names the file, line and column), or when no folder exists at all.
    public init(templatesDirectory: String) throws(RouterConfigError) {
        var libraries: [ConfigDialect: TemplateLibrary] = [:]
        var unavailable: [String: String] = [:]
        var problems: [ConfigProblem] = []
        let base = templatesDirectory.hasSuffix("/") ? String(templatesDirectory.dropLast()) : templatesDirectory
        func load(_ folder: String) -> TemplateLibrary? {
            let path = "\(base)/\(folder)"
            do {
                return try TemplateLibrary(directory: path)
            } catch {
                if error.code == .unreadable, error.template == path {
                    unavailable[folder] = "\(path) is missing or unreadable"
                } else {
                    problems.append(Self.problem(error, folder: path))
                }
                return nil
            }
        }
        for dialect in ConfigDialect.allCases {
            libraries[dialect] = load(dialect.rawValue)
        }
        let office = load("office-data")
        if libraries.isEmpty, office == nil, problems.isEmpty {
            problems.append(
                ConfigProblem(
                    file: base,
                    message: "no template folders (ios, vrp3, vrp5, office-data) in the templates folder"))
        }
        guard problems.isEmpty else {
            throw RouterConfigError(code: .template, problems: problems)
        }
        self.templatesDirectory = base
        self.libraries = libraries
        self.officeData = office
        self.unavailable = unavailable
    }

    /// Uses template libraries already loaded (tests, or templates held in memory).
    ///
    /// - Parameters:
    ///   - libraries: The configuration templates per dialect.
    ///   - officeData: The office data templates, if any.
    public init(libraries: [ConfigDialect: TemplateLibrary], officeData: TemplateLibrary?) {
        self.templatesDirectory = ""
        self.libraries = libraries
        self.officeData = officeData
        self.unavailable = [:]
    }

    // MARK: - Configurations

    /// Renders a customer router configuration, reads it back and checks it against the intent.
    ///
    /// Order: the intent is checked first (hostile text and contradictions are refused before any
    /// template runs), then rendered, then read back and compared.
    ///
    /// - Parameter intent: The configuration intent.
    /// - Returns: The configuration, read back.
    /// - Throws: ``RouterConfigError`` `.invalidIntent` (each problem names the intent field), `.template`
    ///   (a missing dialect folder or template, or a render error naming template, line and column), or
    ///   `.mismatch` (each problem names the configuration line).
    /// - Complexity: O(*n*) in the size of the configuration.
    public func render(_ intent: ConfigIntent) throws(RouterConfigError) -> RenderedConfig {
        let prepared = try intent.prepared()
        let library = try library(for: intent.dialect)
        let text: String
        do {
            text = try library.render(Self.templateName(intent.product), intent.templateContext(prepared))
        } catch {
            throw RouterConfigError(code: .template, problems: [Self.problem(error, folder: folder(intent.dialect))])
        }
        let fileName = intent.fileName
        let parsed = ConfigReader.read(text, dialect: intent.dialect, file: fileName)
        let problems = ConfigChecker.check(parsed, against: intent)
        guard problems.isEmpty else {
            throw RouterConfigError(code: .mismatch, problems: problems)
        }
        return RenderedConfig(intent: intent, text: text, fileName: fileName, parsed: parsed)
    }

    // MARK: - Office data

    /// Renders the office data sheet of an APN line and checks its GRE table against the customer
    /// configuration.
    ///
    /// - Parameters:
    ///   - office: The office data.
    ///   - customerConfig: The customer router's rendered configuration.
    /// - Returns: The sheet.
    /// - Throws: ``RouterConfigError`` `.invalidIntent`, `.template`, or `.greDisagreement` naming the
    ///   sheet's row or the configuration's line of each disagreement.
    public func renderOfficeData(_ office: OfficeDataIntent, customerConfig: RenderedConfig)
        throws(RouterConfigError) -> RenderedOfficeData
    {
        let invalid = office.validate()
        guard invalid.isEmpty else {
            throw RouterConfigError(code: .invalidIntent, problems: invalid)
        }
        guard let officeData else {
            throw RouterConfigError(
                code: .template,
                problems: [
                    ConfigProblem(
                        file: folder("office-data"),
                        message: unavailable["office-data"] ?? "no office data templates were loaded")
                ])
        }
        let text: String
        do {
            let chineseTemplate = Self.officeDataTemplate + ".zh"
            let name =
                office.chinese && officeData.template(named: chineseTemplate) != nil
                ? chineseTemplate : Self.officeDataTemplate
            text = try officeData.render(name, office.templateContext())
        } catch {
            throw RouterConfigError(code: .template, problems: [Self.problem(error, folder: folder("office-data"))])
        }
        let read = OfficeDataReader.greRows(text, file: office.fileName)
        let pools = OfficeDataReader.poolRows(text, file: office.fileName)
        let problems =
            read.problems + pools.problems
            + GREAgreement.check(
                customerConfig.parsed, rows: read.rows, pools: pools.rows, officeFile: office.fileName)
        guard problems.isEmpty else {
            throw RouterConfigError(code: .greDisagreement, problems: problems)
        }
        return RenderedOfficeData(intent: office, text: text, fileName: office.fileName)
    }

    // MARK: - Helpers

    private func library(for dialect: ConfigDialect) throws(RouterConfigError) -> TemplateLibrary {
        guard let library = libraries[dialect] else {
            throw RouterConfigError(
                code: .template,
                problems: [
                    ConfigProblem(
                        file: folder(dialect.rawValue),
                        message: unavailable[dialect.rawValue].map { "no \(dialect.rawValue) templates: \($0)" }
                            ?? "no \(dialect.rawValue) templates were loaded")
                ])
        }
        return library
    }

    private func folder(_ dialect: ConfigDialect) -> String {
        folder(dialect.rawValue)
    }

    private func folder(_ name: String) -> String {
        templatesDirectory.isEmpty ? name : "\(templatesDirectory)/\(name)"
    }

    private static func problem(_ error: TemplateError, folder: String) -> ConfigProblem {
        let file = error.template.contains("/") ? error.template : "\(folder)/\(error.template)"
        return ConfigProblem(file: file, line: error.line, column: error.column, message: error.message)
    }
}
