-- The sandbox rule files and library modules run in: a read-only API, no
-- io/os/package/debug/load, and an error for any unknown global, so typos
-- fail loudly at the line that has them.
local trawl, ROOT = ...

local S = {}

-- A read-only view of a table: reads pass through, writes raise.
local function readonly(t, name)
  return setmetatable({}, {
    __index = t,
    __newindex = function(_, k) error(("%s is read-only (cannot set '%s')"):format(name, tostring(k)), 2) end,
    __metatable = false,
    __pairs = function() return next, t, nil end,
  })
end

local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

-- setmetatable without __gc: Lua runs finalizers with hooks off, so a
-- rule's finalizer could never be stopped.
local raw_setmetatable = setmetatable
local function safe_setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("rules may not set __gc", 2)
  end
  return raw_setmetatable(t, mt)
end

local function safe_collectgarbage(opt)
  if opt == nil or opt == "count" then return collectgarbage("count") end
  error("collectgarbage('" .. tostring(opt) .. "') is not available to rules", 2)
end

local base = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs,
  pcall = pcall, xpcall = xpcall, rawequal = rawequal, rawget = rawget, rawlen = rawlen,
  rawset = rawset, select = select, tonumber = tonumber, tostring = tostring, type = type,
  getmetatable = getmetatable, setmetatable = safe_setmetatable,
  collectgarbage = safe_collectgarbage, print = function() end,
  string = readonly(copy(string), "string"), table = readonly(copy(table), "table"),
  math = readonly(copy(math), "math"), utf8 = readonly(copy(utf8), "utf8"),
  coroutine = readonly(copy(coroutine), "coroutine"),
  _VERSION = _VERSION,
  null = trawl.null,
  re = trawl.re,
  json = trawl.json,
}

local modules = {}          -- name -> value, for require
local api = {}              -- what rule files see besides `base` (filled below)

-- Library modules (scripts/) also see `host`, the engine's full module
-- (file reading, rule bookkeeping); rule files never do.
local function new_env(chunkname, privileged)
  local env = {}
  return raw_setmetatable(env, {
    __index = function(_, k)
      local v = api[k]
      if v == nil then v = base[k] end
      if v == nil and privileged and k == "host" then v = trawl end
      if v == nil then error(("unknown global '%s'"):format(tostring(k)), 2) end
      return v
    end,
    __metatable = false,
  }), chunkname
end

local function load_source(src, chunkname, privileged)
  local env = new_env(chunkname, privileged)
  local f, err = trawl.loadchunk(src, "@" .. chunkname, env)
  if not f then error(err, 0) end
  return f, env
end

-- require for rule files and library modules: "trawl.x" is scripts/trawl/x.lua.
function S.require(name)
  local m = modules[name]
  if m ~= nil then return m end
  if type(name) ~= "string" or not name:match("^[%w_]+[%w_.]*$") then
    error("require: bad module name '" .. tostring(name) .. "'", 2)
  end
  local path = ROOT .. "/scripts/" .. name:gsub("%.", "/") .. ".lua"
  local src, err = trawl.readfile(path)
  if not src then error("require: no module '" .. name .. "' (" .. err .. ")", 2) end
  local f = load_source(src, path, true)
  m = f(name)
  if m == nil then m = true end
  modules[name] = m
  return m
end
base.require = S.require

-- The rule API (rule, lexicon, pattern, stage names) comes from the registry.
local registry = S.require("trawl.registry")
for k, v in pairs(registry.api) do api[k] = v end
api.trawl = readonly({version = trawl.version, where = trawl.where}, "trawl")

function S.run_rule_source(chunkname, src)
  local f = load_source(src, chunkname)
  registry.begin_file(chunkname)
  f()
  registry.end_file(chunkname)
end

function S.run_rule_file(path)
  local src, err = trawl.readfile(path)
  if not src then error(err, 0) end
  S.run_rule_source(path, src)
end

S.readonly = readonly
return S
