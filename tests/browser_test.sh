#!/usr/bin/env bash
# `ogi render --check` in a real browser: headless Chromium (Debian's chromium package, which
# scripts/bootstrap installs) loads the checked page of the seed report with one slip, with no
# console error; the marked cells, their related cells and the legend are in the DOM it built;
# and a screenshot of the page is taken and is a real image.
#
# Usage: OGI=path/to/ogi bash tests/browser_test.sh [SCREENSHOT.png]
# Exit status 77 (reported by ctest as skipped) only when chromium is not installed.
# OGI_BROWSER_KEEP=DIR keeps the page, the DOM, the console log and the screenshot in DIR.
set -euo pipefail
: "${OGI:?set OGI to the ogi binary}"
src=$(cd "$(dirname "$0")/.." && pwd)

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "browser test: chromium is not installed (scripts/bootstrap installs it): skipped"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Chromium as root needs --no-sandbox; nothing may reach the network, nothing is kept.
run_chromium() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 "$@"
}

# Console messages as Chromium logs them with --enable-logging=stderr ("[…:INFO:CONSOLE:2]
# "Uncaught ReferenceError: …", source: …"), whatever their level: the page has no script, so
# any console message at all is the browser reporting a problem with it.
console_errors() {
  grep -E ':CONSOLE[:(]|Uncaught|Failed to load resource|Not allowed to load' "$1" || true
}

# The detector first: the errors of a broken page must be seen, so that a clean run below
# means something.
cat > "$work/broken.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>broken</title></head>
<body><p>broken</p><script>console.error("ogi-browser-test-probe"); no_such_function();</script></body></html>
EOF
run_chromium --dump-dom "file://$work/broken.html" > "$work/broken.dom" 2> "$work/broken.log" || true
console_errors "$work/broken.log" | grep -q 'ogi-browser-test-probe' &&
  console_errors "$work/broken.log" | grep -q 'no_such_function' ||
  fail "the console error detector did not see the errors of a broken page: $(cat "$work/broken.log")"

# The seed report with one slip: 1 instead of 0 in 四、结转下年度继续办理 / 自然人.
python3 - "$src/examples/data/liucheng-2020.json" > "$work/slip.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
report["applications"]["carried_forward"]["natural_person"] = 1
json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
EOF
status=0
"$OGI" render "$work/slip.json" --to html --check --lang zh -o "$work/page.html" 2> "$work/render.err" || status=$?
[ "$status" -eq 1 ] || fail "ogi render --check of a report with an error: status $status, want 1 ($(cat "$work/render.err"))"
[ -s "$work/page.html" ] || fail "no page written"

# 1. The DOM as the browser built it.
run_chromium --dump-dom "file://$work/page.html" > "$work/dom.html" 2> "$work/dom.log" ||
  fail "chromium --dump-dom failed: $(tail -5 "$work/dom.log")"
errors=$(console_errors "$work/dom.log")
[ -z "$errors" ] || fail "console errors while loading the page: $errors"

python3 - "$work/dom.html" <<'EOF'
import sys
from html.parser import HTMLParser

class Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.legend, self.ids, self.tables, self.h1 = {}, [], set(), [], []
        self.in_h1 = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "table":
            self.tables.append(a.get("id"))
        if tag in ("td", "th") and "data-path" in a:
            self.cells[a["data-path"]] = a
        if tag == "li" and a.get("id", "").startswith("d"):
            self.legend.append(a)
        self.in_h1 = tag == "h1"
    def handle_data(self, data):
        if self.in_h1:
            self.h1.append(data)
    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False

dom = open(sys.argv[1], encoding="utf-8").read()
p = Cells()
p.feed(dom)
def check(ok, what):
    if not ok:
        print("FAIL:", what, file=sys.stderr)
        sys.exit(1)
check(dom.rstrip().endswith("</html>"), "the DOM is complete")
for external in ("<script", "<link", "<img", "src=", "url("):  # a standalone page: nothing to load
    check(external not in dom, "nothing external in the page: %s" % external)
check("".join(p.h1) == "南安市柳城街道办事处2020年政府信息公开工作年度报告", "the official title in <h1>")
check(p.tables == ["proactive", "applications", "reviews"], "the three tables, got %s" % p.tables)
check(len(p.cells) == 22 + 161 + 15, "every data cell has its data-path (got %d)" % len(p.cells))
slip = p.cells.get("/applications/carried_forward/natural_person")
check(slip is not None, "the slipped cell is in the DOM")
check("error" in slip.get("class", "").split(), "the slipped cell has class error, got %r" % slip.get("class"))
check("OGI-T3-BALANCE" in slip.get("title", ""), "the slipped cell's title names the rule")
marked = [path for path, a in p.cells.items() if {"error", "warning", "info"} & set(a.get("class", "").split())]
check(marked, "marked cells")
related = [path for path, a in p.cells.items() if "related" in a.get("class", "").split()]
for path in ("/applications/new_received/natural_person", "/applications/carried_over/natural_person",
             "/applications/total/natural_person"):
    check(path in related, "related cell %s outlined" % path)
check(len(p.legend) >= 1 and "legend" in p.ids and "summary" in p.ids, "the summary and the legend")
check(any(("r" + li["id"][1:]) in p.ids for li in p.legend), "a numbered mark links a cell to the legend")
print("browser DOM: %d data cells, %d marked, %d related, %d findings listed" % (len(p.cells), len(marked), len(related), len(p.legend)))
EOF

# 2. A screenshot: a PNG of the window's size, with something drawn on it.
shot=${1:-$work/shot.png}
run_chromium --screenshot="$shot" --window-size=1400,2000 --hide-scrollbars "file://$work/page.html" \
  > "$work/shot.out" 2> "$work/shot.log" || fail "chromium --screenshot failed: $(tail -5 "$work/shot.log")"
errors=$(console_errors "$work/shot.log")
[ -z "$errors" ] || fail "console errors while taking the screenshot: $errors"
[ -s "$shot" ] || fail "no screenshot written"
python3 - "$shot" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
def check(ok, what):
    if not ok:
        print("FAIL:", what, file=sys.stderr)
        sys.exit(1)
check(data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is a PNG")
width, height = struct.unpack(">II", data[16:24])
check((width, height) == (1400, 2000), "the screenshot is 1400x2000, got %dx%d" % (width, height))
# a blank page compresses to almost nothing; text and tables do not
check(len(data) > 30000, "the screenshot has content (%d bytes)" % len(data))
print("browser screenshot: %dx%d, %d bytes" % (width, height, len(data)))
EOF

if [ -n "${OGI_BROWSER_KEEP:-}" ]; then
  mkdir -p "$OGI_BROWSER_KEEP"
  cp "$work/page.html" "$work/dom.html" "$work/dom.log" "$OGI_BROWSER_KEEP/"
  [ "$shot" != "$work/shot.png" ] || cp "$shot" "$OGI_BROWSER_KEEP/"
fi
echo "browser test: passed"
