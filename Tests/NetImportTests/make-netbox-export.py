#!/usr/bin/env python3
"""Writes Topologies/wuhan/netbox/export.json: a small Wuhan network as NetBox 4.x's REST API returns it.

Object shapes follow NetBox's serializers (netbox-community/netbox, netbox/dcim/api/serializers_/
sites.py, devices.py, device_components.py, cables.py; netbox/ipam/api/serializers_/ip.py): nested
objects are brief ({id, url, display, name, slug}), choice fields are {value, label}, cable ends are
a_terminations/b_terminations lists of {object_type, object_id, object}, and each list endpoint
answers {count, next, previous, results}. Regions nest by `parent` (湖北 > 武汉 > 汉口, 武昌, 光谷); a
site's `region` is the brief region; a prefix is scoped as NetBox 4.2 does it (`scope_type`
"dcim.site", `scope_id`, `scope` the brief site). Run once; the output is committed.
"""
import json

API = "https://netbox.example.cn/api"
out = {"name": "Wuhan NetBox demo"}
def brief(kind, obj, **extra):
    d = {"id": obj["id"], "url": f"{API}/{kind}/{obj['id']}/", "display": obj.get("name", "")}
    d.update(extra)
    return d
def choice(value, label): return {"value": value, "label": label}
def listing(items): return {"count": len(items), "next": None, "previous": None, "results": items}

regions, sites, locations, devices, interfaces, cables, prefixes = [], [], [], [], [], [], []
def region(name, slug, parent=None):
    r = {"id": len(regions) + 1, "name": name, "slug": slug}
    depth = 0 if parent is None else parent["_depth"] + 1
    regions.append(dict(brief("dcim/regions", r), name=name, slug=slug,
        parent=None if parent is None else brief("dcim/regions", parent, name=parent["name"], slug=parent["slug"],
                                                  _depth=parent["_depth"]),
        description="", tags=[], site_count=0, _depth=depth))
    return regions[-1]
def site(name, slug, lat, lon, address, reg=None):
    s = {"id": len(sites) + 1, "name": name, "slug": slug}
    sites.append(dict(brief("dcim/sites", s), name=name, slug=slug, status=choice("active", "Active"),
        region=None if reg is None else brief("dcim/regions", reg, name=reg["name"], slug=reg["slug"],
                                              description="", site_count=0, _depth=reg["_depth"]),
        group=None, tenant=None, facility="", time_zone="Asia/Shanghai", description="",
        physical_address=address, shipping_address="", latitude=lat, longitude=lon, tags=[]))
    return sites[-1]
def location(name, slug, s):
    l = {"id": len(locations) + 1, "name": name, "slug": slug}
    locations.append(dict(brief("dcim/locations", l), name=name, slug=slug,
        site=brief("dcim/sites", s, name=s["name"], slug=s["slug"]), parent=None,
        status=choice("active", "Active"), tenant=None, description="", tags=[], _depth=0))
    return locations[-1]
ROLES = {}
MODELS = ["OptiX OSN 9800", "OptiX PTN 7900", "NE40E", "UGW9811", "S9306", "OptiX PTN 950", "building", "48-Pair Fiber Panel"]
def role(slug, name):
    if slug not in ROLES: ROLES[slug] = {"id": len(ROLES) + 1, "name": name, "slug": slug}
    r = ROLES[slug]
    return brief("dcim/device-roles", r, name=r["name"], slug=r["slug"])
def device(name, role_slug, role_name, model, s, loc=None):
    d = {"id": len(devices) + 1, "name": name}
    devices.append(dict(brief("dcim/devices", d), name=name,
        device_type={"id": sorted(MODELS).index(model) + 1 if model in MODELS else 0, "url": f"{API}/dcim/device-types/1/", "display": model,
                     "manufacturer": {"id": 1, "url": f"{API}/dcim/manufacturers/1/", "display": "Huawei",
                                      "name": "Huawei", "slug": "huawei"}, "model": model, "slug": model.lower()},
        role=role(role_slug, role_name), tenant=None, platform=None, serial="", asset_tag=None,
        site=brief("dcim/sites", s, name=s["name"], slug=s["slug"]),
        location=None if loc is None else brief("dcim/locations", loc, name=loc["name"], slug=loc["slug"], _depth=0),
        rack=None, position=None, face=None, status=choice("active", "Active"), primary_ip=None, tags=[]))
    return devices[-1]
TYPES = {"GE": ("1000base-x-sfp", "SFP (1GE)"), "10GE": ("10gbase-x-sfpp", "SFP+ (10GE)"),
         "100GE": ("100gbase-x-qsfp28", "QSFP28 (100GE)"), "FE": ("100base-tx", "100BASE-TX (10/100ME)"),
         "virtual": ("virtual", "Virtual")}
def interface(dev, name, port):
    i = {"id": len(interfaces) + 1, "name": name}
    interfaces.append(dict(brief("dcim/interfaces", i), name=name,
        device=brief("dcim/devices", dev, name=dev["name"]), type=choice(*TYPES[port]), enabled=True,
        mtu=None, mark_connected=False, cable=None, link_peers=[], link_peers_type=None, tags=[]))
    return interfaces[-1]
def free(dev, port, count):
    for n in range(count): interface(dev, f"{port}0/9/{n}", port)
def cable(a, b, port, km, label=""):
    ia = interface(a, f"{port}0/1/{len([x for x in interfaces if x['device']['id'] == a['id']])}", port)
    ib = interface(b, f"{port}0/1/{len([x for x in interfaces if x['device']['id'] == b['id']])}", port)
    c = {"id": len(cables) + 1, "name": label or f"#{len(cables) + 1}"}
    end = lambda i, d: {"object_type": "dcim.interface", "object_id": i["id"],
        "object": {"id": i["id"], "url": i["url"], "display": i["name"],
                   "device": brief("dcim/devices", d, name=d["name"]), "name": i["name"], "cable": c["id"],
                   "_occupied": True}}
    for i in (ia, ib):
        i["cable"] = {"id": c["id"], "url": f"{API}/dcim/cables/{c['id']}/", "display": c["name"], "label": label}
    cables.append(dict(brief("dcim/cables", c), type="smf", a_terminations=[end(ia, a)],
        b_terminations=[end(ib, b)], status=choice("connected", "Connected"), tenant=None, label=label,
        color="", length=km, length_unit=choice("km", "Kilometers"), description="", tags=[]))

hubei = region("湖北", "hubei")
wuhan = region("武汉", "wuhan", hubei)
districts = {"HK": region("汉口", "hankou", wuhan), "WC": region("武昌", "wuchang", wuhan),
             "GG": region("光谷", "guanggu", wuhan)}
hk = site("汉口火车站", "wh-hk", 30.6190, 114.2510, "汉口火车站", districts["HK"])
wc = site("武昌中南路", "wh-wc", 30.5400, 114.3300, "武昌中南路", districts["WC"])
gg = site("光谷关山", "wh-gg", 30.4960, 114.4100, "光谷关山大道", districts["GG"])
hkr, wcr, ggr = location("汉口火车站机房", "hk-hcz", hk), location("武昌中南路机房", "wc-znl", wc), location("光谷关山机房", "gg-gs", gg)
core = {}
for s, r, key in ((hk, hkr, "HK"), (wc, wcr, "WC"), (gg, ggr, "GG")):
    core[key] = {"otn": device(f"OTN-{key}", "otn", "OTN", "OptiX OSN 9800", s, r),
                 "agg": device(f"PTN-AGG-{key}", "ptn", "PTN", "OptiX PTN 7900", s, r)}
    free(core[key]["otn"], "10GE", 4)
    free(core[key]["agg"], "GE", 8)
    cable(core[key]["agg"], core[key]["otn"], "10GE", 0.05)
cmnet_hk = device("CMNET-HK", "cmnet", "CMNET", "NE40E", hk, hkr)
cmnet_wc = device("CMNET-WC", "cmnet", "CMNET", "NE40E", wc, wcr)
ggsn = device("GGSN-HK", "ggsn", "GGSN", "UGW9811", hk, hkr)
vpn = device("GPRS-VPN-SW", "gprs-vpn", "GPRS-VPN switch", "S9306", hk, hkr)
for svc, key in ((cmnet_hk, "HK"), (cmnet_wc, "WC"), (ggsn, "HK"), (vpn, "HK")):
    free(svc, "GE", 4)
    cable(svc, core[key]["otn"], "10GE", 0.05)
cable(core["HK"]["otn"], core["WC"]["otn"], "100GE", 11.9)
cable(core["WC"]["otn"], core["GG"]["otn"], "100GE", 11.3)
cable(core["GG"]["otn"], core["HK"]["otn"], "100GE", 20.6)
cable(core["HK"]["agg"], core["WC"]["agg"], "10GE", 12.4)
cable(core["WC"]["agg"], core["GG"]["agg"], "10GE", 11.8)
cable(core["GG"]["agg"], core["HK"]["agg"], "10GE", 21.0)
n = 0
for key, s in (("HK", hk), ("WC", wc), ("GG", gg)):
    for k in range(1, 4):
        acc = device(f"PTN-ACC-{key}-{k}", "ptn", "PTN", "OptiX PTN 950", s)
        free(acc, "GE", 6)
        free(acc, "FE", 4)
        interface(acc, "Vlanif100", "virtual")
        cable(acc, core[key]["agg"], "GE", 1.2 * k)
        n += 1
        cs = site(f"客户{n:02}", f"cust-{n:02}", s["latitude"] + 0.004 * k, s["longitude"] + 0.003 * k, f"客户楼宇{n}",
                  districts[key])
        bld = device(f"BLD-{key}-{k}", "customer", "Customer site", "building", cs)
        cable(bld, acc, "GE", round(0.4 + 0.7 * k, 1), label=f"DROP-{key}-{k}")
device("ODF-HK-01", "patch-panel", "Patch Panel", "48-Pair Fiber Panel", hk, hkr)
device("ODF-GG-01", "patch-panel", "Patch Panel", "48-Pair Fiber Panel", gg, ggr)
def prefix(text, role_slug, description, tags=(), scope_site=None):
    p = {"id": len(prefixes) + 1, "name": text}
    scope = None if scope_site is None else brief("dcim/sites", scope_site, name=scope_site["name"],
                                                   slug=scope_site["slug"], description="")
    prefixes.append(dict(brief("ipam/prefixes", p), family=choice(4, "IPv4"), prefix=text, vrf=None,
        scope_type=None if scope_site is None else "dcim.site", scope_id=None if scope_site is None else scope_site["id"],
        scope=scope, tenant=None, vlan=None, status=choice("active", "Active"),
        role=None if role_slug is None else {"id": len(prefixes) + 1, "url": f"{API}/ipam/roles/1/",
                                              "display": role_slug, "name": role_slug, "slug": role_slug},
        is_pool=False, mark_utilized=False, description=description,
        tags=[{"id": 1, "url": f"{API}/extras/tags/1/", "display": t, "name": t, "slug": t, "color": "9e9e9e"}
              for t in tags]))
prefix("10.250.0.0/16", "interconnect", "WH-INTERCONNECT")
prefix("172.20.0.0/14", "customer-lan", "WH-LAN")
prefix("10.160.0.0/13", "apn", "WH-APN")
prefix("10.251.0.0/16", "tunnel", "WH-TUNNEL")
prefix("203.0.113.0/24", None, "WH-PUBLIC", tags=["cmnet"])
prefix("198.51.100.0/24", None, "WH-PUBLIC-GG", tags=["cmnet"], scope_site=gg)
prefix("10.99.0.0/16", "management", "OOB")
for key, items in (("regions", regions), ("sites", sites), ("locations", locations), ("devices", devices), ("interfaces", interfaces),
                   ("cables", cables), ("prefixes", prefixes)):
    out[key] = listing(items)
with open("Topologies/wuhan/netbox/export.json", "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(devices), "devices,", len(sites), "sites,", len(cables), "cables,", len(interfaces), "interfaces")
