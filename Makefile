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

bench: build
	./bench/run.sh $(BUILD) $(BENCH_FLAGS)

clean:
	rm -rf $(BUILD) build-asan out
