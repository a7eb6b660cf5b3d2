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

# ---- ogi compare: the cross-year rules (OGI-X-*) and their exit statuses
python3 - "$data" "$tmp" <<'PY'
import json, sys
data, tmp = sys.argv[1], sys.argv[2]
d = json.load(open(f"{data}/liucheng-2020.json"))
d["year"] = 2019; d["published_on"] = "2020-01-10"
json.dump(d, open(f"{tmp}/lc-2019.json", "w"), ensure_ascii=False)
d["applications"]["carried_forward"]["total"] = 2
json.dump(d, open(f"{tmp}/lc-2019-carry.json", "w"), ensure_ascii=False)
h = json.load(open(f"{data}/huaian-2024.json"))
h["year"] = 2023
for col in ("natural_person", "total"): h["applications"]["carried_forward"][col] = 34
h["proactive"]["regulations"]["in_force"] = 10
h["proactive"]["normative_documents"]["in_force"] = 84
json.dump(h, open(f"{tmp}/ha-2023.json", "w"), ensure_ascii=False)
h["proactive"]["regulations"]["in_force"] = 9
json.dump(h, open(f"{tmp}/ha-2023-in-force.json", "w"), ensure_ascii=False)
PY
expect compare-clean 0 "$OGI" compare "$tmp/lc-2019.json" "$data/liucheng-2020.json"
contains compare-summary "$tmp/out" '一、本年新收政府信息公开申请数量 — 总计'
expect compare-carry 1 "$OGI" compare --format json --lang en "$tmp/lc-2019-carry.json" "$data/liucheng-2020.json"
python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d["file"].endswith("liucheng-2020.json") and d["valid"] is False, d
[x] = d["diagnostics"]
assert x["rule"] == "OGI-X-CARRY" and x["path"] == "/applications/carried_over/total" and x["expected"] == 2 and x["actual"] == 0, x
assert x["related"] == ["earlier:/applications/carried_forward/total"], x
' "$tmp/out" && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL compare-carry document"; cat "$tmp/out"; }
expect compare-2021 0 "$OGI" compare "$tmp/ha-2023.json" "$data/huaian-2024.json"
expect compare-in-force 0 "$OGI" compare --lang en "$tmp/ha-2023-in-force.json" "$data/huaian-2024.json"
contains compare-in-force "$tmp/out" 'OGI-X-IN-FORCE'
expect compare-werror 1 "$OGI" compare --werror "$tmp/ha-2023-in-force.json" "$data/huaian-2024.json"
expect compare-refused 2 "$OGI" compare --lang en "$data/liucheng-2020.json" "$data/huaian-2024.json"
contains compare-refused "$tmp/err" 'the 2020 report of 南安市柳城街道办事处 with the 2024 report of 淮安市人民政府'
expect compare-forced 1 "$OGI" compare --force "$data/liucheng-2020.json" "$data/huaian-2024.json"
expect compare-missing 2 "$OGI" compare "$tmp/nope.json" "$data/liucheng-2020.json"
expect compare-not-report 2 "$OGI" compare "$tmp/lc-2019.json" "$tmp/broken.json"
contains compare-not-report "$tmp/err" 'broken.json'

# ---- ogi aggregate: the 汇总 report, and --check (OGI-A-SUM)
expect aggregate 0 "$OGI" aggregate "$data/huaian-2024.json" "$data/huaian-2024.json" -o "$tmp/sum.json"
[ -s "$tmp/sum.json" ] && [ ! -e "$tmp/sum.json.tmp" ] && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL aggregate output"; }
expect aggregate-valid 0 "$OGI" validate "$tmp/sum.json"
expect aggregate-stdout 0 "$OGI" aggregate "$data/liucheng-2020.json" "$data/liucheng-2020.json"
contains aggregate-stdout "$tmp/out" '"amount": "76594"'
expect aggregate-check 0 "$OGI" aggregate --check "$tmp/sum.json" "$data/huaian-2024.json" "$data/huaian-2024.json"
python3 - "$tmp/sum.json" "$tmp/sum-slip.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["applications"]["granted"]["total"] += 1
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
expect aggregate-check-slip 1 "$OGI" aggregate --format json --check "$tmp/sum-slip.json" "$data/huaian-2024.json" "$data/huaian-2024.json"
python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d["file"].endswith("sum-slip.json") and d["valid"] is False, d
assert [(x["rule"], x["path"]) for x in d["diagnostics"]] == [("OGI-A-SUM", "/applications/granted/total")], d
' "$tmp/out" && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL aggregate-check-slip document"; cat "$tmp/out"; }
expect aggregate-mixed 2 "$OGI" aggregate --lang en "$data/huaian-2024.json" "$data/liucheng-2020.json"
contains aggregate-mixed "$tmp/err" 'liucheng-2020.json'
expect aggregate-not-report 2 "$OGI" aggregate "$data/huaian-2024.json" "$tmp/broken.json"
contains aggregate-not-report "$tmp/err" 'broken.json'
expect aggregate-unwritable 2 "$OGI" aggregate "$data/huaian-2024.json" -o "$tmp/no/such/dir/sum.json"

# ---- ogi render: the three tables; --check marks the cells of the findings (exit 1 on errors)
expect render-html 0 "$OGI" render "$data/liucheng-2020.json" --to html
contains render-html "$tmp/out" '<td class="label" rowspan="20">三、本年度办理结果</td>'
expect render-check 1 "$OGI" render "$tmp/slip.json" --to html --check --lang zh -o "$tmp/slip.html"
[ -s "$tmp/slip.html" ] && [ ! -s "$tmp/out" ] && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL render-check output"; }
grep -qE '<td class="data error" title="[^"]*OGI-T3-BALANCE[^"]*" data-path="/applications/carried_forward/natural_person">1<sup class="ref"><a href="#d[0-9]+"' "$tmp/slip.html" \
  && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL render-check-cell: the balance cell is not marked"; }
contains render-check-count "$tmp/slip.html" '检查结果：错误 2 个'
expect render-check-clean 0 "$OGI" render "$data/huaian-2024.json" --check --to markdown
contains render-check-clean "$tmp/out" '| 行政许可 | 447228 |  |  |'
expect render-unchecked-slip 0 "$OGI" render "$tmp/slip.json" --to text
contains render-text "$tmp/out" $'\t第二十条第（一）项'
expect render-stdin 0 "$OGI" render - --to text < "$data/liucheng-2020.json"
expect render-missing 2 "$OGI" render "$tmp/nope.json"
expect render-not-json 2 "$OGI" render "$tmp/broken.json" --check
expect render-bad-format 2 "$OGI" render "$data/liucheng-2020.json" --to pdf
expect render-unwritable 2 "$OGI" render "$data/liucheng-2020.json" -o "$tmp/no/such/dir/x.html"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
