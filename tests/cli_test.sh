#!/usr/bin/env bash
# The ogi tool's contract (docs/cli.md): exit statuses, --format json, languages, stdin.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../examples/data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
expect() {  # expect NAME STATUS COMMAND...
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL $name: exit $got, wanted $want"; cat "$tmp/out" "$tmp/err"; fi
}
contains() {  # contains NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL $1: '$3' not in output"; cat "$2"; fi
}

expect clean 0 "$OGI" validate "$data/liucheng-2020.json" "$data/huaian-2024.json"
expect clean-json 0 "$OGI" validate --format json "$data/liucheng-2020.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["valid"] is True and d["diagnostics"]==[] and d["file"].endswith("liucheng-2020.json")' "$tmp/out" \
  && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL clean-json document"; }

python3 - "$data/liucheng-2020.json" "$tmp/slip.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["applications"]["carried_forward"]["natural_person"] = 1
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
expect slip 1 "$OGI" validate --format json --lang en "$tmp/slip.json"
contains slip-rule "$tmp/out" '"path": "/applications/carried_forward/natural_person"'
contains slip-rule "$tmp/out" '"rule": "OGI-T3-BALANCE"'
expect slip-zh 1 "$OGI" validate --lang zh "$tmp/slip.json"
contains slip-zh "$tmp/out" '勾稽关系'
expect slip-locale 1 env LANG=zh_CN.UTF-8 LC_ALL= "$OGI" validate "$tmp/slip.json"
contains slip-locale "$tmp/out" '错误'
expect slip-stdin 1 "$OGI" validate --format json - < "$tmp/slip.json"
contains slip-stdin "$tmp/out" '"file": "-"'

printf '{"edition": "2019",\n "year": }' > "$tmp/broken.json"
expect not-json 1 "$OGI" validate --format json "$tmp/broken.json" "$data/liucheng-2020.json"
python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert isinstance(d, list) and len(d) == 2, d
assert d[0]["diagnostics"][0]["rule"] == "OGI-S-JSON" and d[0]["diagnostics"][0]["line"] == 2
assert d[1]["valid"] is True
' "$tmp/out" && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL not-json document"; cat "$tmp/out"; }

expect missing-file 2 "$OGI" validate "$tmp/nope.json"
contains missing-file "$tmp/err" 'nope.json'
expect directory 2 "$OGI" validate "$tmp"
expect bad-usage 2 "$OGI" validate --format yaml "$data/liucheng-2020.json"
expect no-subcommand 2 "$OGI"

python3 - "$data/liucheng-2020.json" "$tmp/late.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["published_on"] = "2021-04-02"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
expect warning-only 0 "$OGI" validate "$tmp/late.json"
expect werror 1 "$OGI" validate --werror "$tmp/late.json"

expect rules 0 "$OGI" rules --format json
python3 -c 'import json,sys; ids=[r["id"] for r in json.load(open(sys.argv[1]))]; assert "OGI-T3-BALANCE" in ids and len(ids)==len(set(ids))' "$tmp/out" \
  && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL rules json"; }
expect schema 0 "$OGI" schema
cmp -s "$tmp/out" "$here/../docs/schema/report.schema.json" && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL schema differs from docs/schema"; }
NO_COLOR=1 expect no-colour 1 "$OGI" validate "$tmp/slip.json"
if grep -q $'\x1b' "$tmp/out"; then failed=$((failed+1)); echo "FAIL colour in piped output"; else passed=$((passed+1)); fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
