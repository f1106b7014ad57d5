/* trawl.figure_starts (lua_figstarts.c): table-driven rows of a text and
 * the tokens a figure may start at, written as the tokens' words joined by
 * "|", with a small spec (word lists and two lexicons); then the spec's
 * errors. Each failure names its row. */
#include "lua_rows.h"

/* S(text) lists the starts' words; ERR(f, ...) gives the error message. */
static const char PRELUDE[] =
    "trawl = require 'trawl'\n"
    "hedges = trawl.lexicon({entries = {{name = 'about', aliases = {'around', 'more than'}},"
    "  {name = 'or so', position = 'after'}}}, 'hedges')\n"
    "units = trawl.lexicon({case = 'smart', entries = {{name = 'dollar', aliases = {'$', 'US$', 'USD'}},"
    "  {name = 'km'}, {name = 'euro', aliases = {'euros', 'EUR'}}}}, 'units')\n"
    "spec = {number_words = {'one', 'two', 'twenty', 'million', 'half'}, articles = {'a', 'an'},\n"
    "  a_next = {'dozen', 'third', 'million'}, ranges = {'between', 'from'}, one_units = {'litre', 'dollar'},\n"
    "  periods = {'hour', 'hours', 'year'}, ['and'] = {'and'}, whole = {'all', 'another'},\n"
    "  whole_units = {'day', 'days', 'week', 'business day'}, article_prev = {'for', 'than'},\n"
    "  hedges = hedges, currencies = units, currency_entries = {1, 3}}\n"
    "find = trawl.figure_starts(spec)\n"
    "function S(text)\n"
    "  local d = trawl.doc(text)\n"
    "  local out = {}\n"
    "  for _, i in ipairs(find(d)) do out[#out + 1] = d:word(i) end\n"
    "  return table.concat(out, '|')\n"
    "end\n"
    "function ERR(f, ...)\n"
    "  local ok, e = pcall(f, ...)\n"
    "  return ok and 'no error' or tostring(e)\n"
    "end\n"
    "function with(k, v) local t = {} for a, b in pairs(spec) do t[a] = b end t[k] = v return t end\n";


static const lua_row ROWS[] = {
    {"digits", "S('It rose 76% to 1,200 in G20 talks.')", "76|1,200|G20"},
    {"minus glued to a number", "S('It fell to -5 and - 6, then -.5 or -x.')", "-|5|6|5"},
    {"vulgar fraction", "S('Add ½ cup and 3¼ more.')", "½|3|¼"},
    {"number words, hyphenated, possessive", "S('One and twenty-one or Two\\'s and onerous.')",
     "One|twenty-one|Two's"},
    {"a before a_next", "S('A dozen eggs, a third of it, a dozen-strong team, a day.')", "A|a|a"},
    {"a before a unit that may be one", "S('A litre of milk and a dollar-store.')", "A|a"},
    {"a before a period and more", "S('It took an hour and 45 minutes, a year and, a week and.')", "an|45"},
    {"between/from before an amount", "S('from $5, between 3 and 4, from -2, from two, from - 7, from x')",
     "from|$|5|between|3|4|from|-|2|from|two|7"},
    {"between/from glued to what follows is no start", "S('from(5)')", "5"},
    {"all/another before a period", "S('all day, another week, all business day, all the day')", "all|another|all"},
    {"all-day hyphenated", "S('an all-day event, another-weeks, all-night')", "all-day"},
    {"hedges start, every one", "S('about 5 or so, and more than 10')", "about|5|or|more|10"},
    /* ("US$" is two tokens, as its lexicon form is: it starts at both) */
    {"currencies written before, not others", "S('US$ 5, USD 3, EUR and 4 km, euros')", "US|$|5|USD|3|EUR|4|euros"},
    {"smart case: usd is no code", "S('usd eur')", ""},
    {"a after article_prev (and a hedge)", "S('for a decade, more than an hour, a cat')", "a|more|an"},
    {"empty doc", "S('')", ""},
    /* spec errors */
    {"error missing list", "ERR(trawl.figure_starts, with('periods', nil))", "~'periods' must be a list of words"},
    {"error item not a string", "ERR(trawl.figure_starts, with('whole', {'all', 3}))", "~'whole' item 2 must be a string"},
    {"error lexicon", "ERR(trawl.figure_starts, with('hedges', {}))", "~lexicon"},
    {"error currency entry", "ERR(trawl.figure_starts, with('currency_entries', {9}))", "~currency entry 9 out of range"},
};

LUA_ROWS_MAIN(PRELUDE, ROWS)
