-- trawl report [ARTICLES...] [--from OUT.jsonl]...: across many articles,
-- who is quoted and how often, every quote per speaker, and the figures
-- grouped by what they measure; as text, or as one self-contained HTML page.
local C = require("trawl.cmdline")
local records = require("trawl.records")
local data = require("trawl.report_data")
local esc = require("trawl.html_escape")
local page = require("trawl.html_page")
local svg = require("trawl.svg")

local USAGE = [[
usage: trawl report [options] [ARTICLES...]

Analyses the ARTICLES (files, directories, or JSON Lines with --jsonl) and/or
reads records trawl wrote before (--from, e.g. from a distributed run), then
reports across all of them:
  - actors ranked by how often they are quoted, then mentioned, with their
    roles, aliases merged across articles, and the articles they are in;
  - every quote per speaker, with its article and date;
  - figures grouped by what they measure, each in one unit (km2, %, day...),
    so that differing claims about the same quantity stand side by side;
  - in HTML, charts of quotes per speaker and of mentions over time (when
    the records carry article dates: front matter `date`).

options:
  --from FILE.jsonl  records to read (repeatable)
  --jsonl            the ARTICLES are JSON Lines ({"id", "text", ...})
  --format FMT       text (default) or html
  -o, --output FILE  write there instead of standard output
  --top N            actors and figure groups to list (default 25; 0: all)
  --rules DIR        rules to analyse with (repeatable; +DIR extends the bundled ones)
  -h, --help         show this help

Exit status: 0 reported, 1 some articles failed (their error records are
counted), 2 bad usage or unreadable input.
]]

local function fmt_num(v)
  if type(v) == "table" then return fmt_num(v[1]) .. "–" .. fmt_num(v[2]) end
  if type(v) ~= "number" then return tostring(v) end
  if v == math.floor(v) and math.abs(v) < 1e15 then
    local s = ("%d"):format(v)
    local out = s:reverse():gsub("(%d%d%d)", "%1,"):reverse()
    return (out:gsub("^(%-?),", "%1"))
  end
  if math.abs(v) >= 100 then return fmt_num(math.floor(v + 0.5)) end
  return (("%.3g"):format(v))
end

local function limit(list, top)
  if top == 0 or #list <= top then return list end
  return table.move(list, 1, top, 1, {})
end

local function when(x) return x.date and (" " .. x.date:sub(1, 10)) or "" end

-- ---- text ----------------------------------------------------------------

local function text_report(d, top)
  local out = {}
  local function say(fmt, ...) out[#out + 1] = select("#", ...) > 0 and fmt:format(...) or fmt end
  say("%d articles, %d actors, %d quotes with a speaker%s", d.articles, #d.actors, d.quotes,
    d.errors > 0 and (", " .. d.errors .. " articles failed") or "")
  say("")
  say("Actors (by quotes, then mentions)")
  say("  %-32s %-10s %6s %8s %8s", "name", "type", "quoted", "mentions", "articles")
  for _, g in ipairs(limit(d.actors, top)) do
    say("  %-32s %-10s %6d %8d %8d", g.name, g.type or "", g.quoted, g.mentions, #g.articles)
    if #g.roles > 0 then say("      roles: %s", table.concat(g.roles, "; ")) end
    if #g.aliases > 0 then say("      also: %s", table.concat(g.aliases, ", ")) end
  end
  say("")
  say("Quotes per speaker")
  for _, g in ipairs(d.actors) do
    if g.quoted > 0 then
      say("  %s (%d)", g.name, g.quoted)
      for _, q in ipairs(g.quotes) do
        say("    [%s%s] %s%s", q.article, when(q), q.kind == "direct" and "“" .. q.text .. "”" or q.text,
          q.cue and ("  (" .. q.cue .. ")") or "")
      end
    end
  end
  say("")
  say("Figures by what they measure")
  for _, g in ipairs(limit(d.figures, top)) do
    say("  %s%s: %d", g.key, g.unit and (" (" .. g.unit .. ")") or "", #g.items)
    for _, x in ipairs(g.items) do
      say("    %12s%s  %-28s [%s%s]", (x.op and x.op ~= null and x.op or "") .. fmt_num(x.value),
        g.unit and (" " .. g.unit) or "", x.text, x.article, when(x))
    end
  end
  return table.concat(out, "\n") .. "\n"
end

-- ---- html ----------------------------------------------------------------

local REPORT_CSS = [[
section { background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 1rem; margin: 1rem 0; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
details { margin: .3rem 0; } summary { cursor: pointer; }
blockquote { margin: .2rem 0 .4rem 1rem; padding-left: .6rem; border-left: 3px solid var(--direct); }
blockquote.indirect { border-left-color: #d9822b; }
.chart { max-width: 46rem; display: block; }
@media (max-width: 700px) { body { font-size: 15px; } main { padding: 0 .5rem 4rem; } th, td { padding: .2rem .3rem; } }
]]

local function html_report(d, top)
  local out = {page.head("trawl report", page.ARTICLE_CSS .. REPORT_CSS), page.legend()}
  local function add(s) out[#out + 1] = s end
  add(("<h1>Report: %d articles</h1><p class=\"sub\">%d actors · %d quotes with a speaker%s</p>")
    :format(d.articles, #d.actors, d.quotes, d.errors > 0 and (" · " .. d.errors .. " articles failed") or ""))

  add('<section id="actors"><h2>Actors</h2><table><thead><tr><th>name</th><th>type</th><th>quoted</th>'
    .. "<th>mentions</th><th>roles</th><th>articles</th></tr></thead><tbody>")
  for i, g in ipairs(limit(d.actors, top)) do
    add(('<tr id="actor-%d" class="actor t-%s"><td><span class="sw"></span><b>%s</b>%s</td><td>%s</td><td class="n">%d</td>'
      .. '<td class="n">%d</td><td>%s</td><td>%s</td></tr>'):format(i, esc.class(g.type or "actor"), esc.text(g.name),
      #g.aliases > 0 and ("<br><small>also " .. esc.text(table.concat(g.aliases, ", ")) .. "</small>") or "",
      esc.text(g.type or ""), g.quoted, g.mentions, esc.text(table.concat(g.roles, "; ")),
      esc.text(table.concat(g.articles, ", "))))
  end
  add("</tbody></table></section>")

  local bars = {}
  for _, g in ipairs(d.actors) do
    if g.quoted > 0 and #bars < 15 then bars[#bars + 1] = {label = g.name, value = g.quoted} end
  end
  add('<section id="speakers"><h2>Quotes per speaker</h2>')
  if #bars > 0 then add(svg.bars(bars, "Quotes per speaker")) end
  for i, g in ipairs(d.actors) do
    if g.quoted > 0 then
      add(('<details class="speaker"%s><summary><b>%s</b> · %d quote%s</summary>'):format(i <= 3 and " open" or "",
        esc.text(g.name), g.quoted, g.quoted == 1 and "" or "s"))
      for _, q in ipairs(g.quotes) do
        add(('<blockquote class="%s">%s<br><small>%s%s%s</small></blockquote>'):format(esc.class(q.kind or ""),
          esc.text(q.text or ""), esc.text(q.title or q.article or ""), esc.text(when(q)),
          q.cue and (" · " .. esc.text(q.cue)) or ""))
      end
      add("</details>")
    end
  end
  add("</section>")

  if #d.dates > 1 then
    local series = {}
    for _, g in ipairs(d.actors) do
      if next(g.by_date) and #series < 6 then series[#series + 1] = {label = g.name, values = g.by_date} end
    end
    add('<section id="timeline"><h2>Mentions over time</h2>' .. svg.lines(d.dates, series, "Mentions per article date") .. "</section>")
  end

  add('<section id="figures"><h2>Figures by what they measure</h2>')
  for _, g in ipairs(limit(d.figures, top)) do
    add(('<h3>%s%s <small>%d</small></h3><table class="figures"><tbody>'):format(esc.text(g.key),
      g.unit and (" (" .. esc.text(g.unit) .. ")") or "", #g.items))
    for _, x in ipairs(g.items) do
      add(('<tr><td class="n">%s%s</td><td><span class="f">%s</span>%s</td><td>%s%s</td></tr>'):format(
        esc.text(x.op and x.op ~= null and x.op or ""), esc.text(fmt_num(x.value) .. (g.unit and " " .. g.unit or "")),
        esc.text(x.text or ""), type(x.of) == "string" and (" <small>of " .. esc.text(x.of) .. "</small>") or "",
        esc.text(x.article or ""), esc.text(when(x))))
    end
    add("</tbody></table>")
  end
  add("</section>")
  add(page.tail(""))
  return table.concat(out)
end

-- ---- command -------------------------------------------------------------

return function(args, sys)
  local say, err = C.printer(sys)
  local opts, pos = C.parse(args, {from = "list", jsonl = "flag", format = "value", output = "value",
    top = "value", rules = "list", help = "flag", alias = {h = "help", o = "output"}})
  if not opts then err("trawl report: %s (see trawl report --help)", pos); return 2 end
  if opts.help then sys.write(USAGE); return 0 end
  local format = opts.format or "text"
  if format ~= "text" and format ~= "html" then err("trawl report: unknown format '%s' (text or html)", format); return 2 end
  local top = tonumber(opts.top or "25")
  if not top or top < 0 or top ~= math.floor(top) then err("trawl report: bad --top '%s'", opts.top); return 2 end
  if not opts.from and #pos == 0 then err("trawl report: nothing to report on: give ARTICLES or --from FILE.jsonl"); return 2 end
  local ok, lerr = C.load_rules(sys, opts.rules)
  if not ok then err("trawl report: %s", lerr); return 2 end

  local all, failed = {}, 0
  for _, path in ipairs(opts.from or {}) do
    local recs, rerr = records.read_jsonl(path, function(n, m) err("trawl report: %s:%d: not a record: %s", path, n, m) end)
    if not recs then err("trawl report: %s", rerr); return 2 end
    table.move(recs, 1, #recs, #all + 1, all)
  end
  for _, path in ipairs(pos) do
    for _, a in ipairs(sys.read_articles(path, opts.jsonl)) do
      if a.error then
        err("trawl report: %s: %s", a.id, a.error)
        failed = failed + 1
        all[#all + 1] = {id = a.id, error = {kind = "input", message = a.error}}
      else
        local rec, aerr = sys.analyse(a.text, a.id, a.meta, a.meta_kind)
        if aerr then err("trawl report: %s", aerr); failed = failed + 1 end
        all[#all + 1] = rec
      end
    end
  end
  local d = data.build(all)
  local text = format == "html" and html_report(d, top) or text_report(d, top)
  if opts.output then
    local wok, werr = sys.writefile(opts.output, text)
    if not wok then err("trawl report: %s", werr); return 2 end
  else
    sys.write(text)
  end
  return failed > 0 and 1 or 0
end
