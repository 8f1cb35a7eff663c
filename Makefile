# SafetyGraph — `make` builds and writes Output/ from the default catalogue; `make test` runs every test.
# Both first install what the machine lacks (scripts/setup.sh).

SWIFT     ?= swift
BUILD_DIR ?= .build
BIN        = $(BUILD_DIR)/debug/safetygraph
ONTOLOGY  ?= Ontology
OUTPUT    ?= Output

.PHONY: all setup build output test unit-tests check-output clean bench valgrind-graphviz

all: output

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build --scratch-path $(BUILD_DIR) --product safetygraph

# The main job: the default catalogue (Ontology/catalogue.md) into Output/.
output: build
	$(BIN) build --ontology $(ONTOLOGY) --output $(OUTPUT)

test: setup
	$(SWIFT) build --scratch-path $(BUILD_DIR) --build-tests
	$(SWIFT) test --scratch-path $(BUILD_DIR) --skip-build
	BIN=$(BIN) ONTOLOGY=$(ONTOLOGY) OUTPUT=$(OUTPUT) scripts/check-output.sh

# In-process topic-map render vs the `dot` command (release build; medians; a table).
bench: setup
	SWIFT=$(SWIFT) BUILD_DIR=$(BUILD_DIR) Benchmarks/bench-graphviz.sh

# Valgrind memcheck over the Graphviz renderer: 0 bytes definitely lost (known library leaks listed apart).
valgrind-graphviz: setup
	SWIFT=$(SWIFT) BUILD_DIR=$(BUILD_DIR) Benchmarks/valgrind-graphviz.sh

clean:
	rm -rf $(BUILD_DIR)
