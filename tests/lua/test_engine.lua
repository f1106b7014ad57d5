-- trawl.engine{} from a stock lua5.4: rules from a path or a string,
-- records as plain tables, error records, rule errors with file:line,
-- limits, closing.
local trawl = require "trawl"
local passed, failed = 0, 0
local function check(name, got, want)
  if got == want then passed = passed + 1
  else failed = failed + 1; print(("FAIL %s: want %s, got %s"):format(name, tostring(want), tostring(got))) end
end
local function raises(name, want, f, ...)
  local ok, err = pcall(f, ...)
  check(name .. " raises", ok, false)
  if not ok then check(name .. " message", tostring(err):find(want, 1, true) ~= nil, true) end
  if not ok and not tostring(err):find(want, 1, true) then print("  got: " .. tostring(err)) end
end

local RULES = [[
local q = re("“([^”]*)”")
rule "t.quote" {
  stage = "quotes",
  run = function(doc)
    for ms, me, s, e in q:each(doc) do
      doc:add("quote", s, e, {kind = "direct", speaker = {name = doc:meta().by or "someone"}})
    end
  end,
}
rule "t.pct" { stage = "figures", regex = [=[\d+%]=], layer = "figure", fields = {unit = "%", value = 20} }
]]
local TEXT = "Ana said “we will win” and about 20% agreed."

-- rules from a string; the record is a table with byte offsets
local eng = trawl.engine{}
check("load_string returns the engine", eng:load_string("t.lua", RULES), eng)
local rec = eng:analyse(TEXT, {id = "a1", meta = {by = "Ana"}})
check("id", rec.id, "a1")
check("no error", rec.error, nil)
check("one quote", #rec.quotes, 1)
local q = rec.quotes[1]
check("quote text", q.text, "we will win")
check("quote span", TEXT:sub(q.start + 1, q["end"]), "we will win")
check("speaker from meta", q.speaker.name, "Ana")
check("rule kept", q.rule, "t.quote")
check("figure value", rec.figures[1].value, 20)
check("figure unit", rec.figures[1].unit, "%")
check("empty layers are tables", type(rec.actors) == "table" and #rec.actors == 0, true)
check("records are plain tables", getmetatable(rec), nil)
check("default id", eng:analyse(TEXT).id, "")

-- JSON, with and without the rules
local j = eng:json(TEXT, {id = "j1"})
check("json id first", j:sub(1, 12), '{"id":"j1","')
check("json hides rules", j:find('"rule"', 1, true), nil)
check("json explain", eng:json(TEXT, {id = "j1", explain = true}):find('"rule":"t.quote"', 1, true) ~= nil, true)

-- an article that cannot be analysed: an error record, not a Lua error
local bad = eng:analyse("ab\255cd", {id = "bad"})
check("error record id", bad.id, "bad")
check("error kind", bad.error and bad.error.kind, "input")
check("error message", bad.error and bad.error.message, "invalid UTF-8 at byte offset 2")
check("error layers empty", #bad.quotes, 0)
check("empty article", eng:analyse("", {id = "e"}).error.message, "empty article")
check("the engine goes on", #eng:analyse(TEXT).quotes, 1)

-- rule errors name the file and line
raises("syntax error", "broken.lua:2:", eng.load_string, eng, "broken.lua", "rule \"x\" {\n  stage = = 1 }")
raises("unknown global", "glob.lua:1:", eng.load_string, eng, "glob.lua", "local y = no_such_thing\n")
eng:load_string("late.lua", 'rule "t.late" { stage = "resolve",\n  run = function(doc)\n    error("boom") end }')
local r = eng:analyse(TEXT, {id = "late"})
check("runtime rule error is a record", r.error and r.error.kind, "rule")
check("runtime error names file:line", r.error and r.error.message:find("late.lua:3:", 1, true) ~= nil, true)
check("runtime error names the article", r.error and r.error.message:find("boom", 1, true) ~= nil, true)

-- rules from a path, limits from the options
local looping = trawl.engine{rules = "tests/rules/loops.lua", limits = {steps = 100000}}
check("limit read", looping:limit("steps"), 100000)
check("limit set returns old", looping:limit("steps", 50000), 100000)
local l = looping:analyse("Some text.", {id = "loop"})
check("step limit record", l.error and l.error.kind, "limit")
check("step limit message", l.error and l.error.message:find("step limit hit", 1, true) ~= nil, true)
-- a time limit alone stops it too (the engine's watchdog thread, in a stock lua5.4)
local timed = trawl.engine{rules = "tests/rules/loops.lua", limits = {time = 200}}
check("no step limit by default", timed:limit("steps"), 0)
check("time limit read", timed:limit("time"), 200)
for i = 1, 2 do
  local t = timed:analyse("Some text.", {id = "loop" .. i})
  check("time limit record " .. i, t.error and t.error.kind, "limit")
  check("time limit message " .. i, t.error and t.error.message:find("time limit hit", 1, true) ~= nil, true)
end
timed:close()
raises("unknown limit", "unknown limit 'speed'", looping.limit, looping, "speed")
raises("unknown limit option", "unknown limit 'speed'", trawl.engine, {limits = {speed = 1}})
raises("missing rules", "/no/such/rules", trawl.engine, {rules = "/no/such/rules"})
raises("bad path", "not a trawl data directory", trawl.engine, {path = "/no/such/dir"})
raises("bad options", "table expected", trawl.engine, "rules/")
raises("bad meta", "meta", eng.analyse, eng, TEXT, {meta = "x"})
raises("no text", "string expected", eng.analyse, eng, nil)

-- the bundled rules, found like the C library finds them
local default = trawl.engine{}
local d = default:analyse("Peskov told reporters: “No scenario of freezing the conflict will suit us.”", {id = "p"})
check("default rules quote", #d.quotes, 1)
check("trawl.null for no speaker", d.quotes[1].speaker == trawl.null or type(d.quotes[1].speaker) == "table", true)

-- closing
do
  local scoped <close> = trawl.engine{}
  check("tostring", tostring(scoped):find("trawl.engine", 1, true) ~= nil, true)
end
eng:close()
eng:close()
raises("closed engine", "closed", eng.analyse, eng, TEXT)
check("tostring closed", tostring(eng), "trawl.engine (closed)")
looping:close()
default = nil
collectgarbage()

print(("%d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and 0 or 1)
