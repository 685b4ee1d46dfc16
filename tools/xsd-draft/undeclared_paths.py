#!/usr/bin/env python3
"""List element paths that real answer files use but the component schemas do not declare.

For every well-formed file of the corpus (manifest.tsv, column well_formed) and every
<component> whose name matches a schema in xsd/components (case-insensitively or through
u:component/@aliases), each element path below the component is looked up among the
schema's declarations.  Paths that are not declared are printed with the number of files
and repositories that use them, most used first.  A path that differs from a declared one
only in case is marked "case".

Usage (from the project root):
    python3 tools/xsd-draft/undeclared_paths.py [--corpus ../shared/corpus] [--schemas xsd/components]

Only the Python standard library is used.
"""

import argparse
import collections
import csv
import os
import re
import xml.etree.ElementTree as ET

XS = "{http://www.w3.org/2001/XMLSchema}"
U = "{urn:unattend:annotations}"
NS = "urn:schemas-microsoft-com:unattend"


def declared_paths(schema_file):
    root = ET.parse(schema_file).getroot()
    comp = root.find(XS + "element")
    paths = set()

    def walk(el, prefix):
        ct = el.find(XS + "complexType")
        if ct is None:
            return
        for model in ct:
            if model.tag in (XS + "all", XS + "choice"):
                for child in model.findall(XS + "element"):
                    p = prefix + [child.get("name")]
                    paths.add("/".join(p))
                    walk(child, p)

    walk(comp, [])
    info = comp.find(XS + "annotation/" + XS + "appinfo/" + U + "component")
    aliases = (info.get("aliases") or "").split() if info is not None else []
    return comp.get("name"), aliases, paths


def load_xml(path):
    data = open(path, "rb").read()
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        # a few files declare utf-8 but are UTF-16: decode and drop the declaration
        for enc in ("utf-16", "utf-8-sig", "latin-1"):
            try:
                text = re.sub(r"^\s*<\?xml[^>]*\?>", "", data.decode(enc))
                return ET.fromstring(text)
            except (UnicodeDecodeError, ET.ParseError):
                continue
    return None


def local(tag):
    return tag.rsplit("}", 1)[-1]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root_dir = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(root_dir, "..", "shared", "corpus"))
    ap.add_argument("--schemas", default=os.path.join(root_dir, "xsd", "components"))
    ap.add_argument("--min-files", type=int, default=1)
    args = ap.parse_args()

    by_name, declared = {}, {}
    for f in sorted(os.listdir(args.schemas)):
        if f.endswith(".xsd"):
            name, aliases, paths = declared_paths(os.path.join(args.schemas, f))
            declared[name] = paths
            for n in [name] + aliases:
                by_name[n.lower()] = name

    files = collections.defaultdict(set)
    repos = collections.defaultdict(set)
    with open(os.path.join(args.corpus, "manifest.tsv"), encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")
                if r["well_formed"] == "yes" and r.get("location", "files") == "files"]
    for r in rows:
        doc = load_xml(os.path.join(args.corpus, "files", r["id"] + ".xml"))
        if doc is None:
            continue
        for comp in doc.iter("{%s}component" % NS):
            name = by_name.get((comp.get("name") or "").lower())
            if not name:
                continue

            def walk(el, prefix):
                for child in el:
                    if not isinstance(child.tag, str):
                        continue
                    p = prefix + [local(child.tag)]
                    key = "/".join(p)
                    if key not in declared[name]:
                        files[(name, key)].add(r["id"])
                        repos[(name, key)].add(r["repo"])
                    else:
                        walk(child, p)

            walk(comp, [])

    lower = {n: {p.lower() for p in ps} for n, ps in declared.items()}
    for (name, path), ids in sorted(files.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(ids) < args.min_files:
            continue
        mark = "case" if path.lower() in lower[name] else "new"
        print("%4d files %3d repos  %-4s  %s/%s" % (len(ids), len(repos[(name, path)]), mark, name, path))


if __name__ == "__main__":
    main()
