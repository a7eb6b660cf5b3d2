#!/usr/bin/env bash
# CI smoke test of the bench/compare programs on a corpus of 20 reports: they run and agree
# with the generator's list of spoilt files. No time is measured.
set -euo pipefail
gen=$1 floor=$2 extract=$3 seeds=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$gen" 20 "$dir/corpus" "$seeds"
test "$(ls "$dir/corpus"/*.json | wc -l)" -eq 20
# One file in ten is spoilt (the 8th of every ten); of those, the floor sees only the cut ones.
test "$(wc -l < "$dir/corpus/expected-invalid.txt")" -eq 2
"$floor" "$dir/corpus" > "$dir/floor.txt" || true
"$extract" "$dir/corpus" 5 > "$dir/extract.txt"
grep -q 'extract text: ' "$dir/extract.txt"
echo "bench tools ok"
