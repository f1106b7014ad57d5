-- Test rule: the step-bounded pattern functions (engine/lua_bounded.c) must
-- mean what Lua's own do. The same checks pass under a stock lua5.4
-- (tests/c/test_limits.c runs this file in the engine).
local function eq(a, b, what)
  if a ~= b then error(("%s: got %s, want %s"):format(what, tostring(a), tostring(b)), 2) end
end
local function list(...) return table.concat(table.pack(...), ",", 1, select("#", ...)) end

local function checks()
  eq(list(string.find("hello world", "o w")), "5,7", "find")
  eq(list(string.find("hello world", "l+")), "3,4", "find l+")
  eq(list(string.find("a.b", ".", 1, true)), "2,2", "plain find")
  eq(list(("a+b"):find("+", 1, true)), "2,2", "plain find special")
  eq(string.find("abc", "b", -1), nil, "negative init")
  eq(list(string.find("abc", "(b)(c)")), "2,3,b,c", "find captures")
  eq(list(string.match("key = value", "(%w+)%s*=%s*(%w+)")), "key,value", "match")
  eq(string.match("THE (quick) fox", "%((%a+)%)"), "quick", "match escapes")
  eq(list(string.match("hello", "()ll()")), "3,5", "position captures")
  eq(string.match("  trim  ", "^%s*(.-)%s*$"), "trim", "anchored lazy")
  eq(string.match("[[x]]", "%[%[(.-)%]%]"), "x", "brackets")
  eq(string.match("2024-11-20", "^(%d%d%d%d)-(%d%d)"), "2024", "digits")
  eq(string.match("abcabc", "(abc)%1"), "abc", "back-reference")
  eq(string.match("x = [a]", "[%[%]]"), "[", "class with escapes")
  eq(string.match("hello", "[^aeiou]+$"), nil, "negated class")
  eq(string.match("caf\xc3\xa9", "[\x80-\xff]+"), "\xc3\xa9", "byte range")
  eq(list(string.gsub("hello world", "(%w+)", "<%1>")), "<hello> <world>,2", "gsub %1")
  eq(list(string.gsub("abc", "%w", "%0%0")), "aabbcc,3", "gsub %0")
  eq(list(string.gsub("$name is $age", "%$(%w+)", {name = "Bob", age = 3})), "Bob is 3,2", "gsub table")
  eq(list(string.gsub("abc", "", "-")), "-a-b-c-,4", "gsub empty")
  eq(list(string.gsub("hello world", "o", "0", 1)), "hell0 world,1", "gsub max")
  eq(list(string.gsub("f(a(b)c)d", "%b()", "X")), "fXd,1", "balance")
  eq(list(string.gsub("THE (quick) fox", "%f[%a]%a+", function(w) return w:lower() end)), "the (quick) fox,3", "frontier")
  eq(list(string.gsub("abc", ".", {a = 1, b = false})), "1bc,3", "gsub table false")
  eq(list(string.gsub("hello", "^h", "H")), "Hello,1", "gsub anchored")
  eq(list(("x y"):gsub("%s", "%%")), "x%y,1", "gsub %%")
  local t = {}
  for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do t[#t + 1] = k .. v end
  eq(table.concat(t, ","), "a1,b2,c3", "gmatch")
  t = {}
  for w in ("one two three"):gmatch("%a+", 5) do t[#t + 1] = w end
  eq(table.concat(t, ","), "two,three", "gmatch init")
  t = {}
  for a in ("abc"):gmatch("") do t[#t + 1] = "." end
  eq(#t, 4, "gmatch empty")
  eq(("x"):rep(3, ","), "x,x,x", "rep sep")
  eq(("ab"):rep(0), "", "rep 0")
  eq(("ab"):rep(2), "abab", "rep")
  eq(table.concat(table.move({1, 2, 3}, 1, 3, 2), ","), "1,1,2,3", "move overlap")
  eq(table.concat(table.move({1, 2, 3}, 1, 3, 1, {}), ","), "1,2,3", "move to other")
  eq(pcall(string.find, "x", "%"), false, "malformed pattern raises")
  eq(pcall(string.rep), false, "rep needs arguments")
  eq(list(string.gsub("x", "(", "")), "x,2", "open capture in gsub")
  eq(select(2, pcall(string.match, "x", "(")):match("unfinished capture") ~= nil, true, "unfinished capture")
  eq(select(2, pcall(string.find, "x", "%1")):match("invalid capture index") ~= nil, true, "bad capture index")
end

if rule then
  rule "test.patterns" { stage = "quotes", run = checks }
else
  checks()   -- stock lua5.4
  print("patterns.lua: stock Lua agrees")
end
