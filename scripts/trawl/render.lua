-- Renders a record (decoded from its JSON) as YAML or as readable text.
local M = {}

local KEY_ORDER = {"id", "error", "name", "type", "text", "start", "end", "kind", "value", "unit",
  "approx", "op", "of", "speaker", "anonymous", "cue", "via", "roles", "aliases", "mentions",
  "actors", "quotes", "figures", "dates"}
local rank = {}
for i, k in ipairs(KEY_ORDER) do rank[k] = i end

local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks, function(a, b)
    local ra, rb = rank[a] or 1000, rank[b] or 1000
    if ra ~= rb then return ra < rb end
    return tostring(a) < tostring(b)
  end)
  return ks
end

local function is_list(t) return next(t) == nil or rawlen(t) > 0 end

local function scalar(v)
  if v == nil or v == null then return "null" end
  if type(v) == "string" then
    if v == "" or v:match("^[%w][%w%s%-%.%%/']*$") and not v:match("%s$") and not v:match("^%d")
        and not ({["true"]=1, ["false"]=1, ["null"]=1, ["yes"]=1, ["no"]=1})[v:lower()] then
      return v ~= "" and v or '""'
    end
    return json(v)
  end
  return tostring(v)
end

local function yaml_value(v, indent, out)
  local pad = string.rep("  ", indent)
  if type(v) ~= "table" then out[#out + 1] = " " .. scalar(v) .. "\n"; return end
  if next(v) == nil then out[#out + 1] = is_list(v) and " []\n" or " {}\n"; return end
  out[#out + 1] = "\n"
  if is_list(v) then
    for _, x in ipairs(v) do
      if type(x) == "table" and not is_list(x) then
        local first = true
        for _, k in ipairs(keys(x)) do
          out[#out + 1] = (first and pad .. "- " or pad .. "  ") .. k .. ":"
          yaml_value(x[k], indent + 2, out)
          first = false
        end
      else
        out[#out + 1] = pad .. "-"
        yaml_value(x, indent + 1, out)
      end
    end
  else
    for _, k in ipairs(keys(v)) do
      out[#out + 1] = pad .. k .. ":"
      yaml_value(v[k], indent + 1, out)
    end
  end
end

function M.yaml(record)
  local out = {"---\n"}
  for _, k in ipairs(keys(record)) do
    out[#out + 1] = k .. ":"
    yaml_value(record[k], 1, out)
  end
  return table.concat(out)
end

local function value_text(v)
  if type(v) == "table" then return ("%s–%s"):format(tostring(v[1]), tostring(v[2])) end
  return tostring(v)
end

function M.text(record)
  local out = {("== %s\n"):format(record.id)}
  if record.error then
    out[#out + 1] = ("   error (%s): %s\n\n"):format(record.error.kind or "?", record.error.message or "?")
    return table.concat(out)
  end
  if #record.actors > 0 then
    out[#out + 1] = "actors:\n"
    for _, a in ipairs(record.actors) do
      local roles = #(a.roles or {}) > 0 and (" — " .. table.concat(a.roles, "; ")) or ""
      out[#out + 1] = ("  %-7s %s%s  (%d mentions)\n"):format(a.type, a.name, roles, #a.mentions)
    end
  end
  if #record.quotes > 0 then
    out[#out + 1] = "quotes:\n"
    for _, q in ipairs(record.quotes) do
      local sp = q.speaker ~= null and q.speaker and q.speaker.name or "?"
      out[#out + 1] = ("  [%s] %s: «%s»%s\n"):format(q.kind, sp, q.text, q.cue and (" (" .. q.cue .. ")") or "")
    end
  end
  if #record.figures > 0 then
    out[#out + 1] = "figures:\n"
    for _, f in ipairs(record.figures) do
      out[#out + 1] = ("  %-22s = %s %s%s%s\n"):format(f.text, f.op and f.op ~= "=" and f.op or "", value_text(f.value),
        (f.unit ~= null and f.unit) or "", f.of and ("  of " .. f.of) or "")
    end
  end
  if #record.dates > 0 then
    out[#out + 1] = "dates:\n"
    for _, d in ipairs(record.dates) do
      out[#out + 1] = ("  %-22s = %s\n"):format(d.text, d.value ~= null and tostring(d.value) or "?")
    end
  end
  out[#out + 1] = "\n"
  return table.concat(out)
end

return M
