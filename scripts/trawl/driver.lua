-- The driver: loads rule files into sandboxes, runs their rules stage by
-- stage over a doc, and turns the annotations into the output record.
-- The engine calls this chunk once with (trawl, root) and keeps the table
-- it returns.
local trawl, ROOT = ...

local sandbox = assert(trawl.loadchunk(assert(trawl.readfile(ROOT .. "/scripts/trawl/sandbox.lua")),
  "@" .. ROOT .. "/scripts/trawl/sandbox.lua", _ENV))(trawl, ROOT)

local registry = sandbox.require("trawl.registry")
local output = sandbox.require("trawl.output")

local D = {}

-- Loads every *.lua file of a directory (sorted), or one file. "+DIR"
-- extends the bundled rules: they are loaded first (once), then DIR.
local defaults_loaded = false
function D.load_rules(path)
  if path:sub(1, 1) == "+" then
    path = path:sub(2)
    if not defaults_loaded then D.load_rules(ROOT .. "/rules") end
  end
  if path == ROOT .. "/rules" then defaults_loaded = true end
  if trawl.isdir(path) then
    local names = assert(trawl.listdir(path))
    local any = false
    for _, name in ipairs(names) do
      if name:sub(-4) == ".lua" then
        sandbox.run_rule_file(path .. "/" .. name)
        any = true
      end
    end
    if not any then error(path .. ": no rule files (*.lua) in this directory", 0) end
    registry.set_lexicon_dir(path .. "/lexicons")
  else
    sandbox.run_rule_file(path)
  end
end

-- Loads one rule file given as a string.
function D.load_string(name, src)
  sandbox.run_rule_source(name, src)
end

-- Runs every rule over the doc and returns the output record.
-- D.observe, when set (trawl test, explain), sees the doc's annotations
-- before the doc is closed.
function D.analyse(doc)
  registry.run(doc)
  trawl.set_rule(nil)
  if D.observe then D.observe(doc) end
  return output.record(doc)
end

-- Renders a JSON record in another format (yaml, text, html); html also
-- needs the article's text.
function D.render(json, format, text)
  local record = trawl.json_decode(json)
  if format == "html" then return sandbox.require("trawl.html").article(record, text) end
  return sandbox.require("trawl.render")[format](record)
end

-- What a format writes before the first record and after the last (the
-- HTML page's head and tail); "" for the line-oriented formats.
function D.render_frame(format, part)
  if format ~= "html" then return "" end
  local html = sandbox.require("trawl.html")
  return part == "head" and html.head() or html.tail()
end

-- The rule-authoring subcommands: scripts/trawl/<name>.lua returns
-- function(args, sys, D) -> exit status (engine/cli_cmds.c gives sys).
function D.command(name, args, sys)
  return sandbox.require("trawl." .. name)(args, sys, D)
end

D.root = ROOT
D.registry = registry
D.sandbox = sandbox
return D
