# bench/bench.mk - `make bench` and `make bench-smoke`, included by the top
# Makefile (which sets BUILD and builds $(BUILD)/easlog-*). Neither is part of
# `make check`; tests/scripts/bench-smoke.sh runs the smoke harness there.
#
#   make bench          the full benchmark (default: 1 GB corpus, 3 runs,
#                       memory check if the disk allows, callgrind): minutes
#   make bench-smoke    the same harness on a 4 MB corpus, 1 run: seconds
#
# Settings, as make variables or in the environment (unset or empty: the
# default of bench/run.sh; see bench/README.md):
#   SIZE_MB RUNS SEED SERVERS USERS DAYS MEMCHECK GOACCESS CALLGRIND
#   KEEP_CORPUS BENCH_OUT BENCH_WORK
# e.g. make bench SIZE_MB=256 RUNS=5 MEMCHECK=0 BENCH_OUT=/tmp/BENCH.md

BUILD ?= build
BENCH_SETTINGS = SIZE_MB RUNS SEED SERVERS USERS DAYS MEMCHECK GOACCESS CALLGRIND \
                 KEEP_CORPUS BENCH_OUT BENCH_WORK
BENCH_ENV = $(foreach v,$(BENCH_SETTINGS),$(v)='$($(v))')

.PHONY: bench bench-smoke

# With ISA-L, the bench also measures the zlib fallback, built in $(BUILD)-zlib.
ifeq ($(ISAL),1)
BENCH_ZLIB = --zlib-tools $(BUILD)-zlib
bench: bench-zlib
endif
.PHONY: bench-zlib
bench-zlib:
	$(MAKE) --no-print-directory BUILD=$(BUILD)-zlib ISAL=0 all

bench: all $(BUILD)/easlog-gen
	$(BENCH_ENV) sh bench/run.sh --tools $(BUILD) $(BENCH_ZLIB) --gen $(BUILD)/easlog-gen

bench-smoke: all $(BUILD)/easlog-gen
	$(BENCH_ENV) sh bench/run.sh --smoke --tools $(BUILD) --gen $(BUILD)/easlog-gen

# The corpus generator: one self-contained C file, no project flags.
$(BUILD)/easlog-gen: bench/easlog-gen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o $@ bench/easlog-gen.c
