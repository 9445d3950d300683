import Foundation

/// Finds English words in text that should be Chinese: what is left once identifiers, addresses,
/// model names, technology acronyms and commands are set aside.
public enum ChineseText {
    /// Words a Chinese document keeps as they are: technologies, interfaces, protocols, units, the
    /// commands and option names an engineer types, vendors' words.
    public static let keptWords: Set<String> = [
        "PTN", "SDH", "MSTP", "MSAP", "PON", "ONU", "OLT", "OTN", "ODU", "VC", "GE", "FE", "E1", "V", "STM",
        "APN", "GPRS", "LTE", "VPN", "GRE", "NAT", "LAN", "WAN", "IP", "VLAN", "TDM", "CES", "SLA", "WLAN",
        "GGSN", "CMNET", "DNS", "RADIUS", "VRF", "MTU", "MSS", "TCP", "PPP", "HDLC", "ID", "IOS", "VRP", "Cisco",
        "Huawei", "H3C", "Comware", "Type", "B", "C", "dB", "M", "G", "k", "unnumbered", "keepalive", "show",
        "version", "display", "router", "routerVersionFile", "hubVLANBase", "ip", "tcp", "adjust", "mss", "T",
        "version", "file", "Release", "CSV", "JSON", "LinePlan", "lineplan", "plan", "json", "md", "csv", "cfg",
        "ios", "vrp", "vrp3", "vrp5", "Ethernet", "FastEthernet", "GigabitEthernet", "Serial", "Tunnel", "Vlanif",
        "Loopback", "dot1Q", "HWIC", "WIC", "SIC", "VWIC", "NetBox", "EMS", "CRM", "BOSS", "ACL", "QoS", "RFC",
        "WH", "SPL", "ACC", "AGG", "BLD", "OTU", "AR", "Tail", "km", "Line",
    ]

    /// The English words in `text` that are neither kept words nor part of `besides` (parameter
    /// values: ids, rates, names).
    ///
    /// - Complexity: O(*n*) in the text's length times the number of `besides`.
    public static func englishWords(in text: String, besides: [String] = []) -> [String] {
        var text = text
        for value in besides.sorted(by: { $0.count > $1.count }) where !value.isEmpty {
            text = text.replacingOccurrences(of: value, with: " ")
        }
        var words: [String] = []
        var current = ""
        for character in text + " " {
            if character.isASCII, character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if current.contains(where: \.isLetter), current.count > 1, !keptWords.contains(current),
                    !current.contains(where: \.isNumber)
                {
                    words.append(current)
                }
                current = ""
            }
        }
        return words
    }
}
