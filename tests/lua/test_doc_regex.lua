-- The doc and regex primitives through the Lua module: spans are byte
-- offsets, also on non-ASCII text; iterators, annotations, errors.
local trawl = require "trawl"
local passed, failed = 0, 0
local function check(name, got, want)
  if got == want then passed = passed + 1
  else failed = failed + 1; print(("FAIL %s: want %s, got %s"):format(name, tostring(want), tostring(got))) end
end

local text = "Kyiv’s “war” in Łódź cost €2.5bn.\nZelensky said so."
local doc = trawl.doc(text, "t1", {title = "T"})
check("id", doc:id(), "t1")
check("meta", doc:meta().title, "T")
check("len", #doc, #text)

-- regex spans are bytes into the original text, after multi-byte characters
local rx = trawl.re("Łódź")
local s, e = rx:find(doc)
check("regex start", s, (text:find("Łódź", 1, true)) - 1)
check("regex end", e, s + #"Łódź")
check("regex text", doc:text(s, e), "Łódź")
local rx2 = trawl.re("(?<amount>\\d+(?:\\.\\d+)?)(bn|m)")
local ms, me, c1s, c1e, c2s, c2e = rx2:find(doc)
check("capture 1", doc:text(c1s, c1e), "2.5")
check("capture 2", doc:text(c2s, c2e), "bn")
check("whole", doc:text(ms, me), "2.5bn")
check("named group", rx2:group("amount"), 1)
local n = 0
for a, b in trawl.re("\\w+"):each(doc, 0, 20) do n = n + 1; check("each inside span", b <= 20, true) end
check("each count", n >= 2, true)
check("find in string", (trawl.re("b+"):find("aabbb")), 2)
check("no match is nil", trawl.re("zzz"):find(doc), nil)
check("caseless", (trawl.re("zelensky", {caseless = true}):find(doc)) ~= nil, true)
check("bad regex raises", pcall(trawl.re, "(unclosed"), false)
check("bad option raises", pcall(trawl.re, "a", {caseles = true}), false)

-- tokens and sentences
local words = {}
for i in doc:tokens() do words[#words + 1] = doc:word(i) end
check("token 1", words[1], "Kyiv’s")
check("lower folds apostrophe", doc:lower(1), "kyiv's")
check("quote open", doc:is(2, "open"), true)
check("kind", doc:kind(2), "quote")
local sents = 0
for k, ss, se in doc:sentences() do sents = sents + 1 end
check("sentences", sents, 2)
local _, ps, pe = doc:paragraph(doc:ntok())
check("last paragraph", doc:text(ps, pe), "Zelensky said so.")
check("bad flag raises", pcall(doc.is, doc, 1, "nope"), false)
check("bad span raises", pcall(doc.text, doc, 5, 2), false)

-- annotations
local a = doc:add("mention", 0, 4, {type = "place"})
doc:add("mention", 39, 47, {type = "person"})
check("add returns fields", a.start == 0 and a["end"] == 4 and a.layer == "mention", true)
local seen = {}
for m in doc:each("mention") do seen[#seen + 1] = m.type end
check("each in order", table.concat(seen, ","), "place,person")
check("before", doc:before("mention", 30).type, "place")
check("after", doc:after("mention", 30).type, "person")
check("inside", #doc:inside("mention", 0, 10), 1)
check("covering", #doc:covering("mention", 1, 3), 1)
check("no id key in the fields", a._id, nil)
check("remove a look-alike", doc:remove({layer = "mention", start = 39, ["end"] = 47, type = "person"}), false)
check("remove", doc:remove(a), true)
check("remove twice", doc:remove(a), false)
check("count after remove", doc:count("mention"), 1)
check("the other one stays", doc:after("mention", 0).type, "person")

-- invalid UTF-8 is refused
check("bad utf8", pcall(trawl.doc, "ab\xff"), false)
-- JSON keeps a fixed key order
check("json replaces bytes that are not UTF-8", trawl.json({name = "Debates\xe2\x80", t = "\xffé"}),
  '{"name":"Debates\u{FFFD}","t":"\u{FFFD}é"}')
check("json order", trawl.json({text = "x", start = 1, id = "a", ["end"] = 2}), '{"id":"a","text":"x","start":1,"end":2}')
-- objects of more keys than the encoder holds at first (16, 32), empty
-- tables, keys the encoder leaves out, integer keys beside names
do
  local t, want = {}, {}
  for x = 1, 40 do t[("k%02d"):format(x)] = x; want[#want + 1] = ('"k%02d":%d'):format(x, x) end
  t._hidden, t.why = 1, "w"
  check("json 40 keys", trawl.json({a = t}), '{"a":{' .. table.concat(want, ",") .. '}}')
end
check("json empty", trawl.json({a = {}, b = setmetatable({}, {__json = "object"})}), '{"a":[],"b":{}}')
check("json only skipped keys", trawl.json({a = {_x = 1}, b = {[5] = 1}}), '{"a":{},"b":{}}')
check("json array and names", trawl.json({1, 2, x = 3}), '{"x":3}')
check("json array", trawl.json({{1, "a"}, {}, {true}}), '[[1,"a"],[],[true]]')
-- escapes anywhere in a string, also inside and after runs of eight plain bytes
check("json escapes", trawl.json({"abcdefgh\"ijklmnop\1q\\rstuvwxy\127z\n\t", "12345678", "é\"€\31"}),
  '["abcdefgh\\"ijklmnop\\u0001q\\\\rstuvwxy\\u007fz\\n\\t","12345678","é\\"€\\u001f"]')

print(("%d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and 0 or 1)
