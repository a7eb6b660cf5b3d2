#!/usr/bin/env python3
"""The layers of the library stay true (src/README.md).

Each folder of src/ is a layer whose README.md names, on its `May include:` line, the layers its
code may include. Every #include of a library header in src/<layer>/ and include/ogi/<layer>/
(`<ogi/L/...>` or, inside src/, `"L/..."`) must name one of them. The front ends (examples/,
python/) may include every public header but no internal one of src/.

Usage: layers_test.py SOURCE_DIR   (exit 0: the layers hold; 1: each include that breaks them is
printed with its file and line). It first checks itself on a small tree with one bad include.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def layers(root):
    """{layer: set of layers it may include}, read from src/<layer>/README.md."""
    out, problems = {}, []
    src = os.path.join(root, "src")
    for name in sorted(os.listdir(src)):
        folder = os.path.join(src, name)
        if not os.path.isdir(folder):
            continue
        readme = os.path.join(folder, "README.md")
        allowed = None
        if os.path.isfile(readme):
            for line in open(readme, encoding="utf-8"):
                if line.startswith("May include:"):
                    allowed = {w.strip() for w in line[len("May include:"):].split(",") if w.strip()}
        if allowed is None:
            problems.append(f"src/{name}/README.md: no 'May include:' line")
            continue
        out[name] = allowed
    for name in os.listdir(os.path.join(root, "include", "ogi")):
        if os.path.isdir(os.path.join(root, "include", "ogi", name)) and name not in out:
            problems.append(f"include/ogi/{name}/: no layer src/{name}/ with a README")
    return out, problems


def files_under(folder):
    for base, _, names in os.walk(folder):
        for n in sorted(names):
            if n.endswith((".cpp", ".hpp", ".h", ".cc")):
                yield os.path.join(base, n)


def included_layer(kind, target, known, internal_allowed):
    """The layer an include names, or None for a system or local header."""
    if kind == "<" and target.startswith("ogi/"):
        parts = target.split("/")
        return parts[1] if len(parts) > 2 else "ogi"  # <ogi/ogi.hpp>: the whole library
    if kind == '"' and internal_allowed:
        first = target.split("/")[0]
        if first in known and "/" in target:
            return first
    return None


def check(root):
    known, problems = layers(root)
    for layer, allowed in known.items():
        for tree, internal in ((os.path.join(root, "src", layer), True),
                               (os.path.join(root, "include", "ogi", layer), False)):
            if not os.path.isdir(tree):
                continue
            for path in files_under(tree):
                for no, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    used = included_layer(m.group(1), m.group(2), known, True)
                    if used is None:
                        continue
                    if used not in allowed:
                        rel = os.path.relpath(path, root)
                        problems.append(f"{rel}:{no}: layer '{layer}' includes '{m.group(2)}' of layer "
                                        f"'{used}' (it may include: {', '.join(sorted(allowed))})")
    for front in ("examples", "python"):
        tree = os.path.join(root, front)
        if not os.path.isdir(tree):
            continue
        for path in files_under(tree):
            for no, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
                m = INCLUDE.match(line)
                if m and m.group(1) == '"' and m.group(2).split("/")[0] in known and "/" in m.group(2):
                    rel = os.path.relpath(path, root)
                    problems.append(f"{rel}:{no}: a front end includes the internal header '{m.group(2)}'")
    return problems


def self_test():
    """The check finds a planted upward include, and passes the same tree without it."""
    with tempfile.TemporaryDirectory() as t:
        for layer, allowed in (("base", "base"), ("model", "base, model")):
            os.makedirs(os.path.join(t, "src", layer))
            os.makedirs(os.path.join(t, "include", "ogi", layer))
            with open(os.path.join(t, "src", layer, "README.md"), "w") as f:
                f.write(f"# {layer}\n\nMay include: {allowed}\n")
        good = os.path.join(t, "src", "model", "report.cpp")
        with open(good, "w") as f:
            f.write('#include <ogi/model/report.hpp>\n#include "base/text.hpp"\n#include <vector>\n')
        if check(t):
            return "the self-test's clean tree was refused: " + "; ".join(check(t))
        with open(os.path.join(t, "include", "ogi", "base", "decimal.hpp"), "w") as f:
            f.write("#pragma once\n#include <ogi/model/report.hpp>\n")
        with open(os.path.join(t, "src", "base", "text.cpp"), "w") as f:
            f.write('#include "model/report_io.hpp"\n')
        found = check(t)
        if len(found) != 2:
            return f"the self-test planted 2 upward includes, the check found {len(found)}: {found}"
    return None


def main():
    failure = self_test()
    if failure:
        print("layers_test: " + failure)
        return 1
    problems = check(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    for p in problems:
        print(p)
    if problems:
        print(f"layers_test: {len(problems)} include(s) break the layers (src/README.md)")
        return 1
    print("layers_test: every include keeps to its layer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
