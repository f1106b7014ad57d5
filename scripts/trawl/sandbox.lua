-- The sandbox rule files and library modules run in: a read-only API, no
-- io/os/package/debug/load, and an error for any unknown global, so typos
-- fail loudly at the line that has them. Nothing a rule can reach is shared
-- and writable: one rule must not be able to break another, or the next
-- article. (Lua's pattern functions, string.rep and table.move are already
-- the step-bounded ones from engine/lua_bounded.c.)
local trawl, ROOT = ...

local S = {}

local proxies = setmetatable({}, {__mode = "k"})    -- proxy -> true
local views = setmetatable({}, {__mode = "k"})      -- table -> its deep view

-- A read-only view of a table: reads pass through, writes raise. A deep
-- view also wraps the tables it hands out. pairs gives an iterator, never
-- the table itself (that would make it writable again).
local function readonly(t, name, deep)
  if deep and views[t] then return views[t] end
  local p = {}
  local index = t
  if deep then
    index = function(_, k)
      local v = t[k]
      if type(v) == "table" then return readonly(v, name .. "." .. tostring(k), true) end
      return v
    end
  end
  setmetatable(p, {
    __index = index,
    __newindex = function(_, k) error(("%s is read-only (cannot set '%s')"):format(name, tostring(k)), 2) end,
    __metatable = false,
    __len = function() return #t end,
    __pairs = function()
      return function(_, k)
        local nk, v = next(t, k)
        if deep and type(v) == "table" then v = readonly(v, name .. "." .. tostring(nk), true) end
        return nk, v
      end, p, nil
    end,
  })
  proxies[p] = true
  if deep then views[t] = p end
  return p
end

local function copy(t, without)
  local c = {}
  for k, v in pairs(t) do
    if not (without and without[k]) then c[k] = v end
  end
  return c
end

-- rawset would write straight into a shared read-only view
local function safe_rawset(t, k, v)
  if proxies[t] then error("rawset: the table is read-only", 2) end
  return rawset(t, k, v)
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

-- Only "count": a full collection is C work the step hook never sees, and
-- stopping the collector would let memory run away.
local function safe_collectgarbage(opt)
  if opt == nil or opt == "count" then return collectgarbage("count") end
  error("collectgarbage('" .. tostring(opt) .. "') is not available to rules", 2)
end

local base = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs,
  pcall = pcall, xpcall = xpcall, rawequal = rawequal, rawget = rawget, rawlen = rawlen,
  rawset = safe_rawset, select = select, tonumber = tonumber, tostring = tostring, type = type,
  getmetatable = getmetatable, setmetatable = safe_setmetatable,
  collectgarbage = safe_collectgarbage, print = function() end,
  -- string.dump makes bytecode, which nothing may load
  string = readonly(copy(string, {dump = true}), "string"), table = readonly(copy(table), "table"),
  math = readonly(copy(math), "math"), utf8 = readonly(copy(utf8), "utf8"),
  coroutine = readonly(copy(coroutine), "coroutine"),
  _VERSION = _VERSION,
  null = trawl.null,
  re = trawl.re,
  json = trawl.json,
}

local modules = {}          -- name -> value, for require
local api = {}              -- what rule files see besides `base` (filled below)

-- Modules that hold the engine's own state; rule files may not require
-- them (a rule could replace registry.run for every later article).
local INTERNAL = {
  ["trawl.driver"] = true, ["trawl.sandbox"] = true, ["trawl.registry"] = true,
  ["trawl.output"] = true, ["trawl.render"] = true,
}
local rule_require

-- What a chunk's globals resolve to, as plain tables: a global read that
-- misses the chunk's own environment is then one table lookup in the VM,
-- not a call to an __index function (rules read ipairs, math and their API
-- in hot loops). An unknown name still raises, from the last link.
local function unknown(_, k) error(("unknown global '%s'"):format(tostring(k)), 2) end

-- Library modules (scripts/) also see `host`, the engine's full module
-- (file reading, rule bookkeeping); rule files never do. Library modules
-- load while the API is still being filled, so theirs falls back to it.
local lib_globals = raw_setmetatable(copy(base), {__index = function(t, k)
  local v = api[k]
  if v == nil then return unknown(t, k) end
  return v
end})
lib_globals.host = trawl
local rule_globals    -- built once the API is complete (first rule file)

local function new_env(chunkname, privileged)
  local globals = lib_globals
  if not privileged then
    if not rule_globals then
      rule_globals = raw_setmetatable(copy(base), {__index = unknown, __metatable = false})
      for k, v in pairs(api) do rule_globals[k] = v end
      rule_globals.require = rule_require
    end
    globals = rule_globals
  end
  return raw_setmetatable({}, {__index = globals, __metatable = false}), chunkname
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
  if type(name) ~= "string" or not name:match("^[%w_]+[%w_.]*$") or name:find("..", 1, true)
     or name:sub(-1) == "." then
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
lib_globals.require = S.require

-- require for rule files: library helpers only, seen read-only.
function rule_require(name)
  if INTERNAL[name] then error("require: '" .. tostring(name) .. "' is internal to trawl", 2) end
  local m = S.require(name)
  if type(m) == "table" then return readonly(m, name, true) end
  return m
end

-- The rule API (rule, lexicon, pattern, stage names) comes from the registry.
local registry = S.require("trawl.registry")
for k, v in pairs(registry.api) do
  if type(v) == "table" then v = readonly(v, k, true) end
  api[k] = v
end
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
