-- Writes a synthetic JSON Lines corpus of N records from the articles in a
-- directory, for benchmarks where the shared news corpus is absent.
local dir, n = arg[1], tonumber(arg[2] or "1000")
local files = {}
for name in io.popen('ls "' .. dir .. '"'):lines() do files[#files + 1] = dir .. "/" .. name end
local texts = {}
for i, f in ipairs(files) do texts[i] = io.open(f):read("a") end
local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    if c == "\n" then return "\\n" elseif c == '"' then return '\\"' elseif c == "\\" then return "\\\\" end
    return ("\\u%04x"):format(c:byte())
  end) .. '"'
end
for i = 1, n do
  io.write('{"id": "synth-', i, '", "text": ', json_string(texts[(i - 1) % #texts + 1]), "}\n")
end
