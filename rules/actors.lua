-- Actors: runs of capitalised words that are not at a sentence start alone.
rule "actor.capitalised" {
  stage = "actors",
  doc = "two or more capitalised words in a row name a person",
  run = function(doc)
    local n = doc:ntok()
    local i = 1
    while i <= n do
      if doc:kind(i) == "word" and doc:is(i, "title") and not doc:is(i, "upper") then
        local j = i
        while j + 1 <= n and doc:kind(j + 1) == "word" and doc:is(j + 1, "title") and not doc:is(j + 1, "sent_start") do
          j = j + 1
        end
        if j > i then
          local s = doc:tok(i)
          local _, e = doc:tok(j)
          doc:add("mention", s, e, {type = "person"})
        end
        i = j
      end
      i = i + 1
    end
  end,
}
