-- Bench for issue 3: a 20-rule token-pattern set and a 100,000-entry lexicon
-- over the news corpus (or a synthetic one), one core, in MB/s.
--   LUA_CPATH='build/?.so' lua5.4 bench/patterns.lua [corpus.jsonl]
local trawl = require "trawl"
local clock = os.clock

local path = arg[1] or "../shared/bench/corpus/news.jsonl"
local texts, bytes = {}, 0
local f = io.open(path, "r")
if f then
  for line in f:lines() do
    local rec = trawl.json_decode(line)
    if rec and rec.text then texts[#texts + 1] = rec.text; bytes = bytes + #rec.text end
  end
  f:close()
else
  -- synthetic: the example articles, repeated to ~10 MB
  local dir = "examples/articles"
  local names = trawl.listdir(dir)
  local base = {}
  for _, n in ipairs(names) do
    if n:match("%.txt$") then base[#base + 1] = trawl.readfile(dir .. "/" .. n) end
  end
  while bytes < 10e6 and #base > 0 do
    for _, t in ipairs(base) do texts[#texts + 1] = t; bytes = bytes + #t end
  end
  path = "synthetic corpus from " .. dir
end
print(("corpus: %s (%d articles, %.1f MB)"):format(path, #texts, bytes / 1e6))

local speech = trawl.lexicon{entries = {"said", "says", "told", "added", "warned", "claimed", "stated",
  "according to", "argued", "insisted", "announced", "explained"}}
local P = function(spec) return trawl.pattern(spec, {lexicon = {speech = speech}}) end
local NUM = {number = true}
local patterns = {
  P{ {title = true, capture = "who"}, {title = true, op = "*", capture = "who"}, {lower = {"said", "told", "says"}} },
  P{ {alt = { {{lower = "more"}, {lower = "than"}}, {{lower = "at"}, {lower = "least"}}, {{lower = "about"}}, {{lower = "around"}} }, capture = "hedge"}, NUM },
  P{ NUM, {lower = {"%", "percent", "per cent"}} },
  P{ {kind = "currency"}, NUM, {lower = {"million", "billion", "bn", "m", "trillion"}, op = "?"} },
  P{ {title = true, sent_start = false}, {title = true, op = "+"} },
  P{ {open = true}, {["not"] = {close = true}, op = "{1,60}"}, {close = true} },
  P{ {lower = "according"}, {lower = "to"}, {title = true, op = "+", capture = "src"} },
  P{ {lower = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"}, title = true}, {number = true, op = "?"} },
  P{ {regex = "(19|20)\\d\\d"} },
  P{ {sent_start = true, title = true}, {title = true, op = "*"}, {lexicon = "speech"} },
  P{ {lower = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr."}}, {title = true, op = "+", capture = "name"} },
  P{ NUM, {lower = {"people", "troops", "soldiers", "jobs", "workers", "children", "users"}} },
  P{ {upper = true, word = true, op = "+"} },
  P{ {lexicon = "speech", capture = "v"}, {title = true, op = "+", capture = "who"} },
  P{ {shape = {"dd:dd", "d:dd"}} },
  P{ {kind = "number", op = "{2,}"} },
  P{ {lower = "the"}, {title = true, op = "+"}, {lower = {"said", "says"}} },
  P{ {title = true}, {lower = "of"}, {lower = "the", op = "?"}, {title = true} },
  P{ {word = true, op = "{1,3}"}, {lower = {"rose", "fell", "jumped", "dropped"}}, NUM },
  P{ {lower = {"chief", "head", "minister", "president", "director"}}, {lower = "of", op = "?"}, {title = true, op = "*"} },
}
assert(#patterns == 20)

-- one doc at a time, as the engine does; the tokenizer's share is timed apart
local function run(each_doc)
  local t_doc, t_run, n = 0, 0, 0
  for _, t in ipairs(texts) do
    local a = clock()
    local d <close> = trawl.doc(t)
    local b = clock()
    n = n + each_doc(d)
    t_doc, t_run = t_doc + (b - a), t_run + (clock() - b)
  end
  return t_doc, t_run, n
end

local t_tok, t_pat, nmatch = run(function(d)
  local n = 0
  for _, p in ipairs(patterns) do
    for _ in p:each(d) do n = n + 1 end
  end
  return n
end)
print(("tokenize + split:          %7.1f MB/s"):format(bytes / 1e6 / t_tok))
print(("20 token patterns:         %7.1f MB/s (%d matches, %.2f s; with tokenizing %.1f MB/s)"):format(
  bytes / 1e6 / t_pat, nmatch, t_pat, bytes / 1e6 / (t_pat + t_tok)))

-- a 100,000-entry lexicon: the corpus's capitalised one- to three-word runs,
-- topped up with made-up names
local seen, entries = {}, {}
for _, t in ipairs(texts) do
  local d <close> = trawl.doc(t)
  local n = d:ntok()
  local i = 1
  while i <= n and #entries < 100000 do
    if d:is(i, "title") and d:kind(i) == "word" then
      local j = i
      while j < n and j < i + 2 and d:is(j + 1, "title") do j = j + 1 end
      local s = d:tok(i); local _, e = d:tok(j)
      local name = d:text(s, e)
      if not seen[name] then seen[name] = true; entries[#entries + 1] = name end
      i = j + 1
    else
      i = i + 1
    end
  end
  if #entries >= 100000 then break end
end
local k = 0
while #entries < 100000 do
  k = k + 1
  entries[#entries + 1] = ("Zq%dx Name%d"):format(k, k)
end
local lines = {"lexicon: bench", "type: name", "case: smart", "entries:"}
for i, e in ipairs(entries) do lines[i + 4] = "  - " .. ("%q"):format(e) end
local yaml = table.concat(lines, "\n")
local t0 = clock()
local lex = trawl.lexicon(yaml, "bench.yaml")
local t_load = clock() - t0
print(("100,000-entry lexicon load: %6.2f s from YAML (%d entries)"):format(t_load, lex:size()))

local t_tok2, t_lex, nlex = run(function(d)
  local n = 0
  for _ in lex:each(d) do n = n + 1 end
  return n
end)
print(("100,000-entry lexicon:     %7.1f MB/s (%d matches, %.2f s; with tokenizing %.1f MB/s)"):format(
  bytes / 1e6 / t_lex, nlex, t_lex, bytes / 1e6 / (t_lex + t_tok2)))
