#!/bin/sh
# make bench: builds the corpus (the shared news corpus when present, else a
# synthetic one from examples/) and prints, per stage, MB/s, articles/s, ns
# per token and peak memory; then -j 2, streaming memory and wink-nlp.
set -e
B=${1:-build}
T="$B/trawl"
CORPUS=../shared/bench/corpus/news.jsonl
if [ ! -f "$CORPUS" ]; then
  CORPUS=$B/bench-corpus.jsonl
  lua5.4 bench/synth_corpus.lua examples/articles 3000 > "$CORPUS"
fi
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(uname -sr)"
echo "corpus: $CORPUS ($(wc -c < "$CORPUS") bytes)"

# tokenize + sentence split, in process
${CC:-cc} -O2 -std=c11 -Iengine $(pkg-config --cflags jansson) -o "$B/bench_tokenize" bench/bench_tokenize.c "$B/libtrawl.a" \
  $(pkg-config --libs lua5.4 libpcre2-8 yaml-0.1 jansson) -lm
"$B/bench_tokenize" "$CORPUS" 5 > "$B/bench-tok"
grep -v '^#' "$B/bench-tok"
BYTES=$(sed -n 's/^# bytes=\([0-9]*\).*/\1/p' "$B/bench-tok")
ARTICLES=$(sed -n 's/.* articles=\([0-9]*\).*/\1/p' "$B/bench-tok")
NTOK=$(sed -n 's/.* tokens=\([0-9]*\).*/\1/p' "$B/bench-tok")

# regexes, token patterns and lexicons, in process through the Lua module
LUA_CPATH="$B/?.so" lua5.4 bench/regex.lua "$CORPUS"
[ -f bench/patterns.lua ] && LUA_CPATH="$B/?.so" lua5.4 bench/patterns.lua "$CORPUS"

# whole processes: `measure LABEL REPEAT trawl-args...` prints one line (the
# CPU time is the last run's: on a busy machine it says more than the wall
# time) and leaves the best wall time in $SECS
measure() {
  label=$1 rep=$2
  shift 2
  SECS=
  k=0
  while [ $k -lt "$rep" ]; do
    s=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$B/bench-mem" "$@" > /dev/null 2>&1 || true
    e=$(date +%s.%N)
    SECS=$(awk -v a="$s" -v b="$e" -v best="$SECS" 'BEGIN { t = b - a; if (best != "" && best < t) t = best; printf "%.3f", t }')
    k=$((k + 1))
  done
  awk -v l="$label" -v t="$SECS" -v by="$BYTES" -v n="$ARTICLES" -v tok="$NTOK" -v m="$(cat "$B/bench-mem")" \
    'BEGIN { split(m, r, " "); printf "%-30s %6.1f MB/s %6.0f articles/s %5.0f ns/token %5.1f MiB peak (%.2f s wall, %.2f s CPU)\n",
             l, by / 1e6 / t, n / t, t * 1e9 / tok, r[1] / 1024, t, r[2] + r[3] }'
}

echo "-- whole process, one core (--jsonl in, JSON Lines out)"
mkdir -p "$B/bench-rules/none"
echo "-- no rules: input, tokenizer, doc, output only" > "$B/bench-rules/none/none.lua"
measure "no rules (fixed cost)" 3 "$T" --rules "$B/bench-rules/none" --jsonl "$CORPUS"
BASE=$SECS
for f in rules/*.lua; do
  name=$(basename "$f" .lua)
  d="$B/bench-rules/$name"
  rm -rf "$d" && mkdir -p "$d"
  cp "$f" "$d/"
  [ -d rules/lexicons ] && ln -s "$(pwd)/rules/lexicons" "$d/lexicons"
  if "$T" --rules "$d" - < /dev/null > /dev/null 2>&1 || [ $? -eq 1 ]; then
    measure "rules/$name.lua alone" 1 "$T" --rules "$d" --jsonl "$CORPUS"
    awk -v t="$SECS" -v b="$BASE" 'BEGIN { printf "%-30s %+.2f s over no rules\n", "", t - b }'
  else
    echo "rules/$name.lua alone: does not load on its own"
  fi
done
measure "default rules, -j 1" 3 "$T" --jsonl "$CORPUS"
ONE=$SECS
# without the step limit's count hook (trusted rules)
measure "default rules, steps=0" 3 "$T" --limit steps=0 --jsonl "$CORPUS"
measure "default rules, -j 2" 3 "$T" -j 2 --jsonl "$CORPUS"
TWO=$SECS
awk -v a="$ONE" -v b="$TWO" 'BEGIN { printf "-j 2 speed-up: %.2fx\n", a / b }'

# peak memory must not grow with the corpus
for i in 1 2 3 4 5; do cat "$CORPUS"; done > "$B/bench-corpus-x5.jsonl"
ARTICLES=$((ARTICLES * 5)) BYTES=$((BYTES * 5)) NTOK=$((NTOK * 5))
measure "corpus x5, -j 1 (streaming)" 1 "$T" --jsonl "$B/bench-corpus-x5.jsonl"
measure "corpus x5, -j 2 (streaming)" 1 "$T" -j 2 --jsonl "$B/bench-corpus-x5.jsonl"
rm -f "$B/bench-corpus-x5.jsonl"
ARTICLES=$((ARTICLES / 5)) BYTES=$((BYTES / 5)) NTOK=$((NTOK / 5))

# wink-nlp on the same corpus, when node is here (installed into $B, not the repo)
if command -v node > /dev/null && command -v npm > /dev/null; then
  NM="$B/bench-node"
  if [ ! -d "$NM/node_modules/wink-eng-lite-web-model" ]; then
    mkdir -p "$NM" && (cd "$NM" && npm install --no-audit --no-fund --silent wink-nlp wink-eng-lite-web-model > /dev/null 2>&1) || true
  fi
  if [ -d "$NM/node_modules/wink-eng-lite-web-model" ]; then
    NODE_PATH="$NM/node_modules" node bench/wink.js "$CORPUS" > "$B/bench-wink"
    grep -v '^WINK_MBS=' "$B/bench-wink"
    W=$(sed -n 's/^WINK_MBS=//p' "$B/bench-wink")
    awk -v w="$W" -v t="$ONE" -v by="$BYTES" 'BEGIN { printf "trawl (default rules, one core) / wink-nlp: %.1fx\n", by / 1e6 / t / w }'
  else
    echo "wink-nlp: npm install failed; skipped"
  fi
else
  echo "wink-nlp: node is not installed; skipped"
fi
