-- Inline SVG charts for the report: no library, no script, text escaped.
local esc = require("trawl.html_escape")

local S = {}

local COLOURS = {"#1f6feb", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#0a7b83", "#e16f24", "#6e7781"}
S.COLOURS = COLOURS

-- Horizontal bars: items = {{label=, value=}, ...}, largest first.
function S.bars(items, title)
  local row, left, width = 22, 190, 640
  local max = 0
  for _, it in ipairs(items) do if it.value > max then max = it.value end end
  local h = #items * row + 30
  local out = {('<svg class="chart bars" role="img" viewBox="0 0 %d %d" width="100%%" aria-label="%s">'):format(width, h, esc.attr(title))}
  out[#out + 1] = ("<title>%s</title>"):format(esc.text(title))
  for i, it in ipairs(items) do
    local y = (i - 1) * row + 4
    local w = max > 0 and math.max(1, (width - left - 50) * it.value / max) or 0
    out[#out + 1] = ('<text x="%d" y="%d" text-anchor="end" font-size="12">%s</text>'):format(left - 6, y + 14,
      esc.text(#it.label > 28 and it.label:sub(1, 27) .. "…" or it.label))
    out[#out + 1] = ('<rect class="bar" x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %s</title></rect>')
      :format(left, y + 2, w, row - 6, COLOURS[1], esc.text(it.label), it.value)
    out[#out + 1] = ('<text x="%.1f" y="%d" font-size="12">%s</text>'):format(left + w + 4, y + 14, it.value)
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

-- Lines over a shared x axis: xs = labels in order, series = {{label=,
-- values={[x]=n}}, ...}.
function S.lines(xs, series, title)
  local width, height, left, bottom, top = 640, 260, 40, 40, 10
  local max = 1
  for _, s in ipairs(series) do for _, v in pairs(s.values) do if v > max then max = v end end end
  local plot_w, plot_h = width - left - 130, height - bottom - top
  local function X(i) return left + (#xs > 1 and (i - 1) * plot_w / (#xs - 1) or plot_w / 2) end
  local function Y(v) return top + plot_h - v * plot_h / max end
  local out = {('<svg class="chart lines" role="img" viewBox="0 0 %d %d" width="100%%" aria-label="%s">'):format(width, height, esc.attr(title))}
  out[#out + 1] = ("<title>%s</title>"):format(esc.text(title))
  out[#out + 1] = ('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>'):format(left, top + plot_h, left + plot_w, top + plot_h)
  out[#out + 1] = ('<text x="%d" y="%d" font-size="11" text-anchor="end">%d</text>'):format(left - 4, top + 10, max)
  local step = math.max(1, math.ceil(#xs / 6))
  for i, x in ipairs(xs) do
    if (i - 1) % step == 0 or i == #xs then
      out[#out + 1] = ('<text x="%.1f" y="%d" font-size="11" text-anchor="middle">%s</text>'):format(X(i), height - bottom + 16, esc.text(x))
    end
  end
  for k, s in ipairs(series) do
    local c = COLOURS[(k - 1) % #COLOURS + 1]
    local pts = {}
    for i, x in ipairs(xs) do pts[#pts + 1] = ("%.1f,%.1f"):format(X(i), Y(s.values[x] or 0)) end
    out[#out + 1] = ('<polyline class="series" fill="none" stroke="%s" stroke-width="2" points="%s"><title>%s</title></polyline>')
      :format(c, table.concat(pts, " "), esc.text(s.label))
    out[#out + 1] = ('<text x="%d" y="%d" font-size="12" fill="%s">%s</text>'):format(left + plot_w + 8, top + 14 * k, c, esc.text(s.label))
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

return S
