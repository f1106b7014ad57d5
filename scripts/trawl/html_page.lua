-- The frame the HTML pages share: head with inline CSS, the legend, the
-- tail with inline script. Nothing is fetched: no fonts, no scripts, no
-- images from elsewhere, so a page opens offline and leaks nothing.
local esc = require("trawl.html_escape")

local P = {}

local BASE_CSS = [[
:root { --person: #1f6feb; --org: #8250df; --place: #1a7f37; --direct: #fff1a8; --indirect: #ffe2c2;
  --term: #e6e6e6; --figure: #cf222e; --date: #0a7b83; --ink: #1f2328; --muted: #59636e; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fafafa; }
main { max-width: 72rem; margin: 0 auto; padding: 0 1rem 6rem; }
h1 { font-size: 1.4rem; margin: 1rem 0 .5rem; }
h2 { font-size: 1.2rem; margin: 0 0 .2rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: .2rem 0 .4rem; }
small, .sub { color: var(--muted); }
.legend { position: sticky; top: 0; z-index: 2; background: #fffffff0; border-bottom: 1px solid #ddd;
  padding: .4rem 1rem; display: flex; flex-wrap: wrap; gap: .3rem .9rem; font-size: .85rem; }
.legend .key { white-space: nowrap; }
.sw { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .3em; vertical-align: -.05em; }
.k-person, .t-person .sw { background: var(--person); } .k-org, .t-org .sw { background: var(--org); }
.k-place, .t-place .sw { background: var(--place); } .k-direct { background: var(--direct); border: 1px solid #d4b106; }
.k-indirect { background: var(--indirect); border: 1px dashed #d9822b; } .k-term { background: var(--term); }
.k-figure { border: 2px solid var(--figure); } .k-date { border-bottom: 2px solid var(--date); }
]]

P.ARTICLE_CSS = BASE_CSS .. [[
article { background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
.body { display: flex; gap: 1.5rem; align-items: flex-start; }
.text { flex: 1 1 auto; min-width: 0; }
.text p { margin: 0 0 .8em; }
aside.actors { flex: 0 0 17rem; font-size: .9rem; border-left: 1px solid #eee; padding-left: 1rem; }
aside.actors ul { list-style: none; padding: 0; margin: 0; }
aside.actors li { margin: 0 0 .45rem; padding: .1rem .25rem; border-radius: 4px; }
aside.actors li:target, aside.actors li.hit { background: #fff8c5; }
.q { border-radius: 3px; padding: 0 1px; cursor: pointer; }
.q-direct { background: var(--direct); } .q-indirect { background: var(--indirect); }
.q-term { background: var(--term); } .q:focus, .q.sel { outline: 2px solid var(--ink); }
.m { color: inherit; text-decoration: none; border-bottom: 2px solid; font-weight: 500; }
.m-person { border-color: var(--person); color: var(--person); } .m-org { border-color: var(--org); color: var(--org); }
.m-place { border-color: var(--place); color: var(--place); }
.f { border: 1.5px solid var(--figure); border-radius: 3px; padding: 0 1px; }
.d { border-bottom: 2px solid var(--date); }
.cue { text-decoration: underline wavy #999; }
.who { font-size: .72em; vertical-align: super; margin: 0 .2em; padding: 0 .3em; border-radius: 8px;
  background: var(--person); color: #fff; text-decoration: none; white-space: nowrap; }
span.who { background: var(--muted); } .who.w-org { background: var(--org); } .who.w-place { background: var(--place); }
.error { color: var(--figure); }
#info { position: fixed; left: 50%; transform: translateX(-50%); bottom: .7rem; width: min(40rem, 94vw); z-index: 3;
  background: #1f2328; color: #fff; border-radius: 8px; padding: .6rem .9rem; font-size: .9rem; display: none; }
#info a { color: #9ecbff; } #info.on { display: block; }
@media (max-width: 700px) {
  body { font-size: 15px; } main { padding: 0 .5rem 6rem; }
  .body { flex-direction: column; } aside.actors { flex: none; width: 100%; border-left: 0; border-top: 1px solid #eee; padding: .6rem 0 0; }
}
]]

-- Clicking a quote (or Enter on it) shows its speaker, cue and rule, and
-- marks the speaker in the actor list; the same facts are in its title.
P.ARTICLE_JS = [[
(function () {
  var info = document.getElementById('info');
  function text(s) { return document.createTextNode(s); }
  function show(q) {
    document.querySelectorAll('.q.sel, li.hit').forEach(function (e) { e.classList.remove('sel', 'hit'); });
    q.classList.add('sel');
    info.textContent = '';
    var b = document.createElement('b'); b.appendChild(text((q.dataset.kind || 'quote') + ' quote')); info.appendChild(b);
    info.appendChild(text(' · speaker: '));
    var ref = q.dataset.speakerRef, who = q.dataset.speaker || 'none found';
    if (ref) {
      var a = document.createElement('a'); a.href = '#' + ref; a.className = 'speaker-link'; a.appendChild(text(who));
      info.appendChild(a);
      var li = document.getElementById(ref); if (li) li.classList.add('hit');
    } else info.appendChild(text(who));
    if (q.dataset.cue) info.appendChild(text(' · cue: “' + q.dataset.cue + '”'));
    if (q.dataset.rule) info.appendChild(text(' · rule: ' + q.dataset.rule));
    info.classList.add('on');
  }
  document.addEventListener('click', function (ev) {
    var q = ev.target.closest('.q');
    if (q && !ev.target.closest('a')) show(q); else if (!ev.target.closest('#info')) info.classList.remove('on');
  });
  // the page checks its own links (the browser test reads the counts), and
  // a quote named in the URL (#art-ID-qN) opens with its speaker shown
  var withSpeaker = document.querySelectorAll('.q[data-speaker-ref]'), linked = 0;
  withSpeaker.forEach(function (q) { if (document.getElementById(q.dataset.speakerRef)) linked++; });
  document.body.dataset.quotesWithSpeaker = withSpeaker.length;
  document.body.dataset.quotesLinked = linked;
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.classList.contains('q')) show(target);
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && ev.target.classList && ev.target.classList.contains('q')) show(ev.target);
    if (ev.key === 'Escape') info.classList.remove('on');
  });
})();
]]

function P.head(title, css)
  return ([[<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>%s</title>
<style>%s</style>
</head><body>
]]):format(esc.text(title), css)
end

local KEYS = {{"person", "person"}, {"org", "organisation"}, {"place", "place"}, {"direct", "direct quote"},
  {"indirect", "reported speech"}, {"term", "term / scare quote"}, {"figure", "figure"}, {"date", "date"}}

function P.legend()
  local out = {'<div class="legend" id="legend"><b>trawl</b>'}
  for _, k in ipairs(KEYS) do
    out[#out + 1] = ('<span class="key"><span class="sw k-%s"></span>%s</span>'):format(k[1], k[2])
  end
  out[#out + 1] = "</div>\n<main>\n"
  return table.concat(out)
end

function P.tail(js)
  return '</main>\n<div id="info" role="status"></div>\n<script>' .. (js or "") .. "</script>\n</body></html>\n"
end

return P
