-- Prints the quotes of an article with their speakers, using the trawl Lua
-- module. Run: lua5.4 quotes.lua ARTICLE.txt  (trawl.so on package.cpath)
local trawl = require "trawl"

local path = arg[1] or error("usage: lua5.4 quotes.lua ARTICLE")
local f = assert(io.open(path, "rb"))
local text = f:read("a")
f:close()

local eng <close> = trawl.engine{}
local rec = eng:analyse(text, {id = path})
if rec.error then
  io.stderr:write("quotes: ", rec.error.message, "\n")
  os.exit(1)
end
for _, q in ipairs(rec.quotes) do
  local who = q.speaker ~= trawl.null and q.speaker.name or "(unattributed)"
  print(("%d-%d %s: \"%s\""):format(q.start, q["end"], who, q.text))
end
