#!/usr/bin/env bash
# Fails when a fresh `make` would change Output/: builds into a scratch folder and compares byte for byte.
set -euo pipefail
BIN=${BIN:-.build/debug/safetygraph}
ONTOLOGY=${ONTOLOGY:-Ontology}
OUTPUT=${OUTPUT:-Output}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$BIN" build --ontology "$ONTOLOGY" --output "$scratch/Output" 2>"$scratch/log" || { cat "$scratch/log" >&2; exit 1; }
if ! diff -r "$OUTPUT" "$scratch/Output" >"$scratch/diff"; then
  head -n 40 "$scratch/diff" >&2
  echo "check-output: $OUTPUT/ differs from what a fresh build writes: run 'make' and commit $OUTPUT/." >&2
  exit 1
fi
echo "check-output: $OUTPUT/ matches a fresh build."
