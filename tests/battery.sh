#!/bin/sh
# The bad-input battery: hostile or broken articles, front matter, JSON
# Lines, lexicons and output targets, each with the record and exit status
# it must give. Every input yields exactly one record; nothing crashes.
B=${1:-build}
T="$B/trawl"
. tests/lib.sh
trap 'chmod -R u+rwx "$W" 2>/dev/null; rm -rf "$W"' EXIT
lines() { n=$(wc -l < "$2" | tr -d ' '); if [ "$n" = "$3" ]; then ok; else bad "$1: $n lines, want $3"; fi; }
# no sanitizer report, no crash signal
clean() { hasnt "$1: sanitizer" "$2" "Sanitizer"; hasnt "$1: UB" "$2" "runtime error:"; }

# --- encodings and bytes: one file each, one record each, the batch goes on
printf 'ab\200cd' > "$W/cont.txt"                 # lone continuation byte
printf 'x\300\257y' > "$W/overlong.txt"           # overlong '/'
printf 'x\355\240\200y' > "$W/surrogate.txt"      # UTF-16 surrogate
printf 'x\364\220\200\200' > "$W/toobig.txt"      # past U+10FFFF
printf 'caf\303' > "$W/truncated.txt"             # cut inside a character
printf 'ab\000cd' > "$W/nul.txt"
printf '\000\000\000\000' > "$W/allnul.txt"
: > "$W/empty.txt"
printf 'Fine text, said Anna.' > "$W/fine.txt"
head -c 4096 /bin/ls > "$W/elf.txt"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > "$W/png.txt"
printf 'hello' | gzip -c > "$W/gzip.txt"
head -c 65536 /dev/urandom > "$W/random.txt"
"$T" "$W/cont.txt" "$W/overlong.txt" "$W/surrogate.txt" "$W/toobig.txt" "$W/truncated.txt" "$W/nul.txt" \
  "$W/allnul.txt" "$W/empty.txt" "$W/elf.txt" "$W/png.txt" "$W/gzip.txt" "$W/random.txt" "$W/fine.txt" \
  > "$W/bytes.out" 2> "$W/bytes.err"
status "bad bytes" 1 $?
lines "bad bytes: one record each" "$W/bytes.out" 13
clean "bad bytes" "$W/bytes.err"
for row in "cont:invalid UTF-8 at byte offset 2" "overlong:invalid UTF-8 at byte offset 1" \
           "surrogate:invalid UTF-8 at byte offset 1" "toobig:invalid UTF-8 at byte offset 1" \
           "truncated:invalid UTF-8 at byte offset 3" "nul:NUL byte at byte offset 2" \
           "allnul:NUL byte at byte offset 0" "empty:empty article"; do
  id=${row%%:*}; msg=${row#*:}
  if grep "\"id\":\"$id\"" "$W/bytes.out" | grep -qF "$msg"; then ok; else bad "bytes $id: want «$msg»" "$(grep "\"id\":\"$id\"" "$W/bytes.out")"; fi
done
for id in elf png gzip random; do
  if grep "\"id\":\"$id\"" "$W/bytes.out" | grep -q '"kind":"input"'; then ok; else bad "binary $id: want an input error"; fi
done
has "bad bytes: the good one analysed" "$W/bytes.out" '{"id":"fine","actors":'
hasnt "bad bytes: output is valid UTF-8" "$W/bytes.out" "$(printf '\377')"

# --- a 100 MB single-line article: refused at the size limit, nothing else lost
head -c 100000000 /dev/zero | tr '\0' 'a' > "$W/huge.txt"
"$T" "$W/huge.txt" "$W/fine.txt" > "$W/huge.out" 2> "$W/huge.err"; status "100 MB article" 1 $?
lines "100 MB: two records" "$W/huge.out" 2
has "100 MB: size limit named" "$W/huge.out" 'article is 100000000 bytes, over the 16777216-byte limit'
has "100 MB: the next one analysed" "$W/huge.out" '{"id":"fine","actors":'
rm -f "$W/huge.txt"
# raised limit: a long single line is processed (kept to 4 MB so the test stays fast)
head -c 4000000 /dev/zero | tr '\0' 'a' > "$W/long.txt"
"$T" --limit article=200000000 "$W/long.txt" > "$W/long.out" 2> "$W/long.err"; status "long line, limit raised" 0 $?
has "long line processed" "$W/long.out" '{"id":"long","actors":'
rm -f "$W/long.txt"

# --- quote marks: unbalanced and nested, never a crash, offsets in bounds
printf 'He said "this never closes and goes on.' > "$W/q_open.txt"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "\302\253 "; print "end" }' > "$W/q_many.txt"
printf '\342\200\234One \342\200\230two \302\253three\302\273 two\342\200\231 one,\342\200\235 said Anna. \342\200\235 \302\273 " \047' > "$W/q_nested.txt"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\""; print "" }' > "$W/q_run.txt"
"$T" --limit time=2000 "$W/q_open.txt" "$W/q_many.txt" "$W/q_nested.txt" "$W/q_run.txt" > "$W/q.out" 2> "$W/q.err"
lines "quote marks: one record each" "$W/q.out" 4
clean "quote marks" "$W/q.err"
for id in q_open q_nested q_run; do
  if grep "\"id\":\"$id\"" "$W/q.out" | grep -q '"actors":\['; then ok; else bad "quote marks $id: not analysed" "$(grep "\"id\":\"$id\"" "$W/q.out" | head -c 300)"; fi
done
# 10,000 unclosed quote marks: analysed, or (the quote rule is superlinear
# here) stopped by the time limit with a record saying so, never a hang
if grep '"id":"q_many"' "$W/q.out" | grep -qE '"actors":\[|"kind":"limit"'; then ok; else bad "quote marks q_many"; fi

# --- front matter: malformed YAML, bombs, deep nesting, huge values, unterminated
printf -- '---\ntitle: [unclosed\n---\nBody text.\n' > "$W/fm_unclosed.md"
printf -- '---\ntitle: a\n\tdate: tab\n---\nBody text.\n' > "$W/fm_tab.md"
printf -- '---\n- just\n- a list\n---\nBody text.\n' > "$W/fm_list.md"
{ printf -- '---\na: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
  p=a; for l in b c d e f g h i; do printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $l $l $p $p $p $p $p $p $p $p $p $p; p=$l; done
  printf -- '---\nBody text.\n'; } > "$W/fm_laughs.md"
{ printf -- '---\nx: '; awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; }'; printf '\n---\nBody text.\n'; } > "$W/fm_deep.md"
{ printf -- '---\nself: &s {a: 1, b: *s}\n---\nBody text.\n'; } > "$W/fm_cycle.md"
{ printf -- '---\ntitle: '; head -c 100000 /dev/zero | tr '\0' 'x'; printf '\n---\nBody text.\n'; } > "$W/fm_big.md"
printf -- '---\ntitle: never closed\nBody text.\n' > "$W/fm_open.md"
printf -- '---\ntitle: Fine\ndate: 2024-11-20\n---\nBody text.\n' > "$W/fm_fine.md"
"$T" "$W/fm_unclosed.md" "$W/fm_tab.md" "$W/fm_list.md" "$W/fm_laughs.md" "$W/fm_deep.md" "$W/fm_cycle.md" \
  "$W/fm_big.md" "$W/fm_open.md" "$W/fm_fine.md" > "$W/fm.out" 2> "$W/fm.err"
status "front matter" 1 $?
lines "front matter: one record each" "$W/fm.out" 9
clean "front matter" "$W/fm.err"
for row in "fm_unclosed:front matter:2:1: YAML error" "fm_tab:YAML error" \
           "fm_laughs:expands to more than" "fm_deep:nested deeper than 64 levels" "fm_cycle:unknown YAML alias 's'" \
           "fm_big:bytes, over the 65536-byte limit"; do
  id=${row%%:*}; msg=${row#*:}
  line=$(grep "\"id\":\"$id\"" "$W/fm.out")
  if printf '%s' "$line" | grep -qF "$msg" && printf '%s' "$line" | grep -qF '"kind":"input"'; then ok
  else bad "front matter $id: want an input error «$msg»" "$line"; fi
done
has "front matter: a list is metadata too" "$W/fm.out" '{"id":"fm_list","actors":'
has "front matter: unterminated is body text" "$W/fm.out" '{"id":"fm_open","actors":'
has "front matter: the good one, its title and date in the record" "$W/fm.out" '{"id":"fm_fine","title":"Fine","date":"2024-11-20","actors":'

# --- JSON Lines: every non-empty line one record, in order
{ printf '%s\n' '{"id": "a", "text": "First text."}' 'not json' '{"id": "t", "text": "trunc' '[1, 2]' \
    '{"id": "g", "text": "x"} trailing' '{"text": "no id here."}' '{"id": null, "text": "null id."}' \
    '{"id": {"x": 1}, "text": "object id."}' '{"id": "n", "text": 5}' '' '{"id": "u", "text": "bad \ud800 surrogate"}' \
    '{"id": "z", "text": "nul \u0000 inside"}' '{"id": "big", "text": "x", "n": 1e999999}'
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }'
  printf '%s\n' '{"id": "deep", "text": "x", "m": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}' '{"id": "last", "text": "Last text."}'
} > "$W/bad.jsonl"
"$T" --jsonl "$W/bad.jsonl" > "$W/jl.out" 2> "$W/jl.err"; status "malformed JSON lines" 1 $?
lines "JSON lines: one record per non-empty line" "$W/jl.out" 15
clean "JSON lines" "$W/jl.err"
if [ "$(head -1 "$W/jl.out" | cut -c1-9)" = '{"id":"a"' ] && [ "$(tail -1 "$W/jl.out" | cut -c1-12)" = '{"id":"last"' ]; then ok
else bad "JSON lines: input order"; fi
has "JSON lines: not JSON" "$W/jl.out" '{"id":"line 2","error":'
for row in "line 2:not a JSON object" "line 3:premature end of input" "line 4:another JSON value" \
           "line 5:end of file expected" "n:no \\\"text\\\" string" \
           "line 11:invalid Unicode" "line 12:is not allowed without JSON_ALLOW_NUL" "line 13:real number overflow" \
           "line 14:not a JSON object"; do
  id=${row%%:*}; msg=${row#*:}
  line=$(grep "^{\"id\":\"$id\"" "$W/jl.out")
  if printf '%s' "$line" | grep -qF "$msg" && printf '%s' "$line" | grep -qF '"kind":"input"'; then ok
  else bad "JSON lines $id: want an input error «$msg»" "$line"; fi
done
has "JSON lines: a record without an id is named by its line" "$W/jl.out" '{"id":"line 6","actors":'

# --- lexicons: an alias bomb, deep nesting and a huge scalar are refused at load (exit 2)
mkdir -p "$W/lex/lexicons"
printf 'rule "test.lex" { stage = "lexicon", lexicon = "bomb" }\n' > "$W/lex/r.lua"
for kind in laughs deep scalar; do
  case $kind in
    laughs) { printf 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
              p=a; for l in b c d e f g h; do printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $l $l $p $p $p $p $p $p $p $p $p $p; p=$l; done; } ;;
    deep) awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' ;;
    scalar) printf 'big: "'; head -c 2000000 /dev/zero | tr '\0' 'x'; printf '"\n' ;;
  esac > "$W/lex/lexicons/bomb.yaml"
  "$T" --rules "$W/lex" "$W/fine.txt" > "$W/lex.out" 2> "$W/lex.err"; st=$?
  if [ $st = 2 ] || [ $st = 1 ]; then ok; else bad "lexicon $kind: exit $st, want a refusal"; fi
  clean "lexicon $kind" "$W/lex.err"
  case $kind in
    laughs) has "lexicon alias bomb refused" "$W/lex.err" 'expands to more than' ;;
    deep) has "lexicon deep nesting refused" "$W/lex.err" 'nested deeper than 64 levels' ;;
    scalar) has "lexicon huge scalar refused" "$W/lex.err" 'YAML scalar larger than' ;;
  esac
done

# --- a directory with an unreadable file
mkdir -p "$W/dir"
printf 'Readable text.' > "$W/dir/a.txt"
printf 'Secret text.' > "$W/dir/b.txt"
chmod 000 "$W/dir/b.txt"
if cat "$W/dir/b.txt" > /dev/null 2>&1; then
  echo "skip: running as root, chmod 000 does not stop reading (unreadable-file row)"
else
  "$T" "$W/dir" > "$W/dir.out" 2> "$W/dir.err"; status "unreadable file" 1 $?
  lines "unreadable file: both records" "$W/dir.out" 2
  has "unreadable file: error record" "$W/dir.out" '{"id":"b","error":{"kind":"input","message":"cannot open'
  has "unreadable file: the other analysed" "$W/dir.out" '{"id":"a","actors":'
fi
chmod 644 "$W/dir/b.txt"

# --- a finalizer that never returns hangs lua_close (finalizers run with hooks
# off). Rules cannot make one; a trusted data directory can, and the CLI's
# watchdog must still end the process once the output is written.
mkdir -p "$W/gc"
cp -r scripts rules "$W/gc/"
sed 's/^return D$/D.keep = setmetatable({}, {__gc = function() while true do end end})\nreturn D/' \
  scripts/trawl/driver.lua > "$W/gc/scripts/trawl/driver.lua"
TRAWL_CLOSE_TIMEOUT=1 "$T" --path "$W/gc" "$W/fine.txt" > "$W/gc.out" 2> "$W/gc.err"; status "runaway finalizer at close" 2 $?
has "runaway finalizer: output complete" "$W/gc.out" '{"id":"fine","actors":'
has "runaway finalizer: message" "$W/gc.err" 'did not shut down in time'

# --- output errors: a full disk fails loudly on every output path
if [ -w /dev/full ]; then
  printf '{"id": "j", "text": "Some text."}\n' > "$W/one.jsonl"
  for args in "examples/articles" "--format text examples/articles" "--format yaml examples/articles" \
              "--explain examples/articles" "--jsonl $W/one.jsonl" "-o /dev/full examples/articles" "-j 2 examples/articles"; do
    if [ "${args#-o }" != "$args" ]; then
      # shellcheck disable=SC2086
      "$T" $args > "$W/full.out" 2> "$W/full.err"; st=$?
    else
      # shellcheck disable=SC2086
      "$T" $args > /dev/full 2> "$W/full.err"; st=$?
    fi
    if [ $st -ne 0 ]; then ok; else bad "full disk ($args): exit 0"; fi
    if grep -qi 'No space left on device' "$W/full.err"; then ok; else bad "full disk ($args): no message" "$(cat "$W/full.err")"; fi
    clean "full disk ($args)" "$W/full.err"
  done
fi

# --- texts cut short, as feeds and titles are: every cut of the example
# articles (at every 9th word, from the start and from a later word on) is
# analysed without a rule error; no rule may look past the last token
mkdir -p "$W/cut"
for f in examples/articles/*.txt; do
  b=$(basename "$f" .txt)
  awk -v dir="$W/cut" -v base="$b" '
    { for (i = 1; i <= NF; i++) w[++n] = $i }
    END {
      for (k = 1; k <= n; k += 9) {
        out = dir "/" base "_" k ".txt"; s = ""
        for (i = 1; i <= k; i++) s = s (i > 1 ? " " : "") w[i]
        printf "%s", s > out; close(out)
        if (k + 40 <= n) {
          out = dir "/" base "_from" k ".txt"; s = ""
          for (i = k; i <= k + 40; i++) s = s (i > k ? " " : "") w[i]
          printf "%s", s > out; close(out)
        }
      }
    }' "$f"
done
"$T" --limit time=0 "$W/cut" > "$W/cut.out" 2> "$W/cut.err"
status "cut texts" 0 $?
if [ -s "$W/cut.out" ] && ! grep -q '"error"' "$W/cut.out"; then ok; else bad "cut texts: error records" "$(grep -m 3 '"error"' "$W/cut.out")"; fi
clean "cut texts" "$W/cut.err"

# --- a closed pipe ends quietly: no message, no crash
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "{\"id\": \"p%d\", \"text\": \"Line %d of the pipe test, said Anna.\"}\n", i, i }' > "$W/many.jsonl"
for args in "--jsonl $W/many.jsonl" "--format text --jsonl $W/many.jsonl"; do
  # shellcheck disable=SC2086
  { "$T" $args 2> "$W/pipe.err"; echo $? > "$W/pipe.rc"; } | head -1 > /dev/null
  st=$(cat "$W/pipe.rc")
  if [ "$st" = 0 ] || [ "$st" = 1 ] || [ "$st" = 141 ]; then ok; else bad "closed pipe ($args): exit $st"; fi
  if [ ! -s "$W/pipe.err" ]; then ok; else bad "closed pipe ($args): stderr not empty" "$(head -c 300 "$W/pipe.err")"; fi
done

summary
