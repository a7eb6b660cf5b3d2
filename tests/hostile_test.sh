#!/usr/bin/env bash
# Hostile input for `ogi validate` and `ogi extract`, and atomic outputs (docs/reliability.md).
# Every case runs under `timeout 20` and checks: the documented exit status (never a signal,
# never a timeout), and a message that names the file and says where and what.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../examples/data"
seedtxt="$here/corpus/seed/liucheng-2020.txt"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0 failed=0 skipped=0 cases=0
fail() { failed=$((failed+1)); echo "FAIL $*"; }

# case NAME STATUS COMMAND...   (stdout → $tmp/out, stderr → $tmp/err)
case_() {
  local name=$1 want=$2; shift 2
  cases=$((cases+1))
  timeout 20 "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  if [ "$got" -eq 124 ]; then fail "$name: took more than 20 s"; return; fi
  if [ "$got" -ge 128 ]; then fail "$name: killed by a signal (exit $got)"; tail -5 "$tmp/err"; return; fi
  if [ "$got" -ne "$want" ]; then fail "$name: exit $got, wanted $want"; head -c 2000 "$tmp/out" "$tmp/err"; return; fi
  passed=$((passed+1))
}
# says NAME TEXT...  — the output of the last case (stdout and stderr) contains every TEXT
says() {
  local name=$1; shift
  for text in "$@"; do
    if cat "$tmp/out" "$tmp/err" | grep -qF -- "$text"; then passed=$((passed+1));
    else fail "$name: '$text' not in the output"; head -c 2000 "$tmp/out" "$tmp/err"; fi
  done
}
# edit NAME PYTHON — a copy of the seed report JSON edited by a Python statement on d
edit() {
  python3 - "$data/liucheng-2020.json" "$tmp/$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(d, ensure_ascii=False))
PY
}
V=("$OGI" validate --lang en)
X=("$OGI" extract --lang en)

# ------------------------------------------------------------------ validate: not JSON at all
: > "$tmp/empty.json"
case_ v-empty 1 "${V[@]}" "$tmp/empty.json";                      says v-empty "empty.json:1:1" OGI-S-JSON "the file is empty"
printf ' \n\t \r\n ' > "$tmp/space.json"
case_ v-whitespace 1 "${V[@]}" "$tmp/space.json";                 says v-whitespace "space.json:" OGI-S-JSON "the file is empty"
printf '\xef\xbb\xbf' > "$tmp/bom.json"
case_ v-bom-only 1 "${V[@]}" "$tmp/bom.json";                     says v-bom-only "bom.json:1:" "the file is empty"
printf '\xef\xbb\xbf' > "$tmp/bom-report.json"; cat "$data/liucheng-2020.json" >> "$tmp/bom-report.json"
case_ v-bom-report 0 "${V[@]}" "$tmp/bom-report.json"
printf '{"year": "\xff\xfe"}' > "$tmp/badutf8.json"
case_ v-invalid-utf8 1 "${V[@]}" "$tmp/badutf8.json";             says v-invalid-utf8 "badutf8.json:1:" "invalid UTF-8"
printf '{"year":\x00 2020}' > "$tmp/nul.json"
case_ v-nul 1 "${V[@]}" "$tmp/nul.json";                          says v-nul "nul.json:1:9" OGI-S-JSON
printf '{"agency": {"name": "\xc4\xcf\xb0\xb2\xca\xd0"}}' > "$tmp/gbk.json"   # 南安市 in GBK
case_ v-gbk 1 "${V[@]}" "$tmp/gbk.json";                          says v-gbk "gbk.json:1:" "invalid UTF-8"
python3 -c 'import sys; sys.stdout.write("[" * 100000)' > "$tmp/deep.json"
case_ v-deep 1 "${V[@]}" "$tmp/deep.json";                        says v-deep "deep.json:1:65" "nested too deeply"
python3 -c 'import random,sys; r=random.Random(6); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(200000)))' > "$tmp/garbage.bin"
case_ v-garbage 1 "${V[@]}" "$tmp/garbage.bin";                   says v-garbage "garbage.bin:1:1" OGI-S-JSON
head -c 3000 "$data/liucheng-2020.json" > "$tmp/cut.json"
case_ v-truncated 1 "${V[@]}" "$tmp/cut.json";                    says v-truncated "cut.json:" "ends too early"
{ cat "$data/liucheng-2020.json"; cat "$data/liucheng-2020.json"; } > "$tmp/two.json"
case_ v-two-documents 1 "${V[@]}" "$tmp/two.json";                says v-two-documents "two.json:" OGI-S-JSON "syntax error"
printf '{"year": 2020, // comment\n}' > "$tmp/comment.json"
case_ v-comment 1 "${V[@]}" "$tmp/comment.json";                  says v-comment "comment.json:1:16" OGI-S-JSON
printf '{"year": NaN}' > "$tmp/nan.json"
case_ v-nan 1 "${V[@]}" "$tmp/nan.json";                          says v-nan "nan.json:1:10" OGI-S-JSON
printf '{"year": 2020, "year": 2021}' > "$tmp/dup.json"
case_ v-duplicate-key 1 "${V[@]}" "$tmp/dup.json";                says v-duplicate-key "dup.json:1:" "duplicate key at /year"
python3 -c 'import sys; sys.stdout.write("{\"agency\": {\"name\": \"" + "x" * (17 << 20) + "\"}}")' > "$tmp/longstr.json"
case_ v-long-string 1 "${V[@]}" "$tmp/longstr.json";              says v-long-string "longstr.json:" "a string at /agency/name is longer than the limit of 16777216 bytes"
python3 -c 'import sys; sys.stdout.write("{\"source\": {\"x\": [" + ",".join(["0"] * 3000000) + "]}}")' > "$tmp/bigarray.json"
case_ v-huge-array 1 "${V[@]}" "$tmp/bigarray.json";              says v-huge-array "bigarray.json:" "the array or object at /source/x/100000 has more than 100000 entries"
python3 -c 'import sys; sys.stdout.write("{\"source\": {" + ",".join("\"k%d\": 1" % i for i in range(300000)) + "}}")' > "$tmp/bigobject.json"
case_ v-huge-object 1 "${V[@]}" "$tmp/bigobject.json";            says v-huge-object "bigobject.json:" "has more than 100000 entries"
python3 -c 'import sys; sys.stdout.write("{\"source\": [" + ",".join(["[" + ",".join(["0"] * 90000) + "]"] * 12) + "]}")' > "$tmp/manyvalues.json"
case_ v-many-values 1 "${V[@]}" "$tmp/manyvalues.json";           says v-many-values "manyvalues.json:" "more than 1000000 values"

# ------------------------------------------------------------------ validate: numbers
edit e400.json 'd["applications"]["new_received"]["natural_person"] = 0' && sed -i 's/"natural_person": 0/"natural_person": 1e400/' "$tmp/e400.json"
case_ v-1e400 1 "${V[@]}" "$tmp/e400.json";                       says v-1e400 OGI-S-SCHEMA /applications/new_received/natural_person
edit big.json 'd["applications"]["new_received"]["natural_person"] = 0' && sed -i 's/"natural_person": 0/"natural_person": 99999999999999999999/' "$tmp/big.json"
case_ v-20-digits 1 "${V[@]}" "$tmp/big.json";                    says v-20-digits OGI-S-SCHEMA /applications/new_received/natural_person
edit negzero.json 'pass' && python3 - "$tmp/negzero.json" <<'PY'
import sys, re
p = sys.argv[1]; s = open(p).read()
s = s.replace('"natural_person": 0', '"natural_person": -0', 1)
assert '-0' in s
open(p, "w").write(s)
PY
case_ v-minus-zero 0 "${V[@]}" "$tmp/negzero.json";               says v-minus-zero "valid"
edit half.json 'd["applications"]["new_received"]["natural_person"] = 1.5'
case_ v-fraction-count 1 "${V[@]}" "$tmp/half.json";              says v-fraction-count OGI-S-SCHEMA /applications/new_received/natural_person
edit negcount.json 'd["applications"]["new_received"]["natural_person"] = -3'
case_ v-negative-count 1 "${V[@]}" "$tmp/negcount.json";          says v-negative-count /applications/new_received/natural_person
edit bigyear.json 'd["year"] = 2**63'
case_ v-year-2p63 1 "${V[@]}" "$tmp/bigyear.json";                says v-year-2p63 /year

# ------------------------------------------------------------------ validate: wrong types at every level
printf '[]' > "$tmp/array.json"
case_ v-root-array 1 "${V[@]}" "$tmp/array.json";                 says v-root-array OGI-S-SCHEMA
printf '"report"' > "$tmp/string.json"
case_ v-root-string 1 "${V[@]}" "$tmp/string.json";               says v-root-string OGI-S-SCHEMA
printf '{}' > "$tmp/emptyobj.json"
case_ v-empty-object 1 "${V[@]}" "$tmp/emptyobj.json";            says v-empty-object OGI-S-SCHEMA
edit year-string.json 'd["year"] = "2020"'
case_ v-year-string 1 "${V[@]}" "$tmp/year-string.json";          says v-year-string OGI-S-SCHEMA /year
edit agency-array.json 'd["agency"] = ["x"]'
case_ v-agency-array 1 "${V[@]}" "$tmp/agency-array.json";        says v-agency-array OGI-S-SCHEMA /agency
edit name-number.json 'd["agency"]["name"] = 7'
case_ v-name-number 1 "${V[@]}" "$tmp/name-number.json";          says v-name-number OGI-S-SCHEMA /agency/name
edit apps-array.json 'd["applications"] = [1, 2]'
case_ v-section-array 1 "${V[@]}" "$tmp/apps-array.json";         says v-section-array OGI-S-SCHEMA /applications
edit row-string.json 'd["applications"]["new_received"] = "7"'
case_ v-row-string 1 "${V[@]}" "$tmp/row-string.json";            says v-row-string OGI-S-SCHEMA /applications/new_received
edit cell-object.json 'd["applications"]["new_received"]["natural_person"] = {"v": 1}'
case_ v-cell-object 1 "${V[@]}" "$tmp/cell-object.json";          says v-cell-object OGI-S-SCHEMA /applications/new_received/natural_person
edit cell-bool.json 'd["reviews"]["administrative_review"]["upheld"] = True'
case_ v-cell-bool 1 "${V[@]}" "$tmp/cell-bool.json";              says v-cell-bool OGI-S-SCHEMA /reviews/administrative_review/upheld
edit unknown-key.json 'd["applications"]["new_received"]["robots"] = 1'
case_ v-unknown-key 1 "${V[@]}" "$tmp/unknown-key.json";          says v-unknown-key OGI-S-SCHEMA /applications/new_received

# ------------------------------------------------------------------ validate: metadata
edit edition.json 'd["edition"] = "2025"'
case_ v-unknown-edition 1 "${V[@]}" "$tmp/edition.json";          says v-unknown-edition /edition
edit y1900.json 'd["year"] = 1900'
case_ v-year-1900 1 "${V[@]}" "$tmp/y1900.json";                  says v-year-1900 /year
edit y3000.json 'd["year"] = 3000'
case_ v-year-3000 1 "${V[@]}" "$tmp/y3000.json";                  says v-year-3000 /published_on "before the year 3000 it reports on had ended"
edit feb30.json 'd["published_on"] = "2021-02-30"'
case_ v-2021-02-30 1 "${V[@]}" "$tmp/feb30.json";                 says v-2021-02-30 /published_on 2021-02-30

# ------------------------------------------------------------------ validate: files
case_ v-directory 2 "${V[@]}" "$tmp";                             says v-directory "$tmp is a directory"
case_ v-missing 2 "${V[@]}" "$tmp/nothing-here.json";             says v-missing "cannot open $tmp/nothing-here.json" "No such file"
cp "$data/liucheng-2020.json" "$tmp/locked.json"; chmod 000 "$tmp/locked.json"
if [ "$(id -u)" -eq 0 ]; then
  skipped=$((skipped+1)); echo "skip v-unreadable: running as root, which reads a mode-000 file"
else
  case_ v-unreadable 2 "${V[@]}" "$tmp/locked.json";              says v-unreadable "cannot open $tmp/locked.json" "Permission denied"
fi
rm -f "$tmp/locked.json"
truncate -s 100M "$tmp/huge.json"
case_ v-100mb 2 "${V[@]}" "$tmp/huge.json";                       says v-100mb "huge.json is 104857600 bytes, over the limit of 67108864 bytes"
case_ v-100mb-stdin 2 sh -c "cat '$tmp/huge.json' | '$OGI' validate --lang en -";  says v-100mb-stdin "- is over the limit of 67108864 bytes"
case_ v-max-size 2 "${V[@]}" --max-size 1000 "$data/liucheng-2020.json";  says v-max-size "over the limit of 1000 bytes"
rm -f "$tmp/huge.json"
case_ v-stdin-empty 1 sh -c "'$OGI' validate --lang en - < /dev/null";  says v-stdin-empty "the file is empty"

# ------------------------------------------------------------------ extract
case_ x-empty 1 "${X[@]}" "$tmp/empty.json";                      says x-empty OGI-E-NO-TABLES
case_ x-whitespace 1 "${X[@]}" "$tmp/space.json";                 says x-whitespace OGI-E-NO-TABLES
case_ x-bom-only 1 "${X[@]}" "$tmp/bom.json";                     says x-bom-only OGI-E-NO-TABLES
case_ x-garbage 1 "${X[@]}" "$tmp/garbage.bin";                   says x-garbage OGI-E-NO-TABLES
printf '<html><body><h1>通知公告</h1><p>暂无内容</p></body></html>' > "$tmp/notables.html"
case_ x-html-no-tables 1 "${X[@]}" "$tmp/notables.html";          says x-html-no-tables OGI-E-NO-TABLES "notables.html"
case_ x-report-json 1 "${X[@]}" "$data/liucheng-2020.json";       says x-report-json OGI-E-NO-TABLES
iconv -f UTF-8 -t GB18030 "$seedtxt" > "$tmp/seed-gbk.txt"
case_ x-gbk 0 "${X[@]}" "$tmp/seed-gbk.txt" -o "$tmp/gbk-out.json";  says x-gbk OGI-E-ENCODING "GB18030"
python3 - "$seedtxt" "$tmp/seed-bad.txt" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
k = b.index("规章".encode())
open(sys.argv[2], "wb").write(b[:k] + b"\xff\xfe" + b[k:])
PY
case_ x-invalid-utf8 0 "${X[@]}" "$tmp/seed-bad.txt" -o "$tmp/bad-out.json";  says x-invalid-utf8 OGI-E-ENCODING "U+FFFD"
tr '\t' '\0' < "$seedtxt" > "$tmp/seed-nul.txt"
case_ x-nul 0 "${X[@]}" "$tmp/seed-nul.txt" -o "$tmp/nul-out.json"
{ cat "$seedtxt"; cat "$seedtxt"; } > "$tmp/two-reports.txt"
case_ x-one-report 0 "${X[@]}" "$seedtxt" -o "$tmp/one-out.json"
case_ x-two-reports 0 "${X[@]}" "$tmp/two-reports.txt" -o "$tmp/two-out.json"
says x-two-reports OGI-E-SECOND "comes a second time: a second report seems to start here"
# The first report's cells are read (docs/reliability.md: the second is not).
python3 - "$tmp/one-out.json" "$tmp/two-out.json" <<'PY' && passed=$((passed+1)) || fail "x-two-reports: not the first report's cells"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert all(a[k] == b[k] for k in ("edition", "year", "proactive", "applications", "reviews"))
PY
case_ x-directory 2 "${X[@]}" "$tmp";                             says x-directory "is a directory"
case_ x-missing 2 "${X[@]}" "$tmp/nothing-here.txt";              says x-missing "cannot open $tmp/nothing-here.txt"
truncate -s 100M "$tmp/huge.txt"
case_ x-100mb 2 "${X[@]}" "$tmp/huge.txt";                        says x-100mb "huge.txt is 104857600 bytes, over the limit of 67108864 bytes"
rm -f "$tmp/huge.txt"
# Enormous lines: one 2 MB line of digits and labels with no line break (the run-together dump
# path; time is linear in it), and 8 MB of one character; both in bounded time.
python3 - "$tmp/longline.txt" <<'PY'
import sys
unit = "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章123规范性文件898989"
open(sys.argv[1], "w").write(unit * (2_000_000 // len(unit.encode())))
PY
case_ x-long-glued-line 0 "${X[@]}" "$tmp/longline.txt" -o "$tmp/longline.json"
python3 -c 'import sys; sys.stdout.write("9" * 8000000)' > "$tmp/digits.txt"
case_ x-long-digit-line 1 "${X[@]}" "$tmp/digits.txt";            says x-long-digit-line OGI-E-NO-TABLES
python3 -c 'import sys; sys.stdout.write("<table>" + "<tr><td>1</td>" * 200000 + "</table>")' > "$tmp/bigtable.html"
case_ x-huge-html-table 1 "${X[@]}" "$tmp/bigtable.html"
python3 -c 'import sys; sys.stdout.write("<div>" * 100000 + "<table><tr><td>规章</td></tr></table>")' > "$tmp/deephtml.html"
case_ x-deep-html 1 "${X[@]}" "$tmp/deephtml.html"

# ------------------------------------------------------------------ outputs are atomic
cp "$seedtxt" "$tmp/in.txt"; before=$(sha256sum < "$tmp/in.txt")
case_ o-missing-dir 2 "${X[@]}" "$tmp/in.txt" -o "$tmp/no/such/dir/out.json";  says o-missing-dir "cannot write $tmp/no/such/dir/out.json"
mkdir "$tmp/outdir"
case_ o-output-is-directory 2 "${X[@]}" "$tmp/in.txt" -o "$tmp/outdir"; says o-output-is-directory "cannot write $tmp/outdir"
case_ o-output-is-input 2 "${X[@]}" "$tmp/in.txt" -o "$tmp/in.txt";  says o-output-is-input "is one of the input files"
[ "$(sha256sum < "$tmp/in.txt")" = "$before" ] && passed=$((passed+1)) || fail "o-output-is-input: the input changed"
ln -s "$tmp/in.txt" "$tmp/link.txt"
case_ o-output-is-input-link 2 "${X[@]}" "$tmp/in.txt" -o "$tmp/link.txt";  says o-output-is-input-link "is one of the input files"
[ "$(sha256sum < "$tmp/in.txt")" = "$before" ] && passed=$((passed+1)) || fail "o-output-is-input-link: the input changed"
cp "$data/liucheng-2020.json" "$tmp/r.json"
case_ o-render-onto-input 2 "$OGI" render --lang en "$tmp/r.json" --to html -o "$tmp/r.json";  says o-render-onto-input "is the input file"
cmp -s "$tmp/r.json" "$data/liucheng-2020.json" && passed=$((passed+1)) || fail "o-render-onto-input: the input changed"
case_ o-aggregate-onto-input 2 "$OGI" aggregate --lang en "$tmp/r.json" -o "$tmp/r.json"
cmp -s "$tmp/r.json" "$data/liucheng-2020.json" && passed=$((passed+1)) || fail "o-aggregate-onto-input: the input changed"
case_ o-export-onto-input 2 "$OGI" export --lang en "$data/huaian-2024.json" "$tmp/r.json" -o "$tmp/r.json"
says o-export-onto-input "is one of the input files; it is not overwritten"
cmp -s "$tmp/r.json" "$data/liucheng-2020.json" && passed=$((passed+1)) || fail "o-export-onto-input: the input changed"
ls "$tmp"/r.json.ogi-* > /dev/null 2>&1 && fail "o-export-onto-input: a temporary file was left" || passed=$((passed+1))
# An existing output is replaced only by a whole new one: a failing run leaves it as it was.
echo '{"kept": true}' > "$tmp/kept.json"
case_ o-failed-run-keeps-output 2 "${X[@]}" "$tmp/nothing-here.txt" -o "$tmp/kept.json"
grep -q kept "$tmp/kept.json" && passed=$((passed+1)) || fail "o-failed-run-keeps-output: the old output was damaged"
case_ o-good-run 0 "${X[@]}" "$tmp/in.txt" -o "$tmp/good.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/good.json" && passed=$((passed+1)) || fail "o-good-run: not whole JSON"
# No temporary file is ever left behind.
stray=$(find "$tmp" -name '*.ogi-*' -o -name '*.tmp' -o -name '.*.json.*' | head -5)
[ -z "$stray" ] && passed=$((passed+1)) || fail "stray temporary files: $stray"

echo "hostile: $cases cases, $passed checks passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
