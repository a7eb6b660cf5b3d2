#!/usr/bin/env bash
# Installs the built library into a scratch prefix, builds examples/quickstart.cpp against it
# with find_package(ogi), and runs it on the bundled reports.
set -euo pipefail
build=$1 compiler=$2
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > /dev/null
cmake -S "$here" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_CXX_COMPILER="$compiler" \
      -DQUICKSTART_SOURCE="$src/examples/quickstart.cpp" > /dev/null
cmake --build "$work/build" > /dev/null
"$work/build/quickstart" "$src/examples/data/liucheng-2020.json" | tail -n 1 | grep -qx valid
# a report with a slip is found invalid (exit 1) with the rule named
sed 's/"carried_forward": {/"carried_forward": {"natural_person": 9, "x_": 0, /' "$src/examples/data/liucheng-2020.json" \
  | python3 -c 'import sys,json; d=json.load(sys.stdin); del d["applications"]["carried_forward"]["x_"]; json.dump(d,sys.stdout,ensure_ascii=False)' \
  > "$work/slip.json"
set +e
out=$("$work/build/quickstart" "$work/slip.json")
status=$?
set -e
[ "$status" -eq 1 ] && grep -q "OGI-T3-BALANCE /applications/carried_forward/natural_person" <<<"$out"
echo "install-consumer: ok"
