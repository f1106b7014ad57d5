-- Scoring records against gold annotations: a faithful port of
-- ../shared/tools/score.py (normalisation, greedy one-to-one matching,
-- optional items, speaker_ok, value_ok, unit_norm), so `trawl eval` and
-- score.py give the same figures. Dates, which score.py leaves out, are
-- scored like figures (overlapping span; the gold value, when it has one).
local S = {}

local function get(t, k)
  if type(t) ~= "table" then return nil end
  local v = t[k]
  if v == null then return nil end
  return v
end

-- Python's truth value
local function truthy(v)
  if v == nil or v == null or v == false or v == 0 or v == "" then return false end
  if type(v) == "table" and next(v) == nil then return false end
  return true
end

-- Python's str() of a scalar
local function pystr(v)
  if v == true then return "True" elseif v == false then return "False" end
  if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 1e16 then return ("%.1f"):format(v) end
  return tostring(v)
end

---- Unicode: the part of NFKC, lower() and \s that news text meets --------

-- NFKC compatibility mappings: spaces, ligatures, super/subscript digits,
-- fullwidth ASCII, the ellipsis and a few symbols.
local NFKC = {
  [0xA0] = " ", [0xAA] = "a", [0xB2] = "2", [0xB3] = "3", [0xB5] = "μ", [0xB9] = "1", [0xBA] = "o",
  [0xBC] = "1⁄4", [0xBD] = "1⁄2", [0xBE] = "3⁄4", [0x2024] = ".", [0x2025] = "..", [0x2026] = "...",
  [0x2070] = "0", [0x2071] = "i", [0x2074] = "4", [0x2075] = "5", [0x2076] = "6", [0x2077] = "7",
  [0x2078] = "8", [0x2079] = "9", [0x207F] = "n", [0x2122] = "TM", [0x2103] = "°C", [0x2109] = "°F",
  [0x212A] = "K", [0x212B] = "Å", [0x2116] = "No", [0xFB00] = "ff", [0xFB01] = "fi", [0xFB02] = "fl",
  [0xFB03] = "ffi", [0xFB04] = "ffl", [0xFB05] = "st", [0xFB06] = "st", [0x2011] = "‐", [0x2033] = "′′",
  [0x3000] = " ", [0x202F] = " ", [0x205F] = " ", [0x1680] = nil,
}
for cp = 0x2000, 0x200A do NFKC[cp] = " " end
for cp = 0x2080, 0x2089 do NFKC[cp] = tostring(cp - 0x2080) end
for cp = 0xFF01, 0xFF5E do NFKC[cp] = string.char(cp - 0xFF01 + 0x21) end

-- Unicode white space (Python's \s and str.strip)
local SPACE = {[0x1C] = true, [0x1D] = true, [0x1E] = true, [0x1F] = true, [0x85] = true, [0xA0] = true,
  [0x1680] = true, [0x2028] = true, [0x2029] = true, [0x202F] = true, [0x205F] = true, [0x3000] = true}
for cp = 9, 13 do SPACE[cp] = true end
SPACE[32] = true
for cp = 0x2000, 0x200A do SPACE[cp] = true end

local function lower_cp(cp)
  if cp < 0x80 then
    if cp >= 65 and cp <= 90 then return cp + 32 end
    return cp
  end
  if (cp >= 0xC0 and cp <= 0xDE and cp ~= 0xD7) then return cp + 32 end
  if cp >= 0x100 and cp <= 0x17F then
    if cp == 0x130 then return 0x69 end
    if cp == 0x178 then return 0xFF end
    if (cp >= 0x139 and cp <= 0x148) or (cp >= 0x179 and cp <= 0x17E) then
      return cp % 2 == 1 and cp + 1 or cp
    end
    if cp ~= 0x138 and cp ~= 0x149 and cp ~= 0x17F then return cp % 2 == 0 and cp + 1 or cp end
    return cp
  end
  if cp >= 0x391 and cp <= 0x3AB and cp ~= 0x3A2 then return cp + 32 end
  if cp >= 0x410 and cp <= 0x42F then return cp + 32 end
  if cp >= 0x400 and cp <= 0x40F then return cp + 80 end
  if (cp >= 0x460 and cp <= 0x4FF) and cp % 2 == 0 and not (cp >= 0x482 and cp <= 0x489) then return cp + 1 end
  if cp >= 0x1E00 and cp <= 0x1EFF and cp % 2 == 0 and not (cp >= 0x1E96 and cp <= 0x1E9F) then return cp + 1 end
  return cp
end

-- norm(s): NFKC, curly single quotes to ', white space collapsed, trimmed,
-- lower case, a leading "the " and a trailing "'s" removed.
local function norm(s)
  if s == nil or s == null then return "" end
  s = pystr(s)
  local out, pend_space = {}, false
  local cps_in = {}
  if utf8.len(s) then
    for _, cp in utf8.codes(s) do cps_in[#cps_in + 1] = cp end
  else
    for i = 1, #s do cps_in[i] = s:byte(i) end   -- not UTF-8: bytes as they are
  end
  for _, cp in ipairs(cps_in) do
    local m = NFKC[cp]
    local cps = {}
    if m then for _, c in utf8.codes(m) do cps[#cps + 1] = c end else cps[1] = cp end
    for _, c in ipairs(cps) do
      if c == 0x2019 or c == 0x2018 then c = 0x27 end
      if SPACE[c] then
        pend_space = true
      else
        if pend_space and #out > 0 then out[#out + 1] = " " end
        pend_space = false
        out[#out + 1] = utf8.char(lower_cp(c))
      end
    end
  end
  s = table.concat(out)
  if s:sub(1, 4) == "the " then s = s:sub(5) end
  if s:sub(-2) == "'s" then s = s:sub(1, -3) end
  return s
end
S.norm = norm

local WORD = re([[\w+]], {ucp = true})
local function words(s)
  local out = {}
  s = norm(s)
  for ms, me in WORD:each(s) do out[#out + 1] = s:sub(ms + 1, me) end
  return out
end

local function overlap(a, b)
  local wa, wb = {}, {}
  local na, nb = 0, 0
  for _, w in ipairs(words(a)) do wa[w] = (wa[w] or 0) + 1; na = na + 1 end
  for _, w in ipairs(words(b)) do wb[w] = (wb[w] or 0) + 1; nb = nb + 1 end
  if na == 0 or nb == 0 then return 0.0 end
  local inter = 0
  for w, c in pairs(wa) do if wb[w] then inter = inter + math.min(c, wb[w]) end end
  return inter / math.max(na, nb)
end
S.overlap = overlap

function S.prf(tp, n_pred, n_gold)
  local p = n_pred > 0 and tp / n_pred or (n_gold == 0 and 1.0 or 0.0)
  local r = n_gold > 0 and tp / n_gold or 1.0
  local f = (p + r) > 0 and 2 * p * r / (p + r) or 0.0
  return p, r, f
end

-- The byte span of each gold item: the k-th item with the same text is the
-- k-th occurrence in the article.
local function byte_spans(text, items)
  local seen = {}
  for _, it in ipairs(items) do
    local s = tostring(get(it, "text") or "")
    local k = seen[s] or 0
    seen[s] = k + 1
    local pos = -1
    for _ = 0, k do
      pos = text:find(s, pos + 2, true)
      if not pos then break end
      pos = pos - 1
    end
    if pos then it._span = {pos, pos + #s} else it._span = nil end
  end
end

local function spans_overlap(a, b)
  return a ~= nil and b ~= nil and a[1] < b[2] and b[1] < a[2]
end

local function pyint(v)
  if math.type(v) == "integer" then return v end
  if type(v) == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return nil end
    return math.tointeger(v >= 0 and math.floor(v) or math.ceil(v))
  end
  if v == true then return 1 elseif v == false then return 0 end
  if type(v) == "string" then
    local d = v:match("^%s*([+-]?%d[%d_]*)%s*$")
    if d and not d:find("__", 1, true) and d:sub(-1) ~= "_" then return math.tointeger(tonumber((d:gsub("_", "")))) end
  end
  return nil
end

local function pred_span(p)
  local s, e = pyint(get(p, "start")), pyint(get(p, "end"))
  if s == nil or e == nil then return nil end
  return {s, e}
end

local function speaker_name(p)
  local sp = p.speaker
  if type(sp) == "table" then return get(sp, "name"), truthy(sp.anonymous) end
  if type(sp) == "string" then return sp, false end
  return nil, false
end

local function aliases(a)
  local l = get(a, "aliases")
  return type(l) == "table" and l or {}
end

-- All normalised surface forms of the gold actor called name.
local function actor_names(gold_actors, name)
  local n = norm(name)
  local forms = {[n] = true}
  for _, a in ipairs(gold_actors) do
    local allf = {[norm(get(a, "name"))] = true}
    for _, x in ipairs(aliases(a)) do allf[norm(x)] = true end
    if allf[n] then for f in pairs(allf) do forms[f] = true end end
  end
  return forms
end

local ANON = re([[\bsources?\b|\bbloggers?\b|\bofficials?\b]], {ucp = true})

local function nwords(f)
  local c = 0
  for _ in f:gmatch("%S+") do c = c + 1 end
  return c
end

local function speaker_ok(gq, pname, panon, gold_actors)
  if get(gq, "speaker") == nil then return pname == nil end
  if pname == nil then return false end
  if truthy(get(gq, "anonymous")) then
    return panon or ANON:test(norm(pname))
  end
  local forms = actor_names(gold_actors, gq.speaker)
  local n = norm(pname)
  if forms[n] then return true end
  -- a fuller form of the same name ("Sir Tony Brenton", "Kremlin spokesman Dmitry Peskov")
  for f in pairs(forms) do
    if f ~= "" and nwords(f) >= 2 and #n > #f and n:sub(-#f) == f and n:sub(-#f - 1, -#f - 1) == " " then
      return true
    end
  end
  return false
end
S.speaker_ok = speaker_ok

local function pyfloat(v)
  if type(v) == "number" then return v + 0.0 end
  if v == true then return 1.0 elseif v == false then return 0.0 end
  if type(v) == "string" then
    local t = v:match("^%s*(.-)%s*$"):lower()
    if t:match("^[+-]?0x") then return nil end
    local sign = t:match("^%-") and -1 or 1
    local w = t:gsub("^[+-]", "")
    if w == "inf" or w == "infinity" then return sign * math.huge end
    if w == "nan" then return 0 / 0 end
    if t:find("_", 1, true) then
      if t:find("__", 1, true) or not t:match("^[+-]?%d[%d_]*%.?[%d_]*$") or t:match("_$") then return nil end
      t = t:gsub("_", "")
    end
    local n = tonumber(t)
    return n and n + 0.0 or nil
  end
  return nil
end

-- Python's dict.get(k, default): a present null gives None, not the default
local function pyget(t, k, default)
  local v = t[k]
  if v == nil then return default end
  if v == null then return nil end
  return v
end

local function nums(v)
  if type(v) == "table" then
    if v[1] ~= nil and #v == 2 and next(v, #v) == nil then
      local lo, hi = pyfloat(v[1] ~= null and v[1] or nil), pyfloat(v[2] ~= null and v[2] or nil)
      if lo == nil or hi == nil then return nil end
      return lo, hi
    end
    if v[1] ~= nil then return nil end   -- a list of another length
    local lo = pyget(v, "low", pyget(v, "min", pyget(v, "value")))
    local hi = pyget(v, "high", pyget(v, "max", lo))
    lo, hi = pyfloat(lo), pyfloat(hi)
    if lo == nil or hi == nil then return nil end
    return lo, hi
  end
  local x = pyfloat(v)
  if x == nil then return nil end
  return x, x
end

local function value_ok(gv, pv)
  local glo, ghi = nums(gv)
  if glo == nil then return false end
  local plo, phi = nums(pv)
  if plo == nil then return false end
  if glo == ghi and plo == phi then
    return math.abs(glo - plo) <= 1e-6 * math.max(1.0, math.abs(glo))
  end
  if glo ~= ghi then return glo <= plo and plo <= ghi and glo <= phi and phi <= ghi end
  return plo <= glo and glo <= phi
end
S.value_ok = value_ok

local UNITS = {[""] = "", count = "", none = "", null = "",
  pct = "%", percentage = "%", percent = "%", fraction = "", ["sq km"] = "km2", ["km²"] = "km2",
  ["square kilometers"] = "km2", ["square kilometres"] = "km2", ["sq mi"] = "mi2",
  ["square miles"] = "mi2", ["mi²"] = "mi2", hours = "hour", days = "day",
  weeks = "week", months = "month", years = "year", decade = "year"}

local function unit_norm(u)
  u = u ~= nil and u ~= null and norm(u) or ""
  local m = UNITS[u]
  if m ~= nil then return m end
  return u
end
S.unit_norm = unit_norm

-- One-to-one matching, best pairs first (ties: later gold, later
-- prediction first, as Python's reverse sort of (score, gi, pi) does).
local function greedy(gold, pred, score)
  local pairs_ = {}
  for gi, g in ipairs(gold) do
    for pi, p in ipairs(pred) do
      local s = score(g, p)
      if s > 0 then pairs_[#pairs_ + 1] = {s, gi, pi} end
    end
  end
  table.sort(pairs_, function(a, b)
    if a[1] ~= b[1] then return a[1] > b[1] end
    if a[2] ~= b[2] then return a[2] > b[2] end
    return a[3] > b[3]
  end)
  local ug, up, out = {}, {}, {}
  for _, t in ipairs(pairs_) do
    local gi, pi = t[2], t[3]
    if not ug[gi] and not up[pi] then
      ug[gi], up[pi] = true, true
      out[#out + 1] = {gi, pi}
    end
  end
  return out
end

local TYPE_ALIASES = {
  person = "person", per = "person", people = "person",
  org = "org", organization = "org", organisation = "org",
  place = "place", loc = "place", location = "place", gpe = "place",
}

local function list(t, k)
  local v = get(t, k)
  return type(v) == "table" and v or {}
end

local function short(s, n)
  s = tostring(s)
  if utf8.len(s) and utf8.len(s) > n then return s:sub(1, utf8.offset(s, n + 1) - 1) end
  return s
end

local function show_value(v)
  if type(v) == "table" then
    local parts = {}
    for i, x in ipairs(v) do parts[i] = tostring(x) end
    return "[" .. table.concat(parts, ", ") .. "]"
  end
  if v == nil or v == null then return "None" end
  return tostring(v)
end

-- Scores one article: adds to the tally t (key -> count) and returns the
-- misses and extras as lines.
function S.article(gold, pred, text, t)
  local lines = {}
  local function add(k, n) t[k] = (t[k] or 0) + n end
  local function opt(x) return truthy(get(x, "optional")) end

  -- actors
  local gact, pact = list(gold, "actors"), list(pred, "actors")
  local function act_score(g, p)
    if (TYPE_ALIASES[norm(get(p, "type"))] or "?") ~= get(g, "type") then return 0 end
    local gf, pf = {[norm(get(g, "name"))] = true}, {[norm(get(p, "name"))] = true}
    for _, x in ipairs(aliases(g)) do gf[norm(x)] = true end
    for _, x in ipairs(aliases(p)) do pf[norm(x)] = true end
    local pn = norm(get(p, "name"))
    if pn == norm(get(g, "name")) then return 3 end
    if gf[pn] then return 2 end
    for f in pairs(pf) do if gf[f] then return 1 end end
    return 0
  end
  local m = greedy(gact, pact, act_score)
  local opt_p, mg, mp = {}, {}, {}
  local n_opt_p, tp = 0, 0
  for _, x in ipairs(m) do
    mg[x[1]], mp[x[2]] = true, true
    if opt(gact[x[1]]) then
      if not opt_p[x[2]] then n_opt_p = n_opt_p + 1 end
      opt_p[x[2]] = true
    else
      tp = tp + 1
    end
  end
  local ng = 0
  for _, g in ipairs(gact) do if not opt(g) then ng = ng + 1 end end
  add("actors_tp", tp); add("actors_gold", ng); add("actors_pred", #pact - n_opt_p)
  for _, ty in ipairs({"person", "org", "place"}) do
    local tpt, gt, pt = 0, 0, 0
    for _, x in ipairs(m) do if get(gact[x[1]], "type") == ty and not opt(gact[x[1]]) then tpt = tpt + 1 end end
    for _, g in ipairs(gact) do if get(g, "type") == ty and not opt(g) then gt = gt + 1 end end
    for pi, p in ipairs(pact) do if TYPE_ALIASES[norm(get(p, "type"))] == ty and not opt_p[pi] then pt = pt + 1 end end
    add("actors_" .. ty .. "_tp", tpt); add("actors_" .. ty .. "_gold", gt); add("actors_" .. ty .. "_pred", pt)
  end
  for gi, g in ipairs(gact) do
    if not mg[gi] and not opt(g) then
      lines[#lines + 1] = ("  actor missed: %s (%s)"):format(pystr(get(g, "name")), pystr(get(g, "type")))
    end
  end
  for pi, p in ipairs(pact) do
    if not mp[pi] then
      lines[#lines + 1] = ("  actor extra:  %s (%s)"):format(show_value(get(p, "name")), show_value(get(p, "type")))
    end
  end

  -- quotes
  local gq, pq = list(gold, "quotes"), list(pred, "quotes")
  local function q_score(g, p)
    local o = overlap(get(g, "text"), pyget(p, "text", ""))
    return o >= 0.5 and o or 0
  end
  m = greedy(gq, pq, q_score)
  opt_p, mg, mp = {}, {}, {}
  for _, x in ipairs(m) do
    mg[x[1]], mp[x[2]] = true, true
    if opt(gq[x[1]]) then opt_p[x[2]] = true end
  end
  for _, kind in ipairs({"direct", "indirect"}) do
    local gk = {}
    local ngk = 0
    for gi, g in ipairs(gq) do
      if get(g, "kind") == kind and not opt(g) then gk[gi] = true; ngk = ngk + 1 end
    end
    local mk = {}
    for _, x in ipairs(m) do if gk[x[1]] then mk[#mk + 1] = x end end
    local pk = {}
    for pi, p in ipairs(pq) do
      local k = get(p, "kind")
      if not truthy(k) then k = "direct" end
      local fits = kind == "indirect" and k == "indirect" or kind == "direct" and (k == "direct" or k == "mixed")
      if fits and not opt_p[pi] then pk[#pk + 1] = pi end
    end
    local sp_ok = 0
    for _, x in ipairs(mk) do
      local nm, an = speaker_name(pq[x[2]])
      if speaker_ok(gq[x[1]], nm, an, gact) then
        sp_ok = sp_ok + 1
      else
        lines[#lines + 1] = ("  %s speaker wrong: «%s» gold=%s pred=%s"):format(kind, short(get(gq[x[1]], "text"), 50),
          show_value(get(gq[x[1]], "speaker")), show_value(nm))
      end
    end
    local matched_pk, n_matched = {}, 0
    for _, x in ipairs(mk) do
      if not matched_pk[x[2]] then matched_pk[x[2]] = true; n_matched = n_matched + 1 end
    end
    local extra = {}
    for _, pi in ipairs(pk) do if not mp[pi] then extra[#extra + 1] = pi end end
    add("q_" .. kind .. "_tp", #mk); add("q_" .. kind .. "_gold", ngk)
    add("q_" .. kind .. "_pred", n_matched + #extra)
    add("q_" .. kind .. "_spk", sp_ok)
    for gi in ipairs(gq) do
      if gk[gi] and not mg[gi] then
        lines[#lines + 1] = ("  %s quote missed: «%s»"):format(kind, short(get(gq[gi], "text"), 70))
      end
    end
    for _, pi in ipairs(extra) do
      lines[#lines + 1] = ("  %s quote extra:  «%s»"):format(kind, short(show_value(get(pq[pi], "text")), 70))
    end
  end

  -- figures and dates: overlapping spans, then the value (and unit)
  local function spans(layer, key, scorer, describe)
    local gf, pf = list(gold, layer), list(pred, layer)
    local items = {}
    for i, g in ipairs(gf) do items[i] = g end
    byte_spans(text, items)
    local mm = greedy(gf, pf, function(g, p)
      if not spans_overlap(g._span, pred_span(p)) then return 0 end
      return scorer(g, p) and 1 or 0
    end)
    local optp, mgg, mpp = {}, {}, {}
    local tpf = 0
    for _, x in ipairs(mm) do
      mgg[x[1]], mpp[x[2]] = true, true
      if opt(gf[x[1]]) then optp[x[2]] = true else tpf = tpf + 1 end
    end
    -- predictions overlapping an optional gold item are not counted either way
    for pi, p in ipairs(pf) do
      for _, g in ipairs(gf) do
        if opt(g) and spans_overlap(g._span, pred_span(p)) then optp[pi] = true; break end
      end
    end
    local n_opt, ngf = 0, 0
    for _ in pairs(optp) do n_opt = n_opt + 1 end
    for _, g in ipairs(gf) do if not opt(g) then ngf = ngf + 1 end end
    add(key .. "_tp", tpf); add(key .. "_gold", ngf); add(key .. "_pred", #pf - n_opt)
    for gi, g in ipairs(gf) do
      if not mgg[gi] and not opt(g) then lines[#lines + 1] = ("  %s missed: %s"):format(describe(g)) end
    end
    for pi, p in ipairs(pf) do
      if not mpp[pi] and not optp[pi] then lines[#lines + 1] = ("  %s extra:  %s"):format(describe(p)) end
    end
    for _, g in ipairs(gf) do g._span = nil end
  end
  spans("figures", "fig", function(g, p)
    return value_ok(get(g, "value"), get(p, "value")) and unit_norm(get(g, "unit")) == unit_norm(get(p, "unit"))
  end, function(x)
    return "figure", ("«%s» = %s %s"):format(show_value(get(x, "text")), show_value(get(x, "value")), show_value(get(x, "unit")))
  end)
  spans("dates", "date", function(g, p)
    local gv = get(g, "value")
    return gv == nil or tostring(gv) == tostring(get(p, "value"))
  end, function(x)
    return "date", ("«%s» = %s"):format(show_value(get(x, "text")), show_value(get(x, "value")))
  end)
  return lines
end

-- The figures over all articles, in score.py's --json shape (plus dates).
function S.summary(c, articles, missing)
  local function n(k) return c[k] or 0 end
  local function prf3(k)
    local p, r, f = S.prf(n(k .. "_tp"), n(k .. "_pred"), n(k .. "_gold"))
    return {p = p, r = r, f = f}
  end
  local out = {articles = articles, missing_articles = missing}
  out.actors = prf3("actors")
  for _, ty in ipairs({"person", "org", "place"}) do out["actors_" .. ty] = prf3("actors_" .. ty) end
  for _, kind in ipairs({"direct", "indirect"}) do
    local k = "q_" .. kind
    local p, r, f = S.prf(n(k .. "_tp"), n(k .. "_pred"), n(k .. "_gold"))
    local acc = n(k .. "_tp") > 0 and n(k .. "_spk") / n(k .. "_tp") or 0.0
    -- attributed: a quote counts only with its speaker right
    local _, _, fa = S.prf(n(k .. "_spk"), n(k .. "_pred"), n(k .. "_gold"))
    out["quotes_" .. kind] = {p = p, r = r, f = f, speaker_acc = acc, attributed_f = fa}
  end
  out.figures = prf3("fig")
  out.dates = prf3("date")
  return out
end

return S
