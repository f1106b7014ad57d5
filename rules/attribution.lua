-- Speakers: for each quote, the speech verb next to it (the cue) and who
-- says it: an actor's mention, a pronoun resolved to the nearest person of
-- its gender, a descriptor ("the Indiana governor", "a senior official"),
-- a capitalised name the actor rules did not know, or a transcript label
-- ("WALLACE: ..."). A quote with no cue continues the previous speaker;
-- "according to" an outlet becomes `via`.
local ORGS = lexicon "orgs"
local NAMES = lexicon "names"
local ORG_NOUN = lexicon "org_nouns"
local RARE_NAMES = lexicon "names_rare"
local HONORIFICS = lexicon "honorifics"
local ROLES = lexicon "roles"
local DEMONYMS = lexicon "demonyms"
local PLACES = lexicon "places"
local SOURCE_WORDS = lexicon "source_words"

local PRONOUN = {he = "m", she = "f", they = "group", it = "group", we = "group"}
local OBJECT_PRONOUN = {him = "m", her = "f", them = "group"}
-- The pronoun of a word, with a verb glued on or not: "he", "he’s", "they'll".
local function pronoun_word(w)
  if PRONOUN[w] then return w end
  local base = w:match("^(%a+)['’]%a%a?$")
  return base and PRONOUN[base] and base or nil
end
local ANON = {source = true, sources = true, official = true, officials = true, aide = true, aides = true,
  person = true, people = true, diplomat = true, diplomats = true, insider = true, insiders = true}
-- what anonymous sources are near: "sources close to the minister"
local CLOSE_TO = {["close to"] = true, ["familiar with"] = true, ["loyal to"] = true, ["near to"] = true,
  ["knowledge of"] = true, ["briefed on"] = true}
-- determiners that open a descriptor subject ("the commission", "a spokeswoman")
local DET = {the = true, a = true, an = true, his = true, her = true, its = true, their = true, our = true, my = true, your = true,
  one = true, two = true, three = true, several = true, some = true, another = true, other = true, this = true}
-- words between a subject and its verb ("Peskov also told", "she has repeatedly said")
-- verbs whose object is who was told ("told Reuters")
local SPEECH_OBJECT = {told = true, tells = true, tell = true, telling = true}

-- time words between a subject and its verb
local WHEN = {}
for w in ("today yesterday tonight monday tuesday wednesday thursday friday saturday sunday " ..
    "last late early next this week month year weekend morning afternoon evening night"):gmatch("%a+") do
  WHEN[w] = true
end

local MONTH = {}
for w in ("january february march april may june july august september october november december"):gmatch("%a+") do
  MONTH[w] = true
end

-- forms of "be" before a participle, which make the verb passive
local BE = {be = true, been = true, being = true, is = true, was = true, were = true, are = true}
local BETWEEN = {also = true, has = true, had = true, have = true, is = true, was = true, were = true, are = true,
  will = true, would = true, later = true, ["then"] = true, previously = true, again = true, repeatedly = true,
  reportedly = true, recently = true, once = true, never = true, already = true, publicly = true,
  privately = true, separately = true, earlier = true, quickly = true, just = true, ["n't"] = true, ["not"] = true,
  further = true, even = true, ["’s"] = true, ["'s"] = true, often = true, frequently = true,
  initially = true, first = true, subsequently = true, still = true, too = true, been = true, instead = true}
-- a capitalised word before a verb that is no name
local NOT_NAME = {the = true, but = true, ["and"] = true, he = true, she = true, it = true, they = true, we = true,
  i = true, this = true, that = true, there = true, ["then"] = true, ["in"] = true, on = true, at = true, as = true,
  monday = true, tuesday = true, wednesday = true, thursday = true, friday = true, saturday = true, sunday = true}

-- words that end a noun phrase read backwards ("a report where five sources")
local NOT_IN_NP = {where = true, who = true, which = true, that = true, ["of"] = true, ["in"] = true, on = true,
  at = true, ["for"] = true, with = true, by = true, to = true, from = true, ["and"] = true, ["or"] = true,
  when = true, as = true, ["while"] = true, because = true, although = true, though = true, since = true,
  ["if"] = true, whereas = true, but = true}
-- words before a group for some of it: "many Democrats", "some Republicans"
local QUANTIFIER = {many = true, some = true, most = true, several = true, few = true, other = true,
  two = true, three = true, both = true, all = true}
-- words for some of a group: "one of the sources", "some of the analysts"
local PART_OF = {one = true, some = true, many = true, most = true, several = true, none = true, each = true,
  both = true, all = true, another = true}
local NUMBER_WORD = {four = true, five = true, six = true, seven = true, eight = true, nine = true, ten = true,
  many = true, multiple = true, both = true, two = true, three = true}

local PREP = {with = true, to = true, ["for"] = true, of = true, by = true, from = true, at = true, ["in"] = true,
  on = true, near = true, close = true}

local function lower(doc, k) return doc:lower(k) end
local role_holder, sentence_subject, subject_at, descriptor   -- defined below, used before
local qualifiers, named_last, org_named_last, people_before
local function is_word(doc, k) return doc:kind(k) == "word" end

local function in_direct_quote(doc, s)
  for _, q in ipairs(doc:covering("quote", s, s + 1)) do
    if q.kind ~= "indirect" then return true end
  end
  return false
end

-- ---- the article's people, for pronouns ----------------------------------------

local PRONOUN_GENDER = {he = "m", him = "m", his = "m", himself = "m", she = "f", her = "f", hers = "f", herself = "f"}

-- The gender the pronouns right after a person's mentions point to: the
-- he/his or she/her words before the next person is named, over all the
-- mentions of that name ("Hillary Clinton ... her plan", where "Hillary"
-- is a name of both genders). Nil unless one clearly outnumbers the other.
local function pronoun_gender(doc, cx, name)
  local votes = {m = 0, f = 0}
  local people, n = cx.people, doc:ntok()
  for k, m in ipairs(people) do
    if m.name == name then
      local stop = people[k + 1] and people[k + 1].start or #doc
      local t = doc:tokat(m["end"])
      local limit = math.min(n, t + 15)
      while t <= limit and doc:tok(t) < stop do
        local g = PRONOUN_GENDER[doc:lower(t)]
        if g then votes[g] = votes[g] + 1 end
        t = t + 1
      end
    end
  end
  if votes.f >= 2 and votes.f >= 2 * votes.m then return "f" end
  if votes.m >= 2 and votes.m >= 2 * votes.f then return "m" end
  return nil
end

-- The gender of a mention: its entity's given name, an honorific before
-- one of its mentions ("Mrs. Clinton"), or the pronouns that follow them.
local function gender_of(doc, cx, m)
  local cache = cx.genders
  local name = m.name or doc:text(m.start, m["end"])
  local g = cache[name]
  if g ~= nil then return g end
  g = false
  -- (a name of one word is a surname: "Leigh" is Mike Leigh)
  local first = name:match("^(%S+)%s")
  local e = first and (NAMES:lookup(first) or RARE_NAMES:lookup(first))
  if e and e.gender then g = e.gender end
  if not g then
    for _, o in ipairs(cx.people) do
      if (o.name or "") == name then
        local k = doc:tokat(o.start)
        local h = k > 1 and HONORIFICS:lookup(doc:word(k - 1))
        if h and h.gender then g = h.gender break end
      end
    end
  end
  if not g and m.name then g = pronoun_gender(doc, cx, name) or false end
  cache[name] = g
  return g
end

-- The people and organisations mentioned outside quotes, in order.
local function people(doc)
  local out = {}
  for m in doc:each("mention") do
    if m.type ~= "place" and not in_direct_quote(doc, m.start) then out[#out + 1] = m end
  end
  return out
end

local function speaker_of_mention(doc, m)
  return {name = m.name or doc:text(m.start, m["end"]), start = m.start, ["end"] = m["end"], type = m.type}
end

local function mention_at(doc, k)
  if k < 1 then return nil end
  local s, e = doc:tok(k)
  local m = doc:covering("mention", s, e)[1]
  if m then return m end
  -- (a name's mention ends before its possessive: "Donald Trump’s claim")
  local w = doc:word(k)
  local p = w:sub(-2) == "'s" and 2 or w:sub(-4) == "’s" and 4
  return p and e - p > s and doc:covering("mention", s, e - p)[1] or nil
end

-- "he"/"she" at byte pos, as a reader takes it: the subject of its own
-- sentence when one opens it ("Kerr Putney, the police chief, said ...,
-- but he said"); else the subject of the sentence before, past sentences
-- wholly inside quotes, following a pronoun subject back to its own
-- antecedent ("The difference now, he told me, ... He said"); else the
-- nearest person before it of that gender (or of unknown gender, when none
-- of it is near). "they", "it", "we": the nearest organisation.
local SUBJECT_LEAD = {but = true, ["and"] = true, so = true, yet = true, still = true, the = true}

-- The person who opens the sentence [first, last] as its subject: its first
-- mention, past a few title words or a lead ("But", "The"), an
-- organisation's name before its person ("Trump campaign spokesman Jason
-- Miller"), not past a comma or a preposition ("Asked about Obama, he").
local function opening_person(doc, cx, first, last, before)
  local k = first
  if doc:kind(k) == "quote" then k = k + 1 end
  local s = doc:tok(k)
  for _, m in ipairs(cx.people) do
    if m.start >= before then return nil end
    if m.start >= s then
      local mk = doc:tokat(m.start)
      if mk - k > 4 then return nil end
      for t = k, mk - 1 do
        local w = lower(doc, t)
        if not is_word(doc, t) or PREP[w] or NOT_IN_NP[w] then return nil end
        if doc:is(t, "lower") and not SUBJECT_LEAD[w] and not ROLES:match(doc, t) then return nil end
      end
      if m.type == "person" then
        -- (a name after "the" modifies a noun: "The Peter Hain attack, he says")
        for t = k, mk - 1 do if lower(doc, t) == "the" then return nil end end
        return m
      end
      k = doc:tokat(m["end"] - 1) + 1
      if k > last then return nil end
    end
  end
  return nil
end

-- The person a speech verb in tokens [first, last] (outside quotes, before
-- byte `before`) attributes to, of gender `want` or of none known: "David
-- Laws said:", "said Mr Clarke". The one a reader follows "he said" back to.
local function cue_subject(doc, cx, want, first, last, before)
  local s = doc:tok(first)
  local _, e = doc:tok(last)
  for c in doc:each("cue", s, math.min(e, before)) do
    if not in_direct_quote(doc, c.start) then
      local k = c.first - 1
      if k > first and BETWEEN[lower(doc, k)] then k = k - 1 end
      local m = k >= first and mention_at(doc, k)
      if not (m and m.type == "person") then
        k = c.last + 1
        if k < last and HONORIFICS:lookup(doc:word(k)) then k = k + 1 end
        m = k <= last and mention_at(doc, k)
        -- (inverted only where the name ends the clause: not "believe McConnell is")
        local after = m and doc:tokat(m["end"] - 1) + 1
        if after and after <= last and doc:kind(after) == "word" then m = nil end
      end
      if m and m.type == "person" and not in_direct_quote(doc, m.start) then
        local g = gender_of(doc, cx, m)
        if not g or g == want then return m end
      end
    end
  end
  return nil
end

-- plural groups that speak without a determiner: "Police say ...",
-- "Democratic lawmakers said ..."
local GROUP = {}
for w in ([[police officials authorities prosecutors investigators officers witnesses residents analysts
  experts critics researchers scientists doctors lawyers attorneys protesters activists lawmakers legislators
  democrats republicans voters supporters opponents diplomats observers economists historians
  organizers organisers firefighters troops soldiers rebels militants workers employees parents
  teachers students leaders senators congressmen ministers regulators officials demonstrators marchers
  protestors campaigners rioters strikers villagers farmers fans neighbours neighbors relatives
  families survivors victims refugees migrants prisoners inmates nurses pilots passengers
  dealers traders brokers bankers executives investors strategists managers producers exporters
  importers buyers sellers merchants consumers shoppers retailers manufacturers arbitrageurs
  forecasters commentators specialists consultants negotiators delegates envoys insiders aides
  advisers advisors spokesmen members shareholders creditors bondholders citizens locals sources
  groups agencies charities organisations organizations unions universities colleges schools hospitals
  companies firms banks lenders insurers airlines carmakers retailers councils states countries governments
  clubs churches landlords tenants motorists drivers commuters customers users owners media committees panels]]):gmatch("%a+") do
  GROUP[w] = true
end

-- Does a speaker no actor stands for name one person: a name the actor
-- rules did not know ("Melanie"), or an unnamed person ("an EC Commission
-- spokesman", "a senior official")? Not a group ("officials", "the police"),
-- nor a definite description of someone named before ("the senator").
local INDEFINITE = {a = true, an = true, one = true, another = true}
local UNNAMED = {spokesman = true, spokeswoman = true, spokesperson = true, official = true, banker = true,
  analyst = true, dealer = true, trader = true, diplomat = true, economist = true, source = true,
  delegate = true, broker = true}
-- nouns for a group of people ("a team of researchers") and for a
-- document ("a poll released in August"): who speaks as one, but no person
local COLLECTIVE = {}
for w in ([[group coalition consortium alliance team panel delegation committee association federation
  network caucus bloc syndicate]]):gmatch("%a+") do
  COLLECTIVE[w] = true
end
local DOCUMENT = {}
for w in ([[poll survey study report analysis review audit investigation inquiry paper letter memo
  statement census release filing complaint lawsuit ruling editorial document assessment]]):gmatch("%a+") do
  DOCUMENT[w] = true
end
local function one_person(name)
  local low = name:lower()
  local first, last = low:match("^(%a+)"), low:match("(%a+)%W*$")
  -- (a group opening its sentence is capitalised too: "Arbitrageurs said")
  if not first or GROUP[last] or COLLECTIVE[last] or DOCUMENT[last] then return false end
  if low:find(" and ", 1, true) then return false end   -- (two people: "Chris Larkin and Toby Stephens")
  -- a definite unnamed source: "Securities houses ..., the spokesman said.
  -- ..., he added" (not a title, which names someone named before: "The
  -- United boss said", "The executive said")
  if first == "the" and UNNAMED[last] and not name:find("%s%S+%s%S+%s%S+%s") then return true end
  if DET[first] and not INDEFINITE[first] then return false end
  -- a name the actor rules did not know ("Melanie"), or an unnamed one
  return name:find("^%u") ~= nil or (last:sub(-1) ~= "s" and not GROUP[last])
end

-- The index of the first of the article's people starting at or after byte s.
local function first_person_at(people, s)
  local lo, hi = 1, #people + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if people[mid].start < s then lo = mid + 1 else hi = mid end
  end
  return lo
end

local resolve_pronoun
-- The subject of the sentence [first, last] for a pronoun of gender `want`
-- after it: its first person (or he/she) outside quotes of that gender; false
-- when its first is of the other gender; nil when it names no one.
local function earlier_subject(doc, cx, want, first, last, depth)
  -- who a quote there was attributed to (resolved already: quotes go in order)
  local s = doc:tok(first)
  local _, e = doc:tok(last)
  for q in doc:each("quote", s, e) do
    local sp = q.speaker
    if sp and (sp.type == "person" or (sp.type == nil and one_person(sp.name))) then
      local g = gender_of(doc, cx, sp)
      if not g or g == want then return sp end
    end
  end
  local said = cue_subject(doc, cx, want, first, last, #doc)
  if said then return said end
  -- a role opening it, "The Tory leader was asked ...": whoever holds it,
  -- when the article says
  local a = first
  if doc:kind(a) == "quote" then a = a + 1 end
  if lower(doc, a) == "the" then
    for t = a + 1, math.min(last, a + 3) do
      if not is_word(doc, t) or mention_at(doc, t) then break end
      local e, j = ROLES:match(doc, t)
      if e then
        local holder = role_holder(doc, cx, doc:text(doc:tok(a), select(2, doc:tok(j))))
        for k = holder and people_before(cx, doc:tok(a)) or 0, 1, -1 do
          local m = cx.people[k]
          if m.name == holder then return m end
        end
        -- the name after it ("The Attorney General Lord Goldsmith has") or in
        -- apposition ("The Lord Chief Justice, Lord Woolf, said"), else a
        -- sentence about the role's holder names no one to take ("The
        -- Democratic presidential candidate’s response ... She tweeted")
        local n = j + 1
        if n < last and HONORIFICS:lookup(doc:word(n)) then n = n + 1 end
        local named = n <= last and mention_at(doc, n)
        if named and named.type == "person" then return named end
        if j + 1 < last and doc:word(j + 1) == "," then break end
        return nil
      end
    end
  end
  -- an unnamed spokeswoman or spokesman opening it: "A Chrysler
  -- spokeswoman would not say ... “...,” she said"
  if INDEFINITE[lower(doc, a)] then
    for t = a + 1, math.min(last, a + 4) do
      if not is_word(doc, t) or not doc:is(t, "lower") and t > a + 2 then break end
      local w = lower(doc, t)
      local g = w:find("wom[ae]n$") and "f" or (w:find("m[ae]n$") and w:find("[^o]m[ae]n$") and #w > 4) and "m"
      if g then
        if g ~= want then return false end
        local sp = descriptor(doc, t, a)
        if sp then return sp end
        break
      end
    end
  end
  -- its first person outside quotes (the article's people are in order),
  -- unless a he/she comes before
  local people, m = cx.people, nil
  for x = first_person_at(people, s), #people do
    local p = people[x]
    if p.start >= e then break end
    -- (not an owner, "Wenger's Bayern counterpart Felix Magath")
    if p.type == "person" and select(2, doc:tok(doc:tokat(p["end"] - 1))) == p["end"] and
        not in_direct_quote(doc, p.start) then
      m = p
      break
    end
  end
  local upto = m and doc:tokat(m.start) - 1 or last
  for t = first, upto do
    local w = pronoun_word(lower(doc, t))
    local g = w and PRONOUN_GENDER[w]
    if g and not in_direct_quote(doc, doc:tok(t)) then
      if g ~= want then return false end
      return depth < 3 and resolve_pronoun(doc, cx, want, doc:tok(t), depth + 1) or false
    end
  end
  if m then
    local mg = gender_of(doc, cx, m)
    if mg and mg ~= want then return false end
    return m
  end
  return nil
end

resolve_pronoun = function(doc, cx, want, pos, depth)
  depth = depth or 0
  local memo = cx.pronouns
  local key = pos * 4 + (want == "m" and 1 or want == "f" and 2 or 3)
  if memo[key] ~= nil then return memo[key] or nil end
  local found
  if want ~= "group" then
    local k = doc:tokat(pos)
    local _, _, _, first, last = doc:sentence(k)
    local m = k > first + 2 and (cue_subject(doc, cx, want, first, last, pos) or
      opening_person(doc, cx, first, last, pos))
    if m and (gender_of(doc, cx, m) or want) == want then found = m end
    -- the sentences before, up to three with words outside quotes
    local tried = 0
    local f = first
    while found == nil and f > 1 and tried < 3 do
      local _, _, _, pf, pl = doc:sentence(f - 1)
      -- (words outside quotes: no direct quote spans it from end to end)
      local outside = true
      local a, b = pf, pl
      while a < b and doc:kind(a) ~= "word" do a = a + 1 end
      while b > a and doc:kind(b) ~= "word" do b = b - 1 end
      local _, pe = doc:tok(b)
      for _, q in ipairs(doc:covering("quote", doc:tok(a), pe)) do
        if q.kind ~= "indirect" then outside = false break end
      end
      if outside then
        tried = tried + 1
        local r = earlier_subject(doc, cx, want, pf, pl, depth)
        if r == false then break end
        found = r
      end
      f = pf
    end
  end
  if not found then
    local fallback
    local last = people_before(cx, pos)
    -- ("..., it said" after a clause: not a body the clause names, "The
    -- Bundesbank could hold down rates ..., it said" is the association's)
    local skip_from = math.huge
    if want == "group" then
      local k = doc:tokat(pos)
      if k > 1 and doc:word(k - 1) == "," then skip_from = select(2, doc:sentence(k)) end
    end
    for k = last, math.max(1, last - 29), -1 do   -- (the 30 mentions before it)
      local m = cx.people[k]
      if want == "group" then
        if m.type == "org" and m.start < skip_from then found = m break end
      elseif m.type == "person" then
        local g = gender_of(doc, cx, m)
        if g == want then found = m break end
        if not g and not fallback then fallback = m end
      end
    end
    found = found or fallback
  end
  memo[key] = found or false
  return found
end

-- ---- who is next to a speech verb ----------------------------------------

local function span_speaker(doc, a, b, anonymous)
  local s = doc:tok(a)
  local _, e = doc:tok(b)
  return {name = doc:text(s, e), start = s, ["end"] = e, anonymous = anonymous or false}
end

-- a possessive word, as doc:lower gives it ("'s" alone, "johnson's", "states'")
local function possessive(w)
  return w == "'s" or (#w > 2 and (w:sub(-2) == "'s" or w:sub(-1) == "'"))
end

-- prepositions of a phrase that follows its noun ("bloggers on both sides",
-- "officials in both capitals"); not "of", which names the head itself
local PLACE_PREP = {on = true, ["in"] = true, from = true, at = true, across = true, through = true,
  along = true, outside = true, inside = true, near = true, around = true}

-- whether w is a word of lexicons/source_words.yaml standing as `part`
-- ("familiar" with, with "knowledge" of)
local function source_word(w, part)
  local e = SOURCE_WORDS:lookup(w)
  return e ~= nil and e.part == part
end
-- a noun for people who may speak for a body: "a spokesman for", "lawyers
-- for", "critics of", "the head of" (not "an insistence on the importance of")
local function speaks_for(w)
  return GROUP[w] or ANON[w] or ROLES:lookup(w) ~= nil or w:find("m[ae]n$") ~= nil or w:find("person$") ~= nil
end
-- A noun phrase ending at token k that opens with a determiner within five
-- tokens: "the Indiana governor", "a senior Russian source", "Trump's campaign".
descriptor = function(doc, k, first)
  if not is_word(doc, k) then return nil end
  -- a noun phrase ends in a noun: not "their check by", "her right foot was"
  local head = lower(doc, k)
  if NOT_IN_NP[head] or PREP[head] or BETWEEN[head] then return nil end
  if not doc:is(k, "lower") and not (k == first and (GROUP[lower(doc, k)] or ANON[lower(doc, k)])) then return nil end
  local from, last_and = k, nil
  for b = k - 1, math.max(first, k - 10), -1 do
    local w = lower(doc, b)
    if DET[w] or doc:kind(b) == "number" or NUMBER_WORD[w] then
      -- ("one of the sources said", "two of the officials": all of them)
      if w == "the" and b - 2 >= first and lower(doc, b - 1) == "of" and
          (doc:kind(b - 2) == "number" or NUMBER_WORD[lower(doc, b - 2)] or PART_OF[lower(doc, b - 2)]) then
        b = b - 2
      end
      -- ("One in five households said": the whole share)
      if b - 2 >= first and lower(doc, b - 1) == "in" and
          (doc:kind(b - 2) == "number" or NUMBER_WORD[lower(doc, b - 2)] or lower(doc, b - 2) == "one") and
          (doc:kind(b) == "number" or NUMBER_WORD[w]) then
        b = b - 2
      end
      -- "military bloggers on both sides said": the noun the phrase hangs on
      local p = b - 1
      -- "a spokesman for the company said", "Lawyers for the defendants
      -- said": who speaks for them, all of it
      if p - 1 >= first and (lower(doc, p) == "for" or lower(doc, p) == "of") and is_word(doc, p - 1) and
          speaks_for(lower(doc, p - 1)) then
        local head = descriptor(doc, p - 1, first)
        if head and head.start then return span_speaker(doc, doc:tokat(head.start), k, head.anonymous) end
      end
      -- "two people familiar with the matter said", "a source close to the
      -- talks": an unnamed source, all of it
      if p - 2 >= first and source_word(lower(doc, p - 1), "adjective") and (lower(doc, p) == "with" or lower(doc, p) == "to" or
          lower(doc, p) == "on") then
        local head = descriptor(doc, p - 2, first)
        if head and head.start then return span_speaker(doc, doc:tokat(head.start), k, true) end
      end
      -- "two sources with direct knowledge of the matter said": all of it, anonymous
      if p - 3 >= first and lower(doc, p) == "of" and source_word(lower(doc, p - 1), "noun") then
        local w0 = p - 2
        if lower(doc, w0) ~= "with" then w0 = w0 - 1 end   -- (one adjective: "direct")
        if w0 - 1 >= first and lower(doc, w0) == "with" then
          local head = descriptor(doc, w0 - 1, first)
          if head and head.start then return span_speaker(doc, doc:tokat(head.start), k, true) end
        end
      end
      -- "protesters marching through the streets chanted": the noun before the participle
      if p - 2 >= first and PLACE_PREP[lower(doc, p)] and lower(doc, p - 1):find("%a%a%aing$")
          and is_word(doc, p - 2) then
        local head = descriptor(doc, p - 2, first)
        if head then return head end
      end
      -- "The House and Senate committees investigating the Iran arms scandal
      -- said": the group and the participle's object, all of it
      if p - 1 >= first and doc:is(p, "lower") and lower(doc, p):find("%a%a%aing$") and is_word(doc, p - 1) and
          (GROUP[lower(doc, p - 1)] or ANON[lower(doc, p - 1)] or ROLES:lookup(lower(doc, p - 1))) then
        local a = p - 1
        while a > first and a > p - 6 and is_word(doc, a - 1) and not PREP[lower(doc, a - 1)] and
            not NOT_IN_NP[lower(doc, a - 1)] and not (doc:kind(a - 1) == "word" and lower(doc, a - 1):find("ed$")) do
          a = a - 1
          if DET[lower(doc, a)] then break end
        end
        return span_speaker(doc, a, k, ANON[lower(doc, p - 1)] ~= nil)
      end
      if p > first and PLACE_PREP[lower(doc, p)] and is_word(doc, p - 1) and doc:is(p - 1, "lower") and
          not NOT_IN_NP[lower(doc, p - 1)] and not DET[lower(doc, p - 1)] then
        local head = descriptor(doc, p - 1, first)
        if head then return head end
        local a = p - 1
        while a - 1 >= first and a > p - 3 and is_word(doc, a - 1) and doc:is(a - 1, "lower") and
            not NOT_IN_NP[lower(doc, a - 1)] do
          a = a - 1
        end
        return span_speaker(doc, a, p - 1, ANON[lower(doc, p - 1)] or false)
      end
      return span_speaker(doc, b, k, ANON[lower(doc, k)])
    end
    -- an anonymous source without a determiner: "while senior Moscow sources said"
    -- ("of" and "and" may join the phrase's parts: "the former secretary of
    -- state and current Democratic nominee")
    if (w == "of" or w == "and") and b - 1 >= first and b > k - 10 and is_word(doc, b - 1) then
      -- keep looking for the determiner
      if w == "and" then last_and = b end
    elseif last_and and (BE[w] or w == "have" or w == "has" or w == "had") then
      -- (a verb: the "and" after it joined two clauses, "Thai stocks have
      -- broken all expectations and brokers and analysts said")
      from = last_and + 1
      break
    elseif NOT_IN_NP[w] or not is_word(doc, b) then break end
    if possessive(w) then break end
    from = b
  end
  if ANON[lower(doc, k)] and doc:tok(from) then
    for b = from, k - 1 do if not NOT_IN_NP[lower(doc, b)] then return span_speaker(doc, b, k, true) end end
  end
  -- "the government department for planning said": a bare noun after a
  -- preposition completes the noun phrase before it
  local p = from - 1
  if p - 1 >= first and p >= k - 3 and (PLACE_PREP[lower(doc, p)] or lower(doc, p) == "for") and
      is_word(doc, p - 1) and doc:is(p - 1, "lower") and not NOT_IN_NP[lower(doc, p - 1)] and
      not DET[lower(doc, p - 1)] then
    local head = descriptor(doc, p - 1, first)
    if head and head.start then return span_speaker(doc, doc:tokat(head.start), k, head.anonymous) end
  end
  for b = k - 1, math.max(first, k - 5), -1 do
    local w = lower(doc, b)
    if possessive(w) then
      -- "Gary Johnson’s doctor", "the Kremlin 's spokesman": from the owner's name
      local o = w == "'s" and b - 1 or b
      local m = doc:covering("mention", doc:tok(o), doc:tok(o) + 1)[1]
      local a = m and doc:tokat(m.start) or o
      return span_speaker(doc, a, k, false)
    end
    if not is_word(doc, b) then break end
  end
  -- a bare plural or source: "..., officials said", "..., cash grain dealers said"
  if ANON[lower(doc, k)] then return span_speaker(doc, k, k, true) end
  if GROUP[lower(doc, k)] then return span_speaker(doc, from, k, false) end
  return nil
end

-- The person whose role a descriptor names ("the Ukrainian Foreign
-- Minister", "the Kremlin spokesman"), when exactly one person has a role
-- that ends with the descriptor's last two words.
local ROLE_PREPS = {" of ", " for ", " at ", " with ", " to ", " in ", " on "}
local function role_head(r)
  local cut = #r + 1
  for _, p in ipairs(ROLE_PREPS) do
    local k = r:find(p, 1, true)
    if k and k < cut then cut = k end
  end
  return r:sub(1, cut - 1)
end

-- Heads of state or government: "the Russian leader" is Russia's president
-- or prime minister.
local LEADS_COUNTRY = {president = true, ["prime minister"] = true, chancellor = true, premier = true,
  king = true, queen = true, ["supreme leader"] = true, emir = true, ["crown prince"] = true}

-- The place a role's or descriptor's modifier names ("Russian", "US",
-- "Russia's"), canonical ("Russia", "United States"), or nil.
local function modifier_place(w)
  w = w:gsub("['’]s?$", "")
  local d = DEMONYMS:lookup(w)
  if d then return d.place or d.name end
  local p = PLACES:lookup(w)
  return p and p.name or nil
end

-- The words in a role (lower case) that make it another office than its
-- head alone, as one string ("former shadow"), or "".
local QUALIFIERS = {former = true, shadow = true, deputy = true, vice = true, assistant = true, junior = true,
  acting = true, outgoing = true, interim = true, ["ex-"] = true, associate = true, ["vice-"] = true}
qualifiers = function(r)
  local out = ""
  for w in r:gmatch("[%a%-]+") do
    if QUALIFIERS[w] or w:find("^ex%-") or w:find("^vice%-") then out = out .. w .. " " end
  end
  return out
end

-- A role or descriptor as its head ("president", "prime minister"), the
-- place its modifier names, from its original case ("Russian President"
-- -> "president", "Russia"), and its own words in lower case with their
-- qualifiers ("shadow chancellor", "shadow ").
local parts_memo, nparts_memo = {}, 0   -- role -> its parts (roles repeat across articles)
local function role_parts_of(r)
  local head = role_head(r):gsub("’", "'")
  local rl = head:lower()
  local qual = qualifiers(rl)
  local words = {}
  for w in head:gmatch("%S+") do words[#words + 1] = w end
  while words[1] and (words[1]:lower() == "the" or words[1]:lower() == "a") do table.remove(words, 1) end
  local n = #words
  if n == 0 then return nil, nil, rl, qual end
  local h = words[n]:lower()
  if n >= 2 and LEADS_COUNTRY[words[n - 1]:lower() .. " " .. h] then
    h = words[n - 1]:lower() .. " " .. h
    n = n - 1
  end
  local place
  for k = 1, n - 1 do place = place or modifier_place(words[k]) end
  return h, place, rl, qual
end
local function role_parts(r)
  local p = parts_memo[r]
  if not p then
    if nparts_memo >= 4096 then parts_memo, nparts_memo = {}, 0 end
    p = {role_parts_of(r)}
    parts_memo[r], nparts_memo = p, nparts_memo + 1
  end
  return p[1], p[2], p[3], p[4]
end

-- The roles a mention carries, its own or its actor's.
local NO_ROLES = {}
local function roles_of(m)
  return m.roles or (m.role and {m.role}) or (type(m.actor) == "table" and m.actor.roles) or NO_ROLES
end

role_holder = function(doc, cx, text, pos)
  local low = text:lower():gsub("’", "'")
  -- ("a spokesman", "a judge" are someone else)
  if low:find("^an? ") then return nil end
  local want = low:match("(%S+ %S+)$") or low:match("(%S+)$")
  if want then want = want:gsub("^the ", "") end
  if not want or #want < 4 then return nil end
  local dhead, dplace = role_parts(text)
  -- (a role's word: "The company" is no one's role)
  if not (dhead and (ROLES:lookup(dhead) or ROLES:lookup(want))) then return nil end
  local dqual = qualifiers(low)
  local found
  for _, m in ipairs(cx.people) do
    if m.type == "person" then
      for _, r in ipairs(roles_of(m)) do
        -- (the role's own words, not what it is of: "president of the St.
        -- Lawrence Seaway Authority" is no "seaway authority")
        local rhead, rplace, rl, rqual = role_parts(r)
        -- (a former, shadow or deputy one is another office: "the
        -- chancellor" is not "shadow chancellor Oliver Letwin")
        local same = rl:sub(-#want) == want and rqual == dqual
        -- (a word left out: "the Republican nominee" is "Republican
        -- presidential nominee Donald Trump")
        if not same and rqual == dqual then
          local wa, wb = want:match("^(%S+) (%S+)$")
          same = wa ~= nil and rl:sub(-#wb - 1) == " " .. wb and (" " .. rl .. " "):find(" " .. wa .. " ", 1, true) ~= nil
        end
        -- (not of another place: "Qatar's prime minister" is not "Israeli
        -- Prime Minister Benjamin Netanyahu")
        if same and dplace and rplace and rplace ~= dplace then same = false end
        -- (or the same office in other words, of the same place: "Russian
        -- President Vladimir Putin" is "the Russian leader", "the Kremlin
        -- leader" no one's by this)
        if not same and dplace and rqual == dqual then
          same = rplace == dplace and (rhead == dhead or (dhead == "leader" and LEADS_COUNTRY[rhead] ~= nil))
        end
        if same then
          local name = m.name or doc:text(m.start, m["end"])
          if found and found ~= name then return nil end
          found = name
        end
      end
    end
  end
  if found or not pos or not (dhead == "leader" or LEADS_COUNTRY[dhead]) then return found end
  -- a head of state or government no one is named as: the one person the
  -- article has named before, when no role is given them ("Donald Trump
  -- has threatened ... The US president wrote")
  for _, m in ipairs(cx.people) do
    if m.start >= pos then break end
    if m.type == "person" then
      local name = m.name or doc:text(m.start, m["end"])
      if #roles_of(m) > 0 or (found and found ~= name) then return nil end
      found = name
    end
  end
  return found
end

-- A document speaks for whoever wrote it: "the IMF report stated" (the
-- IMF), "the Security Council issued a statement calling ..." (the Council),
-- and then "The statement noted ..." (the same Council). (The document
-- nouns, DOCUMENT, are at the top.)
local ISSUED = {issued = true, released = true, published = true, sent = true, filed = true,
  posted = true, wrote = true, issues = true, releases = true, publishes = true}
local function document_author(doc, cx, d, k, first)
  local noun = lower(doc, k)
  local author
  for m in doc:each("mention", d.start, d["end"]) do
    if m.type ~= "place" or m["end"] < d["end"] then author = speaker_of_mention(doc, m) end
  end
  local a = doc:tokat(d.start)
  if not author and a - 2 >= first and ISSUED[lower(doc, a - 1)] then
    author = subject_at(doc, cx, a - 2, first, true)
  end
  cx.documents = cx.documents or {}
  if author then cx.documents[noun] = author
  elseif lower(doc, a) == "the" and cx.documents[noun] then
    local prev = cx.documents[noun]
    author = {name = prev.name, start = d.start, ["end"] = d["end"], type = prev.type}
  end
  return author
end

local INDEFINITE = {a = true, an = true, another = true, one = true}

-- The index in cx.people of the last mention starting before byte pos (0
-- when none): a binary search, as the list is in the text's order.
function people_before(cx, pos)
  local people = cx.people
  local lo, hi = 1, #people
  while lo <= hi do
    local mid = (lo + hi) // 2
    if people[mid].start < pos then lo = mid + 1 else hi = mid - 1 end
  end
  return hi
end

-- Words opening a sentence's lead phrase before its subject ("Asked about
-- X, the Italian said")
local LEAD_PHRASE = {asked = true, after = true, despite = true, following = true, unlike = true, like = true,
  before = true, when = true, ["while"] = true, with = true, amid = true}

-- Is the person whose name starts at token t named as someone's ("her
-- coach Remy Korchemy", "his agent")? Then the owner is who the text is about.
local function owned(doc, t)
  for b = t - 1, math.max(1, t - 3), -1 do
    local w = lower(doc, b)
    if w == "his" or w == "her" then return true end
    if not (is_word(doc, b) and doc:is(b, "lower")) then return false end
  end
  return false
end

-- An adverb between a subject and its verb ("Clinton boldly suggested",
-- "a reader would now ask"): a lower-case -ly word that is no noun.
local LY_NOUNS = {family = true, ally = true, assembly = true, rally = true, supply = true, monopoly = true,
  bully = true, italy = true, july = true}
local MORE_ADVERBS = {now = true, still = true, ["then"] = true, twice = true, soon = true, ever = true}
local function adverb(doc, k)
  local w = lower(doc, k)
  return doc:is(k, "lower") and (MORE_ADVERBS[w] or (#w > 4 and w:sub(-2) == "ly" and not LY_NOUNS[w]))
end

-- Does a list of names go on after the name at token t ("the Scottish
-- Parliament, Welsh Assembly or Northern Ireland Assembly")?
local function list_goes_on(doc, t)
  local n = doc:ntok()
  for b = t + 1, math.min(n, t + 12) do
    local w = lower(doc, b)
    if (w == "and" or w == "or") and b < n and doc:is(b + 1, "title") then return true end
    if not (w == "," or doc:is(b, "title")) then return false end
  end
  return false
end

-- Is the actor named at token t the object of a preposition or of "told"
-- ("talking to Real Madrid sporting director Emilio Butragueno",
-- "introduced to Conte", "approved by the Food and Drug Administration")?
-- (Past "the", capitalised words and lower-case role words before the
-- name; "told" takes an object as a preposition does: "Yates told Reuters";
-- and back over a list the name ends: "in the Scottish Parliament, Welsh
-- Assembly or Northern Ireland Assembly", not "In Paris, Macron".)
local function after_prep(doc, t, first)
  local listed = list_goes_on(doc, t)
  local b = t - 1
  while b >= math.max(first, t - (listed and 16 or 6)) do
    local w = lower(doc, b)
    if PREP[w] or w == "told" or w == "tells" then return true end
    if (w == "and" or w == "or") and b > first and doc:is(b - 1, "title") then
      listed = true
    elseif not (listed and w == "," and b > first and doc:is(b - 1, "title")) and
        (not is_word(doc, b) or (doc:is(b, "lower") and w ~= "the" and not ROLES:match(doc, b))) then
      return false
    end
    b = b - 1
  end
  return false
end

-- Is the actor named at token t a verb's object ("to beat Swede Daniel
-- Persson", "defeated Andy Roddick")? Past "the", capitalised words and
-- role words, the word before is a past form or follows "to" (not "World
-- number one Lindsay Davenport", "Hollywood legend Dustin Hoffman").
-- (and past an owner and a list of names: "to beat Swede Daniel Persson
-- and Italy's Luca Verdecchia")
local function verb_object(doc, t, first)
  for b = t - 1, math.max(first, t - 12), -1 do
    local w = lower(doc, b)
    local listed = (w == "and" or w == "or" or w == ",") and b > first and doc:is(b - 1, "title")
    if not listed and not possessive(w) then
      if not is_word(doc, b) then return false end
      if doc:is(b, "lower") and w ~= "the" and not ROLES:match(doc, b) then
        return (#w > 4 and w:sub(-2) == "ed") or (b > first and lower(doc, b - 1) == "to")
      end
    end
  end
  return false
end

-- The person a speaker named by nationality or age alone refers to ("the
-- Italian said", "the 22-year-old told"): news names a person so only
-- right after naming them. In the speaker's own sentence, the person named
-- last before it ("Dallas said that Deans was tackled short, but the Kiwi
-- said"), past the sentence's lead ("Reacting to a comment by chairman Tim
-- Phillips, the American said"); else, in the three sentences before (in
-- its paragraph or the one before), the first person named as a subject,
-- not someone's ("her coach Remy Korchemy"), nor a preposition's object,
-- nor named inside a relative clause ("Emma Watson, who plays Hermione in
-- the Harry Potter films" is Emma Watson); else the person named last.
function named_last(doc, cx, k, first)
  local pos, para = doc:tok(k), doc:paragraph(k)
  local lead = LEAD_PHRASE[lower(doc, first)] or lower(doc, first):find("%a%aing$")
  local function antecedent(m)
    local t = doc:tokat(m.start)
    local _, _, _, mfirst = doc:sentence(t)
    for r = t - 1, math.max(mfirst + 2, t - 12), -1 do
      if lower(doc, r) == "who" and doc:word(r - 1) == "," then
        local o = mention_at(doc, r - 2)
        if o and o.type == "person" then return o end
        break
      end
    end
    return m
  end
  local ss = doc:tok(first)
  for x = people_before(cx, pos), 1, -1 do
    local m = cx.people[x]
    if m.start < ss then break end
    if m.type == "person" and not lead and not owned(doc, doc:tokat(m.start)) then
      return antecedent(m)
    end
  end
  local s = first
  for _ = 1, 3 do
    if s <= 1 then return nil end
    local _, ps, pe, pfirst = doc:sentence(s - 1)
    if doc:paragraph(pfirst) < para - 1 then return nil end
    for m in doc:each("mention", ps, pe) do
      local t = doc:tokat(m.start)
      if m.type == "person" and not in_direct_quote(doc, m.start) and not owned(doc, t) and
          not after_prep(doc, t, pfirst) and not verb_object(doc, t, pfirst) then
        return antecedent(m)
      end
    end
    s = pfirst
  end
  -- (else the person named last, in its paragraph or the one before)
  for x = people_before(cx, pos), 1, -1 do
    local m = cx.people[x]
    if m.type == "person" then
      return doc:paragraph(doc:tokat(m.start)) >= para - 1 and antecedent(m) or nil
    end
  end
  return nil
end

-- Nouns by which news names again a person it has named, by what they do
-- (not an office, which role_holder looks for by its holder): "the singer",
-- "the striker", "the 23-year-old actress".
local BACKREF_NOUN = {}
for w in ([[singer rapper actor actress star musician comedian presenter broadcaster author writer
  novelist poet artist painter designer chef model striker midfielder defender goalkeeper winger
  forward player batsman bowler golfer boxer fighter driver rider jockey athlete sprinter swimmer
  cyclist skier runner captain youngster teenager veteran billionaire tycoon entrepreneur
  businessman businesswoman musician songwriter composer filmmaker comedian dancer winner champion]]):gmatch("%a+") do
  BACKREF_NOUN[w] = true
end

-- bodies a sentence may open with that "it" then stands for ("The city ...
-- It says")
local BODY_NOUN = {city = true, state = true, county = true, government = true, ministry = true,
  department = true, court = true, commission = true, committee = true, council = true, administration = true}

-- Nouns by which news names again an organisation it has named: "The
-- agency said", "the company said", "the Japanese carmaker said".
local ORG_DESCRIPTOR = {}
for w in ([[company firm group bank lender insurer carmaker automaker airline carrier retailer agency
  regulator watchdog union club university charity organisation organization broadcaster newspaper
  network operator manufacturer chipmaker giant conglomerate brewer miner producer utility
  exchange fund supermarket chain startup force service trust council]]):gmatch("%a+") do
  ORG_DESCRIPTOR[w] = true
end

-- The organisation "the company" names: of those named before token k in
-- its own sentence or the two before (in its paragraph or the two before),
-- the last one opening its sentence, else the last one; with `head`, one
-- whose name has that word ("the central bank": "Bank Negara"); for a
-- business `noun` ("the company"), no institution; or nil.
-- (a company is no university, ministry or court)
local INSTITUTION_WORDS = {}
for w in ([[university college school hospital ministry department council commission court parliament
  congress senate agency authority office police government army party museum institute foundation
  charity]]):gmatch("%a+") do
  INSTITUTION_WORDS[w] = true
end
local BUSINESS = {company = true, firm = true, group = true, bank = true, lender = true, insurer = true,
  carmaker = true, automaker = true, airline = true, carrier = true, retailer = true, manufacturer = true,
  chipmaker = true, giant = true, conglomerate = true, brewer = true, miner = true, producer = true,
  utility = true, supermarket = true, chain = true, startup = true, operator = true}
local function institution(m)
  for w in (m.name or ""):lower():gmatch("%a+") do
    if INSTITUTION_WORDS[w] then return true end
  end
  return false
end

-- Is an organisation's name a trade union's, by one of its words?
local UNION_WORDS = {Union = true, Workers = true, Machinists = true, Teamsters = true, Federation = true,
  Congress = true, Guild = true, Confederation = true, Association = true, Unite = true, GMB = true, UAW = true,
  AFL = true}
local function union_name(name)
  for w in name:gmatch("%w+") do
    if UNION_WORDS[w] then return true end
  end
  return false
end
function org_named_last(doc, cx, k, first, head, noun)
  local business = BUSINESS[noun]
  local pos, para = doc:tok(k), doc:paragraph(k)
  local limit = first
  for _ = 1, 2 do
    if limit <= 1 then break end
    local _, _, _, pfirst = doc:sentence(limit - 1)
    if doc:paragraph(pfirst) < para - 2 then break end   -- (news paragraphs are often one sentence)
    limit = pfirst
  end
  local from = doc:tok(limit)
  -- ("the union": an organisation that is one by its name, wherever it
  -- stands: "members of the International Association of Machinists ...
  -- voted ..., the union said", not the employer the sentence opens with)
  if noun == "union" then
    for x = people_before(cx, pos), 1, -1 do
      local m = cx.people[x]
      if m.start < from then break end
      if m.type == "org" and union_name(m.name or "") then return m end
    end
  end
  local last, subject
  for x = people_before(cx, pos), 1, -1 do
    local m = cx.people[x]
    if m.start < from then break end
    -- (with a modifier, "the central bank", only an organisation that says so: "Bank Negara")
    -- (nor one that is a preposition's object or the one told: "approved by
    -- the Food and Drug Administration", "Yates told Reuters")
    if m.type == "org" and (not head or (m.name or ""):lower():find(head, 1, true)) and
        not after_prep(doc, doc:tokat(m.start), 1) and not (business and institution(m)) then
      last = last or m
      -- (one opening its sentence is who the sentences are about)
      local t = doc:tokat(m.start)
      local _, _, _, mfirst = doc:sentence(t)
      if not subject and (t == mfirst or (t == mfirst + 1 and lower(doc, mfirst) == "the")) then subject = m end
    end
  end
  if subject or last or head then return subject or last end
  -- (none so near: the one organisation the article has named before, at
  -- least twice: "OpenAI ... OpenAI ... The San Francisco-based firm said")
  local count, best, second = {}, nil, 0
  for x = 1, people_before(cx, pos) do
    local m = cx.people[x]
    if m.type == "org" and not after_prep(doc, doc:tokat(m.start), 1) and not (business and institution(m)) then
      local n = m.name or doc:text(m.start, m["end"])
      count[n] = (count[n] or 0) + 1
    end
  end
  local top = 0
  for n, c in pairs(count) do
    if c > top then best, second, top = n, top, c elseif c > second then second = c end
  end
  if best and top >= 2 and second == 0 then
    for x = people_before(cx, pos), 1, -1 do
      local m = cx.people[x]
      if m.type == "org" and (m.name or doc:text(m.start, m["end"])) == best then return m end
    end
  end
  return nil
end

-- The person the article gave an age of n before byte pos ("Liam Hartley,
-- 34,": figures reads it as an age), as a speaker; nil when none or two.
local function of_age(doc, n, pos)
  local found
  for f in doc:each("figure", 0, pos) do
    if f.kind == "age" and tostring(f.value) == n then
      local m = doc:before("mention", f.start)
      if m and m.type == "person" then
        if found and found.name ~= (m.name or doc:text(m.start, m["end"])) then return nil end
        found = speaker_of_mention(doc, m)
      end
    end
  end
  return found
end

-- Capitalised words opening a sentence before a verb that name no one.
local NOT_NAME_OPENING = {}
for w in ([[many some another despite now most few several both each every all any such other others
  more less much none neither either nothing something everything anything meanwhile however still yet
  also instead indeed later earlier today yesterday tomorrow here there this that these those]]):gmatch("%a+") do
  NOT_NAME_OPENING[w] = true
end

-- Does the article write w (lower case) as a word of its own? (A
-- capitalised word it also writes in lower case is a common word opening a
-- sentence, "Speculation grew", not a name.) The article's lower-cased
-- words are gathered once per article.
local function written_lower(doc, cx, w)
  local words = cx.lower_words
  if not words then
    words = {}
    for k = 1, doc:ntok() do
      if doc:is(k, "lower") then words[doc:word(k)] = true end
    end
    cx.lower_words = words
  end
  return words[w] ~= nil
end

-- "it" at token k after a sentence that opens with "the city", "the
-- company": that body, or the organisation "the company" names ("The city
-- sent a letter Thursday. It says ..."); or nil.
local function it_body(doc, cx, k)
  local _, _, _, first = doc:sentence(k)
  if first <= 1 or k > first + 2 then return nil end
  local _, _, _, pf, pl = doc:sentence(first - 1)
  if lower(doc, pf) ~= "the" then return nil end
  for t = pf + 1, math.min(pl, pf + 3) do
    if not (is_word(doc, t) and doc:is(t, "lower")) then return nil end
    local w = lower(doc, t)
    if ORG_DESCRIPTOR[w] then return org_named_last(doc, cx, pf, pf, nil, w) end
    if BODY_NOUN[w] then
      local s, e = doc:tok(pf), select(2, doc:tok(t))
      return {start = s, ["end"] = e, name = doc:text(s, e)}
    end
  end
  return nil
end

-- "they" at token k after sentences whose subject is a group: that group,
-- through a "They" opening the sentence between ("Critics of the EB-5
-- program, like ..., see .... They sent a letter .... “...,” they wrote").
local function they_group(doc, k)
  local _, _, _, first = doc:sentence(k)
  for _ = 1, 3 do
    if first <= 1 then return nil end
    local _, _, _, pf, pl = doc:sentence(first - 1)
    local w = lower(doc, pf)
    if w ~= "they" then
      if not (GROUP[w] or ANON[w]) then return nil end
      -- (with what it is of, to a comma: "Critics of the EB-5 program,")
      local e = pf
      if pf + 2 <= pl and lower(doc, pf + 1) == "of" then
        local t = pf + 2
        while t <= pl and t <= pf + 6 and is_word(doc, t) and doc:word(t) ~= "," do t = t + 1 end
        if t <= pl and doc:word(t) == "," then e = t - 1 end
      end
      local s, ee = doc:tok(pf), select(2, doc:tok(e))
      return {start = s, ["end"] = ee, name = doc:text(s, ee), anonymous = ANON[w] ~= nil}
    end
    first = pf
  end
  return nil
end

-- A collective noun opening the subject speaks, all of it: "A team of
-- researchers at Oxford said", "A consortium led by Blackstone said" (not
-- the researchers in Oxford, nor Blackstone). Only a subject that opens
-- its sentence or clause, so that "A spokesman for a group of investors"
-- stays the spokesman.
-- bodies that speak for a place they are in: "the health ministry in Gaza"
local BODY_IN_PLACE = {ministry = true, department = true, office = true, agency = true, authority = true,
  government = true, council = true, embassy = true, mission = true, administration = true}
local PLACE_KIND = {state = true, province = true, region = true, county = true, district = true, city = true}
local LED = {led = true, headed = true, backed = true, formed = true, made = true}
local CONJ_OPEN = {but = true, ["and"] = true, so = true, yet = true, meanwhile = true}
local function collective_subject(doc, k, first)
  for b = k - 1, math.max(first, k - 12), -1 do
    if not is_word(doc, b) then return nil end
    local w = lower(doc, b)
    local nxt = lower(doc, b + 1)
    -- (a document with a participle after it speaks as the document: "A
    -- Quinnipiac University poll released in late August found")
    if DOCUMENT[w] and doc:is(b, "lower") and doc:is(b + 1, "lower") and nxt:find("[^e]ed$") then
      local a = b - 1
      while a >= first and a > b - 6 and is_word(doc, a) and not DET[lower(doc, a)] and
          not NOT_IN_NP[lower(doc, a)] do
        a = a - 1
      end
      if a >= first and DET[lower(doc, a)] and (a == first or doc:word(a - 1) == "," or
          (a - 1 == first and CONJ_OPEN[lower(doc, first)])) then
        return span_speaker(doc, a, b, false)
      end
      return nil
    end
    if COLLECTIVE[w] and doc:is(b, "lower") and (nxt == "of" or (LED[nxt] and b + 2 <= k and lower(doc, b + 2) == "by")) then
      local a = b - 1
      while a >= first and a > b - 4 and is_word(doc, a) and doc:is(a, "lower") and not DET[lower(doc, a)] and
          not NOT_IN_NP[lower(doc, a)] do
        a = a - 1
      end
      if a < first or not DET[lower(doc, a)] then return nil end
      if a > first and doc:word(a - 1) ~= "," and not (a - 1 == first and CONJ_OPEN[lower(doc, first)]) then return nil end
      return span_speaker(doc, a, k, false)
    end
  end
  return nil
end

-- The speaker whose last token is k (the subject before a verb, or the
-- words after an inverted one).
function subject_at(doc, cx, k, first, right_before)
  local w = lower(doc, k)
  local base = pronoun_word(w)
  local pro = base and PRONOUN[base]
  if pro then
    w = base
    local s = doc:tok(k)
    local e = s + #base
    -- "they" after anonymous sources or a group spoke: the same ones
    -- ("..., the source ... told Reuters. ..., they added.", "..., dealers
    -- noted. ..., they said.")
    local last = cx.last_speaker
    if pro == "group" and w == "they" and last and (last.anonymous or (last.type == nil and not one_person(last.name))) then
      return {name = last.name, anonymous = last.anonymous, start = s, ["end"] = e}
    end
    local a = (w == "it" and it_body(doc, cx, k)) or (w == "they" and they_group(doc, k)) or
      resolve_pronoun(doc, cx, pro, s)
    if not a then return nil end
    local sp = speaker_of_mention(doc, a)
    if a.anonymous then sp.anonymous = true end
    sp.start, sp["end"] = s, e
    return sp
  end
  if right_before then
    local g = collective_subject(doc, k, first)
    if g then return g end
  end
  local m = mention_at(doc, k)
  -- "sources close to the prime minister", "people familiar with the
  -- talks": the anonymous sources, not whom they are close to
  if m then
    local a = doc:tokat(m.start) - 1
    -- (past a title: "close to Prime Minister Theresa May")
    local titles = 0
    while a > first and titles < 4 and doc:is(a, "title") and is_word(doc, a) do
      a = a - 1
      titles = titles + 1
    end
    if a >= first and lower(doc, a) == "the" then a = a - 1 end
    if a - 2 >= first and CLOSE_TO[lower(doc, a - 1) .. " " .. lower(doc, a)] and ANON[lower(doc, a - 2)] then
      local d = descriptor(doc, a - 2, first)
      if d then
        d.anonymous = true
        return d
      end
      return span_speaker(doc, a - 2, a - 2, true)
    end
  end
  -- (in a place no lexicon knows, named with its kind: "Officials in
  -- Cojedes state said")
  if not m and right_before and PLACE_KIND[lower(doc, k)] and k - 1 > first and doc:is(k - 1, "title") then
    local ms = k - 1
    while ms - 1 > first and doc:is(ms - 1, "title") and is_word(doc, ms - 1) do ms = ms - 1 end
    local g = ms - 2
    if g >= first and PLACE_PREP[lower(doc, ms - 1)] and GROUP[lower(doc, g)] and (doc:is(g, "lower") or g == first) then
      return span_speaker(doc, g, k, ANON[lower(doc, g)] ~= nil)
    end
  end
  -- a group in a place or body speaks, all of it: "Developers and
  -- supporters in Congress say", "officials in Kyiv said"
  if m and right_before then
    local ms = doc:tokat(m.start)
    local g = ms - 2
    -- (past more phrases: "Negotiators at the UN climate summit in Baku agreed")
    if g >= first and PLACE_PREP[lower(doc, ms - 1)] and not GROUP[lower(doc, g)] then
      for c = ms - 3, math.max(first, ms - 10), -1 do
        local w = lower(doc, c)
        if not is_word(doc, c) or (NOT_IN_NP[w] and not PREP[w] and not PLACE_PREP[w]) or w:find("ed$") then break end
        if GROUP[w] and PLACE_PREP[lower(doc, c + 1)] then g = c break end
      end
    end
    if g >= first and PLACE_PREP[lower(doc, g + 1)] and (GROUP[lower(doc, g)] or BODY_IN_PLACE[lower(doc, g)]) and
        (doc:is(g, "lower") or g == first) then
      -- (back over its modifiers: "Western diplomats", "Diplomatic and
      -- banking sources", "The Hamas-run health ministry"; not "But" or
      -- "And" opening the sentence)
      local a = g
      while a - 1 >= first and a > g - 4 and is_word(doc, a - 1) and
          (doc:is(a - 1, "lower") or a - 1 == first or DEMONYMS:lookup(doc:word(a - 1)) or
           doc:word(a - 1):find("%a%-%l")) and
          not PREP[lower(doc, a - 1)] and not BETWEEN[lower(doc, a - 1)] do
        a = a - 1
      end
      while a < g and (lower(doc, a) == "and" or lower(doc, a) == "but" or lower(doc, a) == "or") do a = a + 1 end
      return span_speaker(doc, a, k, ANON[lower(doc, g)] ~= nil)
    end
  end
  -- two people joined by "and" speak together: "her sons Chris Larkin and
  -- Toby Stephens said" (and "they" after them are both)
  if m and m.type == "person" and right_before then
    local ms = doc:tokat(m.start)
    local o = ms - 2 >= first and lower(doc, ms - 1) == "and" and mention_at(doc, ms - 2)
    if o and o.type == "person" and o ~= m then
      local a, b = o.name or doc:text(o.start, o["end"]), m.name or doc:text(m.start, m["end"])
      return {name = a .. " and " .. b, start = o.start, ["end"] = m["end"]}
    end
  end
  -- some of a party or group speak as that part: "many Democrats say",
  -- "Some Republicans said" (not the party)
  if m and m.type == "org" and right_before then
    local b = doc:tokat(m.start) - 1
    if b >= first and QUANTIFIER[lower(doc, b)] and select(2, doc:tok(k)) == m["end"] then
      return span_speaker(doc, b, k, false)
    end
  end
  -- a person of a place speaks, not the place: "Robert Byrd (Democrat) of
  -- West Virginia said", "David Wyss of Data Resources Inc said" is below
  if m and m.type == "place" and right_before then
    local b = doc:tokat(m.start) - 1
    if b > first and (lower(doc, b) == "of" or lower(doc, b) == "from") then
      local p = b - 1
      if doc:word(p) == ")" then
        while p > first and p > b - 8 and doc:word(p) ~= "(" do p = p - 1 end
        p = p - 1
      end
      local o = p >= first and mention_at(doc, p)
      if o and o.type == "person" then return speaker_of_mention(doc, o) end
    end
  end
  -- places speak only as institutions right before the verb: "Kyiv said"
  if m and (m.type ~= "place" or right_before) then return speaker_of_mention(doc, m) end
  -- "the 34-year-old said": the person whose age the article gave as that,
  -- else the person named last
  -- (and "the 34-year-old mother of three replied")
  local y = k
  while y > k - 5 and y > first and lower(doc, y) ~= "year-old" and is_word(doc, y) and doc:is(y, "lower") do y = y - 1 end
  if lower(doc, y) == "year-old" and y - 2 >= first and doc:kind(y - 2) == "number" and doc:word(y - 1) == "-" then
    local sp = of_age(doc, doc:word(y - 2), doc:tok(y - 2))
    if not sp and y - 3 >= first and lower(doc, y - 3) == "the" then
      local m = named_last(doc, cx, y - 3, first)
      sp = m and speaker_of_mention(doc, m)
    end
    if sp then
      local a = y - 3 >= first and lower(doc, y - 3) == "the" and y - 3 or y - 2
      sp.start, sp["end"] = doc:tok(a), select(2, doc:tok(k))
      return sp
    end
  end
  local d = descriptor(doc, k, first)
  if d and not d.anonymous and DOCUMENT[w] then
    local author = document_author(doc, cx, d, k, first)
    if author then return author end
  end
  if d then
    -- "the Ukrainian Foreign Minister": the person who holds the role, when the article names them
    local holder = not d.anonymous and role_holder(doc, cx, d.name, d.start)
    -- "The agency said", "the company said": the organisation named last before
    local dfirst = doc:tokat(d.start)
    -- "the singer said", "The 43-year-old striker added": a person named by
    -- what they do is, like "the Italian", the one the text refers back to
    if not holder and not d.anonymous and BACKREF_NOUN[w] and lower(doc, dfirst) == "the" then
      local m = named_last(doc, cx, dfirst, first)
      if m then holder = m.name or doc:text(m.start, m["end"]) end
    end
    if not holder and not d.anonymous and ORG_DESCRIPTOR[w] and lower(doc, dfirst) == "the" then
      -- (a modifier in lower case names a kind: "the central bank" is a bank by name)
      local kind_of = false
      for t = dfirst + 1, k - 1 do
        if doc:is(t, "lower") then kind_of = true end
      end
      local o = org_named_last(doc, cx, dfirst, first, kind_of and w or nil, w)
      if o then holder = o.name or doc:text(o.start, o["end"]) end
    end
    if holder then d.name = holder end
    -- two bodies joined by "and" speak together: "the organisation and the
    -- foreign ministry said in a joint statement"
    if right_before and not d.anonymous and dfirst - 2 >= first and lower(doc, dfirst - 1) == "and" and
        lower(doc, dfirst) == "the" then
      local o = descriptor(doc, dfirst - 2, first)
      if o and o.start and not o.anonymous and lower(doc, doc:tokat(o.start)) == "the" then
        return span_speaker(doc, doc:tokat(o.start), k, false)
      end
    end
    return d
  end
  if (w == "who" or w == "which") and k - 2 >= first and doc:word(k - 1) == "," then
    -- "Macron, who reiterated ...", "Ukraine, which says ...": the name before
    -- the comma, or before an apposition ("McConnell, now the Senate
    -- majority leader, who said")
    local m = mention_at(doc, k - 2)
    if not m and w == "who" then
      for c = k - 3, math.max(first + 1, k - 14), -1 do
        if doc:word(c) == "," then
          local p = mention_at(doc, c - 1)
          if p and p.type == "person" then m = p end
          break
        end
        if doc:kind(c) == "quote" then break end
      end
    end
    if m and (m.type ~= "place" or w == "which") then return speaker_of_mention(doc, m) end
  end
  -- a name the actor rules did not know: "Blige sings", "Palmieri said"
  -- (not a sentence's capitalised first word, unless a quote in its
  -- paragraph closes right before it, or it is one singular word right before
  -- the verb: "McLenney said", not "Critics say")
  local opening = k == first and doc:is(k, "sent_start")
  if opening and k > 1 and doc:kind(k - 1) == "quote" and not doc:is(k, "para_start") then opening = false end
  if opening and right_before and k == first and #w > 2 and not w:find("s$") and not w:find("ly$") and
      not w:find("['’]") and not NOT_NAME_OPENING[w] and not written_lower(doc, cx, w) then
    opening = false
  end
  if doc:is(k, "title") and is_word(doc, k) and not NOT_NAME[w] and not opening then
    local a = k
    while a > first and doc:is(a - 1, "title") and is_word(doc, a - 1) and not NOT_NAME[lower(doc, a - 1)] do a = a - 1 end
    -- ("a Labour MP said": one unnamed, all of it)
    if a > first and INDEFINITE[lower(doc, a - 1)] and ROLES:match(doc, k) then
      return span_speaker(doc, a - 1, k, true)
    end
    local sp = span_speaker(doc, a, k, false)
    -- a capitalised role ("The Ukrainian Foreign Minister said"): its holder, when the article names one
    local holder = a < k and role_holder(doc, cx, sp.name, sp.start)
    -- "the Italian said", "the Spaniard added": the person named last before
    -- (news names a person by nationality only right after naming them)
    if not holder and a > first and lower(doc, a - 1) == "the" and not w:find("[^s]s$") and
        (a == k and DEMONYMS:lookup(doc:word(k)) or
         (k == a + 1 and DEMONYMS:lookup(doc:text(doc:tok(a), select(2, doc:tok(k))))) ) then
      local m = named_last(doc, cx, k, first)
      holder = m and (m.name or doc:text(m.start, m["end"]))
    end
    if holder then sp.name = holder end
    return sp
  end
  return nil
end

-- After the verb: "said Peskov", "said a senior official", "says Sen. X".
-- (the words after the speaker must end the clause: "said Peskov." / "said a
-- senior official, who ...", not "said a potential ceasefire could ...")
local function closes(doc, k, last)
  return k > last or doc:kind(k) == "punct" or doc:kind(k) == "quote" or NOT_IN_NP[lower(doc, k)]
end
local function after_verb(doc, cx, vj, last)
  local k = vj + 1
  if k > last then return nil end
  local w = lower(doc, k)
  if pronoun_word(w) then return closes(doc, k + 1, last) and subject_at(doc, cx, k, k, true) or nil end
  local m = doc:after("mention", doc:tok(k))
  if m and doc:tokat(m.start) <= k + 1 and m.type ~= "place" then
    local mlast = doc:tokat(m["end"] - 1)
    if closes(doc, mlast + 1, last) or doc:word(mlast + 1) == "(" then return speaker_of_mention(doc, m) end
    if m.type == "person" then return nil end
    -- "according to Reuters sources", "said Kremlin officials": the people
    -- of the organisation or place, anonymous when they are sources
    for t = mlast + 1, math.min(last, mlast + 3) do
      local w = lower(doc, t)
      if not is_word(doc, t) or not doc:is(t, "lower") then break end
      if (ANON[w] or GROUP[w]) and closes(doc, t + 1, last) then
        return span_speaker(doc, doc:tokat(m.start), t, ANON[w] and w:find("^source") ~= nil or false)
      end
    end
  end
  -- a role before the name: "said MSNBC host Chris Matthews", "said 9/11
  -- widow Terry Strada", "said European Council President Donald Tusk"
  -- (past an owner's "'s" and a comma before the name: "said Yahoo's Yonca
  -- Brunini", "said EEF chief economist, Steve Radley")
  for t = k, math.min(last, k + 7) do
    local punct = doc:kind(t) == "punct"
    if punct and not (possessive(lower(doc, t)) or (doc:word(t) == "," and t > k and t < last and
        doc:is(t - 1, "lower") and mention_at(doc, t + 1))) then
      break
    end
    if doc:kind(t) == "quote" or NOT_IN_NP[lower(doc, t)] then break end
    local p = mention_at(doc, t)
    if p and p.type == "person" and doc:tokat(p.start) == t then
      local plast = doc:tokat(p["end"] - 1)
      if closes(doc, plast + 1, last) or doc:word(plast + 1) == "(" then return speaker_of_mention(doc, p) end
      break
    end
  end
  -- a name the actor rules did not know, ending the clause: "said Blair.",
  -- "said Elez Biberaj, the director of ..."
  -- (and after an organisation's possessive: "said Lloyds Bank's Johnson")
  local a = k
  if m and doc:tokat(m.start) <= k then
    local ml = doc:tokat(m["end"] - 1)
    if possessive(lower(doc, ml)) then a = ml + 1
    elseif ml + 1 <= last and possessive(lower(doc, ml + 1)) then a = ml + 2 end
  end
  if not m or doc:tokat(m.start) > k or a > k then
    local t = a
    while t <= last and t < a + 4 and doc:is(t, "title") and is_word(doc, t) and not NOT_NAME[lower(doc, t)] do t = t + 1 end
    if t > a and closes(doc, t, last) then return span_speaker(doc, a, t - 1, false) end
  end
  -- "said the 26-year-old (striker)": whom the age names
  if w == "the" and k + 3 <= last and doc:kind(k + 1) == "number" and doc:word(k + 2) == "-" and
      lower(doc, k + 3) == "year-old" then
    local e = k + 3
    while e + 1 <= last and e < k + 5 and is_word(doc, e + 1) and doc:is(e + 1, "lower") and
        not NOT_IN_NP[lower(doc, e + 1)] do
      e = e + 1
    end
    if closes(doc, e + 1, last) then
      local _, _, _, sfirst = doc:sentence(k)
      return subject_at(doc, cx, e, sfirst, false)
    end
  end
  -- a group with no article: "according to show insiders", "said
  -- industry sources"
  if not DET[w] and doc:is(k, "lower") and not PREP[w] then
    for t = k, math.min(last, k + 2) do
      if not is_word(doc, t) or not doc:is(t, "lower") then break end
      local wt = lower(doc, t)
      if (GROUP[wt] or ANON[wt]) and closes(doc, t + 1, last) then
        return span_speaker(doc, k, t, ANON[wt] ~= nil and wt:find("^source") ~= nil)
      end
    end
  end
  if DET[w] then
    for t = k + 1, math.min(last, k + 5) do
      if not is_word(doc, t) then break end
      local nxt = t + 1
      -- ("according to a person familiar with the negotiations": an unnamed
      -- source, all of it, to the end of the noun after "with")
      if nxt + 2 <= last and source_word(lower(doc, nxt), "adjective") and
          (lower(doc, nxt + 1) == "with" or lower(doc, nxt + 1) == "to" or lower(doc, nxt + 1) == "on") then
        local e = nxt + 2
        if DET[lower(doc, e)] then e = e + 1 end
        while e + 1 <= last and is_word(doc, e + 1) and not NOT_IN_NP[lower(doc, e + 1)] and
            lower(doc, e + 1) ~= "who" and lower(doc, e + 1) ~= "that" and e < nxt + 6 do
          e = e + 1
        end
        return span_speaker(doc, k, e, true)
      end
      -- (a participle after the noun is what the speaker did: "said another
      -- analyst adding, “...”")
      local acting = nxt < last and doc:is(nxt, "lower") and lower(doc, nxt):find("ing$") ~= nil and t > k and
        (doc:word(nxt + 1) == "," or doc:kind(nxt + 1) == "quote" or lower(doc, nxt + 1) == "that")
      if acting then return span_speaker(doc, k, t, ANON[lower(doc, t)] or false) end
      -- ("said an analyst with a major oil company.": all of it, to the
      -- clause's end, when a role or group noun has a place or body after it)
      local pw = nxt <= last and lower(doc, nxt)
      if t > k and (pw == "with" or pw == "at" or pw == "from" or pw == "in") and
          (GROUP[lower(doc, t)] or ANON[lower(doc, t)] or ROLES:lookup(lower(doc, t))) then
        local e = nxt + 1
        while e <= last and e <= nxt + 6 and is_word(doc, e) and not NOT_IN_NP[lower(doc, e)] do e = e + 1 end
        if e > nxt + 1 and closes(doc, e, last) then
          return span_speaker(doc, k, e - 1, ANON[lower(doc, t)] ~= nil and lower(doc, t):find("^source") ~= nil)
        end
      end
      if ANON[lower(doc, t)] or nxt > last or not is_word(doc, nxt) or lower(doc, nxt) == "for" or lower(doc, nxt) == "of" then
        if not closes(doc, nxt, last) and not ANON[lower(doc, t)] then return nil end
        local sp = span_speaker(doc, k, t, ANON[lower(doc, t)] or false)
        -- "said the New Zealander", "said the company": whom it refers
        -- back to, as before the verb
        if w == "the" and not sp.anonymous then
          local _, _, _, sfirst = doc:sentence(k)
          local r = subject_at(doc, cx, t, sfirst, false)
          if r and r["end"] == sp["end"] and r.start >= sp.start and r.name ~= doc:text(r.start, r["end"]) then
            sp.name = r.name
          end
        end
        return sp
      end
    end
  end
  return nil
end

-- The person before an apposition that runs up to token k with no comma
-- closing it: "Mark Serwotka, the leader of the union said" (a role, maybe
-- after "the" or "a", opens it).
local function unclosed_apposition(doc, k, first)
  for c = k - 1, math.max(first + 1, k - 12), -1 do
    local w = doc:word(c)
    if w == "," then
      local m = mention_at(doc, c - 1)
      if not (m and m.type == "person") then return nil end
      local r = c + 1
      if DET[lower(doc, r)] then r = r + 1 end
      for t = r, math.min(r + 2, k) do
        if ROLES:match(doc, t) then return m end
      end
      return nil
    end
    if doc:kind(c) == "quote" or doc:kind(c) == "punct" and w ~= "." and w ~= "-" then return nil end
  end
  return nil
end

-- Is the cue c a speech verb, not a noun ("declined to give a 1987 profit
-- forecast")? One that may be a noun only where it reports a quote.
local function reports(doc, first, start, entry)
  local w = lower(doc, first)
  if not (entry and entry.noun) or w:find("ed$") or w:find("ing$") then return true end
  for q in doc:each("quote", start, select(3, doc:sentence(first))) do
    if q._verb_first == first then return true end
  end
  return false
end

-- words after which a speech verb's base or -s form is a noun ("on reports that")
local NOUN_AFTER = {on = true, about = true, amid = true, despite = true, following = true, over = true,
  of = true, ["in"] = true, with = true, without = true}
-- "does" before a verb: "the commission does urge parties ..."
local DO_AUX = {["do"] = true, does = true, did = true}
local speaker_near
-- Is the verb ending at vj followed by a person's name and an apposition
-- ("..., said William Blair, an executive member of the authority.")?
local function named_apposition_after(doc, vj, last)
  if vj >= last or not doc:is(vj + 1, "title") then return false end
  local m = mention_at(doc, vj + 1)
  if not (m and m.type == "person" and doc:tokat(m.start) == vj + 1) then return false end
  local me = doc:tokat(m["end"] - 1)
  return me + 2 <= last and doc:word(me + 1) == "," and (DET[lower(doc, me + 2)] ~= nil or lower(doc, me + 2) == "who")
end

function speaker_near(doc, cx, vi, vj, first, last, entry)
  -- a speech noun after a preposition is no one's here: "He declined to
  -- comment on reports that Putin could meet Kellogg" (not his)
  if entry and entry.noun and vi > first and NOUN_AFTER[lower(doc, vi - 1)] and
      not lower(doc, vi):find("ed$") and not lower(doc, vi):find("ing$") then
    return nil
  end
  -- inverted right after the quote or a clause: "“...,” said Peskov", "...,
  -- said Mr Armstrong."; never "told X" (the addressee)
  local object = entry and entry.object
  local inverted = not object and vi > first and (doc:kind(vi - 1) == "quote" or
    (doc:word(vi - 1) == "," and (vi - 1 > first and doc:kind(vi - 2) == "quote" or
      (vj < last and vj >= last - 6 and doc:is(vj + 1, "title")) or named_apposition_after(doc, vj, last))))
  if inverted then
    local sp = after_verb(doc, cx, vj, last)
    if sp then return sp end
  end
  local k = vi - 1
  local passive = false
  local dash_comma = false
  local participle = lower(doc, vi):find("ing$") ~= nil
  while k >= first do
    local w = lower(doc, k)
    -- (and a floating quantifier after an auxiliary: "the two biggest
    -- insurers have both said")
    local floating = (w == "both" or w == "all" or w == "each") and k > first and BETWEEN[lower(doc, k - 1)]
    if BE[w] or BETWEEN[w] or adverb(doc, k) or DO_AUX[w] or floating then
      passive = passive or BE[w] or false
      k = k - 1
    elseif (WHEN[w] or (w == "on" and k < vi - 1 and WHEN[lower(doc, k + 1)])) and not participle then
      -- "Margaret Thatcher late last year said", "Peskov on Monday said"
      -- (not before a participle: "unleashed a series of tweets early
      -- Friday saying" is the sentence's subject's)
      k = k - 1
    elseif k - 1 >= first and lower(doc, k - 1) == "in" and not participle and
        (MONTH[w] or (doc:kind(k) == "number" and #w == 4 and w:find("^[12][0-9][0-9][0-9]$"))) then
      -- "McConnell, who in 2010 said", "Peskov in March told"
      k = k - 2
    elseif doc:word(k) == ")" or doc:word(k) == ">" then
      -- "Rep. Gwen Moore (D-Wis.) said", "Lex Service Plc <LEXL.L> said":
      -- past the parenthesis or the stock ticker
      local open = doc:word(k) == ")" and "(" or "<"
      local o = k - 1
      while o > first and o > k - 8 and doc:word(o) ~= open do o = o - 1 end
      if o < first or doc:word(o) ~= open then break end   -- (a ")" opening the sentence)
      k = o - 1
    elseif doc:kind(k) == "dash" and k == vi - 1 then
      -- "Laah Chong-gyu, executive director of Korea Development Bank - one
      -- of the firm's creditors - said": past the aside between dashes
      local o = k - 1
      while o > first and o > k - 16 and doc:kind(o) ~= "dash" and doc:kind(o) ~= "quote" do o = o - 1 end
      if o <= first or doc:kind(o) ~= "dash" then break end
      k = o - 1
      -- (an aside after an apposition closes it as a comma would: the
      -- opening dash then stands for the apposition's closing comma)
      for c = o - 1, math.max(first, o - 12), -1 do
        if doc:word(c) == "," then
          -- ("Laah Chong-gyu, executive director of ...": a name, a comma and a role)
          if c + 1 < o and c > first and doc:is(c + 1, "lower") and doc:is(c - 1, "title") then k, dash_comma = o, true end
          break
        end
      end
      break
    else
      break
    end
  end
  -- a passive verb's subject is who was spoken to or about: "capital gains
  -- will be charged at ...", "he was told that ..." ("X was quoted as
  -- saying" still names X)
  if passive and not lower(doc, vj):find("ing$") and lower(doc, vi) ~= "quoted" then return nil end
  if k >= first then
    if doc:word(k) == "," or dash_comma then
      -- "The Conservative leader, Kemi Badenoch, said": the name in apposition
      -- (an organisation's name after a common noun too: "The drug's maker,
      -- Novo Nordisk, said"; not a list of names)
      local m0 = mention_at(doc, k - 1)
      local m0s = m0 and doc:tokat(m0.start)
      if m0 and (m0.type == "person" or (m0.type == "org" and m0s - 2 >= first and is_word(doc, m0s - 2) and
                                           doc:is(m0s - 2, "lower"))) then
        local ms = doc:tokat(m0.start)
        if ms - 1 > first and doc:word(ms - 1) == "," then return speaker_of_mention(doc, m0) end
      end
      -- "Konstantin Kosachev, chairman of the committee, said", "the source,
      -- who spoke on condition of anonymity, told": before the apposition
      local far
      for c = k - 1, math.max(first, k - 30), -1 do
        if doc:kind(c) == "quote" then break end
        if doc:word(c) == "," and c > first then
          local m = mention_at(doc, c - 1)
          -- (past a party and state: "Rep. Jim Jordan (R-Ohio), an oversight panel member, said")
          if not m and doc:word(c - 1) == ")" then
            local o = c - 2
            while o > first and o > c - 8 and doc:word(o) ~= "(" do o = o - 1 end
            if doc:word(o) == "(" and o > first then m = mention_at(doc, o - 1) end
            -- (or a name in the brackets themselves, after a dateline: "NEW
            -- YORK, March 18 - (General Partners), a Texas partnership, said")
            local inner = doc:word(o) == "(" and mention_at(doc, c - 2)
            if (not m or m.type == "place") and inner and inner.type ~= "place" and doc:tokat(inner.start) == o + 1 then
              return speaker_of_mention(doc, inner)
            end
          end
          if m and m.type == "person" then return speaker_of_mention(doc, m) end
          -- ("Sen. Patty Murray of Washington, the top Democrat ..., said": the person, not her state)
          if m and m.type == "place" then
            local ms = doc:tokat(m.start)
            local p = ms - 2 >= first and (lower(doc, ms - 1) == "of" or lower(doc, ms - 1) == "from") and
              mention_at(doc, ms - 2)
            if p and p.type == "person" then return speaker_of_mention(doc, p) end
          end
          -- (a capitalised word before ", who" is a name the actor rules
          -- did not know: "Swett, who was Finance Minister ..., added")
          -- (not a state's abbreviation: "of Ashton, Md., who watched")
          if not m and lower(doc, c + 1) == "who" and doc:is(c - 1, "title") and is_word(doc, c - 1) and
              not NOT_NAME[lower(doc, c - 1)] and not DEMONYMS:lookup(doc:word(c - 1)) and
              not doc:word(c - 1):find("%.$") then
            local a = c - 1
            while a > first and a > c - 4 and doc:is(a - 1, "title") and is_word(doc, a - 1) and
                not NOT_NAME[lower(doc, a - 1)] do
              a = a - 1
            end
            return span_speaker(doc, a, c - 1, false)
          end
          far = subject_at(doc, cx, c - 1, first, false) or far
        end
      end
      if far then return far end
    elseif (lower(doc, k) == "and" or lower(doc, k) == "but") and k > first then
      -- "The Israeli military said it had struck ... and accused the
      -- groups of ...": the subject of the sentence's first speech verb
      for c in doc:each("cue", doc:tok(first), doc:tok(k)) do
        if c.first > first and not in_direct_quote(doc, c.start) and reports(doc, c.first, c.start, c.entry) then
          local sp = speaker_near(doc, cx, c.first, c.last, first, last, c.entry)
          if sp then return sp end
        end
        break
      end
      -- "Zelenskyy hailed the meeting ..., and said ...": the clause's subject
      local sp = sentence_subject(doc, cx, doc:tok(first), doc:tok(k))
      if sp then return sp end
    elseif doc:kind(k) ~= "punct" and doc:kind(k) ~= "quote" then
      local sp = subject_at(doc, cx, k, first, k == vi - 1)
      -- an apposition whose closing comma is missing: "Mark Serwotka, the
      -- leader of the Public and Commercial Services Union said"
      if not (sp and sp.type == "person") then
        local m = unclosed_apposition(doc, k, first)
        if m then return speaker_of_mention(doc, m) end
      end
      -- "Four sources speaking with Reuters said": past "PREP X" and a participle
      local ms = sp and sp.start and doc:tokat(sp.start)
      -- ("Friedrich Merz of the Christian Democrats said": past "the" and the
      -- rest of the name too, and a noun of what it is: "Paul Spedding of
      -- stockbroker Kleinwort Grieveson and Co told")
      if ms then
        local b = ms - 1
        while b > first and b > ms - 4 and (doc:is(b, "title") and is_word(doc, b) or lower(doc, b) == "the" or
            (is_word(doc, b) and doc:is(b, "lower") and ORG_NOUN:lookup(lower(doc, b)))) and
            not PREP[lower(doc, b)] do
          b = b - 1
        end
        if b < ms - 1 and b > first and PREP[lower(doc, b)] then ms = b + 1 end
      end
      if ms and ms > first and PREP[lower(doc, ms - 1)] and doc:tokat(sp["end"] - 1) == k then
        local b = ms - 2
        if b >= first and doc:is(b, "lower") and lower(doc, b):find("ing$") then b = b - 1 end
        -- (past a comma: "Jeffrey Miller, of Miller Tabak Hirsch and Co said")
        if b > first and doc:word(b) == "," and (lower(doc, b + 1) == "of" or lower(doc, b + 1) == "at") then b = b - 1 end
        local sp2 = b >= first and subject_at(doc, cx, b, first, false)
        if sp2 and sp2.anonymous then return sp2 end
        -- "Judge Susan Illston in San Francisco wrote": not the place; "Friedrich
        -- Merz of the Christian Democrats said", "Mr Smith at Goldman Sachs said":
        -- not the organisation
        local pw = lower(doc, ms - 1)
        if sp2 and sp2.type == "person" and (sp.type == "place" or (sp.type == "org" and
            (pw == "of" or pw == "at" or pw == "from"))) then
          return sp2
        end
      end
      if sp then return sp end
    end
  end
  -- (not after a pronoun subject we could not resolve: "they published the
  -- results" names no one in "the results")
  if k >= first and pronoun_word(lower(doc, k)) then return nil end
  -- (nor after an infinitive, whose subject comes before it: "were
  -- “simply wrong” to imply the men were held")
  if not inverted and not object and not (vi > first and lower(doc, vi - 1) == "to") then
    return after_verb(doc, cx, vj, last)
  end
  return nil
end

-- The subject of the sentence [ss, limit): its first person or organisation
-- mentioned outside quotes, or a pronoun opening it ("Hillary Clinton spoke
-- out Tuesday ..., arguing that ...").
sentence_subject = function(doc, cx, ss, limit)
  local first = doc:tokat(ss)
  for k = first, math.min(first + 2, doc:ntok()) do
    if pronoun_word(lower(doc, k)) and not in_direct_quote(doc, doc:tok(k)) then
      local sp = subject_at(doc, cx, k, first, true)
      if sp then return sp end
    end
  end
  -- "The Republican nominee also outlined his plan and vowed ...": a role
  -- opening the sentence right before its verb, and who holds it ("A New
  -- York judge has rejected": one unnamed)
  local det = lower(doc, first)
  if det == "the" or det == "a" or det == "an" then
    for k = first + 1, math.min(first + 4, doc:ntok() - 1) do
      if doc:tok(k + 1) >= limit or not is_word(doc, k) then break end
      local w = lower(doc, k)
      -- (a role of two words: "A chief constable has backed")
      local role, re = ROLES:match(doc, k)
      if re and re > k and doc:is(re, "lower") then k, w = re, lower(doc, re) end
      if doc:is(k, "lower") and is_word(doc, k + 1) and doc:is(k + 1, "lower") and
          (role or BACKREF_NOUN[w] or ORG_DESCRIPTOR[w]) then
        local nw = lower(doc, k + 1)
        if not (NOT_IN_NP[nw] or PREP[nw] or ROLES:match(doc, k + 1)) then
          local sp = subject_at(doc, cx, k, first, true)
          -- (one no one is named as, right after the person named last spoke:
          -- 'Mr Ancram ... "...," he asked. The Tory spokesman also criticised')
          if sp and not sp.anonymous and (sp.name or ""):find("^[Tt]he ") and cx.last_speaker then
            local m = named_last(doc, cx, first, first)
            if m and m.type == "person" and (m.name or doc:text(m.start, m["end"])) == cx.last_speaker.name then
              sp.name = cx.last_speaker.name
            end
          end
          if sp then return sp end
        end
        break
      end
    end
  end
  -- (past a lead phrase: "With Democratic leaders worried ..., President
  -- Obama is rolling out a message: “...”")
  local from = ss
  if LEAD_PHRASE[lower(doc, first)] then
    for k = first + 2, doc:ntok() - 1 do
      if doc:tok(k) >= limit or doc:kind(k) == "quote" then break end
      if doc:word(k) == "," then
        from = doc:tok(k + 1)
        -- ("Asked if ..., he responded")
        if pronoun_word(lower(doc, k + 1)) then
          local sp = subject_at(doc, cx, k + 1, first, true)
          if sp then return sp end
        end
        break
      end
    end
  end
  local people = cx.people
  for x = people_before(cx, from) + 1, #people do
    local m = people[x]
    if m.start >= limit then break end
    if m.start >= from then
      -- an organisation's person after it: "Dai-Ichi Kangyo Bank chief
      -- economist Kosaku Furuta", "The EU's climate commissioner, Wopke Hoekstra,"
      local p = people[x + 1]
      if m.type ~= "person" and p and p.type == "person" and p.start < limit then
        local a, b = doc:tokat(m["end"] - 1) + 1, doc:tokat(p.start) - 1
        local role = b >= a and b - a < 5
        for t = a, b do
          if not ((is_word(doc, t) and (doc:is(t, "lower") or ROLES:match(doc, t))) or
              (t == a and possessive(lower(doc, t))) or (t == b and t > a and doc:word(t) == ",")) then
            role = false
          end
        end
        if role then return speaker_of_mention(doc, p) end
      end
      return speaker_of_mention(doc, m)
    end
  end
  return nil
end

-- "including Mitt Romney -- “It is disqualifying ...” -- and": a person's
-- name, a dash and the quote, which a dash or the sentence's end closes.
local function dash_before(doc, q)
  local open = doc:tokat(q.start) - 1
  if open < 3 or doc:kind(open) ~= "quote" or doc:kind(open - 1) ~= "dash" then return nil end
  local m = mention_at(doc, open - 2)
  if not (m and m.type == "person" and select(2, doc:tok(open - 2)) == m["end"]) then return nil end
  -- (a name in apposition, after its role, "including" or a comma; not an
  -- object, "seemed supportive of Mr. Trump -- “...”", where the quote is
  -- the subject's)
  local b = doc:tokat(m.start) - 1
  if b < 1 or not (ROLES:match(doc, b) or lower(doc, b) == "including" or doc:word(b) == "," or
      (doc:is(b, "lower") and ROLES:lookup(lower(doc, b)))) then
    return nil
  end
  local close = doc:tokat(q["end"])
  if close <= doc:ntok() and doc:kind(close) == "quote" then close = close + 1 end
  if close <= doc:ntok() and not (doc:kind(close) == "dash" or doc:word(close) == "." or doc:is(close, "para_start")) then
    return nil
  end
  return speaker_of_mention(doc, m)
end

-- "... are.” ― Pamela Padilla": a dash and a name right after the quote.
local function dash_after(doc, q)
  local k = doc:tokat(q["end"])
  if k <= doc:ntok() and doc:kind(k) == "quote" then k = k + 1 end
  if k > doc:ntok() or (doc:kind(k) ~= "dash" and doc:word(k) ~= "―") then return nil end
  local a = k + 1
  if a > doc:ntok() or not doc:is(a, "title") then return nil end
  local m = mention_at(doc, a)
  if m and m.type ~= "place" then return speaker_of_mention(doc, m) end
  local b = a
  while b < doc:ntok() and b < a + 3 and doc:is(b + 1, "title") and is_word(doc, b + 1) do b = b + 1 end
  return span_speaker(doc, a, b, false)
end

-- ---- cues ------------------------------------------------------------------

-- The speech verbs of the article that are not inside a quote, in order.
-- The speech verbs outside direct quotes (rules/quotes.lua), in order.
local function cues(doc)
  local out = {}
  for c in doc:each("cue") do
    out[#out + 1] = {i = c.first, j = c.last, s = c.start, e = c["end"], entry = c.entry, relative = c.relative}
  end
  return out
end

-- The index of the first cue starting at or after byte s (the cues are in
-- order of their starts): a binary search, as the lookups below are made
-- per quote and an article may have hundreds of cues.
local function first_cue(cues, s)
  local lo, hi = 1, #cues + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if cues[mid].s < s then lo = mid + 1 else hi = mid end
  end
  return lo
end

-- The first cue in [s, e), or the last one with last = true; the first
-- skips relative clauses ("the source, who spoke on condition of
-- anonymity, told Reuters").
local function cue_in(cx, s, e, last)
  local found
  local cs = cx.cues
  for x = first_cue(cs, s), #cs do
    local c = cs[x]
    if c.s >= e then break end
    if last or not c.relative then
      if not last then return c end
      found = c
    end
  end
  return found
end

-- The outlet named by "according to X" or "X reports" in [s, e).
local function outlet(m)
  if m.type ~= "org" then return false end
  local o = ORGS:lookup(m.name or "")
  return o and (o.outlet or o.agency or o.category == "outlet") and true or false
end
local function via_in(doc, cx, s, e)
  local cs = cx.cues
  local told = false
  for x = first_cue(cs, s), #cs do
    local c = cs[x]
    if c.s >= e then break end
    if c.entry.kind == "according" or c.entry.report then
      for m in doc:each("mention", s, e) do
        if outlet(m) then return m.name end
      end
    end
    told = told or c.entry.object
  end
  -- the outlet spoken to: "told Reuters", "speaking with Reuters", "in an
  -- interview with CNN" (all mentions: a joined quote's attribution lies
  -- inside the quote; the word before each looked at first)
  for m in doc:each("mention", s, e) do
    if m.type == "org" then
      local k = doc:tokat(m.start) - 1
      if k >= 1 and lower(doc, k) == "the" then k = k - 1 end
      local w = k >= 1 and lower(doc, k)
      -- (and the one spoken on: "Speaking on Sky News, the minister said")
      local on = w == "on" and k > 1 and (lower(doc, k - 1) == "speaking" or lower(doc, k - 1) == "appearing")
      if (w == "with" or w == "to" or on or (told and w and SPEECH_OBJECT[w])) and outlet(m) then return m.name end
    end
  end
  return nil
end

-- the verbs of one outlet quoting another's words, and what follows "as"
local QUOTED_VERB = {quoted = true, quotes = true, quoting = true}
local QUOTED_AS = {saying = true, telling = true, stating = true, writing = true}

-- Who the quoted words [a, b] name: the first person, else an organisation
-- that heads them (not one that describes them: "an OPEC secretariat
-- official"), else the words, unnamed after "a" or as "sources".
local function quoted_one(doc, a, b)
  local s = doc:tok(a)
  local _, e = doc:tok(b)
  local org
  for m in doc:each("mention", s, e) do
    if m.type == "person" then return speaker_of_mention(doc, m) end
    if m.type == "org" and not org and m["end"] == e then org = m end
  end
  if org then return speaker_of_mention(doc, org) end
  local unnamed = INDEFINITE[lower(doc, a)] ~= nil or lower(doc, b):find("^sources?$") ~= nil
  return span_speaker(doc, a, b, unnamed)
end

local function quoted_as(doc, c, first)
  if c.i < first + 3 or not QUOTED_AS[lower(doc, c.i)] or lower(doc, c.i - 1) ~= "as" then return nil end
  for k = c.i - 2, math.max(first + 1, c.i - 12), -1 do
    local w = lower(doc, k)
    if QUOTED_VERB[w] then
      -- (not the passive, "Baker was quoted by PAP as saying": its subject spoke)
      local p = k - 1
      if p > first and (lower(doc, p) == "also" or lower(doc, p) == "widely") then p = p - 1 end
      if p >= first and BE[lower(doc, p)] then
        -- the passive, "Smith was quoted by PAP as saying": the name before
        -- it spoke (a pronoun is left to the usual resolution)
        local m = mention_at(doc, p - 1)
        if not m or m.type == "place" then return nil end
        local via
        for o in doc:each("mention", doc:tok(k), doc:tok(c.i)) do
          if outlet(o) then via = o.name break end
        end
        return speaker_of_mention(doc, m), via
      end
      if c.i - 2 < k + 1 then return nil end
      local via
      for m in doc:each("mention", doc:tok(first), doc:tok(k)) do
        if outlet(m) then via = m.name end
      end
      return quoted_one(doc, k + 1, c.i - 2), via
    end
    if doc:kind(k) ~= "word" and doc:word(k) ~= "." then return nil end
  end
  return nil
end

-- "TASS quoted Foreign Minister Sergei Lavrov as saying that ...": who
-- was quoted speaks (the first person named between "quoted" and "as",
-- else the first organisation, else the words there), and the outlet
-- that quoted them relays it; in the passive ("Lavrov was quoted by TASS
-- as saying") the name before it. The cue c may be the "saying" or the
-- "quoted" ('“...,” Reuters quoted an official as saying'); after a quote,
-- "quotes" alone names who is quoted after it ('“...,” the newspaper
-- quotes a source close to the firm'), and the third value tells that the
-- verb's subject relays it. Nil when c is no such verb.
local function quoted_speaker(doc, c, first, last, q)
  if not QUOTED_VERB[lower(doc, c.i)] then return quoted_as(doc, c, first) end
  for k = c.j + 2, math.min(last, c.j + 12) do
    if QUOTED_AS[lower(doc, k)] and lower(doc, k - 1) == "as" then return quoted_as(doc, {i = k}, first) end
  end
  if q["end"] > c.s or c.j >= last or not is_word(doc, c.j + 1) then return nil end
  local a, b = c.j + 1, c.j + 1
  while b + 1 <= last and is_word(doc, b + 1) and b < a + 10 do b = b + 1 end
  local m = mention_at(doc, a)
  if not (m and m.type == "person") and not DET[lower(doc, a)] then return nil end
  return quoted_one(doc, a, b), nil, true
end

-- A transcript label opening the quote's paragraph ("WALLACE: ..."): the
-- speaker, and where the words after it start.
local function transcript_label(doc, q)
  local qi = doc:tokat(q.start)
  local _, _, _, pfirst = doc:paragraph(qi)
  local k = pfirst
  if doc:kind(k) == "quote" then k = k + 1 end
  local a = k
  while k <= a + 3 and is_word(doc, k) and doc:is(k, "upper") and #doc:word(k) > 1 do k = k + 1 end
  if k == a or doc:word(k) ~= ":" or k >= qi + 4 then return nil end
  local sp = span_speaker(doc, a, k - 1, false)
  local next_s = doc:tok(k + 1)
  return sp, next_s
end

-- The cue for a quote: a reported clause's own verb; else a verb after the
-- quote in its last sentence; else before it in its first; else, for a
-- quote opening its paragraph, in a sentence before it that ends with ":".
-- words before a participle whose subject is the sentence's: "... by announcing that"
local PARTICIPLE_LEAD = {by = true, after = true, before = true, ["while"] = true, when = true, without = true}

-- The cue a quote annotation names by its verb fields (rules/quotes.lua).
local function verb_of(doc, q)
  local s = doc:tok(q._verb_first)
  local _, e = doc:tok(q._verb_last)
  return {i = q._verb_first, j = q._verb_last, s = s, e = e, entry = q._verb_entry}
end

local function find_cue(doc, cx, q)
  if q._verb_first then return verb_of(doc, q) end
  local qi = doc:tokat(q.start)
  local _, ss, _, sfirst = doc:sentence(qi)
  local _, _, ese = doc:sentence(doc:tokat(math.max(q.start, q["end"] - 1)))
  local before = cue_in(cx, ss, q.start, true)
  -- (a belief about something reports nothing: "With leaders worried about
  -- a lack of passion, Obama is rolling out a message: “...”")
  if before and before.entry.kind == "belief" and before.j < doc:ntok() and
      (PREP[lower(doc, before.j + 1)] or lower(doc, before.j + 1) == "about" or lower(doc, before.j + 1) == "over") then
    before = nil
  end
  -- (unless a verb introduces it with a comma or colon: "Trump boasted, “...”")
  local mark = qi - 1
  local introduced = before and mark > 1 and (doc:word(mark - 1) == "," or doc:word(mark - 1) == ":") and
    before.j >= mark - 2
  -- otherwise a quote inside a reported clause belongs to the clause's verb
  -- ("said she wanted to speak “directly to white people”": said, not speak)
  if not introduced then
    for _, o in ipairs(doc:covering("quote", q.start, q.start + 1)) do
      if o ~= q and o.kind == "indirect" and o._verb_first then return verb_of(doc, o) end
    end
  end
  -- right before the quote (X said: “...”), or governing a quote inside the sentence
  if before and (qi - before.j <= 3 or qi > sfirst + 2) then return before end
  local c = cue_in(cx, q["end"], ese) or before
  if c then return c end
  -- “Why is this so?” Vitter demanded. (the question mark ended the sentence)
  local close = doc:tokat(q["end"])
  if close < doc:ntok() and doc:kind(close) == "quote" and not doc:is(close + 1, "para_start") then
    local _, ns, ne = doc:sentence(close + 1)
    local next_cue = cue_in(cx, ns, ne)
    if next_cue and next_cue.i <= close + 4 and ns >= q["end"] then return next_cue end
  end
  if sfirst > 1 then
    local p = sfirst - 1
    if doc:kind(p) == "quote" and p > 1 then p = p - 1 end
    if doc:word(p) == ":" or (doc:kind(sfirst) == "quote" and doc:word(sfirst - 1) == ":") then
      local _, ps = doc:sentence(p)
      return cue_in(cx, ps, doc:tok(p) + 1, true)
    end
  end
  return nil
end

-- what an outlet did to a document it quotes ("a memo seen by Reuters")
local SEEN = {seen = true, obtained = true, reviewed = true, viewed = true}

-- Does an aside right after byte pos say its speaker asked not to be named
-- (", who asked not to be named,", ", speaking on condition of anonymity,")?
local UNNAMED = {"^,? who asked not to be named", "^,? who asked not to be identified",
  "^,? who did not want to give h[ei][rs] name", "^,? who declined to give h[ei][rs] name",
  "^,? who declined to be named", "^,? who declined to be identified", "^,? who did not want to be named",
  "^,? who requested anonymity", "^,? speaking on condition of anonymity", "^,? who spoke on condition of anonymity"}
local function unnamed_aside(doc, pos)
  local tail = doc:text(pos, math.min(#doc, pos + 48)):lower()
  for _, p in ipairs(UNNAMED) do
    if tail:find(p) then return true end
  end
  return false
end

-- Is the speaker's span inside the quote's own words (in one of its parts,
-- for a quote joined over its attribution)?
local function speaks_inside(q, sp)
  local parts = q.parts or {{q.start, q["end"]}}
  for _, p in ipairs(parts) do
    local a, b = p[1] or p.start, p[2] or p["end"]
    if sp.start >= a and sp["end"] <= b then return true end
  end
  return false
end

rule "quote.speaker" {
  stage = "resolve",
  doc = "the cue next to each quote and the speaker next to the cue; uncued quotes continue the previous speaker",
  run = function(doc)
    local cx
    local prev = nil
    for q in doc:each("quote") do
      if q.speaker then
        -- a rule already named the speaker: keep it, and let it carry on
        prev = {speaker = q.speaker, via = q.via, para = select(1, doc:paragraph(doc:tokat(q.start)))}
        goto continue
      end
      if q.kind == "term" then goto continue end
      cx = cx or {cues = cues(doc), people = people(doc), genders = {}, pronouns = {}}
      do
        local para = doc:paragraph(doc:tokat(q.start))
        local sp, via
        local label, body = transcript_label(doc, q)
        local named = not label and dash_before(doc, q)
        if label then
          sp = label
          if body > q.start and body < q["end"] then q.start = body end
          why(q, "transcript label %s", label.name)
        elseif named then
          sp = named
          why(q, "the name before the dash")
        else
          local c = find_cue(doc, cx, q)
          if c then
            q.cue = {start = c.s, ["end"] = c.e, text = doc:text(c.s, c.e)}
            local _, c_ss, c_se, c_first, c_last = doc:sentence(c.i)
            if q._according then
              -- "according to X, ..." / "..., according to the sources": X
              local m = doc:after("mention", c.e)
              if m and m["end"] > c_se then m = nil end   -- (the next sentence's)
              -- (people named by a noun first: "according to officials in
              -- Italy, France and Spain", not Italy)
              local nw = c.j + 1 <= c_last and lower(doc, c.j + 1)
              if nw and (not m or doc:tokat(m.start) > c.j + 1) and (GROUP[nw] or ANON[nw]) and doc:is(c.j + 1, "lower") then
                m = nil
                sp = span_speaker(doc, c.j + 1, c.j + 1, ANON[nw] ~= nil)
              end
              -- "according to a memo seen by Reuters": the unnamed document
              -- speaks; the outlet that saw it relays it
              if m and not sp then
                local mt = doc:tokat(m.start)
                local by = mt - 1
                if by - 1 > c.j and lower(doc, by) == "the" then by = by - 1 end   -- ("seen by the BBC")
                -- (or published in a journal: "according to a study published
                -- in the New England Journal of Medicine")
                if by - 2 > c.j and (lower(doc, by) == "by" and SEEN[lower(doc, by - 1)] or
                    lower(doc, by) == "in" and lower(doc, by - 1) == "published") and DET[nw or ""] then
                  sp = span_speaker(doc, c.j + 1, by - 2, true)
                  via = m.name or doc:text(m.start, m["end"])
                  m = nil
                end
              end
              -- (a name that describes the source: "according to a senior
              -- Hamas official who spoke on condition of anonymity")
              if m and not sp and DET[nw or ""] then
                local nk = doc:tokat(m["end"] - 1) + 1
                if nk <= c_last and doc:is(nk, "lower") and is_word(doc, nk) and speaks_for(lower(doc, nk)) then
                  local d = descriptor(doc, nk, c.j + 1)
                  if d then
                    if INDEFINITE[nw] or ANON[lower(doc, nk)] then d.anonymous = true end
                    sp, m = d, nil
                  end
                end
              end
              if m and doc:tokat(m.start) <= c.j + 6 and (m.start < q.start or q._after) then
                -- (the organisation's people when they follow: "according to Reuters sources")
                local people = after_verb(doc, cx, c.j, c_last)
                if people and people.start == m.start and people["end"] > m["end"] then sp = people
                else sp = speaker_of_mention(doc, m) end
                -- "according to The Guardian’s security editor, Dan Sabbagh": the
                -- person the outlet's role leads to
                local after = doc:text(m["end"], math.min(#doc, m["end"] + 4))
                if m.type ~= "person" and (after:sub(1, 2) == "'s" or after == "’s") then
                  local p = doc:after("mention", m["end"])
                  while p and p.type ~= "person" and doc:tokat(p.start) <= c.j + 14 do p = doc:after("mention", p["end"]) end
                  -- (in the same sentence: "according to CME Group's FedWatch tool."
                  -- is no one's the next paragraph names)
                  if p and p.type == "person" and doc:tokat(p.start) <= c.j + 14 and p["end"] <= c_se and
                      p.start < (q._after and #doc or q.start) then
                    sp = speaker_of_mention(doc, p)
                  end
                end
              end
              sp = sp or after_verb(doc, cx, c.j, c_last)
              -- "according to the company": the organisation named last
              if sp and not sp.type and sp.start and c.j + 2 <= c_last and lower(doc, c.j + 1) == "the" and
                  sp["end"] == select(2, doc:tok(c.j + 2)) and ORG_DESCRIPTOR[lower(doc, c.j + 2)] then
                local o = org_named_last(doc, cx, c.j + 1, c_first, nil, lower(doc, c.j + 2))
                if o then sp.name = o.name or doc:text(o.start, o["end"]) end
              end
            elseif c.i > c_first and (doc:word(c.i - 1) == "," or PARTICIPLE_LEAD[lower(doc, c.i - 1)]) and
                lower(doc, c.i):find("ing$") then
              -- "Trump said, adding ...", "..., arguing that": the subject of the
              -- sentence's main verb before it (its first, unless that is a
              -- participle too: "Mr Clarke, writing in The Times, accused ...,
              -- adding"), else of the sentence
              local main = cue_in(cx, c_ss, c.s)
              if main and (lower(doc, main.j):find("ing$") or not reports(doc, main.i, main.s, main.entry)) then
                main = nil
              end
              if main then sp = speaker_near(doc, cx, main.i, main.j, c_first, c_last, main.entry) end
              local last = not sp and cue_in(cx, c_ss, c.s, true)
              if last and reports(doc, last.i, last.s, last.entry) then
                sp = speaker_near(doc, cx, last.i, last.j, c_first, c_last, last.entry)
              end
              sp = sp or sentence_subject(doc, cx, c_ss, c.s)
            elseif c.i == c_first and c.entry.kind ~= "according" and lower(doc, c.i):find("ing$") then
              -- "Claiming the criticism ..., Trump told Fox": the subject of
              -- the clause after the participle's phrase
              local t = c.j + 1
              while t < c_last and doc:word(t) ~= "," do t = t + 1 end
              if t < c_last then sp = sentence_subject(doc, cx, select(2, doc:tok(t)), c_se) end
              sp = sp or speaker_near(doc, cx, c.i, c.j, c_first, c_last, c.entry)
            else
              sp = speaker_near(doc, cx, c.i, c.j, c_first, c_last, c.entry)
              -- an infinitive or participle with no subject of its own takes
              -- the sentence's: "Trump took to Twitter to accuse ...",
              -- "Trump unleashed tweets saying ...", "despite admitting"
              -- (the speaker of a speech verb right before it, first: '“...,”
              -- Sanders said, going on to say that ...')
              if not sp and c.i > c_first and (lower(doc, c.i - 1) == "to" or lower(doc, c.i):find("ing$")) then
                local at, before = c.i, cue_in(cx, c_ss, c.s, true)
                -- ("going on to say" is one phrase: the cue before it)
                while before and before.j + 2 >= at and lower(doc, before.i):find("ing$") do
                  at, before = before.i, cue_in(cx, c_ss, before.s, true)
                end
                if before and before.j + 1 < at and at - before.j <= 5 and doc:word(before.j + 1) == "," then
                  sp = speaker_near(doc, cx, before.i, before.j, c_first, c_last, before.entry)
                end
                sp = sp or sentence_subject(doc, cx, c_ss, c.s)
              end
            end
            via = via_in(doc, cx, c_ss, c_se) or via
            -- ('“...,” Reuters quoted an official as saying': the cue found
            -- is "quoted"; its "as saying" names who spoke)
            local qsp, qvia, relayed = quoted_speaker(doc, c, c_first, c_last, q)
            if relayed and sp and sp.name ~= qsp.name then qvia = sp.name end
            -- ("CCTV quoted him as saying": the man the pronoun stands for)
            local obj = qsp and OBJECT_PRONOUN[(qsp.name or ""):lower()]
            if obj then
              local a = resolve_pronoun(doc, cx, obj, qsp.start)
              if a then
                local r = speaker_of_mention(doc, a)
                r.start, r["end"] = qsp.start, qsp["end"]
                qsp = r
              end
            end
            if qsp then sp, via = qsp, qvia or via end
            if via and sp and sp.name == via then via = nil end
            why(q, "cue '%s'; speaker %s", q.cue.text, sp and sp.name or "not found")
          else
            sp = dash_after(doc, q)
            if sp then
              why(q, "no cue: the name after the dash")
            else
              local qi = doc:tokat(q.start)
              local _, ss, _, sfirst = doc:sentence(qi)
              if qi > sfirst + 1 then
                -- a quote inside a sentence: its subject ("Reid has gone after Trump as a “...”")
                sp = sentence_subject(doc, cx, ss, q.start)
                if sp then why(q, "no cue: the subject of the quote's sentence") end
              end
              -- (a sentence of narration right before it in its paragraph
              -- whose subject is someone else speaks it: 'Her neighbour, Juan
              -- García, 82, agrees. “The young people leave ...”')
              if not sp and prev and sfirst > 1 and qi <= sfirst + 1 and doc:paragraph(sfirst - 1) == para then
                local _, ps, pe = doc:sentence(sfirst - 1)
                -- (narration with no quote of its own: "Wilson spread ..., James
                -- said. “So it's not ...”" goes on with James)
                local narrated = #doc:covering("quote", ps, ps + 1) == 0 and #doc:inside("quote", ps, pe) == 0 and
                  sentence_subject(doc, cx, ps, doc:tok(sfirst))
                -- (its subject: near its start, no preposition's object, "next
                -- to Mr Blair he added", "trained with ... Robert Korzeniowski")
                local nt = narrated and narrated.start and doc:tokat(narrated.start)
                local _, _, _, pfirst = doc:sentence(sfirst - 1)
                local b = nt and nt - 1
                while b and b > pfirst and doc:is(b, "title") do b = b - 1 end   -- (past "Mr", "President")
                if nt and (nt > pfirst + 8 or (b >= pfirst and PREP[lower(doc, b)])) then narrated = nil end
                if narrated and narrated.type == "person" and narrated.name ~= prev.speaker.name then
                  sp = narrated
                  why(q, "no cue: the subject of the sentence before, someone new")
                end
              end
              if not sp and prev and q.kind == "direct" and para - prev.para <= 1 then
                sp, via = prev.speaker, prev.via
                why(q, "no cue: continues the previous quote's speaker")
              elseif not sp and sfirst > 1 then
                -- a quote after narration: the previous sentence's subject
                local _, ps = doc:sentence(sfirst - 1)
                sp = sentence_subject(doc, cx, ps, doc:tok(sfirst))
                if sp then why(q, "no cue: the subject of the sentence before") end
              end
              if not sp and prev and q.kind == "direct" then
                sp, via = prev.speaker, prev.via
                why(q, "no cue: continues the previous quote's speaker")
              end
            end
          end
        end
        -- (no description from inside what was said is its speaker: "Many
        -- said the plan would fail" names no speaker in "the plan")
        if sp and sp.start and not sp.type and speaks_inside(q, sp) then sp = nil end
        -- one who asked not to be named is anonymous, here and after: "A
        -- neighbour, who asked not to be named, told the BBC ... she said"
        if sp and not sp.type and not sp.anonymous and sp.name then
          cx.unnamed = cx.unnamed or {}
          if cx.unnamed[sp.name] or (sp["end"] and unnamed_aside(doc, sp["end"])) then
            sp.anonymous = true
            cx.unnamed[sp.name] = true
          end
        end
        q.speaker = sp
        if sp then cx.last_speaker = sp end
        q.via = via
        if sp then prev = {speaker = sp, via = via, para = para} end
      end
      ::continue::
    end
  end,
  examples = {
    ["“We are ready,” Peskov said."] = {quote = {{text = "We are ready,"}}},
    -- the outlet told is the one that relayed it
    ["A senior Russian source told Reuters that the Kremlin was considering options."] = {quote = {
      {text = "that the Kremlin was considering options", via = "Reuters", speaker = {name = "A senior Russian source", anonymous = true}}}},
    -- the outlet told, in the attribution a joined quote surrounds
    ["“It is still looking good,” he told Reuters. “We have seen good data.”"] = {quote = {
      {text = "It is still looking good,", via = "Reuters"}}},
    -- an apposition whose closing comma is missing
    ["Mark Serwotka, the leader of the Public and Commercial Services Union said: “We had the day of the long knives.”"] = {quote = {
      {text = "We had the day of the long knives.", speaker = {name = "Mark Serwotka"}}}},
    -- a bare noun after a preposition completes the speaker's noun phrase
    ["A total of 24 pesos is earmarked for the poor, the government department for planning said."] = {quote = {
      {text = "A total of 24 pesos is earmarked for the poor", speaker = {name = "the government department for planning"}}}},
    -- a department before a capitalised role names the role's holder later
    ["Agriculture Secretary Richard Lyng spoke. The Agriculture Secretary said a deal was not appropriate."] = {quote = {
      {text = "a deal was not appropriate", speaker = {name = "Richard Lyng"}}}},
    -- sources close to someone are anonymous sources
    ["Sources close to Prime Minister Theresa May said she was furious."] = {quote = {
      {text = "she was furious", speaker = {name = "Sources", anonymous = true}}}},
    -- "she": an unnamed spokeswoman
    ["A Chrysler spokeswoman would not say more. She stuck by the statement. “That is our definition,” she said."] = {quote = {
      {text = "That is our definition,", speaker = {name = "A Chrysler spokeswoman"}}}},
    -- a time between the subject and the verb
    ["Prime Minister Margaret Thatcher late last year said a decision depended on the economy."] = {quote = {
      {text = "a decision depended on the economy", speaker = {name = "Margaret Thatcher"}}}},
    -- a passive verb's subject is no speaker
    ["But capital gains will be charged at the “appropriate corporation tax rate.”"] = {quote = {
      {text = "appropriate corporation tax rate.", speaker = false}}},
    -- "she": the subject of the sentence before, not the nearer woman
    ["Hillary Clinton laid out plans with Elizabeth Warren. She said, “We will win.”"] = {quote = {
      {text = "We will win.", speaker = {name = "Hillary Clinton"}}}},
    -- "but added": the person the organisation's role names
    ["Dai-Ichi Kangyo Bank chief economist Kosaku Furuta said growth was slow, but added he expects a recovery."] = {quote = {
      {text = "growth was slow", speaker = {name = "Kosaku Furuta"}}, {text = "he expects a recovery", speaker = {name = "Kosaku Furuta"}}}},
    -- a participle after a comma: the main clause's subject (not a speech verb's noun use before it)
    ["General manager Liu Shuxun declined to give a 1987 profit forecast, saying targets were under study."] = {quote = {
      {text = "targets were under study", speaker = {name = "Liu Shuxun"}}}},
    ["A chief constable has backed the move, saying police had a duty."] = {quote = {
      {text = "police had a duty", speaker = {name = "A chief constable"}}}},
    -- some of a party speak as that part, not the party
    ["But many Democrats say the numbers hide a problem. Some Republicans said the plan was bad."] = {quote = {
      {text = "the numbers hide a problem", speaker = {name = "many Democrats"}},
      {text = "the plan was bad", speaker = {name = "Some Republicans"}}}},
    -- a person of a firm after a comma; a name in brackets after a dateline
    ["“There will be a swap,” Jeffrey Miller, of Miller Tabak Hirsch and Co said. NEW YORK, March 18 - (General Partners), a Texas partnership, said it holds 9.8 pct."] = {quote = {
      {text = "There will be a swap,", speaker = {name = "Jeffrey Miller"}}, {text = "it holds 9.8 pct", speaker = {name = "General Partners"}}}},
    -- a group and a participle's object, all of it
    ["Protesters demanding his resignation said they would return."] = {quote = {
      {text = "they would return", speaker = {name = "Protesters demanding his resignation"}}}},
    -- a floating quantifier between the auxiliary and the verb
    ["Sweden's two biggest insurers have both said they would like to enter banking."] = {quote = {
      {text = "they would like to enter banking", speaker = {name = "two biggest insurers"}}}},
    -- a capitalised word before ", who" is a name the actor rules did not know
    ["Swett, who was finance minister until 1986, added: “There has been a ceasing of payments.”"] = {quote = {
      {text = "There has been a ceasing of payments.", speaker = {name = "Swett"}}}},
    -- past an aside between dashes, as past a comma's apposition
    ["“It is fine,” John Smith, director of Korea Development Bank - one of its creditors - said. But Deutsche Bank - itself a target - said it was wrong."] = {quote = {
      {text = "It is fine,", speaker = {name = "John Smith"}}, {text = "it was wrong", speaker = {name = "Deutsche Bank"}}}},
    -- a name after an organisation's possessive
    ["“The dollar has further to fall,” said Lloyds Bank's Johnson."] = {quote = {
      {text = "The dollar has further to fall,", speaker = {name = "Johnson"}}}},
    -- an unnamed speaker with where they work, all of it
    ["“All members can make a case,” said an analyst with a major oil company."] = {quote = {
      {text = "All members can make a case,", speaker = {name = "an analyst with a major oil company"}}}},
    -- an inverted name after its role and a comma
    ["“It is correct,” said EEF chief economist, Steve Radley."] = {quote = {
      {text = "It is correct,", speaker = {name = "Steve Radley"}}}},
    -- the media of a country speak as a group
    ["Russian state media reported that three people had been killed."] = {quote = {
      {text = "that three people had been killed", speaker = {name = "Russian state media"}}}},
    -- two bodies joined by "and" speak together
    ["“We will act,” the organisation and the foreign ministry said in a joint statement."] = {quote = {
      {text = "We will act,", speaker = {name = "the organisation and the foreign ministry"}}}},
    -- "..., it said" after a clause: not a body the clause names
    ["Texaco Inc filed papers on Monday. Chase Manhattan Corp asked for deposits to cover the transactions, it said."] = {quote = {
      {text = "Chase Manhattan Corp asked for deposits to cover the transactions", speaker = {name = "Texaco Inc"}}}},
    -- a person of a firm a noun introduces speaks, not the firm (nor is a surname in -ing a participle)
    ["“It is big,” Paul Spedding of stockbroker Kleinwort Grieveson and Co told Reuters."] = {quote = {
      {text = "It is big,", speaker = {name = "Paul Spedding"}}}},
    -- a person of a place speaks, not the place
    ["Senate Majority Leader Robert Byrd (Democrat) of West Virginia said he was heartened."] = {quote = {
      {text = "he was heartened", speaker = {name = "Robert Byrd"}}}},
    -- a verb after "and" shares the subject of the sentence's first speech verb ("does" before it is no name's)
    ["Officials met Hamas. The Israeli military said it had struck targets used by Hamas and accused the groups of hiding among civilians."] = {quote = {
      {text = "it had struck targets used by Hamas", speaker = {name = "The Israeli military"}},
      {text = "the groups of hiding among civilians", speaker = {name = "The Israeli military"}}}},
    ["Even so the agency does urge caution and suggests there should be more checks."] = {quote = {
      {text = "there should be more checks", speaker = {name = "the agency"}}}},
    ["The EU's climate commissioner, Wopke Hoekstra, praised the deal and said Europe would lead."] = {quote = {
      {text = "Europe would lead", speaker = {name = "Wopke Hoekstra"}}}},
    -- a bare plural speaks for its group, and "they" goes on for it
    ["Soviet buying has skewed the market, cash grain dealers said. Barge costs have risen sharply, they said."] = {quote = {
      {text = "Soviet buying has skewed the market", speaker = {name = "cash grain dealers"}},
      {text = "Barge costs have risen sharply", speaker = {name = "cash grain dealers"}}}},
    -- an infinitive's or participle's speaker is the sentence's subject
    ["Donald Trump took to Twitter overnight to accuse the campaign of being “duped” by a con."] = {quote = {
      {text = "duped", speaker = {name = "Donald Trump"}}}},
    -- a participle opening the sentence: the main clause's subject
    ["Claiming the criticism of Lauer is designed to pressure moderators, Donald Trump told Fox that “they hit Matt.”"] = {quote = {
      {text = "the criticism of Lauer is designed to pressure moderators", speaker = {name = "Donald Trump"}}}},
    -- an unknown name opening the sentence before its verb; a speaker never inside the quote
    ["McLenney said Clinton does not show consistency."] = {quote = {
      {text = "Clinton does not show consistency", speaker = {name = "McLenney"}}}},
    ["Many said the plan would fail, and many agreed."] = {quote = {{text = "the plan would fail", speaker = false}}},
    -- past a stock ticker to the company
    ["Sears Plc <SEHL> said it sold a unit."] = {quote = {{text = "it sold a unit", speaker = {name = "Sears Plc"}}}},
    -- "he" after a definite role no one was named for is that role's speaker
    ["Finance Minister Chung In-yong agreed. Houses may not hold shares, the spokesman said. Others should reduce holdings, he added."] = {quote = {
      {text = "Others should reduce holdings", speaker = {name = "the spokesman"}}}},
    -- an infinitive with no subject of its own takes the speaker of the verb before it
    ['Bernie Sanders spoke on Monday. “The debate is insane,” Sanders said, going on to say that the country has spent years fighting racism.'] = {quote = {
      {text = "that the country has spent years fighting racism", speaker = {name = "Bernie Sanders"}}}},
    ['Bernie Sanders spoke on Monday. “The debate is insane,” Sanders said, going on to say that the country has spent “hundreds of years fighting racism.”'] = {quote = {
      {text = "hundreds of years fighting racism.", speaker = {name = "Bernie Sanders"}}}},
    ["Officials in Cojedes state said on Friday that the land would be taken."] = {quote = {
      {text = "that the land would be taken", speaker = {name = "Officials in Cojedes state"}}}},
    ["A Quinnipiac University poll released in late August found that 74 percent of likely voters wanted it."] = {quote = {
      {text = "that 74 percent of likely voters wanted it", speaker = {name = "A Quinnipiac University poll"}}}},
    ["The talks are focused on the hostages, according to a senior Hamas official who spoke on condition of anonymity."] = {quote = {
      {text = "The talks are focused on the hostages", speaker = {name = "a senior Hamas official", anonymous = true}}}},
    ["The Hamas-run health ministry in Gaza says more than 61,000 Palestinians have been killed."] = {quote = {
      {text = "more than 61,000 Palestinians have been killed", speaker = {name = "The Hamas-run health ministry in Gaza"}}}},
    ["Thai stocks have broken all expectations and brokers and securities analysts said the market would rise."] = {quote = {
      {text = "the market would rise", speaker = {name = "brokers and securities analysts"}}}},
    ["John Smith believes the rivalry is overblown and instead thinks the real battle is elsewhere."] = {quote = {
      {text = "the rivalry is overblown", speaker = {name = "John Smith"}},
      {text = "the real battle is elsewhere", speaker = {name = "John Smith"}}}},
    ['Donna Sampson Rawlings, 59, of Ashton, Md., who watched the ceremony, said it brought back memories. "It was moving," she said.'] = {quote = {
      {text = "it brought back memories", speaker = {name = "Donna Sampson Rawlings"}},
      {text = "It was moving,", speaker = {name = "Donna Sampson Rawlings"}}}},
    -- (no inverted speaker after an infinitive: the words after it are what was implied)
    ['Straw spoke. Law lords were "simply wrong" to imply the men were being held arbitrarily.'] = {quote = {
      {text = "simply wrong", speaker = false}, {text = "the men were being held arbitrarily", speaker = false}}},
    ["The waterway is expected to lose money this year, said William Blair, an executive member of the authority."] = {quote = {
      {text = "The waterway is expected to lose money this year", speaker = {name = "William Blair"}}}},
    ["Boeing's workers voted to end the strike. About 59% of members of the International Association of Machinists voted in favour, the union said."] = {quote = {
      {text = "About 59% of members of the International Association of Machinists voted in favour", speaker = {name = "International Association of Machinists"}}}},
    ["A drug cut the risk by 20%, according to a study published in the New England Journal of Medicine."] = {quote = {
      {text = "A drug cut the risk by 20%", speaker = {name = "a study", anonymous = true}, via = "New England Journal of Medicine"}}},
    -- a collective noun opening the subject speaks, all of it
    ["A team of researchers at Oxford University said the vaccine worked."] = {quote = {
      {text = "the vaccine worked", speaker = {name = "A team of researchers at Oxford University"}}}},
    ["A consortium led by Blackstone said it would bid. A spokesman for a group of investors said it would sell."] = {quote = {
      {text = "it would bid", speaker = {name = "A consortium led by Blackstone"}},
      {text = "it would sell", speaker = {name = "A spokesman for a group of investors"}}}},
    -- "X quoted Y as saying": Y speaks, X relays it
    ["Russia's RIA news agency quoted Foreign Minister Sergei Lavrov as saying that any deployment was unacceptable."] = {quote = {
      {text = "that any deployment was unacceptable", speaker = {name = "Sergei Lavrov"}, via = "RIA Novosti"}}},
    ["Later, Deputy Prime Minister Peter Smith was also quoted by the TASS news agency as saying the government had to act."] = {quote = {
      {text = "the government had to act", speaker = {name = "Peter Smith"}, via = "TASS"}}},
    ["The paper quoted official sources as saying the talks had failed."] = {quote = {
      {text = "the talks had failed", speaker = {name = "official sources", anonymous = true}}}},
    ["Interfax quoted a senior official as saying talks would resume."] = {quote = {
      {text = "talks would resume", speaker = {name = "a senior official", anonymous = true}, via = "Interfax"}}},
    ['“It is a question of sovereignty,” Reuters quoted a central bank official as saying.'] = {quote = {
      {text = "It is a question of sovereignty,", speaker = {name = "a central bank official", anonymous = true}, via = "Reuters"}}},
    ['“Output was low,” the news agency Opecna quoted an OPEC secretariat official as saying.'] = {quote = {
      {text = "Output was low,", speaker = {name = "an OPEC secretariat official", anonymous = true}}}},
    ['“SAIC is concerned,” the newspaper quotes a source close to the Chinese firm.'] = {quote = {
      {text = "SAIC is concerned,", speaker = {name = "a source close to the Chinese firm", anonymous = true}}}},
    ["The statement quoted Yu Kuo-hua as telling officials the relaxation was needed."] = {quote = {
      {text = "the relaxation was needed", speaker = {name = "Yu Kuo-hua"}}}},
    ['“We will win,” TASS quoted Sergei Lavrov as saying.'] = {quote = {
      {text = "We will win,", speaker = {name = "Sergei Lavrov"}, via = "TASS"}}},
    ["The drug's maker, Novo Nordisk, said it would seek approval."] = {quote = {
      {text = "it would seek approval", speaker = {name = "Novo Nordisk"}}}},
    -- a name in apposition after a role speaks
    ["The Conservative leader, Kemi Badenoch, said her party would support the move."] = {quote = {
      {text = "her party would support the move", speaker = {name = "Kemi Badenoch"}}}},
    -- an unnamed source at length after "according to" or an inverted verb
    ["According to a person familiar with the negotiations who was not authorized to speak, the White House will accept it. The deal is off, said a source close to the talks."] = {quote = {
      {text = "the White House will accept it", speaker = {name = "a person familiar with the negotiations", anonymous = true}},
      {text = "The deal is off", speaker = {name = "a source close to the talks", anonymous = true}}}},
    -- sources "with direct knowledge of" something: all of it, anonymous
    ["Glencore is in talks to buy the unit, two sources with direct knowledge of the matter said on Thursday."] = {quote = {
      {text = "Glencore is in talks to buy the unit", speaker = {name = "two sources with direct knowledge of the matter", anonymous = true}}}},
    -- a person "of" or "at" an organisation speaks, not the organisation
    ["David Wyss of Data Resources Inc said gains were weaker. Friedrich Merz of the Christian Democrats said no."] = {quote = {
      {text = "gains were weaker", speaker = {name = "David Wyss"}}}},
    -- a US party and state after a name, or a state and an apposition, are not who spoke
    ["Senate Majority Leader John Thune, R-S.D., said the bill was a responsible path."] = {quote = {
      {text = "the bill was a responsible path", speaker = {name = "John Thune"}}}},
    ["Sen. Patty Murray of Washington, the top Democrat on the committee, said the bill was bad."] = {quote = {
      {text = "the bill was bad", speaker = {name = "Patty Murray"}}}},
    ["“It is bad,” said Sen. Patty Murray, D-Wash. She left."] = {quote = {
      {text = "It is bad,", kind = "direct", speaker = {name = "Patty Murray"}}}},
    -- "who" after a name and its apposition, past "in 2010"
    ["Mitch McConnell, now the Senate majority leader, who in 2010 said the goal was to defeat Obama, spoke."] = {quote = {
      {text = "the goal was to defeat Obama", speaker = {name = "Mitch McConnell"}}}},
    -- a role opening the sentence before two verbs, and who holds it with a word left out
    ["Republican presidential nominee Donald Trump spoke on Monday. The Republican nominee also outlined his plan and vowed to punish “those who violate the rules.”"] = {quote = {
      {text = "those who violate the rules.", speaker = {name = "Donald Trump"}}}},
    -- "the 34-year-old mother of three": the person named last
    ["Sarah Smith spoke on Tuesday. Asked about fathers, the 34-year-old mother of three replied, “It is meant to benefit mothers.”"] = {quote = {
      {text = "It is meant to benefit mothers.", speaker = {name = "Sarah Smith"}}}},
    -- "according to" an organisation's thing is the organisation's, never the next paragraph's person
    ["Traders now see a 60% chance of a cut, according to CME Group's FedWatch tool.\n\nTreasury Secretary Janet Yellen spoke in Ohio."] = {quote = {
      {text = "Traders now see a 60% chance of a cut", speaker = {name = "CME Group"}}}},
    -- "according to the company": the organisation named last
    -- "they" after sentences about a group is that group
    ['Critics of the program, like Senator Charles Grassley, see a chance. They sent a letter. "It is plagued by fraud," they wrote.'] = {quote = {
      {text = "It is plagued by fraud,", speaker = {name = "Critics of the program"}}}},
    -- the outlet spoken on relays it
    ["Speaking on Sky News, the minister said the plan would work."] = {quote = {
      {text = "the plan would work", via = "Sky News"}}},
    -- a quote after narration about someone new is theirs, not the last speaker's;
    -- one who did not want to give her name is anonymous
    ['Maria Lopez has lived here all her life. "It was busy," she says. Her neighbour, Juan García, 82, agrees. "The young people leave." "It\'s a nice idea," says one resident, who did not want to give her name.'] = {quote = {
      {text = "It was busy,", speaker = {name = "Maria Lopez"}}, {text = "The young people leave.", speaker = {name = "Juan García"}},
      {text = "It's a nice idea,", speaker = {name = "one resident", anonymous = true}}}},
    -- two people joined by "and" speak together, and "they" after them are both
    ['In a statement, her sons Chris Larkin and Toby Stephens said she died peacefully. "She leaves two sons," they said.'] = {quote = {
      {text = "she died peacefully", speaker = {name = "Chris Larkin and Toby Stephens"}},
      {text = "She leaves two sons,", speaker = {name = "Chris Larkin and Toby Stephens"}}}},
    -- "said the 26-year-old": the person named last
    ['Sarah Smith scored twice on Saturday. "It was a special night," said the 26-year-old.'] = {quote = {
      {text = "It was a special night,", speaker = {name = "Sarah Smith"}}}},
    -- "it" after a sentence about "the city" or "the company": that body
    ["The city sent a letter on Thursday. It says the campaign broke the law by using its images."] = {quote = {
      {text = "the campaign broke the law by using its images", speaker = {name = "The city"}}}},
    ["Texaco Inc sued Pennzoil Co. The company contended that the bias was clear. It said the motion was filed."] = {quote = {
      {text = "that the bias was clear", speaker = {name = "Texaco Inc"}}, {text = "the motion was filed", speaker = {name = "Texaco Inc"}}}},
    ["Mazda Motor cut jobs. According to the company, profit fell 94%."] = {quote = {
      {text = "profit fell 94%", speaker = {name = "Mazda Motor"}}}},
    -- "according to" a document an outlet saw: the document, anonymous, via the outlet
    ["The company plans to cut 500 jobs, according to a memo seen by Reuters."] = {quote = {
      {text = "The company plans to cut 500 jobs", speaker = {name = "a memo", anonymous = true}, via = "Reuters"}}},
    -- "People familiar with the matter" opening the sentence, all of it
    ["People familiar with the matter told Reuters that OpenAI was in talks with Apple."] = {quote = {
      {text = "that OpenAI was in talks with Apple", speaker = {name = "People familiar with the matter", anonymous = true}, via = "Reuters"}}},
    -- one who asked not to be named is anonymous, and so is what they say after
    ["A neighbour, who asked not to be named, told the BBC she had noticed “a strong smell” for months. “We all knew,” she said."] = {quote = {
      {text = "she had noticed “a strong smell” for months", speaker = {name = "A neighbour", anonymous = true}},
      {text = "a strong smell", speaker = {name = "A neighbour", anonymous = true}},
      {text = "We all knew,", speaker = {name = "A neighbour", anonymous = true}}}},
    -- not the participle after an inverted speaker
    ['"The trade did not act," said another analyst adding, "the ball will be in their hands."'] = {quote = {
      {text = "The trade did not act,", speaker = {name = "another analyst"}}}},
    -- a group in a place speaks, all of it
    ["Western diplomats in Khartoum said the meetings do not amount to formal talks."] = {quote = {
      {text = "the meetings do not amount to formal talks", speaker = {name = "Western diplomats in Khartoum", anonymous = true}}}},
    -- (past more phrases, not the place: "Negotiators at the UN climate summit in Baku agreed")
    ["Negotiators at the UN climate summit in Baku agreed on Sunday that rich countries would pay more."] = {quote = {
      {text = "that rich countries would pay more", speaker = {name = "Negotiators at the UN climate summit in Baku"}}}},
    -- a quote after a name in apposition and a dash is theirs; not after an object's name
    ["Republicans have said the same, including the former candidate Mitt Romney -- “It is disqualifying” -- and others."] = {quote = {
      {text = "It is disqualifying", speaker = {name = "Mitt Romney"}}}},
    ["Larry King said Ed Schultz has seemed supportive of Mr. Trump -- “a completely different Ed Schultz to me.”"] = {quote = {
      {text = "a completely different Ed Schultz to me.", speaker = {name = "Larry King"}}}},
    -- a name's remark is a noun, unless its content follows; the owner's name without its "'s"
    ["Donald Trump and Hillary Clinton debated. Mr. Trump treated Mrs. Clinton's remark as a compliment -- “That makes me smart” -- and left."] = {quote = {
      {text = "That makes me smart", speaker = {name = "Donald Trump"}}}},
    ["Donald Trump spoke. Politifact checked Donald Trump’s claim that there have been “thousands of shootings” in Chicago."] = {quote = {
      {text = "thousands of shootings", speaker = {name = "Donald Trump"}}}},
    -- past a lead phrase to the sentence's subject; a belief "about" something reports nothing
    ["With Democratic leaders worried about a lack of passion for Hillary Clinton, President Obama is rolling out a message: “It is about me.”"] = {quote = {
      {text = "It is about me.", speaker = {name = "Obama"}}}},
    ["Jim Perkins spoke on Monday. Asked if profits could fall, he responded “conceivably it could.”"] = {quote = {
      {text = "conceivably it could.", speaker = {name = "Jim Perkins"}}}},
    -- a person's place after them is not who spoke
    ["Later, Judge Susan Illston in San Francisco wrote that the plan was unlawful."] = {quote = {
      {text = "that the plan was unlawful", speaker = {name = "Susan Illston"}}}},
    ["At least eight people have died, according to officials in Italy, France and Spain."] = {quote = {
      {text = "At least eight people have died", speaker = {name = "officials", anonymous = true}}}},
    -- "according to" a name the actor rules do not know; never the next sentence's
    ["Exports were worth €532bn last year, according to Eurostat. German Chancellor Friedrich Merz spoke."] = {quote = {
      {text = "Exports were worth €532bn last year", speaker = {name = "Eurostat"}}}},
    -- who speaks for someone, all of it
    ["The plan was good, a spokesman for the company said. Lawyers for the defendants said they would plead not guilty."] = {quote = {
      {text = "The plan was good", speaker = {name = "a spokesman for the company"}},
      {text = "they would plead not guilty", speaker = {name = "Lawyers for the defendants"}}}},
    -- a source described at length is one unnamed source
    ["Negotiators resumed talks on Sunday, two people familiar with the matter said."] = {quote = {
      {text = "Negotiators resumed talks on Sunday", speaker = {name = "two people familiar with the matter", anonymous = true}}}},
    -- a role's holder: the same office in other words, of the same place; a head of state
    -- or government the one person named before (and no one among two)
    ["Russian President Vladimir Putin met envoys. The Russian leader said the talks were useful."] = {quote = {
      {text = "the talks were useful", speaker = {name = "Vladimir Putin"}}}},
    ["Donald Trump threatened tariffs. The US president said the EU was difficult."] = {quote = {
      {text = "the EU was difficult", speaker = {name = "Donald Trump"}}}},
    ["Israeli Prime Minister Benjamin Netanyahu spoke. Qatar's prime minister said a deal was agreed."] = {quote = {
      {text = "a deal was agreed", speaker = {name = "Qatar's prime minister"}}}},
    ["Emmanuel Macron met Donald Trump. The French president said the talks were useful."] = {quote = {
      {text = "the talks were useful", speaker = {name = "The French president"}}}},
    -- "the company": the organisation named last before (opening its sentence, if one does),
    -- not one told or after a preposition; "the central bank" only a bank by name
    ["The National Institutes of Health was sued by Harvard. The agency said it would appeal."] = {quote = {
      {text = "it would appeal", speaker = {name = "National Institutes of Health"}}}},
    ["Shell talked to Reuters. Later the company said it would sell."] = {quote = {
      {text = "it would sell", speaker = {name = "Shell"}}}},
    ["Growth figures were released by the World Trade Organization. The central bank said growth slowed in March."] = {quote = {
      {text = "growth slowed in March", speaker = {name = "The central bank"}}}},
    -- far back, the one organisation the article has named twice; a company is no university
    ["OpenAI released GPT-5. OpenAI said it was better. Sam Altman spoke. He praised it. He left. The San Francisco-based firm said it had 700 million users."] = {quote = {
      {text = "it had 700 million users", speaker = {name = "OpenAI"}}}},
    -- "the Italian": the person named last before, past the sentence's lead phrase
    ["Chelsea boss Enzo Maresca was unhappy. “We started well,” the Italian said."] = {quote = {
      {text = "We started well,", speaker = {name = "Enzo Maresca"}}}},
    ["Lindsay Davenport spoke. Reacting to a comment by chairman Tim Phillips, the American said he was wrong."] = {quote = {
      {text = "he was wrong", speaker = {name = "Lindsay Davenport"}}}},
    -- "quoted him as saying": the man the pronoun stands for
    ["President Xi Jinping did not speak. But TASS later quoted him as saying the country must prepare."] = {quote = {
      {text = "the country must prepare", speaker = {name = "Xi Jinping"}}}},
    -- after the verb too, and by a demonym of two words: "said the New Zealander"
    ["Peter Jackson has a new film. The Oscar winner said it would be shot in Wellington. “It will be big,” said the New Zealander."] = {quote = {
      {text = "it would be shot in Wellington", speaker = {name = "Peter Jackson"}},
      {text = "It will be big,", speaker = {name = "Peter Jackson"}}}},
    -- (not a verb's object: "to beat Swede Daniel Persson")
    ["Jason Gardener won in Glasgow. He then recovered to beat Swede Daniel Persson. “It is hard,” said the world indoor champion."] = {quote = {
      {text = "It is hard,", speaker = {name = "Jason Gardener"}}}},
    -- (nor, for an organisation, one in a list after a preposition)
    ["The Electoral Commission published a report. It wants help for the Scottish Parliament, Welsh Assembly or Northern Ireland Assembly. Candidates should get a free mailshot, says the watchdog."] = {quote = {
      {text = "Candidates should get a free mailshot", speaker = {name = "Electoral Commission"}}}},
    -- "the striker": a person named by what they do is the one referred back to
    ["Thierry Henry will captain the side. And the striker said it would be hard."] = {quote = {
      {text = "it would be hard", speaker = {name = "Thierry Henry"}}}},
    -- "the 34-year-old": the person given that age, else the one named as the subject before
    ["Liam Hartley, 34, met Jane Smith, 29. The 34-year-old said he was sorry."] = {quote = {
      {text = "he was sorry", speaker = {name = "Liam Hartley"}}}},
    ["Kelli White was introduced to Conte through her coach Remy Korchemy. The 27-year-old said doping was common."] = {quote = {
      {text = "doping was common", speaker = {name = "Kelli White"}}}},
    -- some of a group speak as that part of it
    ["A deal could come next week, one of the sources said."] = {quote = {
      {text = "A deal could come next week", speaker = {name = "one of the sources", anonymous = true}}}},
    -- a share of a group speaks as the whole share
    ["One in five households said they were struggling."] = {quote = {
      {text = "they were struggling", speaker = {name = "One in five households"}}}},
    -- "a Labour MP": someone unnamed, all of it
    ["“We will keep making the case,” a Labour MP said privately."] = {quote = {
      {text = "We will keep making the case,", speaker = {name = "a Labour MP", anonymous = true}}}},
    -- another office (shadow, former, deputy), or "a" spokesman, is someone else
    ["Shadow chancellor Oliver Letwin spoke. The chancellor said cuts were coming. A spokesman said no."] = {quote = {
      {text = "cuts were coming", speaker = {name = "The chancellor"}}}},
    -- a role's holder by the role's own words, not by what it is of
    ["William Blair, president of the St. Lawrence Seaway Authority, spoke on Monday. The seaway authority said a strike would hurt traffic."] = {quote = {
      {text = "a strike would hurt traffic", speaker = {name = "The seaway authority"}}}},
    -- "he": the subject of its own sentence, when one opens it
    ["Kerr Putney, the police chief, met Roy Cooper, and later he said: “The footage supports what we heard.”"] = {quote = {
      {text = "The footage supports what we heard.", speaker = {name = "Kerr Putney"}}}},
    -- past sentences inside the quote, to who said the sentence before
    ["Chris Matthews said Mike Pence beat Tim Kaine. “I thought he was effective. And I think it matters,” he said."] = {quote = {
      {text = "I thought he was effective. And I think it matters,", speaker = {name = "Chris Matthews"}}}},
    -- "he" after an unnamed speaker: the same speaker
    ["The scheme will be extended, an EC spokesman said. He added the Commission has not decided."] = {quote = {
      {text = "The scheme will be extended", speaker = {name = "an EC spokesman"}},
      {text = "the Commission has not decided", speaker = {name = "an EC spokesman"}}}},
    -- past a sentence about a role's unnamed holder to the one before
    ["Hillary Clinton says tweets accusing Alicia Machado are “lies.” The Democratic presidential candidate’s response to Donald Trump came Friday. She tweeted: “He lashes out.”"] = {quote = {
      {text = "lies."}, {text = "He lashes out.", speaker = {name = "Hillary Clinton"}}}},
    -- a pronoun subject before, followed back to its own antecedent
    ["Michael Schultz left in 2015. The difference now, he told me, is that he is kinder to Donald Trump. He said, “No one can state it.”"] = {quote = {
      {text = "No one can state it.", speaker = {name = "Michael Schultz"}}}},
    -- a document speaks for its author: the name in it, or who issued it
    ["“Growth will slow,” the IMF report stated. The Security Council issued a statement calling it “a clear threat.” The statement noted “further measures.”"] = {quote = {
      {text = "Growth will slow,", speaker = {name = "International Monetary Fund"}},
      {text = "a clear threat.", speaker = {name = "UN Security Council"}},
      {text = "further measures.", speaker = {name = "UN Security Council"}}}},
    -- the noun a participle phrase hangs on
    ["Protesters marching through the streets chanted “What curfew?”"] = {quote = {
      {text = "What curfew?", speaker = {name = "Protesters"}}}},
  },
}
