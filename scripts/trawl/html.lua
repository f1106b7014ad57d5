-- The article view (`trawl --format html`): one self-contained page (inline
-- CSS and script, no network) with each article's text, its actors, quotes,
-- figures and dates highlighted, each quote linked to its speaker, a side
-- list of actors and a legend. The page is written in three parts so that
-- articles stream: head(), one article(record, text) per record, tail().
local esc = require("trawl.html_escape")
local page = require("trawl.html_page")
local speaker_actor = require("trawl.records").speaker_actor

local M = {}

M.head = function(title) return page.head(title or "trawl: articles", page.ARTICLE_CSS) .. page.legend() end
M.tail = function() return page.tail(page.ARTICLE_JS) end

-- Figures, dates and actor mentions are the inner layer; quotes the outer.
-- Spans are {s, e, open, close} with byte offsets (0-based, end exclusive).

-- Keeps the spans that do not overlap one already kept (earliest, then
-- longest first), so that the tags nest.
local function disjoint(list)
  table.sort(list, function(a, b)
    if a.s ~= b.s then return a.s < b.s end
    return a.e > b.e
  end)
  local out, last = {}, -1
  for _, x in ipairs(list) do
    if x.s >= last and x.e > x.s then
      out[#out + 1] = x
      last = x.e
    end
  end
  return out
end

local function fmt_value(v)
  if type(v) == "table" then return fmt_value(v[1]) .. "–" .. fmt_value(v[2]) end
  if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 1e15 then return ("%d"):format(v) end
  return tostring(v)
end

local function figure_title(f)
  local parts = {(f.kind or "figure") .. ": " .. fmt_value(f.value) .. (type(f.unit) == "string" and " " .. f.unit or "")}
  if type(f.op) == "string" then parts[#parts + 1] = "op " .. f.op end
  if type(f.approx) == "string" then parts[#parts + 1] = "hedge '" .. f.approx .. "'" end
  if type(f.of) == "string" then parts[#parts + 1] = "of " .. f.of end
  if f.rule then parts[#parts + 1] = "rule " .. f.rule end
  return table.concat(parts, "; ")
end

local function quote_title(q, actors, ai)
  local sp = q.speaker
  local who = type(sp) == "table" and (ai and actors[ai].name or sp.name) or "no speaker found"
  if type(sp) == "table" and sp.anonymous then who = who .. " (anonymous)" end
  local parts = {(q.kind or "quote") .. " quote", "speaker: " .. who}
  if type(q.cue) == "string" then parts[#parts + 1] = "cue: " .. q.cue end
  if type(q.via) == "string" then parts[#parts + 1] = "via " .. q.via end
  if q.rule then parts[#parts + 1] = "rule: " .. q.rule end
  return table.concat(parts, "\n")
end

-- The spans of one record, as the two layers.
local function layers(rec, pfx)
  local actors = rec.actors or {}
  local outer, inner = {}, {}
  for qi, q in ipairs(rec.quotes or {}) do
    -- a split quote given whole shows as its parts
    if q.parts then goto next_quote end
    local ai = speaker_actor(q.speaker, actors)
    local attrs = {
      class = "q q-" .. esc.class(q.kind or "direct"),
      id = pfx .. "-q" .. qi,
      title = quote_title(q, actors, ai),
      ["data-kind"] = q.kind,
      ["data-rule"] = q.rule,
      ["data-cue"] = type(q.cue) == "string" and q.cue or nil,
      ["data-speaker"] = type(q.speaker) == "table" and (ai and actors[ai].name or q.speaker.name) or nil,
      ["data-speaker-ref"] = ai and (pfx .. "-a" .. ai) or nil,
      tabindex = "0",
    }
    local badge = ""
    if ai then
      badge = ('<a class="who w-%s" href="#%s-a%d" data-for="%s-q%d">%s</a>'):format(esc.class(actors[ai].type or "actor"),
        pfx, ai, pfx, qi, esc.text(actors[ai].name))
    elseif type(q.speaker) == "table" and type(q.speaker.name) == "string" then
      badge = ('<span class="who">%s</span>'):format(esc.text(q.speaker.name))
    end
    local open = "<span" .. esc.attrs(attrs) .. ">"
    -- the part of a quote reopened after a paragraph break: no second id
    attrs.id, attrs.class = nil, attrs.class .. " cont"
    outer[#outer + 1] = {s = q.start, e = q["end"], open = open, reopen = "<span" .. esc.attrs(attrs) .. ">",
      close = "</span>", after = badge}
    if type(q.cue_span) == "table" and q.cue_span.start then
      inner[#inner + 1] = {s = q.cue_span.start, e = q.cue_span["end"],
        open = '<span class="cue" title="cue of ' .. esc.attr(pfx .. "-q" .. qi) .. '">', close = "</span>"}
    end
    ::next_quote::
  end
  for ai, a in ipairs(actors) do
    for _, m in ipairs(a.mentions or {}) do
      inner[#inner + 1] = {s = m.start, e = m["end"], close = "</a>",
        open = ('<a class="m m-%s" href="#%s-a%d" title="%s">'):format(esc.class(a.type or "actor"), pfx, ai,
          esc.attr(a.name .. " (" .. (a.type or "actor") .. ")"))}
    end
  end
  for _, f in ipairs(rec.figures or {}) do
    inner[#inner + 1] = {s = f.start, e = f["end"], close = "</span>",
      open = '<span class="f" title="' .. esc.attr(figure_title(f)) .. '">'}
  end
  for _, d in ipairs(rec.dates or {}) do
    local v = type(d.value) == "string" and d.value or "unresolved"
    inner[#inner + 1] = {s = d.start, e = d["end"], close = "</span>",
      open = '<span class="d" title="' .. esc.attr("date: " .. v) .. '">'}
  end
  return disjoint(outer), disjoint(inner)
end

-- The text as paragraphs with the layers' tags nested: an inner span that
-- crosses a quote's edge is cut in two there, and tags close and reopen
-- across paragraph breaks. A quote's speaker badge follows its end.
local function marked_text(text, outer, inner)
  local cuts = {[0] = true, [#text] = true}
  for _, l in ipairs({outer, inner}) do
    for _, x in ipairs(l) do cuts[x.s], cuts[x.e] = true, true end
  end
  for p in text:gmatch("()\n") do cuts[p - 1], cuts[p] = true, true end
  local pts = {}
  for p in pairs(cuts) do if p >= 0 and p <= #text then pts[#pts + 1] = p end end
  table.sort(pts)
  local out = {}
  local oi, ii = 1, 1
  local open_o, open_i
  local in_para = false
  local function close_inner() if open_i then out[#out + 1] = open_i.close; open_i = nil end end
  local function close_outer()
    close_inner()
    if open_o then out[#out + 1] = open_o.close; open_o = nil end
  end
  local function finish_outer(o)
    if open_o == o then close_outer() end
    if o.opened then out[#out + 1] = o.after end
  end
  for k = 1, #pts - 1 do
    local s, e = pts[k], pts[k + 1]
    while outer[oi] and outer[oi].e <= s do finish_outer(outer[oi]); oi = oi + 1 end
    while inner[ii] and inner[ii].e <= s do
      if open_i == inner[ii] then close_inner() end
      ii = ii + 1
    end
    local seg = text:sub(s + 1, e)
    if seg:find("^\n") then
      close_outer()
      if in_para then out[#out + 1] = "</p>\n"; in_para = false end
    else
      if not in_para then out[#out + 1] = "<p>"; in_para = true end
      local o = outer[oi] and outer[oi].s <= s and outer[oi] or nil
      local i = inner[ii] and inner[ii].s <= s and inner[ii] or nil
      if o ~= open_o then
        close_outer()
        if o then out[#out + 1] = o.opened and o.reopen or o.open; open_o = o; o.opened = true end
      end
      if i ~= open_i then
        close_inner()
        if i then out[#out + 1] = i.open; open_i = i end
      end
      out[#out + 1] = esc.text(seg)
    end
  end
  while outer[oi] do finish_outer(outer[oi]); oi = oi + 1 end
  close_outer()
  if in_para then out[#out + 1] = "</p>" end
  return table.concat(out)
end

local function actor_list(rec, pfx)
  local quoted = {}
  for _, q in ipairs(rec.quotes or {}) do
    local ai = speaker_actor(q.speaker, rec.actors or {})
    if ai then quoted[ai] = (quoted[ai] or 0) + 1 end
  end
  local order = {}
  for i, a in ipairs(rec.actors or {}) do order[#order + 1] = {i = i, a = a, n = #(a.mentions or {})} end
  table.sort(order, function(x, y)
    if (quoted[x.i] or 0) ~= (quoted[y.i] or 0) then return (quoted[x.i] or 0) > (quoted[y.i] or 0) end
    if x.n ~= y.n then return x.n > y.n end
    return x.i < y.i
  end)
  local out = {'<aside class="actors"><h3>Actors</h3><ul>'}
  for _, x in ipairs(order) do
    local a = x.a
    local extra = {}
    if #(a.roles or {}) > 0 then extra[#extra + 1] = esc.text(table.concat(a.roles, ", ")) end
    if #(a.aliases or {}) > 0 then extra[#extra + 1] = "also " .. esc.text(table.concat(a.aliases, ", ")) end
    out[#out + 1] = ('<li id="%s-a%d" class="actor t-%s"><span class="sw"></span><b>%s</b> <small>%s · %d mention%s%s</small>%s</li>')
      :format(pfx, x.i, esc.class(a.type or "actor"), esc.text(a.name or "?"), esc.text(a.type or ""), x.n,
        x.n == 1 and "" or "s", quoted[x.i] and (" · quoted " .. quoted[x.i] .. "×") or "",
        #extra > 0 and ("<br><small>" .. table.concat(extra, "; ") .. "</small>") or "")
  end
  if #order == 0 then out[#out + 1] = "<li><small>none found</small></li>" end
  out[#out + 1] = "</ul></aside>"
  return table.concat(out)
end

-- One article: its record (decoded JSON) and its text.
function M.article(rec, text)
  local pfx = "art-" .. esc.id(rec.id or "article")
  local out = {('<article id="%s"><header><h2>%s</h2>'):format(pfx, esc.text(rec.title or rec.id or "article"))}
  local sub = {}
  if rec.title and rec.id then sub[#sub + 1] = esc.text(rec.id) end
  if rec.date then sub[#sub + 1] = esc.text(rec.date) end
  sub[#sub + 1] = ("%d actors · %d quotes · %d figures · %d dates"):format(#(rec.actors or {}), #(rec.quotes or {}),
    #(rec.figures or {}), #(rec.dates or {}))
  out[#out + 1] = "<p class=\"sub\">" .. table.concat(sub, " · ") .. "</p></header>"
  if rec.error then
    out[#out + 1] = ('<p class="error">%s error: %s</p></article>\n'):format(esc.text(rec.error.kind or ""),
      esc.text(rec.error.message or ""))
    return table.concat(out)
  end
  local outer, inner = layers(rec, pfx)
  out[#out + 1] = '<div class="body"><div class="text">' .. marked_text(text or "", outer, inner) .. "</div>"
  out[#out + 1] = actor_list(rec, pfx) .. "</div></article>\n"
  return table.concat(out)
end

return M
