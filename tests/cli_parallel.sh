#!/bin/sh
# -j N and GNU parallel: records in input order and byte-identical to -j 1;
# a parallel --pipe run gives the same records, sorted by id, as a plain run.
B=${1:-build}
T="$B/trawl"
. tests/lib.sh

# a corpus with every kind of record: good ones, error records, an id repeated
lua5.4 bench/synth_corpus.lua examples/articles 60 > "$W/c.jsonl"
printf '%s\n' '{"id": "a", "text": "One text."}' 'not json' '{"id": "c"}' '{"id": "d", "text": "ab\u0000cd"}' \
  '{"id": 7, "text": "Seven said \"yes\"."}' >> "$W/c.jsonl"
lua5.4 bench/synth_corpus.lua examples/articles 30 >> "$W/c.jsonl"
"$T" --jsonl "$W/c.jsonl" > "$W/j1.out" 2> "$W/j1.err"; st1=$?
status "-j 1 exit" 1 $st1
for j in 2 3 8; do
  "$T" -j $j --jsonl "$W/c.jsonl" > "$W/jn.out" 2> "$W/jn.err"; status "-j $j exit" $st1 $?
  same "-j $j records" "$W/j1.out" "$W/jn.out"
  same "-j $j messages" "$W/j1.err" "$W/jn.err"
done
"$T" -j0 --jsonl "$W/c.jsonl" > "$W/j0.out" 2>/dev/null
same "-j0 (one per core)" "$W/j1.out" "$W/j0.out"
"$T" --jobs=2 --explain examples/articles > "$W/e2.out"; status "--jobs=2 --explain" 0 $?
"$T" --explain examples/articles > "$W/e1.out"
same "--explain with threads" "$W/e1.out" "$W/e2.out"
"$T" -j 2 --format yaml examples/articles > "$W/y2.out"
"$T" --format yaml examples/articles > "$W/y1.out"
same "yaml with threads" "$W/y1.out" "$W/y2.out"
"$T" -j 2 --limit steps=100000 --rules tests/rules/loops.lua examples/articles > "$W/l2.out" 2>/dev/null
status "step limit with threads" 1 $?
n=$(grep -c 'step limit hit' "$W/l2.out"); [ "$n" = 5 ] && ok || bad "step limit records: $n, want 5"
# each thread's engine has its own watchdog
"$T" -j 2 --limit time=200 --rules tests/rules/loops.lua examples/articles > "$W/t2.out" 2>/dev/null
status "time limit with threads" 1 $?
n=$(grep -c 'time limit hit' "$W/t2.out"); [ "$n" = 5 ] && ok || bad "time limit records: $n, want 5"
"$T" -j x examples/articles > /dev/null 2>&1; status "bad -j" 2 $?
"$T" -j 2 --rules tests/rules/unknown_global.lua examples/articles > /dev/null 2>&1; status "-j rule load error" 2 $?
# a reader that goes away: quiet end, no hang
"$T" -j 2 --jsonl "$W/c.jsonl" 2> "$W/pipe.err" | head -1 > /dev/null
if grep -q 'cannot write' "$W/pipe.err"; then bad "closed pipe reported"; else ok; fi
if [ -w /dev/full ]; then
  "$T" -j 2 --jsonl "$W/c.jsonl" > /dev/full 2> "$W/full.err"; st=$?
  [ $st -ne 0 ] && grep -q 'cannot write output' "$W/full.err" && ok || bad "-j 2 full disk: status $st"
fi

# the Hadoop Streaming mapper: stdin to stdout, status 0 despite error records
"$T" --jsonl - < "$W/c.jsonl" > "$W/stdin.out" 2>/dev/null
PATH="$(cd "$B" && pwd):$PATH" sh examples/distributed/mapper.sh < "$W/c.jsonl" > "$W/map.out" 2>/dev/null
status "mapper.sh exit" 0 $?
same "mapper.sh records" "$W/stdin.out" "$W/map.out"

# GNU parallel: blocks of lines to several trawl processes
if parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
  lua5.4 bench/synth_corpus.lua examples/articles 200 > "$W/p.jsonl"
  "$T" --jsonl "$W/p.jsonl" | sort > "$W/plain.sorted"
  sh examples/distributed/parallel.sh "$W/p.jsonl" "$W/par.out" "$T" 2> "$W/par.err"; status "parallel run" 0 $?
  sort "$W/par.out" > "$W/par.sorted"
  same "parallel records sorted by id" "$W/plain.sorted" "$W/par.sorted"
  n=$(wc -l < "$W/par.out" | tr -d ' '); [ "$n" = 200 ] && ok || bad "parallel records: $n, want 200"
else
  echo "skip: GNU parallel is not installed (the --pipe test needs it)"
fi

summary
