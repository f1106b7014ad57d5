-- Actors: organisations and places from lexicons (built from maintained
-- data), people from capitalised runs that start with a known given name or
-- follow an honorific or a role word, roles from the role words before a
-- name, and surnames standing alone linked back to the full name.
local ORGS = lexicon "orgs"
local PLACES = lexicon "places"
local NAMES = lexicon "names"
local ROLES = lexicon "roles"
local HONORIFICS = lexicon "honorifics"
local DEMONYMS = lexicon "demonyms"
local HEADS = lexicon "name_heads"

-- name particles that may sit inside a person's name
local PARTICLES = {de = true, da = true, van = true, von = true, der = true, bin = true, al = true, le = true, la = true, del = true}

-- a word that starts with a capital letter: the pattern scan (in C) walks
-- the doc's index of title-case tokens, and the regex keeps words whose
-- first character is the capital ("Biden", not "3M"), so Lua sees only them
local CAP_WORDS = pattern{{kind = "word", title = true, regex = [[(?s)\p{Lu}.*]]}}

local function capword(doc, i)
  return doc:kind(i) == "word" and doc:is(i, "title")
end

-- The byte length of a possessive ending ("Biden’s", "Reuters'"), or 0.
-- (Compared byte by byte from the end, making no strings: a class like
-- [’'] would match single bytes of other characters, such as the last
-- byte of "ę".)
local byte = string.byte
local function possessive(w)
  local n = #w
  local b = byte(w, n)
  if b == 115 then   -- s
    if byte(w, n - 1) == 39 then return 2 end
    if byte(w, n - 1) == 0x99 and byte(w, n - 2) == 0x80 and byte(w, n - 3) == 0xE2 then return 4 end
    return 0
  end
  if b == 39 then return 1 end
  if b == 0x99 and byte(w, n - 1) == 0x80 and byte(w, n - 2) == 0xE2 then return 3 end
  return 0
end

-- The possessive ending of token i: only words with an apostrophe have one.
local function possessive_at(doc, i)
  if not doc:is(i, "apostrophe") then return 0 end
  return possessive(doc:word(i))
end

-- End of a name token without its possessive.
local function name_end(doc, i)
  local _, e = doc:tok(i)
  return e - possessive_at(doc, i)
end

local headed_run   -- defined below, used in the rule
local function mark(taken, i, j) for k = i, j do taken[k] = true end end
local function free(taken, i, j)
  for k = i, j do if taken[k] then return false end end
  return true
end

-- A lexicon's matches in the doc, as a list of {i, j, entry}.
local function hits(doc, lex)
  local out = {}
  for i, j, entry in lex:each(doc) do out[#out + 1] = {i, j, entry} end
  return out
end

local function add_lexicon_mentions(doc, matches, type_, taken, accept)
  for _, h in ipairs(matches) do
    local i, j, entry = h[1], h[2], h[3]
    if free(taken, i, j) and (not accept or accept(doc, i, j, entry)) then
      local s = doc:tok(i)
      local e = name_end(doc, j)
      local name = entry.name
      -- "Kursk" for the region "Kursk Oblast": the reader's short form names it
      local surface = doc:text(s, e)
      if type_ == "place" and name:sub(1, #surface + 1) == surface .. " " then name = surface end
      -- "Kursk region" for "Kursk Oblast": the name without the lower-case descriptor
      local stem = type_ == "place" and surface:match("^(.-) %l+$")
      if stem and name ~= surface and name:sub(1, #stem + 1) == stem .. " " then name = stem end
      doc:add("mention", s, e, {type = type_, name = name})
      mark(taken, i, j)
    end
  end
end

-- The head words of the doc by token ("Association" -> "org"), found by
-- one lexicon scan in C.
local function find_heads(doc)
  local heads = {}
  for i, _, e in HEADS:each(doc) do heads[i] = e.head end
  return heads
end

-- A place that is also a person's name ("Jackson", "Georgia") counts only
-- when no capitalised word stands next to it (a weekday or month may:
-- "in Florida Friday").
local function place_ok(doc, i, j, entry, heads)
  local amb = entry.ambiguous
  if amb == "person" or amb == "word" then
    if i > 1 and capword(doc, i - 1) and not doc:is(i, "sent_start") then return false end
    if j < doc:ntok() and capword(doc, j + 1) and heads[j + 1] ~= "time" then return false end
    if amb == "word" and doc:is(i, "sent_start") then return false end
  end
  return true
end

-- The role phrase ending just before token i ("US Secretary of State",
-- "Kremlin spokesman"), or nil.
local function role_before(doc, i, role_end_at)
  local r = role_end_at[i - 1]
  if not r then return nil end
  local first = r
  -- one modifier before it: a place, an organisation or a demonym ("US", "Kremlin", "Russian")
  if first > 1 then
    local p = first - 1
    local w = doc:word(p)
    if DEMONYMS:lookup(w) or PLACES:lookup(w) or ORGS:lookup(w) or (doc:is(p, "upper") and doc:kind(p) == "word") then
      first = p
    end
  end
  local s = doc:tok(first)
  return doc:text(s, name_end(doc, i - 1))   -- without a possessive: "the Kremlin spokesperson’s Dmitry Peskov"
end

-- words that open a sentence or clause and are no part of a name
local OPENERS = {The = true, A = true, An = true, But = true, And = true, In = true, On = true, At = true,
  For = true, When = true, While = true, If = true, As = true, After = true, Before = true, Since = true,
  From = true, With = true, By = true, Of = true, To = true, Under = true, Then = true, So = true}
-- Is token i's sentence a title-case headline ("Clinton Goes After Trump
-- As The New Romney")? Most of its longer words are capitalised, and so
-- is at least one short function word.
local SMALL = {a = true, an = true, the = true, ["of"] = true, ["in"] = true, on = true, at = true, to = true,
  ["for"] = true, as = true, after = true, with = true, by = true, from = true, ["and"] = true, is = true}
local function headline(doc, i)
  local _, _, _, first, last = doc:sentence(i)
  local words, caps, small = 0, 0, false
  for k = first, last do
    if doc:kind(k) == "word" then
      words = words + 1
      if doc:is(k, "title") then
        caps = caps + 1
        if k > first and SMALL[doc:lower(k)] then small = true end
      end
    end
  end
  return small and words >= 4 and caps >= words * 0.8
end

-- connectors inside an organisation's name ("Institute for the Study of War")
local CONNECT = {of = true, ["for"] = true, on = true}

-- A run of capitalised words [i, j] with an organisation or place head in
-- it becomes that org or place ("Arms Control Association", "Department of
-- Homeland Security", "Kent County"). Returns the index where it ends, or
-- nil when the run has no head.
headed_run = function(doc, i, j, taken, role_tok, heads)
  local head, kind
  for k = i, j do
    local h = heads[k]
    if h == "org" or h == "place" then head, kind = k, h end
  end
  if not head then return nil end
  local a = i
  -- (a role word right before the head stays: "General Motors", "General Electric")
  while a < head and (OPENERS[doc:word(a)] or (role_tok[a] and a + 1 < head)) do a = a + 1 end
  -- "UK's Royal Bank", "Washington-based Economic Policy Institute": the name starts after
  for k = a, head - 1 do
    local w = doc:word(k)
    if possessive(w) > 0 or w:find("%-based$") then a = k + 1 end
  end
  local n = doc:ntok()
  local b = kind == "place" and head or j
  if kind == "org" then
    -- "of", "for", "on" (and then "and") join the words after the head:
    -- "Center for Strategic and International Studies"
    local joined = false
    while b + 2 <= n do
      local w = doc:lower(b + 1)
      local c = b + 2
      if doc:lower(c) == "the" and (CONNECT[w]) then c = c + 1 end
      if not (CONNECT[w] or (joined and w == "and")) or c > n or not capword(doc, c) or taken[c] then break end
      b = c
      while possessive_at(doc, b) == 0 and b + 1 <= n and capword(doc, b + 1) and not taken[b + 1]
          and not doc:is(b + 1, "sent_start") do
        b = b + 1   -- (a possessive ends the name: "Bank of Japan's December")
      end
      joined = true
    end
  end
  if a == b then return nil end   -- a head alone ("the Council") names nothing
  for k = a, b do if taken[k] then return nil end end
  local s = doc:tok(a)
  local e = name_end(doc, b)
  doc:add("mention", s, e, {type = kind, name = doc:text(s, e)})
  mark(taken, a, b)
  return b
end

rule "actor.lexicons_and_names" {
  stage = "actors",
  doc = "organisations and places by lexicon; people by given name, honorific or role",
  run = function(doc)
    local taken = {}
    local heads = find_heads(doc)
    add_lexicon_mentions(doc, hits(doc, ORGS), "org", taken)
    -- places are looked up before people so that "North Korea" (North is
    -- a given name) is not taken for a person; they are added after them
    local places = hits(doc, PLACES)
    local place_end, place_named = {}, {}   -- where a place starting at i ends; whether it is also a person's name
    for _, h in ipairs(places) do
      place_end[h[1]] = h[2]
      place_named[h[1]] = h[3].ambiguous == "person"
    end
    -- roles first, so a role word is not taken for part of a name
    local role_end_at, role_tok = {}, {}
    for i, j in ROLES:each(doc) do
      role_end_at[j] = i
      for k = i, j do role_tok[k] = true end
    end
    local honor = {}
    for i, j in HONORIFICS:each(doc) do honor[j] = i end
    -- people: a run of capitalised words. The capitalised words are found
    -- by a regex over the text (in C), so Lua looks at them only, not at
    -- every token.
    local n = doc:ntok()
    local iscap, caps = {}, {}
    for k in CAP_WORDS:each(doc) do
      iscap[k] = true
      caps[#caps + 1] = k
    end
    local ci, ncaps = 1, #caps
    while ci <= ncaps do
      local i = caps[ci]
      local j = i
      if not taken[i] then
        -- (a capitalised "After", "As", "The" inside a run is a headline's
        -- word, never part of a name: "Clinton Goes After Donald Trump")
        while j + 1 <= n and (iscap[j + 1] or (iscap[j + 2] and PARTICLES[doc:lower(j + 1)])) and
            not taken[j + 1] and not doc:is(j + 1, "sent_start") and not OPENERS[doc:word(j + 1)] do
          j = j + 1
          if possessive_at(doc, j) > 0 then break end   -- "Biden’s team"
        end
        -- a weekday or month ends a name ("in Florida Friday")
        for k = i, j do
          if heads[k] == "time" then j = k - 1; break end
        end
        -- a law, treaty or event ("Affordable Care Act", "Paris Agreement") names no actor
        local thing = false
        for k = i, j do
          if heads[k] == "thing" then thing = true; break end
        end
        -- (a place's whole name is no organisation: "the Russian Federation")
        local named = not thing and j >= i and not (place_end[i] and place_end[i] >= j) and
          headed_run(doc, i, j, taken, role_tok, heads)
        if named then j = named end
        -- where the name starts inside the run
        local first = nil
        for k = i, (named or thing) and i - 1 or j do
          if place_end[k] and place_end[k] > k then break end   -- "North Korea"
          -- a place, a head word, a sentence opener or "I" starts no name, even
          -- after a role: "chief US economist", "British Bankers' Association",
          -- "owner / The fate", "in private I"
          local w = doc:word(k)
          local can = not ((place_end[k] and not place_named[k]) or heads[k] or OPENERS[w] or w == "I")
          local given = can and not role_tok[k] and not honor[k] and NAMES:lookup(w)
          -- a given name that is also a word opens no name at a sentence's start ("Even China")
          if given and given.word and doc:is(k, "sent_start") and k < j then given = nil end
          if given or (can and not role_tok[k] and not honor[k] and k > 1 and (honor[k - 1] or role_end_at[k - 1])) then
            first = k
            break
          end
        end
        if first and j > first + 1 and headline(doc, first) then
          -- a title-case headline runs on past the name: given name and surname
          local last = first + 1
          while last < j and doc:is(last, "initial") do last = last + 1 end
          j = last
        end
        if first and j >= first and (j > first or honor[first - 1] or role_end_at[first - 1]) then
          local s = doc:tok(first)
          local fields = {type = "person"}
          local role = role_before(doc, honor[first - 1] or first, role_end_at)
          if role then fields.roles = {role} end
          local e = name_end(doc, j)
          fields.name = doc:text(s, e)
          doc:add("mention", s, e, fields)
          mark(taken, first, j)
        end
      end
      local last = j > i and j or i
      while ci <= ncaps and caps[ci] <= last do ci = ci + 1 end
    end
    add_lexicon_mentions(doc, places, "place", taken,
      function(d, i, j, entry) return place_ok(d, i, j, entry, heads) end)
    -- surnames alone: the last word of a person named earlier
    local by_last = {}
    for m in doc:each("mention") do
      if m.type == "person" then
        local last = m.name:match("(%S+)$")
        if last and last ~= m.name then by_last[last] = m.name end
      end
    end
    if next(by_last) then
      for _, k in ipairs(caps) do
        if not taken[k] then
          local w = doc:word(k)
          local full = by_last[w] or by_last[w:sub(1, #w - possessive(w))]
          if full then
            local s = doc:tok(k)
            local e = name_end(doc, k)
            if by_last[doc:text(s, e)] then doc:add("mention", s, e, {type = "person", name = full}) end
          end
        end
      end
    end
  end,
  examples = {
    ["Kremlin spokesman Dmitry Peskov said so."] = {mention = {{text = "Kremlin", type = "org"}, {text = "Dmitry Peskov", type = "person"}}},
    ["They saw Wesley Snipes' Blade."] = {mention = {{text = "Wesley Snipes", type = "person"}}},
    ["While Joe Biden’s team waited, Biden spoke."] = {mention = {{text = "Joe Biden", type = "person"}, {text = "Biden", name = "Joe Biden"}}},
    ["Troops left Ukraine for Russia."] = {mention = {{text = "Ukraine", type = "place"}, {text = "Russia", type = "place"}}},
    -- a given name ("North") opening a place's name
    ["He condemned North Korea's test."] = {mention = {{text = "North Korea", type = "place"}}},
    -- a place's whole name, though "Federation" heads organisations
    ["Guarantees for the Russian Federation and its citizens."] = {mention = {{text = "Russian Federation", name = "Russia", type = "place"}}},
    -- the reader's short name for a region
    ["Troops entered the Kursk region."] = {mention = {{text = "Kursk region", name = "Kursk", type = "place"}}},
    -- organisations and places by the word that heads them
    ["Daryl Kimball of the Arms Control Association and the Center for Strategic and International Studies spoke."] =
      {mention = {{text = "Daryl Kimball", type = "person"}, {text = "Arms Control Association", type = "org"},
                  {text = "Center for Strategic and International Studies", type = "org"}}},
    ["He spoke at the Kent County Republican headquarters."] = {mention = {{text = "Kent County", type = "place"}}},
    ["The UK's Royal Bank of Scotland's rate and the Bank of Japan's December cut."] = {mention = {
      {text = "UK", type = "place"}, {text = "Royal Bank of Scotland", type = "org"}, {text = "Bank of Japan", type = "org"}}},
    -- a weekday ends a name; a given name that is a word does not open one at a sentence's start
    ["She spoke in Florida Friday. Even China agreed."] = {mention = {{text = "Florida", type = "place"}, {text = "China", type = "place"}}},
    -- a place or a head word after a role is no one's name
    ["Ian Shepherdson, chief US economist at the bank, and the British Bankers' Association agreed."] =
      {mention = {{text = "Ian Shepherdson", type = "person"}, {text = "US", type = "place"}}},
    -- a role word before a company's head word
    ["General Motors is recalling cars."] = {mention = {{text = "General Motors", type = "org"}}},
    -- a law names no one ("Care" is also a given name)
    ["He defended the Affordable Care Act."] = {mention = {}},
    -- a title-case headline runs on past the name
    ["Hillary Clinton Goes After Donald Trump As The Next Romney."] =
      {mention = {{text = "Hillary Clinton", type = "person"}, {text = "Donald Trump", type = "person"}}},
  },
}
