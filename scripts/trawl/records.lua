-- Reading trawl's own records back: JSON Lines files and the links inside
-- a record (a quote's speaker to the actor it names). The view and the
-- report work from records, so they work on output made anywhere.
local R = {}

-- The index of the actor a quote's speaker resolves to: the actor with the
-- speaker's mention, else the one with the speaker's (actor) name.
function R.speaker_actor(sp, actors)
  if type(sp) ~= "table" then return nil end
  if sp.start then
    for i, a in ipairs(actors) do
      for _, m in ipairs(a.mentions or {}) do
        if m.start == sp.start and m["end"] == sp["end"] then return i end
      end
    end
  end
  for i, a in ipairs(actors) do
    if a.name == sp.actor or a.name == sp.name then return i end
  end
  return nil
end

-- The records in a JSON Lines file; each bad line calls bad(lineno, message).
function R.read_jsonl(path, bad)
  local src, err = host.readfile(path)
  if not src then return nil, err end
  local out, n = {}, 0
  for line in (src .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    if line:find("%S") then
      local rec, jerr = host.json_decode(line)
      if type(rec) == "table" then out[#out + 1] = rec else bad(n, tostring(jerr)) end
    end
  end
  return out
end

return R
