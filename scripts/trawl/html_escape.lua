-- Escaping for the HTML pages: article text and every value that came from
-- it is untrusted, so nothing reaches the page unescaped.
local E = {}

local TEXT = {["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;"}

function E.text(s) return (tostring(s):gsub("[&<>\"']", TEXT)) end
E.attr = E.text

-- A token for class names and ids: letters, digits, '-' and '_' only.
function E.class(s) return (tostring(s):gsub("[^%w_-]", "-")) end
E.id = E.class

-- ' k="v"' for each key with a value, in a stable order.
function E.attrs(t)
  local ks = {}
  for k, v in pairs(t) do if v ~= nil and v ~= false then ks[#ks + 1] = k end end
  table.sort(ks)
  local out = {}
  for _, k in ipairs(ks) do out[#out + 1] = (' %s="%s"'):format(k, E.attr(t[k])) end
  return table.concat(out)
end

return E
