-- numbers.lua: reads English numeric expressions -- "1,200", "2.5bn",
-- "twenty-one", "two and a half million", "a third", "3 1/2", "hundreds of
-- thousands" -- from a sequence of words, the tokens of a text. Pure Lua 5.4
-- (no io/os; the only global it reads is the engine's `host`, for the C
-- reader behind numbers.read and numbers.start_finder, and it works without
-- it); the figure rule is glue around it.
--
-- Words are token strings as the tokenizer yields them, in any case: digits
-- with their separators are one token ("1,200", "2.5", "61bn", "3/4"), a
-- hyphenated word is one token ("twenty-one", "two-thirds", "three-ton"),
-- "-", "%", "$" are tokens of their own. Pass the original text of the
-- tokens (doc:word) where case matters: "10M" is ten million, "10m" ten
-- metres or, with money, ten million. Indices are 1-based.
--
--   numbers.parse(words, i [, opts]) -> value, j, info | nil
--       The longest numeric expression starting at words[i]; j is the index
--       of the first word after it. value is a number, or {lo, hi} for a
--       vague amount ("dozens", "several hundred"). opts (all optional):
--         money   = true  "m"/"b" after a number are million/billion ("$5m")
--         article = true  a lone "a"/"an" is 1 ("a decade", "an hour")
--         sign    = false a leading "-" is not a minus sign
--         groups  = true  "1 234 567": digit groups split by spaces
--       info fields (absent when false):
--         words, digits  written with number words / with digits
--         scale          largest multiplier applied (1e6 for "2.5 million")
--         fraction       the value is or ends in a fraction ("a third")
--         vague          value is {lo, hi} from a vague expression
--         collective     a count noun that may take "of" ("a couple of",
--                        "dozens of", "a few", "hundreds of")
--         negative       "minus five", "-3"
--         bare           starts with a bare scale word ("million", "hundreds")
--         article        opts.article made a lone "a"/"an" count as 1
--         suffix         letters left in the last token, lower-cased: "km" in
--                        "5km", "ton" in "three-ton", "year-old" in "five-year-old"
--         raw_suffix     the same as written ("G" in "5G")
--         maybe_scale    the suffix may be a scale: "m" (metres or million),
--                        "b" (bits or billion); multiply when it is money
--         slash          {num, den} for "3/4"
--         decade         "1990s", "20s": value is {1990, 1999}, {20, 29}
--         year           a bare four-digit integer 1000-2100 (see looks_like_year)
--
--   numbers.range(words, i [, opts]) -> {lo, hi}, j, info | nil
--       "between 5 and 10", "from 3 to 4 million", "10-15", "10 to 15",
--       "one or two", "20~100". A scale on the upper end carries to a lower
--       end without one ("2 to 3 million" = {2e6, 3e6}). lo < hi is required,
--       so scores ("3-1") and years ("2019-20", "1995-01") are refused, and
--       so are two years ("2010-2015"). info = {lo = info, hi = info,
--       connector = "to" | "-" | "and" | "or" | "~"}.
--   numbers.read(doc, i [, money]) -> value, j, info | nil
--       numbers.parse(the doc's words, i, {money = money}) read in C when
--       token i is a lone number (digits, or one number word, that nothing
--       after it carries on; j = i + 1); nil when the grammar must decide:
--       then ask numbers.parse.
--   numbers.start_finder(spec) -> find
--       find(doc) -> {i, ...}: the tokens where a figure may start, in one
--       C pass (engine/lua_figstarts.c says what spec holds and how its word
--       lists combine). nil without the engine.
--   numbers.token_tables(doc) -> word, lower, kind
--       Tables by token index: doc:word(i), doc:lower(i), doc:kind(i),
--       filled in C on first read, all three at once (nil out of range).
--       nil without the engine.
--   numbers.ratio(words, i [, opts]) -> value, j, info | nil
--       "one in five", "2 out of 3": num / den when num < den (info.num,
--       info.den).
--   numbers.ordinal(words, i) -> n, j | nil
--       "21st", "third", "twenty-first", "one hundredth".
--   numbers.token(word [, opts]) -> value, info | nil
--       One digit token: "1,200" "61bn" "5km" "3/4" ".5" "1e6" "10th" ...
--       (info.ordinal for "10th"; info.suffix, info.scale as above).
--   numbers.is_pronoun_one(words, i) -> boolean
--       "one" that is not a count: "no one", "the one who", "one another",
--       "one of the most ...", "this one", "ones".
--   numbers.looks_like_year(word [, next_word [, prev_word]]) -> boolean
--       A four-digit integer 1800-2100 read as a year rather than a count:
--       "in 2019", "2019 was" are years; "2,000", "2000 people", "$2000" not;
--       from 1000, only after "in", "since", "until" ... ("in 1337 by").
--   numbers.remembered(f) -> table
--       t[word] = f(word), computed on first read (false for nil), bounded
--       at 20,000 words: a memo for pure functions of one word.
--   numbers.starts(word) -> boolean
--       Could a numeric expression start with this word? (a cheap filter)
--   numbers.words() -> list
--       The words an expression may start with ("one", "half", "dozens" ...),
--       for a quick filter; digits, signs and "½" start one too.
--   numbers.word_value(word) -> number | nil
--       The value of a single number word: "seven" 7, "hundred" 100.
--   numbers.vague(word) -> {lo, hi} | nil
--       The range a vague plural stands for ("dozens", "millions").
--
-- Conventions for vague amounts (the gold annotations use the same):
-- a plural scale word means "at least two of them, fewer than the next
-- scale word": hundreds {200, 999}, thousands {2000, 999999}, millions
-- {2e6, 999999999}; "X of Y" multiplies, keeping the upper end just under
-- the next unit: hundreds of thousands {200000, 999999}, tens of thousands
-- {20000, 99999}. "several" is {3, 9}, "a few" and "a handful" {2, 5},
-- "dozens" {24, 99}, "scores of" {40, 99}; with a scale word they multiply
-- the same way: "several hundred" {300, 999}, "a few thousand" {2000, 5999}.
-- "a couple" and "a pair" are 2, "a dozen" 12: counts, not ranges.
-- "a million and a half" is 1,500,000 (the half is of the scale word when
-- that is a million or more); "one hundred and three quarters" is 100.75.

local M = {}

-- ---- vocabulary --------------------------------------------------------

local ONES = {
  zero = 0, nought = 0, naught = 0, ["nil"] = 0,
  one = 1, two = 2, three = 3, four = 4, five = 5, six = 6, seven = 7, eight = 8, nine = 9,
}
local TEENS = {
  ten = 10, eleven = 11, twelve = 12, thirteen = 13, fourteen = 14, fifteen = 15,
  sixteen = 16, seventeen = 17, eighteen = 18, nineteen = 19,
}
local TENS = {
  twenty = 20, thirty = 30, forty = 40, fourty = 40, fifty = 50, sixty = 60,
  seventy = 70, eighty = 80, ninety = 90,
}
-- scale words, also valid without a number before them ("a million", "million")
local SCALES = {
  thousand = 1e3, million = 1e6, billion = 1e9, trillion = 1e12,
  quadrillion = 1e15, quintillion = 1e18, sextillion = 1e21,
  lakh = 1e5, lac = 1e5, lakhs = 1e5, lacs = 1e5,
  crore = 1e7, crores = 1e7, koti = 1e7, krore = 1e7, krores = 1e7,
}
-- abbreviations and plurals that are scales only after a number: "10 bn",
-- "three billions", "2.33 k"
local SCALES_AFTER = {
  k = 1e3, bn = 1e9, bln = 1e9, bil = 1e9, mn = 1e6, mln = 1e6, mil = 1e6, mio = 1e6,
  tn = 1e12, trn = 1e12, tln = 1e12, cr = 1e7, lkh = 1e5, lkhs = 1e5,
  thousands = 1e3, millions = 1e6, billions = 1e9, trillions = 1e12,
}
-- the abbreviations that news writes after a number word too: "one mln
-- barrels", "two bln dlrs"
local WORD_SCALE_ABBR = {mln = true, bln = true, bn = true, mn = true, trn = true, tln = true}
-- scale letters glued to digits ("61bn", "1.2M"); case-sensitive ones below
local SUFFIX_SCALES = {
  k = 1e3, bn = 1e9, bln = 1e9, mn = 1e6, mln = 1e6, mil = 1e6, mio = 1e6,
  tn = 1e12, trn = 1e12, tln = 1e12,
  thousand = 1e3, million = 1e6, billion = 1e9, trillion = 1e12, lakh = 1e5, crore = 1e7,
}
-- ("5G" is a network, "3D" a picture: no G, no D)
local SUFFIX_SCALES_CASED = { M = 1e6, MM = 1e6, B = 1e9 }
-- lower-case letters that are a scale only for money ("$5m", "$1.2b")
local SUFFIX_MONEY = { m = 1e6, b = 1e9 }
local DOZEN = { dozen = true, dozens = true, dz = true, dzs = true, doz = true, dozs = true }
-- plural scale words on their own: vague amounts; true = needs "of" after it
local VAGUE_PLURAL = {
  tens = {20, 99, true}, scores = {40, 99, true}, dozens = {24, 99},
  hundreds = {200, 999}, thousands = {2000, 999999}, millions = {2e6, 999999999},
  billions = {2e9, 999999999999}, trillions = {2e12, 999999999999999},
}
-- what one of those plurals counts in, for "hundreds of thousands"
local PLURAL_UNIT = {
  tens = 10, scores = 20, dozens = 12, hundreds = 100, thousands = 1e3,
  millions = 1e6, billions = 1e9, trillions = 1e12,
}
-- vague quantifiers: a range, multiplied by a following scale word
local VAGUE_WORDS = { several = {3, 9} }
local VAGUE_ARTICLE = { few = {2, 5}, handful = {2, 5} }   -- "a few", "a handful"
local PAIR_ARTICLE = { couple = 2, pair = 2 }                -- "a couple", "a pair"

-- ordinal words: value and, for the singular, the cardinal class it closes
local ORDINALS = {
  first = 1, second = 2, third = 3, fourth = 4, fifth = 5, sixth = 6, seventh = 7,
  eighth = 8, ninth = 9, tenth = 10, eleventh = 11, twelfth = 12, thirteenth = 13,
  fourteenth = 14, fifteenth = 15, sixteenth = 16, seventeenth = 17, eighteenth = 18,
  nineteenth = 19, twentieth = 20, thirtieth = 30, fortieth = 40, fiftieth = 50,
  sixtieth = 60, seventieth = 70, eightieth = 80, ninetieth = 90,
  hundredth = 100, thousandth = 1e3, millionth = 1e6, billionth = 1e9, trillionth = 1e12,
}
-- fraction denominators in the plural: "fifths", "hundredths", "halves"
local ORD_PLURAL = {}
for w, v in pairs(ORDINALS) do ORD_PLURAL[w .. "s"] = v end
ORD_PLURAL.seconds = nil           -- "two seconds" is time
ORD_PLURAL.halves, ORD_PLURAL.halfs, ORD_PLURAL.quarters = 2, 2, 4

local VULGAR = {
  ["½"] = 1/2, ["⅓"] = 1/3, ["⅔"] = 2/3, ["¼"] = 1/4, ["¾"] = 3/4, ["⅕"] = 1/5,
  ["⅖"] = 2/5, ["⅗"] = 3/5, ["⅘"] = 4/5, ["⅙"] = 1/6, ["⅚"] = 5/6, ["⅐"] = 1/7,
  ["⅛"] = 1/8, ["⅜"] = 3/8, ["⅝"] = 5/8, ["⅞"] = 7/8, ["⅑"] = 1/9, ["⅒"] = 1/10,
}
local MINUS_WORDS = { minus = true, negative = true }
local DASHES = { ["-"] = true, ["–"] = true, ["—"] = true, ["−"] = true, ["‐"] = true, ["‑"] = true }

-- ---- helpers -------------------------------------------------------------

local lower, find, match, tonumber, type = string.lower, string.find, string.match, tonumber, type
local mtype, floor, huge = math.type, math.floor, math.huge

-- Rounds away float noise (2.2 * 1e6) and turns integral floats into integers.
local function norm(v)
  if mtype(v) == "integer" then return v end
  if v ~= v or v == huge or v == -huge then return v end
  if mtype(v) == "float" then
    v = tonumber(string.format("%.12g", v))
    if v == floor(v) and v > -2^53 and v < 2^53 then v = math.tointeger(v) end
  end
  if v == 0 then v = 0 end      -- no -0
  return v
end

-- A table of f(word), filled on first use, for pure functions of one word:
-- words repeat across articles, the pattern functions behind these are C
-- calls with a step budget, and a table read is one VM instruction where a
-- call is several. nil results are kept as false. (Bounded: past 20,000
-- words the table starts over.)
local function remembered(f)
  local n = 0
  return setmetatable({}, {__index = function(t, s)
    local v = f(s)
    if v == nil then v = false end
    if n >= 20000 then
      for k in pairs(t) do t[k] = nil end
      n = 0
    end
    t[s], n = v, n + 1
    return v
  end})
end

M.remembered = remembered

-- Parses one digit token. Returns nil, or a table: v (number), int
-- (a plain integer), plain (nothing attached), short (1-3 digits, no
-- separator: can lead a spaced group), scale (multiplier applied), suffix,
-- maybe_scale, ordinal, slash, decade.
local function lex_token(raw)
  if find(raw, "[\194\226]") then   -- "40 000" grouped by fixed spaces
    raw = raw:gsub("\194\160", ""):gsub("\226\128[\175\137]", "")
  end
  local num, rest = match(raw, "^(%d[%d,]*%.?%d*)(.*)$")
  if not num then num, rest = match(raw, "^(%.%d+)(.*)$") end
  if not num then return nil end
  local t = {}
  local c = rest:sub(1, 1)
  if c == "/" then
    -- a fraction "3/4" (also "3/8ths"); a date "5/17/2018" is not
    local n, d, tail = match(raw, "^(%d+)/(%d+)(%a*)$")
    if not n then return nil end
    tail = lower(tail)
    if tail ~= "" and tail ~= "th" and tail ~= "ths" and tail ~= "s" and tail ~= "nd"
        and tail ~= "rd" and tail ~= "st" and tail ~= "nds" and tail ~= "rds" then
      return nil
    end
    n, d = tonumber(n), tonumber(d)
    if d == 0 or n >= d then return nil end    -- "24/7", "2018/19" are not fractions
    t.v, t.slash = n / d, {n, d}
    return t
  end
  if c == "." or c == ":" or c == "," then return nil end   -- 192.168.1.2, 10:30
  local digits = num:gsub(",", "")
  if num:sub(-1) == "." then digits = digits .. "0" end
  local v = tonumber(digits)
  if not v then return nil end
  t.v = v
  t.int = not find(num, ".", 1, true)
  t.short = t.int and not find(num, ",", 1, true) and #num <= 3
  if rest == "" then
    t.plain = true
    return t
  end
  local lr = lower(rest)
  local e = match(lr, "^e(%d+)$")
  if e then                                        -- 1e6, 1.3e6
    t.v, t.int, t.short = v * 10.0 ^ tonumber(e), false, false
    return t
  end
  local s = SUFFIX_SCALES_CASED[rest] or SUFFIX_SCALES[lr]
  if s then
    t.v, t.scale, t.int, t.short = v * s, s, false, false
    return t
  end
  local decimal = find(num, ".", 1, true) ~= nil
  t.int, t.short = false, false
  if lr == "b" and decimal then                    -- "1.2b": fractional bits are rare
    t.v, t.scale = v * 1e9, 1e9
    return t
  end
  if lr == "st" or lr == "nd" or lr == "rd" or lr == "th" then
    t.ordinal = true
    return t
  end
  if lr == "s" and t.int ~= nil and not find(num, "[.,]") and v % 10 == 0 then
    t.decade = v < 100 and {v, v + 9} or (v >= 1000 and {v, v + 9}) or nil
    if t.decade then return t end
  end
  t.suffix, t.raw_suffix = lr, rest
  if SUFFIX_MONEY[lr] then
    t.maybe_scale = SUFFIX_MONEY[lr]
  end
  return t
end
-- (remembered: callers only read the table; false instead of nil)
local LEX = remembered(lex_token)

-- The parts of the words from index i: hyphenated tokens are split
-- ("twenty-one" -> "twenty", "one"). Returns an accessor P(n) -> part or nil;
-- a part is {w = lower-case text, raw = text, tok = token index,
-- last = is the token's last part, rest = the token's remaining parts}.
local function parts(words, i)
  local P, k = {}, i
  return function(n)
    while #P < n do
      local raw = words[k]
      if raw == nil then return nil end
      if find(raw, "\226\128[\144\145]") then
        raw = raw:gsub("\226\128[\144\145]", "-")          -- U+2010/2011 hyphens
      end
      if #raw > 2 and find(raw, "-", 2, true) and raw:sub(-1) ~= "-" and not find(raw, "^%d") then
        local pieces = {}
        for piece in raw:gmatch("[^-]+") do pieces[#pieces + 1] = piece end
        for x = 1, #pieces do
          P[#P + 1] = {w = lower(pieces[x]), raw = pieces[x], tok = k, last = x == #pieces,
                       rest = x < #pieces and lower(table.concat(pieces, "-", x + 1)) or nil,
                       raw_rest = x < #pieces and table.concat(pieces, "-", x + 1) or nil}
        end
      else
        P[#P + 1] = {w = lower(raw), raw = raw, tok = k, last = true}
      end
      k = k + 1
    end
    return P[n]
  end
end

local function pw(P, p)
  local x = P(p)
  return x and x.w
end

local function is_article(w) return w == "a" or w == "an" end

-- ---- fractions -----------------------------------------------------------

-- After "a third", "one fifth": words that keep it a fraction ("a third of",
-- "a third said", "cut by a third."). Any other word makes it an ordinal:
-- "a third Russian source", "a fifth term".
local FRACTION_NEXT = {
  ["of"] = true, ["and"] = true, ["or"] = true, but = true, to = true, than = true,
  more = true, less = true, fewer = true, ["as"] = true, ["in"] = true, on = true, at = true,
  ["for"] = true, from = true, by = true, with = true, the = true, a = true, an = true,
  is = true, was = true, were = true, are = true, be = true, been = true, has = true,
  have = true, had = true, will = true, would = true, could = true, may = true, might = true,
  should = true, said = true, say = true, says = true, think = true, thought = true,
  believe = true, want = true, wanted = true, live = true, lived = true, now = true,
  still = true, already = true, only = true, again = true, that = true, who = true,
  which = true, since = true, after = true, before = true, over = true, under = true,
  lower = true, higher = true, smaller = true, larger = true, bigger = true, cheaper = true,
  percent = true, ["per"] = true, ["if"] = true, ["do"] = true, ["did"] = true, ["not"] = true,
  never = true, also = true, either = true, each = true, every = true, ["while"] = true,
}

local function ordinal_use(P, q)
  local x = P(q)
  if not x then return false end
  return find(x.w, "^%a") ~= nil and not FRACTION_NEXT[x.w]
end

local card  -- forward

-- A denominator at part p: "fifths", "third", "twenty-fifth(s)", "hundredths".
-- Returns d, plural, next part.
local function denominator(P, p)
  local w = pw(P, p)
  if not w then return nil end
  if ORD_PLURAL[w] then return ORD_PLURAL[w], true, p + 1 end
  if ORDINALS[w] and w ~= "first" and w ~= "second" then return ORDINALS[w], false, p + 1 end
  if w == "half" then return 2, false, p + 1 end
  if w == "quarter" then return 4, false, p + 1 end
  -- compound: "twenty-first", "twenty fifths"
  if TENS[w] then
    local w2 = pw(P, p + 1)
    if w2 and ORD_PLURAL[w2] and ORD_PLURAL[w2] < 10 then return TENS[w] + ORD_PLURAL[w2], true, p + 2 end
    if w2 == "firsts" then return TENS[w] + 1, true, p + 2 end
    if w2 and ORDINALS[w2] and ORDINALS[w2] < 10 then return TENS[w] + ORDINALS[w2], false, p + 2 end
  end
  return nil
end

-- A scale after a fraction: "million", "a million", "of a million", "dozen".
-- Returns the multiplier and the next part.
local function scale_after_fraction(P, p)
  local w = pw(P, p)
  if not w then return nil end
  if SCALES[w] then return SCALES[w], p + 1 end
  if w == "hundred" then return 100, p + 1 end
  if DOZEN[w] and w ~= "dozens" then return 12, p + 1 end
  if is_article(w) or w == "of" then
    local q = p + 1
    if w == "of" then
      if not is_article(pw(P, q)) then return nil end
      q = q + 1
    end
    local w2 = pw(P, q)
    if w2 and (SCALES[w2] or w2 == "hundred" or w2 == "dozen") then
      return SCALES[w2] or (w2 == "hundred" and 100) or 12, q + 1
    end
  end
  return nil
end

-- A fraction below one at part p: "a half", "half", "one quarter",
-- "three quarters", "two thirds", "fifty-four hundredths". Returns f, next.
local function fraction(P, p)
  local w = pw(P, p)
  if not w then return nil end
  if w == "half" or w == "quarter" then
    -- bare only before a scale word: "two and half million"; "44 million and
    -- half of them" is two things
    local nx = pw(P, p + 1)
    if not (nx and (SCALES[nx] or nx == "hundred" or nx == "dozen")) then return nil end
    return w == "half" and 0.5 or 0.25, p + 1
  end
  if is_article(w) or w == "one" then
    local d, plural, q = denominator(P, p + 1)
    if d and not plural and d >= 2 then return 1 / d, q end
    if w == "one" and d and plural then return 1 / d, q end
    return nil
  end
  local n = card(P, p, {words_only = true, no_and = true})
  if n and not n.vague and n.int then
    local d, plural, q = denominator(P, n.p)
    if d and (plural or d == 4) and n.v < d then return n.v / d, q end
  end
  return nil
end

-- Digits after "point": "five", "nought four", "seventy-one", "77".
local function decimals(P, p)
  local x = P(p)
  if not x then return nil end
  local w = x.w
  if find(w, "^%d+$") then return w, p + 1 end
  if TEENS[w] then return tostring(TEENS[w]), p + 1 end
  if TENS[w] then
    local w2 = pw(P, p + 1)
    if w2 and ONES[w2] and ONES[w2] > 0 and P(p).tok == P(p + 1).tok then
      return tostring(TENS[w] + ONES[w2]), p + 2
    end
    return tostring(TENS[w] // 10), p + 1
  end
  local ds, q = {}, p
  while true do
    local wq = pw(P, q)
    if not wq or not ONES[wq] or wq == "nil" then break end
    ds[#ds + 1] = tostring(ONES[wq])
    q = q + 1
  end
  if #ds == 0 then return nil end
  return table.concat(ds), q
end

-- ---- cardinals -----------------------------------------------------------

-- Vague plural at p: "hundreds", "tens of thousands", "dozens".
local function vague_plural(P, p)
  local w = pw(P, p)
  local r = w and VAGUE_PLURAL[w]
  if not r then return nil end
  local q = p + 1
  local lo, hi = r[1], r[2]
  local needs_of = r[3]
  if pw(P, q) == "of" then
    local w2 = pw(P, q + 1)
    local u = w2 and PLURAL_UNIT[w2]
    if u and u > PLURAL_UNIT[w] and w2 ~= "dozens" and w2 ~= "scores" and w2 ~= "tens" then
      lo, hi = lo * u, (hi + 1) * u - 1
      q, needs_of = q + 2, false
    end
  end
  if needs_of and pw(P, q) ~= "of" then return nil end
  return lo, hi, q
end

-- The cardinal grammar over parts. Returns nil or a table:
--   v or lo/hi (vague), p (next part), int, words, digits, scale, fraction,
--   vague, collective, bare, suffix, maybe_scale, slash, decade, ordinal_end.
-- o: words_only (no digit tokens), no_and, ordinal (let an ordinal word
-- close the number, for numbers.ordinal), opts (the caller's options).
card = function(P, p, o)
  o = o or {}
  local opts = o.opts or {}
  local x = P(p)
  if not x then return nil end
  local r = {words = false, digits = false, scale = 1}
  local total, cur = 0, 0
  local last = nil          -- nil one teen tens hundred scale digits decimal fraction dozen
  local maxs, lastmult = 0, 0
  local and_lim = nil       -- after "and": numbers must stay below this
  local and_scale = nil     -- after "<scale> and": scales must stay below this
  local no_hundred = false  -- after "hundred and": no second "hundred"
  local snap = nil          -- the state before "and", to fall back to
  local q = p
  local good = nil          -- the part after the last one accepted
  local lo, hi = nil, nil   -- vague range, multiplied by later scales
  local lead_short = false  -- a 1-3 digit integer that may lead spaced groups
  local isint = true

  local function accept(nq) q = nq; good = nq end
  local function restore(s)
    if s then total, cur, last, good, r.digits = s[1], s[2], s[3], s[4], s[5] end
  end

  -- prefixes
  local w = x.w
  if is_article(w) then
    local w2 = pw(P, p + 1)
    if not w2 then return nil end
    if w2 == "hundred" or SCALES[w2] or w2 == "dozen" then
      cur, last, r.words = 1, "one", true
      accept(p + 1)
    elseif PAIR_ARTICLE[w2] then
      cur, last, r.words, r.collective = PAIR_ARTICLE[w2], "one", true, true
      accept(p + 2)
    elseif VAGUE_ARTICLE[w2] then
      lo, hi = VAGUE_ARTICLE[w2][1], VAGUE_ARTICLE[w2][2]
      last, r.words, r.vague, r.collective = "vague", true, true, true
      accept(p + 2)
    else
      if o.words_only then return nil end
      local d, plural, nq = denominator(P, p + 1)
      if d and not plural and d >= 2 then
        if d > 2 and d ~= 4 and ordinal_use(P, nq) then return nil end   -- "a third Russian source"
        r.words, r.fraction = true, true
        local v = 1 / d
        local s, nq2 = scale_after_fraction(P, nq)
        if s then v, nq, r.scale = v * s, nq2, s end
        r.v, r.p, r.int = norm(v), nq, false
        return r
      end
      if opts.article then
        r.v, r.p, r.int, r.article = 1, p + 1, true, true
        return r
      end
      return nil
    end
  elseif VAGUE_WORDS[w] then
    lo, hi = VAGUE_WORDS[w][1], VAGUE_WORDS[w][2]
    last, r.words, r.vague, r.collective = "vague", true, true, true
    accept(p + 1)
  elseif VAGUE_PLURAL[w] then
    local a, b, nq = vague_plural(P, p)
    if not a then return nil end
    r.v, r.lo, r.hi, r.p = nil, a, b, nq
    r.words, r.vague, r.collective, r.bare, r.int = true, true, true, true, false
    return r
  elseif w == "half" then
    cur, last, r.words, r.fraction = 0.5, "fraction", true, true
    accept(p + 1)
  elseif w == "quarter" then
    local s = scale_after_fraction(P, p + 1)
    if not s and x.last then return nil end
    cur, last, r.words, r.fraction = 0.25, "fraction", true, true
    accept(p + 1)
  elseif VULGAR[x.raw] then
    cur, last, r.fraction = VULGAR[x.raw], "fraction", true
    accept(p + 1)
  end

  local function allowed_small(v)
    -- a number word or digits after "and" must stay below the multiplier
    return not and_lim or v < and_lim
  end

  while true do
    x = P(q)
    if not x then break end
    w = x.w
    local v
    if ONES[w] then
      v = ONES[w]
      if last == nil then
        if w == "nil" and o.words_only then break end
      elseif last == "tens" then
        if v == 0 then break end
      elseif last == "hundred" or last == "scale" then
        if v == 0 or not allowed_small(v) then break end
      else
        break
      end
      cur, last, r.words = cur + v, "one", true
      accept(q + 1)
    elseif TEENS[w] or TENS[w] then
      v = TEENS[w] or TENS[w]
      if not (last == nil or ((last == "hundred" or last == "scale") and allowed_small(v))) then break end
      cur, last, r.words = cur + v, TEENS[w] and "teen" or "tens", true
      accept(q + 1)
    elseif w == "hundred" or w == "hundreds" and last ~= nil then
      if not (last == nil or last == "one" or last == "teen" or last == "tens" or last == "digits"
              or last == "decimal" or last == "fraction" or last == "vague") then
        break
      end
      if no_hundred or (and_scale and and_scale <= 100) then
        restore(snap)     -- "3 hundred and 2 hundred" is two numbers
        break
      end
      if last == "vague" then
        lo, hi = lo * 100, (hi + 1) * 100 - 1
      else
        cur = (last == nil) and 100 or cur * 100
      end
      if last == nil then r.bare = true end
      last, lastmult, r.words = last == "vague" and "vague" or "hundred", 100, true
      if r.scale < 100 then r.scale = 100 end
      accept(q + 1)
    elseif SCALES[w] or (SCALES_AFTER[w] and last ~= nil and last ~= "vague" or
            (SCALES_AFTER[w] and last == "vague" and not VAGUE_PLURAL[w])) or
           ((w == "m" or w == "b") and opts.money and (last == "digits" or last == "decimal")) or
           ((x.raw == "M" or x.raw == "B") and (last == "digits" or last == "decimal")) then
      local s = SCALES[w] or SCALES_AFTER[w] or SUFFIX_SCALES_CASED[x.raw] or SUFFIX_MONEY[w]
      if (SCALES_AFTER[w] or SUFFIX_MONEY[w] or SUFFIX_SCALES_CASED[x.raw]) and not SCALES[w]
         and not (last == "digits" or last == "decimal") and #w <= 3 and not (WORD_SCALE_ABBR[w] and last ~= nil) then
        break   -- "k", "bn" only after digits: "five k" is not a number (but "one mln barrels" is)
      end
      if last == "scale" and s >= maxs then
        -- "thousand millions": a bigger scale multiplies everything so far
        if s == maxs then break end
      elseif not (last == nil or last == "one" or last == "teen" or last == "tens" or last == "hundred"
              or last == "digits" or last == "decimal" or last == "fraction" or last == "vague"
              or last == "scale") then
        break
      end
      if and_scale and s >= and_scale then
        restore(snap)     -- "a thousand and two thousand"
        break
      end
      if last == "vague" then
        lo, hi = lo * s, (hi + 1) * s - 1
      else
        local base = cur
        if last == nil then base, r.bare = 1, true end
        if s > maxs then total = (total + base) * s else total = total + base * s end
        cur = 0
        last = "scale"
      end
      if s > maxs then maxs = s end
      lastmult, r.words = s, r.words or not SCALES_AFTER[w] or #w > 3
      if r.scale < s then r.scale = s end
      no_hundred, and_lim, and_scale, snap = false, nil, nil, nil
      accept(q + 1)
    elseif DOZEN[w] then
      if last == "vague" and w ~= "dozens" then
        lo, hi = lo * 12, (hi + 1) * 12 - 1        -- "a few dozen"
      elseif not (last == "one" or last == "teen" or last == "tens" or last == "hundred" or last == "digits"
              or last == "fraction" or last == "decimal") then
        break
      else
        cur, last = cur * 12, "dozen"
      end
      r.words, r.collective = true, true
      if r.scale < 12 then r.scale = 12 end
      accept(q + 1)
    elseif find(w, "^%.?%d") then
      if o.words_only then break end
      local t = LEX[x.raw]
      if not t or t.ordinal then break end
      if last == nil then
        if t.decade then
          r.lo, r.hi, r.vague, r.decade, r.digits, r.int = t.decade[1], t.decade[2], true, true, true, false
          r.p = q + 1
          return r
        end
        cur, r.digits = t.v, true
        isint = t.int and not t.slash
        if t.slash then r.slash, r.fraction = t.slash, true end
        if t.scale then r.scale, maxs, lastmult = t.scale, t.scale, t.scale end
        lead_short = t.short
        last = (t.scale and "scale") or (t.int and "digits") or "decimal"
        if t.scale then total, cur = t.v, 0 end
        accept(q + 1)
        if t.suffix or t.slash then
          r.suffix, r.raw_suffix, r.maybe_scale = t.suffix, t.raw_suffix, t.maybe_scale
          if t.maybe_scale and opts.money then
            total, cur, r.suffix, r.maybe_scale = cur * t.maybe_scale, 0, nil, nil
            r.scale = t.maybe_scale
          end
          break
        end
      elseif (last == "hundred" or last == "scale") and t.plain and t.int and t.v > 0
             and t.v < lastmult and allowed_small(t.v) and not (P(q + 1) and P(q + 1).raw == "-") then
        -- (not digits that open a compound: "seven mln 50-cent shares")
        -- "4 thousand 3 hundred and 21"
        cur, last, r.digits = cur + t.v, "digits", true
        accept(q + 1)
      elseif last == "digits" and isint and t.slash and t.slash[1] < t.slash[2] and cur == floor(cur) then
        cur, last, r.fraction = cur + t.v, "fraction", true           -- "3 1/2"
        isint = false
        accept(q + 1)
        break
      elseif last == "digits" and lead_short and opts.groups and t.plain and find(x.raw, "^%d%d%d$") then
        cur = cur * 1000 + t.v                                        -- "1 234 567"
        accept(q + 1)
      else
        break
      end
    elseif VULGAR[x.raw] then
      if not (last == "digits" and isint) and not (last == "one" or last == "teen" or last == "tens") then break end
      cur, last, r.fraction = cur + VULGAR[x.raw], "fraction", true
      isint = false
      accept(q + 1)
    elseif w == "and" and not o.no_and then
      -- "one hundred and five", "two and a half", "a million and a half"
      if not (last == "one" or last == "teen" or last == "tens" or last == "hundred" or last == "scale"
              or (last == "digits" and isint)) then
        break
      end
      local f, fq = fraction(P, q + 1)
      if f and f < 1 then
        if scale_after_fraction(P, fq) and pw(P, fq) ~= "of" and not is_article(pw(P, fq)) then
          cur = cur + f                       -- "one and a half million"
        elseif last == "scale" and lastmult >= 1e6 and cur == 0 then
          total = total + f * lastmult        -- "a million and a half"
        else
          cur = cur + f
        end
        last, r.fraction, isint = "fraction", true, false
        accept(fq)
      elseif last == "hundred" or last == "scale" then
        local w2 = pw(P, q + 1)
        local nv = w2 and (ONES[w2] or TEENS[w2] or TENS[w2])
        if not nv and w2 and find(w2, "^%d+$") then nv = tonumber(w2) end
        if not nv or nv == 0 or nv >= lastmult or (and_lim and nv >= and_lim) then break end
        snap = {total, cur, last, good, r.digits}
        and_lim = lastmult
        and_scale = last == "scale" and lastmult or nil
        no_hundred = last == "hundred"
        q = q + 1
      else
        break
      end
    elseif w == "point" then
      if not (last == nil or last == "one" or last == "teen" or last == "tens" or last == "hundred"
              or (last == "digits" and isint)) then
        break
      end
      local ds, nq = decimals(P, q + 1)
      if not ds then break end
      cur = cur + tonumber("0." .. ds)
      last, r.words, isint = "decimal", true, false
      accept(nq)
    elseif DASHES[w] and last == "tens" and P(q + 1) then
      -- "fifty - two"
      local w2 = pw(P, q + 1)
      if not (ONES[w2] and ONES[w2] > 0) then break end
      q = q + 1
    elseif is_article(w) and last == "fraction" then
      -- "half a million", "half a dozen"
      local w2 = pw(P, q + 1)
      if not (w2 and (SCALES[w2] or w2 == "dozen" or w2 == "hundred")) then break end
      q = q + 1
    elseif o.ordinal and (ORDINALS[w]) then
      -- the ordinal closes a cardinal: "twenty-first", "one hundredth"
      local ov = ORDINALS[w]
      local ok
      if ov < 10 then ok = last == nil or last == "tens" or last == "hundred" or last == "scale"
      elseif ov < 100 then ok = last == nil or last == "hundred" or last == "scale"
      elseif ov == 100 then ok = last == nil or last == "one" or last == "teen" or last == "tens"
      else ok = last == nil or last == "one" or last == "teen" or last == "tens" or last == "hundred"
                or (last == "scale" and ov > maxs) end
      if not ok or (and_lim and ov >= and_lim) then break end
      if ov < 100 then cur = cur + ov
      elseif ov == 100 then cur = (last == nil and 1 or cur) * 100
      else
        local base = last == nil and 1 or cur
        if ov > maxs then total = (total + base) * ov else total = total + base * ov end
        cur = 0
      end
      r.ordinal_end = true
      accept(q + 1)
      break
    else
      break
    end
  end

  if not good then return nil end
  r.p = good
  if last == "vague" then
    r.lo, r.hi, r.int = lo, hi, false
    return r
  end
  local v = total + cur
  r.int = isint and v == floor(v) and not r.fraction and last ~= "decimal"
  r.v = v
  r.last = last
  return r
end

-- ---- the public functions ----------------------------------------------

-- Fraction or ordinal after a words-only cardinal. Returns a replacement
-- result, false (the words are an ordinal: not a number), or nil (no change).
local function after_cardinal(P, r, opts)
  if not r.words or r.digits or r.vague or not r.int then return nil end
  local d, plural, q = denominator(P, r.p)
  if d and (plural or (r.v == 1 and d >= 3) or (r.v == 1 and d == 2) or d == 4) then
    if r.v == 1 and not plural and d > 2 and d ~= 4 and ordinal_use(P, q) then return false end
    if r.v >= 1 and not (r.v == 1 and not plural and d == 2 and pw(P, r.p) ~= "half") then
      local v = r.v / d
      local s, nq = scale_after_fraction(P, q)
      if s then v, q = v * s, nq; if r.scale < s then r.scale = s end end
      r.v, r.p, r.fraction, r.int = v, q, true, false
      return r
    end
  end
  return nil
end

-- Ends a parse: the token index after the last part, and any leftover
-- part of a hyphenated token as a suffix.
local function finish(P, r, opts, neg)
  local lastp = P(r.p - 1)
  local j = lastp.tok + 1
  local info = {
    words = r.words or nil, digits = r.digits or nil, fraction = r.fraction or nil,
    vague = r.vague or nil, collective = r.collective or nil, bare = r.bare or nil,
    article = r.article or nil, slash = r.slash, decade = r.decade or nil,
    suffix = r.suffix, raw_suffix = r.raw_suffix, maybe_scale = r.maybe_scale and norm(r.maybe_scale),
    scale = norm(r.scale or 1),
  }
  if not lastp.last then
    -- stopped inside a hyphenated word: "three-ton", "fifty-fifty"
    local rest = lastp.rest
    local first = match(rest, "^[^-]+")
    if ONES[first] or TEENS[first] or TENS[first] or first == "hundred" or SCALES[first]
       or ORDINALS[first] or ORD_PLURAL[first] then
      return nil
    end
    info.suffix, info.raw_suffix = rest, lastp.raw_rest
  end
  local value
  if r.vague then
    local lo, hi = norm(r.lo), norm(r.hi)
    if neg then lo, hi = norm(-hi), norm(-lo) end
    value = {lo, hi}
  else
    value = r.v
    if neg then value = -value; info.negative = true end
    value = norm(value)
  end
  if r.int and not r.words and not neg and r.scale == 1 and not info.suffix
     and type(value) == "number" and value >= 1000 and value <= 2100 then
    local raw = lastp.raw
    if find(raw, "^%d%d%d%d$") then info.year = true end
  end
  return value, j, info
end

local function parse_parts(P, opts)
  local x = P(1)
  if not x then return nil end
  local neg, start = false, 1
  if MINUS_WORDS[x.w] then
    neg, start = true, 2
  elseif DASHES[x.w] and opts.sign ~= false then
    local nx = P(2)
    if not nx or not find(nx.w, "^%.?%d") then return nil end
    neg, start = true, 2
  end
  local r = card(P, start, {opts = opts})
  if not r then return nil end
  if r.words and not r.digits and not r.vague and r.int then
    local f = after_cardinal(P, r, opts)
    if f == false then return nil end     -- "one third place": an ordinal
    if f then r = f
    else
      -- an ordinal that goes on from these words ("twenty-first", "two
      -- millionth") is not a count
      local o = card(P, start, {opts = opts, ordinal = true})
      if o and o.ordinal_end and o.p > r.p then return nil end
    end
  end
  return finish(P, r, opts, neg)
end

-- What may carry a number on into a longer one, as the first part of the
-- next word (card's grammar): a scale ("5 million", "2.5 bn", "$5 m"),
-- "hundred", "dozen", digits ("3 1/2"), a vulgar fraction, "and" ("5 and a
-- half"), "point".
local CARRY_ON = {hundred = true, hundreds = true, ["and"] = true, point = true, m = true, b = true}
for _, t in ipairs({SCALES, SCALES_AFTER, DOZEN, VULGAR}) do
  for k in pairs(t) do CARRY_ON[k] = true end
end
-- After a number word or a glued scale ("5bn"), number words carry it on
-- too ("twenty one", "5bn two"); after a number word, also "-" ("fifty -
-- two"), ordinals ("twenty first") and denominators ("two thirds").
local CARRY_SCALE, CARRY_WORD = {}, {half = true, quarter = true}
for _, t in ipairs({CARRY_ON, ONES, TEENS, TENS}) do
  for k in pairs(t) do CARRY_SCALE[k], CARRY_WORD[k] = true, true end
end
for _, t in ipairs({DASHES, ORDINALS, ORD_PLURAL}) do
  for k in pairs(t) do CARRY_WORD[k] = true end
end

-- Does a word carry a number on (per the set)? Its first part is what card
-- sees ("million-dollar"); U+2010 hyphens, which parts rewrites, are left
-- to the grammar too.
local function carry_test(set)
  return remembered(function(nx)
    if find(nx, "\226\128[\144\145]") then return true end
    if #nx > 2 and find(nx, "-", 2, true) and nx:sub(-1) ~= "-" and not find(nx, "^%d") then
      nx = match(nx, "[^-]+")
    end
    nx = lower(nx)
    return set[nx] == true or find(nx, "^%.?%d") ~= nil
  end)
end
local CARRIES_NUMBER, CARRIES_SCALE, CARRIES_WORD =
  carry_test(CARRY_ON), carry_test(CARRY_SCALE), carry_test(CARRY_WORD)

-- numbers.read: simple() over a doc's tokens, in C (lua_numlex.c), with
-- this file's vocabulary; without the engine (plain lua5.4) it reads
-- nothing and numbers.parse does all.
local WORD_VALUES = {}
for _, t in ipairs({ONES, TEENS, TENS}) do
  for k, v in pairs(t) do WORD_VALUES[k] = v end
end
local host_numlex = host and host.numlex
M.read = host_numlex and host_numlex{
  words = WORD_VALUES, carry_on = CARRY_ON, carry_scale = CARRY_SCALE, carry_word = CARRY_WORD,
  scales = SUFFIX_SCALES, scales_cased = SUFFIX_SCALES_CASED, money = SUFFIX_MONEY,
} or function() return nil end

-- numbers.start_finder: host.figure_starts (lua_figstarts.c), for rules,
-- which do not see host; nil without the engine.
M.start_finder = host_numlex and host.figure_starts

-- numbers.token_tables(doc) -> word, lower, kind: host.token_tables
-- (lua_toktables.c), per-token tables a rule reads like doc:word(i) ...,
-- filled in C on first read; nil without the engine.
M.token_tables = host_numlex and host.token_tables

-- What simple() needs of a first word: its lex table (digits), its value (a
-- lone number word), or false.
local FIRST_WORD = remembered(function(raw)
  if find(raw, "\226\128[\144\145]") then return false end
  if find(raw, "^%.?%d") then return LEX[raw] end
  local w = lower(raw)
  return ONES[w] or TEENS[w] or TENS[w] or false
end)

local READ_ON   -- the words card reads on into after a number (below)

-- Does "and" after digits end the number ("2004 and 2005", "2004 and the")?
-- card reads on past "and" after digits only into a fraction ("3 and a
-- half", "3 and three quarters"), which digits, punctuation, letters card
-- does not read (not in READ_ON) or nothing cannot begin.
local function and_ends(words, i, nx)
  if lower(nx) ~= "and" then return false end
  local x = words[i + 2]
  return x == nil or find(x, "^%d") ~= nil or find(x, "^%p+$") ~= nil
    or (find(x, "^%a+$") ~= nil and not READ_ON[lower(x)])
end

-- Digits and a scale word that nothing after carries on ("9.9 million
-- people", "5 billion ."): what card makes of them (the scale multiplies
-- the digits), or nil when the grammar must decide. The word after must be
-- letters card does not read on into (READ_ON), punctuation, or nothing.
local function digits_scale(words, i, t, nx)
  if t.scale or t.maybe_scale or t.decade or t.ordinal or find(nx, "-", 1, true) then return nil end
  local s = SCALES[lower(nx)]
  if not s then return nil end
  local x = words[i + 2]
  if x ~= nil and not find(x, "^%p+$") and not (find(x, "^%a+$") and not READ_ON[lower(x)]) then
    return nil
  end
  return norm(t.v * s), i + 2, {words = true, digits = true, scale = norm(s)}
end

-- The common cases, read without building parts: a lone digit token ("76",
-- "2.5", "5km", "3/4", "$5m", "1.13bn") or number word ("five", "twenty")
-- that nothing after it carries on; what card, after_cardinal and finish
-- make of it. nil when the grammar must decide (a decade, an ordinal, a
-- hyphenated word, a next word that may carry the number on).
local function simple(words, i, opts)
  local raw = words[i]
  local t = FIRST_WORD[raw]
  if not t then return nil end
  local nx = words[i + 1]
  if type(t) == "number" then
    if nx ~= nil and CARRIES_WORD[nx] then return nil end
    return t, i + 1, {words = true, scale = 1}
  end
  if t.ordinal or t.decade then return nil end
  if t.scale then
    if nx ~= nil and CARRIES_SCALE[nx] then return nil end
    return norm(t.v), i + 1, {digits = true, scale = norm(t.scale)}
  end
  if not (t.suffix or t.slash) and nx ~= nil and CARRIES_NUMBER[nx] and not and_ends(words, i, nx) then
    return digits_scale(words, i, t, nx)
  end
  local v, scale, suffix, maybe = t.v, 1, t.suffix, t.maybe_scale
  if maybe and opts.money then v, scale, suffix, maybe = v * maybe, maybe, nil, nil end
  local info = {
    digits = true, fraction = t.slash and true or nil, slash = t.slash, suffix = suffix,
    raw_suffix = t.raw_suffix, maybe_scale = maybe and norm(maybe), scale = norm(scale),
  }
  local value = norm(v)
  if t.int and not t.slash and v == floor(v) and scale == 1 and not suffix
     and value >= 1000 and value <= 2100 and find(raw, "^%d%d%d%d$") then
    info.year = true
  end
  return value, i + 1, info
end

-- "quarter", "point" and "a"/"an" start a number only before certain next
-- words (card's prefixes and "point" branch, scale_after_fraction,
-- decimals, denominator). Before any other plain word the grammar's answer
-- is known without building parts (~27k instructions a call): no number
-- ("the third quarter,", "a point in"), or, when the caller lets an article
-- be one ("a year"), 1 read from the article alone; "half" before a word
-- the grammar does not read on into is a half. These are ~350 of the ~750
-- grammar calls on 300 articles. Returns "none", "one", "half", or false
-- (the grammar decides: a hyphenated next word is split by it).
local ARTICLE_NEXT = {hundred = true, dozen = true, half = true, quarter = true}
for _, t in ipairs({SCALES, PAIR_ARTICLE, VAGUE_ARTICLE, ORD_PLURAL, ORDINALS, TENS}) do
  for k in pairs(t) do ARTICLE_NEXT[k] = true end
end
local QUARTER_NEXT = {hundred = true, a = true, an = true, of = true}
for _, t in ipairs({SCALES, DOZEN}) do
  for k in pairs(t) do QUARTER_NEXT[k] = true end
end
local function known_answer(words, i, opts)
  local w, nx = lower(words[i]), words[i + 1]
  if w ~= "quarter" and w ~= "point" and w ~= "a" and w ~= "an" and w ~= "half" then return false end
  if nx == nil then return w == "half" and "half" or "none" end
  if find(nx, "-", 1, true) or find(nx, "\226\128[\144\145]") then return false end
  nx = lower(nx)
  if w == "half" then
    -- "half of", "half the", "half .": what card's "half" is before a word
    -- it does not read on into (READ_ON: a scale, "a million" ...)
    return (find(nx, "^%p+$") or (find(nx, "^%a+$") and not READ_ON[nx])) and "half"
  end
  if w == "quarter" then
    if nx == "of" then
      -- "quarter of the year": only "of a million" goes on (scale_after_fraction)
      local x = words[i + 2]
      if x == nil then return "none" end
      if find(x, "-", 1, true) or find(x, "\226\128[\144\145]") then return false end
      x = lower(x)
      return x ~= "a" and x ~= "an" and "none"
    end
    return not QUARTER_NEXT[nx] and "none"
  end
  if w == "point" then return not (ONES[nx] or TEENS[nx] or TENS[nx] or find(nx, "^%d")) and "none" end
  if ARTICLE_NEXT[nx] then return false end
  return opts.article and "one" or "none"
end

-- A number word hyphenated to a plain word ("five-year", "twenty-day",
-- "one-off"): the number, and the rest as its suffix, as card, after_cardinal
-- and finish make of it, without building parts (~80 grammar calls on 300
-- articles). nil when the grammar must decide: a word after the hyphen
-- that it reads on ("twenty-one", "two-thirds", "five-million").
-- READ_ON: the words card, after_cardinal or finish read on into after a
-- number (or might: a superset), declared above and_ends.
READ_ON = {hundred = true, hundreds = true, ["and"] = true, point = true, a = true, an = true,
           half = true, quarter = true, m = true, b = true, firsts = true}
for _, t in ipairs({ONES, TEENS, TENS, SCALES, SCALES_AFTER, DOZEN, ORDINALS, ORD_PLURAL, VAGUE_WORDS,
                    VAGUE_PLURAL}) do
  for k in pairs(t) do READ_ON[k] = true end
end
local function hyphenated(raw)
  if #raw <= 2 or not find(raw, "-", 2, true) or not find(raw, "^%a") or raw:sub(-1) == "-"
     or find(raw, "\226\128[\144\145]") then
    return nil
  end
  local pieces = {}
  for piece in raw:gmatch("[^-]+") do pieces[#pieces + 1] = piece end
  local first, second = lower(pieces[1]), lower(pieces[2])
  local v = ONES[first] or TEENS[first] or TENS[first]
  if not v or first == "nil" or not find(second, "^%a+$") or READ_ON[second] then return nil end
  local raw_rest = table.concat(pieces, "-", 2)
  return v, {words = true, suffix = lower(raw_rest), raw_suffix = raw_rest, scale = 1}
end

local STARTS   -- numbers.starts, remembered (below)

function M.parse(words, i, opts)
  local w = words[i]
  if w == nil then return nil end
  if not STARTS[w] then return nil end
  opts = opts or {}
  local v, j, info = simple(words, i, opts)
  if v then return v, j, info end
  local known = known_answer(words, i, opts)
  if known == "none" then return nil end
  -- (what finish makes of them)
  if known == "one" then return 1, i + 1, {article = true, scale = 1} end
  if known == "half" then return 0.5, i + 1, {words = true, fraction = true, scale = 1} end
  local hv, hinfo = hyphenated(w)
  if hv then return hv, i + 1, hinfo end
  return parse_parts(parts(words, i), opts)
end

-- ---- ranges and ratios -------------------------------------------------

local RANGE_CONN = { to = "to", ["-"] = "-", ["–"] = "-", ["—"] = "-", ["~"] = "~", ["or"] = "or",
                     through = "to", thru = "to" }

local function is_yearish(info, v)
  return info.year and type(v) == "number"
end

function M.range(words, i, opts)
  opts = opts or {}
  local w = words[i] and lower(words[i])
  if not w then return nil end
  local k = i
  local between, from = w == "between", w == "from"
  if between or from then k = k + 1 end
  local a, ka, ia = M.parse(words, k, opts)
  if not a or type(a) ~= "number" then return nil end
  local c = words[ka] and lower(words[ka])
  local conn
  if between then
    if c ~= "and" then return nil end
    conn = "and"
  elseif from then
    conn = RANGE_CONN[c]
    if conn ~= "to" and conn ~= "-" then return nil end
  else
    conn = RANGE_CONN[c]
    if not conn then return nil end
  end
  local ob = {money = opts.money, groups = opts.groups, sign = false}
  local b, kb, ib = M.parse(words, ka + 1, ob)
  if not b or type(b) ~= "number" then return nil end
  if ia.suffix and ia.suffix ~= ib.suffix then return nil end
  if conn == "or" and ia.scale > 1 then return nil end      -- "10 bn or 10 tn": two figures
  if ia.slash or ib.slash then return nil end
  if is_yearish(ia, a) and is_yearish(ib, b) then return nil end
  -- "2 to 3 million", "$5-10bn": the upper end's scale carries down
  if ib.scale > 1 and ia.scale == 1 and not ia.fraction and a * ib.scale <= b then
    a = norm(a * ib.scale)
  end
  if not (a < b) then return nil end
  return {a, b}, kb, {lo = ia, hi = ib, connector = conn}
end

function M.ratio(words, i, opts)
  local a, ka, ia = M.parse(words, i, opts)
  if not a or type(a) ~= "number" or ia.fraction or math.type(a) ~= "integer" then return nil end
  local c = words[ka] and lower(words[ka])
  local k = ka + 1
  if c == "out" and words[k] and lower(words[k]) == "of" then k = k + 1
  elseif c ~= "in" then return nil end
  local b, kb, ib = M.parse(words, k, {sign = false})
  if not b or type(b) ~= "number" or math.type(b) ~= "integer" or ib.suffix then return nil end
  if not (a < b) or a < 0 then return nil end
  return norm(a / b), kb, {num = a, den = b, numerator = ia, denominator = ib}
end

-- ---- ordinals, pronouns, years -------------------------------------------

function M.ordinal(words, i)
  local w = words[i]
  if not w then return nil end
  if find(w, "^%d") then
    local t = LEX[w]
    if t and t.ordinal then return norm(t.v), i + 1 end
    return nil
  end
  local P = parts(words, i)
  local r = card(P, 1, {ordinal = true, words_only = true})
  if r and r.ordinal_end then
    local lastp = P(r.p - 1)
    if not lastp.last then return nil end
    return norm(r.v), lastp.tok + 1
  end
  return nil
end

local PRON_PREV = {
  no = true, the = true, this = true, that = true, which = true, any = true, every = true,
  each = true, another = true, ["little"] = true, only = true, new = true, old = true,
  big = true, right = true, wrong = true, same = true, other = true, such = true,
  last = true, latest = true, next = true, first = true, younger = true, older = true,
  loved = true, special = true, good = true, bad = true, better = true, real = true,
}
local PRON_NEXT = {
  another = true, ["'s"] = true, ["’s"] = true, who = true, whom = true, whose = true,
  ["else"] = true, ["by"] = true, thing = true, could = true, might = true, must = true,
  should = true, would = true, can = true, will = true, may = true, ought = true,
  -- "never seen one so over the line", "one that got away"
  so = true, too = true, that = true, which = true,
}
local DETERMINERS = {
  the = true, those = true, these = true, them = true, us = true, his = true, her = true,
  its = true, their = true, our = true, my = true, your = true,
}

function M.is_pronoun_one(words, i)
  local w = words[i] and lower(words[i])
  if w == "ones" then return true end
  if w ~= "one" then return false end
  local nx = words[i + 1] and lower(words[i + 1])
  -- "the one hundred", "one and a half": a number, whatever came before
  local _, j = M.parse(words, i)
  if j and j > i + 1 then return false end
  if nx and (nx == "'s" or nx == "’s" or find(nx, "^one['’]s$")) then return true end
  local pv = i > 1 and words[i - 1] and lower(words[i - 1])
  if pv and PRON_PREV[pv] then
    return true
  end
  if nx and PRON_NEXT[nx] then return true end
  -- "a nice goal and one to keep" (not "one to two weeks")
  if nx == "to" then
    local n2 = words[i + 2]
    return n2 ~= nil and find(n2, "^%l") ~= nil and not M.word_value(lower(n2))
  end
  if nx == "of" then
    local d = words[i + 2] and lower(words[i + 2])
    local s = words[i + 3] and lower(words[i + 3])
    if d and DETERMINERS[d] and s and (s == "most" or s == "best" or s == "worst" or s == "few"
        or s == "least" or s == "many" or (#s > 4 and find(s, "est$"))) then
      return true
    end
  end
  return false
end

local MONTHS = {
  january = true, february = true, march = true, april = true, may = true, june = true,
  july = true, august = true, september = true, october = true, november = true,
  december = true, jan = true, feb = true, mar = true, apr = true, jun = true, jul = true,
  aug = true, sep = true, sept = true, oct = true, nov = true, dec = true,
}
local YEAR_PREV = {
  ["in"] = true, since = true, ["by"] = true, ["until"] = true, till = true, ["of"] = true,
  from = true, early = true, late = true, mid = true, during = true, before = true,
  after = true, ["year"] = true, ["summer"] = true, ["spring"] = true, ["autumn"] = true,
  ["winter"] = true, ["fall"] = true, ["through"] = true, circa = true, ["c."] = true,
  ["season"] = true, ["fiscal"] = true, ["the"] = false,
}
local COUNT_PREV = {
  ["$"] = true, ["€"] = true, ["£"] = true, ["¥"] = true, about = true, around = true,
  some = true, nearly = true, almost = true, over = true, than = true, approximately = true, roughly = true, ["up"] = true, estimated = true,
  just = true, ["another"] = true, additional = true, ["all"] = true, ["only"] = true,
}
-- plurals without an s: "2000 people"
local COUNT_NEXT = {
  people = true, children = true, men = true, women = true, police = true, personnel = true,
  staff = true, cattle = true, sheep = true, fish = true, feet = true, aircraft = true,
}
local YEAR_NEXT_NOUN = {
  elections = true, games = true, olympics = true, levels = true, polls = true,
  championships = true, finals = true, midterms = true, figures = true, prices = true,
  numbers = true, rates = true, values = true, standards = true, laws = true,
}

-- before an older year ("in 1337 by King Edward III", "since 1066,"):
-- what may follow a year, and what comes before one
local OLD_YEAR_PREV = {["in"] = true, since = true, ["until"] = true, till = true, circa = true,
  ["c."] = true, during = true}
local OLD_YEAR_NEXT = {by = true, when = true, ["and"] = true, as = true, after = true, before = true,
  ["until"] = true, at = true, with = true, under = true, that = true, which = true, the = true,
  ["in"] = true, on = true, ["for"] = true, ["or"] = true, but = true, where = true}

function M.looks_like_year(word, next_word, prev_word)
  if not word or not find(word, "^%d%d%d%d$") then return false end
  local n = tonumber(word)
  if n >= 1000 and n < 1800 and prev_word and OLD_YEAR_PREV[lower(prev_word)] then
    local nx = next_word and lower(next_word)
    return nx == nil or not find(nx, "^%a") or OLD_YEAR_NEXT[nx] == true
  end
  if n < 1800 or n > 2100 then return false end
  local pv = prev_word and lower(prev_word)
  if pv and YEAR_PREV[pv] then return true end
  if pv and (COUNT_PREV[pv] or DASHES[pv] and false) then return false end
  if not next_word then return true end
  local nx = lower(next_word)
  if not find(nx, "^%a") then return true end       -- punctuation, digits
  if MONTHS[nx] then return true end
  if YEAR_NEXT_NOUN[nx] then return true end
  -- "2000 people", "1900 troops": a round number before a plural noun is a
  -- count; "2003 results" is still a year (counts that exact get a comma)
  if n % 100 ~= 0 then return true end
  if COUNT_NEXT[nx] then return false end
  if #nx > 3 and find(nx, "^%l+s$") and not find(nx, "ss$") and not find(nx, "us$")
     and not find(nx, "is$") and nx ~= "was" and nx ~= "has" and nx ~= "does" then
    return false
  end
  return true
end

-- ---- small lookups -------------------------------------------------------

local STARTERS = {
  a = true, an = true, half = true, quarter = true, point = true, hundred = true,
  minus = true, negative = true, several = true,
}
for _, t in ipairs({ONES, TEENS, TENS, SCALES, VAGUE_PLURAL}) do
  for k in pairs(t) do STARTERS[k] = true end
end

STARTS = remembered(function(word)
  if find(word, "^%.?%d") then return true end
  if VULGAR[word] or DASHES[word] then return true end
  local lw = lower(word)
  if STARTERS[lw] then return true end
  local head = match(lw, "^(%a+)%-")
  return head ~= nil and STARTERS[head] == true
end)
function M.starts(word) return STARTS[word] end

-- The words a numeric expression may start with, lower-case (for a
-- rule's quick filter; digits, "-" and "½" are not in it).
function M.words()
  local list = {}
  for k in pairs(STARTERS) do list[#list + 1] = k end
  table.sort(list)
  return list
end

function M.word_value(word)
  local w = lower(word)
  return ONES[w] or TEENS[w] or TENS[w] or (w == "hundred" and 100) or SCALES[w]
    or (w == "dozen" and 12) or nil
end

-- The multiplier of a scale word after a number ("million", "bn"), or nil.
function M.scale(word)
  local w = lower(word)
  return SCALES[w] or SCALES_AFTER[w]
end

function M.vague(word)
  local r = VAGUE_PLURAL[lower(word)] or VAGUE_WORDS[lower(word)]
  return r and {r[1], r[2]} or nil
end

function M.token(word, opts)
  local t = LEX[word]
  if not t then return nil end
  local info = {suffix = t.suffix, scale = norm(t.scale or 1), slash = t.slash,
                ordinal = t.ordinal or nil, maybe_scale = t.maybe_scale and norm(t.maybe_scale),
                decade = t.decade and true or nil}
  if t.decade then return {t.decade[1], t.decade[2]}, info end
  local v = t.v
  if t.maybe_scale and opts and opts.money then
    v, info.scale, info.suffix, info.maybe_scale = v * t.maybe_scale, t.maybe_scale, nil, nil
  end
  return norm(v), info
end

return M
