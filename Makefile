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
MOD_LIBS   := $(shell $(PKG_CONFIG) --libs libpcre2-8 yaml-0.1 jansson 2>/dev/null) -lm

override CFLAGS += -std=c11 -Wall -Wextra -Werror -fPIC -fvisibility=hidden -D_DEFAULT_SOURCE \
  -DTRAWL_BUILDING -DTRAWL_DATADIR='"$(DATADIR)/trawl"' -DTRAWL_SRCDIR='"$(CURDIR)"' \
  $(DEP_CFLAGS) -MMD -MP
override LDLIBS += $(DEP_LIBS) -lm -pthread

B := build
CLI_SRC := engine/cli.c engine/input.c engine/pool.c engine/progress.c engine/resume.c
LIB_SRC := $(filter-out $(CLI_SRC),$(wildcard engine/*.c))
LIB_OBJ := $(LIB_SRC:engine/%.c=$(B)/obj/%.o)
CLI_OBJ := $(CLI_SRC:engine/%.c=$(B)/obj/%.o)
TEST_SRC := $(wildcard tests/c/*.c)
TEST_BIN := $(TEST_SRC:tests/c/%.c=$(B)/tests/%)

.PHONY: all check test test-asan test-valgrind bench install uninstall clean deps lexicons

all: $(B)/trawl $(B)/libtrawl.a $(B)/libtrawl.so $(B)/trawl.so

$(B)/obj/%.o: engine/%.c | $(B)/obj
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/obj $(B)/tests:
	mkdir -p $@

$(B)/libtrawl.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/libtrawl.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libtrawl.so.$(SOVERSION) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# the Lua module: the same objects, loadable by a stock lua5.4
$(B)/trawl.so: $(LIB_OBJ)
	$(CC) -shared $(LDFLAGS) -o $@ $^ $(MOD_LIBS)

$(B)/trawl: $(CLI_OBJ) $(B)/libtrawl.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libtrawl.a $(LDLIBS)

$(B)/tests/%: tests/c/%.c $(B)/libtrawl.a | $(B)/tests
	$(CC) $(CFLAGS) -Iengine -o $@ $< $(B)/libtrawl.a $(LDLIBS)

test: all $(TEST_BIN)
	@sh tests/run.sh $(B)

# the whole suite: plain, then under the sanitizers
check: test test-asan

# the whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer
test-asan:
	$(MAKE) B=build/asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" test

bench: all
	@sh bench/run.sh $(B)

deps:
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(DEBIAN_PKGS); \
	 else sudo apt-get update -qq && sudo apt-get install -y -qq $(DEBIAN_PKGS); fi

clean:
	rm -rf build

-include $(wildcard $(B)/obj/*.d)
