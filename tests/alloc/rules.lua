-- A small rule set for the allocation-failure sweep: every primitive once
-- (regex, lexicon, token pattern, annotations, output layers), few enough
-- allocations that failing each one in turn stays fast.
local PLACES = lexicon "places"
local SAID = pattern{ {title = true, op = "+", capture = "who"}, {lower = {"said", "told"}} }
local PCT = re([[(\d+(?:\.\d+)?)%]])

rule "alloc.places" { stage = "actors", lexicon = "places", layer = "mention", fields = {type = "place"} }

rule "alloc.speakers" {
  stage = "actors",
  run = function(doc)
    for i, j, caps in SAID:each(doc) do
      doc:add("mention", caps.who.start, caps.who["end"], {type = "person"})
    end
  end,
}

rule "alloc.figures" {
  stage = "figures",
  run = function(doc)
    for s, e, vs, ve in PCT:each(doc) do
      doc:add("figure", s, e, {value = tonumber(doc:text(vs, ve)), unit = "%", kind = "percent"})
    end
  end,
}

rule "alloc.quotes" {
  stage = "quotes",
  run = function(doc)
    for i in doc:tokens() do
      if doc:kind(i) == "quote" and doc:is(i, "open") then
        for j = i + 1, doc:ntok() do
          if doc:kind(j) == "quote" then
            local _, s = doc:tok(i)
            local e = doc:tok(j)
            doc:add("quote", s, e, {kind = "direct", speaker = {name = "x"}})
            break
          end
        end
      end
    end
  end,
}
