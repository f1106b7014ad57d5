#!/bin/sh
# The article view and the report in a real browser: headless Chromium
# (Debian's chromium; .ci/run installs it) with no network renders both,
# takes screenshots at a phone's and a desktop's width, and dumps the DOM
# after the pages' scripts ran: the highlights, the speaker links (checked
# by the page itself on load), a quote opened from the URL with its
# speaker, the legend and the charts must be there.
B=${1:-build}
T="$B/trawl"
. tests/lib.sh
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROME" ]; then
  echo "SKIP browser tests: no chromium here (Debian: apt-get install chromium)"
  summary
  exit 0
fi
# no network at all: every request goes to a closed port, no name resolves
browse() {
  timeout 90 "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --proxy-server=127.0.0.1:9 --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$W/profile" --virtual-time-budget=3000 "$@" 2> "$W/chrome.err"
}
png() {
  if [ -s "$2" ] && [ "$(head -c 4 "$2" | tail -c 3)" = "PNG" ] && [ "$(wc -c < "$2")" -gt 10000 ]; then ok
  else bad "$1: no screenshot" "$(tail -3 "$W/chrome.err")"; fi
}

"$T" --format html examples/articles > "$W/view.html"; status "view rendered" 0 $?
Q=art-000_018be0837bdd3650-q2   # "No scenario ...", said Dmitry Peskov (quotes count from 1)
browse --dump-dom "file://$W/view.html#$Q" > "$W/view.dom"; status "chromium loads the view" 0 $?
like "speaker links all resolve in the browser" "$W/view.dom" 'data-quotes-with-speaker="([1-9][0-9]*)" data-quotes-linked="\1"'
like "quote from the URL opens with its speaker" "$W/view.dom" '<div id="info" role="status" class="on"><b>[a-z]+ quote</b> · speaker: <a href="#art-[^"]*" class="speaker-link">'
has "the speaker is marked in the actor list" "$W/view.dom" 'class="actor t-person hit"'
has "legend in the DOM" "$W/view.dom" 'id="legend"'
has "quote highlights in the DOM" "$W/view.dom" 'class="q q-direct'
has "actor highlights in the DOM" "$W/view.dom" 'class="m m-place"'
has "figure highlights in the DOM" "$W/view.dom" 'class="f"'
for size in 390,844 1280,900; do
  rm -f "$W/shot.png"
  browse --screenshot="$W/shot.png" --window-size=$size "file://$W/view.html" > /dev/null
  png "view screenshot at $size" "$W/shot.png"
done

"$T" report --format html -o "$W/report.html" examples/articles; status "report rendered" 0 $?
browse --dump-dom "file://$W/report.html" > "$W/report.dom"; status "chromium loads the report" 0 $?
has "report chart in the DOM" "$W/report.dom" '<svg class="chart bars"'
has "report actors table in the DOM" "$W/report.dom" 'id="actors"'
has "report figures in the DOM" "$W/report.dom" 'id="figures"'
has "report legend in the DOM" "$W/report.dom" 'id="legend"'
rm -f "$W/shot.png"
browse --screenshot="$W/shot.png" --window-size=390,844 "file://$W/report.html" > /dev/null
png "report screenshot" "$W/shot.png"
summary
