-- Speakers: for each quote, the speech verb next to it (the cue) and the
-- actor, pronoun or anonymous source next to that verb; a quote with no cue
-- of its own continues the previous speaker; "according to" an outlet
-- becomes `via`.
local SPEECH = lexicon "speech_verbs"
local ORGS = lexicon "orgs"

local PRONOUNS = {he = "person", she = "person", they = "any", it = "org", we = "any", i = "person"}
local ANON = {source = true, sources = true, official = true, officials = true, aide = true, aides = true,
  person = true, people = true, diplomat = true, diplomats = true, insider = true, insiders = true,
  spokesman = false}

local function speaker_of_mention(doc, m)
  return {name = m.name or doc:text(m.start, m["end"]), start = m.start, ["end"] = m["end"], type = m.type}
end

-- The most recent person (or org) mentioned before pos.
local function antecedent(doc, pos, want)
  local best = nil
  for m in doc:each("mention", 0, pos) do
    if want == "any" or m.type == want or (want == "person" and m.type == "person") then best = m end
  end
  return best
end

-- The speaker at tokens around a verb [vi, vj]: a mention, a pronoun, or
-- an anonymous descriptor ("a senior Russian source").
local function speaker_near(doc, vi, vj, first, last)
  -- inverted: "..., said Peskov" (the verb right after a comma or a quote)
  local function inverted()
    if vj + 1 <= last then
      local s = doc:tok(vj + 1)
      local m = doc:after("mention", s)
      if m and doc:tokat(m.start) == vj + 1 and m.type ~= "place" then return speaker_of_mention(doc, m) end
    end
  end
  if vi > first and (doc:kind(vi - 1) == "punct" or doc:kind(vi - 1) == "quote") then
    local sp = inverted()
    if sp then return sp end
  end
  -- before the verb, up to six tokens back: "Peskov said", "Peskov also told", "he said"
  for k = vi - 1, math.max(first, vi - 6), -1 do
    local w = doc:lower(k)
    if doc:kind(k) == "punct" or doc:kind(k) == "quote" then break end
    local ks, ke = doc:tok(k)
    if ANON[w] then
      -- the descriptor: back to a determiner ("a senior Russian source")
      local b = k
      while b > first and b > k - 4 and doc:kind(b - 1) == "word" and not doc:is(b - 1, "sent_start") do
        b = b - 1
        if ({a = 1, an = 1, one = 1, two = 1, three = 1, the = 1, several = 1, some = 1, five = 1})[doc:lower(b)] then break end
      end
      local bs = doc:tok(b)
      return {name = doc:text(bs, ke), anonymous = true, start = bs, ["end"] = ke}
    end
    local ms = doc:covering("mention", ks, ke)
    -- places speak only as institutions right before the verb: "Kyiv said"
    if #ms > 0 and (ms[1].type ~= "place" or k == vi - 1) then return speaker_of_mention(doc, ms[1]) end
    if PRONOUNS[w] then
      local a = antecedent(doc, ks, PRONOUNS[w] == "org" and "org" or PRONOUNS[w] == "any" and "any" or "person")
      if a then
        local sp = speaker_of_mention(doc, a)
        sp.start, sp["end"] = ks, ke
        return sp
      end
      return nil
    end
  end
  local sp = inverted()
  if sp then return sp end
  -- "said a senior official"
  for k = vj + 1, math.min(last, vj + 5) do
    if ANON[doc:lower(k)] then
      local bs = doc:tok(vj + 1)
      local _, ke = doc:tok(k)
      return {name = doc:text(bs, ke), anonymous = true, start = bs, ["end"] = ke}
    end
  end
  return nil
end

-- The outlet named by "according to X" or "X reports" in the sentence.
local function via_in(doc, ss, se)
  for i, j, entry in SPEECH:each(doc, ss, se) do
    if entry.kind == "according" or entry.report then
      for m in doc:each("mention", ss, se) do
        if m.type == "org" then
          local e = ORGS:lookup(m.name or "")
          if e and (e.outlet or e.agency or e.category == "outlet") then return m.name end
        end
      end
    end
  end
  return nil
end

rule "quote.speaker" {
  stage = "resolve",
  doc = "the cue next to each quote and the speaker next to the cue; uncued quotes continue the previous speaker",
  run = function(doc)
    local prev = nil
    for q in doc:each("quote") do
      if q.speaker then
        -- a rule already named the speaker: keep it, and let it carry on
        prev = {speaker = q.speaker, via = q.via}
        goto continue
      end
      local qi = doc:tokat(q.start)
      local k, ss, se, first, last = doc:sentence(qi)
      local ek, ess, ese, efirst, elast = doc:sentence(doc:tokat(math.max(q.start, q["end"] - 1)))
      local cue_i, cue_j
      if q._verb_first then
        cue_i, cue_j = q._verb_first, q._verb_last
      else
        -- after the quote in its last sentence, then before it in its first
        for i, j in SPEECH:each(doc, q["end"], ese) do
          local vs = doc:tok(i)
          if #doc:covering("quote", vs, vs + 1) == 0 then cue_i, cue_j = i, j break end
        end
        if not cue_i then
          for i, j in SPEECH:each(doc, ss, q.start) do
            local vs = doc:tok(i)
            if #doc:covering("quote", vs, vs + 1) == 0 then cue_i, cue_j = i, j end
          end
        end
      end
      local sp, via = nil, nil
      if cue_i then
        local cs = doc:tok(cue_i)
        local _, ce = doc:tok(cue_j)
        q.cue = {start = cs, ["end"] = ce, text = doc:text(cs, ce)}
        local c_k, c_ss, c_se, c_first, c_last = doc:sentence(cue_i)
        if q._according then
          local m = doc:after("mention", ce)
          if m and m.start < q.start then sp = speaker_of_mention(doc, m) end
        else
          sp = speaker_near(doc, cue_i, cue_j, c_first, c_last)
        end
        via = via_in(doc, c_ss, c_se)
        if via and sp and sp.name == via then via = nil end
        why(q, "cue '%s' in the quote's sentence; speaker %s", q.cue.text, sp and sp.name or "not found")
      elseif prev and q.kind == "direct" then
        sp, via = prev.speaker, prev.via
        why(q, "no cue: continues the previous quote's speaker")
      end
      if q.kind ~= "term" then
        q.speaker = sp
        q.via = via
        if sp then prev = {speaker = sp, via = via} end
      end
      ::continue::
    end
  end,
  examples = {
    ["“We are ready,” Peskov said."] = {quote = {{text = "We are ready,"}}},
  },
}
