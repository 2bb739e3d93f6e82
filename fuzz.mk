# fuzz.mk: libFuzzer targets (tests/fuzz/), included by the Makefile.
#
#   make fuzz                  builds build-fuzz/fuzz_* (clang, libFuzzer, ASan,
#                              UBSan) and runs each for FUZZ_SECONDS (30) over
#                              its seeds; exits 1 when a target found a crash
#   make fuzz FUZZ_TARGETS=w3c FUZZ_SECONDS=1800     one target, half an hour
#   make fuzz-build            only builds them
#   make fuzz-replay           replays the seeds and the saved crash inputs
#                              (testdata/fuzz-regressions/) through the targets
#                              built with $(CC) against $(BUILD)/libeaslog.a,
#                              without libFuzzer (the test suite does the same)
#   make fuzz-seeds            rebuilds testdata/fuzz-seeds/ from the fixtures
#
# Corpora: libFuzzer reads testdata/fuzz-seeds/T/ and testdata/fuzz-regressions/T/
# and writes what it finds to build-fuzz/corpus/T/; crash inputs go to
# build-fuzz/crashes/T/ (copy them to testdata/fuzz-regressions/T/ once fixed).
# Needs clang with the libFuzzer runtime (Debian: clang, libclang-rt-14-dev).

FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 30
FUZZ_TARGETS  ?= w3c decode base64 record_io
FUZZ_DIR       = build-fuzz
FUZZ_SAN       = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OPTFLAGS  = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)
FUZZ_SRC       = $(wildcard tests/fuzz/*.c tests/fuzz/*.h)
# per-target libFuzzer options: the longest input, and a dictionary
FUZZ_MAXLEN_w3c       = 16384
FUZZ_MAXLEN_decode    = 16384
FUZZ_MAXLEN_base64    = 4096
FUZZ_MAXLEN_record_io = 16384
FUZZ_OPTS     ?= -timeout=10 -rss_limit_mb=2048 -use_value_profile=1 -print_final_stats=1
# a smaller quarantine: twice the executions per second, use-after-free still
# caught for the last 16 MB freed
FUZZ_ASAN_OPTIONS ?= quarantine_size_mb=16

.PHONY: fuzz fuzz-build fuzz-replay fuzz-seeds

# The library, instrumented for coverage, in a tree of its own (built by the
# Makefile's own rules in a make with BUILD=$(FUZZ_DIR), where this rule is off).
ifneq ($(BUILD),$(FUZZ_DIR))
$(FUZZ_DIR)/libeaslog.a: $(LIBSRC) $(HEADERS)
	$(MAKE) --no-print-directory BUILD=$(FUZZ_DIR) CC=$(FUZZ_CC) ISAL=0 OPTFLAGS="$(FUZZ_OPTFLAGS)" \
		$(FUZZ_DIR)/libeaslog.a
endif

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_DIR)/libeaslog.a $(FUZZ_SRC)
	$(FUZZ_CC) $(STDFLAGS) $(WARNFLAGS) $(PKG_CFLAGS) -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer \
		$(FUZZ_SAN) -o $@ $< $(FUZZ_DIR)/libeaslog.a $(LIBS)

fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

fuzz: fuzz-build
	@fail=0; \
	for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/crashes/$$t; \
		dirs="$(FUZZ_DIR)/corpus/$$t"; \
		for d in testdata/fuzz-seeds/$$t testdata/fuzz-regressions/$$t; do \
			[ -d $$d ] && dirs="$$dirs $$d"; \
		done; \
		dict=; [ -f tests/fuzz/$$t.dict ] && dict=-dict=tests/fuzz/$$t.dict; \
		case $$t in \
		w3c) max=$(FUZZ_MAXLEN_w3c) ;; decode) max=$(FUZZ_MAXLEN_decode) ;; \
		base64) max=$(FUZZ_MAXLEN_base64) ;; *) max=$(FUZZ_MAXLEN_record_io) ;; \
		esac; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		if ASAN_OPTIONS=$(FUZZ_ASAN_OPTIONS) ./$(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$max $$dict $(FUZZ_OPTS) \
			-artifact_prefix=$(FUZZ_DIR)/crashes/$$t/ $$dirs > $(FUZZ_DIR)/$$t.log 2>&1; then \
			grep -E '^#[0-9]+.*(DONE|cov:)' $(FUZZ_DIR)/$$t.log | tail -1; \
			grep '^stat::' $(FUZZ_DIR)/$$t.log | tr '\n' ' '; echo; \
		else \
			fail=1; echo "fuzz: $$t FAILED (log: $(FUZZ_DIR)/$$t.log)"; \
			grep -E 'ERROR|invariant|SUMMARY|Test unit written' $(FUZZ_DIR)/$$t.log | head -8; \
		fi; \
	done; \
	exit $$fail

# Replays without libFuzzer: tests/scripts/fuzz-regressions.sh compiles the
# targets' sources with tests/fuzz/replay.c against $(BUILD)/libeaslog.a.
fuzz-replay: $(BUILD)/libeaslog.a $(BINS)
	PATH="$(CURDIR)/$(BUILD):$$PATH" FUZZ_TARGETS="$(FUZZ_TARGETS)" sh tests/scripts/fuzz-regressions.sh

fuzz-seeds: all
	sh tests/fuzz/mkseeds.sh $(BUILD)
