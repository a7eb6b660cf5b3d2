#!/usr/bin/env bash
# `ogi extract` on PDFs and Word documents (docs/extract.md): the real PDFs read; the kind told by
# the bytes, not the name; -r over a folder of .txt, .html, .pdf and .docx; hostile PDFs
# (tests/pdf/pdfgen.py: a scan, a password, an owner password only, 600 pages, a page tree that
# claims a million, a cut-off file, junk) and DOCX files (python's zipfile: a zip bomb, entry
# names that climb out, a .doc renamed) each refused with a clear error in bounded time, and
# nothing written for them: not in -o DIR, not beside it, not where a name points.
#
# Usage: OGI=path/to/ogi bash tests/readers_cli_test.sh   (exit 77: ogi was built without PDF reading)
set -uo pipefail
: "${OGI:?set OGI to the ogi binary}"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed+1)); }
bad() { failed=$((failed+1)); echo "FAIL $*"; }
run() {  # run NAME STATUS COMMAND...: its exit status, stdout in $tmp/out, stderr in $tmp/err
  local name=$1 want=$2; shift 2
  timeout 120 "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, wanted $want"; cat "$tmp/err"; fi
}
said() {  # said NAME TEXT: stderr has TEXT
  grep -qF -- "$2" "$tmp/err" && ok || { bad "$1: stderr lacks '$2'"; cat "$tmp/err"; }
}

if "$OGI" extract "$here/corpus/pdf/hongze-2023.pdf" 2>&1 | grep -q "no PDF reader"; then
  echo "readers-cli: this ogi was built without the PDF reader (poppler-cpp): skipped"
  exit 77
fi

# The real PDFs: read, with values of the key.
run hongze-2023 0 "$OGI" extract --lang en "$here/corpus/pdf/hongze-2023.pdf"
python3 - "$tmp/out" <<'PY' && ok || bad "hongze-2023 values"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["agency"]["name"] == "洪泽区人民政府" and d["year"] == 2023, (d["agency"], d["year"])
assert d["proactive"]["fees"]["amount_wan_yuan"] == "7730.28", d["proactive"]["fees"]
assert d["applications"]["new_received"]["natural_person"] == 21
assert d["reviews"]["administrative_review"]["upheld"] == 10
PY

# Hostile PDFs.
gen() { python3 "$here/pdf/pdfgen.py" "$1" "$tmp/in/$2"; }
mkdir -p "$tmp/in" "$tmp/out-dir"
gen scan scan.pdf; gen password password.pdf; gen encrypted encrypted.pdf; gen pages600 pages600.pdf
gen count count.pdf; gen truncated truncated.pdf; gen malformed malformed.pdf; gen table table.pdf
run scan 1 "$OGI" extract --lang en "$tmp/in/scan.pdf"
said scan "OGI-E-FORMAT"; said scan "has no text layer"; said scan "ocrmypdf"
[ ! -s "$tmp/out" ] && ok || bad "scan: a report was written for a scan"
run scan-zh 1 "$OGI" extract --lang zh "$tmp/in/scan.pdf"
said scan-zh "没有文字层"
run password 1 "$OGI" extract --lang en "$tmp/in/password.pdf"
said password "password-protected"; said password "qpdf --decrypt"
run encrypted 0 "$OGI" extract --lang en --format json "$tmp/in/encrypted.pdf"
grep -qF "opens without a password: it was read" "$tmp/out" && ok || bad "encrypted: the note is missing"
run pages600 1 "$OGI" extract --lang en "$tmp/in/pages600.pdf"
said pages600 "600 pages, over the limit of 500"
run count 1 "$OGI" extract --lang en "$tmp/in/count.pdf"
said count "OGI-E-FORMAT"; said count "Page count (1000000)"
run truncated 1 "$OGI" extract --lang en "$tmp/in/truncated.pdf"
said truncated "cut short"
head -c 150000 "$here/corpus/pdf/hongze-2023.pdf" > "$tmp/in/hongze-cut.pdf"
run hongze-cut 1 "$OGI" extract --lang en "$tmp/in/hongze-cut.pdf"
said hongze-cut "cut short"
run malformed 1 "$OGI" extract --lang en "$tmp/in/malformed.pdf"
said malformed "OGI-E-FORMAT"

# Hostile DOCX files, made with python's zipfile.
python3 - "$tmp/in" <<'PY'
import io, os, sys, zipfile
d = sys.argv[1]
doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       '<w:body><w:p><w:r><w:t>测试</w:t></w:r></w:p></w:body></w:document>')
with zipfile.ZipFile(os.path.join(d, "bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", "<" * (200 << 20))  # 200 MiB of one byte: 200 KB deflated
with zipfile.ZipFile(os.path.join(d, "climb.docx"), "w") as z:
    for name in ("../../../climbed.txt", "/tmp/ogi-climbed-absolute.txt", "word/../../climbed2.txt"):
        z.writestr(zipfile.ZipInfo(name), "written?")
    z.writestr("word/document.xml", doc)
ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504 + "WordDocument".encode("utf-16-le")
open(os.path.join(d, "renamed.docx"), "wb").write(ole)
open(os.path.join(d, "junk.docx"), "wb").write(b"PK\x03\x04" + b"word/document.xml" + os.urandom(4000))
with zipfile.ZipFile(os.path.join(d, "encoding.docx"), "w") as z:  # bytes its encoding cannot have
    z.writestr("word/document.xml", b'<?xml version="1.0" encoding="ISO-2022-JP"?><w:document>' + b"\xf8\xe2\x05\x1a" * 10)
PY
start=$(date +%s)
run bomb 1 "$OGI" extract --lang en "$tmp/in/bomb.docx"
said bomb "over the limit of 33554432"
[ $(( $(date +%s) - start )) -lt 20 ] && ok || bad "bomb: took more than 20 s"
(cd "$tmp/out-dir" && run climb 1 "$OGI" extract --lang en "$tmp/in/climb.docx")
said climb "OGI-E-NO-TABLES"  # read as a Word document (it has no table of the form): nothing extracted
[ ! -e "$tmp/climbed.txt" ] && [ ! -e "$tmp/in/climbed.txt" ] && [ ! -e /tmp/ogi-climbed-absolute.txt ] && ok ||
  bad "climb: an entry of the archive was written to disk"
run renamed 1 "$OGI" extract --lang en "$tmp/in/renamed.docx"
said renamed "libreoffice --headless --convert-to docx"
run junk 1 "$OGI" extract --lang en "$tmp/in/junk.docx"
said junk "not a readable DOCX"
run encoding 1 "$OGI" extract --lang en "$tmp/in/encoding.docx"
[ "$(grep -cv '^error  *OGI-E' "$tmp/err")" -eq 0 ] && ok || { bad "encoding: libxml2 wrote to stderr"; cat "$tmp/err"; }

# -r over a folder: .txt, .html, .pdf, .docx are taken; the kind is told by the bytes (a text
# named .pdf is read as text); a file refused gets no output, and only outputs are written.
mkdir -p "$tmp/tree/sub"
cp "$here/corpus/pdf/hongze-2024.pdf" "$tmp/tree/a.pdf"
cp "$here/corpus/seed/liucheng-2020.txt" "$tmp/tree/sub/b.txt"
cp "$here/corpus/seed/liucheng-2020.txt" "$tmp/tree/sub/text-named.pdf"
cp "$tmp/in/scan.pdf" "$tmp/tree/scan.pdf"
cp "$tmp/in/renamed.docx" "$tmp/tree/sub/renamed.docx"
printf 'not a report' > "$tmp/tree/ignored.md"
run tree 1 "$OGI" extract --lang en -r "$tmp/tree" -o "$tmp/tree-out"
python3 - "$tmp/tree-out" <<'PY' && ok || bad "tree outputs"
import json, os, sys
root = sys.argv[1]
got = sorted(os.path.relpath(os.path.join(b, f), root) for b, _, fs in os.walk(root) for f in fs)
assert got == ["a.json", "sub/b.json", "sub/text-named.json"], got
assert json.load(open(os.path.join(root, "a.json")))["year"] == 2024
assert json.load(open(os.path.join(root, "sub/text-named.json")))["agency"]["name"] == "南安市柳城街道办事处"
PY
said tree "scan.pdf"; said tree "renamed.docx"

# Several at once, on two threads: the same as one by one.
run jobs 0 "$OGI" extract -j 2 -o "$tmp/jobs" "$here/corpus/pdf/hongze-2023.pdf" "$here/corpus/pdf/hongze-2024.pdf" \
  "$tmp/in/encrypted.pdf"
"$OGI" extract "$here/corpus/pdf/hongze-2024.pdf" 2> /dev/null | cmp -s - "$tmp/jobs/hongze-2024.json" && ok ||
  bad "jobs: the output of -j 2 differs"

echo "readers-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
