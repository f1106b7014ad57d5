#!/bin/sh
# --resume after a killed or truncated run gives the records of one clean
# run; the progress line shows on a terminal only.
B=${1:-build}
T="$B/trawl"
. tests/lib.sh

lua5.4 bench/synth_corpus.lua examples/articles 400 > "$W/c.jsonl"
printf '%s\n' 'not json' '{"id": "x", "text": "Last one."}' >> "$W/c.jsonl"
"$T" --jsonl "$W/c.jsonl" > "$W/clean.out" 2>/dev/null; st=$?
status "clean run" 1 $st

# cut mid-line at several places (a run killed mid-write), then resume
size=$(wc -c < "$W/clean.out")
for cut in 1 777 $((size / 2)) $((size - 3)) $((size - 1)); do
  head -c $cut "$W/clean.out" > "$W/r.out"
  "$T" --jsonl --resume "$W/r.out" "$W/c.jsonl" 2> "$W/r.err"; r=$?
  # the status counts this run's failures: the bad line may be done already
  [ $r -le $st ] && ok || bad "resume after cut at $cut: exit status $r"
  same "resume after cut at $cut" "$W/clean.out" "$W/r.out"
done
grep -q 'appended' "$W/r.err" && ok || bad "resume says what it did" "$(cat "$W/r.err")"

# already complete: nothing appended; missing file: a full run
cp "$W/clean.out" "$W/full.out"
"$T" --jsonl --resume "$W/full.out" "$W/c.jsonl" 2> "$W/f.err"; status "resume complete" 0 $?
same "resume complete" "$W/clean.out" "$W/full.out"
grep -q '0 appended' "$W/f.err" && ok || bad "complete: nothing appended" "$(cat "$W/f.err")"
"$T" --jsonl --resume "$W/new.out" "$W/c.jsonl" 2>/dev/null; status "resume new file" $st $?
same "resume new file" "$W/clean.out" "$W/new.out"

# kill a run part way (with threads), then resume with -j 1
"$T" -j 2 --jsonl -o "$W/k.out" "$W/c.jsonl" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 200 ] && [ "$(cat "$W/k.out" 2>/dev/null | wc -c)" -lt 20000 ]; do sleep 0.05; i=$((i + 1)); done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
killed=$(wc -l < "$W/k.out" | tr -d ' ')
[ "$killed" -lt 402 ] || echo "note: the run ended before it was killed"
"$T" --jsonl --resume "$W/k.out" "$W/c.jsonl" 2>/dev/null; status "resume after kill ($killed records kept)" $st $?
same "resume after kill" "$W/clean.out" "$W/k.out"
# and the other way round: a serial run killed, resumed with threads
"$T" --jsonl -o "$W/k2.out" "$W/c.jsonl" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 200 ] && [ "$(cat "$W/k2.out" 2>/dev/null | wc -c)" -lt 20000 ]; do sleep 0.05; i=$((i + 1)); done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
"$T" -j 3 --jsonl --resume "$W/k2.out" "$W/c.jsonl" 2>/dev/null; status "threaded resume after kill" $st $?
same "threaded resume after kill" "$W/clean.out" "$W/k2.out"

# misuse
"$T" --format yaml --resume "$W/x.out" "$W/c.jsonl" > /dev/null 2>&1; status "resume with yaml" 2 $?
"$T" -o "$W/y.out" --resume "$W/x.out" "$W/c.jsonl" > /dev/null 2>&1; status "resume with another -o" 2 $?
mkdir "$W/dir.out"
"$T" --resume "$W/dir.out" "$W/c.jsonl" > /dev/null 2>&1; status "resume from a directory" 2 $?

# progress: silent when stderr is not a terminal (even on a long batch) ...
"$T" --limit steps=30000000 --rules tests/rules/loops.lua examples/articles examples/articles > /dev/null 2> "$W/p.err"
if grep -q 'articles,' "$W/p.err"; then bad "progress line without a terminal"; else ok; fi
# ... and shown on one (script gives the command a terminal)
if script -qc true /dev/null > /dev/null 2>&1; then
  script -qc "$T --limit steps=30000000 --rules tests/rules/loops.lua examples/articles examples/articles examples/articles examples/articles 2>&1 >/dev/null" /dev/null > "$W/tty.out" 2>&1
  if grep -q 'trawl: 20 articles, [0-9.]* MB, [0-9.]* MB/s, 20 errors' "$W/tty.out"; then ok
  else bad "progress line on a terminal" "$(tr '\r' '\n' < "$W/tty.out" | grep -v 'step limit' | tail -3)"; fi
else
  echo "skip: script(1) cannot run here (the terminal progress test needs it)"
fi

summary
