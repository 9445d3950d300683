public import LocatedJSON
public import Orders

/// Text in both report languages.
public struct LocalizedText: Sendable, Hashable {
    /// The English text.
    public var en: String
    /// The Chinese text.
    public var zh: String

    /// Creates a text.
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// Returns the text in a language.
    public func text(in language: ReportLanguage) -> String {
        language.pick(en, zh)
    }
}

/// When a conditional step of a checklist appears: only when the plan calls for it.
public enum ChecklistCondition: String, Sendable, Hashable, CaseIterable {
    /// A site's outcome is `core-build`: the engineering department builds aggregation or core.
    case coreBuild = "core-build"
    /// A site's outcome is `access-optimisation`: maintenance provides the end access.
    case accessOptimisation = "access-optimisation"
    /// A site's router must be replaced (operations buys the one model its verdict names).
    case routerReplace = "router-replace"
    /// A site's router cannot do IP unnumbered: one more address pair for the tunnels.
    case addressPair = "address-pair"
    /// A site asked for a diverse protection path.
    case diverse
    /// The order modifies lines in service: the cutover is announced to the customer.
    case modify
    /// An interconnect hub's access is below the sum of its branches': the hub's access is upgraded.
    case hubCapacity = "hub-capacity"
    /// A site's handover is E1 or V.35: operations fits the module its router needs.
    case module
    /// The product is not mature: a solution template is drafted before the resources are confirmed.
    case template
}

/// What a step needs from the plan; the checklist prints the plan's values for it.
public enum PlanItem: String, Sendable, Hashable, CaseIterable {
    /// The order: id, customer, date received.
    case order
    /// The reply: outcome and due date.
    case reply
    /// The resource confirmation and reply form (`reply-form.md`).
    case replyForm
    /// Each site's segment checks.
    case segments
    /// Each site's working and protection paths.
    case path
    /// Each site's interconnect subnet.
    case interconnect
    /// Each site's customer LAN.
    case lan
    /// An internet line's public LAN block, routed by the CMNET router to the customer's WAN address.
    case publicLAN
    /// An interconnect branch's 802.1Q VLAN on the hub's port.
    case vlan
    /// The APN terminal pool.
    case apnPool
    /// The GRE tunnels and their inner addresses.
    case tunnels
    /// The number of APN terminals (for the SIM cards).
    case terminals
    /// Each site's router and its verdict.
    case router
    /// The customer router configuration files (`configs/`).
    case config
    /// The GGSN office data sheet (`office-data.md`).
    case officeData
    /// The service obligations: repair hours and the planned-outage notice rule.
    case service
    /// The ledger lines a cease or modify releases.
    case lines
    /// Each site's street address (装机地址) and contact, as the order gives them.
    case site
    /// An interconnect hub's access against its branches': both rates and the rate to upgrade to.
    case hubAccess
}

/// How long a step takes.
public enum StepDuration: Sendable, Hashable {
    /// A fixed number of working days (0 for a milestone).
    case workingDays(Int)
    /// As long as the plan's reply may take (2, 3 or 5 working days by outcome).
    case reply
    /// As long as a non-mature product's solution template takes (`replyDaysTemplate`, 3).
    case template
}

/// One step of a checklist template, as in a `Templates/checklists/*.json` file.
public struct ChecklistStepTemplate: Sendable, Hashable {
    /// The step's id, unique in its list: lower-case letters, digits and `-`.
    public var id: String
    /// What is done.
    public var title: LocalizedText
    /// The department that owns the step.
    public var department: LocalizedText
    /// How it is done, optional.
    public var note: LocalizedText?
    /// What it needs from the plan.
    public var needs: [PlanItem]
    /// The steps it waits for, all listed earlier.
    public var dependsOn: [String]
    /// How long it takes.
    public var duration: StepDuration
    /// When the step appears; `nil` for always.
    public var condition: ChecklistCondition?

    /// Creates a step.
    public init(
        id: String, title: LocalizedText, department: LocalizedText, note: LocalizedText? = nil,
        needs: [PlanItem] = [], dependsOn: [String] = [], duration: StepDuration,
        condition: ChecklistCondition? = nil
    ) {
        self.id = id
        self.title = title
        self.department = department
        self.note = note
        self.needs = needs
        self.dependsOn = dependsOn
        self.duration = duration
        self.condition = condition
    }
}

/// The provisioning flow of one product: the steps of a new line (or a modification) and of a cease.
///
/// Read from `Templates/checklists/<product>.json`:
///
///     {
///       "product": "apn",
///       "title": {"en": "GPRS-APN line provisioning", "zh": "GPRS-APN专线开通流程"},
///       "steps": [
///         {"id": "confirm", "title": {"en": "…", "zh": "…"}, "department": {"en": "…", "zh": "…"},
///          "needs": ["reply", "segments"], "dependsOn": [], "workingDays": "reply"},
///         {"id": "optimise", …, "dependsOn": ["confirm"], "workingDays": 5, "when": "access-optimisation"}
///       ],
///       "ceaseSteps": [ … ]
///     }
public struct ChecklistTemplate: Sendable, Hashable {
    /// The product the flow is for.
    public var product: Product
    /// The flow's title.
    public var title: LocalizedText
    /// The steps of a new line or a modification, each after the steps it depends on.
    public var steps: [ChecklistStepTemplate]
    /// The steps of a cease.
    public var ceaseSteps: [ChecklistStepTemplate]

    /// Creates a template.
    public init(
        product: Product, title: LocalizedText, steps: [ChecklistStepTemplate],
        ceaseSteps: [ChecklistStepTemplate] = []
    ) {
        self.product = product
        self.title = title
        self.steps = steps
        self.ceaseSteps = ceaseSteps
    }
}

/// The checklist templates of the three products.
public struct ChecklistLibrary: Sendable {
    /// The file name of each product's template in `Templates/checklists/`.
    public static func fileName(for product: Product) -> String {
        "\(product.rawValue).json"
    }

    /// The templates.
    public var templates: [ChecklistTemplate]

    /// Creates a library.
    public init(templates: [ChecklistTemplate]) {
        self.templates = templates
    }

    /// The template of a product, if the library has one (the last one loaded wins).
    public func template(for product: Product) -> ChecklistTemplate? {
        templates.last { $0.product == product }
    }

    /// Reads several template files and reports every problem of every file at once.
    ///
    /// - Parameter files: Each file's name (for diagnostics) and bytes.
    /// - Returns: The library.
    /// - Throws: ``DiagnosticsError`` with every located error.
    public static func load(files: [(name: String, bytes: [UInt8])]) throws(DiagnosticsError) -> ChecklistLibrary {
        var templates: [ChecklistTemplate] = []
        var diagnostics: [SourceDiagnostic] = []
        for file in files {
            do throws(DiagnosticsError) {
                templates.append(try ChecklistTemplate.load(name: file.name, bytes: file.bytes))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics: diagnostics) }
        return ChecklistLibrary(templates: templates)
    }
}
