-- Quotes: direct speech between quote marks (also a paragraph left open and
-- reopened in the next), scare quotes as terms, reported speech after a
-- speech verb ("said (that) ...", "told X that ...", "..., a source said",
-- "according to X, ..."), and the speaker, cue and relaying outlet of each.
local SPEECH = lexicon "speech_verbs"

local PRONOUNS = {he = "person", she = "person", they = "any", it = "org", we = "any", i = "person"}
local PREPS = {on = true, ["in"] = true, at = true, during = true, late = true, earlier = true, last = true, this = true}
local PP_BEFORE_PRONOUN = {after = true, before = true, during = true, following = true, at = true, ["in"] = true,
  on = true}
-- nouns of what someone says that take its clause: "reports that ..."
local CLAIM_NOUN = {}
for w in ([[report reports claim claims allegation allegations suggestion suggestions assertion assertions
  rumour rumours rumor rumors speculation fears fear accusation accusations charge charges]]):gmatch("%a+") do
  CLAIM_NOUN[w] = true
end
local TIME_WORDS = {week = true, month = true, year = true, morning = true, evening = true, night = true, afternoon = true,
  weekend = true, day = true}
local SO_CALLED = {["so-called"] = true, dubbed = true, termed = true, called = true, labelled = true, labeled = true}

-- Is the naming word at token k ("called", "dubbed") a speaker's verb, its
-- subject a name or pronoun right before it ("Moscow called", "he
-- labelled it")? Not a participle after a noun: "a group called".
-- pronouns that are only subjects ("it" and "you" may be objects)
local NOMINATIVE = {i = true, we = true, they = true, he = true, she = true}
local function called_by_speaker(doc, k)
  if doc:lower(k) == "so-called" or k < 2 then return false end
  local p = k - 1
  local w = doc:lower(p)
  if NOMINATIVE[w] then return true end
  return doc:is(p, "title") and not doc:is(p, "sent_start") and doc:kind(p) == "word" and
    doc:covered("mention", doc:tok(p)) > 0
end

-- Quote marks, found through the doc's index of tokens by kind: the loops
-- below visit only the marks, not every token.
local MARK = pattern{{kind = "quote"}}
local DOUBLE = {["“"] = true, ["”"] = true, ["\""] = true, ["''"] = true}
local OPENING = pattern{{kind = "quote", open = true}}

-- The closing mark for the opening mark at token i, within its paragraph;
-- "open" when the paragraph ends first and the next paragraph reopens.
local function find_close(doc, i)
  local _, _, pe, _, plast = doc:paragraph(i)
  local curly, word = doc:is(i, "curly"), doc:word(i)
  local depth = 0
  local double = DOUBLE[word] or false
  for j in MARK:each(doc, select(2, doc:tok(i)), pe) do
    if doc:is(j, "close") then
      -- (a single mark closes no double one: "the fabric of America’ s
      -- culture" has an apostrophe)
      if depth == 0 and (DOUBLE[doc:word(j)] or false) == double then return j end
      if depth > 0 then depth = depth - 1 end
    elseif doc:is(j, "open") and doc:word(j) ~= word and (doc:is(j, "curly") == curly or DOUBLE[doc:word(j)]) then
      -- a quote inside: another kind of mark of the same style, or a double
      -- mark of the other style ("… the question: “Is she fit?” Forty-three …")
      depth = depth + 1
    end
  end
  if plast < doc:ntok() and doc:kind(plast + 1) == "quote" and doc:is(plast + 1, "open") then
    return plast, true
  end
  return nil
end

-- Nouns naming a work, whose title follows in quote marks: "the
-- documentary “13th”", "his book, “Make Your Kid a Millionaire,”",
-- "broadcast of “Fox News Sunday”", "known as the “Buffett rule”".
local WORKS = {}
for w in ("show programme program book film movie documentary album song single anthem series broadcast " ..
    "episode column novel memoir play musical podcast newsletter titled entitled headlined " ..
    "headline slogan hashtag"):gmatch("%a+") do
  WORKS[w] = true
end
-- (A title starts with a capital: "called the film “pornographic”" and
-- "a series of “guerilla gigs”" are no titles; a slogan, headline or
-- name "known as" may be in lower case.)
local ANY_CASE = {slogan = true, headline = true, headlined = true, hashtag = true}
local OF_WORK = {episode = true, broadcast = true, edition = true}
-- (and a show in capitals after an outlet's name: "told MSNBC's “Morning Joe”")
local ORGS = lexicon "orgs"
-- (no word of four letters or more in lower case between the marks)
local TITLE_PREP = {on = true, ["in"] = true, of = true, ["for"] = true, from = true, at = true}
local function title_case(doc, i, j)
  for t = i + 1, j - 1 do
    if doc:kind(t) == "word" and doc:is(t, "lower") and #doc:word(t) > 3 then return false end
  end
  return true
end
local function outlets_show(doc, k, i, j)
  local w = doc:word(k)
  local bare = w:match("^(.-)'s$") or w:match("^(.-)’s$")
  local o = bare and ORGS:lookup(bare)
  if not (o and (o.outlet or o.category == "outlet")) then return false end
  return title_case(doc, i, j)
end
local function titled(doc, i, j)
  if doc:is(i, "para_start") then return false end   -- (not the word ending the paragraph before)
  local k = i - 1
  if k > 1 and doc:word(k) == "," then k = k - 1 end
  if k < 1 then return false end
  local w = doc:lower(k)
  local capital = i < doc:ntok() and not doc:is(i + 1, "lower")
  if j and capital and k == i - 1 and outlets_show(doc, k, i, j) then return true end
  -- (a title in title case after a preposition: "a reality TV boss on “The
  -- Apprentice,”", "a role in “Love Actually”")
  -- (not a cry: "chants of “Bobby!”")
  if j and capital and k == i - 1 and TITLE_PREP[w] and j - i <= 6 and title_case(doc, i, j) and
      doc:word(j - 1) ~= "!" and doc:word(j - 1) ~= "?" then
    return true
  end
  if WORKS[w] then return capital or ANY_CASE[w] ~= nil end
  if w == "of" and k > 1 and OF_WORK[doc:lower(k - 1)] then return capital end   -- "episode of"
  if w == "the" and k > 2 and doc:lower(k - 1) == "as" and doc:lower(k - 2) == "known" then return true end
  return w == "as" and k > 1 and doc:lower(k - 1) == "known"
end

rule "quote.direct" {
  stage = "quotes",
  doc = "a span between opening and closing quote marks; short ones after 'so-called' are terms",
  run = function(doc)
    local done = 0   -- the last token of the last quote
    for i in OPENING:each(doc) do
      if i > done then
        local j, open_end = find_close(doc, i)
        if j and j > i + (open_end and 0 or 1) then
          -- (the words only, without spaces inside the marks: '“ It is', 'react, ”')
          local s = doc:tok(i + 1)
          local e
          if open_end then _, e = doc:tok(j) else _, e = doc:tok(j - 1) end
          local kind = "direct"
          -- (not what a speaker called something: "a proposal that Moscow
          -- called “extremely confrontational”", "he labelled it “a disgrace”")
          if i > 1 and SO_CALLED[doc:lower(i - 1)] and j - i <= 4 and not called_by_speaker(doc, i - 1) then
            kind = "term"
          end
          if j - i <= 9 and titled(doc, i, j) then kind = "term" end
          -- one letter between marks names the letter ('a "B" quote') or is
          -- the apostrophes of "rock 'n' roll"
          if e - s == 1 and j == i + 2 then kind = doc:lower(i + 1) == "n" and "skip" or "term" end
          -- a nickname inside a name: Marcia “Cia” Price
          if j - i <= 3 and i > 1 and j < doc:ntok() and doc:is(i - 1, "title") and doc:is(j + 1, "title") and
              doc:kind(i - 1) == "word" and doc:kind(j + 1) == "word" and not doc:is(j + 1, "sent_start") and
              doc:is(i + 1, "title") then
            kind = "term"
          end
          if kind ~= "skip" then doc:add("quote", s, e, {kind = kind, _first = i + 1, _last = open_end and j or j - 1}) end
          done = j
        end
      end
    end
  end,
  examples = {
    ["He said: “No scenario will suit us.”"] = {quote = {{text = "No scenario will suit us.", kind = "direct"}}},
    -- a speech verb's noun after a possessive is no cue
    ['The piece used one of the woman’s quotes as its headline: “Finally, someone who thinks like me.”'] = {cue = {}},
    -- one letter between marks is no speech
    ["Rock 'n' roll legend Elvis topped the chart. They asked for a non-competitive - or \"B\" - quote."] = {quote = {
      {text = "B", kind = "term"}}},
    -- a closing mark typed with a space before it; the words without the space
    ['He left. "It was a blur. Sometimes you react, " added Prutton.'] = {quote = {{text = "It was a blur. Sometimes you react,", kind = "direct"}}},
    ["its so-called “de-Nazify” aim"] = {quote = {{text = "de-Nazify", kind = "term"}}},
    -- what a named speaker called something is what they said; a group called so is named
    ["a proposal that Moscow called “extremely confrontational”, by a group called “Fathers 4 Justice”"] = {quote = {
      {text = "extremely confrontational", kind = "direct"}, {text = "Fathers 4 Justice", kind = "term"}}},
    -- the title of a work
    ["Johnson tells the show “Morning Joe” about it. In his book, “Make Your Kid a Millionaire,” he wrote more."] = {quote = {
      {text = "Morning Joe", kind = "term"}, {text = "Make Your Kid a Millionaire,", kind = "term"}}},
    ["He called the film “pornographic and sensational”."] = {quote = {{text = "pornographic and sensational", kind = "direct"}}},
    -- a title in title case after a preposition (not a cry)
    ["He was a boss on “The Apprentice,” and spoke on “Face the Nation.” The crowd broke into chants of “Bobby!”"] = {quote = {
      {text = "The Apprentice,", kind = "term"}, {text = "Face the Nation.", kind = "term"}, {text = "Bobby!", kind = "direct"}}},
    -- a nickname inside a name; "state" before a title is a noun
    ["Antonio “LA” Reid, chairman of the group, said: “It is good.”"] = {quote = {
      {text = "LA", kind = "term"}, {text = "It is good.", kind = "direct"}}},
    ["She said: “We are not accepted within the fabric of America’ s systems. We fight.”"] = {quote = {
      {text = "We are not accepted within the fabric of America’ s systems. We fight.", kind = "direct"}}},
  },
}

local function in_quote(doc, s, e)
  return doc:covered("quote", s, e) > 0
end

-- past forms that are no "-ed" (finite_verb, noun_use)
local IRREGULAR_PAST = {}
for w in ([[rose fell went came made took gave got knew thought saw told said began became left kept held
  brought felt found meant ran won lost paid sent spent stood understood wrote spoke broke chose grew drew
  flew threw led met put set cut hit let sold sought fought built bought caught taught struck spread
  hurt quit shut lent dealt fled hung laid slid stuck swept swung rode shook sank slept stole swore swam
  tore woke wore ate drove froze hid sprang]]):gmatch("%a+") do
  IRREGULAR_PAST[w] = true
end

-- A verb that is also a noun ("state", "report", "question", "remarks"),
-- in its base or -s form after a determiner, is the noun.
local NP_START = {a = true, an = true, the = true, this = true, his = true, her = true, its = true, their = true,
  our = true, such = true, one = true, ["'s"] = true, ["’s"] = true}
-- lower-case words after a plural noun that are no verb of it
local NOT_VERB = {}
for w in ([[of in on at to for from with by about over under into onto and or but than as like after before
  since during without within between among against toward towards upon per via nor so yet the a an this
  that these those such its his her their our your my no every each all some any both which who whose
  where when while whereas although though because if unless until near across behind beyond last next
  early late ago this]]):gmatch("%a+") do
  NOT_VERB[w] = true
end
-- verbs in the base form that are seldom nouns: after a plural or a name
-- they are the present of a plural subject ("Millions of people in Britain
-- take aspirin", "Britons want change")
local PRESENT_BASE = {}
for w in ([[take make want believe know feel say spend buy live expect remain continue agree
  disagree prefer tend seem lack earn get see keep give worry struggle rely depend oppose understand
  refuse admit deny insist]]):gmatch("%a+") do
  PRESENT_BASE[w] = true
end
local S_VERB = {goes = true, comes = true, means = true, needs = true, looks = true, becomes = true, seems = true}
local PLURAL_WORD = {people = true, children = true, men = true, women = true, police = true}
-- words that open a verb's object after a short noun phrase ("an internal
-- review shows no one ...", "the company expects a loss")
local OBJECT_START = {a = true, an = true, no = true, nothing = true, that = true, its = true, his = true,
  her = true, their = true, our = true, this = true, these = true, some = true, little = true}
local NOUN_PREP = {without = true, with = true, of = true, ["for"] = true, on = true, ["in"] = true, about = true,
  over = true, from = true, under = true, against = true, amid = true, despite = true, by = true}
local DEMONYMS = lexicon "demonyms"
local NOUN_ADJ = {strong = true, weak = true, high = true, low = true, firm = true, poor = true, good = true,
  new = true, fresh = true, growing = true, consumer = true, export = true, import = true, market = true,
  customer = true, further = true, similar = true, repeated = true, ["false"] = true, wild = true}
local VERB_AFTER_NOUN = {is = true, was = true, were = true, are = true, has = true, had = true, will = true,
  would = true, could = true, can = true, may = true, might = true, should = true, must = true}
local MODAL = {can = true, could = true, will = true, would = true, shall = true, should = true, may = true,
  might = true, must = true, ["do"] = true, does = true, did = true, ["not"] = true, ["n't"] = true}
-- words that open what a verb says or names ("state that", "claim the title")
local VERB_OBJECT_START = {that = true, the = true, a = true, an = true, his = true, her = true, its = true,
  their = true, our = true, this = true, these = true, those = true, what = true, how = true, why = true,
  whether = true, ["if"] = true, to = true, no = true, all = true, some = true, any = true, it = true,
  them = true, him = true, us = true, me = true, you = true}
-- words whose "'s" is "is" or "has"
local CONTRACTED = {that = true, there = true, what = true, who = true, where = true, here = true, let = true,
  this = true, how = true, why = true, when = true, everyone = true, nobody = true, somebody = true,
  everything = true, nothing = true, something = true}
local function noun_use(doc, i, entry)
  -- a possessive is a noun's: "the state's 497 municipalities"
  if doc:is(i, "apostrophe") and doc:lower(i):find("'s?$") then return true end
  -- an -ing form after an article is a noun: "at a briefing", "the warning"
  if i > 1 and doc:lower(i):find("ing$") and NP_START[doc:lower(i - 1)] then return true end
  local w, lemma = doc:lower(i), entry.lemma or ""
  -- after a common noun's possessive, any verb's base or -s form is a noun:
  -- "one of the woman’s quotes" (not a contraction's "'s", "that's")
  if i > 1 and (w == lemma or w == lemma .. "s") and not (i < doc:ntok() and doc:lower(i + 1) == "that") and
      doc:is(i - 1, "lower") then
    local base = doc:lower(i - 1):match("^(.-)['’]s$")
    if base and not PRONOUNS[base] and not CONTRACTED[base] then return true end
  end
  if not entry.noun then return false end
  if w ~= lemma and w ~= lemma .. "s" and w ~= lemma .. "es" then return false end
  -- after a name's possessive, a noun: "Mrs. Clinton's remark", "Trump's claim"
  -- (not a pronoun's "'s", which is "is" or "has": "he's"; "Moody's said"
  -- is no noun's form)
  -- (one with its content clause reports it still: "Trump's claim that there
  -- have been ...")
  if i > 1 and not (i < doc:ntok() and doc:lower(i + 1) == "that") then
    local p = doc:lower(i - 1)
    if p:find("'s$") and doc:is(i - 1, "title") and not PRONOUNS[p:sub(1, -3)] then return true end
  end
  -- right after a preposition, the base or -s form is a noun too: "without guarantees"
  if i > 1 and NOUN_PREP[doc:lower(i - 1)] then return true end
  -- "demand from", "claims of": a noun's complement; "demand is likely",
  -- "claims were rejected": a subject before its verb
  local nxt = i < doc:ntok() and doc:lower(i + 1)
  -- (not after a plural or a pronoun, its subject: "which critics claim would")
  if nxt == "of" or nxt == "from" then return true end
  -- the base form before a noun modifies it: "state law", "state media"
  -- (not before what is stated: "state the obvious", "state that")
  -- (where no subject, "to" or modal comes before it: "federal and state
  -- law", not "tried to blame low-level workers", "Clinton call them")
  local pw = i > 1 and doc:lower(i - 1) or ""
  local subject_before = i > 1 and (PRONOUNS[pw] or pw == "to" or VERB_AFTER_NOUN[pw] or MODAL[pw] or
    doc:is(i - 1, "title") or (pw:sub(-1) == "s" and pw:sub(-2) ~= "ss" and doc:is(i - 1, "lower")))
  if w == lemma and nxt and not subject_before and doc:is(i + 1, "lower") and doc:kind(i + 1) == "word" and
      not VERB_OBJECT_START[nxt] and not PRONOUNS[nxt] and not nxt:find("ly$") and not VERB_AFTER_NOUN[nxt] then
    return true
  end
  -- before a past, a subject: "Oil demand rose", "Gasoline demand fell
  -- sharply" (not after a pronoun, "to" or a modal: "they claim credited")
  if nxt and (w == lemma or w == lemma .. "s") and doc:is(i + 1, "lower") and
      not (PRONOUNS[pw] or pw == "to" or MODAL[pw]) and (IRREGULAR_PAST[nxt] or nxt:find("[^e]ed$")) then
    return true
  end
  -- before a title written short, a noun: "state Del. Marcia Price", "state Sen."
  if nxt and doc:is(i + 1, "title") and nxt:sub(-1) == "." and #nxt <= 5 then return true end
  if VERB_AFTER_NOUN[nxt] then
    local p = i > 1 and doc:kind(i - 1) == "word" and doc:lower(i - 1)
    if not (p and (PRONOUNS[p] or (p:sub(-1) == "s" and p:sub(-2) ~= "ss"))) then return true end
  end
  if i > 1 and doc:kind(i - 1) == "word" then
    -- after a participle or a demonym, a noun: "has boosted demand",
    -- "South Korean demand" (not "Russians demand")
    local p = doc:lower(i - 1)
    if (doc:is(i - 1, "lower") or doc:is(i - 1, "sent_start")) and (p:sub(-2) == "ed" or p:sub(-3) == "ing" or p:sub(-2) == "ic" or
        p:sub(-2) == "al" or NOUN_ADJ[p]) then
      return true   -- "rising demand", "domestic demand", "strong demand"
    end
    if p:sub(-1) ~= "s" and DEMONYMS:lookup(doc:word(i - 1)) then return true end
  end
  for b = i - 1, math.max(1, i - 3), -1 do
    if NP_START[doc:lower(b)] then return true end
    if doc:kind(b) ~= "word" then break end
  end
  return false
end

-- A past participle before its noun is an adjective: "the reported decision",
-- "The last confirmed Iraqi attack" (not "The company reported a loss").
local ADJ_LEAD = {last = true, first = true, only = true, previously = true, widely = true, officially = true,
  newly = true, recently = true, already = true, much = true, long = true}
local function adjective_use(doc, i)
  local w = doc:lower(i)
  if i < 2 or w:sub(-2) ~= "ed" then return false end
  local p = doc:lower(i - 1)
  if NP_START[p] then return true end
  if i <= 2 or ADJ_LEAD[p] == nil then return false end
  -- (after a determiner or an owner: "the last confirmed", "The Fed's last confirmed")
  local d = doc:lower(i - 2)
  return NP_START[d] ~= nil or d:find("'s$") ~= nil
end

rule "quote.cues" {
  stage = "quotes",
  priority = -0.5,   -- after the direct quotes, before reported speech
  doc = "speech verbs outside direct quotes, as the 'cue' layer that reported clauses and speakers hang on",
  run = function(doc)
    -- A verb is in a direct quote when one starting at or before it ends
    -- after its first byte: the quotes so far, by start, with the furthest
    -- end of those not indirect.
    local quotes, k, reach = {}, 1, -1
    for q in doc:each("quote") do quotes[#quotes + 1] = q end
    for i, j, entry in SPEECH:each(doc) do
      local s, e = doc:tok(i)
      if j > i then _, e = doc:tok(j) end
      while quotes[k] and quotes[k].start <= s do
        if quotes[k].kind ~= "indirect" and quotes[k]["end"] > reach then reach = quotes[k]["end"] end
        k = k + 1
      end
      -- (a capitalised word inside a sentence is a name's, not a verb:
      -- "Secretary of State Marco Rubio"; "According to" opens sentences)
      local named = i > 1 and doc:is(i, "title") and not doc:is(i, "upper") and not doc:is(i, "sent_start")
      -- (another verb with its particle: "ruled out", "called off")
      local other = entry.not_before and j < doc:ntok() and doc:lower(j + 1) == entry.not_before
      -- (a verb that reports only with its "that": "a study found that ...",
      -- not "must find new reserves")
      if entry.that and not (j < doc:ntok() and doc:lower(j + 1) == "that") then other = true end
      -- (a word glued after a dot is a domain's or a file's: "the .post domain")
      local dotted = i > 1 and doc:word(i - 1) == "." and select(2, doc:tok(i - 1)) == s
      if reach < s + 1 and not named and not other and not dotted and not noun_use(doc, i, entry) and
          not adjective_use(doc, i) then
        local prev = i > 1 and doc:lower(i - 1)
        local relative = prev == "who" or prev == "which"
        -- (and one whose object the pronoun is: "The plan, which the
        -- ministry announced on Monday, will cost ...")
        for t = i - 2, math.max(1, i - 5), -1 do
          if relative or doc:kind(t) ~= "word" then break end
          local w = doc:lower(t)
          if w == "which" or w == "whom" then relative = true end
        end
        doc:add("cue", s, e, {first = i, last = j, entry = entry, relative = relative})
      end
    end
  end,
  examples = {
    ["Peskov told reporters: “We are ready.”"] = {cue = {{text = "told"}}},
    -- a participle before its noun is no speech: "the last confirmed attack"
    ["The last confirmed Iraqi attack took place in March, sources said."] = {cue = {{text = "said"}}},
    -- a verb that is also a noun, used as the noun
    ["Production has boosted demand, and South Korean demand from Japan rose, sources said."] = {cue = {{text = "said"}}},
    ["Domestic demand is not strong enough, except for housing, said Takahashi."] = {cue = {{text = "said"}}},
    ["According to Russian state news agency TASS, he said so."] = {cue = {{text = "According to"}, {text = "said"}}},
    ["The report was published after a question from a reporter."] = {cue = {{text = "published"}}},
    -- a verb with a particle that makes it another verb
    ["The judge ruled that the law was invalid, but ruled out a retrial."] = {cue = {{text = "ruled"}}},
    -- a word glued after a dot is a domain's
    ["The .post domain is backed by the Universal Postal Union, Icann said."] = {cue = {{text = "said"}}},
    -- a capitalised "State" inside a sentence is part of a name
    ["US Secretary of State Marco Rubio said talks were useful."] = {cue = {{text = "said"}}},
    -- a past participle after an owner and "last" is an adjective
    ["The Fed's last confirmed intervention was on January 28, dealers said."] = {cue = {{text = "said"}}},
    -- a noun right before a verb is the verb's subject
    ["In Europe, demand is likely to be strong, he said."] = {cue = {{text = "said"}}},
    ["MPs will debate a bill which critics claim would legalise euthanasia."] = {cue = {{text = "claim"}}},
  },
}

-- The sentence end without its final stop and closing marks.
local function trim_end(doc, last)
  -- a closing mark stays, with the stop inside it, when the clause ends with
  -- a quoted part: 'knows that “LeBron will always be the king.”'
  if last > 2 and doc:kind(last) == "quote" and doc:is(last, "close") then
    local _, e = doc:tok(last)
    return e
  end
  while last > 1 and (doc:kind(last) == "punct" or doc:kind(last) == "quote" or doc:kind(last) == "dash" or
      doc:word(last) == "―") and
      not (doc:kind(last) == "quote" and doc:is(last, "close") and doc:kind(last - 1) ~= "punct") do
    last = last - 1
  end
  local _, e = doc:tok(last)
  return e
end

-- Finite verbs a reported clause needs when no "that" opens it: "said
-- prices rose", "said it would", not "welcomed the Europeans' mobilisation"
-- or "claimed its control of the city" (a noun phrase, no speech).
local AUX = {is = true, was = true, were = true, are = true, am = true, will = true, would = true, could = true,
  can = true, should = true, may = true, might = true, must = true, has = true, had = true, have = true,
  did = true, does = true, ["do"] = true, shall = true, ["won't"] = true, ["can't"] = true, ["isn't"] = true,
  ["wasn't"] = true, ["didn't"] = true, ["doesn't"] = true, ["don't"] = true, ["wouldn't"] = true,
  cannot = true}

-- past participles unlike their past tense ("the program, run by ...")
local PARTICIPLE = {}
for w in ([[run done seen given taken known shown written chosen driven born drawn grown thrown
  spoken broken stolen hidden beaten forgotten]]):gmatch("%a+") do
  PARTICIPLE[w] = true
end

-- Is the verb at token i negated ("have not indicated", "did not yet say",
-- "hasn't said")?
local NEGATION = {["not"] = true, never = true, ["n't"] = true}
local function negated(doc, i)
  for b = i - 1, math.max(1, i - 2), -1 do
    local w = doc:lower(b)
    if NEGATION[w] or w:sub(-3) == "n't" then return true end
    if doc:kind(b) ~= "word" then return false end
  end
  return false
end

-- Where the reported clause starting at token `from` ends: before a comma
-- that opens another clause (", while senior sources said", ", after
-- talks", ", which says"), before "; ", or before "and" + a new speaker
-- ("... and Trump says ..."); else at the sentence end, without its stop.
local CLAUSE_BREAK = {["while"] = true, who = true, which = true, after = true, before = true, although = true,
  though = true, whereas = true, but = true, calling = true, saying = true, adding = true, citing = true,
  according = true, as = true, when = true, where = true, despite = true, amid = true}
local CLAUSE_MARK = pattern{{text = {";", ",", "and", "but"}}}
-- A speech verb inside the clause that introduces a direct quote of its own
-- ("... ― Trump boasted, “That makes me smart.”"): the break before its
-- subject, or nil.
local function quote_cue_break(doc, from, last)
  for c in doc:each("cue", doc:tok(from + 2), select(2, doc:tok(last))) do
    local k = c.last + 1
    if k <= last and (doc:word(k) == "," or doc:word(k) == ":") then k = k + 1 end
    if k <= last and doc:kind(k) == "quote" and doc:is(k, "open") then
      for t = c.first - 1, math.max(from + 1, c.first - 6), -1 do
        if doc:kind(t) == "dash" or doc:word(t) == "―" or doc:word(t) == "," or doc:word(t) == ";" then return t end
      end
    end
  end
  return nil
end

local finite_verb   -- (below)

-- Does [a, b] hold a finite verb anywhere, in a relative clause too
-- ("that investors who bought the bonds benefitted")?
local VERB_RESTART = {[","] = true, who = true, which = true, but = true}
local function verb_in(doc, a, b, restart)
  restart = restart or VERB_RESTART
  local s = a
  while s <= b do
    if finite_verb(doc, s, b) then return true end
    -- (a part opening with a past or an auxiliary, after an aside: "The
    -- United States, which has been reluctant, joined in the attack", "The
    -- facility, to be guaranteed by BP, is the largest")
    if s > a and doc:is(s, "lower") and (doc:lower(s):find("[^e]ed$") or AUX[doc:lower(s)]) then return true end
    local t = s + 1
    while t <= b and t < s + 12 and not restart[doc:lower(t)] do t = t + 1 end
    if t > b then break end   -- (b may be the text's last token)
    s = restart[doc:lower(t)] and t + 1 or t
  end
  return false
end
-- Does the clause opening at token k ("while", "whereas", ...) have a
-- speech verb of its own within ten tokens: ", while a spokesperson for
-- the French government said ..."? (Only a contrast: a relative clause's
-- verb is no new speaker's, "which is expected to cost ...".)
local CONTRAST = {["while"] = true, whereas = true, but = true, although = true, though = true}
local function speaker_clause(doc, k, last)
  if not CONTRAST[doc:lower(k)] then return false end
  local c = doc:after("cue", select(2, doc:tok(k)))
  return c ~= nil and c.first > k + 1 and c.first <= math.min(last, k + 10)
end

-- Does the aside from token k say the claim could not be checked ("a claim
-- Reuters could not independently verify", "which could not be confirmed")?
local CHECKED = {verify = true, verified = true, confirm = true, confirmed = true}
local function unverified(doc, k, last)
  local neg = false
  for t = k, math.min(last, k + 8) do
    local w = doc:lower(t)
    if w == "," then return false end
    if w == "not" or w == "n't" or w == "cannot" then neg = true end
    if neg and CHECKED[w] then return true end
  end
  return false
end

-- Is there a speech verb within eight tokens from k (up to last)?
local function cue_soon(doc, k, last)
  if k > last then return false end
  local c = doc:after("cue", doc:tok(k))
  return c ~= nil and c.first <= math.min(last, k + 8)
end

local MODAL_WORD = {will = true, would = true, could = true, can = true, should = true, may = true, might = true,
  must = true}
local function clause_end(doc, last, from, relative)
  local brk = from and from + 2 <= last - 1 and quote_cue_break(doc, from, last)
  if brk then last = brk end
  if from and from + 2 <= last - 1 then
    for t in CLAUSE_MARK:each(doc, doc:tok(from + 2), select(2, doc:tok(last - 1))) do
      local w = doc:word(t)
      if w == ";" then return trim_end(doc, t - 1) end
      local nxt = w == "," and doc:lower(t + 1)
      -- ", but that ...", ", but would refuse ...": the same report goes on
      local goes_on = nxt == "but" and t + 2 <= doc:ntok() and
        (doc:lower(t + 2) == "that" or doc:lower(t + 2) == "also" or AUX[doc:lower(t + 2)])
      -- (not before the clause has a verb: the comma opens an aside inside
      -- its subject, "said that budget forestalling, when traders bring in
      -- goods early, brought in 300 mln")
      -- (a relative clause, or one of "as" or "when", goes on with what was
      -- said, unless it has a speech verb of its own: "..., which is a
      -- problem because ..." is the speaker's, "..., which says they were
      -- annexed" another's)
      local relative_goes_on = (nxt == "which" or nxt == "who" or nxt == "as" or nxt == "when" or nxt == "where") and
        not cue_soon(doc, t + 2, last) and not unverified(doc, t + 1, last)
      -- (the writer's note that it could not be checked ends it: "..., a
      -- claim Reuters could not independently verify")
      if w == "," and unverified(doc, t + 1, last) then return trim_end(doc, t - 1) end
      if nxt and CLAUSE_BREAK[nxt] and not goes_on and not relative_goes_on and
          doc:covered("quote", doc:tok(t), doc:tok(t) + 1) == 0 and
          (verb_in(doc, from, t - 1) or speaker_clause(doc, t + 1, last)) then
        return trim_end(doc, t - 1)
      end
      -- ', “it’s not easy, believe me,” he said': a direct quote with its own
      -- attribution ends the reported clause
      if w == "," and doc:kind(t + 1) == "quote" and doc:is(t + 1, "open") then
        local v = doc:after("cue", select(2, doc:tok(t + 1)))
        if v and v.first <= last then return trim_end(doc, t - 1) end
      end
      -- "Ukraine, which says they were annexed illegally, disagrees": the
      -- comma closing the relative clause ends what it says
      if relative and nxt and doc:kind(t + 1) == "word" and not (nxt == "and" or nxt == "but" or nxt == "that") then
        return trim_end(doc, t - 1)
      end
      -- ", monetary sources said.": the attribution of the sentence around it
      if w == "," and t + 2 <= last then
        local c = doc:after("cue", select(2, doc:tok(t)))
        if c and c.first <= t + 5 and c.last >= last - 1 and doc:kind(t + 1) == "word" and
            not CLAUSE_BREAK[doc:lower(t + 1)] then
          return trim_end(doc, t - 1)
        end
      end
      if (w == "and" or w == "but" or (w == "," and doc:is(t + 1, "title"))) and t + 2 <= last then
        -- "... and Trump says he thinks ...", "Claiming ..., Trump told Fox
        -- that": a new speaker's verb
        -- (not the same subject's next verb: ", but would eventually add
        -- $84 billion")
        -- (a modal says so; "and also urged", ", but has admitted" are the
        -- speaker's next acts)
        for cue in doc:each("cue", doc:tok(t + 1), select(2, doc:tok(math.min(last, t + 3)))) do
          local own, modal = true, false
          for x = t + 1, cue.first - 1 do
            local xw = doc:lower(x)
            if MODAL_WORD[xw] then modal = true
            elseif not (xw:find("ly$") or xw == "but" or xw == ",") then own = false end
          end
          if not (own and modal) then return trim_end(doc, t - 1) end
        end
      end
    end
  end
  return trim_end(doc, last)
end

-- Participles of what the speaker did while speaking: after "X, he said,"
-- they are the writer's, not what was said ("declining to be identified").
local SPEAKER_ACT = {}
for w in ([[declining refusing speaking asking citing noting adding saying describing insisting arguing
  pointing warning stressing acknowledging explaining referring urging singling implying confirming
  responding replying calling]]):gmatch("%a+") do
  SPEAKER_ACT[w] = true
end

-- Words that open a sentence adverbial, before the clause proper. (Not
-- "although", "if", "when": a subordinate clause is part of what is
-- reported: "Although Russia will not ..., it is prepared to ...")
local LEADS = {on = true, ["in"] = true, as = true, however = true, meanwhile = true, but = true, ["and"] = true,
  after = true, before = true, still = true, yet = true, instead = true, now = true, earlier = true, later = true,
  separately = true}

-- Words a reported clause's subject may start with (besides names and
-- pronouns): "said a deal would ...", "says all of those regions ..."
local SUBJECT_START = {the = true, a = true, an = true, all = true, some = true, no = true, every = true, each = true,
  any = true, this = true, these = true, those = true, there = true, its = true, his = true, her = true,
  their = true, our = true, many = true, most = true, several = true, both = true, one = true, two = true,
  three = true, four = true, five = true, only = true, such = true, neither = true, either = true,
  anybody = true, anyone = true, everybody = true, everyone = true, nobody = true, somebody = true,
  someone = true}

-- subjects that open a reported clause with no "that" ("said there needs to
-- be a law that ...", "said all of those that ..."), past which a later
-- "that" is no start of the clause
local OPENING_SUBJECT = {there = true, all = true, some = true, no = true, every = true, each = true, any = true,
  many = true, most = true, several = true, both = true, neither = true, either = true, anyone = true,
  everyone = true, nobody = true, someone = true, everybody = true, somebody = true, anybody = true}

-- a hedged number too: "said more than 100 people were killed"
local HEDGE_SUBJECT = {more = true, less = true, fewer = true, about = true, around = true, nearly = true,
  almost = true, over = true, at = true, up = true, roughly = true, approximately = true, some = true}

-- number words a hedged subject may count with ("about one in six participants")
local COUNT_WORD = {}
for w in ([[one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
  hundred hundreds thousand thousands million millions dozen dozens half]]):gmatch("%a+") do
  COUNT_WORD[w] = true
end
-- prepositions that hedge a number opening a sentence ("At least 45 people", "Over 100 homes")
local HEDGE_PREP = {at = true, over = true, under = true}

-- an amount of money may open the subject: "said £2bn savings had been made"
local CURRENCY_SIGN = {["$"] = true, ["£"] = true, ["€"] = true, ["¥"] = true}

local ADVERB_BETWEEN = {now = true, still = true, also = true, already = true, currently = true, reportedly = true,
  effectively = true, increasingly = true, largely = true, only = true, even = true, often = true}

-- words after which a word in -ed is an adjective, not a verb
local ADJ_BEFORE = {the = true, a = true, an = true, on = true, of = true, ["for"] = true, ["with"] = true,
  ["in"] = true, to = true, by = true, its = true, their = true, his = true, her = true, our = true,
  from = true, at = true, into = true, about = true}

-- words whose "'s" is "is" or "has"
local CONTRACTS_S = {that = true, there = true, here = true, what = true, who = true, where = true}
local byte = string.byte
local B_D, B_E, B_S, B_U = byte("desu", 1, 4)
function finite_verb(doc, from, last, no_s_form)
  -- (a long subject owned by a name may come first: "Trump’s early-morning
  -- tweets accusing Alicia Machado of having a criminal record and a sex
  -- tape are"; other long noun phrases are an object: "announced a concert
  -- at ... will be held")
  local reach = 12
  local w1 = doc:lower(from)
  if doc:is(from, "title") and (w1:sub(-2) == "'s" or w1:sub(-1) == "'") then reach = 20 end
  local t, stop = from, math.min(last, from + reach)
  while t <= stop do
    local w = doc:lower(t)
    -- (an aside in commas that opens with a participle is the subject's:
    -- "the program, run by the Department of Homeland Security, has brought")
    -- (its participle taking a preposition: "run by", "based on"; not an
    -- attribution, ", said Mr Purushotma,")
    -- (or a name for it: "the model, called o3, scored")
    if w == "," and t > from and t + 2 < stop and doc:is(t + 1, "lower") and
        ((t > from + 1 and (doc:lower(t + 1):find("[^e]ed$") or IRREGULAR_PAST[doc:lower(t + 1)] or
          PARTICIPLE[doc:lower(t + 1)]) and NOT_VERB[doc:lower(t + 2)] and doc:is(t + 2, "lower")) or
         SO_CALLED[doc:lower(t + 1)]) then
      local c = t + 2
      while c < stop and c <= t + 10 and doc:word(c) ~= "," do c = c + 1 end
      if doc:word(c) == "," and c < stop then
        t, stop = c + 1, math.min(last, stop + (c - t) + 1)
        w = doc:lower(t)
      end
    end
    -- ("its control of X, which is"; "promised £4bn in tax cuts but have yet to say")
    if w == "," or w == "which" or w == "who" or (w == "but" and t > from) then return false end
    -- (a parenthesis does not count: "24.2 trillion pesos ($10.2bn; £5.5bn) is")
    if w == "(" then
      local o = t
      while t < last and t < o + 12 and doc:word(t) ~= ")" do t = t + 1 end
      stop = math.min(last, stop + (t - o) + 1)
      w = doc:lower(t)
    end
    -- (doc:lower folds curly apostrophes: "won’t" is "won't")
    if AUX[w] or IRREGULAR_PAST[w] then return true end
    -- a contraction ("it's", "won't", "they'd"), not a possessive ("Moscow's")
    local stem, suffix = w:match("^(%a+)'(%a+)$")
    if stem and (suffix ~= "s" or PRONOUNS[stem] or CONTRACTS_S[stem]) then return true end
    -- (a word right after a subject pronoun is its verb: "they intend",
    -- "we expect"; not after "it" or "you", which may be objects)
    if t == from + 1 and NOMINATIVE[w1] and doc:is(t, "lower") and doc:kind(t) == "word" then return true end
    -- (and right after an existential "there": "there needs to be")
    if t == from + 1 and w1 == "there" and doc:is(t, "lower") and doc:kind(t) == "word" and not NOT_VERB[w] then
      return true
    end
    if t > from and doc:is(t, "lower") then
      -- a past in -ed (not -eed; -ied is one), or an -s form (not -ss, -us) after a name or pronoun
      local n = #w
      local c, b, a = byte(w, n), n >= 2 and byte(w, n - 1), n >= 3 and byte(w, n - 2)
      -- (an adverb may stand between: "Moscow now controls", "it still holds")
      local p = t - 1
      if ADVERB_BETWEEN[doc:lower(p)] and p > from then p = p - 1 end
      -- (not a participle after a preposition or determiner, an adjective:
      -- "controls on advanced chips", "a planned visit")
      if (c == B_D and b == B_E and a and a ~= B_E and not ADJ_BEFORE[doc:lower(t - 1)]) or
          (c == B_S and not no_s_form and b and b ~= B_S and b ~= B_U and
           (doc:is(p, "title") or PRONOUNS[doc:lower(p)])) then
        return true
      end
      -- (or after a short noun phrase opening with a determiner, before
      -- another: "an internal review shows no one ...", "the company expects a loss")
      -- (not before "the": "charging the existing owners the revised price")
      if c == B_S and not no_s_form and b and b ~= B_S and b ~= B_U and n >= 4 and t <= from + 3 and t > from + 1 and
          NP_START[w1] and t < last and OBJECT_START[doc:lower(t + 1)] then
        return true
      end
      local prev = doc:lower(t - 1)
      if not no_s_form and PRESENT_BASE[w] and doc:kind(t - 1) == "word" and not PRONOUNS[prev] and
          not NOT_VERB[prev] and not NP_START[prev] and
          (doc:is(t - 1, "title") or PLURAL_WORD[prev] or (doc:is(t - 1, "lower") and prev:find("[^su]s$"))) then
        return true
      end
      -- (or an -s form of a verb seldom a noun, after a short noun phrase a
      -- determiner opens: "Critics say the bill goes too far")
      if c == B_S and not no_s_form and t > from + 1 and t <= from + 3 and NP_START[w1] and
          (PRESENT_BASE[w:sub(1, -2)] or PRESENT_BASE[w:sub(1, -3)] or S_VERB[w]) and doc:is(t - 1, "lower") then
        return true
      end
      -- (or after a noun phrase a name's possessive opens, before a word
      -- of its own: "Mrs. Clinton's statistical advantage obscures concerns")
      if c == B_S and not no_s_form and b and b ~= B_S and b ~= B_U and n >= 4 and t > from + 1 and t <= from + 4 and
          (w1:find("'s$") or (doc:is(from, "title") and from + 1 < t and doc:lower(from + 1):find("'s$"))) and
          t < last and doc:is(t + 1, "lower") and doc:kind(t + 1) == "word" and not NOT_VERB[doc:lower(t + 1)] then
        return true
      end
      -- (a plural noun's verb in its base form before an object: "the
      -- videos show Scott calmly leaving", "the figures show that")
      local pw = doc:lower(t - 1)
      if not no_s_form and t <= from + 3 and t > from + 1 and NP_START[w1] and w1 ~= "a" and w1 ~= "an" and
          #pw > 3 and pw:sub(-1) == "s" and pw:sub(-2) ~= "ss" and doc:is(t - 1, "lower") and
          c ~= B_S and not w:find("ly$") and not w:find("ing$") and not NOT_VERB[w] and t < last and
          (OBJECT_START[doc:lower(t + 1)] or (doc:is(t + 1, "title") and doc:kind(t + 1) == "word")) then
        return true
      end
    end
    t = t + 1
  end
  return false
end

-- Words opening a clause of its own after the attribution: "..., Mr
-- Mendis told reporters, although he would not say by how much"
local TAIL_CLAUSE = {although = true, though = true, ["while"] = true, but = true,
  adding = true, saying = true, noting = true, citing = true, as = true, when = true, after = true,
  before = true, amid = true, which = true}

-- "X, he said, Y": the comma before the speaker (a name or pronoun of at
-- most five words, after a clause of at least two), when a comma follows
-- the verb and no quote mark stands at either comma; else nil.
local DAY_WORDS = {monday = true, tuesday = true, wednesday = true, thursday = true, friday = true,
  saturday = true, sunday = true, today = true, yesterday = true, tonight = true}

local PAREN_TAIL = {me = true, us = true, him = true, her = true, them = true, reporters = true, on = true,
  ["in"] = true, at = true, an = true, a = true, the = true, interview = true, statement = true, later = true,
  earlier = true, last = true, this = true, week = true, month = true, year = true, recently = true}
local PAREN_NOUN = {interview = true, statement = true, week = true, month = true, year = true, a = true,
  an = true, the = true}
local RELATIVE_OPENER = {which = true, who = true, whom = true, whose = true, that = true, where = true, when = true}
local function parenthetical(doc, i, j, first, last)
  -- (past what the verb has after it: "..., he told me on Friday, is that")
  -- (which opens with whom or when, not a noun: "a Commons written statement,")
  local k = j + 1
  while k < last and k <= j + 4 and doc:word(k) ~= "," and (PAREN_TAIL[doc:lower(k)] or DAY_WORDS[doc:lower(k)]) and
      not (k == j + 1 and PAREN_NOUN[doc:lower(k)]) do
    k = k + 1
  end
  if k > j + 1 and k <= last and doc:word(k) == "," then j = k - 1 end
  if j + 3 > last or doc:word(j + 1) ~= "," or doc:kind(j + 2) == "quote" or TAIL_CLAUSE[doc:lower(j + 2)] or
      CLAUSE_BREAK[doc:lower(j + 2)] then
    return nil   -- (a clause of its own follows: "..., two officials said, as strikes killed ...")
  end
  local b = i - 1
  while b > first and b >= i - 6 and doc:word(b) ~= "," do b = b - 1 end
  if b <= first or doc:word(b) ~= "," or b == i - 1 or doc:kind(b - 1) == "quote" then return nil end
  -- (a relative clause is no attribution: "The plan, which the ministry
  -- announced on Monday, will cost ...")
  if RELATIVE_OPENER[doc:lower(b + 1)] then return nil end
  for t = b + 1, i - 1 do
    if not (doc:kind(t) == "word" or doc:word(t) == ".") then return nil end
  end
  return b, j
end

-- Does [a, b] hold a finite verb, in any of its comma-separated parts?
local COMMA = {[","] = true, ["-"] = true, ["–"] = true, ["—"] = true}   -- (and dashes around an aside)
local function clause_has_verb(doc, a, b) return verb_in(doc, a, b, COMMA) end
-- "according to" data rather than a speaker: maps, estimates, figures
local DATA = {}
for w in ([[map maps estimate estimates data figure figures statistic statistics record records census
  calculation calculations tally count counts analysis model models imagery images footage chart charts
  table tables index polls poll survey surveys]]):gmatch("%a+") do DATA[w] = true end
-- (not a poll or survey by a named organisation, which speaks: "according
-- to a new Washington Post-ABC News poll")
local function cites_data(doc, from, last)
  local data, by_org = false, false
  for t = from, math.min(last, from + 7) do
    local w = doc:lower(t)
    if w == "," then break end
    if DATA[w] then data = true end
    if not by_org and doc:is(t, "title") then
      local s = doc:tok(t)
      for _, m in ipairs(doc:covering("mention", s, s + 1)) do
        if m.type == "org" then by_org = true end
      end
    end
  end
  return data and not by_org
end

-- Words that open an adverbial or a subordinate clause, not a main clause
local SUBORDINATE = {}
for w in ([[when if as because while although though after before since until unless whether once
  in on at through with by from for during despite amid under over like unlike]]):gmatch("%a+") do
  SUBORDINATE[w] = true
end

-- The last token of a reported clause's main part from body: before the
-- first conjunction that opens a clause of its own ("as talks stall"), or last.
local CLAUSE_CONJ = {when = true, ["if"] = true, as = true, because = true, ["while"] = true, although = true,
  though = true, ["until"] = true, unless = true, whereas = true}
local function main_clause_last(doc, body, last)
  for t = body + 1, last do
    if CLAUSE_CONJ[doc:lower(t)] then return t - 1 end
  end
  return last
end
local CONJ = {but = true, ["and"] = true, so = true, yet = true}

-- Past a wire story's dateline, "LUSAKA, March 16 - ", "WASHINGTON (AP) —":
-- the token where the sentence proper starts (`first` when there is none).
local DATELINE_PUNCT = {[","] = true, ["("] = true, [")"] = true, ["."] = true}
local function past_dateline(doc, first, last)
  if not doc:is(first, "upper") or doc:kind(first) ~= "word" then return first end
  for t = first + 1, math.min(last - 1, first + 10) do
    local kind = doc:kind(t)
    if kind == "dash" then return t + 1 end
    -- (two places in one dateline: "LONDON/MELBOURNE, Nov 2 (Reuters) -")
    if not (kind == "number" or (kind == "word" and (doc:is(t, "title") or doc:is(t, "upper"))) or
        (kind == "punct" and DATELINE_PUNCT[doc:word(t)]) or doc:word(t) == "/") then
      return first
    end
  end
  return first
end

-- A "that" within 8 tokens, before any comma or quote mark (and so the
-- first one): "said on Wednesday that ...", "said at talks in Riyadh that ..."
local THAT_SOON = pattern{{["not"] = {text = {",", "that"}}, quote = false, op = "{0,8}"}, {text = "that"}}
-- (or past a place and its state or country in commas: "says at a campaign
-- stop in Toledo, Ohio, that ...")
local function that_past_place(doc, c, last)
  local place = false
  for t = c, math.min(last - 1, c + 10) do
    local w = doc:word(t)
    if w == "that" then return place and t or nil end
    if w == "," then place = true end
    if doc:kind(t) == "quote" or AUX[doc:lower(t)] then return nil end
    if w == "," and not (t > c and doc:is(t - 1, "title") and (doc:is(t + 1, "title") or doc:word(t + 1) == "that")) then
      return nil
    end
  end
  return nil
end

-- Whether the verb at token i right follows a closing quote mark and its
-- comma, '“...,” said X' or '“...”, said X' (also '?' and '!'): it names
-- the speaker of that quote and reports no clause of its own (a participle
-- does: '“...,” adding that ...').
local function attributes_quote_before(doc, i, first)
  if i <= first + 1 or doc:lower(i):sub(-3) == "ing" then return false end
  if doc:word(i - 1) == "," and doc:kind(i - 2) == "quote" then return true end
  local p = doc:word(i - 2)
  return doc:kind(i - 1) == "quote" and (p == "," or p == "?" or p == "!")
end

local BE_FORMS = {is = true, are = true, was = true, were = true, be = true, been = true, being = true}

-- Does a role and a name in apposition end at the comma at token k ("...,
-- the regional governor, Vyacheslav Gladkov, said")? The token before the
-- role's comma, or nil.
local function role_name_before(doc, first, k)
  local m = doc:covering("mention", doc:tok(k - 1), doc:tok(k - 1) + 1)[1]
  if not (m and m.type == "person") then return nil end
  local p1 = doc:tokat(m.start) - 1
  if p1 <= first or doc:word(p1) ~= "," then return nil end
  for p2 = p1 - 1, math.max(first + 1, p1 - 6), -1 do
    if doc:word(p2) == "," then
      local w = doc:lower(p2 + 1)
      if (w == "the" or w == "a" or w == "an" or w:find("['’]s$")) and p1 - p2 >= 3 then return p2 - 1 end
      return nil
    end
  end
  return nil
end

-- Whether the comma at token k closes an apposition or a relative clause
-- after the sentence's opening noun phrase (no verb before the first
-- comma): "Phil Smith, a spokesman for the union, said", "The company,
-- which employs 5,000 people, said".
local function apposition_before(doc, first, k)
  for b = k - 1, math.max(first + 1, k - 15), -1 do
    if doc:word(b) == "," then
      -- (past a leading phrase: "In a statement, one of the family's
      -- attorneys, Justin Bamberg, said")
      local f = first
      if SUBORDINATE[doc:lower(first)] then
        for x = first + 1, b - 1 do
          if doc:word(x) == "," then f = x + 1 break end
        end
      end
      return b > f and b - f <= 8 and not clause_has_verb(doc, f, b - 1)
    end
  end
  return false
end

-- Whether [a, b] describes an unnamed source at length: "two people
-- familiar with the matter", "a source close to the talks", "an official
-- briefed on the plans".
-- (the words are lexicons/source_words.yaml)
local SOURCE_WORDS = lexicon "source_words"
local function unnamed_source(doc, a, b)
  for t = a, b do
    if SOURCE_WORDS:lookup(doc:lower(t)) then return true end
  end
  return false
end

-- Prepositions opening a phrase after a speech verb near the sentence's
-- end ("says in a new report", "said on Monday", "said to reporters"; not
-- "cast doubt on Campbell's injury claims", "is said to be watching").
local function tail_clause_after(doc, j, last)
  local k = j + 1
  if k <= last and (doc:lower(k) == "reporters" or doc:lower(k) == "journalists") then k = k + 1 end
  return k + 1 <= last and doc:word(k) == "," and TAIL_CLAUSE[doc:lower(k + 1)]
end
local TAIL_PREPS = {["in"] = true, on = true, at = true, during = true, ["to"] = true, after = true, ["for"] = true}

-- Whether a bare noun phrase of up to three lower-case words starts at c,
-- right before an auxiliary: "said fighting was still going on", "said
-- foreign businessmen are expressing interest".
-- (Not a question word, conjunction, preposition or "to": "explaining why
-- it has asked", "to say whether an election will", "expected to receive
-- nominations are", "suspects without trial is unlawful".)
local NOT_SUBJECT = {}
for w in ("to why how what when where whether if and but or nor who whom which that as because " ..
    "than while though although so without with of in on at for from by about into over after before " ..
    "under against between during"):gmatch("%a+") do
  NOT_SUBJECT[w] = true
end
local NOUN_OF = {of = true, from = true, with = true, ["for"] = true, ["in"] = true, on = true, by = true,
  about = true, at = true}
-- (past a relative clause to the main clause's auxiliary, `near` the verb:
-- "said anyone who had been prescribed aspirin should keep taking it")
local INDEFINITE = {anyone = true, everyone = true, someone = true, anybody = true, everybody = true,
  those = true}
local function after_relative(doc, u, last)
  while u < last and AUX[doc:lower(u)] do u = u + 1 end   -- (its own: "who had been")
  local words = 0
  while u < last and words < 12 and (doc:kind(u) == "word" or doc:kind(u) == "number") and not AUX[doc:lower(u)] do
    u, words = u + 1, words + 1
  end
  return words > 0 and AUX[doc:lower(u)] and u
end
-- (a plural noun, maybe after another, and a past: "said benchmark scores
-- often overstated what ...", "said prices rose")
local function plural_then_past(doc, c, last)
  local t = c
  if t + 1 < last and doc:is(t + 1, "lower") and doc:lower(t + 1):find("[^su]s$") and
      not doc:lower(t):find("[^su]s$") then
    t = t + 1   -- ("benchmark scores")
  end
  local w = doc:lower(t)
  if not (w:find("[^su]s$") and #w > 3) or NOT_SUBJECT[w] then return false end
  local v = t + 1
  if v < last and (doc:lower(v):find("ly$") or ADVERB_BETWEEN[doc:lower(v)]) then v = v + 1 end
  if v > last then return false end
  local p = doc:lower(v)
  return doc:is(v, "lower") and (IRREGULAR_PAST[p] or (p:find("[^e]ed$") ~= nil and #p > 4))
end
local function adverb_like(w)
  return w:find("ly$") ~= nil or ADVERB_BETWEEN[w] ~= nil or w == "then" or w == "later" or w == "further"
end

-- A participle after a noun with its agent soon after, as in "the loss
-- reported last week by Volkswagen": part of a noun phrase, no verb of
-- the sentence's (so no earlier speaker for "..., sources said").
local function reduced_passive(doc, i, j)
  if i < 3 or not doc:lower(i):find("ed$") then return false end
  local p = doc:lower(i - 1)
  -- (in an aside too: "The facility, guaranteed by BP, is", "The
  -- facility, to be guaranteed by BP, is")
  if not (p == "," or (p == "be" and doc:lower(i - 2) == "to")) then
    if doc:kind(i - 1) ~= "word" or not doc:is(i - 1, "lower") then return false end
    if AUX[p] or BE_FORMS[p] or PRONOUNS[p] or adverb_like(p) or p == "to" or p == "that" or p == "who" then return false end
  end
  for t = j + 1, math.min(doc:ntok(), j + 4) do
    if doc:lower(t) == "by" then return true end
    if doc:kind(t) ~= "word" then return false end
  end
  return false
end
-- common verbs in the present that a plural subject takes ("parents want")
local PLURAL_VERB = {}
for w in ([[want need have think know believe expect see feel get make take go come use support oppose
  face pay fear worry hope plan continue remain agree like love hate prefer show suggest seem appear tend
  help keep find give ask try call work live spend buy sell lose win play stay leave bring hold mean
  look vote favour favor back reject accept deserve rely depend earn owe struggle suffer account
  represent include lack risk cost]]):gmatch("%a+") do
  PLURAL_VERB[w] = true
end
-- Is token c a name (a person's or an organisation's) with a verb in the
-- past or the -s form right after it, before token t: "said Obama hopes
-- that", "said Salomon believes that" (not "denied Conservative claims
-- that": a speech noun; nor "told a London news conference that")
local function named_subject(doc, c, t)
  if not doc:is(c, "title") then return false end
  local m = doc:covering("mention", doc:tok(c), doc:tok(c) + 1)[1]
  if m and m.type ~= "person" and m.type ~= "org" then return false end
  if not m and (DAY_WORDS[doc:lower(c)] or not doc:is(c + 1, "lower")) then return false end
  local v = m and doc:tokat(m["end"] - 1) + 1 or c + 1
  if v >= t or not doc:is(v, "lower") or doc:kind(v) ~= "word" then return false end
  local w = doc:lower(v)
  -- (a speech noun reads as a verb only after a person: "Barack Obama hopes")
  local speech = SPEECH:match(doc, v)
  if speech and speech.noun and not (m and m.type == "person") then return false end
  return IRREGULAR_PAST[w] ~= nil or w:find("[^e]ed$") ~= nil or (w:find("[^su]s$") ~= nil and #w > 3)
end

local function bare_subject(doc, c, last, near)
  if near and c + 2 < last and doc:lower(c + 1) == "who" and doc:is(c, "lower") and
      (INDEFINITE[doc:lower(c)] or not (AUX[doc:lower(c)] or NOT_SUBJECT[doc:lower(c)] or PRONOUNS[doc:lower(c)])) then
    local u = after_relative(doc, c + 2, last)
    if u then return u end
  end
  if near and doc:is(c, "lower") and not (AUX[doc:lower(c)] or NOT_SUBJECT[doc:lower(c)] or PRONOUNS[doc:lower(c)]) and
      plural_then_past(doc, c, last) then
    return true
  end
  -- a bare plural and a common verb in the present, maybe after an adverb:
  -- "said parents still want neighborhood schools", "said officials fear"
  -- (the verb's index: it needs no finite verb looked for)
  if near and c + 1 <= last and doc:is(c, "lower") and #doc:lower(c) > 3 and doc:lower(c):find("^%a+[^su]s$") and
      not (AUX[doc:lower(c)] or NOT_SUBJECT[doc:lower(c)] or PRONOUNS[doc:lower(c)] or NP_START[doc:lower(c)]) then
    local v = c + 1
    if v < last and adverb_like(doc:lower(v)) then v = v + 1 end
    if PLURAL_VERB[doc:lower(v)] and doc:is(v, "lower") then return v end
  end
  for t = c, math.min(c + 2, last - 1) do
    local w = doc:lower(t)
    if not doc:is(t, "lower") or AUX[w] or NOT_SUBJECT[w] or PRONOUNS[w] then return false end
    if AUX[doc:lower(t + 1)] then return true end
    -- a noun and its complement ("said praise from Vladimir Putin would
    -- not"; the clause's finite verb is checked after)
    if NOUN_OF[doc:lower(t + 1)] and not w:find("ing$") then return true end
    -- two nouns, maybe with a relative clause, before an auxiliary:
    -- "said fathers and parents who adopt would not be eligible" (the
    -- auxiliary's index: no finite verb need be looked for past the "who")
    local n = doc:lower(t + 1)
    -- (or two plurals: "professors or supervisors would")
    if (n == "and" or (n == "or" and w:find("[^su]s$"))) and t + 2 < last and doc:is(t + 2, "lower") and
        not NOT_SUBJECT[doc:lower(t + 2)] then
      local u = t + 3
      if doc:lower(u) == "who" then
        while u < last and u <= t + 8 and doc:kind(u) == "word" and doc:is(u, "lower") and not AUX[doc:lower(u)] do u = u + 1 end
      end
      return AUX[doc:lower(u)] and u
    end
  end
  return false
end

-- Whether the verb ending at token j takes an infinitive: "vowed to keep
-- up", "promised to press ahead" (not "said to reporters", "explained to
-- the panel": a determiner, pronoun, name or plural noun after "to").
local function infinitive_after(doc, j, last)
  if j + 2 > last or doc:lower(j + 1) ~= "to" or not doc:is(j + 2, "lower") then return false end
  local w = doc:lower(j + 2)
  if NP_START[w] or PRONOUNS[w] or SUBJECT_START[w] then return false end
  return not (w:sub(-1) == "s" and w:sub(-2) ~= "ss")
end

rule "quote.reported" {
  stage = "quotes",
  priority = -1,
  doc = "the content clause of a speech verb: 'X said (that) ...', 'told Y that ...', '..., X said', 'according to X, ...'",
  run = function(doc)
    local prev_start   -- of the cue before (cues do not overlap)
    for c in doc:each("cue") do
      local i, j, entry, relative = c.first, c.last, c.entry, c.relative
      local vs, ve = c.start, c["end"]
      local _, ss, se, first, last = doc:sentence(i)
      local earlier_verb = prev_start ~= nil and prev_start >= ss   -- one in this sentence
      -- (a verb of judging is no earlier speaker: "could then be blamed ...,
      -- they added"; nor one taking an infinitive: "has agreed to pay ...,
      -- they said")
      -- (nor a progressive or passive one ending its clause: "The talks are
      -- continuing, he said", "That was denied, he said")
      -- (nor a negated one, which reports nothing: "The Soviets have not
      -- indicated an urgent need ..., Lyng told Reuters")
      -- (nor one asking for something: "The state is asking for $320m, he said")
      -- (nor an infinitive: "which has been reluctant to criticize Japan's
      -- stance, joined in the attack, he said"; nor one in a relative clause:
      -- "Scott's relatives, who asked ..., watched it, attorneys said")
      if entry.kind ~= "evaluation" and not (j < doc:ntok() and (doc:lower(j + 1) == "to" or doc:lower(j + 1) == "for")) and
          not (i > 1 and doc:lower(i - 1) == "to") and
          not (i > 1 and BE_FORMS[doc:lower(i - 1)] and j < doc:ntok() and
            (doc:kind(j + 1) == "punct" or doc:lower(j + 1) == "at")) and
          not negated(doc, i) and not relative and not reduced_passive(doc, i, j) and
          -- (nor "called" naming a thing: "The model, called GPT-4o, will be ...")
          not (SO_CALLED[doc:lower(i)] and j < doc:ntok() and (doc:is(j + 1, "title") or doc:kind(j + 1) == "quote")) then
        prev_start = vs
      end
      -- (a cue that crosses a sentence end belongs to no sentence)
      if ve <= se and not in_quote(doc, vs, ve) then
        local data = entry.kind == "according" and cites_data(doc, j + 1, last)
        local paren_comma, paren_j   -- "X, he said, Y": the comma before the attribution, its last token
        if entry.clause then paren_comma, paren_j = parenthetical(doc, i, j, first, last) end
        if data then
          -- "according to open source maps", "according to Russian estimates": no one speaks
        elseif entry.kind == "according" and i > first + 3 and doc:word(i - 1) == "," then
          -- "CLAUSE, according to X.": the sentence before it, past a leading
          -- adverbial ("On the other hand, ...", "As forces advance, ...")
          local a = past_dateline(doc, first, i)
          if doc:kind(a) == "quote" then a = a + 1 end
          -- (not "As" and a noun phrase, which says what the subject was:
          -- "As a reality TV boss on “The Apprentice,” Donald Trump
          -- demeaned women, according to show insiders")
          if LEADS[doc:lower(a)] then
            for t = a + 1, math.min(i - 3, a + 15) do
              if doc:word(t) == "," then
                local as_np = doc:lower(a) == "as" and (doc:lower(a + 1) == "a" or doc:lower(a + 1) == "an" or
                  doc:lower(a + 1) == "the") and doc:lower(a + 2) ~= "result" and not verb_in(doc, a + 1, t - 1)
                if not as_np then
                  a = t + 1
                  if doc:kind(a) == "quote" and a < i then a = a + 1 end   -- (a comma inside a title's marks)
                end
                break
              end
            end
          end
          local s = doc:tok(a)
          local e = trim_end(doc, i - 1)
          -- (a clause with its own speech verb is that speaker's report,
          -- which the outlet relayed: "One diplomat said the talks had
          -- stalled, according to TASS")
          for _, q in ipairs(doc:inside("quote", s, e)) do
            if q.kind == "indirect" then e = s break end
          end
          -- (so is a direct quote with its attribution: '“... not realistic,”
          -- Kremlin spokesman Dmitry Peskov told reporters, according to Tass')
          local own = doc:after("cue", s)
          if own and own["end"] <= e then
            for _, q in ipairs(doc:inside("quote", s, own.start)) do
              if q.kind == "direct" then e = s break end
            end
          end
          if e > s and not in_quote(doc, s, e) then
            doc:add("quote", s, e, {kind = "indirect", _verb_first = i, _verb_last = j, _verb_entry = entry,
              _according = true, _after = true})
          end
        elseif entry.kind == "according" and not (i > first and doc:kind(i - 1) == "quote") then
          -- "According to X, CLAUSE": the clause after the first comma
          -- (not after a direct quote: '“...,” according to X, director of Y')
          local c = j + 1
          while c < last and doc:word(c) ~= "," do c = c + 1 end
          -- (not when the clause has its own speech verb: "According to TASS,
          -- he said: “...”" attributes the direct quote)
          local own = c < last and doc:after("cue", select(2, doc:tok(c)))
          if c < last - 3 and doc:kind(c + 1) ~= "quote" and not (own and own.first <= c + 3) then
            local s = doc:tok(c + 1)
            local e = clause_end(doc, last, c + 1)
            if e > s then doc:add("quote", s, e, {kind = "indirect", _verb_first = i, _verb_last = j, _verb_entry = entry, _according = true}) end
          end
        elseif entry.clause and paren_comma then
          -- "African-Americans, he said, can ''rock like Jimi''": the
          -- attribution sits inside what was said; both parts, given whole
          local b, jc = paren_comma, paren_j   -- (jc: the attribution's last token)
          local a = past_dateline(doc, first, b)
          if doc:kind(a) == "quote" and doc:is(a, "open") then a = a + 1 end
          local s, e1 = doc:tok(a), doc:tok(b)
          local s2 = doc:tok(jc + 2)
          local e = clause_end(doc, last, jc + 2)
          -- (what follows with no verb of its own is the writer's, not what
          -- was said: "..., the government has announced, the biggest
          -- increase in a decade", "..., he said, without giving details")
          -- (a first part that is no clause yet goes on after the attribution:
          -- "This, they say, contrasts with", "That might, he suggests, lead to")
          local w2 = doc:lower(jc + 2)
          -- (a participle after the attribution is the writer's: "..., one of
          -- the sources said, declining to be identified because ...")
          local goes_on = w2 == "that" or w2 == "to" or AUX[w2] or IRREGULAR_PAST[w2] or
            (doc:is(jc + 2, "lower") and w2:find("[^e]ed$")) or
            (verb_in(doc, jc + 2, last) and not SPEAKER_ACT[w2]) or
            AUX[doc:lower(b - 1)] or not verb_in(doc, a, b - 1) or
            -- (a subordinate clause first wants its main one after: "Though that
            -- transition was seamless, he said, replacing Clinton would be ...")
            CLAUSE_CONJ[doc:lower(a)] ~= nil
          if not goes_on then
            e1 = trim_end(doc, b - 1)
            if e1 > s and doc:covered("quote", s, e1) == 0 then
              local inner = doc:inside("quote", s, e1)
              doc:add("quote", s, e1, {kind = "indirect", mixed = #inner > 0 or nil,
                _verb_first = i, _verb_last = j, _verb_entry = entry})
            end
          elseif e > s2 and e1 > s and doc:covered("quote", s, e) == 0 then
            local inner = doc:inside("quote", s, e)
            doc:add("quote", s, e, {kind = "indirect", mixed = #inner > 0 or nil, parts = {{s, e1}, {s2, e}},
              _verb_first = i, _verb_last = j, _verb_entry = entry})
          end
        elseif entry.complement and j + 2 < last and not NOUN_PREP[doc:lower(j + 1)] and doc:lower(j + 1) ~= "at" and
            doc:lower(j + 1) ~= entry.complement then
          -- "Putin accused Europeans of seeking to obstruct ...": the one
          -- accused and what of (not the passive, "was accused of")
          local c, p = j + 1, nil
          for t = j + 2, math.min(last - 1, j + 9) do
            local k = doc:kind(t)
            if k == "punct" or k == "quote" or AUX[doc:lower(t)] then break end
            if doc:lower(t) == entry.complement then
              p = t
              break
            end
          end
          if p then
            -- (to the clause's end, or a comma before a participle or a clause
            -- of its own: "of “playing with fire” by keeping rates high, warning that")
            local stop = last
            for t = p + 2, last - 1 do
              if doc:word(t) == "," and (CLAUSE_BREAK[doc:lower(t + 1)] or SPEAKER_ACT[doc:lower(t + 1)]) then
                stop = t
                break
              end
            end
            local s, e = doc:tok(c), clause_end(doc, stop, p + 1, relative)
            if e > s and #doc:covering("quote", s, e) == 0 then
              local inner = doc:inside("quote", s, e)
              doc:add("quote", s, e, {kind = "indirect", mixed = #inner > 0 or nil, _verb_first = i, _verb_last = j, _verb_entry = entry})
            end
          end
        elseif entry.clause and entry.kind ~= "request" and not attributes_quote_before(doc, i, first) then
          -- (not '“...,” said X, an economist': that is the attribution of the quote before)
          local c = j + 1
          if entry.object then
            -- skip the addressee: "told reporters (this morning)", "told Sky News"
            local m = doc:after("mention", ve)
            local mt = m and doc:tokat(m.start)
            if mt and (mt == c or (mt == c + 1 and doc:lower(c) == "the")) then
              c = doc:tokat(m["end"] - 1) + 1
              -- (a name right after it is the same addressee's: "told Sky
              -- News Australia", "told BBC Radio Five Live")
              -- (not the clause's subject: "told Reuters Pakistan had
              -- suspended", "told the BBC Labour MPs would")
              for _ = 1, 2 do
                local m2 = c <= last and doc:after("mention", doc:tok(c) - 1)
                if not (m2 and doc:tokat(m2.start) == c) then break end
                local n = doc:tokat(m2["end"] - 1) + 1
                local nw = n <= last and doc:lower(n)
                if not (nw and (nw == ":" or nw == "that" or NP_START[nw] or PRONOUNS[nw] or doc:kind(n) == "quote")) then
                  break
                end
                c = n
              end
              -- (and the show's title after it: 'told MSNBC's "Morning Joe" that')
              if c < last and doc:kind(c) == "quote" and doc:is(c, "open") then
                local k = c + 1
                while k < last and k <= c + 6 and doc:kind(k) ~= "quote" and (doc:is(k, "title") or #doc:word(k) <= 3) do
                  k = k + 1
                end
                if k > c + 1 and doc:kind(k) == "quote" then c = k + 1 end
              end
            end
            local skipped = 0
            local addressed = c > j + 1   -- (a named addressee was skipped)
            -- (a determiner after the addressee opens the clause: "told the
            -- BBC her son was", "told reporters his plan had"; "told her the
            -- plan" has her as the addressee)
            while c <= last and skipped < 4 and doc:word(c) ~= "that" and doc:is(c, "lower") and
                not PRONOUNS[doc:lower(c)] and doc:lower(c) ~= "the" and
                not (NP_START[doc:lower(c)] and ((addressed and skipped == 0) or
                     (skipped > 0 and doc:lower(c - 1):find("[^su]s$") and not AUX[doc:lower(c - 1)]))) do
              -- (a clause of time or cause after the one told reports nothing:
              -- "told journalists as he arrived at the summit")
              if CLAUSE_CONJ[doc:lower(c)] and c > j + 1 then
                c = last + 1
                break
              end
              c = c + 1
              skipped = skipped + 1
            end
            -- 'told MPs: “...”': a colon after the addressee opens a direct quote
            -- (past the rest of a name: 'told BBC Radio Five Live: “...”')
            local k = c
            while k < last and k < c + 5 and doc:is(k, "title") and doc:kind(k) == "word" do k = k + 1 end
            if c < last and (doc:word(c + 1) == ":" or doc:word(k) == ":") then c = last end
          end
          -- "said on Wednesday that ...", "said at talks in Riyadh that ...": a "that" soon after
          -- (at the sentence's last token there is nothing to move to;
          -- nor after an infinitive, "vowed to go after any company that buys")
          -- (not past a verb: "said there was disappointment that ...", where
          -- "that" is the noun's)
          -- (not past a subject that opens the clause: "says there needs to be
          -- a law that requires ..." reports all of it)
          local opens = c <= last and OPENING_SUBJECT[doc:lower(c)]
          local t = c < last and not opens and not infinitive_after(doc, j, last) and
            (THAT_SOON:match(doc, c) or that_past_place(doc, c, last))
          if t and t <= last then
            for x = c, t - 1 do
              if AUX[doc:lower(x)] then t = nil break end
            end
            -- (nor past a clause of its own: "said the package added spending
            -- that had not been debated")
            -- (but a second verb after "and" is the speaker's: "highlighted
            -- his absence and reported that")
            -- ("said witnesses saw a gun and that one was found": the same
            -- verb's two clauses)
            if t and (NP_START[doc:lower(c)] or PRONOUNS[doc:lower(c)] or named_subject(doc, c, t) or
                      (doc:is(c, "lower") and doc:lower(c):find("[^su]s$") and not NOUN_PREP[doc:lower(c)])) and
                finite_verb(doc, c, t - 1) then
              local joined = false
              for x = c, t - 1 do
                local w = doc:lower(x)
                if w == "and" or w == "or" or w == "but" or w == "," then joined = true break end
              end
              if not joined or doc:lower(t - 1) == "and" then t = nil end
            end
            -- (nor past a noun of what is said after a preposition or an
            -- article, whose clause it is: "declined to comment on reports
            -- that Putin could meet Kellogg"; not "he hopes that", nor "said
            -- in its request that")
            if t and t - 2 > j and CLAIM_NOUN[doc:lower(t - 1)] then
              local p = doc:lower(t - 2)
              -- (but "said in a report that ...": the report is where it was said)
              local where = t - 3 > j and doc:lower(t - 3) == "in" and NP_START[p]
              if (NOUN_PREP[p] or NP_START[p] or p == "these" or p == "those") and not where then t = nil end
            end
            if t then c = t end
          end
          -- "said on Wednesday it was ...": skip a short prepositional phrase
          local w = c <= last and doc:lower(c)   -- the word at c (false past the sentence)
          -- "said Friday (that) ...", "said yesterday it was ...": a bare time word
          -- (not a day that owns what follows: "said Monday night's vote showed")
          while w and DAY_WORDS[w] and c < last and not doc:lower(c + 1):find("['’]s$") do
            c = c + 1
            w = doc:lower(c)
          end
          -- (a phrase of time with "the" and a noun or two, before a pronoun
          -- subject: "said after the convention he would not accept")
          if w and PP_BEFORE_PRONOUN[w] and c + 3 < last and (doc:lower(c + 1) == "the" or doc:lower(c + 1) == "a") then
            local u = c + 2
            while u < last and u <= c + 3 and doc:is(u, "lower") and doc:kind(u) == "word" and
                not NOMINATIVE[doc:lower(u)] do
              u = u + 1
            end
            if u > c + 2 and NOMINATIVE[doc:lower(u)] then
              c = u
              w = doc:lower(c)
            end
          end
          if w and PREPS[w] then
            local t = c + 1
            while t <= last and t <= c + 4 and (doc:is(t, "title") or doc:kind(t) == "number" or TIME_WORDS[doc:lower(t)]) do t = t + 1 end
            if t > c + 1 then
              c = t
              w = c <= last and doc:lower(c)
            end
          end
          local that = w == "that"
          local demonstrative = false
          local body = that and c + 1 or c
          -- "that" before a verb is a relative pronoun ("groups that published
          -- the paper", "trucks that were allowed"), opening no reported clause
          if that and body <= last then
            local b = doc:lower(body)
            -- (but "that" before a modal is the clause's subject: "said that
            -- would permit more ships", a demonstrative)
            if AUX[b] or IRREGULAR_PAST[b] or (doc:is(body, "lower") and b:sub(-2) == "ed") then
              if c == j + 1 and body < last then
                that, demonstrative, body = false, true, c
              else
                that = false; w = nil
              end
            end
          end
          -- a subject: a name, pronoun, determiner or number, or a bare noun
          -- right before an auxiliary ("said fighting was still going on")
          -- (a bare subject whose auxiliary was found past a relative clause
          -- needs no finite verb looked for again)
          -- (not after a participle that is an adjective: "life threatening diseases who are")
          -- (nor after a verb form that is no finite one: "in written remarks
          -- distributed", "would slash guaranteed prices paid")
          local pw = i > 1 and doc:lower(i - 1) or ""
          local finite = not (NOUN_PREP[pw] or (doc:lower(i):find("ed$") and i > 1 and doc:is(i - 1, "lower") and
            doc:kind(i - 1) == "word" and not pw:find("s$") and not AUX[pw] and not adverb_like(pw)))
          local bare_aux = w and bare_subject(doc, c, last, finite and c <= j + 3 and not (c == j + 1 and doc:lower(j):find("ing$")))
          local has_subject = that or demonstrative or (w and (doc:is(c, "title") or PRONOUNS[w] or PRONOUNS[w:match("^(%a+)'") or ""] or
            SUBJECT_START[w] or
            doc:kind(c) == "number" or (CURRENCY_SIGN[w] and c < last and doc:kind(c + 1) == "number") or
            (HEDGE_SUBJECT[w] and c + 2 <= last and (doc:kind(c + 1) == "number" or doc:kind(c + 2) == "number" or
                                                     (COUNT_WORD[doc:lower(c + 1)] and w ~= "at" and w ~= "up") or
                                                     -- ("said at least six patients had been")
                                                     (w == "at" and doc:lower(c + 1) == "least" and
                                                      COUNT_WORD[doc:lower(c + 2)]))) or
            bare_aux))
          -- (an amount's verb comes before a clause of its own: "threatens
          -- 50% tariffs on EU goods as talks stall" reports nothing; an
          -- amount after the verb is its object far more often than a subject)
          local amount = w and (doc:kind(c) == "number" or CURRENCY_SIGN[w] or HEDGE_SUBJECT[w])
          -- (nor by an -s form after a name: "50% tariffs on EU goods")
          if has_subject and not that and not (bare_aux and bare_aux ~= true) and
              not finite_verb(doc, body, amount and main_clause_last(doc, body, last) or last, amount) then
            has_subject = false
          end
          -- ", reports Moscow's TASS news service.": an inverted verb names its
          -- speaker after it; the clause is before the comma
          -- (a pronoun after it is a clause's subject: "Obama, dedicating the museum, said it would")
          -- (not after an apposition, where a long clause follows: "Phil
          -- Smith, a spokesman for the union, said the union expected ...")
          -- (not a participle: ", saying the plan was bad" names no speaker
          -- after it; one that takes an addressee first, ", telling Turkish
          -- radio: ...", does)
          if has_subject and not that and i > first and doc:word(i - 1) == "," and not PRONOUNS[w] and
              not (doc:lower(j):find("ing$") and not entry.object) and not apposition_before(doc, first, i - 1) then
            has_subject = false
          end
          -- (a comma after "that" opens an aside: "said that, if elected, he'd leave")
          if has_subject and last - body >= 3 and doc:word(body) ~= ":" and doc:kind(body) ~= "quote" and
              (doc:kind(body) ~= "punct" or (that and doc:word(body) == ",")) then
            local s = doc:tok(that and c or body)
            local e = clause_end(doc, last, body, relative)
            local q = doc:covering("quote", s, e)
            if e > s and #q == 0 then
              local inner = doc:inside("quote", s, e)
              doc:add("quote", s, e, {kind = "indirect", mixed = #inner > 0 or nil, _verb_first = i, _verb_last = j, _verb_entry = entry})
            end
          end
          -- "CLAUSE, X said." : the clause before the comma
          -- (a verb right after the comma names its speaker after it, "...,
          -- said Mr Armstrong"; not "..., expected in 2006")
          local inverted_ok = i < last and (doc:is(i + 1, "title") or SUBJECT_START[doc:lower(i + 1)])
          -- (the verb near the sentence's end, maybe with a phrase after it:
          -- "..., the U.S. Embassy says in a new report.")
          -- (past the one told: "..., Stephen Bosworth told Reuters in an interview.")
          local jj = j
          if entry.object and j < last then
            local m = doc:after("mention", select(2, doc:tok(j)))
            local mt = m and doc:tokat(m.start)
            if mt and (mt == j + 1 or (mt == j + 2 and doc:lower(j + 1) == "the")) then jj = doc:tokat(m["end"] - 1) end
          end
          -- ("..., said a source close to the talks.": an unnamed source at length)
          -- (or a name with its apposition: "..., said Jeffrey N. Trimble, a
          -- senior official with the board that oversees them.")
          local named_apposition = false
          if j < last and i > 1 and doc:word(i - 1) == "," then
            local m = doc:after("mention", select(2, doc:tok(j)))
            if m and m.type == "person" and doc:tokat(m.start) == j + 1 then
              local me = doc:tokat(m["end"] - 1)
              named_apposition = me + 2 <= last and doc:word(me + 1) == "," and
                (NP_START[doc:lower(me + 2)] or doc:lower(me + 2) == "who")
            end
          end
          local near_end = named_apposition or jj >= last - 4 or (jj >= last - 8 and TAIL_PREPS[doc:lower(jj + 1)] and
            (NP_START[doc:lower(jj + 2)] or DAY_WORDS[doc:lower(jj + 2)] or doc:lower(jj + 2) == "reporters")) or
            tail_clause_after(doc, jj, last) or (jj >= last - 9 and unnamed_source(doc, jj + 1, last))
          -- (never an infinitive: "..., RIE, for trading to continue.")
          if near_end and i > first + 3 and not earlier_verb and doc:lower(i - 1) ~= "to" and
              not (doc:word(i - 1) == "," and not inverted_ok and not role_name_before(doc, first, i - 1)) then
            local c2 = i - 1
            -- ("..., the regional governor, Vyacheslav Gladkov, said": the
            -- comma before the role)
            local rn = doc:word(i - 1) == "," and role_name_before(doc, first, i - 1)
            if rn then c2 = rn + 1 end
            while c2 > first and doc:word(c2) ~= "," do c2 = c2 - 1 end
            -- (the words before the comma must be a clause, not an adverbial:
            -- "In a Wall Street Journal essay last week, he wrote", "But when
            -- Congress cut funding, ...")
            local start = past_dateline(doc, first, c2)
            local a = start
            if doc:kind(a) == "quote" then a = a + 1 end
            if CONJ[doc:lower(a)] then a = a + 1 end
            local from = start
            -- (a hedge on a number opens no adverbial: "At least 45 people
            -- have been killed", "Over 100 homes were destroyed")
            local n1 = a + 1
            if doc:lower(n1) == "least" or doc:lower(n1) == "most" then n1 = n1 + 1 end
            local hedged = HEDGE_PREP[doc:lower(a)] and n1 <= c2 and
              (doc:kind(n1) == "number" or COUNT_WORD[doc:lower(n1)] ~= nil)
            if SUBORDINATE[doc:lower(a)] and not hedged then
              -- "After this meeting, Witkoff may meet ..., a source said": after the lead
              -- (a lead with a verb is a clause, and part of what was said:
              -- "While in the US drivers prefer SUVs, in Europe demand is ...")
              from = nil
              local t = a + 1
              while t <= c2 - 3 do
                if doc:word(t) == "," then
                  -- (past a relative clause the lead ends in: "In line with
                  -- Ciba-Geigy, which reported last month, Sandoz profit was hit")
                  local u = t
                  if RELATIVE_OPENER[doc:lower(t + 1)] then
                    u = t + 2
                    while u < c2 - 2 and doc:word(u) ~= "," do u = u + 1 end
                    if doc:word(u) ~= "," then u = t end
                  end
                  from = clause_has_verb(doc, a + 1, t - 1) and start or u + 1
                  break
                end
                t = t + 1
              end
            end
            -- (a comma inside closing marks, “... changes,” Obama said, is the
            -- partial quote's: quote.mixed takes that sentence whole)
            -- (a bracketed acronym after the speaker's name does not count:
            -- "..., Greater Manchester Police (GMP) said")
            -- (a comparison is no attribution: "..., less than Wall Street had
            -- feared", "..., more than analysts expected")
            local compared = false
            for t = c2 + 1, i - 1 do
              if doc:lower(t) == "than" then compared = true end
            end
            -- (nor a relative clause: "It now goes to President Joe Biden,
            -- who is expected to sign it")
            if RELATIVE_OPENER[doc:lower(c2 + 1)] then compared = true end
            local dist = compared and math.huge or i - c2
            if doc:word(i - 1) == ")" then
              for t = i - 2, math.max(c2 + 1, i - 4), -1 do
                if doc:word(t) == "(" then dist = dist - (i - t) break end
              end
            end
            -- (a longer attribution is an unnamed source at length, or a
            -- role and a name in capitals: "..., Los Angeles County Fire
            -- Chief Anthony Marrone said")
            local titled = dist <= 10
            for t = c2 + 1, i - 1 do
              if not (doc:kind(t) == "word" and doc:is(t, "title")) then titled = false break end
            end
            if from and c2 > from + 2 and (dist <= 6 or titled or rn or (dist <= 9 and unnamed_source(doc, c2 + 1, i - 1))) and
                doc:kind(c2 + 1) ~= "quote" and
                clause_has_verb(doc, from, c2 - 1) then
              local first = from
              local s = doc:tok(first)
              local _, e = doc:tok(c2 - 1)
              if doc:kind(c2 - 1) == "quote" then e = doc:tok(c2 - 1) end
              if doc:kind(first) == "quote" then _, s = doc:tok(first) end
              local q = doc:covering("quote", s, e)
              -- (not from inside a direct quote that a comma ends to past its
              -- end: '“If ..., then we think ...,” Vincent Koen, an economist,
              -- told the BBC'; '“Dubious” assumptions could ...' is a clause)
              for _, d in ipairs(doc:covering("quote", s, s + 1)) do
                if d.kind ~= "indirect" and d["end"] < e and doc:text(d["end"] - 1, d["end"]) == "," then q = {d} end
              end
              if e > s and #q == 0 then
                local inner = doc:inside("quote", s, e)
                local direct_all = false
                for _, d in ipairs(inner) do if d["end"] - d.start >= (e - s) * 0.8 then direct_all = true end end
                if not direct_all then
                  doc:add("quote", s, e, {kind = "indirect", mixed = #inner > 0 or nil, _verb_first = i, _verb_last = j, _verb_entry = entry, _after = true})
                end
              end
            end
          end
        end
      end
    end
  end,
  examples = {
    ["Rubio said the United States was hoping for a positive response."] =
      {quote = {{text = "the United States was hoping for a positive response", kind = "indirect"}}},
    ["Ukraine will have to cede land, one source said."] =
      {quote = {{text = "Ukraine will have to cede land", kind = "indirect"}}},
    -- a hedged count in words opens a clause too
    ["Researchers said about one in six participants stopped taking the drug."] = {quote = {
      {text = "about one in six participants stopped taking the drug", kind = "indirect"}}},
    -- a word after a subject pronoun is its verb; a word in -ed after a preposition an adjective
    ["Analysts said they expect strong sales. He warned of controls on advanced chips."] = {quote = {
      {text = "they expect strong sales", kind = "indirect"}}},
    -- an amount after the verb is its object, unless a verb of its own follows
    ["Trump threatens 50% tariffs on EU goods as talks stall. Officials said more than 100 people were killed."] = {quote = {
      {text = "more than 100 people were killed", kind = "indirect"}}},
    -- a direct quote with its attribution before "according to" is no clause of the outlet's
    ["“It is not realistic,” Dmitry Peskov told reporters, according to Tass."] = {quote = {
      {text = "It is not realistic,", kind = "direct"}}},
    -- what the speaker did while speaking is the writer's
    ["A deal could come next week, one of the sources said, declining to be identified because talks are private."] = {quote = {
      {text = "A deal could come next week", kind = "indirect"}}},
    -- "X, he said, Y": both parts, unless Y has no verb and is the writer's
    ["Fares will rise by 4.6% in March, the government has announced, the biggest increase in a decade. The museum, Mr. Bush said, celebrated his heroes."] = {quote = {
      {text = "Fares will rise by 4.6% in March", kind = "indirect"},
      {text = "The museum, Mr. Bush said, celebrated his heroes", kind = "indirect"}}},
    -- a contrast with a speaker of its own ends the clause, even with no verb known before it
    ["Merz warned that tariffs “harm everyone”, while a spokesman said Paris would respond."] = {quote = {
      {text = "that tariffs “harm everyone”", kind = "indirect"}, {text = "harm everyone", kind = "direct"},
      {text = "Paris would respond", kind = "indirect"}}},
    -- a lead clause with a verb is part of what was said; "according to" after a direct quote reports nothing more
    ["While in the US drivers tend to prefer big cars, in Europe demand is likely to be considerable, Mr Panke said."] =
      {quote = {{text = "While in the US drivers tend to prefer big cars, in Europe demand is likely to be considerable", kind = "indirect"}}},
    ['"The UK is the largest market," according to John Binks, director of GfK, which monitors markets.'] =
      {quote = {{text = "The UK is the largest market,", kind = "direct"}}},
    -- the whole addressee is skipped; a colon after it opens a direct quote
    ['McLeish told Sky News Australia the team was good. He told BBC Radio Five Live: "We blew it."'] = {quote = {
      {text = "the team was good", kind = "indirect"}, {text = "We blew it.", kind = "direct"}}},
    -- a "that" past a verb is not the one opening the clause
    ["Arbitrageurs said there was disappointment that neither of the offers topped 20 dlrs."] =
      {quote = {{text = "there was disappointment that neither of the offers topped 20 dlrs", kind = "indirect"}}},
    -- the attribution of the sentence around a reported clause is not in it; an infinitive is no earlier speaker
    ["Forecasters believe that growth will be below three pct, monetary sources said."] = {quote = {
      {text = "that growth will be below three pct", kind = "indirect"}}},
    ["The United States, which has been reluctant to criticize Japan, joined in the attack, he said."] = {quote = {
      {text = "The United States, which has been reluctant to criticize Japan, joined in the attack", kind = "indirect"}}},
    ["The facility, to be guaranteed by BP, is probably the largest ever, bond analysts said."] = {quote = {
      {text = "The facility, to be guaranteed by BP, is probably the largest ever", kind = "indirect"}}},
    ["The facility, guaranteed by BP, is probably the largest ever, bond analysts said."] = {quote = {
      {text = "The facility, guaranteed by BP, is probably the largest ever", kind = "indirect"}}},
    ["The plan, which the ministry announced on Monday, will cost 5 billion dollars, analysts said."] = {quote = {
      {text = "The plan, which the ministry announced on Monday, will cost 5 billion dollars", kind = "indirect", cue = "said"}}},
    ["In line with Ciba-Geigy, which reported last month, Sandoz profit was also hit by the falling dollar, the official said."] = {quote = {
      {text = "Sandoz profit was also hit by the falling dollar", kind = "indirect", cue = "said"}}},
    -- (nor an amount's passive, nor a speech verb's noun before a past)
    ["Crude oil production was estimated at 8.36 mln bpd, down 5.9 pct from a year ago, the EIA said. Oil demand rose to 6.94 mln bpd, it said."] = {quote = {
      {text = "Crude oil production was estimated at 8.36 mln bpd, down 5.9 pct from a year ago", kind = "indirect"},
      {text = "Oil demand rose to 6.94 mln bpd", kind = "indirect"}}},
    -- a "that" after "in a report" is the verb's
    ["The Reporters Without Borders group said in a report that Chinese censorship is among the most developed in the world."] = {quote = {
      {text = "that Chinese censorship is among the most developed in the world", kind = "indirect"}}},
    ["It now goes to President Joe Biden, who is expected to sign it."] = {quote = {}},
    ["The victim's mother told the BBC her son was still receiving treatment. He told reporters his plan had failed. She told her the plan was dead."] = {quote = {
      {text = "her son was still receiving treatment", kind = "indirect"}, {text = "his plan had failed", kind = "indirect"},
      {text = "the plan was dead", kind = "indirect"}}},
    -- a "that" past a clause's verb is not the one opening it
    ["Sen. Rand Paul said the package added $12 billion in spending that had not been debated."] = {quote = {
      {text = "the package added $12 billion in spending that had not been debated", kind = "indirect"}}},
    ["Putney told CNN that the video was unclear, but he said witnesses saw a gun and that one was found nearby."] = {quote = {
      {text = "that the video was unclear", kind = "indirect"},
      {text = "witnesses saw a gun and that one was found nearby", kind = "indirect"}}},
    -- an inverted speaker with a long apposition
    ["Moves against VOA led to their removal from all but one of 100 stations, said Jeffrey N. Trimble, a senior official with the board that oversees them."] = {quote = {
      {text = "Moves against VOA led to their removal from all but one of 100 stations", kind = "indirect"}}},
    ["Separately, a drone attack on Belgorod injured five people, the regional governor, Vyacheslav Gladkov, said."] = {quote = {
      {text = "Separately, a drone attack on Belgorod injured five people", kind = "indirect"}}},
    -- a relative clause of place goes on with what was said
    ["The White House has said it believes the bill could result in retaliatory measures, where other countries would change their laws."] = {quote = {
      {text = "it believes the bill could result in retaliatory measures, where other countries would change their laws", kind = "indirect"}}},
    -- a bare plural and a common verb; "that" before a verb right after the
    -- speech verb is its subject
    ["Hester said parents still want neighborhood schools. She said professors or supervisors would dismiss her. He said that would permit more ships. Dauster will explain his plan to members then."] = {quote = {
      {text = "parents still want neighborhood schools", kind = "indirect"},
      {text = "professors or supervisors would dismiss her", kind = "indirect"},
      {text = "that would permit more ships", kind = "indirect"}}},
    ["He said Barack Obama hopes that his successor will push for the same goals. He denied Conservative claims that he had fiddled the figures."] = {quote = {
      {text = "Barack Obama hopes that his successor will push for the same goals", kind = "indirect"},
      {text = "that he had fiddled the figures", kind = "indirect"}}},
    ["In a statement, one of the family's attorneys, Justin Bamberg, said the videos show Scott calmly leaving his car."] = {quote = {
      {text = "the videos show Scott calmly leaving his car", kind = "indirect"}}},
    ["The Tax Policy Center says it would depress revenue in the early years, but would eventually add $84 billion over 10 years."] = {quote = {
      {text = "it would depress revenue in the early years, but would eventually add $84 billion over 10 years", kind = "indirect"}}},
    -- a hedged number opening the sentence is its subject, no adverbial
    ["At least 45 people have been killed and more than 120 injured, officials said on Friday. Over 100 homes were destroyed, police said."] = {quote = {
      {text = "At least 45 people have been killed and more than 120 injured", kind = "indirect"},
      {text = "Over 100 homes were destroyed", kind = "indirect"}}},
    -- "found" reports only with its "that"
    ["A study found that obesity rates were rising. Indonesia must find new oil reserves to stay an exporter, sources said."] = {quote = {
      {text = "that obesity rates were rising", kind = "indirect"},
      {text = "Indonesia must find new oil reserves to stay an exporter", kind = "indirect"}}},
    -- (nor a participle inside a noun phrase: "the loss reported by")
    ["The loss of 480 mln marks reported last week by Volkswagen AG is so large that traders were involved, currency sources said."] = {quote = {
      {text = "The loss of 480 mln marks reported last week by Volkswagen AG is so large that traders were involved", kind = "indirect"}}},
    ["Officials said more than 100 people were killed and at least 40 were hurt."] =
      {quote = {{text = "more than 100 people were killed and at least 40 were hurt", kind = "indirect"}}},
    ["Analysts say Moscow now controls nearly a fifth of Ukraine's territory."] =
      {quote = {{text = "Moscow now controls nearly a fifth of Ukraine's territory", kind = "indirect"}}},
    -- a comma before the clause has its verb opens an aside in its subject
    ["The Treasury said that budget forestalling, when traders bring in goods early, brought in 300 mln stg."] =
      {quote = {{text = "that budget forestalling, when traders bring in goods early, brought in 300 mln stg"}}},
    -- a verb asking for something is no earlier speaker; a clause of its own may follow the attribution
    ["The state is asking for $320m from the fund, he said."] =
      {quote = {{text = "The state is asking for $320m from the fund", kind = "indirect"}}},
    ["Growth will slow, Mr Mendis told reporters, although he would not say by how much."] =
      {quote = {{text = "Growth will slow", kind = "indirect"}}},
    ["CAIRO (AP) — Negotiators resumed talks on Sunday, two people familiar with the matter said, as strikes killed 12 people."] =
      {quote = {{text = "Negotiators resumed talks on Sunday", kind = "indirect"}}},
    ["Prices will rise, he said, adding that wages would not."] =
      {quote = {{text = "Prices will rise", kind = "indirect"}, {text = "that wages would not", kind = "indirect"}}},
    -- a wire story's dateline is not what was said; a verb taking "to" is no earlier speaker
    ["LUSAKA, March 16 - Zambia has agreed to pay more for maize, an official newspaper said."] =
      {quote = {{text = "Zambia has agreed to pay more for maize", kind = "indirect"}}},
    -- a noun phrase after the verb is no reported clause; a clause needs its verb
    ["On Monday, Russia announced its control of the city, which is a supply line."] = {quote = {}},
    ["He said the prices rose sharply last year."] = {quote = {{text = "the prices rose sharply last year", kind = "indirect"}}},
    -- a long subject owned by a name; "anybody" opens a subject
    ["She says Trump’s early-morning tweets accusing Alicia Machado of having a criminal record and a sex tape are lies."] =
      {quote = {{text = "Trump’s early-morning tweets accusing Alicia Machado of having a criminal record and a sex tape are lies"}}},
    ["He said anybody in the hall is not having a good night."] =
      {quote = {{text = "anybody in the hall is not having a good night"}}},
    -- a relative "that", and an adverbial before the comma, report nothing
    ["He wrote about groups that published the paper last year."] = {quote = {}},
    ["In an essay last week, Smith wrote."] = {quote = {}},
    ["After the meeting in Moscow, the envoys may meet in Europe, a source said."] =
      {quote = {{text = "the envoys may meet in Europe", kind = "indirect"}}},
    ["It is difficult to say whether an election will change that."] = {quote = {}},
    ["She told the BBC the full advice should have been attached."] =
      {quote = {{text = "the full advice should have been attached", kind = "indirect"}}},
    ["Trump said praise from Russian President Vladimir Putin would not affect his policy."] =
      {quote = {{text = "praise from Russian President Vladimir Putin would not affect his policy", kind = "indirect"}}},
    ["Republicans said they're convinced the department mishandled it."] =
      {quote = {{text = "they're convinced the department mishandled it", kind = "indirect"}}},
    ["Soviet officials said foreign businessmen are expressing strong interest."] =
      {quote = {{text = "foreign businessmen are expressing strong interest", kind = "indirect"}}},
    ["Kyiv said fighting was still going on inside the city."] =
      {quote = {{text = "fighting was still going on inside the city", kind = "indirect"}}},
    -- "that" before an aside; a clause with relative clauses and dashes before ", X said";
    -- a poll by a named organisation speaks, data do not
    ["He said that, if elected, he would leave such decisions to military leaders."] =
      {quote = {{text = "that, if elected, he would leave such decisions to military leaders", kind = "indirect"}}},
    ["Scott's relatives, who asked authorities to show them the video, watched it on Thursday, attorneys for the family said."] =
      {quote = {{text = "Scott's relatives, who asked authorities to show them the video, watched it on Thursday", kind = "indirect"}}},
    ["The officer who shot Scott - Brentley Vinson, who was placed on leave - was not wearing a camera, police said."] =
      {quote = {{text = "The officer who shot Scott - Brentley Vinson, who was placed on leave - was not wearing a camera", kind = "indirect"}}},
    ["Clinton and Trump are tied, according to a new CBS News poll. Russia holds a fifth of Ukraine, according to Russian estimates."] =
      {quote = {{text = "Clinton and Trump are tied", kind = "indirect"}}},
    -- an attribution inside what was said, with whom and when; "that" past a place in commas;
    -- past an outlet's show in capitals (which is a title)
    ["The difference now, he told me on Friday, is that he is the anchor of a news program."] =
      {quote = {{text = "The difference now, he told me on Friday, is that he is the anchor of a news program", kind = "indirect"}}},
    ["The arrangements, revealed in a Commons written statement, would raise £680m."] = {quote = {}},
    ["Clinton says at a campaign stop in Toledo, Ohio, that it means Trump paid nothing."] =
      {quote = {{text = "that it means Trump paid nothing", kind = "indirect"}}},
    ["He told CNN's “State of the Union” on Sunday that the plan was dead."] =
      {quote = {{text = "State of the Union", kind = "term"}, {text = "that the plan was dead", kind = "indirect"}}},
    -- whom someone accused or blamed, and of what (not the passive)
    ["Before the meeting began, Putin accused Europeans of seeking to obstruct US efforts."] =
      {quote = {{text = "Europeans of seeking to obstruct US efforts", kind = "indirect"}}},
    ["Russia has blamed the West for the crisis."] = {quote = {{text = "the West for the crisis", kind = "indirect"}}},
    ["He has been accused in some quarters of targeting nationalists."] = {quote = {}},
    ["Senator Elizabeth Warren accused the central bank of “playing with fire” by keeping rates high, warning that workers could lose their jobs."] =
      {quote = {{text = "the central bank of “playing with fire” by keeping rates high", kind = "indirect"},
        {text = "playing with fire", kind = "direct"}, {text = "that workers could lose their jobs", kind = "indirect"}}},
    -- "called" naming a thing is no earlier speaker
    ["The model, called GPT-4o, will be free to all users, chief technology officer Mira Murati said at an event."] =
      {quote = {{text = "The model, called GPT-4o, will be free to all users", kind = "indirect"}}},
    -- a speech noun before a noun modifies it ("state law", "call centres"); a clause opening
    -- with "there" is reported whole, not from a later "that"
    ["The city says the campaign violated federal and state law by using its images."] =
      {quote = {{text = "the campaign violated federal and state law by using its images", kind = "indirect"}}},
    ["Clinton says there needs to be a law that requires nominees to release their tax returns."] =
      {quote = {{text = "there needs to be a law that requires nominees to release their tax returns", kind = "indirect"}}},
    ["As a result, call centres have a high “churn rate”, with a quarter of workers leaving every year."] =
      {quote = {{text = "churn rate", kind = "direct"}}},
    -- an irregular past is a clause's verb
    ["Wilson spread tax increases evenly across the sector, James said."] =
      {quote = {{text = "Wilson spread tax increases evenly across the sector", kind = "indirect"}}},
    -- an inverted attribution with a long role and a name in capitals
    ["About 1,000 structures have been destroyed, Los Angeles County Fire Chief Anthony Marrone said."] =
      {quote = {{text = "About 1,000 structures have been destroyed", kind = "indirect"}}},
    -- the writer's note that a claim could not be checked is no part of it
    ["The ministry said its forces had captured the village, a claim Reuters could not independently verify."] =
      {quote = {{text = "its forces had captured the village", kind = "indirect"}}},
    -- (so do "as" and "when" clauses)
    ["The bank said reserves were 22 billion pesos at the end of December, when reserves required were 21 billion."] =
      {quote = {{text = "reserves were 22 billion pesos at the end of December, when reserves required were 21 billion", kind = "indirect"}}},
    -- a relative clause goes on with what was said, unless it has a speech verb of its own
    ["She added that the black vote seems more anti-Trump than pro-Clinton, which is a problem for her campaign."] =
      {quote = {{text = "that the black vote seems more anti-Trump than pro-Clinton, which is a problem for her campaign", kind = "indirect"}}},
    ["Putin said the regions will never be returned to Ukraine, which says they were annexed illegally."] =
      {quote = {{text = "the regions will never be returned to Ukraine", kind = "indirect"}, {text = "they were annexed illegally", kind = "indirect"}}},
    -- a clause of time after the one told reports nothing
    ['"We will never accept this," Orbán told journalists as he arrived at the summit.'] =
      {quote = {{text = "We will never accept this,", kind = "direct"}}},
    -- a comparison is no attribution
    ["Revenue from Greater China fell 0.3% to $15bn, less than Wall Street had feared."] = {quote = {}},
    -- an -ing form after an article is a noun, no cue
    ["He spoke at a briefing on the Turkish economy arranged for diplomats in Ankara."] = {quote = {}},
    -- a subject with an aside in commas; a plural noun's verb in its base form before an object;
    -- an attribution after a comma is no aside; a time after a plural noun is no verb
    ["Supporters say the program, run by the department, has brought billions of dollars to poor areas."] =
      {quote = {{text = "the program, run by the department, has brought billions of dollars to poor areas", kind = "indirect"}}},
    ["Bamberg said the videos show Scott calmly leaving his car."] =
      {quote = {{text = "the videos show Scott calmly leaving his car", kind = "indirect"}}},
    ["In announcing the sanctions last Friday, President Reagan said Japan had not kept its promise."] =
      {quote = {{text = "Japan had not kept its promise", kind = "indirect"}}},
    -- two nouns and a relative clause; an -s verb after a short noun phrase
    ["She said fathers and parents who adopt would not be eligible for the leave."] =
      {quote = {{text = "fathers and parents who adopt would not be eligible for the leave", kind = "indirect"}}},
    -- a noun or "anyone" and a relative clause with verbs of its own, before the main clause's
    ["The charity said anyone who had been prescribed aspirin after a stroke should keep taking it."] =
      {quote = {{text = "anyone who had been prescribed aspirin after a stroke should keep taking it", kind = "indirect"}}},
    -- a verb seldom a noun, in its base form after a plural or a name: the clause's own
    ["Millions of people in Britain take aspirin daily, she added. The Soviets want a higher offer, the source said."] =
      {quote = {{text = "Millions of people in Britain take aspirin daily", kind = "indirect"},
                {text = "The Soviets want a higher offer", kind = "indirect"}}},
    ["Prosecutor Amelia Hart said at least six patients had been left in pain."] =
      {quote = {{text = "at least six patients had been left in pain", kind = "indirect"}}},
    -- a participle after a comma reports a clause with a subject of its own;
    -- one that takes an addressee names it first
    ["The judge rejected the request, saying the courts have no business deciding it."] =
      {quote = {{text = "the courts have no business deciding it", kind = "indirect"}}},
    ["He was defiant, telling Turkish radio: “We can never accept that.”"] =
      {quote = {{text = "We can never accept that.", kind = "direct"}}},
    -- a "that" after a noun of what is said is that noun's ("on reports that"), not the verb's
    ["He declined to comment on reports that Putin could meet Kellogg."] = {quote = {}},
    ["The federation said in its request that many exporters were operating without profit."] =
      {quote = {{text = "that many exporters were operating without profit", kind = "indirect"}}},
    -- an -s verb after a noun phrase a name's possessive opens
    ["But many Democrats say Mrs. Clinton's statistical advantage obscures concerns about turnout."] =
      {quote = {{text = "Mrs. Clinton's statistical advantage obscures concerns about turnout", kind = "indirect"}}},
    -- an -s form of a verb seldom a noun after a short noun phrase
    ["Critics say the bill goes too far."] = {quote = {{text = "the bill goes too far", kind = "indirect"}}},
    -- a plural noun and a past, and an aside naming the subject
    ["Gary Marcus said benchmark scores often overstated what such systems could do."] =
      {quote = {{text = "benchmark scores often overstated what such systems could do", kind = "indirect"}}},
    ["The company said the model, called o3, scored 87.5% on a test."] =
      {quote = {{text = "the model, called o3, scored 87.5% on a test", kind = "indirect"}}},
    -- (not after a verb form that is no finite one: "in written remarks distributed")
    ["The minister, in written remarks distributed today, was firm."] = {quote = {}},
    -- "said" and a phrase of time before a pronoun subject
    ["Trump said after the convention he would not accept the endorsement."] =
      {quote = {{text = "he would not accept the endorsement", kind = "indirect"}}},
    -- (not after a participle that is an adjective)
    ["Patients with life threatening diseases who are not in trials would get access."] = {quote = {}},
    ["The commissioner says an internal review shows no one from the state Department of Revenue Services released the filings."] =
      {quote = {{text = "an internal review shows no one from the state Department of Revenue Services released the filings", kind = "indirect"}}},
    -- (no verb in "the existing owners the revised price"; an infinitive is no inverted cue)
    ["He warned the state could take the easy route of charging the existing owners the revised price."] =
      {quote = {{text = "the state could take the easy route of charging the existing owners the revised price", kind = "indirect"}}},
    ["This legislation requires a futures market to become a Recognised Investment Exchange, RIE, for trading to continue."] = {quote = {}},
    -- past the one told and a phrase; a negated verb before is no earlier speaker
    ["The country is poised for growth, Ambassador Stephen Bosworth told Reuters in an interview."] =
      {quote = {{text = "The country is poised for growth", kind = "indirect"}}},
    ["The Soviets have not indicated a need for a subsidy, and an offer is unlikely, Richard Lyng told Reuters."] =
      {quote = {{text = "The Soviets have not indicated a need for a subsidy, and an offer is unlikely", kind = "indirect"}}},
    ["“If prices hold, then we think the shock can be absorbed,” Vincent Koen, an economist, told the BBC."] =
      {quote = {{text = "If prices hold, then we think the shock can be absorbed,", kind = "direct"}}},
    -- an amount of money opening the subject
    ["Unions oppose the plans but Mr Brown said £2bn savings had already been made."] =
      {quote = {{text = "£2bn savings had already been made", kind = "indirect"}}},
    -- "according to" maps or estimates: nobody speaks
    ["Russia controls a fifth of Ukraine, according to open source maps."] = {quote = {}},
    ["He added that the deal will allow them to not only rebuild their economy, but also prosper."] =
      {quote = {{text = "that the deal will allow them to not only rebuild their economy, but also prosper", kind = "indirect"}}},
    ["Russia is ready, reports the TASS agency."] = {quote = {{text = "Russia is ready", kind = "indirect"}}},
    -- a speech verb inside the clause with a quote of its own ends it
    ["When Clinton noted that Trump paid no taxes ― Trump boasted, “That makes me smart.”"] = {quote = {
      {text = "that Trump paid no taxes", kind = "indirect"}, {text = "That makes me smart.", kind = "direct"}}},
    ["Trump stressed that the conflict is a complex issue, “it’s not easy, believe me,” he said."] = {quote = {
      {text = "that the conflict is a complex issue", kind = "indirect"}, {text = "it’s not easy, believe me,", kind = "direct"}}},
    -- a demand is no report of what was said
    ["Trump reversed his policy, demanding that it take steps to end the conflict."] = {quote = {}},
    -- a bare time word after the verb is no subject
    ["Putin said Friday as he entered the talks."] = {quote = {}},
    ["Putin said Friday the talks were over."] = {quote = {{text = "the talks were over", kind = "indirect"}}},
    -- a parenthetical attribution: the sentence around it, in two parts
    ["Acts of protest, Mr. Obama said, are acts of patriotism."] =
      {quote = {{text = "Acts of protest, Mr. Obama said, are acts of patriotism", kind = "indirect"}}},
    ["According to TASS, he said: “No scenario will suit us.”"] = {quote = {{text = "No scenario will suit us.", kind = "direct"}}},
    ['He told MPs: "There remains a public emergency."'] = {quote = {{text = "There remains a public emergency.", kind = "direct"}}},
    -- an infinitive after the verb is no reported clause; "to" before its addressee is
    ["The shareholders vowed to go after any company that buys its assets."] = {quote = {}},
    ["He explained to reporters that the plan had failed."] = {quote = {{text = "that the plan had failed", kind = "indirect"}}},
    ['Peabody said: "It was a success," adding that its value quadrupled in a year.'] =
      {quote = {{text = "It was a success,", kind = "direct"}, {text = "that its value quadrupled in a year", kind = "indirect"}}},
    -- an attribution after a quote reports nothing more, even where the source lost its stop
    ['"The risks are real," said bank analyst Vadim Mitroshin The dispute is partly driven by politics.'] =
      {quote = {{text = "The risks are real,", kind = "direct"}}},
    ["Indonesia appears to be nearing a crossroads, the U.S. Embassy says in a new report."] =
      {quote = {{text = "Indonesia appears to be nearing a crossroads", kind = "indirect"}}},
    ["Israel will not attend, but is said to be closely watching the outcome."] = {quote = {}},
    ["He was criticised by Michael Johnson, who cast doubt on Campbell's injury claims."] = {quote = {}},
    ["One Western diplomat said the talks had stalled, according to TASS."] =
      {quote = {{text = "the talks had stalled", kind = "indirect"}}},
    ["Phil Smith, a spokesman for the union, said the union expected production to improve at the mine."] =
      {quote = {{text = "the union expected production to improve at the mine", kind = "indirect"}}},
    ["The company, which employs 5,000 people, said profits had fallen sharply in the last quarter."] =
      {quote = {{text = "profits had fallen sharply in the last quarter", kind = "indirect"}}},
    ["Those discussions are continuing, he said."] = {quote = {{text = "Those discussions are continuing", kind = "indirect"}}},
    ["Russia controls a fifth of Ukraine, according to officials."] =
      {quote = {{text = "Russia controls a fifth of Ukraine", kind = "indirect"}}},
  },
}
