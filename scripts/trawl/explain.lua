-- trawl explain FILE: the article sentence by sentence, each annotation
-- under the sentence it starts in, with its fields, the rule that made it
-- (file:line) and the steps a rule noted with why() (for quotes: how the
-- speaker was chosen).
local C = require("trawl.cmdline")

local USAGE = [[
usage: trawl explain [options] FILE

Analyses FILE and prints it sentence by sentence; under each sentence, the
annotations that start in it (every layer: mentions, quotes, figures,
dates, and any other a rule makes), their fields, the rule that made each
one with its file and line, and the steps rules noted with why(ann, ...).

options:
  --rules DIR      rules to use (repeatable; +DIR extends the bundled ones)
  --layer NAME     only this layer (repeatable)
  -h, --help       show this help
]]

local SKIP = {start = true, ["end"] = true, layer = true, rule = true, why = true}
local KNOWN = {"mention", "quote", "figure", "date"}

local function is_span(t)
  return type(t) == "table" and math.type(t.start) == "integer" and math.type(t["end"]) == "integer"
end

-- A field value in a few words: spans as «text», entities by name.
local function brief(v, text, depth)
  depth = depth or 0
  if v == nil or v == null then return "nil" end
  if type(v) == "string" then return v:find("[%s,=]") and ("%q"):format(v) or v end
  if type(v) ~= "table" then return tostring(v) end
  if depth > 1 then return "{...}" end
  local parts = {}
  if v.name ~= nil then parts[#parts + 1] = brief(v.name, text, depth + 1) end
  if is_span(v) then parts[#parts + 1] = ("«%s»"):format(text:sub(v.start + 1, v["end"])) end
  if #parts > 0 then return table.concat(parts, " ") end
  if #v > 0 then
    for i, x in ipairs(v) do parts[i] = brief(x, text, depth + 1) end
    return "[" .. table.concat(parts, ", ") .. "]"
  end
  local keys = {}
  for k in pairs(v) do if type(k) == "string" and k:sub(1, 1) ~= "_" then keys[#keys + 1] = k end end
  table.sort(keys)
  for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. brief(v[k], text, depth + 1) end
  return "{" .. table.concat(parts, " ") .. "}"
end

return function(args, sys, D)
  local say, err = C.printer(sys)
  local opts, pos = C.parse(args, {rules = "list", layer = "list", help = "flag", alias = {h = "help"}})
  if not opts then err("trawl explain: %s (see trawl explain --help)", pos); return 2 end
  if opts.help then sys.write(USAGE); return 0 end
  if #pos ~= 1 then err("trawl explain: give one article file (see trawl explain --help)"); return 2 end
  local ok, lerr = C.load_rules(sys, opts.rules)
  if not ok then err("trawl explain: %s", lerr); return 2 end

  local arts = sys.read_articles(pos[1])
  local status = 0
  for _, a in ipairs(arts) do
    if a.error then err("trawl explain: %s", a.error); return 1 end
    local seen
    D.observe = function(doc)
      local layers, names, listed = {}, {}, {}
      local function want(l)
        if l and not listed[l] then listed[l] = true; names[#names + 1] = l end
      end
      if opts.layer then
        for _, l in ipairs(opts.layer) do want(l) end
      else
        for _, l in ipairs(KNOWN) do want(l) end
        for _, r in ipairs(D.registry.ordered()) do want(r.layer) end
      end
      local anns = {}
      for _, l in ipairs(names) do
        for ann in doc:each(l) do anns[#anns + 1] = ann end
        layers[l] = true
      end
      local sents = {}
      for k, s, e in doc:sentences() do sents[#sents + 1] = {k = k, s = s, e = e} end
      seen = {text = doc:text(), anns = anns, sents = sents}
    end
    local _, aerr = sys.analyse(a.text, a.id, a.meta, a.meta_kind)
    D.observe = nil
    if aerr then
      err("trawl explain: %s", aerr)
      status = 1
    else
      local text = seen.text
      local where = {}
      for _, r in ipairs(D.registry.rules()) do
        local f = r.file or "?"
        if f:sub(1, #D.root + 1) == D.root .. "/" then f = f:sub(#D.root + 2) end
        where[r.name] = ("%s:%d"):format(f, r.line or 0)
      end
      table.sort(seen.anns, function(x, y)
        if x.start ~= y.start then return x.start < y.start end
        if x["end"] ~= y["end"] then return x["end"] > y["end"] end
        return tostring(x.layer) < tostring(y.layer)
      end)
      say("== %s (%d annotations)", a.id, #seen.anns)
      local j = 1
      for _, st in ipairs(seen.sents) do
        say("")
        say("[%d] %s", st.k, (text:sub(st.s + 1, st.e):gsub("%s+", " ")))
        while j <= #seen.anns and seen.anns[j].start < st.e do
          local ann = seen.anns[j]
          local keys = {}
          for k in pairs(ann) do
            if type(k) == "string" and not SKIP[k] and k:sub(1, 1) ~= "_" then keys[#keys + 1] = k end
          end
          table.sort(keys)
          local fields = {}
          for _, k in ipairs(keys) do fields[#fields + 1] = k .. "=" .. brief(ann[k], text) end
          say("    %-8s «%s» %d-%d  %s", ann.layer, text:sub(ann.start + 1, ann["end"]), ann.start, ann["end"],
            table.concat(fields, " "))
          if ann.rule then say("             rule %s (%s)", ann.rule, where[ann.rule] or "?") end
          if type(ann.why) == "table" then
            for _, w in ipairs(ann.why) do say("             why  %s", tostring(w)) end
          end
          j = j + 1
        end
      end
      say("")
    end
  end
  return status
end
