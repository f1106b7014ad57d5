-- trawl test [RULES_DIR|RULE_FILE|FIXTURE.yaml ...]: runs the inline
-- `examples` of the rules in the named places and their fixture files
-- (DIR/tests/*.yaml), prints each failure with what was expected and what
-- the nearest annotation holds, and a last line "N passed, M failed".
local C = require("trawl.cmdline")
local expect = require("trawl.expect")

local USAGE = [[
usage: trawl test [options] [RULES_DIR|RULE_FILE|FIXTURE.yaml ...]

Runs the examples of the rules in each RULES_DIR (default: the bundled
rules) and the fixtures in RULES_DIR/tests/*.yaml. "+DIR" loads the bundled
rules first and tests DIR's rules with them. Examples and fixtures run
through every loaded rule, as trawl would. See rules/README.md.

options:
  --rule PREFIX   only the examples of rules whose name starts with PREFIX
  -v, --verbose   also list what passed
  -h, --help      show this help

Exit status: 0 all passed, 1 some failed, 2 rules failed to load.
]]

local OUTPUT_LAYERS = {actors = true, quotes = true, figures = true, dates = true}


-- The line of an example in its rule file (the rule's line when not found).
local function example_line(lines, r, text)
  local from = 1
  for i, l in ipairs(lines) do
    if l:find('rule%s*%(?%s*["\']' .. r.name:gsub("%p", "%%%0") .. '["\']') then from = i; break end
  end
  local probe = text:sub(1, 40)
  for i = from, #lines do
    if lines[i]:find(probe, 1, true) then return i end
  end
  return r.line
end

local function split_lines(src)
  local lines = {}
  for l in (src .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
  return lines
end

-- Whether path lies in one of the named places.
local function named(path, places)
  for _, p in ipairs(places) do
    if path == p or path:sub(1, #p + 1) == p .. "/" then return true end
  end
  return false
end

local function text_of(text)
  return function(s, e) return text:sub(s + 1, e) end
end

return function(args, sys, D)
  local say, err = C.printer(sys)
  local opts, pos = C.parse(args, {rule = "value", verbose = "flag", help = "flag", alias = {v = "verbose", h = "help"}})
  if not opts then err("trawl test: %s (see trawl test --help)", pos); return 2 end
  if opts.help then sys.write(USAGE); return 0 end

  local root = D.root
  local function rel(p)
    if p:sub(1, #root + 1) == root .. "/" then return p:sub(#root + 2) end
    return p
  end
  local places, fixture_files = {}, {}
  local loads = {}
  for _, a in ipairs(pos) do
    if a:sub(-5) == ".yaml" or a:sub(-4) == ".yml" then
      fixture_files[#fixture_files + 1] = a
    else
      loads[#loads + 1] = a
      local p = a:gsub("^%+", ""):gsub("/+$", "")
      places[#places + 1] = p
      for _, f in ipairs(C.files(p .. "/tests", ".yaml", ".yml")) do fixture_files[#fixture_files + 1] = f end
    end
  end
  if #loads == 0 then
    loads[1] = root .. "/rules"
    places[1] = root .. "/rules"
    for _, f in ipairs(C.files(root .. "/rules/tests", ".yaml", ".yml")) do fixture_files[#fixture_files + 1] = f end
  end
  local ok, msg = C.load_rules(sys, loads)
  if not ok then err("trawl test: %s", msg); return 2 end

  local pass, fail = 0, 0
  local function report(name, fails)
    if #fails == 0 then
      pass = pass + 1
      if opts.verbose then say("ok   %s", name) end
    else
      fail = fail + 1
      say("FAIL %s", name)
      for _, l in ipairs(fails) do say("  %s", l) end
    end
  end

  -- the layers examples look at, captured before the doc closes
  local want_layers, seen
  D.observe = function(doc)
    local text = doc:text()
    seen = {text = text}
    for layer in pairs(want_layers) do
      local list = {}
      for a in doc:each(layer) do list[#list + 1] = a end
      seen[layer] = list
    end
  end

  -- inline examples
  local sources = {}
  local rules = {}
  for _, r in ipairs(D.registry.rules()) do
    if r.examples and named(r.file, places) and (not opts.rule or r.name:sub(1, #opts.rule) == opts.rule) then
      rules[#rules + 1] = r
    end
  end
  table.sort(rules, function(a, b)
    if a.file ~= b.file then return a.file < b.file end
    return a.line < b.line
  end)
  for _, r in ipairs(rules) do
    if not sources[r.file] then sources[r.file] = split_lines(host.readfile(r.file) or "") end
    local list = {}
    for text, want in pairs(r.examples) do
      list[#list + 1] = {text = text, want = want, line = example_line(sources[r.file], r, tostring(text))}
    end
    table.sort(list, function(a, b)
      if a.line ~= b.line then return a.line < b.line end
      return tostring(a.text) < tostring(b.text)
    end)
    for _, ex in ipairs(list) do
      local name = ("%s:%d: %s example %q"):format(rel(r.file), ex.line, r.name, tostring(ex.text))
      local fails = {}
      local layers, why = expect.layers(r, ex.want)
      if type(ex.text) ~= "string" or ex.text == "" then
        fails[1] = "an example's key must be the (non-empty) text to analyse"
      elseif not layers then
        fails[1] = why
      else
        want_layers = {}
        for layer in pairs(layers) do want_layers[layer] = true end
        seen = nil
        local _, aerr = sys.analyse(ex.text, "example")
        if aerr then
          fails[1] = "error: " .. aerr
        else
          local ctx = {text = text_of(seen.text)}
          local names = {}
          for layer in pairs(layers) do names[#names + 1] = layer end
          table.sort(names)
          for _, layer in ipairs(names) do
            for _, l in ipairs(expect.check(layer, layers[layer], seen[layer], ctx)) do fails[#fails + 1] = l end
          end
        end
      end
      report(name, fails)
    end
  end
  D.observe = nil

  -- fixtures: output-level expectations
  for _, path in ipairs(fixture_files) do
    local src, rerr = host.readfile(path)
    local okp, doc = false, nil
    if src then okp, doc = pcall(host.yaml, src, path) end
    if not src then
      report(rel(path), {rerr})
    elseif not okp or type(doc) ~= "table" then
      report(rel(path), {okp and "a fixture file is a YAML mapping" or tostring(doc)})
    else
      local cases = doc.cases or {doc}
      for k, case in ipairs(cases) do
        local name = rel(path) .. (doc.cases and ("#%d"):format(k) or "")
        if type(case) == "table" and case.name then name = name .. " (" .. tostring(case.name) .. ")" end
        local fails = {}
        local text = type(case) == "table" and case.text
        if type(case) == "table" and case.file then
          local f = tostring(case.file)
          if f:sub(1, 1) ~= "/" then f = C.dirname(path) .. "/" .. f end
          text, rerr = host.readfile(f)
          if not text then fails[1] = rerr end
        end
        if #fails == 0 and type(text) ~= "string" then
          fails[1] = "a fixture needs 'text' (the article) or 'file' (a path relative to the fixture)"
        end
        if #fails == 0 then
          local meta = type(case.meta) == "table" and host.json(case.meta) or nil
          local rec, aerr = sys.analyse(text, C.stem(path), meta, "json")
          if aerr then
            fails[1] = "error: " .. aerr
          else
            local ctx = {text = text_of(text)}
            for _, part in ipairs({"expect", "absent"}) do
              local want = case[part] or {}
              if type(want) ~= "table" then
                fails[#fails + 1] = ("'%s' must map layers (actors, quotes, figures, dates) to lists"):format(part)
              else
                local names = {}
                for layer in pairs(want) do names[#names + 1] = tostring(layer) end
                table.sort(names)
                for _, layer in ipairs(names) do
                  local items = want[layer]
                  if not OUTPUT_LAYERS[layer] then
                    fails[#fails + 1] = ("%s: unknown layer '%s' (actors, quotes, figures, dates)"):format(part, layer)
                  elseif type(items) ~= "table" then
                    fails[#fails + 1] = ("%s.%s must be a list"):format(part, layer)
                  else
                    local check = part == "expect" and expect.check or expect.check_absent
                    for _, l in ipairs(check(layer, items, rec[layer], ctx)) do fails[#fails + 1] = l end
                  end
                end
              end
            end
          end
        end
        report(name, fails)
      end
    end
  end

  if pass + fail == 0 then say("no examples or fixtures found") end
  say("%d passed, %d failed", pass, fail)
  return fail > 0 and 1 or 0
end
