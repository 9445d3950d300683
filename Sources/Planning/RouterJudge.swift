public import Devices
import NetGraph
public import Orders

/// Judges each site's customer router against the router catalog: by the model named in the order,
/// or by the pasted `show version` / `display version` output read for the site.
public struct RouterJudge: Sendable {
    /// The router catalog (`Templates/routers.json`).
    public let catalog: RouterCatalog
    /// What each site's pasted version output says, by site name.
    public let reports: [String: VersionReport]

    /// Creates a judge.
    public init(catalog: RouterCatalog, reports: [String: VersionReport] = [:]) {
        self.catalog = catalog
        self.reports = reports
    }

    /// The verdict for a site's router on a product.
    ///
    /// The router must take the site's handover (interface and bandwidth) and what the product needs.
    /// A router that fails gets `replace`, and names the one model operations buys (the first of the
    /// catalog's recommended models that takes the line, else any model with templates that does; see
    /// ``CapabilityCheck/replacement(product:interface:bandwidth:excluding:catalog:)``); its
    /// configuration is written for that model. A catalog model without templates is named as such and
    /// gets no configuration. An unknown model gets `unknown` with what to provide.
    ///
    /// - Complexity: O(*m*) checks of the catalog's *m* models.
    public func answer(for site: OrderSite, product: Product) -> RouterAnswer {
        let lineProduct = Self.lineProduct(product)
        let interface = Self.interfaceKind(site.interface)
        let bandwidth = site.bandwidth.kilobits > 0 ? site.bandwidth.kilobits : nil
        let verdict: CapabilityVerdict
        if let report = reports[site.name] {
            verdict = CapabilityCheck.check(
                report, product: lineProduct, interface: interface, bandwidth: bandwidth, catalog: catalog)
        } else if let name = site.router {
            verdict = CapabilityCheck.check(
                modelNamed: name, product: lineProduct, interface: interface, bandwidth: bandwidth, catalog: catalog)
        } else {
            return RouterAnswer(model: nil, verdict: .unknown, notes: [.noRouterNamed])
        }
        var answer = RouterAnswer(
            model: verdict.model?.name ?? verdict.modelName, verdict: verdict.kind,
            failures: verdict.failures.map(Finding.router),
            notes: (verdict.notes + (verdict.advice.map { [$0] } ?? [])).map(Finding.router),
            platform: verdict.dialect?.rawValue)
        switch verdict.kind {
        case .ok, .needsAddressPair:
            // A model without templates gets no configuration: its reasons say so.
            answer.configuredModel = verdict.dialect == nil ? nil : verdict.model?.name
        case .replace:
            // The configuration is written for the one router operations will buy.
            answer.replacement = verdict.replacement?.name
            answer.configuredModel = verdict.replacement?.name
            answer.platform = verdict.replacement?.dialect?.rawValue
        case .unknown:
            break
        }
        if !interface.isEthernet, let configured = answer.configuredModel {
            answer.module = catalog.model(named: configured)?.module(for: interface)?.name
        }
        return answer
    }

    /// The verdict for every site of an order, by site name; sites with the same router, interface
    /// and bandwidth are judged once.
    ///
    /// - Complexity: O(sites) lookups, one check per distinct router and interface.
    public func answers(for order: Order) -> [String: RouterAnswer] {
        var cache: [String: RouterAnswer] = [:]
        var answers: [String: RouterAnswer] = [:]
        for site in order.sites {
            guard reports[site.name] == nil else {
                answers[site.name] = answer(for: site, product: order.product)
                continue
            }
            let key = "\(site.router ?? "")\u{1}\(site.interface.rawValue)\u{1}\(site.bandwidth.kilobits)"
            if let known = cache[key] {
                answers[site.name] = known
            } else {
                let fresh = answer(for: site, product: order.product)
                cache[key] = fresh
                answers[site.name] = fresh
            }
        }
        return answers
    }

    /// The catalog's product for an order's product.
    static func lineProduct(_ product: Product) -> LineProduct {
        switch product {
        case .apn: .apn
        case .internet: .internet
        case .interconnect: .interconnect
        }
    }

    /// The catalog's interface kind for an order's interface.
    static func interfaceKind(_ interface: CustomerInterface) -> InterfaceKind {
        switch interface {
        case .fe: .fastEthernet
        case .ge: .gigabitEthernet
        case .tenGE: .tenGigabitEthernet
        case .e1: .e1
        case .v35: .v35
        }
    }
}
