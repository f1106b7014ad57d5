#!/bin/sh
# Runs the whole suite: C unit tests (build/tests/*), Lua tests (tests/lua/*.lua
# with the trawl module), CLI tests. Sums the counts each prints last.
B=${1:-build}
total_pass=0
total_fail=0
run() {
  name=$1
  shift
  out=$("$@" 2>&1)
  st=$?
  last=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
  if [ -n "$last" ]; then
    p=${last%% passed*}
    f=${last#*passed, }
    f=${f%% failed*}
  elif [ $st -eq 0 ]; then p=1; f=0
  else p=0; f=1
  fi
  [ $st -ne 0 ] && [ "$f" = 0 ] && f=1
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
  if [ "$f" != 0 ]; then
    printf '%s\n' "$out" | grep -v '^ok' | head -40
    echo "-- $name: $p passed, $f failed"
  else
    echo "ok $name ($p)"
  fi
}
for t in "$B"/tests/*; do
  [ -x "$t" ] && run "$(basename "$t")" "$t"
done
# a sanitized trawl.so needs the sanitizer runtimes loaded before lua5.4 starts
PRELOAD=
if nm -D "$B/trawl.so" 2>/dev/null | grep -q __asan_init; then
  PRELOAD="$(${CC:-cc} -print-file-name=libasan.so) $(${CC:-cc} -print-file-name=libubsan.so)"
fi
for t in tests/lua/*.lua; do
  [ -f "$t" ] && run "$(basename "$t")" env LD_PRELOAD="$PRELOAD" ASAN_OPTIONS=detect_leaks=0 \
    LUA_CPATH="$B/?.so" LUA_PATH="scripts/?.lua;tests/lua/?.lua" lua5.4 "$t"
done
run cli.sh sh tests/cli.sh "$B"
run battery.sh sh tests/battery.sh "$B"
run cli_parallel.sh sh tests/cli_parallel.sh "$B"
run cli_resume.sh sh tests/cli_resume.sh "$B"
run embed.sh sh tests/embed.sh "$B"
run install.sh sh tests/install.sh "$B"
run cli_authoring.sh sh tests/cli_authoring.sh "$B"
run html.sh sh tests/html.sh "$B"
run browser.sh sh tests/browser.sh "$B"
run "trawl test" "$B/trawl" test
echo "$total_pass passed, $total_fail failed"
[ $total_fail -eq 0 ]
