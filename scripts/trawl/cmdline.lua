-- What the authoring subcommands share: option parsing, paths, loading the
-- rules named on the command line, formatted output through sys.
local C = {}

-- parse(args, spec) -> opts, positional | nil, message
-- spec: option name (without "--") -> "flag" | "value" | "list"; a
-- one-letter alias maps to its long name in spec.alias.
function C.parse(args, spec)
  local opts, pos = {}, {}
  local i = 1
  while i <= #args do
    local a = args[i]
    local name, val = a:match("^%-%-([%w-]+)=(.*)$")
    if not name then name = a:match("^%-%-([%w-]+)$") end
    if not name and a:match("^%-%a$") then name = spec.alias and spec.alias[a:sub(2)] or a:sub(2) end
    if name then
      local kind = spec[name]
      if not kind then return nil, ("unknown option '%s'"):format(a) end
      if kind == "flag" then
        if val then return nil, ("option '--%s' takes no value"):format(name) end
        opts[name] = true
      else
        if not val then
          i = i + 1
          val = args[i]
          if not val then return nil, ("option '--%s' needs a value"):format(name) end
        end
        if kind == "list" then
          opts[name] = opts[name] or {}
          local l = opts[name]
          l[#l + 1] = val
        else
          opts[name] = val
        end
      end
    else
      pos[#pos + 1] = a
    end
    i = i + 1
  end
  return opts, pos
end

function C.basename(p) return (p:gsub("/+$", ""):match("([^/]*)$")) end
function C.dirname(p)
  local d = p:gsub("/+$", ""):match("^(.*)/[^/]*$")
  if d == nil then return "." end
  if d == "" then return "/" end
  return d
end
function C.stem(p) return (C.basename(p):gsub("(.)%.[^.]*$", "%1")) end

-- The files of a directory ending in one of the suffixes, sorted.
function C.files(dir, ...)
  local out = {}
  if not host.isdir(dir) then return out end
  local names = host.listdir(dir) or {}
  for _, n in ipairs(names) do
    for _, suf in ipairs({...}) do
      if n:sub(-#suf) == suf and n:sub(1, 1) ~= "." then out[#out + 1] = dir .. "/" .. n; break end
    end
  end
  table.sort(out)
  return out
end

function C.printer(sys)
  return function(fmt, ...)
    sys.write((select("#", ...) > 0 and fmt:format(...) or fmt) .. "\n")
  end, function(fmt, ...)
    sys.ewrite((select("#", ...) > 0 and fmt:format(...) or fmt) .. "\n")
  end
end

-- Loads each --rules path (or nothing: the bundled rules load on first use).
-- Returns true, or nil and the message.
function C.load_rules(sys, paths)
  for _, p in ipairs(paths or {}) do
    local ok, err = sys.load_rules(p)
    if not ok then return nil, err end
  end
  return true
end

return C
