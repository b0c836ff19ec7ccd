# pith — build, check, bench, fuzz, install.  Plain GNU make.
#   make              library and tools under build/
#   make check        dependencies, build, unit + end-to-end tests, then the
#                     same under ASan+UBSan (build-asan/)
#   make demo         dependencies, build, pith on the bundled sample pages
#   make bench        accuracy and speed on ../shared/bench (skipped if absent)
#   make fuzz         each libFuzzer target for FUZZ_SECONDS (clang)
#   make install      PREFIX=/usr/local DESTDIR=

VERSION   := $(shell sed -n 's/^\#define PITH_VERSION_STRING "\(.*\)"/\1/p' lib/pith.h)
SOMAJOR   := $(firstword $(subst ., ,$(VERSION)))
PREFIX    ?= /usr/local
DESTDIR   ?=
LIBDIR    ?= $(PREFIX)/lib
BUILD     ?= build
CC        ?= cc
CFLAGS    ?= -O2 -g
SAN_FLAGS ?= -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_SECONDS ?= 30
# make check runs every fuzz target this long (0: not at all)
CHECK_FUZZ_SECONDS ?= 20
BENCH     ?= ../shared/bench

PKGS      := libxml-2.0 jansson uchardet libpcre2-8 zlib opencc
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
WARN      := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
# _GNU_SOURCE: strcasestr, memmem, pthread helpers from glibc.
# uchardet's header has no version macro: pkg-config tells it.
DEFS      := -D_GNU_SOURCE -DPITH_BUILDING \
	-DPITH_UCHARDET_VERSION='"$(shell pkg-config --modversion uchardet 2>/dev/null)"' 
ALL_CFLAGS = $(WARN) $(DEFS) -Ilib -I$(BUILD)/gen $(PKG_CFLAGS) -fvisibility=hidden -fPIC $(CFLAGS)

LIB_SRC   := $(sort $(wildcard lib/*.c))
LIB_OBJ   := $(patsubst lib/%.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/lexicon_data.o
DATA      := $(sort $(wildcard data/*.txt))
TOOLS     := pith pith-decode pith-strip pith-meta pith-links pith-clean
TOOL_BIN  := $(addprefix $(BUILD)/,$(TOOLS))
UNIT_SRC  := $(sort $(wildcard tests/*_test.c))
UNIT_BIN  := $(patsubst tests/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
MAN       := $(sort $(wildcard man/*.[135]))

.PHONY: all deps demo check unit e2e asan bench fuzz install uninstall clean lint FORCE
all: $(BUILD)/libpith.so $(BUILD)/libpith.a $(TOOL_BIN) $(BUILD)/libpith.pc

$(BUILD)/obj/%.o: lib/%.c lib/*.h $(BUILD)/gen/lexicon_data.h | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Word lists are data files compiled into the library: loaded once, no
# install-time path to find.
$(BUILD)/gen/lexicon_data.c: $(DATA) scripts/embed.sh | $(BUILD)/gen
	sh scripts/embed.sh $(BUILD)/gen $(DATA)
$(BUILD)/gen/lexicon_data.h: $(BUILD)/gen/lexicon_data.c
$(BUILD)/obj/lexicon_data.o: $(BUILD)/gen/lexicon_data.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj $(BUILD)/gen $(BUILD)/tests $(BUILD)/cmd:
	mkdir -p $@

$(BUILD)/libpith.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^
$(BUILD)/libpith.so.$(VERSION): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libpith.so.$(SOMAJOR) $(CFLAGS) -o $@ $^ $(PKG_LIBS)
$(BUILD)/libpith.so: $(BUILD)/libpith.so.$(VERSION)
	ln -sf libpith.so.$(VERSION) $(BUILD)/libpith.so.$(SOMAJOR)
	ln -sf libpith.so.$(VERSION) $@

$(BUILD)/cmd/%.o: cmd/%.c cmd/common.h lib/pith.h | $(BUILD)/cmd
	$(CC) $(WARN) -D_GNU_SOURCE -Ilib $(CFLAGS) -c -o $@ $<
# The tools link the static library so build/ runs without an install.
$(BUILD)/%: $(BUILD)/cmd/%.o $(BUILD)/cmd/common.o $(BUILD)/libpith.a
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/cmd/common.o $(BUILD)/libpith.a $(PKG_LIBS)

# Unit tests see the internal headers and link the objects directly.
$(BUILD)/tests/%: tests/%.c tests/unit.h $(BUILD)/libpith.a | $(BUILD)/tests
	$(CC) $(WARN) $(DEFS) -Ilib -Itests -I$(BUILD)/gen $(PKG_CFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libpith.a $(PKG_LIBS)

# The .pc file names the install prefix: written again whenever PREFIX or
# LIBDIR differ from the last time.
PC_SAYS = $(PREFIX) $(LIBDIR) $(VERSION)
$(BUILD)/libpith.pc: Makefile FORCE
	@mkdir -p $(BUILD)
	@if [ "$$(sed -n 's/^\# //p' $@ 2>/dev/null)" != "$(PC_SAYS)" ]; then \
	  printf '%s\n' '# $(PC_SAYS)' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$${prefix}/include' '' \
	  'Name: libpith' 'Description: scraped news pages into clean structured text' \
	  'Version: $(VERSION)' 'Requires.private: $(PKGS)' \
	  'Libs: -L$${libdir} -lpith' 'Libs.private: -lpthread -lm' 'Cflags: -I$${includedir}' >$@; fi
FORCE:

deps:
	sh scripts/deps.sh

demo: deps
	$(MAKE) all
	@for f in testdata/demo-*/in.*; do echo "== $$f"; $(BUILD)/pith -f json "$$f" || exit 1; done

check: deps
	$(MAKE) all
	$(MAKE) unit e2e
	$(MAKE) asan
	@if [ "$(CHECK_FUZZ_SECONDS)" != 0 ]; then sh tests/fuzz.sh $(CHECK_FUZZ_SECONDS) || exit 1; fi
	@echo "end-to-end, plain build:     $$(tail -n 1 $(BUILD)/e2e.summary)"
	@echo "end-to-end, ASan+UBSan build:"
	@tail -n 1 build-asan/e2e.summary

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

e2e: $(TOOL_BIN)
	sh tests/run.sh $(BUILD) | tee $(BUILD)/e2e.summary; tail -n 1 $(BUILD)/e2e.summary | grep -q ' 0 failed$$' 

# The whole suite again with ASan+UBSan, in its own build tree.
asan:
	$(MAKE) BUILD=build-asan CFLAGS="$(SAN_FLAGS)" all $(patsubst $(BUILD)/%,build-asan/%,$(UNIT_BIN))
	@for t in $(patsubst $(BUILD)/%,build-asan/%,$(UNIT_BIN)); do $$t || exit 1; done
	PITH_SANITIZED=1 sh tests/run.sh build-asan | tee build-asan/e2e.summary; \
	  tail -n 1 build-asan/e2e.summary | grep -q ' 0 failed$$' 

bench: all
	sh tests/bench.sh $(BUILD) $(BENCH)

fuzz:
	sh tests/fuzz.sh $(FUZZ_SECONDS)

lint:
	mandoc -Tlint -Wwarning $(MAN)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man3 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 755 $(TOOL_BIN) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 lib/pith.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(BUILD)/libpith.a $(DESTDIR)$(LIBDIR)/
	install -m 755 $(BUILD)/libpith.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libpith.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libpith.so.$(SOMAJOR)
	ln -sf libpith.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libpith.so
	install -m 644 $(BUILD)/libpith.pc $(DESTDIR)$(LIBDIR)/pkgconfig/
	install -m 644 $(filter %.1,$(MAN)) $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(filter %.3,$(MAN)) $(DESTDIR)$(PREFIX)/share/man/man3/
	install -m 644 $(filter %.5,$(MAN)) $(DESTDIR)$(PREFIX)/share/man/man5/

uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/bin/,$(TOOLS)) $(DESTDIR)$(PREFIX)/include/pith.h \
	  $(DESTDIR)$(LIBDIR)/libpith.* $(DESTDIR)$(LIBDIR)/pkgconfig/libpith.pc

clean:
	rm -rf build build-asan build-fuzz

.SECONDARY:
