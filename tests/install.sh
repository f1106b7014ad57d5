#!/bin/sh
# make install / uninstall into a throwaway prefix, then a host built from the
# installed files only: examples/embed/quotes.c copied out of the tree and
# compiled with pkg-config, the Lua module, the CLI. A marker rule added to
# the installed rules proves the installed data directory is the one used
# (the source tree, which the engine falls back to, has no such rule).
# Then the same with DESTDIR staging, where the compiled-in data directory
# does not exist yet, so TRAWL_PATH must point into the staging area.
B=${1:-build}
ROOT=$(pwd)
CC=${CC:-cc}
IB="$B-install"                 # its own build: the data directory is compiled in
P="$ROOT/$IB/prefix"            # stable, so repeated runs rebuild nothing
. tests/lib.sh
trap 'rm -rf "$W" "$P"' EXIT
check() { if eval "$2"; then ok; else bad "$1" "${3:-}"; fi; }
ART="$ROOT/examples/articles/000_018be0837bdd3650.txt"
# plain flags for this build, whatever the outer make (e.g. test-asan) was given
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -j4 B="$IB" PREFIX="$P" CFLAGS="-O2 -g" LDFLAGS= "$@"; }

cat > "$W/zz_marker.lua" <<'EOF'
-- installed by tests/install.sh for a moment: proves which rules were read
rule "test.install_marker" {
  stage = "quotes",
  run = function(doc)
    local s, e = doc:tok(1)
    doc:add("quote", s, e, {kind = "direct", speaker = {name = "installed-data"}})
  end,
}
EOF

rm -rf "$P"
if out=$(mk install 2>&1); then ok; else bad "make install PREFIX=$P" "$out"; echo "$pass passed, $fail failed"; exit 1; fi

# the files, the soname chain, the exported symbols
for f in bin/trawl lib/libtrawl.a lib/libtrawl.so.0.1.0 include/trawl.h lib/pkgconfig/trawl.pc \
         share/man/man1/trawl.1 lib/lua/5.4/trawl.so share/trawl/scripts/trawl/driver.lua \
         share/trawl/scripts/API.md share/trawl/rules/quotes.lua share/trawl/rules/README.md \
         share/trawl/rules/tests/quotes_direct.yaml; do
  check "installed $f" "[ -f '$P/$f' ]"
done
check "libtrawl.so -> libtrawl.so.0" "[ \"\$(readlink '$P/lib/libtrawl.so')\" = libtrawl.so.0 ]"
check "libtrawl.so.0 -> libtrawl.so.0.1.0" "[ \"\$(readlink '$P/lib/libtrawl.so.0')\" = libtrawl.so.0.1.0 ]"
check "soname libtrawl.so.0" "objdump -p '$P/lib/libtrawl.so.0.1.0' | grep -q 'SONAME *libtrawl.so.0\$'"
others=$(nm -D --defined-only "$P/lib/libtrawl.so" | awk '$2 == "T" {print $3}' | grep -v '^trawl_' | grep -v '^luaopen_trawl$')
check "only trawl_* (and luaopen_trawl) exported" "[ -z '$others' ]" "$others"
check "one header installed" "[ \"\$(ls '$P/include')\" = trawl.h ]"
check "trawl.pc data directory" "grep -qx 'datadir=$P/share/trawl' '$P/lib/pkgconfig/trawl.pc'"
check "man page renders" "man -l '$P/share/man/man1/trawl.1' 2>/dev/null | grep -q 'TRAWL_PATH' || ! command -v man >/dev/null"

# quotes.c from outside the tree, with nothing but pkg-config's flags
cp examples/embed/quotes.c examples/embed/quotes.lua "$W/"
cp "$W/zz_marker.lua" "$P/share/trawl/rules/"
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
FLAGS=$(pkg-config --cflags --libs trawl)
check "pkg-config flags point into the prefix" "echo '$FLAGS' | grep -q -- '-I$P/include' && ! echo '$FLAGS' | grep -q '$ROOT/engine'" "$FLAGS"
if out=$(cd "$W" && $CC -std=c11 -Wall -Werror -o quotes quotes.c $FLAGS -Wl,-rpath,"$P/lib" 2>&1); then ok; else bad "build quotes.c (shared)" "$out"; fi
STATIC=$(pkg-config --static --libs trawl | sed 's/-ltrawl//')
if out=$(cd "$W" && $CC -std=c11 -Wall -Werror -o quotes-static quotes.c $(pkg-config --cflags trawl) "$P/lib/libtrawl.a" $STATIC 2>&1); then ok
else bad "build quotes.c (static)" "$out"; fi
check "the static host does not load libtrawl.so" "! ldd '$W/quotes-static' | grep -q libtrawl"
(cd "$W" && env -u TRAWL_PATH ./quotes "$ART") > "$W/q.out" 2> "$W/q.err"
check "quotes (shared) runs" "[ $? -eq 0 ] && [ -s '$W/q.out' ]" "$(cat "$W/q.err")"
check "quotes (shared) read the installed rules" "grep -q '^0-3 installed-data: ' '$W/q.out'" "$(cat "$W/q.out")"
(cd "$W" && env -u TRAWL_PATH ./quotes-static "$ART") > "$W/qs.out" 2>&1
check "quotes (static) gives the same" "cmp -s '$W/q.out' '$W/qs.out'" "$(diff "$W/q.out" "$W/qs.out")"
(cd "$W" && env -u TRAWL_PATH LUA_CPATH="$P/lib/lua/5.4/?.so" lua5.4 quotes.lua "$ART") > "$W/ql.out" 2>&1
check "the installed Lua module gives the same" "cmp -s '$W/q.out' '$W/ql.out'" "$(diff "$W/q.out" "$W/ql.out")"
(cd "$W" && env -u TRAWL_PATH "$P/bin/trawl" "$ART") > "$W/cli.out" 2>&1
check "the installed CLI read the installed rules" "grep -q '\"name\":\"installed-data\"' '$W/cli.out'" "$(head -c 300 "$W/cli.out")"
rm -f "$P/share/trawl/rules/zz_marker.lua"
out=$(cd "$W" && env -u TRAWL_PATH "$P/bin/trawl" test 2>&1)
check "the installed rules' examples and tests pass (trawl test)" "[ $? -eq 0 ]" "$(printf '%s\n' "$out" | tail -5)"

if out=$(mk uninstall 2>&1); then ok; else bad "make uninstall" "$out"; fi
left=$(find "$P" -type f -o -type l)
check "uninstall leaves no files" "[ -z '$left' ]" "$left"
rm -rf "$P"

# DESTDIR staging: same PREFIX (so the same build), files under $S$P only
S="$W/stage"
if out=$(mk DESTDIR="$S" install 2>&1); then ok; else bad "make install DESTDIR" "$out"; fi
check "staging writes nothing under PREFIX" "[ ! -e '$P' ]"
check "staged under DESTDIR" "[ -f '$S$P/lib/libtrawl.so.0.1.0' ] && [ -f '$S$P/share/trawl/scripts/trawl/driver.lua' ]"
cp "$W/zz_marker.lua" "$S$P/share/trawl/rules/"
FLAGS=$(PKG_CONFIG_PATH="$S$P/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$S" pkg-config --cflags --libs trawl)
if out=$(cd "$W" && $CC -std=c11 -Wall -Werror -o quotes-staged quotes.c $FLAGS 2>&1); then ok; else bad "build against the staged files" "$out ($FLAGS)"; fi
(cd "$W" && LD_LIBRARY_PATH="$S$P/lib" TRAWL_PATH="$S$P/share/trawl" ./quotes-staged "$ART") > "$W/st.out" 2>&1
check "staged: TRAWL_PATH finds the staged rules" "grep -q '^0-3 installed-data: ' '$W/st.out'" "$(cat "$W/st.out")"
# without TRAWL_PATH the compiled-in directory ($P/share/trawl) does not
# exist: the engine falls back to the source tree, which has no marker
(cd "$W" && env -u TRAWL_PATH LD_LIBRARY_PATH="$S$P/lib" ./quotes-staged "$ART") > "$W/st2.out" 2>&1
check "staged: the compiled-in directory is PREFIX's, not DESTDIR's" "[ -s '$W/st2.out' ] && ! grep -q installed-data '$W/st2.out'" "$(cat "$W/st2.out")"
rm -f "$S$P/share/trawl/rules/zz_marker.lua"
if out=$(mk DESTDIR="$S" uninstall 2>&1); then ok; else bad "make uninstall DESTDIR" "$out"; fi
left=$(find "$S" -type f -o -type l)
check "staged uninstall leaves no files" "[ -z '$left' ]" "$left"

# luarocks make: the module and its data in a rock tree; the marker again
# proves the rock's own data directory is the one compiled in
if command -v luarocks >/dev/null 2>&1; then
  T="$W/rocks"
  if out=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u LDFLAGS -u CFLAGS \
             luarocks --lua-version 5.4 make --tree "$T" trawl-0.1.0-1.rockspec 2>&1); then ok
  else bad "luarocks make" "$(printf '%s\n' "$out" | tail -5)"; fi
  RD="$T/lib/luarocks/rocks-5.4/trawl/0.1.0-1/share/trawl"
  check "the rock holds the rules" "[ -f '$RD/rules/quotes.lua' ] && [ -f '$RD/scripts/trawl/driver.lua' ]"
  cp "$W/zz_marker.lua" "$RD/rules/" 2>/dev/null
  (cd "$W" && env -u TRAWL_PATH LUA_CPATH="$T/lib/lua/5.4/?.so" lua5.4 quotes.lua "$ART") > "$W/rock.out" 2>&1
  check "the rock's module reads the rock's rules" "grep -q '^0-3 installed-data: ' '$W/rock.out'" "$(head -5 "$W/rock.out")"
  if out=$(luarocks --lua-version 5.4 remove --tree "$T" trawl 2>&1); then ok; else bad "luarocks remove" "$out"; fi
  check "luarocks remove takes the module" "[ ! -e '$T/lib/lua/5.4/trawl.so' ]"
else
  echo "skip luarocks: not installed (apt-get install luarocks)"
fi

summary
