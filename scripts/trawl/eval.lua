-- trawl eval --gold DIR|FILE [ARTICLES...]: precision, recall and F1 per
-- layer against gold YAML (../shared/gold/README.md), scored as
-- ../shared/tools/score.py scores (scripts/trawl/score.lua).
local C = require("trawl.cmdline")
local score = require("trawl.score")

local USAGE = [[
usage: trawl eval --gold DIR|FILE [options] [ARTICLES...]

Analyses each gold file's article with the rules and scores the records:
actors (all and by type), direct and indirect quotes (with speaker accuracy
and attributed F1: a quote counts only with its speaker right), figures and
dates. The figures agree with ../shared/tools/score.py (dates are trawl's
own addition).

The article named by a gold file's `article` is looked for among ARTICLES
(files, or directories holding it), then in --corpus DIR, then in
GOLD/../../corpus/SET/ (the layout of ../shared), in GOLD/../corpus/, then
next to the gold file.

options:
  --gold DIR|FILE    gold YAML: a directory of *.yaml files or one file
  --corpus DIR       where the articles are
  --pred FILE.jsonl  score these records (trawl's output) instead of
                     analysing the articles
  --rules DIR        rules to use (repeatable; +DIR extends the bundled ones)
  --misses           list every miss and extra, per article
  --json             print the figures as JSON
  -h, --help         show this help

Exit status: 0 scored, 2 the inputs could not be read.
]]

local function gold_files(path)
  if host.isdir(path) then return C.files(path, ".yaml", ".yml"), path end
  return {path}, C.dirname(path)
end

local function exists(path)
  return host.readfile(path) ~= nil
end

-- The article file for a gold file's `article`.
local function find_article(art, articles, corpus, golddir)
  for _, a in ipairs(articles) do
    if host.isdir(a) then
      if exists(a .. "/" .. art) then return a .. "/" .. art end
    elseif C.basename(a) == art then
      return a
    end
  end
  local cands = {}
  if corpus then cands[#cands + 1] = corpus .. "/" .. art end
  cands[#cands + 1] = C.dirname(golddir) .. "/../corpus/" .. C.basename(golddir) .. "/" .. art
  cands[#cands + 1] = C.dirname(golddir) .. "/corpus/" .. art
  cands[#cands + 1] = golddir .. "/" .. art
  for _, c in ipairs(cands) do if exists(c) then return c end end
  return nil
end

local function read_pred(sys, path)
  local src, err = host.readfile(path)
  if not src then return nil, err end
  local preds = {}
  local n = 0
  for line in (src .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    line = line:match("^%s*(.-)%s*$")
    if line ~= "" then
      local rec, jerr = host.json_decode(line)
      if type(rec) ~= "table" then
        sys.ewrite(("trawl eval: %s:%d: not JSON: %s\n"):format(path, n, tostring(jerr)))
      else
        local rid = rec.id
        if rid == nil or rid == null or rid == "" then
          rid = rec.source ~= nil and rec.source ~= null and C.stem(tostring(rec.source)) or ""
        end
        preds[tostring(rid)] = rec
      end
    end
  end
  return preds
end

local function f2(x) return ("%6.2f"):format(x) end

return function(args, sys, D)
  local say, err = C.printer(sys)
  local opts, pos = C.parse(args, {gold = "value", corpus = "value", pred = "value", rules = "list",
    misses = "flag", json = "flag", help = "flag", verbose = "flag", alias = {h = "help", v = "misses"}})
  if not opts then err("trawl eval: %s (see trawl eval --help)", pos); return 2 end
  if opts.help then sys.write(USAGE); return 0 end
  if opts.verbose then opts.misses = true end
  if not opts.gold then err("trawl eval: --gold DIR|FILE is required (see trawl eval --help)"); return 2 end
  local ok, lerr = C.load_rules(sys, opts.rules)
  if not ok then err("trawl eval: %s", lerr); return 2 end

  local preds
  if opts.pred then
    preds, lerr = read_pred(sys, opts.pred)
    if not preds then err("trawl eval: %s", lerr); return 2 end
  end
  local files, golddir = gold_files(opts.gold)
  if #files == 0 then err("trawl eval: no gold files (*.yaml) in %s", opts.gold); return 2 end

  local tally, missing, articles = {}, {}, 0
  local failed = 0
  for _, gpath in ipairs(files) do
    local src, rerr = host.readfile(gpath)
    if not src then err("trawl eval: %s", rerr); return 2 end
    local okp, gold = pcall(host.yaml, src, gpath)
    if not okp or type(gold) ~= "table" or type(gold.article) ~= "string" then
      err("trawl eval: %s: %s", gpath, okp and "not a gold file (no 'article')" or tostring(gold))
      return 2
    end
    local art = gold.article
    local rid = C.stem(art)
    local apath = find_article(art, pos, opts.corpus, golddir)
    if not apath then err("trawl eval: %s: cannot find the article %s (give ARTICLES or --corpus)", gpath, art); return 2 end
    local list = sys.read_articles(apath)
    local a = list[1]
    if not a or a.error then err("trawl eval: %s", a and a.error or apath); return 2 end
    local pred
    if preds then
      pred = preds[rid]
    else
      local aerr
      pred, aerr = sys.analyse(a.text, rid, a.meta, a.meta_kind)
      if aerr then
        failed = failed + 1
        err("trawl eval: %s", aerr)
      end
    end
    if pred == nil then
      missing[#missing + 1] = rid
      pred = {}
    end
    articles = articles + 1
    local lines = score.article(gold, pred, a.text, tally)
    if opts.misses and not opts.json then
      say("%s:", rid)
      say(#lines > 0 and table.concat(lines, "\n") or "  (all matched)")
    end
  end

  local out = score.summary(tally, articles, missing)
  if opts.json then
    if #missing == 0 then out.missing_articles = host.json_decode("[]") end
    say("%s", host.json(out))
    return 0
  end
  say("%-22s%6s%6s%6s", "", "P", "R", "F1")
  for _, k in ipairs({"actors", "actors_person", "actors_org", "actors_place", "figures", "dates"}) do
    local v = out[k]
    say("%-22s%s%s%s", k, f2(v.p), f2(v.r), f2(v.f))
  end
  for _, kind in ipairs({"direct", "indirect"}) do
    local v = out["quotes_" .. kind]
    say("%-22s%s%s%s   speaker acc %.2f  attributed F1 %.2f", "quotes_" .. kind, f2(v.p), f2(v.r), f2(v.f),
      v.speaker_acc, v.attributed_f)
  end
  if #missing > 0 then say("missing articles in the output: %s", table.concat(missing, ", ")) end
  if failed > 0 then say("%d articles failed (rule errors above)", failed) end
  say("summary: actors_f1=%.2f direct_attr_f1=%.2f indirect_attr_f1=%.2f figures_f1=%.2f missing=%d",
    out.actors.f, out.quotes_direct.attributed_f, out.quotes_indirect.attributed_f, out.figures.f, #missing)
  return 0
end
