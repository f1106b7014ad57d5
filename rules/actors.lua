-- Actors: organisations and places from lexicons (built from maintained
-- data), people from capitalised runs that start with a known given name or
-- follow an honorific or a role word, roles from the role words before a
-- name, and surnames standing alone linked back to the full name.
local ORGS = lexicon "orgs"
local PLACES = lexicon "places"
local NAMES = lexicon "names"
local RARE_NAMES = lexicon "names_rare"
local ROLES = lexicon "roles"
local HONORIFICS = lexicon "honorifics"
local DEMONYMS = lexicon "demonyms"
local HEADS = lexicon "name_heads"

-- name particles that may sit inside a person's name
local PARTICLE_LIST = {"de", "da", "di", "du", "dos", "das", "della", "van", "von", "der", "den", "ten", "ter", "zu", "bin", "al", "le", "la", "del"}
local PARTICLES = {}
for _, p in ipairs(PARTICLE_LIST) do PARTICLES[p] = true end

-- Token sets the rule needs, each found by one pattern scan in C over the
-- doc's token index, so that Lua visits only these tokens rather than every
-- capitalised word: a capitalised word (the regex keeps words whose first
-- character is the capital: "Biden", not "3M"); chains of two or more, with
-- maybe a lower-case particle between two of them ("Ludwig van Beethoven"),
-- which hold every run of words that can make a name (one or two
-- particles between: "Ursula von der Leyen"); sentence starts; and
-- words with a possessive ending (the regex is possessive() below).
local CAP = {kind = "word", title = true, regex = [[(?s)\p{Lu}.*]]}
local CAP_WORD = pattern{CAP}
local PARTICLE = {lower = PARTICLE_LIST, title = false}
local CHAINS = pattern{CAP, {alt = {CAP, {PARTICLE, CAP}, {PARTICLE, PARTICLE, CAP}}, op = "+"}}
local SENT_STARTS = pattern{{sent_start = true}}
local SITES = pattern{{kind = "url", regex = [[(?s)\p{Lu}[\p{L}\p{N}-]*\.\p{Ll}{2,}(?:\.\p{Ll}{2})?]]}}
-- the head words ("Association" -> "org"): every form of the lexicon starts
-- with a capital, so only capitalised words need a look (HEADS:each would
-- try every token)
local HEAD_WORDS = pattern{{kind = "word", title = true, lexicon = HEADS}}
local POSSESSIVES = pattern{{apostrophe = true, regex = [[(?s).*['’]s?]]}}
-- the articles and words of descent that open an Arabic family name
-- joined by a hyphen ("al-Ansari", "el-Tayeb")
local ARABIC_ARTICLE = {al = true, el = true, ad = true, ar = true, as = true, ash = true, at = true, az = true,
  an = true, ibn = true, bin = true, abu = true, bou = true}
-- a capitalised word before such a family name, which no chain of
-- capitalised words holds: "Ahmed el-Tayeb", "Majed al-Ansari"
local ARABIC_FAMILY
do
  local arts = {}
  for a in pairs(ARABIC_ARTICLE) do arts[#arts + 1] = a end
  table.sort(arts)
  ARABIC_FAMILY = pattern{CAP, {kind = "word", regex = "(?:" .. table.concat(arts, "|") .. [[)-\p{Lu}.*]]}}
end

local byte, sub, find, match, upper = string.byte, string.sub, string.find, string.match, string.upper

-- The byte length of a possessive ending ("Biden’s", "Reuters'"), or 0.
-- (Compared byte by byte from the end, making no strings: a class like
-- [’'] would match single bytes of other characters, such as the last
-- byte of "ę".)
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

-- The state of the doc being analysed, set at the start of each run:
-- upvalues shared by the helpers below, rather than arguments or closures
-- made per call. The doc's methods are read once, not looked up per call.
local doc, ntok
local tok, text, lower, is, kind, add
local taken        -- token -> true once it is part of a mention
local heads        -- token -> what a head word there heads ("org", "place", "time", "thing")
local suffix_head  -- token -> true where the head is a company's legal form ("Co", "Inc")
local sent_start   -- token -> true when it starts a sentence
local poss         -- token -> the byte length of its possessive ending (only when it has one)
local role_end_at  -- token -> the first token of the role phrase ending there
local role_tok     -- token -> true inside a role phrase
local honor        -- token -> the first token of the honorific ending there
local words        -- token -> its text, read from the doc on first use (see WORDS)
local iscap        -- token -> true for the capitalised words of the chains (and the lone ones visited)
local headline_memo   -- a sentence's first token -> whether it is a title-case headline
local alone_words     -- capitalised words written alone -> how often (written_alone)
local cap_set         -- token indices of capitalised words (cap_tokens)
local doc_text        -- the article's text, once a rule needs it whole
local place_end, place_entry   -- token -> where a place starting there ends; its entry
local upto         -- the capitalised words up to here belong to a run already looked at
local people, npeople   -- the names of the people found, in the text's order
local people_by_surname -- a surname -> the first person found with it
local relatives         -- "Ivanka Trump" after "Donald Trump": the names of others with a surname taken
local firms, nfirms     -- the organisations named by a head word ("Lex Service Plc"), in order
local lex_orgs, nlex_orgs   -- the organisations the lexicon names, in order
local short_orgs   -- a one-word short form the lexicon knows ("Fox") -> its mentions' fields
local stems        -- a company's short form (stem_of) -> its full name, for those named so far
local lone_people, nlone_people   -- people named by one word ("coach Gilbert", "Mr Brown"): fields, honorific's gender

local WORDS = {__index = function(t, k)
  if k < 1 or k > ntok then return nil end   -- (past either end: no word, as `words[j + 1]` at the text's end asks)
  local w = doc:word(k)
  t[k] = w
  return w
end}

local function capword(i)
  return kind(doc, i) == "word" and is(doc, i, "title")
end

-- The names lexicon's entry for a given name, or for two joined by a
-- hyphen ("Jo-Renee", "Mary-Kate"; each a name and no English word), or nil;
-- else names_rare.yaml's ("Walter", "Arjen"), and true: a rare name opens a
-- person's name, but is no reason to doubt elsewhere that a word is a
-- surname or a company's name ("Toshiba", "Phillips")
local function given_name(w)
  local e = NAMES:lookup(w)
  if not e then
    local r = RARE_NAMES:lookup(w)
    if r then return r, true end
  end
  if e or not find(w, "-", 2, true) then return e end
  local a, b = match(w, "^(%u%l+)%-(%u%l+)$")
  local ea, eb = a and NAMES:lookup(a), b and NAMES:lookup(b)
  if ea and eb and not ea.word and not eb.word then return {name = w, gender = ea.gender} end
  return nil
end

-- The word at token i without its possessive ending ("Saka's" -> "Saka").
local function bare_word(i)
  local w = words[i]
  if poss[i] then return sub(w, 1, #w - poss[i]) end
  return w
end

-- End of a name token without its possessive.
local function name_end(i)
  local _, e = tok(doc, i)
  return e - (poss[i] or 0)
end

-- Is w written as a word of its own in text (a plain search: cheaper than
-- a frontier pattern over a whole article)?
local function letter(c) return c and ((c >= 65 and c <= 90) or (c >= 97 and c <= 122)) end
local function lower_word_in(text_, w)
  local at = 1
  while true do
    local a, b = find(text_, w, at, true)
    if not a then return false end
    if not letter(byte(text_, a - 1)) and not letter(byte(text_, b + 1)) then return true end
    at = b + 1
  end
end

-- The article's text, read once per doc when a rule needs it whole.
local function article_text()
  doc_text = doc_text or text(doc, 0, #doc)
  return doc_text
end

local function mark(i, j) for k = i, j do taken[k] = true end end
local function free(i, j)
  for k = i, j do if taken[k] then return false end end
  return true
end

-- A company's name without its legal ending ("Kawasaki Steel" for
-- "Kawasaki Steel Corp"), or a bank's without its country ("Royal Bank" for
-- "Royal Bank of Canada"), as news goes on to call it; nil when that leaves
-- one word ("Kawasaki" may be the city).
local LEGAL = {}
for w in ([[Plc PLC plc Ltd Ltd. Limited Corp Corp. Corporation Inc Inc. Co Co. LLC LLP AG GmbH NV
  N.V. SA S.A. SpA Cos Cos. Pty Bhd KK]]):gmatch("%S+") do
  LEGAL[w] = true
end
local OF_PLACE_HEAD = {Bank = true, Group = true, Company = true, Corporation = true, Trust = true}
-- (remembered per name, as few names recur across articles; dropped when
-- it grows large, so that memory does not grow with the corpus)
local stem_memo, nstem_memo = {}, 0
local function find_stem(name)
  local stem = name
  while true do
    local rest, last = match(stem, "^(.-),?%s+(%S+)$")
    if not (rest and LEGAL[last]) then break end
    stem = rest
  end
  if stem == name then
    local body, head, place = match(name, "^(.- (%a+)) of (%u[%a ]*)$")
    if body and OF_PLACE_HEAD[head] and PLACES:lookup(place) then stem = body end
  end
  -- (two words at least: "Kawasaki" alone may be the city)
  if stem == name or not find(stem, " ") then return false end
  return stem
end
local function stem_of(name)
  local st = stem_memo[name]
  if st == nil then
    if nstem_memo >= 4096 then stem_memo, nstem_memo = {}, 0 end
    st = find_stem(name)
    stem_memo[name], nstem_memo = st, nstem_memo + 1
  end
  return st or nil
end
-- A shorter form still, without a trade or group word the stem ends in,
-- where two words or more are left: "Sears Motor" for "Sears Motor Group
-- Ltd", "Lex Vehicle" for "Lex Vehicle Leasing Ltd"; nil otherwise.
local STEM_TAIL = {}
for w in ([[Group Holdings Holding Industries Enterprises Motor Motors Leasing Finance Trading Services
  International Company]]):gmatch("%S+") do
  STEM_TAIL[w] = true
end
local function shorter_stem(stem)
  local rest, last = match(stem, "^(%S+ .-%S) (%S+)$")
  if rest and STEM_TAIL[last] and find(rest, " ") and not PLACES:lookup(rest) then return rest end
  return nil
end
-- Remembers a company's short forms, for names written later (headed_run,
-- visit).
local function know_stem(name)
  local st = stem_of(name)
  if not st then return end
  if not stems[st] then stems[st] = name end
  local short = shorter_stem(st)
  if short and not stems[short] then stems[short] = name end
end

local function add_lexicon_mention(i, j, entry, type_)
  local s = tok(doc, i)
  local e = name_end(j)
  local name = entry.name
  if type_ == "place" then
    -- "Kursk" for the region "Kursk Oblast": the reader's short form names it
    local surface = text(doc, s, e)
    if byte(name, #surface + 1) == 32 and find(name, surface, 1, true) == 1 then name = surface end
    -- "Kursk region" for "Kursk Oblast": the name without the lower-case descriptor
    local stem = match(surface, "^(.-) %l+$")
    if stem and name ~= surface and sub(name, 1, #stem + 1) == stem .. " " then name = stem end
  end
  local fields = {type = type_, name = name}
  add(doc, "mention", s, e, fields)
  mark(i, j)
  if type_ == "org" then
    nlex_orgs = nlex_orgs + 1
    lex_orgs[nlex_orgs] = name
    know_stem(name)
    -- (a one-word short form, which may be a person's surname: "Fox")
    if i == j and name ~= words[i] then
      local w = words[i]
      local list = short_orgs[w] or {}
      list[#list + 1] = fields
      short_orgs[w] = list
    end
  end
end

-- A place that is also a person's name ("Jackson", "Georgia") counts only
-- when no capitalised word stands next to it (a weekday or month may:
-- "in Florida Friday").
local function place_ok(i, j, entry)
  -- a state's abbreviation only after a city and a comma or in a party
  -- tag: "Kansas City, Mo.", "(D-Mo.)"; not "Mo is Mo."
  if i == j and find(words[i], "^%u%l+%.$") and
      not (i > 1 and (words[i - 1] == "," or words[i - 1] == "-" or words[i - 1] == "(")) then
    return false
  end
  local amb = entry.ambiguous
  -- (nor one that is also a name, naming a grade of oil: "Brent crude";
  -- "U.S. crude" is the country's)
  if amb and j < ntok and (words[j + 1] == "crude" or words[j + 1] == "blend") then return false end
  if amb == "person" or amb == "word" then
    if i > 1 and capword(i - 1) and not sent_start[i] then return false end
    -- (a title may follow: "Florida Rep. Debbie Wasserman Schultz")
    if j < ntok and capword(j + 1) and heads[j + 1] ~= "time" and
        not (honor[j + 1] or (role_tok[j + 1] and j + 2 <= ntok and capword(j + 2))) then
      return false
    end
    if amb == "word" and sent_start[i] then return false end
  end
  return true
end

-- words a saint's name follows, whose possessive is in a name ("St James's University Hospital")
local SAINT = {St = true, ["St."] = true, Saint = true}
-- words that open a sentence or clause and are no part of a name
local OPENERS = {The = true, A = true, An = true, But = true, And = true, In = true, On = true, At = true,
  For = true, When = true, While = true, If = true, As = true, After = true, Before = true, Since = true,
  From = true, With = true, By = true, Of = true, To = true, Under = true, Then = true, So = true,
  -- (and a question's auxiliary: "Have Radio 2 listeners heard of ...?")
  Have = true, Has = true, Had = true, Do = true, Does = true, Did = true, Is = true, Are = true, Was = true,
  Were = true, Can = true, Could = true, Should = true,
  -- (and adverbs that open sentences: "Later Kawasaki Steel fell")
  Later = true, Earlier = true, Meanwhile = true, Yesterday = true, However = true, Separately = true,
  Instead = true, Also = true, Only = true, Even = true, Just = true}

-- The fields a minister or secretary is for, before the role's title
-- ("Education Secretary", "Transport Minister").
local DEPARTMENT = {}
for w in ([[Agriculture Culture Defence Defense Education Energy Environment Finance Health Housing
  Industry Interior Justice Labor Labour Pensions Trade Transport Transportation Treasury Welfare
  Commerce Communications Planning Economics Economy Immigration Tourism Sport Sports Science
  Technology Fisheries Employment Development Equality Children's Schools Universities Security
  Veterans Information Media Business Work Works Water Tax Revenue Culture Arts Heritage]]):gmatch("%S+") do
  DEPARTMENT[w] = true
end

-- Words before a role that say when or how it is held ("former UK
-- ambassador", "acting president")
local ROLE_TIME = {former = true, Former = true, acting = true, Acting = true, outgoing = true,
  Outgoing = true, interim = true, Interim = true, ["ex-"] = true}
-- capitalised words before a role that own no one ("His spokesman", "Former coach")
local NO_OWNER = {His = true, Her = true, Its = true, Their = true, Our = true, My = true, Your = true,
  This = true, That = true, These = true, Those = true, Former = true, Then = true, Now = true,
  Acting = true, Outgoing = true, Interim = true, Another = true, Every = true, Each = true, One = true}
-- ranks that are also adjectives ("a major bank", "private firms", "general election")
local ADJECTIVE_RANK = {major = true, private = true, general = true, principal = true, marshal = true}

-- owners that open a role in apposition: "Its general secretary, Matt Wrack,"
local OWNER_PRONOUN = {its = true, Its = true, his = true, His = true, her = true, Her = true, their = true,
  Their = true}
-- bodies named in lower case before a role ("Foreign ministry spokeswoman")
local ROLE_BODY = {ministry = true, government = true, party = true, company = true, department = true,
  army = true, police = true, campaign = true, union = true, embassy = true, military = true,
  palace = true, presidential = true, cabinet = true, council = true, opposition = true, court = true,
  charity = true, group = true, firm = true, club = true, agency = true, hospital = true, school = true,
  university = true, college = true, trust = true, foundation = true, bank = true, team = true}
-- fields named in lower case before a role ("EU trade chief", "UN human
-- rights chief", "the foreign policy adviser"): the departments' fields and
-- a few more
local ROLE_FIELD = {}
for w in pairs(DEPARTMENT) do ROLE_FIELD[string.lower(w)] = true end
for w in ([[foreign policy affairs climate intelligence spy nuclear aid peace human rights competition
  migration digital economic humanitarian football transition home social legal political diplomatic
  international consumer corporate constitutional shadow central]]):gmatch("%S+") do
  ROLE_FIELD[w] = true
end
-- what a role is of or for, before a name: "ambassador to Ukraine", "president of Turkey"
local ROLE_OF = {to = true, of = true, ["for"] = true}

-- The first token of the owner named by token p before a role: p, or the
-- start of the name it ends ("Bank of Korea Governor").
local function owner_start(p)
  if taken[p] then
    local m = doc:covering("mention", tok(doc, p), name_end(p))[1]
    if m and m.type ~= "person" then return doc:tokat(m.start) end
    return p
  end
  -- (a name of two or three words: "Liberal Democrat home affairs spokesman")
  local k = p
  while k > p - 2 and k > 1 and not sent_start[k] and capword(k - 1) and not taken[k - 1] and
      not OPENERS[words[k - 1]] and not NO_OWNER[words[k - 1]] and not poss[k - 1] do
    k = k - 1
  end
  return k
end

-- The role phrase ending just before token i ("US Secretary of State",
-- "Kremlin spokesman", "former UK ambassador to Ukraine"), or nil.
local APPOSITION_DET = {the = true, The = true, a = true, A = true, an = true, An = true}
local function role_before(i)
  local last = i - 1
  -- "The Conservative leader, Kemi Badenoch,": a role in apposition before the name
  local before_comma = last > 2 and words[last] == "," and role_end_at[last - 1] ~= nil
  local r
  if before_comma then
    last = last - 1
  elseif last > 3 and words[last] == "," and capword(last - 1) then
    -- (with what it is of: "The mayor of Leeds, Jane Brown,")
    for o = last - 2, math.max(2, last - 5), -1 do
      local w = words[o]
      if (w == "of" or w == "for" or w == "at") and role_end_at[o - 1] then
        r, before_comma, last = role_end_at[o - 1], true, last - 1
        break
      end
      if not (capword(o) or w == "the") then break end
    end
  end
  r = r or role_end_at[last]
  if not r then
    -- the role's place or body between it and the name: "ambassador to Ukraine Sir Tony Brenton"
    local k = last
    while k > last - 3 and k > 1 and capword(k) and not role_tok[k] do k = k - 1 end
    if k == last or not ROLE_OF[words[k]] then return nil end
    r = role_end_at[k - 1]
    if not r or not (PLACES:match(doc, k + 1) or ORGS:match(doc, k + 1)) then return nil end
  end
  local first = r
  -- one modifier before it: a place, an organisation or a demonym ("US", "Kremlin", "Russian")
  -- (in its sentence: not a title line's last word)
  if first > 1 and not sent_start[first] then
    local p = first - 1
    local w = words[p]
    -- (an owner too: "Turkey's president")
    if poss[p] and capword(p) then w = sub(w, 1, #w - poss[p]) end
    if DEMONYMS:lookup(w) or PLACES:lookup(w) or ORGS:lookup(w) or (is(doc, p, "upper") and kind(doc, p) == "word") or
        -- (a capitalised word before a role in lower case: "Arsenal boss", "Microsoft chairman")
        -- (one word: "Liberal Democrat leader", "New Zealand entrepreneur" end a longer name)
        (capword(p) and not (p > 1 and capword(p - 1) and not OPENERS[words[p - 1]]) and not OPENERS[w] and
         not NO_OWNER[w] and
         is(doc, r, "lower") and not taken[p]) then
      first = owner_start(p)
    elseif r == last and capword(r) and DEPARTMENT[w] and select(2, tok(doc, p)) + 1 == tok(doc, r) then
      first = p   -- a department before a capitalised role: "Agriculture Secretary Richard Lyng"
    end
  end
  -- a body or field in lower case before it (one or two words), and what
  -- it is of: "Foreign ministry spokeswoman", "party spokesman", "EU trade
  -- chief", "UN human rights chief", "the Commission's trade chief"
  if first == r then
    local k = first
    while k > 1 and k > first - 2 and (ROLE_BODY[words[k - 1]] or ROLE_FIELD[words[k - 1]]) do k = k - 1 end
    if k < first then
      first = k
      local p = first - 1
      if p >= 1 and capword(p) and not OPENERS[words[p]] and not NO_OWNER[words[p]] and not sent_start[first] then
        first = owner_start(p)
      end
    end
  end
  -- (and "ex-" with what it was of: "ex-Conservative chancellor")
  if first > 1 and (ROLE_TIME[words[first - 1]] or find(words[first - 1], "^[Ee]x%-%a")) then first = first - 1 end
  -- (that one opens with "the", else it is a list: "police, John Smith, and ...")
  local owned = false   -- (an owner's name in it: "Age UK's charity director,")
  for t = first, r - 1 do
    if poss[t] then owned = true end
  end
  -- (past an adjective or two: "the regional governor, Vyacheslav Gladkov,")
  if before_comma and not owned then
    local d = first - 1
    while d > 1 and d >= first - 2 and is(doc, d, "lower") and kind(doc, d) == "word" and
        not APPOSITION_DET[words[d]] and not OWNER_PRONOUN[words[d]] do
      d = d - 1
    end
    if d < first - 1 and d >= 1 and (APPOSITION_DET[words[d]] or OWNER_PRONOUN[words[d]]) then first = d + 1 end
  end
  if before_comma and not ((first > 1 and (APPOSITION_DET[words[first - 1]] or poss[first - 1] or
                                           OWNER_PRONOUN[words[first - 1]])) or owned) then
    return nil   -- ("the", "a" or an owner opens it: "Ukraine's foreign minister, Andrii Sybiha,", "A government spokesman, Eylon Levy,")
  end
  local s = tok(doc, first)
  return text(doc, s, name_end(last))   -- without a possessive: "the Kremlin spokesperson’s Dmitry Peskov"
end


-- Is token i's sentence a title-case headline ("Clinton Goes After Trump
-- As The New Romney")? Most of its longer words are capitalised, and so
-- is at least one short function word.
local SMALL = {a = true, an = true, the = true, ["of"] = true, ["in"] = true, on = true, at = true, to = true,
  ["for"] = true, as = true, after = true, with = true, by = true, from = true, ["and"] = true, is = true}
local function headline(i)
  local _, _, _, first, last = doc:sentence(i)
  local known = headline_memo[first]
  if known ~= nil then return known end
  local nwords, ncaps, small = 0, 0, false
  -- (more lower-case words than a fifth of the tokens: no headline, known
  -- early in most sentences)
  local lows, most = 0, (last - first + 1) * 0.2
  local is_headline = true
  for k = first, last do
    if kind(doc, k) == "word" then
      nwords = nwords + 1
      if is(doc, k, "title") then
        ncaps = ncaps + 1
        if k > first and SMALL[lower(doc, k)] then small = true end
      else
        lows = lows + 1
        if lows > most then is_headline = false break end
      end
    end
  end
  -- (the article's title line needs no small word: "Elizabeth Warren
  -- Hammers Wells Fargo CEO: ...")
  -- (a line of one sentence, in title case, not capitals)
  local pno, _, _, pfirst, plast = doc:paragraph(first)
  local title_line = pno == 1 and pfirst == first and plast == last and doc:word(last) ~= "." and
    not is(doc, first, "upper")
  is_headline = is_headline and (small or title_line) and nwords >= 4 and ncaps >= nwords * 0.8
  headline_memo[first] = is_headline
  return is_headline
end

-- Does token k follow a title, an honorific or a role in the singular
-- ("President Park", "Mr Park"; not "Queens Park")?
local function after_title(k)
  return k > 1 and (honor[k - 1] or (role_tok[k - 1] and not find(words[k - 1], "s$"))) and true or false
end

-- Is the text of tokens [i, j] written again after their sentence?
local function written_again(i, j)
  local _, _, se = doc:sentence(i)
  local name = text(doc, tok(doc, i), select(2, tok(doc, j)))
  return find(article_text(), name, se + 1, true) ~= nil
end

-- connectors inside an organisation's name ("Institute for the Study of War")
local CONNECT = {of = true, ["for"] = true, on = true}

-- Words that open many organisations' names and so name none alone
-- ("National Grid", "General Mills", "United Technologies").
local GENERIC_FIRST = {}
for w in ([[National General United American First New Royal British Federal International European
  Global Central Southern Northern Western Eastern Pacific Atlantic Standard Continental Universal
  World Union Great Grand Old Big Little Public Social Democratic Republican Liberal Conservative
  Independent Free Christian Islamic Catholic Green Red Blue Black White Golden Silver Western
  Mutual Allied Associated Consolidated Amalgamated Commercial Industrial Financial Capital Security
  Home Air Sea Land Trade Energy Oil Gas Power Water Health Food News Army Navy Police Church Court
  Muslim Jewish Hindu Sikh Buddhist Arab Tourism Media Press Sports Music Film Art Arts]]):gmatch("%a+") do
  GENERIC_FIRST[w] = true
end

-- Generic first words that name a field, which "and" joins inside one
-- name ("Public and Commercial Services Union", "Oil and Gas Authority");
-- not "American", "Continental" ("Continental and American Airlines").
local SECTOR = {}
for w in ([[Public Social Commercial Industrial Financial Trade Energy Oil Gas Power Water Health
  Food Arts Art Sports Music Film Media Press Mutual Security Tourism Home Air Sea Land]]):gmatch("%a+") do
  SECTOR[w] = true
end

-- Does a place that is no one's name start at token t ("Texas", not "Gilbert")?
local function sure_place(t) return place_end[t] and place_entry[t].ambiguous ~= "person" end

-- Do the capitalised words before an "and" right before token a belong to
-- the name starting at a, "Ways and Means Committee"? Not where each side
-- names something of its own: an acronym, a head word, a given name or a
-- generic first word ("Ford and General Motors", "EADS and BAE Systems",
-- "Black Rebel Motorcycle Club and Bloc Party"), unless both name a field
-- ("Public and Commercial Services Union", "Industrial and Commercial Bank").
-- The article's capitalised words, as a set of token indices (one C
-- pattern scan per article, on the token flags alone, for the rules that
-- look over all of them).
local TITLE_WORD = pattern{{kind = "word", title = true}}
local function cap_tokens()
  if not cap_set then
    cap_set = {}
    local m = TITLE_WORD:all(doc)
    for x = 1, #m, 2 do cap_set[m[x]] = true end
  end
  return cap_set
end

-- Is the capitalised word at token j written alone elsewhere in the
-- article, no capitalised word on either side ("Bukayo Saka ... Saka
-- levelled", "Saka, 23,")? A person's surname is; an organisation's last
-- word seldom is. The words written alone are gathered once per article.
local function written_alone(j)
  if not alone_words then
    alone_words = {}
    local at = cap_tokens()
    for k in pairs(at) do
      if not (at[k - 1] and not sent_start[k]) and not (at[k + 1] and not sent_start[k + 1]) then
        local w = bare_word(k)   -- ("Saka's" is "Saka")
        alone_words[w] = (alone_words[w] or 0) + 1
      end
    end
  end
  return alone_words[bare_word(j)] or 0
end

-- How often the word w is written alone (as written_alone counts).
local function written_alone_word(w)
  if not alone_words then written_alone(1) end
  return alone_words[w] or 0
end

-- Words that open sentences and name no one ("Although Thompson said",
-- "Now Roddick faces"), beside words in -ly, -ing, -ed.
local NOT_GIVEN = {}
for w in ([[Although Though Now However Neither Nor Without Unlike Like Despite Where When While Whilst
  Both Some Many Any That This These Those Its Her His Their Our My Your One Another Other Several Should
  Will Would Have Has Had Yes No Sure Best Past Latest Earlier Later Former Senior Often Being Besides
  Every Each Most Few Such Only Even Still Yet Also Then Thus Hence Meanwhile Indeed Perhaps Maybe Once
  Until Unless Whether Because Since Why How What Who Which Whose Not Never Always Already Almost About
  Above Across Against Along Among Around Behind Below Beside Between Beyond Down During Except Inside
  Near Off Out Outside Over Through Throughout Toward Towards Under Up Upon Via Within Against Save Vote
  Go Take Let Get Make Keep Give See Look Ask Tell Call Watch Meet Join Help Father Mother Brother Sister
  Uncle Aunt Saint Lord Lady King Queen Prince Princess Pope Actor Actress Singer Model Developer Mogul
  Star Veteran Rookie Champion Legend Boss Chief Total Double Single Original Classic Real Prof Dr Mr Mrs
  Ms Rev Gen Col Capt Sgt Did Does Do Can Could Shall Must Might Was Were Is Are Am Notice Remember
  Imagine Consider Sell Buy Fight Stop Ban Back Beat Cold Hot]]):gmatch("%a+") do
  NOT_GIVEN[w] = true
end
-- and words that end names of other things ("Radio One", "Aston Villa", "Terrorism Bill")
local NOT_SURNAME = {}
for w in ([[One Two Three Four Five Six Seven Eight Nine Ten United City Villa Rovers Wanderers Athletic
  County Town Online Bill Act Price Supply Steel Essentials Exchange Catholic Protestant Christian
  Muslim Jewish Hindu Times Post News Daily Weekly Monthly Digital Mobile Plus Pro Max Mini War Coal
  Healthcare Terrorism Day Muslims Christians Jews Hindus Sikhs Buddhists Catholics Protestants]]):gmatch("%a+") do
  NOT_SURNAME[w] = true
end

-- words that end names of things and never a person's ("President Obama
-- Speech at ...", "Mac Mini", "Nelson Town", "April Three")
local NOT_PERSON_END = {}
for w in ([[Speech Interview Video Remarks Statement Address Rally Visit Summit Mini Plus Max Pro Studio Air
  Ultra One Two Three Four Five Town Catholic Fire]]):gmatch("%a+") do
  NOT_PERSON_END[w] = true
end

-- Are the two words at i, j a person's given name and surname, no given
-- name being known: "Bukayo Saka ... Saka levelled"? The surname is
-- written alone elsewhere (twice, when the name opens its sentence, as
-- many capitalised words do that name no one: "Dogged Federer"), and
-- neither word is a place, demonym or generic first word of a name.
local function surname_alone(i, j)
  local n = written_alone(j)   -- (first: most runs' last words are never written alone)
  if n == 0 then return false end
  local w1, w2 = words[i], words[j]
  if GENERIC_FIRST[w1] or NOT_GIVEN[w1] or NOT_SURNAME[w2] or GENERIC_FIRST[w2] or heads[j] or
      DEMONYMS:lookup(w1) or DEMONYMS:lookup(w2) or PLACES:lookup(w2) or ORGS:lookup(w1) or
      (#w1 > 4 and (find(w1, "ly$") or find(w1, "ing$") or find(w1, "ed$") or find(w1, "ers$"))) or
      ORGS:lookup(w1 .. " " .. w2) then
    return false
  end
  -- (a person already named with that surname and another first word:
  -- "Donald Trump ... Did Trump know?", "Notice Trump's words")
  -- (unless inside a sentence after a lower-case word or a comma, where a
  -- relative is named: "his daughter Ivanka Trump", "and Melania Trump")
  local had = people_by_surname[w2]
  local full = w1 .. " " .. w2
  if had and had ~= full and not relatives[full] then
    -- (whose given name is never written alone: "Honeywell Bull" is a company's)
    if sent_start[i] or i == 1 or not ((kind(doc, i - 1) == "word" and is(doc, i - 1, "lower")) or words[i - 1] == ",") or
        written_alone(i) > 0 then
      return false
    end
    relatives[full] = true
  end
  -- (nor in a title: a first paragraph of one line with no full stop,
  -- "Derelict Obama and Clinton")
  local k, _, _, _, plast = doc:paragraph(i)
  if k == 1 and plast <= 25 and words[plast] ~= "." then return false end
  if relatives[full] then return true end
  if sent_start[i] then
    return n >= 2 and not lower_word_in(article_text(), w1:lower())
  end
  return n >= 1
end

local function joined_by_and(a)
  local x = a - 2
  -- (two places that share a body are one name: "Devon and Cornwall Police")
  local places = place_end[x] == x and place_end[a] == a and not (x > 1 and capword(x - 1) and not sent_start[x])
  if lower(doc, a - 1) ~= "and" or not capword(x) or taken[x] or sent_start[a - 1] or (sure_place(x) and not places) or
      role_tok[x] or heads[x] or is(doc, x, "upper") or is(doc, a, "upper") or
      (GENERIC_FIRST[words[a]] and not (SECTOR[words[a]] and SECTOR[words[x]])) then
    return false
  end
  local given = NAMES:lookup(words[a])
  return not (given and not given.word)
end

-- A run of capitalised words [i, j] whose last organisation or place head
-- word is at `head` becomes that org or place ("Arms Control Association",
-- "Department of Homeland Security", "Kent County"). Returns the index
-- where it ends, or nil.
local short_names   -- defined below, used in the rule
-- head words that name a trade, and so end a company's name only after a
-- name of its own
local TRADE_HEAD = {Oil = true, Energy = true, Financial = true, Capital = true, Services = true, Steel = true,
  Foods = true, Communications = true, Electronics = true, Software = true, Resources = true, Gas = true,
  Commodities = true, Semiconductor = true, Automotive = true, Aircraft = true, Hotels = true}
local function headed_run(i, j, head, kind_)
  -- (a place head inside a role is the role's: "U.S. District Judge")
  if kind_ == "place" and role_tok[head] then return nil end
  local a = i
  -- (a role word right before the head stays: "General Motors", "General Electric")
  while a < head and (OPENERS[words[a]] or (role_tok[a] and a + 1 < head)) do a = a + 1 end
  -- "UK's Royal Bank", "Washington-based Economic Policy Institute": the name starts after
  -- (not a saint's: "St James's University Hospital")
  for k = a, head - 1 do
    local w = words[k]
    if (possessive(w) > 0 and not (k > a and SAINT[words[k - 1]])) or find(w, "%-based$") then a = k + 1 end
  end
  -- "Ways and Means Committee", "Food and Drug Administration": the words
  -- before an "and" right before the name belong to it
  -- (not two names: "Ford and General Motors", "EADS and BAE Systems",
  -- "Black Rebel Motorcycle Club and Bloc Party", "Caire and Bank of Egypt")
  if kind_ == "org" and a == i and a < head and a > 2 and joined_by_and(a) then
    a = a - 2
    while a > 1 and capword(a - 1) and not taken[a - 1] and not sent_start[a] and not sure_place(a - 1) and
        not role_tok[a - 1] and not OPENERS[words[a - 1]] do
      a = a - 1
    end
  end
  local b = kind_ == "place" and head or j
  if kind_ == "org" then
    -- a role after the head starts a person's name: "Ways and Means
    -- Committee Chairman Dan Rostenkowski"
    -- (or a given name and a surname: "Environmental Audit Committee Peter Ainsworth")
    for k = head + 1, j do
      if role_tok[k] or honor[k] or (k < j and NAMES:lookup(words[k])) then b = k - 1 break end
    end
    -- "of", "for", "on" (and then "and") join the words after the head:
    -- "Center for Strategic and International Studies"
    local joined = false
    while b + 2 <= ntok do
      local w = lower(doc, b + 1)
      local c = b + 2
      if CONNECT[w] and lower(doc, c) == "the" then c = c + 1 end
      -- ("to" and a verb, in a body's name alone: "Committee to Protect
      -- Journalists", "Alliance to Reclaim Our Schools"; not a headline's
      -- "Bank to Cut Rates")
      local to = w == "to" and b == head and not joined and not headline(head)
      if not (CONNECT[w] or to or (joined and w == "and")) or c > ntok or not capword(c) or taken[c] or
          heads[c] == "time" then
        break   -- (not "Ethel Barrymore Theatre on Thursday")
      end
      b = c
      -- (a possessive ends the name: "Bank of Japan's December"; so does a
      -- role, "Bank of Korea Governor Park Sung-sang", but for the object
      -- after "to": "Committee to Protect Journalists")
      while not poss[b] and b + 1 <= ntok and capword(b + 1) and not taken[b + 1] and not sent_start[b + 1] and
          (to or not role_tok[b + 1]) and not honor[b + 1] do
        b = b + 1
      end
      joined = true
    end
  end
  if a == b then return nil end   -- a head alone ("the Council") names nothing
  -- (a trade's word after a place, a demonym or another such word is no
  -- company's name: "U.S. Oil", "Saudi Energy", "Financial Services", as
  -- title-case text writes "U.S. oil"; "Cairn Energy", "Shell Oil" are)
  if kind_ == "org" and b == head and TRADE_HEAD[words[head]] then
    local plain = false
    for k = a, head - 1 do
      if not (place_end[k] or DEMONYMS:lookup(words[k]) or TRADE_HEAD[words[k]] or GENERIC_FIRST[words[k]]) then
        plain = true
      end
    end
    if not plain then return nil end
  end
  if not free(a, b) then return nil end
  local s = tok(doc, a)
  local e = name_end(b)
  local name = text(doc, s, e)
  -- (a short form of a company named before: "Royal Bank" after "Royal Bank of Canada")
  if kind_ == "org" and stems[name] then name = stems[name] end
  add(doc, "mention", s, e, {type = kind_, name = name})
  if kind_ == "org" then
    nfirms = nfirms + 1
    firms[nfirms] = name
    know_stem(name)
  end
  mark(a, b)
  return b
end

-- Compass words are given names too, but open places' names far more often ("West End").
local DIRECTION = {North = true, South = true, East = true, West = true}


-- Is the name ending at token j followed by a comma and a role, "Johsen
-- Takahashi, chief economist at ...", "Kerr Putney, the police chief"? (Not
-- one owning something: "Downing Street, the prime minister's office".)
local KIN = {daughter = true, son = true, wife = true, husband = true, widow = true, widower = true,
  mother = true, father = true, brother = true, sister = true, niece = true, nephew = true,
  grandson = true, granddaughter = true, cousin = true, partner = true}
local function role_after(j)
  if j + 2 > ntok or words[j + 1] ~= "," then return false end
  local named = false
  for t = j + 2, math.min(ntok, j + 7) do
    -- (after an employer's name, "a Yukos spokesman", a role in lower case:
    -- "Green Day, the Foo Fighters" is a list)
    -- (a relative's word counts: "Paetongtarn Shinawatra, the 37-year-old
    -- daughter of ...")
    if KIN[words[t]] and t + 1 <= ntok and words[t + 1] == "of" then return true end
    if role_tok[t] and not (named and not is(doc, t, "lower")) then
      local e = t
      while e < ntok and role_tok[e + 1] do e = e + 1 end
      if poss[e] or words[e + 1] == "'s" or words[e + 1] == "’s" then return false end
      -- (nor a role before a name of its own: "Standard Oil Co, BP Managing
      -- Director David Simon said"; but "Asif Zardari, former Prime Minister
      -- Benazir Bhutto's husband," is one)
      local k = e + 1
      while k <= ntok and k <= e + 4 and capword(k) and not sent_start[k] and not poss[k] do k = k + 1 end
      return k == e + 1 or (k <= ntok and poss[k] ~= nil and capword(k))
    end
    -- (past an age: "the 37-year-old")
    local age = kind(doc, t) == "number" and words[t + 1] == "-" or words[t] == "-" and words[t + 1] == "year-old"
    if kind(doc, t) ~= "word" and not age then return false end
    -- (an owner's name is no list's: "Mexico's Undersecretary for Commerce")
    -- (nor an acronym's, "Jeremy Dear, NUJ General Secretary")
    if not is(doc, t, "lower") and not poss[t] and not is(doc, t, "upper") then named = true end
  end
  return false
end

-- The role in apposition after the name ending at token j, up to the
-- next comma: "Konstantin Kosachev, chairman of the international affairs
-- committee of the Federation Council," -> "chairman of the international
-- affairs committee of the Federation Council"; "Kerr Putney, the police
-- chief," -> "police chief"; or nil. (role_after says whether there is one.)
local APPOSITION_STOP = {[","] = true, [";"] = true, [")"] = true, ["("] = true, who = true, which = true,
  whose = true, ["."] = true, ["--"] = true, ["—"] = true, ["–"] = true, [":"] = true}
local APPOSITION_VERB = {is = true, was = true, are = true, were = true, has = true, had = true, will = true,
  would = true}
local SAYS = {said = true, says = true, told = true, tells = true, added = true, adds = true, say = true}
local function apposition_role(j)
  if not role_after(j) then return nil end
  local a = j + 2
  if words[a] == "also" or words[a] == "now" then a = a + 1 end
  local w = words[a]
  if APPOSITION_VERB[w] then return nil end   -- "the Golden Bear, U-Carmen, is ..."
  if w == "and" or w == "or" or w == "but" then return nil end   -- (a list goes on: "a teacher, John Smith, and a nurse")
  if w == "the" or w == "a" or w == "an" then a = a + 1 end
  -- (a plural is the group a list goes on to, or who spoke: "System, analysts said")
  for t = a, math.min(ntok, a + 4) do
    if role_tok[t] then
      local e = t
      while e < ntok and role_tok[e + 1] do e = e + 1 end
      if find(words[e], "[^s]s$") then return nil end
      break
    end
  end
  local b = a
  local function stop(t)
    return APPOSITION_STOP[words[t]] or kind(doc, t) == "quote" or sent_start[t] or SAYS[words[t]]
  end
  while b < ntok and b < a + 14 and not stop(b + 1) do b = b + 1 end
  -- (no end in sight: a clause, not an apposition; nor one ending at a
  -- speech verb: "Yasuhiro Nakasone, a Treasury spokesman said" names who
  -- spoke)
  if b + 1 <= ntok and (not stop(b + 1) or SAYS[words[b + 1]]) then return nil end
  return text(doc, tok(doc, a), name_end(b))
end

-- Is token k a capitalised word of letters alone, "Takahashi", "Šefčovič"
-- (not "McDonald", "iPhone", "AT&T", "O'Neill")?
local function plain_word(k)
  local w = words[k]
  if find(w, "^%u%l+$") then return true end
  -- (a family name with its Arabic article: "al-Ansari")
  local art = match(w, "^(%l%l?%l?)%-%u%l+$")
  if art and ARABIC_ARTICLE[art] then return true end
  return is(doc, k, "nonascii") and is(doc, k, "title") and not is(doc, k, "upper") and
    not is(doc, k, "digit") and not find(w, "[%u%d%p]", 2)
end

-- May the given name at token k that is also a word ("Tony", "Roger",
-- "Will") open a name at its sentence's start? Only as the first of two
-- words, before a plain surname, when the article never writes the word
-- in lower case ("Tony Blair said"; not "Ford Motor Co", "Will Tory voters"),
-- a surname that is a place only when it is no surname too ("Peter Jackson
-- made", not "Will Texas")
local function word_name_opens(k, j)
  return j == k + 1 and plain_word(j) and not sure_place(j) and not heads[j] and not NOT_SURNAME[words[j]] and
    not DEMONYMS:lookup(words[k + 1]) and not lower_word_in(article_text(), lower(doc, k))
end

-- Is the name ending at token j followed by ", from" and a name, the
-- body a speaker comes from: "Shami Chakrabarti, from human rights group
-- Liberty, said"?
local function from_after(j)
  if j + 3 > ntok or words[j + 1] ~= "," or words[j + 2] ~= "from" then return false end
  for t = j + 3, math.min(ntok, j + 7) do
    if kind(doc, t) ~= "word" then return false end
    if taken[t] or capword(t) then return true end
  end
  return false
end

-- The run of capitalised words starting at i (the run ends at a sentence's
-- start, an opener, a possessive or a word already taken): an org or place
-- when a head word is in it, else a person when it starts with a given name
-- or follows an honorific or a role.

-- Adds the run [i, j] as a mention of type_ named as written (without a
-- possessive ending), marks it and moves past it; returns the name.
local function add_run(i, j, type_)
  local s, e = tok(doc, i), name_end(j)
  local name = text(doc, s, e)
  add(doc, "mention", s, e, {type = type_, name = name})
  mark(i, j)
  upto = j
  return name
end

-- words that end a company's name and make none alone ("Motor Corp")
local COMPANY_TAIL = {Motor = true, Motors = true, Group = true, Holdings = true, Industries = true}

-- heads that end a group company's name after its parent's ("UBS
-- Securities", "Wells Fargo Bank"), unlike a product's ("Microsoft Office")
local FIRM_HEAD = {Bank = true, Securities = true, Capital = true, Investments = true, Partners = true,
  Insurance = true, Airlines = true, Airways = true, Petroleum = true, Studios = true, Entertainment = true,
  Financial = true, Services = true, Energy = true, Pharmaceuticals = true, Technologies = true}

-- words that count or point, capitalised at a sentence's start ("Both House leaders")
local QUANTIFIER_CAP = {Both = true, Some = true, Each = true, Every = true, All = true, Any = true, No = true,
  This = true, That = true, Many = true, Most = true, Several = true, Other = true}
-- party adjectives that may come before a legislature's short name ("Republican House")
local PARTY_ADJ = {Republican = true, Democratic = true, Democrat = true, GOP = true, Labour = true, Tory = true,
  Conservative = true, Liberal = true}

-- prepositions, which a title-case name of a group has but a person's
-- never opens: "Reporters Without Borders", "Lawyers Against Hate"
local CAP_PREP = {Against = true, Without = true, Across = true, Beyond = true, Within = true, Among = true,
  Between = true, Behind = true, Towards = true, Toward = true, Despite = true, Amid = true, Through = true,
  Into = true, Over = true, Until = true, During = true}

-- members of a parliament by the seat they hold ("MP for ...")
local SEAT_HOLDER = {MP = true, MPs = true, MEP = true, MSP = true, MS = true, MLA = true, TD = true, member = true}

local function visit(i)
  if i <= upto or taken[i] then return end
  local j = i
  -- (a capitalised "After", "As", "The" inside a run is a headline's
  -- word, never part of a name: "Clinton Goes After Donald Trump")
  while true do
    local x = j + 1
    if taken[x] or sent_start[x] then break end
    if iscap[x] then
      if OPENERS[words[x]] then break end
    elseif x + 2 <= ntok and iscap[x + 2] and not iscap[x + 1] and PARTICLES[lower(doc, x)] and
        PARTICLES[lower(doc, x + 1)] then
      x = x + 1   -- two particles: "Ursula von der Leyen"
    elseif words[x] == "and" and x < ntok and suffix_head[x + 1] and not taken[x + 1] then
      x = x + 1   -- a partnership's "and Co": "Kleinwort Grieveson and Co"
    elseif not (iscap[x + 1] and PARTICLES[lower(doc, x)]) then
      break
    end
    j = x
    -- "Biden’s team" (not a saint's: "St James's University Hospital")
    if poss[j] and not (j > i and SAINT[words[j - 1]]) then break end
    -- a legal form with its full stop ends a name, whether or not the
    -- sentence ends there: "sold to Sears Motor Group Ltd. Sears Motor
    -- is ..." (but "Samsung Electronics Co. Ltd.")
    if j > i and suffix_head[j] and byte(words[j], #words[j]) == 46 and not suffix_head[j + 1] then break end
  end
  -- (a family name with an Arabic article joined by a hyphen ends it:
  -- "Majed al-Ansari", "Ahmed el-Tayeb")
  local x = j + 1
  if x <= ntok and not poss[j] and not taken[x] and not sent_start[x] and kind(doc, x) == "word" then
    local art = match(words[x], "^(%l%l?%l?)%-%u")
    if art and ARABIC_ARTICLE[art] then j = x end
  end
  -- (the rest of a company's name after a known one is no name of its own:
  -- "Toyota Motor Corp" where the lexicon knows "Toyota")
  if i > 1 and taken[i - 1] and not sent_start[i] then
    local tail = true
    for k = i, j do
      if not (suffix_head[k] or COMPANY_TAIL[words[k]]) then tail = false break end
    end
    if tail then
      upto = j
      return
    end
  end
  -- a company's short form, named in full before: "Lex Vehicle Leasing Ltd
  -- ... Lex Vehicle is owned by" (Lex is a given name)
  if j > i then
    local full = stems[text(doc, tok(doc, i), name_end(j))]
    if full then
      add(doc, "mention", tok(doc, i), name_end(j), {type = "org", name = full})
      mark(i, j)
      upto = j
      return
    end
  end
  -- the seat a member of a parliament holds is a place: "the Labour MP for
  -- York Central", "MSP for Glasgow Kelvin"
  if i > 2 and words[i - 1] == "for" and SEAT_HOLDER[words[i - 2]] and not (place_end[i] and place_end[i] >= j) then
    add_run(i, j, "place")
    return
  end
  -- a legal ending after a comma makes the run a company: "Ashland Oil,
  -- Inc. chairman John Hall"
  if j + 2 <= ntok and words[j + 1] == "," and LEGAL[words[j + 2]] and not taken[j + 2] and
      not (i == j and (NAMES:lookup(words[i]) or sure_place(i))) then
    nfirms = nfirms + 1
    firms[nfirms] = add_run(i, j + 2, "org")
    know_stem(firms[nfirms])   -- ("Ashland Oil" again is "Ashland Oil, Inc.")
    return
  end
  -- a weekday or month ends a name ("in Florida Friday"); a law,
  -- treaty or event ("Affordable Care Act", "Paris Agreement") names
  -- no actor; the last org or place head word makes the run one
  local thing, head, head_kind = false, nil, nil
  for k = i, j do
    local h = heads[k]
    if h then
      if h == "time" then j = k - 1; break end
      if h == "thing" then thing = true
      -- (a place head after a title is a surname: "President Park Geun-hye")
      elseif h == "place" and k > i and after_title(k) then
      -- (a company's legal form only ends a name: "Co Antrim" is a county;
      -- nor does it take over from an org head before it, "General Electric
      -- Co"; nor does it make the rest of a name after a known one an
      -- organisation of its own, "Shell Oil Co")
      elseif suffix_head[k] then
        if k > i and (not head or head_kind == "place") and not (i > 1 and taken[i - 1] and not sent_start[i]) then
          head, head_kind = k, h
        end
      elseif place_end[k] and place_end[k] > k then
        -- (a head word that opens a place's name: "The United States")
      elseif h == "org" or h == "place" then
        -- (a later head wins over a thing's word: "Summit Insights Group",
        -- "Election Commission")
        head, head_kind, thing = k, h, false
      end
    end
  end
  -- a given name before a place head that is also a surname, with a role
  -- in apposition, is a person: "Mike Lake, a Yukos spokesman" (not
  -- "Crystal Lake, a city in Illinois")
  if head_kind == "place" and head == j and j == i + 1 and role_after(j) then
    local given = NAMES:lookup(words[i])
    if given then head, head_kind = nil, nil end
  end
  -- in a title-case headline every word is capitalised: a head word makes
  -- a name there only when the article writes the name again ("After
  -- Latest Police Shooting" is none)
  if head and not thing and headline(i) and not written_again(i, j) then thing = true end
  -- (a place's whole name is no organisation: "the Russian Federation")
  local named = not thing and head and not (place_end[i] and place_end[i] >= j) and
    headed_run(i, j, head, head_kind)
  if named then j = named end
  -- where the name starts inside the run (one word alone is a name
  -- only after an honorific or a role)
  local first = nil
  if not (named or thing) and (j > i or honor[i - 1] or role_end_at[i - 1]) then
    for k = i, j do
      local pe = place_end[k]
      if pe and pe > k then break end   -- "North Korea"
      -- a place, a head word, a sentence opener or "I" starts no name, even
      -- after a role: "chief US economist", "British Bankers' Association",
      -- "owner / The fate", "in private I"
      local w = words[k]
      -- (a place that is also a given name is the place before a title:
      -- "Florida Rep. Debbie Wasserman Schultz")
      local titled_place = pe and k < j and (honor[k + 1] or (role_tok[k + 1] and k + 2 <= j))
      local head_word = heads[k] and not (heads[k] == "place" and after_title(k))
      if not ((pe and (place_entry[k].ambiguous ~= "person" or titled_place)) or head_word or OPENERS[w] or
              CAP_PREP[w] or w == "I" or
              role_tok[k] or honor[k]) then
        -- (a given name in the run's last word would name no one by itself)
        local given, rare = false, false
        if k < j then given, rare = given_name(w) end
        -- a given name that is also a word opens no name at a sentence's start
        -- ("Even China"), nor next to a place or demonym ("West Texas
        -- Intermediate", "Royal Dutch", "Alaska North Slope")
        -- (unless the article never writes the word in lower case and a plain
        -- surname follows: "Tony Wilson said", not "Will Tory voters")
        if given and given.word and ((sent_start[k] and not word_name_opens(k, j)) or DIRECTION[w] or sure_place(k + 1) or
            DEMONYMS:lookup(words[k + 1]) or (k > 1 and place_end[k - 1] == k - 1 and sure_place(k - 1))) then
          given = nil
        end
        -- (nor a rare one in a title-case headline, where every word is
        -- capitalised: "Clinton Speaks To Voters")
        if given and rare and headline(k) then given = nil end
        if given or (k > 1 and (honor[k - 1] or role_end_at[k - 1])) then
          first = k
          break
        end
      end
    end
    -- two or three words with a role in apposition: a person, though no
    -- given name is known ("Johsen Takahashi, chief economist at ...")
    -- (or where they come from: "Shami Chakrabarti, from human rights group Liberty")
    -- (or the role before them: "The Commission's trade chief, Maroš Šefčovič,")
    -- (or two words whose last is written alone too: "Bukayo Saka ... Saka said")
    if not first and not (named or thing) and j > i and j <= i + 2 and
        not (role_tok[i] or heads[i] or honor[i] or OPENERS[words[i]]) and not headline(i) and
        (role_after(j) or from_after(j) or (i > 2 and words[i - 1] == "," and role_before(i)) or
         (j == i + 1 and surname_alone(i, j))) then
      local plain = true
      for k = i, j do
        if not plain_word(k) or (place_end[k] and place_end[k] >= k) then plain = false end
      end
      if plain then first = i end
    end
  end
  if first and j > first + 1 and headline(first) then
    -- a title-case headline runs on past the name: given name and surname
    local last = first + 1
    while last < j and is(doc, last, "initial") do last = last + 1 end
    j = last
  end
  -- three words or more in capitals are a shouted heading, not a name
  -- ("FELLOW DOCTORS DON’T WANT TO ASSOCIATE WITH HIM"; a byline's "JOHN SMITH" stays)
  -- (two, when the first is no given name: "JAPAN OFFICIALS SAY WORST ...")
  if first and j >= first + 1 then
    local shout = true
    for k = first, j do
      if not is(doc, k, "upper") then shout = false; break end
    end
    local w = words[first]
    if shout and (j >= first + 2 or not NAMES:lookup(sub(w, 1, 1) .. sub(w, 2):lower())) then first = nil end
  end
  -- (and one after a role in capitals: "OFFICIAL SAYS")
  if first and j == first and is(doc, first, "upper") and #words[first] > 1 then
    local r = role_end_at[first - 1] or honor[first - 1]
    if r and is(doc, r, "upper") then first = nil end
  end
  -- (nor one word after a title: "Former White House Doctor Says")
  if first and j == first and headline(first) and not written_again(first, j) then first = nil end
  -- one word after a plural role names a body, not a person: "analysts
  -- Gartner", "partners Statoil", "the leaders Chelsea"
  -- (not one that speaks: "Japanese and British officials Lawson told reporters")
  if first and j == first and not honor[first - 1] and role_end_at[first - 1] and
      find(words[first - 1], "[^s']s$") and is(doc, first - 1, "lower") and
      not (first < ntok and SAYS[words[first + 1]]) then
    add_run(first, first, "org")
    return
  end
  -- (a word that ends names of other things ends no person's: "President
  -- Obama Speech at ...")
  while first and j > first and NOT_PERSON_END[words[j]] and not poss[j] do j = j - 1 end
  if first and (j > first or honor[first - 1] or role_end_at[first - 1]) then
    local s = tok(doc, first)
    local fields = {type = "person"}
    local role = role_before(honor[first - 1] or first)
    local role2 = j > first and apposition_role(j)
    if role or role2 then fields.roles = {role or role2, role and role2 or nil} end
    local e = name_end(j)
    fields.name = text(doc, s, e)
    add(doc, "mention", s, e, fields)
    if j == first then
      local h = honor[first - 1] and HONORIFICS:match(doc, honor[first - 1])
      -- (a knight is named again by given name: "Keir Starmer ... Sir Keir")
      local hw = honor[first - 1] and words[honor[first - 1]]
      if hw == "Sir" or hw == "Dame" then fields._given = true end
      -- (a title before a family name that comes first: "Premier Li Qiang ... Mr Li")
      if honor[first - 1] then fields._titled = true end
      lone_people[nlone_people + 1], lone_people[nlone_people + 2] = fields, h and h.gender or false
      nlone_people = nlone_people + 2
    end
    mark(first, j)
    npeople = npeople + 1
    people[npeople] = fields.name
    local sur = match(fields.name, "%s(%S+)$")
    if sur and not people_by_surname[sur] then people_by_surname[sur] = fields.name end
  end
  upto = j > i and j or i
end


-- The last words of a company's name (not of a council, school or party,
-- whose first word is more often a place: "Hereford County Hospital").
local COMPANY = {}
for w in ([[Plc PLC Ltd Ltd. Limited Corp Corp. Corporation Inc Inc. Co Co. LLC LLP AG GmbH NV Group Motor
  Holdings Industries Enterprises Airlines Airways Motors Bank Securities Investments Partners
  Technologies Pharmaceuticals Electric Petroleum Telecom Bancorp Insurance Entertainment Studios
  Publishing Shipping Mining Chemicals Laboratories Labs Systems Services Stores]]):gmatch("%S+") do
  COMPANY[w] = true
end

-- Companies by their first word alone, as news goes on to call them:
-- "Lex Service Plc said ... Lex said" (the first named of several). Only a
-- first word that is no given name, place, demonym, role, head word,
-- common opener or named person's surname, and that the article never
-- writes in lower case; and not where another capitalised word follows
-- ("Lex Vehicle" is another firm).
short_names = function(d)
  if nfirms == 0 then return end
  local by_first, forms, nforms = {}, {}, 0
  local surnames
  for x = 1, nfirms do
    local name = firms[x]
    local first = match(name, "^([%u][%a%-]+) ")
    if first and not surnames then
      surnames = {}
      for y = 1, npeople do surnames[match(people[y], "(%S+)$") or ""] = true end
    end
    if first and #first >= 3 and not by_first[first] and not GENERIC_FIRST[first] and
        COMPANY[match(name, "(%S+)$")] and not surnames[first] and
        not NAMES:lookup(first) and not PLACES:lookup(first) and not DEMONYMS:lookup(first) and
        not HEADS:lookup(first) and not ROLES:lookup(first) then
      if not lower_word_in(article_text(), first:lower()) then
        by_first[first] = name
        forms[nforms + 1], forms[nforms + 2], forms[nforms + 3] = first, first .. "'s", first .. "'"
        nforms = nforms + 3
      end
    end
  end
  if nforms == 0 then return end
  -- (the first word named alone before the full name is it too: "Tech firm
  -- Brightwave to cut jobs ... Brightwave Inc said")
  for f in d:each("mention") do
    if f.type == "org" and by_first[f.name] then f.name = by_first[f.name] end
  end
  local m = pattern{{kind = "word", title = true, text = forms}}:all(d)
  for x = 1, #m, 2 do
    local k = m[x]
    if not taken[k] and not (k < ntok and capword(k + 1)) then
      local w = words[k]
      local p = possessive(w)
      local full = by_first[p > 0 and sub(w, 1, #w - p) or w]
      if full then
        add(d, "mention", tok(d, k), name_end(k), {type = "org", name = full})
        taken[k] = true
      end
    end
  end
end

-- Adds an organisation's mention named `name` wherever `surface` is
-- written again as whole words (a plain search: fewer instructions than a
-- pattern built per article) on tokens no mention holds: the whole name,
-- not the start of a longer one ("China Aviation Oil Holding Company"); a
-- possessive may follow ("Yukos's"); with `alone`, not the end of a longer one either.
local function mention_again(d, surface, name, alone)
  local text_ = article_text()
  local at = 1
  while true do
    local a, b = find(text_, surface, at, true)
    if not a then break end
    at = b + 1
    local k = d:tokat(a - 1)
    local s0 = tok(d, k)
    -- (alone: not the end of a longer name, "Walt Disney")
    if s0 == a - 1 and not taken[k] and not (alone and k > 1 and capword(k - 1) and not sent_start[k]) then
      local j = d:tokat(b - 1)
      local _, te = tok(d, j)
      if (te == b or poss[j]) and free(k, j) and (poss[j] or j == ntok or not capword(j + 1)) then
        add(d, "mention", s0, name_end(j), {type = "org", name = name})
        mark(k, j)
      end
    end
  end
end

-- A company's short form (stem_of) written again, as news goes on to call
-- it: "Kawasaki Steel Corp ... Kawasaki Steel rose". Looked for before
-- places, so that "Kawasaki" there is no city: the lexicon's organisations'
-- before the capitalised runs are read, the runs' own after (a run that is
-- a short form itself, "Royal Bank", takes the full name in headed_run).
-- Not where another capitalised word follows ("Kawasaki Steel Works" is
-- another firm).
local function firm_stems(d, names, n)
  for x = 1, n do
    local stem = stem_of(names[x])
    if stem then
      mention_again(d, stem, names[x])
      local short = shorter_stem(stem)
      if short then mention_again(d, short, names[x]) end
    end
  end
end

-- Organisations introduced by a common noun: "oil firm Rosneft", "Russian
-- oil company Yukos", "investment bank Morgan Stanley" (org_nouns.yaml),
-- taken before people and places are looked for, so that a given name
-- opening the name does not type it ("bank Morgan Stanley"). The same
-- name written again alone ("Yukos filed for bankruptcy") is the same
-- organisation.
local ORG_NOUNS = lexicon "org_nouns"
local function described_orgs(d)
  local m = ORG_NOUNS:all(d)
  local names
  for x = 1, #m, 3 do
    local k = m[x + 1] + 1
    if k <= ntok and capword(k) and not taken[k] and not sent_start[k] and not role_tok[k] and not honor[k] and
        not OPENERS[words[k]] and heads[k] ~= "time" and not poss[m[x + 1]] then
      local j = k
      while not poss[j] and j < ntok do
        local x = j + 1
        -- "Johnson & Johnson", "Bradford & Bingley", "United Bank of Africa"
        -- (and "and Co": "Kleinwort Grieveson and Co")
        if (words[x] == "&" or (words[x] == "of" and heads[j] == "org") or (words[x] == "and" and suffix_head[x + 1])) and
            x < ntok and capword(x + 1) then
          x = x + 1
        end
        if not capword(x) or taken[x] or sent_start[x] or heads[x] == "time" or role_tok[x] then break end
        -- (a person's name after the firm's: "group EADS Philippe Camus")
        if x < ntok and capword(x + 1) and NAMES:lookup(words[x]) then break end
        j = x
      end
      -- (one demonym alone is an adjective, "the company Russian investors
      -- own"; a place alone too, "the giant US budget deficit")
      if not (j == k and DEMONYMS:lookup(words[k])) and place_end[k] ~= j then
        local s, e = tok(d, k), name_end(j)
        local name = text(d, s, e)
        add(d, "mention", s, e, {type = "org", name = name})
        mark(k, j)
        nfirms = nfirms + 1
        firms[nfirms] = name
        names = names or {}
        names[#names + 1] = name
      end
    end
  end
  if not names then return end
  -- the names again
  for _, name in ipairs(names) do mention_again(d, name, name) end
end

-- One capitalised word no lexicon knows before a role in lower case and a
-- name is the organisation the person works for: "Arsenal manager Mikel
-- Arteta", "Chelsea boss Enzo Maresca", "NUJ general secretary Jeremy
-- Dear"; the same word elsewhere is that organisation ("Arsenal came from
-- behind"). Not a place, demonym, given name, party adjective or a word
-- that opens many names ("Democratic senator", "Former coach").
local NOT_EMPLOYER = {Tory = true, Tories = true, Democrat = true, Republican = true, Labour = true,
  Libertarian = true, Green = true, Nationalist = true, Unionist = true, Communist = true,
  Opposition = true, Government = true, State = true, Federal = true, Senior = true, Junior = true,
  Deputy = true, Assistant = true, Acting = true, Chief = true, Head = true, Top = true}
-- (a word of letters, not a common word: never written in lower case
-- in the article; where it opens its sentence, also written elsewhere
-- not opening one; not part of a longer name, "Geoffrey de Havilland
-- chairman"; nor after "of", "Lord of the Rings director")
local function employer_word(p)
  local w = words[p]
  if not find(w, "^%u[%a&]+$") or LEGAL[w] or w == "TV" or (p > 1 and (PARTICLES[words[p - 1]] or words[p - 1] == "of")) or
      lower_word_in(article_text(), lower(doc, p)) then
    return false
  end
  -- (nor a person's surname, written after a given name: "Clinton campaign
  -- manager Robby Mook" after "Hillary Clinton")
  local elsewhere = not sent_start[p]
  for k in pairs(cap_tokens()) do
    if bare_word(k) == w and k > 1 then   -- ("Donald Trump's")
      if NAMES:lookup(words[k - 1]) and capword(k - 1) then return false end
      if k ~= p and not sent_start[k] then elsewhere = true end
    end
  end
  return elsewhere
end
local function role_owners(d)
  local names
  for j, i in pairs(role_end_at) do
    local p = i - 1
    -- (a capitalised role of two words or more too: "Teck Chief Executive Jonathan Price")
    if p >= 1 and j < ntok and capword(j + 1) and (is(d, i, "lower") or j > i) and capword(p) and not taken[p] and
        not poss[p] and not (p > 1 and capword(p - 1) and not OPENERS[words[p - 1]] and not sent_start[p]) and
        not OPENERS[words[p]] and
        not NO_OWNER[words[p]] and not NOT_EMPLOYER[words[p]] and not GENERIC_FIRST[words[p]] and
        not DEMONYMS:lookup(words[p]) and not place_end[p] and not NAMES:lookup(words[p]) and not honor[p] and
        not role_tok[p] and not heads[p] and not ROLE_TIME[words[p]] and employer_word(p) then
      local s, e = tok(d, p)
      add(d, "mention", s, e, {type = "org", name = words[p]})
      mark(p, p)
      names = names or {}
      names[#names + 1] = words[p]
    end
  end
  if not names then return end
  for _, name in ipairs(names) do mention_again(d, name, name, true) end
end

-- One capitalised word between "the" and a noun for a body names that
-- body: "the Aslef union", "the Wagner group", "the Unite union" (not a
-- place, demonym, given name, role or a word the article writes in lower
-- case: "the Labour party" is the lexicon's, "the Russian army" a demonym's).
local BODY_NOUN = {}
for w in ([[union group militia movement faction party company firm bank agency network alliance
  coalition charity institute foundation]]):gmatch("%a+") do
  BODY_NOUN[w] = true
end
local BODY_NOUNS = pattern{{kind = "word", lower = true, text = (function()
  local t = {}
  for w in pairs(BODY_NOUN) do t[#t + 1] = w end
  table.sort(t)
  return t
end)()}}
-- (nor a person's surname, written after a given name or another
-- capitalised word elsewhere: "the Redstone group" of Sumner Redstone,
-- "the Tanaka faction" of Kakuei Tanaka)
local function someones_surname(w)
  for k in pairs(cap_tokens()) do
    if k > 1 and bare_word(k) == w and capword(k - 1) and not OPENERS[words[k - 1]] and
        (NAMES:lookup(words[k - 1]) or RARE_NAMES:lookup(words[k - 1]) or honor[k - 1] or not sent_start[k - 1]) then
      return true
    end
  end
  return false
end
local function body_owners(d)
  local m = BODY_NOUNS:all(d)
  for x = 1, #m, 2 do
    local p = m[x] - 1
    if p > 1 and capword(p) and not taken[p] and not sent_start[p] and lower(d, p - 1) == "the" and
        not poss[p] and not OPENERS[words[p]] and not NO_OWNER[words[p]] and not NOT_EMPLOYER[words[p]] and
        not GENERIC_FIRST[words[p]] and not DEMONYMS:lookup(words[p]) and not place_end[p] and
        not NAMES:lookup(words[p]) and not RARE_NAMES:lookup(words[p]) and not honor[p] and not role_tok[p] and
        not heads[p] and find(words[p], "^%u[%a&]+$") and not LEGAL[words[p]] and
        not lower_word_in(article_text(), lower(d, p)) and not someones_surname(words[p]) then
      local s, e = tok(d, p)
      add(d, "mention", s, e, {type = "org", name = words[p]})
      mark(p, p)
      mention_again(d, words[p], words[p], true)
    end
  end
end

-- "Athletics Kenya (AK)", "the Congressional Black Caucus (CBC)": a name
-- with its initials in brackets after it is an actor (an organisation,
-- unless a mention already says what it is), and the initials alone name it.
local ACRONYM = pattern{{text = "("}, {kind = "word", upper = true, regex = "[A-Z]{2,6}"}, {text = ")"}}
-- (the initials' uses: one pattern for all docs, filtered by the definitions)
local CAPS_WORD = pattern{{kind = "word", upper = true, regex = "[A-Z]{2,6}"}}
-- (with_particles: a particle's initial too, in capitals: "Electricite de
-- France" is "EDF")
local function initials_of(a, b, with_particles)
  local out = {}
  for k = a, b do
    local w = words[k]
    if find(w, "^%u") then out[#out + 1] = sub(w, 1, 1)
    elseif with_particles and PARTICLES[w] then out[#out + 1] = upper(sub(w, 1, 1)) end
  end
  return table.concat(out)
end
local function acronyms(d)
  local m = ACRONYM:all(d)
  if #m == 0 then return end
  local defined, forms = {}, {}
  for x = 1, #m, 2 do
    local o = m[x]           -- the "("
    local acr = words[o + 1]
    local b = o - 1
    if b >= 1 and not defined[acr] and capword(b) then
      -- the name: back over capitalised words and particles, as far as the initials need
      -- (the first start at which the initials, with or without the
      -- particles', spell it: "Sociedad Espanola de Automoviles de Turismo
      -- (SEAT)", "Electricite de France (EDF)")
      local a = b
      local function spells(x) return capword(x) and (initials_of(x, b) == acr or initials_of(x, b, true) == acr) end
      while a > 1 and not spells(a) and #initials_of(a, b) < #acr and
          (capword(a - 1) or PARTICLES[lower(d, a - 1)] or
           ((CONNECT[lower(d, a - 1)] or lower(d, a - 1) == "and") and a > 2 and capword(a - 2))) do
        a = a - 1
      end
      if spells(a) then
        local s, e = tok(d, a), name_end(b)
        local have = d:covering("mention", s, e)[1]
        local name, type_ = text(d, s, e), "org"
        if have and have.start <= s and have["end"] >= e then
          name, type_ = have.name or text(d, have.start, have["end"]), have.type
        else
          -- (a place inside it is part of the name: "Athletics Kenya"; one
          -- reaching out of it leaves it alone)
          local inner, covered = d:inside("mention", s, e), 0
          for _, n in ipairs(inner) do covered = covered + (d:tokat(n["end"] - 1) - d:tokat(n.start) + 1) end
          local nt = 0
          for k = a, b do if taken[k] then nt = nt + 1 end end
          if nt == covered then
            for _, n in ipairs(inner) do d:remove(n) end
            add(d, "mention", s, e, {type = "org", name = name})
            mark(a, b)
          else
            name = nil
          end
        end
        if name then
          defined[acr] = {name = name, type = type_}
          forms[#forms + 1] = acr
          taken[o + 1] = true
        end
      end
    end
  end
  if #forms == 0 then return end
  -- the acronym written again is what the article defined it as, even
  -- where the lexicon knows it (the one in brackets too): "Economic
  -- Planning Agency (EPA)" is no Environmental Protection Agency, and
  -- "Organisation for Economic Cooperation and Development (OECD)" and
  -- "the OECD" are one
  local hits = CAPS_WORD:all(d)
  for x = 1, #hits, 2 do
    local k = hits[x]
    local def = defined[words[k]]
    if def and not taken[k] then
      add(d, "mention", tok(d, k), name_end(k), {type = def.type, name = def.name})
      taken[k] = true
    elseif def and def.type == "org" then
      local s, e = tok(d, k)
      local m = d:covering("mention", s, e)[1]
      if m and m.type == "org" and m.start == s and m["end"] == e then m.name = def.name end
    end
  end
end

-- Written as a proper noun somewhere: capitalised where a sentence does
-- not start ("..., Reagan said", "told Reagan"), not only at a sentence's
-- start ("Police said").
-- Written somewhere after a given name, an initial or a title ("Rand V.
-- Araskog ... Araskog said", "President Reagan ... Reagan said"), and never
-- followed by another capitalised word, as a company's first word is
-- ("Chemical New York Corp", "Coniston Partners").
local function proper_noun_in(text_, w)
  local at, proper = 1, false
  while true do
    local a, b = find(text_, w, at, true)
    if not a then return proper end
    if not letter(byte(text_, a - 1)) and not letter(byte(text_, b + 1)) then
      local p = a - 1
      while p >= 1 and (byte(text_, p) == 32 or byte(text_, p) == 10) do p = p - 1 end
      local c = byte(text_, p)
      -- after a capitalised word or an initial, not an owner's: "Rand V.
      -- Araskog", "President Reagan" (not "Japan's Sony", "rival Oracle")
      local owner = sub(text_, p - 1, p) == "'s" or sub(text_, p - 3, p) == "’s"
      if c and p < a - 1 and (letter(c) or c == 46) and not owner then
        local q0 = p
        while q0 > 1 and (letter(byte(text_, q0 - 1)) or byte(text_, q0 - 1) == 46) do q0 = q0 - 1 end
        local c0 = byte(text_, q0)
        if c0 and c0 >= 65 and c0 <= 90 and (q0 == 1 or byte(text_, q0 - 1) == 32) then proper = true end
      end
      local q = b + 1
      while byte(text_, q) == 32 do q = q + 1 end
      local n = byte(text_, q)
      if q > b + 1 and n and n >= 65 and n <= 90 then return false end
    end
    at = b + 1
  end
end

-- People named by surname alone as they speak: "Reagan said", "..., Zhao
-- told reporters". One capitalised word right before a speech verb that no
-- other rule took (organisations' short forms and acronyms go first),
-- written as a proper noun somewhere in the article and never as the
-- first word of a longer name, and none of a pronoun, a plural, an
-- acronym, a head, a role, a legal ending, a place, an organisation or a
-- demonym in the lexicons.
local LONE_SPEAKER = pattern{CAP, {text = {"said", "says", "told", "added"}}}
local NOT_LONE = {}
for w in ([[He She It They We I You This That These Those There Here Its His Her Their Our Another One
  Both Each Every Some Many Most All Police Everyone Nobody Someone Somebody Anyone Government Management
  Staff Congress Parliament Officials Washington Moscow Beijing London Everybody World]]):gmatch("%a+") do
  NOT_LONE[w] = true
end
local NOT_BEFORE_LONE = {the = true, a = true, an = true, at = true, of = true, ["for"] = true, with = true,
  from = true, by = true, ["in"] = true, on = true, to = true, ["&"] = true}
local function lone_speakers(d)
  local m = LONE_SPEAKER:all(d)
  for x = 1, #m, 2 do
    local k = m[x]
    local w = words[k]
    -- (not the end of a longer name: "Stock Exchange said", "Associated Press said";
    -- nor after a determiner or a preposition, "the Night told", "an analyst
    -- at Nomura told", nor a firm's "and": "Phillips and Drew said")
    local pw = k > 1 and words[k - 1]
    if not taken[k] and not heads[k] and not role_tok[k] and not honor[k] and not NOT_LONE[w] and not LEGAL[w] and
        not find(w, "[Bb]ank$") and not (k > 1 and not sent_start[k] and capword(k - 1)) and
        not (pw and not sent_start[k] and (NOT_BEFORE_LONE[pw] or (pw == "and" and k > 2 and capword(k - 2)))) and
        not OPENERS[w] and not is(d, k, "upper") and not find(w, "[^s]s$") and not find(w, "['’.]") and
        not DEMONYMS:lookup(w) and not PLACES:lookup(w) and not ORGS:lookup(w) and
        proper_noun_in(article_text(), w) then
      local s = tok(d, k)
      local e = name_end(k)
      -- (a surname linked to its full name is a mention already)
      if #d:covering("mention", s, e) == 0 then
        add(d, "mention", s, e, {type = "person", name = w})
        mark(k, k)
      end
    end
  end
end

-- Surnames by their form alone: a capitalised word no lexicon knows, never
-- next to another capitalised word nor written in lower case, with an
-- ending that Slavic, Caucasian, Balkan, Greek, Romanian or Turkish family
-- names have ("Gorbachev", "Shevardnadze", "Zelenskyy"; not "-as", too
-- common). "-in" ("Putin") only when written alone twice and owning or
-- doing something there ("Putin's plan"). Each such word is a person.
local SURNAME_ENDINGS = {"ov", "ova", "ev", "eva", "sky", "skyy", "skyi", "ski", "skiy", "enko", "chuk", "yuk",
  "yan", "dze", "shvili", "escu", "ovic", "ović", "evic", "ević", "ovich", "evich", "opoulos", "akis", "oglu",
  "oğlu", "chenko", "tsev", "kov", "kova"}
local ENDING = {}   -- ending -> true, and (byte) length -> true, for one lookup per length
for _, e in ipairs(SURNAME_ENDINGS) do ENDING[e], ENDING[#e] = true, true end
local function surname_form(w)
  local n = #w
  if n < 5 then return false end
  for len = 2, 7 do
    if ENDING[len] and len < n and ENDING[sub(w, -len)] then return true end
  end
  return false
end
-- (a word in "-in" must own something or do something: "Putin's plan", "Putin was")
local VERB_AFTER_NAME = {said = true, says = true, told = true, was = true, is = true, has = true, had = true,
  will = true, would = true, added = true, warned = true, urged = true}
-- A person named by the last words of one other person's longer name is
-- that person: "Charles Saumarez Smith ... Saumarez Smith said" (a surname
-- of two words); not when two people share those words.
local function full_names(d)
  local persons, names = {}, {}
  for m in d:each("mention") do
    if m.type == "person" and m.name and find(m.name, " ") then
      persons[#persons + 1] = m
      names[m.name] = true
    end
  end
  if #persons < 2 then return end
  local tail_of = {}
  for name in pairs(names) do
    local rest = match(name, "^%S+ (%S+ %S.*)$")   -- (the last two words or more)
    while rest do
      if tail_of[rest] == nil then tail_of[rest] = name elseif tail_of[rest] ~= name then tail_of[rest] = false end
      rest = match(rest, "^%S+ (%S+ %S.*)$")
    end
  end
  for _, m in ipairs(persons) do
    local full = tail_of[m.name]
    if full then m.name = full end
  end
end

local function surname_forms(d)
  local at = cap_tokens()
  for k in pairs(at) do
    -- (the cheap tests first: most capitalised words are taken or in a run)
    if not taken[k] and not heads[k] and not role_tok[k] and not honor[k] and
        not (at[k - 1] and not sent_start[k]) and not at[k + 1] then
      local bare = bare_word(k)
      if #bare >= 5 and (surname_form(bare) or (sub(bare, -2) == "in" and
            written_alone(k) >= 2 and (poss[k] or (k < ntok and VERB_AFTER_NAME[words[k + 1]])))) and
          find(bare, "^%u%l+$") and
          not NAMES:lookup(bare) and not DEMONYMS:lookup(bare) and not PLACES:lookup(bare) and
          not ORGS:lookup(bare) and not lower_word_in(article_text(), bare:lower()) then
        local s = tok(d, k)
        local e = s + #bare
        if #d:covering("mention", s, e) == 0 then
          add(d, "mention", s, e, {type = "person", name = bare})
          mark(k, k)
        end
      end
    end
  end
end

rule "actor.lexicons_and_names" {
  stage = "actors",
  doc = "organisations and places by lexicon; people by given name, honorific or role",
  run = function(d)
    doc, ntok = d, d:ntok()
    tok, text, lower, is, kind, add = d.tok, d.text, d.lower, d.is, d.kind, d.add
    taken, heads, suffix_head, sent_start, poss = {}, {}, {}, {}, {}
    role_end_at, role_tok, honor, headline_memo, doc_text, alone_words, cap_set = {}, {}, {}, {}, nil, nil, nil
    lex_orgs, nlex_orgs, stems, short_orgs = {}, 0, {}, {}
    words = setmetatable({}, WORDS)
    -- (the matches come as flat lists, pat:all and lex:all: a loop over one
    -- costs less than an iterator's calls)
    local m = HEAD_WORDS:all(d)
    for x = 1, #m, 2 do
      local i = m[x]
      local h = HEADS:match(d, i)
      heads[i] = h.head
      if h.suffix then suffix_head[i] = true end
    end
    m = SENT_STARTS:all(d)
    for x = 1, #m, 2 do sent_start[m[x]] = true end
    m = POSSESSIVES:all(d)
    for x = 1, #m, 2 do
      local k = m[x]
      local p = possessive(words[k])
      if p > 0 then poss[k] = p end
    end
    m = HONORIFICS:all(d)
    for x = 1, #m, 3 do honor[m[x + 1]] = m[x] end
    -- (organisations never overlap one another, and come first; a name
    -- after an honorific is a person's: "Dr Fox", not Fox News)
    m = ORGS:all(d)
    for x = 1, #m, 3 do
      local i, j, entry = m[x], m[x + 1], m[x + 2]
      -- an outlet's name with a place after it is another outlet's: "The
      -- Times of Zambia", "the Daily Star of Lebanon"
      if entry.outlet and j + 2 <= ntok and lower(d, j + 1) == "of" then
        local place, pj = PLACES:match(d, j + 2)
        if place then
          j = pj
          entry = {name = (text(d, tok(d, i), name_end(j)):gsub("^[Tt]he ", ""))}
        end
      end
      -- a place before a court names that place's court: "Manchester Crown
      -- Court", "Delhi High Court", "Pennsylvania Supreme Court" (not the
      -- US one; not after a possessive, "Kenya's High Court")
      if entry.category == "court" and i > 1 and not taken[i - 1] and not poss[i - 1] and not sent_start[i] then
        for k = i - 1, math.max(1, i - 3), -1 do
          local pe, pj = PLACES:match(d, k)
          if pe and pj == i - 1 then
            i = k
            entry = {name = text(d, tok(d, k), name_end(j)), category = "court"}
            break
          end
        end
      end
      -- a word that opens many names before a one-word alias names another
      -- body: "Christian Democrats", "Social Democrats" are no US party
      -- (not "New Labour", the party's own; nor a place, "British Columbia")
      if i > 1 and i == j and not sent_start[i] and GENERIC_FIRST[words[i - 1]] and words[i - 1] ~= "New" and
          not taken[i - 1] and capword(i - 1) and entry.name ~= words[i] and not PLACES:match(d, i - 1) then
        i = i - 1
        entry = {name = text(d, tok(d, i), name_end(j))}
      end
      -- a company named with more words after the lexicon's name is that
      -- company, ending in a head word or legal form: "UBS Securities Inc",
      -- "Credit Suisse First Boston"; with a legal form alone after it, the
      -- lexicon's ("Siemens AG", "Ford Motor Co")
      if entry.category == "company" or entry.category == "club" then
        local k, last_head = j, nil
        while k + 1 <= ntok and k < j + 5 and capword(k + 1) and not sent_start[k + 1] and not poss[k] do
          k = k + 1
          if heads[k] == "org" and (suffix_head[k] or COMPANY_TAIL[words[k]] or FIRM_HEAD[words[k]]) then last_head = k end
        end
        if last_head then
          local only_legal = true
          for t = j + 1, last_head do
            if not (suffix_head[t] or COMPANY_TAIL[words[t]]) then only_legal = false end
          end
          if not only_legal then entry = {name = text(d, tok(d, i), name_end(last_head)), category = entry.category} end
          j = last_head
        end
      end
      -- (nor a one-word name inside a longer one that a head word ends: "the
      -- Nigeria Labour Congress", "Trades Union Congress" are neither the
      -- Labour Party nor the US Congress; "US Congress" is)
      local inside = false
      if i == j and not entry.outlet and entry.category ~= "company" and entry.category ~= "club" then
        inside = (j < ntok and capword(j + 1) and not sent_start[j + 1] and not poss[j] and heads[j + 1] == "org" and
                   not suffix_head[j + 1]) or
                 (heads[i] == "org" and i > 2 and not sent_start[i] and not sent_start[i - 1] and capword(i - 1) and
                   capword(i - 2) and not OPENERS[words[i - 2]] and not taken[i - 1] and
                   not poss[i - 1] and not honor[i - 1] and not role_tok[i - 1] and not PLACES:match(d, i - 1) and
                   not DEMONYMS:lookup(words[i - 1]) and not find(words[i - 1], "%-%l"))
      end
      -- (a one-word alias that ends many names no lexicon knows, "House"
      -- in "Companies House", "Opera House" (orgs.tsv: ends_names), is the
      -- last word of that name; only a party, a place or an acronym before
      -- it leaves it the House of Representatives)
      if i == j and entry.ends_names == words[i] and i > 1 and not sent_start[i] and capword(i - 1) and not taken[i - 1] and
          not OPENERS[words[i - 1]] and not QUANTIFIER_CAP[words[i - 1]] and not role_tok[i - 1] and not poss[i - 1] and
          not (i < ntok and capword(i + 1) and not sent_start[i + 1]) and
          not PARTY_ADJ[words[i - 1]] and not DEMONYMS:lookup(words[i - 1]) and not PLACES:match(d, i - 1) and
          upper(words[i - 1]) ~= words[i - 1] then
        inside = true
        local a = i - 1
        while a > 1 and capword(a - 1) and not taken[a - 1] and not sent_start[a] and not OPENERS[words[a - 1]] and
            a > i - 3 do
          a = a - 1
        end
        if not (sent_start[a] and OPENERS[words[a]]) then
          add_lexicon_mention(a, i, {name = text(d, tok(d, a), name_end(i))}, "org")
        end
      end
      -- (nor a one-word name after a given name: "Liam Fox", "Michael
      -- Bloomberg" are people, not Fox News or Bloomberg)
      local given = i == j and i > 1 and not sent_start[i] and capword(i - 1) and NAMES:lookup(words[i - 1])
      if not inside and not (i > 1 and honor[i - 1]) and not (given and not given.word and not given.place and not taken[i - 1]) then
        add_lexicon_mention(i, j, entry, "org")
      end
    end
    -- a site named by its domain ("told Antiwar.com"): an organisation
    m = SITES:all(d)
    for x = 1, #m, 2 do
      local i = m[x]
      -- (with its legal form: "Amazon.com Inc")
      local j = i
      while j + 1 <= ntok and j < i + 2 and suffix_head[j + 1] do j = j + 1 end
      if not taken[i] then add_lexicon_mention(i, j, {name = words[i]}, "org") end
    end
    -- places are looked up before people so that "North Korea" (North is
    -- a given name) is not taken for a person; they are added after them
    local place_at, nplaces = {}, 0
    place_end, place_entry = {}, {}
    m = PLACES:all(d)
    for x = 1, #m, 3 do
      local i = m[x]
      nplaces = nplaces + 1
      place_at[nplaces] = i
      place_end[i] = m[x + 1]
      place_entry[i] = m[x + 2]
    end
    -- roles first, so a role word is not taken for part of a name
    m = ROLES:all(d)
    for x = 1, #m, 3 do
      local i, j = m[x], m[x + 1]
      -- (a role ending its sentence or headline comes before no name:
      -- "Vodafone appoints new Japan boss" / "Vodafone has drafted ...")
      -- (a rank that is also an adjective is one only as a title before a
      -- full name: "Major Tim Peake", not "a major European bank", "General
      -- Accident fell")
      -- (but part of a longer role: "Director General", "Secretary General")
      local adjective = i == j and ADJECTIVE_RANK[lower(d, i)] and not (i > 1 and role_tok[i - 1]) and
        not (is(d, i, "title") and i + 2 <= ntok and capword(i + 1) and capword(i + 2) and not sent_start[i + 2])
      if not adjective then
        -- (a role's possessive names no one after it: "Prime Minister's Questions")
        -- (nor an award's category: "the best actress Oscar")
        if not sent_start[j + 1] and not poss[j] and not (i > 1 and lower(d, i - 1) == "best") then
          role_end_at[j] = i
        end
        for k = i, j do role_tok[k] = true end
      end
    end
    -- people: runs of capitalised words
    upto, people, npeople, firms, nfirms, lone_people, nlone_people = 0, {}, 0, {}, 0, {}, 0
    people_by_surname = {}
    relatives = {}
    -- the chains of capitalised words (a particle in one is lower-case)
    iscap = {}
    local chains = CHAINS:all(d)
    for x = 1, #chains, 2 do
      for k = chains[x], chains[x + 1] do
        local c = byte(words[k], 1)
        if c < 97 or c > 122 then iscap[k] = true end
      end
    end
    described_orgs(d)
    role_owners(d)
    body_owners(d)
    firm_stems(d, lex_orgs, nlex_orgs)
    -- A capitalised word alone (in no chain) is a run of one word, which
    -- names something only with an org head word ("Council" of Europe) or
    -- after an honorific or a role ("spokesman Peskov"): these are visited
    -- too, in the text's order with the chains.
    local lone, nlone = {}, 0
    for k, h in pairs(heads) do
      if h == "org" then nlone = nlone + 1; lone[nlone] = k end
    end
    for j in pairs(role_end_at) do nlone = nlone + 1; lone[nlone] = j + 1 end
    for j in pairs(honor) do nlone = nlone + 1; lone[nlone] = j + 1 end
    m = ARABIC_FAMILY:all(d)
    for x = 1, #m, 2 do nlone = nlone + 1; lone[nlone] = m[x] end
    local n = 0
    for x = 1, nlone do
      local k = lone[x]
      if iscap[k] or (k <= ntok and CAP_WORD:match(d, k)) then
        iscap[k] = true
        n = n + 1
        lone[n] = k
      end
    end
    for x = n + 1, nlone do lone[x] = nil end
    table.sort(lone)
    local li = 1
    for x = 1, #chains, 2 do
      local a = chains[x]
      while li <= n and lone[li] < a do visit(lone[li]); li = li + 1 end
      for k = a, chains[x + 1] do
        if iscap[k] then visit(k) end
      end
    end
    while li <= n do visit(lone[li]); li = li + 1 end
    -- surnames alone: the last word of a person named earlier (by this
    -- rule: the list above, rather than a walk over the mention layer).
    -- Of several people with one surname, the first named: news names the
    -- person the story is about first and a relative by full name
    -- ("Ted Cruz ... his wife, Heidi Cruz ... Cruz said").
    local by_last, by_first = {}, {}
    for x = 1, npeople do
      local name = people[x]
      local last = match(name, "(%S+)$")
      if last and last ~= name and not by_last[last] then by_last[last] = name end
    end
    -- (a word inside a name of four words or more, no particle, names the
    -- person alone too: "Luiz Inacio Lula da Silva ... Lula said")
    for x = 1, npeople do
      local name = people[x]
      local n, parts = 0, {}
      for w in name:gmatch("%S+") do n = n + 1; parts[n] = w end
      if n >= 4 then
        for y = 2, n - 1 do
          local w = parts[y]
          if find(w, "^%u%l%l%l+$") and not by_last[w] and not PARTICLES[w:lower()] and
              not ROLES:lookup(w) and not HEADS:lookup(w) and not DEMONYMS:lookup(w) and not PLACES:lookup(w) and
              not ROLES:lookup(parts[y + 1]) and not ROLES:lookup(parts[y - 1]) then
            by_last[w] = name
          end
        end
      end
    end
    for x = 1, npeople do
      local name = people[x]
      local given = match(name, "^(%S+)%s")
      if given then
        local had = by_first[given]
        if had == nil then by_first[given] = name elseif had ~= name then by_first[given] = false end
      end
    end
    -- a short first word no given name is a family name written first, and
    -- names the person alone too: "Xi Jinping ... Xi warns", "Li Qiang ... Li"
    for x = 1, npeople do
      local name = people[x]
      local fam, rest = match(name, "^(%u%l%l?%l?)%s(%S.*)$")
      -- (a Korean given name of two syllables joined by a hyphen follows a
      -- family name that may be a given name elsewhere: "Lee Jae-myung ... Lee")
      local korean = rest and find(rest, "^%u%l+%-%l+$") ~= nil
      if fam and not by_last[fam] and (korean or not NAMES:lookup(fam)) and not find(rest, "%s%S+%s") and
          by_first[fam] == name and not NOT_GIVEN[fam] and not OPENERS[fam] and
          not lower_word_in(article_text(), fam:lower()) then
        by_last[fam] = name
      end
      -- (and a longer first word no lexicon knows that the article writes
      -- alone names the person too, as Thai and Indonesian news names
      -- people by the given name: "Srettha Thavisin ... Srettha told")
      local first = not fam and match(name, "^(%u%l%l%l%l+)%s%u%S+$")
      if first and not by_last[first] and by_first[first] == name and not NAMES:lookup(first) and
          not NOT_GIVEN[first] and not PLACES:lookup(first) and not ORGS:lookup(first) and
          not DEMONYMS:lookup(first) and written_alone_word(first) > 0 and
          not lower_word_in(article_text(), first:lower()) then
        by_last[first] = name
      end
    end
    firm_stems(d, firms, nfirms)
    -- (a place that is a named person's surname is that person: "Brad
    -- Gilbert ... Gilbert said" is no Gilbert Islands)
    for x = 1, nplaces do
      local i = place_at[x]
      local j, entry = place_end[i], place_entry[i]
      if free(i, j) and place_ok(i, j, entry) and not (i == j and entry.ambiguous == "person" and by_last[words[i]]) then
        add_lexicon_mention(i, j, entry, "place")
      end
    end
    -- a person first named by surname alone ("coach Gilbert") is the one
    -- named in full
    -- (not across genders: "Mr Quinn" is not Kimberly Quinn)
    -- (and when one is, the surname names two people: "President Obama ...
    -- Mr. Obama ... the first lady, Michelle Obama": the surname alone is
    -- the man, not her)
    local function gender_of(full)
      local first = full and match(full, "^(%S+)")
      local given = first and (NAMES:lookup(first) or RARE_NAMES:lookup(first))
      return given and given.gender
    end
    -- (no one named in full with the surname has the lone one's gender:
    -- "Ted Cruz ... Heidi Cruz ... Mrs. Cruz" is her)
    local shared = {}
    for x = 1, nlone_people, 2 do
      local f, g = lone_people[x], lone_people[x + 1]
      local fg = g and gender_of(by_last[f.name])
      if fg and fg ~= g and shared[f.name] == nil then
        shared[f.name] = true
        for y = 1, npeople do
          local name = people[y]
          if match(name, "(%S+)$") == f.name and name ~= f.name and gender_of(name) ~= fg then shared[f.name] = false end
        end
      end
    end
    -- an organisation's short form that is the surname of a person named
    -- in full, when the organisation is never named in full: "Liam Fox ...
    -- Fox said" is no Fox News
    for w, list in pairs(short_orgs) do
      local full = by_last[w]
      if full and not lower_word_in(article_text(), list[1].name) then
        for _, f in ipairs(list) do f.type, f.name = "person", full end
      end
    end
    for last, yes in pairs(shared) do
      if not yes then shared[last] = nil end
    end
    for x = 1, nlone_people, 2 do
      local f, g = lone_people[x], lone_people[x + 1]
      local full = not shared[f.name] and
        ((f._given and by_first[f.name]) or by_last[f.name] or (f._titled and by_first[f.name])) or nil
      local fg = gender_of(full)
      if full and g and fg and fg ~= g then
        -- (another named in full with the surname and that gender: "Ted Cruz
        -- ... his wife, Heidi Cruz ... Mrs. Cruz")
        full = nil
        for y = 1, npeople do
          local name = people[y]
          if match(name, "(%S+)$") == f.name and name ~= f.name and gender_of(name) == g then
            full = name
            break
          end
        end
      end
      if full then f.name = full end
    end
    for last in pairs(shared) do by_last[last] = last end
    if next(by_last) then
      -- The candidates: capitalised words written as a surname, maybe with
      -- a possessive ending, found by a pattern made for this doc. (A
      -- surname that starts with no ASCII capital or that tokenizes by its
      -- context, with a dot, "&", "@" or an apostrophe at its end, falls
      -- back to every capitalised word.)
      local forms, nforms, candidates = {}, 0, nil
      for last in pairs(by_last) do
        if not find(last, "^[A-Z]") or find(last, "[.&@]") or possessive(last) > 0 then
          candidates = CAP_WORD
          break
        end
        forms[nforms + 1], forms[nforms + 2], forms[nforms + 3] = last, last .. "'s", last .. "'"
        nforms = nforms + 3
      end
      candidates = candidates or pattern{{kind = "word", title = true, text = forms}}
      m = candidates:all(d)
      for x = 1, #m, 2 do
        local k = m[x]
        if not taken[k] then
          local w = words[k]
          local full = by_last[w]
          if not full then
            local p = possessive(w)
            if p > 0 then full = by_last[sub(w, 1, #w - p)] end
          end
          if full then
            local s = tok(d, k)
            local e = name_end(k)
            if by_last[text(d, s, e)] then add(d, "mention", s, e, {type = "person", name = full}) end
          end
        end
      end
    end
    acronyms(d)
    short_names(d)
    lone_speakers(d)
    surname_forms(d)
    full_names(d)
    doc, words, iscap, people, firms, lone_people = nil, nil, nil, nil, nil, nil
  end,
  examples = {
    ["Kremlin spokesman Dmitry Peskov said so."] = {mention = {{text = "Kremlin", type = "org"}, {text = "Dmitry Peskov", type = "person"}}},
    -- a role after an organisation's head word starts a person's name; "X and Y Committee"
    ["House Ways and Means Committee Chairman Dan Rostenkowski spoke."] = {mention = {
      {text = "Ways and Means Committee", type = "org"}, {text = "Dan Rostenkowski", type = "person"}}},
    ["Environmental Audit Committee Peter Ainsworth spoke."] = {mention = {
      {text = "Environmental Audit Committee", type = "org"}, {text = "Peter Ainsworth", type = "person"}}},
    ["Ford and General Motors fell."] = {mention = {{text = "General Motors", type = "org"}}},
    -- a department before a capitalised role is part of it; another word is none
    ["Agriculture Secretary Richard Lyng spoke. Like President Obama, he won."] = {mention = {
      {text = "Richard Lyng", roles = {"Agriculture Secretary"}}, {text = "Obama", roles = {"President"}}}},
    -- a legal ending after a comma
    ["Ashland Oil, Inc. chairman John Hall spoke. Ashland Oil fell."] = {mention = {
      {text = "Ashland Oil, Inc.", type = "org"}, {text = "John Hall", type = "person"},
      {text = "Ashland Oil", type = "org", name = "Ashland Oil, Inc."}}},
    -- a company's short form: no city, no second organisation
    ["Kawasaki Steel Corp rose. Later Kawasaki Steel fell, and Royal Bank of Canada gained. Royal Bank said so."] = {mention = {
      {text = "Kawasaki Steel Corp", type = "org"}, {text = "Kawasaki Steel", type = "org", name = "Kawasaki Steel Corp"},
      {text = "Royal Bank of Canada", type = "org"}, {text = "Royal Bank", type = "org", name = "Royal Bank of Canada"}}},
    -- a sports club by its last word; not a place's first word
    ["Leeds United beat Blackburn Rovers. The United States objected."] = {mention = {
      {text = "Leeds United", type = "org"}, {text = "Blackburn Rovers", type = "org"}, {text = "United States", type = "place"}}},
    -- without its trade or group word too, though a given name opens it
    ["The fleet was sold to Lex Vehicle Leasing Ltd for cash. Lex Vehicle is owned by two banks."] = {mention = {
      {text = "Lex Vehicle Leasing Ltd", type = "org"}, {text = "Lex Vehicle", type = "org", name = "Lex Vehicle Leasing Ltd"}}},
    -- a legal form with its full stop ends a name
    ["It bought Sears Motor Group Ltd. Sears Motor had lost money."] = {mention = {
      {text = "Sears Motor Group Ltd.", type = "org"}, {text = "Sears Motor", type = "org", name = "Sears Motor Group Ltd."}}},
    ["The Public and Commercial Services Union objected."] = {mention = {
      {text = "Public and Commercial Services Union", type = "org"}}},
    -- a plan, like a treaty, names no actor
    ["On the anniversary of the Marshall Plan, Reagan spoke."] = {mention = {}},
    -- a headline's capitals make no name by a head word or a title alone
    ["Clinton Speaks To Voters After Latest Police Shooting\n\nShe spoke on Tuesday."] = {mention = {}},
    ["Clinton Hid Problems From Public, Former White House Doctor Says\n\nSecrecy is not new."] = {mention = {
      {text = "White House", type = "org"}}},
    -- a place before a title, a surname after one
    ["Florida Rep. Debbie Wasserman Schultz stepped down."] = {mention = {
      {text = "Florida", type = "place"}, {text = "Debbie Wasserman Schultz", type = "person"}}},
    ["South Korean President Park Geun-hye spoke."] = {mention = {{text = "Park Geun-hye", type = "person"}}},
    -- police ranks are roles, not names
    ["Assistant Chief Constable David Warcup said so."] = {mention = {{text = "David Warcup", type = "person"}}},
    -- a surname alone is the person named in full, before or after, not a place
    ["Roddick splits from coach Gilbert. He had hired Brad Gilbert in 2003. Gilbert said so."] = {mention = {
      {text = "Gilbert", name = "Brad Gilbert", type = "person"}, {text = "Brad Gilbert"},
      {text = "Gilbert", name = "Brad Gilbert", type = "person"}}},
    ["Kimberly Quinn left. Mr Quinn stayed."] = {mention = {{text = "Kimberly Quinn"}, {text = "Quinn", name = "Quinn"}}},
    -- a name with its initials after it, and the initials alone
    ["Athletics Kenya (AK) had banned her. AK chief Isaiah Kiplagat said so."] = {mention = {
      {text = "Athletics Kenya", type = "org"}, {text = "AK", name = "Athletics Kenya", type = "org"}}},
    -- a firm by its first word, once named in full
    ["Lex Service Plc bought it. Lex said so, and Lex Vehicle agreed."] = {mention = {
      {text = "Lex Service Plc", type = "org"}, {text = "Lex", name = "Lex Service Plc", type = "org"}}},
    -- a one-word name the lexicon knows inside a longer one a head word ends is no name of its own
    ["The Nigeria Labour Congress and the Trades Union Congress wrote to the US Congress."] = {mention = {
      {text = "Nigeria Labour Congress", type = "org"}, {text = "Trades Union Congress", type = "org"},
      {text = "US Congress", name = "Congress", type = "org"}}},
    -- (and named so before it: "Tech firm Brightwave ... Brightwave Inc")
    ["Tech firm Brightwave will cut jobs. Brightwave Inc said so."] = {mention = {
      {text = "Brightwave", name = "Brightwave Inc", type = "org"}, {text = "Brightwave Inc", type = "org"}}},
    ["West Texas Intermediate rose, and Royal Dutch fell."] = {mention = {{text = "Texas", type = "place"}}},
    ["The show opened in the West End."] = {mention = {}},
    -- roles in apposition, up to the comma, and before the name with what they are of
    ["Konstantin Kosachev, chairman of the Federation Council committee, said so. Kerr Putney, the police chief, spoke."] = {mention = {
      {text = "Konstantin Kosachev", type = "person", roles = {"chairman of the Federation Council committee"}},
      {text = "Federation Council", type = "org"},
      {text = "Kerr Putney", type = "person", roles = {"police chief"}}}},
    ["Five people were hurt, the regional governor, Vyacheslav Gladkov, said."] = {mention = {
      {text = "Vyacheslav Gladkov", type = "person", roles = {"regional governor"}}}},
    ["The mayor of Leeds, Jane Brown, agreed."] = {mention = {
      {text = "Leeds", type = "place"}, {text = "Jane Brown", type = "person", roles = {"mayor of Leeds"}}}},
    ["Lucie Roesch, the prefect of Aude, spoke. Campaigner Jo Bloggs agreed."] = {mention = {
      {text = "Lucie Roesch", type = "person", roles = {"prefect of Aude"}}, {text = "Aude", type = "place"},
      {text = "Jo Bloggs", type = "person", roles = {"Campaigner"}}}},
    ["The former UK ambassador to Ukraine Sir Tony Brenton spoke. Adolfo Hegewisch, Mexico's Undersecretary for Commerce, agreed."] = {mention = {
      {text = "UK", type = "place"}, {text = "Ukraine", type = "place"},
      {text = "Tony Brenton", type = "person", roles = {"former UK ambassador to Ukraine"}},
      {text = "Adolfo Hegewisch", type = "person", roles = {"Mexico's Undersecretary for Commerce"}},
      {text = "Mexico", type = "place"}}},
    -- a one-word owner before a role in lower case; a role ending a headline precedes no name
    ["Arsenal boss Arsene Wenger says he has no plans. Liberal Democrat leader Charles Kennedy agreed."] = {mention = {
      {text = "Arsene Wenger", type = "person", roles = {"Arsenal boss"}},
      {text = "Charles Kennedy", type = "person", roles = {"leader"}}}},
    ["Mobile giant appoints new boss\n\nZentrix has drafted in more staff for the launch."] = {mention = {}},
    ["Later, BP will not raise its offer for Standard Oil Co, BP Managing Director David Simon said."] = {mention = {
      {text = "David Simon", type = "person", roles = {"BP Managing Director"}}}},
    ["The release of Asif Zardari, former Prime Minister Benazir Bhutto's husband, eased tensions."] = {mention = {
      {text = "Asif Zardari", type = "person"}, {text = "Benazir Bhutto", type = "person", roles = {"former Prime Minister"}}}},
    ["Keir Starmer has said Britain is ready. Sir Keir is due to meet Trump next week."] = {mention = {
      {text = "Keir Starmer", type = "person"}, {text = "Keir", type = "person", name = "Keir Starmer"}}},
    ["Later, U.S. District Judge Susan Illston wrote that the plan was unlawful."] = {mention = {
      {text = "U.S.", type = "place"}, {text = "Susan Illston", type = "person", roles = {"U.S. District Judge"}}}},
    -- a name defined by its acronym, with a particle's initial too; the definition wins over the lexicon
    ["Later, Electricite de France (EDF) said it would cut output. EDF shares fell."] = {mention = {
      {text = "Electricite de France", type = "org"}, {text = "EDF", type = "org", name = "Electricite de France"}}},
    ["Later, Japan's Economic Planning Agency (EPA) said growth slowed. The EPA also said prices fell."] = {mention = {
      {text = "Economic Planning Agency", type = "org"}, {text = "EPA", type = "org", name = "Economic Planning Agency"}}},
    ["Later, Sociedad Espanola de Automoviles de Turismo (SEAT) said so."] = {mention = {
      {text = "Sociedad Espanola de Automoviles de Turismo", type = "org"}}},
    ["Later, the Organisation for Economic Cooperation and Development (OECD) agreed. The OECD said so."] = {mention = {
      {text = "Organisation for Economic Cooperation and Development", type = "org"},
      {text = "OECD", type = "org", name = "Organisation for Economic Cooperation and Development"}}},
    -- a surname alone as it speaks, written as a proper noun (not "Police said")
    ["The talks with Ronald W. Reagan were useful, Reagan said. Police said the road was closed."] = {mention = {
      {text = "Reagan", type = "person"}}},
    ["Ties with Kosmas Dauster were good, Dauster said. Japan's Sony rose. The deal was fine, Sony said."] = {mention = {
      {text = "Dauster", type = "person"}}},
    ["Shares in Oracle rose on the news. The deal was fine, Oracle said."] = {mention = {}},
    ["The road was closed. Police said so. Officials said it was shut."] = {mention = {}},
    ["Later, an analyst at Nomura told the BBC and brokers Phillips and Drew said it was fine."] = {mention = {
      {text = "BBC", type = "org"}}},
    ["The Conservative leader, Kemi Badenoch, said her party would support it."] = {mention = {
      {text = "Kemi Badenoch", type = "person", roles = {"Conservative leader"}}}},
    ["Later, Ukraine's foreign minister, Andrii Sybiha, said Moscow was playing games."] = {mention = {
      {text = "Andrii Sybiha", type = "person", roles = {"Ukraine's foreign minister"}}}},
    ["Later, Foreign ministry spokeswoman Maria Zakharova called the plan a provocation."] = {mention = {
      {text = "Maria Zakharova", type = "person", roles = {"Foreign ministry spokeswoman"}}}},
    -- more nouns that introduce a firm; an acronym before a capitalised role owns it
    ["Later, brokerage Merrill Lynch said so. Later, Jeremy Dear, NUJ General Secretary, agreed."] = {mention = {
      {text = "Merrill Lynch", type = "org"}, {text = "Jeremy Dear", type = "person", roles = {"NUJ General Secretary"}}}},
    ["Later, Guven Ergenc, Secretary General of the Turkish General Staff, spoke. The Joint Chiefs of Staff met."] = {mention = {
      {text = "Turkish General Staff", type = "org"}, {text = "Joint Chiefs of Staff", type = "org"}}},
    -- heads for museums, libraries, theatres; a day after "on" is no part of the name
    ["Visitors to the British Library and the Science Museum rose. It opens at the Ethel Barrymore Theatre on Thursday."] = {mention = {
      {text = "British Library", type = "org"}, {text = "Science Museum", type = "org"},
      {text = "Ethel Barrymore Theatre", type = "org"}}},
    -- (no role from a list, a plural or a verb after the comma)
    ["The visit by Yasuhiro Nakasone, a Treasury spokesman said, was not the reason."] = {mention = {
      {text = "Yasuhiro Nakasone", type = "person", roles = false}, {text = "Treasury", type = "org"}}},
    ["Tokyo Electric Power, analysts said, will gain. Later that night, John Smith, Green Day, the Foo Fighters and U2 played."] = {mention = {
      {text = "Tokyo Electric Power", type = "org"}, {text = "John Smith", type = "person", roles = false}}},
    -- a name with a role in apposition, though its given name is unknown
    ["Domestic demand is weak, said Johsen Takahashi, chief economist at the institute."] = {mention = {
      {text = "Johsen Takahashi", type = "person"}}},
    -- one word after a plural role is a body ("analysts Gartner"), unless it speaks
    ["It grew 26%, according to analysts Gartner. British officials Lawson told reporters so."] = {mention = {
      {text = "Gartner", type = "org"}}},
    -- a surname by its form alone; one in "-in" when it owns or does something, twice
    ["Talks with Shevardnadze went on. Putin’s plan was not derailed, and sources said Putin was open to a deal."] = {mention = {
      {text = "Shevardnadze", type = "person"}, {text = "Putin", type = "person"}, {text = "Putin", type = "person"}}},
    -- a word that opens many names before a one-word alias names another body
    ["Friedrich Merz of the Christian Democrats met US Democrats."] = {mention = {
      {text = "Christian Democrats", type = "org", name = "Christian Democrats"},
      {text = "Democrats", type = "org", name = "Democratic Party"}}},
    -- two particles inside a name
    ["Ursula von der Leyen and Edwin van der Sar spoke."] = {mention = {
      {text = "Ursula von der Leyen", type = "person"}, {text = "Edwin van der Sar", type = "person"}}},
    -- "House" after another name's word ends that name
    ["He works at Companies House in Cardiff. The House voted."] = {mention = {
      {text = "Companies House", type = "org", name = "Companies House"}, {text = "Cardiff", type = "place"},
      {text = "House", type = "org", name = "House of Representatives"}}},
    -- a place's own court
    ["He was tried at Manchester Crown Court. The Pennsylvania Supreme Court and the Supreme Court ruled."] = {mention = {
      {text = "Manchester Crown Court", type = "org", name = "Manchester Crown Court"},
      {text = "Pennsylvania Supreme Court", type = "org", name = "Pennsylvania Supreme Court"},
      {text = "Supreme Court", type = "org", name = "Supreme Court"}}},
    ["Police were called to Leeds General Infirmary and the Mayo Clinic."] = {mention = {
      {text = "Leeds General Infirmary", type = "org"}, {text = "Mayo Clinic", type = "org"}}},
    -- a smaller city of several words is known too
    ["The attack in Santa Monica shocked Palo Alto."] = {mention = {
      {text = "Santa Monica", type = "place"}, {text = "Palo Alto", type = "place"}}},
    -- an airport is a place, though a given name opens it
    ["Flights from Ben Gurion Airport and Heathrow Airport resumed."] = {mention = {
      {text = "Ben Gurion Airport", type = "place"}, {text = "Heathrow Airport", type = "place"}}},
    -- a later head word wins over a thing's word
    ["Kinngai Chan, an analyst at Summit Insights Group, agreed. The Paris Agreement held."] = {mention = {
      {text = "Kinngai Chan", type = "person"}, {text = "Summit Insights Group", type = "org"}, {text = "Paris", type = "place"}}},
    -- a grade of oil is no place
    ["Brent crude rose, and U.S. crude fell in Brent."] = {mention = {
      {text = "U.S.", type = "place"}, {text = "Brent", type = "place"}}},
    -- a unit or division named after its noun
    ["Gazprom lost its oil production unit Yuganskneftegas."] = {mention = {
      {text = "Gazprom", type = "org"}, {text = "Yuganskneftegas", type = "org"}}},
    -- arts and sports roles; an award's category is none
    ["Rapper Snoop Dogg and footballer Bukayo Saka spoke. Imelda Staunton may win the best actress Oscar."] = {mention = {
      {text = "Snoop Dogg", type = "person", roles = {"Rapper"}}, {text = "Bukayo Saka", type = "person", roles = {"footballer"}},
      {text = "Imelda Staunton", type = "person"}}},
    -- a capitalised preposition opens no person's name
    ["Lawyers Against Hate said so."] = {mention = {}},
    ["Paolo di Canio and Erik ten Hag spoke."] = {mention = {
      {text = "Paolo di Canio", type = "person"}, {text = "Erik ten Hag", type = "person"}}},
    -- a rank that is also an adjective is a title only before a full name
    ["A major European bank and General Accident fell; Major Tim Peake and OPEC Secretary General Fadhil Chalabi spoke."] = {mention = {
      {text = "Tim Peake", type = "person"}, {text = "Fadhil Chalabi", type = "person"}}},
    -- a family name written first names the person alone too
    ["Chinese Premier Zhao Ziyang spoke on Monday. Zhao said reform would go on."] = {mention = {
      {text = "Zhao Ziyang", type = "person"}, {text = "Zhao", type = "person", name = "Zhao Ziyang"}}},
    -- a title before a family name written first: "Mr Li" is Li Qiang
    ["Premier Li Qiang spoke on Wednesday. Mr Li said growth would slow."] = {mention = {
      {text = "Li Qiang", type = "person", name = "Li Qiang"}, {text = "Li", type = "person", name = "Li Qiang"}}},
    -- police ranks as British news writes them; an owner pronoun opens a role in apposition;
    -- two places sharing a force
    ["The union met. Its general secretary, Matt Wrack, and Det Insp Mark Jeffries of Devon and Cornwall Police spoke."] = {mention = {
      {text = "Matt Wrack", type = "person", roles = {"general secretary"}},
      {text = "Mark Jeffries", type = "person", roles = {"Det Insp"}},
      {text = "Devon and Cornwall Police", type = "org"}}},
    -- a state's abbreviation after a city and a comma, not alone
    ["“Mo is Mo,” he said. He lives in Kansas City, Mo., now."] = {mention = {
      {text = "Kansas City", type = "place"}, {text = "Mo.", name = "Missouri", type = "place"}}},
    -- parties of the countries most in the news, by name and initials
    ["The AfD came second; the Alternative for Germany beat the SPD, and Japan's ruling LDP lost."] = {mention = {
      {text = "AfD", name = "Alternative for Germany", type = "org"},
      {text = "Alternative for Germany", type = "org"},
      {text = "SPD", name = "Social Democratic Party of Germany", type = "org"},
      {text = "LDP", name = "Liberal Democratic Party", type = "org"}}},
    -- the last words of one other person's longer name are that person
    ["Robert De Niro stars in the film. De Niro said it was fun."] = {mention = {
      {text = "Robert De Niro", type = "person"}, {text = "De Niro", name = "Robert De Niro", type = "person"}}},
    -- a word inside a long name names the person alone too
    ["Brazilian President Luiz Inacio Lula da Silva had surgery. Lula is recovering, doctors said."] = {mention = {
      {text = "Luiz Inacio Lula da Silva", type = "person"}, {text = "Lula", name = "Luiz Inacio Lula da Silva", type = "person"}}},
    -- adverbs that open sentences open no name
    ["Even Denzel Washington came. Only Prime Cabinet Secretary Musalia Mudavadi was spared."] = {mention = {
      {text = "Denzel Washington", type = "person"}}},
    -- one capitalised word between "the" and a noun for a body names it (not someone's surname)
    ["Drivers will strike, the Aslef union said. Sumner Redstone spoke for the Redstone group."] = {mention = {
      {text = "Aslef", type = "org"}, {text = "Sumner Redstone", type = "person"}, {text = "Redstone", type = "person"}}},
    -- a role's modifier is in its sentence, not a title line's last word
    ["Fire in Southern California\n\nGov. Gavin Newsom declared an emergency, according to Cal Fire."] = {mention = {
      {text = "California", type = "place"}, {text = "Gavin Newsom", type = "person", roles = {"Gov."}}}},
    -- a partnership's "and Co" is in its name
    ["Paul Spedding of stockbroker Kleinwort Grieveson and Co spoke, as did Harris Upham and Co on Monday."] = {mention = {
      {text = "Paul Spedding", type = "person"}, {text = "Kleinwort Grieveson and Co", type = "org"},
      {text = "Harris Upham and Co", type = "org"}}},
    -- a noun that introduces an organisation ("trade body", "provider", "union")
    ["Deals will end, according to trade body UK Finance. Data provider Kpler agreed."] = {mention = {
      {text = "UK Finance", type = "org"}, {text = "Kpler", type = "org"}}},
    -- "to" and a verb in a body's name
    ["The Committee to Protect Journalists and the Alliance to Reclaim Our Schools said so."] = {mention = {
      {text = "Committee to Protect Journalists", type = "org"}, {text = "Alliance to Reclaim Our Schools", type = "org"}}},
    -- a saint's possessive is inside a name
    ["She worked at St James's University Hospital and St Thomas' Hospital."] = {mention = {
      {text = "St James's University Hospital", type = "org"}, {text = "St Thomas' Hospital", type = "org"}}},
    -- a rare given name (names_rare.yaml) opens a name; it does not stop a company's
    -- short form ("Toshiba" is one)
    ["Walter Smith met Arjen Robben. Toshiba Corp said on Friday that Toshiba would grow."] = {mention = {
      {text = "Walter Smith", type = "person"}, {text = "Arjen Robben", type = "person"},
      {text = "Toshiba Corp", type = "org"}, {text = "Toshiba", name = "Toshiba Corp", type = "org"}}},
    -- a given name that is also a word opens a name before a surname that is
    -- also a place, when the place is known as a surname too
    ["Peter Jackson made a new film."] = {mention = {{text = "Peter Jackson", type = "person"}}},
    -- two words whose last is written alone elsewhere are a person, no given name being known;
    -- a given name that is also a word opens a sentence's name when the article never writes it
    -- in lower case
    ["Bukayo Saka scored twice. Saka, 23, was happy, and Saka said so. Tony Blair agreed."] = {mention = {
      {text = "Bukayo Saka", type = "person"}, {text = "Saka", type = "person"}, {text = "Saka", type = "person"},
      {text = "Tony Blair", type = "person"}}},
    -- a surname the article gives two people: a man by title alone is not the woman named in full
    ["President Obama spoke. Mr. Obama said so, with the first lady, Michelle Obama. Obama left."] = {mention = {
      {text = "Obama", name = "Obama"}, {text = "Obama", name = "Obama"}, {text = "Michelle Obama", name = "Michelle Obama"},
      {text = "Obama", name = "Obama"}}},
    -- "Tory" is the party, before a role; a given name before an outlet's short form is a person
    ["Tory MP Jonathan Sayeed quit. Tory co-chairman Liam Fox agreed. Fox said so."] = {mention = {
      {text = "Tory", name = "Conservative Party"}, {text = "Jonathan Sayeed", type = "person"},
      {text = "Tory", name = "Conservative Party"}, {text = "Liam Fox", type = "person"},
      {text = "Fox", name = "Liam Fox"}}},
    -- a company's legal form ends its name, after an org head too; not a county's "Co"
    ["Ford Motor Co and General Electric Co rose. Warner Lambert Co fell. He lives in Co. Durham."] = {mention = {
      {text = "Ford Motor Co", type = "org"}, {text = "General Electric Co", type = "org"},
      {text = "Warner Lambert Co", type = "org"}, {text = "Durham", type = "place"}}},
    -- words that end names of things end no person's
    ["Watch: President Obama Speech at the dinner. Apple launched the Mac Mini on April Three, and the Mac Studio."] = {mention = {
      {text = "Obama", type = "person"}, {text = "Apple", type = "org"}}},
    -- an article's title line in title case runs on past a name
    ["Elizabeth Warren Hammers Wells Fargo CEO: You Should Be Investigated\n\nSen. Elizabeth Warren spoke."] = {mention = {
      {text = "Elizabeth Warren", type = "person"}, {text = "Wells Fargo", type = "org"}, {text = "Elizabeth Warren", type = "person"}}},
    -- a given name no lexicon knows, written alone, names the person; a relative in apposition
    ["Prime Minister Srettha Thavisin was dismissed. Srettha told reporters he was sorry. Paetongtarn Shinawatra, the 37-year-old daughter of former premier Thaksin Shinawatra, may succeed him."] = {mention = {
      {text = "Srettha Thavisin", type = "person"}, {text = "Srettha", name = "Srettha Thavisin"},
      {text = "Paetongtarn Shinawatra", type = "person"}, {text = "Thaksin Shinawatra", type = "person"}}},
    -- companies and clubs the lexicon knows; a group company's longer name is its own,
    -- a legal form after the name the lexicon's
    ["Real Madrid beat Bayern Munich. Man Utd lost. Wells Fargo Bank and UBS Securities Inc agreed. Ford Motor Co rose."] = {mention = {
      {text = "Real Madrid", type = "org"}, {text = "Bayern Munich", type = "org"}, {text = "Man Utd", name = "Manchester United"},
      {text = "Wells Fargo Bank", name = "Wells Fargo Bank"}, {text = "UBS Securities Inc", name = "UBS Securities Inc"},
      {text = "Ford Motor Co", name = "Ford Motor"}}},
    -- "Motor" ends a company's name, which names it by its first word later
    ["Mazda Motor said it would cut 9,000 jobs. Shares in Mazda fell."] = {mention = {
      {text = "Mazda Motor", type = "org"}, {text = "Mazda", name = "Mazda Motor"}}},
    -- places whose official names carry marks news leaves off
    ["Floods hit Himachal Pradesh and Rajasthan, Chief Minister Sukhvinder Singh Sukhu said."] = {mention = {
      {text = "Himachal Pradesh", type = "place", name = "Himachal Pradesh"}, {text = "Rajasthan", type = "place", name = "Rajasthan"},
      {text = "Sukhvinder Singh Sukhu", type = "person", roles = {"Chief Minister"}}}},
    -- a Korean family name alone is the person, though it is a given name elsewhere
    ["Liberal candidate Lee Jae-myung won. Lee, 61, thanked voters."] = {mention = {
      {text = "Lee Jae-myung", type = "person"}, {text = "Lee", name = "Lee Jae-myung"}}},
    -- broadcasters and newspapers by their head word; a question's auxiliary opens no name
    ["Mikel Arteta told Sky Sports and Radio Five Live it was good. Have Radio 2 listeners heard of it?"] = {mention = {
      {text = "Mikel Arteta", type = "person"}, {text = "Sky Sports", type = "org"}, {text = "Radio Five Live", type = "org"}}},
    -- an Arabic article joined by a hyphen ends a name; a role with "a" in apposition; a list is no apposition
    ["Qatar's foreign ministry spokesman, Majed al-Ansari, spoke. Ahmed el-Tayeb agreed."] = {mention = {
      {text = "Qatar", type = "place"}, {text = "Majed al-Ansari", type = "person", roles = {"Qatar's foreign ministry spokesman"}},
      {text = "Ahmed el-Tayeb", type = "person"}}},
    ["A government spokesman, Eylon Levy, agreed with spokesman Majed al-Ansari. Police arrested a teacher, John Smith, and a nurse."] = {mention = {
      {text = "Eylon Levy", type = "person", roles = {"government spokesman"}}, {text = "Majed al-Ansari", type = "person"},
      {text = "John Smith", type = "person", roles = {"teacher"}}}},
    -- no person after a role's possessive; the seat an MP holds is a place
    ["At Prime Minister's Questions, Rachael Maskell, the Labour MP for York Central, spoke."] = {mention = {
      {text = "Rachael Maskell", type = "person"}, {text = "Labour", type = "org"}, {text = "York Central", type = "place"}}},
    -- a research firm or laboratory named after people is no person
    ["Analysts at Forrester Research and Lawrence Livermore National Laboratory agreed."] = {mention = {
      {text = "Forrester Research", type = "org"}, {text = "Lawrence Livermore National Laboratory", type = "org"}}},
    -- two given names joined by a hyphen
    ["Sven-Goran Eriksson and Jo-Renee Formicola spoke."] = {mention = {
      {text = "Sven-Goran Eriksson", type = "person"}, {text = "Jo-Renee Formicola", type = "person"}}},
    -- a relative with the same surname, named inside a sentence
    ["Donald Trump spoke. His daughter Ivanka Trump agreed, and Trump left. Ivanka Trump stayed."] = {mention = {
      {text = "Donald Trump", type = "person"}, {text = "Ivanka Trump", type = "person"}, {text = "Trump", type = "person"},
      {text = "Ivanka Trump", type = "person"}}},
    ["Donald Trump spoke. Did Trump know? Will Tory voters care? They will."] = {mention = {
      {text = "Donald Trump", type = "person"}, {text = "Trump", type = "person"}}},
    -- one word no lexicon knows before a role and a name is whom the person works for,
    -- and the same word alone elsewhere (not the end of a longer name)
    ["Shares in Teck rose. Teck Chief Executive Jonathan Price spoke."] = {mention = {
      {text = "Teck", type = "org"}, {text = "Teck", type = "org"}, {text = "Jonathan Price", type = "person"}}},
    ["Arsenal came from behind. The Arsenal manager Mikel Arteta said it, as did Vodafone chief Arun Sarin."] = {mention = {
      {text = "Arsenal", type = "org"}, {text = "Arsenal", type = "org"}, {text = "Mikel Arteta", type = "person"},
      {text = "Vodafone", type = "org"}, {text = "Arun Sarin", type = "person"}}},
    -- the body before a role, with the owner whose name is in it
    ["Age UK's charity director, Caroline Abrahams, met Japanese central bank governor Satoshi Sumita."] = {mention = {
      {text = "UK", type = "place"},
      {text = "Caroline Abrahams", type = "person", roles = {"Age UK's charity director"}},
      {text = "Satoshi Sumita", type = "person", roles = {"Japanese central bank governor"}}}},
    -- a shadow or an ex- office is part of the role
    ["Tory shadow chancellor Oliver Letwin and ex-Conservative chancellor Ken Clarke spoke."] = {mention = {
      {text = "Oliver Letwin", type = "person", roles = {"Tory shadow chancellor"}},
      {text = "Ken Clarke", type = "person", roles = {"ex-Conservative chancellor"}}}},
    -- a role in apposition before a name no given name opens; a field before the role
    ["The European Commission's trade chief, Maroš Šefčovič, said so."] = {mention = {
      {text = "European Commission", type = "org"},
      {text = "Maroš Šefčovič", type = "person", roles = {"European Commission's trade chief"}}}},
    ["UN human rights chief Volker Türk and the foreign policy adviser, Ann Lee, spoke."] = {mention = {
      {text = "UN", type = "org"}, {text = "Volker Türk", type = "person", roles = {"UN human rights chief"}},
      {text = "Ann Lee", type = "person", roles = {"foreign policy adviser"}}}},
    -- an organisation introduced by a common noun, and named again alone
    ["Russian oil company Yukos went to court. Yukos lost. The bank Morgan Stanley and the firms Young & Rubicam agreed."] =
      {mention = {{text = "Yukos", type = "org"}, {text = "Yukos", type = "org"},
        {text = "Morgan Stanley", type = "org"}, {text = "Young & Rubicam", type = "org"}}},
    ["The giant US budget deficit grew, said the aerospace group EADS Philippe Camus."] = {mention = {
      {text = "US", type = "place"}, {text = "EADS", type = "org"}, {text = "Philippe Camus", type = "person"}}},
    ["Shami Chakrabarti, from human rights group Liberty, joined calls for change."] = {mention = {
      {text = "Shami Chakrabarti", type = "person"}, {text = "Liberty", type = "org"}}},
    -- a given name and a place head that is also a surname, with a role in apposition
    ["We think we do, said Mike Lake, a Yukos spokesman."] = {mention = {
      {text = "Mike Lake", type = "person"}}},
    ["They drove to Crystal Lake, a city in Illinois."] = {mention = {
      {text = "Crystal Lake", type = "place"}, {text = "Illinois", type = "place"}}},
    -- an outlet of a place
    ["The Times of Zambia quoted officials."] = {mention = {{text = "The Times of Zambia", name = "Times of Zambia", type = "org"}}},
    -- an organisation's short name after an honorific is a person's
    ["Dr Fox told the BBC so."] = {mention = {{text = "Fox", type = "person"}, {text = "BBC", type = "org"}}},
    ["They saw Wesley Snipes' Blade."] = {mention = {{text = "Wesley Snipes", type = "person"}}},
    ["FELLOW DOCTORS DON’T WANT TO ASSOCIATE WITH HIM — Oz may hit gold."] = {mention = {}},
    ["JAPAN OFFICIALS SAY WORST MAY BE OVER"] = {mention = {}},   -- no person "SAY WORST"
    ["BANKING SECTOR STABLE, OFFICIAL SAYS"] = {mention = {}},
    -- a shared surname alone: the first person named with it
    ["Ted Cruz thanked his wife, Heidi Cruz. Cruz spoke."] = {mention = {{text = "Ted Cruz", type = "person"},
      {text = "Heidi Cruz", type = "person"}, {text = "Cruz", name = "Ted Cruz"}}},
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
    -- a site named by its domain
    ["The editor told Antiwar.com that talks had stalled."] = {mention = {{text = "Antiwar.com", type = "org"}}},
    -- (any domain the tokenizer knows, with its legal form)
    ["Cuts were tracked by Layoffs.fyi, and Amazon.com Inc said more would come."] = {mention = {
      {text = "Layoffs.fyi", type = "org"}, {text = "Amazon.com Inc", type = "org"}}},
    -- a law names no one ("Care" is also a given name)
    ["He defended the Affordable Care Act."] = {mention = {}},
    -- a title-case headline runs on past the name
    ["Hillary Clinton Goes After Donald Trump As The Next Romney."] =
      {mention = {{text = "Hillary Clinton", type = "person"}, {text = "Donald Trump", type = "person"}}},
  },
}

-- A place or organisation the lexicons know, inside a compound adjective:
-- "the Santa Clara, California-based company", "a Microsoft-backed
-- startup", "the Hamas-run health ministry" (not a demonym's: "Russian-backed").
-- An actor of the article, but no speaker of its sentence ("according to the
-- UK-based journal Screen Digest"): added after the speakers are found.
local COMPOUND = pattern{{kind = "word", title = true,
  regex = [[(?s)\p{Lu}.*-(?:based|backed|led|run|owned|born|controlled|funded|headquartered|allied|linked|affiliated|made)]]}}
rule "actor.compounds" {
  stage = "resolve",
  priority = -1,
  doc = "places and organisations inside compound adjectives: 'California-based', 'Microsoft-backed'",
  run = function(d)
    local m = COMPOUND:all(d)
    for x = 1, #m, 2 do
      local k = m[x]
      local prefix = match(d:word(k), "^(.-)%-%l+$")
      if prefix then
        local type_, entry = "place", PLACES:lookup(prefix)
        if not entry then type_, entry = "org", ORGS:lookup(prefix) end
        if entry and not (type_ == "place" and entry.ambiguous) then
          local s = d:tok(k)
          local e = s + #prefix
          if #d:covering("mention", s, e) == 0 then
            d:add("mention", s, e, {type = type_, name = entry.name})
          end
        end
      end
    end
  end,
  examples = {
    ["Shares of the Santa Clara, California-based company rose. A Microsoft-backed startup grew. A Russian-backed group fought."] = {mention = {
      {text = "Santa Clara", type = "place"}, {text = "California", type = "place"}, {text = "Microsoft", type = "org"}}},
  },
}
