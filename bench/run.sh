#!/bin/sh
# make bench: builds the corpus (the shared news corpus when present, else a
# synthetic one from examples/) and prints throughput per stage.
set -e
B=${1:-build}
CORPUS=../shared/bench/corpus/news.jsonl
if [ ! -f "$CORPUS" ]; then
  CORPUS=$B/bench-corpus.jsonl
  lua5.4 bench/synth_corpus.lua examples/articles 2000 > "$CORPUS"
fi
echo "corpus: $CORPUS ($(wc -c < "$CORPUS") bytes)"
${CC:-cc} -O2 -std=c11 -Iengine $(pkg-config --cflags jansson) -o "$B/bench_tokenize" bench/bench_tokenize.c "$B/libtrawl.a" \
  $(pkg-config --libs lua5.4 libpcre2-8 yaml-0.1 jansson) -lm
"$B/bench_tokenize" "$CORPUS"
for f in bench/bench_*.sh; do [ -f "$f" ] && sh "$f" "$B" "$CORPUS"; done
# the whole default rule set, one process, one core
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$B/bench-mem" "$B/trawl" --jsonl "$CORPUS" > /dev/null 2>&1 || true
end=$(date +%s.%N)
lua5.4 -e "local b=$(wc -c < "$CORPUS"); local t=$end-$start; print(('default rules, whole process: %.1f MB/s (%.2f s), peak RSS %.1f MiB'):format(b/1e6/t, t, $(cat "$B/bench-mem")/1024))"
