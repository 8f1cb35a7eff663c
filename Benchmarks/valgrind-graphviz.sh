#!/usr/bin/env bash
# make valgrind-graphviz: valgrind memcheck over graphviz-probe rendering (1) a small graph without clusters in
# every format, (2) DOT that makes Graphviz warn and DOT it cannot parse, (3) the topic map (clusters).
# Each must end with 0 bytes "definitely lost" once the known library leaks in valgrind-graphviz.supp are set
# aside; the script also prints what those library leaks were, unsuppressed, so nothing is hidden.
set -euo pipefail
SWIFT=${SWIFT:-swift}
BUILD_DIR=${BUILD_DIR:-.build}
here=$(cd "$(dirname "$0")" && pwd)

command -v valgrind >/dev/null 2>&1 || { echo "valgrind-graphviz: install valgrind (apt-get install valgrind)" >&2; exit 1; }
command -v objcopy >/dev/null 2>&1 || { echo "valgrind-graphviz: install binutils (objcopy)" >&2; exit 1; }

"$SWIFT" build --scratch-path "$BUILD_DIR" --product graphviz-probe >/dev/null
"$SWIFT" build --scratch-path "$BUILD_DIR" --product safetygraph >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: run a copy without it.
objcopy --strip-debug "$BUILD_DIR/debug/graphviz-probe" "$tmp/probe"

cat >"$tmp/small.dot" <<'DOT'
digraph "small" {
  graph [rankdir="LR", label="A small graph & its \"labels\""];
  node [shape="box", style="rounded,filled", fontname="Helvetica"];
  "a" [label="Robustness (4)", URL="../site/topics/robustness.html", tooltip="Keeps working.\nUnder stress."];
  "b" [label="<script> { \\N", URL="https://example.org/?a=1&amp;b=2"];
  "c" [label="emoji 🛡️ rtl ‏مرحبا‏"];
  "a" -> "b";
  "a" -> "c" [style="dashed", dir="none"];
}
DOT
"$BUILD_DIR/debug/safetygraph" render --format dot -o "$tmp/topic-map.dot"

status=0
check() {
  local name=$1
  shift
  local log="$tmp/$name.log"
  valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    --suppressions="$here/valgrind-graphviz.supp" "$tmp/probe" "$@" >"$tmp/$name.out" 2>"$log" || true
  local lost errors
  lost=$(grep -Eo 'definitely lost: [0-9,]+ bytes' "$log" | tail -1 || true)
  errors=$(grep -Eo 'ERROR SUMMARY: [0-9]+ errors' "$log" | tail -1 || true)
  [[ -n $lost ]] || lost="definitely lost: 0 bytes"
  printf '%-31s %-32s %-24s' "$name" "$lost" "$errors"
  valgrind --leak-check=full "$tmp/probe" "$@" >/dev/null 2>"$log.raw" || true
  printf ' (library leaks set aside: %s)\n' "$(grep -Eo 'definitely lost: [0-9,]+ bytes' "$log.raw" | tail -1 | sed 's/definitely lost: //')"
  if [[ $lost != "definitely lost: 0 bytes" || $errors != "ERROR SUMMARY: 0 errors" ]]; then
    status=1
    grep -A25 'definitely lost in\|Invalid\|uninitialised' "$log" | head -80 >&2 || true
  fi
}

echo "valgrind memcheck over graphviz-probe (debug build):"
check "small graph x5 (svg,png,xdot)" render "$tmp/small.dot" 5
check "warnings and a syntax error" messages
check "topic map x3 (svg,png,xdot)" render "$tmp/topic-map.dot" 3
exit $status
