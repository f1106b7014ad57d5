-- Test rule: fails on the article whose id is "fine", works on others.
rule "test.raises" {
  stage = "quotes",
  run = function(doc)
    local s, e = doc:tok(1)
    doc:add("mention", s, e, {type = "person"})
    if doc:id() == "fine" then
      local t = nil
      return t.field
    end
  end,
}
