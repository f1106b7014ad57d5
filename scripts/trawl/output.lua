-- Builds the output record from a doc's annotation layers:
--   mention -> actors (grouped by the actor coreference gave them)
--   quote, figure, date -> quotes, figures, dates
-- Shape: ../shared/gold/README.md ("What the scorer expects").
local O = {}

local function span_text(doc, s, e) return doc:text(s, e) end

-- An actor key: the entity table coreference attached, else type + name.
local function actor_of(m)
  if type(m.actor) == "table" then return m.actor end
  return nil
end

local function list_add_unique(list, seen, v)
  if v and v ~= "" and not seen[v] then
    seen[v] = true
    list[#list + 1] = v
  end
end

function O.actors(doc)
  local by_key, actors = {}, {}
  for m in doc:each("mention") do
    local ent = actor_of(m)
    local key = ent or (m.type .. "\0" .. (m.name or span_text(doc, m.start, m["end"])))
    local a = by_key[key]
    if not a then
      local src = ent or m
      a = {name = src.name or span_text(doc, m.start, m["end"]), type = src.type or m.type,
           roles = {}, aliases = {}, mentions = {}, rule = m.rule,
           _roles = {}, _aliases = {}, _first = m.start}
      by_key[key] = a
      actors[#actors + 1] = a
      if ent then ent._out = a end
    end
    local surface = span_text(doc, m.start, m["end"])
    if surface ~= a.name then list_add_unique(a.aliases, a._aliases, surface) end
    local roles = m.roles or (m.role and {m.role}) or {}
    for _, r in ipairs(roles) do list_add_unique(a.roles, a._roles, r) end
    if ent and ent.roles then for _, r in ipairs(ent.roles) do list_add_unique(a.roles, a._roles, r) end end
    a.mentions[#a.mentions + 1] = {start = m.start, ["end"] = m["end"], text = surface}
  end
  for _, a in ipairs(actors) do
    a._roles, a._aliases, a._first = nil, nil, nil
  end
  return actors
end

local function speaker_out(doc, sp)
  if sp == nil then return null end
  local out = {name = sp.name, anonymous = sp.anonymous or false}
  if sp.start then
    out.start, out["end"] = sp.start, sp["end"]
    out.text = doc:text(sp.start, sp["end"])
  end
  if type(sp.actor) == "table" then out.actor = sp.actor.name end
  return out
end

function O.quotes(doc)
  local out = {}
  for q in doc:each("quote") do
    local cue = q.cue
    local cue_text
    if type(cue) == "table" then cue_text = cue.text or doc:text(cue.start, cue["end"]) else cue_text = cue end
    local sp = q.speaker
    local rec = {
      start = q.start, ["end"] = q["end"], text = doc:text(q.start, q["end"]),
      kind = q.kind or "direct", cue = cue_text, via = q.via, rule = q.rule, why = q.why,
    }
    if sp == nil then rec.speaker = null else rec.speaker = speaker_out(doc, sp) end
    if type(cue) == "table" and cue.start then rec.cue_span = {start = cue.start, ["end"] = cue["end"]} end
    -- reported speech with quoted words inside; a split quote given whole
    if q.mixed then rec.mixed = true end
    if type(q.parts) == "table" then
      rec.parts = {}
      for k, p in ipairs(q.parts) do rec.parts[k] = {start = p[1], ["end"] = p[2]} end
    end
    out[#out + 1] = rec
  end
  return out
end

-- (the record made whole in one constructor: a figure is written for
-- every amount found, and one grown field by field is rehashed twice)
function O.figures(doc)
  local out = {}
  for f in doc:each("figure") do
    local s, e, unit = f.start, f["end"], f.unit
    if unit == nil then unit = null end
    out[#out + 1] = {start = s, ["end"] = e, text = doc:text(s, e), rule = f.rule, value = f.value,
                     unit = unit, kind = f.kind, approx = f.approx, op = f.op, of = f.of}
  end
  return out
end

function O.dates(doc)
  local out = {}
  for d in doc:each("date") do
    local v = d.value
    if v == nil then v = null end
    out[#out + 1] = {start = d.start, ["end"] = d["end"], text = doc:text(d.start, d["end"]), value = v, rule = d.rule}
  end
  return out
end

-- The article's own date and title, from its metadata (front matter or the
-- JSON Lines object), when they are plain strings: reports group by them.
local function meta_string(meta, key)
  local v = meta[key]
  if type(v) == "string" and v ~= "" then return v end
  return nil
end

function O.record(doc)
  local meta = doc:meta()
  return {
    id = doc:id(),
    date = meta_string(meta, "date"),
    title = meta_string(meta, "title"),
    actors = O.actors(doc),
    quotes = O.quotes(doc),
    figures = O.figures(doc),
    dates = O.dates(doc),
  }
end

return O
