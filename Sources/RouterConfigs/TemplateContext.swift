import ConfigTemplate
import Devices
import NetAddress

extension ConfigIntent {
    /// The values a configuration template sees.
    ///
    /// | key | value |
    /// |---|---|
    /// | `hostname` | the checked hostname |
    /// | `wan` | the first WAN, as an item of `wans` |
    /// | `wans` | every WAN: `name`, `description`, `address`, `mask`, `peer` (empty when unknown), `isPrimary`, `isEthernet`, `isDot1Q`, `vlan` (0 unless dot1Q), `parent` (empty unless dot1Q), `isE1`, `isSerial`, `isPPP`, `secondaries` (`address`, `mask`) |
    /// | `parents` | each dot1Q trunk port once: `name`, `description` |
    /// | `controllers` | each E1 controller: `name` (`0/0/0`), `channel` (the channel-group/channel-set), `timeslots` (`1-31`) |
    /// | `lan` | `name`, `description`, `address`, `mask`, `secondaries` (`address`, `mask`) |
    /// | `tunnels` | `name`, `description`, `unnumbered`, `address`/`mask` (numbered only), `destination`, `keepalive.period`, `keepalive.retries`, `mtu`, `mss`, `hasKey`, `key` (only with a key) |
    /// | `routes` | `prefix`, `mask`, `nextHop` (an address or a tunnel name), `hasDistance`, `distance` (0 when none) |
    /// | `nat` | `enabled`; when enabled `natACL`, `filterACL`, `natRules` (`rule`, `network`, `wildcard`), `filterRules` (`rule`, `permit`, `any`, `network`, `wildcard`) |
    /// | `hasBanner`, `banner` | the IOS login banner |
    func templateContext(_ prepared: PreparedIntent) -> TemplateValue {
        var context = TemplateObject()
        context["hostname"] = .string(prepared.hostname)
        let wanValues = wans.enumerated().map { index, interface in
            wanValue(
                interface, index: index,
                description: index == 0 ? prepared.wanDescription : prepared.extraWANDescriptions[index - 1],
                peer: index == 0 ? wanPeer : interface.peer)
        }
        context["wan"] = wanValues[0]
        context["wans"] = .list(wanValues)
        var parents: [String] = []
        for interface in wans {
            if let parent = interface.link.parent, !parents.contains(parent) {
                parents.append(parent)
            }
        }
        context["parents"] = .list(
            parents.map { ["name": .string($0), "description": .string(prepared.parentDescription)] })
        context["controllers"] = .list(
            wans.compactMap { interface in
                guard let controller = interface.link.controller, let timeslots = interface.link.timeslotText else {
                    return nil
                }
                return [
                    "name": .string(controller), "channel": .number(interface.link.channel(of: interface.name) ?? 0),
                    "timeslots": .string(timeslots),
                ]
            })
        context["lan"] = [
            "name": .string(lan.name), "description": .string(prepared.lanDescription),
            "address": .string(DottedQuad.text(lan.address)), "mask": .string(DottedQuad.mask(lan.block)),
            "secondaries": secondaryValues(lan),
        ]
        var tunnelValues: [TemplateValue] = []
        tunnelValues.reserveCapacity(tunnels.count)
        for (index, tunnel) in tunnels.enumerated() {
            var item = TemplateObject()
            item["name"] = .string(tunnelName(index))
            item["description"] = .string(prepared.tunnelDescriptions[index])
            item["unnumbered"] = .bool(tunnel.isUnnumbered)
            if let inner = tunnel.inner, let address = tunnel.customerInnerAddress {
                item["address"] = .string(DottedQuad.text(address))
                item["mask"] = .string(DottedQuad.mask(inner))
            }
            item["destination"] = .string(DottedQuad.text(tunnel.destination))
            item["keepalive"] = [
                "period": .number(tunnel.keepalive.period), "retries": .number(tunnel.keepalive.retries),
            ]
            item["mtu"] = .number(tunnel.mtu)
            item["mss"] = .number(tunnel.mss)
            item["hasKey"] = .bool(tunnel.key != nil)
            if let key = tunnel.key {
                item["key"] = .number(Int(key))
            }
            tunnelValues.append(.object(item))
        }
        context["tunnels"] = .list(tunnelValues)
        context["routes"] = .list(
            routes.map { route in
                let nextHop: String
                switch route.nextHop {
                case .address(let address): nextHop = DottedQuad.text(address)
                case .tunnel(let index): nextHop = tunnelName(index)
                }
                return [
                    "prefix": .string(DottedQuad.text(route.prefix.network)),
                    "mask": .string(DottedQuad.mask(route.prefix)), "nextHop": .string(nextHop),
                    "hasDistance": .bool(route.distance != nil), "distance": .number(route.distance ?? 0),
                ]
            })
        context["nat"] = natContext()
        context["hasBanner"] = .bool(prepared.banner != nil)
        context["banner"] = .string(prepared.banner ?? "")
        return .object(context)
    }

    /// One WAN as templates see it.
    private func wanValue(_ interface: Interface, index: Int, description: String, peer: IPv4Address?)
        -> TemplateValue
    {
        [
            "name": .string(interface.name), "description": .string(description),
            "address": .string(DottedQuad.text(interface.address)), "mask": .string(DottedQuad.mask(interface.block)),
            "peer": .string(peer.map { DottedQuad.text($0) } ?? ""), "isPrimary": .bool(index == 0),
            "isEthernet": .bool(interface.link == .ethernet), "isDot1Q": .bool(interface.link.vlan != nil),
            "vlan": .number(interface.link.vlan ?? 0), "parent": .string(interface.link.parent ?? ""),
            "isE1": .bool(interface.link.controller != nil), "isSerial": .bool(interface.link == .serial),
            "isPPP": .bool(interface.link.isPPP), "secondaries": secondaryValues(interface),
        ]
    }

    private func secondaryValues(_ interface: Interface) -> TemplateValue {
        .list(
            interface.secondaries.map {
                ["address": .string(DottedQuad.text($0.firstHost)), "mask": .string(DottedQuad.mask($0))]
            })
    }

    private func natContext() -> TemplateValue {
        guard nat != nil else {
            return ["enabled": false]
        }
        let numbering = dialect.aclNumbering
        func rules(_ entries: [ACLEntry]) -> TemplateValue {
            .list(
                entries.enumerated().map { position, entry in
                    [
                        "rule": .number(numbering.firstRule + position * numbering.step),
                        "permit": .bool(entry.permit), "any": .bool(entry.source == nil),
                        "network": .string(entry.source.map { DottedQuad.text($0.network) } ?? ""),
                        "wildcard": .string(entry.source.map { DottedQuad.wildcard($0) } ?? ""),
                    ]
                })
        }
        return [
            "enabled": true, "natACL": .string(numbering.nat), "filterACL": .string(numbering.filter),
            "natRules": rules(natEntries), "filterRules": rules(filterEntries),
        ]
    }
}
