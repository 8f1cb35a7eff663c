#!/usr/bin/env bash
# Installs what SafetyGraph needs and a fresh Debian machine lacks, and only that.
# Safe to run again: every step first checks whether its piece is already there.
# `scripts/setup.sh python` also sets up .venv/ with the Python packages of the conformance suite and the
# benchmarks (Tests/Conformance/requirements.txt). `scripts/setup.sh valgrind` installs valgrind (make valgrind),
# `scripts/setup.sh bench` the cmark-gfm command (make bench). With SETUP_DRY_RUN=1 it only prints, one per line,
# the Debian packages it would install, and installs nothing (the tests run it so to check every name it takes).
set -euo pipefail
cd "$(dirname "$0")/.."
want_python=0
[[ "${1:-}" == python ]] && want_python=1
want_bench=0
[[ "${1:-}" == bench ]] && want_bench=1

say() { printf 'setup: %s\n' "$*" >&2; }

# Debian packages: the C libraries we link (found through pkg-config) and their tools.
need_apt=()
pkg-config --version >/dev/null 2>&1 || need_apt+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists libgvc 2>/dev/null || need_apt+=(libgraphviz-dev)
  pkg-config --exists libcmark-gfm 2>/dev/null || need_apt+=(libcmark-gfm-dev)
  # Release builds allocate with jemalloc (see Package.swift).
  pkg-config --exists jemalloc 2>/dev/null || need_apt+=(libjemalloc-dev)
  # The topic map's PNG is deflated with zlib (Sources/CZlib).
  pkg-config --exists zlib 2>/dev/null || need_apt+=(zlib1g-dev)
else
  need_apt+=(libgraphviz-dev libcmark-gfm-dev libjemalloc-dev zlib1g-dev)
fi
[[ -f /usr/include/cmark-gfm-core-extensions.h ]] || need_apt+=(libcmark-gfm-extensions-dev)
# `make bench` compares our parsing with the cmark-gfm command.
if ((want_bench)); then command -v cmark-gfm >/dev/null 2>&1 || need_apt+=(cmark-gfm); fi
if ((want_python)) && [[ ! -x .venv/bin/python ]]; then
  command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_apt+=(python3-venv)
fi
# The site's browser suite: headless Chromium with its driver, and Java for the Nu HTML checker.
if ((want_python)); then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || need_apt+=(chromium-driver)
  command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
fi
# The determinism test builds under a Turkish locale, which it generates with localedef from these sources.
{ command -v localedef >/dev/null 2>&1 && [[ -f /usr/share/i18n/locales/tr_TR ]]; } || need_apt+=(locales)
# The `dot` command: the tests check that it renders our DOT files without a warning.
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
# The drawings measure text with the fonts fontconfig finds; Output/ was drawn with Liberation Sans standing in
# for Helvetica (only a recommendation of graphviz, so --no-install-recommends would leave it out).
[[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ]] || need_apt+=(fonts-liberation2)
for tool in "$@"; do
  case $tool in
    valgrind)
      command -v valgrind >/dev/null 2>&1 || need_apt+=(valgrind)
      command -v objcopy >/dev/null 2>&1 || need_apt+=(binutils)
      ;;
    python | bench) ;;  # above
    *) say "unknown optional tool '$tool'"; exit 64 ;;
  esac
done

if [[ -n "${SETUP_DRY_RUN:-}" ]]; then
  ((${#need_apt[@]})) && printf '%s\n' "${need_apt[@]}"
  exit 0
fi

if ((${#need_apt[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "missing: ${need_apt[*]}"
    say "this machine has no apt-get: install the equivalents of those Debian packages"
    say "(Graphviz with its development headers and the dot command, the Liberation fonts, cmark-gfm with its"
    say "extensions, jemalloc, zlib, pkg-config) and run make again."
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

# Python packages (conformance suite, browser suite, benchmarks): a virtual environment at .venv/, pinned versions.
if ((want_python)); then
  if [[ ! -x .venv/bin/python ]]; then
    say "creating .venv/ (python3 -m venv)"
    python3 -m venv .venv
  fi
  for requirements in Tests/Conformance/requirements.txt Tests/Browser/requirements.txt; do
    # Installed and at the pinned version? (importlib.metadata, so nothing is imported or run.)
    if ! .venv/bin/python - "$requirements" <<'PY' >/dev/null 2>&1
import sys
from importlib.metadata import version
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if line:
        name, pinned = line.split("==")
        assert version(name) == pinned, name
PY
    then
      say "installing the Python packages of $requirements into .venv/ (pip)"
      if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"; then
        say "pip could not install $requirements (no network, or PyPI unreachable)."
        say "Either point pip at a mirror or a folder of wheels and run make again:"
        say "  PIP_INDEX_URL=https://mirror.example/simple make test     or     PIP_FIND_LINKS=/path/to/wheels make test"
        say "or install the packages into .venv/ by hand: .venv/bin/python -m pip install -r $requirements"
        exit 1
      fi
    fi
  done
fi
exit 0
