-- Test rule: turns the article's metadata and first token into output.
rule "test.meta" {
  stage = "actors",
  run = function(doc)
    local title = doc:meta()["title"]
    local s, e = doc:tok(1)
    doc:add("mention", s, e, {type = "person"})
    if title then doc:add("quote", s, e, {kind = "direct", speaker = {name = title}}) end
  end,
}
