#!/usr/bin/env python3
"""python3 tests/layering_test.py SOURCE_DIR

The folders of model/ depend downwards only (docs/architecture.md). The order is
read from `set(layers ...)` in model/CMakeLists.txt, the list the libraries are
built from, so the test, the build and the doc name one order. A folder uses
another when one of its files includes a file of that folder ("folder/x.hpp") or
a public header <unattend/x.hpp> that folder defines (PUBLIC_HEADERS below).
Fails naming the file, the line and both folders for every upward include."""
import pathlib
import re
import sys

# Which folder defines what a public header declares. Header-only headers
# (nothing to link) are None: including them adds no edge. A header missing
# here fails the test, so a new header cannot slip past unmapped.
PUBLIC_HEADERS = {
    "answer_file.hpp": "edit",
    "atomic_file.hpp": "platform",
    "boolean.hpp": None,
    "check.hpp": "check",
    "config.hpp": "config",
    "detail/join.hpp": None,
    "diagnostic.hpp": "vocabulary",
    "dom.hpp": "edit",
    "error.hpp": None,
    "explain.hpp": "explain",
    "fix.hpp": "fix",
    "input.hpp": "platform",
    "lists.hpp": None,
    "package.hpp": "package",
    "pass.hpp": "vocabulary",
    "password.hpp": "vocabulary",
    "schema.hpp": "schema",
    "setting_editor.hpp": "edit",
    "setup.hpp": "explain",
    "spec.hpp": "generation",
    "spec_yaml.hpp": "generation/yaml",
    "template.hpp": "template",
    "text_edit.hpp": "xml",
    "time_zones.hpp": "check/rules",
    "validator.hpp": "schema",
    "version.hpp": None,
}

# Upward includes left for now, each for a struct only (no function of the
# folder above is called or linked). xml/document.hpp could declare the two
# structs it points to instead; xml/ is being changed on another branch, so
# that waits. An entry that no longer matches an include fails too, so the
# list only shrinks.
LEFT = {
    ("xml/document.hpp", "unattend/schema.hpp"): "ComponentInfo, the declaration an element is tied to",
}


def layers(source):
    cmake = (source / "model" / "CMakeLists.txt").read_text()
    found = re.search(r"set\(layers\s+([^)]*)\)", cmake)
    if not found:
        sys.exit("model/CMakeLists.txt has no set(layers ...)")
    return found.group(1).split()


def folder_of(relative, order):
    """The deepest declared folder holding relative (a path under model/)."""
    best = None
    for folder in order:
        if relative == folder or relative.startswith(folder + "/"):
            if best is None or len(folder) > len(best):
                best = folder
    return best


def main():
    source = pathlib.Path(sys.argv[1]).resolve()
    model = source / "model"
    order = layers(source)
    rank = {folder: index for index, folder in enumerate(order)}
    failures = []
    left = set(LEFT)

    headers = sorted(str(p.relative_to(source / "include" / "unattend")).removesuffix(".in")
                     for p in (source / "include" / "unattend").rglob("*.hpp*"))
    for header in headers:
        if header not in PUBLIC_HEADERS:
            failures.append(f"include/unattend/{header}: not in PUBLIC_HEADERS, say which folder defines it")
    for header, folder in PUBLIC_HEADERS.items():
        if folder is not None and folder not in rank:
            failures.append(f"PUBLIC_HEADERS: {header} maps to {folder}, not a layer")

    include = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
    files = sorted(p for p in model.rglob("*") if p.suffix in (".cpp", ".hpp", ".ipp"))
    for path in files:
        relative = str(path.relative_to(model))
        own = folder_of(relative, order)
        if own is None:
            failures.append(f"model/{relative}: in no folder of set(layers ...)")
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            match = include.match(line)
            if not match:
                continue
            bracket, target = match.groups()
            if bracket == "<":
                if not target.startswith("unattend/"):
                    continue
                used = PUBLIC_HEADERS.get(target.removeprefix("unattend/"))
            else:
                used = folder_of(target, order)
                if used is None and "/" in target:
                    failures.append(f"model/{relative}:{number}: {target} is in no folder of set(layers ...)")
            if used is not None and rank[used] > rank[own]:
                if (relative, target) in LEFT:
                    left.discard((relative, target))
                    continue
                failures.append(f"model/{relative}:{number}: {own} includes {target}, of {used}, a layer above it")

    for relative, target in sorted(left):
        failures.append(f"LEFT: model/{relative} no longer includes {target} upwards: remove the entry")
    for failure in failures:
        print(failure)
    print(f"{len(files)} files, layers bottom to top: {' '.join(order)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
