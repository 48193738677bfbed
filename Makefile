# parallax - a thin wrapper around CMake + ctest.
#   make          build build/parallax
#   make run      install what is missing, build, analyse the bundled example story
#   make test     install what is missing, build, run every test (also under ASan+UBSan) and the evaluation
#   make eval     the evaluation suite alone (reads ../shared/eval; skips when absent)
#   make bench    benchmarks against peers (never part of the tests), into docs/benchmarks.md
#   make fuzz     run each libFuzzer target for FUZZ_SECONDS (default 600)
#   make install  install library, header, CLI, man page and pkg-config file (PREFIX=/usr/local)

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 600
EXAMPLE    ?= examples/calder-docks

# Debian packages the build and the tests need (make deps installs the missing ones).
DEPS = gcc make cmake pkg-config libc6-dev libutf8proc-dev libstemmer-dev libjansson-dev libcmocka-dev libgumbo-dev \
       groff-base
FUZZ_DEPS = clang-14 libclang-rt-14-dev
# The browser tests/html/*.sh load the HTML report in (they skip without it); installed by make test only.
HTML_DEPS = chromium
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

MAKEFLAGS += --no-print-directory

.PHONY: all build build-cli deps run test test-asan eval bench fuzz install clean

all: build

deps:
	@missing=$$(for p in $(DEPS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DPX_WERROR=ON -DCMAKE_INSTALL_PREFIX=$(PREFIX)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

build-cli: $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) --target parallax_cli -j $(JOBS) > $(BUILD)/build-cli.log 2>&1 || { cat $(BUILD)/build-cli.log; exit 1; }

run: deps build-cli
	./$(BUILD)/parallax analyze --format md $(EXAMPLE)

$(ASAN_BUILD)/CMakeCache.txt:
	cmake -S . -B $(ASAN_BUILD) -DPX_WERROR=ON -DPX_SANITIZE=ON

test-asan: $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

test: deps build
	@$(MAKE) --no-print-directory DEPS="$(HTML_DEPS)" deps
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory test-asan
	$(MAKE) --no-print-directory eval

eval: build
	@for t in $(BUILD)/eval_*; do [ -x "$$t" ] || continue; \
	  "$$t" ../shared/eval; rc=$$?; \
	  if [ $$rc -eq 77 ]; then echo "$$(basename $$t): skipped"; elif [ $$rc -ne 0 ]; then exit $$rc; fi; \
	done

bench: deps
	bash bench/run.sh

fuzz: deps
	@$(MAKE) --no-print-directory DEPS="$(FUZZ_DEPS)" deps
	CC=clang-14 cmake -S . -B $(FUZZ_BUILD) -DPX_FUZZ=ON -DPX_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@for f in $(FUZZ_BUILD)/fuzz_*; do n=$$(basename $$f | sed 's/^fuzz_//'); mkdir -p $(FUZZ_BUILD)/corpus-$$n; \
	  echo "fuzzing $$n for $(FUZZ_SECONDS) s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) $(FUZZ_BUILD)/corpus-$$n fuzz/corpus/$$n || exit 1; done

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) build-bench
