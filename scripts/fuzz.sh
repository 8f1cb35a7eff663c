#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (with AddressSanitizer) and runs each for FUZZ_SECONDS, unattended.
#
#   FUZZ_SECONDS=60        time per target (make test uses 25)
#   FUZZ_TARGETS="markdown ontology dot"   which targets (a missing one is skipped with a note)
#   FUZZ_TIMEOUT=10        seconds after which one input counts as a hang (a finding)
#   FUZZ_RSS_MB=2560       memory after which the run counts as out of memory (a finding)
#   FUZZ_DIR=.fuzz         seeds/, corpus/ (kept between runs, so long campaigns build on short ones),
#                          crashes/<target>/ (every crashing, hanging or out-of-memory input), logs/
#
# A crash does not end the campaign: the target restarts on its grown corpus until its time is up, so a
# 30-minute run collects every distinct finding. At the end one line per target gives executions, speed, new
# corpus units and findings; the exit status is 1 when anything was found, 2 when a target could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-markdown ontology dot}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2560}
FUZZ_DIR=${FUZZ_DIR:-.fuzz}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz-targets}
FUZZ_CONFIG=${FUZZ_CONFIG:-release}

# target → product, -max_len, dictionary
product() { case $1 in markdown) echo FuzzMarkdown ;; ontology) echo FuzzOntology ;; dot) echo FuzzDOT ;; esac; }
max_len() { case $1 in ontology) echo 17000 ;; dot) echo 4096 ;; *) echo 8192 ;; esac; }
# Leak detection stays on (AddressSanitizer's LeakSanitizer after every input) except for the DOT target: Graphviz
# 2.43's dot layout and fontconfig leak inside themselves on every layout (see scripts/valgrind.supp), and the
# stacks LeakSanitizer records through Debian's libraries are too short to tell those leaks from ours. How we
# use Graphviz is leak-checked by `make valgrind` instead, over a full build.
extra_flags() { case $1 in dot) echo -detect_leaks=0 ;; esac; }
asan_options() { case $1 in dot) echo detect_leaks=0 ;; *) echo detect_leaks=1 ;; esac; }

say() { printf 'fuzz: %s\n' "$*" >&2; }

# MARK: - Build

# `--sanitize=fuzzer` tells SwiftPM that libFuzzer supplies `main` (otherwise it aliases `main` to an empty
# entry point). The one -sanitize=fuzzer,address after it wins: swift-frontend keeps only the last
# -sanitize, so SwiftPM's `--sanitize=fuzzer --sanitize=address` would leave Swift code without
# AddressSanitizer. lld (shipped with the toolchain) links, because gold drops most coverage counters of
# Swift code (libFuzzer then sees no new coverage at all).
flags=(--sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
  -Xcc -fsanitize=fuzzer-no-link,address)
say "building the fuzz targets (swift build --package-path Fuzz ${flags[*]})"
build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
if ! "$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c "$FUZZ_CONFIG" "${flags[@]}" >"$build_log" 2>&1; then
  tail -n 40 "$build_log" >&2
  say "the fuzz targets do not build"
  exit 2
fi
bin=$SCRATCH/$FUZZ_CONFIG

scripts/fuzz-seeds.sh

# MARK: - Run

mkdir -p "$FUZZ_DIR/logs"
# Swift's own crash backtracer would fight AddressSanitizer over a failing input; libFuzzer reports instead.
export SWIFT_BACKTRACE=enable=no
summary=()
status=0
for target in $FUZZ_TARGETS; do
  exe=$bin/$(product "$target")
  if [[ ! -x $exe ]]; then
    say "$target: no fuzz target $(product "$target") in Fuzz/ yet; skipped"
    summary+=("$(printf '%-9s skipped (not built)' "$target")")
    continue
  fi
  corpus=$FUZZ_DIR/corpus/$target
  crashes=$FUZZ_DIR/crashes/$target
  seeds=$FUZZ_DIR/seeds/$target
  [[ -d $seeds ]] || seeds=$FUZZ_DIR/seeds/markdown
  log=$FUZZ_DIR/logs/$target.log
  mkdir -p "$corpus" "$crashes"
  : >"$log"
  dict=()
  [[ -f Fuzz/Dictionaries/$target.dict ]] && dict=(-dict="Fuzz/Dictionaries/$target.dict")
  findings_before=$(find "$crashes" -type f | wc -l)

  say "$target: fuzzing for ${FUZZ_SECONDS}s (log: $log)"
  deadline=$((SECONDS + FUZZ_SECONDS))
  began=$SECONDS executed=0 added=0 sessions=0 quick_failures=0
  while ((SECONDS < deadline - 2)); do
    started=$SECONDS
    sessions=$((sessions + 1))
    session_log=$(mktemp)
    set +e
    # shellcheck disable=SC2046 # extra_flags gives whole words
    ASAN_OPTIONS=$(asan_options "$target") "$exe" "$corpus" "$seeds" "${dict[@]}" $(extra_flags "$target") \
      -max_total_time=$((deadline - SECONDS)) -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB" \
      -malloc_limit_mb="$FUZZ_RSS_MB" -max_len="$(max_len "$target")" -print_final_stats=1 \
      -artifact_prefix="$crashes/" -close_fd_mask=1 >"$session_log" 2>&1
    rc=$?
    set -e
    cat "$session_log" >>"$log"
    if ((rc != 0)) && ! grep -q "^artifact_prefix=\|Test unit written to" "$session_log"; then
      tail -n 20 "$session_log" >&2
      say "$target: libFuzzer failed without a finding (exit $rc); see above"
      rm -f "$session_log"
      status=2
      break
    fi
    executed=$((executed + $(awk '/^stat::number_of_executed_units:/ { s += $2 } END { print s + 0 }' "$session_log")))
    added=$((added + $(awk '/^stat::new_units_added:/ { s += $2 } END { print s + 0 }' "$session_log")))
    rm -f "$session_log"
    ((rc == 0)) && break
    # A finding: libFuzzer saved the input under $crashes and stopped. Go on with the rest of the time, but
    # not forever if every session dies at once (a seed that crashes on loading).
    if ((SECONDS - started < 5)); then quick_failures=$((quick_failures + 1)); else quick_failures=0; fi
    if ((quick_failures >= 3)); then
      say "$target: three sessions in a row failed within seconds; stopping this target"
      break
    fi
  done
  elapsed=$((SECONDS - began))
  rate=$((executed / (elapsed > 0 ? elapsed : 1)))
  findings=$(($(find "$crashes" -type f | wc -l) - findings_before))
  ((findings > 0 && status == 0)) && status=1
  summary+=("$(printf '%-9s %10d executions in %5ds  %6d exec/s  %5d new units  %3d findings  (%d session%s)' \
    "$target" "$executed" "$elapsed" "$rate" "$added" "$findings" "$sessions" "$([[ $sessions == 1 ]] || echo s)")")
done

echo "fuzz: summary (${FUZZ_SECONDS}s per target; findings in $FUZZ_DIR/crashes/<target>/)"
printf '  %s\n' "${summary[@]}"
if ((status)); then
  echo "fuzz: FINDINGS — reproduce one with: $bin/<FuzzTarget> <file>; see $FUZZ_DIR/logs/<target>.log" >&2
  find "$FUZZ_DIR/crashes" -type f -newer "$build_log" | sed 's/^/  /' >&2
fi
exit "$status"
