# relgraph: thin wrapper over CMake. `make demo` and `make test` install what
# is missing (scripts/install-deps.sh), build, and run.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all deps build test demo install clean bench eval fuzz asan

all: build

deps:
	@./scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	./scripts/demo.sh $(BUILD)/relgraph

install: build
	cmake --install $(BUILD)

# The whole test suite under ASan + UBSan (+ LSan) in its own build tree.
asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRG_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# Every libFuzzer harness (tests/fuzz/) for FUZZ_TIME seconds each, in the
# clang + ASan + UBSan tree build-fuzz. Findings: build-fuzz/artifacts/.
FUZZ_TIME ?= 60
fuzz: deps
	FUZZ_TIME=$(FUZZ_TIME) ./scripts/fuzz.sh

# entity scores on ../shared/corpora/re3d-dev (skipped when ../shared is absent)
eval: build
	./scripts/eval.sh $(BUILD)/relgraph

clean:
	rm -rf $(BUILD) build-asan build-fuzz out

# Benchmarks, side by side with the peers a user would pick instead:
# bench/run.sh (analysis vs networkx and bare igraph), then every
# bench/bench_*.c program built with the project.
bench: build
	@if [ -x bench/run.sh ]; then bench/run.sh $(BUILD) $(BENCH_FLAGS); fi
	./bench/ner.sh $(BUILD)/relgraph $(BENCH_BASELINE)
	@for b in $(BUILD)/bench/bench_*; do [ -x "$$b" ] || continue; "$$b" || exit 1; done
