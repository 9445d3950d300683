public import Orders

extension PlanConfigurations {
    /// A site that got no configuration, and why, as data: the command line says it in the plan's language
    /// (`ReportLanguage.text(of:)` in PlanReports).
    public struct Skipped: Sendable, Hashable {
        /// Why a site gets no customer configuration.
        public enum Reason: Sendable, Hashable {
            /// The site can be served, but the order gives no LAN to configure.
            case noLAN
            /// The site cannot be served today, so it holds no addresses.
            case cannotBeServed(ConfirmationOutcome)
            /// The router must be replaced and no catalog model with templates takes the line.
            case noReplacement
            /// A catalog model without configuration templates: configured by hand.
            case noTemplates(model: String, software: String)
            /// The order names no router LinePlan knows.
            case unknownRouter
            /// The model has no port or module for the site's interface.
            case noHandover(model: String, interface: CustomerInterface)
            /// A hub none of whose branches can be built today.
            case noBranchBuildable
            /// A hub on E1 or V.35 with more branches than its one circuit carries.
            case oneBranchPerCircuit(interface: CustomerInterface, branches: Int)
            /// An APN site without its terminal pool.
            case noAPNPool
        }

        /// The site's name.
        public var site: String
        /// Why it gets no configuration.
        public var reason: Reason

        /// Creates a note on a skipped site.
        public init(site: String, reason: Reason) {
            self.site = site
            self.reason = reason
        }
    }
}
