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

-- Month + day (+ year): "November 20", "on Sept. 11, 2001"
local MONTH_DAY = re([[\b]] .. PREP .. [[?]] .. MONTH .. [[\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+]] .. YEAR .. [[)?]])
-- day + month (+ year): "20 November 2024"
local DAY_MONTH = re([[\b]] .. PREP .. [[?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?]] .. MONTH .. [[\b(?:,?\s+]] .. YEAR .. [[)?]])
-- month with a preposition or a year: "in June", "this January", "in November 2024", "In April of that year"
local MONTH_YEAR = re([[\b(]] .. PREP .. [[)?]] .. PART .. [[?]] .. MONTH ..
  [[\b(?:,?\s+(?:of\s+)?(?:]] .. YEAR .. [[|(that|the same|this|last|next) year\b))?]])
-- a year after a preposition: "in 2014", "in early 2022", "in spring 2022"
local YEAR_ONLY = re([[\b]] .. PREP .. PART .. [[?(?:(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?]] .. YEAR)
-- weekdays: "on Wednesday", "on Tuesday evening", "said Monday"
local WEEKDAY = re([[\b(?:(?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Bb]y|[Ss]ince|[Uu]ntil)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b]])
-- relative expressions
local RELATIVE = re([[\b(?:[Ee]arlier |[Ll]ater )?(?:(today|yesterday|tomorrow|tonight)|([Tt]his|[Ll]ast|[Nn]ext) (week|month|year|morning|afternoon|evening|weekend)|(?:[Ee]arlier|[Ll]ater) this (week|month|year))\b]])

local function iso(y, m, d)
  if y and m and d then return ("%04d-%02d-%02d"):format(y, m, d) end
  if y and m then return ("%04d-%02d"):format(y, m) end
  if m and d then return ("--%02d-%02d"):format(m, d) end
  if m then return ("--%02d"):format(m) end
  if y then return ("%04d"):format(y) end
  return nil
end

local function month_of(doc, s, e)
  return MONTHS[doc:text(s, e):lower():gsub("%.$", "")]
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

local function article_date(doc)
  local v = doc:meta().date
  if type(v) ~= "string" then return nil end
  local y, m, d = v:match("^(%d%d%d%d)-(%d%d)-(%d%d)")
  if not y then return nil end
  return tonumber(y), tonumber(m), tonumber(d)
end

-- Collects candidates from every expression type; the longest wins where
-- they overlap.
local function candidates(doc)
  local out = {}
  local function add(s, e, kind, a) out[#out + 1] = {s = s, e = e, kind = kind, a = a} end
  for s, e, ms, me, ds, de, ys, ye in MONTH_DAY:each(doc) do add(s, e, "md", {ms, me, ds, de, ys, ye}) end
  for s, e, ds, de, ms, me, ys, ye in DAY_MONTH:each(doc) do add(s, e, "md", {ms, me, ds, de, ys, ye}) end
  for s, e, ps, pe, ms, me, ys, ye, rs, re_ in MONTH_YEAR:each(doc) do
    -- "May" and month names alone need a preposition or a year
    if ps >= 0 or ys >= 0 or rs >= 0 then add(s, e, "m", {ms, me, ys, ye, rs, re_}) end
  end
  for s, e, ys, ye in YEAR_ONLY:each(doc) do add(s, e, "y", {ys, ye}) end
  for s, e, ws, we in WEEKDAY:each(doc) do add(s, e, "w", {ws, we}) end
  for s, e in RELATIVE:each(doc) do add(s, e, "r", {}) end
  table.sort(out, function(x, y)
    if x.s ~= y.s then return x.s < y.s end
    return x.e > y.e
  end)
  local kept, last_end = {}, -1
  for _, c in ipairs(out) do
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

rule "date.expressions" {
  stage = "dates",
  doc = "dates with their preposition, valued as (partial) ISO 8601",
  run = function(doc)
    local ay, am, ad = article_date(doc)
    local last_year = nil
    local function num(s, e) return s >= 0 and tonumber(doc:text(s, e)) or nil end
    for _, c in ipairs(candidates(doc)) do
      local a, value = c.a, nil
      if c.kind == "md" then
        local y = num(a[5], a[6])
        value = iso(y, month_of(doc, a[1], a[2]), num(a[3], a[4]))
        if y then last_year = y end
      elseif c.kind == "m" then
        local y = num(a[3], a[4])
        if not y and a[5] >= 0 then
          local rel = doc:text(a[5], a[6]):lower()
          if rel == "that" or rel == "the same" then y = last_year
          elseif ay then y = ay + (rel == "last" and -1 or rel == "next" and 1 or 0) end
        end
        local m = month_of(doc, a[1], a[2])
        -- with the article's date, a bare month is the latest one not after it
        if not y and ay then y = m <= am and ay or ay - 1 end
        value = iso(y, m)
        if y then last_year = y end
      elseif c.kind == "y" then
        last_year = num(a[1], a[2])
        value = iso(last_year)
      elseif c.kind == "w" and ay then
        -- news reports the past: the latest such weekday on or before the article's date
        local wd = WEEKDAYS[doc:text(a[1], a[2]):lower()]
        local today = days(ay, am, ad)
        local today_wd = (today + 3) % 7 + 1   -- 1970-01-01 was a Thursday
        value = iso(civil(today - (today_wd - wd) % 7))
      end
      doc:add("date", c.s, c.e, {value = value})
    end
  end,
  examples = {
    ["It seized land in August."] = {date = {{text = "in August", value = "--08"}}},
    ["The Kremlin said on Wednesday it would wait."] = {date = {{text = "on Wednesday"}}},
    ["Talks began on November 20 in Riyadh."] = {date = {{text = "on November 20", value = "--11-20"}}},
    ["Russia annexed Crimea in 2014."] = {date = {{text = "in 2014", value = "2014"}}},
    ["The war began in early 2022. In April of that year it changed."] =
      {date = {{text = "in early 2022", value = "2022"}, {text = "In April of that year", value = "2022-04"}}},
  },
}
