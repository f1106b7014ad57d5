#!/bin/sh
# The article view (--format html) and the report (trawl report), checked
# from their text: structure, escaping, no network, and the report's
# merging and unit normalisation on hand-made records. tests/browser.sh
# checks the same pages in a real browser.
B=${1:-build}
T="$B/trawl"
. tests/lib.sh
count() { n=$(grep -oF -- "$3" "$2" | wc -l | tr -d ' '); if [ "$n" -ge "$4" ]; then ok; else bad "$1: $n × «$3», want ≥ $4"; fi; }

# ---- the article view
"$T" --format html examples/articles > "$W/view.html"; status "view of the examples" 0 $?
count "one article element per article" "$W/view.html" '<article id="art-' 5
has "legend" "$W/view.html" 'id="legend"'
has "doctype" "$W/view.html" '<!DOCTYPE html>'
count "actor highlights" "$W/view.html" '<a class="m m-person"' 5
count "quote highlights" "$W/view.html" '<span class="q q-direct"' 5
count "figure highlights" "$W/view.html" '<span class="f"' 5
count "speaker links" "$W/view.html" 'data-speaker-ref="art-' 5
count "actor lists" "$W/view.html" '<aside class="actors">' 5
has "rule in the quote's details" "$W/view.html" 'data-rule="quote.'
has "phone-sized layout" "$W/view.html" '@media (max-width: 700px)'
hasnt "nothing fetched (http)" "$W/view.html" 'http://'
hasnt "nothing fetched (https)" "$W/view.html" 'https://'
hasnt "no external script" "$W/view.html" '<script src'
# every speaker link points at an actor of the page
grep -o 'data-speaker-ref="[^"]*"' "$W/view.html" | sed 's/.*="\(.*\)"/\1/' | sort -u > "$W/refs"
grep -o '<li id="[^"]*"' "$W/view.html" | sed 's/.*="\(.*\)"/\1/' | sort -u > "$W/ids"
if [ -s "$W/refs" ] && [ -z "$(comm -23 "$W/refs" "$W/ids")" ]; then ok; else bad "speaker links resolve" "$(comm -23 "$W/refs" "$W/ids" | head -3)"; fi

# untrusted text stays text; a quote left open over a paragraph break is
# closed and reopened without a second id
printf 'Title <b>x</b>\n\nPeskov said: "We will <script>alert(1)</script> see.\n\n"It goes on," he said & left.\n' > "$W/evil.txt"
"$T" --format html "$W/evil.txt" > "$W/evil.html"; status "view of a hostile article" 0 $?
hasnt "script in text escaped" "$W/evil.html" '<script>alert'
has "script shown as text" "$W/evil.html" '&lt;script&gt;alert('
has "script end shown as text" "$W/evil.html" ')&lt;/script&gt; see.'
has "ampersand escaped" "$W/evil.html" ' &amp; left'
hasnt "markup in text escaped" "$W/evil.html" '<b>x</b>'
n=$(grep -o 'id="art-evil-q[0-9]*"' "$W/evil.html" | sort | uniq -d | wc -l | tr -d ' ')
if [ "$n" = 0 ]; then ok; else bad "quote ids unique" "$n repeated"; fi
# a byte offset inside a multi-byte character is no reason to fail
printf 'Café “naïve” – 20%% of €5bn.\n' > "$W/utf8.txt"
"$T" --format html "$W/utf8.txt" > "$W/utf8.html"; status "view of UTF-8 text" 0 $?
has "UTF-8 text kept" "$W/utf8.html" 'Café'
"$T" --format html -j 2 examples/articles > "$W/view2.html"; status "view with -j 2" 0 $?
same "view with -j 2 is the same page" "$W/view.html" "$W/view2.html"

# ---- the report, on records made elsewhere
cat > "$W/recs.jsonl" <<'EOR'
{"id":"a1","date":"2025-03-01","actors":[{"name":"Volodymyr Zelenskyy","type":"person","roles":["Ukrainian President"],"aliases":["Zelenskyy"],"mentions":[{"text":"Volodymyr Zelenskyy","start":0,"end":19},{"text":"Zelenskyy","start":40,"end":49}]},{"name":"U.S.","type":"place","roles":[],"aliases":[],"mentions":[{"text":"U.S.","start":60,"end":64}]}],"quotes":[{"text":"We want peace.","start":80,"end":94,"kind":"direct","speaker":{"name":"Volodymyr Zelenskyy","start":40,"end":49,"anonymous":false},"cue":"said"}],"figures":[{"text":"113,000 sq km","start":100,"end":113,"value":113000,"unit":"km2","kind":"area"},{"text":"20%","start":120,"end":123,"value":20,"unit":"%","kind":"percent","of":"Ukrainian land"}],"dates":[]}
{"id":"a2","date":"2025-03-02","actors":[{"name":"Zelensky","type":"person","roles":[],"aliases":[],"mentions":[{"text":"Zelensky","start":0,"end":8}]},{"name":"US","type":"place","roles":[],"aliases":[],"mentions":[{"text":"US","start":20,"end":22}]}],"quotes":[{"text":"the talks would go on","start":30,"end":51,"kind":"indirect","speaker":{"name":"Zelensky","start":0,"end":8,"anonymous":false},"cue":"said"},{"text":"no deal soon","start":60,"end":72,"kind":"indirect","speaker":{"name":"one source","start":52,"end":62,"anonymous":true},"cue":"said"}],"figures":[{"text":"44,000 sq miles","start":80,"end":95,"value":44000,"unit":"mi2","kind":"area"},{"text":"just under a fifth","start":100,"end":118,"value":0.2,"unit":null,"kind":"number","op":"<~"}],"dates":[]}
{"id":"a3","error":{"kind":"input","message":"not UTF-8"}}
EOR
"$T" report --from "$W/recs.jsonl" > "$W/rep.txt"; status "report from records" 0 $?
has "counts" "$W/rep.txt" '2 articles'
has "failed articles counted" "$W/rep.txt" '1 articles failed'
like "Zelensky/Zelenskyy merged, fullest name" "$W/rep.txt" '^  Volodymyr Zelenskyy +person +2 +3 +2$'
has "the other spelling kept as an alias" "$W/rep.txt" 'also: Zelensky'
like "U.S./US merged" "$W/rep.txt" '^  U\.S\. +place +0 +2 +2$'
has "quotes per speaker, with article and date" "$W/rep.txt" '[a1 2025-03-01] “We want peace.”'
has "anonymous speakers listed" "$W/rep.txt" 'one source (1)'
has "square miles in km2" "$W/rep.txt" '113,959 km2  44,000 sq miles'
has "a fifth next to 20%" "$W/rep.txt" '<~20 %  just under a fifth'
"$T" report --format html --from "$W/recs.jsonl" -o "$W/rep.html"; status "html report" 0 $?
has "report chart of quotes" "$W/rep.html" '<svg class="chart bars"'
has "report chart over time" "$W/rep.html" '<svg class="chart lines"'
has "report legend" "$W/rep.html" 'id="legend"'
hasnt "report fetches nothing" "$W/rep.html" 'https://'
"$T" report --top 1 --from "$W/recs.jsonl" > "$W/top.txt"; status "--top" 0 $?
hasnt "--top cuts the actor list" "$W/top.txt" 'United States'
"$T" report examples/articles > "$W/ex.txt"; status "report on articles" 0 $?
has "report on articles: quotes" "$W/ex.txt" 'Quotes per speaker'
"$T" report > "$W/none.txt" 2>&1; status "report of nothing" 2 $?
has "report of nothing says why" "$W/none.txt" 'nothing to report on'
"$T" report --format pdf --from "$W/recs.jsonl" > "$W/bad.txt" 2>&1; status "report bad format" 2 $?
"$T" report --from "$W/missing.jsonl" > "$W/miss.txt" 2>&1; status "report missing file" 2 $?
"$T" --format html "$W/nonexistent.txt" > "$W/nx.html" 2>/dev/null; status "view of a missing file" 1 $?
has "error record shown" "$W/nx.html" 'class="error"'
has "page closed after an error" "$W/nx.html" '</html>'

summary
