#!/usr/bin/env bash
# Every case of the extraction property tests (tests/property/main.cpp): every cut of every corpus
# report and of 24 random reports in seven layouts, every value cell blanked and deleted, the
# sections in 13 orders each. CI runs a sample (CTest extract-properties); this runs them all.
# Usage: tests/property_full.sh [BUILD_DIR]   (default build/; builds ogi-property first)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
cmake --build "$build" -j2 --target ogi-property > /dev/null
exec "$build/bin/ogi-property" "$here/.." --full
