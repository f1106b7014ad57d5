-- Direct quotes: text between a pair of opening and closing quote marks,
-- with the speaker taken from a nearby "X said" / "said X".
local SPEECH = re([[\b(said|says|told|added|asked|stated|explained|insisted|warned|noted|wrote)\b]])

local function find_close(doc, i)
  local _, _, _, _, plast_tok = doc:paragraph(i)
  for j = i + 1, plast_tok do
    if doc:kind(j) == "quote" and doc:is(j, "close") then return j end
  end
  return nil, plast_tok
end

rule "quote.direct" {
  stage = "quotes",
  doc = "a span between opening and closing quote marks",
  run = function(doc)
    local n = doc:ntok()
    local i = 1
    while i <= n do
      if doc:kind(i) == "quote" and doc:is(i, "open") then
        local j = find_close(doc, i)
        if j and j > i + 1 then
          local _, s = doc:tok(i)
          local e = doc:tok(j)
          doc:add("quote", s, e, {kind = "direct", speaker = nil})
          i = j
        end
      end
      i = i + 1
    end
  end,
}

rule "quote.speaker_nearby" {
  stage = "resolve",
  doc = "the speaker is the closest mention next to a speech verb near the quote",
  run = function(doc)
    for q in doc:each("quote") do
      local k, ss, se = doc:sentence(doc:tokat(q.start))
      local cs, ce
      if se > q["end"] then cs, ce = SPEECH:find(doc, q["end"], se) end
      if not cs and q.start > ss then cs, ce = SPEECH:find(doc, ss, q.start) end
      if cs then
        q.cue = {start = cs, ["end"] = ce}
        local m = doc:after("mention", ce)
        if m and m.start - ce < 30 and m.type == "person" then
          q.speaker = {name = m.name or doc:text(m.start, m["end"]), start = m.start, ["end"] = m["end"]}
        else
          m = doc:before("mention", cs)
          if m and cs - m["end"] < 30 then
            q.speaker = {name = m.name or doc:text(m.start, m["end"]), start = m.start, ["end"] = m["end"]}
          end
        end
      end
      local _ = k
    end
  end,
}
