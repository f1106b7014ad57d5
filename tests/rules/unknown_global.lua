-- Test rule: reading an undefined global fails loudly.
local x = undefined_thing
rule "test.global" { stage = "quotes", run = function() return x end }
