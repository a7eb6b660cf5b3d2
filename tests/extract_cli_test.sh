#!/usr/bin/env bash
# `ogi extract` as scripts use it (docs/extract.md, docs/cli.md): outputs, exit statuses, wrapper.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/corpus"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed+1)); }
bad() { failed=$((failed+1)); echo "FAIL $*"; }
expect() {  # expect NAME STATUS COMMAND...
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, wanted $want"; cat "$tmp/err"; fi
}
py() { python3 - "$@"; }

# one file in, one report out (stdout), diagnostics on stderr
expect seed 0 "$OGI" extract "$corpus/seed/liucheng-2020.txt"
cmp -s "$tmp/out" "$here/../examples/data/liucheng-2020.json" && ok || bad "seed: output differs from examples/data"
grep -q "OGI-E-ANNOTATED" "$tmp/err" && ok || bad "seed: annotated cells not said on stderr"

# --format json: the wrapper {"report", "diagnostics"}; --validate adds the validator's findings
expect wrapper 1 "$OGI" extract --format json --validate --lang en "$corpus/reports/hongze-2023.pdftotext-layout.txt"
py "$tmp/out" <<'PY' && ok || bad "wrapper document"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["report"]["edition"] == "2021", d["report"]["edition"]
rules = {(x["rule"], x["path"]) for x in d["diagnostics"]}
assert ("OGI-T4-TOTAL", "/reviews/administrative_review/total") in rules, rules
assert ("OGI-E-MIXED", "/applications/other") in rules, rules
assert ("OGI-M-VARIANT", "/applications/other") in rules, rules
PY

# --explain: with --format json, the wrapper's "explain" key — for each cell read, its place in the
# input (the bytes at offset..offset+length are its text), how it was placed, and the relations
expect explain-json 0 "$OGI" extract --format json --explain "$corpus/excerpts/013.txt"
py "$tmp/out" "$corpus/excerpts/013.txt" <<'PY' && ok || bad "explain (json)"
import json, sys
d = json.load(open(sys.argv[1]))
raw = open(sys.argv[2], "rb").read()
ex = d["explain"]
assert len(ex) == 79, len(ex)
for pointer, e in ex.items():
    assert set(e) >= {"line", "column", "offset", "length", "text", "basis", "relations"}, e
    assert raw[e["offset"]:e["offset"] + e["length"]].decode() == e["text"], (pointer, e)
    assert e["basis"] in ("row", "cut-off"), e
    assert e["relations"] in ("confirmed", "contradicted", "unchecked"), e
assert ex["/applications/new_received/total"]["relations"] == "confirmed"
assert ex["/applications/withheld_process_information/natural_person"]["basis"] == "cut-off"
line = raw.decode().split("\n")[ex["/proactive/punishment/decisions"]["line"] - 1]
assert "1472" in line and "行政处罚" in line, line
PY
# --explain without --format json: a line a cell on stderr, the report on stdout as usual
expect explain-text 0 "$OGI" extract --explain --lang en "$corpus/excerpts/013.txt"
grep -q "where each cell was read" "$tmp/err" && grep -Eq "/proactive/punishment/decisions +1472 +[0-9]+:[0-9]+ +row" "$tmp/err" && ok ||
  bad "explain (text): $(head -3 "$tmp/err")"
py "$tmp/out" <<'PY' && ok || bad "explain (text): stdout is not the report"
import json, sys
assert json.load(open(sys.argv[1]))["proactive"]["punishment"]["decisions"] == 1472
PY

# --with-provenance: each cell's line:column in source.provenance
expect provenance 0 "$OGI" extract --with-provenance "$corpus/excerpts/013.txt"
py "$tmp/out" <<'PY' && ok || bad "provenance"
import json, sys
d = json.load(open(sys.argv[1]))
p = d["source"]["provenance"]
assert p["/proactive/punishment/decisions"] == "13:8", p["/proactive/punishment/decisions"]
PY

# undecided digits: blank in the output, candidates on stderr
expect ambiguous 0 "$OGI" extract --lang en "$corpus/reports/pingtan-2019.txt"
grep -q "OGI-E-AMBIGUOUS .*normative_documents/made.*could be 8, 89, 898, 8989" "$tmp/err" && ok || bad "ambiguous candidates"
py "$tmp/out" <<'PY' && ok || bad "ambiguous cell not blank"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["proactive"]["normative_documents"]["made"] is None
assert d["proactive"]["regulations"]["made"] == 0
PY

# several inputs need -o DIR; one JSON file per input
expect several-no-dir 2 "$OGI" extract "$corpus/excerpts/013.txt" "$corpus/excerpts/014.txt"
expect several 0 "$OGI" extract -o "$tmp/outdir" "$corpus/excerpts/013.txt" "$corpus/excerpts/014.txt"
[ -f "$tmp/outdir/013.json" ] && [ -f "$tmp/outdir/014.json" ] && ok || bad "outputs per input"

# standard input; a page with no table of the form is an error of that file; a missing file is exit 2
expect stdin 0 "$OGI" extract - < "$corpus/excerpts/019.txt"
grep -q '"edition": "2019"' "$tmp/out" && ok || bad "stdin edition"
printf '<html><body><p>通知</p></body></html>' > "$tmp/none.html"
expect no-tables 1 "$OGI" extract "$tmp/none.html"
grep -q "OGI-E-NO-TABLES" "$tmp/err" && ok || bad "no tables said"
expect missing 2 "$OGI" extract "$tmp/nope.txt"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
