#!/usr/bin/env bash
# Installs what SafetyGraph needs and a fresh Debian machine lacks, and only that.
# Safe to run again: every step first checks whether its piece is already there.
set -euo pipefail

say() { printf 'setup: %s\n' "$*" >&2; }

# Debian packages: the C libraries we link (found through pkg-config) and their tools.
need_apt=()
pkg-config --version >/dev/null 2>&1 || need_apt+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists libgvc 2>/dev/null || need_apt+=(libgraphviz-dev)
  pkg-config --exists libcmark-gfm 2>/dev/null || need_apt+=(libcmark-gfm-dev)
else
  need_apt+=(libgraphviz-dev libcmark-gfm-dev)
fi
[[ -f /usr/include/cmark-gfm-core-extensions.h ]] || need_apt+=(libcmark-gfm-extensions-dev)
# The `dot` command: the tests check that it renders our DOT files without a warning.
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
# The drawings measure text with the fonts fontconfig finds; Output/ was drawn with Liberation Sans standing in
# for Helvetica (only a recommendation of graphviz, so --no-install-recommends would leave it out).
[[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ]] || need_apt+=(fonts-liberation2)

if ((${#need_apt[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "missing: ${need_apt[*]}"
    say "this machine has no apt-get: install the equivalents of those Debian packages"
    say "(Graphviz with its development headers and the dot command, the Liberation fonts, cmark-gfm with its"
    say "extensions, pkg-config) and run make again."
    exit 1
  fi
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      say "missing: ${need_apt[*]}"
      say "installing them needs root. Run:  sudo apt-get update && sudo apt-get install -y ${need_apt[*]}"
      exit 1
    fi
  fi
  say "installing ${need_apt[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
exit 0
