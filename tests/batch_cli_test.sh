#!/usr/bin/env bash
# Many files at once (docs/batch.md) and CSV export (docs/export.md): input order with several
# threads, the summary, exit statuses, -r; CSV quoting, the long and wide forms, the BOM.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../examples/data"
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

# 200 files: every 7th has a slip (invalid), every 11th is not JSON; a missing file in the middle.
python3 - "$data" "$tmp" <<'PY'
import json, os, sys
data, tmp = sys.argv[1], sys.argv[2]
bases = [json.load(open(f"{data}/liucheng-2020.json")), json.load(open(f"{data}/huaian-2024.json"))]
os.makedirs(f"{tmp}/many/sub")
for i in range(200):
    where = "sub/" if i >= 150 else ""
    with open(f"{tmp}/many/{where}f{i:03d}.json", "w") as f:
        if i % 11 == 10:
            f.write("{\n  \"edition\": ")
            continue
        d = json.loads(json.dumps(bases[i % 2]))
        if i % 7 == 3:
            d["applications"]["carried_forward"]["natural_person"] += 1
        json.dump(d, f, ensure_ascii=False)
open(f"{tmp}/many/readme.txt", "w").write("not *.json\n")
PY
args=()
for i in $(seq 0 199); do
  n=$(printf 'f%03d.json' "$i"); [ "$i" -ge 150 ] && n="sub/$n"
  args+=("$tmp/many/$n")
  [ "$i" -eq 100 ] && args+=("$tmp/many/missing.json")
done

expect batch-json 2 "$OGI" validate --format json --lang en -j 2 "${args[@]}"
python3 - "$tmp/out" "$tmp/err" "$tmp/many" <<'PY' && ok || bad "batch-json: order, documents, summary"
import json, sys
docs = json.load(open(sys.argv[1]))
err = open(sys.argv[2]).read()
root = sys.argv[3]
want = [f"{root}/{'sub/' if i >= 150 else ''}f{i:03d}.json" for i in range(200)]
assert [d["file"] for d in docs] == want, "not in input order"
for i, d in enumerate(docs):
    rules = [x["rule"] for x in d["diagnostics"]]
    if i % 11 == 10: assert rules == ["OGI-S-JSON"], (i, rules)
    elif i % 7 == 3: assert "OGI-T3-BALANCE" in rules and not d["valid"], (i, rules)
    else: assert d["valid"], (i, rules)
invalid = sum(1 for i in range(200) if i % 11 == 10 or i % 7 == 3)
assert "missing.json" in err, err
last = err.strip().splitlines()[-1]
assert last.startswith(f"201 files: {200 - invalid} valid, {invalid} invalid, 1 unreadable; "), last
assert "OGI-S-JSON 18" in last, last
assert "\r" not in err and "[#" not in err, "a progress bar on a pipe"
PY
"$OGI" validate --format json --lang en -j 1 "${args[@]}" > "$tmp/out-j1" 2> "$tmp/err-j1"
cmp -s "$tmp/out" "$tmp/out-j1" && ok || bad "batch-json: -j 1 and -j 2 differ"
cmp -s "$tmp/err" "$tmp/err-j1" && ok || bad "batch-json: stderr of -j 1 and -j 2 differ"

# text: the same blocks in the same order; the summary closes stdout
expect batch-text 2 "$OGI" validate --lang en -j 2 "${args[@]}"
cp "$tmp/out" "$tmp/text-j2"
"$OGI" validate --lang en -j 1 "${args[@]}" > "$tmp/text-j1" 2> /dev/null
cmp -s "$tmp/text-j1" "$tmp/text-j2" && ok || bad "batch-text: -j 1 and -j 2 differ"
tail -n 1 "$tmp/text-j2" | grep -q '^201 files: .* valid, .* invalid, 1 unreadable; ' && ok || bad "batch-text summary: $(tail -n 1 "$tmp/text-j2")"
grep -q "missing.json" "$tmp/err" && ok || bad "batch-text: the missing file not said on stderr"
expect batch-text-zh 2 "$OGI" validate --lang zh -j 2 "${args[@]}"
tail -n 1 "$tmp/out" | grep -q '^共 201 个文件：.*无法读取 1；' && ok || bad "batch-text-zh summary: $(tail -n 1 "$tmp/out")"

# -r walks a directory: *.json only, in path order; a directory without -r cannot be read
expect recursive 1 "$OGI" validate --format json -r "$tmp/many"
python3 -c '
import json, sys
names = [d["file"] for d in json.load(open(sys.argv[1]))]
assert len(names) == 200 and names == sorted(names) and not any(n.endswith(".txt") for n in names), names[:3]
' "$tmp/out" && ok || bad "recursive documents"
expect recursive-one 0 "$OGI" validate --format json -r "$tmp/many/sub/f151.json"
python3 -c 'import json,sys; assert isinstance(json.load(open(sys.argv[1])), dict)' "$tmp/out" && ok || bad "one file: a document, not an array"
[ ! -s "$tmp/err" ] && ok || bad "one file: no summary"
mkdir "$tmp/one" && cp "$data/huaian-2024.json" "$tmp/one/"
expect recursive-dir-of-one 0 "$OGI" validate --format json -r "$tmp/one"
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) == 1' "$tmp/out" && ok || bad "a directory: always an array"
expect no-recursive 2 "$OGI" validate "$tmp/many"
mkdir "$tmp/empty"
expect recursive-empty 0 "$OGI" validate --format json -r "$tmp/empty"
[ "$(cat "$tmp/out")" = "[]" ] && ok || bad "empty directory: $(cat "$tmp/out")"
expect bad-jobs 2 "$OGI" validate -j 0 "$data/huaian-2024.json"

# What -r lists: regular files (or links to them) named *.json in any case, dot files too, in
# directories at any depth (dot directories and a directory named *.json too), not following a
# link to a directory; sorted by path components; the directory as given, then the rest.
mkdir -p "$tmp/t/sub/deeper" "$tmp/t/.dotdir" "$tmp/t/dir.json" "$tmp/t/a b" "$tmp/t/a"
for f in a.json B.JSON c.Json .hidden.json .json noext x.txt sub/d.json sub/deeper/e.json .dotdir/f.json \
         dir.json/g.json "a b/空格 名.json" a/b.json a.b.json; do : > "$tmp/t/$f"; done
: > "$tmp/outside.json"
ln -s "$tmp/outside.json" "$tmp/t/link-file.json"
ln -s "$tmp/t/sub" "$tmp/t/link-dir"
ln -s "$tmp/nowhere.json" "$tmp/t/dangling.json"
mkfifo "$tmp/t/fifo.json"
for given in "$tmp/t" "$tmp/t/" "$tmp/./t//" "t"; do
  (cd "$tmp" && "$OGI" validate --format json --lang en -j 2 -r "$given") > "$tmp/out" 2> "$tmp/err"
  python3 - "$tmp/out" "$tmp/t" "$given" <<'PY' && ok || bad "-r $given: not the files wanted, or not in path order"
import json, os, sys
out, root, given = sys.argv[1:4]
want = []
for d, dirs, files in os.walk(root, followlinks=False):
    for n in files + dirs:
        full = os.path.join(d, n)
        dot = n.rfind(".")
        if dot > 0 and n[dot:].lower() == ".json" and os.path.isfile(full):
            want.append(os.path.relpath(full, root))
want.sort(key=lambda p: [c.encode() for c in p.split("/")])
prefix = given if given.endswith("/") else given + "/"
got = [d["file"] for d in json.load(open(out))]
assert got == [prefix + w for w in want], (got, want)
assert len(want) == 12, want
PY
done

# A directory that cannot be opened, given or found under one, is said to be unreadable (exit 2),
# not left out unsaid. Root may open anything: the check then runs as nobody, where setpriv is.
as_user=()
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  # nobody must be able to run the build (not so under a private home directory)
  "${as_user[@]}" "$OGI" --version > /dev/null 2>&1 || { as_user=(); echo "note: unreadable directories not checked (nobody cannot run $OGI)"; }
fi
if [ "$(id -u)" -ne 0 ] || [ ${#as_user[@]} -gt 0 ]; then
  perm=$(mktemp -d /tmp/ogi-perm-XXXXXX)
  mkdir -p "$perm/locked" "$perm/open/inner"
  cp "$data/huaian-2024.json" "$perm/open/a.json"; cp "$data/huaian-2024.json" "$perm/open/inner/b.json"
  cp "$data/huaian-2024.json" "$perm/locked/c.json"
  chmod 000 "$perm/locked" "$perm/open/inner"; chmod 755 "$perm" "$perm/open"
  "${as_user[@]}" "$OGI" validate --lang en -r "$perm/locked" "$perm/open" > "$tmp/out" 2> "$tmp/err"; got=$?
  [ "$got" -eq 2 ] && grep -q "cannot open $perm/locked: Permission denied" "$tmp/err" \
    && grep -q "cannot open $perm/open/inner: Permission denied" "$tmp/err" && grep -q "a.json: valid" "$tmp/out" \
    && tail -n 1 "$tmp/out" | grep -q '^3 files: 1 valid, 0 invalid, 2 unreadable' \
    && ok || bad "unreadable directories: exit $got; $(cat "$tmp/err") $(tail -n 1 "$tmp/out")"
  chmod -R 755 "$perm"; rm -rf "$perm"
fi

# -r reads runs of files through io_uring where the kernel allows it (docs/batch.md): the same
# output, statuses and messages as reading each file on its own (OGI_IO_URING=0). The tree adds
# what a run cannot take whole: a report padded past a 64 KiB slot, an empty file, a link to a
# report, a directory and a pipe named *.json (not regular files: not listed), and a limit
# (--max-size) that some files pass and some do not.
cp -r "$tmp/many" "$tmp/runs"
python3 - "$data" "$tmp/runs" <<'PY'
import json, sys
d = json.load(open(f"{sys.argv[1]}/huaian-2024.json"))
text = json.dumps(d, ensure_ascii=False, indent=2)
open(f"{sys.argv[2]}/big.json", "w").write(text + " " * (70000 - len(text.encode())))
open(f"{sys.argv[2]}/sub/empty.json", "w").close()
PY
ln -s "$data/liucheng-2020.json" "$tmp/runs/link.json"
mkdir "$tmp/runs/folder.json"
mkfifo "$tmp/runs/pipe.json"
for opts in "-j 1" "-j 2" "-j 2 --format json --lang zh" "-j 1 --max-size 20000" "-j 2 --max-size 70000"; do
  # shellcheck disable=SC2086
  "$OGI" validate --lang en $opts -r "$tmp/runs" > "$tmp/runs-on" 2> "$tmp/runs-on-err"; on=$?
  # shellcheck disable=SC2086
  OGI_IO_URING=0 "$OGI" validate --lang en $opts -r "$tmp/runs" > "$tmp/runs-off" 2> "$tmp/runs-off-err"; off=$?
  [ "$on" -eq "$off" ] && cmp -s "$tmp/runs-on" "$tmp/runs-off" && cmp -s "$tmp/runs-on-err" "$tmp/runs-off-err" \
    && ok || bad "runs ($opts): with and without io_uring differ (exit $on, $off)"
done
grep -q "big.json: valid" "$tmp/runs-on" && ok || bad "runs: the 70,000-byte report not read whole"
OGI_IO_URING=0 "$OGI" validate --lang en -j 1 --max-size 20000 -r "$tmp/runs" > /dev/null 2> "$tmp/runs-off-err"
grep -q "big.json .*over the limit of 20000 bytes" "$tmp/runs-off-err" && ok || bad "runs: the limit not said: $(cat "$tmp/runs-off-err")"
tail -n 1 "$tmp/runs-off" | grep -q '^203 files: ' && ok || bad "runs: wrong files listed: $(tail -n 1 "$tmp/runs-off")"
# Files named one by one (as a shell's *.json gives them): their type is asked first, then the
# regular ones are read in runs too; the directory named folder.json cannot be read.
named=()
for f in "$tmp/runs"/*.json "$tmp/runs/sub"/*.json; do [ "$f" = "$tmp/runs/pipe.json" ] || named+=("$f"); done
for j in 1 2; do
  "$OGI" validate --lang en -j $j "${named[@]}" > "$tmp/runs-on" 2> "$tmp/runs-on-err"; on=$?
  OGI_IO_URING=0 "$OGI" validate --lang en -j $j "${named[@]}" > "$tmp/runs-off" 2> "$tmp/runs-off-err"; off=$?
  [ "$on" -eq 2 ] && [ "$off" -eq 2 ] && cmp -s "$tmp/runs-on" "$tmp/runs-off" && cmp -s "$tmp/runs-on-err" "$tmp/runs-off-err" \
    && grep -q "folder.json is a directory" "$tmp/runs-on-err" \
    && ok || bad "named files (-j $j): with and without io_uring differ (exit $on, $off)"
done
# Pipes named as files (process substitution) are read to their end, not in a run.
"$OGI" validate --lang en -j 2 <(cat "$data/huaian-2024.json") <(python3 -c 'import sys,time; t=open(sys.argv[1]).read(); print(t[:3000],end="",flush=True); time.sleep(0.3); print(t[3000:],end="")' "$data/liucheng-2020.json") > "$tmp/out" 2> "$tmp/err"
[ "$(grep -c ': valid' "$tmp/out")" -eq 2 ] && ok || bad "pipes named as files: $(cat "$tmp/out" "$tmp/err")"

# extract: -r mirrors the tree under -o DIR; the same files with one thread or two
expect extract-r 0 "$OGI" extract --lang en -r "$corpus" -o "$tmp/ex2" -j 2
[ -f "$tmp/ex2/reports/pingtan-2019.json" ] && [ -f "$tmp/ex2/excerpts/013.json" ] && ok || bad "extract -r outputs"
tail -n 1 "$tmp/out" | grep -qE '^[0-9]+ files: [0-9]+ valid, 0 invalid' && ok || bad "extract summary: $(tail -n 1 "$tmp/out")"
"$OGI" extract --lang en -r "$corpus" -o "$tmp/ex1" -j 1 > /dev/null 2> "$tmp/err-j1"
diff -r "$tmp/ex1" "$tmp/ex2" > /dev/null && ok || bad "extract: -j 1 and -j 2 write different files"
cmp -s "$tmp/err" "$tmp/err-j1" && ok || bad "extract: diagnostics of -j 1 and -j 2 differ"
expect extract-r-no-dir 2 "$OGI" extract -r "$corpus"
expect extract-r-missing 2 "$OGI" extract -o "$tmp/ex3" "$corpus/excerpts/013.txt" "$tmp/nope.txt" "$corpus/excerpts/014.txt"
[ -f "$tmp/ex3/013.json" ] && [ -f "$tmp/ex3/014.json" ] && ok || bad "extract: one missing file stops the run"

# ---- export --to csv
python3 - "$data" "$tmp" <<'PY'
import json, sys
data, tmp = sys.argv[1], sys.argv[2]
d = json.load(open(f"{data}/huaian-2024.json"))
d["agency"]["name"] = '淮安市, "人民"\n政府'
d["applications"]["granted"]["natural_person"] = None
json.dump(d, open(f"{tmp}/odd.json", "w"), ensure_ascii=False)
PY
expect export-long 0 "$OGI" export --to csv "$tmp/odd.json" "$data/liucheng-2020.json"
python3 - "$tmp/out" "$tmp" "$data" <<'PY' && ok || bad "export long"
import csv, io, json, sys
raw = open(sys.argv[1], "rb").read()
assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
assert rows[0] == ["file", "agency", "year", "edition", "table", "row", "column", "value"], rows[0]
odd = [r for r in rows[1:] if r[0].endswith("odd.json")]
assert all(r[1] == '淮安市, "人民"\n政府' and r[2] == "2024" and r[3] == "2021" for r in odd), odd[0]
def cells(d):
    out = {}
    for t in ("proactive", "applications", "reviews"):
        for row, cols in d[t].items():
            for col, v in cols.items(): out[(t, row, col)] = "" if v is None else str(v)
    return out
for name, path in (("odd.json", f"{sys.argv[2]}/odd.json"), ("liucheng-2020.json", f"{sys.argv[3]}/liucheng-2020.json")):
    got = {(r[4], r[5], r[6]): r[7] for r in rows[1:] if r[0].endswith(name)}
    want = cells(json.load(open(path)))
    assert got == want, (name, set(got.items()) ^ set(want.items()))
lc = {(r[4], r[5], r[6]): r[7] for r in rows[1:] if r[0].endswith("liucheng-2020.json")}
assert lc[("proactive", "procurement", "amount")] == "38297" and lc[("proactive", "procurement", "amount_unit")] == "yuan"
assert {(r[4], r[5], r[6]): r[7] for r in odd}[("applications", "granted", "natural_person")] == ""
PY
expect export-wide-mixed 0 "$OGI" export --to csv --form wide --bom -o "$tmp/wide.csv" "$data/huaian-2024.json" "$tmp/odd.json" "$data/liucheng-2020.json"
python3 - "$tmp/wide.csv" "$data" <<'PY' && ok || bad "export wide, both editions"
import csv, io, json, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf")
rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
head = rows[0]
assert head[:5] == ["file", "agency", "year", "edition", "published_on"], head[:5]
assert len(rows) == 4 and all(len(r) == len(head) for r in rows), [len(r) for r in rows]
assert len(head) == len(set(head))
# 2019 cells first, then the cells only 2021 has
assert head.index("proactive/regulations/made") < head.index("proactive/regulations/issued")
assert head.index("proactive/procurement/amount_unit") < head.index("proactive/fees/amount_wan_yuan")
assert head.index("applications/other/total") < head.index("applications/other_overdue_correction/total")
for r in rows[1:]:
    rec = dict(zip(head, r))
    d = json.load(open(f"{sys.argv[2]}/{'liucheng-2020' if rec['edition'] == '2019' else 'huaian-2024'}.json"))
    for t in ("proactive", "applications", "reviews"):
        for row, cols in d[t].items():
            for col, v in cols.items():
                key = f"{t}/{row}/{col}"
                if rec["file"].endswith("odd.json") and key == "applications/granted/natural_person": v = None
                assert rec[key] == ("" if v is None else str(v)), (rec["file"], key, rec[key], v)
    if rec["edition"] == "2019":
        assert rec["proactive/regulations/issued"] == "" and rec["proactive/procurement/amount"] == "38297"
    else:
        assert rec["proactive/regulations/made"] == "" and rec["proactive/procurement/amount_unit"] == ""
assert dict(zip(head, rows[2]))["agency"] == '淮安市, "人民"\n政府'
PY
expect export-wide-2019 0 "$OGI" export --form wide "$data/liucheng-2020.json"
python3 - "$tmp/out" <<'PY' && ok || bad "export wide, one edition"
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8").read(), newline="")))
assert len(rows) == 2 and "proactive/regulations/made" in rows[0] and "proactive/regulations/issued" not in rows[0], rows[0][:8]
assert rows[1][4] == "2021-01-05"
PY
expect export-wide-2021 0 "$OGI" export --form wide "$data/huaian-2024.json"
head -n 1 "$tmp/out" | grep -q 'file,agency,year,edition,published_on,proactive/regulations/issued,' && ok || bad "export wide 2021 header"
expect export-bad-file 2 "$OGI" export "$data/huaian-2024.json" "$tmp/many/f010.json" "$tmp/nope.json"
grep -q "f010.json" "$tmp/err" && grep -q "nope.json" "$tmp/err" && ok || bad "export: bad files not named"
[ "$(grep -c huaian-2024.json "$tmp/out")" -gt 100 ] && ok || bad "export: the good file not written"
expect export-r 0 "$OGI" export -r "$tmp/one" -o "$tmp/one.csv"
[ -s "$tmp/one.csv" ] && [ ! -e "$tmp/one.csv.tmp" ] && ok || bad "export -r -o"
expect export-bad-to 2 "$OGI" export --to xlsx "$data/huaian-2024.json"
expect export-unwritable 2 "$OGI" export "$data/huaian-2024.json" -o "$tmp/no/such/dir/x.csv"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
