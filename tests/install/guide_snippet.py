#!/usr/bin/env python3
"""guide_snippet.py GUIDE PROGRAM HEADING

The first C++ block under HEADING in GUIDE (docs/library.md) is the program
PROGRAM (examples/library/build_from_intent.cpp), which install.core_alone
compiles and runs: every line of the block is a line of the program, in the
same order, indentation aside. A change to either that the other lacks fails
here, so that the guide's first lines cannot drift from code that works."""
import sys


def block_under(guide: str, heading: str) -> list[str]:
    lines = guide.splitlines()
    start = lines.index(heading)
    opening = next(i for i in range(start, len(lines)) if lines[i].strip() == "```cpp")
    closing = next(i for i in range(opening + 1, len(lines)) if lines[i].strip() == "```")
    return lines[opening + 1:closing]


def main() -> int:
    guide_path, program_path, heading = sys.argv[1:4]
    with open(guide_path, encoding="utf-8") as f:
        block = [line.strip() for line in block_under(f.read(), heading) if line.strip()]
    with open(program_path, encoding="utf-8") as f:
        program = [line.strip() for line in f.read().splitlines()]
    at = 0
    for line in block:
        try:
            at = program.index(line, at) + 1
        except ValueError:
            print(f"{guide_path} ({heading}): not in {program_path}, or not in this order:\n  {line}")
            return 1
    if len(block) < 10:
        print(f"{guide_path} ({heading}): the block has {len(block)} lines; the program is longer")
        return 1
    print(f"{len(block)} lines of the guide are lines of {program_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
