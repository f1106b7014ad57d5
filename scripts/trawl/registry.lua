-- Rule registration and running: the one way to declare a rule
--   rule "quote.said_after" { stage = "quotes", run = function(doc) ... end }
-- and the fixed, visible order in which stages run.
local R = {}

R.STAGES = {"lexicon", "actors", "quotes", "figures", "dates", "resolve"}
local stage_rank = {}
for i, s in ipairs(R.STAGES) do stage_rank[s] = i end

local rules = {}          -- name -> rule
local order = {}          -- rules in load order
local seq = 0
local current_file = nil
local file_names = {}     -- names declared by the file being loaded
local lexicon_dirs = {}

-- Fields a rule may have; each validated when the rule is declared.
local FIELDS = {
  stage = "string", layer = "string", run = "function", regex = "string",
  regex_options = "table", fields = "table", examples = "table", doc = "string",
  priority = "number", tokens = "table", lexicon = "string", filter = "function",
  group = "number",
}

local function fail(msg, level)
  error(msg, (level or 1) + 1)
end

-- Lexicons by name (issue 3): lexicons/NAME.yaml next to the rule file being
-- loaded, else in the registered rules directories, the later one first.
-- Each file is loaded once per engine.
local lexicon_cache = {}
local function find_lexicon(name)
  if type(name) ~= "string" or not name:match("^[%w_][%w_%-]*$") then
    return nil, ("bad lexicon name '%s' (letters, digits, '_' and '-')"):format(tostring(name))
  end
  local dirs = {}
  local here = current_file and current_file:match("^(.*)/[^/]*$")
  if here then dirs[1] = here .. "/lexicons" end
  for i = #lexicon_dirs, 1, -1 do dirs[#dirs + 1] = lexicon_dirs[i] end
  for _, dir in ipairs(dirs) do
    local path = dir .. "/" .. name .. ".yaml"
    if lexicon_cache[path] then return lexicon_cache[path] end
    local src = host.readfile(path)
    if src then
      local ok, lx = pcall(host.lexicon, src, path)
      if not ok then return nil, lx end
      lexicon_cache[path] = lx
      return lx
    end
  end
  return nil, ("no lexicon '%s' (looked for lexicons/%s.yaml in %s)"):format(name, name,
    #dirs > 0 and table.concat(dirs, ", ") or "no rules directory")
end

-- lexicon(name) -> lexicon, for rule files
local function lexicon(name)
  if type(name) == "userdata" then return name end
  local lx, err = find_lexicon(name)
  if not lx then fail(err, 2) end
  return lx
end

-- pattern{...} -> pattern, for rule files; lexicons in it may be given by name
local function pattern(spec)
  local ok, pat = pcall(host.pattern, spec, {lexicon = lexicon})
  if not ok then fail(pat, 2) end
  return pat
end

-- Compiles the declarative parts of a rule into its run function.
local function compile(r)
  local declared = (r.regex and 1 or 0) + (r.tokens and 1 or 0) + (r.lexicon and 1 or 0)
  if declared > 1 then fail(("rule '%s': use one of 'regex', 'tokens' or 'lexicon'"):format(r.name), 3) end
  if r.tokens then
    local ok, pat = pcall(host.pattern, r.tokens, {lexicon = lexicon})
    if not ok then fail(("rule '%s': field 'tokens': %s"):format(r.name, pat), 3) end
    local layer = r.layer or fail(("rule '%s': a tokens rule needs a 'layer'"):format(r.name), 3)
    local fields, filter = r.fields or {}, r.filter
    r.pattern = pat
    r.matcher = function(doc)
      for i, j, caps in pat:each(doc) do
        local s = doc:tok(i)
        local _, e = doc:tok(j)
        local f = {}
        for k, v in pairs(fields) do f[k] = v end
        if caps then for k, v in pairs(caps) do f[k] = v end end
        if not filter or filter(doc, s, e, f, i, j, caps) ~= false then doc:add(layer, s, e, f) end
      end
    end
  end
  if r.lexicon then
    local lx, err = find_lexicon(r.lexicon)
    if not lx then fail(("rule '%s': field 'lexicon': %s"):format(r.name, err), 3) end
    local layer = r.layer or fail(("rule '%s': a lexicon rule needs a 'layer'"):format(r.name), 3)
    local fields, filter = r.fields or {}, r.filter
    r.matcher = function(doc)
      for i, j, entry in lx:each(doc) do
        local s = doc:tok(i)
        local _, e = doc:tok(j)
        local f = {}
        for k, v in pairs(entry) do if k ~= "aliases" then f[k] = v end end
        for k, v in pairs(fields) do f[k] = v end
        if not filter or filter(doc, s, e, f, i, j) ~= false then doc:add(layer, s, e, f) end
      end
    end
  end
  if r.regex then
    local ok, rx = pcall(re, r.regex, r.regex_options)
    if not ok then fail(("rule '%s': field 'regex': %s"):format(r.name, rx), 3) end
    local layer = r.layer or fail(("rule '%s': a regex rule needs a 'layer'"):format(r.name), 3)
    local fields, filter, group = r.fields or {}, r.filter, r.group or 0
    r.matcher = function(doc)
      for ms, me, c1s, c1e, c2s, c2e, c3s, c3e in rx:each(doc) do
        local s, e = ms, me
        if group == 1 then s, e = c1s, c1e elseif group == 2 then s, e = c2s, c2e elseif group == 3 then s, e = c3s, c3e end
        if s >= 0 then
          local f = {}
          for k, v in pairs(fields) do f[k] = v end
          if not filter or filter(doc, s, e, f, ms, me) ~= false then doc:add(layer, s, e, f) end
        end
      end
    end
  end
  if R.compile_hook then R.compile_hook(r, fail) end
end

-- rule "name" { ... }
local function rule(name)
  if type(name) ~= "string" or not name:match("^[%w_]+[%w_.%-]*$") then
    fail("rule names are words joined by dots, like 'quote.said_after' (got " .. tostring(name) .. ")", 2)
  end
  return function(spec)
    if type(spec) ~= "table" then fail(("rule '%s': expected a table of fields"):format(name), 2) end
    for k, v in pairs(spec) do
      local want = FIELDS[k]
      if not want then fail(("rule '%s': unknown field '%s'"):format(name, tostring(k)), 2) end
      if type(v) ~= want then fail(("rule '%s': field '%s' must be a %s, not a %s"):format(name, k, want, type(v)), 2) end
    end
    local stage = spec.stage or fail(("rule '%s': missing field 'stage' (one of %s)"):format(name, table.concat(R.STAGES, ", ")), 2)
    if not stage_rank[stage] then
      fail(("rule '%s': unknown stage '%s' (one of %s)"):format(name, stage, table.concat(R.STAGES, ", ")), 2)
    end
    if not (spec.run or spec.regex or spec.tokens or spec.lexicon) then
      fail(("rule '%s': needs one of 'run', 'regex', 'tokens' or 'lexicon'"):format(name), 2)
    end
    if file_names[name] then fail(("rule '%s' is declared twice in this file"):format(name), 2) end
    local file, line = host.where(2)
    local r = {name = name, file = file, line = line}
    for k, v in pairs(spec) do r[k] = v end
    compile(r)
    file_names[name] = true
    seq = seq + 1
    r.seq = seq
    local old = rules[name]
    if old then
      -- a later rule directory overrides a rule of the same name in place
      r.seq = old.seq
      for i, o in ipairs(order) do if o == old then order[i] = r end end
    else
      order[#order + 1] = r
    end
    rules[name] = r
    R.sorted = nil
    return r
  end
end

function R.begin_file(name) current_file = name; file_names = {} end
function R.end_file() current_file = nil; file_names = {} end
function R.set_lexicon_dir(dir) lexicon_dirs[#lexicon_dirs + 1] = dir end
function R.lexicon_dirs() return lexicon_dirs end
function R.rules() return order end
function R.get(name) return rules[name] end

local function sorted()
  if not R.sorted then
    local list = {}
    for i, r in ipairs(order) do list[i] = r end
    table.sort(list, function(a, b)
      local sa, sb = stage_rank[a.stage], stage_rank[b.stage]
      if sa ~= sb then return sa < sb end
      local pa, pb = a.priority or 0, b.priority or 0
      if pa ~= pb then return pa > pb end
      return a.seq < b.seq
    end)
    R.sorted = list
  end
  return R.sorted
end
R.ordered = sorted

-- Runs every rule over the doc, in stage order.
function R.run(doc)
  for _, r in ipairs(sorted()) do
    R.current = r.name
    host.set_rule(r.name)
    if r.matcher then r.matcher(doc) end
    if r.run then r.run(doc) end
  end
end

-- why(ann, fmt, ...): notes a step of the reasoning behind an annotation
-- (e.g. how its speaker was chosen) in its `why` list, with the rule's name;
-- `trawl explain` and --explain show it.
local function why(ann, fmt, ...)
  if type(ann) ~= "table" then fail("why: expected an annotation, got " .. type(ann), 2) end
  local msg = select("#", ...) > 0 and fmt:format(...) or tostring(fmt)
  local list = ann.why
  if type(list) ~= "table" then list = {}; ann.why = list end
  list[#list + 1] = (R.current or "?") .. ": " .. msg
  return ann
end

R.api = {
  why = why,
  rule = rule,
  lexicon = lexicon,
  pattern = pattern,
  stages = R.STAGES,
}

return R
