-- The numbers behind `trawl report`, from records alone: actors merged
-- across articles, quotes per speaker, figures grouped by what they measure
-- with values in one unit, and mentions per article date.
local speaker_actor = require("trawl.records").speaker_actor

local A = {}

-- A name folded for matching across articles: case, dots, apostrophes,
-- a leading "the" and doubled letters do not count, so that "U.S."/"US",
-- "Nato"/"NATO" and "Zelenskyy"/"Zelensky" meet.
function A.fold(name)
  local s = tostring(name):lower():gsub("’", "'"):gsub("[%.']", ""):gsub("%s+", " ")
  s = s:gsub("^%s+", ""):gsub("%s+$", ""):gsub("^the ", "")
  local prev
  repeat prev = s; s = s:gsub("(%a)%1", "%1") until s == prev
  return s
end

-- Union-find over actor groups.
local function find(parent, x)
  while parent[x] ~= x do parent[x] = parent[parent[x]]; x = parent[x] end
  return x
end

local function words(s) local n = 0 for _ in s:gmatch("%S+") do n = n + 1 end return n end

-- Groups every record's actors: the same type and folded name, or an alias
-- of one that is another's name ("Zelensky" standing alone in one article,
-- an alias of "Volodymyr Zelensky" in another). Returns the groups and,
-- per record, actor index -> group.
local function group_actors(records)
  local parent, by_key, members = {}, {}, {}
  local of_rec = {}
  for r, rec in ipairs(records) do
    of_rec[r] = {}
    for i, a in ipairs(rec.actors or {}) do
      local key = (a.type or "?") .. "|" .. A.fold(a.name or "")
      if not by_key[key] then by_key[key] = key; parent[key] = key end
      of_rec[r][i] = key
      members[#members + 1] = {r = r, i = i, a = a, key = key}
    end
  end
  for _, m in ipairs(members) do
    for _, alias in ipairs(m.a.aliases or {}) do
      local k = (m.a.type or "?") .. "|" .. A.fold(alias)
      if by_key[k] then
        local x, y = find(parent, k), find(parent, m.key)
        if x ~= y then parent[x] = y end
      end
    end
  end
  local groups, gi = {}, {}
  for _, m in ipairs(members) do
    local root = find(parent, m.key)
    local g = gi[root]
    if not g then
      g = {type = m.a.type, names = {}, roles = {}, role_seen = {}, articles = {}, art_seen = {},
           mentions = 0, quoted = 0, quotes = {}, by_date = {}}
      gi[root] = g
      groups[#groups + 1] = g
    end
    local name = m.a.name or "?"
    g.names[name] = (g.names[name] or 0) + #(m.a.mentions or {})
    for _, role in ipairs(m.a.roles or {}) do
      if not g.role_seen[role] then g.role_seen[role] = true; g.roles[#g.roles + 1] = role end
    end
    local rec = records[m.r]
    if not g.art_seen[m.r] then g.art_seen[m.r] = true; g.articles[#g.articles + 1] = rec.id end
    g.mentions = g.mentions + #(m.a.mentions or {})
    if type(rec.date) == "string" then
      local d = rec.date:sub(1, 10)
      g.by_date[d] = (g.by_date[d] or 0) + #(m.a.mentions or {})
    end
    of_rec[m.r][m.i] = g
  end
  -- the name shown: the fullest (most words), then the most mentioned
  for _, g in ipairs(groups) do
    local best, bw, bn = nil, -1, -1
    for name, n in pairs(g.names) do
      local w = words(name)
      if w > bw or (w == bw and (n > bn or (n == bn and name < best))) then best, bw, bn = name, w, n end
    end
    g.name = best
    local aliases = {}
    for name in pairs(g.names) do if name ~= best then aliases[#aliases + 1] = name end end
    table.sort(aliases)
    g.aliases = aliases
    g.names, g.role_seen, g.art_seen = nil, nil, nil
  end
  return groups, of_rec
end

-- Quotes go to the speaker's group; speakers that are no actor (anonymous
-- sources, unresolved names) get a group of their own by name.
local function assign_quotes(records, groups, of_rec)
  local loose = {}
  for r, rec in ipairs(records) do
    for _, q in ipairs(rec.quotes or {}) do
      local sp = q.speaker
      -- a split quote given whole is counted by its parts
      if type(sp) == "table" and q.kind ~= "term" and not q.parts then
        local ai = speaker_actor(sp, rec.actors or {})
        local g = ai and of_rec[r][ai]
        if not g then
          local key = (sp.anonymous and "anonymous|" or "speaker|") .. A.fold(sp.name or "?")
          g = loose[key]
          if not g then
            g = {type = sp.anonymous and "anonymous" or "unresolved", name = sp.name or "?", roles = {}, aliases = {},
                 articles = {}, mentions = 0, quoted = 0, quotes = {}, by_date = {}}
            loose[key] = g
            groups[#groups + 1] = g
          end
          if g.articles[#g.articles] ~= rec.id then g.articles[#g.articles + 1] = rec.id end
        end
        g.quoted = g.quoted + 1
        g.quotes[#g.quotes + 1] = {text = q.text, kind = q.kind, cue = q.cue, article = rec.id, date = rec.date,
          title = rec.title}
      end
    end
  end
end

-- Units converted to one per kind of figure, so that claims compare.
local TO_BASE = {
  area = {base = "km2", km2 = 1, mi2 = 2.589988, m2 = 1e-6, ha = 0.01, acre = 0.00404686, ft2 = 9.2903e-8,
    yd2 = 8.3613e-7, cm2 = 1e-10, in2 = 6.4516e-10},
  length = {base = "km", km = 1, m = 0.001, mi = 1.609344, ft = 0.0003048, yd = 0.0009144, cm = 1e-5,
    mm = 1e-6, ["in"] = 2.54e-5, nmi = 1.852},
  mass = {base = "t", t = 1, kg = 0.001, g = 1e-6, lb = 0.000453592, ton = 0.907185, oz = 2.835e-5, stone = 0.00635},
  duration = {base = "day", day = 1, week = 7, month = 30.44, year = 365.25, hour = 1 / 24, minute = 1 / 1440,
    second = 1 / 86400, business_day = 1.4, weekend = 2},
  volume = {base = "l", l = 1, ml = 0.001, m3 = 1000, gal = 3.78541, hl = 100, cl = 0.01, bbl = 158.987},
  speed = {base = "km/h", ["km/h"] = 1, mph = 1.609344, ["m/s"] = 3.6, kn = 1.852},
}

local FRACTION_WORD = {"half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

local function is_fraction(f)
  if f.unit ~= nil and f.unit ~= null then return false end
  if type(f.value) ~= "number" or f.value <= 0 or f.value >= 1 then return false end
  local t = tostring(f.text or ""):lower()
  for _, w in ipairs(FRACTION_WORD) do if t:find(w, 1, true) then return true end end
  return t:find("%d/%d") ~= nil
end

-- The dimension a figure measures and its value (a number or {lo, hi}) in
-- that dimension's unit; counts are grouped by what they count.
local function normalise(f)
  local v = f.value
  local function scale(k) if type(v) == "table" then return {v[1] * k, v[2] * k} end return v * k end
  if type(v) ~= "number" and type(v) ~= "table" then return nil end
  if f.unit == "%" or is_fraction(f) then
    return "share", "%", f.unit == "%" and v or scale(100)
  end
  local conv = TO_BASE[f.kind]
  if conv and conv[f.unit] then return f.kind, conv.base, scale(conv[f.unit]) end
  if type(f.unit) == "string" then return (f.kind or "quantity") .. " in " .. f.unit, f.unit, v end
  return "count", nil, v
end

-- What a count counts, folded: "drones and missiles", "regions".
local function of_key(f)
  if type(f.of) ~= "string" then return "(unspecified)" end
  return f.of:lower():gsub("’", "'")
end

local function group_figures(records)
  local groups, by_key = {}, {}
  for _, rec in ipairs(records) do
    for _, f in ipairs(rec.figures or {}) do
      local dim, unit, v = normalise(f)
      if dim then
        local key = dim == "count" and ("count of " .. of_key(f)) or dim
        local g = by_key[key]
        if not g then
          g = {key = key, unit = unit, items = {}}
          by_key[key] = g
          groups[#groups + 1] = g
        end
        g.items[#g.items + 1] = {value = v, text = f.text, of = f.of, op = f.op, article = rec.id, date = rec.date}
      end
    end
  end
  local function low(x) return type(x.value) == "table" and x.value[1] or x.value end
  for _, g in ipairs(groups) do table.sort(g.items, function(a, b) return low(a) < low(b) end) end
  -- groups with several claims first: they are where numbers may disagree
  table.sort(groups, function(a, b)
    if #a.items ~= #b.items then return #a.items > #b.items end
    return a.key < b.key
  end)
  return groups
end

-- The report's data for a list of records (error records are counted and
-- left out).
function A.build(records)
  local ok, errors = {}, 0
  for _, rec in ipairs(records) do
    if rec.error ~= nil and rec.error ~= null then errors = errors + 1 else ok[#ok + 1] = rec end
  end
  local groups, of_rec = group_actors(ok)
  assign_quotes(ok, groups, of_rec)
  table.sort(groups, function(a, b)
    if a.quoted ~= b.quoted then return a.quoted > b.quoted end
    if a.mentions ~= b.mentions then return a.mentions > b.mentions end
    return a.name < b.name
  end)
  local dates, seen = {}, {}
  for _, rec in ipairs(ok) do
    if type(rec.date) == "string" and not seen[rec.date:sub(1, 10)] then
      seen[rec.date:sub(1, 10)] = true
      dates[#dates + 1] = rec.date:sub(1, 10)
    end
  end
  table.sort(dates)
  local nquotes = 0
  for _, g in ipairs(groups) do nquotes = nquotes + g.quoted end
  return {articles = #ok, errors = errors, actors = groups, figures = group_figures(ok), dates = dates,
          quotes = nquotes}
end

return A
