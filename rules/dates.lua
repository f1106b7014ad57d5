-- Dates: temporal expressions with their preposition ("in August", "on
-- Wednesday", "November 20", "in early 2022", "this week"), valued as ISO
-- 8601 dates, partial when the year is unknown ("--08", "--11-20"), and
-- resolved against the article's date (front matter `date`) when it has one.
local MONTHS = {january = 1, february = 2, march = 3, april = 4, may = 5, june = 6, july = 7,
  august = 8, september = 9, october = 10, november = 11, december = 12,
  jan = 1, feb = 2, mar = 3, apr = 4, jun = 6, jul = 7, aug = 8, sep = 9, sept = 9, oct = 10,
  nov = 11, dec = 12}
local WEEKDAYS = {monday = 1, tuesday = 2, wednesday = 3, thursday = 4, friday = 5, saturday = 6, sunday = 7}

local MONTH = [[(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)]]
local PREP = [[(?:(?:[Ii]n|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Bb]efore|[Aa]fter|[Tt]his|[Ll]ast|[Nn]ext|[Ee]arlier this|[Ll]ater this)\s+)]]
local PART = [[(?:(?:early|late|mid-?|the (?:start|end|middle|beginning) of)\s*)]]
local YEAR = [[((?:19|20)\d\d)\b]]

-- Every expression below holds a core -- a month, a weekday, a year or a
-- relative time word -- and starts at it or at most a few words before it
-- (the preposition, "early", "the end of", the day). Scanning the whole text
-- with each expression tries every byte, since the optional preposition
-- leaves PCRE2 no first character to skip to. Instead two cheap scans find
-- the cores, and each expression is tried only at the word starts from a
-- few words before each core: one anchored match per core and expression
-- that skips whole words lazily (`\G(?:\w*+\W++){0,K}?\K`) before the expression. A
-- match can start only at a word start (each expression opens with \b and a
-- word character), and no match starts more than K words before its core,
-- so trying those starts in order, from the end of the previous match on,
-- gives the very matches a scan of the whole text would.
local function near_core(pattern, k)
  return re([[\G(?:\w*+\W++){0,]] .. k .. [[}?\K]] .. pattern, {anchored = true})
end
-- The most words before a core within a match: "earlier this | the middle
-- of | May", "in | early | spring | of | 2022", "earlier later this | week".
local K_MONTH, K_WEEKDAY, K_YEAR, K_RELATIVE = 5, 1, 7, 3

-- a weekday before a date: "on Friday 14 March", "Friday, March 14"
local DAY_NAME = [[(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)]]
-- Month + day (+ year): "November 20", "on Sept. 11, 2001"
local MONTH_DAY = near_core([[\b]] .. PREP .. [[?]] .. DAY_NAME .. [[?]] .. MONTH .. [[\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+]] .. YEAR .. [[)?]], K_MONTH)
-- day + month (+ year): "20 November 2024"
local DAY_MONTH = near_core([[\b]] .. PREP .. [[?]] .. DAY_NAME .. [[?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?]] .. MONTH .. [[\b(?:,?\s+]] .. YEAR .. [[)?]], K_MONTH)
-- month with a preposition or a year: "in June", "this January", "in November 2024", "In April of that year"
local MONTH_YEAR = near_core([[\b(]] .. PREP .. [[)?]] .. PART .. [[?]] .. MONTH ..
  [[\b(?:,?\s+(?:of\s+)?(?:]] .. YEAR .. [[|(that|the same|this|last|next) year\b))?]], K_MONTH)
-- a year after a preposition: "in 2014", "in early 2022", "in spring 2022"
local YEAR_ONLY = near_core([[\b]] .. PREP .. PART .. [[?(?:(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?]] .. YEAR, K_YEAR)
-- weekdays: "on Wednesday", "on Tuesday evening", "said Monday"
local WEEKDAY = near_core([[\b(?:(?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Bb]y|[Ss]ince|[Uu]ntil)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b]], K_WEEKDAY)
-- relative expressions
local RELATIVE = near_core([[\b(?:[Ee]arlier |[Ll]ater )?(?:(today|yesterday|tomorrow|tonight)|([Tt]his|[Ll]ast|[Nn]ext) (week|month|year|morning|afternoon|evening|weekend)|(?:[Ee]arlier|[Ll]ater) this (week|month|year))\b]], K_RELATIVE)

-- The cores. Each ends where its expression needs \b, but need not start at
-- one ("earlyMay 2020", "the end of2020"); no core is the end of another, so
-- a scan cannot step over one. Capitals and digits (group 1 a month as in
-- MONTH, 2 a weekday, 3 a year) ...
local CAPS_CORE = re([[(?:(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)]] ..
  [[|((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|((?:19|20)\d\d))\b]])
-- ... and, in a scan of its own (one scan for both costs twice as much),
-- the relative words; a time word after this/last/next is found with the
-- end of that word ("his week"), so that this core starts inside a word.
local RELATIVE_CORE = re([[(?:to(?:day|morrow|night)|yesterday|(?:his|ast|ext) (?:week|month|year|morning|afternoon|evening|weekend))\b]])

-- A match of `k` words ending right at the subject's end: with the subject
-- cut at a core, its start is the k-th word start before it.
local LAST_WORDS = {}
for _, k in ipairs({K_MONTH, K_WEEKDAY, K_YEAR, K_RELATIVE}) do
  LAST_WORDS[k] = re([[\b\w++(?:\W++\w++){]] .. (k - 1) .. [[}\W*+\z]])
end

local function iso(y, m, d)
  if y and m and d then return ("%04d-%02d-%02d"):format(y, m, d) end
  if y and m then return ("%04d-%02d"):format(y, m) end
  if m and d then return ("--%02d-%02d"):format(m, d) end
  if m then return ("--%02d"):format(m) end
  if y then return ("%04d"):format(y) end
  return nil
end

-- ("Sept." without its point: a byte test, not a gsub per date)
local function month_of(doc, s, e)
  local t = doc:text(s, e):lower()
  if t:byte(-1) == 46 then t = t:sub(1, -2) end
  return MONTHS[t]
end

-- Days since 1970-01-01 for a civil date (proleptic Gregorian).
local function days(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil(z)
  z = z + 719468
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

-- The year (the article's, the one before or after) that puts month m,
-- day d nearest to the article's date.
local function nearest_year(m, d, ay, am, ad)
  local today = days(ay, am, ad)
  local best, gap
  for y = ay - 1, ay + 1 do
    local g = math.abs(days(y, m, math.min(d, 28)) - today)
    if not gap or g < gap then best, gap = y, g end
  end
  return best
end

-- The ISO week ("2025-W10") of the day z (days since 1970-01-01).
local function iso_week(z)
  local wd = (z + 3) % 7 + 1            -- Monday 1 .. Sunday 7 (1970-01-01 was a Thursday)
  local thursday = z + 4 - wd
  local y = civil(thursday)
  local week = (thursday - days(y, 1, 1)) // 7 + 1
  return ("%04d-W%02d"):format(y, week)
end

-- The value of a relative expression ("yesterday", "last month", "this
-- week", "earlier this year") from the article's date, or nil.
local DAY_OFFSET = {today = 0, tonight = 0, yesterday = -1, tomorrow = 1}
local SHIFT = {this = 0, last = -1, ["next"] = 1, earlier = 0, later = 0}
local function relative_value(text, ay, am, ad)
  local t = text:lower()
  local today = days(ay, am, ad)
  local w = t:match("(%a+)$")
  if DAY_OFFSET[w] then return iso(civil(today + DAY_OFFSET[w])) end
  local which = t:match("^(%a+)")
  local n = SHIFT[which]
  if not n then return nil end
  if w == "morning" or w == "afternoon" or w == "evening" then
    return n == 0 and iso(ay, am, ad) or nil
  elseif w == "week" then return iso_week(today + 7 * n)
  elseif w == "weekend" then return iso_week(today + 7 * n) .. "-WE"
  elseif w == "month" then
    local m = am + n
    local y = ay
    if m < 1 then m, y = 12, y - 1 elseif m > 12 then m, y = 1, y + 1 end
    return iso(y, m)
  elseif w == "year" then return iso(ay + n)
  end
  return nil
end

local function article_date(doc)
  local v = doc:meta().date
  if type(v) ~= "string" then return nil end
  local y, m, d = v:match("^(%d%d%d%d)-(%d%d)-(%d%d)")
  if not y then return nil end
  return tonumber(y), tonumber(m), tonumber(d)
end

-- The first byte from which to try the expressions of a core at byte m,
-- which may be preceded by k words: the k-th word start before m, or
-- `floor` (the first byte still untried) if that comes later.
local function window_start(doc, floor, m, k)
  local span = 12 * k
  while true do
    local lo = m - span
    -- (else a token start, so as not to start inside a UTF-8 character)
    if lo <= floor then lo = floor
    else
      lo = doc:tok(doc:tokat(lo))
      if lo > m then lo = m end
    end
    local p = LAST_WORDS[k]:find(doc, lo, m)
    if p then return p end
    if lo == floor then return floor end
    span = span * 4
  end
end

-- Records a match in `list` and returns its end; nil when there is none.
local function record(list, ms, me, ...)
  if not ms then return nil end
  list[#list + 1] = {ms, me, ...}
  return me
end

-- Tries the expressions of a core at byte m (those preceded by at most k
-- words) and adds their matches to found[expression]; next_try[expression]
-- is the first byte not yet tried.
-- (comparisons, not math.min/max: a C call each, for every core)
local function try_core(doc, m, k, exprs, found, next_try)
  local floor = m
  for x = 1, #exprs do
    local t = next_try[exprs[x]]
    if t < floor then floor = t end
  end
  local p = window_start(doc, floor, m, k)
  for x = 1, #exprs do
    local rx = exprs[x]
    local from = next_try[rx]
    next_try[rx] = record(found[rx], rx:find(doc, p > from and p or from)) or (from > m + 1 and from or m + 1)
  end
end

local MONTH_EXPRS, WEEKDAY_EXPRS, YEAR_EXPRS, RELATIVE_EXPRS =
  {MONTH_DAY, DAY_MONTH, MONTH_YEAR}, {WEEKDAY}, {YEAR_ONLY}, {RELATIVE}
local ALL_EXPRS = {MONTH_DAY, DAY_MONTH, MONTH_YEAR, YEAR_ONLY, WEEKDAY, RELATIVE}

-- The matches of every expression, in order, as lists {ms, me, c1s, c1e, ...}.
local function matches(doc)
  local found, next_try = {}, {}
  for x = 1, #ALL_EXPRS do
    local rx = ALL_EXPRS[x]
    found[rx], next_try[rx] = {}, 0
  end
  for m, _, mo, _, wd in CAPS_CORE:each(doc) do
    if mo >= 0 then try_core(doc, m, K_MONTH, MONTH_EXPRS, found, next_try)
    elseif wd >= 0 then try_core(doc, m, K_WEEKDAY, WEEKDAY_EXPRS, found, next_try)
    else try_core(doc, m, K_YEAR, YEAR_EXPRS, found, next_try) end
  end
  for m in RELATIVE_CORE:each(doc) do try_core(doc, m, K_RELATIVE, RELATIVE_EXPRS, found, next_try) end
  return found
end

-- Whether a weekday candidate lies in an organisation's name, or opens one
-- ("Sunday Telegraph", where only "Telegraph" is the name).
local function in_name(doc, c)
  if c.kind ~= "w" then return false end
  for _, m in ipairs(doc:covering("mention", c.s, c.e)) do
    if m.type == "org" then return true end
  end
  local m = doc:after("mention", c.e)
  return m ~= nil and m.type == "org" and m.start == c.e + 1
end

-- Collects candidates from every expression type; the longest wins where
-- they overlap.
local function candidates(doc)
  -- (numeric loops: ipairs is a C call per item)
  local out, n = {}, 0
  local function add(s, e, kind, a) n = n + 1; out[n] = {s = s, e = e, kind = kind, a = a} end
  local found = matches(doc)
  local l = found[MONTH_DAY]
  for x = 1, #l do local h = l[x]; add(h[1], h[2], "md", {h[3], h[4], h[5], h[6], h[7], h[8]}) end
  l = found[DAY_MONTH]
  for x = 1, #l do local h = l[x]; add(h[1], h[2], "md", {h[5], h[6], h[3], h[4], h[7], h[8]}) end
  l = found[MONTH_YEAR]
  for x = 1, #l do
    local h = l[x]
    -- "May" and month names alone need a preposition or a year
    if h[3] >= 0 or h[7] >= 0 or h[9] >= 0 then add(h[1], h[2], "m", {h[5], h[6], h[7], h[8], h[9], h[10]}) end
  end
  l = found[YEAR_ONLY]
  for x = 1, #l do local h = l[x]; add(h[1], h[2], "y", {h[3], h[4]}) end
  l = found[WEEKDAY]
  for x = 1, #l do local h = l[x]; add(h[1], h[2], "w", {h[3], h[4]}) end
  l = found[RELATIVE]
  for x = 1, #l do local h = l[x]; add(h[1], h[2], "r", {}) end
  table.sort(out, function(x, y)
    if x.s ~= y.s then return x.s < y.s end
    return x.e > y.e
  end)
  local kept, last_end = {}, -1
  for x = 1, n do
    local c = out[x]
    if c.s >= last_end then
      kept[#kept + 1] = c
      last_end = c.e
    elseif c.e - c.s > kept[#kept].e - kept[#kept].s and c.s < kept[#kept].e then
      -- a longer candidate overlapping the previous one replaces it
      kept[#kept] = c
      last_end = c.e
    end
  end
  return kept
end

-- Is the weekday candidate c to come: "next", "by" or "until" before it, or
-- a verb of the future before it in its sentence ("will", "is expected to",
-- "is due")?
local AHEAD_LEAD = {next = true, by = true, ["until"] = true}
local FUTURE = {will = true, ["'ll"] = true, expected = true, expect = true, expects = true, due = true,
  scheduled = true, plans = true}
local function ahead(doc, c)
  local lead = doc:text(c.s, c.e):match("^(%a+)")
  if lead and AHEAD_LEAD[lead:lower()] then return true end
  local k = doc:tokat(c.s)
  local _, _, _, first = doc:sentence(k)
  for t = k - 1, math.max(first, k - 15), -1 do
    if FUTURE[doc:lower(t)] then return true end
  end
  return false
end

rule "date.expressions" {
  stage = "dates",
  doc = "dates with their preposition, valued as (partial) ISO 8601",
  run = function(doc)
    local ay, am, ad = article_date(doc)
    local last_year = nil
    local function num(s, e) return s >= 0 and tonumber(doc:text(s, e)) or nil end
    local cands = candidates(doc)
    for x = 1, #cands do
      local c = cands[x]
      local a, value = c.a, nil
      if c.kind == "md" then
        local y = num(a[5], a[6])
        local m, d = month_of(doc, a[1], a[2]), num(a[3], a[4])
        -- with the article's date, the year that puts it nearest to it
        if not y and ay and m and d and d >= 1 and d <= 31 then y = nearest_year(m, d, ay, am, ad) end
        value = iso(y, m, d)
        if y then last_year = y end
      elseif c.kind == "m" then
        local y = num(a[3], a[4])
        if not y and a[5] >= 0 then
          local rel = doc:text(a[5], a[6]):lower()
          if rel == "that" or rel == "the same" then y = last_year
          elseif ay then y = ay + (rel == "last" and -1 or rel == "next" and 1 or 0) end
        end
        local m = month_of(doc, a[1], a[2])
        -- with the article's date, a bare month is the nearest one to it
        -- ("will end in April" in March is this April; "in December" is last December)
        if not y and ay then y = nearest_year(m, 15, ay, am, ad) end
        value = iso(y, m)
        if y then last_year = y end
      elseif c.kind == "y" then
        last_year = num(a[1], a[2])
        value = iso(last_year)
      elseif c.kind == "r" and ay then
        value = relative_value(doc:text(c.s, c.e), ay, am, ad)
      elseif c.kind == "w" and ay then
        -- news reports the past: the latest such weekday on or before the
        -- article's date; what is to come, the next one after it ("next
        -- Thursday", "by Thursday", "the winds are expected to ease by Thursday")
        local wd = WEEKDAYS[doc:text(a[1], a[2]):lower()]
        local today = days(ay, am, ad)
        local today_wd = (today + 3) % 7 + 1   -- 1970-01-01 was a Thursday
        if ahead(doc, c) then
          value = iso(civil(today + (wd - today_wd - 1) % 7 + 1))
        else
          value = iso(civil(today - (today_wd - wd) % 7))
        end
      end
      -- (the keys doc:add sets named in the constructor, so that the table
      -- is made with room for them: grown key by key it rehashed three
      -- times, ~3k instructions a date; "rule = nil" sizes it, doc:add sets it)
      -- (not a weekday in a newspaper's name: "The Sunday Times", "Mail on
      -- Sunday", "the Daily and Sunday Telegraph")
      if not in_name(doc, c) then
        doc:add("date", c.s, c.e, {value = value, start = c.s, ["end"] = c.e, layer = "date", rule = nil})
      end
    end
  end,
  examples = {
    ["It seized land in August."] = {date = {{text = "in August", value = "--08"}}},
    ["The Kremlin said on Wednesday it would wait."] = {date = {{text = "on Wednesday"}}},
    ["He told The Sunday Times and the Daily and Sunday Telegraph newspapers nothing."] = {date = {}},
    ["Talks began on November 20 in Riyadh."] = {date = {{text = "on November 20", value = "--11-20"}}},
    ["Russia annexed Crimea in 2014."] = {date = {{text = "in 2014", value = "2014"}}},
    -- a weekday before a date is part of it
    ["The summit is due on Friday 14 March."] = {date = {{text = "on Friday 14 March", value = "--03-14"}}},
    ["The war began in early 2022. In April of that year it changed."] =
      {date = {{text = "in early 2022", value = "2022"}, {text = "In April of that year", value = "2022-04"}}},
  },
}
