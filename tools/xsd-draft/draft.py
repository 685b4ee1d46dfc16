#!/usr/bin/env python3
"""Draft one XML Schema per answer-file component from the reference fact table.

This script was run once to produce xsd/components/*.xsd.  The schemas in
xsd/ are the source of truth from then on and are maintained by hand; the
script is kept to document how the first draft was made (see README.md and
xsd/DECISIONS.md for every deviation from the fact table).

Usage (from the project root):
    python3 tools/xsd-draft/draft.py [--ref ../shared/reference] [--out xsd/components]

Only the Python standard library is used.
"""

import argparse
import json
import os
import re
import sys
from xml.sax.saxutils import escape, quoteattr

PASSES = ["windowsPE", "offlineServicing", "generalize", "specialize",
          "auditSystem", "auditUser", "oobeSystem"]
FORMATS = {"password", "path", "url", "guid", "ip_address", "language_tag",
           "product_key", "hex", "base64"}
XS = "http://www.w3.org/2001/XMLSchema"

# ---------------------------------------------------------------------------
# Corrections to the fact table.  Each one is explained in xsd/DECISIONS.md.
# Paths are element paths below the component, joined with "/".
# ---------------------------------------------------------------------------

# Other spellings of component names (real files or the reference).  Case-only
# variants are listed too: harmless, and they document what was seen.
ALIASES = {
    "Microsoft-Windows-SQMAPI": ["Microsoft-Windows-SQMApi"],
    "Microsoft-Windows-PnpSysprep": ["Microsoft-Windows-PnPSysprep"],
    "Microsoft-Windows-powercpl": ["Microsoft-Windows-PowerCPL"],
    "Microsoft-Windows-stobject": ["Microsoft-Windows-STObject"],
    "Microsoft-Windows-shwebsvc": ["Microsoft-Windows-SHWebSVC"],
    "Microsoft-Windows-StorPort-RegistrySettings": ["Microsoft-Windows-StorePort-RegistrySettings"],
    "Microsoft-Windows-TAPISetup": ["Microsoft-Windows-TapiSetup"],
    "Microsoft-Windows-TPM-Tasks": ["Microsoft-Windows-Tpm-Tasks"],
    "Microsoft-Windows-TwinUI": ["Microsoft-Windows-TwinUI-Tasks"],
    "Microsoft-Windows-Wlansvc": ["Microsoft-Windows-WLANSVC"],
    "Microsoft-Windows-WwanUI": ["Microsoft-Windows-WWANUI"],
}

# Settings the reference records with a passes section that states none.
PASSES_FILL = {
    ("Microsoft-Windows-Embedded-ShellLauncher", "UserSettings"): ["oobeSystem"],
    ("Microsoft-Windows-WPD-BusEnumService", "RegCacheUpdated"): ["specialize"],
}

# Items that are lists although the fact table has no list evidence.
EXTRA_LIST_ITEMS = {
    ("Microsoft-Windows-Embedded-ShellLauncher",
     "UserSettings/User/CustomReturnCodeAction/CodeAction"): "ReturnCode",
}

# Keys guessed where the fact table says "unknown".
LIST_KEY_GUESS = {
    ("Microsoft-Windows-Embedded-UnifiedWriteFilter",
     "ProtectedVolumeList/ProtectedVolumeEntry"): "DriveLetter",
    ("Microsoft-Windows-SNMP-Agent-Service",
     "TrapConfiguration/TrapConfigurationItems"): "Community_Name",
}

# Enumeration literals added to the documented ones (case variants used by
# real files or by the reference's own examples).
ENUM_EXTRA = {
    ("Microsoft-Windows-International-Core-WinPE", "SetupUILanguage/WillShowUI"): ["OnError"],
    ("Microsoft-Windows-NetworkLoadBalancing-Core",
     "Clusters/Cluster/Portrules/Portrule/Protocol"): ["Both"],
    ("Microsoft-Windows-Setup", "ImageInstall/OSImage/InstallFrom/MetaData/Key"):
        ["/image/index", "/image/name"],
    ("Microsoft-Windows-Setup", "ImageInstall/DataImage/InstallFrom/MetaData/Key"):
        ["/image/index", "/image/name"],
}

# Value corrections: replace the listed value fields.
VALUE_FIX = {
    # enumeration ['path'] is a placeholder row, not a literal
    ("Microsoft-Windows-IE-InternetExplorer", "FavoriteBarItems/FavoriteBarItem/ItemUrl"):
        {"kind": "string", "allowed_values": None, "base_type": None},
    # documented flags 1,2,4,8,16,32 combine (the example uses 17)
    ("Microsoft-Windows-Embedded-EmbeddedLogon", "BrandingNeutral"):
        {"kind": "integer", "allowed_values": None, "base_type": None,
         "range": {"min": 0, "max": 63}},
    # "0 (off) or 1-100"
    ("Microsoft-Windows-CoreMmRes", "CameraSoundLevel"):
        {"range": {"min": 0, "max": 100}},
    # stated minimum 10000 contradicts the page's own example (2000)
    ("Microsoft-Windows-NetworkLoadBalancing-Core", "Clusters/Cluster/IdentityHeartbeatPeriod"):
        {"range": None},
    # "0 or 1" depending on edition: no single default
    ("Microsoft-Windows-ErrorReportingCore", "DefaultConsent"):
        {"default": None},
    # Setup evidently ignores surrounding blanks here: "/IMAGE/NAME " (with a
    # trailing space) is in 57 well-formed real files from 18 repositories.
    # xs:token collapses whitespace before the enumeration is checked.
    ("Microsoft-Windows-Setup", "ImageInstall/OSImage/InstallFrom/MetaData/Key"):
        {"collapse_whitespace": True},
    ("Microsoft-Windows-Setup", "ImageInstall/DataImage/InstallFrom/MetaData/Key"):
        {"collapse_whitespace": True},
    # prefix-length range extracted from prose about "address/prefix"
    ("Microsoft-Windows-TCPIP", "Interfaces/Interface/UnicastIpAddresses/IpAddress"):
        {"range": None},
}

# Status overrides (None removes a status the extraction set).
STATUS_FIX = {
    # the Themes page lists WindowColor among the supported optional settings
    ("Microsoft-Windows-Shell-Setup", "Themes/WindowColor"): None,
    # current reference: child table says the setting is not supported
    ("Microsoft-Windows-MobilePC-Sensors-API", "AdaptiveBrightness/AutobrightnessLuxToNitsCurve"):
        "deprecated",
}

# Elements the fact table lacks.  spec: kind (boolean|integer|string|enumeration|
# container), status, passes (top level only), values, range, default, list_key,
# children (for containers: list of (name, spec)), doc.
ADDITIONS = [
    ("Microsoft-Windows-Shell-Setup", "OOBE", "SkipMachineOOBE",
     {"kind": "boolean", "status": "deprecated",
      "doc": "Older switch that skipped the machine part of Windows Welcome; documented as deprecated."}),
    ("Microsoft-Windows-Shell-Setup", "OOBE", "SkipUserOOBE",
     {"kind": "boolean", "status": "deprecated", "default": "false",
      "doc": "Older switch that skipped the per-user part of Windows Welcome."}),
    ("Microsoft-Windows-Shell-Setup", "", "ShowWindowsLive",
     {"kind": "boolean", "status": "undocumented", "passes": ["specialize", "oobeSystem"],
      "doc": "Windows 7 era switch for the Windows Live entry point."}),
    ("Microsoft-Windows-Shell-Setup", "Display", "DPI",
     {"kind": "integer", "status": "undocumented",
      "doc": "Display resolution in dots per inch; used by older answer files."}),
    ("Microsoft-Windows-Shell-Setup", "Themes", "DefaultThemesOff",
     {"kind": "boolean", "status": "deprecated",
      "doc": "Selected the classic visual style; gone since Windows 8."}),
    ("Microsoft-Windows-Shell-Setup", "WindowsFeatures", "ShowWindowsMail",
     {"kind": "boolean", "status": "undocumented",
      "doc": "Windows Vista era entry-point switch for Windows Mail."}),
    ("Microsoft-Windows-SecureStartup-FilterDriver", "", "InPlaceCrypto",
     {"kind": "string", "status": "deprecated"}),
    ("Microsoft-Windows-SecureStartup-FilterDriver", "", "ModifiedWriteMaximum",
     {"kind": "string", "status": "deprecated"}),
    ("Microsoft-Windows-SecureStartup-FilterDriver", "", "ReadDoubleBuffering",
     {"kind": "string", "status": "deprecated"}),
    ("Microsoft-Windows-IE-InternetExplorer", "SearchScopes/Scope", "DisplayQuickPick",
     {"kind": "string", "status": "deprecated"}),
    ("Microsoft-Windows-IE-InternetExplorer", "SearchScopes/Scope", "ShowTopResult",
     {"kind": "string", "status": "deprecated"}),
    ("Microsoft-Windows-IE-InternetExplorer", "SearchScopes/Scope", "TopResultURL",
     {"kind": "string", "status": "deprecated"}),
] + [
    ("Microsoft-Windows-IE-InternetExplorer", "", n, {"kind": "string", "status": "deprecated"})
    for n in ("AllSitesCompatibilityMode", "DisableWelcomePage", "NoDial",
              "ShowCompatibilityViewButton", "SmallCommandBarIcons", "EnableLinksBar",
              "ShowCommandBar", "ShowMenuBar", "ShowStatusBar", "IEWelcomeMsg",
              "PrintBackground")
] + [
    ("Microsoft-Windows-MobilePC-Sensors-API", "", "SensorPermissions",
     {"kind": "container", "status": "deprecated", "passes": ["specialize"],
      "children": [("Sensor", {"kind": "container", "list_key": "Order",
                               "children": [("Enable", {"kind": "string"}),
                                            ("GUID", {"kind": "string"}),
                                            ("GUIDClassification", {"kind": "string"}),
                                            ("Order", {"kind": "string"})]})]}),
    ("Microsoft-Windows-Embedded-KeyboardFilterService", "", "WindowsSpacebar",
     {"kind": "enumeration", "base_type": "string", "values": ["Allowed", "Blocked"],
      "default": "Allowed", "status": "undocumented", "passes": ["offlineServicing"]}),
    ("Microsoft-Windows-MobilePC-Sensors-API", "AdaptiveBrightness", "DefaultSliderPercentage",
     {"kind": "integer", "range": {"min": 0, "max": 100}, "status": "undocumented"}),
]


class Node:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind            # "component" | "container" | "leaf"
        self.children = []          # list of Node, in declaration order
        self.value = {}             # leaf value facts
        self.list_item = False
        self.list_key = None        # "Order", "@wcm:keyValue", ...
        self.status = None
        self.passes = None          # top-level settings only
        self.doc = None
        self.since = None

    def child(self, name):
        for c in self.children:
            if c.name == name:
                return c
        return None


def log(msg):
    print(msg, file=sys.stderr)


def canon_passes(ps):
    s = set(ps)
    unknown = s - set(PASSES)
    if unknown:
        raise ValueError("unknown passes %s" % unknown)
    return [p for p in PASSES if p in s]


def record_status(rec):
    st = rec.get("status") or {}
    for c in st.get("change_log", []):
        if c.get("change") in ("deprecated", "removed"):
            return "deprecated"
    # "deprecated_in_parent_table" alone is not used: it is set for every row of
    # a child table in which any row mentions deprecation.
    if st.get("deprecated_mentioned") or st.get("removed_or_unsupported_mentioned"):
        return "deprecated"
    return None


def value_from_record(v):
    out = {
        "kind": v.get("kind") or "string",
        "base_type": v.get("base_type"),
        "allowed_values": list(v["allowed_values"]) if v.get("allowed_values") else None,
        "range": dict(v["range"]) if v.get("range") else None,
        "max_length": v.get("max_length"),
        "max_length_unit": v.get("max_length_unit"),
        "default": v.get("default"),
        "format": v.get("format"),
    }
    return out


def build_reference_tree(records):
    comps = {}
    ordered = sorted(records, key=lambda r: r["depth"])
    by_id = {}
    for r in ordered:
        if r["node_kind"] == "component":
            n = Node(r["component"], "component")
            comps[r["component"]] = n
            by_id[r["id"]] = (n, r)
            continue
        parent_id = "/".join([r["component"]] + r["path"][:-1])
        parent, prec = by_id[parent_id]
        if r.get("xml_form") == "attribute":
            # a "Key" page: the wcm:keyValue attribute of its parent list item
            if not prec.get("list_item"):
                raise ValueError("keyValue on a non-list item: " + r["id"])
            parent.list_key = "@wcm:keyValue"
            continue
        n = Node(r["name"], "leaf" if r["node_kind"] == "leaf" else "container")
        if r["node_kind"] == "leaf":
            n.value = value_from_record(r.get("value") or {})
        n.list_item = bool(r.get("list_item"))
        lk = r.get("list_key") or {}
        if n.list_item and lk.get("kind") == "element":
            n.list_key = lk["name"]
        elif n.list_item and lk.get("kind") == "attribute":
            n.list_key = "@wcm:keyValue"
        n.status = record_status(r)
        if r["depth"] == 1:
            ps = r.get("passes") or []
            if not ps:
                ps = PASSES_FILL.get((r["component"], r["name"])) or r.get("xml_example_passes") or []
            n.passes = canon_passes(ps) if ps else None
        parent.children.append(n)
        by_id[r["id"]] = (n, r)
    # children in the order of the parent's child table where given
    for n, r in by_id.values():
        order = r.get("children") or []
        pos = {name: i for i, name in enumerate(order)}
        n.children.sort(key=lambda c: (pos.get(c.name, len(order)), c.name.lower()))
    return comps


def find(root, path):
    n = root
    for seg in [s for s in path.split("/") if s]:
        n = n.child(seg)
        if n is None:
            raise KeyError("no element %s below %s" % (path, root.name))
    return n


def collapse_simple_list_items(node):
    """Items keyed by wcm:keyValue whose only other page is 'Value' carry that
    value as text content: <IpAddress wcm:action="add" wcm:keyValue="1">10.0.0.1</IpAddress>."""
    for c in node.children:
        collapse_simple_list_items(c)
        if c.kind == "container" and c.list_item and c.list_key == "@wcm:keyValue" \
                and [g.name for g in c.children] == ["Value"]:
            v = c.children[0]
            c.kind = "leaf"
            c.value = v.value
            c.children = []


def spec_to_node(name, spec):
    kind = spec["kind"]
    n = Node(name, "container" if kind == "container" else "leaf")
    n.status = spec.get("status")
    n.doc = spec.get("doc")
    if spec.get("passes"):
        n.passes = canon_passes(spec["passes"])
    if kind == "container":
        for cname, cspec in spec.get("children", []):
            n.children.append(spec_to_node(cname, cspec))
        if spec.get("list_key"):
            n.list_item = True
            n.list_key = spec["list_key"]
    else:
        n.value = {"kind": kind, "base_type": spec.get("base_type"),
                   "allowed_values": spec.get("values"), "range": spec.get("range"),
                   "max_length": None, "max_length_unit": None,
                   "default": spec.get("default"), "format": spec.get("format")}
    return n


def add_sensors_core(comps, post):
    entry = post["new_in_current_reference"][0]
    cname = entry["component"]
    root = Node(cname, "component")
    root.since = "Windows 11"
    passes = canon_passes(entry["container"]["passes"])

    def leaf(s):
        kind = s["kind"]
        spec = {"kind": kind, "default": s.get("default")}
        if kind == "enumeration":
            spec["values"] = s["allowed_values"]
            spec["base_type"] = s.get("base_type")
        if kind == "integer" and s.get("unsigned"):
            spec["range"] = {"min": 0}
        return spec

    # The settings' own pages name the component as their parent; their URLs
    # put them below HumanPresenceSetting.  Both forms are declared.
    hp = Node(entry["container"]["name_from_slug"], "container")
    hp.passes = passes
    for s in entry["settings"]:
        n = spec_to_node(s["name_from_slug"], leaf(s))
        n.passes = passes
        root.children.append(n)
        hp.children.append(spec_to_node(s["name_from_slug"], leaf(s)))
    root.children.append(hp)
    root.children.sort(key=lambda c: c.name.lower())
    comps[cname] = root


def apply_corrections(comps):
    for (c, path), key in EXTRA_LIST_ITEMS.items():
        n = find(comps[c], path)
        n.list_item, n.list_key = True, key
    for (c, path), key in LIST_KEY_GUESS.items():
        n = find(comps[c], path)
        assert n.list_item and n.list_key is None, path
        n.list_key = key
    for (c, path), vals in ENUM_EXTRA.items():
        n = find(comps[c], path)
        assert n.value["kind"] == "enumeration", path
        for v in vals:
            if v not in n.value["allowed_values"]:
                n.value["allowed_values"].append(v)
    for (c, path), fix in VALUE_FIX.items():
        n = find(comps[c], path)
        n.value.update(fix)
    for (c, path), st in STATUS_FIX.items():
        find(comps[c], path).status = st
    for c, parent, name, spec in ADDITIONS:
        p = find(comps[c], parent)
        if p.child(name) is not None:
            raise ValueError("already declared: %s/%s/%s" % (c, parent, name))
        n = spec_to_node(name, spec)
        if not parent and n.passes is None:
            n.passes = component_union(comps[c])
        p.children.append(n)
        p.children.sort(key=lambda x: x.name.lower())


def component_union(root):
    s = set()
    for c in root.children:
        s.update(c.passes or [])
    return [p for p in PASSES if p in s]


# ---------------------------------------------------------------------------
# Normalisation of leaf values
# ---------------------------------------------------------------------------

INT_RE = re.compile(r"^[+-]?\d+$")


def normalise_value(path, v):
    kind = v["kind"]
    if kind == "enumeration":
        vals = v["allowed_values"] or []
        if v.get("base_type") == "integer" and not all(INT_RE.match(x) for x in vals):
            v["base_type"] = "string"
        if not v.get("base_type"):
            v["base_type"] = "integer" if vals and all(INT_RE.match(x) for x in vals) else "string"
    d = v.get("default")
    if d is not None:
        ok = True
        if kind == "boolean":
            if d.lower() in ("true", "false"):
                v["default"] = d.lower()
            else:
                ok = False
        elif kind == "integer":
            ok = bool(INT_RE.match(d))
        elif kind == "enumeration":
            ok = d in (v["allowed_values"] or [])
        if not ok:
            log("dropped default %r of %s" % (d, path))
            v["default"] = None
    if v.get("format") and v["format"] not in FORMATS:
        log("dropped format %r of %s" % (v["format"], path))
        v["format"] = None
    return v


# ---------------------------------------------------------------------------
# Emission
# ---------------------------------------------------------------------------

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"'
          ' xmlns="urn:schemas-microsoft-com:unattend"'
          ' xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State"'
          ' xmlns:u="urn:unattend:annotations"'
          ' targetNamespace="urn:schemas-microsoft-com:unattend"'
          ' elementFormDefault="qualified" attributeFormDefault="unqualified">\n'
          '  <xs:import namespace="http://schemas.microsoft.com/WMIConfig/2002/State"'
          ' schemaLocation="../wcm.xsd"/>\n')


def setting_annotation(n, top_level, ind):
    attrs = []
    if top_level:
        attrs.append(("passes", " ".join(n.passes)))
    if n.list_item and n.list_key:
        attrs.append(("list-key", n.list_key))
    if n.status:
        attrs.append(("status", n.status))
    if n.kind == "leaf":
        v = n.value
        if v.get("default") is not None:
            attrs.append(("default", v["default"]))
        if v.get("max_length") and v.get("max_length_unit") == "bytes":
            attrs.append(("max-length-unit", "bytes"))
        if v.get("format"):
            attrs.append(("format", v["format"]))
    if not attrs and not n.doc:
        return []
    lines = [ind + "<xs:annotation>"]
    if attrs:
        lines.append(ind + "  <xs:appinfo><u:setting%s/></xs:appinfo>"
                     % "".join(" %s=%s" % (k, quoteattr(val)) for k, val in attrs))
    if n.doc:
        lines.append(ind + "  <xs:documentation>%s</xs:documentation>" % escape(n.doc))
    lines.append(ind + "</xs:annotation>")
    return lines


def simple_type_lines(v, ind):
    """Returns (type attribute or None, lines of an anonymous simpleType)."""
    kind = v["kind"]
    if kind == "boolean":
        return "xs:boolean", []
    if kind == "integer":
        rg = v.get("range") or {}
        if "min" not in rg and "max" not in rg:
            return "xs:integer", []
        body = []
        if "min" in rg:
            body.append('<xs:minInclusive value="%d"/>' % rg["min"])
        if "max" in rg:
            body.append('<xs:maxInclusive value="%d"/>' % rg["max"])
        return None, restriction("xs:integer", body, ind)
    if kind == "enumeration":
        if v["base_type"] == "integer":
            base = "xs:integer"
        else:
            base = "xs:token" if v.get("collapse_whitespace") else "xs:string"
        body = ['<xs:enumeration value=%s/>' % quoteattr(x) for x in v["allowed_values"]]
        return None, restriction(base, body, ind)
    # string, other, unknown
    if v.get("max_length"):
        return None, restriction("xs:string", ['<xs:maxLength value="%d"/>' % v["max_length"]], ind)
    return "xs:string", []


def restriction(base, body, ind):
    lines = [ind + "<xs:simpleType>", ind + '  <xs:restriction base="%s">' % base]
    lines += [ind + "    " + b for b in body]
    lines += [ind + "  </xs:restriction>", ind + "</xs:simpleType>"]
    return lines


def list_attributes(n, ind):
    lines = [ind + '<xs:attribute ref="wcm:action"/>']
    if n.list_key == "@wcm:keyValue":
        lines.append(ind + '<xs:attribute ref="wcm:keyValue"/>')
    return lines


def content_model(n, ind):
    if not n.children:
        return []
    as_choice = any(c.list_item for c in n.children)
    lines = [ind + ('<xs:choice minOccurs="0" maxOccurs="unbounded">' if as_choice else "<xs:all>")]
    for c in n.children:
        lines += element_lines(c, ind + "  ", in_choice=as_choice, top_level=(n.kind == "component"))
    lines.append(ind + ("</xs:choice>" if as_choice else "</xs:all>"))
    return lines


def element_lines(n, ind, in_choice, top_level):
    occ = "" if in_choice else ' minOccurs="0"'
    ann = setting_annotation(n, top_level, ind + "  ")
    if n.kind == "leaf" and n.list_item:
        # list item with a simple value: text content plus the wcm attributes
        tattr, tlines = simple_type_lines(n.value, ind)
        base = tattr if tattr else "xs:string"
        lines = [ind + '<xs:element name=%s%s>' % (quoteattr(n.name), occ)] + ann
        lines += [ind + "  <xs:complexType>", ind + "    <xs:simpleContent>",
                  ind + '      <xs:extension base="%s">' % base]
        lines += list_attributes(n, ind + "        ")
        lines += [ind + "      </xs:extension>", ind + "    </xs:simpleContent>",
                  ind + "  </xs:complexType>", ind + "</xs:element>"]
        return lines
    if n.kind == "leaf":
        tattr, tlines = simple_type_lines(n.value, ind + "  ")
        t = ' type="%s"' % tattr if tattr else ""
        if not ann and not tlines:
            return [ind + '<xs:element name=%s%s%s/>' % (quoteattr(n.name), t, occ)]
        return ([ind + '<xs:element name=%s%s%s>' % (quoteattr(n.name), t, occ)]
                + ann + tlines + [ind + "</xs:element>"])
    # container
    lines = [ind + '<xs:element name=%s%s>' % (quoteattr(n.name), occ)] + ann
    lines.append(ind + "  <xs:complexType>")
    lines += content_model(n, ind + "    ")
    if n.list_item:
        lines += list_attributes(n, ind + "    ")
    lines += [ind + "  </xs:complexType>", ind + "</xs:element>"]
    return lines


def component_schema(root):
    comp_attrs = ""
    if ALIASES.get(root.name):
        comp_attrs += " aliases=%s" % quoteattr(" ".join(ALIASES[root.name]))
    if root.since:
        comp_attrs += " since=%s" % quoteattr(root.since)
    lines = [HEADER.rstrip("\n")]
    lines.append('  <xs:element name=%s>' % quoteattr(root.name))
    lines.append("    <xs:annotation>")
    lines.append("      <xs:appinfo><u:component%s/></xs:appinfo>" % comp_attrs)
    lines.append("    </xs:annotation>")
    lines.append("    <xs:complexType>")
    lines += content_model(root, "      ")
    lines.append("    </xs:complexType>")
    lines.append("  </xs:element>")
    lines.append("</xs:schema>")
    return "\n".join(lines) + "\n"


def walk(n, prefix=""):
    for c in n.children:
        p = prefix + "/" + c.name if prefix else c.name
        yield p, c
        yield from walk(c, p)


def check_tree(root):
    for c in root.children:
        if not c.passes:
            raise ValueError("top-level setting without passes: %s/%s" % (root.name, c.name))
    for p, n in walk(root):
        if n.kind == "leaf":
            normalise_value(root.name + "/" + p, n.value)
        names = [c.name for c in n.children]
        if len(names) != len(set(names)):
            raise ValueError("duplicate child names below " + p)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root_dir = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default=os.path.join(root_dir, "..", "shared", "reference"))
    ap.add_argument("--out", default=os.path.join(root_dir, "xsd", "components"))
    args = ap.parse_args()

    with open(os.path.join(args.ref, "settings.json"), encoding="utf-8") as f:
        records = json.load(f)["records"]
    with open(os.path.join(args.ref, "post2018_findings.json"), encoding="utf-8") as f:
        post = json.load(f)

    comps = build_reference_tree(records)
    for root in comps.values():
        collapse_simple_list_items(root)
    add_sensors_core(comps, post)
    apply_corrections(comps)

    os.makedirs(args.out, exist_ok=True)
    total = 0
    for name in sorted(comps):
        root = comps[name]
        check_tree(root)
        total += sum(1 for _ in walk(root))
        with open(os.path.join(args.out, name + ".xsd"), "w", encoding="utf-8", newline="\n") as f:
            f.write(component_schema(root))
    log("%d component schemas, %d setting declarations" % (len(comps), total))


if __name__ == "__main__":
    main()
