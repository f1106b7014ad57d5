-- Tests for scripts/trawl/numbers.lua: rows of (words, expected value); run
-- from the repository root with `lua5.4 tests/lua/test_numbers.lua`.
-- Words are written space-separated, one token each, as the tokenizer cuts
-- them ("30 - day", "$ 61bn"); a row consumes all its words unless it says
-- how many (n = 2).
package.path = "scripts/trawl/?.lua;" .. package.path
local N = require "numbers"

local passed, failed = 0, 0

local function words_of(s)
  local w = {}
  for x in s:gmatch("%S+") do w[#w + 1] = x end
  return w
end

local function show(v)
  if type(v) == "table" then return "{" .. tostring(v[1]) .. ", " .. tostring(v[2]) .. "}" end
  return tostring(v)
end

local function same(a, b)
  if type(a) == "table" or type(b) == "table" then
    return type(a) == "table" and type(b) == "table" and same(a[1], b[1]) and same(a[2], b[2])
  end
  if type(a) ~= "number" or type(b) ~= "number" then return a == b end
  return math.abs(a - b) <= 1e-9 * math.max(1, math.abs(a), math.abs(b))
end

local function check(name, ok, msg)
  if ok then passed = passed + 1
  else failed = failed + 1; print("FAIL " .. name .. ": " .. msg) end
end

-- rows: {words, value [, n = words consumed] [, opts = {...}] [, info = {field = value}]}
local function run(section, fn, rows)
  for _, row in ipairs(rows) do
    local w = words_of(row[1])
    local v, j, info = fn(w, 1, row.opts)
    local want = row[2]
    local name = section .. " [" .. row[1] .. "]"
    if want == nil then
      check(name, v == nil, "want nothing, got " .. show(v))
    else
      local n = row.n or #w
      local ok = same(v, want) and j == n + 1
      check(name, ok, ("want %s over %d words, got %s over %s"):format(show(want), n, show(v),
            j and tostring(j - 1) or "-"))
      for k, x in pairs(row.info or {}) do
        local got = info and info[k]
        check(name .. " info." .. k, same(got, x) or got == x,
              ("want %s, got %s"):format(show(x), show(got)))
      end
    end
  end
end

run("digits", N.parse, {
  {"0", 0}, {"7", 7}, {"42", 42}, {"1,200", 1200}, {"110,000", 110000}, {"3,000,000", 3000000},
  {"1200000", 1200000}, {"2.5", 2.5}, {".5", 0.5}, {".77", 0.77}, {"0.77", 0.77},
  {"100,000.0", 100000}, {"0033", 33}, {"01.10", 1.1}, {"4.800", 4.8}, {"9.2321312", 9.2321312},
  {"1e10", 1e10}, {"1.3e6", 1300000}, {"123456789101231", 123456789101231},
  {"5,600 drones", 5600, n = 1}, {"2% rise", 2, n = 1},
})

run("negative", N.parse, {
  {"- 3", -3}, {"-504", nil}, {"– 1,200,000", -1200000}, {"minus 5", -5}, {"minus 1,200,000", -1200000},
  {"negative 1200000", -1200000}, {"minus one", -1}, {"negative twenty five", -25},
  {"minus five point five", -5.5}, {"minus a million and a half", -1500000},
  {"negative zero", 0}, {"- 3", nil, opts = {sign = false}}, {"minus", nil}, {"- day", nil},
})

run("suffix scales", N.parse, {
  {"61bn", 61e9, info = {scale = 1e9}}, {"2.5bn", 2.5e9}, {"100k", 100000}, {"100K", 100000},
  {"1.5k", 1500}, {"3000K", 3000000}, {"1200k", 1200000}, {"10M", 1e7}, {"1.2M", 1200000},
  {"3M", 3000000}, {"1MM", 1e6}, {"2mil", 2e6}, {"5mn", 5e6}, {"3mln", 3e6}, {"7bln", 7e9},
  {"1.2b", 1.2e9}, {"5G", 5, info = {suffix = "g", raw_suffix = "G"}}, {"2tn", 2e12}, {"1.5trn", 1.5e12},
  {"2.5m", 2.5, info = {suffix = "m", maybe_scale = 1e6}},
  {"2.5m", 2.5e6, opts = {money = true}, info = {scale = 1e6}},
  {"9m", 9, info = {suffix = "m"}}, {"1500b", 1500, info = {suffix = "b", maybe_scale = 1e9}},
  {"5km", 5, info = {suffix = "km"}}, {"40,000ft", 40000, info = {suffix = "ft"}},
  {"938.4cm", 938.4, info = {suffix = "cm"}}, {"300gb", 300, info = {suffix = "gb"}},
  {"4pm", 4, info = {suffix = "pm"}},
})

run("scale words", N.parse, {
  {"2.5 million", 2500000, info = {scale = 1e6}}, {"2 million", 2e6}, {"1 trillion", 1e12},
  {"5 thousand", 5000}, {"322 hundred", 32200}, {"2.33 k", 2330}, {"10 bln", 1e10},
  {"10 bn", 1e10}, {"3 mn", 3e6}, {"10 tln", 1e13}, {"30 lakh", 3000000}, {"12 lakhs", 1200000},
  {"1 crore", 1e7}, {"three lakh crore", 3e12}, {"5 m", 5, n = 1}, {"5 m", 5e6, opts = {money = true}},
  {"1,674.5 G", 1674.5, n = 1}, {"five k", 5, n = 1}, {"one mln", 1e6}, {"two bln", 2e9}, {"7 mln 50 - cent", 7e6, n = 2}, {"3 billions", 3e9},
  {"three billions", 3e9}, {"three thousand millions", 3e9}, {"three hundred crores", 3e9},
  {"a million", 1e6}, {"a hundred", 100}, {"a thousand", 1000}, {"one million", 1e6},
  {"million", 1e6, info = {bare = true}}, {"thousand liters", 1000, n = 1},
  {"hundred thousand dollars", 100000, n = 2}, {"a billion", 1e9}, {"nine sextillion", 9e21},
  {"two point two million", 2200000}, {"half million", 500000}, {"half a million", 500000},
  {"quarter million", 250000}, {"a quarter million", 250000}, {"three quarters billion", 7.5e8},
})

run("cardinal words", N.parse, {
  {"zero", 0}, {"nought", 0}, {"naught", 0}, {"nil", 0}, {"one", 1}, {"two", 2}, {"seven", 7},
  {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"sixteen", 16}, {"nineteen", 19},
  {"twenty", 20}, {"seventy", 70}, {"fourty four", 44}, {"thirty three", 33},
  {"twenty-one", 21}, {"seventy-seven", 77}, {"fifty - two", 52}, {"Twenty-six people", 26, n = 1},
  {"ONE TwentY", 1, n = 1}, {"one hundred", 100}, {"one-hundred", 100}, {"seven hundred", 700},
  {"one hundred and five", 105}, {"one hundred and sixty-one", 161},
  {"a hundred and seventy", 170}, {"hundred and seventy two", 172},
  {"hundred and seventy two thousand", 172000}, {"two thousand and twenty", 2020},
  {"two thousand six hundred forty five", 2645}, {"two Hundred thousand", 200000},
  {"twenty-one thousand Eleven", 21011}, {"six hundred forty-one thousand and nineteen", 641019},
  {"one hundred and five million", 105000000}, {"seven million five hundred twenty thousand", 7520000},
  {"twenty-one trillion three hundred", 21000000000300},
  {"twenty-one trillion and three hundred", 21000000000300},
  {"eight quadrillion three thousand and four", 8000000000003004},
  {"thirty one million and sixty four hundred", 31006400},
  {"four crore ten lakh thirty-two thousand five hundred six", 41032506},
  {"fifteen hundred", 1500}, {"a million and one", 1000001}, {"million and one", 1000001},
  {"two hundred fifty thousand and twenty two", 250022},
})

run("where a number stops", N.parse, {
  {"one two", 1, n = 1}, {"four two zero", 4, n = 1}, {"three three", 3, n = 1},
  {"twenty five thirty six", 25, n = 2}, {"twenty thirty", 20, n = 1},
  {"seven and twenty", 7, n = 1}, {"one and two and three", 1, n = 1},
  {"3 hundred and 2 hundred", 300, n = 2}, {"4 thousand 3 hundred and 0", 4300, n = 4},
  {"4000 3 hundred", 4000, n = 1}, {"12 34 56", 12, n = 1}, {"202 199", 202, n = 1},
  {"hundred and five twenty two", 105, n = 3}, {"two hundred and fifty times six", 250, n = 4},
  {"five sources", 5, n = 1}, {"one month", 1, n = 1}, {"four eastern regions", 4, n = 1},
  {"1 234 567", 1, n = 1}, {"1 234 567", 1234567, opts = {groups = true}},
  {"40 000", 40000, opts = {groups = true}}, {"423 0000", 423, n = 1, opts = {groups = true}},
})

run("digits with words", N.parse, {
  {"3 hundred and 21", 321}, {"4 thousand 3 hundred and 21", 4321}, {"9 hundred", 900},
  {"9 hundred and 2", 902}, {"9 hundred and twenty", 920}, {"2.12 hundred", 212},
  {"6 crore and two hundred", 60000200}, {"1 point 1", 1.1}, {"1 and a half", 1.5},
  {"3 million and a half", 3500000}, {"3 million and a quarter", 3250000},
})

run("point", N.parse, {
  {"point 77", 0.77}, {"seven point nought two", 7.02}, {"naught point five", 0.5},
  {"nought point nought seven", 0.07}, {"zero point zero eight", 0.08},
  {"nought point eleven", 0.11}, {"two hundred point zero three", 200.03},
  {"three hundred point forty-two", 300.42}, {"one point three", 1.3},
  {"at one point", nil}, {"one point of view", 1, n = 1},
})

run("fractions", N.parse, {
  {"half", 0.5, info = {fraction = true}}, {"a half", 0.5}, {"one half", 0.5}, {"a third", 1 / 3},
  {"one third", 1 / 3}, {"two thirds", 2 / 3}, {"two-thirds", 2 / 3}, {"a quarter", 0.25},
  {"three quarters", 0.75}, {"three-quarters", 0.75}, {"a fifth", 0.2}, {"one fifth", 0.2},
  {"three fifths", 0.6}, {"one eighth", 0.125}, {"one-eighth", 0.125}, {"five eighths", 0.625},
  {"a hundredth", 0.01}, {"a sixteenth", 1 / 16}, {"a trillionth", 1e-12},
  {"a hundred trillionths", 1e-10}, {"a hundred thousand billionths", 1e-4},
  {"five hundredths", 0.05}, {"three hundred tenths", 30}, {"twenty fifths", 4},
  {"twenty-three fifths", 4.6}, {"thirty twenty fifths", 1.2}, {"a twenty-first", 1 / 21},
  {"one thirty-second", 1 / 32}, {"five twenty-firsts", 5 / 21}, {"two halves", 1},
  {"three halves", 1.5}, {"one thousandth", 0.001}, {"a millionth", 1e-6},
  {"a third of a slice", 1 / 3, n = 2}, {"A third Russian source", nil}, {"a fifth term", nil},
  {"a third said", 1 / 3, n = 2}, {"a third", 1 / 3}, {"a third .", 1 / 3, n = 2},
  {"one third place", nil}, {"a quarter century", 0.25, n = 2}, {"a half hour", 0.5, n = 2}, {"two thirds of a million", 2e6 / 3},
  {"half of them", 0.5, n = 1}, {"half an hour", 0.5, n = 1}, {"half a dozen", 6},
  {"half-litre", 0.5, info = {suffix = "litre"}}, {"quarter-litre", 0.25, info = {suffix = "litre"}},
  {"1/2", 0.5, info = {slash = {1, 2}}}, {"3/4", 0.75}, {"3/8", 0.375}, {"3/8ths", 0.375},
  {"2/10", 0.2}, {"20/100", 0.2}, {"3 1/2", 3.5}, {"- 1 4/5", -1.8}, {"½", 0.5}, {"¾", 0.75},
  {"2 ½", 2.5}, {"⅔", 2 / 3}, {"24/7", nil}, {"2018/19", nil}, {"5/17/2018", nil},
})

run("and a half", N.parse, {
  {"one and a half", 1.5}, {"two and a half", 2.5}, {"fifty and a half", 50.5},
  {"one and a fourth", 1.25}, {"five and a quarter", 5.25}, {"three and a fifth", 3.2},
  {"three and one fourth", 3.25}, {"forty two and a third", 42 + 1 / 3},
  {"one hundred and three and two thirds", 103 + 2 / 3}, {"twenty and three fifths", 20.6},
  {"three and sixty-two hundredths", 3.62}, {"one and half", 1, n = 1}, {"five and half of them", 5, n = 1},
  {"two and half million", 2500000}, {"44 million and half lives", 44000000, n = 2}, {"two and a half million", 2500000},
  {"five and a half million", 5500000}, {"one and a half million", 1500000},
  {"a million and a half", 1500000}, {"one million and a half", 1500000},
  {"two million and one half", 2500000}, {"one billion and a half million", 1000500000},
  {"one billion and a quarter million", 1000250000}, {"five billion and three quarters", 5.75e9},
  {"six million and two thirds", 6e6 + 2e6 / 3}, {"one hundred and three quarters", 100.75},
  {"one billion and three quarters million", 1000750000},
})

run("collective and vague", N.parse, {
  {"a couple", 2, info = {collective = true}}, {"a couple of weeks", 2, n = 2}, {"a pair", 2},
  {"a dozen", 12}, {"a dozen eggs", 12, n = 2}, {"two dozen", 24}, {"2 dozens", 24},
  {"three dozens", 36}, {"200 dozens", 2400}, {"two hundred dozens", 2400}, {"3 dzs", 36},
  {"a couple hundred", 200}, {"a few", {2, 5}, info = {vague = true}}, {"several", {3, 9}},
  {"several hundred", {300, 999}}, {"several thousand", {3000, 9999}},
  {"several hundred thousand", {300000, 999999}}, {"a few thousand", {2000, 5999}},
  {"a few dozen", {24, 71}}, {"a handful", {2, 5}},
  {"hundreds", {200, 999}, info = {bare = true, vague = true}}, {"thousands", {2000, 999999}},
  {"millions", {2000000, 999999999}}, {"billions", {2e9, 999999999999}},
  {"dozens", {24, 99}}, {"dozens of people", {24, 99}, n = 1},
  {"hundreds of thousands", {200000, 999999}}, {"tens of thousands", {20000, 99999}},
  {"hundreds of millions", {2e8, 999999999}}, {"tens of millions", {2e7, 99999999}},
  {"thousands of people", {2000, 999999}, n = 1}, {"scores of people", {40, 99}, n = 1},
  {"tens", nil}, {"scores", nil}, {"few", nil},
})

run("not numbers", N.parse, {
  {"third", nil}, {"the", nil}, {"a", nil}, {"an", nil}, {"quarter", nil}, {"first class", nil},
  {"twenty-first", nil}, {"twenty first", nil}, {"one hundredth anniversary", nil},
  {"two millionth", nil}, {"10th", nil}, {"May 4th", nil}, {"21st", nil}, {"second", nil},
  {"fifty-fifty", nil}, {"forever-21", nil}, {"covid-19", nil}, {"10:30", nil},
  {"192.168.1.2", nil}, {"point", nil}, {"and", nil},
  {"a decade", nil}, {"a decade", 1, n = 1, opts = {article = true}, info = {article = true}},
  {"an hour", 1, n = 1, opts = {article = true}},
})

-- "quarter", "point", "a"/"an": answered before the grammar runs where the
-- next word cannot carry them on; the grammar still reads the rest
run("known before the grammar", N.parse, {
  {"quarter ,", nil}, {"Quarter of", nil}, {"quarter of a million", 0.25, n = 1}, {"quarter million", 250000},
  {"point in", nil}, {"point five", 0.5}, {"point 5", 0.5}, {"Point", nil},
  {"a year", nil}, {"A year", 1, n = 1, opts = {article = true}, info = {article = true, scale = 1}},
  {"a", nil, opts = {article = true}}, {"a million", 1000000}, {"a quarter", 0.25}, {"a third", 1 / 3},
  {"a few", {2, 5}}, {"a couple", 2}, {"a dozen", 12}, {"a twenty-year", 1, n = 1, opts = {article = true}},
  {"an eight-hour", 1, n = 1, opts = {article = true}, info = {article = true}},
  {"half of", 0.5, n = 1, info = {fraction = true, words = true}}, {"Half the", 0.5, n = 1}, {"half", 0.5},
  {"half .", 0.5, n = 1}, {"half a million", 500000}, {"half million", 500000}, {"half dozen", 6},
  {"quarter of the year", nil}, {"quarter of", nil}, {"quarter of a-million", 0.25, n = 1},
})

-- a number word hyphenated to a plain word, read without the grammar, and
-- the words after a hyphen that still go to it
run("hyphenated, known before the grammar", N.parse, {
  {"One-Off deal", 1, n = 1, info = {suffix = "off", raw_suffix = "Off", words = true, scale = 1}},
  {"seventy-year-old", 70, info = {suffix = "year-old", raw_suffix = "year-old"}},
  {"thirteen--week", 13, info = {suffix = "week"}}, {"two-thirds", 2 / 3}, {"five-million", 5000000},
  {"twenty-first", nil}, {"twenty-one", 21}, {"three-quarters", 0.75}, {"ten-fold", 10, info = {suffix = "fold"}},
  {"six-1", 6, info = {suffix = "1"}}, {"nil-year", 0, info = {suffix = "year"}},
})

-- digits before "and": the number ends there unless a fraction follows
run("digits and", N.parse, {
  {"2004 and 2005", 2004, n = 1, info = {year = true, digits = true}}, {"2.5 and 3", 2.5, n = 1},
  {"40 and", 40, n = 1}, {"40 And ,", 40, n = 1}, {"2004 and the", 2004, n = 1, info = {year = true}},
  {"3 and August", 3, n = 1}, {"3 and one half", 3.5}, {"3 and several", 3, n = 1}, {"3 and a half", 3.5}, {"3 and half million", 3500000},
  {"3 and three quarters", 3.75}, {"5bn and 6", 5000000006}, {"1/2 and 3", 0.5, n = 1},
})

-- digits and a scale word, read without the grammar when nothing after
-- carries on, and by it when something may
run("digits and a scale", N.parse, {
  {"9.9 million people", 9900000, n = 2, info = {digits = true, words = true, scale = 1000000}},
  {"5 Billion .", 5000000000, n = 2}, {"2 lakh", 200000}, {"0.5 trillion", 500000000000},
  {"5 million two", 5000002}, {"5 million 300", 5000300}, {"5 million and 20", 5000020},
  {"5 million-dollar deal", 5000000, n = 2}, {"5 million two-year", 5000002, n = 3}, {"5 million of", 5000000, n = 2},
  {"1990s million", {1990, 1999}, n = 1}, {"5bn million", 5000000000, n = 2},
})

run("hyphenated words", N.parse, {
  {"three-ton", 3, info = {suffix = "ton"}}, {"Two-Day", 2, info = {suffix = "day", raw_suffix = "Day"}}, {"four-mile", 4, info = {suffix = "mile"}},
  {"one-yen", 1, info = {suffix = "yen"}}, {"five-year-old", 5, info = {suffix = "year-old"}},
  {"twenty-five-year", 25, info = {suffix = "year"}}, {"forty-odd", 40, info = {suffix = "odd"}},
  {"30 - day", 30, n = 1}, {"776 - foot", 776, n = 1},
})

run("decades", N.parse, {
  {"1990s", {1990, 1999}, info = {decade = true}}, {"20s", {20, 29}}, {"1960s", {1960, 1969}},
  {"3s", 3, info = {suffix = "s"}},
})

run("years", N.parse, {
  {"2019", 2019, info = {year = true}}, {"1999", 1999, info = {year = true}},
  {"2,019", 2019, info = {year = nil}}, {"2019.5", 2019.5, info = {year = nil}},
  {"12000", 12000, info = {year = nil}},
})

run("ranges", N.range, {
  {"between 5 and 10", {5, 10}}, {"from 3 to 4 million", {3e6, 4e6}}, {"10 - 15", {10, 15}},
  {"10 to 15", {10, 15}}, {"10 – 15", {10, 15}}, {"one or two", {1, 2}},
  {"2 to 3 million", {2e6, 3e6}}, {"5 - 10bn", {5e9, 1e10}}, {"500 to 2 million", {500, 2e6}},
  {"20 ~ 100", {20, 100}}, {"5k - 20k", {5000, 20000}}, {"3km - 5km", {3, 5}},
  {"between 10 and 20 percent", {10, 20}, n = 4}, {"from 2 to 7 g", {2, 7}, n = 4},
  {"7 - 9 lakh", {700000, 900000}}, {"five or six people", {5, 6}, n = 3},
  {"3 - 1", nil}, {"2019 - 20", nil}, {"1995 - 01", nil}, {"2010 - 2015", nil},
  {"between 5", nil}, {"5 and 10", nil}, {"10 bln or 10 tln", nil}, {"3km - 5mi", nil},
  {"from 200 to 300", {200, 300}},
})

run("ratios", N.ratio, {
  {"one in five", 0.2}, {"1 in 3", 1 / 3}, {"two out of three", 2 / 3},
  {"1 in twenty-one", 1 / 21}, {"one out of three people", 1 / 3, n = 4},
  {"12 out of 10", nil}, {"8 in 5", nil}, {"12 in six boxes", nil}, {"5 in the morning", nil},
})

run("ordinals", N.ordinal, {
  {"21st", 21}, {"2nd", 2}, {"3rd", 3}, {"10th", 10}, {"third", 3}, {"first", 1},
  {"twenty-first", 21}, {"twenty first", 21}, {"hundredth", 100}, {"one hundredth", 100},
  {"two thousandth", 2000}, {"twelfth", 12}, {"ninetieth", 90}, {"three", nil}, {"5", nil},
  {"thirds", nil},
})

-- is_pronoun_one: {words, index of "one", expected}
for _, row in ipairs({
  {"no one came", 2, true}, {"the one who left", 2, true}, {"one another", 1, true},
  {"one of the most dangerous", 1, true}, {"one of the biggest", 1, true}, {"this one", 2, true},
  {"Which one do you prefer", 2, true}, {"loved ones", 2, true}, {"one 's own", 1, true},
  {"one source said", 1, false}, {"one of the sources", 1, false}, {"one month", 1, false},
  {"the one hundred days", 2, false}, {"one and a half", 1, false}, {"killed one person", 2, false},
}) do
  check("is_pronoun_one [" .. row[1] .. "]", N.is_pronoun_one(words_of(row[1]), row[2]) == row[3],
        "want " .. tostring(row[3]))
end

-- looks_like_year: {word, next, prev, expected}
for _, row in ipairs({
  {"2019", nil, nil, true}, {"2019", ",", "in", true}, {"2019", "people", nil, true},
  {"2000", "troops", "some", false}, {"2000", "troops", nil, false}, {"2019", "elections", nil, true}, {"1999", "was", nil, true},
  {"2015", "March", nil, true}, {"2000", nil, "$", false}, {"2000", "people", "in", true},
  {"2,000", nil, nil, false}, {"1750", nil, nil, false}, {"2200", nil, nil, false},
  {"2020", "levels", "pre", true}, {"2100", "miles", nil, false}, {"2024", "is", nil, true},
  {"2003", "results", "and", true}, {"2006", "until", "least", true}, {"2000", "people", "least", false}, {"1987", "people", nil, true}, {"1900", "people", nil, false},
}) do
  check(("looks_like_year [%s %s %s]"):format(tostring(row[3]), row[1], tostring(row[2])),
        N.looks_like_year(row[1], row[2], row[3]) == row[4], "want " .. tostring(row[4]))
end

-- token: {word, value, info field, info value}
for _, row in ipairs({
  {"61bn", 61e9, "scale", 1e9}, {"5km", 5, "suffix", "km"}, {"10th", 10, "ordinal", true},
  {"2.5m", 2.5, "maybe_scale", 1e6}, {"1,200", 1200, "scale", 1}, {"3/4", 0.75, "slash", nil},
  {"1990s", {1990, 1999}, "decade", true}, {"abc", nil},
}) do
  local v, info = N.token(row[1])
  local ok = same(v, row[2]) and (row[3] == nil or row[4] == nil or same(info[row[3]], row[4])
             or info[row[3]] == row[4])
  check("token [" .. row[1] .. "]", ok, "want " .. show(row[2]) .. ", got " .. show(v))
end

-- starts and word_value
for _, row in ipairs({
  {"12", true}, {".5", true}, {"twenty-one", true}, {"a", true}, {"Several", true},
  {"hundreds", true}, {"-", true}, {"½", true}, {"people", false}, {"the", false}, {"third", false},
}) do
  check("starts [" .. row[1] .. "]", N.starts(row[1]) == row[2], "want " .. tostring(row[2]))
end
for _, row in ipairs({{"seven", 7}, {"Hundred", 100}, {"million", 1e6}, {"dozen", 12}, {"people", nil}}) do
  check("word_value [" .. row[1] .. "]", same(N.word_value(row[1]), row[2]), "want " .. show(row[2]))
end
check("vague [dozens]", same(N.vague("dozens"), {24, 99}), "want {24, 99}")
do
  local ws, has = N.words(), {}
  for _, w in ipairs(ws) do has[w] = true end
  for _, w in ipairs({"one", "twenty", "half", "a", "million", "dozens", "several", "minus"}) do
    check("words has " .. w, has[w] == true, "missing")
  end
  for _, w in ipairs(ws) do
    check("words [" .. w .. "] starts", N.starts(w), "does not start a number")
  end
end

-- the module keeps to itself: no globals
for k in pairs(_ENV) do
  check("no global " .. tostring(k), ({
    string = 1, table = 1, math = 1, io = 1, os = 1, package = 1, coroutine = 1, utf8 = 1, debug = 1,
    _G = 1, _VERSION = 1, arg = 1, assert = 1, collectgarbage = 1, dofile = 1, error = 1,
    getmetatable = 1, ipairs = 1, load = 1, loadfile = 1, next = 1, pairs = 1, pcall = 1, print = 1,
    rawequal = 1, rawget = 1, rawlen = 1, rawset = 1, require = 1, select = 1, setmetatable = 1,
    tonumber = 1, tostring = 1, type = 1, warn = 1, xpcall = 1,
  })[k] ~= nil, "unexpected global")
end

print(("%d passed, %d failed"):format(passed, failed))
if failed > 0 then os.exit(1) end
