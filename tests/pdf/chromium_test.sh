#!/usr/bin/env bash
# PDFs printed by headless Chromium from `ogi render --to html` of 40 random valid reports of
# both editions (both layouts of 三（六）, blank cells), read back by the PDF reader cell for cell.
# One browser prints all 40 (tests/pdf/print.mjs, puppeteer-core).
#
# Usage: bash tests/pdf/chromium_test.sh path/to/ogi-pdf-roundtrip [N]
# Exit 77 (skipped) only when chromium, node or tests/pdf/node_modules (npm ci) is missing.
# OGI_PDF_KEEP=DIR keeps the pages and PDFs in DIR.
set -euo pipefail
tool=$1 n=${2:-40}
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v chromium > /dev/null || ! command -v node > /dev/null || [ ! -d "$here/node_modules/puppeteer-core" ]; then
  echo "pdf-chromium: chromium, node or tests/pdf/node_modules (npm ci in tests/pdf) is missing: skipped"
  exit 77
fi
work=${OGI_PDF_KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${OGI_PDF_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
"$tool" write "$work" "$n"
timeout 300 node "$here/print.mjs" "$work"
"$tool" check "$work" "$n"
