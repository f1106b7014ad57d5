#!/bin/sh
# The CPU cost of some rule files over the benchmark corpus, above the
# engine's fixed cost: `sh bench/rule_cost.sh BUILD_DIR rules/quotes.lua ...`.
# CPU time (user + sys, best of 3) rather than wall time, so that the
# number holds up on a busy machine.
set -e
B=$1
shift
T="$B/trawl"
CORPUS=${CORPUS:-../shared/bench/corpus/news.jsonl}
[ -f "$CORPUS" ] || { echo "rule_cost: no corpus at $CORPUS (set CORPUS=)" >&2; exit 2; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mkdir "$d/none" "$d/some"
echo "-- no rules" > "$d/none/none.lua"
for f in "$@"; do cp "$f" "$d/some/"; done
ln -s "$(pwd)/rules/lexicons" "$d/some/lexicons"
cpu() {
  best=
  for k in 1 2 3; do
    /usr/bin/time -f "%U %S" -o "$d/t" "$T" --rules "$1" --jsonl "$CORPUS" > /dev/null 2>&1 || true
    best=$(awk -v b="$best" '{ t = $1 + $2; if (b != "" && b < t) t = b; printf "%.3f", t }' "$d/t")
  done
  echo "$best"
}
base=$(cpu "$d/none")
some=$(cpu "$d/some")
awk -v a="$base" -v b="$some" -v f="$*" -v by="$(wc -c < "$CORPUS")" 'BEGIN {
  printf "no rules %.2f s CPU; with %s %.2f s CPU: %+.2f s for the rules (%.1f MB/s whole process)\n", a, f, b, b - a, by / 1e6 / b }'
