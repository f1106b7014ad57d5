-- Expectations for `trawl test`: whether an annotation (or an output item)
-- has the fields an example or fixture asks for (subset matching), and a
-- readable account of the differences when it does not.
local M = {}

local function is_list(t)
  if type(t) ~= "table" then return false end
  local n = 0
  for k in pairs(t) do
    if math.type(k) ~= "integer" then return false end
    n = n + 1
  end
  return n == #t
end
M.is_list = is_list

local function is_span(t)
  return type(t) == "table" and math.type(t.start) == "integer" and math.type(t["end"]) == "integer"
end

-- The value of field k of got; `text` is the span's text when got has none.
local function field(got, k, ctx)
  local v = got[k]
  if v == nil and k == "text" and is_span(got) and ctx.text then v = ctx.text(got.start, got["end"]) end
  return v
end

-- match(want, got, ctx) -> boolean. ctx.text(s, e) gives a span's text.
-- false: absent (nil, null or false); numbers: equal (1e-9); strings: equal,
-- or the text of a span, or the `name` of a table (a speaker, an actor);
-- lists: each wanted element matches a distinct element (in order when both
-- are lists of scalars of the same length, e.g. value ranges); tables: every
-- wanted key matches.
local function match(want, got, ctx)
  if want == false then return got == nil or got == false or got == null end
  if got == nil or got == null then return false end
  local tw = type(want)
  if tw == "number" then
    if type(got) == "string" then got = tonumber(got) end
    return type(got) == "number" and math.abs(got - want) <= 1e-9 * math.max(1, math.abs(want))
  elseif tw == "string" then
    if got == want then return true end
    if type(got) == "table" then
      if is_span(got) and ctx.text and ctx.text(got.start, got["end"]) == want then return true end
      return got.name == want or got.text == want
    end
    return false
  elseif tw ~= "table" then
    return got == want
  end
  if type(got) ~= "table" then return false end
  if is_list(want) and next(want) ~= nil then
    if not is_list(got) then return false end
    local scalars = true
    for _, w in ipairs(want) do if type(w) == "table" then scalars = false end end
    if scalars and #got == #want then
      for i, w in ipairs(want) do if not match(w, got[i], ctx) then return false end end
      return true
    end
    local used = {}
    for _, w in ipairs(want) do
      local hit
      for j, g in ipairs(got) do
        if not used[j] and match(w, g, ctx) then hit = j; break end
      end
      if not hit then return false end
      used[hit] = true
    end
    return true
  end
  for k, w in pairs(want) do
    if not match(w, field(got, k, ctx), ctx) then return false end
  end
  return true
end
M.match = match

-- A value in one line, Lua-table style: spans as «text», keys sorted.
local function show(v, ctx, depth)
  depth = depth or 0
  if v == nil or v == null then return "nil" end
  local t = type(v)
  if t == "string" then return (("%q"):format(v):gsub("\\\n", "\\n")) end
  if t ~= "table" then return tostring(v) end
  if depth > 2 then return "{...}" end
  if is_span(v) and ctx and ctx.text and v.name == nil then
    local txt = v.text or ctx.text(v.start, v["end"])
    return ("«%s»"):format(txt)
  end
  local parts = {}
  if is_list(v) then
    for _, x in ipairs(v) do parts[#parts + 1] = show(x, ctx, depth + 1) end
  else
    local keys = {}
    for k in pairs(v) do
      if type(k) ~= "string" or k:sub(1, 1) ~= "_" then keys[#keys + 1] = k end
    end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. " = " .. show(v[k], ctx, depth + 1) end
  end
  local s = "{" .. table.concat(parts, ", ") .. "}"
  if #s > 200 then s = s:sub(1, 197) .. "...}" end
  return s
end
M.show = show

-- How got differs from want, one "key: expected X, got Y" per wrong key.
local function diff(want, got, ctx)
  local keys = {}
  for k in pairs(want) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out, same = {}, 0
  for _, k in ipairs(keys) do
    local g = field(got, k, ctx)
    if match(want[k], g, ctx) then
      same = same + 1
    else
      out[#out + 1] = ("%s: expected %s, got %s"):format(k, want[k] == false and "none" or show(want[k], ctx),
        show(g, ctx))
    end
  end
  return out, same
end

-- The item's span and text for a message: «text» [s,e) (rule).
local function label(got, ctx)
  local txt = field(got, "text", ctx) or field(got, "name", ctx) or "?"
  local s = ("«%s»"):format(tostring(txt))
  if is_span(got) then s = s .. (" [%d,%d)"):format(got.start, got["end"]) end
  if got.rule then s = s .. " by " .. tostring(got.rule) end
  return s
end
M.label = label

-- Checks a list of wanted items against what a layer holds. An empty want
-- list means the layer must be empty. Returns failure lines (none: passed).
function M.check(name, wants, gots, ctx)
  local fails = {}
  gots = gots or {}
  if #wants == 0 then
    if #gots > 0 then
      local ls = {}
      for i = 1, math.min(#gots, 5) do ls[i] = label(gots[i], ctx) end
      fails[1] = ("%s: expected none, got %d: %s"):format(name, #gots, table.concat(ls, ", "))
    end
    return fails
  end
  local used = {}
  for i, w in ipairs(wants) do
    local hit
    for j, g in ipairs(gots) do
      if not used[j] and match(w, g, ctx) then hit = j; break end
    end
    if hit then
      used[hit] = true
    else
      fails[#fails + 1] = ("%s #%d: expected %s"):format(name, i, show(w, ctx))
      local best, bestd, bests = nil, nil, -1
      for j, g in ipairs(gots) do
        if not used[j] and type(g) == "table" then
          local d, same = diff(w, g, ctx)
          if same > bests then best, bestd, bests = g, d, same end
        end
      end
      if not best then
        fails[#fails + 1] = ("    got no %s%s"):format(#gots > 0 and "other " or "", name)
      else
        fails[#fails + 1] = "    nearest: " .. label(best, ctx)
        for _, line in ipairs(bestd) do fails[#fails + 1] = "      " .. line end
      end
    end
  end
  return fails
end

-- Checks that no item matches any of the unwanted ones.
function M.check_absent(name, unwanted, gots, ctx)
  local fails = {}
  for i, w in ipairs(unwanted) do
    for _, g in ipairs(gots or {}) do
      if match(w, g, ctx) then
        fails[#fails + 1] = ("%s (absent #%d): expected nothing like %s, got %s"):format(name, i, show(w, ctx),
          label(g, ctx))
        break
      end
    end
  end
  return fails
end

-- Layered form { layer = { {fields}, ... }, ... } or a flat item of the
-- rule's own layer. Returns layer -> list of items, or nil, message.
function M.layers(r, want)
  if type(want) ~= "table" then return nil, "an example's expectation must be a table" end
  local layered = next(want) ~= nil
  for k, v in pairs(want) do
    if type(k) ~= "string" or type(v) ~= "table" or not is_list(v) then layered = false; break end
    for _, item in ipairs(v) do if type(item) ~= "table" then layered = false end end
  end
  if layered then return want end
  if next(want) == nil then
    if not r.layer then return nil, "{} expects nothing of a rule without a 'layer'" end
    return {[r.layer] = {}}
  end
  if not r.layer then return nil, "a flat expectation needs the rule's 'layer' (or write {layer = {{...}}})" end
  return {[r.layer] = {want}}
end

return M
