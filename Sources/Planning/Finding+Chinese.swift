public import Devices
import NetAddress
public import NetGraph
import NetPaths
import Orders
import WorkCalendar

extension Finding {
    /// The finding in Chinese, from the same parameters as ``english``: ids, rates, addresses, model
    /// names and commands stay as they are; punctuation is full-width.
    public var chinese: String {
        switch self {
        case .apnNotOnPON: "APN专线为接入GPRS-VPN机房的2M MSTP（或PTN）电路，PON不能承载"
        case .wlanAddOn: "WLAN仅为附加接入，本身不承担SLA"
        case .needsFixedLine: "该站点需要有线接入"
        case .ponNoDiverse: "PON无Type B/C保护时不能提供双路由"
        case .ponTooFast(let asked, let limit): "\(asked)超过PON可提供的\(limit)M"
        case .noLastMile(let technology): "楼宇至\(Self.chineseNoun(technology))无末端光缆"
        case .noUsableAccess(let technology): "无可用的\(Self.chineseNoun(technology))"
        case .siteWithoutLocation: "站点无位置信息"
        case .noNodeOfKind(let technology): "网络中无\(Self.chineseNoun(technology))"
        case .newFibre(let metres, let node): "需新建\(Self.kilometres(metres))公里光缆至\(node)"
        case .beyondReach(let node, let metres, let reach):
            "\(node)距离\(Self.kilometres(metres))公里，超出\(reach)公里覆盖范围"
        case .lastMileRefused(let node, _, let refusal): "至\(node)的末端链路：\(refusal.chinese)"
        case .reachable(let node, let metres): "距\(node) \(Self.kilometres(metres))公里"
        case .noPortsOfType(let node, let port):
            "\(node)无\(port.rawValue)端口" + (port == .e1 ? "（E1需TDM/CES板卡）" : "")
        case .portShort(let node, let port, let metres, let total):
            "距\(node) \(Self.kilometres(metres))公里，但无空闲\(port.rawValue)端口（\(total)个均已占用）：需维护部门加板卡"
        case .portsFree(let node, let port, let metres, let free):
            "距\(node) \(Self.kilometres(metres))公里，空闲\(port.rawValue)端口\(free)个"
        case .noSplitterFacts(let node): "\(node)缺少分光器资料"
        case .splitterWithoutOLT(let splitter): "分光器\(splitter)未挂接OLT"
        case .opticalBudgetExceeded(let loss, let metres, let ratio, let opticalClass, let budget):
            "光链路损耗\(Self.decibels(loss)) dB（\(Self.kilometres(metres))公里，1:\(ratio)分光器，含余量）"
                + "超出\(opticalClass)光功率预算\(budget) dB"
        case .splitterFull(let splitter, let olt, let ratio):
            "\(olt)下分光器\(splitter)已满（1:\(ratio)）：需维护部门增加分光器"
        case .splitterFree(let splitter, let olt, let free, let loss, let opticalClass, let budget):
            "\(olt)下分光器\(splitter)，空闲分支\(free)个，光链路损耗\(Self.decibels(loss)) dB，"
                + "在\(opticalClass)光功率预算\(budget) dB以内"
        case .terminalsOverAPN: "终端经专用APN接入企业内网，站点无需光缆"
        case .radioCoverage: "GPRS/LTE无线覆盖"
        case .noAccessToday: "现网无接入方式可覆盖该站点"
        case .routerMustBeReplaced: "客户路由器需更换"
        case .noSDHNearAPN(let reach): "站点\(reach)公里内无SDH/MSTP节点（手册要求APN专线客户附近有SDH/MSTP节点）"
        case .headroom(let links, let tightest, let spare):
            "\(links)条链路；最紧张的\(tightest)：\(Self.chinese(spare))"
        case .ringNeedsUpgrade(let ring, let share, let threshold):
            "环\(ring)已占用\(share)%，达到\(threshold)%扩容门限：需扩容（工程建设）"
        case .singleHomed: "单路由接入：双路由需第二个楼宇入口"
        case .noDiverseRoute: "无双路由"
        case .sharedRisk(let groups): "链路分离，但两条路由共用\(groups.joined(separator: "、"))"
        case .unknownNode: "节点不存在"
        case .nodeWithoutLinks(let node): "\(node)无任何链路"
        case .noRoute(let source, let destination): "传输网中\(source)至\(destination)无路由"
        case .noRouteFound: "未找到路由"
        case .noFarEnd: "无可到达的对端"
        case .blocked(let bandwidth, let segment, let link, let aEnd, let bEnd, let refusal, let second):
            (second.map { "无\(Self.chinese($0))的第二路由：" } ?? "")
                + "\(bandwidth)在\(Self.chinese(segment))受阻：链路\(link)（\(aEnd)–\(bEnd)）\(refusal.chinese)"
        case .noDiversePair(let diversity): "未找到\(Self.chinese(diversity))的路由对"
        case .everyRouteShares(let diversity, let source, let destination):
            "\(source)至\(destination)无\(Self.chinese(diversity))的第二路由：所有路由均与主用路由共用"
                + (diversity == .nodes ? "链路或节点" : "链路")
        case .hubVLANExhausted(let vlan, let base, let site):
            "中心点端口已无可用802.1Q VLAN：VLAN \(vlan)超过4094（hubVLANBase \(base) + 站点序号\(site)）；请拆分订单"
        case .poolExhausted(let pool, let prefix, let count, let length):
            "地址池\(pool)（\(prefix)）无法分配\(count)个/\(length)：已无该大小的空闲地址段"
        case .hubBelowBranches(let hub, let needed, let branches):
            "中心点接入带宽\(hub)低于各分支点合计\(needed)（"
                + branches.map { "\($0.site) \($0.bandwidth)" }.joined(separator: " + ")
                + "）：中心点接入需升级至不低于\(needed)"
        case .hubPortTooSlow(let port, let current, let maximum):
            "升级需使用\(port.rawValue)端口（\(current.rawValue)最高\(maximum)）"
        case .router(let finding): finding.chinese
        case .noRouterNamed: "订单未提供路由器：请填写router（路由器目录中的型号）或routerVersionFile（show version / display version输出）"
        case .calendarWithoutNotice(let year):
            (StatutoryHolidays.firstYear...StatutoryHolidays.lastYear).contains(year)
                ? "\(year)年放假安排通知尚未发布：按周一至周五扣除法定节假日（元旦、春节、清明、劳动节、端午、中秋、国庆）计算；"
                    + "调休及补班日未知，通知发布后日期可能变动"
                : "无\(year)年节假日数据：仅按周一至周五计算"
        case .templateFirst(let days, let due):
            "非成熟产品：须先制定解决方案模板（\(days)个工作日，\(due)前完成），资源答复自模板完成起计算"
        case .plannedBefore: "该订单已规划过：再次提交将保留已分配地址，其余资源重新预占"
        }
    }

    /// Findings in Chinese, joined into one reason with full-width semicolons.
    public static func chinese(_ findings: [Finding]) -> String {
        findings.map(\.chinese).joined(separator: "；")
    }

    private static func chinese(_ spare: Headroom) -> String {
        switch spare {
        case .vc12(let free): "空闲VC-12 \(free)个"
        case .otn(let slots, let trunk): "空闲时隙\(slots)个，ODU通道空闲\(trunk)"
        case .packet(let free): "空闲\(free)"
        }
    }

    private static func chinese(_ diversity: Diversity) -> String {
        diversity == .nodes ? "节点和链路分离" : "链路分离"
    }

    /// A segment's name: 末端接入段, 接入段, 汇聚段, 核心段.
    static func chinese(_ segment: Segment) -> String {
        switch segment {
        case .lastMile: "末端接入段"
        case .access: "接入段"
        case .aggregation: "汇聚段"
        case .core: "核心段"
        }
    }

    private static func chineseNoun(_ technology: AccessTechnology) -> String {
        switch technology {
        case .ptn: "PTN节点"
        case .sdhMSTP: "MSAP或SDH节点"
        case .pon: "PON分光器"
        case .otn: "OTN节点"
        case .apn, .wlan: "接入节点"
        }
    }
}

extension LinkRefusal {
    /// The refusal in Chinese: "需100M，空闲70M（已占用630M，总带宽1G，利用率上限70%）".
    public var chinese: String {
        switch self {
        case .packet(let asked, let free, let committed, let rate, let limit):
            "需\(asked)，空闲\(free)（已占用\(committed)，总带宽\(rate)，利用率上限\(limit)%）"
        case .fibre(let used, let cores, let perLine):
            "无空闲\(perLine == 1 ? "纤芯" : "纤芯对")（\(cores)芯已用\(used)芯）"
        case .vc12(let needed, let free, let total): "需\(needed)个VC-12，空闲\(free)个（共\(total)个）"
        case .vc4(let needed, let free, let total): "需\(needed)个VC-4，空闲\(free)个（共\(total)个）"
        case .otnSlots(let needed, let free, let total): "需\(needed)个支路时隙，空闲\(free)个（共\(total)个）"
        case .oduTrunk(let asked, let free, let committed, let trunk, let slots, let limit):
            "ODU通道需\(asked)，空闲\(free)（已占用\(committed)，\(slots)个支路时隙共\(trunk)，利用率上限\(limit)%）"
        }
    }
}

extension RouterFinding {
    /// The router finding in Chinese; port, module and model names stay as the vendor writes them.
    public var chinese: String {
        switch self {
        case .greTunnels: "支持GRE隧道"
        case .noGRE: "不支持GRE隧道：APN专线经GRE隧道连接GGSN"
        case .routedPorts(let ports): "三层以太网口\(ports.count)个" + Self.chineseList(ports)
        case .tooFewRoutedPorts(let ports):
            "三层以太网口\(ports.count)个\(Self.chineseList(ports))；APN专线至少需要2个（WAN和LAN）"
        case .tunnelUnnumbered: "隧道支持IP unnumbered"
        case .noTunnelUnnumbered: "隧道不支持IP unnumbered：客户经理须为每条GGSN隧道另申请一对互联地址（/30）"
        case .nat: "支持WAN地址NAT"
        case .noNAT: "不支持NAT：互联网专线须将LAN地址转换为WAN地址"
        case .lanOn(let port): "LAN接口\(port)"
        case .noLAN: "无LAN接口：该型号无第二个三层以太网口，也无VLAN接口"
        case .wanOn(let port): "WAN接口\(port)"
        case .noWANPort: "无可作WAN的三层以太网口"
        case .handoverTooSlow(let bandwidth, let interface):
            "\(Self.rate(bandwidth))超过\(interface.rawValue)接口可承载的\(Self.rate(interface.kilobits))"
        case .noPortForHandover(let interface, let speeds):
            "无\(interface.rawValue)三层端口用于\(interface.rawValue)交接（现有三层端口为\(speeds.joined(separator: "、"))）"
        case .portTooSlow(let bandwidth, let port, let speed, let needed):
            "\(Self.rate(bandwidth))超过最快三层端口\(port)的承载能力（\(speed.rawValue)，\(Self.rate(speed.kilobits))）："
                + "需\(needed)三层端口"
        case .moduleNeeded(let interface, let module, let slot, let slots, let port):
            "\(interface.rawValue)交接需在空闲\(slot)槽位加装\(module)模块（该型号有\(slots)）；端口为\(port)"
        case .noInterfaceNoSlot(let interface): "无\(interface.rawValue)接口，也无扩展槽位"
        case .noModuleForSlots(let interface, let slots):
            "\(slots.joined(separator: "/"))槽位无可用的\(interface.rawValue)模块"
        case .noTemplates(let model, let software): "LinePlan无\(model)（\(software)）配置模板：请按规划手工配置"
        case .notInCatalog(let name, let suggestion):
            "路由器目录中无“\(name)”" + (suggestion.map { "；是否为\($0)？" } ?? "")
        case .provideModelOrVersion:
            "请提供准确型号，或用--version-file提供show version（思科）或display version（华为、H3C）的输出"
        case .knownModels(let models): "已知型号：" + models.joined(separator: "、")
        case .versionNamesNoModel(let software): "版本信息中无路由器型号（\(software)）"
        case .readFromVersion(let model, let software, let interfaces, let slots):
            "版本信息读出："
                + (["型号\(model ?? "未提供")", software] + interfaces + (slots.map { ["扩展槽位\($0)个"] } ?? []))
                .joined(separator: "，")
        case .runsOtherSoftware(let running, let catalog, let dialect):
            "该路由器运行\(running)，而非目录中的\(catalog)；LinePlan按\(dialect)命令生成配置"
        case .oldIOS(let version):
            "IOS \(version)低于模板所用的12.4：GRE keepalive需12.2(8)T及以上，ip tcp adjust-mss需12.2(4)T及以上；开通前请核实软件版本"
        case .interfacesFitted(let count, let interface):
            "版本信息显示已安装\(count)个\(interface == .e1 ? "E1" : "串行")接口"
        case .replacementBuys(let model):
            "由运维部为客户购置\(ReportWords.chineseModelName(model))，费用列入集团客户专线工程"
        case .noReplacement: "路由器目录中无带配置模板的型号可承载本专线，请支撑中心协助选型"
        }
    }

    private static func chineseList(_ ports: [String]) -> String {
        ports.isEmpty ? "" : "（\(ports.joined(separator: "、"))）"
    }
}

/// Words the Chinese renderers share.
public enum ReportWords {
    /// A model name with its vendor in Chinese: `Huawei AR1220` → `华为AR1220`, `Cisco 1841` → `思科1841`.
    public static func chineseModelName(_ name: String) -> String {
        for (english, chinese) in [("Cisco ", "思科"), ("Huawei ", "华为"), ("H3C ", "新华三")] where name.hasPrefix(english) {
            return chinese + name.dropFirst(english.count)
        }
        return name
    }
}
