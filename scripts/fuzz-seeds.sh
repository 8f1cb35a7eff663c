#!/usr/bin/env bash
# Writes the fuzzers' seed corpora into $FUZZ_DIR/seeds/<target>/ (git-ignored), made afresh on every run
# from what is beside and in the repository — the corpora's text never enters git:
#   markdown  ../shared/corpora/*.md and Ontology/catalogue.md cut at headings into pieces of a few kB,
#             every *.md under Tests/*/Fixtures, the bad-input suite's lists, and hostile inputs made here
#   ontology  Ontology/, every *.yaml/*.yml under Tests/*/Fixtures and the bad-input suite's ontology files,
#             each prefixed with the byte that tells FuzzOntology which file of the folder it replaces, and
#             hostile YAML made here
# The bad-input suite's files (Tests/SafetyGraphCLITests/BadInput, a Swift table) come from its export test,
# run when the tests are already built in $BUILD_DIR (make test builds them first); otherwise they are skipped.
#   dot       DOT programs made here (hostile ids, labels, URLs, clusters), and a few Markdown seeds behind
#             the byte that tells FuzzDOT to draw the list's graph instead
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_DIR=${FUZZ_DIR:-.fuzz}
CORPORA=${CORPORA:-../shared/corpora}
BUILD_DIR=${BUILD_DIR:-.build}
SWIFT=${SWIFT:-swift}
seeds=$FUZZ_DIR/seeds
rm -rf "$seeds"
mkdir -p "$seeds/markdown" "$seeds/ontology" "$seeds/dot"

# The bad-input table's files, through its export test (only with tests already built: no build here).
bad=$seeds/bad-input
if compgen -G "$BUILD_DIR/debug/*.xctest" >/dev/null; then
  mkdir -p "$bad"
  if ! SAFETYGRAPH_FUZZ_SEEDS=$(cd "$bad" && pwd) "$SWIFT" test --scratch-path "$BUILD_DIR" --skip-build \
    --filter FuzzSeedExportTests >"$seeds/bad-input.log" 2>&1; then
    echo "fuzz-seeds: the bad-input export failed (see $seeds/bad-input.log); going on without it" >&2
  fi
else
  echo "fuzz-seeds: no test build in $BUILD_DIR; the bad-input suite's files are not among the seeds" >&2
fi

# MARK: - Markdown

# Cuts a Markdown file at headings (and at blank lines once a piece passes ~3 kB), so that each seed is one
# section: small enough for -max_len, and every list shape of the file is somewhere at the start of a seed.
cut_markdown() { # file prefix
  awk -v out="$seeds/markdown" -v base="$2" -v max=3000 '
    function flush() {
      if (buf != "") { n++; f = sprintf("%s/%s-%03d.md", out, base, n); printf "%s", buf > f; close(f) }
      buf = ""; size = 0
    }
    /^#/ && size > 0 { flush() }
    { buf = buf $0 "\n"; size += length($0) + 1 }
    size > max && /^[[:space:]]*$/ { flush() }
    END { flush() }' "$1"
}

if [[ -d $CORPORA ]]; then
  for file in "$CORPORA"/*.md; do
    [[ $(basename "$file") == README.md ]] && continue
    cut_markdown "$file" "corpus-$(basename "$file" .md)"
  done
else
  echo "fuzz-seeds: $CORPORA not found; Markdown seeds come from the repository only" >&2
fi
cut_markdown Ontology/catalogue.md catalogue
while IFS= read -r -d '' file; do
  cp "$file" "$seeds/markdown/fixture-$(printf '%s' "$file" | tr '/' '_')"
done < <(find Tests -path '*/Fixtures/*' -type f \( -name '*.md' -o -path '*/Fixtures/Fuzz/markdown/*' \) -print0)
if [[ -d $bad ]]; then
  while IFS= read -r -d '' file; do
    cp "$file" "$seeds/markdown/bad-input-$(printf '%s' "${file#"$bad"/}" | tr '/' '_')"
  done < <(find "$bad" -type f -name '*.md' -print0)
fi

md=$seeds/markdown
printf '' >"$md/hostile-empty.md"
printf '\xef\xbb\xbf# Tools\r\n\r\n- [A](https://a.example/x) - crlf and a BOM\r\n' >"$md/hostile-crlf-bom.md"
printf '# Papers\n\n- [Nul\0title](https://a.example/\0) - nul\n' >"$md/hostile-nul.md"
printf '# Papers\n\n- [Bad \xff\xfe bytes](https://a.example/b) - \xc3\x28\n' >"$md/hostile-invalid-utf8.md"
printf '# Papers\n\n- [What\xe2\x80\x9a\xc3\x84\xc3\xb4s new](https://a.example/m) - mojibake \xc3\xb0\xc5\xb8\xc5\x92\xc5\xb8\n' >"$md/hostile-mojibake.md"
{ printf '# Deep\n\n'; for i in $(seq 1 200); do printf '%*s- [L%d](https://a.example/%d)\n' $((i * 2)) '' "$i" "$i"; done; } >"$md/hostile-deep-list.md"
{ printf '# Deep quote\n\n'; for _ in $(seq 1 300); do printf '>'; done; printf ' - [Q](https://a.example/q)\n'; } >"$md/hostile-deep-quote.md"
{ printf '# Wide\n\n'; for i in $(seq 1 300); do printf '| c%d ' "$i"; done; printf '|\n'; for _ in $(seq 1 300); do printf '|---'; done; printf '|\n'; for i in $(seq 1 300); do printf '| [x](https://a.example/%d) ' "$i"; done; printf '|\n'; } >"$md/hostile-wide-table.md"
{ printf '# Links\n\n- '; for i in $(seq 1 500); do printf '[[paper]](https://a.example/%d) ' "$i"; done; printf '\n'; } >"$md/hostile-many-links.md"
{ printf '# Brackets\n\n- '; for _ in $(seq 1 2000); do printf '['; done; printf '](https://a.example/)\n'; } >"$md/hostile-brackets.md"
{ printf '# Emphasis\n\n- '; for _ in $(seq 1 2000); do printf '*_'; done; printf '[x](https://a.example/)\n'; } >"$md/hostile-emphasis.md"
printf '# Html\n\n<details><summary>x</summary>\n\n- [In details](https://a.example/d) - <a href="https://a.example/h">h</a>\n\n</details>\n<table><tr><td><a href="https://a.example/t">T</a></td></tr></table>\n' >"$md/hostile-html.md"
printf '# Combining\n\n- [\xcc\x81\xcc\x81\xe2\x80\x8d\xef\xb8\x8f\xf0\x9f\x8c\x9f](https://a.example/%%F0%%9F) - \xe2\x80\xae\xe2\x80\xad rtl (NIST, 2023)\n' >"$md/hostile-unicode.md"

# MARK: - Ontology

# FuzzOntology reads the first byte as the file to replace: 0 scheme.yaml, 1 concepts/base.yaml, 2 an added
# concepts file, 3 rules.yaml, 4 overrides.yaml.
ontology_seed() { # selector file name
  { printf "\\x0$1"; cat "$2"; } >"$seeds/ontology/$3"
}
role_seeds() { # file prefix
  local name
  name=$(basename "$1")
  case $name in
    scheme.y*ml) ontology_seed 0 "$1" "$2-scheme" ;;
    rules.y*ml) ontology_seed 3 "$1" "$2-rules" ;;
    overrides.y*ml) ontology_seed 4 "$1" "$2-overrides" ;;
    *) ontology_seed 1 "$1" "$2-${name%.*}-base"; ontology_seed 2 "$1" "$2-${name%.*}-extra" ;;
  esac
}
for file in Ontology/*.yaml Ontology/concepts/*.yaml; do
  role_seeds "$file" "shipped-$(basename "$(dirname "$file")")"
done
while IFS= read -r -d '' file; do
  role_seeds "$file" "fixture-$(dirname "$file" | tr '/' '_')"
done < <(find Tests -path '*/Fixtures/*' -type f \( -name '*.yaml' -o -name '*.yml' \) -print0)
if [[ -d $bad ]]; then
  while IFS= read -r -d '' file; do
    role_seeds "$file" "bad-input-$(dirname "${file#"$bad"/}" | tr '/' '_')"
  done < <(find "$bad" -type f \( -name '*.yaml' -o -name '*.yml' \) -print0)
fi
while IFS= read -r -d '' file; do
  cp "$file" "$seeds/ontology/regression-$(basename "$file")"
done < <(find Tests -path '*/Fixtures/Fuzz/ontology/*' -type f -print0)

y=$seeds/ontology
yaml() { printf "$2" >"$y/hostile-$1"; }
yaml scheme-empty '\x00'
yaml concepts-null '\x01concepts:\n'
yaml concepts-scalar '\x01concepts: hello\n'
yaml anchors '\x01concepts:\n  - &a\n    id: x\n    prefLabel: X\n    definition: d\n  - *a\n'
yaml laughs '\x03ignorePhrases: &a [lol, lol]\nnavigationSections: [*a, *a, *a]\n'
yaml tabs '\x01concepts:\n\t- id: x\n'
yaml bom '\x00\xef\xbb\xbfid: s\ntitle: T\ndefinition: D\n'
yaml invalid-utf8 '\x00id: s\xff\ntitle: T\ndefinition: D\n'
yaml duplicate-keys '\x00id: s\nid: t\ntitle: T\ndefinition: D\n'
yaml cycle '\x02concepts:\n  - id: a\n    prefLabel: A\n    definition: d\n    broader: [b]\n  - id: b\n    prefLabel: B\n    definition: d\n    broader: [a]\n'
yaml self-broader '\x02concepts:\n  - id: self\n    prefLabel: Self\n    definition: d\n    broader: [self]\n'
yaml label-clash '\x02concepts:\n  - id: clash\n    prefLabel: Robustness\n    altLabels: [r\xc3\xa9d-teaming, "RED TEAMING", "\xef\xac\x81ne-tuning"]\n    definition: d\n'
yaml ignore-equals-label '\x03ignorePhrases: [robustness, XAI, "  ", ""]\n'
yaml bad-iri '\x02concepts:\n  - id: iri\n    prefLabel: Iri\n    definition: d\n    exactMatch: ["javascript:alert(1)", "http://", "urn:x"]\n'
yaml override-unknown '\x04overrides:\n  - url: not a url\n    add: [nope]\n    remove: [robustness, robustness]\n'
yaml numbers '\x00id: 1\ntitle: no\ndefinition: 1.0e3\n'
yaml flow '\x01{concepts: [{id: a, prefLabel: A, definition: d, broader: []}]}\n'
yaml multi-doc '\x00id: s\ntitle: T\ndefinition: D\n---\nid: t\n'
yaml tags '\x00!!binary id: s\ntitle: !custom T\ndefinition: D\n'
yaml complex-key '\x00? [a, b]\n: c\n'
{ printf '\x01concepts:'; for _ in $(seq 1 300); do printf ' ['; done; printf '\n'; } >"$y/hostile-deep-flow"
{ printf '\x01concepts:\n'; for i in $(seq 1 200); do printf '%*s- x%d:\n' $((i * 2)) '' "$i"; done; } >"$y/hostile-deep-block"
{ printf '\x02concepts:\n'; for i in $(seq 1 200); do printf '  - id: c%d\n    prefLabel: Label %d\n    definition: d\n    broader: [c%d]\n' "$i" "$i" $((i + 1)); done; printf '  - id: c201\n    prefLabel: Top\n    definition: d\n'; } >"$y/hostile-long-chain"

# MARK: - DOT

# FuzzDOT reads the first byte as the mode (0 a directed DOT program, 2 an undirected one, 1 a Markdown list)
# and a program as fields separated by 0xFF, each an operation byte and its text (see DOTProgram.swift):
# \x00 node + label field, \x01 edge, \x02 graph attribute, \x03 cluster, \x04 close, \x05 node attribute.
d=$seeds/dot
dot() { printf "$2" >"$d/$1"; }
dot plain '\x00G\xff\x00a\xffA\xff\x00b\xffB\xff\x01\x00\x01edge'
dot quotes '\x00"quoted" \\N id\xff\x00"\xff\\"\\\xff\x00\\\xff\\N \\G \\l\xff\x01\x00\x01"'
dot entities '\x00&amp;\xff\x00&lt;script&gt;\xff<b>&#x1F6E1;</b> & &amp &#0;\xff\x05\x02https://a.example/?a=1&b=2\xff\x05\x01tip & "x"'
dot controls '\x02\r\n\xff\x00a\r\nb\xff\x00\x01\x7f\xc2\x85\xef\xbf\xbe\xef\xbf\xbf\xff\x00\x09\x0b\x0c\xff\x01\x00\x01'
dot unicode '\x00\xf0\x9f\x9b\xa1\xef\xb8\x8f\xff\x00\xe2\x80\xae\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7\xff\xcc\x81\xcc\x81\xe2\x80\x8d\xff\x00\xef\xbb\xbf\xff\xe2\x80\xa8\xe2\x80\xa9'
dot clusters '\x00G\xff\x03c1\xff\x00a\xffA\xff\x03c2\xff\x00b\xffB\xff\x04\xff\x04\xff\x02cluster_x\xff\x00cluster_x\xff\x01\x00\x01'
dot keywords '\x02graph\xff\x00node\xffedge\xff\x00subgraph\xffdigraph\xff\x00strict\xff--\xff\x01\x00\x01->\xff\x00\xff\xff\x02\x00'
dot nul '\x00\x00\xff\x00a\x00b\xff\x00\x00\xff\x05\x02\x00'
{ printf '\x00G'; for i in $(seq 1 30); do printf '\xff\x00n%d\xffLabel %d with a long text that wraps across several lines of the node' "$i" "$i"; printf '\xff\x01%b%b' "\\x$(printf %02x $((i % 7)))" "\\x$(printf %02x $((i % 5)))"; done; } >"$d/many"
{ printf '\x00G\xff\x00long\xff'; head -c 3000 /dev/zero | tr '\0' 'W'; } >"$d/long-label"
n=0
for file in "$seeds/markdown"/catalogue-00[1-4].md "$seeds/markdown"/hostile-*.md; do
  [[ -f $file ]] || continue
  n=$((n + 1))
  { printf '\x01'; head -c 4000 "$file"; } >"$d/markdown-$n"
done

count() { find "$1" -type f | wc -l | tr -d ' '; }
echo "fuzz-seeds: $(count "$seeds/markdown") Markdown, $(count "$seeds/ontology") ontology, $(count "$seeds/dot") DOT seeds in $seeds/"
