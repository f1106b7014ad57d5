/* Token patterns through the Lua API: table-driven rows of a Lua expression
 * and the string it must give, each failure naming its row. Covers every
 * token test and quantifier, alternation, captures, longest vs all matches,
 * matching over earlier annotations and lexicons, and load-time errors. */
#include "lua_rows.h"

/* Helpers the rows use: P(spec, text [, opts [, prep]]) lists the matches as
 * "[text name=capture ...]"; ERR(f, ...) gives the error message of f(...). */
static const char PRELUDE[] =
    "trawl = require 'trawl'\n"
    "function show(d, pat, ...)\n"
    "  local out = {}\n"
    "  for i, j, caps in pat:each(d, ...) do\n"
    "    local s = d:tok(i); local _, e = d:tok(j)\n"
    "    local item = d:text(s, e)\n"
    "    if caps then\n"
    "      local names = {}\n"
    "      for k in pairs(caps) do names[#names + 1] = k end\n"
    "      table.sort(names)\n"
    "      for _, k in ipairs(names) do\n"
    "        local c = caps[k]\n"
    "        item = item .. ' ' .. k .. '=' .. d:text(c)\n"
    "        if c.entry then item = item .. '/' .. c.entry.name end\n"
    "        if c.ann then item = item .. '/' .. tostring(c.ann.type) end\n"
    "      end\n"
    "    end\n"
    "    out[#out + 1] = '[' .. item .. ']'\n"
    "  end\n"
    "  return table.concat(out)\n"
    "end\n"
    "function P(spec, text, opts, prep)\n"
    "  local d = trawl.doc(text)\n"
    "  if prep then prep(d) end\n"
    "  return show(d, trawl.pattern(spec), opts)\n"
    "end\n"
    "function A(spec, text, ...)\n"
    "  local d = trawl.doc(text)\n"
    "  local pat = trawl.pattern(spec)\n"
    "  local each, all = {}, pat:all(d, ...)\n"
    "  for i, j in pat:each(d, ...) do each[#each + 1] = i .. '-' .. j end\n"
    "  local flat = {}\n"
    "  for k = 1, #all, 2 do flat[#flat + 1] = all[k] .. '-' .. all[k + 1] end\n"
    "  local a, b = table.concat(flat, ','), table.concat(each, ',')\n"
    "  return a == b and a or ('all ' .. a .. ' but each ' .. b)\n"
    "end\n"
    "function ERR(f, ...)\n"
    "  local ok, e = pcall(f, ...)\n"
    "  return ok and 'no error' or tostring(e)\n"
    "end\n"
    "function mention(d, str, ty)\n"
    "  local s, e = d:text():find(str, 1, true)\n"
    "  d:add('mention', s - 1, e, {type = ty})\n"
    "end\n"
    "verbs = trawl.lexicon{type = 'verb', entries = {'said', {name = 'told', tense = 'past'}, 'says', 'white', 'white house'}}\n";


static const lua_row ROWS[] = {
    /* token tests */
    {"text exact", "P({{text = 'Said'}}, 'said Said SAID')", "[Said]"},
    {"text set", "P({{text = {'a', 'B'}}}, 'a A b B')", "[a][B]"},
    {"text folds apostrophes", "P({{text = \"Kyiv's\"}}, \"Kyiv’s Kyiv's kyiv's\")", "[Kyiv’s][Kyiv's]"},
    {"lower any case", "P({{lower = 'said'}}, 'said Said SAID')", "[said][Said][SAID]"},
    {"lower set", "P({{lower = {'said', 'told'}}}, 'He said and told')", "[said][told]"},
    {"lower multi-word", "P({{number = true}, {lower = {'%', 'percent', 'per cent'}}}, '20 per cent and 5 % and 3 percent')",
     "[20 per cent][5 %][3 percent]"},
    {"lower folds curly apostrophe", "P({{lower = \"don't\"}}, 'I don’t know')", "[don’t]"},
    {"shape", "P({{shape = 'dd'}}, 'in 20 or 300 or 7')", "[20]"},
    {"shape set", "P({{shape = {'Xxx', 'X.X.'}}}, 'The U.S. and Kyiv')", "[The][U.S.]"},
    {"kind", "P({{kind = 'number'}}, 'a 20 b')", "[20]"},
    {"kind set", "P({{kind = {'punct', 'dash'}}}, 'a, b – c')", "[,][–]"},
    {"kind flag true", "P({{number = true}}, 'a 20 b 3')", "[20][3]"},
    {"kind flag false", "P({{word = false, punct = false}}, 'a, 20 $')", "[20][$]"},
    {"flag title", "P({{title = true}}, 'the Cat sat ON')", "[Cat][ON]"},
    {"flag upper", "P({{upper = true}}, 'the NATO Cat')", "[NATO]"},
    {"flag lower", "P({{lower = true}}, 'the NATO Cat')", "[the]"},
    {"flag false", "P({{title = false, word = true}}, 'the Cat sat')", "[the][sat]"},
    {"flag sent_start", "P({{sent_start = true}}, 'One two. Three four.')", "[One][Three]"},
    {"flag sent_end", "P({{sent_end = true}}, 'One two. Three four.')", "[.][.]"},
    {"flag open close", "P({{open = true}, {any = true, op = '+'}, {close = true}}, 'He said “no way” then')", "[“no way”]"},
    {"flag digit", "P({{digit = true}}, 'F-16 and 20 and x')", "[F-16][20]"},
    {"regex whole token", "P({{regex = '\\\\d+(bn|m)'}}, '$61bn and 5m and 5 and 5mm')", "[61bn][5m]"},
    {"regex anchored to the token", "P({{regex = '\\\\d'}}, '5 55 a5')", "[5]"},
    {"not", "P({{['not'] = {kind = 'punct'}, op = '+'}}, 'a b, c')", "[a b][c]"},
    {"not word set", "P({{['not'] = {lower = {'the', 'a'}}, word = true}}, 'the cat a dog')", "[cat][dog]"},
    {"any", "P({{lower = 'a'}, {any = true}, {lower = 'c'}}, 'a b c a , c')", "[a b c][a , c]"},
    {"empty item is any", "P({{lower = 'a'}, {}}, 'a b')", "[a b]"},
    /* quantifiers */
    {"op ?", "P({{lower = 'very', op = '?'}, {lower = 'big'}}, 'big very big')", "[big][very big]"},
    {"op *", "P({{title = true}, {title = true, op = '*'}}, 'the Big Red Dog ran')", "[Big Red Dog]"},
    {"op +", "P({{lower = 'ha', op = '+'}}, 'ha ha ha no ha')", "[ha ha ha][ha]"},
    {"op {m}", "P({{word = true, op = '{2}'}}, 'a b c d e')", "[a b][c d]"},
    {"op {m,n}", "P({{word = true, op = '{2,3}'}}, 'a b c d e')", "[a b c][d e]"},
    {"op {m,}", "P({{word = true, op = '{3,}'}}, 'a b c d e. f g')", "[a b c d e]"},
    {"op {0,n}", "P({{lower = 'x'}, {word = true, op = '{0,2}'}}, 'x a b c x')", "[x a b][x]"},
    /* the scan's shortcuts (first bytes, an anchor at a bounded distance,
     * dead ends remembered between starts) must not change what matches */
    {"anchor at a bounded distance", "P({{word = true, op = '{1,3}'}, {lower = {'rose', 'fell'}}, {kind = 'number'}}, "
     "'shares rose 5 and then prices of oil fell 3 while x y z w fell 2')", "[shares rose 5][prices of oil fell 3][y z w fell 2]"},
    {"anchor, all matches", "P({{word = true, op = '{1,2}'}, {lower = 'said'}}, 'a b said', {longest = false})", "[a b said][b said]"},
    {"shape beginning with a non-ASCII letter", "P({{shape = 'Xxx'}}, 'Éva and Zoë and Bob')", "[Éva][Zoë][Bob]"},
    {"regex, caseless first letter", "P({{regex = '(?i)kyiv'}}, 'KYIV and Kyiv and kyiv')", "[KYIV][Kyiv][kyiv]"},
    {"regex, caseless non-ASCII first letter", "P({{regex = '(?i)éclair'}}, 'ÉCLAIR and éclair')", "[ÉCLAIR][éclair]"},
    {"regex, shortest token", "P({{regex = '\\\\d{4}'}}, '123 2024 99999')", "[2024]"},
    {"dead ends remembered between starts", "P({{title = true}, {title = true, op = '*'}, {lower = 'said'}}, "
     "'Big Red Dog barked and Tom Jones said')", "[Tom Jones said]"},
    {"dead ends forgotten at a new sentence", "P({{title = true}, {title = true, op = '*'}, {lower = 'said'}}, "
     "'Ann Bob. Cy said', {within = 'sentence'})", "[Cy said]"},
    {"dead ends, all matches", "P({{title = true, op = '+'}, {lower = 'said'}}, 'Big Red said', {longest = false})",
     "[Big Red said][Red said]"},
    {"backtracking into a loop", "P({{word = true, op = '+'}, {lower = 'end'}}, 'a b c end')", "[a b c end]"},
    /* the doc index: starts taken from lists of forms, flags and kinds, the
     * token after a start checked too, and a scan that goes on between calls */
    {"index, word first inside a span", "(function() local d = trawl.doc('the Cat and the Dog and the Emu'); "
     "return show(d, trawl.pattern{{lower = 'the'}, {title = true}}, 4, 19) end)()", "[the Dog]"},
    {"index, span ending between first and second", "(function() local d = trawl.doc('the Cat and the Dog'); "
     "return show(d, trawl.pattern{{lower = 'the'}, {title = true}}, 0, 15) end)()", "[the Cat]"},
    {"index, forms merged in token order", "P({{lower = {'z', 'y', 'x'}}}, 'z y x y w z')", "[z][y][x][y][z]"},
    {"index, exact forms", "P({{text = {'Said', 'NATO'}}}, 'said Said SAID NATO nato')", "[Said][NATO]"},
    {"index, kinds merged", "P({{kind = {'currency', 'number'}}}, 'pay $ 5 or € 6 now')", "[$][5][€][6]"},
    {"index, kinds with words (not listed)", "P({{kind = {'word', 'number'}}, {kind = 'punct'}}, 'a 5 , b ; 6 .')",
     "[5 ,][b ;][6 .]"},
    {"index, first bytes", "P({{regex = '(19|20)\\\\d\\\\d'}}, 'in 1999 and 2024, not 3000 or 19')", "[1999][2024]"},
    {"index, a shape's digits are ASCII ones", "P({{shape = 'dd'}}, '٣٣ and 42 and 4x')", "[42]"},
    {"index, rarest flag", "P({{sent_start = true, title = true}, {word = true}}, 'One two. three Four. Five six')",
     "[One two][Five six]"},
    {"index, too many forms for lists", "P({{lower = {'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'b1', 'b2', 'b3', "
     "'b4', 'b5', 'b6', 'b7', 'b8', 'x'}}}, 'x b8 q a1 x')", "[x][b8][a1][x]"},
    {"index, all matches with overlapping starts", "P({{lower = {'big', 'red'}}, {lower = {'red', 'dog'}, op = '+'}}, "
     "'big red red dog', {longest = false})", "[big red red dog][big red red][big red][red red dog][red red][red dog]"},
    {"tokens after the start followed as a set", "P({{lower = 'the'}, {title = true, op = '+'}, {lower = 'said'}}, "
     "'the Big Dog barked and the A B C D E F G said')", "[the A B C D E F G said]"},
    {"set of tests through a multi-token item", "P({{number = true}, {lower = {'%', 'per cent'}}, {lower = 'up'}}, "
     "'5 per cent up, 6 per cent down, 7 % up')", "[5 per cent up][7 % up]"},
    {"set of tests through an annotation", "P({{lower = 'a'}, {layer = 'm'}, {lower = 'z'}}, 'a b c z a b c y', nil, "
     "function(d) d:add('m', 2, 5); d:add('m', 10, 13) end)", "[a b c z]"},
    {"too many tests to follow as a set", "P({{lower = 'x'}, {word = true, op = '{1,70}'}, {lower = 'y'}}, 'x a b y x y z')",
     "[x a b y x y]"},
    {"second token, not across a paragraph", "P({{title = true}, {lower = 'said'}}, 'a Tom\\n\\nsaid b. Ann said', "
     "{within = 'paragraph'})", "[Ann said]"},
    {"second token, across sentences when unbounded", "P({{title = true}, {lower = 'said'}}, 'a Tom\\n\\nsaid b')",
     "[Tom\n\nsaid]"},
    {"second token after a multi-token first", "P({{lexicon = verbs}, {title = true}}, 'white house Tom and white Ann')",
     "[white house Tom][white Ann]"},
    {"second token, a match may end at the first", "P({{title = true}, {lower = 'said', op = '?'}}, 'Tom said Ann')",
     "[Tom said][Ann]"},
    {"scan goes on across annotations between matches", "(function() local d = trawl.doc('the Cat and the Dog and the Emu'); "
     "local p = trawl.pattern{{lower = 'the'}, {title = true, capture = 'n'}}; local out = {}; "
     "for i, j, c in p:each(d) do d:add('seen', c.n.start, c.n['end']); out[#out + 1] = i end; "
     "return table.concat(out, ',') .. ' ' .. show(d, trawl.pattern{{lower = 'the'}, {inside = 'seen'}}) end)()",
     "1,4,7 [the Cat][the Dog][the Emu]"},
    {"two loops over one doc at once", "(function() local d = trawl.doc('a x b a y b'); local pa = trawl.pattern{{lower = 'a'}}; "
     "local pb = trawl.pattern{{lower = 'b'}}; local out = {}; for i in pa:each(d) do for j in pb:each(d) do "
     "out[#out + 1] = i .. j end end; return table.concat(out, ',') end)()", "13,16,43,46"},
    {"loop goes on after an error in a where filter", "(function() local d = trawl.doc('Ann Bob Cy Dan'); local bad = 1; "
     "local mt = {__eq = function() if bad > 0 then bad = 0; error('boom') end; return true end}; "
     "d:add('m', 4, 7, {type = setmetatable({}, mt)}); "
     "local it = trawl.pattern{{title = true, ['not'] = {layer = 'm', where = {type = {setmetatable({}, mt)}}}}}:each(d); "
     "local a = it(); local ok = pcall(it); local out = {a, tostring(ok)}; for i in it do out[#out + 1] = i end; "
     "return table.concat(out, ',') end)()", "1,false,3,4"},
    {"loop over a closed doc", "(function() local it; do local d <close> = trawl.doc('a b a'); it = trawl.pattern{{lower = 'a'}}:each(d); "
     "it() end; return ERR(it) end)()", "~closed"},
    /* pat:all: the matches pat:each yields (A checks), as a flat list */
    {"all", "A({{title = true}, {title = true, op = '*'}}, 'Ann Lee met Bob and Cy Dee Fox')", "1-2,4-4,6-8"},
    {"all: none", "A({{lower = 'zzz'}}, 'a b c')", ""},
    {"all: every match", "A({{title = true}, {title = true, op = '*'}}, 'Ann Lee met Bob Cy', {longest = false})",
     "1-2,1-1,2-2,4-5,4-4,5-5"},
    {"all: within sentences", "A({{lower = 'tom'}, {any = true}, {title = true}}, 'a Tom. Ann', {within = 'sentence'}) .. ' / ' .. "
     "A({{lower = 'tom'}, {any = true}, {title = true}}, 'a Tom. Ann')", " / 2-4"},
    {"all: a span", "A({{lower = 'a'}}, 'a b a b a', 2, 7)", "3-3"},
    {"all: a span table and options", "A({{lower = 'a'}, {any = true, op = '?'}}, 'a b a b a', {start = 2, ['end'] = 9}, {longest = false})",
     "3-4,3-3,5-5"},
    {"all: the lexicon test", "A({{lexicon = verbs}, {title = true}}, 'white house Tom and white Ann')", "1-3,5-6"},
    {"all leaves a loop's place", "(function() local d = trawl.doc('a b a b a'); local p = trawl.pattern{{lower = 'a'}}; "
     "local out = {}; for i in p:each(d) do out[#out + 1] = i .. ':' .. #p:all(d) end; return table.concat(out, ',') end)()",
     "1:6,3:6,5:6"},
    {"all: error option", "ERR(function() return trawl.pattern{{lower = 'a'}}:all(trawl.doc('a'), {longst = true}) end)",
     "~pat:all: unknown option 'longst'"},
    {"all: not a doc", "ERR(function() return trawl.pattern{{lower = 'a'}}:all('a') end)", "~trawl.doc"},
    /* a doc method checks its doc without the metatable: other userdata are refused */
    {"doc method on a pattern", "ERR(function() local d = trawl.doc('a b'); return d.word(trawl.pattern{{lower = 'a'}}, 1) end)",
     "~trawl.doc expected"},
    {"doc method on a lexicon", "ERR(function() local d = trawl.doc('a b'); return d.ntok(verbs) end)",
     "~trawl.doc expected"},
    {"doc method on a string", "ERR(function() local d = trawl.doc('a b'); return d.ntok('a b') end)",
     "~trawl.doc expected"},
    /* doc:covered counts what doc:covering lists */
    {"covered", "(function() local d = trawl.doc('a b c d'); d:add('q', 0, 7); d:add('q', 2, 5); d:add('q', 2, 3); d:add('r', 0, 7); "
     "local out = {}; for _, sp in ipairs({{0, 1}, {2, 3}, {2, 5}, {4, 5}, {6, 7}, {0, 7}, {7, 7}}) do "
     "out[#out + 1] = d:covered('q', sp[1], sp[2]) .. '=' .. #d:covering('q', sp[1], sp[2]) end; "
     "return table.concat(out, ',') .. ' ' .. d:covered('none', 0, 1) end)()", "1=1,3=3,2=2,2=2,1=1,1=1,1=1 0"},
    {"covered: bad span", "ERR(function() local d = trawl.doc('a b'); return d:covered('q', 2, 1) end)", "~bad span"},
    {"doc method on a doc", "(function() local d = trawl.doc('a b'); return d.word(d, 2) end)()", "b"},
    /* alternation and groups */
    {"alt of sequences", "P({{alt = {{{lower = 'more'}, {lower = 'than'}}, {{lower = 'at'}, {lower = 'least'}}}, capture = 'hedge'}, {number = true}},"
     " 'more than 20 and at least 5 and 7')", "[more than 20 hedge=more than][at least 5 hedge=at least]"},
    {"alt of items, repeated", "P({{alt = {{lower = 'a'}, {lower = 'b'}}, op = '+'}}, 'a b c b')", "[a b][b]"},
    {"alt longest wins", "P({{alt = {{lower = 'new'}, {{lower = 'new'}, {lower = 'york'}}}}}, 'new york')", "[new york]"},
    {"seq repeated", "P({{seq = {{lower = 'la'}, {lower = 'di'}}, op = '+'}, {lower = 'da'}}, 'la di la di da')", "[la di la di da]"},
    {"seq optional", "P({{lower = 'a'}, {seq = {{lower = 'b'}, {lower = 'c'}}, op = '?'}, {lower = 'd'}}, 'a d a b c d a b d')", "[a d][a b c d]"},
    /* captures */
    {"captures joined by name", "P({{title = true, capture = 'who'}, {title = true, op = '*', capture = 'who'}, {lower = {'said', 'told'}}},"
     " 'Vladimir Putin told them. Biden said')", "[Vladimir Putin told who=Vladimir Putin][Biden said who=Biden]"},
    {"two captures", "P({{title = true, capture = 'a'}, {lower = 'and'}, {title = true, capture = 'b'}}, 'Tom and Jerry')", "[Tom and Jerry a=Tom b=Jerry]"},
    {"capture of a group", "P({{seq = {{number = true}, {lower = 'per'}}, capture = 'x'}, {lower = 'cent'}}, '5 per cent')", "[5 per cent x=5 per]"},
    {"empty capture left out", "P({{title = true, op = '?', capture = 't'}, {lower = 'x'}}, 'x')", "[x]"},
    {"no captures gives nil caps", "select(3, trawl.pattern{{lower = 'x'}}:each(trawl.doc('x'))()) == nil and 'nil' or 'table'", "nil"},
    {"capture byte span", "(function() local d = trawl.doc('Łódź said'); local j, c = trawl.pattern{{title = true, capture = 'w'}, {lower = 'said'}}:match(d, 1);"
     " return c.w.start .. ',' .. c.w['end'] .. ',' .. c.w.first .. ',' .. c.w.last .. ',' .. j end)()", "0,7,1,1,2"},
    {"captures listed", "table.concat(trawl.pattern{{title = true, capture = 'b'}, {lower = 'x', capture = 'a'}}:captures(), ',')", "b,a"},
    /* modes */
    {"longest, no overlaps", "P({{title = true, op = '+'}}, 'Big Red Dog')", "[Big Red Dog]"},
    {"all matches", "P({{title = true, op = '+'}}, 'Big Red Dog', {longest = false})", "[Big Red Dog][Big Red][Big][Red Dog][Red][Dog]"},
    {"within sentence", "P({{any = true}, {any = true}}, 'A b. C d.', {within = 'sentence'})", "[A b][C d]"},
    {"across sentences", "P({{any = true}, {any = true}}, 'A b. C d.')", "[A b][. C][d.]"},
    {"within paragraph", "P({{word = true, op = '+'}}, 'a b\\n\\nc d', {within = 'paragraph'})", "[a b][c d]"},
    {"span", "(function() local d = trawl.doc('a b c d'); return show(d, trawl.pattern{{word = true}}, 2, 5) end)()", "[b][c]"},
    {"span table and options", "(function() local d = trawl.doc('a b c d'); return show(d, trawl.pattern{{word = true, op = '+'}}, {start = 2, ['end'] = 7}, {longest = false}) end)()",
     "[b c d][b c][b][c d][c][d]"},
    {"match anchored", "(function() local d = trawl.doc('a b c'); local p = trawl.pattern{{lower = 'b'}, {lower = 'c'}}; return tostring(p:match(d, 1)) .. ' ' .. tostring(p:match(d, 2)) end)()",
     "nil 3"},
    {"match longest", "(function() local d = trawl.doc('a a a b'); return tostring(trawl.pattern{{lower = 'a', op = '+'}}:match(d, 1)) end)()", "3"},
    {"match out of range", "tostring(trawl.pattern{{any = true}}:match(trawl.doc('a'), 5))", "nil"},
    {"single item shorthand", "P({lower = 'x'}, 'a x')", "[x]"},
    {"exponential pattern stays bounded", "P({{any = true, op = '*'}, {any = true, op = '*'}, {any = true, op = '*'}, {lower = 'zz'}}, string.rep('a ', 600))", ""},
    /* earlier annotations */
    {"layer item", "P({{layer = 'mention', capture = 'who'}, {lower = 'told'}}, 'Vladimir Putin told them', nil, function(d) mention(d, 'Vladimir Putin', 'person') end)",
     "[Vladimir Putin told who=Vladimir Putin/person]"},
    {"layer type filter", "P({{layer = 'mention', type = 'org'}, {lower = 'told'}}, 'Vladimir Putin told them', nil, function(d) mention(d, 'Vladimir Putin', 'person') end)", ""},
    {"layer where list", "P({{layer = 'mention', where = {type = {'org', 'person'}}}, {lower = 'told'}}, 'Vladimir Putin told them', nil, function(d) mention(d, 'Vladimir Putin', 'person') end)",
     "[Vladimir Putin told]"},
    {"layer longest then shorter", "P({{layer = 'mention'}, {title = true}}, 'Big Red Dog', nil, function(d) mention(d, 'Big Red Dog', 'x'); mention(d, 'Big Red', 'y') end)", "[Big Red Dog]"},
    {"inside", "P({{inside = 'mention'}}, 'a Big Dog b', nil, function(d) mention(d, 'Big Dog', 'x') end)", "[Big][Dog]"},
    {"starts", "P({{starts = 'mention'}}, 'a Big Dog b', nil, function(d) mention(d, 'Big Dog', 'x') end)", "[Big]"},
    {"not inside", "P({{['not'] = {inside = 'mention'}, word = true}}, 'a Big Dog b', nil, function(d) mention(d, 'Big Dog', 'x') end)", "[a][b]"},
    {"missing layer matches nothing", "P({{inside = 'nothing'}}, 'a b')", ""},
    {"coverage follows new annotations", "(function() local d = trawl.doc('a b c'); local p = trawl.pattern{{inside = 'm'}}; local before = show(d, p);"
     " d:add('m', 2, 3); local after = show(d, p); d:remove(d:inside('m', 0, 5)[1]); return before .. '|' .. after .. '|' .. show(d, p) end)()", "|[b]|"},
    /* lexicons */
    {"lexicon item", "P({{lexicon = verbs, capture = 'v'}}, 'He said and told')", "[said v=said/said][told v=told/told]"},
    {"lexicon first test starts at a possessive", "P({{lexicon = verbs}, {lower = 'tom'}}, \"the White House's Tom and white Tom\")",
     "[White House's Tom][white Tom]"},
    {"lexicon alone starts at a possessive", "P({{lexicon = verbs}}, \"the White House's lawn, White's and said\")",
     "[White House's][White's][said]"},
    {"lexicon where", "P({{lexicon = verbs, where = {tense = 'past'}}}, 'He said and told')", "[told]"},
    {"lexicon type", "P({{lexicon = verbs, type = 'noun'}}, 'He said')", ""},
    {"lexicon backtracks to a shorter entry", "P({{lexicon = verbs}, {lower = 'house'}}, 'white house house and white house')", "[white house house][white house]"},
    {"lexicon by name", "(function() local d = trawl.doc('she says'); return show(d, trawl.pattern({{lexicon = 'v'}}, {lexicon = {v = verbs}})) end)()", "[says]"},
    {"lexicon resolver function", "(function() local d = trawl.doc('she says'); return show(d, trawl.pattern({{lexicon = 'v'}}, {lexicon = function() return verbs end})) end)()", "[says]"},
    /* load-time errors */
    {"error unknown test", "ERR(trawl.pattern, {{lower = 'a'}, {lowr = 'said'}})", "~pattern item 2: unknown test 'lowr'"},
    {"error nested path", "ERR(trawl.pattern, {{alt = {{{lower = 'a'}, {titel = true}}}}})", "~pattern item 1.alt1.2: unknown test 'titel'"},
    {"error bad op", "ERR(trawl.pattern, {{lower = 'a', op = '**'}})", "~pattern item 1: 'op' must be"},
    {"error bad repeat", "ERR(trawl.pattern, {{lower = 'a', op = '{3,2}'}})", "~bad repeat"},
    {"error huge repeat", "ERR(trawl.pattern, {{lower = 'a', op = '{1,500}'}})", "~bad repeat"},
    {"error empty pattern", "ERR(trawl.pattern, {})", "~pattern: empty"},
    {"error pattern matches nothing", "ERR(trawl.pattern, {{lower = 'a', op = '?'}})", "~may match no tokens"},
    {"error empty loop", "ERR(trawl.pattern, {{seq = {{lower = 'a', op = '?'}}, op = '*'}, {lower = 'b'}})", "~item 1: the item under '*' may match no tokens"},
    {"error regex", "ERR(trawl.pattern, {{regex = '('}})", "~pattern item 1: regex /(/"},
    {"error kind", "ERR(trawl.pattern, {{kind = 'verb'}})", "~unknown kind 'verb'"},
    {"error flag value", "ERR(trawl.pattern, {{title = 'yes'}})", "~'title' must be true or false"},
    {"error lower value", "ERR(trawl.pattern, {{lower = 5}})", "~'lower' must be a string"},
    {"error type without source", "ERR(trawl.pattern, {{type = 'person'}})", "~'type' needs 'lexicon' or 'layer'"},
    {"error two choosers", "ERR(trawl.pattern, {{lower = 'a', lexicon = verbs}})", "~only one of"},
    {"error not with op", "ERR(trawl.pattern, {{['not'] = {op = '+'}}})", "~'not' takes token tests only"},
    {"error capture name", "ERR(trawl.pattern, {{lower = 'a', capture = 'a b'}})", "~capture name 'a b'"},
    {"error lexicon name without resolver", "ERR(trawl.pattern, {{lexicon = 'speech'}})", "~lexicon 'speech'"},
    {"error unknown lexicon name", "ERR(trawl.pattern, {{lexicon = 'speech'}}, {lexicon = {}})", "~no lexicon 'speech'"},
    {"error empty alt", "ERR(trawl.pattern, {{alt = {}}})", "~'alt' has no alternatives"},
    {"error alt mixed with tests", "ERR(trawl.pattern, {{alt = {{lower = 'a'}}, title = true}})", "~cannot be mixed"},
    {"error empty word list", "ERR(trawl.pattern, {{lower = {}}})", "~empty list"},
    {"error list beside items", "ERR(trawl.pattern, {{lower = 'a'}, foo = 1})", "~unexpected key 'foo'"},
    {"error unknown option", "ERR(trawl.pattern, {{lower = 'a'}}, {lexicons = {}})", "~unknown option 'lexicons'"},
    {"error each option", "ERR(function() return trawl.pattern{{lower = 'a'}}:each(trawl.doc('a'), {longst = true}) end)", "~unknown option 'longst'"},
    {"error within", "ERR(function() return trawl.pattern{{lower = 'a'}}:each(trawl.doc('a'), {within = 'page'}) end)", "~'within'"},
};

LUA_ROWS_MAIN(PRELUDE, ROWS)
