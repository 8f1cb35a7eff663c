#!/usr/bin/env bash
# Runs a full `safetygraph build` of the default catalogue under valgrind memcheck and fails unless it ends
# with 0 bytes definitely lost and no memory errors. Prints valgrind's LEAK SUMMARY and ERROR SUMMARY.
#
#   BIN=.build/debug/safetygraph   the debug binary to check (make builds it)
#   ONTOLOGY=Ontology              the ontology folder (its catalogue.md is the default list)
#   VALGRIND_LOG=...               keep the full report there (default: a temporary file, printed on failure)
#
# "Possibly lost" and "still reachable" blocks are the Swift runtime's metadata caches and thread-local
# storage, alive until exit: reported, not failed. Suppressions (scripts/valgrind.supp) cover a Swift runtime
# false positive and leaks inside Graphviz 2.43's dot layout and fontconfig's cache, each with its reason; every
# one that fires is printed with its bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/safetygraph}
ONTOLOGY=${ONTOLOGY:-Ontology}

say() { printf 'valgrind: %s\n' "$*" >&2; }
command -v valgrind >/dev/null || { say "valgrind is not installed (scripts/setup.sh valgrind installs it)"; exit 2; }
[[ -x $BIN ]] || { say "$BIN is not built (make build)"; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
log=${VALGRIND_LOG:-$scratch/valgrind.log}

# Valgrind 3.19 (Debian 12) cannot read the DWARF 5 that clang writes for the C code SwiftPM compiles (Yams'
# libyaml) and gives up on the whole binary. A copy without debug information keeps every symbol name, so
# reports still name the functions; for file:line, build with `-Xcc -gdwarf-4` and pass that binary as BIN.
binary=$BIN
# (grep without -q: with -q, readelf dies of SIGPIPE and pipefail turns the match into a failure.)
if readelf --debug-dump=info "$BIN" 2>/dev/null | grep "Version:[[:space:]]*5$" >/dev/null; then
  binary=$scratch/safetygraph
  objcopy --strip-debug "$BIN" "$binary"
fi

say "memcheck over: safetygraph build --ontology $ONTOLOGY (this takes about a minute)"
set +e
valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \
  --errors-for-leak-kinds=definite --error-exitcode=97 --num-callers=40 -v \
  --suppressions=scripts/valgrind.supp --log-file="$log" \
  "$binary" build --ontology "$ONTOLOGY" --output "$scratch/Output" --quiet >"$scratch/stdout" 2>"$scratch/stderr"
status=$?
set -e

sed -n '/LEAK SUMMARY:/,/suppressed:/p' "$log" | sed 's/^==[0-9]*== //'
sed -n 's/^==[0-9]*== \(ERROR SUMMARY:\)/\1/p' "$log" | tail -n 1
echo "Set aside by scripts/valgrind.supp (faults inside libraries, not ours; the reasons are there):"
sed -n 's/^--[0-9]*-- used_suppression: *\([0-9]*\) \([^ ]*\) [^ ]*\( suppressed: \)\{0,1\}\(.*\)/  \2 (\1 records) \4/p' "$log"

definite=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d ,)
if ((status != 0)) || [[ $definite != 0 ]] || [[ ! -s $scratch/Output/catalog.json ]]; then
  [[ -z ${VALGRIND_LOG:-} ]] && grep -v "^==[0-9]*== *$" "$log" | head -n 200 >&2
  cat "$scratch/stderr" >&2
  say "FAILED (exit $status, definitely lost: ${definite:-?} bytes)"
  exit 1
fi
say "ok: 0 bytes definitely lost, no memory errors ($(cat "$scratch/stdout"))"
