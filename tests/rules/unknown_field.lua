-- Test rule: a misspelt field must fail at load time, naming it and the line.
rule "test.typo" {
  stag = "quotes",
  run = function() end,
}
