-- trawl check [RULES_DIR|RULE_FILE ...]: loads every rule file and lexicon
-- on its own, without analysing anything, and lists every problem with its
-- file and line: load errors, bad lexicons, malformed examples and fixtures.
local C = require("trawl.cmdline")
local expect = require("trawl.expect")

local USAGE = [[
usage: trawl check [RULES_DIR|RULE_FILE ...]

Loads and validates rules without running articles (default: the bundled
rules). Each rule file is loaded on its own, so one broken file does not
hide the problems of the next; every lexicon in DIR/lexicons/ is loaded,
every example must have the form `trawl test` expects, every fixture in
DIR/tests/ must parse. "+DIR" checks DIR on top of the bundled rules.

Prints each problem as FILE:LINE: message, then a count.
Exit status: 0 no problems, 1 problems.
]]

local FIXTURE_KEYS = {text = true, file = true, meta = true, expect = true, absent = true, name = true, cases = true}
local OUTPUT_LAYERS = {actors = true, quotes = true, figures = true, dates = true}

local function rel(D, p)
  if p:sub(1, #D.root + 1) == D.root .. "/" then return p:sub(#D.root + 2) end
  return p
end

-- Problems of a fixture file's parsed content.
local function fixture_problems(doc)
  local out = {}
  if type(doc) ~= "table" then return {"a fixture file is a YAML mapping"} end
  local cases = doc.cases or {doc}
  if type(cases) ~= "table" then return {"'cases' must be a list"} end
  for i, c in ipairs(cases) do
    local pre = doc.cases and ("case %d: "):format(i) or ""
    if type(c) ~= "table" then
      out[#out + 1] = pre .. "must be a mapping"
    else
      for k in pairs(c) do
        if not FIXTURE_KEYS[k] or (k == "cases" and doc.cases) then
          out[#out + 1] = pre .. ("unknown key '%s' (text, file, meta, expect, absent, name)"):format(tostring(k))
        end
      end
      if c.text == nil and c.file == nil and not c.cases then out[#out + 1] = pre .. "needs 'text' or 'file'" end
      for _, part in ipairs({"expect", "absent"}) do
        if c[part] ~= nil then
          if type(c[part]) ~= "table" then
            out[#out + 1] = pre .. part .. " must map layers to lists"
          else
            for layer, items in pairs(c[part]) do
              if not OUTPUT_LAYERS[layer] then
                out[#out + 1] = pre .. ("%s: unknown layer '%s' (actors, quotes, figures, dates)"):format(part, tostring(layer))
              elseif type(items) ~= "table" then
                out[#out + 1] = pre .. ("%s.%s must be a list"):format(part, layer)
              end
            end
          end
        end
      end
    end
  end
  return out
end

return function(args, sys, D)
  local say = C.printer(sys)
  local opts, pos = C.parse(args, {help = "flag", alias = {h = "help"}})
  if not opts then sys.ewrite(("trawl check: %s\n"):format(pos)); return 2 end
  if opts.help then sys.write(USAGE); return 0 end
  if #pos == 0 then pos = {D.root .. "/rules"} end

  local problems, nfiles, nlex, nfix = 0, 0, 0, 0
  local function problem(where, msg)
    problems = problems + 1
    msg = tostring(msg)
    -- load errors already start with FILE:LINE:
    if where and not msg:find(where, 1, true) then msg = where .. ": " .. msg end
    say("%s", msg)
  end

  local places = {}
  for _, a in ipairs(pos) do
    local plus = a:sub(1, 1) == "+"
    local p = a:gsub("^%+", ""):gsub("/+$", "")
    if plus then
      local ok, err = sys.load_rules(D.root .. "/rules")
      if not ok then problem(nil, err) end
    end
    places[#places + 1] = p
    if host.isdir(p) then
      D.registry.set_lexicon_dir(p .. "/lexicons")
      local files = C.files(p, ".lua")
      if #files == 0 then problem(p, "no rule files (*.lua) in this directory") end
      for _, f in ipairs(files) do
        nfiles = nfiles + 1
        local ok, err = sys.load_rules(f)
        if not ok then problem(rel(D, f), err) end
      end
      for _, f in ipairs(C.files(p .. "/lexicons", ".yaml", ".yml")) do
        nlex = nlex + 1
        local src, rerr = host.readfile(f)
        local ok, lerr = false, rerr
        if src then ok, lerr = pcall(host.lexicon, src, f) end
        if not ok then problem(rel(D, f), lerr) end
      end
      for _, f in ipairs(C.files(p .. "/tests", ".yaml", ".yml")) do
        nfix = nfix + 1
        local src, rerr = host.readfile(f)
        local ok, doc = false, rerr
        if src then ok, doc = pcall(host.yaml, src, f) end
        if not ok then
          problem(rel(D, f), doc)
        else
          for _, m in ipairs(fixture_problems(doc)) do problem(rel(D, f), m) end
        end
      end
    else
      nfiles = nfiles + 1
      local ok, err = sys.load_rules(p)
      if not ok then problem(rel(D, p), err) end
    end
  end

  -- examples: keys are texts, values tables; a flat one needs the rule's layer
  local nrules = 0
  for _, r in ipairs(D.registry.rules()) do
    local mine = false
    for _, p in ipairs(places) do
      if r.file == p or r.file:sub(1, #p + 1) == p .. "/" then mine = true end
    end
    if mine then
      nrules = nrules + 1
      local where = ("%s:%d"):format(rel(D, r.file), r.line or 0)
      for text, want in pairs(r.examples or {}) do
        if type(text) ~= "string" or text == "" then
          problem(where, ("rule '%s': an example's key must be the text to analyse"):format(r.name))
        else
          local layers, why = expect.layers(r, want)
          if not layers then problem(where, ("rule '%s': example %q: %s"):format(r.name, text, why)) end
        end
      end
    end
  end

  say("%d rule files, %d rules, %d lexicons, %d fixture files: %d problem%s", nfiles, nrules, nlex, nfix,
    problems, problems == 1 and "" or "s")
  return problems > 0 and 1 or 0
end
