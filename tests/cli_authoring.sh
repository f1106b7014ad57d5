#!/bin/sh
# Tests of the rule-authoring subcommands: trawl test, eval, explain, check,
# repl, --rules +DIR and --explain's "why". Each check prints FAIL with its
# name; the last line counts them.
B=${1:-build}
T="$B/trawl"
. tests/lib.sh

# ---- a user rules directory: one rule with examples (one wrong), a fixture
mkdir -p "$W/my/tests" "$W/my/lexicons"
cat > "$W/my/area.lua" <<'EOF'
-- hectares as figures
rule "figure.hectares" {
  stage = "figures",
  tokens = { {number = true, capture = "n"}, {lower = {"hectare", "hectares"}} },
  layer = "figure",
  fields = {unit = "ha", kind = "area"},
  filter = function(doc, s, e, f) f.value = tonumber((doc:text(f.n):gsub(",", ""))); f.n = nil end,
  examples = {
    ["They burned 300 hectares."] = { figure = { {text = "300 hectares", value = 300, unit = "ha"} } },
    ["It took 12 hectares."] = { value = 13, unit = "ha" },
    ["Nothing here."] = { figure = {} },
  },
}
EOF
cat > "$W/my/tests/fires.yaml" <<'EOF'
text: "Fires burned 1,200 hectares near Kyiv on Monday."
expect:
  figures:
    - {text: "1,200 hectares", value: 1200, unit: ha}
  dates:
    - {text: "on Monday"}
EOF
"$T" test "+$W/my" > "$W/t1.out" 2>&1; status "test: a failing example exits 1" 1 $?
has "test: count line" "$W/t1.out" "3 passed, 1 failed"
has "test: failure names file and line" "$W/t1.out" "area.lua:10: figure.hectares example \"It took 12 hectares.\""
has "test: failure shows the expectation" "$W/t1.out" "expected {unit = \"ha\", value = 13}"
has "test: failure shows the nearest span" "$W/t1.out" "nearest: «12 hectares» [8,19) by figure.hectares"
has "test: failure shows the field diff" "$W/t1.out" "value: expected 13, got 12"
hasnt "test: bundled examples not run for +DIR" "$W/t1.out" "dates.lua"

sed -i 's/value = 13/value = 12/' "$W/my/area.lua"
"$T" test -v "+$W/my" > "$W/t2.out" 2>&1; status "test: all pass" 0 $?
has "test: passing count" "$W/t2.out" "4 passed, 0 failed"
has "test: fixture listed" "$W/t2.out" "ok   $W/my/tests/fires.yaml"

# a failing fixture makes trawl test exit 1, with the diff
cat > "$W/my/tests/wrong.yaml" <<'EOF'
cases:
  - name: wrong value
    text: "Fires burned 40 hectares."
    expect:
      figures:
        - {text: "40 hectares", value: 41}
  - name: absent
    text: "Fires burned 40 hectares."
    absent:
      figures:
        - {unit: ha}
EOF
"$T" test "+$W/my" > "$W/t3.out" 2>&1; status "test: failing fixture exits 1" 1 $?
has "test: fixture case named" "$W/t3.out" "FAIL $W/my/tests/wrong.yaml#1 (wrong value)"
has "test: fixture diff" "$W/t3.out" "value: expected 41, got 40"
has "test: absent item found" "$W/t3.out" "expected nothing like {unit = \"ha\"}, got «40 hectares»"
has "test: fixture count" "$W/t3.out" "4 passed, 2 failed"
rm "$W/my/tests/wrong.yaml"

# a rule error in an example is a failure naming file and line
cat > "$W/boom.lua" <<'EOF'
rule "x.boom" {
  stage = "figures", layer = "figure",
  run = function(doc)
    error("kaboom")
  end,
  examples = { ["Some text."] = { figure = {} } },
}
EOF
"$T" test "$W/boom.lua" > "$W/t4.out" 2>&1; status "test: rule error exits 1" 1 $?
has "test: rule error file:line" "$W/t4.out" "boom.lua:4: kaboom"
"$T" test "$W/nonexistent" > "$W/t5.out" 2>&1; status "test: unloadable rules exit 2" 2 $?
"$T" test --bogus > /dev/null 2>&1; status "test: unknown option" 2 $?
"$T" test --help > "$W/h.out"; status "test --help" 0 $?
has "test --help text" "$W/h.out" "usage: trawl test"

# ---- check
"$T" check > "$W/c1.out" 2>&1; status "check: bundled rules are fine" 0 $?
has "check: count line" "$W/c1.out" "0 problems"
mkdir -p "$W/broken/lexicons" "$W/broken/tests"
printf -- '-- ok\nrule "a.ok" { stage = "actors", regex = [[x]], layer = "m" }\n' > "$W/broken/a.lua"
printf -- '-- broken\n\nrule "b.bad" {\n  stage = "actors",\n  regx = [[x]],\n}\n' > "$W/broken/b.lua"
printf -- '-- unknown global\nlocal x = undefined_thing\n' > "$W/broken/c.lua"
printf -- '-- a flat example on a rule without a layer\nrule "d.flat" { stage = "actors", run = function() end, examples = { ["t"] = { value = 1 } } }\n' > "$W/broken/d.lua"
printf 'lexicon: bad\nentries:\n  - {aliases: [x]}\n' > "$W/broken/lexicons/bad.yaml"
printf 'text: "x"\nexpect:\n  figurez: []\n' > "$W/broken/tests/f.yaml"
"$T" check "$W/broken" > "$W/c2.out" 2>&1; status "check: problems exit 1" 1 $?
has "check: bad field with its line" "$W/c2.out" "b.lua:3: rule 'b.bad': unknown field 'regx'"
has "check: unknown global with its line" "$W/c2.out" "c.lua:2: unknown global 'undefined_thing'"
has "check: flat example without layer" "$W/c2.out" "d.lua:2: rule 'd.flat': example \"t\": a flat expectation needs the rule's 'layer'"
has "check: bad lexicon" "$W/c2.out" "bad.yaml"
has "check: bad fixture layer" "$W/c2.out" "f.yaml: expect: unknown layer 'figurez'"
has "check: count" "$W/c2.out" "5 problems"

# ---- eval: agrees with ../shared/tools/score.py (expected output made once by it)
"$T" eval --gold tests/eval/gold --pred tests/eval/pred.jsonl --misses > "$W/e1.out" 2> "$W/e1.err"; status "eval --pred" 0 $?
grep -v '^dates \|^  date ' "$W/e1.out" > "$W/e1.cmp"
if diff "$W/e1.cmp" tests/eval/expected.txt > "$W/e1.diff"; then ok; else bad "eval agrees with score.py" "$(cat "$W/e1.diff")"; fi
has "eval: bad JSON line reported" "$W/e1.err" "pred.jsonl:2: not JSON"
has "eval: dates scored" "$W/e1.out" "dates                   1.00  1.00  1.00"
"$T" eval --gold tests/eval/gold --pred tests/eval/pred.jsonl --json > "$W/e2.out" 2>/dev/null; status "eval --json" 0 $?
has "eval --json missing" "$W/e2.out" '"missing_articles":["e2"]'
has "eval --json speaker accuracy" "$W/e2.out" '"speaker_acc":0.75'
"$T" eval --gold tests/eval/gold/e2.yaml tests/eval/corpus > "$W/e3.out" 2>&1; status "eval: analyse the articles" 0 $?
has "eval: analysed, not missing" "$W/e3.out" "missing=0"
"$T" eval --gold "$W" > /dev/null 2>&1; status "eval: no gold files" 2 $?
"$T" eval tests/eval/corpus > /dev/null 2>&1; status "eval: --gold required" 2 $?

# ---- explain, and --explain with why()
cat > "$W/why.lua" <<'EOF'
-- a quote with a speaker and the steps that chose it
rule "q.fixed" {
  stage = "quotes",
  run = function(doc)
    local q = doc:add("quote", 3, 5, {kind = "direct", speaker = {name = "Ann"}})
    why(q, "cue %q after the quote", "said")
    why(q, "speaker: the mention before the cue")
  end,
}
EOF
printf '“Hi” Ann said.\n' > "$W/a.txt"
"$T" explain --rules "$W/why.lua" "$W/a.txt" > "$W/x1.out" 2>&1; status "explain" 0 $?
has "explain: sentence" "$W/x1.out" "[1] “Hi” Ann said."
has "explain: annotation and rule" "$W/x1.out" "rule q.fixed ($W/why.lua:2)"
has "explain: why steps" "$W/x1.out" 'why  q.fixed: cue "said" after the quote'
"$T" explain examples/articles/000_018be0837bdd3650.txt > "$W/x2.out" 2>&1; status "explain bundled" 0 $?
has "explain: bundled rule located" "$W/x2.out" "(rules/"
"$T" --explain --rules "$W/why.lua" "$W/a.txt" > "$W/x3.out"; status "--explain run" 0 $?
has "--explain keeps why" "$W/x3.out" '"why":["q.fixed: cue \"said\" after the quote","q.fixed: speaker: the mention before the cue"]'
"$T" --rules "$W/why.lua" "$W/a.txt" > "$W/x4.out"
hasnt "no why without --explain" "$W/x4.out" '"why"'

# ---- --rules +DIR: the bundled rules, then the user's; later wins by name
printf -- '-- override\nrule "quote.direct" { stage = "quotes", run = function(doc) doc:add("quote", 0, 1, {kind = "term"}) end }\n' > "$W/over.lua"
mkdir -p "$W/over" && cp "$W/over.lua" "$W/over/"
"$T" --rules "+$W/over" examples/articles/000_018be0837bdd3650.txt > "$W/r1.out"; status "+DIR run" 0 $?
has "+DIR: user rule replaced the bundled one" "$W/r1.out" '"kind":"term"'
has "+DIR: bundled rules still run" "$W/r1.out" '"dates":[{'
"$T" --rules "$W/over" examples/articles/000_018be0837bdd3650.txt > "$W/r2.out"; status "DIR run" 0 $?
has "DIR alone: no bundled rules" "$W/r2.out" '"dates":[]'

# ---- repl, fed on stdin
printf 'doc:ntok()\nx = 1 +\n2\nx * 10\nnope()\ntry(re([[\\d+]]))\nlayer("date")\n' > "$W/in.txt"
printf 'It rose 20 points on Tuesday.\n' > "$W/r.txt"
"$T" repl "$W/r.txt" < "$W/in.txt" > "$W/p1.out" 2>&1; status "repl" 0 $?
has "repl: expression value" "$W/p1.out" "7"
has "repl: continued line" "$W/p1.out" "30"
has "repl: errors reported, session goes on" "$W/p1.out" "unknown global 'nope'"
has "repl: try a regex" "$W/p1.out" "8-10 «20»"
has "repl: a layer" "$W/p1.out" "«on Tuesday»"

# ---- rules/README.md: every ```lua test block is a rule file, every
# ```yaml test block a fixture; they run on top of the bundled rules
mkdir -p "$W/guide/tests"
awk -v dir="$W/guide" '
  /^```lua test/ { n++; f = dir "/guide" n ".lua"; on = 1; next }
  /^```yaml test/ { n++; f = dir "/tests/guide" n ".yaml"; on = 1; next }
  /^```/ { on = 0; next }
  on { print > f }
' rules/README.md
nblocks=$(ls "$W/guide"/*.lua "$W/guide/tests"/*.yaml 2>/dev/null | wc -l)
if [ "$nblocks" -ge 4 ]; then ok; else bad "guide: found $nblocks test blocks in rules/README.md"; fi
"$T" check "+$W/guide" > "$W/g0.out" 2>&1; status "guide: rules check" 0 $?
"$T" test "+$W/guide" > "$W/g1.out" 2>&1; st=$?
if [ $st -eq 0 ]; then ok; else bad "guide: examples of rules/README.md" "$(cat "$W/g1.out")"; fi
has "guide: examples ran" "$W/g1.out" " passed, 0 failed"

# ---- help lists the subcommands
"$T" --help > "$W/help.out"
has "--help lists subcommands" "$W/help.out" "trawl eval --gold"

summary
