-- Figures: counts, percentages, money, quantities with units, durations,
-- ages and ranges, with the hedges around them ("around 20%", "more than
-- $5bn", "nearly four years", "hundreds of thousands", "a 30-day truce").
-- trawl.numbers reads the numbers; units come from lexicons/units.yaml,
-- hedges from lexicons/hedges.yaml. Years, dates, times, ordinals, scores,
-- labels ("No. 10", "Boeing 737", "F-16") and "one" as a pronoun are not
-- figures.
local N = require "trawl.numbers"
-- Module fields and library functions as upvalues: a rule sees N through a
-- read-only view whose every field read is a call, and a global read is two
-- table lookups; these run for every candidate figure.
local parse_number, can_start, word_value, scale_word = N.parse, N.starts, N.word_value, N.scale
local token_tables = N.token_tables
local looks_like_year, is_pronoun_one, read_number = N.looks_like_year, N.is_pronoun_one, N.read
local mtype, floor, abs, min, max, tointeger = math.type, math.floor, math.abs, math.min, math.max, math.tointeger
local type, ipairs, tonumber = type, ipairs, tonumber
local UNITS = lexicon "units"
local HEDGES = lexicon "hedges"
-- UNITS:lookup and HEDGES:lookup remembered per word (false for none):
-- each call tokenizes its string in C, and candidates ask about the same
-- few words over and over.
local UNIT_OF = N.remembered(function(s) return UNITS:lookup(s) end)
local HEDGE_OF = N.remembered(function(s) return HEDGES:lookup(s) end)
-- Pattern tests on one word, remembered per word like the lookups above:
-- each string.find is a C call with a step budget, and most candidates
-- ask them of the same few words.
-- "USD3", "Rs20,000": {letters, digits} of a word that is letters then digits
local CODE_DIGITS = N.remembered(function(w)
  local pre, digits = w:match("^(%a+)(%d[%d,]*)$")
  return pre and {pre, digits}
end)
-- "all-day": {first, second} of two words of letters joined by a hyphen
local HYPHEN_PAIR = N.remembered(function(w)
  local a, b = w:match("^(%a+)%-(%a+)$")
  return a and {a, b}
end)
-- after "a": "a fifth", "a two-thirds" ("^%a+ths?$", "^%a+%-")
local ORDINAL_OR_HYPHEN = N.remembered(function(w)
  return w:find("^%a+ths?$") ~= nil or w:find("^%a+%-") ~= nil
end)
-- a count's noun: a plural ("-s", not "-ss", "-us"), at least four letters
local PLURAL_NOUN = N.remembered(function(w)
  return #w > 3 and w:find("s$") ~= nil and not w:find("[su'’]s$")
end)
local ENDS_ED = N.remembered(function(w) return w:find("ed$") ~= nil end)

-- ---- word lists ------------------------------------------------------------

local DASH = {["-"] = true, ["–"] = true, ["—"] = true, ["−"] = true}
local MONTHS = {
  january = true, february = true, march = true, april = true, may = true, june = true,
  july = true, august = true, september = true, october = true, november = true, december = true,
  jan = true, ["jan."] = true, feb = true, ["feb."] = true, mar = true, ["mar."] = true,
  apr = true, ["apr."] = true, jun = true, ["jun."] = true, jul = true, ["jul."] = true,
  aug = true, ["aug."] = true, sep = true, ["sep."] = true, sept = true, ["sept."] = true,
  oct = true, ["oct."] = true, nov = true, ["nov."] = true, dec = true, ["dec."] = true,
}
local WEEKDAYS = {
  monday = true, tuesday = true, wednesday = true, thursday = true, friday = true,
  saturday = true, sunday = true,
}
-- a number after these is a label, not an amount: "No. 10", "Article 5", "day 3"
local LABEL_PREV = {
  ["no."] = true, ["nos."] = true, ["#"] = true, number = true, ["num."] = true, ["vol."] = true,
  page = true, ["p."] = true, ["pp."] = true, chapter = true, section = true, article = true,
  paragraph = true, clause = true, line = true, room = true, gate = true, platform = true,
  route = true, flight = true, channel = true, version = true, grade = true, size = true,
  category = true, phase = true, stage = true, round = true, game = true, episode = true,
  part = true, day = true, week = true, level = true, model = true, unit = true, block = true,
  highway = true, road = true, street = true, resolution = true, seat = true, row = true,
}
-- a time of day, not an amount: "at 5 pm", "10 a.m."
local TIME_NEXT = {
  am = true, pm = true, ["a.m."] = true, ["p.m."] = true, ["a.m"] = true, ["p.m"] = true,
  gmt = true, bst = true, utc = true, cet = true, est = true, edt = true, pst = true,
  ["o'clock"] = true,
}
-- after a change verb, "from X to Y" and "X to Y" are two figures, not a range
local PERIOD_ORDINAL = {first = true, second = true, third = true, fourth = true, latter = true, former = true}

local OWNER_WORD = {its = true, their = true, his = true, her = true, our = true, my = true, your = true}

-- after "a year", "a month": the time it points back or forward to
local RELATIVE_AFTER = {ago = true, earlier = true, before = true, later = true, previously = true}

-- verbs of moving by oneself, whose particle "up" is no hedge ("edged up
-- to 3.5%"; not "would raise up to £680m", "cut up to 45,000 jobs")
local MOVED = {}
for w in ([[edged edges edge went goes go moved moves move crept creeps inched inches ticked ticks
  shot climbed climbs crawled bounced rebounded firmed]]):gmatch("%a+") do
  MOVED[w] = true
end
local CHANGE = {
  rose = true, rise = true, rises = true, rising = true, risen = true, fell = true, fall = true,
  falls = true, falling = true, fallen = true, increased = true, increase = true, increases = true,
  increasing = true, decreased = true, decrease = true, decreasing = true, dropped = true,
  drop = true, drops = true, dropping = true, climbed = true, climb = true, climbs = true,
  climbing = true, jumped = true, jump = true, jumps = true, jumping = true, grew = true,
  grow = true, grown = true, growing = true, cut = true, cuts = true, cutting = true,
  raised = true, raise = true, raising = true, lowered = true, lowering = true, down = true,
  up = true, declined = true, decline = true, slipped = true, slips = true, slipping = true,
  soared = true, soars = true, soaring = true, surged = true, surges = true, surging = true,
  plunged = true, plunges = true, plunging = true, shrank = true, shrinking = true,
  widened = true, widens = true, narrowed = true, narrows = true, went = true, changed = true,
  moved = true, revised = true, reduced = true, boosted = true, slashed = true, slashing = true,
  doubled = true, tripled = true, edged = true, eased = true, slid = true, tumbled = true,
  tumbles = true, rebounded = true, recovered = true, higher = true, lower = true,
  upgraded = true, downgraded = true, hiked = true, expanded = true, gained = true, gain = true,
  gains = true, lost = true, lose = true, loses = true, added = true, adds = true, shed = true,
  sheds = true, slumped = true, slump = true, dipped = true, dip = true, rallied = true,
  advanced = true, retreated = true, sank = true, sinks = true, swung = true,
}
-- before "from X to Y", these make it a range rather than a change
local RANGE_CUE = {
  ranging = true, range = true, ranges = true, ranged = true, varying = true, vary = true,
  varies = true, varied = true, anywhere = true, anything = true, aged = true, ages = true,
  spanning = true, sentences = true, sentence = true, estimates = true, estimated = true,
  -- prices: "tickets cost from $10 to $20" (a change verb nearer wins: "costs rose from")
  cost = true, costs = true, priced = true, fares = true,
}
-- "a decade", "an hour" are figures after these ("for a decade", "more than a year")
local ARTICLE_PREV = {
  ["for"] = true, within = true, than = true, lasted = true, lasting = true, spanning = true,
  least = true, most = true, ["just"] = true, only = true, barely = true, nearly = true,
  -- ("took a decade", "spent a year in jail", "after a decade of war",
  -- "it has been a year since", "over a decade")
  took = true, take = true, takes = true, taking = true, spent = true, spend = true, spends = true,
  spending = true, waited = true, wait = true, after = true, over = true, been = true,
}
-- words after "a second" that leave it a period ("for a second it goes"),
-- where a noun makes it an ordinal ("a second term")
local AFTER_PERIOD = {it = true, he = true, she = true, they = true, we = true, i = true, you = true,
  ["and"] = true, ["or"] = true, but = true, ["then"] = true, before = true, after = true, ["in"] = true,
  of = true, to = true, ago = true, later = true, longer = true, too = true, there = true}
-- "the past three quarters", "two consecutive quarters": periods, not fractions
local PERIOD_PREV = {
  past = true, last = true, previous = true, preceding = true, next = true, first = true,
  consecutive = true, successive = true, straight = true, coming = true, recent = true,
  following = true, final = true,
}
-- "in a quarter", "per half": periods, not fractions
local PERIOD_ARTICLE_PREV = {["in"] = true, per = true, each = true, every = true, once = true, twice = true}
-- before a bare amount, these compare it with an earlier one ("up from 38m")
local ELLIPSIS_PREV = {
  to = true, from = true, at = true, with = true, than = true, ["and"] = true, ["or"] = true,
  vs = true, versus = true, against = true,
}
-- near a glued "m", these make it metres ("the 100m sprint"), not millions
-- what shows that an article is about money or audiences at all, where a
-- glued "m" is millions
local MONEY_SIGNS = {"£", "$", "€", "¥", "₹", "dollar", "pound", "euro", "dlr", "stg", "sterling", "yen",
  "yuan", "rupee", "franc", "peso", "rouble", "ruble", "price", "cost", "profit", "revenue", "budget",
  "fund", "pay", "spend", "worth", "deal", "sales", "bank", "share", "stock", "market", "invest", "tax", "econom",
  "debt", "loan", "earn", "income", "wage", "salar", "cash", "money", "financ", "subscri", "viewer", "user"}
local LENGTH_CONTEXT = {
  high = true, tall = true, long = true, wide = true, deep = true, deeper = true, higher = true,
  sprint = true, race = true, hurdles = true, freestyle = true, backstroke = true,
  breaststroke = true, butterfly = true, relay = true, medley = true, dash = true, away = true,
  above = true, below = true, underground = true, altitude = true, height = true, length = true,
  radius = true, diameter = true, depth = true, swim = true, metres = true, meters = true,
  wall = true, tower = true, waves = true, wave = true, jump = true, throw = true,
  distance = true, runway = true, span = true, bridge = true, tunnel = true, sea = true,
  size = true, width = true, thick = true, thickness = true, wavelength = true,
  -- races in athletics and swimming ("the world indoor 200m champion")
  champion = true, champions = true, championship = true, championships = true, title = true,
  final = true, finals = true, heat = true, heats = true, runner = true, sprinter = true,
  hurdler = true, swimmer = true, medal = true, medallist = true, medalist = true,
}
-- near a "b" after a number, these make it bits ("a 1500b packet"), not billions
local DATA_CONTEXT = {
  data = true, packet = true, packets = true, transmit = true, transmits = true,
  transmitted = true, download = true, upload = true, bandwidth = true, memory = true,
  storage = true, server = true, network = true, file = true, files = true, bits = true,
  bytes = true, information = true, encryption = true, key = true,
}
-- plurals without an s that a count may count: "5m people"
local COUNTABLE = {
  people = true, children = true, men = true, women = true, police = true, staff = true,
  personnel = true, cattle = true, sheep = true, fish = true, livestock = true, aircraft = true,
}
-- the nearest of these decides what "pounds" and "degrees" are
local MONEY_CONTEXT = {
  cost = true, costs = true, price = true, prices = true, paid = true, pay = true, pays = true,
  worth = true, fine = true, fined = true, salary = true, spend = true, spent = true,
  budget = true, bill = true, raised = true, earn = true, earned = true, earns = true,
  bank = true, fund = true, funds = true, tax = true, sold = true, buy = true, bought = true,
  sale = true, sales = true, profit = true, profits = true, revenue = true, loss = true,
  losses = true, debt = true, deal = true, charge = true, charged = true, fee = true,
  fees = true, wage = true, wages = true, income = true, award = true, awarded = true,
  compensation = true, investment = true, invest = true, invested = true, donated = true,
  ["£"] = true, sterling = true, cash = true,
}
local MASS_CONTEXT = {
  weigh = true, weighs = true, weighed = true, weighing = true, weight = true, heavy = true,
  heavier = true, lighter = true, lost = true, gained = true, lose = true, gain = true,
  bomb = true, bombs = true, baby = true, fish = true, meat = true,
}
local ANGLE_CONTEXT = {
  rotate = true, rotated = true, rotating = true, rotation = true, turn = true, turned = true,
  turns = true, turning = true, angle = true, angles = true, tilt = true, tilted = true,
  incline = true, slope = true, latitude = true, longitude = true, arc = true, spin = true,
  pivot = true, heading = true, bearing = true,
}
local TEMP_CONTEXT = {
  temperature = true, temperatures = true, heat = true, hot = true, cold = true, warm = true,
  warmer = true, colder = true, celsius = true, fahrenheit = true, highs = true, lows = true,
  freezing = true, heatwave = true, fever = true, weather = true,
}
-- the nearest of these says which scale bare degrees are on
local FAHRENHEIT, CELSIUS = {fahrenheit = true}, {celsius = true, centigrade = true}
-- the words that let a weak unit stand apart from its number ("2 in.")
local KIND_CONTEXT = {length = LENGTH_CONTEXT, temperature = TEMP_CONTEXT, information = DATA_CONTEXT}
-- words that end the noun phrase a figure is "of"
local OF_STOP = {
  the = true, a = true, an = true, ["of"] = true, ["in"] = true, on = true, at = true, to = true,
  ["for"] = true, from = true, by = true, with = true, as = true, that = true, which = true,
  who = true, were = true, was = true, are = true, is = true, have = true, has = true,
  had = true, will = true, would = true, could = true, said = true, say = true, says = true,
  since = true, than = true, ["or"] = true, ago = true, after = true, before = true,
  more = true, less = true, over = true, under = true, into = true, per = true, each = true,
  this = true, last = true, next = true, its = true, their = true, his = true, her = true,
  be = true, been = true, being = true, earlier = true, later = true,
  -- a time, not what is counted: "closed at 398.72 yesterday"
  yesterday = true, today = true, tomorrow = true, tonight = true, now = true,
  -- a clause, not a noun, follows: "from 4,000 when it completes"
  when = true, where = true, ["while"] = true, ["if"] = true, because = true, although = true,
  though = true, ["until"] = true, unless = true, whether = true, but = true, so = true,
  it = true, he = true, she = true, they = true, we = true, i = true, you = true,
  -- a place, a time or a use after the noun: "freight between Montreal", "cargo through"
  between = true, through = true, onto = true, out = true, following = true, during = true,
  within = true, across = true, against = true, available = true, about = true, up = true,
  -- a multiplier counts nothing: "three times faster"
  times = true,
  -- a verb after it: "300mm of rain fell"
  fell = true, rose = true, came = true, went = true, fall = true, falls = true, rise = true, rises = true,
}

-- after "a"/"an", the words that can make it a number ("a dozen", "a third")
-- words between a count and its unit: "2 more minutes", "three extra days"
local UNIT_GAP = {more = true, additional = true, extra = true, less = true, fewer = true, further = true}
-- A measure written in several units, largest first ("7 feet 10 inches",
-- "2 km and 1 metre", "1 hour and 15 minutes", "2 hours ten"): one figure in
-- the smallest unit, or in the first when the units mix metric and imperial.
-- Factors to a base unit per kind; a bare number may follow the units in
-- BARE_NEXT.
local PART_UNIT = {
  km = {"length", 1000, "metric"}, m = {"length", 1, "metric"}, cm = {"length", 0.01, "metric"},
  mm = {"length", 0.001, "metric"}, mi = {"length", 1609.344, "imperial"}, yd = {"length", 0.9144, "imperial"},
  ft = {"length", 0.3048, "imperial"}, ["in"] = {"length", 0.0254, "imperial"},
  -- a year is 365 days, a month 30, and a year twelve months ("2 years and
  -- 3 months" = 27 months)
  year = {"duration", 31536000}, month = {"duration", 2592000},
  week = {"duration", 604800}, day = {"duration", 86400}, hour = {"duration", 3600},
  minute = {"duration", 60}, second = {"duration", 1},
  t = {"mass", 1000, "metric"}, kg = {"mass", 1, "metric"}, g = {"mass", 0.001, "metric"},
  lb = {"mass", 0.45359237, "imperial"}, oz = {"mass", 0.028349523125, "imperial"},
  stone = {"mass", 6.35029318, "imperial"},
}
local BARE_NEXT = {hour = "minute", minute = "second", ft = "in"}
-- A duration is given in whole units where a smaller unit makes it whole, as
-- Duckling does and as several units are read above: "1.5 hours" is 90
-- minutes, "half a day" 12 hours, "a month and a half" 45 days. Seconds keep
-- their decimals.
local SMALLER = {
  year = {"month", 12}, quarter = {"month", 3}, month = {"day", 30}, week = {"day", 7},
  day = {"hour", 24}, hour = {"minute", 60}, minute = {"second", 60},
}
-- "half an hour", "half a litre", "a quarter of a mile": a fraction of one
-- measure (not of money: "half a million dollars" is read by numbers.lua)
-- (and of a percentage point: "a quarter of a percentage point")
local MEASURE_OF_A = {duration = true, length = true, area = true, volume = true, mass = true, percent = true}

-- words before an amount that make it a modifier of the noun after it ("a
-- $5bn deal"), and words after it that are no such noun
local ATTRIBUTIVE = {a = true, an = true, the = true, its = true, his = true, her = true, their = true, this = true}
local NOT_NOUN = {a = true, an = true, the = true, last = true, this = true, next = true, each = true, per = true,
  more = true, less = true, higher = true, lower = true, up = true, down = true, over = true, under = true,
  ["and"] = true, ["or"] = true, but = true, hurt = true, rose = true, fell = true, grew = true, hit = true,
  cut = true, led = true, won = true, lost = true, put = true, set = true, came = true, went = true,
  already = true, seen = true, worth = true, due = true, thanks = true}

-- pasts that make a new clause after a count and "and" ("killed 40 people and left ...")
-- pasts that are no nouns, after a count ("thousands fled"; not "one set of")
local COUNT_VERB_PAST = {}
for w in ("fled fell rose went came took gave made saw"):gmatch("%a+") do COUNT_VERB_PAST[w] = true end
local PAST_AFTER_AND = {}
for w in ("left made took sent set cut hit put gave went came saw held kept led lost won brought"):gmatch("%a+") do
  PAST_AFTER_AND[w] = true
end

-- "all day", "a whole week", "another hour", "full-year": one of the unit
local ONE_OF = {all = true, full = true, whole = true, another = true}
-- (not a modifier: "full-year profits", "an all-day event")
local NEXT_OK = {of = true, ["and"] = true, ["or"] = true, to = true, ["in"] = true, on = true, at = true,
  ["for"] = true, with = true, before = true, after = true, ago = true, later = true, than = true, as = true}
-- "more than 10 and fewer than 20": bounds joined into a range
local LOWER, UPPER = {[">"] = true, [">="] = true}, {["<"] = true, ["<="] = true, ["<~"] = true}
local JOIN = {["and"] = true, but = true, [","] = true}
-- numbers.parse options, made once (numbers.parse only reads them)
local ARTICLE, MONEY_ARTICLE = {article = true}, {money = true, article = true}
local SIGN, NOSIGN = {sign = true}, {sign = false}
local MONEY_SIGN, MONEY_NOSIGN = {money = true, sign = true}, {money = true, sign = false}

local A_NEXT = {
  couple = true, pair = true, few = true, handful = true, half = true, quarter = true,
  third = true, fifth = true, sixth = true, seventh = true, eighth = true, ninth = true,
  tenth = true, twentieth = true, hundredth = true, thousandth = true, millionth = true,
  billionth = true, trillionth = true, dozen = true,
}

local number_words = {}
for _, w in ipairs(N.words()) do
  if w ~= "a" and w ~= "an" then number_words[#number_words + 1] = w end
end
local one_units = {}   -- forms of units marked one: "a litre", "a dollar"
for k = 1, #UNITS do
  local e = UNITS:entry(k)
  if e.one then
    for _, a in ipairs(e.aliases or {}) do
      if a:find("^%a+$") then one_units[#one_units + 1] = a:lower() end
    end
  end
end
local a_next = {"hundred", "thousand", "million", "billion", "trillion"}
for w in pairs(A_NEXT) do a_next[#a_next + 1] = w end
local article_prev = {}
for w, yes in pairs(ARTICLE_PREV) do
  if yes then article_prev[#article_prev + 1] = w end
end

-- Where a figure may start, found in C in one pass over the doc's tokens
-- before any Lua runs (engine/lua_figstarts.c says how these combine): a
-- token with a digit, a minus sign before one, a vulgar fraction, a number
-- word ("two-thirds"), a hedge ("more than"), a currency written before its
-- amount, "a"/"an" before a scale or fraction word, a unit that may be one
-- ("a litre") or a period and more ("an hour and 45 minutes") or after
-- "for", "than" ... ("for a decade"), "between"/"from" before a number,
-- "all day", "another week". figure_at decides.
local PERIODS = {}
for _, w in ipairs({"second", "minute", "hour", "day", "week", "month", "year"}) do
  PERIODS[#PERIODS + 1] = w; PERIODS[#PERIODS + 1] = w .. "s"
end
local WHOLE_UNITS = {"business day", "business days"}
for _, w in ipairs({"day", "week", "month", "year", "hour", "minute"}) do
  WHOLE_UNITS[#WHOLE_UNITS + 1] = w; WHOLE_UNITS[#WHOLE_UNITS + 1] = w .. "s"
end
-- currencies written before the amount ("$5", "EUR 20", "A$5")
local currency_entries = {}
for k = 1, #UNITS do
  local e = UNITS:entry(k)
  if e.kind == "money" and (e.position == "before" or e.position == "both") then
    currency_entries[#currency_entries + 1] = k
  end
end
local find_starts = N.start_finder{
  number_words = number_words, articles = {"a", "an"}, a_next = a_next, ranges = {"between", "from"},
  one_units = one_units, periods = PERIODS, ["and"] = {"and"}, whole = {"all", "full", "whole", "another"},
  whole_units = WHOLE_UNITS, article_prev = article_prev,
  hedges = HEDGES, currencies = UNITS, currency_entries = currency_entries,
}


local function money_after(e) return e.kind == "money" and e.position ~= "before" end
local function money_before(e)
  return e.kind == "money" and (e.position == "before" or e.position == "both")
end
local function after_position(h) return h.position == "after" or h.position == "both" end

-- Rounds away float noise (1.13 * 1e9) and keeps integral values integers.
local function tidy(v)
  if type(v) == "table" then return {tidy(v[1]), tidy(v[2])} end
  if mtype(v) ~= "float" or v ~= v then return v end
  -- (a whole float below 10^12 has at most 12 digits: "%.12g" gives it back
  -- as it is, so it needs no formatting)
  if v == floor(v) and abs(v) < 1e12 then return tointeger(v) end
  v = tonumber(string.format("%.12g", v))
  if v == floor(v) and abs(v) < 2^53 then return tointeger(v) end
  return v
end

local function whole(v)
  if type(v) == "table" then return whole(v[1]) and whole(v[2]) end
  return abs(v - floor(v + 0.5)) < 1e-9
end

-- A duration's value and unit in the next smaller unit where that makes it
-- whole ("1.5 hours": 90 minutes); as written where it does not ("4.7
-- years" is no 1,692 days).
local function whole_duration(v, unit)
  local s = not whole(v) and SMALLER[unit]
  if not s then return v, unit end
  local w = type(v) == "table" and {v[1] * s[2], v[2] * s[2]} or v * s[2]
  if whole(w) then return w, s[1] end
  return v, unit
end

local function scaled(v, f)
  if f == 1 or f == nil then return v end
  if type(v) == "table" then return {v[1] * f, v[2] * f} end
  return v * f
end

-- A quantity named, with no number: the lowest temperature there is.
rule "figure.absolute_zero" {
  stage = "figures",
  regex = [[(?i)\babsolute zero\b]],
  layer = "figure",
  fields = {value = 0, unit = "K", kind = "temperature"},
  examples = {
    ["Matter at absolute zero is in its ground state."] = {figure = {
      {text = "absolute zero", value = 0, unit = "K", kind = "temperature"}}},
  },
}

rule "figure.amounts" {
  stage = "figures",
  priority = -10,   -- after other figure rules: where one of them found a figure, it stands
  doc = "counts, percentages, money and quantities with their units and hedges",
  run = function(doc)
    local n = doc:ntok()
    -- A token's text, lower-case form and kind, each fetched from the doc
    -- once (nil out of range): all three at a token's first read, in C.
    local WORD, LOW, KIND = token_tables(doc)
    local function is(k, flag) return k >= 1 and k <= n and doc:is(k, flag) end
    local function glued(k) return k >= 1 and k <= n and not doc:is(k, "space_before") end
    local function span(a, b)
      local s = doc:tok(a)
      local _, e = doc:tok(b)
      return s, e
    end

    -- ---- units -------------------------------------------------------------

    -- Does the quote mark at token j close a quote opened before it in its
    -- paragraph (an odd number of the same mark before it)? Then it is no
    -- inch or foot sign: '"English 101".'
    local function closes_quote(j)
      local w = WORD[j]
      local _, _, _, pfirst = doc:paragraph(j)
      local count = 0
      for k = pfirst, j - 1 do
        if WORD[k] == w then count = count + 1 end
      end
      return count % 2 == 1
    end

    -- Is a word of the set within 8 tokens of [first, last]?
    local function near(set, first, last)
      for d = 1, 8 do
        if set[LOW[first - d] or ""] or set[LOW[last + d] or ""] then return true end
      end
      return false
    end

    -- May the weak unit at tokens [j, je] stand where it is? Glued, unless
    -- the lexicon says it needs context; apart from its number only where
    -- words of its kind are near and no word follows it ("the length of my
    -- pencil is 2 in.", not "2 in the"). "pm" and "am" after a clock time
    -- ("2.30 pm", "10pm") are times.
    local function clock(word)
      local d = word:match("^[%d.:]+")
      return d ~= nil and (d:find("^%d%d?$") or d:find("^%d%d?[.:]%d%d$")) ~= nil
    end
    local function in_context(e, first, last, written, numword)
      local set = KIND_CONTEXT[e.kind]
      if not set or not near(set, first, last) then return false end
      if TIME_NEXT[written:lower()] and clock(numword) then return false end
      return not e.context or written == written:lower()               -- "5 B" is bytes
    end
    local function weak_ok(e, j, je)
      if glued(j) and not e.context then return true end
      if not in_context(e, j, je, WORD[j], WORD[j - 1] or "") then return false end
      return glued(j) or (KIND[je + 1] ~= "word" and KIND[je + 1] ~= "number")
    end

    -- Does a unit word in title case at token j open a name, mid-sentence
    -- and before a possessive or another capitalised word: "50 Cent's
    -- G-Unit", "30 Seconds To Mars"?
    local function possessive_at(je)
      return LOW[je + 1] == "'s" or LOW[je + 1] == "’s" or (LOW[je] or ""):find("['’]s$") ~= nil
    end
    local function names_unit(j, je)
      if j > n or glued(j) or not is(j, "title") or is(j, "upper") or is(j, "sent_start") then return false end
      local nk = je + 1
      return nk <= n and (KIND[nk] == "quote" and glued(nk) or (KIND[nk] == "word" and is(nk, "title")) or
        possessive_at(je))
    end

    -- The unit after a number at token j (the longest lexicon form), or nil.
    local function unit_at(j, need_glue)
      if j > n then return nil end
      local e, je = UNITS:match(doc, j)
      if not e then return nil end
      if names_unit(j, je) then return nil end
      if need_glue and not glued(j) then return nil end
      if e.weak and not weak_ok(e, j, je) then return nil end
      if e.kind == "money" and not money_after(e) then return nil end
      if e.name == "dollar sign" and not glued(j) then return nil end   -- "10$", not "1 $ 10"
      if KIND[je] == "quote" and glued(je + 1) and KIND[je + 1] == "word" then
        return nil                                                      -- "Radio 4's"
      end
      if KIND[j] == "quote" and closes_quote(j) then return nil end    -- 'said "to 101"'
      -- "10 grand" is money, "two grand slams" no figure
      if e.in_use and KIND[je + 1] == "word" and not NEXT_OK[LOW[je + 1]] then return nil end
      return e, je
    end

    -- A currency before a number ("$", "US$", "EUR"). One written in several
    -- tokens must have no spaces inside ("A$5bn", not "A $5bn deal"); a word
    -- must be a code ("EUR 20", "Rs 20"), not "Euro 2004".
    local function currency_before(k)
      local e, j = UNITS:match(doc, k)
      if not e or not money_before(e) or e.weak then return nil end
      for x = k + 1, j do
        if not glued(x) then return nil end
      end
      if KIND[k] == "word" and k == j and not is(k, "upper") and #WORD[k] > 3 then return nil end
      return e, j
    end

    -- The unit written as letters glued to the number: "5km", "12km/h",
    -- "3km²", "two-day", "20Rs".
    local function suffix_unit(info, j)
      local s = info.raw_suffix or info.suffix
      local cands = {{s, j - 1}}
      for k = j, min(j + 2, n) do
        if not glued(k) then break end
        s = s .. WORD[k]
        cands[#cands + 1] = {s, k}
      end
      for c = #cands, 1, -1 do
        local e = UNIT_OF[cands[c][1]] or UNIT_OF[cands[c][1]:lower()]
        if e then
          if e.kind == "money" and e.position == "before" then return nil end
          -- "5G" and "3D" are no grams and days; "30C" is Celsius
          if e.weak and (info.raw_suffix or ""):find("%u") and e.kind ~= "temperature"
             and e.kind ~= "volume" then
            return nil
          end
          if e.context and not in_context(e, j - 1, j - 1, info.raw_suffix or info.suffix, WORD[j - 1]) then
            return nil
          end
          return e, cands[c][2]
        end
      end
      return nil
    end

    -- Does the article name money anywhere (a currency sign or word)? Read
    -- once, when a glued "m" needs it.
    local money_named
    local function names_money()
      if money_named == nil then
        local t = doc:text(0, #doc):lower()
        money_named = false
        for _, w in ipairs(MONEY_SIGNS) do
          -- (a sign anywhere; a word at a word's start: "pay", not "display")
          local at = w:find("^%a") and string.find(t, "%f[%a]" .. w) or string.find(t, w, 1, true)
          if at then money_named = true break end
        end
      end
      return money_named
    end

    -- The unit after a number that ends before token j. Returns entry, its
    -- last token, and a multiplier for the value (a suffix read as a scale:
    -- "20m euros", "5m people"); or nil, nil, multiplier; or nil.
    local function unit_after(j, info)
      if info.suffix then
        if info.maybe_scale then
          local e, je = unit_at(j)
          if e and e.kind ~= "length" then return e, je, info.maybe_scale end   -- "20m euros"
          local nx = LOW[j]
          if nx and KIND[j] == "word" and not e and (COUNTABLE[nx] or
             (#nx > 3 and nx:find("s$") and not nx:find("ss$") and not nx:find("ous$"))) then
            return nil, nil, info.maybe_scale                                  -- "5m people"
          end
          -- a glued "m" is metres where lengths are about ("a 20m-high wall",
          -- "the 100m sprint"), in news otherwise millions ("up from 38m")
          -- (and in an article that names no money at all: "the men's
          -- 800m", "a world-leading mark for 1,000m")
          if info.suffix == "m" then
            local len = DASH[LOW[j] or ""] and glued(j)
            for x = max(1, j - 5), min(n, j + 3) do
              if LENGTH_CONTEXT[LOW[x]] then len = true end
            end
            if not len and not names_money() then len = true end
            if not len then return nil, nil, info.maybe_scale end
          end
        end
        local e, je = suffix_unit(info, j)
        return e, je, 1
      end
      local e, je = unit_at(j)
      if e then return e, je, 1 end
      if DASH[LOW[j] or ""] and glued(j) and glued(j + 1) then
        e, je = unit_at(j + 1, true)          -- "30-day", "5-year-old", "776-foot", "12-cent"
        if e then return e, je, 1 end
      end
      if (info.collective or info.vague) and LOW[j] == "of" then
        e, je = unit_at(j + 1)                -- "a couple of weeks", "millions of dollars"
        if e then return e, je, 1 end
      end
      if info.fraction and (LOW[j] == "a" or LOW[j] == "an") then
        e, je = unit_at(j + 1)                -- "half an hour", "half a litre", "a third of a mile"
        if e and MEASURE_OF_A[e.kind] then return e, je, 1 end
      end
      if info.fraction and LOW[j] == "of" and (LOW[j + 1] == "a" or LOW[j + 1] == "an") then
        e, je = unit_at(j + 2)
        if e and MEASURE_OF_A[e.kind] then return e, je, 1 end
      end
      return nil
    end

    -- The nearest word (within 8 tokens of [first, last]) from either set:
    -- "a", "b" or nil.
    local function nearest(first, last, a_set, b_set)
      for d = 1, 8 do
        local w = LOW[first - d]
        if w and a_set[w] then return "a" end
        if w and b_set[w] then return "b" end
        w = LOW[last + d]
        if w and a_set[w] then return "a" end
        if w and b_set[w] then return "b" end
      end
      return nil
    end

    -- An ambiguous unit by its context: "pounds" are weight unless money is
    -- about ("a million pounds", "cost 50 pounds"); "degrees" a temperature
    -- unless something turns ("rotate 90 degrees", "a 180-degree turn").
    local function resolve(e, first, last, info)
      if e.in_use then
        -- the currency named last before it ("£50,000 ... another 10 grand")
        local f = doc:before("figure", doc:tok(first))
        while f and f.kind ~= "money" do f = doc:before("figure", f.start) end
        return f and f.unit or e.unit, e.kind
      end
      if not e.alt_unit then return e.unit, e.kind end
      if e.alt_kind == "money" then
        local c = nearest(first, last, MONEY_CONTEXT, MASS_CONTEXT)
        if c == "a" or (c == nil and (info.scale >= 1e6 or LOW[last + 1] == "sterling")) then
          return e.alt_unit, e.alt_kind
        end
        -- (with no word to tell, pounds in an article that counted in
        -- pounds sterling before are money: "£40bn ... hundreds of pounds higher")
        if c == nil then
          local f = doc:before("figure", doc:tok(first))
          while f and f.unit ~= e.alt_unit do f = doc:before("figure", f.start) end
          if f then return e.alt_unit, e.alt_kind end
        end
        return e.unit, e.kind
      end
      if DASH[LOW[last - 1] or ""] or nearest(first, last, ANGLE_CONTEXT, TEMP_CONTEXT) == "a" then
        return e.unit, e.kind
      end
      -- "-459.67° on the Fahrenheit scale"
      if e.alt_unit == "degC" and nearest(first, last, FAHRENHEIT, CELSIUS) == "a" then
        return "degF", e.alt_kind
      end
      return e.alt_unit, e.alt_kind
    end

    -- The unit an elliptical amount shares with an earlier figure of its
    -- sentence: "77m euros (£53m), up from 38m" (euros), "fell 1m barrels to
    -- 294.3m" (barrels). The first money figure wins (later ones are
    -- conversions in brackets), else the last figure with a unit.
    local function shared_unit(k)
      local ts = doc:tok(k)
      local _, ss = doc:sentence(k)
      local money, last
      for f in doc:each("figure", ss, ts) do
        if f.unit and f.kind == "money" and not money then money = f end
        -- (not a period or a share: no "1.8 billion years" from "10 years")
        if f.unit and f.kind ~= "duration" and f.kind ~= "age" and f.kind ~= "percent" then last = f end
      end
      local f = money or last
      if f then return f.unit, f.kind end
      return nil
    end

    -- Is [k, j] about temperatures: a word of them near, or a temperature
    -- just before it in its sentence ("300 °C (572 °F, 573.15K)")?
    local function temperature_near(k, j)
      if near(TEMP_CONTEXT, k, j) then return true end
      local f = doc:before("figure", doc:tok(k))
      local _, ss = doc:sentence(k)
      return f ~= nil and f.kind == "temperature" and f.start >= ss
    end

    -- ---- amounts -----------------------------------------------------------

    -- The number at token k, via numbers.parse; a "-" is a minus sign only
    -- when it sticks to the number and not to what comes before ("-3", not
    -- "3-1").
    local function number_at(k, money, article)
      -- (most tokens asked about are no number at all: "(", "the")
      local w = WORD[k]
      if not w or not can_start(w) then return nil end
      if article and (LOW[k] == "a" or LOW[k] == "an") then
        return parse_number(WORD, k, money and MONEY_ARTICLE or ARTICLE)
      end
      local sign = false
      if DASH[LOW[k]] then
        if not glued(k + 1) then return nil end
        if k > 1 and glued(k) and KIND[k - 1] ~= "symbol" then return nil end
        if k > 1 and KIND[k - 1] == "number" then return nil end
        sign = true
      end
      -- A lone number token is read in C, and is whole: digit groups that
      -- follow ("40 000") are digits the reader leaves to numbers.parse.
      if not sign then
        local v, j, info = read_number(doc, k, money)
        if v ~= nil then return v, j, info end
      end
      local v, j, info = parse_number(WORD, k, money and (sign and MONEY_SIGN or MONEY_NOSIGN)
                                                    or (sign and SIGN or NOSIGN))
      -- "40 000", "1 234 567.89": groups of three digits after no-break or
      -- thin spaces, or after plain ones when there are two groups or more
      if j == k + 1 and #w <= 3 and mtype(v) == "integer" and w:find("^%d%d?%d?$") then
        local x, groups, thin = j, 0, false
        while x <= n and (WORD[x] or ""):find("^%d%d%d$") or (x > j and (WORD[x] or ""):find("^%d%d%d%.%d+$")) do
          local _, pe = doc:tok(x - 1)
          local gap = doc:text(pe, doc:tok(x))
          if gap == "\u{a0}" or gap == "\u{202f}" or gap == "\u{2009}" then thin = true
          elseif gap ~= " " then break end
          x, groups = x + 1, groups + 1
          if WORD[x - 1]:find("%.") then break end
        end
        if groups >= 2 or (groups >= 1 and thin) then
          local digits = w
          for y = j, x - 1 do digits = digits .. WORD[y] end
          local gv = tonumber(digits)
          if gv then v, j = tidy(gv), x end
        end
      end
      return v, j, info
    end

    -- "USD3.14", "Rs20", "CNY3": a currency code glued to its amount, which
    -- the tokenizer keeps as one word (as it keeps "G20" and "MH17")
    local function glued_code_amount(k)
      local cd = CODE_DIGITS[WORD[k] or ""]
      local pre, digits = cd and cd[1], cd and cd[2]
      local code = pre and UNIT_OF[pre]
      if not code or not money_before(code) or not (pre:find("^%u+$") or pre == "Rs") then return nil end
      local v, last = tonumber((digits:gsub(",", ""))), k
      if WORD[k + 1] == "." and glued(k + 1) and glued(k + 2) and (WORD[k + 2] or ""):find("^%d+$") then
        v, last = tonumber(digits:gsub(",", "") .. "." .. WORD[k + 2]), k + 2
      end
      if not v then return nil end
      return {info = {scale = 1}, cur = code, first = k, num = k, last = last, kind = "money", unit = code.unit,
              value = v, factor = 1}
    end

    -- "$20 and 43c", "20 dollars 43 cents", "3 GBP 1 pence": the minor unit after it
    local function minor_units(a)
      if a.kind ~= "money" or mtype(a.value) ~= "integer" then return end
      local x = a.last + 1
      if LOW[x] == "and" then x = x + 1 end
      local v, j2, info2 = number_at(x, false, false)
      if mtype(v) ~= "integer" or v <= 0 or v >= 100 or not j2 then return end
      -- (any form of a minor unit counts, weak ones too: "43 sen")
      local e2, je2
      if j2 <= n then e2, je2 = UNITS:match(doc, j2) end
      if e2 and e2.minor then
        a.value, a.last = a.value + v / 100, je2
      elseif info2 and (info2.suffix == "c" or info2.suffix == "p") and not e2 then
        a.value, a.last = a.value + v / 100, j2 - 1
      elseif not e2 and not info2.suffix and info2.scale == 1 and (j2 > n or KIND[j2] == "punct")
             and LOW[j2] ~= "-" and LOW[j2] ~= "/" and LOW[j2] ~= "%" then
        -- "15 dollars 50", "$20 43.": a bare number of cents ending the phrase
        a.value, a.last = a.value + v / 100, j2 - 1
      end
    end

    local function modifier(j) return KIND[j + 1] == "word" and not NEXT_OK[LOW[j + 1]] end
    local function one_unit(k)
      local w, rest = LOW[k] or "", nil
      local hp = HYPHEN_PAIR[w]
      local a, b = hp and hp[1], hp and hp[2]
      if a and ONE_OF[a] then
        local e = UNIT_OF[b]
        if e and e.kind == "duration" and not e.factor and not modifier(k) then
          return {info = {scale = 1}, first = k, num = k, last = k, kind = "duration", unit = e.unit, value = 1, factor = 1}
        end
        return nil
      end
      if not ONE_OF[w] then return nil end
      local e, je = unit_at(k + 1)
      if not e or e.kind ~= "duration" or e.factor or modifier(je) then return nil end
      return {info = {scale = 1}, first = k, num = k, last = je, kind = "duration", unit = e.unit, value = 1, factor = 1}
    end

    -- An amount at token k: a currency before it, the number, a unit after
    -- it. Returns {value, unit, kind, factor, info, cur, first, num, last}.
    local function amount_at(k, money, article)
      -- (both are written in letters first: "USD3", "all-day", "another")
      local coded = KIND[k] == "word" and (glued_code_amount(k) or one_unit(k))
      if coded then return coded end
      local first = k
      local cur, cj = currency_before(k)
      if cur then k = cj + 1 end
      local value, j, info = number_at(k, money or cur ~= nil, article and not cur)
      if not value then return nil end
      -- "6-1/8 pct": a whole number and a fraction, the old way of writing rates
      if info.slash and DASH[LOW[k - 1] or ""] and glued(k - 1) and glued(k) and KIND[k - 2] == "number"
         and not cur then
        local whole = parse_number(WORD, k - 2)
        if mtype(whole) == "integer" then value, first, k = whole + value, k - 2, k - 2 end
        info.slash = nil
      end
      local a = {info = info, cur = cur, first = first, num = k, last = j - 1, kind = "number"}
      -- "573.15K" among temperatures is kelvin, not thousands
      if not cur and info.scale == 1000 and WORD[j - 1]:find("%dK$") and temperature_near(k, j - 1) then
        a.value, a.factor, a.unit, a.kind, info.scale = tidy(value / 1000), 1, "K", "temperature", 1
        return a
      end
      local factor = 1
      if cur then
        if info.suffix then return nil end                  -- "lira 11a"
        a.unit, a.kind, factor = cur.unit, "money", cur.factor or 1
        local e2, je2 = unit_at(j)                          -- "US$ 5 dollars"
        if e2 and e2.kind == "money" and e2.unit == cur.unit then a.last = je2 end
      else
        local e, je, mult = unit_after(j, info)
        if not e and UNIT_GAP[LOW[j] or ""] and KIND[j + 1] == "word" then
          local e2, je2, m2 = unit_after(j + 1, info)
          if e2 and e2.kind == "duration" then e, je, mult = e2, je2, m2 end
        end
        -- a capitalised unit word inside a sentence is a name: "60 Minutes"
        -- (a unit written in capitals is a symbol: "8 MB", "50 GB")
        if e and je == j and e.kind ~= "money" and e.kind ~= "temperature" and KIND[j] == "word"
           and is(j, "title") and not is(j, "upper") and not is(j, "sent_start") and not is(k, "sent_start") then
          return nil
        end
        if e then
          a.unit, a.kind = resolve(e, j, je, info)
          factor, a.last = (e.factor or 1) * mult, je
          a.unit_factor = e.factor or 1
          -- "75 USD million": a scale after a currency code
          local sc = a.kind == "money" and info.scale == 1 and mult == 1 and scale_word(LOW[je + 1] or "")
          if sc then factor, a.last, info.scale = factor * sc, je + 1, sc end
        elseif mult and mult ~= 1 then
          factor, info.scale, info.suffix = mult, mult, nil  -- "5m people"
        elseif info.article then
          return nil                                        -- "a" alone is no figure
        elseif info.suffix then
          -- letters we do not know ("3D", "4pm", "one-off") make it no figure,
          -- unless they are a hedge ("forty-odd", "500-plus")
          local h = HEDGE_OF[info.suffix] or HEDGE_OF["-" .. info.suffix]
          if not (h and after_position(h)) then return nil end
          a.suffix_hedge = h
        end
      end
      if factor == 1 then a.value = value else a.value = scaled(value, factor) end
      a.factor = factor
      -- "$5bn, up from 4bn": a bare amount in millions or more, compared with
      -- an earlier figure, shares its unit
      -- (a list's amounts share its money: "150 billion yen for computers,
      -- 50 billion for generators")
      local pw = LOW[first - 1] or ""
      if not a.unit and info.scale >= 1e6 and not info.vague and (ELLIPSIS_PREV[pw] or pw == ",")
         and (KIND[a.last + 1] ~= "word" or OF_STOP[LOW[a.last + 1]]) then
        local u, kd = shared_unit(a.num)
        if u and (kd == "money" or pw ~= ",") then a.unit, a.kind = u, kd end
      end
      -- "an hour and a half", "a year and a quarter"
      if a.kind == "duration" and type(a.value) == "number" and LOW[a.last + 1] == "and" then
        local x = a.last + 2
        if LOW[x] == "a" or LOW[x] == "an" then x = x + 1 end
        local f = (LOW[x] == "half" and 0.5) or (LOW[x] == "quarter" and 0.25)
        if f then a.value, a.last = a.value + f * factor, x end
      end
      -- "7 feet 10 inches", "1 hour thirty": the smaller units after it
      local pu = PART_UNIT[a.unit]
      if pu and type(a.value) == "number" then
        local total, unit, parts, mixed, x = a.value * pu[2], a.unit, 1, false, a.last + 1
        local years = a.unit == "year" and a.value or 0
        while true do
          local y = x
          if LOW[y] == "," then y = y + 1 end
          if LOW[y] == "and" then y = y + 1 end
          local v, j2 = number_at(y, false, false)
          if type(v) ~= "number" or not j2 then break end
          local e2, je2 = unit_at(j2)
          local u2 = e2 and e2.unit
          if not e2 and BARE_NEXT[unit] and KIND[j2] ~= "word" then u2, je2 = BARE_NEXT[unit], j2 - 1 end
          local p2 = u2 and PART_UNIT[u2]
          if not p2 or p2[1] ~= pu[1] or p2[2] >= PART_UNIT[unit][2] then break end
          mixed = mixed or p2[3] ~= pu[3]
          total, unit, parts, a.last, x = total + v * p2[2], u2, parts + 1, je2, je2 + 1
          if u2 == "year" then years = years + v end
        end
        if parts > 1 then
          if mixed then unit = a.unit end
          a.value, a.unit = total / PART_UNIT[unit][2], unit
          -- a year is twelve months, not 365/30 of them
          if unit == "month" and years > 0 then
            a.value = years * 12 + (total - years * PART_UNIT.year[2]) / PART_UNIT.month[2]
          end
        end
      end
      if a.kind == "money" then minor_units(a) end
      -- "the past three quarters": quarters of a year, not 3/4
      if info.fraction and LOW[a.last] == "quarters" and a.last == a.num + 1
         and PERIOD_PREV[LOW[first - 1] or ""] then
        local v = word_value(WORD[a.num])
        if v then a.value, a.unit, a.kind, info.fraction = v, "quarter", "duration", nil end
      end
      return a
    end

    -- ---- what is not a figure ------------------------------------------------

    local function after_change(k)
      for x = k - 1, max(1, k - 4), -1 do
        if CHANGE[LOW[x]] then return true end
        if KIND[x] == "punct" then return false end
      end
      return false
    end

    -- (a "from" opening its sentence has nothing to change: "From $10 to
    -- $20 a head", "from 3km to 5km")
    local function range_cue(k)
      if is(k - 1, "sent_start") then return true end
      for x = max(1, k - 4), k - 2 do
        if RANGE_CUE[LOW[x]] then return true end
      end
      return false
    end

    -- Is a bare number (no unit) at tokens [k, j) a year, a date, a time, a
    -- label, a score, a pronoun, a list marker?
    -- Is the digit group at token k part of a telephone number: a run of
    -- groups after "call", "dial", "ring" ... ("call 101"), or of two or more
    -- whose first has three or more digits and opens with 0 ("0800 555 111",
    -- "07700 900123"; not "423 0000", nor a lone "0033")?
    local PHONE_VERB = {call = true, dial = true, ring = true, text = true, phone = true, telephone = true,
      tel = true, ["tel."] = true}
    local function phone_group(t)
      local w = WORD[t]
      return KIND[t] == "number" and w ~= nil and w:find("^%d+$") ~= nil
    end
    local function phone_number(k)
      if not phone_group(k) then return false end
      local a, b = k, k
      while a > 1 and phone_group(a - 1) do a = a - 1 end
      if PHONE_VERB[LOW[a - 1] or ""] then return true end
      while phone_group(b + 1) do b = b + 1 end
      local w = WORD[a]
      return b > a and #w >= 3 and w:byte(1) == 48
    end

    local function not_an_amount(k, j, info, ranged)
      -- (the word before counts only in the same sentence: "line" ending a
      -- title is no label of "Hundreds" opening the text)
      local prev, nxt = not is(k, "sent_start") and LOW[k - 1] or nil, LOW[j]
      if j <= n and is(j, "title") then
        -- a unit word in title case before a possessive: "50 Cent's"
        local e, je = UNITS:match(doc, j)
        if e and names_unit(j, je) and (possessive_at(je) or KIND[je + 1] == "quote") then
          return true
        end
        -- a number word in title case inside a title: "Million Dollar Baby"
        -- (not "three Grand Slams")
        if KIND[k] == "word" and is(k, "title") and not is(k, "sent_start") and KIND[j] == "word" and is(j, "title") and
            not is(j, "upper") then
          return true
        end
      end
      if info.decade or info.article then return true end                 -- "1990s"
      -- "9/11", "24/7" are no amounts; "1/40 of the wavelength" is
      if info.slash and not (nxt == "of" and info.slash[1] < info.slash[2]) then return true end
      if info.year and looks_like_year(WORD[k], WORD[j], WORD[k - 1]) then return true end
      if prev and MONTHS[prev] and (prev ~= "may" and prev ~= "march" or is(k - 1, "title")) then
        return true                                                       -- "May 4"
      end
      if nxt and MONTHS[nxt] and (nxt ~= "may" and nxt ~= "march" or is(j, "title")) then
        return true                                                       -- "4 May"
      end
      if (nxt and TIME_NEXT[nxt]) or (prev and LABEL_PREV[prev]) then return true end
      -- "the first half of 2005", "the second quarter": a period
      if (LOW[k] == "half" or LOW[k] == "quarter") and prev and PERIOD_ORDINAL[prev] then return true end
      if LOW[k] == "one" or LOW[k] == "ones" then
        if is_pronoun_one(LOW, k) then return true end
        if nxt == "point" or nxt == "way" or nxt == "time" then return true end
      end
      if prev and KIND[k - 1] == "word" and not WEEKDAYS[prev] and
         (is(k - 1, "title") or is(k - 1, "upper") or WORD[k - 1]:find("^%l+%u") ~= nil)
         and not is(k - 1, "sent_start") and not is(k - 1, "apostrophe")
         and not HEDGE_OF[WORD[k - 1]] then
        return true                                                       -- "Boeing 737", "iPhone 16"
      end
      if k > 2 and DASH[prev] and glued(k - 1) and glued(k) and KIND[k - 2] ~= "number" then
        return true                                                       -- "F-16"
      end
      if k > 2 and DASH[prev] and KIND[k - 2] == "number" then return true end   -- "3-1"
      if not ranged and DASH[nxt or ""] and KIND[j + 1] == "number" then return true end
      if (nxt == "." or nxt == ")") and is(k, "para_start") then return true end   -- "1."
      if phone_number(k) then return true end                             -- "call 0800 555 111"
      if info.vague and not info.bare and info.scale == 1 then return true end     -- "several"
      if (LOW[k] == "a" or LOW[k] == "an") and (LOW[k + 1] == "couple" or LOW[k + 1] == "pair")
         and nxt ~= "of" then
        return true                                                       -- "a couple who"
      end
      if (LOW[k] == "a" or LOW[k] == "an") and (LOW[k + 1] == "quarter" or LOW[k + 1] == "half")
         and PERIOD_ARTICLE_PREV[prev or ""] and nxt ~= "of" then
        return true                                                       -- "in a quarter"
      end
      return false
    end

    -- What a figure counts or measures: "five anonymous sources" -> "anonymous
    -- sources", "20% of Ukrainian land" -> "Ukrainian land".
    local function of_after(j, unit, measure)
      local k = j
      if LOW[k] == "of" then
        k = k + 1
        -- ("of the", "of its": the noun after)
        if LOW[k] == "the" or OWNER_WORD[LOW[k]] then k = k + 1 end
      elseif unit then
        return nil
      end
      -- (the words are tokens w0 .. w0 + nw - 1, in a row: counted, not listed)
      local w0, nw = k, 0
      while k <= n and nw < 5 do
        local w = LOW[k]
        if KIND[k] ~= "word" or OF_STOP[w] or w:find("n['’]t$") then break end   -- "wasn't"
        -- (a measure's noun ends before a verb: "tons of cargo traveled")
        if measure and nw > 0 and w:find("[^e]ed$") and not LOW[k - 1]:find("ly$") then break end
        if w == "and" then
          local nx = LOW[k + 1]
          -- (nor before a verb of its own: "40 people and injured 100", "and left")
          if nw == 0 or unit or not nx or KIND[k + 1] ~= "word" or OF_STOP[nx] or can_start(nx)
             or HEDGE_OF[nx] or nx:find("[^e]ed$") or PAST_AFTER_AND[nx] then
            break
          end
        end
        nw = nw + 1
        k = k + 1
      end
      if nw == 0 then return nil end
      -- (nor a verb right after the count: "thousands e-mailed the BBC")
      -- ("Hundreds of thousands fled", "A dozen died", "Two-thirds agreed")
      local w1 = LOW[w0]
      if nw == 1 and ((#w1 > 3 and w1:find("[^e]ed$")) or (#w1 >= 6 and w1:find("eed$")) or COUNT_VERB_PAST[w1]) then
        return nil
      end
      -- (a number inside the phrase: "two-thirds of the annual 36 billion
      -- Ecu budget" measures more than "the annual")
      if nw < 5 and KIND[k] == "number" then return nil end
      local last = nw
      if not unit then
        -- a count's noun ends at its first plural ("and" more of them)
        for x = 1, nw do
          local w = LOW[w0 + x - 1]
          if COUNTABLE[w] or PLURAL_NOUN[w] then
            last = x
            while last + 2 <= nw and LOW[w0 + last] == "and" do last = last + 2 end
            break
          end
          if x == 1 and nw > 1 and ENDS_ED[w] then return nil end
        end
        if last > 3 then return nil end
      elseif unit == "%" then
        -- (a share of a plural ends there too: "16% of visitors came")
        for x = 1, nw - 1 do
          local w = LOW[w0 + x - 1]
          if PLURAL_NOUN[w] and is(w0 + x - 1, "lower") and LOW[w0 + x] ~= "and" and not PLURAL_NOUN[LOW[w0 + x]] then
            last = x
            break
          end
        end
      end
      if LOW[w0 + last - 1] == "and" then last = last - 1 end
      if last < 1 then return nil end
      return doc:text(span(w0, w0 + last - 1))
    end

    -- ---- figures -------------------------------------------------------------

    -- "an hour and 45 minutes", "a year and a half": "a" is one of a
    -- period when more of it follows ("a day and a night" is no figure)
    local function period_and_more(k)
      local e = UNIT_OF[LOW[k + 1] or ""]
      if not (e and e.kind == "duration" and not e.factor and LOW[k + 2] == "and") then return false end
      local nx = LOW[k + 3]
      if nx == "a" or nx == "an" then nx = LOW[k + 4] end
      return nx == "half" or nx == "quarter" or KIND[k + 3] == "number"
        or (nx ~= nil and word_value(nx) ~= nil)
    end

    -- "a litre of milk", "a dollar a day": "a" is one of a unit marked one
    -- in the lexicon, unless the unit modifies a noun ("a dollar store")
    local ONE_NEXT = {a = true, an = true, per = true, each = true, apiece = true, more = true, less = true}
    local function one_of_unit(k)
      -- (after an amount "a" is "per": "$1.48 a gallon", "50p a litre")
      if KIND[k - 1] == "number" or (LOW[k - 1] and UNIT_OF[LOW[k - 1]]) then return false end
      local e, je = UNITS:match(doc, k + 1)
      if not (e and e.one) then return false end
      local nx = LOW[je + 1]
      return not (KIND[je + 1] == "word" and not NEXT_OK[nx] and not ONE_NEXT[nx])
    end

    -- Is the number at token k a person's age set off after their name:
    -- "Liam Hartley, 34, from Bedminster", "Jane Smith (29)"? (A whole
    -- number up to 120, between commas or brackets, right after a person.)
    local function age_after_name(k)
      local open, close = WORD[k - 1], WORD[k + 1]
      if not ((open == "," and (close == "," or close == "." or close == nil)) or (open == "(" and close == ")")) then
        return false
      end
      local v = tonumber(WORD[k])
      if not v or v < 1 or v > 120 or v % 1 ~= 0 or k < 3 then return false end
      local _, e = doc:tok(k - 2)
      local m = doc:covering("mention", e - 1, e)[1]
      return m ~= nil and m.type == "person" and m["end"] == e
    end

    local OVER_MORE_BEFORE = {["for"] = true, after = true, than = true, lasting = true, lasted = true,
      lasts = true, last = true, took = true, takes = true, spent = true, served = true, waiting = true,
      waited = true, wait = true, little = true, just = true, well = true, slightly = true, definitely = true}
    local OVER_MORE_AFTER = {ago = true, behind = true, ahead = true, late = true, later = true, longer = true,
      earlier = true, old = true}

    -- The figure starting at token i: its fields, first and last token; or nil.
    local function figure_at(i)
      local k = i
      local hedge, hfirst, hlast
      local h, hj = HEDGES:match(doc, k)
      -- ("edged up to 3.5%", "moved down to": the verb's particle, no hedge)
      if h and (LOW[k] == "up" or LOW[k] == "down") and k > 1 and MOVED[LOW[k - 1] or ""] then return nil end
      if h and h.position ~= "after" then hedge, hfirst, hlast, k = h, k, hj, hj + 1 end
      local rangeword
      if LOW[k] == "between" or LOW[k] == "from" then
        if hedge then return nil end          -- "taking over from three years"
        rangeword, k = LOW[k], k + 1
      end
      local change = rangeword == "from" and after_change(k - 1)
      if change then return nil end
      -- (whether "a" may be a number matters only where it is "a": asked
      -- only then, as most candidates are digits)
      local lk = LOW[k]
      local a = amount_at(k, false, (lk == "a" or lk == "an")
                         and (hedge ~= nil or ARTICLE_PREV[LOW[k - 1] or ""] or period_and_more(k) or one_of_unit(k)))
      if not a then return nil end
      -- ("a" and a unit: the unit in lower case, "been a CM game" is none;
      -- nor an ordinal or a night out: "after a second doping offence",
      -- "after a night out")
      if (lk == "a" or lk == "an") and a.last == k + 1 and
          (not is(a.last, "lower") or
           ((LOW[a.last] == "second" or LOW[a.last] == "night") and KIND[a.last + 1] == "word" and is(a.last + 1, "lower") and
            not AFTER_PERIOD[LOW[a.last + 1]])) then
        return nil
      end
      k = a.first   -- (it may have taken a whole number back: "fell 1-1/2 to 19")
      local info = a.info
      local value, unit, kind, last = a.value, a.unit, a.kind, a.last
      -- "one out of three", "1 in 5": a proportion
      local of_word = LOW[last + 1]   -- "out" (of), "in"
      if unit == nil and (of_word == "out" or of_word == "in") and mtype(value) == "integer" and value > 0 then
        local y = last + 1
        if of_word == "out" and LOW[y + 1] == "of" then y = y + 2 elseif of_word == "in" then y = y + 1 else y = nil end
        local b, j2
        if y then b, j2 = number_at(y, false, false) end
        if mtype(b) == "integer" and b > value and not (LOW[last + 1] == "in" and (value > 10 or (b >= 1900 and b <= 2100)))
           and not UNITS:match(doc, j2) then
          value, last = value / b, j2 - 1
        end
      end

      -- a range: "between 5 and 10", "10-15%", "$10-$20", "2 to 3 million",
      -- "one or two"; "from X to Y" is mostly a change ("rose from 49% to
      -- 74%"), a range after "ranging", "aged" ... or when only the upper
      -- end has a unit ("from 10 to 20 dollars")
      if rangeword == "from" and unit ~= nil and not range_cue(k) then rangeword, change = nil, true end
      local cw = LOW[last + 1]
      if rangeword == "from" and cw ~= "to" and not DASH[cw or ""] then rangeword = nil end
      local conn, ranged
      if rangeword == "between" then conn = cw == "and"
      elseif cw == "to" then
        -- ("by 3 mln tonnes to 26 mln tonnes" is a change and a level,
        -- however far the verb; "by 3 to 5 percent" a range)
        conn = rangeword == "from" or not (change or LOW[k - 1] == "from" or after_change(k) or
          (LOW[k - 1] == "by" and unit ~= nil))
      elseif DASH[cw or ""] or cw == "through" or cw == "thru" then conn = true
      elseif cw == "~" then conn = glued(last + 1) and glued(last + 2)
      elseif cw == "or" then conn = rangeword == nil and unit == nil and not info.fraction
      end
      -- (not from a month's day: "on April 1 to 15 pct from 11 pct")
      local pm = LOW[k - 1]
      if conn and unit == nil and pm and MONTHS[pm] and (pm ~= "may" and pm ~= "march" or is(k - 1, "title")) then
        conn = nil
      end
      if conn and type(value) == "number" then
        local b = amount_at(last + 2, a.cur ~= nil)
        if b and b.first ~= last + 2 then b = nil end      -- it took "6-" back: "6-1/8"
        if b and rangeword == "from" and unit == nil and b.unit == nil and not range_cue(k) then
          b = nil
        end
        if b and b.unit == nil and a.cur then b.unit, b.kind = unit, kind end   -- "$5-10bn"
        -- (nor ends in units of other sizes: "by 25 basis points to 27.50%")
        if b and type(b.value) == "number" and (unit == nil or unit == b.unit)
           and not (a.unit_factor and b.unit_factor and a.unit_factor ~= b.unit_factor)
           and not (info.year and b.info.year)
           and not (cw == "or" and b.info.scale > 1 and info.scale > 1) then
          local lo = value
          if unit == nil and b.unit ~= nil then lo = lo * b.factor end    -- "2 to 3 decades"
          -- "2 to 3 million", "$5-10bn": the upper end's scale carries down
          if info.scale == 1 and b.info.scale > 1 and not info.fraction
             and lo * b.info.scale <= b.value then
            lo = lo * b.info.scale
          end
          -- "0-30" is a score; "0 to 30%" a range
          -- a range written high to low ("ranged from -18C to -34C") is still one
          if rangeword == "from" and lo > b.value and unit ~= nil then lo, b.value = b.value, lo end
          if lo < b.value and not (lo == 0 and DASH[cw] and unit == nil and b.unit == nil) then
            value, last, ranged = {lo, b.value}, b.last, true
            if b.unit then unit, kind = b.unit, b.kind end
          end
        end
      end
      if rangeword == "between" and not ranged then return nil end
      -- "45 and 50 mg", "6.61 and 6.62 seconds": a bare number shares the
      -- unit of the amount it is joined to; so does a change and the level
      -- it led to ("rose 95 to 745 yen", "fell 1.50 to $30.25")
      local to_level = cw == "to" and after_change(k)
      if unit == nil and (cw == "and" or cw == "or" or to_level) and not ranged and mtype(value) and info.scale == 1
         and not info.fraction and not info.year and (KIND[last + 2] == "number" or to_level)
         and not LABEL_PREV[LOW[a.num - 1] or ""] and LOW[a.num - 1] ~= "aged" and LOW[a.num - 1] ~= "age" then
        local b = amount_at(last + 2, false)
        if b and b.unit and (to_level or not b.cur) and b.first == last + 2 and b.info.scale == 1 then
          value, unit, kind = value * b.factor, b.unit, b.kind
        end
      end
      if DASH[LOW[last + 1] or ""] and type(value) == "number" and glued(last + 1)
         and glued(last + 2) and KIND[last + 2] == "number" then
        return nil                                          -- "1111-2222", "3-1"
      end

      -- hedges: before, after ("20 or so", "500+", "five or more"), in the word
      local approx, op
      if hedge then approx, op = doc:text(span(hfirst, hlast)), hedge.op end
      local ha, haj = HEDGES:match(doc, last + 1)
      if ha and after_position(ha) then
        local nx = LOW[haj + 1]
        -- not the start of the next figure: "over 10 and less than 20"
        if not (KIND[haj + 1] == "number" or (nx and can_start(WORD[haj + 1]) and nx ~= "a"
                and nx ~= "an") or nx == "than" or nx == "or" or nx == "equal") then
          if not hedge then approx, op = doc:text(span(last + 1, haj)), ha.op end
          last = haj
        end
      elseif a.suffix_hedge and not hedge then
        approx, op = info.raw_suffix or info.suffix, a.suffix_hedge.op
      end
      if info.vague and not op then approx, op = "vague", "~" end

      if unit == nil and not_an_amount(a.num, a.last + 1, info, ranged) then
        return nil
      end
      -- ages: "aged 40", "age 87", "three weeks old"
      local before = LOW[a.num - 1]
      if unit == nil and (before == "aged" or before == "age") then unit, kind = "year", "age" end
      -- (and a person's age set off after their name: "Liam Hartley, 34,", "Jane Smith (29)")
      if unit == nil and not approx and a.first == last and age_after_name(a.first) then unit, kind = "year", "age" end
      -- (and one a short sentence gives a person: "He was 100.", "She is 96.")
      if unit == nil and not approx and a.first == last and mtype(value) == "integer" and value < 130 and
          (before == "was" or before == "is") and (LOW[a.num - 2] == "he" or LOW[a.num - 2] == "she") and
          is(a.num - 2, "sent_start") and LOW[last + 1] == "." then
        unit, kind = "year", "age"
      end
      if kind == "duration" and (LOW[last + 1] == "old" or before == "aged") then
        kind = "age"
        if LOW[last + 1] == "old" then last = last + 1 end
      end
      if kind == "duration" and value then value, unit = whole_duration(value, unit) end
      -- "over four years" is a period, not more than four years ("an average
      -- loss of 9.4% over four years"), unless after "for", "waited",
      -- "just" ..., or before "ago", "behind" ... ("jailed for over four
      -- years", "in little over two years", "over 20 years ago", "over a
      -- minute behind")
      if hedge and kind == "duration" and LOW[hfirst] == "over" and hlast == hfirst and
          not OVER_MORE_BEFORE[LOW[hfirst - 1] or ""] and not OVER_MORE_AFTER[LOW[last + 1] or ""] then
        hedge, approx, op = nil, nil, nil
      end
      -- (an integer needs no tidying: most values are)
      local fields = {value = mtype(value) == "integer" and value or tidy(value), unit = unit, kind = kind,
                      approx = approx, op = op}
      if kind == "number" or kind == "percent" or kind == "area" then
        fields.of = of_after(last + 1, unit)
      elseif LOW[last + 1] == "of" and (kind == "length" or kind == "mass" or kind == "volume" or kind == "money") then
        fields.of = of_after(last + 1, unit, true)   -- "300mm of rain", "$4bn of debt"
      end
      local first = hedge and hfirst or (rangeword and ranged and k - 1) or a.first
      -- an amount before a noun, after an article, is of that noun: "a $5bn
      -- deal", "a 10% stake", "the £1.2m fine"
      -- (the noun phrase, up to three words: "a 150 mln dlr revolving credit")
      if not fields.of and (kind == "money" or kind == "percent") and first > 1 and ATTRIBUTIVE[LOW[first - 1]] then
        local e = last
        while e < n and e < last + 3 do
          local w = LOW[e + 1]
          if not (w and KIND[e + 1] == "word" and is(e + 1, "lower") and not OF_STOP[w] and not NOT_NOUN[w] and
                  not w:find("ly$") and not w:find("year") and not w:find("[^e]ed$") and not can_start(w)) then
            break
          end
          e = e + 1
        end
        if e > last then fields.of = doc:text(span(last + 1, e)) end
      end
      return fields, first, last
    end

    -- A cheap look at a candidate before the real work: "a", "from",
    -- "between" and "-" only count before something that can be a number.
    local function worth_trying(i)
      local w = LOW[i]
      if w == "a" or w == "an" then
        local nx = LOW[i + 1]
        -- ("an hour and a half": a unit, then a fraction of it)
        if period_and_more(i) or one_of_unit(i) then return true end
        return nx ~= nil and (A_NEXT[nx] or HEDGES:match(doc, i) ~= nil or KIND[i + 1] == "currency" or word_value(nx) ~= nil or ARTICLE_PREV[LOW[i - 1] or ""]
                              or ORDINAL_OR_HYPHEN[nx])
      end
      if w == "from" or w == "between" or DASH[w] then
        local k = KIND[i + 1]
        return k == "number" or k == "currency" or (k == "word" and can_start(WORD[i + 1]))
          or (DASH[LOW[i + 1] or ""] ~= nil and KIND[i + 2] == "number" and glued(i + 2))   -- "from -18C"
      end
      return true
    end

    -- figures other rules found first
    local taken = {}
    for f in doc:each("figure") do taken[#taken + 1] = f end
    local ntaken = #taken
    local function overlaps_taken(s, e)
      for x = 1, ntaken do
        local f = taken[x]
        if f.start < e and s < f["end"] then return true end
      end
      return false
    end

    -- a bare count inside an organisation's or a place's name: "Group of
    -- Seven", "Twin Cities"
    local function in_name(f, s, e)
      if f.unit ~= nil then return false end
      for _, m in ipairs(doc:covering("mention", s, e)) do
        if m.type == "org" or m.type == "place" then return true end
      end
      return false
    end
    -- "a year earlier", "(higher than) a month ago": a time, not a duration
    -- (a hedge measures the time back: "just over a year ago"; a comparison
    -- does not, "higher than a year earlier")
    local function relative_time(f, first, last)
      if f.kind ~= "duration" or not RELATIVE_AFTER[LOW[last + 1]] or last == first or
          not (LOW[last - 1] == "a" or LOW[last - 1] == "an") then
        return false
      end
      local h = f.approx and f.approx:lower()
      return h == nil or (h:find("^%a+er than$") ~= nil and not h:find("^more") and not h:find("^fewer"))
    end

    -- every start, overlaps included: "and more than 100" starts at "more" too
    local starts = find_starts(doc)
    -- "more than 10 and fewer than 20", "at most 100 and at least 20": two
    -- bounds of one quantity, joined, are a range
    local function bounds(p, f, gap_first, gap_last)
      -- (the gap first: most figures are not next to the one before)
      if not p or gap_last < gap_first or gap_last - gap_first > 1 then return nil end
      if type(p.value) ~= "number" or type(f.value) ~= "number" or p.unit ~= f.unit then return nil end
      for x = gap_first, gap_last do if not JOIN[LOW[x]] then return nil end end
      local a, b = p, f
      if UPPER[a.op] and LOWER[b.op] then a, b = b, a end
      if not (LOWER[a.op] and UPPER[b.op]) or a.value >= b.value then return nil end
      return {value = {a.value, b.value}, unit = f.unit, kind = f.kind}
    end

    local next_free = 1
    -- the figure added last: its fields, tokens and annotation (locals, not
    -- a table per figure)
    local prev_f, prev_first, prev_last, prev_ann
    for x = 1, #starts do
      local i = starts[x]
      local w = i >= next_free and LOW[i]
      -- (worth_trying looks twice only at "a", "an", "from", "between", dashes)
      if w and (not (w == "a" or w == "an" or w == "from" or w == "between" or DASH[w]) or worth_trying(i)) then
        next_free = i + 1
        local f, first, last = figure_at(i)
        if f then
          local s = doc:tok(first)
          local _, e = doc:tok(last)
          if not overlaps_taken(s, e) and not in_name(f, s, e) and not relative_time(f, first, last) then
            local r = prev_f and bounds(prev_f, f, prev_last + 1, first - 1)
            if r then
              doc:remove(prev_ann)
              s, first, f = prev_ann.start, prev_first, r
            end
            prev_f, prev_first, prev_last, prev_ann = f, first, last, doc:add("figure", s, e, f)
          end
          next_free = last + 1
        end
      end
    end
  end,
  examples = {
    ["Russia controls around 20% of Ukrainian land."] = {figure = {
      {text = "around 20%", value = 20, unit = "%", kind = "percent", approx = "around", op = "~",
       of = "Ukrainian land"}}},
    ["It holds about 650 sq km of Russia's Kursk region."] = {figure = {
      {text = "about 650 sq km", value = 650, unit = "km2", kind = "area", op = "~"}}},
    ["Five anonymous sources said so."] = {figure = {{text = "Five", value = 5, kind = "number"}}},
    -- a month's day starts no range
    ["The rate rises on April 1 to 15 pct from 11 pct."] = {figure = {
      {text = "15 pct", value = 15, unit = "%"}, {text = "11 pct", value = 11, unit = "%"}}},
    -- a number inside the phrase: what is measured is not said in a few words
    ["The policy swallows about two-thirds of the annual 36 billion dollar budget."] = {figure = {
      {text = "about two-thirds", of = false}, {text = "36 billion dollar"}}},
    -- a glued "m" in a race's name is metres; money's "m" is millions
    ["The former world indoor 200m champion lost; profits rose to £200m."] = {figure = {
      {text = "200m", value = 200, unit = "m"}, {text = "£200m", value = 200000000, unit = "GBP"}}},
    -- a clause after a number says nothing of what it counts
    ["Needs will rise to 9,000 a month from 4,000 when it completes a plant."] = {figure = {
      {text = "9,000", value = 9000}, {text = "4,000", value = 4000, of = false}}},
    ["Profits jumped 76% to $1.13bn (£600m)."] = {figure = {
      {text = "76%", value = 76, unit = "%"}, {text = "$1.13bn", value = 1130000000, unit = "USD"},
      {text = "£600m", value = 600000000, unit = "GBP", kind = "money"}}},
    -- currencies the euro replaced; a country adjective with either spelling; M for millions
    ["It paid 420 million Finnish markka, 6.65 billion pesetas, 42 Qatari riyals and 30 MUSD."] = {figure = {
      {text = "420 million Finnish markka", unit = "FIM"}, {text = "6.65 billion pesetas", unit = "ESP"},
      {text = "42 Qatari riyals", value = 42, unit = "QAR"}, {text = "30 MUSD", value = 30000000, unit = "USD"}}},
    -- cents after the amount, bare or named; a scale after a currency code
    ["It costs 15 dollars 50. Tea was 20 ringgit and 43 sen."] = {figure = {
      {text = "15 dollars 50", value = 15.5, unit = "USD"}, {text = "20 ringgit and 43 sen", value = 20.43, unit = "MYR"}}},
    ["They lost 75 USD million, and 15 dollars 50 people came."] = {figure = {
      {text = "75 USD million", value = 75000000, unit = "USD"}, {text = "15 dollars", value = 15}, {text = "50", value = 50}}},
    -- durations in several units: one figure in the smallest
    ["It took 2 years and 3 months."] = {figure = {{text = "2 years and 3 months", value = 27, unit = "month"}}},
    -- a quote mark closing a quote is no inch sign
    ["He said \"one hundred and two\" and the board was 5' 10\" wide."] = {figure = {
      {text = "one hundred and two", value = 102}, {text = "5' 10\"", unit = "in", value = 70}}},
    -- a unit in capitals is a symbol, a capitalised unit word a name
    ["The file is 100 MB, he said on 60 Minutes."] = {figure = {{text = "100 MB", value = 100, unit = "MB"}}},
    ["They agreed a 30-day ceasefire."] = {figure = {
      {text = "30-day", value = 30, unit = "day", kind = "duration"}}},
    ["It would not join Nato for a decade."] = {figure = {
      {text = "a decade", value = 10, unit = "year", kind = "duration"}}},
    -- (and after "took", "spent", "after" ...; not an ordinal, a night out or a unit in capitals)
    ["It took a decade. He spent a year in jail. After a second doping offence and a night out, he played a CM game."] = {figure = {
      {text = "a decade", value = 10, unit = "year", kind = "duration"}, {text = "a year", value = 1, unit = "year", kind = "duration"}}},
    ["The war has left hundreds of thousands dead."] = {figure = {
      {text = "hundreds of thousands", value = {200000, 999999}, approx = "vague", op = "~"}}},
    ["The meeting ran 1 hour and 15 minutes, then two more minutes."] = {figure = {
      {text = "1 hour and 15 minutes", value = 75, unit = "minute", kind = "duration"},
      {text = "two more minutes", value = 2, unit = "minute"}}},
    ["He stands 7 feet 10 inches; the pole is 2 km and 1 metre long."] = {figure = {
      {text = "7 feet 10 inches", value = 94, unit = "in", kind = "length"},
      {text = "2 km and 1 metre", value = 2001, unit = "m"}}},
    ["It cost USD3.14, or $20 and 43c, or 3 GBP 1 pence."] = {figure = {
      {text = "USD3.14", value = 3.14, unit = "USD", kind = "money"},
      {text = "$20 and 43c", value = 20.43, unit = "USD"}, {text = "3 GBP 1 pence", value = 3.01, unit = "GBP"}}},
    ["It rained all day; they waited another hour, then stayed all-week."] = {figure = {
      {text = "all day", value = 1, unit = "day", kind = "duration"}, {text = "another hour", value = 1, unit = "hour"},
      {text = "all-week", value = 1, unit = "week"}}},
    -- thousands grouped the Indian way, or by a fixed space ("40 000"), never an ordinary one
    ["It paid Rs 1,50,000 to 40\u{a0}000 people; the sale of 10 737-800 planes."] = {figure = {
      {text = "Rs 1,50,000", value = 150000, unit = "INR"}, {text = "40\u{a0}000", value = 40000, of = "people"},
      {text = "10", value = 10}, {text = "737-800"}}},
    -- a person's age set off after their name; not after anything else
    ["Liam Hartley, 34, from Bristol, met Jane Smith (29); Arsenal, 3, lost."] = {figure = {
      {text = "34", value = 34, unit = "year", kind = "age"}, {text = "29", value = 29, unit = "year", kind = "age"},
      {text = "3", value = 3, kind = "number"}}},
    -- "over" a period is during it, unless the period is waited or served; a hedged share
    ["Weight fell 9.4% over four years. He was jailed for over four years. About one in six stopped."] = {figure = {
      {text = "9.4%"}, {text = "four years", value = 4, unit = "year", op = false},
      {text = "over four years", value = 4, unit = "year", op = ">"},
      {text = "About one in six", op = "~"}}},
    -- telephone numbers are no amounts; a lone group with a leading zero may be
    ["Call 101 or ring Crimestoppers on 0800 555 111; the code was 0033 and 423 0000."] = {figure = {
      {text = "0033", value = 33}, {text = "423", value = 423}, {text = "0000", value = 0}}},
    -- what a measure or an amount of money is of, when the text says
    ["More than 300mm of rain fell, and 37 mln tons of cargo traveled through, on $43.7bn of previously rescheduled debt."] = {figure = {
      {text = "More than 300mm", of = "rain"}, {text = "37 mln tons", of = "cargo"},
      {text = "$43.7bn", of = "previously rescheduled debt"}}},
    ["They spent two nights in hospital."] = {figure = {{text = "two nights", value = 2, unit = "day", kind = "duration"}}},
    ["Full-year profits rose."] = {figure = {}},
    ["It forecast revenue of $45 billion, plus or minus 2%, for July."] = {figure = {
      {text = "$45 billion", value = 45e9}, {text = "plus or minus 2%", value = 2, op = "~"}}},
    ["Ukraine has lost around 19% of its territory."] = {figure = {{text = "around 19%", of = "territory"}}},
    ["A study found that 16% of visitors came by train and 25 pct of Computer Associates stock was sold."] = {figure = {
      {text = "16%", of = "visitors"}, {text = "25 pct", of = "Computer Associates stock"}}},
    -- a period, a time pointed back to, a count inside a name, "one" as a pronoun
    ["Growth in the first half of 2005 and the second quarter will slow."] = {figure = {}},
    ["Sales were 3.5 pct higher than a year earlier."] = {figure = {{text = "3.5 pct", value = 3.5, unit = "%"}}},
    ["The Group of Seven met."] = {figure = {}},
    ["I have never seen one so over the line; it is a goal and one to keep."] = {figure = {}},
    -- a change and the level it led to, after a whole number and a fraction
    ["Pay N' Pak fell 1-1/2 to 19."] = {figure = {{text = "1-1/2", value = 1.5}, {text = "19", value = 19}}},
    ["They were given 45 and 50 mg aged 21 and 144 days."] = {figure = {
      {text = "45", value = 45, unit = "mg"}, {text = "50 mg"}, {text = "21", unit = "year", kind = "age"}}},
    -- a weak unit apart from its number where words of its kind are near;
    -- "pm" after a clock time is a time, "b" bits only where data is about
    ["The length of my pencil is 2 in. The grid has a size of 2.1 pm."] = {figure = {
      {text = "2 in", value = 2, unit = "in"}, {text = "2.1 pm", value = 2.1, unit = "pm", kind = "length"}}},
    ["They met at 2.30 pm and at 10pm in a wide room, open 24/7 since 9/11."] = {figure = {}},
    ["The server receives the 1500b packet; they raised $5b."] = {figure = {
      {text = "1500b", value = 1500, unit = "bit"}, {text = "$5b", value = 5000000000, unit = "USD"}}},
    -- kelvin among temperatures; bare degrees on the scale named after them
    ["At 300 °C (572 °F, 573.15K) it is inert; absolute zero is −459.67° on the Fahrenheit scale."] = {figure = {
      {text = "573.15K", value = 573.15, unit = "K"}, {text = "−459.67°", value = -459.67, unit = "degF"}}},
    ["It is about 1/40 of the wavelength, in 4km^3 of water."] = {figure = {
      {text = "about 1/40", value = 0.025}, {text = "4km^3", value = 4, unit = "km3", kind = "volume"}}},
    ["One out of three voters, 1 in 5 adults and 1 234 567 people; 40\u{a0}000 more."] = {figure = {
      {text = "One out of three", value = 1 / 3}, {text = "1 in 5", value = 0.2},
      {text = "1 234 567", value = 1234567}, {text = "40\u{a0}000", value = 40000}}},
    ["Five people died in 2014, and 3 in 10 were hurt."] = {figure = {{text = "Five", value = 5}, {text = "3 in 10", value = 0.3}}},
    ["More than 100 and fewer than 300 people came; at most 50 and at least 20 stayed."] = {figure = {
      {text = "More than 100 and fewer than 300", value = {100, 300}}, {text = "at most 50 and at least 20", value = {20, 50}}}},
    -- a duration in whole units: "an hour and a half" is 90 minutes, "half a day" 12 hours
    ["They talked for an hour and a half, then half a day."] = {figure = {
      {text = "an hour and a half", value = 90, unit = "minute"}, {text = "half a day", value = 12, unit = "hour"}}},
    -- "a"/"an" is one of a period when more of it follows; "a day and a night" is no figure
    ["It lasted an hour and 45 minutes. A year and a half passed, a day and a night."] = {figure = {
      {text = "an hour and 45 minutes", value = 105, unit = "minute"}, {text = "A year and a half", value = 18, unit = "month"}}},
    -- "a" before a unit marked one in the lexicon, unless it is "per" or the unit a modifier
    ["A kilo of rice and a litre of milk cost $1.48 a gallon at a dollar store."] = {figure = {
      {text = "A kilo", value = 1, unit = "kg"}, {text = "a litre", value = 1, unit = "l"}, {text = "$1.48", value = 1.48}}},
    -- "grand" is a thousand of the currency in use, not before a noun
    ["He paid £5,000, then another 10 grand; she won two grand slams."] = {figure = {
      {text = "£5,000"}, {text = "10 grand", value = 10000, unit = "GBP", kind = "money"}, {text = "two", value = 2}}},
    -- nickels are coins; nickel may be the metal
    ["He found twenty nickels and 5 nickel mines."] = {figure = {
      {text = "twenty nickels", value = 1, unit = "USD", kind = "money"}, {text = "5", value = 5, unit = false}}},
    -- a fraction of one measure
    -- what a count is of ends before a verb of its own; no verb is what it is of
    ["The storm killed at least 40 people and left 2 million homes without power. More than 2,000 injured were treated."] = {figure = {
      {text = "at least 40", of = "people"}, {text = "2 million", of = "homes"}, {text = "More than 2,000", of = false}}},
    -- an amount after an article is of the noun after it
    ["The firm paid a £1.2m fine, bought a 10% stake and set up a $150m revolving credit facility."] = {figure = {
      {text = "£1.2m", of = "fine"}, {text = "10%", of = "stake"}, {text = "$150m", of = "revolving credit facility"}}},
    ["The bank raised its rate by a quarter of a percentage point, then by half a percentage point."] = {figure = {
      {text = "a quarter of a percentage point", value = 0.25, unit = "%", kind = "percent"},
      {text = "half a percentage point", value = 0.5, unit = "%", kind = "percent"}}},
    ["He drank half a litre and walked a third of a mile."] = {figure = {
      {text = "half a litre", value = 0.5, unit = "l", kind = "volume"}, {text = "a third of a mile", unit = "mi"}}},
    ["Talks dragged on for nearly four years."] = {figure = {
      {text = "nearly four years", value = 4, unit = "year", approx = "nearly", op = "<~"}}},
    ["Russia holds just under a fifth of Ukraine."] = {figure = {
      {text = "just under a fifth", value = 0.2, op = "<~"}}},
    ["Sales rose from 49% to 74% between 2010 and 2015."] = {figure = {
      {text = "49%", value = 49}, {text = "74%", value = 74}}},
    -- "from X to Y" with units on both ends is a range where nothing changes:
    -- opening the sentence, after "ranged", "cost"; high to low as well
    ["From 3km to 5km, it narrows. Tickets cost from $10 to $20. Lows ranged from -18C to -34C."] = {figure = {
      {text = "From 3km to 5km", value = {3, 5}, unit = "km"}, {text = "from $10 to $20", value = {10, 20}, unit = "USD"},
      {text = "from -18C to -34C", value = {-34, -18}, unit = "degC"}}},
    ["Between 10 and 20 people were hurt."] = {figure = {{text = "Between 10 and 20", value = {10, 20}}}},
    -- (no range between units of other sizes: a change by one to the other)
    -- a glued "m" in an article that names no money is metres
    ["McIlroy won the men's 800m in Erfurt and set a world-leading mark for 1,000m."] = {figure = {
      {text = "800m", value = 800, unit = "m"}, {text = "1,000m", value = 1000, unit = "m"}}},
    ["The agency raised its Soviet grain imports estimate today by three mln tonnes to 26 mln tonnes."] = {figure = {
      {text = "three mln tonnes", value = 3000000, unit = "t"}, {text = "26 mln tonnes", value = 26000000, unit = "t"}}},
    ["The bank raised its main rate 25 basis points to 27.50% on Tuesday."] = {figure = {
      {text = "25 basis points", value = 0.25, unit = "%"}, {text = "27.50%", value = 27.5, unit = "%"}}},
    ["It costs $5-10bn."] = {figure = {{text = "$5-10bn", value = {5000000000, 10000000000}}}},
    ["Russia annexed Crimea in 2014, on March 18."] = {figure = {}},
    ["No one knows which one the F-16 is, said the 3-1 winner."] = {figure = {}},
    ["The iPhone 16 lineup sold well."] = {figure = {}},
    ["A third Russian source said about 5m people live there."] = {figure = {
      {text = "about 5m", value = 5000000, op = "~"}}},
    -- an age a short sentence gives a person
    ["Carter has died at his home. He was 100. She was 5 ahead."] = {figure = {
      {text = "100", value = 100, unit = "year", kind = "age"}, {text = "5", value = 5, kind = "number"}}},
    -- "up to" after a verb of moving is its particle, no hedge
    ["Core inflation edged up to 3.5%. The plan would raise up to £680m."] = {figure = {
      {text = "3.5%", value = 3.5}, {text = "up to £680m", op = "<="}}},
    -- (with no word near to tell, pounds in an article that counted pounds sterling before are money)
    ["Taxes rose by £40bn. Many face monthly payments hundreds of pounds higher."] = {figure = {
      {text = "£40bn", unit = "GBP"}, {text = "hundreds of pounds", unit = "GBP", kind = "money"}}},
    ["The 5-year-old boy weighs 40 pounds; the fine was 50 pounds."] = {figure = {
      {text = "5-year-old", value = 5, unit = "year", kind = "age"},
      {text = "40 pounds", value = 40, unit = "lb", kind = "mass"},
      {text = "50 pounds", value = 50, unit = "GBP", kind = "money"}}},
  },
}
