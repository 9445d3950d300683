public import Devices
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
    /// A router that fails gets `replace`, and its configuration is written for the catalog's
    /// recommended model (a Cisco 1841 or Huawei AR28-11, charged to the dedicated-line project);
    /// an unknown model gets `unknown` with what to provide.
    public func answer(for site: OrderSite, product: Product) -> RouterAnswer {
        let lineProduct = Self.lineProduct(product)
        let interface = Self.interfaceKind(site.interface)
        let verdict: CapabilityVerdict
        if let report = reports[site.name] {
            verdict = CapabilityCheck.check(report, product: lineProduct, interface: interface, catalog: catalog)
        } else if let name = site.router {
            verdict = CapabilityCheck.check(
                modelNamed: name, product: lineProduct, interface: interface, catalog: catalog)
        } else {
            return RouterAnswer(
                model: nil, verdict: CapabilityVerdict.Kind.unknown.rawValue,
                reasons: [
                    "the order names no router: give 'router' (a catalog model) or 'routerVersionFile' (pasted "
                        + "show version / display version output)"
                ])
        }
        var answer = RouterAnswer(
            model: verdict.model?.name ?? verdict.modelName, verdict: verdict.kind.rawValue,
            reasons: verdict.reasons + (verdict.recommendation.map { [$0] } ?? []), platform: verdict.dialect?.rawValue)
        switch verdict.kind {
        case .ok, .needsAddressPair:
            answer.configuredModel = verdict.model?.name
        case .replace:
            // The configuration is written for the router operations will buy.
            let replacement = catalog.recommendedModels.first { candidate in
                let check = CapabilityCheck.check(
                    candidate, product: lineProduct, interface: interface, catalog: catalog)
                return check.kind == .ok || check.kind == .needsAddressPair
            }
            answer.configuredModel = replacement?.name
            answer.platform = replacement?.dialect?.rawValue
        case .unknown:
            break
        }
        return answer
    }

    /// The verdict for every site of an order, by site name; sites with the same router and
    /// interface are judged once.
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
            let key = "\(site.router ?? "")\u{1}\(site.interface.rawValue)"
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

    /// The catalog's interface kind for an order's interface (10GE is judged as GE).
    static func interfaceKind(_ interface: CustomerInterface) -> InterfaceKind {
        switch interface {
        case .fe: .fastEthernet
        case .ge, .tenGE: .gigabitEthernet
        case .e1: .e1
        case .v35: .v35
        }
    }
}
