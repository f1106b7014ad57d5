-- Quotes as whole utterances, on top of the pieces rules/quotes.lua finds:
-- a direct quote split by its attribution (“A,” he said. “B.”) is also given
-- whole, with its `parts`; and a partial quote inside a sentence (was
-- sending “phony signals”) is also given with the clause around it, from
-- its speech verb to the closing mark (kind indirect, `mixed`), which is
-- what the words in quote marks belong to.

-- Who is told, asked or assured before what they are told.
local ADDRESSEES = {reporters = true, journalists = true, lawmakers = true, mps = true, supporters = true,
  parliament = true, congress = true, delegates = true, viewers = true, listeners = true, readers = true}

-- The token index of the mark just before byte pos (the opening mark of a
-- quote whose content starts there), or nil.
local function mark_before(doc, pos)
  local k = doc:tokat(pos) - 1
  if k >= 1 and doc:kind(k) == "quote" and select(2, doc:tok(k)) == pos then return k end
  return nil
end

-- The closing mark right at byte pos, or nil.
local function mark_after(doc, pos)
  local k = doc:tokat(pos)
  if k <= doc:ntok() and doc:kind(k) == "quote" and doc:tok(k) == pos then return k end
  return nil
end

-- The sentence end without its final stop and closing marks, or the end
-- before a comma after token `from` that an attribution follows ("the
-- claims, Interfax reported").
local function clause_end(doc, last, from)
  for t = (from or last) + 1, last - 2 do
    if doc:word(t) == "," then
      local c = doc:after("cue", select(2, doc:tok(t)))
      -- (a subject between: a participle goes on with the same speaker,
      -- "called Clinton a “champion”, citing her work")
      if c and c.first >= t + 2 and c.first <= t + 3 and c.last <= last then last = t break end
    end
  end
  while last > 1 and (doc:kind(last) == "punct" or doc:kind(last) == "quote") do last = last - 1 end
  local _, e = doc:tok(last)
  return e
end

-- The first and the last cue inside [s, e), or nil: one lookup each rather
-- than a doc:each loop, as cues (rules/quotes.lua) never overlap.
local function first_cue(doc, s, e)
  local c = doc:after("cue", s)
  if c and c["end"] <= e then return c end
  return nil
end

local function last_cue(doc, s, e)
  local c = doc:before("cue", e)
  if c and c.start >= s then return c end
  return nil
end

-- Words that open a clause of its own after a quote, so a speech verb
-- after them is no attribution of it.
local CLAUSE_OPENERS = {["while"] = true, whereas = true, although = true, though = true, but = true,
  ["and"] = true, when = true, as = true, because = true, after = true, before = true, since = true}
local lower = string.lower

-- Whether a quote piece has an attribution of its own after it, as a
-- sentence of its own: '“B,” said Y' / '“B?” she asked' (the piece of
-- another utterance, not the continuation of the one before).
local function attributed_after(doc, q)
  local close = mark_after(doc, q["end"])
  local tail = doc:text(q["end"] - 1, q["end"])
  if not close or not (tail == "," or tail == "?" or tail == "!") then return false end
  -- (in the same paragraph: "...lose?” ⏎ Editor’s note: ..." is no attribution)
  local _, _, _, _, plast = doc:paragraph(close)
  local _, e = doc:tok(math.min(plast, close + 3))
  return first_cue(doc, q["end"], e) ~= nil
end

local function indirect_covers(doc, s, e)
  for _, q in ipairs(doc:covering("quote", s, e)) do
    if q.kind == "indirect" then return true end
  end
  return false
end

local NAME_ASIDE = {[","] = true, ["("] = true, [")"] = true}

rule "quote.joined" {
  stage = "quotes",
  priority = -3,   -- after the direct quotes, cues and reported clauses
  doc = "a direct quote split by its attribution ('“A,” he said. “B.”') as one quote with its parts",
  run = function(doc)
    local prev
    local direct = {}
    for q in doc:each("quote") do direct[#direct + 1] = q end
    for _, q in ipairs(direct) do
      if q.kind == "direct" and not q.parts then
        if prev then
          local close, open = mark_after(doc, prev["end"]), mark_before(doc, q.start)
          -- the attribution between may carry an apposition: “A,” said X, an economist at Y, “B.”
          if close and open and open > close + 1 and open - close <= 40 then
            local _, _, _, p1 = doc:paragraph(close)
            local _, _, _, p2 = doc:paragraph(open)
            local cue = first_cue(doc, doc:tok(close), doc:tok(open))
            -- a long attribution must start with its verb or subject right after the mark
            -- (a speaker's name and role before the verb may be longer, words only:
            -- "“…,” White House press secretary Josh Earnest said at a briefing …")
            -- (or a name, its party and state and a role in apposition: "“…,” Rep.
            -- Jim Jordan (R-Ohio), an oversight panel member, said …")
            if cue and open - close > 14 and cue.first > close + 4 then
              local words, aside = cue.first <= close + 9, cue.first <= close + 14
              for t = close + 1, cue.first - 1 do
                if doc:kind(t) ~= "word" then
                  words = false
                  if not NAME_ASIDE[doc:word(t)] then aside = false break end
                end
              end
              if not (words or (aside and doc:word(cue.first - 1) == ",")) then cue = nil end
            end
            -- the attribution ends the first piece's sentence or continues it: “A,” / “A?” / “A!”
            local tail = doc:text(prev["end"] - 1, prev["end"])
            -- and the second piece belongs to the attribution's sentence or opens
            -- the next one (not '... said last week. His aides called him “a genius”')
            local _, _, _, s2first = doc:sentence(open)
            local _, _, _, s1first = doc:sentence(close)
            -- (nor one with its own attribution: '... in Cannes. He added: “B.”')
            -- (nor one after a sentence of the writer's between: '..., told the BBC.
            -- The show featured ... “B.”')
            local apart = s2first ~= s1first and s2first ~= open and
              (doc:kind(open - 1) ~= "punct" or first_cue(doc, doc:tok(s2first), doc:tok(open)) ~= nil)
            if cue and s2first == open and select(4, doc:sentence(open - 1)) ~= select(4, doc:sentence(cue.first)) then
              apart = true
            end
            -- and the attribution opens right after the first piece, not a clause of
            -- its own: '“harm everyone”, while a spokesperson said Paris would “respond firmly”'
            local k = doc:word(close + 1) == "," and close + 2 or close + 1
            -- (the same speaker's verb may follow: '“...,” but added, “...”')
            local ends = not CLAUSE_OPENERS[lower(doc:word(k))] or (cue and cue.first == k + 1)
            if cue and ends and p1 == p2 and (tail == "," or tail == "?" or tail == "!" or doc:word(close + 1) == ",") and
                not apart and not attributed_after(doc, q) then
              doc:add("quote", prev.start, q["end"], {kind = "direct", parts = {{prev.start, prev["end"]}, {q.start, q["end"]}},
                _verb_first = cue.first, _verb_last = cue.last, _verb_entry = cue.entry})
            end
          end
        end
        prev = q
      end
    end
  end,
  examples = {
    ["“No scenario will suit us,” he said. “It is important for us to achieve our goals.”"] = {quote = {
      {text = "No scenario will suit us,", kind = "direct"},
      {text = "No scenario will suit us,” he said. “It is important for us to achieve our goals.", kind = "direct"},
      {text = "It is important for us to achieve our goals.", kind = "direct"}}},
    ["“We are ready.” Peskov spoke later. “We will see.”"] = {quote = {{text = "We are ready."}, {text = "We will see."}}},
    -- a long name and role before the verb
    ["“It works,” White House press secretary Josh Earnest said at a briefing on Monday. “And we will keep it.”"] = {quote = {
      {text = "It works,", kind = "direct"},
      {text = "It works,” White House press secretary Josh Earnest said at a briefing on Monday. “And we will keep it.", kind = "direct"},
      {text = "And we will keep it.", kind = "direct"}}},
    ["“It works,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview. “But it is wrong.”"] = {quote = {
      {text = "It works,", kind = "direct", speaker = {name = "Jim Jordan"}},
      {text = "It works,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview. “But it is wrong.", kind = "direct"},
      {text = "But it is wrong.", kind = "direct"}}},
    -- no join past a sentence of the writer's, nor into one with an attribution of its own
    ["“It would be very troubling,” she said. Home Secretary Charles Clarke has said: “We will appeal.”"] = {quote = {
      {text = "It would be very troubling,", kind = "direct"}, {text = "We will appeal.", kind = "direct"}}},
    ["“The Fed is focusing on the dollar,” Jones said. He believes it is merely shading policy. “It is a mistake.”"] = {quote = {
      {text = "The Fed is focusing on the dollar,", kind = "direct"}, {text = "it is merely shading policy", kind = "indirect"},
      {text = "It is a mistake.", kind = "direct"}}},
    -- a second piece with its own attribution is another utterance
    ['"We think we do," said Mike Lake, a spokesman. "The risks are real," said analyst Vadim Mitroshin.'] =
      {quote = {{text = "We think we do,", kind = "direct"}, {text = "The risks are real,", kind = "direct"}}},
    -- another speaker's words within the sentence are no second piece
    ["Merz warned tariffs “harm everyone”, while a spokesperson said Paris would “respond firmly” to them."] =
      {quote = {{text = "harm everyone", kind = "direct"}, {text = "respond firmly", kind = "direct"}}},
    -- a quote inside the next sentence is no second piece
    ["Not paying taxes “makes me smart,” Trump said last week. His aides called him “a genius” for it."] =
      {quote = {{text = "makes me smart,", kind = "direct"}, {text = "a genius", kind = "direct"}}},
  },
}

-- Words that open an adverbial after a speech verb (and its addressee).
local ADVERBIAL = {after = true, before = true, ["while"] = true, when = true, during = true,
  following = true}
-- The token after a cue and the one it addresses ("told Reuters after").
local function past_object(doc, cue)
  local from = cue.last + 1
  local m = cue.entry.object and doc:after("mention", select(2, doc:tok(cue.last)))
  if m and doc:tokat(m.start) == from then from = doc:tokat(m["end"] - 1) + 1 end
  return math.min(from, doc:ntok())
end

-- Does a person's name end at token k?
local function person_before(doc, k)
  if k < 1 then return false end
  local s, e = doc:tok(k)
  for _, m in ipairs(doc:covering("mention", s, e)) do
    if m.type == "person" and m["end"] == e then return true end
  end
  return false
end

rule "quote.mixed" {
  stage = "quotes",
  priority = -3,
  doc = "a partial quote inside a sentence with the clause its speech verb governs: 'called the move “reckless”'",
  run = function(doc)
    local quotes = {}
    for q in doc:each("quote") do quotes[#quotes + 1] = q end
    for _, q in ipairs(quotes) do
      if q.kind == "direct" and not q.parts and not indirect_covers(doc, q.start, q["end"]) then
        local open, close = mark_before(doc, q.start), mark_after(doc, q["end"])
        local _, ss, _, first, last = doc:sentence(doc:tokat(q.start))
        -- a partial quote: words of the sentence before its opening mark
        if open and close and open > first + 1 and doc:word(open - 1) ~= ":" then
          -- to the end of the clause ("were “well-paid,” making between $30,000 and
          -- $60,000 a year"), unless an attribution follows the mark (“...,” he said)
          local _, e = doc:tok(close)
          -- (looking no further than the paragraph: a verb after it attributes nothing here)
          local _, _, _, _, plast = doc:paragraph(close)
          local attributed = first_cue(doc, e, select(2, doc:tok(math.min(plast, close + 4))))
          if not attributed and close < last then e = math.max(e, clause_end(doc, last, close)) end
          local cue = last_cue(doc, ss, doc:tok(open))
          -- (a verb inside another reported clause: the partial quote is that clause's)
          if cue and indirect_covers(doc, cue.start, cue["end"]) then cue = nil end
          local s
          if cue and cue.last + 2 == open and doc:kind(open - 1) == "punct" then
            -- 'Putin responded, “Let them resume.”': the whole quote is what was said
            cue = nil
          elseif cue and doc:word(open - 1) == "," and open < last and doc:is(open + 1, "title") and
              ADVERBIAL[doc:lower(past_object(doc, cue))] then
            -- 'told Reuters after addressing a meeting, “By early in the next
            -- century, ...”': a sentence quoted whole after a comma that ends
            -- an adverbial is what was said, not part of a clause (unlike
            -- 'the words, “Hillary Clinton.”', 'things such as, “We're not ...”')
            cue = nil
          elseif cue and cue.last + 1 < open and doc:word(cue.last + 1) == "," then
            -- "Black Americans, he said, can “rock like Jimi”": a parenthetical
            -- attribution, whose sentence quote.reported takes whole
            cue = nil
          elseif cue and attributed and doc:kind(open - 1) == "punct" then
            -- 'stressed that it is complex, “it’s not easy,” he said': the quote
            -- has its own verb after it; the reported clause ended at the comma
            cue = nil
          elseif cue and doc:kind(open - 1) == "dash" and person_before(doc, open - 2) then
            -- 'including Mitt Romney -- “It is disqualifying ...” --': a quote
            -- after a person and a dash is theirs, no part of the verb's clause
            -- (unlike 'to welcome the governor - “my new best friend.”')
            cue = nil
          elseif cue and cue.last + 1 == open then
            -- 'Mr Peskov said “there are no such plans”': the quote right after
            -- its verb is what was said, with no clause around it
            cue = nil
          elseif cue and open - cue.last <= 15 and cue.last + 1 < open then
            -- from the verb's object or "that": “called North Korea's “reckless” actions”
            -- (past an addressee: 'told BBC News people's lives “revolved around hunting”')
            local from = past_object(doc, cue)
            if from >= open then from = cue.last + 1 end
            -- ("told Labour supporters he's “back”")
            if cue.entry.object and ADDRESSEES[doc:lower(from)] and from + 1 < open then
              from = from + 1
            end
            s = doc:tok(from)
            for t = cue.last + 1, open - 1 do
              if doc:lower(t) == "that" then s = doc:tok(t) break end
            end
          else
            -- “The country “has made changes,” Obama said”: the sentence up to the mark
            -- (after a comma or "and": '“control orders” mean anyone suspected of' has none;
            -- 'exhorted Republicans to “vote your conscience” and said' has)
            local _, lim = doc:tok(math.min(plast, close + 4))
            local after = first_cue(doc, e, math.max(e, lim))
            local comma = doc:text(q["end"] - 1, q["end"]) == "," or (close < doc:ntok() and (doc:word(close + 1) == "," or doc:word(close + 1) == "and"))
            if after and comma then cue, s = after, doc:tok(first) end
          end
          if cue and s and s < q.start and e > q.start and not indirect_covers(doc, s, e) then
            doc:add("quote", s, e, {kind = "indirect", mixed = true, _verb_first = cue.first, _verb_last = cue.last,
              _verb_entry = cue.entry})
          end
        end
      end
    end
  end,
  examples = {
    ["Asked about talks, Mr Peskov said “there are no such plans”, adding that nothing had changed."] = {quote = {
      {text = "there are no such plans", kind = "direct"}, {text = "that nothing had changed", kind = "indirect"}}},
    ["The minister described the incident as a “terrible situation” for the town."] = {quote = {
      {text = "the incident as a “terrible situation” for the town", kind = "indirect"},
      {text = "terrible situation", kind = "direct"}}},
    ["The Kremlin said it “categorically rejects” the claims, Interfax reported."] = {quote = {
      {text = "it “categorically rejects” the claims", kind = "indirect"}, {text = "categorically rejects", kind = "direct"}}},
    ["The country “has made dramatic changes,” Obama said."] = {quote = {
      {text = "The country “has made dramatic changes,”", kind = "indirect"}, {text = "has made dramatic changes,"}}},
    ["“This isn't tax reform,” said Douglas Holtz-Eakin, an economist at the Budget Office. “It's anti-reform.”"] = {
      quote = {{text = "This isn't tax reform,"},
               {text = "This isn't tax reform,” said Douglas Holtz-Eakin, an economist at the Budget Office. “It's anti-reform."},
               {text = "It's anti-reform."}}},
    ["He said: “We are ready.”"] = {quote = {{text = "We are ready.", kind = "direct"}}},
    ["Joe McMillan told Reuters after addressing a meeting in Houston, “By early in the next century, synthetics should play a role.”"] = {
      quote = {{text = "By early in the next century, synthetics should play a role.", kind = "direct"}}},
    -- (a quote after the verb's object and a comma is still part of its clause)
    ["He recalled things such as, “We are not all meant to be equal, you know.”"] = {quote = {
      {text = "things such as, “We are not all meant to be equal, you know.”", kind = "indirect"},
      {text = "We are not all meant to be equal, you know.", kind = "direct"}}},
    ["Farmer Geoff Brooks told BBC News people's lives “revolved around hunting”."] = {quote = {
      {text = "people's lives “revolved around hunting”", kind = "indirect"}, {text = "revolved around hunting", kind = "direct"}}},
    ["He told reporters the plan was “dead”."] = {quote = {
      {text = "the plan was “dead”", kind = "indirect"}, {text = "dead", kind = "direct"}}},
    ["Clarke's planned “control orders” mean anyone suspected of terrorism could be held."] = {quote = {
      {text = "control orders", kind = "direct"}}},
  },
}
