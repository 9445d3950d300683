#!/usr/bin/env python3
"""Parse every golden configuration under Golden/ with hier_config (an independent reader) and check
its structure: interfaces with their addresses, sub-interfaces with their VLAN, E1 controllers, and
static routes at the root. Exits non-zero on the first file that fails.

    python3 -m venv /tmp/hc && /tmp/hc/bin/pip install hier-config==3.7.1
    /tmp/hc/bin/python Tests/RouterConfigsTests/check-with-hier-config.py [FOLDER ...]

With folders, every *.cfg below each is read (the demo orders' configurations under
Tests/LinePlanCLITests/Golden); without, this folder's Golden/.

VRP paste scripts are turned into display form first: 'system-view', 'quit', 'return', 'save' and
'y' are dropped, so every block reads as `display current-configuration` shows it.
"""
import pathlib
import re
import sys

from hier_config import Platform, get_hconfig

GOLDEN = pathlib.Path(__file__).resolve().parent / "Golden"
SCRIPT_ONLY = {"system-view", "quit", "return", "save", "y"}


def display_form(text):
    """A VRP paste script as display output: the script-only lines removed, '#' between blocks."""
    lines = []
    for line in text.splitlines():
        if line.strip() in SCRIPT_ONLY:
            continue
        if not line.startswith(" ") and lines:
            lines.append("#")
        lines.append(line)
    return "\n".join(lines) + "\n"


def expected(text, ios):
    """What the file says, read with plain regular expressions: the reference for hier_config."""
    blocks = {}
    routes = []
    current = None
    for line in text.splitlines():
        if line.startswith(("interface ", "controller ")):
            current = line
            blocks[current] = []
        elif line.startswith(" ") and current:
            # hier_config's IOS driver drops 'no ip address' (the default); VRP's 'quit' is script-only.
            if line.strip() not in SCRIPT_ONLY and line.strip() != "no ip address":
                blocks[current].append(line.strip())
        else:
            current = None
            if re.match(r"^ip route(-static)? ", line):
                routes.append(line)
    return blocks, routes


def check(path):
    text = path.read_text()
    ios = path.name.endswith(".ios.cfg")
    config = get_hconfig(Platform.CISCO_IOS if ios else Platform.HUAWEI_VRP, text if ios else display_form(text))
    problems = []
    blocks, routes = expected(text, ios)
    root = {child.text: child for child in config.children}
    for header, body in blocks.items():
        node = root.get(header)
        if node is None:
            problems.append(f"{header!r} is not a root section")
            continue
        children = [child.text for child in node.children]
        for line in body:
            if line not in children:
                problems.append(f"{header!r} lacks {line!r} (hier_config sees {children})")
        if header.startswith("interface ") and "." in header.split()[1]:
            vlan = header.split(".")[-1]
            if not any(re.search(rf"(dot1Q|dot1q termination vid|vlan-type dot1q vid) {vlan}$", c) for c in children):
                problems.append(f"sub-interface {header!r} has no VLAN {vlan}")
        if header.startswith("interface ") and not header.startswith("interface Tunnel"):
            addressed = any(c.startswith("ip address ") and "unnumbered" not in c for c in children)
            trunk = any(other.startswith(header + ".") for other in blocks)
            if not addressed and not trunk:
                problems.append(f"{header!r} has no address")
        if header.startswith("controller "):
            if not any(re.match(r"^channel-(group|set) \d+ timeslot", c) for c in children):
                problems.append(f"{header!r} has no channel")
    for route in routes:
        node = root.get(route)
        if node is None or node.children:
            problems.append(f"route {route!r} is not a childless root line")
    serials = [h for h in blocks if h.startswith("interface Serial")]
    for header in serials:
        ppp = "encapsulation ppp" if ios else "link-protocol ppp"
        if ppp not in [c.text for c in root[header].children]:
            problems.append(f"{header!r} lacks {ppp!r}")
    return problems


def main():
    folders = [pathlib.Path(argument) for argument in sys.argv[1:]] or [GOLDEN]
    failed = 0
    for folder in folders:
        files = sorted(folder.rglob("*.cfg"))
        if not files:
            print(f"no golden configurations in {folder}", file=sys.stderr)
            return 1
        for path in files:
            name = path.relative_to(folder)
            problems = check(path)
            for problem in problems:
                print(f"{name}: error: {problem}", file=sys.stderr)
            failed += bool(problems)
            if not problems:
                print(f"{name}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
