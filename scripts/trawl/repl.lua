-- trawl repl [FILE]: a Lua prompt with the article analysed as `doc` and
-- the rule API at hand (re, pattern, lexicon, rule, why), for trying a
-- regex or a pattern before writing the rule.
local C = require("trawl.cmdline")
local expect = require("trawl.expect")

local USAGE = [[
usage: trawl repl [options] [FILE]

An interactive Lua prompt. `doc` is FILE (or a one-line sample) analysed
by the rules; the rule API is at hand: re, pattern, lexicon, rule, why,
json, plus
  show(v)          print a value (tables expanded)
  layer(name)      print the annotations of a layer with their text
  try(p [, s, e])  print every match of a regex or token pattern in doc
  rerun()          analyse the article again (after declaring a rule)
An expression line prints its value; a statement runs. Lines ending
inside a block continue on the next line. Line editing and history with
readline, when trawl was built with it. Ctrl-D quits.

options:
  --rules DIR   rules to use (repeatable; +DIR extends the bundled ones)
  -h, --help    show this help
]]

local SAMPLE = "Kremlin spokesman Dmitry Peskov said on Tuesday that around 20% of the land was held."

return function(args, sys, D)
  local say, err = C.printer(sys)
  local opts, pos = C.parse(args, {rules = "list", help = "flag", alias = {h = "help"}})
  if not opts then err("trawl repl: %s (see trawl repl --help)", pos); return 2 end
  if opts.help then sys.write(USAGE); return 0 end
  if #pos > 1 then err("trawl repl: give at most one article file"); return 2 end
  local ok, lerr = C.load_rules(sys, opts.rules)
  if not ok then err("trawl repl: %s", lerr); return 2 end
  if #D.registry.rules() == 0 then
    ok, lerr = sys.load_rules(D.root .. "/rules")
    if not ok then err("trawl repl: %s", lerr); return 2 end
  end

  local art = {id = "sample", text = SAMPLE}
  if pos[1] then
    art = sys.read_articles(pos[1])[1]
    if not art or art.error then err("trawl repl: %s", art and art.error or pos[1]); return 2 end
  end
  local meta
  if art.meta then
    local okm, m = pcall(art.meta_kind == "json" and host.json_decode or host.yaml, art.meta)
    if okm and type(m) == "table" then meta = m end
  end

  local env = {}
  local doc
  -- the doc is made here (not through the engine, which closes its docs),
  -- so it stays open for the session; rules run without the step limit
  local function rerun()
    doc = host.doc(art.text, art.id, meta)
    D.registry.run(doc)
    host.set_rule(nil)
    env.doc = doc
    return doc
  end
  local okr, rerr = pcall(rerun)
  if not okr then err("trawl repl: %s", tostring(rerr)) end

  local function out(...)
    local parts = {}
    for i = 1, select("#", ...) do
      local v = select(i, ...)
      parts[i] = type(v) == "table" and expect.show(v, {text = function(s, e) return doc:text(s, e) end})
        or tostring(v)
    end
    say("%s", table.concat(parts, "\t"))
  end
  env.print = out
  env.show = out
  env.rerun = rerun
  env.layer = function(name)
    local n = 0
    for a in doc:each(name) do
      n = n + 1
      local ctx = {text = function(s, e) return doc:text(s, e) end}
      local copy = {}
      for k, v in pairs(a) do
        if k ~= "start" and k ~= "end" and k ~= "layer" and type(k) == "string" and k:sub(1, 1) ~= "_" then copy[k] = v end
      end
      say("%d-%d «%s» %s", a.start, a["end"], doc:text(a.start, a["end"]), expect.show(copy, ctx))
    end
    say("(%d %s)", n, name)
  end
  env.try = function(p, s, e)
    local n = 0
    if tostring(p):find("^trawl%.regex") then
      for ms, me in p:each(doc, s, e) do n = n + 1; say("%d-%d «%s»", ms, me, doc:text(ms, me)) end
    else
      for i, j in p:each(doc, s, e) do
        local bs = doc:tok(i)
        local _, be = doc:tok(j)
        n = n + 1
        say("%d-%d «%s» (tokens %d-%d)", bs, be, doc:text(bs, be), i, j)
      end
    end
    say("(%d matches)", n)
  end
  setmetatable(env, {__index = function(_, k)
    local v = rawget(env, k)
    if v ~= nil then return v end
    local okv, val = pcall(function() return _ENV[k] end)
    if okv then return val end
    error(("unknown global '%s'"):format(tostring(k)), 2)
  end})

  say("trawl %s repl: doc = %s; show(v), layer(name), try(p), rerun(); Ctrl-D quits", host.version, tostring(doc))
  local n = 0
  while true do
    local line = sys.readline("> ")
    if line == nil then break end
    n = n + 1
    local src = line
    local chunk, cerr
    while true do
      chunk, cerr = host.loadchunk("return " .. src, "=stdin", env)
      if not chunk then chunk, cerr = host.loadchunk(src, "=stdin", env) end
      if chunk or not tostring(cerr):find("<eof>$") then break end
      local more = sys.readline(">> ")
      if more == nil then break end
      src = src .. "\n" .. more
    end
    if not chunk then
      say("%s", tostring(cerr))
    elseif src:match("^%s*$") == nil then
      D.registry.begin_file("repl:" .. n)
      local res = table.pack(pcall(chunk))
      D.registry.end_file()
      host.set_rule(nil)
      if not res[1] then
        say("error: %s", tostring(res[2]))
      elseif res.n > 1 then
        out(table.unpack(res, 2, res.n))
      end
    end
  end
  sys.write("\n")
  return 0
end
