import Devices
import Orders
public import Planning

extension ReportLanguage {
    /// Why a site gets no configuration, in this language: `the order gives no LAN`,
    /// `订单未提供客户内网（LAN）`.
    ///
    /// - Parameter reason: The reason.
    /// - Returns: A few words, without a final full stop.
    public func text(of reason: PlanConfigurations.Skipped.Reason) -> String {
        switch reason {
        case .noLAN: pick("the order gives no LAN", "订单未提供客户内网（LAN）")
        case .cannotBeServed(let outcome):
            pick(
                "the site cannot be served today (\(outcome.rawValue)), so it holds no addresses",
                "该站点现网无法开通（\(shortName(of: outcome))），未分配地址")
        case .noReplacement:
            pick(
                "its router must be replaced and no catalog model with configuration templates takes this line",
                "其路由器需更换，但路由器目录中无带配置模板的型号可承载本专线")
        case .noTemplates(let model, let software): text(.router(.noTemplates(model: model, software: software)))
        case .unknownRouter:
            pick(
                "its router is unknown: name a catalog model or paste its version output",
                "其路由器型号未知：请填写路由器目录中的型号或提供版本信息")
        case .noHandover(let model, let interface):
            pick("\(model) has no \(interface.rawValue) port or module", "\(model)无\(interface.rawValue)端口或模块")
        case .noBranchBuildable: pick("no branch can be built today", "现网无可开通的分支点")
        case .oneBranchPerCircuit(let interface, let branches):
            pick(
                "a hub on \(interface.rawValue) takes one branch per circuit; \(branches) branches need an Ethernet"
                    + " handover (802.1Q sub-interfaces) or one \(interface.rawValue) each",
                "\(interface.rawValue)接入的中心点每条电路只能连接一个分支点；\(branches)个分支点需改用以太网交接（802.1Q子接口）"
                    + "或各配一条\(interface.rawValue)")
        case .noAPNPool: pick("no APN pool", "无APN地址池")
        }
    }
}
