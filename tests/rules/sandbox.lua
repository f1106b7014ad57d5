-- Test rule: probes the sandbox; anything reachable that should not be
-- makes the output say LEAK (through an error message).
local function absent(name)
  local ok, v = pcall(function() return _ENV[name] end)
  if ok and v ~= nil then error("LEAK: " .. name .. " is reachable") end
end
for _, name in ipairs({"io", "os", "package", "debug", "load", "loadfile", "dofile", "host", "loadstring"}) do
  absent(name)
end
if pcall(setmetatable, {}, {__gc = function() end}) then error("LEAK: __gc allowed") end
if pcall(function() string.upper = nil end) then error("LEAK: string table writable") end
if getmetatable("") ~= "locked" then error("LEAK: string metatable reachable") end
if pcall(collectgarbage, "stop") then error("LEAK: collectgarbage('stop') allowed") end
if pcall(require, "trawl") then error("LEAK: require of the C module") end
rule "test.sandbox" { stage = "quotes", run = function() end }
