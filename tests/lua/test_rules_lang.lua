-- The rule language over the matching primitives: tokens and lexicon rules
-- add annotations, lexicon() finds files next to the rules, pattern() takes
-- lexicons by name, load errors name the rule and the field, and editing a
-- rule file changes the next run. Runs the real driver in a stock lua5.4.
local trawl = require "trawl"
local passed, failed = 0, 0
local function check(name, got, want)
  if got == want then passed = passed + 1
  else failed = failed + 1; print(("FAIL %s: want %s, got %s"):format(name, tostring(want), tostring(got))) end
end

local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir .. "/lexicons"))
local function write(name, text)
  local f = assert(io.open(dir .. "/" .. name, "w"))
  f:write(text)
  f:close()
end

local function driver()
  local src = assert(trawl.readfile("scripts/trawl/driver.lua"))
  return assert(trawl.loadchunk(src, "@scripts/trawl/driver.lua", _ENV))(trawl, ".")
end

-- runs the rules of dir over text; returns the doc
local function run(text)
  local D = driver()
  D.load_rules(dir)
  local doc = trawl.doc(text, "t")
  D.registry.run(doc)
  return doc
end

local function layer(doc, name, field)
  local out = {}
  for a in doc:each(name) do
    out[#out + 1] = doc:text(a.start, a["end"]) .. (field and ("=" .. tostring(a[field])) or "")
  end
  return table.concat(out, "|")
end

write("lexicons/speech.yaml", [[
lexicon: speech
type: verb
entries:
  - said
  - name: told
    tense: past
    aliases: [tells]
]])
write("lexicons/orgs.yaml", [[
lexicon: orgs
type: org
case: smart
entries:
  - name: United Nations
    aliases: [UN]
]])
write("rules.lua", [[
local speech = lexicon "speech"
local cue = pattern{ {layer = "mention", capture = "who"}, {lexicon = "speech", capture = "verb"} }
rule "actor.orgs" { stage = "actors", lexicon = "orgs", layer = "mention", fields = {via = "lexicon"} }
rule "actor.names" { stage = "actors", layer = "mention", fields = {type = "person"},
  tokens = { {title = true, sent_start = false, capture = "first"}, {title = true, op = "+"} } }
rule "quote.cue" { stage = "quotes", layer = "cue", tokens = { {layer = "mention", capture = "who"}, {lexicon = "speech", capture = "verb"} },
  filter = function(doc, s, e, f, i, j, caps) f.verb_name = caps.verb.entry.name; f.who_type = caps.who.ann.type end }
rule "quote.count" { stage = "resolve", run = function(doc)
  local n = 0
  for i, j, caps in cue:each(doc) do n = n + 1 end
  doc:add("count", 0, 0, {n = n, size = speech:size()})
end }
]])

local doc = run("The UN said so. Then Angela Merkel told reporters.")
check("lexicon rule", layer(doc, "mention", "type"), "UN=org|Angela Merkel=person")
check("lexicon rule copies entry and fields", (function() for a in doc:each("mention") do return a.name .. "," .. a.via .. "," .. tostring(a.aliases) end end)(),
  "United Nations,lexicon,nil")
check("tokens rule", layer(doc, "cue", "verb_name"), "UN said=said|Angela Merkel told=told")
check("tokens rule captures", layer(doc, "cue", "who_type"), "UN said=org|Angela Merkel told=person")
check("capture fields are spans", (function() for a in doc:each("mention") do if a.first then return doc:text(a.first) end end end)(), "Angela")
check("provenance", (function() for a in doc:each("cue") do return a.rule end end)(), "quote.cue")
check("pattern with lexicon names at load", (function() for a in doc:each("count") do return a.n .. "," .. a.size end end)(), "2,2")

-- editing a rule file changes the next run, no rebuild
write("rules.lua", [[
rule "actor.orgs" { stage = "actors", lexicon = "orgs", layer = "mention", fields = {type = "body"} }
]])
check("edited rules apply", layer(run("The UN said so."), "mention", "type"), "UN=body")
write("lexicons/orgs.yaml", "entries: [UN, NATO]\n")
check("edited lexicon applies", layer(run("The UN and NATO."), "mention"), "UN|NATO")

-- load-time errors name the rule and the field
local function load_error(src)
  write("rules.lua", src)
  local ok, err = pcall(function() driver().load_rules(dir) end)
  return ok and "no error" or tostring(err)
end
local function has(name, got, part)
  check(name, got:find(part, 1, true) ~= nil, true)
  if not got:find(part, 1, true) then print("  got: " .. got) end
end
has("bad tokens", load_error([[rule "a.b" { stage = "actors", layer = "x", tokens = { {lowr = "x"} } }]]),
  "rules.lua:1: rule 'a.b': field 'tokens': pattern item 1: unknown test 'lowr'")
has("tokens without layer", load_error([[rule "a.b" { stage = "actors", tokens = { {lower = "x"} } }]]), "a tokens rule needs a 'layer'")
has("missing lexicon in rule", load_error([[rule "a.b" { stage = "actors", layer = "x", lexicon = "nope" }]]),
  "rule 'a.b': field 'lexicon': no lexicon 'nope'")
has("missing lexicon call", load_error("local x = 1\nlocal l = lexicon 'nope'"), "rules.lua:2: no lexicon 'nope'")
has("bad lexicon name", load_error("local l = lexicon '../x'"), "bad lexicon name")
has("pattern error names the line", load_error("\n\nlocal p = pattern{ {lower = 'x', op = '**'} }"), "rules.lua:3: pattern item 1: 'op' must be")
has("pattern with an unknown lexicon", load_error("local p = pattern{ {lexicon = 'nope'} }"), "no lexicon 'nope'")
has("two declarative forms", load_error([[rule "a.b" { stage = "actors", layer = "x", lexicon = "orgs", tokens = { {lower = "x"} } }]]),
  "use one of 'regex', 'tokens' or 'lexicon'")
write("lexicons/broken.yaml", "entries:\n  - name: [x\n")
has("broken lexicon file", load_error("local l = lexicon 'broken'"), "broken.yaml")

os.execute("rm -rf " .. dir)
print(("%d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and 0 or 1)
