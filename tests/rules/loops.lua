-- Test rule: loops for ever, and tries to swallow the limit error with pcall.
rule "test.loops" {
  stage = "quotes",
  run = function()
    while true do pcall(function() while true do end end) end
  end,
}
