#!/usr/bin/env bash
# make bench: renders the topic map in-process (libgvc) and with the `dot` command (process start included,
# as a user running `dot` would pay) on the same DOT file, release build, and prints the medians and the ratio.
set -euo pipefail
SWIFT=${SWIFT:-swift}
BUILD_DIR=${BUILD_DIR:-.build}
RUNS=${RUNS:-21}

"$SWIFT" build -c release --scratch-path "$BUILD_DIR" --product safetygraph >/dev/null
"$SWIFT" build -c release --scratch-path "$BUILD_DIR" --product graphviz-probe >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BUILD_DIR/release/safetygraph" render --format dot -o "$tmp/topic-map.dot"
"$BUILD_DIR/release/graphviz-probe" bench "$tmp/topic-map.dot" "$RUNS"
