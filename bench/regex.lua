-- Bench: PCRE2 regexes over the corpus, the way rules use them (rx:each over
-- a doc), one core. Prints MB/s per regex and for the set.
--   LUA_CPATH='build/?.so' lua5.4 bench/regex.lua CORPUS.jsonl
local trawl = require "trawl"
local clock = os.clock
local texts, bytes = {}, 0
for line in io.lines(arg[1]) do
  local rec = trawl.json_decode(line)
  if type(rec) == "table" and type(rec.text) == "string" then texts[#texts + 1] = rec.text; bytes = bytes + #rec.text end
end
local docs = {}
for i, t in ipairs(texts) do docs[i] = trawl.doc(t) end
local set = {
  {"speech verbs", [=[\b(said|says|told|added|asked|stated|explained|insisted|warned|noted|wrote)\b]=]},
  {"percent", [=[\b\d+(?:\.\d+)?\s?(?:%|per ?cent)]=]},
  {"money", [=[[$£€]\s?\d[\d,.]*\s?(?:m|bn|million|billion|trillion)?\b]=]},
  {"capitalised run", [=[\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+]=]},
  {"quoted span", [=[[“"][^”"]{1,400}[”"]]=]},
  {"dates", [=[\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b]=]},
}
local total, all = 0, 0
for _, r in ipairs(set) do
  local rx = trawl.re(r[2])
  local n, t0 = 0, clock()
  for _, d in ipairs(docs) do for _ in rx:each(d) do n = n + 1 end end
  local dt = clock() - t0
  total, all = total + dt, all + n
  print(("  regex %-16s %8.1f MB/s  %7d matches"):format(r[1], bytes / 1e6 / dt, n))
end
print(("regex (%d patterns, one pass each): %.1f MB/s per pattern on average, %.0f articles/s for the set, %d matches")
  :format(#set, bytes / 1e6 / (total / #set), #docs / total, all))
