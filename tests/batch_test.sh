#!/usr/bin/env bash
# A batch of 10,000 generated reports (docs/batch.md): `ogi validate -r DIR --format json -j 2`
# gives one document per file, in path order, and the right summary; its peak memory does not grow
# with the number of files (10,000 files stay below 1.5 times the peak of 1,000).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../examples/data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed+1)); }
bad() { failed=$((failed+1)); echo "FAIL $*"; }

# 10,000 reports, both editions: every 10th has a slip in section 三 (an error), every 10th
# (another one) a late 落款日期 (a warning only), every 50th is not JSON at all.
python3 - "$data" "$tmp" <<'PY'
import json, os, sys
data, tmp = sys.argv[1], sys.argv[2]
bases = [json.load(open(f"{data}/liucheng-2020.json")), json.load(open(f"{data}/huaian-2024.json"))]
os.makedirs(f"{tmp}/10k/a"); os.makedirs(f"{tmp}/10k/b"); os.makedirs(f"{tmp}/1k")
for i in range(10000):
    sub = "a" if i < 5000 else "b"
    path = f"{tmp}/10k/{sub}/r{i:05d}.json"
    with open(path, "w") as f:
        if i % 50 == 49:
            f.write('{"edition": "2019", "year": ')
        else:
            d = json.loads(json.dumps(bases[i % 2]))
            d["agency"]["name"] += f"（{i}）"
            if i % 10 == 3:
                d["applications"]["carried_forward"]["natural_person"] += 1
            elif i % 10 == 5:
                d["published_on"] = f"{d['year'] + 1}-04-02"
            json.dump(d, f, ensure_ascii=False)
    if i < 1000:
        os.link(path, f"{tmp}/1k/r{i:05d}.json")
with open(f"{tmp}/10k/a/notes.txt", "w") as f: f.write("not a report, not *.json: not read\n")
PY

# peak RSS (KiB) of a command, its stdout to a file: GNU time where installed, else getrusage of
# the child in python (which counts python's own pages before exec too, so it is less sharp)
peak() {  # peak OUT ERR COMMAND...
  local out=$1 err=$2; shift 2
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$tmp/time" "$@" > "$out" 2> "$err"
    local rc=$?
    echo "$rc $(tail -n 1 "$tmp/time")"
    return
  fi
  python3 - "$out" "$err" "$@" <<'PY2'
import resource, subprocess, sys
out, err, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(out, "w") as o, open(err, "w") as e:
    rc = subprocess.run(cmd, stdout=o, stderr=e).returncode
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY2
}

read -r rc10k rss10k < <(peak "$tmp/out10k.json" "$tmp/err10k" "$OGI" validate -r "$tmp/10k" --format json --lang en -j 2)
[ "$rc10k" -eq 1 ] && ok || bad "10k: exit $rc10k, wanted 1"
python3 - "$tmp/out10k.json" "$tmp/err10k" "$tmp/10k" <<'PY' && ok || bad "10k documents and summary"
import collections, json, re, sys
docs = json.load(open(sys.argv[1]))
assert len(docs) == 10000, len(docs)
names = [d["file"] for d in docs]
want = [f"{sys.argv[3]}/{'a' if i < 5000 else 'b'}/r{i:05d}.json" for i in range(10000)]
assert names == want, "not in path order"
for i, d in enumerate(docs):
    rules = {x["rule"] for x in d["diagnostics"] if x["severity"] == "error"}
    if i % 50 == 49:
        assert rules == {"OGI-S-JSON"} and not d["valid"], (i, d)
    elif i % 10 == 3:
        assert "OGI-T3-BALANCE" in rules and not d["valid"], (i, d)
    else:
        assert d["valid"] and not rules, (i, d)
invalid = sum(1 for i in range(10000) if i % 50 == 49 or i % 10 == 3)
per_rule = collections.Counter(x["rule"] for d in docs for x in d["diagnostics"])
summary = open(sys.argv[2]).read().strip().splitlines()[-1]
counts = ", ".join(f"{r} {n}" for r, n in sorted(per_rule.items()))
assert summary == f"10000 files: {10000 - invalid} valid, {invalid} invalid; {counts}", (summary, counts)
assert per_rule["OGI-S-JSON"] == 200, per_rule
PY

read -r rc1k rss1k < <(peak "$tmp/out1k.json" "$tmp/err1k" "$OGI" validate -r "$tmp/1k" --format json --lang en -j 2)
[ "$rc1k" -eq 1 ] && ok || bad "1k: exit $rc1k, wanted 1"
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) == 1000' "$tmp/out1k.json" && ok || bad "1k documents"
echo "peak RSS: 1,000 files ${rss1k} KiB, 10,000 files ${rss10k} KiB"
[ $((rss10k * 2)) -lt $((rss1k * 3)) ] && ok || bad "memory grows with the number of files: ${rss1k} KiB for 1,000, ${rss10k} KiB for 10,000"

# the same check on one thread gives the same bytes
"$OGI" validate -r "$tmp/1k" --format json --lang en -j 1 > "$tmp/out1k-j1.json" 2> /dev/null
cmp -s "$tmp/out1k.json" "$tmp/out1k-j1.json" && ok || bad "-j 1 and -j 2 differ"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
