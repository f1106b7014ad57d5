#!/bin/sh
# CLI tests: input forms, error records, exit status, rule errors. Each check
# prints FAIL with its name; the last line counts them.
B=${1:-build}
T="$B/trawl"
. tests/lib.sh
lines() { n=$(wc -l < "$2" | tr -d ' '); if [ "$n" = "$3" ]; then ok; else bad "$1: $n lines, want $3"; fi; }

# the bundled examples: five records with the seed ids, exit 0
"$T" examples/articles > "$W/ex.jsonl" 2> "$W/ex.err"; status "examples" 0 $?
lines "examples records" "$W/ex.jsonl" 5
for id in 000_018be0837bdd3650 001_2f076632d3c46555 002_dc959aa42a3272bb 003_a0ffbf88e7d719ba 004_3bdb60a11d8d6c44; do
  has "examples id $id" "$W/ex.jsonl" "{\"id\":\"$id\""
done
has "record has layers" "$W/ex.jsonl" '"actors":['
has "record has quotes" "$W/ex.jsonl" '"quotes":['

# front matter: metadata read, offsets count from the body
printf -- '---\ntitle: A test\ndate: 2024-11-20\nsource: Example\n---\nPutin said “no”.\n' > "$W/fm.md"
"$T" --rules tests/rules/meta.lua "$W/fm.md" > "$W/fm.out"; status "front matter" 0 $?
has "front matter title" "$W/fm.out" '"speaker":{"name":"A test"'
has "front matter body offsets" "$W/fm.out" '"start":0,"end":5'

# stdin
printf 'Hello world.' | "$T" - > "$W/stdin.out"; status "stdin" 0 $?
has "stdin id" "$W/stdin.out" '"id":"stdin"'

# JSON Lines, with a malformed line and one without text: error records, input order kept
printf '%s\n' '{"id": "a", "text": "One text.", "title": "T"}' 'not json' '{"id": "c"}' '{"id": 7, "text": "Seven."}' > "$W/in.jsonl"
"$T" --jsonl "$W/in.jsonl" > "$W/jl.out" 2> "$W/jl.err"; status "jsonl with bad lines" 1 $?
lines "jsonl one record per line" "$W/jl.out" 4
has "jsonl first" "$W/jl.out" '{"id":"a",'
has "jsonl malformed line id" "$W/jl.out" '{"id":"line 2","error":'
has "jsonl missing text" "$W/jl.out" '{"id":"c","error":'
has "jsonl integer id" "$W/jl.out" '{"id":"7",'
if [ "$(sed -n 1p "$W/jl.out" | cut -c1-9)$(sed -n 4p "$W/jl.out" | cut -c1-9)" = '{"id":"a"{"id":"7"' ]; then ok; else bad "jsonl input order"; fi

# bad inputs: invalid UTF-8, NUL byte, empty file; the batch goes on
printf 'ab\377cd' > "$W/bad_utf8.txt"
printf 'ab\000cd' > "$W/nul.txt"
: > "$W/empty.txt"
printf 'Fine text.' > "$W/fine.txt"
"$T" "$W/bad_utf8.txt" "$W/nul.txt" "$W/empty.txt" "$W/fine.txt" > "$W/bad.out" 2> "$W/bad.err"; status "bad inputs" 1 $?
lines "bad inputs one record each" "$W/bad.out" 4
has "invalid utf-8 offset" "$W/bad.out" 'invalid UTF-8 at byte offset 2'
has "nul offset" "$W/bad.out" 'NUL byte at byte offset 2'
has "empty" "$W/bad.out" 'empty article'
has "good one still analysed" "$W/bad.out" '{"id":"fine","actors"'
has "errors on stderr" "$W/bad.err" 'bad_utf8'
"$T" "$W/missing.txt" > "$W/missing.out" 2>/dev/null; status "missing file" 1 $?
has "missing file record" "$W/missing.out" '{"id":"missing","error"'

# a rule that raises: names file, line and article; other articles go on
"$T" --rules tests/rules/raises.lua "$W/fine.txt" examples/articles/000_018be0837bdd3650.txt > "$W/raise.out" 2> "$W/raise.err"
status "rule error" 1 $?
lines "rule error records" "$W/raise.out" 2
has "rule error file and line" "$W/raise.out" 'raises.lua:9:'
has "rule error names rule" "$W/raise.err" 'fine'
has "rule error kind" "$W/raise.out" '"kind":"rule"'

# load-time errors: exit 2 with file and line
"$T" --rules tests/rules/unknown_field.lua "$W/fine.txt" > /dev/null 2> "$W/load.err"; status "rule load error" 2 $?
has "load error names field" "$W/load.err" "unknown field 'stag'"
has "load error line" "$W/load.err" 'unknown_field.lua:2:'
"$T" --rules tests/rules/unknown_global.lua "$W/fine.txt" > /dev/null 2> "$W/glob.err"; status "unknown global" 2 $?
has "unknown global named" "$W/glob.err" "unknown global 'undefined_thing'"

# the sandbox: no io, os, load, require of C modules
"$T" --rules tests/rules/sandbox.lua "$W/fine.txt" > "$W/sb.out" 2>&1; status "sandbox probes" 0 $?
hasnt "sandbox leaks" "$W/sb.out" 'LEAK'

# step limit: an endless loop ends in an error record, the batch goes on
"$T" --limit steps=100000 --rules tests/rules/loops.lua "$W/fine.txt" "$W/fine.txt" > "$W/loop.out" 2>/dev/null; status "step limit" 1 $?
lines "step limit records" "$W/loop.out" 2
has "step limit named" "$W/loop.out" 'step limit hit'
# time limit (the default kind): the same, stopped by the watchdog
"$T" --limit time=200 --rules tests/rules/loops.lua "$W/fine.txt" "$W/fine.txt" > "$W/tloop.out" 2>/dev/null; status "time limit" 1 $?
lines "time limit records" "$W/tloop.out" 2
has "time limit named" "$W/tloop.out" 'time limit hit: more than 200 ms'
has "time limit names the rule" "$W/tloop.out" '(rule test.loops)'
printf 'while true do end\n' > "$W/loadloop.lua"
"$T" --limit time=200 --rules "$W/loadloop.lua" "$W/fine.txt" > /dev/null 2> "$W/loadloop.err"; status "time limit at load" 2 $?
has "time limit at load named" "$W/loadloop.err" 'time limit hit'
"$T" --limit time=x "$W/fine.txt" > /dev/null 2>&1; status "bad time limit" 2 $?
# a limit that is not hit changes nothing: the same bytes with a time
# limit (the default), with none, and with a step budget
"$T" examples/articles > "$W/lim_default.out"; status "default limits" 0 $?
"$T" --limit time=0 examples/articles > "$W/lim_none.out"
"$T" --limit time=0 --limit steps=200000000 examples/articles > "$W/lim_steps.out"
same "no limit, same output" "$W/lim_default.out" "$W/lim_none.out"
same "step budget, same output" "$W/lim_default.out" "$W/lim_steps.out"

# editing a rule file changes the next run, no rebuild
cp tests/rules/meta.lua "$W/edit.lua"
"$T" --rules "$W/edit.lua" "$W/fm.md" > "$W/e1.out"
sed 's/"title"/"source"/' tests/rules/meta.lua > "$W/edit.lua"
"$T" --rules "$W/edit.lua" "$W/fm.md" > "$W/e2.out"
has "edit before" "$W/e1.out" '"name":"A test"'
has "edit after" "$W/e2.out" '"name":"Example"'

# formats, usage, version
"$T" --format text examples/articles/000_018be0837bdd3650.txt > "$W/t.out"; status "text format" 0 $?
has "text format header" "$W/t.out" '== 000_018be0837bdd3650'
"$T" --format yaml examples/articles/000_018be0837bdd3650.txt > "$W/y.out"; status "yaml format" 0 $?
has "yaml format id" "$W/y.out" 'id: "000_018be0837bdd3650"'
"$T" --bogus > /dev/null 2>&1; status "unknown option" 2 $?
"$T" > /dev/null 2>&1; status "no input" 2 $?
"$T" --version > "$W/v.out"; status "version" 0 $?
has "version text" "$W/v.out" 'trawl '
"$T" --help > "$W/h.out"; status "help" 0 $?
has "help usage" "$W/h.out" 'usage: trawl'

# output errors are reported
if [ -w /dev/full ]; then
  "$T" examples/articles > /dev/full 2> "$W/full.err"; st=$?
  if [ $st -ne 0 ]; then ok; else bad "full disk: exit 0"; fi
  has "full disk message" "$W/full.err" 'cannot write output'
fi

summary
