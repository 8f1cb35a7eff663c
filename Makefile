# SafetyGraph — `make` builds and writes Output/ from the default catalogue; `make test` runs every test.
# Both first install what the machine lacks (scripts/setup.sh).

SWIFT     ?= swift
BUILD_DIR ?= .build
BIN        = $(BUILD_DIR)/debug/safetygraph
ONTOLOGY  ?= Ontology
OUTPUT    ?= Output

.PHONY: all setup build output test unit-tests check-output clean setup-python conformance browser bench bench-scale bench-jsonld bench-graphviz bad-input valgrind-graphviz
.PHONY: test-robustness test-asan test-tsan valgrind fuzz fuzz-smoke

# Fuzzing (scripts/fuzz.sh): seconds per target for `make fuzz`, and for the short run inside `make test`.
FUZZ_SECONDS       ?= 60
FUZZ_SMOKE_SECONDS ?= 25
# Test suites run under ThreadSanitizer (a swift test --filter pattern; empty runs every suite).
TSAN_FILTER        ?=

all: output

setup:
	@scripts/setup.sh

# The Python packages of the conformance suite and the benchmarks, in .venv/.
setup-python:
	@scripts/setup.sh python

build: setup
	$(SWIFT) build --scratch-path $(BUILD_DIR) --product safetygraph

# The main job: the default catalogue (Ontology/catalogue.md) into Output/.
output: build
	$(BIN) build --ontology $(ONTOLOGY) --output $(OUTPUT)

test: setup setup-python
	$(SWIFT) build --scratch-path $(BUILD_DIR) --build-tests
	$(SWIFT) test --scratch-path $(BUILD_DIR) --skip-build
	BIN=$(BIN) ONTOLOGY=$(ONTOLOGY) OUTPUT=$(OUTPUT) scripts/check-output.sh
	$(MAKE) --no-print-directory conformance
	$(MAKE) --no-print-directory browser
	$(MAKE) --no-print-directory test-robustness

# The linked-data output checked by real consumers (pyld, rdflib, pyoxigraph, pyshacl): Tests/Conformance.
conformance: setup-python
	SAFETYGRAPH_BIN=$(BIN) .venv/bin/python -m pytest -q -p no:cacheprovider Tests/Conformance

# The site in headless Chromium (links, search, no script from the lists runs) and the Nu HTML checker:
# Tests/Browser. Screenshots land in .artifacts/screenshots/.
browser: setup-python
	BIN=$(BIN) .venv/bin/python -m pytest -q -p no:cacheprovider -W ignore::DeprecationWarning Tests/Browser

# Benchmarks at scale; each part is its own target.
bench: bench-scale bench-graphviz bench-jsonld

# Every stage at 1x, 5x, 20x and ~100,000 entries, with peak memory and query latency, and the peers a user
# would otherwise use (cmark-gfm, grep, flashtext, pyahocorasick, a Python pipeline) on the same input.
bench-scale: setup setup-python
	$(SWIFT) build -c release --scratch-path $(BUILD_DIR) --product safetygraph
	$(SWIFT) build -c release --scratch-path $(BUILD_DIR) --product safetygraph-bench
	@command -v cmark-gfm >/dev/null || scripts/setup.sh bench
	.venv/bin/python -m pip install --quiet --disable-pip-version-check -r Benchmarks/requirements.txt
	BUILD_DIR=$(BUILD_DIR) .venv/bin/python Benchmarks/bench_scale.py

bench-jsonld: setup setup-python
	$(SWIFT) build -c release --scratch-path $(BUILD_DIR) --product safetygraph
	.venv/bin/python Benchmarks/jsonld_bench.py --binary $(BUILD_DIR)/release/safetygraph

# Hostile input, killed builds and determinism only (they are part of `make test` too).
bad-input: setup
	$(SWIFT) build --scratch-path $(BUILD_DIR) --build-tests
	$(SWIFT) test --scratch-path $(BUILD_DIR) --skip-build --filter 'BadInputTests|KilledBuildTests|DeterminismTests'

# In-process topic-map render vs the `dot` command (release build; medians; a table).
bench-graphviz: setup
	SWIFT=$(SWIFT) BUILD_DIR=$(BUILD_DIR) Benchmarks/bench-graphviz.sh

# Valgrind memcheck over the Graphviz renderer: 0 bytes definitely lost (known library leaks listed apart).
valgrind-graphviz: setup
	SWIFT=$(SWIFT) BUILD_DIR=$(BUILD_DIR) Benchmarks/valgrind-graphviz.sh

# Sanitizers and a short fuzz run, the last part of `make test`. `make valgrind`, the memcheck of a full build,
# and `make fuzz`, the long campaign, are targets of their own.
test-robustness: test-asan test-tsan fuzz-smoke

# The test suites under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer, each in its own scratch
# path. Tests that run the CLI run the binary built beside them, which is sanitized too. lld (shipped with
# the toolchain) links: gold prints a warning for every ASan helper it cannot export. scripts/lsan.supp holds
# leaks inside libraries (XCTest, Foundation, Graphviz 2.43, fontconfig), each with its reason.
# The process-memory test is skipped there (it runs in the plain suite): a sanitizer's shadow memory and
# quarantine make RSS grow whatever the code does.
SANITIZER_LINK = -Xswiftc -use-ld=lld
SANITIZER_SKIP = --skip memoryStaysFlatOverThreeHundredRenders
test-asan: setup
	$(SWIFT) build --scratch-path .build-asan --build-tests --sanitize=address $(SANITIZER_LINK)
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp:print_suppressions=0 \
	  $(SWIFT) test --scratch-path .build-asan --skip-build --sanitize=address $(SANITIZER_LINK) $(SANITIZER_SKIP)

test-tsan: setup
	$(SWIFT) build --scratch-path .build-tsan --build-tests --sanitize=thread $(SANITIZER_LINK)
	$(SWIFT) test --scratch-path .build-tsan --skip-build --sanitize=thread $(SANITIZER_LINK) $(SANITIZER_SKIP) \
	  $(if $(TSAN_FILTER),--filter '$(TSAN_FILTER)')

# valgrind memcheck over a full build of the default catalogue: 0 bytes definitely lost, no memory errors.
valgrind: build
	@scripts/setup.sh valgrind
	BIN=$(BIN) ONTOLOGY=$(ONTOLOGY) scripts/valgrind.sh

# libFuzzer campaigns (Fuzz/): FUZZ_SECONDS per target; findings land in .fuzz/crashes/<target>/.
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

fuzz-smoke: setup
	FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) scripts/fuzz.sh

clean:
	rm -rf $(BUILD_DIR)
	rm -rf .build-asan .build-tsan .build-fuzz-targets
