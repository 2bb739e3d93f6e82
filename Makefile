# easlog: build, test, install. Plain GNU make; dependencies through pkg-config.
VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR     = $(PREFIX)/bin
MANDIR     = $(PREFIX)/share/man
DATADIR    = $(PREFIX)/share/easlog
DESTDIR   ?=

CC        ?= cc
PKG_CONFIG ?= pkg-config
PKGS       = zlib libpcre2-8 jansson
OPTFLAGS  ?= -O2 -g
WARNFLAGS  = -Wall -Wextra -Werror
STDFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
# ISA-L's igzip inflates gzip about 3x faster than zlib: used when present
# (libisal-dev) unless ISAL=0; zlib is the fallback.
ISAL      ?= auto
ifeq ($(ISAL),auto)
ISAL := $(shell $(PKG_CONFIG) --exists libisal 2>/dev/null && echo 1 || echo 0)
endif
ifeq ($(ISAL),1)
PKGS      += libisal
ISAL_FLAGS = -DHAVE_ISAL
endif
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null || echo -lz -lpcre2-8 -ljansson)
ALL_CFLAGS = $(STDFLAGS) $(WARNFLAGS) $(OPTFLAGS) $(PKG_CFLAGS) $(ISAL_FLAGS) -DEASLOG_VERSION='"$(VERSION)"' \
             -DEASLOG_RULES_PATH='"$(DATADIR)/useragents.rules"' $(CFLAGS)
LIBS       = $(PKG_LIBS) -lpthread -lm

# BUILD selects the output tree: build/ (release) or build-asan/ (sanitizers).
BUILD     ?= build

FORMATS  = slice pct base64 utf8 input lines walk w3c timeutil compat eas_query eas_log \
           record record_io outbuf table atomic captable html
ANALYZERS = analyzer intern u64set devset jsonio driver partial state users servers hourly statuscodes compliance useragents devices timeseries classify baseline
LIBSRC   = $(FORMATS:%=formats/%.c) $(ANALYZERS:%=analyzers/%.c) cmd/common.c cmd/report_tool.c
LIBOBJ   = $(LIBSRC:%.c=$(BUILD)/%.o)
TOOLS    = easlog-parse easlog-report easlog-hits easlog-useragent easlog-compliance easlog-http
BINS     = $(TOOLS:%=$(BUILD)/%)
HEADERS  = $(wildcard formats/*.h analyzers/*.h cmd/*.h)

.PHONY: all check clean install uninstall unit
.SECONDARY:
all: $(BINS)

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libeaslog.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/easlog-%: $(BUILD)/cmd/easlog-%.o $(BUILD)/libeaslog.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

# Unit tests: C programs in tests/unit linked with the library.
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libeaslog.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libeaslog.a $(LIBS)
unit: $(UNIT_BIN)

ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# The whole suite, on the release build and on the sanitizer build (which
# uses zlib, so both gzip decoders are tested when ISA-L is present).
check: all unit
	$(MAKE) --no-print-directory BUILD=build-asan ISAL=0 OPTFLAGS="$(ASAN_FLAGS)" all unit
	sh tests/run.sh build build-asan

clean:
	rm -rf build build-asan build-fuzz build-zlib

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for t in $(TOOLS); do install -m 755 $(BUILD)/$$t $(DESTDIR)$(BINDIR)/$$t; done
	install -m 755 scripts/easlog-cluster $(DESTDIR)$(BINDIR)/easlog-cluster
	for m in man/*.1; do install -m 644 $$m $(DESTDIR)$(MANDIR)/man1/; done
	for m in man/*.7; do install -m 644 $$m $(DESTDIR)$(MANDIR)/man7/; done
	mkdir -p $(DESTDIR)$(DATADIR)
	install -m 644 share/easlog/useragents.rules $(DESTDIR)$(DATADIR)/useragents.rules

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t; done
	rm -f $(DESTDIR)$(BINDIR)/easlog-cluster
	for m in man/*.1; do rm -f $(DESTDIR)$(MANDIR)/man1/$${m#man/}; done
	for m in man/*.7; do rm -f $(DESTDIR)$(MANDIR)/man7/$${m#man/}; done
	rm -f $(DESTDIR)$(DATADIR)/useragents.rules
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

include bench/bench.mk
include fuzz.mk
