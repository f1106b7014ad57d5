/* Lexicons through the Lua API: table-driven rows of a Lua expression and
 * the string it must give, each failure naming its row. Covers YAML loading,
 * multi-word and longest match, the three case modes, apostrophe and dash
 * variants, aliases and attributes, spans, and every load-time error. */
#include "lua_rows.h"

/* L(yaml_or_table) builds a lexicon; M(lex, text [, s, e]) lists lex:each's
 * matches as "[text=name]"; ERR(f, ...) gives the error message of f(...). */
static const char PRELUDE[] =
    "trawl = require 'trawl'\n"
    "L = trawl.lexicon\n"
    "function M(lx, text, s, e)\n"
    "  local d = trawl.doc(text)\n"
    "  local out = {}\n"
    "  for i, j, entry in lx:each(d, s, e) do\n"
    "    local a = d:tok(i); local _, b = d:tok(j)\n"
    "    out[#out + 1] = '[' .. d:text(a, b) .. '=' .. entry.name .. ']'\n"
    "  end\n"
    "  return table.concat(out)\n"
    "end\n"
    "function MA(lx, text, s, e)\n"
    "  local d = trawl.doc(text)\n"
    "  local out, each, all = {}, {}, lx:all(d, s, e)\n"
    "  for i, j, entry in lx:each(d, s, e) do each[#each + 1] = i .. '-' .. j .. '=' .. entry.name end\n"
    "  for k = 1, #all, 3 do out[#out + 1] = all[k] .. '-' .. all[k + 1] .. '=' .. all[k + 2].name end\n"
    "  local a, b = table.concat(out, ','), table.concat(each, ',')\n"
    "  return a == b and a or ('all ' .. a .. ' but each ' .. b)\n"
    "end\n"
    "function ERR(f, ...)\n"
    "  local ok, e = pcall(f, ...)\n"
    "  return ok and 'no error' or tostring(e)\n"
    "end\n"
    "places = L([[\n"
    "lexicon: places\n"
    "type: place\n"
    "entries:\n"
    "  - New York\n"
    "  - New York City\n"
    "  - York\n"
    "  - name: United Nations\n"
    "    type: org\n"
    "    aliases: [UN, U.N.]\n"
    "    founded: 1945\n"
    "  - name: Kyiv\n"
    "    aliases: Kiev\n"
    "  - Kyiv's Maidan\n"
    "  - 1984\n"
    "  - name: al-Assad\n"
    "    type: person\n"
    "]], 'places.yaml')\n"
    "smart = L{case = 'smart', entries = {'nato', 'US', 'White House', 'us-led'}}\n"
    "sens = L{case = 'sensitive', entries = {'US', 'May'}}\n";


static const lua_row ROWS[] = {
    {"size", "places:size() .. ',' .. #places", "8,8"},
    {"name", "places:name()", "places"},
    {"name defaults to the argument", "L({entries = {'a'}}, 'mine'):name()", "mine"},
    {"tostring", "tostring(places)", "lexicon(places, 8 entries)"},
    {"entry by number", "places:entry(4).name .. ',' .. places:entry(4).founded", "United Nations,1945"},
    {"entry out of range", "tostring(places:entry(99))", "nil"},
    {"default type", "places:lookup('York').type", "place"},
    {"own type", "places:lookup('UN').type", "org"},
    {"attributes kept", "places:lookup('U.N.').founded", "1945"},
    {"aliases kept as a list", "places:lookup('UN').aliases[2]", "U.N."},
    {"single alias becomes a list", "places:lookup('Kiev').aliases[1]", "Kiev"},
    {"number names become strings", "type(places:lookup('1984').name)", "string"},
    {"lookup multi-word", "places:lookup('new york city').name", "New York City"},
    {"lookup partial is nil", "tostring(places:lookup('New'))", "nil"},
    {"lookup longer is nil", "tostring(places:lookup('York Minster'))", "nil"},
    {"longest match wins", "M(places, 'New York City and New York and York')", "[New York City=New York City][New York=New York][York=York]"},
    {"non-overlapping, left to right", "M(places, 'New York York')", "[New York=New York][York=York]"},
    {"aliases match", "M(places, 'the UN and the U.N. in Kiev')", "[UN=United Nations][U.N.=United Nations][Kiev=Kyiv]"},
    {"insensitive by default", "M(places, 'NEW YORK and new york')", "[NEW YORK=New York][new york=New York]"},
    {"curly apostrophe in text", "M(places, 'in Kyiv’s Maidan square')", "[Kyiv’s Maidan=Kyiv's Maidan]"},
    {"curly apostrophe in entry", "M(L{entries = {'Kyiv’s'}}, \"Kyiv's\")", "[Kyiv's=Kyiv’s]"},
    {"possessive ends a match", "M(places, \"New York's mayor and Kiev’s and New York City's\")",
     "[New York's=New York][Kiev’s=Kyiv][New York City's=New York City]"},
    {"plural possessive ends a match", "M(L{entries = {'Reuters'}}, \"Reuters' report and Reuters’ and Reuterss\")",
     "[Reuters'=Reuters][Reuters’=Reuters]"},
    {"possessive mid-phrase does not match", "M(places, \"New's York City\")", "[York=York]"},
    {"an entry with its own 's wins", "M(L{entries = {\"McDonald's\", 'McDonald'}}, \"McDonald's\")", "[McDonald's=McDonald's]"},
    {"possessive in sensitive mode", "M(sens, \"US's May's\")", "[US's=US][May's=May]"},
    {"hyphen variants", "M(places, 'al‐Assad and al-Assad')", "[al‐Assad=al-Assad][al-Assad=al-Assad]"},
    {"smart: lower entry, any case", "M(smart, 'nato NATO Nato')", "[nato=nato][NATO=nato][Nato=nato]"},
    {"smart: capitals as written", "M(smart, 'US us Us')", "[US=US]"},
    {"smart: multi-word with capitals", "M(smart, 'White House white house')", "[White House=White House]"},
    {"smart: lookup", "tostring(smart:lookup('us')) .. ',' .. smart:lookup('NATO').name", "nil,nato"},
    {"sensitive", "M(sens, 'US us May may')", "[US=US][May=May]"},
    {"match at a token", "(function() local d = trawl.doc('in New York City'); local e, j = places:match(d, 2); return e.name .. ',' .. j end)()",
     "New York City,4"},
    {"match nothing is nil", "tostring(places:match(trawl.doc('in New York'), 1))", "nil"},
    {"each over a span", "M(places, 'York and York and York', 5, 13)", "[York=York]"},
    {"all: what each yields", "MA(places, 'in New York City and York, the United Nations')", "2-4=New York City,6-6=York,9-10=United Nations"},
    {"all: a span", "MA(places, 'York and York and York', 5, 13)", "3-3=York"},
    {"all: none", "MA(places, 'nothing here')", ""},
    {"all: smart case", "MA(smart, 'US us White House white house')", "1-1=US,3-4=White House"},
    {"all: entries are the lexicon's tables", "(function() local d = trawl.doc('York'); return tostring(places:all(d)[3] == places:lookup('York')) end)()",
     "true"},
    {"first entry keeps a shared form", "L{entries = {{name = 'Georgia', type = 'country'}, {name = 'Georgia', type = 'state'}}}:lookup('georgia').type", "country"},
    {"case option", "L{case = 'insensitive', entries = {'A'}}:lookup('a').name", "A"},
    {"many entries", "(function() local t = {} for i = 1, 5000 do t[i] = 'w' .. i .. ' x' end; local lx = L{entries = t};"
     " return lx:size() .. ',' .. lx:lookup('W4999 X').name end)()", "5000,w4999 x"},
    /* a lexicon method called on something else: the check that finds a
     * lexicon by its address must still refuse a doc, a table, a string */
    {"not a lexicon: a doc", "(function() local d = trawl.doc('York'); return ERR(places.match, d, d, 1) end)()", "~trawl.lexicon expected"},
    {"not a lexicon: a table", "ERR(places.lookup, {}, 'york')", "~trawl.lexicon expected"},
    {"not a lexicon: a string", "ERR(places.lookup, 'york', 'york')", "~trawl.lexicon expected"},
    {"a lexicon still found", "places.lookup(places, 'york').name", "York"},
    /* load-time errors */
    {"error no entries", "ERR(L, {type = 'x'}, 'nothing')", "~lexicon 'nothing': needs 'entries'"},
    {"error unknown key", "ERR(L, {entries = {}, cases = 'smart'}, 'k')", "~unknown key 'cases'"},
    {"error bad case", "ERR(L, {entries = {}, case = 'upper'}, 'k')", "~'case' must be sensitive, insensitive or smart"},
    {"error entry without name", "ERR(L, {entries = {'a', {type = 'x'}}}, 'k')", "~entry 2 needs a 'name'"},
    {"error alias not a string", "ERR(L, {entries = {{name = 'a', aliases = {{}}}}}, 'k')", "~entry 1: alias 1 must be a string"},
    {"error empty name", "ERR(L, {entries = {'a', '  '}}, 'k')", "~entry 2: name '  ' has no words"},
    {"error entry type", "ERR(L, {entries = {true}}, 'k')", "~entry 1 must be a name or a table"},
    {"error type not a string", "ERR(L, {entries = {{name = 'a', type = 3}}}, 'k')", "~'type' must be a string"},
    {"error yaml syntax", "ERR(L, 'entries: [a, b', 'bad.yaml')", "~bad.yaml"},
    {"error yaml not a mapping", "ERR(L, '- a', 'list.yaml')", "~not a mapping"},
    {"error empty yaml entry", "ERR(L, 'entries:\\n  - a\\n  -\\n  - b\\n', 'holes.yaml')", "~entry 2"},
};

LUA_ROWS_MAIN(PRELUDE, ROWS)
