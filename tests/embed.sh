#!/bin/sh
# The hosts in examples/embed, built against the build tree and run: the C,
# Lua and Python (ctypes) quote printers must agree line for line, and the
# capped host must show an error record for the article over its cap.
B=${1:-build}
ROOT=$(pwd)
CC=${CC:-cc}
. tests/lib.sh
ART=examples/articles/000_018be0837bdd3650.txt

# a sanitized library needs sanitized hosts, and the runtimes preloaded into
# lua5.4 and python3
SAN=
PRELOAD=
if nm -D "$B/libtrawl.so" 2>/dev/null | grep -q __asan_init; then
  SAN="-fsanitize=address,undefined"
  PRELOAD="$($CC -print-file-name=libasan.so) $($CC -print-file-name=libubsan.so)"
fi

# pkg-config for the build tree: the same trawl.pc.in, pointing here
mkdir -p "$W/pc"
sed -e "s|@PREFIX@|$ROOT|g" -e "s|@LIBDIR@|$ROOT/$B|g" -e "s|@INCLUDEDIR@|$ROOT/engine|g" \
    -e "s|@DATADIR@|$ROOT|g" -e "s|@VERSION@|0|g" -e "s|@LUA_PC@|${LUA_PC:-lua5.4}|g" trawl.pc.in > "$W/pc/trawl.pc"
FLAGS=$(PKG_CONFIG_PATH="$W/pc" pkg-config --cflags --libs trawl) || { bad "pkg-config trawl"; FLAGS=; }

for host in quotes capped; do
  if out=$($CC -std=c11 -Wall -Wextra -Werror $SAN -o "$W/$host" examples/embed/$host.c $FLAGS -Wl,-rpath,"$ROOT/$B" 2>&1); then
    ok
  else
    bad "build $host.c" "$out"
  fi
done

# C
"$W/quotes" "$ART" > "$W/c.out" 2> "$W/c.err"
st=$?
if [ $st -eq 0 ] && [ -s "$W/c.out" ]; then ok; else bad "quotes.c: status $st, $(wc -l < "$W/c.out") lines" "$(cat "$W/c.err")"; fi
# each quote's text is in the CLI's record for the same article
"$B/trawl" "$ART" > "$W/cli.json" 2>/dev/null
first=$(head -1 "$W/c.out" | sed 's/^[^"]*"\(.*\)"$/\1/')
if [ -n "$first" ] && grep -qF "\"text\":\"$first\"" "$W/cli.json"; then ok; else bad "quotes.c's first quote is not in the CLI record" "$first"; fi
n_cli=$(grep -o '"kind":"\(direct\|indirect\|term\|partial\|mixed\)"' "$W/cli.json" | wc -l)
n_c=$(wc -l < "$W/c.out")
if [ "$n_cli" -ge "$n_c" ] && [ "$n_c" -gt 0 ]; then ok; else bad "quotes.c printed $n_c quotes, the CLI has $n_cli"; fi

# a bad article: an error record, status 1
printf 'bad \377 bytes' > "$W/bad.txt"
"$W/quotes" "$W/bad.txt" > "$W/bad.out" 2> "$W/bad.err"
st=$?
if [ $st -eq 1 ] && grep -q '"error":{"kind":"input","message":"invalid UTF-8 at byte offset 4"' "$W/bad.out"; then ok
else bad "quotes.c on bad input: status $st" "$(cat "$W/bad.out" "$W/bad.err")"; fi

# Lua
env LD_PRELOAD="$PRELOAD" ASAN_OPTIONS=detect_leaks=0 LUA_CPATH="$B/?.so" lua5.4 examples/embed/quotes.lua "$ART" > "$W/lua.out" 2> "$W/lua.err"
st=$?
if [ $st -eq 0 ] && cmp -s "$W/c.out" "$W/lua.out"; then ok
else bad "quotes.lua differs from quotes.c (status $st)" "$(diff "$W/c.out" "$W/lua.out"; cat "$W/lua.err")"; fi

# Python, standard library only
if command -v python3 >/dev/null 2>&1; then
  env LD_PRELOAD="$PRELOAD" ASAN_OPTIONS=detect_leaks=0 python3 examples/embed/quotes.py "$ART" "$ROOT/$B/libtrawl.so" > "$W/py.out" 2> "$W/py.err"
  st=$?
  if [ $st -eq 0 ] && cmp -s "$W/c.out" "$W/py.out"; then ok
  else bad "quotes.py differs from quotes.c (status $st)" "$(diff "$W/c.out" "$W/py.out"; cat "$W/py.err")"; fi
else
  echo "skip quotes.py: no python3"
fi

# capped: fine, then over the cap (an error record, no crash), then fine again
"$W/capped" > "$W/capped.out" 2> "$W/capped.err"
st=$?
if [ $st -eq 0 ]; then ok; else bad "capped: status $st" "$(cat "$W/capped.out" "$W/capped.err")"; fi
if grep -q '^small: ok$' "$W/capped.out" && grep -q '^small-again: ok$' "$W/capped.out"; then ok; else bad "capped: small articles fail" "$(cut -c1-200 "$W/capped.out")"; fi
if grep -q '^{"id":"large","error":{"kind":"[a-z]*","message":"[^"]*memory' "$W/capped.out"; then ok
else bad "capped: no memory error record for the large article" "$(cut -c1-200 "$W/capped.out")"; fi
if grep -q '"name":"NATO","type":"org"' "$W/capped.out"; then ok; else bad "capped: the string rules did not run"; fi

summary
