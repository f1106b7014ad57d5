# trawl — build, test, install. Dependencies come from pkg-config.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
DESTDIR    ?=
LUA_PC     ?= lua5.4
PKG_CONFIG ?= pkg-config
CC         ?= cc
CFLAGS     ?= -O2 -g
SOVERSION  := 0
VERSION    := 0.1.0

DEPS_PC    := $(LUA_PC) libpcre2-8 yaml-0.1 jansson
DEBIAN_PKGS := build-essential liblua5.4-dev lua5.4 libpcre2-dev libyaml-dev libjansson-dev pkg-config iso-codes

ifeq ($(filter deps clean,$(MAKECMDGOALS)),)
  ifneq ($(shell $(PKG_CONFIG) --exists $(DEPS_PC) 2>/dev/null && echo ok),ok)
    $(error missing build dependencies ($(DEPS_PC)); on Debian: sudo apt-get install $(DEBIAN_PKGS), or run 'make deps')
  endif
endif

DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEPS_PC) 2>/dev/null)
DEP_LIBS   := $(shell $(PKG_CONFIG) --libs $(DEPS_PC) 2>/dev/null)
# the Lua module takes Lua's symbols from the interpreter that loads it
MOD_LIBS   := $(shell $(PKG_CONFIG) --libs libpcre2-8 yaml-0.1 jansson 2>/dev/null) -lm -pthread

override CFLAGS += -std=c11 -Wall -Wextra -Werror -fPIC -fvisibility=hidden -D_DEFAULT_SOURCE \
  -DTRAWL_BUILDING -DTRAWL_DATADIR='"$(DATADIR)/trawl"' -DTRAWL_SRCDIR='"$(CURDIR)"' \
  $(DEP_CFLAGS) -MMD -MP
override LDLIBS += $(DEP_LIBS) -lm -pthread

B := build
CLI_SRC := engine/cli.c engine/cli_cmds.c engine/input.c engine/pool.c engine/progress.c engine/resume.c
LIB_SRC := $(filter-out $(CLI_SRC),$(wildcard engine/*.c))
LIB_OBJ := $(LIB_SRC:engine/%.c=$(B)/obj/%.o)
CLI_OBJ := $(CLI_SRC:engine/%.c=$(B)/obj/%.o)
TEST_SRC := $(wildcard tests/c/*.c)
TEST_BIN := $(TEST_SRC:tests/c/%.c=$(B)/tests/%)

.PHONY: all check test test-asan test-valgrind test-tsan bench install uninstall clean deps

all: $(B)/trawl $(B)/libtrawl.a $(B)/libtrawl.so $(B)/trawl.so

$(B)/obj/%.o: engine/%.c | $(B)/obj
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/obj $(B)/tests:
	mkdir -p $@

$(B)/libtrawl.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

# libtrawl.so -> libtrawl.so.0 (the soname) -> libtrawl.so.0.1.0
$(B)/libtrawl.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libtrawl.so.$(SOVERSION) $(LDFLAGS) -o $@.$(VERSION) $^ $(LDLIBS)
	ln -sf libtrawl.so.$(VERSION) $@.$(SOVERSION)
	ln -sf libtrawl.so.$(SOVERSION) $@

# the Lua module: the same objects, loadable by a stock lua5.4
$(B)/trawl.so: $(LIB_OBJ)
	$(CC) -shared $(LDFLAGS) -o $@ $^ $(MOD_LIBS)

# line editing in `trawl repl` when pkg-config finds readline (READLINE=no: never)
RL_LIBS := $(if $(filter no,$(READLINE)),,$(shell $(PKG_CONFIG) --libs readline 2>/dev/null))
$(B)/obj/cli_cmds.o: override CFLAGS += $(if $(RL_LIBS),-DTRAWL_READLINE $(shell $(PKG_CONFIG) --cflags readline))

$(B)/trawl: $(CLI_OBJ) $(B)/libtrawl.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libtrawl.a $(LDLIBS) $(RL_LIBS)

$(B)/tests/%: tests/c/%.c $(wildcard tests/c/*.h) $(B)/libtrawl.a | $(B)/tests
	$(CC) $(CFLAGS) -Iengine -o $@ $< $(B)/libtrawl.a $(LDLIBS)

test: all $(TEST_BIN)
	@sh tests/run.sh $(B)

# the whole suite: plain, then under the sanitizers
check: test test-asan

# the whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer
# (ASAN_B=DIR: build somewhere else, so that several people can run it at once)
ASAN_B ?= build/asan
test-asan:
	$(MAKE) B=$(ASAN_B) CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" test

bench: all
	@sh bench/run.sh $(B)

deps:
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(DEBIAN_PKGS); \
	 else sudo apt-get update -qq && sudo apt-get install -y -qq $(DEBIAN_PKGS); fi

clean:
	rm -rf build

# ---- valgrind: the C tests and the CLI over the examples, release flags.
# The allocation-failure sweep tries every 53rd N here (every N under ASan).
VALGRIND := valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --suppressions=tests/valgrind.supp
VG       := build/valgrind
# (the engine's own small blocks are off there, so that valgrind sees every
# allocation; test_blocks checks the allocator itself)
test-valgrind:
	$(MAKE) B=$(VG) CFLAGS="-O2 -g -DTRAWL_NO_BLOCKS" all $(TEST_SRC:tests/c/%.c=$(VG)/tests/%)
	@set -e; for t in $(TEST_SRC:tests/c/%.c=$(VG)/tests/%); do \
	  echo "== valgrind $$t"; \
	  TRAWL_ALLOC_STRIDE=53 $(VALGRIND) $$t > $$t.vglog 2>&1 || { tail -40 $$t.vglog; exit 1; }; \
	  tail -1 $$t.vglog; \
	done
	@# (no wall-clock limit: under valgrind a slow machine may take seconds
	@# per article; test_limits covers the limits under valgrind)
	$(VALGRIND) $(VG)/trawl --limit time=0 examples/articles > /dev/null
	$(VALGRIND) $(VG)/trawl --limit time=0 --explain --format text examples/articles > /dev/null
	printf '{"id": "a", "text": "One text."}\nnot json\n' | $(VALGRIND) $(VG)/trawl --limit time=0 --jsonl - > /dev/null; test $$? = 1
	@echo "valgrind: no errors, no leaks"

# ---- fuzzing (libFuzzer, clang): make fuzz FUZZ_SECONDS=N [FUZZ_TARGETS=...]
# Each target runs for FUZZ_SECONDS, one at a time, on a corpus under
# build/fuzz/corpus seeded from fuzz/seeds and examples/; crashes land in
# build/fuzz/crashes and should become regression tests in tests/.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fuzz_tokenize fuzz_frontmatter fuzz_jsonl fuzz_lexicon fuzz_analyse
FB           := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := -O1 -g -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -DTRAWL_BUILDING \
  -DTRAWL_DATADIR='"$(DATADIR)/trawl"' -DTRAWL_SRCDIR='"$(CURDIR)"' $(DEP_CFLAGS) -Iengine $(FUZZ_SAN)
FUZZ_OBJ     := $(patsubst engine/%.c,$(FB)/obj/%.o,$(LIB_SRC) engine/input.c)

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_TARGETS:%=$(FB)/%)

$(FB)/obj/%.o: engine/%.c | $(FB)/obj
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FB)/obj:
	mkdir -p $@

$(FB)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(DEP_LIBS) -lm

fuzz: fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	  c=$(FB)/corpus/$$t; mkdir -p $$c $(FB)/crashes; \
	  cp -n fuzz/seeds/$$t/* $$c/ 2>/dev/null || true; \
	  if [ $$t != fuzz_lexicon ]; then cp -n examples/articles/* $$c/ 2>/dev/null || true; fi; \
	  echo "== $$t ($(FUZZ_SECONDS) s)"; \
	  $(FB)/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	    -print_final_stats=1 -artifact_prefix=$(FB)/crashes/$$t- $$c fuzz/seeds/$$t; \
	done

# ---- installing (issue 6) ----------------------------------------------------
# The data directory is compiled in (TRAWL_DATADIR), so the objects and
# trawl.pc are rebuilt when an install directory changes; DESTDIR only
# stages, it is never compiled in.
LUA_CMODDIR  ?= $(LIBDIR)/lua/5.4
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DATA_FILES   := $(sort $(wildcard scripts/API.md scripts/trawl/*.lua rules/README.md rules/*.lua rules/lexicons/*.yaml \
  rules/tests/*.yaml))
PATHS        := $(PREFIX):$(BINDIR):$(LIBDIR):$(INCLUDEDIR):$(DATADIR)

$(B)/paths: FORCE | $(B)/obj
	@echo '$(PATHS)' | cmp -s - $@ || echo '$(PATHS)' > $@
$(B)/obj/engine.o: $(B)/paths
.PHONY: FORCE install-data rock rock-install
FORCE:

$(B)/trawl.pc: trawl.pc.in $(B)/paths
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
	  -e 's|@DATADIR@|$(DATADIR)/trawl|g' -e 's|@VERSION@|$(VERSION)|g' -e 's|@LUA_PC@|$(LUA_PC)|g' trawl.pc.in > $@

install: all $(B)/trawl.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(LUA_CMODDIR)
	install -m 755 $(B)/trawl $(DESTDIR)$(BINDIR)/trawl
	install -m 644 $(B)/libtrawl.a $(DESTDIR)$(LIBDIR)/libtrawl.a
	install -m 755 $(B)/libtrawl.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libtrawl.so.$(VERSION)
	ln -sf libtrawl.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libtrawl.so.$(SOVERSION)
	ln -sf libtrawl.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libtrawl.so
	install -m 644 engine/trawl.h $(DESTDIR)$(INCLUDEDIR)/trawl.h
	install -m 644 $(B)/trawl.pc $(DESTDIR)$(PKGCONFIGDIR)/trawl.pc
	install -m 644 doc/trawl.1 $(DESTDIR)$(MANDIR)/man1/trawl.1
	install -m 755 $(B)/trawl.so $(DESTDIR)$(LUA_CMODDIR)/trawl.so
	$(MAKE) --no-print-directory install-data

install-data:
	for f in $(DATA_FILES); do install -D -m 644 $$f $(DESTDIR)$(DATADIR)/trawl/$$f || exit 1; done

# for luarocks (trawl-0.1.0-1.rockspec): the module, and the data in the rock
rock: $(B)/trawl.so
rock-install: rock install-data
	install -d $(DESTDIR)$(LUA_CMODDIR)
	install -m 755 $(B)/trawl.so $(DESTDIR)$(LUA_CMODDIR)/trawl.so

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/trawl $(DESTDIR)$(LIBDIR)/libtrawl.a $(DESTDIR)$(LIBDIR)/libtrawl.so \
	  $(DESTDIR)$(LIBDIR)/libtrawl.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libtrawl.so.$(VERSION) \
	  $(DESTDIR)$(INCLUDEDIR)/trawl.h $(DESTDIR)$(PKGCONFIGDIR)/trawl.pc $(DESTDIR)$(MANDIR)/man1/trawl.1 \
	  $(DESTDIR)$(LUA_CMODDIR)/trawl.so
	for f in $(DATA_FILES); do rm -f $(DESTDIR)$(DATADIR)/trawl/$$f; done
	for d in rules/lexicons rules/tests rules scripts/trawl scripts ''; do \
	  if [ -d $(DESTDIR)$(DATADIR)/trawl/$$d ]; then rmdir $(DESTDIR)$(DATADIR)/trawl/$$d || true; fi; done

# the thread test (several engines on several threads) under ThreadSanitizer
test-tsan:
	$(MAKE) B=build/tsan CFLAGS="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" build/tsan/tests/test_threads
	build/tsan/tests/test_threads

-include $(wildcard $(B)/obj/*.d)
